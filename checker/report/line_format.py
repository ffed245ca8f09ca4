"""One line per finding, for grep and editors: ``path:line:col: rule: message``."""

from __future__ import annotations

from typing import TextIO

from checker.engine import Run
from checker.report import register


@register("line")
def write_lines(run: Run, out: TextIO) -> None:
    for finding in run.findings:
        loc = finding.location
        message = " ".join(finding.message.split())
        out.write(f"{loc.path}:{loc.line}:{loc.column}: {finding.rule}: {message}\n")
