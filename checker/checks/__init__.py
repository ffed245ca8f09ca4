"""The built-in check kinds, found through one registry: ``KINDS[name]``.

Each kind lives in its own module and registers itself with ``@register``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.checks.base import Check

KINDS: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    if cls.kind in KINDS:
        raise ValueError(f"check kind {cls.kind!r} registered twice")
    KINDS[cls.kind] = cls
    return cls


def _load_builtin_kinds() -> None:
    from checker.checks import conflict, conversion, growth, unit_conversion  # noqa: F401


_load_builtin_kinds()
