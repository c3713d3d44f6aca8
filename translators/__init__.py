"""Text in one language to the other. `Translator` is the protocol the pipeline uses; the
Argos/CTranslate2 backend lives in its own module and is imported only when translating."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Translator(Protocol):
    """Translate a batch of texts in one direction, keeping order; raises TranslationError."""

    name: str
    version: str

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]: ...
