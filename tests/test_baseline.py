"""Baselines: --write-baseline records today's findings, --baseline reports only new ones."""

from __future__ import annotations

from checker.cli import main

WRONG = "The firm will invest ¥100 billion (approximately $1.457 billion) in robots.\n"
OTHER = "Turnout was 64.2% in 2023, officials said. Officials put turnout at 64.4% in 2023.\n"


def check(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["check", "--format", "line", "--date", "2019-05-21", *args])
    out, err = capsys.readouterr()
    return code, [line.split(": ")[1] for line in out.splitlines()], err


def test_a_baseline_hides_recorded_findings_even_after_edits_above_them(tmp_path, capsys) -> None:
    draft, record = tmp_path / "draft.md", str(tmp_path / "baseline.json")
    draft.write_text(WRONG, encoding="utf-8")
    code, found, err = check(capsys, "--write-baseline", record, str(draft))
    assert (code, found) == (0, []) and "recorded 1 findings" in err
    draft.write_text("A new first paragraph.\n\n" + WRONG + "\n" + OTHER, encoding="utf-8")
    code, found, _ = check(capsys, "--baseline", record, str(draft))
    assert (code, found) == (1, ["inconsistent-rounding"])


def test_a_second_copy_of_a_recorded_finding_is_new(tmp_path, capsys) -> None:
    draft, record = tmp_path / "draft.md", str(tmp_path / "baseline.json")
    draft.write_text(WRONG, encoding="utf-8")
    check(capsys, "--write-baseline", record, str(draft))
    draft.write_text(WRONG + "\n" + WRONG, encoding="utf-8")
    _, found, _ = check(capsys, "--baseline", record, str(draft))
    assert found == ["currency-conversion"]


def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path, capsys) -> None:
    record = tmp_path / "baseline.json"
    record.write_text("{not json", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(WRONG, encoding="utf-8")
    code, _, err = check(capsys, "--baseline", str(record), str(draft))
    assert code == 2
    assert (
        err.startswith(f"numlint: error: {record}: not a numlint baseline") and err.count("\n") == 1
    )
