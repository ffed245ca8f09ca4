"""Word documents (.docx): read paragraph by paragraph, findings located by paragraph, bad files
refused with one line naming them."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from checker.cli import main
from checker.docx_text import MAX_EXPANSION
from checker.source import discover, load_text

INVEST = (
    "Shenzhen-based Lumen Robotics said on March 12, 2024 it will invest ¥20 billion "
    "(about $280 million) in factory automation over the next five years"
)
RESTATED = "The company will spend ¥2 billion on factory automation over the next five years."


def word_file(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> str:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    document.save(str(path))
    return str(path)


def check_json(capsys, *paths: str) -> tuple[int, dict, str]:
    code = main(["check", "--no-cache", "--format", "json", *paths])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_paragraphs_become_lines_and_empty_ones_are_dropped(tmp_path) -> None:
    path = word_file(tmp_path / "a.docx", ["First.", "", "   ", "Second."])
    text, _, format = load_text(path)
    assert text == "First.\nSecond.\n"
    assert format == "docx"


def test_table_cells_are_read_in_order_and_a_merged_cell_once(tmp_path) -> None:
    document = docx.Document()
    document.add_paragraph("Before the table.")
    grid = document.add_table(rows=2, cols=2)
    grid.cell(0, 0).text, grid.cell(0, 1).text = "Revenue", "¥5 billion"
    grid.cell(1, 0).merge(grid.cell(1, 1)).text = "One cell over two columns"
    document.add_paragraph("After the table.")
    document.save(str(tmp_path / "t.docx"))
    text, _, _ = load_text(str(tmp_path / "t.docx"))
    assert text.splitlines() == [
        "Before the table.",
        "Revenue",
        "¥5 billion",
        "One cell over two columns",
        "After the table.",
    ]


def test_a_line_break_inside_a_paragraph_does_not_shift_the_numbering(tmp_path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Soft")
    paragraph.add_run().add_break()
    paragraph.add_run("break.")
    document.add_paragraph("Next paragraph.")
    document.save(str(tmp_path / "b.docx"))
    assert load_text(str(tmp_path / "b.docx"))[0].splitlines() == [
        "Soft break.",
        "Next paragraph.",
    ]


def test_findings_are_located_by_paragraph(tmp_path, capsys) -> None:
    path = word_file(tmp_path / "draft.docx", ["Robots", INVEST, RESTATED])
    code, report, _ = check_json(capsys, path)
    assert code == 1
    by_rule = {f["rule"]: f for f in report["findings"]}
    conflict = by_rule["conflicting-figures"]
    assert conflict["line"] == 2  # the second paragraph
    assert INVEST[conflict["column"] - 1 :].startswith("¥20 billion")
    assert conflict["related"][0]["line"] == 3
    assert "(paragraph 3)" in conflict["message"]  # as a Word user counts
    assert by_rule["currency-conversion"]["line"] == 2
    assert "in paragraph 3" in by_rule["currency-conversion"]["message"]


def test_every_paragraph_ends_a_sentence(tmp_path, capsys) -> None:
    # A long first paragraph without a final stop: in plain text the next line would go on with
    # its sentence; in a Word document a paragraph always ends one, so the figures of the two
    # paragraphs are two sentences and the restatement is compared.
    path = word_file(tmp_path / "draft.docx", [INVEST, RESTATED])
    _, report, _ = check_json(capsys, path)
    assert "conflicting-figures" in {f["rule"] for f in report["findings"]}


def test_word_documents_are_found_in_folders(tmp_path) -> None:
    word_file(tmp_path / "story.docx", ["Text."])
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    found, _ = discover([str(tmp_path)])
    assert [Path(p).name for p in found] == ["story.docx"]


def not_a_zip(tmp_path: Path) -> Path:
    path = tmp_path / "plain.docx"
    path.write_text("I am text, not a Word document.", encoding="utf-8")
    return path


def zip_without_document(tmp_path: Path) -> Path:
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    return path


def broken_xml(tmp_path: Path) -> Path:
    good = io.BytesIO()
    docx.Document().save(good)
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut in the middle of an element
            target.writestr(item, data)
    return path


def old_word(tmp_path: Path) -> Path:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (not_a_zip, "not a Word document (.docx): not a zip archive"),
        (zip_without_document, "not a Word document (.docx): no word/document.xml"),
        (broken_xml, "not a Word document (.docx)"),
        (old_word, "Office 97-2003 document (.doc): save it as .docx"),
    ],
)
def test_bad_word_files_are_one_line_each_and_the_others_are_checked(
    tmp_path, capsys, make, says
) -> None:
    bad = make(tmp_path)
    good = word_file(tmp_path / "good.docx", [INVEST, RESTATED])
    code, report, err = check_json(capsys, str(bad), good)
    assert code == 2
    assert report["files_checked"] == 1
    assert report["findings"]
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"numlint: error: {bad}: ")
    assert says in lines[0]
    assert "Traceback" not in err


def test_a_document_that_expands_beyond_the_limit_is_skipped(tmp_path, capsys) -> None:
    path = tmp_path / "bomb.docx"
    good = io.BytesIO()
    docx.Document().save(good)
    size = 1024 * 1024
    with (
        zipfile.ZipFile(good) as source,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        # Zeros compress to almost nothing: a small file, a large expansion.
        target.writestr("word/padding.xml", b"<a>" + b"0" * (MAX_EXPANSION * size + 1) + b"</a>")
    assert path.stat().st_size < size
    code = main(["check", "--no-cache", "--max-file-size", "1 MB", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{path}: skipped: its XML expands to" in err
