"""Whether a report that falls short of a story, or comes late to it, still continues it.

`aggregator.stories` joins a report to the story whose threshold it clears, and charges a
report that comes a day or more after the story's burst. Some reports of one incident are
framed unlike its first ones (the next morning's explainer, the company's account two days
on, the late report that retells its figures); these rules say when such a report is the
same incident all the same. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .incidents import COMPETITION_KINDS

if TYPE_CHECKING:
    from .stories import Member

# Figures (n: keys) a late report must share with a story to continue it (`restates`):
# 2 gained ap, at 1 nine halves lost precision.
RESTATED = 2
# A follow-up (`Member.follow`) that falls short of its best story by at most
# DOMINANT_RELIEF, of every other by DOMINANT_GAP more, and meets no conflict with it joins
# it (`dominant`): the next morning's explainer or profile, framed unlike the first reports,
# whose only plausible story is that one. Over 48 halves, 0.25 / 0.2 gained ag, am, ar, as
# and at recall and lost no precision; a gap of 0.1 cost an's precision (0.980 -> 0.948);
# without the conflict check ao's second round joined the first. A report without a cue
# may fall short by PLAIN_RELIEF: 0.04 gained ab, ac, ai, as, d, f, g, m, n, r, s and w
# recall (mean 0.948 -> 0.954) and lost no precision; 0.06 cost seven halves' precision.
# Stop 35, over 54 halves: a gap of 0.15 gained au recall (0.853 -> 0.878: a social-media
# piece the morning after a climbing final, 0.17 ahead of the other stories) and changed no
# other half; 0.1 gained al and ao too but again cost an's precision.
DOMINANT_RELIEF = 0.25
DOMINANT_GAP = 0.15
PLAIN_RELIEF = 0.04
# Stop 38: a report without a cue whose headline names only kinds the story's headlines
# name, and a country they name, may fall short by KIND_RELIEF ("贊比亞銅礦塌方 兩礦工遇難
# 鑽孔聯絡上15人" the morning after "Seventeen miners trapped after collapse at Zambian
# copper mine", 0.075 short: blind half bo's rescue then split in three and the licence
# suspension joined its last part). Over 68 halves, 0.1: bo 0.892 -> 0.971, bi, o up, ah
# down (a regulator summoning the chief "over data leak" the next day joined the leak);
# without the country, ar's metro stoppages in Bangkok and Santiago merged; 0.2 (without
# the country) cost bh's and bj's precision.
KIND_RELIEF = 0.1

# (margin, story, score, against): a candidate story's margin over its threshold, its
# combined score, and the conflicting evidence (`story_evidence.conflict`) inside the score.
Candidate = tuple[float, int, float, float]


def continues(article: Member, members: Sequence[Member]) -> bool:
    """The article's English headline opens with the name a story headline opens with and
    names an incident kind that headline names ("AWS blames chiller failure for Tokyo
    outage" two days after "AWS Tokyo outage knocks out PayPay"): the same actor's account
    of the same incident, not the situation's next stage. Not a competition's stages: the
    same player levels a final one day and wins it two days later."""
    kinds = article.kinds - COMPETITION_KINDS
    if not article.subject or not kinds:
        return False
    return any(m.subject & article.subject and m.kinds & kinds for m in members)


def restates(article: Member, keys: set[str]) -> bool:
    """The article states RESTATED or more of the figures the story's reports state (11
    hours and 9.2 million users, the next day): the same incident retold, whatever its
    headline's framing. One shared figure is not enough: a next day's event repeats the
    toll it follows (a sweep with one lost precision on nine halves)."""
    return len({k for k in article.keys if k.startswith("n:")} & keys) >= RESTATED


def dominant(
    article: Member,
    every: list[Candidate],
    told: frozenset[str] = frozenset(),
    heads: frozenset[str] = frozenset(),
) -> bool:
    """Whether the best of `every` (candidate scores, best first, none cleared) is the only
    plausible story: short of it by DOMINANT_RELIEF at most (PLAIN_RELIEF without a
    follow-up cue, KIND_RELIEF where its headline names only kinds of the story's `told`
    and a country of its `heads`), the next candidate DOMINANT_GAP further behind, and no
    conflicting evidence inside its score (the `against` that `candidate_scores` computed,
    over the same members in the article's window)."""
    best, _, _, against = every[0]
    second = every[1][0] if len(every) > 1 else -9.0
    relief = DOMINANT_RELIEF if article.follow else PLAIN_RELIEF
    if not article.follow and article.kinds and article.kinds <= told and article.heads & heads:
        relief = KIND_RELIEF
    return best >= -relief and second <= best - DOMINANT_GAP and against == 0.0
