"""Dates and time expressions, found with Matcher patterns kept in data/time_patterns.yaml.

Dates go to ``doc.spans["dates"]`` (``_.date`` is "2019-03-31", "2019-03" or "--03-31"), periods and
points that scope a figure to ``doc.spans["scopes"]`` (``_.period`` is a normalised key such as
"2019-Q1", "FY2019", "5 years", "as of 2019-03-31").
"""

from __future__ import annotations

import calendar
import functools
import itertools
import re
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from checker import __version__, datacache
from checker.nlp.anchored import AnchoredMatcher
from checker.nlp.lexical import NUMERIC_SENTENCES
from checker.nlp.lexicon import Lexicon, load_lexicon
from checker.nlp.tokens import tokens_with

DATES = "dates"
SCOPES = "scopes"
TABLE_BLOCK = "table block: "  # the period of a header line over the rows of a results table
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4}  # fmt: skip
_YEAR = re.compile(r"^(1[89]\d\d|2[01]\d\d)$")
_SHORT_YEAR = re.compile(r"(\d{2}|\d{4})$")
_UNDOTTED_NAMES = {"sun", "sat"}  # weekdays only when written "Sun." or "Sat."
_JOINERS = {"-", "–", "—", "/"}


@functools.cache
def load_time_patterns() -> dict[str, Any]:
    path = resources.files("checker.nlp.data").joinpath("time_patterns.yaml")
    return datacache.kept("time-patterns", Path(str(path)), __version__, lambda: _parse(path))


def _parse(path: Traversable) -> dict[str, Any]:
    import yaml  # imported when needed: the parsed patterns are usually read from the data cache

    return yaml.safe_load(path.read_text("utf-8"))


def _resolve(pattern: Any, tokens: dict[str, Any], lexicon: Lexicon) -> Any:
    """Replace "$NAME" and "$list:NAME" placeholders in a pattern with their definitions."""
    if isinstance(pattern, str) and pattern.startswith("$list:"):
        words = getattr(lexicon, pattern.removeprefix("$list:"))
        return sorted({*words, *(f"{w}." for w in words if len(w) <= 4)})
    if isinstance(pattern, str) and pattern.startswith("$"):
        return _resolve(tokens[pattern[1:]], tokens, lexicon)
    if isinstance(pattern, list):
        return [_resolve(p, tokens, lexicon) for p in pattern]
    if isinstance(pattern, dict):
        return {k: _resolve(v, tokens, lexicon) for k, v in pattern.items()}
    return pattern


@Language.factory("numlint_times")
def make_times(nlp: Language, name: str) -> TimeFinder:
    return TimeFinder(nlp, load_lexicon())


