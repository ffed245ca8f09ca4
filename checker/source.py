"""Loading articles: reading and decoding files, finding them, and masking what is not prose.

A `Source` carries the decoded text and a `prose` view of it. `prose` has the same length as `text`
and keeps every line break, so an offset or line number found in `prose` is valid in `text`; every
other character that is not prose (front matter, code, HTML, URLs, Markdown markup) is a space.
Each format's prose comes from its own module: markdown_prose, html_prose and docx_text.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from checker.docx_text import NotWordDocument, TooLarge, docx_text
from checker.html_prose import html_prose

MAX_BYTES = 10 * 1024 * 1024

STDIN_PATH = "<stdin>"
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
DOCX_SUFFIXES = frozenset({".docx"})
DISCOVERED_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | {".txt"}
FORMATS = ("markdown", "text", "html", "docx")

_BINARY_SNIFF_BYTES = 8 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and other old Office files
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class InputError(Exception):
    """A file that cannot be checked. str(err) is one line that names the file, e.g.
    'draft.md: not UTF-8 text (invalid byte 0xff at offset 12)'."""

    level = "error"

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class SkippedFile(InputError):
    """A file left unchecked on purpose (over the size limit): reported as a warning, not an
    error, but the run still exits 2 because not every file was checked."""

    level = "warning"


@dataclass(frozen=True)
class Source:
    """A decoded article. `prose` is `text` with everything that is not prose replaced by spaces;
    it has the same length and the same line breaks, so offsets and line numbers carry over."""

    path: str  # display path as given; "<stdin>" for stdin
    text: str
    prose: str
    front_matter: dict[str, Any]  # parsed YAML front matter, {} when there is none
    format: str  # "markdown", "html" or "text"


# --------------------------------------------------------------------------- public API


def is_markdown_path(path: str) -> bool:
    """True for `.md`/`.markdown` files (any case) and for "-", which stands for stdin."""
    return path == "-" or Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def load_source(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Source:
    """Read and decode a file ("-" reads stdin); raises InputError when it cannot be checked."""
    display = str(path)
    if display == "-":
        return read_stdin(max_bytes=max_bytes)
    return source_from_text(*load_text(display, max_bytes=max_bytes))


def load_text(path: str, *, max_bytes: int = MAX_BYTES) -> tuple[str, str, str]:
    """(text, path, format) of a file, read and decoded but not yet parsed (a cache can answer
    from the text alone); raises InputError when it cannot be checked."""
    data = _read_file(path, max_bytes)
    return decode(data, path, max_bytes=max_bytes), path, format_of(path)


def decode(data: bytes, path: str, *, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file's bytes: a Word document's paragraphs, else UTF-8 or UTF-16 (with a
    byte order mark); raises InputError naming ``path`` when they are neither."""
    suffix = Path(path).suffix.lower()
    if suffix in DOCX_SUFFIXES:
        try:
            return docx_text(data, max_bytes)
        except NotWordDocument as error:
            raise InputError(path, f"not a Word document (.docx): {error}") from None
        except TooLarge as error:
            raise SkippedFile(path, f"skipped: {error}") from None
    if data.startswith(_OLE_MAGIC):
        message = "an Office 97-2003 document (.doc): save it as .docx to check it"
        raise InputError(path, message)
    return _decode(data, path)


def line_word(format: str) -> str:
    """What a line of a text read in ``format`` is called: a Word document's are paragraphs."""
    return "paragraph" if format == "docx" else "line"


def format_of(path: str) -> str:
    """How a file is read, by its name: "markdown", "html", "docx" or "text"."""
    suffix = Path(path).suffix.lower()
    if is_markdown_path(path):
        return "markdown"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    return "html" if suffix in HTML_SUFFIXES else "text"


def read_stdin(*, max_bytes: int = MAX_BYTES) -> Source:
    """Read all of stdin as Markdown, named "<stdin>"."""
    try:
        data = _read_at_most(sys.stdin.buffer, max_bytes + 1)
    except OSError as err:
        raise InputError(STDIN_PATH, f"cannot read: {_reason(err)}") from None
    if len(data) > max_bytes:
        raise SkippedFile(STDIN_PATH, _too_large_message(None, max_bytes))
    return source_from_text(_decode(data, STDIN_PATH), STDIN_PATH, "markdown")


