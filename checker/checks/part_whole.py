"""Kind `part_whole`: a part larger than the whole it is said to be part of.

"Of those 41 million passengers, 52 million flew economy"; "52 of the 41 members"; "₹1,500 crore,
or 40% of the ₹1,200 crore total". Both figures are read with their stated precision.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.checks import register
from checker.checks.base import Check
from checker.checks.relations import parts_of_wholes
from checker.document import Document
from checker.findings import Finding


@register
class PartWholeCheck(Check):
    kind = "part_whole"

    def run(self, document: Document) -> Iterator[Finding]:
        for relation in parts_of_wholes(document):
            part_low, _ = relation.part.interval()
            _, whole_high = relation.whole.interval()
            if part_low <= whole_high:
                continue
            fields = {"part": relation.part.text, "whole": relation.whole.text}
            related = [(relation.whole.start, relation.whole.end, "the whole")]
            yield self.finding(document, relation.part.start, relation.part.end, fields, related)
