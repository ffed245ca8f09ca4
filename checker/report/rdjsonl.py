"""reviewdog's rdjsonl: one Diagnostic object per line (reviewdog's proto/rdf/jsonschema)."""

from __future__ import annotations

import json
from typing import TextIO

from checker.engine import Run
from checker.findings import Location, Severity
from checker.report import register

_SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


@register("rdjsonl")
def write_rdjsonl(run: Run, out: TextIO) -> None:
    for finding in run.findings:
        diagnostic = {
            "message": finding.message,
            "location": _location(finding.location),
            "severity": _SEVERITIES[finding.severity],
            "source": {"name": "numlint"},
            "code": {"value": finding.rule},
            "related_locations": [
                {"message": r.message, "location": _location(r.location)} for r in finding.related
            ],
        }
        out.write(json.dumps(diagnostic, ensure_ascii=False) + "\n")


def _location(loc: Location) -> dict:
    return {
        "path": loc.path,
        "range": {
            "start": {"line": loc.line, "column": loc.column},
            "end": {"line": loc.end_line, "column": loc.end_column},
        },
    }
