"""Output formats, one module each, found through one registry: ``FORMATTERS[name]``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from checker.engine import Run

Formatter = Callable[[Run, TextIO], None]
FORMATTERS: dict[str, Formatter] = {}
WANTS_CLAIMS: set[str] = set()  # formats that show every claim, not only the findings


def register(name: str, wants_claims: bool = False) -> Callable[[Formatter], Formatter]:
    def add(formatter: Formatter) -> Formatter:
        FORMATTERS[name] = formatter
        if wants_claims:
            WANTS_CLAIMS.add(name)
        return formatter

    return add


def _load_builtin_formats() -> None:
    from checker.report import (  # noqa: F401
        github,
        html,
        json_format,
        line_format,
        rdjsonl,
        sarif,
        text,
    )


_load_builtin_formats()
