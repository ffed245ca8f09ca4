"""Tests for checker.source: decoding, discovery, and the prose mask."""

from __future__ import annotations

import datetime
import io
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.source import (
    MAX_BYTES,
    InputError,
    SkippedFile,
    Source,
    discover,
    is_markdown_path,
    load_source,
    parse_size,
    read_stdin,
    source_from_text,
)

# --------------------------------------------------------------------------- helpers


def blank(fragment: str) -> str:
    """What a fully masked fragment looks like: spaces, with its line breaks kept."""
    return re.sub(r"[^\r\n]", " ", fragment)


def occurrences(text: str, fragment: str) -> list[int]:
    starts = [m.start() for m in re.finditer(re.escape(fragment), text)]
    assert starts, f"{fragment!r} does not occur in the test text"
    return starts


def assert_well_formed(source: Source) -> None:
    assert len(source.prose) == len(source.text)
    for offset, (original, masked) in enumerate(zip(source.text, source.prose, strict=True)):
        if original in "\r\n":
            assert masked == original, f"line break lost at offset {offset}"
        else:
            assert masked in (original, " "), f"prose changed a character at offset {offset}"


def assert_kept(source: Source, *fragments: str) -> None:
    for fragment in fragments:
        for start in occurrences(source.text, fragment):
            end = start + len(fragment)
            assert source.prose[start:end] == source.text[start:end], fragment


def assert_masked(source: Source, *fragments: str) -> None:
    for fragment in fragments:
        for start in occurrences(source.text, fragment):
            end = start + len(fragment)
            assert source.prose[start:end] == blank(fragment), fragment


def markdown(text: str) -> Source:
    source = source_from_text(text, "article.md")
    assert_well_formed(source)
    return source


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- Markdown masking

