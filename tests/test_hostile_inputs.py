"""Hostile inputs through the command line: each gives a normal run or one line naming the file.

Every test puts a good article with a known finding beside the hostile input and checks that the
finding is still reported: a file that cannot be checked must not stop the others. A file that
could not be checked makes the exit code 2; hostile but valid text is a normal run (0 or 1).
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

import checker.engine
import checker.source
from checker.cli import main

DATE = "2019-05-21"
YEN = (
    "The company will invest ¥100 billion (approximately $1.457 billion) in robots over five "
    "years.\n"
)
GOOD = "# Robots\n\n" + YEN  # the finding is on line 3
GOOD_LINE = 3
COLUMN = YEN.index("$1.457") + 1


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def check(
    capsys, *paths: Path | str, options: tuple[str, ...] = (), jobs: str = "1"
) -> tuple[int, dict, str]:
    argv = ["check", "--format", "json", "--no-cache", "--jobs", jobs, "--date", DATE, *options]
    code = main([*argv, *map(str, paths)])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def found(payload: dict, path: Path) -> list[tuple[str, int, int]]:
    return [
        (f["rule"], f["line"], f["column"]) for f in payload["findings"] if f["path"] == str(path)
    ]


def assert_good_checked(payload: dict, good: Path) -> None:
    assert ("currency-conversion", GOOD_LINE, COLUMN) in found(payload, good)


def assert_one_problem(err: str, level: str, path: Path | str, message: str) -> None:
    """stderr is exactly one line, `numlint: LEVEL: PATH: message`, and no traceback."""
    assert "Traceback" not in err
    assert err == f"numlint: {level}: {path}: {message}\n"


def assert_normal_run(capsys, tmp_path: Path, name: str, hostile: str | bytes) -> dict:
    """A valid but hostile text is checked like any other file: exit 0 or 1, nothing on stderr,
    and the good file beside it keeps its finding."""
    good = write(tmp_path, "good.md", GOOD)
    path = write(tmp_path, name, hostile)
    code, payload, err = check(capsys, good, path)
    assert err == ""
    assert payload["errors"] == []
    assert payload["files_checked"] == 2
    assert_good_checked(payload, good)
    assert code == 1  # the good file's finding
    return payload


# --------------------------------------------------------------------------- files not checked


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_binary_file_is_one_error_and_the_rest_is_checked(tmp_path, capsys, jobs) -> None:
    good = write(tmp_path, "good.md", GOOD)
    write(tmp_path, "other.md", YEN)  # two files to check, so that --jobs 2 uses two processes
    scan = write(tmp_path, "scan.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, payload, err = check(capsys, tmp_path, jobs=jobs)  # found by walking the folder
    assert code == 2
    assert_one_problem(err, "error", scan, "binary file, not text")
    assert payload["errors"] == [
        {"path": str(scan), "message": "binary file, not text", "level": "error"}
    ]
    assert payload["files_checked"] == 2
    assert_good_checked(payload, good)


def test_invalid_utf8_names_the_file_and_the_byte(tmp_path, capsys) -> None:
    good = write(tmp_path, "good.md", GOOD)
    data = b"Line one.\nSales rose 5% at the caf\xe9.\n"
    latin = write(tmp_path, "latin.txt", data)
    code, payload, err = check(capsys, latin, good)
    assert code == 2
    offset = data.index(b"\xe9")
    assert_one_problem(
        err, "error", latin, f"not UTF-8 text (invalid byte 0xe9 at offset {offset})"
    )
    assert [e["path"] for e in payload["errors"]] == [str(latin)]
    assert_good_checked(payload, good)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_utf16_with_a_bom_is_read_and_checked(tmp_path, capsys, codec, newline) -> None:
    good = write(tmp_path, "good.md", GOOD)
    wide = write(tmp_path, "wide.md", ("\ufeff" + GOOD.replace("\n", newline)).encode(codec))
    code, payload, err = check(capsys, good, wide)
    assert (code, err, payload["errors"]) == (1, "", [])
    assert found(payload, wide) == found(payload, good)
    assert_good_checked(payload, wide)
    (finding,) = [f for f in payload["findings"] if f["path"] == str(wide)]
    assert finding["end_column"] == COLUMN + len("$1.457 billion")


@pytest.mark.parametrize(
    "data",
    [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\n\r\n\r"],
    ids=["empty", "utf8-bom", "utf16-bom", "blank-lines"],
)
def test_an_empty_file_is_checked_and_clean(tmp_path, capsys, data) -> None:
    good = write(tmp_path, "good.md", GOOD)
    empty = write(tmp_path, "empty.md", data)
    code, payload, err = check(capsys, empty, good)
    assert (code, err, payload["errors"], payload["files_checked"]) == (1, "", [], 2)
    assert found(payload, empty) == []
    assert_good_checked(payload, good)
    code, payload, err = check(capsys, empty)
    assert (code, err, payload["findings"], payload["files_checked"]) == (0, "", [], 1)


def test_a_50_mb_file_is_skipped_with_a_warning(tmp_path, capsys) -> None:
    good = write(tmp_path, "good.md", GOOD)
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: over the default 10 MB limit at once
    code, payload, err = check(capsys, tmp_path)
    message = "skipped: file too large (50.0 MB; the limit is 10.0 MB, see --max-file-size)"
    assert_one_problem(err, "warning", huge, message)
    assert payload["errors"] == [{"path": str(huge), "message": message, "level": "warning"}]
    assert code == 2  # not every file was checked
    assert_good_checked(payload, good)


def test_a_size_limit_too_large_to_read_at_once_still_reads_files(tmp_path, capsys) -> None:
    """A limit above sys.maxsize made read(limit + 1) raise OverflowError (a traceback)."""
    good = write(tmp_path, "good.md", GOOD)
    limit = str(sys.maxsize * 16)
    code, payload, err = check(capsys, good, options=("--max-file-size", limit))
    assert (code, err) == (1, "")
    assert_good_checked(payload, good)


def test_stdin_with_a_size_limit_too_large_to_read_at_once(monkeypatch, capsys) -> None:
    """read(limit + 1) on a pipe allocates the whole limit first: stdin is read in chunks."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    limit = str(sys.maxsize * 16)
    code, payload, err = check(capsys, "-", options=("--max-file-size", limit))
    assert (code, err) == (1, "")
    assert found(payload, "<stdin>") == [("currency-conversion", GOOD_LINE, COLUMN)]