class TimeFinder:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        data = load_time_patterns()
        self.lexicon = lexicon
        self.dates = AnchoredMatcher(nlp.vocab, nlp.Defaults.stop_words)
        self.scopes = AnchoredMatcher(nlp.vocab, nlp.Defaults.stop_words)
        for group, matcher in (("dates", self.dates), ("scopes", self.scopes)):
            for label, patterns in data[group].items():
                matcher.add(label, _resolve(patterns, data["tokens"], lexicon), greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        dates: list[Span] = []
        scopes: list[Span] = []
        for sentence in doc.spans.get(NUMERIC_SENTENCES, []):
            dates.extend(self._dates(sentence))
            scopes.extend(self._scopes(sentence))
        for header in _header_lines(doc):
            for scope in self._scopes(header):  # "Year", "Nine mths" over a results table
                scope._.period = f"{TABLE_BLOCK}{scope._.period}"
                scopes.append(scope)
        doc.spans[DATES] = sorted(dates)
        doc.spans[SCOPES] = sorted(scopes)
        return doc

    def _dates(self, sentence: Span) -> list[Span]:
        found = []
        for span in filter_spans(self.dates(sentence)):
            span = self._without_loose_weekday(span)
            date, weekday = self._date_value(span)
            if date:
                span._.date = date
                span._.weekday = weekday
                found.append(span)
        return found

    def _scopes(self, sentence: Span) -> list[Span]:
        found = []
        for span in filter_spans(self.scopes(sentence)):
            scope = "" if _point_in_year(span, self.lexicon) else self._scope_value(span)
            if scope:
                span._.period = scope
                found.append(span)
        return found

    def _without_loose_weekday(self, span: Span) -> Span:
        """'June 12, a Thursday' names the date's weekday; 'June 12, a Thursday-night vote' or
        'a Thursday meeting' does not: a weekday after the date must end the phrase. 'The Sun,
        June 12' is a newspaper: an undotted 'Sun' or 'Sat' is left out."""
        first, last = span[0], span[-1]
        if self._weekday_word(first) and not self._weekday(first):
            start = next(t.i for t in span[1:] if not t.is_punct)
            return span.doc[start : span.end - (last.text == ")")]
        if not self._weekday(last) or self._weekday_word(first):
            return span
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is None or (after.is_punct and after.text not in _JOINERS):
            return span
        cut = max(t.i for t in span if t.text in (",", "("))
        return span.doc[span.start : cut]

    def _weekday_word(self, token: Token) -> bool:
        return token.is_title and token.lower_.rstrip(".") in self.lexicon.weekdays

    def _weekday(self, token: Token) -> str:
        """The weekday ``token`` names ("Thu." -> "Thursday"), or ""."""
        word = token.lower_.rstrip(".")
        if not self._weekday_word(token) or (word in _UNDOTTED_NAMES and not _dotted(token)):
            return ""
        return calendar.day_name[self.lexicon.weekdays[word]]

    def _date_value(self, span: Span) -> tuple[str, str]:
        year = month = day = 0
        weekday = ""
        for token in span:
            word = token.lower_.rstrip(".")
            if self._weekday_word(token):
                weekday = self._weekday(token)
            elif token.is_title and word in self.lexicon.months and not month:
                month = self.lexicon.months[word]
            elif _YEAR.match(token.text) and not year:
                year = int(token.text)
            elif token.text[:2].isdigit() or token.text[:1].isdigit():
                number = int(re.match(r"\d+", token.text).group())
                if span.label_ == "DATE_ISO" and not month:
                    month = number
                else:
                    day = number
        if not month or (day and day > calendar.monthrange(year or 2000, month)[1]):
            return "", ""
        if year and day:
            return f"{year:04d}-{month:02d}-{day:02d}", weekday
        if year:
            return f"{year:04d}-{month:02d}", weekday
        return (f"--{month:02d}-{day:02d}", weekday) if day else ("", "")

    def _scope_value(self, span: Span) -> str:
        label = span.label_
        words = [t.lower_ for t in span]
        year = _year_in(span)
        if label == "QUARTER":
            number = _number_in(span, words, "q")
            return _join(year, f"Q{number}" if number else "quarter")
        if label == "HALF":
            number = _number_in(span, words, "h")
            return _join(year, f"H{number}" if number else "half")
        if label == "NINE_MONTHS":
            return _join(year, "9M")
        if label == "FISCAL_YEAR":
            return f"FY{year}" if year else "fiscal year"
        if label == "YEAR":
            prep = words[0]
            return f"{prep} {year}" if prep in ("since", "by", "until", "before", "after") else year
        if label == "YEARS":
            first, last = (t.text for t in span if _YEAR.match(t.text))
            return f"{first}-{last}"
        if label == "MONTHS":
            months = self._months_in(words)
            return _join(year, _months_part(months[0], months[-1]))
        if label == "MONTH":
            month = self._months_in(words)[0]  # after "in", "for", "since", ...
            if year:
                return f"{year}-{month:02d}"
            return "this year" if words[0] == "since" and month == 1 else f"month {month:02d}"
        if label == "FULL_YEAR":
            return "full year"
        if label == "YEAR_TO_DATE":
            return "year to date"
        if label == "RELATIVE":
            return " ".join(words).replace("current year", "this year")
        if label == "SPAN":
            return _span_scope(span, words)
        if label == "AS_OF":
            return "as of " + " ".join(
                w for w in words if w not in ("as", "of", "at", "the", "end")
            )
        return " ".join(words)  # UNRESOLVED: "the quarter"

    def _months_in(self, words: list[str]) -> list[int]:
        """The numbers of the months the words name ('Sept.' is 9), in order."""
        months = self.lexicon.months
        return [months[w.rstrip(".")] for w in words if w.rstrip(".") in months]


def _months_part(first: int, last: int) -> str:
    """The part of a year from one month to another: 'Q1' for January to March, 'H1' for January
    to June, '9M', 'full year', or 'M02-M05' for months that make no named part."""
    if first == 1 and last == 12:
        return "full year"
    if first == 1 and last == 9:
        return "9M"
    if last - first == 5 and first in (1, 7):
        return f"H{1 + first // 7}"
    if last - first == 2 and first % 3 == 1:
        return f"Q{1 + first // 3}"
    return f"M{first:02d}-M{last:02d}"


def _header_lines(doc: Doc) -> list[Span]:
    """One- or two-word lines such as 'Year' or 'Nine mths', with the line breaks around them."""
    spaces = tokens_with(doc, IS_SPACE)
    found = []
    for i, end in itertools.pairwise(spaces):
        if i + 2 < len(doc) and end <= i + 3 and "\n" in doc[i].text and "\n" in doc[end].text:
            found.append(doc[i : end + 1])
    return found


def _dotted(token: Token) -> bool:
    following = token.i + 1
    return token.text.endswith(".") or (
        following < len(token.doc) and token.doc[following].text == "."
    )


def _year_in(span: Span) -> str:
    for token in span:
        if _YEAR.match(token.text):
            return token.text
        split = re.match(r"^(\d{4})/\d{2}$", token.text)  # "1985/86"
        if split:
            return split.group(1)
        match = re.match(r"^(?:Q[1-4]|[1-4]Q|H[12]|[12]H|FY|F)(\d{2}|\d{4})$", token.text)
        if match:
            digits = match.group(1)
            return digits if len(digits) == 4 else f"20{digits}"
    return ""


def _number_in(span: Span, words: list[str], letter: str) -> int:
    for word in words:
        if word in _ORDINAL:
            return _ORDINAL[word]
        match = re.match(rf"^(?:{letter}([1-4])|([1-4]){letter})", word)
        if match:
            return int(match.group(1) or match.group(2))
    return 0


def _join(year: str, period: str) -> str:
    return f"{year}-{period}" if year else period


def _span_scope(span: Span, words: list[str]) -> str:
    from checker.nlp.numbers import DIGITS

    lexicon = load_lexicon()
    amount = ""
    for token in span:
        if DIGITS.match(token.text):
            amount = token.text
        elif token.lower_ in lexicon.unit_words:
            amount = str(lexicon.unit_words[token.lower_])
    unit = words[-1].rstrip("s")
    past = any(w in ("past", "last", "previous") for w in words)
    return f"{'past ' if past else ''}{amount} {unit}s"


def _point_in_year(span: Span, lexicon: Lexicon) -> bool:
    """'the spring of 2027', 'the end of 2026', 'earlier in the year': a time within the year,
    not a period a figure covers (nor one that later figures carry over)."""
    doc = span.doc
    if span.label_ == "UNRESOLVED" and span.start >= 2 and doc[span.start - 1].lower_ == "in":
        return doc[span.start - 2].lower_ in lexicon.times_in_a_period  # "earlier in the year"
    if span.label_ != "YEAR" or span[0].lower_ != "of" or span.start == 0:
        return False
    return doc[span.start - 1].lower_ in lexicon.points_in_a_year
