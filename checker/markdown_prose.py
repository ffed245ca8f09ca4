"""The prose of a Markdown document: what a reader reads, at the offsets where it stands.

Block structure comes from markdown-it-py, whose tokens carry line ranges. Only the lines of
paragraphs, headings and table rows are copied into the prose, minus the container markers
(blockquote `>`, list markers) in front of them. Inline syntax within those lines (code spans,
links, HTML, emphasis markers, bare URLs) is then masked by a small left-to-right scanner. What is
masked becomes spaces and line breaks stay, so a claim's offsets and line numbers are the file's.
A YAML front matter block is parsed apart.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class InvalidFrontMatter(Exception):
    """The front matter is not YAML, or not a mapping: the message says where."""


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


def markdown_prose(text: str) -> tuple[str, dict[str, Any]]:
    """The prose of a Markdown document, every other character a space and every line break
    kept (so offsets and line numbers are the document's), and its YAML front matter.

    Raises InvalidFrontMatter."""
    lines = _Lines.of(text)
    front_matter: dict[str, Any] = {}
    closing_line = _front_matter_end(text, lines)
    markdown = text
    if closing_line is not None:
        yaml_text = text[lines.starts[1] : lines.starts[closing_line]]
        front_matter = _parse_front_matter(yaml_text)
        # Blank the front matter lines so that markdown-it keeps the file's line numbers.
        after = closing_line + 1
        markdown = "\n" * after + (text[lines.starts[after] :] if after < len(lines) else "")
    env: dict[str, Any] = {}
    tokens = _MARKDOWN.parse(markdown, env)
    builder = _ProseBuilder(text, lines, tokens, env.get("references", {}))
    return builder.build(), front_matter


def _front_matter_end(text: str, lines: _Lines) -> int | None:
    """Index of the line closing a front matter block that opens on the first line, or None."""

    def line(i: int) -> str:
        return text[lines.starts[i] : lines.ends[i]]

    if not _FRONT_MATTER_OPEN.fullmatch(line(0)):
        return None
    return next((i for i in range(1, len(lines)) if _FRONT_MATTER_CLOSE.fullmatch(line(i))), None)


def _parse_front_matter(yaml_text: str) -> dict[str, Any]:
    def invalid(problem: str, line: int) -> InvalidFrontMatter:
        problem = " ".join(problem.split())
        return InvalidFrontMatter(f"invalid YAML front matter: {problem} (line {line})")

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
