"""The MinHash scheme before schema v5 (SCHEME 1), kept verbatim from aggregator/dedup.py for
the upgrade test and the before/after benchmark: string shingles, each crc32'd, then
multiply-shift per permutation, blake2b band digests.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from typing import Any

import numpy as np

from aggregator.langs import HAN
from aggregator.segment import fold_traditional

NUM_PERM, BANDS, ROWS = 128, 32, 4
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _perms() -> tuple[Any, Any]:
    rng = np.random.default_rng(0x5EED)
    a = rng.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)
    return a, b


def shingles_v1(text: str) -> set[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    out: set[str] = set()
    han = fold_traditional("".join(HAN.findall(text)))
    if han:
        out.update(han[i : i + 3] for i in range(max(0, len(han) - 2)))
    words = list(_WORD.findall(HAN.sub(" ", text)))
    out.update(" ".join(words[i : i + 3]) for i in range(max(0, len(words) - 2)))
    return out


_PERMS = _perms()


def signature_v1(parts: set[str]) -> Any:
    a, b = _PERMS
    if not parts:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    keys = np.fromiter((zlib.crc32(p.encode("utf-8")) for p in parts), dtype=np.uint64)
    with np.errstate(over="ignore"):
        hashed = (keys[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)
    return hashed.min(axis=0).astype(np.uint32)


def band_hashes_v1(sig: Any) -> list[tuple[int, int]]:
    out = []
    for band in range(BANDS):
        chunk = band.to_bytes(2, "big") + sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"nd-lsh").digest()
        out.append((band, int.from_bytes(digest, "big", signed=True)))
    return out
