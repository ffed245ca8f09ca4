"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning reads it).

One run; the rules that ran as ``tool.driver.rules`` with their description and default level;
each finding a result with its location, related locations and a ``partialFingerprints`` entry that
does not change when lines are added elsewhere in the file (see ``fingerprint``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from checker import __version__
from checker.engine import Run
from checker.findings import Finding, Location, Severity
from checker.fingerprints import fingerprint_all
from checker.report import register

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "numlintFinding/v1"


@register("sarif")
def write_sarif(run: Run, out: TextIO) -> None:
    rules = sorted(run.rules, key=lambda r: r.id)
    index = {rule.id: i for i, rule in enumerate(rules)}
    texts = {d.path: d.text for d in run.documents}
    fingerprints = fingerprint_all(run.findings, texts)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "numlint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/numlint/",
                        "rules": [
                            {
                                "id": rule.id,
                                "shortDescription": {"text": rule.description or rule.id},
                                "defaultConfiguration": {"level": _LEVELS[rule.severity]},
                            }
                            for rule in rules
                        ],
                    }
                },
                "results": [
                    _result(finding, index, print_)
                    for finding, print_ in zip(run.findings, fingerprints, strict=True)
                ],
                "invocations": [_invocation(run)],
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _invocation(run: Run) -> dict:
    """Whether every file was checked; each file that was not is a notification naming it."""
    return {
        "executionSuccessful": not run.errors,
        "toolExecutionNotifications": [
            {
                "level": problem.level,
                "message": {"text": problem.message},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(problem.path)}}],
            }
            for problem in run.errors
        ],
    }


def _result(finding: Finding, index: dict[str, int], fingerprint: str) -> dict:
    result = {
        "ruleId": finding.rule,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _physical(finding.location)}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(r.location), "message": {"text": r.message}}
            for i, r in enumerate(finding.related, start=1)
        ]
    return result


def _physical(loc: Location) -> dict:
    return {
        "artifactLocation": _artifact(loc.path),
        "region": {
            "startLine": loc.line,
            "startColumn": loc.column,
            "endLine": loc.end_line,
            "endColumn": max(loc.end_column, loc.column),
        },
    }


def _artifact(path: str) -> dict:
    return {"uri": Path(path).as_posix()}
