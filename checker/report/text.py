"""Text output in the style of ruff and rustc: a header, the source line, the span underlined."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TextIO

from checker.engine import Run
from checker.findings import Finding
from checker.report import register

_CONTEXT = 60  # characters of the source line shown on each side of a long span


@register("text")
def write_text(run: Run, out: TextIO) -> None:
    texts = {d.path: d.lines for d in run.documents}
    for finding in run.findings:
        loc = finding.location
        out.write(
            f"{loc.path}:{loc.line}:{loc.column}: {finding.severity}[{finding.rule}] "
            f"{finding.message}\n"
        )
        lines = texts.get(loc.path)
        if lines is not None:
            out.write(_excerpt(lines.line_text(loc.line), loc.line, finding))
        for related in finding.related:
            r = related.location
            out.write(f"  = related: {r.path}:{r.line}:{r.column}: {related.message}\n")
        out.write("\n")
    out.write(summary(run) + "\n")


def _excerpt(line: str, number: int, finding: Finding) -> str:
    loc = finding.location
    start = loc.column - 1
    end = loc.end_column - 1 if loc.end_line == loc.line else len(line)
    left = max(0, start - _CONTEXT)
    right = min(len(line), end + _CONTEXT)
    shown = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
    pad = _width(("…" if left else "") + line[left:start])
    gutter = " " * len(str(number))
    return (
        f"{gutter} |\n{number} | {shown}\n"
        f"{gutter} | {' ' * pad}{'^' * max(1, _width(line[start:end]))}\n"
    )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def summary(run: Run) -> str:
    files = len(run.documents)
    if not run.findings:
        text = f"No findings in {files} file{'s' * (files != 1)}."
    else:
        counts = Counter(str(f.severity) for f in run.findings)
        parts = ", ".join(
            f"{counts[s]} {s}{'s' * (counts[s] != 1)}"
            for s in ("error", "warning", "info")
            if counts[s]
        )
        total = len(run.findings)
        noun = "finding" if total == 1 else "findings"
        text = f"Found {total} {noun} ({parts}) in {files} file{'s' * (files != 1)}."
    if run.errors:
        text += f" {len(run.errors)} file{'s' * (len(run.errors) != 1)} could not be checked."
    return text
