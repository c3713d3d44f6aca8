"""Ingest: prepare, look up, decide, apply. The one place that says new / copy / update.

reader's `Decider` is the model: `decide` "does not interact with any dependencies, only
processes data". Everything derived from an article's text (MinHash signature and bands,
the segmented search row) is computed in `prepare`, before storage opens a write
transaction; `Storage.ingest_lookup` reads the stored state of every candidate in one go;
`decide` turns both into intents; `Storage.apply_ingest` applies them in one transaction.

Rules, in order, for each new article:
1. the same feed's GUID is known: that article (its own source: it may rewrite the text);
2. a lightly edited version of a stored article (MinHash, same language, within a week):
   that article, and it may rewrite the text;
3. its canonical URL is known, or 4. its content fingerprint is: that article, but another
   feed carrying the URL may only have a teaser, so it never rewrites the text;
5. else the same GUID, URL or fingerprint earlier in this batch: attached to that one;
6. else it is new.
A rewrite happens only when a field's text changed (a new headline counts, though the
fingerprint of a long text is its body's) and the new version is not older.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .dedup import MIN_SHINGLES, decide_near_duplicate, shingle_keys, signature
from .extract import lead_and_body
from .intents import (
    AttachSource,
    IngestIntent,
    IngestLookup,
    IngestResult,
    InsertArticle,
    PreparedArticle,
    ReplaceText,
    SearchText,
    StoredText,
)
from .langs import FIELDS
from .minhash import band_hashes_rows
from .models import NewArticle

if TYPE_CHECKING:
    from .protocols import FeedBookType


def prepare(items: Sequence[NewArticle]) -> list[PreparedArticle]:
    """Signatures, bands and segmented search text for each item. Pure, CPU only."""
    import numpy as np

    from .segment import segment_many

    if not items:
        return []
    bodies = [lead_and_body(item.summary, item.body) for item in items]
    keys = [shingle_keys(_shingled(i.title, b)) for i, b in zip(items, bodies, strict=True)]
    sigs = np.stack([signature(k) for k in keys])
    # Bands and segmentation for the whole batch at once: numpy's and the segmenter's
    # fixed costs paid per batch, not per article.
    texts = [t for i, b in zip(items, bodies, strict=True) for t in (i.title, b)]
    segmented = iter(segment_many(texts))
    out: list[PreparedArticle] = []
    for item, k, sig, all_bands in zip(items, keys, sigs, band_hashes_rows(sigs), strict=True):
        bands = tuple(all_bands) if k.size >= MIN_SHINGLES else ()
        search = SearchText(next(segmented), next(segmented))
        out.append(PreparedArticle(replace(item, minhash=sig.tobytes()), bands, search))
    return out


def text_of(item: NewArticle) -> str:
    """The text an article's MinHash signature is made from."""
    return _shingled(item.title, lead_and_body(item.summary, item.body))


def _shingled(title: str, body: str) -> str:
    return "\n".join(p for p in (title, body) if p)


def changed_fields(stored: StoredText, item: NewArticle) -> tuple[str, ...]:
    return tuple(f for f in FIELDS if getattr(stored, f) != getattr(item, f))


def _is_newer(stored: StoredText, item: NewArticle) -> bool:
    if item.published and stored.published:
        return item.published >= stored.published
    return True


def _known(index: int, a: PreparedArticle, lookup: IngestLookup) -> tuple[int | None, bool]:
    """(stored article id, whether this item may rewrite it) per rules 1-4."""
    import numpy as np

    item = a.item
    hit = lookup.by_entry.get((item.feed_id, item.guid))
    if hit is not None:
        return hit, True
    candidates = lookup.near.get(index, ())
    if candidates and item.minhash is not None:
        sig = np.frombuffer(item.minhash, dtype=np.uint32)
        near = decide_near_duplicate(item, sig, list(candidates))
        if near is not None and near in lookup.stored:
            return near, True
    if item.url and item.url in lookup.by_url:
        return lookup.by_url[item.url], False
    hit = lookup.by_fingerprint.get(item.fingerprint)
    return (hit, False) if hit is not None else (None, False)


def decide(batch: Sequence[PreparedArticle], lookup: IngestLookup) -> list[IngestIntent]:
    """The intents that store `batch` given the stored state. Pure."""
    intents: list[IngestIntent] = []
    # What this batch inserts, by every key a later item of the batch could match on.
    pending: dict[tuple[str, object], int] = {}
    rewritten: set[int] = set()
    for index, a in enumerate(batch):
        item = a.item
        article_id, own_source = _known(index, a, lookup)
        if article_id is not None:
            stored = lookup.stored.get(article_id)
            changed = changed_fields(stored, item) if stored is not None else ()
            if (
                own_source
                and changed
                and stored is not None
                and article_id not in rewritten
                and _is_newer(stored, item)
            ):
                rewritten.add(article_id)
                intents.append(ReplaceText(article_id, a, changed))
            else:
                intents.append(AttachSource(item, article_id=article_id))
            continue
        keys = [("entry", (item.feed_id, item.guid)), ("fp", item.fingerprint)]
        if item.url:
            keys.append(("url", item.url))
        earlier = next((pending[k] for k in keys if k in pending), None)
        if earlier is not None:
            intents.append(AttachSource(item, new_index=earlier))
            continue
        for k in keys:
            pending[k] = len(intents)
        intents.append(InsertArticle(a))
    return intents


def ingest(storage: FeedBookType, items: Sequence[NewArticle]) -> IngestResult:
    """Store one batch of new articles: prepare (no lock held), look up, decide, apply
    (on the full storage or the poll's light feed book: the same SQL).

    Raises StorageError.
    """
    if not items:
        return IngestResult()
    batch = prepare(items)
    lookup = storage.ingest_lookup(batch)
    return storage.apply_ingest(decide(batch, lookup))
