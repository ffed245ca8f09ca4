"""Configuration in pyproject.toml [tool.numlint] or .numlint.toml, found by walking up."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main

ROUNDING = "Turnout was 64.2% in 2023, officials said. Officials put turnout at 64.4% in 2023.\n"
YEN = "The firm will invest ¥100 billion (approximately $1.457 billion) in robots.\n"


def repo(tmp_path: Path, config: str, name: str = "pyproject.toml") -> Path:
    (tmp_path / name).write_text(config, encoding="utf-8")
    articles = tmp_path / "articles"
    (articles / "archive").mkdir(parents=True)
    (articles / "a.md").write_text(ROUNDING, encoding="utf-8")
    (articles / "archive" / "b.md").write_text(ROUNDING, encoding="utf-8")
    (articles / "c.md").write_text(YEN, encoding="utf-8")
    return articles


def check(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["check", "--format", "line", "--date", "2019-05-21", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_a_pyproject_table_above_the_checked_folder_is_used(tmp_path, capsys) -> None:
    articles = repo(
        tmp_path,
        '[tool.numlint]\nexclude = ["articles/archive/**"]\ncurrency = { "¥" = "JPY" }\n'
        'severity = { inconsistent-rounding = "info" }\nfail-on = "error"\n',
    )
    code, lines, _ = check(capsys, str(articles / "archive" / ".."))
    assert sorted(line.split(": ")[1] for line in lines) == [
        "currency-conversion",
        "inconsistent-rounding",
    ]
    assert "JPY per USD" in next(line for line in lines if "currency" in line)
    assert code == 1  # the conversion is an error; the rounding slip, now info, would not fail


def test_severity_and_fail_on_decide_the_exit_code(tmp_path, capsys) -> None:
    (tmp_path / ".numlint.toml").write_text(
        'select = ["inconsistent-rounding"]\nfail-on = "warning"\n'
        'severity = { inconsistent-rounding = "info" }\n',
        encoding="utf-8",
    )
    draft = tmp_path / "draft.md"
    draft.write_text(ROUNDING, encoding="utf-8")
    code, lines, _ = check(capsys, str(draft))
    assert len(lines) == 1 and code == 0


def test_the_command_line_wins_over_the_file(tmp_path, capsys) -> None:
    articles = repo(tmp_path, '[tool.numlint]\nselect = ["inconsistent-rounding"]\n')
    _, lines, _ = check(capsys, "--select", "currency-conversion", str(articles / "c.md"))
    assert [line.split(": ")[1] for line in lines] == ["currency-conversion"]


def test_an_explicit_config_file(tmp_path, capsys) -> None:
    articles = repo(tmp_path, "")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ".numlint.toml").write_text('ignore = ["currency-conversion"]\n', "utf-8")
    _, lines, _ = check(capsys, str(articles / "c.md"))
    assert len(lines) == 1  # the file next to the articles has no [tool.numlint]
    _, lines, _ = check(
        capsys, "--config", str(elsewhere / ".numlint.toml"), str(articles / "c.md")
    )
    assert lines == []


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[tool.numlint]\nselct = ["x"]\n', "unknown key 'selct' in tool.numlint"),
        ('[tool.numlint]\nfail-on = "never"\n', "fail-on must be one of error, warning, info"),
        ('[tool.numlint]\nseverity = { x = "loud" }\n', "severity.x: unknown severity"),
        ("[tool.numlint\n", "not valid TOML"),
        ('[tool.numlint]\nmax-file-size = "big"\n', "max-file-size: not a size"),
    ],
)
def test_a_bad_configuration_is_one_line_naming_the_file(tmp_path, capsys, config, message) -> None:
    articles = repo(tmp_path, config)
    code, lines, err = check(capsys, str(articles))
    if "not valid TOML" in message:
        # a broken pyproject.toml is not recognised as numlint's: only --config reports it
        code, lines, err = check(
            capsys, "--config", str(tmp_path / "pyproject.toml"), str(articles)
        )
    assert code == 2 and lines == []
    assert err.startswith(f"numlint: error: {tmp_path / 'pyproject.toml'}: ")
    assert message in err and err.count("\n") == 1


def test_the_front_matter_currency_wins_over_the_configuration(tmp_path, capsys) -> None:
    (tmp_path / ".numlint.toml").write_text('currency = { "¥" = "JPY" }\n', encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("---\ncurrency: CNY\n---\n\n" + YEN, encoding="utf-8")
    _, lines, _ = check(capsys, str(draft))
    assert "CNY per USD" in lines[0]
    draft.write_text(YEN, encoding="utf-8")
    _, lines, _ = check(capsys, str(draft))
    assert "JPY per USD" in lines[0]


def test_each_path_takes_the_configuration_nearest_to_it(tmp_path, capsys) -> None:
    for name, config in (("yen", 'currency = { "¥" = "JPY" }\n'), ("yuan", "")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / ".numlint.toml").write_text(config, encoding="utf-8")
        (folder / "draft.md").write_text(YEN, encoding="utf-8")
    _, lines, _ = check(capsys, str(tmp_path / "yen"), str(tmp_path / "yuan"))
    assert "JPY per USD" in lines[0] and "CNY per USD" in lines[1]


def test_the_size_limit_from_the_file_and_the_command_line(tmp_path, capsys) -> None:
    articles = repo(tmp_path, '[tool.numlint]\nmax-file-size = "40 bytes"\n')
    code, lines, err = check(capsys, str(articles / "c.md"))
    assert code == 2 and lines == []
    assert err.startswith(f"numlint: warning: {articles / 'c.md'}: skipped: file too large")
    assert "the limit is 40 bytes" in err
    code, lines, err = check(capsys, "--max-file-size", "1 KB", str(articles / "c.md"))
    assert (code, len(lines), err) == (1, 1, "")
