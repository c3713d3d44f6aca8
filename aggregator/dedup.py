"""Deduplication evidence: content fingerprints (exact) for syndicated copies."""

from __future__ import annotations

import hashlib
import re
import unicodedata

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
