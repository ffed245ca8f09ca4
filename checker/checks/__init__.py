"""The built-in check kinds, found through one registry: ``KINDS[name]``.

Each kind lives in its own module and registers itself with ``@register``; every module here
that is not a shared helper (``_NOT_KINDS``) is loaded.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.checks.base import Check

KINDS: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    if cls.kind in KINDS:
        raise ValueError(f"check kind {cls.kind!r} registered twice")
    KINDS[cls.kind] = cls
    return cls


# Shared modules, not kinds.
_NOT_KINDS = {"base", "diagnosis", "evidence", "relations", "restatements"}


def _load_builtin_kinds() -> None:
    """Imports every module of this package; each kind module registers itself."""
    for module in pkgutil.iter_modules(__path__):
        if module.name not in _NOT_KINDS and not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")


_load_builtin_kinds()
