"""MinHash fingerprints of article text: shingle keys, signatures, LSH band hashes.

Everything is numpy over code points: no Python string per shingle. Words are hashed once
each (a polynomial hash from one prefix sum) and three neighbours combined into a key;
Han 3-grams pack three Simplified-folded code points into one integer. Keys are mixed to
64 random-looking bits, and a signature is the minimum, per permutation, of an affine map
of each key's top 32 bits (mod 2**32). The estimate of Jaccard similarity this gives is
checked against the exact value on real text pairs in tests/test_dedup_near.py.

SCHEME names this recipe. Signatures and bands are stored (articles.minhash,
minhash_bands), so any change to how keys, signatures or band hashes are made must bump
SCHEME and add a schema step that recomputes the stored ones (`aggregator.dedup_refresh`),
or stored and new articles stop matching.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from .langs import HAN_CLASS

SCHEME = 2  # 1: string shingles, crc32 keys, blake2b bands (schema v4 and before)
NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: candidates from Jaccard ~0.4 up, verified on the signature
ROWS = NUM_PERM // BANDS

# Runs of anything that is not a word character, or is Han (shingled by character).
_NOT_WORD = re.compile(f"[\\W_{HAN_CLASS}]+", re.UNICODE)
# A word character outside ASCII, or a radical NFKC makes Han: without either, a text's
# words are all ASCII and it has no Han. (Two searches: one alternation is 4x slower.)
_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f\W]")
_RADICAL = re.compile("[\u2e80-\u2fdf]")
# Lower-cases ASCII letters, keeps digits, turns everything else into a 0 separator.
_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 0 for c in range(256)
)
# Han code points, plus the Kangxi radicals and compatibility ideographs NFKC maps onto them.
_HAN_LO, _HAN_HI = 0x2E80, 0xFB00
_POLY = 0x9E3779B97F4A7C15  # odd, so invertible mod 2**64
_POLY_INV = pow(_POLY, -1, 1 << 64)
_PAIR = (0xD6E8FEB86659FD93, 0xA0761D6478BD642F)  # odd multipliers combining a word 3-gram
_M1, _M2 = 0xBF58476D1CE4E5B9, 0x94D049BB133111EB  # splitmix64's finalizer
_POWERS: list[tuple[Any, Any]] = []  # see _powers; grown on demand


class _Numbers:
    """numpy scalars and permutations, made once: creating a numpy scalar costs about as
    much as a small array operation, and a text takes a few dozen of those."""

    def __init__(self) -> None:
        import numpy as np

        u64 = np.uint64
        self.s21, self.s27, self.s30, self.s31, self.s32, self.s42, self.s56 = (
            u64(n) for n in (21, 27, 30, 31, 32, 42, 56)
        )
        self.m1, self.m2, self.pair0, self.pair1 = (u64(n) for n in (_M1, _M2, *_PAIR))
        self.han_tag = u64(1 << 63)
        rng = np.random.default_rng(0x5EED)  # fixed: signatures must stay comparable
        self.a = rng.integers(0, 1 << 31, size=NUM_PERM, dtype=np.uint32) * np.uint32(2) + 1
        self.b = rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint32)
        self.band_ids = np.arange(BANDS, dtype=np.uint64) << self.s56


@lru_cache(maxsize=1)
def _n() -> _Numbers:
    return _Numbers()


@lru_cache(maxsize=1)
def _han_table() -> Any:
    """Per code point in [_HAN_LO, _HAN_HI): 0 when not Han, else the code point NFKC'd and
    folded to Simplified (`segment.fold_traditional`'s table): one lookup finds and folds."""
    import numpy as np

    from .segment import _t2s_chars

    table = np.zeros(_HAN_HI - _HAN_LO, dtype=np.uint64)
    for lo, hi in ((0x3400, 0x4DC0), (0x4E00, 0xA000)):
        table[lo - _HAN_LO : hi - _HAN_LO] = np.arange(lo, hi, dtype=np.uint64)
    for cp in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)):
        nfkc = unicodedata.normalize("NFKC", chr(cp))
        if len(nfkc) == 1 and 0x3400 <= ord(nfkc) < 0xA000:
            table[cp - _HAN_LO] = ord(nfkc)
    fold = _t2s_chars()
    for i in map(int, table.nonzero()[0]):
        simp = fold.get(int(table[i]))
        if simp:
            table[i] = ord(simp[0])
    return table


