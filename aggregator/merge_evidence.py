"""Whether two stories are one event: the check before a bridging report merges them, and
after (a merge whose later reports set the parts apart is undone). Story against story, by
their core countries, their headlines' kinds, countries and launch makers. Pure: no I/O;
`aggregator.stories` asks `merge_conflict`, `aggregator.linker` asks `parts_conflict`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .entities import countries
from .headline_cues import same_maker
from .incidents import PLACE_BOUND_KINDS, SEQUEL_KINDS, comparable
from .langs import family
from .places import countries_named as _countries
from .places import foreign as _foreign
from .places import region as _region
from .places import regions as _regions
from .story_evidence import PLACE_GAP_HOURS

if TYPE_CHECKING:
    from .stories import Member, Pool

# A bridge merges two stories only if their core countries (named by more than this share
# of each story's reports) overlap: one report of Brazil's rate cut that reads like
# Indonesia's the same day does not make the two stories one.
CORE_SHARE = 0.5
# A bridge merges two stories that share a language family only while both are stubs of at
# most this many reports. The split a merge mends is an early report that started its own
# story, mostly in the other language; two stories that grew past that in one language have
# had their reports compared directly and kept apart. Over halves a-g every right merge was
# of stories without a common family or of two reports and one; the two wrong ones (g) each
# folded one report into a story of four in both languages. Stop 27: 4 gave n 0.906 ->
# 0.976 recall (a forum's closing day, a near miss that started its own story, bridged
# back) with a-m, o-q unchanged, and blind half r, measured with it, 0.778 -> 0.720
# precision (a tennis player's suspension and her sponsor dropping her the next day); 3
# is kept.
MERGE_STUB = 3


def merge_conflict(pool: Pool, story: int, other: int) -> bool:
    """Two stories an article bridges tell other events: each names core countries or
    cities (more than `CORE_SHARE` of its reports name them) and none in common, or each
    one's headlines name incident kinds and none in common (a tournament's group game and
    its final, with the same two players).

    Checked story against story, not against the bridge: the bridge is one report, the
    stories are many, and a wrong merge folds every report of one into the other (linking
    undoes it only once later reports set the parts apart, `parts_conflict`). Stories of one
    bilateral event share a core country whichever side each report leads with.

    Also refused: stories that share a language family once either holds more than
    `MERGE_STUB` reports (their reports in that family were already kept apart)."""
    groups = [[pool.members[i] for i in pool.by_story[s]] for s in (story, other)]
    families = [{family(m.lang) for m in g} for g in groups]
    if families[0] & families[1] and max(map(len, groups)) > MERGE_STUB:
        return True
    return parts_conflict(*groups)


def parts_conflict(one: Sequence[Member], other: Sequence[Member]) -> bool:
    """Two groups of reports tell other events: each has core countries and none in common
    (or one in common and each one the other lacks: `_crossed`), or each one's headlines
    name incident kinds (sequels aside) and none in common, or launch makers and none in
    common. Checked before a bridge merges two stories, and after: a merged story whose
    later reports set the two parts apart this way was bridged wrongly, and linking undoes
    the merge."""
    kinds = [set().union(*(comparable(m.kinds - SEQUEL_KINDS) for m in g)) for g in (one, other)]
    cores = _core(one), _core(other)
    crossed = _crossed(*cores) and _hours_apart(one, other) >= PLACE_GAP_HOURS
    return (
        _foreign(*cores)
        or crossed
        or _foreign(*kinds)
        or _makers_apart(one, other)
        or _headlines_elsewhere(one, other)
    )


def _headlines_elsewhere(one: Sequence[Member], other: Sequence[Member]) -> bool:
    """An incident that happens in one place (a kind of `PLACE_BOUND_KINDS` in either
    group's headlines), told under headlines naming other countries (none in common),
    where one group's reports never name the other's headline countries: the heat records
    of Buenos Aires and Asuncion the same afternoon, bridged by a report of one that
    recalls the other (ba 0.906 -> 1.000 precision, f 0.972 -> 1.000, no half lost)."""
    if not set().union(*(m.kinds for m in [*one, *other])) & PLACE_BOUND_KINDS:
        return False
    heads = [{_region(c) for m in g for c in m.heads} for g in (one, other)]
    if not _foreign(*heads):
        return False
    named = [set().union(*(_regions(m.keys) for m in g)) for g in (one, other)]
    return not (heads[0] & named[1]) or not (heads[1] & named[0])


def _crossed(one: set[str], other: set[str]) -> bool:
    """Both have core countries, one in common, and each one the other has not: one actor
    with two partners (a minister in Uzbekistan, then in Kyrgyzstan). Only a half day or
    more apart: the same day, a match's reports name the two clubs' countries and another
    club's (Shenhua and Ulsan; Kobe, the next opponent)."""
    return bool(one & other and one - other and other - one)


def _hours_apart(one: Sequence[Member], other: Sequence[Member]) -> float:
    """Hours between the two groups' nearest reports."""
    return min(abs((a.when - b.when).total_seconds()) for a in one for b in other) / 3600


def _makers_apart(one: Sequence[Member], other: Sequence[Member]) -> bool:
    """In some language family, both groups' headlines name launch makers, and no maker
    of one is a maker of the other (UBTech's robot and AgiBot's, bridged by a report of
    the price war between them)."""
    for fam in ("en", "zh"):
        a = [m.maker for m in one if m.maker is not None and family(m.lang) == fam]
        b = [m.maker for m in other if m.maker is not None and family(m.lang) == fam]
        if a and b and not any(same_maker(x, y) for x in a for y in b):
            return True
    return False


def _core(members: Sequence[Member]) -> set[str]:
    """The countries more than CORE_SHARE of the reports name; a report that names no
    country counts its places' (Istanbul's Turkey: `places.countries_named`), as `conflict`
    does, or a taxi strike there and one in Bangkok that morning had no cores apart."""
    counts: Counter[str] = Counter()
    for m in members:
        counts.update(countries(m.keys) or countries(_countries(m.keys, m.places)))
    need = CORE_SHARE * len(members)
    return {k for k, n in counts.items() if n > need}