# (markdown, fragments kept as prose, fragments masked entirely)
MASKING_CASES = [
    pytest.param(
        "Intro 5%.\n\n```python\nx = 42\n```\n\nAfter 7.\n",
        ["Intro 5%.", "After 7."],
        ["```python", "x = 42", "```\n"],
        id="fenced-code-backticks",
    ),
    pytest.param(
        "~~~\nprofit = 3\n~~~\nText 1.\n",
        ["Text 1."],
        ["~~~", "profit = 3"],
        id="fenced-code-tildes",
    ),
    pytest.param(
        "Before 1.\n\n    indented 99\n    more 98\n\nAfter 2.\n",
        ["Before 1.", "After 2."],
        ["indented 99", "more 98"],
        id="indented-code",
    ),
    pytest.param(
        "- item 3\n\n  ```\n  code 4\n  ```\n",
        ["item 3"],
        ["```", "code 4"],
        id="fence-in-list-item",
    ),
    pytest.param(
        'Text 1.\n\n<div class="box">\nboxed 42%\n</div>\n\nText 2.\n',
        ["Text 1.", "Text 2."],
        ['<div class="box">', "boxed 42%", "</div>"],
        id="html-block",
    ),
    pytest.param(
        "<!-- draft note:\nrevenue 99 -->\nRevenue 5.\n",
        ["Revenue 5."],
        ["<!-- draft note:\nrevenue 99 -->"],
        id="html-comment-block-spanning-lines",
    ),
    pytest.param(
        "<!-- note 9 --> Shown 10.\n",
        [" Shown 10."],
        ["<!-- note 9 -->"],
        id="html-comment-block-then-text",
    ),
    pytest.param(
        "Sales <!-- check 12\nagain --> rose 8%.\n",
        ["Sales ", " rose 8%."],
        ["<!-- check 12\nagain -->"],
        id="inline-html-comment-spanning-lines",
    ),
    pytest.param(
        'Margin <b>rose</b> to <span title="x 9">12%</span>.<br/>\n',
        ["Margin ", "rose", " to ", "12%", "."],
        ["<b>", "</b>", '<span title="x 9">', "</span>", "<br/>"],
        id="inline-html-tags",
    ),
    pytest.param(
        "Run `x = 5` and ``a ` b`` now.\n",
        ["Run ", " and ", " now."],
        ["`x = 5`", "``a ` b``"],
        id="code-spans",
    ),
    pytest.param(
        "A ``` fence-like ``` span and a lone ` tick 3.\n",
        ["A ", " span and a lone ` tick 3."],
        ["``` fence-like ```"],
        id="code-span-long-run-and-unmatched-backtick",
    ),
    pytest.param(
        'See [the 2023 report](https://example.com/r?id=7 "Report 7") now.\n',
        ["See ", "the 2023 report", " now."],
        ["[", '](https://example.com/r?id=7 "Report 7")'],
        id="inline-link",
    ),
    pytest.param(
        "See [alpha](<https://x.org/a b>) and [beta](/p(1)) and [gamma]().\n",
        ["See ", "alpha", " and ", "beta", "gamma"],
        ["](<https://x.org/a b>)", "](/p(1))", "]()"],
        id="inline-link-destination-forms",
    ),
    pytest.param(
        '[fy]: https://example.com/fy23 "FY 2023"\n\nRead [the results][fy] now.\n',
        ["Read ", "the results", " now."],
        ['[fy]: https://example.com/fy23 "FY 2023"', "][fy]", "["],
        id="reference-definition-and-links",
    ),
    pytest.param(
        "Undefined [sic] and [1] and [a][b] stay.\n",
        ["Undefined [sic] and [1] and [a][b] stay."],
        [],
        id="brackets-without-definition",
    ),
    pytest.param(
        "Mail <ceo@example.com> or see <https://example.com/a_b> today.\n",
        ["Mail ", " or see ", " today."],
        ["<ceo@example.com>", "<https://example.com/a_b>"],
        id="autolinks",
    ),
    pytest.param(
        "Visit https://example.com/a_b_c. Or www.example.org/x (see http://x.io/p_(q)).\n",
        ["Visit ", ". Or ", " (see ", ")."],
        ["https://example.com/a_b_c", "www.example.org/x", "http://x.io/p_(q)"],
        id="bare-urls",
    ),
    pytest.param(
        'Chart ![growth of 12%](chart.png "Q3") and ![logo][img].\n\n[img]: /logo.png\n',
        ["Chart ", " and "],
        ['![growth of 12%](chart.png "Q3")', "![logo][img]", "[img]: /logo.png"],
        id="images",
    ),
    pytest.param(
        "[![badge 1](b.svg)](https://ci.example.com) Build 5.\n",
        [" Build 5."],
        ["[![badge 1](b.svg)](https://ci.example.com)"],
        id="image-inside-link",
    ),
    pytest.param(
        "# Revenue 5 #\n\n### Costs ###   \n",
        ["Revenue 5", "Costs"],
        ["# ", " #\n", "###"],
        id="atx-headings",
    ),
    pytest.param(
        "Revenue 5\n=========\n\nCosts 6\n-------\n",
        ["Revenue 5", "Costs 6"],
        ["=========", "-------"],
        id="setext-headings",
    ),
    pytest.param(
        "> Quoted 5%\n> > nested 6\nlazy 7\n",
        ["Quoted 5%", "nested 6", "lazy 7"],
        [">"],
        id="blockquotes",
    ),
    pytest.param(
        "- dash 1\n* star 2\n+ plus 3\n\n1. first 4\n2) second 5\n",
        ["dash 1", "star 2", "plus 3", "first 4", "second 5"],
        ["- ", "* ", "+ ", "1. ", "2) "],
        id="list-markers",
    ),
    pytest.param(
        "- - nested 1\n  - nested 2\n> - quoted item 3\n>   continued 4\n",
        ["nested 1", "nested 2", "quoted item 3", "continued 4"],
        ["- ", ">"],
        id="nested-containers",
    ),
    pytest.param(
        "It *rose* 5%, **fell** 2% and _held_ at __3__; ***both*** 4.\n",
        ["It ", "rose", " 5%, ", "fell", " 2% and ", "held", " at ", "3", "; ", "both", " 4."],
        ["*", "_"],
        id="emphasis",
    ),
    pytest.param(
        "snake_case_name, 2 * 3 = 6 and a lone * star stay.\n",
        ["snake_case_name, 2 * 3 = 6 and a lone * star stay."],
        [],
        id="literal-asterisks-and-underscores",
    ),
    pytest.param(
        "Was ~~$5~~ now $4.\n",
        ["Was ", "$5", " now $4."],
        ["~~"],
        id="strikethrough",
    ),
    pytest.param(
        "Now ~$4 and ~3%~ or ~~~2~~~ units.\n",
        ["Now ~$4 and ~3%~ or ~~~2~~~ units."],
        [],
        id="tildes-other-than-double-stay",
    ),
    pytest.param(
        "| Year | Sales |\n|:-----|------:|\n| 2023 | $5m   |\n| 2024 | `x` \\| $6m |\n",
        ["Year", "Sales", "2023", "$5m", "2024", "| $6m"],
        ["|:-----|------:|", "`x`", "\\"],
        id="table",
    ),
    pytest.param(
        "Above 1.\n\n---\n\n* * *\n\n___\n\nBelow 2.\n",
        ["Above 1.", "Below 2."],
        ["---", "* * *", "___"],
        id="thematic-breaks",
    ),
    pytest.param(
        "Not \\*emphasis\\*, a \\# and \\[x\\] cost \\$5.\n",
        ["Not ", "*emphasis", "*, a ", "# and ", "[x", "] cost ", "$5."],
        ["\\"],
        id="backslash-escapes",
    ),
    pytest.param(
        "Line one\\\nline two.\n",
        ["Line one", "line two."],
        ["\\"],
        id="hard-line-break-backslash",
    ),
    pytest.param(
        "Cost: $1,200.50 (€1.1k) — up 12.5% “YoY”; 3\u20134 times &nbsp; &amp; ¥9 ~10.\n",
        ["Cost: $1,200.50 (€1.1k) — up 12.5% “YoY”; 3\u20134 times &nbsp; &amp; ¥9 ~10."],
        [],
        id="plain-prose-untouched",
    ),
]


