"""Golden tests over corpus/: each article's findings are exactly those its .expected.yaml lists.

An expected finding marked `known_miss: <reason>` is one numlint does not catch yet: it is reported
as an expected failure (strict, so the day it is caught the marker must go), never dropped.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from checker.document import Options, analyze_source
from checker.engine import Engine
from checker.rules import load_rules
from checker.source import load_source

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"
EXPECTED = sorted(CORPUS.glob("*.expected.yaml"))


def article_for(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.yaml")
    [article] = [p for p in CORPUS.glob(stem + ".*") if not p.name.endswith(".yaml")]
    return article


@cache
def findings_of(article: Path) -> tuple:
    document = analyze_source(load_source(article), Options())
    return tuple(Engine(load_rules()).check(document))


def expectations(expected: Path) -> list[dict]:
    return yaml.safe_load(expected.read_text("utf-8"))["findings"] or []


def test_corpus_is_not_empty() -> None:
    assert len(EXPECTED) >= 10


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_no_unexpected_findings(expected: Path) -> None:
    allowed = {(e["rule"], e["line"]) for e in expectations(expected)}
    found = findings_of(article_for(expected))
    unexpected = [f"{f.location.line}: {f.rule}: {f.message}" for f in found
                  if (f.rule, f.location.line) not in allowed]  # fmt: skip
    assert unexpected == []


def _expected_cases():
    for expected in EXPECTED:
        for entry in expectations(expected):
            marks = []
            if entry.get("known_miss"):
                marks.append(pytest.mark.xfail(strict=True, reason=entry["known_miss"]))
            case_id = f"{expected.name.split('.')[0]}:{entry['line']}:{entry['rule']}"
            yield pytest.param(expected, entry, marks=marks, id=case_id)


@pytest.mark.parametrize(("expected", "entry"), list(_expected_cases()))
def test_expected_finding_is_reported(expected: Path, entry: dict) -> None:
    found = [f for f in findings_of(article_for(expected))
             if (f.rule, f.location.line) == (entry["rule"], entry["line"])]  # fmt: skip
    assert found, f"missing {entry['rule']} on line {entry['line']}: {entry.get('note', '')}"
    if "related_line" in entry:
        assert entry["related_line"] in {r.location.line for r in found[0].related}
