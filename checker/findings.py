"""Findings: what a check reports, located by character offsets in the original file."""

from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass, field
from typing import NamedTuple

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Severity(enum.IntEnum):
    """Finding severity; the integer order lets `--fail-on` compare levels."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (error, warning or info)") from None


class LineIndex:
    """Maps character offsets to 1-based (line, column); CRLF, CR and LF all end a line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        row = bisect.bisect_right(self.starts, offset) - 1
        return row + 1, offset - self.starts[row] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def from_offsets(cls, path: str, index: LineIndex, start: int, end: int) -> Location:
        line, column = index.position(start)
        end_line, end_column = index.position(end)
        return cls(path, start, end, line, column, end_line, end_column)


@dataclass(frozen=True, slots=True)
class Related:
    location: Location
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Related, ...] = ()
    details: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.start, loc.end, self.rule, self.message)


@dataclass(frozen=True, slots=True)
class Note:
    """A claim a check looked at and could not judge, and why; shown with ``--verbose``."""

    rule: str
    location: Location
    message: str

    @property
    def sort_key(self) -> tuple:
        return (self.location.path, self.location.start, self.rule, self.message)


@dataclass(frozen=True, slots=True)
class ClaimMark:
    """Where a claim is, its kind and what numlint read in it: what the HTML report highlights
    (plain values, so that it pickles to worker processes and caches as JSON)."""

    start: int
    end: int
    kind: str
    reading: str


class FileResult(NamedTuple):
    """What checking one file gave, whether from the checks or from the cache."""

    findings: list[Finding]
    notes: list[Note]
    date_reason: str  # how the document's date was read
    currency_notes: tuple[str, ...]  # how its ambiguous currencies were read
    claims: tuple[ClaimMark, ...]  # empty unless the report shows claims
