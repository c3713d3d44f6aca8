"""Cues in a headline about which incident it reports, beyond its kind (`incidents`): a
repeat ("collapses again", 再度) and the maker of a launch (UBTech unveils..., 智元机器人发布...).

Both tell next-day events of one situation apart where actors, place and words agree: the
second grid collapse two days after the first; a rival's cheaper robot the day after the
first maker's. Pure text work: no I/O.
"""

from __future__ import annotations

import re

from .incident_words import PRODUCT_LAUNCH_EN, PRODUCT_LAUNCH_ZH
from .incidents import HEADLINE_CHARS, main_clause
from .langs import family
from .segment import fold_traditional

# A headline that calls its incident a repeat ("collapses again", "second blackout in two
# days", "another round of talks", 再度, 二度, 又一) reports a new incident of a kind the
# story may already hold: over halves a-m every such headline was a new event. The football
# idiom 梅开二度 (scored twice) is no repeat.
_REPEAT_EN = re.compile(
    r"\bagain\b|\banother\b|\bsecond\b.{0,40}\bin (?:two|three|four|five|a|\d+) "
    r"(?:days?|weeks?|months?)\b",
    re.I,
)
_REPEAT_ZH = re.compile(r"再度|再次|(?<!梅开)二度|又一|第二次")


def repeats(headline: str) -> bool:
    """The headline reports its incident as a repeat of an earlier one."""
    if _REPEAT_EN.search(headline):
        return True
    return bool(_REPEAT_ZH.search(fold_traditional(headline)))


# The maker of a product launch: the words before the launch verb. English: up to three
# capitalised words after the headline's start or a clause break ("Price war in China's
# humanoid robots as AgiBot unveils..."); Chinese: the run before 发布/推出/亮相/首发, cut at
# a place or time (小米在巴塞罗那发布 -> 小米). The "after ..." clause is background
# (`main_clause`: "a day after UBTech launch" names the rival, not the maker).
_MAKER_EN = re.compile(
    r"(?:^|[,:;]\s+|\b(?:as|while|and|with)\s+)((?:[A-Z][\w.&'’-]*\s+){1,3}?)"
    rf"(?:{PRODUCT_LAUNCH_EN}|launch(?:es|ed)?)\b"
)
_MAKER_ZH = re.compile(
    r"([^，。,；;：:！!？?、“”《》]{1,24}?)(?:" + "|".join(PRODUCT_LAUNCH_ZH) + ")"
)
_MAKER_ZH_CUT = re.compile(r"在|于|将|今|昨")


def launch_maker(headline: str, lang: str) -> str | None:
    """Who launches what the headline reports launched, lower-cased ("ubtech", "智元机器人");
    None when it reports no launch or names no maker. Compare with `same_maker`."""
    if family(lang) == "zh":
        m = _MAKER_ZH.search(fold_traditional(headline[:HEADLINE_CHARS]))
        found = _MAKER_ZH_CUT.split(m.group(1))[0].strip().lower() if m else ""
    else:
        m = _MAKER_EN.search(main_clause(headline))
        words = m.group(1).split() if m else []
        found = " ".join(w.lower().removesuffix("'s").removesuffix("’s") for w in words)
    return found or None


def same_maker(a: str, b: str) -> bool:
    """Two makers are one when they share a word (English) or one holds the other (Chinese,
    unsegmented: 优必选 and 优必选科技; a long run that names the maker amid other words)."""
    if a in b or b in a:
        return True
    return bool(set(a.split()) & set(b.split()))
