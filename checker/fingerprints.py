"""Fingerprints of findings that survive edits elsewhere in a file, for SARIF and baselines."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from checker.findings import Finding


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
