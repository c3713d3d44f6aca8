"""Stand-in Argos packages for tests (random weights, real tokenizer and vocabulary).

Trained weights cannot be downloaded here; `tests/data/models/` holds the real en_zh and
zh_en 1.9 packages minus `model/model.bin` (OPUS-MT, CC-BY 4.0, see its README), and the
weights are generated at test time, once per session.

How to use from another test module::

    from support_models import install_standins, standin_packages  # noqa: F401

    def test_x(standin_packages, tmp_path, monkeypatch):
        pkgs_dir = install_standins(standin_packages, tmp_path / "argos", monkeypatch)
        # ARGOS_PACKAGES_DIR now points at pkgs_dir (in-process and for subprocesses that
        # inherit os.environ): `newsdesk translate` uses the tiny en<->zh stand-ins.

`standin_packages` is a session fixture: {"en_zh": Path(.argosmodel), "zh_en": ...} (tiny:
2 layers, d=64). `full_standin_packages` builds the real-size ones (6+6 layers, d=512,
about 70 MB each, ~20 s); use only under `@pytest.mark.slow`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

MODELS_DATA = Path(__file__).parent / "data" / "models"
SOURCES = {
    "en_zh": MODELS_DATA / "translate-en_zh-1_9",
    "zh_en": MODELS_DATA / "translate-zh_en-1_9",
}
TINY = {"layers": 2, "d_model": 64, "heads": 2, "ffn": 128}


def build_all(out_dir: Path, **shape: int) -> dict[str, Path]:
    from standin import build_standin_package

    return {
        pair: build_standin_package(src, out_dir / f"translate-{pair}-standin.argosmodel", **shape)
        for pair, src in SOURCES.items()
    }


@pytest.fixture(scope="session")
def standin_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("standin-tiny"), **TINY)


@pytest.fixture(scope="session")
def full_standin_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("standin-full"))


def install_standins(
    packages: dict[str, Path], target: Path, monkeypatch: pytest.MonkeyPatch | None = None
) -> Path:
    """Install the stand-ins into `target` (an isolated Argos packages dir); with
    `monkeypatch`, also point ARGOS_PACKAGES_DIR at it for this test."""
    from translators.packages import install_file

    for path in packages.values():
        install_file(path, target)
    if monkeypatch is not None:
        monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(target))
    return target
