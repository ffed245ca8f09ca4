"""Bad rule files and configurations through the command line: one line naming the file (and,
for a rule file, the line: `path:LINE: problem`), exit code 2, no traceback.

tests/test_rules.py covers an unknown key, an unknown kind, a text for a number, an unknown
severity, a missing message, an unclosed flow list, a list for a rule, an unknown examples key
and a tolerance out of range; tests/test_cli.py an unknown kind through the command line;
tests/test_config.py an unknown key, fail-on, a severity, broken TOML and max-file-size in a
pyproject.toml. What follows is the rest.

No check kind takes a regular expression: the word-list parameters (whole-words,
separate-wholes, rest-words of share_sum; the metric lists of conflict) are matched as literal
text (re.escape, or plain comparison), so there is no pattern that can fail to compile; the last
rule test shows that such words are taken literally.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from checker.checks import KINDS
from checker.cli import main
from checker.rules import RuleError, parse_rule
from tests.helpers import document, findings

YEN = "The firm will invest ¥100 billion (approximately $1.457 billion) in robots.\n"
HEAD = 'id: my-rule\nextends: {kind}\nseverity: warning\nmessage: "{{first}}"\n'  # 4 lines


def rule_text(kind: str, *lines: str) -> str:
    return HEAD.format(kind=kind) + "".join(line + "\n" for line in lines)


def check_with_rules(tmp_path: Path, capsys, name: str, data: str | bytes) -> tuple[int, str, str]:
    """Run `numlint check --rules DIR` on a good article with one rule file in DIR."""
    rules = tmp_path / "rules"
    rules.mkdir()
    path = rules / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    article = tmp_path / "good.md"
    article.write_text(YEN, encoding="utf-8")
    code = main(
        ["check", "--no-cache", "--date", "2019-05-21", "--rules", str(rules), str(article)]
    )
    out, err = capsys.readouterr()
    return code, out, err


# (rule file, the line the error names, a part of its message)
BAD_RULE_FILES = {
    "unclosed-quote": (rule_text("conversion", 'description: "never closed', "tolerance: 0.1"), 7,
                       "invalid YAML: found unexpected end of stream"),
    "tab-indentation": ("id: x\n\textends: conversion\n", 2, "invalid YAML: found character '\\t'"),
    "bad-indentation": ("id: x\nmessage: m\n  extends: conversion\n", 3,
                        "invalid YAML: mapping values are not allowed here"),
    "control-character": (rule_text("conversion", "description: a bell \x07 here"), 5,
                          "invalid YAML: special characters are not allowed (#x0007)"),
    "nul-character": (rule_text("conversion", "description: a\x00b"), 5,
                      "invalid YAML: special characters are not allowed (#x0000)"),
    "empty-file": ("", 1, "empty file: a rule must be a mapping"),
    "only-comments": ("# nothing here yet\n\n", 1, "empty file: a rule must be a mapping"),
    "two-documents": (rule_text("conversion") + "---\nid: other\n", 5, "invalid YAML"),
    "list-as-key": (rule_text("conversion", "? [tolerance, error-above]", ": 0.1"), 5,
                    "a key must be a name, not a list or mapping"),
    "duplicate-key": (rule_text("conversion", "tolerance: 0.1", "tolerance: 0.2"), 6,
                      "duplicate key 'tolerance'"),
    "duplicate-spelling": (rule_text("conversion", "rate_window_days: 7", "rate-window-days: 9"),
                           6, "duplicate key 'rate-window-days'"),
    "python-tag": (rule_text("conversion", "tolerance: !!python/object/apply:os.system [ls]"), 5,
                   "invalid value: could not determine a constructor for the tag"),
    "extends-a-list": ("id: x\nextends: [conversion]\nmessage: m\n", 2,
                       "'extends' must be text, not list"),
    "whole-number-as-float": (rule_text("conversion", "rate-window-days: 1.5"), 5,
                              "'rate-window-days' must be a whole number"),
    "whole-number-as-text": (rule_text("enumeration", "max-count: many"), 5,
                             "'max-count' must be a whole number"),
    "bool-as-text": (rule_text("weekday", "relative-days: sometimes"), 5,
                     "'relative-days' must be true or false"),
    "bool-as-number": (rule_text("conflict", "unscoped-matches-any: 1"), 5,
                       "'unscoped-matches-any' must be true or false"),
    "list-as-text": (rule_text("share_sum", "whole-words: vote"), 5,
                     "'whole-words' must be a list of text"),
    "list-of-numbers": (rule_text("share_sum", "whole-words: [1, 2]"), 5,
                        "'whole-words' must be a list of text"),
    "number-as-nan": (rule_text("growth", "tolerance: .nan"), 5, "'tolerance' must be a number"),
    "number-as-bool": (rule_text("points", "tolerance: yes"), 5, "'tolerance' must be a number"),
    "number-as-date": (rule_text("share", "tolerance: 2019-05-21"), 5,
                       "'tolerance' must be a number"),
    "number-as-mapping": (rule_text("sum", "tolerance:", "  value: 0.1"), 6,  # the value's line
                          "'tolerance' must be a number"),
    "out-of-range-on-its-line": (rule_text("growth", "tolerance: 0.5",
                                           "earlier-baseline-sentences: -1"), 6,
                                 "'earlier-baseline-sentences' cannot be negative"),
    "severity-a-list": (rule_text("conversion").replace("severity: warning", "severity: [error]"),
                        3, "'severity' must be text, not list"),
    "example-impossible-date": (rule_text("conversion", "examples:", "  pass:",
                                          "    - {text: x, date: 2019-02-30}"), 7,
                                "invalid value: day is out of range for month"),
    "example-date-as-text": (rule_text("conversion", "examples:", "  fail:",
                                       "    - {text: x, date: yesterday}"), 7,
                             "an example's date must be YYYY-MM-DD"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [pytest.param(*case, id=name) for name, case in BAD_RULE_FILES.items()],
)
def test_a_bad_rule_file_is_one_line_naming_file_and_line(
    tmp_path, capsys, text, line, problem
) -> None:
    code, out, err = check_with_rules(tmp_path, capsys, "mine.yaml", text)
    path = tmp_path / "rules" / "mine.yaml"
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert err.startswith(f"numlint: error: {path}:{line}: ")
    assert problem in err
    assert err.count("\n") == 1


def test_a_rule_file_that_is_not_utf8_names_the_line(tmp_path, capsys) -> None:
    data = rule_text("conversion").encode() + b"description: caf\xe9\n"
    code, out, err = check_with_rules(tmp_path, capsys, "latin.yaml", data)
    path = tmp_path / "rules" / "latin.yaml"
    assert (code, out) == (2, "")
    assert err == f"numlint: error: {path}:5: not UTF-8 text (invalid byte 0xe9)\n"


def _type_name(field: dataclasses.Field) -> str:
    """'float', 'int', 'bool', 'str' or 'tuple[str, ...]' (annotations may be strings)."""
    kind = field.type
    return kind if isinstance(kind, str) else getattr(kind, "__name__", str(kind))


# A value of the wrong type for each parameter type; 5 is neither text nor a list of text.
WRONG = {"float": '"lots"', "int": "1.5", "bool": '"sometimes"', "str": "5", "tuple[str, ...]": "5"}
PARAMETERS = [
    pytest.param(kind, field, id=f"{kind}.{field.name}")
    for kind, check in sorted(KINDS.items())
    for field in dataclasses.fields(check.Parameters)
]


@pytest.mark.parametrize(("kind", "field"), PARAMETERS)
def test_every_parameter_of_every_kind_refuses_a_wrong_type(kind, field) -> None:
    name = field.name.replace("_", "-")
    text = rule_text(kind, f"{name}: {WRONG[_type_name(field)]}")
    with pytest.raises(RuleError) as raised:
        parse_rule("rules/mine.yaml", text)
    assert str(raised.value).startswith(f"rules/mine.yaml:5: '{name}' must be ")
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    "line",
    ["rate-window-days: 1000000", "inferred-date-days-after: 1000000000000000000000000000000"],
)
def test_a_day_window_too_large_for_a_date_is_refused(line: str) -> None:
    text = rule_text("conversion", line)
    with pytest.raises(RuleError, match=r"^rules/mine\.yaml:5: "):
        parse_rule("rules/mine.yaml", text)


def test_words_in_word_lists_are_literal_text_not_patterns() -> None:
    text = rule_text("share_sum", 'whole-words: ["vote(s)", "[ballots", "*", "\\\\d+", "(?P<x"]')
    rule = parse_rule("rules/mine.yaml", text)
    assert rule.parameters.whole_words == ("vote(s)", "[ballots", "*", "\\d+", "(?P<x")
    shares = "Smith won 52%, Jones 38% and Lee 15% of the {}."
    assert [f.rule for f in findings(shares.format("vote(s)"), rules=[rule])] == ["my-rule"]
    assert [f.rule for f in findings(shares.format("[ballots"), rules=[rule])] == ["my-rule"]
    assert findings(shares.format("votes"), rules=[rule]) == []  # not "vote" plus a pattern
    assert findings(shares.format("123"), rules=[rule]) == []  # "\d+" is not a digit pattern
    assert document(shares.format("*")).claims  # and checking such text does not raise


# --------------------------------------------------------------------------- configurations


def check_with_config(
    tmp_path: Path, capsys, config: str, name: str = ".numlint.toml", *options: str
) -> tuple[int, str, str]:
    (tmp_path / name).write_text(config, encoding="utf-8")
    article = tmp_path / "good.md"
    article.write_text(YEN, encoding="utf-8")
    code = main(["check", "--no-cache", "--format", "json", *options, str(article)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('select = "currency"', "select must be a list of strings"),
        ("ignore = 5", "ignore must be a list of strings"),
        ("include = [1, 2]", "include must be a list of strings"),
        ("exclude = { a = 1 }", "exclude must be a list of strings"),
        ('rules = "house-rules"', "rules must be a list of strings"),
        ('severity = "info"', "severity must be a table"),
        ("severity = { currency-conversion = 3 }", "severity.currency-conversion: unknown"),
        ('severity = { currency-conversion = ["info"] }', "severity.currency-conversion: unknown"),
        ('currency = "CAD"', "currency must be a table"),
        ('currency = { "$" = 5 }', 'currency.$ must be a currency code such as "CAD"'),
        ('currency = { "¥" = ["JPY"] }', 'currency.¥ must be a currency code such as "CAD"'),
        ('fx-tolerance = "high"', "fx-tolerance must be a number from 0 to 1"),
        ("fx-tolerance = true", "fx-tolerance must be a number from 0 to 1"),
        ("fx-tolerance = nan", "fx-tolerance must be a number from 0 to 1"),
        ("fx-tolerance = 2", "fx-tolerance must be a number from 0 to 1"),
        ("fail-on = 3", "fail-on must be one of error, warning, info"),
        ('fail-on = ["error"]', "fail-on must be one of error, warning, info"),
        ("max-file-size = true", "max-file-size: not a size"),
        ("max-file-size = [1]", "max-file-size: not a size"),
        ("max-file-size = -3", "max-file-size: not a size"),
        ("max-file-size = 1e-5", "max-file-size: not a size"),
        ("[select]\na = 1", "select must be a list of strings"),
    ],
)
def test_a_numlint_toml_with_a_wrong_type_is_one_line_naming_it(
    tmp_path, capsys, config, message
) -> None:
    code, out, err = check_with_config(tmp_path, capsys, config + "\n")
    assert (code, out) == (2, "")
    assert err.startswith(f"numlint: error: {tmp_path / '.numlint.toml'}: {message}")
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("config", ["[tool]\nnumlint = 5\n", '[tool]\nnumlint = "x"\n',
                                    "[tool]\nnumlint = [1]\n"])  # fmt: skip
def test_a_tool_numlint_that_is_not_a_table(tmp_path, capsys, config) -> None:
    code, out, err = check_with_config(tmp_path, capsys, config, "pyproject.toml")
    assert (code, out) == (2, "")
    assert err == f"numlint: error: {tmp_path / 'pyproject.toml'}: tool.numlint must be a table\n"


@pytest.mark.parametrize("config", ["tool = 5\n", 'tool = "numlint"\n', "tool = [1, 2]\n"])
def test_a_tool_key_that_is_not_a_table_is_not_a_numlint_configuration(
    tmp_path, capsys, config
) -> None:
    """Found by walking up, it is not numlint's; given with --config, it sets nothing."""
    code, out, err = check_with_config(tmp_path, capsys, config, "pyproject.toml", "--date",
                                       "2019-05-21")  # fmt: skip
    assert (code, err) == (1, "")
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["currency-conversion"]
    config_path = str(tmp_path / "pyproject.toml")
    code = main(["check", "--no-cache", "--format", "json", "--config", config_path, "--date",
                 "2019-05-21", str(tmp_path / "good.md")])  # fmt: skip
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["currency-conversion"]


def test_a_configuration_is_one_line_when_its_rules_folder_is_missing(tmp_path, capsys) -> None:
    code, out, err = check_with_config(tmp_path, capsys, 'rules = ["house-rules"]\n')
    assert (code, out) == (2, "")
    assert err.startswith(f"numlint: error: {tmp_path / 'house-rules'}:")
    assert "not a directory of rules" in err and err.count("\n") == 1
