"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

See "Workflow commands for GitHub Actions": ``::error file=F,line=L,col=C,endLine=..,endColumn=..,
title=T::message``, with ``%``, ``\\r``, ``\\n`` escaped in the message and ``,`` ``:`` as well in
properties.
"""

from __future__ import annotations

from typing import TextIO

from checker.engine import Run
from checker.findings import Severity
from checker.report import register

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


@register("github")
def write_github(run: Run, out: TextIO) -> None:
    for finding in run.findings:
        loc = finding.location
        properties = ",".join(
            f"{key}={_property(str(value))}"
            for key, value in (
                ("file", loc.path),
                ("line", loc.line),
                ("col", loc.column),
                ("endLine", loc.end_line),
                ("endColumn", loc.end_column),
                ("title", f"numlint {finding.rule}"),
            )
        )
        command = _COMMANDS[finding.severity]
        out.write(f"::{command} {properties}::{_data(finding.message)}\n")
    for problem in run.errors:  # files not checked: annotated too, so the pull request shows them
        title = "numlint file not checked"
        where = f"file={_property(problem.path)},title={_property(title)}"
        out.write(f"::{problem.level} {where}::{_data(problem.message)}\n")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
