"""Kind `unit_conversion`: a stated equivalence between physical units, checked with pint.

"a 120-kilometre (75-mile) road", "31°C (88°F)", "(185 km/h; 115 mph)", "2,500 hectares, or about
6,200 acres". The text is right when the values its wording allows (stated precision on both sides,
widened by a qualifier such as "about") overlap. A change converts as a difference: a rise of 2 °C
is a rise of 3.6 °F. When the figure is wrong the message gives the right one and, where it can
tell, why: a power-of-ten slip, a conversion done the wrong way round, or a temperature converted
as a difference (or a difference as a temperature).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker import units
from checker.amounts import plain, significant
from checker.checks import register
from checker.checks.base import Check
from checker.checks.diagnosis import (
    close,
    deviation_text,
    mismatch_severity,
    overlaps,
    power_of_ten,
    round_like,
    stated_against,
)
from checker.claims import Claim
from checker.document import Document
from checker.findings import Finding

_NEAR = Decimal("0.03")  # how close a stated figure must be to a diagnosis's figure


@dataclass(frozen=True)
class UnitConversionParameters:
    tolerance: float = 0.01  # relative slack on top of stated precision and qualifiers
    error_above: float = 0.1  # relative deviation from which a mismatch is an error, not a warning


_RELATIVE = re.compile(
    r"\)?\s*(?:above|below|warmer|cooler|colder|hotter|higher|lower|more|less|over|under)\b",
    re.IGNORECASE,
)


def _relative_to_a_level(document: Document, stated: Claim) -> bool:
    """'1.5°C (2.7°F) above pre-industrial levels': a temperature difference."""
    return bool(_RELATIVE.match(document.source.prose, stated.end))


@register
class UnitConversionCheck(Check):
    kind = "unit_conversion"
    Parameters = UnitConversionParameters

    @classmethod
    def validate(cls, parameters: UnitConversionParameters) -> None:
        if not 0 <= parameters.tolerance < 1:
            raise ValueError("'tolerance' must be between 0 and 1")
        if parameters.error_above <= 0:
            raise ValueError("'error-above' must be above 0")

    def run(self, document: Document) -> Iterator[Finding]:
        for stated in document.claims:
            source = document.claim_at(stated.equivalent_of) if stated.equivalent_of >= 0 else None
            if source is None or not _is_unit_pair(source, stated):
                continue
            finding = self._judge(document, source, stated)
            if finding is not None:
                yield finding

    def _judge(self, document: Document, source: Claim, stated: Claim) -> Finding | None:
        difference = (
            source.role == "change"
            or stated.role == "change"
            or _relative_to_a_level(document, stated)
        )
        best: tuple[Decimal, str, str] | None = None
        for unit in units.readings(source.unit):
            for target in units.readings(stated.unit):
                expected = units.convert(source.value, unit, target, difference)
                if expected is None:
                    continue
                if self._agrees(source, stated, unit, target, difference):
                    return None
                best = (expected, unit, target) if best is None else best
        if best is None:
            return None  # units of different dimensions: not a conversion
        return self._report(document, source, stated, best, difference)

    def _agrees(
        self, source: Claim, stated: Claim, unit: str, target: str, difference: bool
    ) -> bool:
        low, high = source.interval()
        ends = [units.convert(v, unit, target, difference) for v in (low, high) if v.is_finite()]
        if len(ends) < 2 or None in ends:
            return True  # an open-ended figure ("more than 40 km") cannot be judged
        slack = Decimal(str(self.params.tolerance))
        return overlaps(stated.interval(round_figures=True), min(ends), max(ends), slack)

    def _report(
        self,
        document: Document,
        source: Claim,
        stated: Claim,
        best: tuple[Decimal, str, str],
        difference: bool,
    ) -> Finding:
        expected, unit, target = best
        fields = {
            "source": source.text,
            "stated": stated.text,
            "expected": _written_like(stated, round_like(expected, stated)),
            "deviation": deviation_text(stated.value, expected),
            "diagnosis": _diagnosis(source, stated, expected, difference),
        }
        formula = _formula(source.value, unit, target, difference)
        fields["arithmetic"] = (
            f"{formula} = {fields['expected']}; {stated_against(stated, expected)}"
        )
        severity = mismatch_severity(
            stated.value, expected, self.params.error_above, self.rule.severity
        )
        return self.finding(document, stated.start, stated.end, fields, (), severity)


def _is_unit_pair(source: Claim, stated: Claim) -> bool:
    return (
        source.kind == stated.kind == "quantity"
        and source.unit != stated.unit
        and source.value is not None
        and stated.value is not None
        and units.dimension(source.unit) != ""
        and units.dimension(source.unit) == units.dimension(stated.unit)
    )


def _diagnosis(source: Claim, stated: Claim, expected: Decimal, difference: bool) -> str:
    other = units.convert(source.value, source.unit, stated.unit, not difference)
    if other is not None and other != expected and close(stated.value, other, _NEAR):
        if difference:
            return "; converted as a temperature, but a change converts as a difference"
        return "; converted as a temperature difference, but this is a temperature"
    slip = power_of_ten(stated.value, expected)
    if slip:
        return f"; {slip}"
    backwards = units.convert(source.value, stated.unit, source.unit, difference)
    if backwards and close(stated.value, backwards, _NEAR):
        return "; converted the wrong way round"
    return ""


def _formula(value: Decimal, unit: str, target: str, difference: bool) -> str:
    """'120 km × 0.62137 mi per km', '31°C × 1.8 + 32': the conversion, a factor and an offset
    read off pint's conversion of 1 and 0."""
    zero = units.convert(Decimal(0), unit, target, difference) or Decimal(0)
    factor = (units.convert(Decimal(1), unit, target, difference) or Decimal(0)) - zero
    start, to = units.symbol(unit), units.symbol(target)
    gap = "" if start.startswith("°") else " "
    if not zero:
        per = _SINGULAR.get(start, start)
        return f"{plain(value)}{gap}{start} × {_digits(factor)} {to} per {per}"
    sign = "+" if zero > 0 else "-"
    return f"{plain(value)}{gap}{start} × {_digits(factor)} {sign} {_digits(abs(zero))}"


def _digits(value: Decimal) -> str:
    return plain(significant(value, 5))


# units.symbol's plural labels, after "per"
_SINGULAR = {
    "tonnes": "tonne",
    "short tons": "short ton",
    "long tons": "long ton",
    "barrels": "barrel",
}


def _written_like(stated: Claim, value: str) -> str:
    """'74.6-mile' for '75-mile', '87.8°F' for '88°F', '115 mph' for '120 mph'."""
    text, unit_text = stated.text, stated.unit_text
    at = text.lower().rfind(unit_text.lower()) if unit_text else -1
    if at <= 0 or "-" in text or text[at + len(unit_text) :].strip():
        # "75-mile" reads better as "74.6 mi"; "19 ft 8 in" as "26.2 ft"
        return f"{value} {units.symbol(stated.unit)}"
    start = at
    while start > 0 and not text[start - 1].isdigit():
        start -= 1
    return value + text[start:]
