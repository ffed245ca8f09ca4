"""Loading articles: reading and decoding files, finding them, and masking what is not prose.

A `Source` carries the decoded text and a `prose` view of it. `prose` has the same length as `text`
and keeps every line break, so an offset or line number found in `prose` is valid in `text`; every
other character that is not prose (front matter, code, HTML, URLs, Markdown markup) is a space.

Markdown block structure comes from markdown-it-py, whose tokens carry line ranges. Only the lines
of paragraphs, headings and table rows are copied into `prose`, minus the container markers
(blockquote `>`, list markers) in front of them. Inline syntax within those lines (code spans,
links, HTML, emphasis markers, bare URLs) is then masked by a small left-to-right scanner.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token

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
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
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
    """Build a Source from decoded text; a leading byte order mark is dropped."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (expected one of {', '.join(FORMATS)})")
    text = text.removeprefix("\ufeff")
    if format in ("text", "docx"):
        return Source(path, text, _mask_controls(text), {}, format)
    if format == "html":
        return Source(path, text, _mask_controls(html_prose(text)), {}, format)
    prose, front_matter = _markdown_prose(text, path)
    return Source(path, text, prose, front_matter, format)


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


# --------------------------------------------------------------------------- Markdown: blocks

_MARKDOWN = MarkdownIt("commonmark").enable("table")
_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*")
_FRONT_MATTER_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_LIST_MARKER = re.compile(r"[-*+]|\d{1,9}[.)]")
_ATX_OPEN = re.compile(r"[ \t]*#{1,6}")
_ATX_CLOSE = re.compile(r"(?:(?<=[ \t])#+)?[ \t]*$")