@pytest.mark.parametrize(("text", "kept", "masked"), MASKING_CASES)
def test_markdown_masking(text: str, kept: list[str], masked: list[str]) -> None:
    source = markdown(text)
    assert source.format == "markdown"
    assert_kept(source, *kept)
    assert_masked(source, *masked)


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("# Title 5 #\n", "  Title 5  \n"),
        ("> - item *one* 3%\n", "    item  one  3%\n"),
        ("See [it](http://x.io) now\n", "See  it               now\n"),
        ("[fy]: /u\n\nSee [fy] now\n", "        \n\nSee  fy  now\n"),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", "  a   b  \n         \n  1   2  \n"),
        ("", ""),
    ],
)
def test_markdown_prose_exactly(text: str, prose: str) -> None:
    assert markdown(text).prose == prose


def test_control_characters_are_masked_in_markdown() -> None:
    source = markdown("Bell\x07 and form\x0cfeed 5.\n")
    assert source.prose == "Bell  and form feed 5.\n"


def test_markdown_crlf_keeps_line_breaks_and_offsets() -> None:
    text = (
        "---\r\ntitle: T\r\n---\r\n"
        "# Head 1\r\n\r\n> Quote 2%\r\n\r\n```\r\ncode 3\r\n```\r\nEnd 4.\r\n"
    )
    source = markdown(text)
    assert source.text == text
    assert source.front_matter == {"title": "T"}
    assert [m.start() for m in re.finditer("\r\n", source.prose)] == [
        m.start() for m in re.finditer("\r\n", text)
    ]
    assert_kept(source, "Head 1", "Quote 2%", "End 4.")
    assert_masked(source, "title: T", "#", ">", "code 3", "```")


def test_markdown_lone_carriage_returns_end_lines() -> None:
    source = markdown("Intro 1.\r\r# Head 2\r\r    code 3\r")
    assert_kept(source, "Intro 1.", "Head 2")
    assert_masked(source, "#", "code 3")


# --------------------------------------------------------------------------- front matter


def test_front_matter_is_parsed_and_masked() -> None:
    text = "---\ntitle: Q3 results\ndate: 2024-02-08\nissue: '2024-02-09'\n---\nProfit 5%.\n"
    source = markdown(text)
    assert source.front_matter == {
        "title": "Q3 results",
        "date": datetime.date(2024, 2, 8),
        "issue": "2024-02-09",
    }
    assert source.prose == blank(text[: text.index("Profit")]) + "Profit 5%.\n"


@pytest.mark.parametrize(
    "text",
    ["No front matter.\n", "---\n---\nEmpty front matter.\n", "---\nnot closed\n"],
)
def test_absent_or_empty_front_matter_gives_empty_mapping(text: str) -> None:
    assert markdown(text).front_matter == {}


