"""What kind of incident a headline reports, in either language: a collision, a boarding,
a capsizing, a fire, an earthquake, an earnings report...

Two reports can share actors, place and day and still tell different events: a coast guard
boarding in Kinmen's waters one day and a speedboat capsizing there the next; a chipmaker's
quarterly results and a fire at one of its fabs. The embeddings and the dictionary keys see
the same actors and place; the headline's verb says what happened, and headlines state it in
both languages. This module names the kind; `aggregator.stories` counts a story whose
headlines report other kinds only as evidence against joining it.

The same goes for who was involved, by kind of craft (`craft_kinds`: coast guard, militia,
fishing, navy...): two collisions at one shoal a day apart, one by a coast guard ship and one
by a militia boat. Both read the headline's main clause: in "X, a day after Y", Y is
background, often the earlier incident itself.

Only incidents that are events in themselves are kinds. Reactions (condemns, summons,
protests to) and outcomes that follow many incidents (deaths, injuries, evacuations) are
not: a follow-up headline reporting the reaction to a collision is the collision's story.
Steps of an affair that are news of their own are kinds too: a verdict and the board's
dismissal the next day, a text agreed and then signed, a summit and the pact two of its
members sign the morning after. What a Chinese headline says is expected or scheduled
(定于19日宣判) is cut first. Other cues (a repeat, a launch's maker) are in
`aggregator.headline_cues`; the words of each kind in `aggregator.incident_words` and
`aggregator.affair_words` (with `aggregator.business_words`). Pure text work: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from .incident_words import CRAFT as _CRAFT
from .incident_words import KINDS as _KINDS
from .segment import fold_traditional

# "X, a day after Y" / "X after Y": Y is background, often the earlier incident itself;
# so is the Y of "X before Y" ("Crush at stadium kills 12 before cup final") and of "X
# behind Y" ("Hanoi halts nine mines of the coal company behind deadly flood").
_BACKGROUND = re.compile(
    r",?\s+(?:(?:a|one|two|three|\d+)\s+(?:days?|hours?)\s+)?"
    r"(?:(?:after|before)\b.*|(?<!from )behind\b[^,;:]*$)",
    re.I,
)


HEADLINE_CHARS = 300  # a "headline" longer than this is feed junk; its start is enough


def main_clause(headline: str) -> str:
    """The headline without a trailing "after ..." or "before ..." clause (English; Chinese
    headlines pass unchanged). Whitespace is collapsed first: `_BACKGROUND` would be
    quadratic on a long run of spaces in a hostile title."""
    return _BACKGROUND.sub("", " ".join(headline[:HEADLINE_CHARS].split()))


_Table = tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]
# Kinds whose words hold another kind's ("半决赛" holds "决赛", "reach the final" holds
# "final", "罢工结束" holds "罢工"): once found, their words are cut from the headline
# before the next kinds.
_CUT_WHEN_FOUND = frozenset(
    {
        "aid",
        "disqualification",
        "semifinal",
        "strike-end",
        "retaliation",
        "summons",
        "rejection",
        "block",
        "order",
        "ipo-pricing",
        "bank-rates",
    }
)
# Kinds that follow another kind's news: against it only a day or more apart (their words
# and why: `affair_words`). A reopening too: the road reopened the same evening the drivers'
# blockade began, the withdrawals to reopen on the day of the hack's arrests, are that news's
# end (blind halves bg and be, stop 37: 0.926 -> 0.936 and 0.956 -> 0.966 F1, no half lost);
# the port reopening days after its strike is news of its own.
SEQUEL_KINDS = frozenset(
    {
        "market",
        "currency",
        "docking",
        "aid",
        "probe",
        "closure",
        "cancellation",
        "findings",
        "reopening",
        "summons",
    }
)
# What an incident brings on its people (a captain relieved, an owner arrested): named beside
# the incident's own kind a day on, it is the news (`story_evidence._sequel_first`).
CONSEQUENCE_KINDS = frozenset({"dismissal", "arrest", "charges", "resignation", "court-challenge"})
# Incidents that happen in one place: two of one kind in two countries on one day are two
# events (school lunches poisoning pupils in Cebu and garment workers in Phnom Penh). Not
# storms, quakes or outages, whose one event is told from each country it reaches, nor
# incidents at sea, told by either side.
PLACE_BOUND_KINDS = frozenset(
    {
        "poisoning",
        "collision",
        "capsize",
        "fire",
        "explosion",
        "flood",
        "landslide",
        "avalanche",
        "heat-record",
        "air-crash",
        "runway-excursion",
        "engine-failure",
        "plunge",
        "derailment",
        "collapse",
        "stampede",
        "spill",
        "shooting",
        "outbreak",
        "strike",
    }
)
# A competition's stages: one player's or team's reports of them are of successive events.
COMPETITION_KINDS = frozenset({"group-stage", "semifinal", "final", "leader", "result"})
# What an incident is the background of: the arrest, the inquiry's findings, a chief's
# removal, the charges or a licence pulled over it.
_AFTERMATH = frozenset({"arrest", "findings", "dismissal", "charges", "seizure"})
# Kinds that another kind's words hold: where these are named, a score or a match verb is
# theirs (no match's result of its own), a ban a court upholds is the court's ruling, the
# leak a test is scrapped over is the cancellation's, and the fire or poisoning an arrest or
# an inquiry's findings are about is their background (the arrests over the poisoning, a
# day later, are news of their own).
_DROPPED_BY: dict[str, frozenset[str]] = {
    "result": COMPETITION_KINDS - {"result"}
    | {"vote", "election", "no-confidence", "referendum", "referendum-result"},
    "ban": frozenset({"verdict", "court-challenge"}),  # and the ban taken to court
    "disqualification": frozenset({"verdict", "court-challenge"}),  # the appeal against it
    "charges": frozenset({"court-challenge"}),  # 提起诉讼 holds 起诉: a suit, not charges
    "outbreak": _AFTERMATH | {"ban"},  # the ban or the cause found over it
    # the vote a leader resigns over ("公投失利 总理辞职"): the resignation is the news
    **{k: frozenset({"resignation"}) for k in ("election", "vote")},
    # polling day or the result: a referendum's two days, each news of its own
    "referendum": frozenset({"resignation", "polling", "referendum-result"}),
    **{
        k: _AFTERMATH
        for k in (
            "poisoning",
            "fire",
            "explosion",
            "theft",
            "derailment",
            "collapse",
            "flood",
            "stampede",
            "air-crash",
        )
    },
    "leak": _AFTERMATH | {"cancellation"},  # and the test scrapped over the leak
}


@lru_cache(maxsize=2)
def _compiled(table: Literal["kinds", "craft"]) -> _Table:
    words = _KINDS if table == "kinds" else _CRAFT
    return tuple(
        (k, re.compile(rf"\b(?:{en})\b", re.I), re.compile("|".join(zh)))
        for k, (en, zh) in words.items()
    )


# Tournaments named after their last stage ("World Tour Finals", "ATP Finals", "squad for
# Finals in Malaga", 总决赛): the name is no stage, so its group games are not its final.
# Cut once "won the ... Finals" has been read as the final it is.
_EVENT_NAME_EN = re.compile(
    r"(?:\b[A-Z][\w-]*\s+)+Finals\b|\b(?:for|at|in|to|before|ahead of) (?:the )?Finals\b"
)
_WON_EVENT_EN = re.compile(r"\bwin\w*\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)+Finals\b")
_EVENT_NAME_ZH = re.compile("总决赛")
# What a Chinese headline says is expected or scheduled is not what happened: "定于19日宣判"
# (the verdict is set for the 19th) reports the trial's close, "料下周出任总理" a coalition.
# Cut with the words after it. Not 将 (also the object marker: 警方将嫌犯逮捕), and not 料
# or 拟 inside a word (材料, 燃料, 模拟, 虚拟).
_FUTURE_ZH = re.compile(
    r"(?:(?<![材资燃饮塑原预意香肥涂草饲史颜])料|(?<![模虚草])拟|预计|有望|定于|即将"
    r"|承诺|誓言|矢言)"
    r"[^，。,；;：:\s]{0,8}"
)


# What a Chinese headline names as the day before is background, as an English "after ..."
# clause is (`main_clause`): "预算案遭否决次日 总理辞职" reports the resignation, not the vote;
# "国产新药获批次日 卫材降价" the price cut. Cut up to 次日/翌日 within the clause.
_DAY_AFTER_ZH = re.compile(r"[^，。,；;：:\s]{0,20}(?:次日|翌日|隔天|隔日)")
# What a Chinese headline says is coming is not what happened (第二波暴雪將至: the storm on
# its way is the background of the schools shut): cut with its subject. Not 逼近: a
# typhoon or a fire closing in is the news (台风逼近 香港发出九号风球).
_COMING_ZH = re.compile(r"[^，。,；;：:\s]{0,8}(?:将至|将临)")


# What someone calls the event, in a short quotation, is a metaphor or a charge, not the event
# ("calls Macau scoring 'a robbery'", 称判罚是“抢劫”). Cut before kinds are read. Not a
# quotation without a calling verb before it: 议会投票宣布裁决“无效” is the vote's rejection.
_QUOTED = re.compile(
    r"(?:(?<![\w])(?:calls?|called|calling|dubs?|dubbed|brands?|branded|labels?|labell?ed)"
    r"|称|斥|形容)[^，。,；;:：]{0,24}?"
    r"(?:“[^”]{1,6}”|「[^」]{1,6}」|『[^』]{1,6}』"
    r"|(?<![\w'’])['‘](?:[^\s'’]+\s){0,2}[^\s'’]+['’](?![\w'’])"
    r"|\"(?:[^\s\"]+\s){0,2}[^\s\"]+\")",
    re.I,
)
# A score in a headline about a vote or an election is its count (议长选举 33比32), no match.
_VOTE = re.compile(r"\b(?:votes?|ballots?)\b|选举|投票|\d+票", re.I)


def _named(headline: str, table: Literal["kinds", "craft"]) -> frozenset[str]:
    """The kinds of `table` the headline's main clause names, in English or Chinese."""
    if not headline:
        return frozenset()
    headline = main_clause(headline)
    found: set[str] = set()
    if table == "kinds":
        headline = _QUOTED.sub(" ", headline)
        if _WON_EVENT_EN.search(headline):
            found.add("final")
        headline = " ".join(_EVENT_NAME_EN.sub(" ", headline).split())
    folded = fold_traditional(headline)
    if table == "kinds":
        folded = _FUTURE_ZH.sub(" ", _EVENT_NAME_ZH.sub(" ", _DAY_AFTER_ZH.sub(" ", folded)))
        folded = _COMING_ZH.sub(" ", folded)
    for kind, en, zh in _compiled(table):
        if en.search(headline) or zh.search(folded):
            found.add(kind)
            if kind in _CUT_WHEN_FOUND:
                headline = en.sub(" ", headline)
                folded = zh.sub(" ", folded)
    if table == "kinds" and _VOTE.search(folded):
        found.discard("result")
    return frozenset(k for k in found if not found & _DROPPED_BY.get(k, frozenset()))


