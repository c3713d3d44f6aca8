"""Deduplication: content fingerprints (exact) for syndicated copies, MinHash/LSH for edits.

The pieces `ingest` decides with: content fingerprints (exact copies under another URL),
MinHash signatures and their LSH bands (`aggregator.minhash`; lightly edited versions: a
new headline, an added paragraph, an updated figure), and `decide_near_duplicate`, which
picks the stored article a new text is an edit of. Near duplicates that arrived in one
batch are merged after storing (`merge_pending_near_duplicates`)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from .intents import NearCandidate
from .minhash import BANDS as BANDS
from .minhash import NUM_PERM as NUM_PERM
from .minhash import SCHEME as SCHEME
from .minhash import band_hashes as band_hashes
from .minhash import shingle_keys as shingle_keys
from .minhash import shingles as shingles
from .minhash import signature as signature
from .minhash import similarity as similarity
from .models import NewArticle

if TYPE_CHECKING:
    from .protocols import StorageType

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


# ASCII text: NFKC changes nothing, casefold is lower(), and `[\W_]` is every byte but
# [A-Za-z0-9]; bytes.translate does all three in one C pass (the regex was ~50 us of an
# English article's ~60 us fingerprint, ~0.8 CPU-s of a 1,000-feed cold poll).
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


def normalize_for_fingerprint(text: str) -> str:
    """NFKC, case-folded, every non-word character and underscore removed. Stored
    fingerprints are hashes of this, so its output must never change."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_LOWER, _ASCII_NOT_ALNUM).decode("ascii")
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub("", text)


def fingerprint(title: str, body: str) -> str:
    """Hash of the normalized text: the same wire copy under another URL hashes the same.

    The body alone decides when it is long enough (syndicators rewrite headlines); short
    items fall back to title + body.
    """
    norm_body = normalize_for_fingerprint(body)
    basis = norm_body if len(norm_body) >= 200 else normalize_for_fingerprint(title) + norm_body
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


# --- near duplicates: MinHash over shingles, LSH bands kept in the database ------------------

NEAR_THRESHOLD = 0.5  # estimated Jaccard of shingle sets at which two texts are one article
NEAR_WINDOW_DAYS = 7  # a template reused weeks later is a new article, not an update
MIN_SHINGLES = 12  # shorter texts give too noisy an estimate to merge on


def decide_near_duplicate(
    item: NewArticle,
    sig: Any,
    candidates: list[NearCandidate],
) -> int | None:
    """The stored article `item` is a lightly edited version of, or None. Pure.

    Same language (a Traditional rendering of a Simplified article is not merged into it:
    text is stored as published, and the linker puts both in one story), published within
    NEAR_WINDOW_DAYS, estimated Jaccard at least NEAR_THRESHOLD; the most similar wins.
    """
    import numpy as np

    best: tuple[float, int] | None = None
    when = item.published or item.fetched
    for cand in candidates:
        if cand.lang != item.lang:
            continue
        if abs((cand.when - when).total_seconds()) > NEAR_WINDOW_DAYS * 86400:
            continue
        other = np.frombuffer(cand.minhash, dtype=np.uint32)
        if other.shape != sig.shape:
            continue
        score = similarity(sig, other)
        if score >= NEAR_THRESHOLD and (best is None or score > best[0]):
            best = (score, cand.article_id)
    return None if best is None else best[1]


def merge_pending_near_duplicates(storage: StorageType) -> int:
    """Merge stored near duplicates that `mark_near_duplicates` could not see: two edits of
    one text arriving in the same batch (a feed's first poll carrying a story and its
    update, or two feeds polled together). Each was already checked against the archive
    before storing, so only articles not yet in a story are compared, with each other, in
    memory; a later one is folded into the earliest version. Returns how many were
    merged. Raises StorageError.
    """
    import numpy as np

    buckets: dict[int, list[NearCandidate]] = {}
    merged = 0
    after = 0
    while batch := storage.pending_minhashes(after=after, limit=5000):
        after = batch[-1].article_id
        for item in batch:
            sig = np.frombuffer(item.minhash, dtype=np.uint32)
            digests = [digest for _band, digest in band_hashes(sig)]
            seen: dict[int, NearCandidate] = {}
            for digest in digests:
                for cand in buckets.get(digest, ()):
                    seen[cand.article_id] = cand
            target = decide_near_duplicate(_probe(item), sig, list(seen.values()))
            if target is not None and storage.merge_articles(target, item.article_id):
                merged += 1
                continue
            for digest in digests:
                buckets.setdefault(digest, []).append(item)
    return merged


def _probe(item: NearCandidate) -> NewArticle:
    """A stored article as `decide_near_duplicate` takes it (only language and time count)."""
    return NewArticle(
        feed_id=0,
        guid="",
        url=None,
        title="",
        summary="",
        body="",
        lang=item.lang,
        lang_confidence=1.0,
        published=item.when,
        fetched=item.when,
        fingerprint="",
    )
