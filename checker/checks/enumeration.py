"""Kind `enumeration`: a count that announces a list whose items do not number that many.

"The company gave four reasons: cost, speed and scale" lists three. Two forms are read:

- a sentence: "N [adjectives] NOUNS" then ":", a dash or ", namely", then items split by
  semicolons (when there are any) or commas, the last joined by "and" or "or";
- Markdown: a line ending in ":" that announces N things, followed by a list whose top-level items
  are counted (nested items are not).

Only small counts (2 to 12) stated without a qualifier are read. An item with "and" inside may be
one item or two ("research and development"), so a sentence fires only when no reading of its
items gives N. A list said to be partial ("including", "such as", "among others", "etc.") is never
judged.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

from checker.checks import register
from checker.checks.base import Check
from checker.claims import Claim
from checker.document import Document
from checker.findings import Finding
from checker.nlp.lexicon import load_lexicon

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(frozen=True)
class EnumerationParameters:
    min_count: int = 2
    max_count: int = 12  # larger counts ("3 million people:") do not announce lists


@dataclass(frozen=True)
class Announcement:
    """'four reasons' in 'four reasons: ...': where it is and where its list begins."""

    start: int
    end: int  # end of the counted noun
    list_start: int  # just after the delimiter
    delimiter: str


@dataclass(frozen=True)
class Items:
    """A list as read: its items in the natural reading, and the counts other readings allow."""

    texts: tuple[str, ...]
    low: int
    high: int
    start: int
    end: int


@register
class EnumerationCheck(Check):
    kind = "enumeration"
    Parameters = EnumerationParameters

    @classmethod
    def validate(cls, parameters: EnumerationParameters) -> None:
        if not 2 <= parameters.min_count <= parameters.max_count:
            raise ValueError("'min-count' must be at least 2 and at most 'max-count'")

    def run(self, document: Document) -> Iterator[Finding]:
        for claim in document.claims:
            if not self._small_count(claim):
                continue
            announcement = announcement_of(document.source.prose, claim)
            if announcement is None:
                continue
            items = list_items(document, announcement)
            if items is None or items.low <= claim.value <= items.high:
                continue
            yield self._finding(document, announcement, items, claim.value)

    def _small_count(self, claim: Claim) -> bool:
        if claim.kind != "count" or claim.value is None or claim.value_high is not None:
            return False
        if claim.qualifier or claim.value != claim.value.to_integral_value():
            return False
        return self.params.min_count <= claim.value <= self.params.max_count

    def _finding(
        self, document: Document, announcement: Announcement, items: Items, announced_count: Decimal
    ) -> Finding:
        announced = " ".join(document.source.text[announcement.start : announcement.end].split())
        count = len(items.texts)
        fields = {
            "announced": announced,
            "count": str(count),
            "items": _joined(items.texts),
            "noun": "item" if count == 1 else "items",
        }
        fields["arithmetic"] = _arithmetic(fields, announced_count, items)
        related = [(items.start, items.end, f"the list: {count} {fields['noun']}")]
        return self.finding(document, announcement.start, announcement.end, fields, related)


# -- the announcement ----------------------------------------------------------------------------

_WORD = r"[^\W\d_][\w.&'’-]*"
# a trailer's words: no number but a year ("in June 2012", not "after the 2007 – 08 season")
_TRAILER_WORD = r"(?:[^\n:;,.()\d]|(?:19|20)\d\d(?!\s*[–-]))"
_ANNOUNCEMENT = re.compile(
    rf"(?P<phrase>(?:[ \t]*\n?[ \t]*(?<=\s){_WORD}){{0,4}}?)"
    rf"(?P<trailer>\s+(?:are|were|as follows|below|[a-z]+ed\s{_TRAILER_WORD}{{0,50}}?|"
    r"(?:to|for|in|on|that|which|why|behind|before|after|when|during|by|with|you|we|I)\s"
    rf"{_TRAILER_WORD}{{0,40}}?))?"
    r"[ \t]*(?P<delimiter>:(?=\s|$)|—|\s–(?=\s)|\s--?(?=\s)|,\s+namely\b)"
)
_BEFORE = re.compile(
    r"(?:\b(?:(?<!list )(?<!shortlist )(?<!series )(?<!set )of|among|than|least|most|over"
    r"|nearly|almost|about|around|some|up to|roughly"
    r"|approximately|No\.?|Nos\.?)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?|[-/#])$",
    re.IGNORECASE,
)
_LEAD = re.compile(r"\b(\w+)\s+$")


def announcement_of(prose: str, claim: Claim) -> Announcement | None:
    """'N [adjectives] NOUNS' ending in a delimiter that opens a list, or None."""
    if _BEFORE.search(prose, max(0, claim.start - 20), claim.start):
        return None
    match = _ANNOUNCEMENT.match(prose, claim.end)
    if match is None or "\n\n" in re.sub(r"[ \t]+", "", match.group()):
        return None
    if _counts_again(match["trailer"] or ""):
        return None  # "11 institutions in six countries: Norway, ...": the nearer count announces
    words = match["phrase"].split()
    if words and not _noun_phrase(words, claim.counted):
        return None
    start = claim.start if words else _bare_count_start(prose, claim)
    if start is None:
        return None
    if match["delimiter"] != ":" and _inside_dashes(prose, claim):
        return None  # "a detail — 51 Marines and nine SEALs — departed": the dash closes
    end = match.end("phrase") if words else claim.end
    return Announcement(start, end, match.end(), match["delimiter"].strip())


def _counts_again(trailer: str) -> bool:
    number_words = load_lexicon().unit_words
    return any(word in number_words for word in trailer.lower().split())


def _inside_dashes(prose: str, claim: Claim) -> bool:
    before = prose[max(claim.sentence_start, claim.start - 300) : claim.start]
    return len(_DASH.findall(before)) % 2 == 1


def _noun_phrase(words: list[str], counted: str) -> bool:
    lexicon = load_lexicon()
    if any(w.lower() in lexicon.enumeration_function_words for w in words):
        return False
    head = words[-1].rstrip(".").lower()
    if head == counted.lower() or head in lexicon.irregular_plurals:
        return True
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "'s", "’s"))


def _bare_count_start(prose: str, claim: Claim) -> int | None:
    """Where 'top three' begins in 'the top three: ...', a count without a noun after a word that
    makes it a group; None for other bare numbers ('Chapter 3:', 'at 10:30')."""
    if claim.counted or not claim.text.isalpha():
        return None
    lead = _LEAD.search(prose, max(0, claim.start - 20), claim.start)
    leads = load_lexicon().enumeration_bare_leads
    return lead.start() if lead and lead[1].lower() in leads else None


# -- the list ------------------------------------------------------------------------------------

_PARTIAL = re.compile(
    r"\b(?:includ\w*|such as|among (?:them|others|which|whom|those|other)|e\.g|for example"
    r"|for instance|like|notably|especially"
    r"|in particular|etc|et al|and so on|and so forth|and others|and more|or more|to name"
    r"|chief among|mainly|mostly|primarily|led by)\b|…|\.\.\.",
    re.IGNORECASE,
)


def list_items(document: Document, announcement: Announcement) -> Items | None:
    source = document.source
    if _PARTIAL.search(source.prose, announcement.start, announcement.list_start):
        return None
    line_end = source.prose.find("\n", announcement.list_start)
    rest_of_line = source.prose[announcement.list_start : line_end if line_end >= 0 else None]
    markdown = source.format == "markdown"
    if markdown and not rest_of_line.strip() and line_end >= 0:
        found = markdown_items(document, line_end + 1)
        if found is not None or _starts_list(document, line_end + 1):
            return found if announcement.delimiter == ":" else None
    return sentence_items(source.prose, announcement, markdown)


# -- a list in a sentence ------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9]|\s*$)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n[ \t]{3,}(?=\S)")
_DASH = re.compile(r"—|\s–\s|\s--?\s")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen"
    r"|Gov|Sen|Rep|Rev|Prof|Mt|Ft|No|Nos|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Calif|Mass|Conn"
    r"|Ariz|Colo|Fla|Ill|Ind|Kan|Mich|Minn|Miss|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Wash|Wis))$"
)
_CONJUNCTION = r"(?:and|or|and/or|as well as|&|plus)"
_LEADING = re.compile(rf"^{_CONJUNCTION}\s", re.IGNORECASE)
_INNER = re.compile(rf"\s{_CONJUNCTION}\s", re.IGNORECASE)
_SUFFIX_PART = re.compile(
    r"(?:Inc|Corp|Co|Ltd|LLC|L\.?P|plc|PLC|Jr|Sr|II|III|N\.?V|S\.?A|AG|SA|NV)\.?"
)
_STATE = re.compile(r"[A-Z][a-z]{1,4}\.")  # "Calif.", "Mass."
_YEAR = re.compile(r"\d{4}")
_DAY = re.compile(r"\b\d{1,2}$")
_NOT_AN_ITEM = re.compile(r"(?:but|yet|so|then|which|who)\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|both)\b)",
    re.IGNORECASE,
)
_NAME = re.compile(r"the\s+[A-Z]")  # "the EC", "the United Arab Emirates"
# more words make a clause; news items run long ("a 1.8 km (1.1 mile) flood wall along ...")
_MAX_ITEM_WORDS = 16
_MAX_BARE_WORDS = 3


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    text: str


def sentence_items(prose: str, announcement: Announcement, markdown: bool) -> Items | None:
    start = announcement.list_start
    end = _list_end(prose, start, markdown)
    region = prose[start:end]
    if _PARTIAL.search(region):
        return None
    masked = _mask_nested(region)
    if masked is None:
        return None
    parts = _merge_suffixes(_split(region, masked, start))
    if not parts or _LEADING.match(parts[0].text) or _NOT_AN_ITEM.match(parts[0].text):
        return None  # "two six-packs -- and they're gone"
    items = _reading(parts)
    if items is None or len(items.texts) < 2:
        return None
    if any(len(t.split()) > _MAX_ITEM_WORDS for t in items.texts):
        return None  # a clause rather than an item
    if sum(bool(_NUMBER.match(t)) for t in items.texts) > 1:
        return None  # "five -- two officers and three privates": a breakdown, not a list
    return items


def _list_end(prose: str, start: int, markdown: bool) -> int:
    ends = [len(prose)]
    for match in _SENTENCE_END.finditer(prose, start):
        if not _ABBREVIATION.search(prose, max(start, match.start() - 12), match.start()):
            ends.append(match.start())
            break
    paragraph = re.compile(r"\n[ \t]*\n") if markdown else _PARAGRAPH
    for pattern in (paragraph, _DASH):
        if found := pattern.search(prose, start):
            ends.append(found.start())
    return min(ends)


def _mask_nested(region: str) -> str | None:
    """The region with brackets and quotations blanked (their commas are not separators);
    None when they do not close within it."""
    out = list(region)
    stack: list[str] = []
    pairs = {"(": ")", "[": "]", "“": "”"}
    for i, ch in enumerate(region):
        closing = stack[-1] if stack else None
        if ch == closing or (ch == '"' and closing == '"'):
            stack.pop()
        elif ch in pairs or (ch == '"' and closing != '"'):
            stack.append(pairs.get(ch, '"'))
        elif ch in ")]”":
            return None
        elif stack:
            out[i] = "x"
    return None if stack else "".join(out)


def _split(region: str, masked: str, offset: int) -> list[_Part]:
    separator = ";" if ";" in masked else ","
    parts, begin = [], 0
    for i, ch in enumerate([*masked, separator]):
        if ch != separator or (separator == "," and masked[i + 1 : i + 2].isdigit()):
            continue
        text = " ".join(region[begin:i].split())
        if text:
            lead = len(region[begin:i]) - len(region[begin:i].lstrip())
            parts.append(_Part(offset + begin + lead, offset + i, text))
        begin = i + 1
    return parts


def _merge_suffixes(parts: list[_Part]) -> list[_Part]:
    """'Acme, Inc.' and 'May 1, 1987' are one item each."""
    merged: list[_Part] = []
    for part in parts:
        if merged and _continues(merged[-1].text, part.text):
            last = merged.pop()
            part = _Part(last.start, part.end, f"{last.text}, {part.text}")
        merged.append(part)
    return merged


def _continues(previous: str, text: str) -> bool:
    """'Inc.' after 'Acme', 'Calif.' after a place, '1987' after 'May 1'."""
    if _SUFFIX_PART.fullmatch(text.rstrip(".") + ".") or _STATE.fullmatch(text):
        return True
    return bool(_YEAR.fullmatch(text.rstrip(".")) and _DAY.search(previous))


def _reading(parts: list[_Part]) -> Items | None:
    """The items of the natural reading and the range of counts any split of 'and' allows."""
    inner = [len(_INNER.findall(p.text)) for p in parts]
    joined = [i for i, p in enumerate(parts) if inner[i] or _LEADING.match(p.text)]
    if not joined:
        if len(parts) < 2 or any(len(p.text.split()) > _MAX_BARE_WORDS for p in parts):
            return None  # no "and" to mark the last item: a long part may be two, or a clause
        texts = tuple(p.text for p in parts)
        return Items(texts, 1, len(parts), parts[0].start, parts[-1].end)  # may run on
    last = joined[-1]
    listed = parts[: last + 1]
    texts = [_LEADING.sub("", p.text, count=1) for p in listed]
    if not _LEADING.match(parts[last].text):
        texts[-1:] = _split_last(texts[-1])
    low = 1 if _described(listed) else len(listed) + _final_pair(listed)
    # In a list of three or more parts, only the last may hold the "and" that joins two items,
    # or the first that opens a nested list ("a state bank and banks for foreign trade,
    # agro-industry, ... and credit"): "weaker exports from Korea and Taiwan, longer and
    # costlier routings, a price war, and the loss of a customer" lists four
    middle = inner[1:last] if len(listed) >= 3 else []
    high = len(parts) + sum(inner) - sum(middle)
    return Items(tuple(texts), low, high, parts[0].start, parts[last].end)


def _described(parts: list[_Part]) -> bool:
    """'Cemax Inc, a Santa Clara maker, ...', 'the Advanced System, priced at ...': a name, then
    a part that describes it. The commas no longer separate items, so the list may be shorter."""
    return any(
        previous.text.split()[-1][:1].isupper()
        and _DESCRIPTION.match(part.text) is not None
        and not (_ARTICLE.match(part.text) and len(part.text.split()) > _MAX_DESCRIPTION_WORDS)
        and not _LEADING.match(part.text)
        and not _NAME.match(part.text)
        for previous, part in pairwise(parts)
    )


# An item after a name, not a description of it: "the Cape of Good Hope, a price war among
# forwarders in Singapore" (a description is short: "Cemax Inc, a Santa Clara maker").
_ARTICLE = re.compile(r"(?:a|an)\s", re.IGNORECASE)
_MAX_DESCRIPTION_WORDS = 5
# "a Santa Clara maker", "priced at ...", "which makes ...": words that describe what precedes.
_DESCRIPTION = re.compile(r"(?:a|an|which|who|whose|[a-z]+ed|[a-z]+ing)\b")


def _final_pair(listed: list[_Part]) -> int:
    """1 when the last part of a comma list is certainly two items: 'A, B, C and D' lists four
    unless 'C and D' is a pair of short bare words that may name one thing ('research and
    development'); 'a strong currency and inflation running below target' is two."""
    last = listed[-1].text
    if len(listed) < 2 or _LEADING.match(last) or not _INNER.search(last):
        return 0
    left, right = _split_last(last)
    short = all(len(side.split()) <= 2 for side in (left, right))
    bare = not any(_DETERMINER.match(side) for side in (left, right))
    return 0 if short and bare else 1


_DETERMINER = re.compile(r"(?:a|an|the|its|their|his|her|our)\s", re.IGNORECASE)


def _split_last(text: str) -> list[str]:
    matches = list(_INNER.finditer(text))
    final = matches[-1]
    return [text[: final.start()].strip(), text[final.end() :].strip()]


# -- a Markdown list -----------------------------------------------------------------------------

_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ITEM_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


@functools.cache
def _markdown_parser() -> MarkdownIt:
    """Imported with the first Markdown list: a run over text files never needs it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def _first_item(document: Document, start: int) -> tuple[int, re.Match[str]] | None:
    """Where a list begins after ``start`` (past blank lines), and its first marker."""
    text = document.source.text
    first = _BLANK_LINES.match(text, start).end()
    marker = _ITEM_MARKER.match(text, first)
    if marker is None or document.source.prose[first : marker.end()].strip():
        return None  # not a list item (in prose a list marker is blanked)
    return first, marker


def _starts_list(document: Document, start: int) -> bool:
    return _first_item(document, start) is not None


def markdown_items(document: Document, start: int) -> Items | None:
    """The top-level items of the list that begins on the lines after ``start``."""
    text = document.source.text
    found = _first_item(document, start)
    if found is None:
        return None
    first, marker = found
    indent = len(marker.group()) - len(marker.group().lstrip())
    block = _dedented_block(text, first, indent)
    tokens = _markdown_parser().parse(block)
    if not tokens or not tokens[0].type.endswith("list_open"):
        return None
    texts, closed_at = _top_items(tokens)
    if closed_at + 1 < len(tokens) and tokens[closed_at + 1].type.endswith("list_open"):
        return None  # the marker changes: two lists, or one list written inconsistently
    if not texts or any(_PARTIAL.fullmatch(t) or t.lower() == "etc" for t in texts):
        return None
    end = _end_of_lines(text, first, tokens[0].map[1])
    return Items(tuple(texts), len(texts), len(texts), first, end)


def _end_of_lines(text: str, start: int, count: int) -> int:
    """The end of the last non-blank line among ``count`` lines from ``start``."""
    end = start
    for line in itertools.islice(_lines_from(text, start), count):
        if line.strip():
            end = start + len(line.rstrip("\r\n"))
        start += len(line)
    return end


def _dedented_block(text: str, start: int, indent: int) -> str:
    """The lines of the list from ``start``, with the list's indent removed: up to a line indented
    less, or a paragraph after a blank line that is neither indented nor a new item (the list has
    ended there, and the rest of a long document is not parsed again for every list)."""
    lines: list[str] = []
    after_blank = False
    for line in _lines_from(text, start):
        line = line.rstrip("\r\n")
        if line.strip():
            shallow = len(line) - len(line.lstrip()) <= indent
            if len(line) - len(line.lstrip()) < indent or (
                after_blank and shallow and not _ITEM_MARKER.match(line[indent:])
            ):
                break
        after_blank = not line.strip()
        lines.append(line[indent:])
    return "\n".join(lines)


def _lines_from(text: str, start: int) -> Iterator[str]:
    """The lines of ``text`` from ``start``, each with its line break, read one at a time."""
    while start < len(text):
        end = _LINE_BREAK.search(text, start)
        stop = end.end() if end else len(text)
        yield text[start:stop]
        start = stop


def _top_items(tokens: list) -> tuple[list[str], int]:
    """The first line of each top-level item, and the index of the list's closing token."""
    texts: list[str] = []
    level = tokens[0].level
    for index, token in enumerate(tokens[1:], start=1):
        if token.type.endswith("list_close") and token.level == level:
            return texts, index
        if token.type == "list_item_open" and token.level == level + 1:
            texts.append("")
        elif token.type == "inline" and texts and not texts[-1] and token.level == level + 3:
            texts[-1] = token.content.splitlines()[0].rstrip(".;,") if token.content else ""
    return texts, len(tokens) - 1


def _arithmetic(fields: dict[str, str], announced_count: Decimal, items: Items) -> str:
    """The count against the list: 'four reasons' = 4 ≠ 3 items: cost, speed, scale; with the
    counts other readings of the list allow when there are several."""
    count = f"{fields['count']} {fields['noun']}"
    if items.low != items.high:
        count += f" ({items.low} to {items.high} in any reading)"
    return f"'{fields['announced']}' = {int(announced_count)} ≠ {count}: {fields['items']}"


def _joined(texts: tuple[str, ...]) -> str:
    separator = "; " if any("," in t for t in texts) else ", "
    return separator.join(_short(t) for t in texts)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
