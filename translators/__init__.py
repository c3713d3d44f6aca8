"""Text in one language to the other. `Translator` is the protocol the pipeline uses; the
Argos/CTranslate2 backend (`argos_engine.ArgosEngine`) is imported only when translating.

Modules: `split` (paragraphs, sentences), `routing` (which paragraph goes to which model),
`packages` (installed Argos packages, install from file or index), `argos_engine` (the fast
path). The stand-in builder and Argos's own path made to run offline are test support and
live in `tests/` (`standin.py`, `argos_reference.py`), not in the shipped package.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Translator(Protocol):
    """Translate a batch of sentences in one direction, keeping order; raises
    TranslationError (ModelMissingError when the pair is not installed).

    `source`/`target` are model codes ("en", "zh"); Traditional Chinese arrives already
    folded to Simplified. An implementation may also define `model_for(source, target) ->
    (name, version)`, recorded on each translation and used in the sentence-cache key;
    otherwise `name` and `version` are used.
    """

    name: str
    version: str

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]: ...
