"""Numbers and calendar dates as evidence keys, in whichever language they are written.

Reports of one event in English and Chinese rarely share words, but they share amounts and
dates: "$6 million", "6,000,000" and "600万" are one key ("n:6000000.0"), "January 15",
"15 Jan", "1月15日" and "2031-01-15" another ("d:01-15"). Split from `entities`, which adds
names and places and re-exports `dates` and `numbers`. Pure string work.
"""

from __future__ import annotations

import re

from .langs import HAN

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_EN_DATE = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_EN_DATE_REV = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\b", re.I)
_ZH_DATE = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_ZH_DAY = re.compile(r"\d{1,2}\s*[日号]|\d{1,2}\s*月|\d{4}\s*年|(?:19|20)\d\d(?=年)")
_ISO_DATE = re.compile(r"\b(?:19|20)\d\d-(\d\d)-(\d\d)\b")
_SCALE_EN = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_SCALE_ZH = {"千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}
_EN_NUM = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|m)?"
    r"(?![\w])",
    re.I,
)
_ZH_NUM = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)(?![\d,])\s*(万亿|亿|万|千)?")


def _number_key(value: float) -> str | None:
    # Small counts (2 ships, 3 sites) and years carry little identity; keep amounts and counts.
    if value < 10 or (1900 <= value <= 2100 and value == int(value)):
        return None
    digits = f"{value:.3g}"
    return "n:" + str(float(digits))


def dates(text: str) -> set[str]:
    """Month-day keys ("d:01-15") for calendar dates written in English, Chinese or ISO form."""
    out: set[str] = set()
    for month, day in _EN_DATE.findall(text):
        out.add(_date_key(MONTHS[month.lower()], int(day)))
    for day, month in _EN_DATE_REV.findall(text):
        out.add(_date_key(MONTHS[month.lower()], int(day)))
    for month, day in _ZH_DATE.findall(text):
        out.add(_date_key(int(month), int(day)))
    for month, day in _ISO_DATE.findall(text):
        out.add(_date_key(int(month), int(day)))
    out.discard("")
    return out


def _date_key(month: int, day: int) -> str:
    return f"d:{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def numbers(text: str) -> set[str]:
    """Amounts normalized to plain values: "$6 million", "6,000,000" and "600万" all 6e6."""
    out: set[str] = set()
    cleaned = _ZH_DATE.sub(" ", _ISO_DATE.sub(" ", text))
    cleaned = _EN_DATE_REV.sub(" ", _EN_DATE.sub(" ", cleaned))
    cleaned = _ZH_DAY.sub(" ", cleaned)
    for raw, scale in _EN_NUM.findall(cleaned):
        value = float(raw.replace(",", "")) * _SCALE_EN.get(scale.lower(), 1.0)
        key = _number_key(value)
        if key:
            out.add(key)
    if HAN.search(cleaned):
        for raw, scale in _ZH_NUM.findall(cleaned):
            key = _number_key(float(raw) * _SCALE_ZH.get(scale, 1.0))
            if key:
                out.add(key)
    return out
