"""Output formats for CI: line, GitHub workflow commands, reviewdog rdjsonl, SARIF 2.1.0, and
--fail-on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main

SCHEMA = (
    Path(__file__).resolve().parents[1].parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)
WRONG = "The firm will invest ¥100 billion (approximately $1.457 billion) in robots.\n"
CONFLICT = (
    "Xiaomi plans to invest ¥100 billion in robotics over the next five years.\n\n"
    "It said it would invest ¥10 billion in robotics over the next 5 years.\n"
)


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, _ = capsys.readouterr()
    return code, out


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_line_format(tmp_path, capsys) -> None:
    path = write(tmp_path, "a.md", WRONG)
    code, out = run(capsys, "check", "--format", "line", "--date", "2019-05-21", path)
    column = WRONG.index("$1.457") + 1
    assert code == 1
    assert out.startswith(f"{path}:1:{column}: currency-conversion: ¥100 billion is about")
    assert out.count("\n") == 1


def test_github_workflow_commands_escape_their_data(tmp_path, capsys) -> None:
    path = write(tmp_path, "a,b.md", WRONG)
    _, out = run(capsys, "check", "--format", "github", "--date", "2019-05-21", path)
    (line,) = out.splitlines()
    assert line.startswith(f"::error file={path.replace(',', '%2C')},line=1,col=")
    assert ",title=numlint currency-conversion::" in line


def test_rdjsonl_one_diagnostic_per_line(tmp_path, capsys) -> None:
    path = write(tmp_path, "a.md", CONFLICT)
    _, out = run(capsys, "check", "--format", "rdjsonl", path)
    diagnostics = [json.loads(line) for line in out.splitlines()]
    conflict = next(d for d in diagnostics if d["code"]["value"] == "conflicting-figures")
    assert conflict["severity"] == "ERROR"
    assert conflict["location"]["range"]["start"] == {"line": 1, "column": 24}
    assert conflict["related_locations"][0]["location"]["range"]["start"]["line"] == 3


def sarif(capsys, path: str) -> dict:
    _, out = run(capsys, "check", "--format", "sarif", path)
    return json.loads(out)


@pytest.mark.skipif(not SCHEMA.exists(), reason="../shared/schemas is not here")
def test_sarif_is_valid_against_the_schema(tmp_path, capsys) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    log = sarif(capsys, write(tmp_path, "a.md", CONFLICT))
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (run_,) = log["runs"]
    rule_ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    result = next(r for r in run_["results"] if r["ruleId"] == "conflicting-figures")
    assert rule_ids[result["ruleIndex"]] == "conflicting-figures"
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 3


@pytest.mark.skipif(not SCHEMA.exists(), reason="../shared/schemas is not here")
def test_files_not_checked_are_in_sarif_and_github_annotations(tmp_path, capsys) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    good = write(tmp_path, "a.md", CONFLICT)
    big = write(tmp_path, "big.md", CONFLICT * 20)
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe\x00")
    args = ("--max-file-size", "1 KB", good, big, str(broken))
    code, out = run(capsys, "check", "--format", "sarif", *args)
    log = json.loads(out)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (invocation,) = log["runs"][0]["invocations"]
    assert code == 2 and invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    named = [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes]
    levels = [n["level"] for n in notes]
    assert list(zip(levels, map(lambda u: Path(u).name, named), strict=True)) == [
        ("warning", "big.md"),
        ("error", "broken.md"),
    ]
    _, out = run(capsys, "check", "--format", "github", *args)
    annotations = [line for line in out.splitlines() if "title=numlint file not checked::" in line]
    assert [line.split(" ")[0] for line in annotations] == ["::warning", "::error"]
    assert "skipped: file too large" in annotations[0]


def test_sarif_fingerprints_survive_edits_elsewhere(tmp_path, capsys) -> None:
    before = sarif(capsys, write(tmp_path, "a.md", CONFLICT))
    after = sarif(capsys, write(tmp_path, "a.md", "A new first paragraph.\n\n" + CONFLICT))
    prints = [
        [r["partialFingerprints"] for r in log["runs"][0]["results"]] for log in (before, after)
    ]
    lines = [[r["locations"][0]["physicalLocation"]["region"]["startLine"]
              for r in log["runs"][0]["results"]] for log in (before, after)]  # fmt: skip
    assert prints[0] == prints[1]
    assert lines[0] != lines[1]


def test_sarif_fingerprints_tell_two_findings_apart(tmp_path, capsys) -> None:
    log = sarif(capsys, write(tmp_path, "a.md", WRONG + "\n" + WRONG))
    prints = [r["partialFingerprints"] for r in log["runs"][0]["results"]]
    assert len(prints) == 2 and prints[0] != prints[1]


@pytest.mark.parametrize(("fail_on", "code"), [("info", 1), ("warning", 1), ("error", 0)])
def test_fail_on_sets_the_severity_that_fails(tmp_path, capsys, fail_on: str, code: int) -> None:
    rounding = (
        "Turnout was 64.2% in 2023, officials said. Officials put turnout at 64.4% in 2023.\n"
    )
    path = write(tmp_path, "a.md", rounding)  # one warning
    got, out = run(capsys, "check", "--format", "line", "--fail-on", fail_on, path)
    assert "inconsistent-rounding" in out
    assert got == code
