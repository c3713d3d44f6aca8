"""The country table: every sovereign state and the territories often in the news, by name.

Reports of one event in English and Chinese are linked partly by the places they name;
`entities` knew some fifty countries by hand, so a Cambodian story produced no place key at
all. `data/countries.tsv` lists about two hundred, each under one English key, with its
English aliases (official names, demonyms, the capital), the Simplified Chinese names
mainland media use, the Taiwan / Hong Kong forms (written in Simplified characters: text is
folded to Simplified before matching), and the forms that give false matches when searched
for as substrings (增加纳税 holds 加纳) or as plain English words (chad, jordan).

The table is read once per process from package data; reading it is pure string work.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .errors import NewsdeskError

RESOURCE = "data/countries.tsv"
COLUMNS = ("key", "en_aliases", "zh", "zh_variants", "risky_zh", "risky_en")


class CountryTableError(NewsdeskError):
    """countries.tsv is missing or malformed (a packaging or editing mistake, not user input)."""


@dataclass(frozen=True)
class CountryRow:
    """One line of countries.tsv, split into its '|'-separated forms."""

    key: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    zh_variants: tuple[str, ...]
    risky_zh: tuple[str, ...]
    risky_en: tuple[str, ...]


@dataclass(frozen=True)
class CountryTable:
    """Lookups from any name form to the country key.

    `by_en` holds every lowercase English form (the key itself and its aliases); `by_zh`
    every Chinese form (mainland and Taiwan / Hong Kong usage). `risky_zh` / `risky_en` are
    the forms a matcher should accept only as whole words or with corroboration.
    """

    by_en: dict[str, str]
    by_zh: dict[str, str]
    risky_zh: frozenset[str]
    risky_en: frozenset[str]
    keys: frozenset[str]


def _forms(cell: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in cell.split("|") if f.strip())


def _row(cols: list[str], where: str) -> CountryRow:
    """One data line as a row; raises CountryTableError naming `where` when it is malformed."""
    if len(cols) != len(COLUMNS):
        raise CountryTableError(
            f"{where}: want {len(COLUMNS)} tab-separated columns, got {len(cols)}"
        )
    key = cols[0].strip()
    en, zh, variants, risky_zh, risky_en = (_forms(c) for c in cols[1:])
    if not key or key != key.lower():
        raise CountryTableError(f"{where}: the key must be a non-empty lowercase name")
    if not zh:
        raise CountryTableError(f"{where}: {key!r} has no Chinese name")
    if any(f != f.lower() for f in en):
        raise CountryTableError(f"{where}: {key!r} has an English alias not in lowercase")
    stray = set(risky_zh) - set(zh + variants) | set(risky_en) - {key, *en}
    if stray:
        raise CountryTableError(f"{where}: risky forms {sorted(stray)} are not names of {key!r}")
    return CountryRow(key, en, zh, variants, risky_zh, risky_en)


def parse(text: str, source: str = RESOURCE) -> list[CountryRow]:
    """The rows of a countries.tsv text: a header line, then one country a line.

    Lines starting with '#' and blank lines are comments. Raises CountryTableError, with a
    one-line message naming `source` and the line, on a wrong header, a malformed row, a
    repeated key, or a name form that two keys claim.
    """
    rows: list[CountryRow] = []
    seen_header = False
    owner_en: dict[str, str] = {}
    owner_zh: dict[str, str] = {}
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{source} line {no}"
        if not seen_header:
            if tuple(c.strip() for c in cols) != COLUMNS:
                raise CountryTableError(f"{where}: want the header {' | '.join(COLUMNS)}")
            seen_header = True
            continue
        row = _row(cols, where)
        if any(r.key == row.key for r in rows):
            raise CountryTableError(f"{where}: key {row.key!r} repeated")
        for owner, forms in ((owner_en, (row.key, *row.en)), (owner_zh, row.zh + row.zh_variants)):
            for form in forms:
                if owner.setdefault(form, row.key) != row.key:
                    raise CountryTableError(
                        f"{where}: {form!r} names both {owner[form]!r} and {row.key!r}"
                    )
        rows.append(row)
    if not seen_header:
        raise CountryTableError(f"{source}: no header line")
    return rows


def table_of(rows: list[CountryRow]) -> CountryTable:
    """The lookup table for parsed rows (which `parse` has already checked for clashes)."""
    by_en: dict[str, str] = {}
    by_zh: dict[str, str] = {}
    for row in rows:
        by_en.update(dict.fromkeys((row.key, *row.en), row.key))
        by_zh.update(dict.fromkeys(row.zh + row.zh_variants, row.key))
    return CountryTable(
        by_en=by_en,
        by_zh=by_zh,
        risky_zh=frozenset(f for row in rows for f in row.risky_zh),
        risky_en=frozenset(f for row in rows for f in row.risky_en),
        keys=frozenset(row.key for row in rows),
    )


def read_text() -> str:
    """The packaged countries.tsv; raises CountryTableError when it was not installed."""
    from importlib import resources

    try:
        return resources.files("aggregator").joinpath(RESOURCE).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise CountryTableError(f"cannot read the country table: {exc}", RESOURCE) from exc


@lru_cache(maxsize=1)
def load() -> CountryTable:
    """The country table, read once per process. Raises CountryTableError (see `parse`)."""
    return table_of(parse(read_text()))