def test_stdin_over_the_limit_is_skipped_after_reading_only_the_limit(monkeypatch, capsys) -> None:
    stream = io.BytesIO(b"x" * (3 * 1024 * 1024))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    code, _, err = check(capsys, "-", options=("--max-file-size", "1 MB"))
    assert code == 2
    assert_one_problem(
        err,
        "warning",
        "<stdin>",
        "skipped: file too large (more than 1.0 MB; the limit is 1.0 MB, see --max-file-size)",
    )
    assert stream.tell() <= 1024 * 1024 + 1


# --------------------------------------------------------------------------- valid but hostile text

BIG = "9" * 10_000


def test_a_ten_thousand_digit_number(tmp_path, capsys) -> None:
    text = (
        f"Reserves were {BIG} dollars. The firm will invest ¥{BIG} billion (approximately "
        f"$1.457 billion). Revenue rose 5% to ${BIG} billion from $1 billion. Labour won {BIG} of "
        f"the 40 seats, or 45%. It was 0.{BIG}% of {BIG}.{BIG} km ({BIG} miles).\n\n" + YEN
    )
    payload = assert_normal_run(capsys, tmp_path, "digits.md", text)
    assert ("currency-conversion", 3, COLUMN) in found(payload, tmp_path / "digits.md")


def test_1e308(tmp_path, capsys) -> None:
    text = (
        "The firm will invest ¥1e308 billion (approximately $1e308 billion). Revenue rose 1e308% "
        "to $1e308 from $1e-308. A 1e308-kilometre (1e308-mile) road. Smith won 1e308%, Jones "
        "1e308% and Lee 1e308% of the vote. 1.7976931348623157e308 and 1E309.\n\n" + YEN
    )
    payload = assert_normal_run(capsys, tmp_path, "float.md", text)
    assert ("currency-conversion", 3, COLUMN) in found(payload, tmp_path / "float.md")


