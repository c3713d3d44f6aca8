"""The day(s) an article says its event happened, resolved against its publication date.

Two reports that share actors, place and vocabulary can still tell different incidents a day
apart (a women's and a men's final in one arena, two boardings in the same waters). What
survives translation and tells them apart is the day each report states: "on Tuesday",
"Monday's collision", "March 24", 周二, 週六, 3月24日, 22日, 昨天. Weekday words and bare
day-of-month numbers are resolved to the nearest such day at or before the publication day
(one day after it allowed, since an English wire dates by UTC and the event's local day can
be ahead). Pure text work: no I/O; `aggregator.stories` decides what a disagreement means.

Returns proleptic ordinals (`date.toordinal()`), so callers compare days by subtraction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from .entities import dates as month_days
from .segment import fold_traditional

_WEEKDAYS_EN = {
    d: i
    for i, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_EN_WEEKDAY = re.compile(
    r"\b(next +|last +)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I
)
_EN_RELATIVE = re.compile(r"\b(today|yesterday|tonight)\b", re.I)
_ZH_WEEKDAY_CHARS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
# 周/週/星期/礼拜 + day; 上/下 (last/next week) shift or drop it.
_ZH_WEEKDAY = re.compile(r"([上下本]?)(?:周|週|星期|礼拜|禮拜)([一二三四五六日天])")
_ZH_RELATIVE = re.compile(r"(今天|今日|昨天|昨日|昨晚|今晨|昨晨)")
_ZH_DAY_ONLY = re.compile(r"(?<![\d月])(\d{1,2})\s*[日号號](?![元圆])")
PAST_DAYS = 14  # stated days further back are background, not the event
# Chinese-language outlets date by Beijing / Hong Kong / Taipei time.
_ZH_OFFSET = timedelta(hours=8)


def event_days(text: str, lang: str, published: datetime) -> frozenset[int]:
    """Days (ordinals) the text states, resolved against `published` (aware or naive UTC)."""
    zh = lang.startswith("zh")
    ref = (published + _ZH_OFFSET if zh else published).date()
    out: set[int] = set()
    for key in month_days(text):  # "d:03-24"
        month, day = int(key[2:4]), int(key[5:7])
        got = _calendar(ref, month, day)
        if got is not None:
            out.add(got.toordinal())
    if zh:
        _zh_days(text, ref, out)
    else:
        _en_days(text, ref, out)
    # A day after the publication day is a plan ("tariffs from May 1"), one long before it
    # is background: neither is when this report's event happened.
    low, high = (ref - timedelta(days=PAST_DAYS)).toordinal(), ref.toordinal() + 1
    return frozenset(d for d in out if low <= d <= high)


def _calendar(ref: date, month: int, day: int) -> date | None:
    """The month-day in the year that puts it nearest `ref` (December dates in January)."""
    best: date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best


def _weekday(ref: date, weekday: int) -> date:
    """The day of that weekday in [ref - 5, ref + 1]: a report's "on Tuesday" is this
    week's, at most a day ahead of the (UTC) publication day."""
    back = (ref.weekday() - weekday) % 7
    return ref - timedelta(days=back) if back <= 5 else ref + timedelta(days=7 - back)


def _en_days(text: str, ref: date, out: set[int]) -> None:
    for shift, name in _EN_WEEKDAY.findall(text):
        if shift.lower().startswith("next"):
            continue  # a plan, not the event
        d = _weekday(ref, _WEEKDAYS_EN[name.lower()])
        if shift.lower().startswith("last") and d >= ref:
            d -= timedelta(days=7)
        out.add(d.toordinal())
    for word in _EN_RELATIVE.findall(text):
        out.add((ref - timedelta(days=1 if word.lower() == "yesterday" else 0)).toordinal())


def _zh_days(text: str, ref: date, out: set[int]) -> None:
    for shift, ch in _ZH_WEEKDAY.findall(text):
        if shift == "下":
            continue
        d = _weekday(ref, _ZH_WEEKDAY_CHARS[ch])
        if shift == "上":
            d -= timedelta(days=7)
        out.add(d.toordinal())
    for word in _ZH_RELATIVE.findall(text):
        out.add((ref - timedelta(days=1 if word.startswith("昨") else 0)).toordinal())
    for raw in _ZH_DAY_ONLY.findall(text):
        day = int(raw)
        for back in range(-1, 28):  # the latest such day of month at or just after ref
            d = ref - timedelta(days=back)
            if d.day == day:
                out.add(d.toordinal())
                break