def test_front_matter_closed_by_dots() -> None:
    source = markdown("---\nauthor: A\n...\nBody.\n")
    assert source.front_matter == {"author": "A"}
    assert_kept(source, "Body.")
    assert_masked(source, "author: A", "...")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "---\ntitle: ok\ndate: 2024-01-01\nbad: a: b\n---\nBody\n",
            "article.md: invalid YAML front matter: mapping values are not allowed here (line 4)",
        ),
        (
            "---\n- a\n- b\n---\nBody\n",
            "article.md: invalid YAML front matter: expected a mapping, found a list (line 2)",
        ),
        (
            "---\njust text\n---\nBody\n",
            "article.md: invalid YAML front matter: expected a mapping, found a string (line 2)",
        ),
    ],
)
def test_invalid_front_matter(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        source_from_text(text, "article.md")
    assert str(caught.value) == expected
    assert caught.value.path == "article.md"


def test_impossible_date_in_front_matter_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"invalid YAML front matter: .*out of range"):
        source_from_text("---\ndate: 2024-02-30\n---\n", "article.md")


# --------------------------------------------------------------------------- plain text


def test_text_format_keeps_everything_but_control_characters() -> None:
    text = "---\ntitle: x\n---\n# Not a heading `5` <b>\x07\r\n"
    source = source_from_text(text, "notes.txt", format="text")
    assert source.format == "text"
    assert source.front_matter == {}
    assert source.prose == text.replace("\x07", " ")


@pytest.mark.parametrize("format", ["markdown", "text"])
def test_source_from_text_drops_a_leading_bom(format: str) -> None:
    source = source_from_text("\ufeff# Head 1\n", "x", format)
    assert source.text == "# Head 1\n"
    assert len(source.prose) == len(source.text)


def test_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        source_from_text("x", format="rst")


# --------------------------------------------------------------------------- loading and decoding


@pytest.mark.parametrize(
    ("name", "expected_format"),
    [
        ("draft.md", "markdown"),
        ("draft.MARKDOWN", "markdown"),
        ("draft.txt", "text"),
        ("draft.rst", "text"),
        ("draft", "text"),
    ],
)
def test_format_follows_extension(tmp_path: Path, name: str, expected_format: str) -> None:
    path = write(tmp_path, name, "Hello `code`.\n")
    source = load_source(path)
    assert source.format == expected_format
    assert source.path == str(path)


@pytest.mark.parametrize(
    ("path", "expected"),
    [("a.md", True), ("a.Markdown", True), ("-", True), ("a.txt", False), ("md", False)],
)
def test_is_markdown_path(path: str, expected: bool) -> None:
    assert is_markdown_path(path) is expected


def test_crlf_file_is_kept_as_is(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.md", b"# Head\r\n\r\nBody 5%.\r\n")
    source = load_source(path)
    assert source.text == "# Head\r\n\r\nBody 5%.\r\n"
    assert source.prose == "  Head\r\n\r\nBody 5%.\r\n"


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        ("\ufeffCafé 5€\r\nline 2\n".encode("utf-16-le"), "utf16le.md"),
        ("\ufeffCafé 5€\r\nline 2\n".encode("utf-16-be"), "utf16be.md"),
        ("\ufeffCafé 5€\r\nline 2\n".encode(), "utf8bom.md"),
        ("Café 5€\r\nline 2\n".encode(), "utf8.txt"),
    ],
)
def test_encodings_are_decoded_without_bom(tmp_path: Path, encoded: bytes, name: str) -> None:
    source = load_source(write(tmp_path, name, encoded))
    assert source.text == "Café 5€\r\nline 2\n"
    assert source.prose == source.text


def test_utf8_bom_does_not_hide_front_matter(tmp_path: Path) -> None:
    source = load_source(write(tmp_path, "bom.md", "\ufeff---\na: 1\n---\nBody\n".encode()))
    assert source.front_matter == {"a": 1}
    assert source.text.startswith("---")


def test_invalid_utf8_names_file_byte_and_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", b"abc\xffdef")
    with pytest.raises(InputError) as caught:
        load_source(path)
    assert str(caught.value) == f"{path}: not UTF-8 text (invalid byte 0xff at offset 3)"


