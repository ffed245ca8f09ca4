"""A checked document: its source, its claims, its date, and how its currencies were read."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from checker.claims import Claim
from checker.findings import LineIndex, Location
from checker.nlp.lexicon import load_lexicon
from checker.nlp.pipeline import analyze_in_parts
from checker.nlp.sentences import TEXT
from checker.source import Source, line_word
from checker.tables import has_tables, is_table_row, with_table_readings

K = TypeVar("K")

_FIRST_LINE = re.compile(r"\s*([^\n]*\S)[ \t]*\n[ \t]*\n")
_TITLE_CHARS = 160

FRONT_MATTER = "front matter"
OPTION = "--date"
INFERRED = "inferred"
TODAY = "today"


@dataclass(frozen=True, slots=True)
class DocumentDate:
    date: dt.date
    source: str  # FRONT_MATTER, OPTION, INFERRED or TODAY
    reason: str  # for --verbose: why this date

    @property
    def stated(self) -> bool:
        return self.source in (FRONT_MATTER, OPTION)


@dataclass(frozen=True)
class Options:
    """What the command line (or a configuration) says about every document."""

    date: dt.date | None = None
    currencies: dict[str, str] = field(default_factory=dict)  # ambiguous symbol -> ISO code
    today: dt.date = field(default_factory=dt.date.today)
    date_label: str = "--date"  # where ``date`` was set, as the reader knows it


@dataclass(frozen=True)
class Document:
    source: Source
    lines: LineIndex
    claims: tuple[Claim, ...]
    date: DocumentDate
    notes: tuple[str, ...]  # how ambiguous currencies were read, for --verbose
    defaulted: frozenset[str] = frozenset()  # ambiguous symbols nothing in the text decided

    @property
    def path(self) -> str:
        return self.source.path

    def location(self, start: int, end: int) -> Location:
        return Location.from_offsets(self.path, self.lines, start, end)

    def claim_at(self, offset: int) -> Claim | None:
        return self._by_offset.get(offset)

    @functools.cached_property
    def _by_offset(self) -> dict[int, Claim]:
        return {c.start: c for c in self.claims}

    @property
    def line_word(self) -> str:
        """What a line of this document is called: a Word document's lines are paragraphs."""
        return line_word(self.source.format)

    @functools.cached_property
    def title(self) -> tuple[int, int]:
        """Where the headline is: the first line of text when a blank line follows it and it
        does not end a sentence ("JAPAN EXTENDS 24 BILLION YEN LOAN TO BANGLADESH", a Markdown
        "# ..." heading); (0, 0) when the text opens with a paragraph."""
        match = _FIRST_LINE.match(self.source.prose)
        if match is None or len(match.group(1)) > _TITLE_CHARS:
            return (0, 0)
        if match.group(1).rstrip().endswith((".", ":", ";", ",")):
            return (0, 0)
        return match.span(1)

    @functools.cached_property
    def _has_tables(self) -> bool:
        return has_tables(self.source)  # a scan of the whole text: once, not once per figure

    def in_table(self, claim: Claim) -> bool:
        """The figure is a cell of a Markdown table."""
        if not self._has_tables:
            return False
        return is_table_row(self.lines.line_text(self.lines.position(claim.start)[0]))

    def in_title(self, claim: Claim) -> bool:
        start, end = self.title
        return start <= claim.start < end

    def claim_rows(self) -> list[dict[str, Any]]:
        """One row per claim with what was read in it, as `numlint claims` prints them."""
        rows = []
        for claim in self.claims:
            line, column = self.lines.position(claim.start)
            rows.append(
                {
                    "path": self.path,
                    "line": line,
                    "column": column,
                    "text": claim.text,
                    "kind": claim.kind,
                    "value": claim.value_text(),
                    "unit": claim.unit or claim.counted,
                    "qualifier": claim.qualifier_text,
                    "measured": claim.measured_text(),
                    "scope": claim.scope_text + (" (inherited)" if claim.scope_inherited else ""),
                    "role": claim.role,
                }
            )
        return rows

    def line_of(self, claim: Claim) -> int:
        return self.lines.position(claim.start)[0]

    # Checks look claims up by position through these, so that a long document is not scanned
    # once per claim.

    def starting_in(self, start: int, end: int) -> tuple[Claim, ...]:
        """The claims that start at an offset in [start, end), in order."""
        starts = self._starts
        return self.claims[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def in_sentence(self, sentence_start: int) -> tuple[Claim, ...]:
        """The claims of the sentence that starts at ``sentence_start``, in order."""
        return self._by_sentence.get(sentence_start, ())

    def in_unit(self, unit: str) -> tuple[Claim, ...]:
        """The claims in ``unit`` (an ISO code, "%", a unit name), in order."""
        return self._by_unit.get(unit, ())

    def sentences_before(self, offset: int, count: int | None = None) -> list[int]:
        """The starts of the sentences with claims that start before ``offset``, in order; with
        ``count``, only the last ``count`` of them (without copying the rest)."""
        end = bisect.bisect_left(self._sentence_firsts, offset)
        start = 0 if count is None else max(0, end - count)
        return self._sentence_starts[start:end]

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [c.start for c in self.claims]

    @functools.cached_property
    def _by_sentence(self) -> dict[int, tuple[Claim, ...]]:
        return _grouped(self.claims, lambda claim: claim.sentence_start)

    @functools.cached_property
    def _by_unit(self) -> dict[str, tuple[Claim, ...]]:
        return _grouped(self.claims, lambda claim: claim.unit)

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return sorted(self._by_sentence)

    @functools.cached_property
    def _sentence_firsts(self) -> list[int]:
        """For each of ``_sentence_starts``, where its first claim starts."""
        return [self._by_sentence[s][0].start for s in self._sentence_starts]


def _grouped(claims: Iterable[Claim], key: Callable[[Claim], K]) -> dict[K, tuple[Claim, ...]]:
    """The claims by ``key``, each group in the claims' order."""
    groups: dict[K, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(key(claim), []).append(claim)
    return {value: tuple(group) for value, group in groups.items()}


def analyze_source(source: Source, options: Options) -> Document:
    resolver = CurrencyResolver(source, options)
    # An HTML file's figures are shown as its prose reads them ("¥100" for "&yen;100").
    original = source.prose if source.format == "html" else source.text
    claims = tuple(
        Claim.from_span(span, resolver.unit(span), original, offset)
        for offset, doc in analyze_in_parts(
            source.prose, lines_are_paragraphs=source.format == "docx"
        )
        for span in doc.spans["claims"]
    )
    lines = LineIndex(source.text)
    if has_tables(source):
        claims = with_table_readings(lines, claims)
    claims = _with_elided_currency(claims)
    claims = _with_elided_list_units(source.prose, claims)
    claims = _with_labelled_list_units(source.prose, claims)
    date = document_date(source, options, claims, lines)
    if date.source != TODAY:
        latest = _latest_years_of_parts(claims)
        claims = tuple(_with_absolute_year(c, date.date, latest) for c in claims)
    return Document(
        source, lines, claims, date, tuple(resolver.notes), frozenset(resolver.defaulted)
    )


def _with_elided_currency(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """'Revs 412.6 mln vs 488.1 mln', 'pretax profit 184.6 mln': a bare scaled figure of a money
    metric is money in the currency of the document's scaled amounts, when they have one."""
    scaled = Counter(
        c.unit for c in claims if c.kind == "money" and c.step >= _SCALED and c.equivalent_of < 0
    )
    if not scaled:
        return claims
    currency, count = scaled.most_common(1)[0]
    if count < _DOMINANT * sum(scaled.values()):
        return claims  # amounts in several currencies: which one is elided is not clear
    money_metrics = load_lexicon().money_metrics
    # "412 million for schools, 298 million for social welfare": beside an amount in the
    # currency, and no count of things its figure may belong to ("61 million passengers from 52
    # million")
    with_money = {c.sentence_start for c in claims if c.kind == "money" and c.unit == currency}
    with_money -= {c.sentence_start for c in claims if c.kind == "count" and c.counted}
    return tuple(
        dataclasses.replace(c, kind="money", unit=currency)
        if c.kind == "count"
        and not c.counted
        and not c.unit
        and c.step >= _SCALED
        and (c.metric in money_metrics or c.sentence_start in with_money)
        else c
        for c in claims
    )


def _with_elided_list_units(prose: str, claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """'total 487,000 tonnes, of which 107,000 are grains and 380,000 derivatives': bare
    figures listed after a whole's 'of which' or 'including' are in the whole's unit."""
    changed = list(claims)
    whole: Claim | None = None
    listing: bool | None = None  # None: not yet read for the current whole
    adopted = False
    for index, claim in enumerate(claims):
        if whole is not None and claim.sentence_start != whole.sentence_start:
            whole = None
        if whole is not None and listing is None:
            listing = _part_list_opener().search(prose, whole.end, claim.start) is not None
        bare = _bare(prose, claim)
        # "45,000 are grains and 149,000 derivatives": once a bare figure of the list takes the
        # unit, so do the others, the commodity named after them or not
        if whole is not None and listing and bare and (adopted or not claim.counted):
            changed[index] = dataclasses.replace(
                claim, kind=whole.kind, unit=whole.unit, counted=""
            )  # "derivatives" is what the tonnes are of, not a count
            adopted = True
        elif listing and claim.kind == "count":
            listing = False  # "including 120 posts": the list counts other things
        elif claim.kind in ("money", "quantity") and claim.equivalent_of < 0:
            whole, listing, adopted = claim, None, False
    return tuple(changed)


def _with_labelled_list_units(prose: str, claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """'Mexico took 412,300 tonnes, Japan 298,500, Colombia 176,400 and others 359,300 tonnes':
    bare figures listed after an amount, each after a comma or 'and' and a short label, are in
    its unit (when of its size: not '4.2 mln tonnes, Japan 2.1')."""
    changed = list(claims)
    leader: Claim | None = None
    previous: Claim | None = None
    for index, claim in enumerate(claims):
        same_sentence = previous is not None and claim.sentence_start == previous.sentence_start
        listed = same_sentence and _LABELLED_ITEM.match(prose, previous.end, claim.start)
        if (
            leader is not None
            and listed
            and _bare(prose, claim)
            and not claim.counted
            and _of_size(claim, leader)
        ):
            changed[index] = dataclasses.replace(claim, kind=leader.kind, unit=leader.unit)
        elif claim.kind in ("money", "quantity") and claim.equivalent_of < 0:
            leader = claim
        else:
            leader = None
        previous = claim
    return tuple(changed)


# Between two items of a labelled list: ", Japan ", " and other destinations ", ", South\nKorea ".
_LABELLED_ITEM = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:[A-Za-z][\w'’.-]*\s+){1,3}$")


def _bare(prose: str, claim: Claim) -> bool:
    """A count with no unit, not a compound's first half ('a 12-month ...')."""
    return claim.kind == "count" and not claim.unit and prose[claim.end : claim.end + 1] != "-"


def _of_size(claim: Claim, leader: Claim) -> bool:
    return (
        claim.value is not None
        and bool(leader.value)
        and Decimal("0.01") <= claim.value / leader.value <= 100
    )


@functools.cache
def _part_list_opener() -> re.Pattern[str]:
    """'of which', 'including' (lexicon part_list_openers), a word between them spaced freely."""
    phrases = (r"\s+".join(map(re.escape, p.split())) for p in load_lexicon().part_list_openers)
    return re.compile(rf"\b(?:{'|'.join(phrases)})\b", re.IGNORECASE)


_SCALED = 1000  # a figure written with a scale word ("mln") or rounded to thousands
_DOMINANT = 0.75


_RELATIVE_YEAR = re.compile(r"^(last|previous|this|current|next|coming) year\b")
_YEAR_OFFSET = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


def _latest_years_of_parts(claims: tuple[Claim, ...]) -> dict[str, int]:
    """For each part of a year the text names with its year ('Q2 2025' in a table's header),
    the latest such year: the one a bare 'second quarter' in the prose most likely means."""
    latest: dict[str, int] = {}
    for claim in claims:
        match = _PART_WITH_YEAR.match(claim.scope)
        if match is not None:
            year, part = int(match.group(1)), match.group(2)
            latest[part] = max(year, latest.get(part, year))
    return latest


_PART_WITH_YEAR = re.compile(r"^((?:19|20)\d\d)-([QH][1-4])\b")


def _with_absolute_year(claim: Claim, date: dt.date, latest: dict[str, int]) -> Claim:
    """'next year' in a 2022 article is 2023, the same period as 'for 2023' further on; 'the
    second quarter' is the latest one the text names with its year, or else, in an article of
    July 2025, the second quarter of 2025 (in one of February 2025, that of 2024; a forecast's,
    the next one not yet over); and any period after the article's year is a forecast, whether
    or not the sentence says 'expects'."""
    year = date.year
    scope = claim.scope
    match = _RELATIVE_YEAR.match(scope)
    if match is not None:
        scope = str(year + _YEAR_OFFSET[match.group(1)]) + scope[match.end() :]
    part = _YEARLESS_PART.match(scope)
    if part is not None and not claim.scope_inherited:
        months = _MONTHS_IN[part.group(1)[0]]
        last_month = months * int(part.group(1)[1])
        if part.group(1) in latest:  # "Q2 2025" named elsewhere in the text
            which = latest[part.group(1)]
        elif scope.endswith(_FORECAST):  # the next one not yet over
            which = year if last_month >= date.month else year + 1
        else:  # the last one begun
            which = year if last_month - months < date.month else year - 1
        scope = f"{which}-{part.group(1)}{scope[part.end() :]}"
    leading = _LEADING_YEAR.match(scope)
    if (
        leading is not None
        and int(leading.group()) > year
        and not scope.endswith(_FORECAST)
        and not claim.scope_inherited  # a period carried over is a guess, not a plan
    ):
        scope += _FORECAST
    return claim if scope == claim.scope else dataclasses.replace(claim, scope=scope)


_LEADING_YEAR = re.compile(r"^(?:19|20)\d\d(?!\d)")
_YEARLESS_PART = re.compile(r"^([QH][1-4])(?= \(forecast\)$|$)")  # "Q2", as the reader writes it
_MONTHS_IN = {"Q": 3, "H": 6}  # a quarter's and a half's months
_FORECAST = " (forecast)"


# -- the document's date ------------------------------------------------------------------------


def document_date(
    source: Source, options: Options, claims: tuple[Claim, ...], lines: LineIndex
) -> DocumentDate:
    stated = _front_matter_date(source.front_matter.get("date"))
    if stated is not None:
        return DocumentDate(stated, FRONT_MATTER, f"date {stated} from the front matter")
    if options.date is not None:
        return DocumentDate(options.date, OPTION, f"date {options.date} from {options.date_label}")
    full = [(c.date, c) for c in claims if c.kind == "date" and len(c.date) == 10]
    if full:
        latest, claim = max(full, key=lambda pair: pair[0])
        place = f"{line_word(source.format)} {lines.position(claim.start)[0]}"
        return DocumentDate(
            dt.date.fromisoformat(latest),
            INFERRED,
            f"date {latest} inferred from {claim.text!r} on {place}, the latest full date "
            f"in the text (give {options.date_label} or front matter 'date:' to set it)",
        )
    return DocumentDate(
        options.today,
        TODAY,
        f"no date in front matter, {options.date_label} or the text: using today, {options.today}",
    )


def _front_matter_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None
    return None


# -- ambiguous currencies -----------------------------------------------------------------------


_CODE = re.compile(r"\b[A-Z]{3}\b")
_CODE_AFTER = re.compile(r"\s*\(?\s*([A-Z]{3})\b")


@functools.cache
def _context_words() -> dict[str, str]:
    return {w: code for code, ws in load_lexicon().currency_context.items() for w in ws}


@functools.cache
def _context_pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(_context_words(), key=len, reverse=True))
    return re.compile(rf"(?<![\w$])(?:{alternatives})(?!\w)", re.IGNORECASE)


@functools.cache
def _dollar_name_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    return [
        (code, name, re.compile(rf"(?<!\w){re.escape(name)}(?!\w)"))
        for code, entry in load_lexicon().raw["currencies"].items()
        for name in entry["names"]
        if "dollar" in name or "dlr" in name
    ]


_BARE_DOLLARS = re.compile(r"(?<![\w$])\$\s?\d")
_CONVERSION_OPENING = re.compile(r"\(\s*(?:about |around |roughly |some |or )?$")


def _bracketed(text: str, offset: int) -> bool:
    """Whether the amount at ``offset`` opens a bracket: '(about $1 billion)', a conversion."""
    return _CONVERSION_OPENING.search(text, max(0, offset - 12), offset) is not None


@functools.cache
def _dollar_symbol_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """'A$', 'NZ$', 'US$' before an amount, for each dollar that '$' may stand for."""
    lexicon = load_lexicon()
    dollars = lexicon.ambiguous["$"].candidates
    return [
        (code, re.compile(rf"(?<![\w$]){re.escape(symbol)}\s?\d"))
        for code in dollars
        for symbol in lexicon.raw["currencies"][code]["symbols"]
        if symbol.endswith("$")
    ]


class CurrencyResolver:
    """Reads '$' and '¥' (and 'dollars', 'francs') from what the whole text says.

    A front matter 'currency:' or a configured default wins; else the currency whose context words
    (China, yuan, Tokyo, Australian ...) the text mentions most; else the lexicon's default.
    """

    def __init__(self, source: Source, options: Options) -> None:
        self.lexicon = load_lexicon()
        self.forced = dict(options.currencies)
        front = source.front_matter.get("currency")
        if isinstance(front, str):  # the article's own word wins over the configuration's
            self.forced = {"*": front.upper()}
        elif isinstance(front, dict):
            self.forced = {**self.forced, **{str(k): str(v).upper() for k, v in front.items()}}
        self.text = source.prose
        self.notes: list[str] = []
        self.defaulted: set[str] = set()
        self._decided: dict[str, str] = {}

    @functools.cached_property
    def mentions(self) -> Counter[str]:
        """How often the text names each currency's context words (read only when needed)."""
        by_word = _context_words()
        counts: Counter[str] = Counter()
        for match in _context_pattern().finditer(self.text):
            counts[by_word[match.group().lower()]] += 1
        return counts

    @functools.cached_property
    def dollar_names(self) -> Counter[str]:
        """Dollars are read only from explicit names: 'Australian dollars', 'U.S. dollars', or
        amounts written with a dollar's own symbol ('A$1.5 billion', 'NZ$38,500'). A bare '$'
        amount in brackets ('A$1.5 billion ($1 billion)') is a conversion into U.S. dollars."""
        counts: Counter[str] = Counter()
        lowered = self.text.lower()
        for code, name, pattern in _dollar_name_patterns():
            if name in lowered:
                counts[code] += len(pattern.findall(lowered))
        for code, pattern in _dollar_symbol_patterns():  # bracketed ones are conversions
            counts[code] += sum(
                not _bracketed(self.text, m.start()) for m in pattern.finditer(self.text)
            )
        counts["USD"] += sum(
            _bracketed(self.text, m.start()) for m in _BARE_DOLLARS.finditer(self.text)
        )
        return counts

    def unit(self, span) -> str | None:
        symbol = span._.currency_symbol
        if not symbol:
            return None
        text = span.doc.user_data.get(TEXT) or span.doc.text  # doc.text joins every token anew
        after = _CODE_AFTER.match(text, span.end_char)
        if after is not None:  # "¥35.1 billion (JPY, $294.8 million USD)"
            code = self.lexicon.iso_aliases.get(after.group(1), after.group(1))
            if code in self.lexicon.ambiguous[symbol].candidates:
                return code
        nearby = self._decided_nearby(symbol, text, span.start_char)
        if nearby:
            return nearby
        if symbol not in self._decided:
            self._decided[symbol] = self._decide(symbol)
        return self._decided[symbol]

    def _decided_nearby(self, symbol: str, text: str, offset: int) -> str:
        """The one candidate the amount's own paragraph names ("in Japan", "yen") in a text
        about several countries; '' when it names none or several, or the reading is set."""
        ambiguity = self.lexicon.ambiguous[symbol]
        if "USD" in ambiguity.candidates or self.forced.get(symbol) or self.forced.get("*"):
            return ""  # dollars are read only from their names; a set reading stands
        if not ambiguity.by_paragraph:
            return ""  # crowns: a Swedish buyer and a Danish seller, in one currency
        start = text.rfind("\n\n", 0, offset) + 1
        end = text.find("\n\n", offset) % (len(text) + 1)  # -1: to the end
        words = _context_words()
        named = {words[m.group().lower()] for m in _context_pattern().finditer(text, start, end)}
        named &= set(ambiguity.candidates)
        return named.pop() if len(named) == 1 else ""

    def _codes_written(self, candidates: Iterable[str]) -> set[str]:
        """The candidates whose ISO code (or an alias of it, RMB for CNY) the text writes."""
        aliases = self.lexicon.iso_aliases
        found = {aliases.get(m.group(), m.group()) for m in _CODE.finditer(self.text)}
        return found & set(candidates)

    def _decide(self, symbol: str) -> str:
        ambiguity = self.lexicon.ambiguous[symbol]
        forced = self.forced.get(symbol) or self.forced.get("*")
        if forced in ambiguity.candidates:
            self.notes.append(f"{symbol!r} read as {forced}: set by configuration or front matter")
            return forced
        written = self._codes_written(ambiguity.candidates)
        if len(written) == 1:  # "¥300 million (JPY, $2.5 million USD)"
            (code,) = written
            self.notes.append(f"{symbol!r} read as {code}: the text writes the code {code}")
            return code
        mentions = self.dollar_names if "USD" in ambiguity.candidates else self.mentions
        scores = {c: mentions[c] for c in ambiguity.candidates if mentions[c]}
        if scores:
            best = max(scores, key=lambda c: (scores[c], c == ambiguity.default))
            tied = sorted(c for c in scores if scores[c] == scores[best])
            if len(tied) > 1:  # "Nagoya-based", "in Tokyo", "Chinese customers": undecided
                self.defaulted.add(symbol)
                self.notes.append(
                    f"{symbol!r} read as {best}: the text mentions {' and '.join(tied)}-related "
                    f"words {scores[best]} time(s) each"
                )
                return best
            self.notes.append(
                f"{symbol!r} read as {best}: the text mentions {best}-related words "
                f"{scores[best]} time(s)"
            )
            return best
        self.defaulted.add(symbol)
        self.notes.append(
            f"{symbol!r} read as {ambiguity.default}: the default; "
            "nothing in the text says otherwise"
        )
        return ambiguity.default
