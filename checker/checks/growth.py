"""Kind `growth`: a stated percentage change against the two levels it connects.

"Revenue rose 12% to €84 million from €70 million": 84 / 70 is +20.0%, so the 12% is wrong (or one
of the levels is). Every figure is read with its stated precision, so correct rounded figures never
fire: "35.4% to 2.6 billion from 2.0 billion" allows anything from +24.4% to +35.9%.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from checker.amounts import number_text, plain
from checker.checks import register
from checker.checks.base import Check
from checker.claims import Claim
from checker.document import Document
from checker.findings import Finding

_HUNDRED = Decimal(100)
# A change stated on another basis than the levels around it.
_OTHER_BASIS = (
    "comparable", "same-store", "same store", "like-for-like", "like for like", "organic",
    "constant currenc", "constant dollar", "underlying", "adjusted",
)  # fmt: skip


@dataclass(frozen=True)
class GrowthParameters:
    tolerance: float = 0.5  # slack in percentage points: wire copy truncates (25.5% as 25%)


@register
class GrowthCheck(Check):
    kind = "growth"
    Parameters = GrowthParameters

    @classmethod
    def validate(cls, parameters: GrowthParameters) -> None:
        if parameters.tolerance < 0:
            raise ValueError("'tolerance' cannot be negative")

    def run(self, document: Document) -> Iterator[Finding]:
        for change in document.claims:
            levels = _levels(document, change)
            if levels is None:
                continue
            start, end = levels
            low, high = _change_range(start, end)
            stated_low, stated_high = change.interval()
            slack = Decimal(str(self.params.tolerance))
            if stated_high + slack >= low and stated_low - slack <= high:
                continue
            actual = (end.value / start.value - 1) * _HUNDRED
            fields = {
                "stated": _signed(change),
                "start": start.text,
                "end": end.text,
                "actual": f"{actual:+.1f}%",
                "arithmetic": f"{_operands(end, start)} = {actual:+.1f}%",
            }
            yield self.finding(document, change.start, change.end, fields)


def _levels(document: Document, change: Claim) -> tuple[Claim, Claim] | None:
    """The 'from' and 'to' levels of a percentage change, when both are stated and comparable."""
    if change.role != "change" or change.kind != "percent" or change.value is None:
        return None
    if change.change_from < 0 or change.change_to < 0:
        return None
    start = document.claim_at(change.change_from)
    end = document.claim_at(change.change_to)
    if start is None or end is None or start.value is None or end.value is None:
        return None
    if start.kind != end.kind or start.unit != end.unit or start.value <= 0 or end.value <= 0:
        return None
    last = max(start.end, end.end)
    between = document.source.text[change.end : last].lower()
    if _CLAUSE_BREAK.search(between):
        return None  # "rose 13% from ¥16.5 billion, bringing first-half sales to ¥35.1 billion"
    if any(marker in between for marker in _OTHER_BASIS):
        return None  # "rose six pct on a comparable store basis to 108.6 mln": not the totals
    if any(c.role == "change" and change.end <= c.start < last for c in document.claims):
        return None  # another change comes first: the levels belong to it
    return _shared_scale(start, end), _shared_scale(end, start)


def _shared_scale(claim: Claim, other: Claim) -> Claim:
    """'to 923.2 from 743.8 mln': a bare level takes the scale the other one states."""
    written = _NUMBER.search(claim.text)
    other_written = _NUMBER.search(other.text)
    if written is None or other_written is None or written.group() != claim.text.strip():
        return claim
    scale = other.value / Decimal(other_written.group().replace(",", ""))
    if scale <= 1:
        return claim
    return replace(claim, value=claim.value * scale, step=claim.step * scale)


def _change_range(start: Claim, end: Claim) -> tuple[Decimal, Decimal]:
    """The percentage changes the two levels allow, given their stated precision."""
    start_low, start_high = start.interval()
    end_low, end_high = end.interval()
    start_low = max(start_low, start.value / 1000)  # a level rounded to zero is still positive
    return (end_low / start_high - 1) * _HUNDRED, (end_high / start_low - 1) * _HUNDRED


def _signed(change: Claim) -> str:
    sign = "-" if change.direction == "down" else "+"
    return f"{sign}{plain(change.value)}%"


_CLAUSE_BREAK = re.compile(r";|,(?!\d)")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _operands(end: Claim, start: Claim) -> str:
    """'84 / 70' for '€84 million' and '€70 million'; full values when the scales differ."""
    scales = [_NUMBER.sub("", c.text) for c in (end, start)]
    numbers = [_NUMBER.search(c.text) for c in (end, start)]
    if scales[0] == scales[1] and all(numbers):
        return f"{numbers[0].group()} / {numbers[1].group()}"
    return f"{number_text(end.value)} / {number_text(start.value)}"
