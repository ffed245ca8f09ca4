"""Output formats, one module each, found through one registry: ``FORMATTERS[name]``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from checker.engine import Run

Formatter = Callable[[Run, TextIO], None]
FORMATTERS: dict[str, Formatter] = {}


def register(name: str) -> Callable[[Formatter], Formatter]:
    def add(formatter: Formatter) -> Formatter:
        FORMATTERS[name] = formatter
        return formatter

    return add


def _load_builtin_formats() -> None:
    from checker.report import github, json_format, line_format, rdjsonl, sarif, text  # noqa: F401


_load_builtin_formats()
