"""Word documents (.docx): their paragraphs as text, one paragraph a line.

The text numlint reads from a .docx is its non-empty paragraphs in reading order, body and table
cells alike (each cell once, however many columns it spans), joined by line breaks. So line N of
a finding is the document's Nth non-empty paragraph, and a line break always ends a sentence
(``Source.format == "docx"``). A line break inside a paragraph (Shift+Enter in Word) is read as a
space, so that it does not shift the numbering. Headers, footers, footnotes and comments are not
read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

# Expanded XML beyond this many times the file size limit is refused: a .docx is a zip, and a
# small one can unpack to gigabytes.
MAX_EXPANSION = 20
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


class NotWordDocument(ValueError):
    """The bytes are not a readable Word document; str() says why."""


class TooLarge(ValueError):
    """The document's XML expands beyond the limit; str() says how far."""


def docx_text(data: bytes, max_bytes: int) -> str:
    """The paragraphs of the .docx in ``data``, a line each; raises NotWordDocument or TooLarge."""
    _check_archive(data, max_bytes)
    import docx  # python-docx (and lxml) load only when a Word document is read

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [_one_line(p.text) for p in _paragraphs(document)]
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors ...
        raise NotWordDocument(_reason(error)) from None
    kept = [p for p in paragraphs if p.strip()]
    return "\n".join(kept) + "\n" if kept else ""


def _check_archive(data: bytes, max_bytes: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        expanded = sum(i.file_size for i in archive.infolist() if i.filename.endswith(".xml"))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise NotWordDocument(f"not a zip archive ({_reason(error)})") from None
    if "word/document.xml" not in names:
        raise NotWordDocument("no word/document.xml in the archive")
    limit = MAX_EXPANSION * max_bytes
    if expanded > limit:
        raise TooLarge(
            f"its XML expands to {expanded / 2**20:.1f} MB, more than {MAX_EXPANSION} times "
            "the file size limit"
        )


def _paragraphs(container: Any) -> Iterator[Any]:
    """Paragraphs in reading order, into tables (and tables in cells), each cell once."""
    for item in container.iter_inner_content():
        if hasattr(item, "rows"):  # a table
            seen: set[Any] = set()  # the cells' XML elements (kept alive, so never reused)
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc not in seen:  # a merged cell appears once per column
                        seen.add(cell._tc)
                        yield from _paragraphs(cell)
        else:
            yield item


def _one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text)


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return text or type(error).__name__
