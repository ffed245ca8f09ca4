"""--jobs and the cache give the same findings as a plain run; the cache follows the text."""

from __future__ import annotations

from pathlib import Path

from checker.cli import main

WRONG = "The firm will invest ¥100 billion (approximately $1.457 billion) in robots.\n"
ROUNDING = "Turnout was 64.2% in 2023, officials said. Officials put turnout at 64.4% in 2023.\n"


def check(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", "--format", "line", "--date", "2019-05-21", *args])
    out, _ = capsys.readouterr()
    return code, out


def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(4):
        (folder / f"a{i}.md").write_text(WRONG if i % 2 else ROUNDING, encoding="utf-8")
    return folder


def test_jobs_give_the_same_findings_in_the_same_order(tmp_path, capsys) -> None:
    folder = articles(tmp_path)
    one = check(capsys, "--no-cache", "--jobs", "1", str(folder))
    two = check(capsys, "--no-cache", "--jobs", "2", str(folder))
    assert one == two and one[1].count("\n") == 4


def test_the_cache_answers_for_unchanged_files_and_not_for_changed_ones(tmp_path, capsys) -> None:
    folder, cache = articles(tmp_path), tmp_path / "cache"
    first = check(capsys, "--cache-dir", str(cache), str(folder))
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 4
    assert check(capsys, "--cache-dir", str(cache), str(folder)) == first
    (folder / "a0.md").write_text(WRONG, encoding="utf-8")  # was the rounding slip
    _, out = check(capsys, "--cache-dir", str(cache), str(folder))
    assert out.count("currency-conversion") == 3 and "inconsistent-rounding" in out
    assert len(sorted(cache.rglob("*.json"))) == 5


def test_no_cache_writes_nothing(tmp_path, capsys) -> None:
    folder, cache = articles(tmp_path), tmp_path / "cache"
    check(capsys, "--no-cache", "--cache-dir", str(cache), str(folder))
    assert not cache.exists()


def test_a_bad_front_matter_is_one_line_with_the_cache_and_jobs(tmp_path, capsys) -> None:
    folder = articles(tmp_path)
    (folder / "bad.md").write_text(
        "---\ndate: [unclosed\n---\n\nRevenue was $5 million.\n", "utf-8"
    )
    for jobs in ("1", "2"):
        code = main(["check", "--jobs", jobs, "--cache-dir", str(tmp_path / "cache"), str(folder)])
        _, err = capsys.readouterr()
        assert code == 2
        assert err == f"numlint: error: {folder / 'bad.md'}: invalid YAML front matter: " + (
            "expected ',' or ']', but got '<stream end>' (line 3)\n"
        )


def test_a_configured_severity_is_not_answered_from_an_older_cache(tmp_path, capsys) -> None:
    folder, cache = articles(tmp_path), str(tmp_path / "cache")
    _, before = check(capsys, "--cache-dir", cache, "--format", "json", str(folder / "a0.md"))
    (tmp_path / ".numlint.toml").write_text(
        'severity = { inconsistent-rounding = "info" }\n', encoding="utf-8"
    )
    _, after = check(capsys, "--cache-dir", cache, "--format", "json", str(folder / "a0.md"))
    assert '"severity": "warning"' in before and '"severity": "info"' in after