def source_from_text(text: str, path: str = "<string>", format: str = "markdown") -> Source:
    """Build a Source from decoded text; a leading byte order mark is dropped. Markdown's parser
    is imported with the first Markdown document (a run over text files never needs it)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (expected one of {', '.join(FORMATS)})")
    text = text.removeprefix("\ufeff")
    if format in ("text", "docx"):
        return Source(path, text, _mask_controls(text), {}, format)
    if format == "html":
        return Source(path, text, _mask_controls(html_prose(text)), {}, format)
    from checker.markdown_prose import InvalidFrontMatter, markdown_prose

    try:
        prose, front_matter = markdown_prose(text)
    except InvalidFrontMatter as error:
        raise InputError(path, str(error)) from None
    return Source(path, text, _mask_controls(prose), front_matter, format)


def discover(
    paths: Sequence[str], keep: Callable[[str], bool] | None = None
) -> tuple[list[str], list[InputError]]:
    """Expand arguments: files are kept as given (any extension); directories are walked recursively
    for .md, .markdown, .html, .htm, .txt and .docx files, sorted, hidden directories (and hidden
    files) skipped, each real directory and file visited once, also across arguments ("a.md a.md",
    "dir dir/a.md" check a.md once). A missing path gives an InputError. "-" is kept as "-"."""
    found: list[str] = []
    errors: list[InputError] = []
    for arg in paths:
        if arg == "-":
            found.append(arg)
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(arg).st_mode)
        except (FileNotFoundError, NotADirectoryError):
            errors.append(InputError(arg, "no such file or directory"))
            continue
        except OSError:
            is_dir = False  # load_source will report why it cannot be read
        if is_dir:
            walked = _walk_directory(arg, errors)
            found.extend(f for f in walked if keep is None or keep(f))  # include/exclude globs
        else:
            found.append(arg)
    return (_once_each(found) if len(paths) > 1 else found), errors


def _once_each(paths: list[str]) -> list[str]:
    """The paths in order, a file named twice (by any path) kept the first time."""
    seen: set[str] = set()
    kept = []
    for path in paths:
        real = path if path == "-" else os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            kept.append(path)
    return kept


# --------------------------------------------------------------------------- reading and decoding


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise SkippedFile(path, _too_large_message(size, max_bytes))
        with open(path, "rb") as handle:
            data = _read_at_most(handle, max_bytes + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(path, "no such file or directory") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {_reason(err)}") from None
    if len(data) > max_bytes:  # grew since stat, or not a regular file
        raise SkippedFile(path, _too_large_message(None, max_bytes))
    return data


_CHUNK = 1024 * 1024


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes, read in chunks: read(limit) would allocate ``limit`` bytes at once
    on a pipe (a MemoryError for --max-file-size "100 GB") and overflow above sys.maxsize."""
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = stream.read(min(remaining, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _decode(data: bytes, path: str) -> str:
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            return _decode_utf16(data, len(bom), codec, path)
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise InputError(path, "binary file, not text")
    skip = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        return str(memoryview(data)[skip:], "utf-8")
    except UnicodeDecodeError as err:
        offset = skip + err.start
        message = f"not UTF-8 text (invalid byte 0x{data[offset]:02x} at offset {offset})"
        raise InputError(path, message) from None


def _decode_utf16(data: bytes, skip: int, codec: str, path: str) -> str:
    try:
        return str(memoryview(data)[skip:], codec)
    except UnicodeDecodeError as err:
        raise InputError(
            path, f"not UTF-16 text ({err.reason} at offset {skip + err.start})"
        ) from None


def _too_large_message(size: int | None, max_bytes: int) -> str:
    actual = human_size(size) if size is not None else f"more than {human_size(max_bytes)}"
    limit = human_size(max_bytes)
    return f"skipped: file too large ({actual}; the limit is {limit}, see --max-file-size)"


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(bytes|b|kb|kib|mb|mib|gb|gib)?", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "bytes": 1, "b": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3}


def parse_size(text: str | int) -> int:
    """Bytes in a size written as 2000000, "500 KB" or "20 MB" (K, M, G are powers of 1024);
    raises ValueError for anything else."""
    if isinstance(text, int) and not isinstance(text, bool) and text > 0:
        return text
    match = _SIZE.fullmatch(str(text).strip())
    if match is None or isinstance(text, bool):
        raise ValueError(f"not a size (e.g. 20 MB): {text!r}")
    unit = (match.group(2) or "").lower().replace("ib", "b")
    size = int(float(match.group(1)) * _SIZE_UNITS[unit])
    if size <= 0:
        raise ValueError(f"not a size (e.g. 20 MB): {text!r}")
    return size


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _reason(err: OSError) -> str:
    reason = err.strerror or str(err) or type(err).__name__
    return reason[:1].lower() + reason[1:]


def _mask_controls(text: str) -> str:
    return _CONTROL.sub(" ", text)


# --------------------------------------------------------------------------- discovery


def _walk_directory(root: str, errors: list[InputError]) -> list[str]:
    seen_dirs = {os.path.realpath(root)}
    seen_files: set[str] = set()
    found: list[tuple[list[str], str]] = []

    def report(err: OSError) -> None:
        errors.append(InputError(err.filename or root, f"cannot read: {_reason(err)}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=report, followlinks=True):
        dirnames[:] = _unseen_subdirectories(dirpath, dirnames, seen_dirs)
        real_dir = os.path.realpath(dirpath)
        for name in sorted(filenames):
            if not _is_discoverable(name):
                continue
            path = os.path.join(dirpath, name)
            # In a real folder only a symlink has another real path.
            real_file = (
                os.path.realpath(path) if os.path.islink(path) else os.path.join(real_dir, name)
            )
            if real_file in seen_files:
                continue
            seen_files.add(real_file)
            found.append((os.path.relpath(path, root).split(os.sep), path))
    return [path for _, path in sorted(found)]


def _unseen_subdirectories(dirpath: str, names: list[str], seen: set[str]) -> list[str]:
    """Sorted visible subdirectories whose real path has not been walked (symlinks may loop)."""
    unseen = []
    for name in sorted(names):
        real = os.path.realpath(os.path.join(dirpath, name))
        if not name.startswith(".") and real not in seen:
            seen.add(real)
            unseen.append(name)
    return unseen


def _is_discoverable(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in DISCOVERED_SUFFIXES
