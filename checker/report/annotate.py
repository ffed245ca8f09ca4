"""A text cut into lines and segments for marking up: each segment knows the marks over it.

Marks (findings, related locations, claims) may overlap in any way; HTML elements must nest.
So each line is cut at every mark boundary, and every segment reopens the marks that cover it,
outermost layer first. A mark cut into several segments is whole again to the eye; its first
segment is its ``head`` (where an id, a tab stop or a tooltip goes).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.findings import LineIndex


@dataclass(frozen=True, eq=False)
class Mark:
    """A span of the text to mark: ``layer`` orders nesting (lower is outer). Two marks are the
    same only if they are the same object."""

    start: int
    end: int
    layer: int
    key: object


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    marks: tuple[Mark, ...]  # outermost first
    heads: frozenset[Mark]  # the marks that begin in this segment


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int
    segments: tuple[Segment, ...]


def lines_with_marks(text: str, marks: Iterable[Mark]) -> Iterator[Line]:
    """Every line of ``text`` (without its line break; none after a final one), cut where marks
    begin and end. An empty mark covers the character after it, else the one before it, when
    that is not a line break (a finding must be visible)."""
    index = LineIndex(text)
    ordered = sorted(_visible(marks, text), key=lambda m: (m.start, m.layer, -m.end))
    mark_starts = [m.start for m in ordered]
    carried: list[Mark] = []  # marks begun on an earlier line that go on past its end
    starts = index.starts
    if len(starts) > 1 and starts[-1] == len(text):
        starts = starts[:-1]  # nothing after the final line break
    for number, line_start in enumerate(starts, 1):
        line_end = _line_end(text, index, number)
        next_start = index.starts[number] if number < len(index.starts) else len(text) + 1
        first = bisect.bisect_left(mark_starts, line_start)
        here = ordered[first : bisect.bisect_left(mark_starts, next_start)]
        marks_here = [m for m in carried if m.end > line_start] + here
        yield Line(number, line_start, tuple(_segments(text, line_start, line_end, marks_here)))
        carried = [m for m in marks_here if m.end > next_start]


def _visible(marks: Iterable[Mark], text: str) -> Iterator[Mark]:
    length = len(text)
    for mark in marks:
        start = max(0, min(mark.start, length))
        end = max(start, min(mark.end, length))
        if end == start:
            if start < length and text[start] not in "\r\n":
                end = start + 1
            elif start > 0 and text[start - 1] not in "\r\n":
                start -= 1
        if end > start:
            yield Mark(start, end, mark.layer, mark.key)


def _line_end(text: str, index: LineIndex, number: int) -> int:
    end = index.starts[number] if number < len(index.starts) else len(text)
    while end > index.starts[number - 1] and text[end - 1] in "\r\n":
        end -= 1
    return end


def _segments(text: str, start: int, end: int, marks: list[Mark]) -> Iterator[Segment]:
    """The line [start, end) cut at every boundary of ``marks`` (in order of start), swept once."""
    cuts = sorted(
        {start, end}
        | {m.start for m in marks if start < m.start < end}
        | {m.end for m in marks if start < m.end < end}
    )
    active: list[Mark] = []
    waiting = iter(marks)
    following = next(waiting, None)
    for left, right in itertools.pairwise(cuts):
        active = [m for m in active if m.end > left]
        heads = []
        while following is not None and following.start <= left:
            if following.end > left:
                active.append(following)
                heads.append(following)
            following = next(waiting, None)
        over = sorted(active, key=lambda m: (m.layer, m.start, -m.end))
        yield Segment(
            text[left:right], left, tuple(over), frozenset(m for m in heads if m.start == left)
        )
