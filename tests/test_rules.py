"""Rule files: every built-in rule's examples hold; mistakes in a rule file name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.rules import RuleError, load_rules, parse_rule
from tests.helpers import findings

RULES = load_rules()
PASSING = [pytest.param(r, e, id=f"{r.id}:{e.line}") for r in RULES for e in r.passing]
FAILING = [pytest.param(r, e, id=f"{r.id}:{e.line}") for r in RULES for e in r.failing]


def test_every_rule_has_examples_both_ways() -> None:
    assert RULES
    for rule in RULES:
        assert rule.passing and rule.failing, rule.id


@pytest.mark.parametrize(("rule", "example"), PASSING)
def test_passing_example_has_no_finding(rule, example) -> None:
    found = findings(example.text, example.date, [rule])
    assert [f.message for f in found] == []


@pytest.mark.parametrize(("rule", "example"), FAILING)
def test_failing_example_has_a_finding(rule, example) -> None:
    found = findings(example.text, example.date, [rule])
    assert [f.rule for f in found] == [rule.id]


VALID = """\
id: my-rule
extends: conflict
severity: warning
message: "{first} vs {others}"
tolerance: 0.01
"""


def test_a_valid_rule_parses() -> None:
    rule = parse_rule("mine.yaml", VALID)
    assert (rule.id, rule.kind, str(rule.severity), rule.parameters.tolerance) == (
        "my-rule",
        "conflict",
        "warning",
        0.01,
    )


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (VALID + "colour: red\n", 6, "unknown key 'colour'"),
        (VALID.replace("extends: conflict", "extends: telepathy"), 2, "unknown check kind"),
        (VALID.replace("tolerance: 0.01", "tolerance: lots"), 5, "must be a number"),
        (VALID.replace("severity: warning", "severity: fatal"), 3, "unknown severity"),
        (
            VALID.replace('message: "{first} vs {others}"\n', ""),
            1,
            "missing required key 'message'",
        ),
        ("id: x\nextends: [conflict\n", 3, "invalid YAML"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        (VALID + "examples:\n  maybe: []\n", 7, "unknown examples key"),
        (VALID.replace("tolerance: 0.01", "tolerance: 2.0"), 5, "between 0 and 1"),
    ],
)
def test_rule_errors_name_file_and_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(RuleError) as raised:
        parse_rule("rules/mine.yaml", text)
    assert str(raised.value).startswith(f"rules/mine.yaml:{line}: ")
    assert problem in str(raised.value)


def test_user_rules_directory_adds_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "strict.yaml").write_text(VALID.replace("my-rule", "conflicting-figures"))
    (tmp_path / "extra.yaml").write_text(VALID)
    rules = {r.id: r for r in load_rules([tmp_path])}
    assert str(rules["conflicting-figures"].severity) == "warning"
    assert "my-rule" in rules and "currency-conversion" in rules