def test_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", b"\xef\xbb\xbfab\xc3(")
    with pytest.raises(InputError, match=r"invalid byte 0xc3 at offset 5"):
        load_source(path)


def test_truncated_utf16_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "odd.md", b"\xff\xfea\x00b")
    with pytest.raises(InputError, match=r"odd\.md: not UTF-16 text \(.* at offset 4\)"):
        load_source(path)


def test_nul_byte_means_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as caught:
        load_source(path)
    assert str(caught.value) == f"{path}: binary file, not text"


def test_nul_byte_after_first_8k_is_text(tmp_path: Path) -> None:
    path = write(tmp_path, "late.txt", b"a" * 9000 + b"\x00b")
    source = load_source(path)
    assert source.text[9000] == "\x00"
    assert source.prose[9000] == " "


def test_empty_file(tmp_path: Path) -> None:
    source = load_source(write(tmp_path, "empty.md", b""))
    assert (source.text, source.prose, source.front_matter) == ("", "", {})


def test_file_over_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.md", b"x" * 20)
    with pytest.raises(SkippedFile) as caught:
        load_source(path, max_bytes=10)
    assert str(caught.value) == (
        f"{path}: skipped: file too large (20 bytes; the limit is 10 bytes, see --max-file-size)"
    )
    assert caught.value.level == "warning"
    assert load_source(path, max_bytes=20).text == "x" * 20


def test_file_over_the_default_limit_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(int(52.4 * 1024 * 1024))  # sparse: no need to write 52 MB
    with pytest.raises(SkippedFile) as caught:
        load_source(path)
    assert caught.value.message.startswith("skipped: file too large (52.4 MB; the limit is 10.0 MB")
    assert MAX_BYTES == 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("text", "size"),
    [("2000", 2000), (2000, 2000), ("500 KB", 500 * 1024), ("20MB", 20 * 1024**2),
     ("1.5 MiB", int(1.5 * 1024**2)), ("1 GB", 1024**3)],
)  # fmt: skip
def test_sizes_are_read_with_units(text, size) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-5 MB", "ten MB", "5 parsecs", True, 0, "1e9"])
def test_what_is_not_a_size_is_refused(text) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.md"
    with pytest.raises(InputError) as caught:
        load_source(path)
    assert str(caught.value) == f"{path}: no such file or directory"


def test_directory_cannot_be_read_as_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read: is a directory"):
        load_source(tmp_path)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.md", "text")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("file is still readable")
        with pytest.raises(InputError) as caught:
            load_source(path)
        assert str(caught.value) == f"{path}: cannot read: permission denied"
    finally:
        path.chmod(0o644)


def test_input_error_is_one_line_naming_the_file() -> None:
    err = InputError("draft.md", "binary file, not text")
    assert (err.path, err.message) == ("draft.md", "binary file, not text")
    assert str(err) == "draft.md: binary file, not text"


# --------------------------------------------------------------------------- stdin


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_read_stdin_is_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"# Title\n\nBody `code` 5%.\n")
    source = read_stdin()
    assert (source.path, source.format) == ("<stdin>", "markdown")
    assert source.prose == "  Title\n\nBody        5%.\n"


def test_load_source_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"Body 5.\n")
    source = load_source("-")
    assert (source.path, source.text) == ("<stdin>", "Body 5.\n")


def test_read_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"x" * 50)
    with pytest.raises(SkippedFile, match=r"^<stdin>: skipped: file too large \(more than 10 b"):
        read_stdin(max_bytes=10)


def test_read_stdin_rejects_invalid_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"ok \xfe")
    with pytest.raises(InputError, match=r"^<stdin>: not UTF-8 text .*offset 3"):
        read_stdin()


# --------------------------------------------------------------------------- discovery


def test_discover_walks_directories_sorted_by_extension(tmp_path: Path) -> None:
    for name in [
        "b.md",
        "a.txt",
        "c.markdown",
        "D.MD",
        "notes.rst",
        "page.html",
        ".hidden.md",
        "sub/z.md",
        "sub/deeper/y.txt",
        "sub-2/x.md",
        ".git/ignored.md",
        "sub/.cache/ignored.md",
    ]:
        write(tmp_path, name, "x")
    found, errors = discover([str(tmp_path)])
    assert errors == []
    assert [os.path.relpath(path, tmp_path) for path in found] == [
        "D.MD",
        "a.txt",
        "b.md",
        "c.markdown",
        "page.html",  # HTML articles are checked too; notes.rst is not
        os.path.join("sub", "deeper", "y.txt"),
        os.path.join("sub", "z.md"),
        os.path.join("sub-2", "x.md"),
    ]
    assert all(path.startswith(str(tmp_path)) for path in found)


