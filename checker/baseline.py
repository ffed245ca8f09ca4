"""Baselines: record the findings a repository has today, then report only new ones.

    numlint check --write-baseline .numlint-baseline.json articles/
    numlint check --baseline .numlint-baseline.json articles/

Findings are matched by path, rule and fingerprint (checker/fingerprints.py: the flagged words, not
the line), so adding a paragraph above an old finding does not make it new.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker import __version__
from checker.findings import Finding
from checker.fingerprints import fingerprint_all

_FORMAT = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read; str() is one line naming the file."""


def _keys(findings: list[Finding], texts: dict[str, str]) -> list[tuple[str, str, str]]:
    prints = fingerprint_all(findings, texts)
    return [
        (Path(f.location.path).as_posix(), f.rule, p) for f, p in zip(findings, prints, strict=True)
    ]


def write(path: str, findings: list[Finding], texts: dict[str, str]) -> None:
    entries = [
        {"path": key[0], "rule": key[1], "fingerprint": key[2], "message": f.message}
        for f, key in zip(findings, _keys(findings, texts), strict=True)
    ]
    payload = {"numlint_baseline": _FORMAT, "version": __version__, "findings": entries}
    Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", "utf-8")


def read(path: str) -> set[tuple[str, str, str]]:
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        if payload.get("numlint_baseline") != _FORMAT:
            raise BaselineError(f"{path}: not a numlint baseline (format {_FORMAT})")
        return {(e["path"], e["rule"], e["fingerprint"]) for e in payload["findings"]}
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.strerror}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        if isinstance(error, BaselineError):
            raise
        raise BaselineError(f"{path}: not a numlint baseline ({error})") from None


def new_findings(
    findings: list[Finding], texts: dict[str, str], known: set[tuple[str, str, str]]
) -> list[Finding]:
    return [f for f, key in zip(findings, _keys(findings, texts), strict=True) if key not in known]