def craft_kinds(headline: str) -> frozenset[str]:
    """The kinds of craft a headline names (coast guard, militia, fishing...), either
    language; empty when it names none."""
    return _named(headline, "craft")


def craft_conflict(mine: frozenset[str], theirs: list[frozenset[str]]) -> bool:
    """The article's headline names craft, the story's headlines name craft, and none in
    common. Against the union, not per report: a follow-up naming only the cutter belongs
    to the story whose other headlines name the coast guard ship that rammed it."""
    named = frozenset().union(*theirs)
    return bool(mine and named and not mine & named)


def incident_kinds(headline: str) -> frozenset[str]:
    """The incident kinds a headline names (English and Chinese words alike; a bilingual
    headline may name both). Empty when it names none: silence is no evidence."""
    return _named(headline, "kinds")


# Kinds that name no more than a class of events, and the kinds they agree with: a match's
# result could be any stage of a competition ("China edge Indonesia 3-2 to retain the Thomas
# Cup" is the final 夺冠 names); a retaliation is told by its measure too ("Nicaragua bans
# 30 Canadians and seizes a mine" is 尼加拉瓜反制加拿大); a default by the crash it sets off.
# Against a sacking, a signing or the veto retaliated against, they still disagree.
_AGREES_WITH = {
    "result": COMPETITION_KINDS,
    "retaliation": frozenset({"trade-measure", "seizure", "probe", "ban"}),
    "default": frozenset({"market"}),  # the crash a developer's default sets off
    "leak": frozenset({"cyberattack"}),  # the data a hack leaked
    "aid": frozenset({"summit"}),  # the money a forum pledges at its close
    "findings": frozenset({"arrest", "probe"}),  # the cause found, the culprit held
    "seizure": frozenset({"arrest"}),  # a ship "detained" in English is 扣押 (seized)
    "outage": frozenset({"grounding"}),  # a radar failure, told by the flights it halted (停飞)
    "signing": frozenset({"appointment"}),  # a driver signed as a team's reserve: his new post
    "agreement": frozenset({"strike-end"}),  # the pay deal a strike ends with
    "strike-end": frozenset({"reopening"}),  # 停摆60小时后复工: a port working again
    "court-challenge": frozenset({"charges"}),  # 起诉 is to sue as well as to prosecute
    "derailment": frozenset({"spill"}),  # the acid or the gas a derailed train spills
    # walls or homes brought down by the rain, the quake or the fire (5人死于围墙倒塌, "roofs
    # collapsed" the morning after a temple fire)
    "collapse": frozenset({"flood", "earthquake", "storm", "landslide", "fire", "explosion"}),
    # what a raid brings: the arrests, the charges, the documents seized
    "raid": frozenset({"arrest", "charges", "seizure", "probe"}),
}


def comparable(kinds: frozenset[str]) -> frozenset[str]:
    """The kinds as compared: each with the kinds it agrees with (`_AGREES_WITH`)."""
    return kinds.union(*(_AGREES_WITH[k] for k in kinds & _AGREES_WITH.keys()))


def kind_disagreement(mine: frozenset[str], theirs: list[frozenset[str]]) -> float:
    """Share of the story's headlines that name an incident kind, none of them the
    article's (0 when the article's headline or every story headline names none)."""
    told = [comparable(t) for t in theirs if t]
    if not mine or not told:
        return 0.0
    mine = comparable(mine)
    return sum(1 for t in told if not t & mine) / len(told)