def test_discover_keeps_files_and_dash_as_given(tmp_path: Path) -> None:
    rst = write(tmp_path, "notes.rst", "x")
    md = write(tmp_path, "dir/a.md", "x")
    found, errors = discover([str(rst), "-", str(tmp_path / "dir")])
    assert found == [str(rst), "-", str(md)]
    assert errors == []


def test_discover_reports_missing_paths(tmp_path: Path) -> None:
    present = write(tmp_path, "here.md", "x")
    missing = str(tmp_path / "gone.md")
    found, errors = discover([missing, str(present)])
    assert found == [str(present)]
    assert [str(err) for err in errors] == [f"{missing}: no such file or directory"]
    assert errors[0].path == missing


def test_discover_does_not_follow_symlink_loops_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "root/a.md", "x")
    write(tmp_path, "root/sub/b.md", "x")
    try:
        (tmp_path / "root" / "sub" / "loop").symlink_to(tmp_path / "root", target_is_directory=True)
    except OSError:
        pytest.skip("symlinks are not supported here")
    listed: list[str] = []
    real_scandir = os.scandir

    def spying_scandir(path: str) -> Iterator[os.DirEntry[str]]:
        listed.append(os.path.realpath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", spying_scandir)
    found, errors = discover([str(tmp_path / "root")])
    assert errors == []
    assert [os.path.relpath(path, tmp_path / "root") for path in found] == [
        "a.md",
        os.path.join("sub", "b.md"),
    ]
    assert sorted(listed) == sorted(set(listed)), "a directory was walked twice"


def test_discover_lists_each_real_file_once(tmp_path: Path) -> None:
    write(tmp_path, "root/a.md", "x")
    try:
        (tmp_path / "root" / "b.md").symlink_to(tmp_path / "root" / "a.md")
    except OSError:
        pytest.skip("symlinks are not supported here")
    found, errors = discover([str(tmp_path / "root")])
    assert (found, errors) == ([str(tmp_path / "root" / "a.md")], [])


HTML_PAGE = (
    "<html><head><title>Budget</title><script>var x = '¥100 billion ($1.457 billion)';</script>"
    "</head>\n<body><h1>Robots</h1>\n"
    "<p>The firm will invest &yen;100 billion (approximately $1.457 billion) in robots.</p>\n"
    "<pre>¥100 billion (approximately $1.457 billion)</pre><code>$5 (€9)</code>\n"
    "<!-- ¥100 billion (approximately $1.457 billion) -->\n</body></html>\n"
)


def test_html_prose_keeps_offsets_and_skips_scripts_code_and_comments() -> None:
    source = source_from_text(HTML_PAGE, "page.html", "html")
    assert len(source.prose) == len(HTML_PAGE)
    assert source.prose.count("\n") >= HTML_PAGE.count("\n")
    assert "¥100 billion (approximately $1.457 billion) in robots." in source.prose
    assert source.prose.count("1.457") == 1  # not the script, the pre or the comment
    assert "<" not in source.prose and "$5" not in source.prose


def test_an_html_file_is_checked_with_lines_of_the_file(tmp_path: Path) -> None:
    from checker.document import Options, analyze_source
    from checker.engine import Engine
    from checker.rules import load_rules

    path = write(tmp_path, "page.html", HTML_PAGE)
    document = analyze_source(load_source(path), Options(date=datetime.date(2019, 5, 21)))
    (finding,) = [
        f for f in Engine(load_rules()).check(document) if f.rule == "currency-conversion"
    ]
    assert finding.location.line == 3
    assert finding.message.startswith("¥100 billion is about $14.5 billion")


def test_a_file_named_twice_is_checked_once(tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("A.\n", encoding="utf-8")
    (folder / "b.md").write_text("B.\n", encoding="utf-8")
    a = str(folder / "a.md")
    found, errors = discover([a, str(folder), a, str(tmp_path / "articles" / ".." / "articles")])
    assert found == [a, str(folder / "b.md")]
    assert errors == []
