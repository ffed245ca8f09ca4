"""The prose of an HTML file: its text with tags, comments and what is not prose blanked.

Parsed with the standard library's HTML parser (html.parser), which tolerates real-world markup.
The result has the file's length and line breaks, so offsets and line numbers found in it are
valid in the file. ``script``, ``style``, ``code``, ``pre``, ``template`` and ``svg`` contents are
skipped; a character reference keeps its character at its last position ("&euro;5" reads as
"     €5"), so a currency sign still touches its number.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

_SKIPPED = {"script", "style", "code", "pre", "template", "svg", "math", "head"}
# Elements that end a sentence or a block: a line break in the prose keeps a heading from running
# into the paragraph after it.
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br", "section",
           "article", "blockquote", "title", "dt", "dd", "figcaption", "caption"}  # fmt: skip


def html_prose(text: str) -> str:
    reader = _ProseReader(text)
    reader.feed(text)
    reader.close()
    return "".join(reader.out)


class _ProseReader(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.out = [c if c in "\n" else " " for c in text]
        self.starts = [0]
        for i, c in enumerate(text):
            if c == "\n":
                self.starts.append(i + 1)
        self.skipping: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED:
            self.skipping.append(tag)
        self._block_break(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._block_break(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        self._block_break(tag)

    def _block_break(self, tag: str) -> None:
        """A block element's tag reads as a line break, unless one is there already."""
        if tag in _BLOCKS:
            start = self._offset()
            if self.out[start] == " ":
                self.out[start] = "\n"

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        start = self._offset()
        self.out[start : start + len(data)] = list(data)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, written: str) -> None:
        if self.skipping:
            return
        start = self._offset()
        length = len(written) if self.text.startswith(written, start) else len(written) - 1
        character = html.unescape(written)
        if len(character) == 1 and start + length <= len(self.out):
            self.out[start + length - 1] = " " if character == "\xa0" else character