def _mix(x: Any) -> Any:
    """splitmix64's finalizer, in place on a uint64 array: every input bit reaches every
    output bit, so structured keys (packed code points, word-hash sums) hash uniformly."""
    n = _n()
    x ^= x >> n.s30
    x *= n.m1
    x ^= x >> n.s27
    x *= n.m2
    x ^= x >> n.s31
    return x


def _powers(n: int) -> tuple[Any, Any]:
    """(_POLY**i, _POLY_INV**i) for i < at least n, one tuple so a reader never pairs
    arrays of two sizes."""
    import numpy as np

    if not _POWERS or _POWERS[0][0].size < n:
        size = max(n, 8192, 2 * _POWERS[0][0].size if _POWERS else 0)
        # uint64 products wrap: the arithmetic mod 2**64 wanted.
        fwd = np.cumprod(np.full(size, _POLY, dtype=np.uint64))
        inv = np.cumprod(np.full(size, _POLY_INV, dtype=np.uint64))
        one = np.ones(1, dtype=np.uint64)
        _POWERS[:] = [(np.concatenate((one, fwd[:-1])), np.concatenate((one, inv[:-1])))]
    powers: tuple[Any, Any] = _POWERS[0]
    return powers


def _han_keys(cps: Any) -> Any:
    """Keys of the character 3-grams of the Han characters among code points `cps`, folded
    and joined across punctuation (as a reader of the Han text alone would see them)."""
    import numpy as np

    cps = cps[(cps >= _HAN_LO) & (cps < _HAN_HI)]
    folded = _han_table()[cps - _HAN_LO]
    han = folded[folded != 0]
    if han.size < 3:
        return np.empty(0, dtype=np.uint64)
    # Code points are below 2**21: three fit in 63 bits exactly; bit 63 marks Han keys.
    n = _n()
    packed = han[:-2] << n.s42
    packed |= han[1:-1] << n.s21
    packed |= han[2:]
    packed |= n.han_tag
    return _mix(packed)


def _word_keys(codes: Any) -> Any:
    """Keys of word 3-grams from uint64 code points where 0 separates words: each word's
    polynomial hash comes from one prefix sum (sum of c_j * P**j over the word, shifted
    to start at P**0), three neighbours are combined linearly, then mixed."""
    import numpy as np

    mask = np.zeros(codes.size + 2, dtype=bool)
    np.not_equal(codes, 0, out=mask[1:-1])
    edges = np.flatnonzero(mask[1:] != mask[:-1])
    if edges.size < 6:  # fewer than three words
        return np.empty(0, dtype=np.uint64)
    starts, ends = edges[0::2], edges[1::2]
    fwd, inv = _powers(codes.size)
    prefix = np.zeros(codes.size + 1, dtype=np.uint64)
    np.cumsum(codes * fwd[: codes.size], out=prefix[1:])
    words = prefix[ends]
    words -= prefix[starts]
    words *= inv[starts]
    n = _n()
    key = words[:-2] * n.pair0
    key += words[1:-1] * n.pair1
    key += words[2:]
    return _mix(key)


def _ascii_codes(text: str) -> Any:
    """Code points of an ASCII-worded text, folded: any other character (punctuation,
    dashes, curly quotes) becomes '?' and then a separator."""
    import numpy as np

    folded = text.encode("ascii", "replace").translate(_ASCII_FOLD)
    return np.frombuffer(folded, dtype=np.uint8).astype(np.uint64)


