"""Scoring against annotated articles: `checker.evaluation` and `numlint evaluate`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.evaluation import (
    Annotation,
    AnnotationError,
    Article,
    evaluate,
    judge,
    load_annotations,
    scores,
)
from checker.findings import Finding, Location, Related, Severity
from checker.rules import load_rules

ARTICLE = """\
---
date: 2023-06-01
---

Revenue rose 12% to €84 million from €70 million in 2023.

Sales doubled to $40 million from $20 million.

Profit fell 30% to $80 million from $100 million.
"""

EXPECTED = """\
findings:
  - rule: growth-arithmetic
    line: 5
  - rule: growth-arithmetic
    line: 7
    known_miss: "planted, but the doubling is right: counted as missed"
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.expected.yaml").write_text(EXPECTED, encoding="utf-8")
    return tmp_path


def test_caught_missed_and_false_alarms_are_counted(corpus: Path) -> None:
    table = scores(evaluate(corpus, load_rules()))
    growth = table["growth-arithmetic"]
    assert (growth.planted, growth.caught, growth.missed, growth.false_alarms) == (2, 1, 1, 1)
    assert growth.precision == 0.5
    assert growth.recall == 0.5
    assert table[""].planted == 2


def test_the_command_prints_one_row_per_rule_and_overall(corpus: Path, capsys) -> None:
    assert main(["evaluate", str(corpus), "--format", "json"]) == 0
    rows = {row["rule"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["growth-arithmetic"]["precision"] == "0.50"
    assert rows["all rules"]["recall"] == "0.50"


def test_verbose_lists_misses_and_false_alarms(corpus: Path, capsys) -> None:
    main(["evaluate", str(corpus), "-v"])
    out = capsys.readouterr().out
    assert "a.md:7: missed growth-arithmetic (known: planted" in out
    assert "a.md:9: false alarm growth-arithmetic" in out


@pytest.mark.parametrize(
    "text",
    ["findings: 3\n", "findings:\n  - rule: x\n", "findings:\n  - line: 3\n", "{{{\n"],
)
def test_a_bad_annotation_file_is_an_error_naming_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "a.expected.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"a\.expected\.yaml"):
        load_annotations(path)


def test_an_annotated_line_past_the_articles_end_is_an_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.md").write_text("# Title\n\nRevenue rose 5% to $21m.\n", encoding="utf-8")
    (tmp_path / "a.expected.yaml").write_text(
        "findings:\n  - rule: conflicting-figures\n    line: 3\n    related_line: 42\n",
        encoding="utf-8",
    )
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "line 42 is outside a.md (lines 1-3)" in capsys.readouterr().err


def test_the_command_reports_a_bad_folder_with_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["evaluate", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


def _finding(rule: str, line: int, *related: int) -> Finding:
    def at(number: int) -> Location:
        return Location("a.md", 0, 0, number, 1, number, 2)

    return Finding(rule, Severity.ERROR, "", at(line), tuple(Related(at(r), "") for r in related))


@pytest.mark.parametrize(
    ("finding", "matches"),
    [
        (_finding("conflicting-figures", 7, 21), True),
        (_finding("conflicting-figures", 21, 7), True),  # the two lines the other way round
        (_finding("conflicting-figures", 7, 15), False),  # not the related line
        (_finding("conflicting-figures", 5, 21), False),  # the related line, not the first
        (_finding("sum-of-parts", 7, 21), False),  # another rule
    ],
)
def test_a_finding_matches_when_it_names_both_lines(finding: Finding, matches: bool) -> None:
    annotation = Annotation("conflicting-figures", 7, related_line=21)
    assert annotation.matches(finding) is matches


@pytest.mark.parametrize(
    ("finding", "matches"),
    [
        (_finding("sum-of-parts", 11), True),
        (_finding("sum-of-parts", 9, 11), True),  # on the total, the parts' line related
        (_finding("sum-of-parts", 9, 13), False),
        (_finding("share-arithmetic", 9, 11), False),
    ],
)
def test_a_one_line_annotation_matches_a_finding_naming_its_line(
    finding: Finding, matches: bool
) -> None:
    assert Annotation("sum-of-parts", 11).matches(finding) is matches


def test_a_finding_that_matches_an_annotation_is_no_false_alarm() -> None:
    article = Article(Path("a.md"), (Annotation("sum-of-parts", 11),))
    result = judge(article, [_finding("sum-of-parts", 9, 11), _finding("sum-of-parts", 30)])
    assert (len(result.caught), len(result.false_alarms)) == (1, 1)
    assert result.false_alarms[0].location.line == 30
