"""A cache of findings keyed on the file's text, the rules, the options and numlint's version, so
that re-checking an unchanged repository reads JSON instead of running the NLP pipeline.

Entries live in ``.numlint_cache/`` (under the current directory unless given), one small JSON file
each; a stale or unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

from checker import __version__
from checker.findings import ClaimMark, FileResult, Finding, Location, Note, Related, Severity

DEFAULT_DIR = os.environ.get("NUMLINT_CACHE_DIR", ".numlint_cache")


class Cache:
    def __init__(self, folder: str | Path, salt: str) -> None:
        self.folder = Path(folder)
        code = _code_stamp()
        self.salt = hashlib.sha256(f"{__version__}\0{code}\0{salt}".encode()).hexdigest()

    def key(self, path: str, format: str, text: str) -> str:
        payload = "\0".join((self.salt, path, format, text))
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str, with_claims: bool = False) -> FileResult | None:
        """The entry of ``key``; a miss when there is none, or ``with_claims`` and it has none."""
        try:
            data = json.loads((self.folder / key[:2] / f"{key}.json").read_text("utf-8"))
            if with_claims and "claims" not in data:
                return None
            return FileResult(
                findings=[_finding(f) for f in data["findings"]],
                notes=[
                    Note(n["rule"], _location(n["location"]), n["message"]) for n in data["notes"]
                ],
                date_reason=data["date_reason"],
                currency_notes=tuple(data["currency_notes"]),
                claims=tuple(ClaimMark(*c) for c in data["claims"]) if with_claims else (),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result: FileResult, with_claims: bool) -> None:
        """Keep an entry; its claims only ``with_claims`` (they were read)."""
        data: dict = {
            "findings": [_finding_data(f) for f in result.findings],
            "notes": [
                {"rule": n.rule, "location": _location_data(n.location), "message": n.message}
                for n in result.notes
            ],
            "date_reason": result.date_reason,
            "currency_notes": list(result.currency_notes),
        }
        if with_claims:
            data["claims"] = [[c.start, c.end, c.kind, c.reading] for c in result.claims]
        folder = self.folder / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            temporary = folder / f"{key}.tmp"
            temporary.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
            temporary.replace(folder / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written only costs time


def _location_data(loc: Location) -> list:
    return [loc.path, loc.start, loc.end, loc.line, loc.column, loc.end_line, loc.end_column]


def _location(data: list) -> Location:
    return Location(*data)


def _finding_data(finding: Finding) -> dict:
    return {
        "rule": finding.rule,
        "severity": int(finding.severity),
        "message": finding.message,
        "location": _location_data(finding.location),
        "related": [[_location_data(r.location), r.message] for r in finding.related],
        "details": finding.details,
    }


def _finding(data: dict) -> Finding:
    return Finding(
        rule=data["rule"],
        severity=Severity(data["severity"]),
        message=data["message"],
        location=_location(data["location"]),
        related=tuple(Related(_location(loc), message) for loc, message in data["related"]),
        details=data["details"],
    )


@functools.cache
def _code_stamp() -> str:
    """The size and modification time of every file of the installed package: any change to the
    checks, the lexicon or the rules makes every entry stale, not only a new version number."""
    package = Path(__file__).resolve().parent
    stamps = sorted(
        f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}"
        for path in package.rglob("*")
        if path.suffix in (".py", ".yaml", ".yml", ".json") and (stat := path.stat())
    )
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()
