"""Kind `conversion`: a stated currency equivalence against the ECB reference rate.

"¥12 billion (approximately $1.7 billion)" is judged with the rates over a window of days up to the
document's date, or up to the date the text gives for the amount ("in 2015 it paid €10 million,
then about $11 million"). The text is right when the amounts it allows (its stated precision,
widened by a qualifier such as "approximately") meet the amounts the rates give. When it is wrong,
the message says by how much and, where it can tell, why: a power-of-ten slip, a wrong scale word,
a rate applied the wrong way round, another currency's rate, or an amount that matches another
figure in the document instead. Claims it cannot judge (a currency the ECB does not quote, a date
before 1999) get a note, shown with ``--verbose``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker import rates
from checker.amounts import far_apart, money_text, number_text, plain, significant
from checker.checks import register
from checker.checks.base import Check
from checker.checks.diagnosis import (
    close,
    deviation_text,
    mismatch_severity,
    overlaps,
    power_of_ten,
    stated_against,
)
from checker.claims import Claim
from checker.document import TODAY, Document
from checker.findings import Finding, Note
from checker.nlp.lexicon import load_lexicon

# Currencies whose rate is tried when a conversion fits none of the text's own currencies.
_MAJOR = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "HKD", "INR", "KRW", "SEK")
_THEN = re.compile(r"\bthen\b[^()\d]{0,20}$", re.IGNORECASE)
_AT_THE_TIME = re.compile(r"^[^.;()]{0,15}\b(at the time|at that time|then)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(1[89]\d\d|2[01]\d\d)(?:-(\d\d))?(?:-(\d\d))?$")
_SCALE_WORDS = ("thousand", "million", "billion", "trillion")
_NEAR = Decimal("0.05")  # how close a stated figure must be to a diagnosis's figure


@dataclass(frozen=True)
class ConversionParameters:
    rate_window_days: int = 14  # rates this many days before the date count too
    inferred_date_days_after: int = 90  # an inferred date is a lower bound: look this far after it
    tolerance: float = 0.02  # relative slack on top of stated precision and qualifiers
    error_above: float = 0.15  # relative deviation from which a mismatch is an error, not a warning
    stale_data_days: int = 60  # dates this long after the bundled rates end use the latest ones


@dataclass(frozen=True)
class _Window:
    start: dt.date
    end: dt.date
    on: dt.date
    reason: str  # "" for the document's date, else where the amount's own date came from


_MAX_DAYS = 36_525


@register
class ConversionCheck(Check):
    kind = "conversion"
    Parameters = ConversionParameters

    @classmethod
    def validate(cls, parameters: ConversionParameters) -> None:
        days = (parameters.rate_window_days, parameters.inferred_date_days_after)
        if min(*days, parameters.stale_data_days) < 0:
            raise ValueError("day windows cannot be negative")
        for name in ("rate_window_days", "inferred_date_days_after", "stale_data_days"):
            if getattr(parameters, name) > _MAX_DAYS:
                key = name.replace("_", "-")
                raise ValueError(f"'{key}' must be at most {_MAX_DAYS:,} days (a century)")
        if not 0 <= parameters.tolerance < 1:
            raise ValueError("'tolerance' must be between 0 and 1")
        if parameters.error_above <= 0:
            raise ValueError("'error-above' must be above 0")

    def run(self, document: Document) -> Iterator[Finding | Note]:
        past: str | None = None  # read once, at the first conversion
        for stated in document.claims:
            source = document.claim_at(stated.equivalent_of) if stated.equivalent_of >= 0 else None
            if source is None or not _is_money_pair(source, stated):
                continue
            past = _undated_past(document) if past is None else past
            result = self._judge(document, source, stated, past)
            if result is not None:
                yield result

    def _judge(
        self, document: Document, source: Claim, stated: Claim, past: str
    ) -> Finding | Note | None:
        own = _amount_date(document, source, stated)
        if past and own is None:
            return self.note(
                document, stated.start, stated.end,
                f"not checked: the text has no date and speaks of {past}, so today's rates would "
                "not apply (give --date or front matter 'date:')",
            )  # fmt: skip
        windows = self._windows(document, stated, own)
        readings = _readings(document, source, stated)
        judged = []
        for window in windows:
            for base, target in readings:
                found = rates.rate_range(
                    base, target, window.start, window.end, window.on, self.params.stale_data_days
                )
                if found is None:
                    continue
                if self._agrees(source, stated, found):
                    return None
                judged.append((found, window))
        if not judged:
            note = _why_not(source, stated, windows[0])
            return self.note(document, stated.start, stated.end, note)
        return self._report(document, source, stated, *judged[0])

    def _windows(self, document: Document, stated: Claim, own: _Window | None) -> list[_Window]:
        """The amount's own date if the text gives one; else the document's date and, when that
        was only inferred, the latest full date stated earlier in the paragraph."""
        if own is not None:
            return [own]
        date = document.date.date
        start = date - dt.timedelta(days=self.params.rate_window_days)
        after = 0 if document.date.stated else self.params.inferred_date_days_after
        windows = [_Window(start, date + dt.timedelta(days=after), date, "")]
        nearby = None if document.date.stated else _paragraph_date(document, stated)
        if nearby is not None and nearby != date:
            reason = f"the paragraph's date, {nearby.isoformat()}"
            windows.append(_Window(nearby - dt.timedelta(days=3), nearby, nearby, reason))
        return windows

    def _agrees(self, source: Claim, stated: Claim, window: rates.RateRange) -> bool:
        src_low, src_high = source.interval()
        low, high = src_low * window.low.rate, src_high * window.high.rate
        slack = Decimal(str(self.params.tolerance))
        return overlaps(stated.interval(round_figures=True), low, high, slack)

    def _report(
        self,
        document: Document,
        source: Claim,
        stated: Claim,
        found: rates.RateRange,
        window: _Window,
    ) -> Finding:
        rate = found.on_date
        expected = source.value * rate.rate
        severity = mismatch_severity(
            stated.value, expected, self.params.error_above, self.rule.severity
        )
        match = _matching_amount(document, source, stated, rate)
        diagnosis = _diagnosis(document, source, stated, rate, match)
        fields = {
            "source": source.text,
            "stated": stated.text,
            "expected": money_text(expected, rate.target, stated),
            "rate": _rate_text(rate),
            "rate_date": rate.date.isoformat(),
            "date_reason": window.reason or document.date.reason,
            "deviation": deviation_text(stated.value, expected),
            "diagnosis": "".join(f"; {reason}" for reason in diagnosis),
        }
        fields["arithmetic"] = _arithmetic(source, stated, rate, fields["expected"])
        related = []
        if match is not None:
            related.append((match.start, match.end, f"{stated.text} matches {match.text} here"))
        return self.finding(document, stated.start, stated.end, fields, related, severity)


def _is_money_pair(source: Claim, stated: Claim) -> bool:
    return (
        source.kind == stated.kind == "money"
        and source.value is not None
        and stated.value is not None
        and source.value > 0
        and stated.value > 0
        and not far_apart(source.value, stated.value)  # "1.297 billion, or 4.30 dlrs": a share
    )


def _readings(document: Document, source: Claim, stated: Claim) -> list[tuple[str, str]]:
    """The currency pairs to try: the resolved one first, then other readings of an ambiguous
    symbol that nothing in the text decided ("¥" with no mention of China or Japan)."""
    lexicon = load_lexicon()
    pairs = [(source.unit, stated.unit)]
    if source.unit == stated.unit and stated.currency_symbol in lexicon.ambiguous:
        # "10 million Australian dollars ($6.9 million)": the "$" is not the amount's own dollar
        pairs = [(source.unit, lexicon.ambiguous[stated.currency_symbol].default)]
    for claim, is_source in ((source, True), (stated, False)):
        symbol = claim.currency_symbol
        if not symbol or symbol not in document.defaulted or not lexicon.ambiguous[symbol].fit:
            continue
        for code in lexicon.ambiguous[symbol].candidates:
            pair = (code, stated.unit) if is_source else (source.unit, code)
            if pair not in pairs:
                pairs.append(pair)
    return [(base, target) for base, target in pairs if base != target]


def _amount_date(document: Document, source: Claim, stated: Claim) -> _Window | None:
    """The amount's own date when the text converts at the time: '(then about $11 million)',
    '$11 million at the time', with a date or year in the sentence."""
    text = document.source.text
    before = text[source.end : stated.start]
    after = text[stated.end : stated.end + 40]
    if not (_THEN.search(before) or _AT_THE_TIME.search(after)):
        return None
    for value in _sentence_dates(document, source):
        match = _YEAR.match(value)
        if match is None:
            continue
        year, month, day = (int(g) if g else 0 for g in match.groups())
        if day:
            on = dt.date(year, month, day)
            return _Window(on - dt.timedelta(days=3), on, on, f"the amount's date, {value}")
        first = dt.date(year, month or 1, 1)
        last = dt.date(year, month or 12, 28 if month else 31)
        return _Window(first, last, last, f"the amount's period, {value}")
    return None


def _paragraph_date(document: Document, stated: Claim) -> dt.date | None:
    """The last full date ('12 January 2009') before ``stated`` in its paragraph (a blank line
    ends one; in a Word document, every line is one)."""
    ends = "\n" if document.source.format == "docx" else "\n\n"
    paragraph = document.source.text.rfind(ends, 0, stated.start)
    found = None
    for claim in document.starting_in(paragraph + 1, stated.start):
        if claim.kind == "date":
            try:
                found = dt.date.fromisoformat(claim.date)
            except ValueError:
                continue
    return found


def _sentence_dates(document: Document, source: Claim) -> Iterator[str]:
    for claim in document.in_sentence(source.sentence_start):
        if claim.kind == "date" and claim.date:
            yield claim.date
    yield source.scope.removeprefix("FY")[:7]


def _undated_past(document: Document) -> str:
    """The latest year an undated text speaks of, when that is before last year: a 2019 report
    read today must not be converted at today's rates."""
    if document.date.source != TODAY:
        return ""
    years = [int(m) for c in document.claims for m in _ANY_YEAR.findall(f"{c.date} {c.scope}")]
    latest = max(years, default=None)
    if latest is None or latest >= document.date.date.year - 1:
        return ""
    return str(latest)


