"""Kind `conversion`: a stated currency equivalence against the ECB reference rate.

"¥12 billion (approximately $1.7 billion)" is judged with the rates over a window of days up to the
document's date: the text is right when the amounts it allows (its stated precision, widened by a
qualifier such as "approximately") meet the amounts the rates give. When it is wrong, the message
says by how much and, where it can tell, why: a power-of-ten slip, or an amount that matches
another figure in the document instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker import rates
from checker.amounts import money_text, number_text
from checker.checks import register
from checker.checks.base import Check
from checker.claims import Claim
from checker.document import Document
from checker.findings import Finding, Severity
from checker.nlp.lexicon import load_lexicon


@dataclass(frozen=True)
class ConversionParameters:
    rate_window_days: int = 14  # rates this many days before the date count too
    inferred_date_days_after: int = 90  # an inferred date is a lower bound: look this far after it
    tolerance: float = 0.02  # relative slack on top of stated precision and qualifiers
    error_above: float = 0.15  # relative deviation from which a mismatch is an error, not a warning


@register
class ConversionCheck(Check):
    kind = "conversion"
    Parameters = ConversionParameters

    @classmethod
    def validate(cls, parameters: ConversionParameters) -> None:
        if parameters.rate_window_days < 0 or parameters.inferred_date_days_after < 0:
            raise ValueError("day windows cannot be negative")
        if not 0 <= parameters.tolerance < 1:
            raise ValueError("'tolerance' must be between 0 and 1")

    def run(self, document: Document) -> Iterator[Finding]:
        for stated in document.claims:
            source = document.claim_at(stated.equivalent_of) if stated.equivalent_of >= 0 else None
            if source is None or not _is_money_pair(source, stated):
                continue
            finding = self._judge(document, source, stated)
            if finding is not None:
                yield finding

    def _window(self, document: Document) -> tuple[dt.date, dt.date]:
        date = document.date.date
        start = date - dt.timedelta(days=self.params.rate_window_days)
        after = 0 if document.date.stated else self.params.inferred_date_days_after
        return start, date + dt.timedelta(days=after)

    def _judge(self, document: Document, source: Claim, stated: Claim) -> Finding | None:
        start, end = self._window(document)
        candidates = _readings(document, source, stated)
        judged = []
        for base, target in candidates:
            window = rates.rate_range(base, target, start, end, document.date.date)
            if window is None:
                continue
            if self._agrees(source, stated, window):
                return None
            judged.append((base, target, window))
        if not judged:
            return None  # no rates for these currencies on that date: not judged
        base, target, window = judged[0]
        return self._report(document, source, stated, window)

    def _agrees(self, source: Claim, stated: Claim, window: rates.RateRange) -> bool:
        src_low, src_high = source.interval()
        low = src_low * window.low.rate
        high = src_high * window.high.rate
        stated_low, stated_high = stated.interval()
        slack = Decimal(str(self.params.tolerance))
        return stated_low <= high * (1 + slack) and stated_high >= low * (1 - slack)

    def _report(
        self, document: Document, source: Claim, stated: Claim, window: rates.RateRange
    ) -> Finding:
        rate = window.on_date
        expected = source.value * rate.rate
        deviation = abs(stated.value / expected - 1) if expected else Decimal(1)
        severity = (
            Severity.ERROR
            if deviation >= Decimal(str(self.params.error_above))
            else Severity.WARNING
        )
        diagnosis = _diagnosis(document, source, stated, rate)
        fields = {
            "source": source.text,
            "stated": stated.text,
            "expected": money_text(expected, rate.target, stated),
            "rate": _rate_text(rate),
            "rate_date": rate.date.isoformat(),
            "date_reason": document.date.reason,
            "deviation": f"{(stated.value / expected - 1) * 100:+.0f}%" if expected else "",
            "diagnosis": f"; {diagnosis}" if diagnosis else "",
        }
        related = []
        match = _matching_amount(document, source, stated, rate)
        if match is not None:
            related.append((match.start, match.end, f"{stated.text} matches {match.text} here"))
        severity = (
            max(severity, self.rule.severity) if self.rule.severity == Severity.INFO else severity
        )
        return self.finding(document, stated.start, stated.end, fields, related, severity)


def _rate_text(quote: rates.Quote) -> str:
    """'7.19 CNY per USD' rather than '0.139 USD per CNY': the way rates are quoted in print."""
    if quote.rate < 1:
        return f"{number_text(1 / quote.rate, digits=4)} {quote.base} per {quote.target}"
    return f"{number_text(quote.rate, digits=4)} {quote.target} per {quote.base}"


def _is_money_pair(source: Claim, stated: Claim) -> bool:
    return (
        source.kind == stated.kind == "money"
        and source.unit != stated.unit
        and source.value is not None
        and stated.value is not None
        and source.value > 0
        and stated.value > 0
    )


def _readings(document: Document, source: Claim, stated: Claim) -> list[tuple[str, str]]:
    """The currency pairs to try: the resolved one first, then other readings of an ambiguous
    symbol that nothing in the text decided ("¥" with no mention of China or Japan)."""
    pairs = [(source.unit, stated.unit)]
    lexicon = load_lexicon()
    for claim, is_source in ((source, True), (stated, False)):
        symbol = claim.currency_symbol
        if not symbol or symbol not in document.defaulted or not lexicon.ambiguous[symbol].fit:
            continue
        for code in lexicon.ambiguous[symbol].candidates:
            pair = (code, stated.unit) if is_source else (source.unit, code)
            if pair not in pairs and pair[0] != pair[1]:
                pairs.append(pair)
    return pairs


_TIMES = {1: "ten", 2: "a hundred", 3: "a thousand"}


def _diagnosis(document: Document, source: Claim, stated: Claim, rate: rates.Quote) -> str:
    """What probably went wrong, in words an editor can act on."""
    reasons = []
    ratio = stated.value / (source.value * rate.rate)
    for power in (1, 2, 3, -1, -2, -3):
        if abs(ratio / Decimal(10) ** power - 1) < Decimal("0.12"):
            size = "large" if power > 0 else "small"
            reasons.append(f"{_TIMES[abs(power)]} times too {size}, a power-of-ten slip")
            break
    else:
        if abs(stated.value / (source.value / rate.rate) - 1) < Decimal("0.05"):
            reasons.append("the rate was applied the wrong way round")
    match = _matching_amount(document, source, stated, rate)
    if match is not None:
        reasons.append(f"{stated.text} matches {match.text} on line {document.line_of(match)}")
    return "; ".join(reasons)


def _matching_amount(
    document: Document, source: Claim, stated: Claim, rate: rates.Quote
) -> Claim | None:
    """Another amount in the source currency that the stated conversion fits."""
    implied = stated.value / rate.rate
    for claim in document.claims:
        if claim is source or claim.kind != "money" or claim.unit != source.unit:
            continue
        if claim.value is None or claim.equivalent_of >= 0:
            continue
        low, high = claim.interval()
        if low * Decimal("0.97") <= implied <= high * Decimal("1.03"):
            return claim
    return None
