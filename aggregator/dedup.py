"""Deduplication: content fingerprints (exact) for syndicated copies, MinHash/LSH for edits.

The pieces `ingest` decides with: content fingerprints (exact copies under another URL),
MinHash signatures and their LSH bands (lightly edited versions: a new headline, an added
paragraph, an updated figure), and `decide_near_duplicate`, which picks the stored article
a new text is an edit of. Near duplicates that arrived in one batch are merged after
storing (`merge_pending_near_duplicates`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from .intents import NearCandidate
from .langs import HAN
from .models import NewArticle
from .segment import fold_traditional

if TYPE_CHECKING:
    from .protocols import StorageType

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize_for_fingerprint(text: str) -> str:
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

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: candidates from Jaccard ~0.4 up, verified on the signature
ROWS = NUM_PERM // BANDS
NEAR_THRESHOLD = 0.5  # estimated Jaccard of shingle sets at which two texts are one article
NEAR_WINDOW_DAYS = 7  # a template reused weeks later is a new article, not an update
MIN_SHINGLES = 12  # shorter texts give too noisy an estimate to merge on
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_HAN_CHAR = HAN


def _perms() -> tuple[Any, Any]:
    import numpy as np

    rng = np.random.default_rng(0x5EED)  # fixed: signatures must stay comparable across runs
    a = rng.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)
    return a, b


_PERMS: tuple[Any, Any] | None = None


def shingles(text: str) -> set[str]:
    """Word 3-grams for alphabetic text, character 3-grams of Simplified-folded Han text.

    A Traditional and a Simplified copy of one wire story therefore share their shingles.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    out: set[str] = set()
    han = fold_traditional("".join(_HAN_CHAR.findall(text)))
    if han:
        out.update(han[i : i + 3] for i in range(max(0, len(han) - 2)))
    words = [w for w in _WORD.findall(_HAN_CHAR.sub(" ", text))]
    out.update(" ".join(words[i : i + 3]) for i in range(max(0, len(words) - 2)))
    return out


def signature(parts: set[str]) -> Any:
    """MinHash signature (NUM_PERM uint32) of a shingle set: crc32 keys, multiply-shift hashes."""
    import zlib

    import numpy as np

    global _PERMS
    if _PERMS is None:
        _PERMS = _perms()
    a, b = _PERMS
    if not parts:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    keys = np.fromiter((zlib.crc32(p.encode("utf-8")) for p in parts), dtype=np.uint64)
    # Multiply-shift hashing (Dietzfelbinger): (a*x + b) mod 2^64, high 32 bits; a odd.
    # uint64 arithmetic wraps, which is exactly the mod 2^64 wanted.
    with np.errstate(over="ignore"):
        hashed = (keys[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)
    return hashed.min(axis=0).astype(np.uint32)


def band_hashes(sig: Any) -> list[tuple[int, int]]:
    """(band, signed 64-bit digest) per LSH band: what the index stores and looks up."""
    out = []
    for band in range(BANDS):
        # The band number is hashed in, so one indexed `hash IN (...)` finds every band.
        chunk = band.to_bytes(2, "big") + sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"nd-lsh").digest()
        out.append((band, int.from_bytes(digest, "big", signed=True)))
    return out


def similarity(sig_a: Any, sig_b: Any) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float((sig_a == sig_b).mean())


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