@dataclass(frozen=True)
class _Lines:
    """Start and end (before the line break) offsets of lines; \\r\\n, \\r and \\n end a line."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> _Lines:
        breaks = list(_LINE_BREAK.finditer(text))
        starts = [0] + [m.end() for m in breaks]
        ends = [m.start() for m in breaks] + [len(text)]
        return cls(starts, ends)

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


@dataclass(frozen=True)
class _Container:
    is_blockquote: bool
    first_line: int


@dataclass(frozen=True)
class _Segment:
    """A run of prose: one character range per line, scanned together for inline syntax."""

    ranges: list[tuple[int, int]]
    table_row: bool = False


def _markdown_prose(text: str, path: str) -> tuple[str, dict[str, Any]]:
    lines = _Lines.of(text)
    front_matter: dict[str, Any] = {}
    closing_line = _front_matter_end(text, lines)
    markdown = text
    if closing_line is not None:
        yaml_text = text[lines.starts[1] : lines.starts[closing_line]]
        front_matter = _parse_front_matter(yaml_text, path)
        # Blank the front matter lines so that markdown-it keeps the file's line numbers.
        after = closing_line + 1
        markdown = "\n" * after + (text[lines.starts[after] :] if after < len(lines) else "")
    env: dict[str, Any] = {}
    tokens = _MARKDOWN.parse(markdown, env)
    builder = _ProseBuilder(text, lines, tokens, env.get("references", {}))
    return _mask_controls(builder.build()), front_matter


def _front_matter_end(text: str, lines: _Lines) -> int | None:
    """Index of the line closing a front matter block that opens on the first line, or None."""

    def line(i: int) -> str:
        return text[lines.starts[i] : lines.ends[i]]

    if not _FRONT_MATTER_OPEN.fullmatch(line(0)):
        return None
    return next((i for i in range(1, len(lines)) if _FRONT_MATTER_CLOSE.fullmatch(line(i))), None)


def _parse_front_matter(yaml_text: str, path: str) -> dict[str, Any]:
    def invalid(problem: str, line: int) -> InputError:
        problem = " ".join(problem.split())
        return InputError(path, f"invalid YAML front matter: {problem} (line {line})")

    import yaml  # imported when needed: most articles have no front matter

    try:
        data = yaml.safe_load(yaml_text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        # +2: marks are 0-based and the YAML starts after the opening `---` line.
        line = mark.line + 2 if mark else 1
        raise invalid(err.problem or err.context or "cannot parse", line) from None
    except (yaml.YAMLError, ValueError) as err:  # ValueError: an impossible date like 2024-02-30
        raise invalid(str(err) or type(err).__name__, 1) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise invalid(f"expected a mapping, found {_yaml_kind(data)}", 2)
    return data


def _yaml_kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return f"a {type(value).__name__} value"


class _ProseBuilder:
    """Copies the prose lines of a Markdown document onto a blank copy, then masks inline syntax."""

    def __init__(
        self, text: str, lines: _Lines, tokens: list[Token], references: Container[str]
    ) -> None:
        self.text = text
        self.lines = lines
        self.tokens = tokens
        self.references = references
        self.containers = _containers_by_line(tokens)
        self.out = [ch if ch in "\r\n" else " " for ch in text]

    def build(self) -> str:
        for segment in self._segments():
            self._copy_and_mask(segment)
        return "".join(self.out)

    def _segments(self) -> Iterator[_Segment]:
        seen_rows: set[tuple[int, int]] = set()
        for index, token in enumerate(self.tokens):
            if token.type == "html_block" and token.map:
                yield from self._comment_tail(token.map[0])
            if token.type != "inline" or not token.map:
                continue
            first, end = token.map
            parent = self.tokens[index - 1]
            if parent.type in ("th_open", "td_open"):
                if (first, end) not in seen_rows:
                    seen_rows.add((first, end))
                    yield _Segment(self._line_ranges(first, end), table_row=True)
            elif parent.type == "heading_open" and parent.markup.startswith("#"):
                yield _Segment(self._atx_heading_range(first))
            else:
                yield _Segment(self._line_ranges(first, end))

    def _line_ranges(self, first: int, end: int) -> list[tuple[int, int]]:
        return [(self._content_start(line), self.lines.ends[line]) for line in range(first, end)]

    def _content_start(self, line: int) -> int:
        """Offset just after the blockquote and list markers that open this line."""
        text, pos, end = self.text, self.lines.starts[line], self.lines.ends[line]
        for container in self.containers.get(line, ()):
            while pos < end and text[pos] in " \t":
                pos += 1
            if container.is_blockquote:
                if pos >= end or text[pos] != ">":
                    break  # a lazy continuation line: no more markers
                pos += 1
            elif container.first_line == line and (m := _LIST_MARKER.match(text, pos, end)):
                pos = m.end()
        return pos

    def _atx_heading_range(self, line: int) -> list[tuple[int, int]]:
        start, end = self._content_start(line), self.lines.ends[line]
        opening = _ATX_OPEN.match(self.text, start, end)
        if opening:
            start = opening.end()
        closing = _ATX_CLOSE.search(self.text, start, end)
        return [(start, closing.start() if closing else end)]

    def _comment_tail(self, line: int) -> Iterator[_Segment]:
        """Text after an HTML comment that opens an HTML block is still shown, so it is prose."""
        start = self._content_start(line)
        if not self.text.startswith("<!--", start):
            return
        close = self.text.find("-->", start + 4)
        if close < 0:
            return
        tail_start = close + 3
        tail_end = self.lines.ends[self.lines.line_of(tail_start)]
        if tail_start < tail_end:
            yield _Segment([(tail_start, tail_end)])

    def _copy_and_mask(self, segment: _Segment) -> None:
        for start, end in segment.ranges:
            self.out[start:end] = self.text[start:end]
        first = segment.ranges[0][0]
        view = "".join(self.out[first : segment.ranges[-1][1]])
        masked = _InlineScanner(view, self.references, segment.table_row).scan()
        for offset, flag in enumerate(masked):
            if flag and view[offset] not in "\r\n":
                self.out[first + offset] = " "


def _containers_by_line(tokens: list[Token]) -> dict[int, list[_Container]]:
    """Blockquotes and list items covering each line, outermost first."""
    by_line: dict[int, list[_Container]] = defaultdict(list)
    for token in tokens:
        if token.type in ("blockquote_open", "list_item_open") and token.map:
            first, end = token.map
            container = _Container(token.type == "blockquote_open", first)
            for line in range(first, end):
                by_line[line].append(container)
    return by_line


# --------------------------------------------------------------------------- Markdown: inline

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_INLINE_START = re.compile(r"[\\`<!\[\]|]|(?i:https?://|ftp://|www\.)")
_ANGLE = re.compile(
    r"""<(?:
        [A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*>                  # autolink
      | [A-Za-z0-9.!\#$%&'*+/=?^_`{|}~\-]++@[A-Za-z0-9]
        (?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?
        (?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*+>        # email autolink
      | ![A-Za-z][^>]*+>                                                # declaration
      | /[A-Za-z][A-Za-z0-9\-]*+\s*+>                                   # closing tag
      | [A-Za-z][A-Za-z0-9\-]*+                                         # opening tag
        (?:\s++[A-Za-z_:][\w.:\-]*+
           (?:\s*+=\s*+(?:[^\s"'=<>`]++|'[^']*+'|"[^"]*+"))?+)*+
        \s*+/?>
    )""",
    re.S | re.X,
)
# Raw HTML that runs to a fixed terminator: (opener, terminator, openers that are complete).
_TERMINATED_HTML = (
    ("<!--", "-->", ("<!-->", "<!--->")),  # comment
    ("<?", "?>", ()),  # processing instruction
    ("<![CDATA[", "]]>", ()),
)
_LINK_TEXT = re.compile(r"\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*+\])*+\]", re.S)
_LINK_DESTINATION = r"""(?:<(?:[^<>\r\n\\]|\\.)*+>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*+\))++)"""
_LINK_TITLE = r"""(?:"(?:[^"\\]|\\.)*+"|'(?:[^'\\]|\\.)*+'|\((?:[^()\\]|\\.)*+\))"""
_INLINE_TAIL = re.compile(rf"\(\s*+(?:{_LINK_DESTINATION}(?:\s++{_LINK_TITLE})?+)?+\s*+\)", re.S)
_REFERENCE_LABEL = re.compile(r"\[((?:[^\[\]\\]|\\.){0,999})\]", re.S)
_BARE_URL = re.compile(r"(?i:https?://|ftp://|www\.)[^\s<>]+")
_URL_NOT_AFTER = frozenset("/@.:-")
_URL_TRAILING = frozenset("?!.,:*_~'\"")
_TRAILING_ENTITY = re.compile(r"&[A-Za-z0-9]+;\Z")
_DELIMITER_RUN = re.compile(r"\*+|_+|~+")


@dataclass
class _Delimiter:
    """A run of `*`, `_` or `~~` that may open or close emphasis (CommonMark's delimiter run)."""

    char: str
    start: int
    length: int
    can_open: bool
    can_close: bool
    remaining: int = field(init=False)  # characters not yet paired
    closed: int = 0  # how many of its characters, from the left, closed emphasis

    def __post_init__(self) -> None:
        self.remaining = self.length


class _InlineScanner:
    """Masks inline syntax in one segment; `view` is the segment with its line prefixes blank."""

    def __init__(self, view: str, references: Container[str], table_row: bool) -> None:
        self.view = view
        self.references = references
        self.table_row = table_row
        self.masked = bytearray(len(view))
        self.literal = bytearray(len(view))  # characters escaped with a backslash
        self.link_tails: dict[int, int] = {}
        self._backtick_runs: dict[int, list[int]] | None = None
        self._terminator_cache: dict[str, tuple[int, int]] = {}

    def scan(self) -> bytearray:
        pos = 0
        while (found := _INLINE_START.search(self.view, pos)) is not None:
            pos = self._handle(found.start())
        self._mask_emphasis()
        return self.masked

    def _mask(self, start: int, end: int) -> None:
        self.masked[start:end] = b"\x01" * (end - start)

    def _handle(self, pos: int) -> int:
        """Masks the construct starting at pos, if any; returns where scanning resumes."""
        if pos in self.link_tails:
            end = self.link_tails.pop(pos)
            self._mask(pos, end)
            return end
        char = self.view[pos]
        if char == "\\":
            return self._escape(pos)
        if char == "`":
            return self._code_span(pos)
        if char == "<":
            return self._angle(pos)
        if char == "!":
            return self._image(pos)
        if char == "[":
            return self._link_opener(pos)
        if char == "|":
            if self.table_row:
                self._mask(pos, pos + 1)
            return pos + 1
        if char == "]":
            return pos + 1
        return self._bare_url(pos)

    def _escape(self, pos: int) -> int:
        following = self.view[pos + 1 : pos + 2]
        if following and following in _ASCII_PUNCTUATION:
            self._mask(pos, pos + 1)
            self.literal[pos + 1] = 1
            return pos + 2
        if following in ("\r", "\n"):  # a hard line break
            self._mask(pos, pos + 1)
        return pos + 1

    def _code_span(self, pos: int) -> int:
        """CommonMark code span: closed by the next backtick run of the same length."""
        run_end = pos
        while run_end < len(self.view) and self.view[run_end] == "`":
            run_end += 1
        length = run_end - pos
        starts = self._runs_by_length().get(length, [])
        index = bisect.bisect_left(starts, run_end)
        if index == len(starts):
            return run_end  # unmatched: the backticks are literal
        end = starts[index] + length
        self._mask(pos, end)
        return end

    def _runs_by_length(self) -> dict[int, list[int]]:
        if self._backtick_runs is None:
            self._backtick_runs = defaultdict(list)
            for run in re.finditer("`+", self.view):
                self._backtick_runs[len(run[0])].append(run.start())
        return self._backtick_runs

    def _angle(self, pos: int) -> int:
        for opener, terminator, complete in _TERMINATED_HTML:
            if self.view.startswith(opener, pos):
                end = self._terminated_end(pos, opener, terminator, complete)
                break
        else:
            found = _ANGLE.match(self.view, pos)
            end = found.end() if found else None
        if end is None:
            return pos + 1
        self._mask(pos, end)
        return end

    def _terminated_end(
        self, pos: int, opener: str, terminator: str, complete: tuple[str, ...]
    ) -> int | None:
        for whole in complete:
            if self.view.startswith(whole, pos):
                return pos + len(whole)
        start = pos + len(opener)
        # Remember the last search so that many unterminated openers stay linear.
        searched_from, found = self._terminator_cache.get(terminator, (len(self.view) + 1, -1))
        if not (searched_from <= start and (found < 0 or found >= start)):
            found = self.view.find(terminator, start)
            self._terminator_cache[terminator] = (start, found)
        return found + len(terminator) if found >= 0 else None

    def _image(self, pos: int) -> int:
        tail = self._link_tail(pos + 1) if self.view.startswith("[", pos + 1) else None
        if tail is None:
            return pos + 1
        self._mask(pos, tail[1])
        return tail[1]

    def _link_opener(self, pos: int) -> int:
        tail = self._link_tail(pos)
        if tail is not None:
            self._mask(pos, pos + 1)
            self.link_tails[tail[0]] = tail[1]
        return pos + 1

    def _link_tail(self, pos: int) -> tuple[int, int] | None:
        """For a link starting with `[` at pos, the span from its closing `]` to its end."""
        text = _LINK_TEXT.match(self.view, pos)
        if text is None:
            return None
        close, after = text.end() - 1, text.end()
        if inline := _INLINE_TAIL.match(self.view, after):
            return close, inline.end()
        if label := _REFERENCE_LABEL.match(self.view, after):
            name = label[1] or text[0][1:-1]
            return (close, label.end()) if self._is_reference(name) else None
        return (close, after) if self._is_reference(text[0][1:-1]) else None

    def _is_reference(self, label: str) -> bool:
        return bool(label.strip()) and normalizeReference(label) in self.references

    def _bare_url(self, pos: int) -> int:
        if pos > 0 and (self.view[pos - 1].isalnum() or self.view[pos - 1] in _URL_NOT_AFTER):
            return pos + 1
        found = _BARE_URL.match(self.view, pos)
        url = _trim_url(found[0]) if found else ""
        _, scheme, rest = url.partition("://")
        if not (rest if scheme else url[4:]):
            return pos + 1
        self._mask(pos, pos + len(url))
        return pos + len(url)

    def _mask_emphasis(self) -> None:
        stack: list[_Delimiter] = []
        for delimiter in self._delimiters():
            if delimiter.can_close:
                self._close_emphasis(delimiter, stack)
            if delimiter.can_open and delimiter.remaining:
                stack.append(delimiter)

    def _delimiters(self) -> Iterator[_Delimiter]:
        plain = "".join(
            " " if masked or literal else ch
            for ch, masked, literal in zip(self.view, self.masked, self.literal, strict=True)
        )
        for run in _DELIMITER_RUN.finditer(plain):
            char, start, end = run[0][0], run.start(), run.end()
            if char == "~" and end - start != 2:
                continue  # only `~~` is strikethrough; a lone `~` means "about"
            before = self.view[start - 1] if start else " "
            after = self.view[end] if end < len(self.view) else " "
            can_open, can_close = _flanking(char, before, after)
            yield _Delimiter(char, start, end - start, can_open, can_close)

    def _close_emphasis(self, closer: _Delimiter, stack: list[_Delimiter]) -> None:
        while closer.remaining:
            index = _matching_opener(closer, stack)
            if index is None:
                return
            opener = stack[index]
            count = 2 if min(opener.remaining, closer.remaining) >= 2 else 1
            inner = opener.start + opener.remaining
            self._mask(inner - count, inner)
            self._mask(closer.start + closer.closed, closer.start + closer.closed + count)
            opener.remaining -= count
            closer.remaining -= count
            closer.closed += count
            del stack[index + 1 :]  # delimiters between the pair can no longer match
            if not opener.remaining:
                del stack[index]


def _matching_opener(closer: _Delimiter, stack: list[_Delimiter]) -> int | None:
    for index in range(len(stack) - 1, -1, -1):
        opener = stack[index]
        if opener.char != closer.char or not opener.remaining:
            continue
        # CommonMark's "rule of 3" for runs that can both open and close.
        both = opener.can_close or closer.can_open
        total = opener.length + closer.length
        if both and total % 3 == 0 and (opener.length % 3 or closer.length % 3):
            continue
        return index
    return None


def _flanking(char: str, before: str, after: str) -> tuple[bool, bool]:
    """(can_open, can_close) for a delimiter run between `before` and `after` (CommonMark 6.2)."""
    before_space, after_space = before.isspace(), after.isspace()
    before_punct, after_punct = _is_punctuation(before), _is_punctuation(after)
    left = not after_space and (not after_punct or before_space or before_punct)
    right = not before_space and (not before_punct or after_space or after_punct)
    if char == "_":
        return left and (not right or before_punct), right and (not left or after_punct)
    return left, right


def _is_punctuation(char: str) -> bool:
    return char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] in "PS"


def _trim_url(url: str) -> str:
    """Drops trailing punctuation that ends the sentence rather than the URL (as GFM does)."""
    while url:
        last = url[-1]
        if last in _URL_TRAILING or _unbalanced_closer(url, last):
            url = url[:-1]
        elif last == ";" and (entity := _TRAILING_ENTITY.search(url)):
            url = url[: entity.start()]
        else:
            break
    return url


def _unbalanced_closer(url: str, last: str) -> bool:
    opener = {")": "(", "]": "["}.get(last)
    return opener is not None and url.count(last) > url.count(opener)
