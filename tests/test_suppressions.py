"""Inline suppressions: <!-- numlint-disable ... -->, -enable, -disable-next-line."""

from __future__ import annotations

from pathlib import Path

from checker.cli import main

WRONG = "The firm will invest ¥100 billion (approximately $1.457 billion) in robots."
ROUNDING = "Turnout was 64.2% in 2023, officials said. Officials put turnout at 64.4% in 2023."


def rules_found(capsys, tmp_path: Path, text: str, *options: str) -> list[str]:
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    main(["check", "--format", "line", "--date", "2019-05-21", *options, str(path)])
    out, _ = capsys.readouterr()
    return [line.split(": ")[1] for line in out.splitlines()]


def test_disable_next_line_suppresses_that_rule_on_the_next_line(tmp_path, capsys) -> None:
    text = f"<!-- numlint-disable-next-line currency-conversion -->\n{WRONG}\n\n{WRONG}\n"
    assert rules_found(capsys, tmp_path, text) == ["currency-conversion"]  # the second one only


def test_disable_next_line_skips_blank_lines_and_other_rules_still_fire(tmp_path, capsys) -> None:
    text = f"<!-- numlint-disable-next-line inconsistent-rounding -->\n\n{WRONG}\n"
    assert rules_found(capsys, tmp_path, text) == ["currency-conversion"]


def test_a_disabled_range_ends_at_enable(tmp_path, capsys) -> None:
    text = (
        f"<!-- numlint-disable currency-conversion, inconsistent-rounding -->\n{WRONG}\n\n"
        f"{ROUNDING}\n<!-- numlint-enable currency-conversion -->\n\n{WRONG}\n"
    )
    assert rules_found(capsys, tmp_path, text) == ["currency-conversion"]


def test_disable_without_rules_suppresses_every_rule_to_the_end(tmp_path, capsys) -> None:
    text = f"{WRONG}\n\n<!-- numlint-disable -->\n\n{WRONG}\n\n{ROUNDING}\n"
    assert rules_found(capsys, tmp_path, text) == ["currency-conversion"]  # the first one only


def test_unused_suppressions_are_reported_when_asked(tmp_path, capsys) -> None:
    text = f"<!-- numlint-disable-next-line weekday-date -->\n{WRONG}\n"
    assert rules_found(capsys, tmp_path, text) == ["currency-conversion"]
    found = rules_found(capsys, tmp_path, text, "--report-unused-suppressions")
    assert sorted(found) == ["currency-conversion", "unused-suppression"]
