"""Write aggregator/lang_prior.npz: the mean embedding of generic headlines per language.

Run once when the embedding model changes: `.venv/bin/python benchmarks/make_lang_prior.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from lang_prior_texts import EN, ZH  # noqa: E402

from aggregator.embed import get_embedder  # noqa: E402


def main() -> None:
    emb = get_embedder()
    out = {
        lang: emb.passages(texts).mean(axis=0).astype(np.float32)
        for lang, texts in (("en", EN), ("zh", ZH))
    }
    np.savez(ROOT / "aggregator" / "lang_prior.npz", model=np.array(emb.model_name), **out)
    print({k: float(np.linalg.norm(v)) for k, v in out.items()})


if __name__ == "__main__":
    main()
