"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning reads it).

One run; the rules that ran as ``tool.driver.rules`` with their description and default level;
each finding a result with its location, related locations and a ``partialFingerprints`` entry that
does not change when lines are added elsewhere in the file (see ``fingerprint``).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import TextIO

from checker import __version__
from checker.engine import Run
from checker.findings import Finding, Location, Severity
from checker.report import register

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "numlintFinding/v1"


@register("sarif")
def write_sarif(run: Run, out: TextIO) -> None:
    rules = sorted(run.rules, key=lambda r: r.id)
    index = {rule.id: i for i, rule in enumerate(rules)}
    texts = {d.path: d.source.text for d in run.documents}
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
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")


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
        "artifactLocation": {"uri": Path(loc.path).as_posix()},
        "region": {
            "startLine": loc.line,
            "startColumn": loc.column,
            "endLine": loc.end_line,
            "endColumn": max(loc.end_column, loc.column),
        },
    }


def fingerprint_all(findings: list[Finding], texts: dict[str, str]) -> list[str]:
    """A fingerprint per finding: its rule, file and the words it flags (its own span and its
    related spans), numbered when the same words are flagged more than once in a file. Line numbers
    and messages are left out, so edits elsewhere in the file do not change it."""
    seen: Counter[str] = Counter()
    prints = []
    for finding in findings:
        key = fingerprint(finding, texts.get(finding.location.path, ""))
        seen[key] += 1
        prints.append(f"{key}:{seen[key]}")
    return prints


def fingerprint(finding: Finding, text: str) -> str:
    spans = [finding.location, *(r.location for r in finding.related)]
    words = " | ".join(" ".join(text[s.start : s.end].split()) for s in spans)
    payload = "\0".join((finding.rule, Path(finding.location.path).as_posix(), words))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