def test_nan_and_infinity(tmp_path, capsys) -> None:
    text = (
        "Revenue was NaN million, up NaN% from $nan billion. Smith won NaN%, Jones inf% and Lee "
        "-inf% of the vote. The firm will invest ¥NaN billion (approximately $Infinity).\n\n" + YEN
    )
    payload = assert_normal_run(capsys, tmp_path, "nan.md", text)
    assert ("currency-conversion", 3, COLUMN) in found(payload, tmp_path / "nan.md")


def test_thousands_of_nested_parentheses(tmp_path, capsys) -> None:
    depth = 1500
    text = (
        "(" * depth + "Revenue rose 12% to €84 million from €70 million." + ")" * depth + "\n\n"
        + " ".join("(" * depth) + " $5 million " + " ".join(")" * depth) + "\n\n"
        + "[(" * depth + "x" + ")]" * depth + "\n\n" + YEN
    )  # fmt: skip
    payload = assert_normal_run(capsys, tmp_path, "parens.md", text)
    assert ("currency-conversion", 7, COLUMN) in found(payload, tmp_path / "parens.md")


def claims(capsys, path: Path) -> list[dict]:
    code = main(["claims", "--format", "json", str(path)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return json.loads(out)


def test_full_width_digits(tmp_path, capsys) -> None:
    text = (
        "売上高は１２％増えた。Sales rose １２％ to ￥１００ billion, or ＄１.５ billion.\n\n" + YEN
    )
    payload = assert_normal_run(capsys, tmp_path, "wide.md", text)
    assert ("currency-conversion", 3, COLUMN) in found(payload, tmp_path / "wide.md")
    read = [(c["text"], c["kind"], c["value"]) for c in claims(capsys, tmp_path / "wide.md")]
    assert ("１２％", "percent", "12") in read


def test_arabic_indic_digits(tmp_path, capsys) -> None:
    text = "ارتفعت المبيعات بنسبة ٣٤٪ إلى ١٢٠ مليون دولار في عام ٢٠٢٣. Turnout was ٣٤٪.\n\n" + YEN
    payload = assert_normal_run(capsys, tmp_path, "arabic.md", text)
    assert ("currency-conversion", 3, COLUMN) in found(payload, tmp_path / "arabic.md")
    values = {c["value"] for c in claims(capsys, tmp_path / "arabic.md")}
    assert {"34", "120"} <= values  # the digits are read, whatever the sign after them


def test_right_to_left_text(tmp_path, capsys) -> None:
    rtl_yen = "\u202bהחברה תשקיע 100 מיליארד ין\u202c \u200f" + YEN.strip() + "\u200f"
    lines = [
        "המכירות של החברה עלו ב-12% ל-5 מיליון דולר בשנת 2023, לעומת 4 מיליון דולר בשנת 2022.",
        "ارتفعت مبيعات الشركة بنسبة ١٢٪ إلى ٥ ملايين دولار في عام ٢٠٢٣، مقابل 4 ملايين دولار.",
        rtl_yen,
        "\u2067שער: 1.457 $\u2069 \u202eevloh\u202c",
    ]
    payload = assert_normal_run(capsys, tmp_path, "rtl.md", "\n\n".join(lines) + "\n")
    # Columns count characters, bidi controls included.
    column = rtl_yen.index("$1.457") + 1
    assert ("currency-conversion", 5, column) in found(payload, tmp_path / "rtl.md")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_do_not_move_findings(tmp_path, capsys, newline) -> None:
    text = "---\ntitle: Robots\n---\n\n# Robots\n\nIntro.\n\n- a list item\n\n" + YEN + "\nMore.\n"
    lf = write(tmp_path, "lf.md", text)
    other = write(tmp_path, "other.md", text.replace("\n", newline))
    code, payload, err = check(capsys, lf, other)
    assert (code, err) == (1, "")
    assert found(payload, lf) == [("currency-conversion", 11, COLUMN)]
    located = {
        f["path"]: (f["line"], f["column"], f["end_line"], f["end_column"])
        for f in payload["findings"]
    }
    assert located[str(other)] == located[str(lf)]


# --------------------------------------------------------------------------- the file system


def symlink(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError):
        pytest.skip("symlinks are not supported here")


def test_a_directory_loop_through_symlinks_ends_and_checks_each_file_once(tmp_path, capsys) -> None:
    articles = tmp_path / "articles"
    first = write(articles, "a.md", GOOD)
    second = write(articles, "sub/b.md", GOOD)
    symlink(articles / "sub" / "self", Path("."))
    symlink(articles / "sub" / "up", Path(".."))
    symlink(articles / "loop", articles)
    code, payload, err = check(capsys, articles)
    assert (code, err, payload["errors"]) == (1, "", [])
    assert payload["files_checked"] == 2
    assert sorted(f["path"] for f in payload["findings"]) == [str(first), str(second)]


def test_a_symlink_loop_between_files_is_one_error_each(tmp_path, capsys) -> None:
    """Path.resolve() raised RuntimeError on a symlink loop while matching include/exclude."""
    articles = tmp_path / "articles"
    good = write(articles, "good.md", GOOD)
    symlink(articles / "loop1.md", Path("loop2.md"))
    symlink(articles / "loop2.md", Path("loop1.md"))
    code, payload, err = check(capsys, articles)
    assert code == 2 and "Traceback" not in err
    assert err.splitlines() == [
        f"numlint: error: {articles / name}: cannot read: too many levels of symbolic links"
        for name in ("loop1.md", "loop2.md")
    ]
    assert_good_checked(payload, good)
    code, payload, err = check(capsys, articles / "loop1.md", good)  # given directly
    assert code == 2
    assert_one_problem(
        err, "error", articles / "loop1.md", "cannot read: too many levels of symbolic links"
    )
    assert_good_checked(payload, good)


def test_a_dangling_symlink_is_one_error(tmp_path, capsys) -> None:
    good = write(tmp_path, "good.md", GOOD)
    symlink(tmp_path / "gone.md", tmp_path / "deleted.md")
    code, payload, err = check(capsys, tmp_path)
    assert code == 2
    assert_one_problem(err, "error", tmp_path / "gone.md", "no such file or directory")
    assert_good_checked(payload, good)


def test_an_unreadable_file(tmp_path, capsys) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        pytest.skip("root can read any file")
    good = write(tmp_path, "good.md", GOOD)
    secret = write(tmp_path, "secret.md", YEN)
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("the file is still readable (a file system without permissions)")
        code, payload, err = check(capsys, tmp_path)
    finally:
        secret.chmod(0o644)
    assert code == 2
    assert_one_problem(err, "error", secret, "cannot read: permission denied")
    assert_good_checked(payload, good)


def test_a_file_that_cannot_be_opened(tmp_path, capsys, monkeypatch) -> None:
    """The same as an unreadable file, for runs as root: opening it raises PermissionError."""
    good = write(tmp_path, "good.md", GOOD)
    secret = write(tmp_path, "secret.md", YEN)

    def refusing_open(path, *args, **kwargs):
        if os.fspath(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(checker.source, "open", refusing_open, raising=False)
    code, payload, err = check(capsys, tmp_path)
    assert code == 2
    assert_one_problem(err, "error", secret, "cannot read: permission denied")
    assert_good_checked(payload, good)


def test_a_folder_that_cannot_be_listed(tmp_path, capsys, monkeypatch) -> None:
    good = write(tmp_path, "good.md", GOOD)
    write(tmp_path, "locked/hidden.md", YEN)
    locked = tmp_path / "locked"
    real_scandir = os.scandir

    def refusing_scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    code, payload, err = check(capsys, tmp_path)
    assert code == 2
    assert_one_problem(err, "error", locked, "cannot read: permission denied")
    assert payload["files_checked"] == 1
    assert_good_checked(payload, good)


def test_a_crash_in_one_file_is_one_line_and_the_others_are_checked(
    tmp_path, capsys, monkeypatch
) -> None:
    """The last line of defence: a bug met in one file (here a planted one) is reported as an
    internal error naming it, without a traceback, and the other files are still checked."""
    good = write(tmp_path, "good.md", GOOD)
    cursed = write(tmp_path, "cursed.md", YEN)
    real_analyze = checker.engine.analyze_source

    def analyze(source, options):
        if source.path == str(cursed):
            raise IndexError("planted")
        return real_analyze(source, options)

    monkeypatch.setattr(checker.engine, "analyze_source", analyze)
    code, payload, err = check(capsys, cursed, good)
    assert code == 2
    assert_one_problem(
        err, "error", cursed, "internal error, please report it: IndexError: planted"
    )
    assert_good_checked(payload, good)
