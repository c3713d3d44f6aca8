"""Which database the tests run against (NEWSDESK_TEST_DB, see conftest.py)."""

from __future__ import annotations

import os

ON_POSTGRES = os.environ.get("NEWSDESK_TEST_DB", "").startswith("postgresql")


def as_stored(text: str) -> str:
    """`text` as the database hands it back: PostgreSQL cannot hold U+0000, storage drops it."""
    return text.replace("\x00", "") if ON_POSTGRES else text