# What happened, in figures that survive translation: a match score ("3-2", "3比2", "3:2")
# and how many vessels / aircraft / missiles took part ("two boats", "两艘", "一架").
# A full stop or comma after a score ends the sentence or clause ("won 3-2."); one before a
# digit makes it a number ("1-2,000", "3-2.5").
_SCORE = re.compile(r"(?<![\d.,:\-])(\d{1,2})\s*(?:-|–|:|比)\s*(\d{1,2})(?![\d%:\-]|[.,]\d)")
_NUM_EN = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_UNITS_EN = {
    "vessel": ("boat", "ship", "vessel", "speedboat", "trawler", "cutter", "warship", "frigate"),
    "aircraft": ("aircraft", "jet", "plane", "helicopter", "drone", "fighter", "bomber"),
    "missile": ("missile", "rocket"),
}
_UNIT_OF = {w: k for k, ws in _UNITS_EN.items() for w in ws}
_EN_COUNT = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"((?:[A-Za-z\-]+\s+){0,3}?)"
    rf"({'|'.join(sorted(_UNIT_OF, key=len, reverse=True))})s?\b",
    re.I,
)
_ZH_NUM = {"一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_ZH_NUM.update({"八": 8, "九": 9, "十": 10})
_ZH_COUNT = re.compile(r"(\d{1,2}|[一两兩二三四五六七八九十])\s*(艘|架|枚)")
_ZH_UNIT = {"艘": "vessel", "架": "aircraft", "枚": "missile"}
# An earthquake's magnitude names the quake: the 6.3 aftershock two days after the 6.9
# main shock is another event in the same place ("magnitude 6.9", "6.9-magnitude", "M6.9",
# "6.3 aftershock"; 6.9级, Taiwan's 规模6.9).
_EN_MAGNITUDE = re.compile(
    r"\bmagnitude[- ]?(\d\.\d)\b|\b(\d\.\d)[- ]magnitude\b|\bM ?(\d\.\d)\b"
    r"|\b(\d\.\d)[- ](?:strong |powerful |deadly )?(?:quake|earthquake|aftershock|tremor)s?\b",
    re.I,
)
_ZH_MAGNITUDE = re.compile(r"(?<![\d.])(\d\.\d)\s*级|规模\s*(\d\.\d)")


# Set scores of one match: "4-6, 6-3, 6-4", "7-6(5) 6-4" (a comma may follow a set here,
# which _SCORE refuses elsewhere: "1-2,000").
_SET = r"\d{1,2}[-–]\d{1,2}(?:\(\d{1,2}\))?"
_SET_RUN = re.compile(
    rf"(?<![\d.,:\-]){_SET}(?:(?:\s*[,;]\s*|\s+){_SET}){{1,4}}(?![\d%:\-]|[.,]\d)"
)
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d")
_SET_SCORE = re.compile(r"(\d{1,2})[-–](\d{1,2})")
# "at 5-5", "from 0-2 down", "一度5比4领先" (led 5-4 at one point): a moment of the match
_AT_SCORE = re.compile(r"(?:\b(?:at|from)\s+|一度以?\s*|曾经?以?\s*)$", re.I)


def tallies(text: str, lang: str) -> frozenset[str]:
    """Scores ("s:3-2", larger first) and counts ("c:vessel:2") the text states.

    A run of set scores also states the sets won: "4-6, 6-3, 6-4" is the 2-1 that a
    report in the other language gives as 1比2."""
    out: set[str] = set()
    for m in _SCORE.finditer(text):
        a, b = m.group(1), m.group(2)
        if _CLOCK.fullmatch(m.group()):
            continue  # "10:30" is a time of day
        if _AT_SCORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "holds her nerve at 5-5": a moment of the match, not its result
        hi, lo = max(int(a), int(b)), min(int(a), int(b))
        if hi <= 30 and not (hi == lo == 0):
            out.add(f"s:{hi}-{lo}")
    for run in _SET_RUN.findall(text):
        sets = [(int(a), int(b)) for a, b in _SET_SCORE.findall(run)]
        first = sum(1 for a, b in sets if a > b)
        second = sum(1 for a, b in sets if b > a)
        if first != second:
            out.add(f"s:{max(first, second)}-{min(first, second)}")
    if lang.startswith("zh"):
        for num, unit in _ZH_COUNT.findall(text):
            n = int(num) if num.isdigit() else _ZH_NUM[num]
            out.add(f"c:{_ZH_UNIT[unit]}:{n}")
    else:
        for num, _between, unit in _EN_COUNT.findall(text):
            n = int(num) if num.isdigit() else _NUM_EN[num.lower()]
            out.add(f"c:{_UNIT_OF[unit.lower()]}:{n}")
    return frozenset(out)


def magnitudes(title: str, lead: str, lang: str) -> frozenset[str]:
    """The earthquake magnitude a report is about ("m:6.9"): its headline's, else its
    lead's. Not both: an aftershock's lead recalls the main shock's magnitude."""
    zh = lang.startswith("zh")
    pattern = _ZH_MAGNITUDE if zh else _EN_MAGNITUDE
    for text in (title, lead):
        found = pattern.findall(fold_traditional(text) if zh else text)
        if found:
            return frozenset(f"m:{next(g for g in m if g)}" for m in found)
    return frozenset()


# Agencies differ by a tenth or two on one quake (Taiwan's 5.6, the mainland's 5.5).
MAGNITUDE_SLACK = 0.3


def _sets_won(run: list[tuple[int, int]], out: set[str]) -> None:
    if len(run) >= 2:
        first = sum(1 for a, b in run if a > b)
        second = sum(1 for a, b in run if b > a)
        if first != second:
            out.add(f"s:{max(first, second)}-{min(first, second)}")


def day_disagreement(
    mine: frozenset[int], theirs: Sequence[frozenset[int]], slack: Sequence[int] = ()
) -> float:
    """Share of the story's dated reports (`theirs`) stating none of the days the article
    states (0 when either side states no day: silence is no evidence).

    `slack[i]` days of tolerance for report i: a Hong Kong paper dates an evening launch
    in UTC-8 by the next day, so reports in the other language agree within one day."""
    dated = [(t, slack[i] if i < len(slack) else 0) for i, t in enumerate(theirs) if t]
    if not mine or not dated:
        return 0.0
    return sum(1 for t, s in dated if not _near_days(mine, t, s)) / len(dated)


def _near_days(a: frozenset[int], b: frozenset[int], slack: int) -> bool:
    return bool(a & b) if slack == 0 else any(abs(x - y) <= slack for x in a for y in b)


# Which game of a series, round of a draw, leg or stage a headline reports ("g:2"; a
# deciding game "g:decider"): game 1 and game 2 of one final are two events with the same
# players and words, a day apart. The headline only: a lead recalls the earlier games.
_ORDINAL_EN = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ORDINAL_EN.update({"sixth": 6, "seventh": 7, "deciding": 0})
# A competition's segments are its rounds too: the short programme, then the free skate.
_SEGMENT_EN = re.compile(r"\b(short|free)\s+(?:program(?:me)?|skate|skating|dance)\b", re.I)
_SEGMENT_ZH = re.compile(r"(短)节目|(自由)(?:滑|舞)")
_GAME_EN = re.compile(
    r"\b(first|opening|second|third|fourth|fifth|sixth|seventh|deciding)[\s-]+"
    r"(?:game|match|round|leg|stage|test)\b|\b(?:game|round|leg|stage)\s+(\d{1,2}|one|two|"
    r"three|four|five|six|seven)\b",
    re.I,
)
_GAME_ZH = re.compile(
    r"第\s*([一二三四五六七八九十]|\d{1,2})\s*(?:局|场|轮|回合|盘)|(首|决胜|次)(?:局|场|轮|回合|盘)"
)
# "Into the second round", 晋级次轮: the round won through to is the next one, and the
# headline reports the win of the round before it, so such a number is no game's.
_ADVANCE_EN = re.compile(r"\b(?:into|to|reach(?:es|ed)?|through)\s+(?:the\s+)?$", re.I)
_ADVANCE_ZH = re.compile(r"(?:进入|进|晋级|晋|挺进|闯入|杀入|打进|跻身|晋身|闯进)$")


def game_numbers(title: str, lang: str) -> frozenset[str]:
    """The game, round, leg or stage of a series a headline reports, as "g:N" tallies."""
    out: set[str] = set()
    if lang.startswith("zh"):
        folded = fold_traditional(title)
        out.update(f"g:{'short' if a else 'free'}" for a, _ in _SEGMENT_ZH.findall(folded))
        for match in _GAME_ZH.finditer(folded):
            num, first = match.groups()
            if _ADVANCE_ZH.search(folded, 0, match.start()):
                continue
            if first:
                out.add({"首": "g:1", "次": "g:2"}.get(first, "g:decider"))
            else:
                out.add(f"g:{int(num) if num.isdigit() else _ZH_NUM[num]}")
        return frozenset(out)
    out.update(f"g:{w.lower()}" for w in _SEGMENT_EN.findall(title))
    for match in _GAME_EN.finditer(title):
        word, num = match.groups()
        if _ADVANCE_EN.search(title, 0, match.start()):
            continue
        if word:
            n = _ORDINAL_EN[word.lower()]
            out.add(f"g:{n}" if n else "g:decider")
        else:
            out.add(f"g:{int(num) if num.isdigit() else _NUM_EN[num.lower()]}")
    return frozenset(out)


# Which event of a championship a headline reports: the men's team final, the all-around
# and the apparatus finals of one gymnastics worlds are days apart with the same gymnasts;
# singles and doubles, men's and women's finals, likewise. "x:" tallies for the sex, "e:"
# for the discipline. The headline only (a lead recalls the earlier finals).
_SEX = (
    ("x:men", r"\bmen'?s\b", "男(?:子|团|单|双|篮|足|排|队|乒|羽)"),
    ("x:women", r"\bwomen'?s\b", "女(?:子|团|单|双|篮|足|排|队|乒|羽)"),
    ("x:mixed", r"\bmixed\b", "混(?:双|合双打|合团体|团)"),
)
_DISCIPLINE = (
    (
        "e:team",
        r"\bteam (?:final|gold|silver|bronze|title|event|competition)|(?:men|women)'?s team\b",
        "团体|男团|女团|混团",
    ),
    ("e:all-around", r"all[- ]around|all-round", "全能"),
    ("e:bar", r"horizontal bar|high bar", "单杠"),
    ("e:parallel", r"parallel bars", "双杠"),
    ("e:pommel", r"pommel horse", "鞍马"),
    ("e:rings", r"still rings|\brings (?:final|title|gold)", "吊环"),
    ("e:vault", r"\bvault (?:final|title|gold)|\bon vault\b", "跳马"),
    ("e:floor", r"floor (?:exercise|final|title|gold)", "自由操"),
    ("e:beam", r"balance beam|\bbeam (?:final|title|gold)", "平衡木"),
    ("e:uneven", r"uneven bars", "高低杠"),
    ("e:singles", r"\bsingles\b", "单打|男单|女单"),
    ("e:doubles", r"(?<!mixed )\bdoubles\b", "(?<!混合)双打|男双|女双"),
    ("e:mixed-doubles", r"mixed doubles", "混双|混合双打"),
    (
        "e:pairs",
        r"\bpairs (?:skat\w+|gold|title|free|short)|\bpairs?\b(?= (?:event|final))",
        "双人滑",
    ),
    ("e:ice-dance", r"ice danc\w*", "冰舞"),
    ("e:freestyle", r"freestyle", "自由泳"),
    ("e:backstroke", r"backstroke", "仰泳"),
    ("e:breaststroke", r"breaststroke", "蛙泳"),
    ("e:butterfly", r"butterfly", "蝶泳"),
    ("e:medley", r"medley", "混合泳"),
)
_CHAMPIONSHIP = tuple(
    (tally, re.compile(en, re.I), re.compile(zh)) for tally, en, zh in (*_SEX, *_DISCIPLINE)
)


def disciplines(title: str) -> frozenset[str]:
    """The sex ("x:men") and discipline ("e:team", "e:bar"...) of the championship event a
    headline reports, either language; empty when it names none."""
    folded = fold_traditional(title)
    return frozenset(t for t, en, zh in _CHAMPIONSHIP if en.search(title) or zh.search(folded))


def tally_disagreement(mine: frozenset[str], theirs: Sequence[frozenset[str]]) -> float:
    """Share of the story's reports stating a score or count of a kind the article states
    too ("s", "c:vessel") with none of the article's values. The sex and discipline of a
    championship event ("x", "e") are axes of their own, each with its own share, and the
    largest share counts: the men's team final and the men's all-around share the sex, not
    the event; reports agreeing on the sex ("女子") do not dilute a disagreement on the game
    (第11局 against 第12局)."""
    if not mine:
        return 0.0
    return max(_share(part, theirs) for part in _by_axis(mine))


def _share(mine: set[str], theirs: Sequence[frozenset[str]]) -> float:
    kinds = {t.rsplit(":", 1)[0] for t in mine}
    told = disagree = 0
    for tallied in theirs:
        same_kind = {t for t in tallied if t.rsplit(":", 1)[0] in kinds}
        if same_kind:
            told += 1
            disagree += not (same_kind & mine or _close_magnitudes(same_kind, mine))
    return disagree / told if told else 0.0


_AXES = ("x", "e")


def _by_axis(tallied: frozenset[str]) -> list[set[str]]:
    """The tallies split into the sex, the discipline, and all the rest (scores and counts
    compared together, as before)."""
    parts: dict[str, set[str]] = {}
    for t in tallied:
        axis = t.split(":", 1)[0]
        parts.setdefault(axis if axis in _AXES else "", set()).add(t)
    return list(parts.values())


def _close_magnitudes(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    ma = [float(t[2:]) for t in a if t.startswith("m:")]
    mb = [float(t[2:]) for t in b if t.startswith("m:")]
    return any(abs(x - y) <= MAGNITUDE_SLACK + 1e-9 for x in ma for y in mb)
