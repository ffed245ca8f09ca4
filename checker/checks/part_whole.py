"""Kind `part_whole`: a part larger than the whole it is said to be part of.

"Of those 41 million passengers, 52 million flew economy"; "52 of the 41 members"; "₹1,500 crore,
or 40% of the ₹1,200 crore total". Both figures are read with their stated precision.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checker.amounts import plain, rewritten
from checker.checks import register
from checker.checks.base import Check
from checker.checks.relations import parts_of_wholes
from checker.claims import Claim
from checker.document import Document
from checker.findings import Finding


@register
class PartWholeCheck(Check):
    kind = "part_whole"

    def run(self, document: Document) -> Iterator[Finding]:
        for relation in parts_of_wholes(document):
            part_low, _ = _size(relation.part)
            _, whole_high = _size(relation.whole)
            if part_low <= whole_high:
                continue
            fields = {
                "part": relation.part.text,
                "whole": relation.whole.text,
                "arithmetic": _arithmetic(relation.part, relation.whole, part_low, whole_high),
            }
            related = [(relation.whole.start, relation.whole.end, "the whole")]
            yield self.finding(document, relation.part.start, relation.part.end, fields, related)


def _size(claim: Claim) -> tuple[Decimal, Decimal]:
    """How large the figure is, whatever its sign: 'the loss of 270 positions, of which 180 ...'
    is a fall of 270 read as -270, whose parts are 180 and 90 positions."""
    low, high = claim.interval()
    if high <= 0:
        return -high, -low
    return low, high


def _arithmetic(part: Claim, whole: Claim, part_low: Decimal, whole_high: Decimal) -> str:
    """'52 million > 41 million (even 51.5 million > 41.5 million)': the part's lowest reading
    is above the whole's highest."""
    stated = f"{part.text} > {whole.text}"
    if (part_low, whole_high) == (part.value, whole.value):
        return stated
    low = rewritten(part, (part_low,)) or plain(part_low)
    high = rewritten(whole, (whole_high,)) or plain(whole_high)
    return f"{stated} (even {low} > {high})"