_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _why_not(source: Claim, stated: Claim, window: _Window) -> str:
    for claim in (source, stated):
        if not rates.known(claim.unit):
            return (
                f"not checked: the ECB reference rates do not include {claim.unit} ({claim.text})"
            )
    for claim in (source, stated):
        first, last = rates.bounds(claim.unit)
        if window.end < first or window.start > last:
            return (
                f"not checked: the ECB rates for {claim.unit} cover {first.isoformat()} to "
                f"{last.isoformat()}, not {window.on.isoformat()}"
            )
    return "not checked: no ECB rate for these currencies on that date"


def _rate_text(quote: rates.Quote) -> str:
    """'7.19 CNY per USD' rather than '0.139 USD per CNY': the way rates are quoted in print."""
    value, label = _quoted(quote)
    return f"{number_text(value, digits=4)} {label}"


def _quoted(quote: rates.Quote) -> tuple[Decimal, str]:
    """The rate as print quotes it, at least 1, and its label: (7.19..., 'CNY per USD')."""
    if quote.rate < 1:
        return 1 / quote.rate, f"{quote.base} per {quote.target}"
    return quote.rate, f"{quote.target} per {quote.base}"


def _arithmetic(source: Claim, stated: Claim, rate: rates.Quote, expected: str) -> str:
    """'¥100 billion ÷ 6.9063 CNY per USD = $14.5 billion (ECB rate of 2019-05-21); stated
    $1.457 billion, 90% less': the rate quoted as in the message, with five significant digits
    so that the division checks out, and divided by when it is quoted the other way round."""
    value, label = _quoted(rate)
    operator = "÷" if rate.rate < 1 else "×"
    return (
        f"{source.text} {operator} {plain(significant(value, 5))} {label} = {expected} "
        f"(ECB rate of {rate.date.isoformat()}); {stated_against(stated, source.value * rate.rate)}"
    )


