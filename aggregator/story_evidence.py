"""Evidence that an article tells another event than a story it resembles.

Linking (`aggregator.stories`) scores an article against a candidate story by meaning
(centred vectors) and shared keys; this module is the other side of the scale: a penalty,
0 to about 1, for each sign that the article reports a different incident of the same
actors (another finalist named in the headline, another specific place on another day,
another stated day, score or count, another kind of incident, other craft). Each is
scaled by how much of the story disagrees, so one odd report in a story does not decide.
Pure: no I/O.

The weights were chosen on half a of the labelled corpus; `benchmarks/stories_eval.py
--set NAME=VALUE` switches any of them for an ablation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .event_dates import day_disagreement, tally_disagreement
from .headline_cues import same_maker
from .incidents import (
    CONSEQUENCE_KINDS,
    PLACE_BOUND_KINDS,
    SEQUEL_KINDS,
    craft_conflict,
    kind_disagreement,
)
from .langs import family
from .places import countries_named as _countries
from .places import foreign as _foreign
from .places import region as _region
from .places import regions as _regions

if TYPE_CHECKING:
    from .stories import Member, Pool

# Evidence against joining (`conflict`): chosen on half a of the corpus.
NAME_PENALTY = 0.35  # headlines naming different people/companies: different events
NAME_ONE_SIDED = 0.4  # share of NAME_PENALTY when only the article names someone new
PLACE_PENALTY = 0.5  # other specific place on another day: a different incident (near-veto)
PLACE_GAP_HOURS = 12.0
# Within PLACE_GAP_HOURS the place penalty counts at this share, and only against reports
# that name places and countries (or cities), all other than the article's: two port
# strikes on one day in Rotterdam and in Montreal. (Without the country condition, or at
# full weight, it split one-day events told from several places: a and c lost recall.)
PLACE_SAME_DAY = 0.5
# The article states its event's day and it is none of the days the story's reports state:
# another incident of the same actors in the same place (two finals in one arena a day apart).
# Scaled by the share of the story's dated members it disagrees with, so a story whose
# follow-ups state both days ("summoned on Tuesday over Monday's collision") is not
# disagreed with wholesale.
DATE_PENALTY = 0.06
# Another score ("3-0" against "3-2") or another count of the same kind of thing ("two
# boats" against "一艘"): another match, another incident. Scaled like DATE_PENALTY.
TALLY_PENALTY = 0.35
# A headline naming another kind of incident than every headline of the story (a capsizing
# against a boarding, a fab fire against quarterly results): scaled like TALLY_PENALTY.
KIND_PENALTY = 0.45
# ... and more when a day or more separates it from every story headline naming a kind: on
# one day two kinds may be one event told two ways (a quake and the collapse it caused);
# days apart they are the next incident or stage (the group game, then the final three
# days later: f's final reports joined the group game's story at 0.45). 0.6 to 1.0 gave the
# same figures on a-g; the least of them is kept.
KIND_PENALTY_APART = 0.6
KIND_GAP_HOURS = 24.0
# Sequel kinds (the market's move, a docking) are the news's own story within this many
# hours of it, and count as any kind from there to KIND_GAP_HOURS: the next morning's rally
# or docking, 16-20 hours after the evening's launch. 12-16 alike (g 0.982 -> 1.000, n 0.951
# -> 1.000, with `headline_cues.market_mover`); 24 left them in. Stop 35: 16 -> 12, from blind
# half bb (a miner's shares losing 61% as trading resumed, 12 hours after the evening's last
# report of its licence revoked: precision 0.902 -> 1.000); av the same story (0.862 ->
# 0.946, recall 0.911 -> 0.880: the next day's explainer now joins the shares' story), as
# recall 0.862 -> 0.843 (an explainer on price cuts against the market's slide).
SEQUEL_GAP_HOURS = 12.0
MARKET_KINDS = frozenset({"market", "currency"})  # a market's move on the news
# A headline naming a sequel kind and the story's own kind, this many hours or more from the
# story's kind-naming reports, is the sequel (`_sequel_first`): "麻疹病例破900 乌兰巴托中小学
# 停课两周" the morning after the outbreak was declared (blind half bc: precision 0.919 ->
# 1.000 with 停课 read as a closure); so is a consequence (`incidents.CONSEQUENCE_KINDS`):
# 巴西撤换与渡轮相撞的护卫舰舰长 17 hours after the collision's last report (blind half bg;
# 18 -> 16 for it). Within it, the same evening's report of a blizzard's school closures
# (学校停课, 14 hours on) is the blizzard's (half z: at 12, recall 0.897 -> 0.846).
SEQUEL_FIRST_HOURS = 16.0
CRAFT_PENALTY = 0.35  # its headline's craft (militia boat) none of the story's (coast guard)
# The article names countries, a half day or more from every report of the story, and
# the story's reports name others: another country's event of the same kind (Vietnam's
# heat record, then Laos's the next day). Scaled by the share of the story's reports
# naming countries. Mainland China, Taiwan, Hong Kong and Macau count as one here: one
# side's reaction to the other's news is the news's story. At 0.1-0.35 alike, half i
# 0.885 -> 0.970 precision and a-h unchanged; without the half-day gap or the folding,
# a, b and f lost recall (stop 23: the same-day and any-gap variants were dropped).
COUNTRY_APART = 0.2
# ... and the headlines lead with another country (`entities.lead_country`: the one named
# first), a half day or more apart: tit-for-tat expulsions (Estonia expels Russians, then
# Russia expels Estonians: each names both countries, so COUNTRY_APART cannot see them),
# one central bank's cut and the neighbour's. Scaled by the share of the story's headlines
# leading with a country. 0.3-0.4 alike (j 0.916 -> 1.000 precision, a-k otherwise the
# same); 0.7 cost a recall (a minister's visit led by either country).
LEAD_APART = 0.35
# Within the half day, the same, counted only against headlines naming none of the
# article's countries: floods in Niger's capital and in a Nigerian state on one day. A
# bilateral event's reports lead with either side but name both, and stay one. Read from
# half m (0.629 -> 0.657 precision); 0.2-0.3 alike, a-l unchanged; 0.4 cost d recall.
# Against headlines of the article's language family only: each language leads by its own
# angle ("first Czech astronaut" against 美国私营载人航天任务, one launch): g recall 0.918 ->
# 0.941 (stop 26), the other halves unchanged.
LEAD_SAME_DAY = 0.25
# Within the half day, an incident that happens in one place (`PLACE_BOUND_KINDS`, named by
# the article or the story) told from another country than every country-naming report of
# the story names, in any language and by a place's country too (Cebu: the Philippines):
# the same kind of incident elsewhere the same day. Scaled by the share of those reports.
# Read from half an (stop 31: precision 0.896 -> 0.977, the Cebu and Phnom Penh poisonings);
# n lost one pair (a lead naming Mauritius as Reunion's neighbour), the others unchanged.
COUNTRY_SAME_DAY = 0.25
# ... and more when the headlines tell it: the article's headline names a country none of
# the story's headlines names and none of its reports mentions (a methane blast in a
# "Polish coal mine" against the Colombian one of the same afternoon, whose reports never
# name Poland; the Polish report's lead recalls Colombia's). Blind half bj (precision 0.861
# -> 0.919 with "Polish" read as Poland); 0.25 left the two blasts one story; no other half
# moved at 0.5. Not for every kind: storms and quakes are told from each country they reach
# (applied to all kinds, stop 37: g, m, r, v, at, bg and bj lost recall, and blind half bk's
# two same-day snowstorms at the Brenner and in Bulgaria stayed one story).
HEADS_ELSEWHERE = 0.5
# The article's headline calls its incident a repeat ("collapses again", 再度, "second
# blackout in two days") and none of the story's headlines does: the next incident, not a
# report of the first (Cuba's grid collapse, then the second one two days later). Read from
# half m (0.669 -> 0.713 precision); 0.35-0.8 alike, a-l unchanged.
REPEAT_PENALTY = 0.5
# The article's headline reports a launch by another maker than every launch headline of
# the story in its language (`headline_cues.launch_maker`): the rival's cheaper robot the
# day after the first maker's, another brand's glasses. Scaled by the share of those
# headlines. Only within one language family: 优必选 and UBTech are one maker. A headline
# reporting a company's shares moving names that company the same way
# (`headline_cues.market_mover`): UBTech's slide does not join AgiBot's launch (n), nor a
# chip maker's limit-up the rival model's (o 0.820 -> 0.862).
MAKER_PENALTY = 0.5
# The article's English headline opens with a name (`story_keys.headline_subject`: "UBS and
# PostFinance to charge...", "Gotion says...") and, a half day or more apart, the story's
# English headlines that open with names open with others and do not name it: the next
# day's move of another actor (the banks passing on a central bank's cut, a rival's answer
# to a launch). Scaled by the share of those headlines.
SUBJECT_APART = 0.35
# A headline reporting its incident going on (`Member.follow`: the toll, the search, the
# explainer, 原因查明) names kinds of the aftermath (the leak the blast's cause was, the
# findings): they count at this share against the story's kinds. Read from halves ae and
# af (af 0.911 / 0.937 -> 0.923 / 0.966 with FOLLOW_RELIEF); 0 cost v precision.
FOLLOW_KIND = 0.5


def conflict(article: Member, members: Sequence[Member], keys: set[str], pool: Pool) -> float:
    """Evidence that the article tells another event than the story: a penalty, 0 to 1+.

    - names: the headline names someone the story never mentions, and the story's headlines
      name someone the article never mentions (Sinner/Alcaraz against Zheng/Sabalenka: one
      tournament, two finals); scored by the rarer side's rarity-weighted share;
    - places: both name specific places, none shared, on another day (the Kinmen incident
      against the Scarborough Shoal one a day earlier: same actors, other place, other day);
    - countries: the same at the level of countries (`COUNTRY_APART`), and a headline that
      leads with another country a half day or more apart (`LEAD_APART`), or the same day
      with none of the article's countries named, in its language (`LEAD_SAME_DAY`);
    - another stated day, score, count, magnitude or game of a series, incident kind or
      craft; a headline calling its incident a repeat (`REPEAT_PENALTY`).
    """
    # A Latin-script name (w:sinner) is checkable only against text in the same language:
    # Chinese copy transliterates names the table lacks. Table names (Han headwords) are
    # language-independent and always count.
    fam = family(article.lang)
    same = [m for m in members if family(m.lang) == fam]
    names = set().union(*(m.names for m in same), *(_han(m.names) for m in members))
    mine = article.names if same else _han(article.names)
    mine, theirs = mine - keys, names - article.keys
    score = 0.0
    if mine:
        a = sum(pool.idf(k) for k in mine) / sum(pool.idf(k) for k in article.names | mine)
        b = sum(pool.idf(k) for k in theirs) / sum(pool.idf(k) for k in names) if theirs else 0
        # One-sided (a headline names someone the story never mentions) counts less: a
        # follow-up may name a new official; two-sided is two events of one kind.
        score += NAME_PENALTY * max(min(a, b), NAME_ONE_SIDED * a)
    slack = [0 if family(m.lang) == fam else 1 for m in members]  # other time zones
    score += DATE_PENALTY * day_disagreement(article.days, [m.days for m in members], slack)
    # A toll risen, a search's count: a follow-up's figure is the incident's next one. Not
    # another game of a series: "career ends with second-round loss" is no first round's.
    told = article.tallies if not article.follow else _games(article.tallies)
    score += TALLY_PENALTY * tally_disagreement(told, [m.tallies for m in members])
    score += (FOLLOW_KIND if article.follow else 1.0) * _kind_conflict(article, members)
    if craft_conflict(article.craft, [m.craft for m in members]):
        score += CRAFT_PENALTY
    if article.repeat and not any(m.repeat for m in members):
        score += REPEAT_PENALTY
    score += MAKER_PENALTY * _maker_disagreement(article, same)
    t = article.when.timestamp()
    gap = min(abs(m.when.timestamp() - t) for m in members)  # to the story's nearest report
    later = gap >= PLACE_GAP_HOURS * 3600  # a half day or more from every report
    if later:
        score += COUNTRY_APART * _country_disagreement(article, members)
        score += LEAD_APART * _lead_disagreement(article, members)
        score += SUBJECT_APART * _subject_disagreement(article, same)
    else:
        score += LEAD_SAME_DAY * _lead_disagreement(article, same, disjoint=True)
        score += _elsewhere(article, members)
    placed = [m for m in members if m.places]
    if article.places and placed:
        dates = {k for k in article.keys if k.startswith("d:")}
        apart = later or bool(dates and not dates & keys)
        mine = set() if apart else _countries(article.keys, article.places)
        # By share of the story's reports: one report of the Guangzhou outbreak that
        # mentions Hong Kong does not make Hong Kong's first case the same event. On the
        # same day, only reports whose countries (named, none shared) differ too count.
        other = sum(
            1
            for m in placed
            if not m.places & article.places
            and (apart or _foreign(_countries(m.keys, m.places), mine))
        )
        score += PLACE_PENALTY * (1.0 if apart else PLACE_SAME_DAY) * other / len(placed)
    return score


def _maker_disagreement(article: Member, same: Sequence[Member]) -> float:
    """Share of the story's launch (or share-move) headlines in the article's language
    family whose maker is not the article's (0 when the article's headline names none)."""
    if article.maker is None:
        return 0.0
    told = [m.maker for m in same if m.maker is not None]
    return sum(1 for t in told if not same_maker(article.maker, t)) / len(told) if told else 0.0


def _subject_disagreement(article: Member, same: Sequence[Member]) -> float:
    """Share of the story's headlines in the article's language family that open with
    names, none of them the article's, and do not name the article's subject (0 when the
    article's headline opens with none)."""
    if not article.subject:
        return 0.0
    told = [m for m in same if m.subject]
    other = [m for m in told if not (m.subject | m.names) & article.subject]
    return len(other) / len(told) if told else 0.0


def _country_disagreement(article: Member, members: Sequence[Member]) -> float:
    """Share of the story's country-naming reports that name none of the article's
    countries (0 when the article names none). `conflict` asks only when the article is
    PLACE_GAP_HOURS or more from all of them."""
    return _naming_none(_regions(article.keys), (_regions(m.keys) for m in members))


def _elsewhere(article: Member, members: Sequence[Member]) -> float:
    """The penalty for an incident elsewhere the same day: COUNTRY_SAME_DAY times the share
    of the story's country-naming reports naming none of the article's countries (places by
    their country), where the article or the story names an incident that happens in one
    place; 0 otherwise, and for a follow-up naming no kind (the toll risen, told with a
    foreign victim's nationality). Headlines' countries (`Member.heads`) count first, at
    HEADS_ELSEWHERE, when the story's reports never name the article's."""
    if article.follow and not article.kinds:
        return 0.0
    if not article.kinds.union(*(m.kinds for m in members)) & PLACE_BOUND_KINDS:
        return 0.0
    # By the headlines' countries too, when no report of the story names the article's
    # headline country anywhere: the Asuncion report that recalls the Buenos Aires record
    # of the same afternoon names Argentina, but the Buenos Aires reports never Paraguay.
    mine = {_region(c) for c in article.heads}
    told = _naming_none(mine, ({_region(c) for c in m.heads} for m in members))
    if told and not any(mine & _regions(m.keys) for m in members):
        return HEADS_ELSEWHERE * told
    return COUNTRY_SAME_DAY * _naming_none(
        _regions(_countries(article.keys, article.places)),
        (_regions(_countries(m.keys, m.places)) for m in members),
    )


def _naming_none(mine: set[str], theirs: Iterable[set[str]]) -> float:
    """Share of the non-empty country sets in `theirs` holding none of `mine` (0 when
    `mine` is empty or none is non-empty)."""
    if not mine:
        return 0.0
    told = [c for c in theirs if c]
    return sum(1 for c in told if not c & mine) / len(told) if told else 0.0


def _lead_disagreement(
    article: Member, members: Sequence[Member], *, disjoint: bool = False
) -> float:
    """Share of the story's headlines that lead with another country than the article's
    (0 when the article's names none); with `disjoint`, only those naming none of the
    article's countries count."""
    if article.lead is None:
        return 0.0
    mine = _region(article.lead)
    regions = _regions(article.keys) | {mine} if disjoint else set()
    told = [m for m in members if m.lead is not None]
    other = [m for m in told if _region(m.lead or "") != mine and not (regions & _regions(m.keys))]
    return len(other) / len(told) if told else 0.0


def _games(tallies: frozenset[str]) -> frozenset[str]:
    return frozenset(t for t in tallies if t.startswith("g:"))


def _kind_conflict(article: Member, members: Sequence[Member]) -> float:
    """KIND_PENALTY_APART times the kind disagreement when the article is KIND_GAP_HOURS or
    more from every member whose headline names a kind; else KIND_PENALTY times it, sequel
    kinds left out within SEQUEL_GAP_HOURS (the same day the market's move or the docking is
    the news's story). Against a story whose headlines name no kind: `_kind_after_silence`."""
    told = [abs((m.when - article.when).total_seconds()) for m in members if m.kinds]
    if article.kinds and members and not told:
        return _kind_after_silence(article, members)
    nearest = min(told) if told else 0.0
    weight = _kind_weight(nearest)
    # A market's move counts from the story's first report too: the toll's update in the
    # night does not make the next morning's share slump the same day's (宜宾工厂火灾次日
    # 青川能源股价跌停, blind half bt). Not the other sequels: a blizzard's closures on its
    # second day are its own news's (half z).
    moved = (
        bool(article.kinds & MARKET_KINDS)
        and (article.when - min(m.when for m in members)).total_seconds()
        >= SEQUEL_FIRST_HOURS * 3600
    )
    if nearest >= SEQUEL_GAP_HOURS * 3600 or moved:
        late = nearest >= SEQUEL_FIRST_HOURS * 3600 or moved
        mine = _sequel_first(article, members) if late else article.kinds
        return weight * kind_disagreement(mine, [m.kinds for m in members])
    mine = article.kinds - SEQUEL_KINDS
    theirs = [m.kinds - SEQUEL_KINDS for m in members]
    if "retaliation" in mine and not any(theirs):
        # a state hitting back is news of its own the same day, against the market's slide
        # on the same news too (北京回应欧盟搜查 against 山海集团港股重挫)
        theirs = [m.kinds for m in members]
    return weight * kind_disagreement(mine, theirs)


def _sequel_first(article: Member, members: Sequence[Member]) -> frozenset[str]:
    """The article's kinds, or only its sequel and consequence kinds when none of the story's
    headlines names them: a sequel or a consequence (a sacking, an arrest, an appeal) a day
    on is news of its own, and the incident it follows is its background ("Ulaanbaatar
    shuts schools as measles cases pass 900", 麻疹病例破900 乌兰巴托中小学停课两周 the
    morning after the outbreak was declared). Not an inquiry's findings: "AWS blames
    chiller failure for Tokyo outage" names the outage as its object."""
    sequel = article.kinds & (SEQUEL_KINDS | CONSEQUENCE_KINDS) - {"findings"}
    if not sequel or any(m.kinds & sequel for m in members):
        return article.kinds
    return sequel


def _kind_after_silence(article: Member, members: Sequence[Member]) -> float:
    """An article naming a kind, against a story none of whose headlines names one: the
    news it follows is told there without one (OPEC+ raising output, then oil's slump the
    next day; a heat record, then the blackouts; tourists stranded, then the operator's
    chief sacked). A sequel SEQUEL_GAP_HOURS after the story's first report, any other kind
    KIND_GAP_HOURS after it, is news of its own, as it is against a story that names its
    kind. Counted from the first report, when the news broke: its evening follow-ups do not
    make the next morning's market the same day's."""
    # "rescued from the flooded mine": the incident going on, no new kind; but an inquiry
    # or a consequence is never the incident going on (对医疗救援进行独立调查)
    if article.follow and not article.kinds & (CONSEQUENCE_KINDS | {"probe"}):
        return 0.0
    since = (article.when - min(m.when for m in members)).total_seconds()
    gap = SEQUEL_GAP_HOURS if article.kinds <= SEQUEL_KINDS else KIND_GAP_HOURS
    return _kind_weight(since) if since >= gap * 3600 else 0.0


def _kind_weight(seconds_apart: float) -> float:
    """KIND_PENALTY_APART a day (KIND_GAP_HOURS) or more apart, else KIND_PENALTY."""
    return KIND_PENALTY_APART if seconds_apart >= KIND_GAP_HOURS * 3600 else KIND_PENALTY


def _han(keys: frozenset[str]) -> set[str]:
    """The language-independent keys: dictionary and names-table headwords, not w:/n:/d:."""
    return {k for k in keys if ":" not in k}
