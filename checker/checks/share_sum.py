"""Kind `share_sum`: percentages of one whole that cannot add up.

"Smith won 52%, Jones 38% and Lee 15% of the vote" adds up to 105%. "46% backed the plan, 29%
opposed it and the remaining 21% were undecided" says it covers the whole, so it must add up to
100% (it gives 96%). Only a list of percentages in one sentence that names what they are shares of
(`whole-words`: "of the vote", "respondents") is judged; a list whose items are set apart by other
wholes ("52% in Leeds, 38% in York") is not. Each share is read with its stated precision, so
"33%, 33% and 33%" may stand for a whole.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker.amounts import plain
from checker.checks import register
from checker.checks.base import Check
from checker.checks.relations import FigureList, figure_lists, sentences
from checker.claims import Claim, sum_range
from checker.document import Document
from checker.findings import Finding, LineIndex
from checker.nlp.lexicon import load_lexicon
from checker.tables import allocation_columns, has_tables, share_columns

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ShareSumParameters:
    # Words that say what the percentages are shares of; one must be in the sentence.
    whole_words: tuple[str, ...] = ("vote", "votes", "ballots", "respondents", "market share")
    # Words between items that make each a share of a different whole ("52% in Leeds").
    separate_wholes: tuple[str, ...] = ("in", "at", "among", "for", "from", "during", "between")
    # Words that say the list covers the whole ("the remaining 20%").
    rest_words: tuple[str, ...] = ("remaining", "rest", "remainder", "balance")
    # Words that mark answers to a question ("Asked which step they would take, 41% ..."): three
    # or more such shares adding up to just over 100% are one whole misstated (the answers to a
    # question that allows several add up to far more).
    answer_words: tuple[str, ...] = ()
    tolerance: float = 0.0  # slack in percentage points on top of stated precision


@register
class ShareSumCheck(Check):
    kind = "share_sum"
    Parameters = ShareSumParameters

    @classmethod
    def validate(cls, parameters: ShareSumParameters) -> None:
        if not parameters.whole_words:
            raise ValueError("'whole-words' cannot be empty")
        if parameters.tolerance < 0:
            raise ValueError("'tolerance' cannot be negative")

    def run(self, document: Document) -> Iterator[Finding]:
        if has_tables(document.source):
            for column in share_columns(document.lines, document.claims):
                if sum_range(column)[0] > _HUNDRED + self._slack():
                    yield self._finding(document, FigureList(tuple(column), ()), False, True)
            for column in allocation_columns(document.lines, document.claims):
                low, high = sum_range(column)
                if low > _HUNDRED + self._slack() or high < _HUNDRED - self._slack():
                    yield self._finding(document, FigureList(tuple(column), ()), True, True)
        for items in self._bulleted_shares(document):
            if sum_range(items)[0] > _HUNDRED + self._slack():
                yield self._finding(document, FigureList(tuple(items), ()), False)
        reported: set[int] = set()
        for figures in figure_lists(document, "percent"):
            if not (
                self._one_whole(document, figures)
                or _slightly_over(document, figures)
                or self._answers_just_over(document, figures)
            ):
                continue
            low, high = sum_range(figures.items)
            slack = self._slack()
            whole = self._covers_whole(figures)
            if low <= _HUNDRED + slack and not (whole and high < _HUNDRED - slack):
                continue
            reported.update(c.start for c in figures.items)
            yield self._finding(document, figures, whole)
        for items in self._answers_in_sentences(document):
            if not reported.intersection(c.start for c in items):
                yield self._finding(document, FigureList(items, ()), False)

    def _answers_in_sentences(self, document: Document) -> Iterator[tuple[Claim, ...]]:
        """The percentages of a sentence, however far apart its words set them, when they are
        three or more answers to one question ('Asked about their last attempt to book, 46%
        said they could not find a dentist at all, 31% were seen only after six months, and 27%
        within six months') adding up to just over 100%."""
        for claims in sentences(document):
            items = tuple(c for c in claims if c.kind == "percent" and c.role == "level")
            if len(items) >= 3 and self._answers_just_over(document, FigureList(items, ())):
                yield items

    def _bulleted_shares(self, document: Document) -> Iterator[list[Claim]]:
        """The percentages of a bulleted list, one to an item, after a line that names their
        whole ('The result in full, by share of the valid vote:'): shares of that whole."""
        index = document.lines
        by_line: dict[int, list[Claim]] = {}
        for claim in document.claims:
            by_line.setdefault(document.line_of(claim), []).append(claim)
        line, last = 1, len(index.starts)
        while line <= last:
            if not _BULLET.match(index.line_text(line)):
                line += 1
                continue
            first = line
            while line <= last and _BULLET.match(index.line_text(line)):
                line += 1
            items = [by_line.get(n, []) for n in range(first, line)]
            if (
                len(items) >= 3
                and all(
                    len(figures) == 1
                    and figures[0].kind == "percent"
                    and figures[0].role != "change"
                    for figures in items
                )
                and self._names_whole(_intro(index, first))
            ):
                yield [figures[0] for figures in items]

    def _names_whole(self, intro: str) -> bool:
        text = intro.lower()
        words = (*self.params.whole_words, "share", "shares", *load_lexicon().breakdown_words)
        return text.rstrip().endswith(":") and any(_has_word(text, w) for w in words)

    def _slack(self) -> Decimal:
        return Decimal(str(self.params.tolerance))

    def _one_whole(self, document: Document, figures: FigureList) -> bool:
        if self._named_whole(document, figures) or self._whole_leads(document, figures):
            return True
        if len({c.metric for c in figures.items if c.metric}) > 1:
            return False  # "Turnout was 64%, and Smith won 52% of the votes cast"
        first = figures.items[0]
        sentence_end = document.source.prose.find(".", figures.items[-1].end)
        sentence = document.source.prose[first.sentence_start : sentence_end].lower()
        if not any(_has_word(sentence, w) for w in self.params.whole_words):
            return False
        if self._covers_whole(figures):
            return True  # "... and the remaining 21%": one whole, whatever the labels say
        return not any(
            _has_word(g.lower(), w) for g in figures.gaps for w in self.params.separate_wholes
        )

    def _answers_just_over(self, document: Document, figures: FigureList) -> bool:
        """Three answers or more to one question ('Asked about their last attempt to book,
        46% said ..., 31% ... and 27% ...') adding up to just over 100%."""
        items = figures.items
        if not _just_over(items):
            return False
        prose = document.source.prose
        start = items[0].sentence_start
        # "... asked 2,600 people. Of those, 46% said ...", "... followed a survey of 1,860
        # parents. According to the district, 54% favored ..."
        before = document.sentences_before(start, 1)
        start = before[-1] if before else start
        sentence = prose[start : items[-1].end].lower()
        return any(_has_word(sentence, w) for w in self.params.answer_words)

    def _named_whole(self, document: Document, figures: FigureList) -> bool:
        """'Property taxes will supply 47% of the city's revenue, user fees 22%, ...': the first
        share names its whole and no other share names another."""
        prose = document.source.prose
        first = figures.items[0]
        named = _OF_WHOLE.match(prose, first.end, first.end + 60)
        if named is None:
            return False
        # "52% of the vote in Leeds, 38% in York": a whole for each share
        after = [prose[named.end() : named.end() + 20]]
        after += [prose[c.end : c.end + 20] for c in figures.items[1:]]
        return not any(self._own_whole(text) for text in after)

    def _whole_leads(self, document: Document, figures: FigureList) -> bool:
        """'Of sales for the six months, domestic made up 45%, export 40% ...', 'Sales split as
        follows: domestic 45 pct, ...': the sentence opens with the whole the list divides, and
        no item names a whole of its own."""
        first = figures.items[0]
        lead = document.source.prose[first.sentence_start : first.start]
        if not (_OPENING_OF.match(lead) or _lead_before_colon().search(lead)):
            return False
        return not any(
            _has_word(g.lower(), w) for g in figures.gaps for w in self.params.separate_wholes
        )

    def _own_whole(self, text: str) -> bool:
        words = text.split()
        return bool(words) and words[0].lower() in ("of", *self.params.separate_wholes)

    def _covers_whole(self, figures: FigureList) -> bool:
        return any(_has_word(g.lower(), w) for g in figures.gaps for w in self.params.rest_words)

    def _finding(
        self, document: Document, figures: FigureList, whole: bool, column: bool = False
    ) -> Finding:
        """Reported on the list, or on a table column's first cell (a column spans rows)."""
        total = sum(c.value for c in figures.items)
        fields = {
            "shares": ", ".join(c.text for c in figures.items),
            "sum": f"{plain(total)}%",
            "arithmetic": " + ".join(plain(c.value) for c in figures.items) + f" = {plain(total)}%",
            "expected": "100%" if whole else "at most 100%",
        }
        first, last = figures.items[0], figures.items[-1]
        related = [(c.start, c.end, "a share") for c in figures.items[1:]]
        return self.finding(document, first.start, first.end if column else last.end, fields,
                            related)  # fmt: skip


# Three shares or more, the first of a whole it names ("41% of cases were in children under
# five, 33% in ..."), adding up to a little more than 100%: shares of one whole, misstated.
# Shares of several wholes ("52% in Leeds, 38% in York") add up to anything, rarely to just over.
_JUST_OVER = (Decimal(100), Decimal(115))
_OF = re.compile(r"\s*of\b", re.IGNORECASE)
_NAMES_ITS_WHOLE = re.compile(r"\s*of\s+(?:the\s+|its\s+|their\s+|all\s+)?[a-z]", re.IGNORECASE)


def _slightly_over(document: Document, figures: FigureList) -> bool:
    items = figures.items
    if not _just_over(items):
        return False
    prose = document.source.prose
    if not _NAMES_ITS_WHOLE.match(prose, items[0].end):
        return False
    # "38 pct of consumer loans, 50 pct of mortgage loans": a whole each
    return not any(_OF.match(prose, c.end) for c in items[1:])


def _just_over(items: tuple[Claim, ...]) -> bool:
    """Three stated shares or more, none a bound or a range, adding up to just over 100%."""
    if len(items) < 3 or any(c.qualifier or c.value_high is not None for c in items):
        return False
    return _JUST_OVER[0] < sum_range(items)[0] <= _JUST_OVER[1]


_OF_WHOLE = re.compile(
    r"\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:revenue|revenues|income|budget|spending|sales|vote|votes|seats|respondents|electorate"
    r"|population|workforce|total)\b",
    re.IGNORECASE,
)


_WHOLE_WORDS = (
    r"revenue|revenues|income|budget|spending|sales|turnover|vote|votes|seats|respondents"
    r"|electorate|population|workforce|total|output|production|exports|imports|portfolio|funds"
    r"|assets|market"
)
_WHOLE_NOUNS = f"(?:{_WHOLE_WORDS})"
# "Of sales for the six months to September, ...": a whole opens the sentence.
_OPENING_OF = re.compile(
    rf"^\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){{0,2}}?{_WHOLE_NOUNS}\b",
    re.IGNORECASE,
)


# "Sales split as follows: ...", "The breakdown of revenue: ...": the whole, then a colon.
@functools.cache
def _lead_before_colon() -> re.Pattern[str]:
    breakdown = "|".join(map(re.escape, load_lexicon().breakdown_words))
    return re.compile(
        rf"\b(?:{_WHOLE_WORDS}|{breakdown})\b[^.;:]*:\s*(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE
    )


_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+\S")


def _intro(index: LineIndex, first: int) -> str:
    """The nearest line with text above a list's first item."""
    line = first - 1
    while line >= 1 and not index.line_text(line).strip():
        line -= 1
    return index.line_text(line) if line >= 1 else ""


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