def _diagnosis(
    document: Document, source: Claim, stated: Claim, rate: rates.Quote, match: Claim | None
) -> list[str]:
    """What probably went wrong, in words an editor can act on."""
    reasons = []
    expected = source.value * rate.rate
    slip = power_of_ten(stated.value, expected)
    if slip:
        reasons.append(_scale_word_slip(stated, expected) or slip)
    elif close(stated.value, source.value / rate.rate, _NEAR):
        reasons.append("the rate was applied the wrong way round")
    else:
        other = _other_currency(source, stated, rate.date)
        if other:
            reasons.append(other)
    if match is not None:
        where = "in paragraph" if document.line_word == "paragraph" else "on line"
        reasons.append(f"{stated.text} matches {match.text} {where} {document.line_of(match)}")
    return reasons


def _scale_word_slip(stated: Claim, expected: Decimal) -> str:
    """'million should be billion': a thousandfold slip in a figure written with a scale word."""
    written = next((w for w in _SCALE_WORDS if w in stated.text.lower()), "")
    ratio = stated.value / expected
    if not written or not (Decimal("0.0008") < ratio < Decimal("0.0012") or 800 < ratio < 1200):
        return ""
    index = _SCALE_WORDS.index(written) + (1 if ratio < 1 else -1)
    if not 0 <= index < len(_SCALE_WORDS):
        return ""
    return f"'{written}' should be '{_SCALE_WORDS[index]}'"


def _other_currency(source: Claim, stated: Claim, date: dt.date) -> str:
    """'the rate of EUR, not GBP': the stated figure fits another currency's rate."""
    for code in _MAJOR:
        if code in (source.unit, stated.unit):
            continue
        other = rates.quote(code, stated.unit, date)
        if other is not None and close(stated.value, source.value * other.rate, Decimal("0.015")):
            return f"that is the {code} rate, not the {source.unit} rate"
    return ""


def _matching_amount(
    document: Document, source: Claim, stated: Claim, rate: rates.Quote
) -> Claim | None:
    """Another amount in the source currency that the stated conversion fits."""
    implied = stated.value / rate.rate
    for claim in document.in_unit(source.unit):
        if claim is source or claim.kind != "money":
            continue
        if claim.value is None or claim.equivalent_of >= 0:
            continue
        low, high = claim.interval()
        if low * Decimal("0.97") <= implied <= high * Decimal("1.03"):
            return claim
    return None
