"""Installed Argos packages: find, list, install from a file or from the Argos index.

Argos's own `install_from_path` imports `argostranslate.translate` (spacy, torch) and
extracts any zip without checking it; this module reads and writes the same package
directory layout itself (metadata.json, model/, sentencepiece.model), so `newsdesk models`
stays light and a bad file is refused before anything is written.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aggregator.errors import ModelInstallError, ModelMissingError

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
_MAX_DOWNLOAD = 2 * 1024**3


@dataclass(frozen=True)
class InstalledPackage:
    from_code: str
    to_code: str
    version: str
    path: Path
    name: str

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sp_model(self) -> Path:
        return self.path / "sentencepiece.model"


def packages_dir() -> Path:
    """Where Argos keeps packages: $ARGOS_PACKAGES_DIR, else its XDG data dir."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "argos-translate" / "packages"


def index_url() -> str:
    """The index Argos itself would use: $ARGOS_PACKAGE_INDEX (a base URL) or its setting."""
    env = os.environ.get("ARGOS_PACKAGE_INDEX")
    if env:
        return env if env.endswith(".json") else env.rstrip("/") + "/index.json"
    try:
        from argostranslate import settings  # light: no torch/stanza

        return str(settings.remote_package_index)
    except Exception:  # a broken Argos install must not stop us from using the default
        return DEFAULT_INDEX


def _read_metadata(path: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads((path / "metadata.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def installed_packages(base: Path | None = None) -> list[InstalledPackage]:
    """Translate packages with a model and a SentencePiece model, sorted by pair."""
    base = base or packages_dir()
    out: list[InstalledPackage] = []
    if not base.is_dir():
        return out
    for path in sorted(p for p in base.iterdir() if p.is_dir()):
        meta = _read_metadata(path)
        if not meta or meta.get("type", "translate") != "translate":
            continue
        if (
            not (path / "model" / "model.bin").is_file()
            or not (path / "sentencepiece.model").is_file()
        ):
            continue
        out.append(
            InstalledPackage(
                from_code=str(meta.get("from_code", "")),
                to_code=str(meta.get("to_code", "")),
                version=str(meta.get("package_version", "")),
                path=path,
                name=path.name,
            )
        )
    return out


def find_package(from_code: str, to_code: str, base: Path | None = None) -> InstalledPackage:
    """The installed package for a pair; raises ModelMissingError naming the install command."""
    for pkg in installed_packages(base):
        if pkg.from_code == from_code and pkg.to_code == to_code:
            return pkg
    raise ModelMissingError(
        f"no {from_code}->{to_code} translation model installed "
        f"(run: newsdesk models install {from_code} {to_code})"
    )


def _check_archive(zf: zipfile.ZipFile, source: str) -> tuple[str, dict[str, Any]]:
    names = zf.namelist()
    tops = {n.split("/", 1)[0] for n in names if n.strip("/")}
    if len(tops) != 1:
        raise ModelInstallError(f"{source}: not an Argos package (expected one top folder)")
    top = tops.pop()
    for n in names:
        parts = Path(n).parts
        if n.startswith("/") or ".." in parts:
            raise ModelInstallError(f"{source}: unsafe path in archive: {n!r}")
    if f"{top}/model/model.bin" not in names or f"{top}/sentencepiece.model" not in names:
        raise ModelInstallError(f"{source}: not a CTranslate2 Argos package (no model/model.bin)")
    try:
        meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise ModelInstallError(f"{source}: missing or bad metadata.json") from exc
    if not isinstance(meta, dict) or not meta.get("from_code") or not meta.get("to_code"):
        raise ModelInstallError(f"{source}: metadata.json lacks from_code/to_code")
    return top, meta


def install_file(path: Path, base: Path | None = None) -> InstalledPackage:
    """Install an .argosmodel file, replacing any package of the same language pair.

    Extracts into a temporary folder beside the target and renames it into place, so a
    failure leaves the previous install untouched. Raises ModelInstallError."""
    path = Path(path)
    base = base or packages_dir()
    source = path.name
    if not path.is_file():
        raise ModelInstallError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise ModelInstallError(f"{source}: not an Argos package (not a zip archive)")
    try:
        base.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path) as zf:
            top, meta = _check_archive(zf, source)
            with tempfile.TemporaryDirectory(dir=base, prefix=".installing-") as tmp:
                zf.extractall(tmp)
                old = [
                    p
                    for p in installed_packages(base)
                    if (p.from_code, p.to_code) == (meta["from_code"], meta["to_code"])
                ]
                for pkg in old:
                    shutil.rmtree(pkg.path)
                target = base / top
                if target.exists():
                    shutil.rmtree(target)
                os.replace(Path(tmp) / top, target)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ModelInstallError(f"{source}: cannot install: {exc}") from exc
    return find_package(str(meta["from_code"]), str(meta["to_code"]), base)


def _fetch(url: str, limit: int) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 (http(s) only)
            data: bytes = resp.read(limit + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise ModelInstallError(f"cannot download {url}: {exc}") from exc
    if len(data) > limit:
        raise ModelInstallError(f"{url}: larger than {limit} bytes")
    return data


def install_from_index(
    from_code: str, to_code: str, base: Path | None = None, url: str | None = None
) -> InstalledPackage:
    """Download the pair's package listed in the Argos index and install it."""
    url = url or index_url()
    if not url.startswith(("http://", "https://", "file://")):
        raise ModelInstallError(f"unsupported package index URL: {url}")
    try:
        index = json.loads(_fetch(url, 64 * 1024 * 1024).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelInstallError(f"{url}: not a package index (bad JSON)") from exc
    if not isinstance(index, list):
        raise ModelInstallError(f"{url}: not a package index (expected a list)")
    candidates = [
        p
        for p in index
        if isinstance(p, dict)
        and p.get("from_code") == from_code
        and p.get("to_code") == to_code
        and p.get("type", "translate") == "translate"
        and p.get("links")
    ]
    if not candidates:
        raise ModelInstallError(f"no {from_code}->{to_code} package in the index {url}")
    best = max(candidates, key=lambda p: _version_key(str(p.get("package_version", "0"))))
    errors: list[str] = []
    for link in best["links"]:
        link = str(link)
        if not link.startswith(("http://", "https://", "file://")):
            errors.append(f"unsupported link {link}")
            continue
        try:
            data = _fetch(link, _MAX_DOWNLOAD)
        except ModelInstallError as exc:
            errors.append(str(exc))
            continue
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / f"translate-{from_code}_{to_code}.argosmodel"
            file.write_bytes(data)
            return install_file(file, base)
    raise ModelInstallError("; ".join(errors) or f"no usable link for {from_code}->{to_code}")


def _version_key(version: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)
