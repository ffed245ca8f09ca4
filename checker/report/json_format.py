"""JSON output: a contract other tools rely on. See README.md for the schema."""

from __future__ import annotations

import json
from typing import TextIO

from checker import __version__
from checker.engine import Run
from checker.findings import Finding
from checker.report import register


@register("json")
def write_json(run: Run, out: TextIO) -> None:
    out.write(dumps(run))


def dumps(run: Run) -> str:
    """The run as this format writes it (the review page's download too)."""
    return json.dumps(payload(run), ensure_ascii=False, indent=2) + "\n"


def payload(run: Run) -> dict:
    return {
        "version": __version__,
        "findings": [finding_json(f) for f in run.findings],
        "errors": [{"path": e.path, "message": e.message, "level": e.level} for e in run.errors],
        "files_checked": len(run.documents),
    }


def finding_json(finding: Finding) -> dict:
    loc = finding.location
    return {
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
        "related": [
            {
                "path": r.location.path,
                "line": r.location.line,
                "column": r.location.column,
                "end_line": r.location.end_line,
                "end_column": r.location.end_column,
                "message": r.message,
            }
            for r in finding.related
        ],
        "start_offset": loc.start,
        "end_offset": loc.end,
        "details": finding.details,
    }