def _nonascii_word_codes(text: str) -> Any:
    """Code points of the text's non-Han words (NFKC, case-folded), 0 between words.

    Han and punctuation go first, so NFKC (slow on a whole Chinese text, whose full-width
    punctuation it rewrites) runs only on what is left, and only when that is not ASCII.
    (So a symbol NFKC would spell out in letters, such as a trademark sign, separates
    words instead; both copies of a text are read the same way.)"""
    import numpy as np

    rest = _NOT_WORD.sub("\0", text)
    if rest.isascii():
        return _ascii_codes(rest)
    if not unicodedata.is_normalized("NFKC", rest):
        rest = unicodedata.normalize("NFKC", rest)
    rest = _NOT_WORD.sub("\0", rest.casefold())
    return np.frombuffer(rest.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def shingle_keys(text: str) -> Any:
    """The text's shingles as sorted unique uint64 keys: word 3-grams of alphabetic text
    (NFKC, case-folded), character 3-grams of Simplified-folded Han text.

    A Traditional and a Simplified copy of one wire story therefore share their keys.
    """
    import numpy as np

    if text.isascii() or not (_NON_ASCII_WORD.search(text) or _RADICAL.search(text)):
        keys = _word_keys(_ascii_codes(text))
    else:
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        keys = np.concatenate((_han_keys(cps), _word_keys(_nonascii_word_codes(text))))
    keys.sort()
    first = np.ones(keys.size, dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    return keys[first]


def shingles(text: str) -> set[int]:
    """`shingle_keys` as a Python set (for set arithmetic in checks and tests)."""
    return set(shingle_keys(text).tolist())


def signature(keys: Any) -> Any:
    """MinHash signature (NUM_PERM uint32) of shingle keys (a uint64 array or a set of ints,
    as `shingle_keys` and `shingles` give them; duplicates do no harm).

    Per permutation, the minimum of (a*x + b) mod 2**32 over the keys' top 32 bits, a odd:
    a bijection of 32-bit values, and the keys are already uniformly mixed. uint32
    arithmetic wraps, which is the mod wanted, at half the memory traffic of 64-bit."""
    import numpy as np

    n = _n()
    if isinstance(keys, set | frozenset):
        keys = np.fromiter(keys, dtype=np.uint64, count=len(keys))
    if not keys.size:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    top = (keys >> n.s32).astype(np.uint32)
    hashed = np.multiply(n.a[:, None], top[None, :])
    hashed += n.b[:, None]
    return hashed.min(axis=1)


def band_hashes_rows(sigs: Any) -> list[list[tuple[int, int]]]:
    """`band_hashes` of each row of a (texts, NUM_PERM) uint32 array, in one pass: a
    batch's bands at 3 us an article instead of 12 (numpy's fixed cost per call). (A
    batch's signatures are not made this way: one (NUM_PERM x keys) product for many texts
    saved a third of their CPU only in blocks whose scratch added ~20 MB of peak RSS.)"""
    import numpy as np

    n = _n()
    halves = np.ascontiguousarray(sigs, dtype=np.uint32).view(np.uint64)
    halves = halves.reshape(len(sigs), BANDS, ROWS // 2)
    out = halves[:, :, 0] ^ n.band_ids
    _mix(out)
    out ^= halves[:, :, 1]
    _mix(out)
    return [list(enumerate(row)) for row in out.view(np.int64).tolist()]


def band_hashes(sig: Any) -> list[tuple[int, int]]:
    """(band, signed 64-bit digest) per LSH band: what the index stores and looks up.

    The band number is hashed in, so one indexed `hash IN (...)` finds every band."""
    import numpy as np

    n = _n()
    # Two uint64 per band (rows 0-1 and 2-3): the first mixed with the band number, then
    # the second folded in and mixed again.
    halves = np.asarray(sig, dtype=np.uint32).view(np.uint64).reshape(BANDS, ROWS // 2)
    out = halves[:, 0] ^ n.band_ids
    _mix(out)
    out ^= halves[:, 1]
    _mix(out)
    return list(enumerate(out.view(np.int64).tolist()))


def similarity(sig_a: Any, sig_b: Any) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float((sig_a == sig_b).mean())
