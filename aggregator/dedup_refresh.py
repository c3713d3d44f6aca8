"""Recompute stored MinHash signatures and LSH bands after the scheme changed (schema v5).

Stored and new signatures are only comparable when made the same way, so the upgrade
leaves a marker (`minhash_refresh`) and this pass recomputes every older article's
signature from its stored text. It runs at the start of a poll, newest articles first:
near duplicates are only looked for within `dedup.NEAR_WINDOW_DAYS`, so the first batches
already restore matching against recent articles, and a large archive may take several
polls. Text work happens between transactions (a batch is read in one short read, hashed,
then written in one short write with the cursor), so a crash loses at most the batch in
hand and the next run continues where the last committed batch ended.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .protocols import StorageType

log = logging.getLogger("newsdesk.dedup")

BATCH = 200  # per write transaction: ~0.2 s of write lock (3000 anchor articles, busy box)
PER_RUN = 20_000  # per poll; newest first, so the near-duplicate window is done first


@dataclass(frozen=True)
class StaleMinhash:
    """A stored article whose signature predates the current scheme, with its text."""

    article_id: int
    title: str
    summary: str
    body: str
    minhash: bytes  # as read: written over only if still the same (see RefreshedMinhash)


@dataclass(frozen=True)
class RefreshedMinhash:
    """A recomputed signature and its bands; `old` is the signature it replaces, so an
    article rewritten since it was read (already given a current signature) is left be."""

    article_id: int
    old: bytes
    minhash: bytes
    bands: tuple[tuple[int, int], ...]


def recompute(item: StaleMinhash) -> RefreshedMinhash:
    """The signature and bands `ingest.prepare` gives the same text. Pure, CPU only."""
    from .dedup import MIN_SHINGLES, band_hashes, shingle_keys, signature
    from .extract import lead_and_body

    text = "\n".join(p for p in (item.title, lead_and_body(item.summary, item.body)) if p)
    keys = shingle_keys(text)
    sig = signature(keys)
    bands = tuple(band_hashes(sig)) if keys.size >= MIN_SHINGLES else ()
    return RefreshedMinhash(item.article_id, item.minhash, sig.tobytes(), bands)


def refresh_signatures(
    storage: StorageType, *, limit: int | None = PER_RUN, batch: int = BATCH
) -> int:
    """Recompute up to `limit` (None: all) stale signatures, `batch` per transaction.
    Returns how many articles were rewritten. Raises StorageError."""
    done = 0
    while limit is None or done < limit:
        size = batch if limit is None else min(batch, limit - done)
        stale = storage.stale_minhashes(size)
        if stale is None:  # nothing pending: the common case, one small read
            break
        fresh = [recompute(item) for item in stale]
        # A short batch was the last one: the cursor row goes (below=0).
        below = min(item.article_id for item in stale) if len(stale) == size else 0
        done += storage.put_refreshed_minhashes(fresh, below)
        if below == 0:
            log.info("MinHash signatures recomputed; refresh finished")
            break
    return done
