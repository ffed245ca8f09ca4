"""Kind `points`: a change between two percentages stated in the wrong measure.

"Unemployment rose to 6.1% from 4.1%, an increase of 2%": the rate rose 2 percentage points, which
is a 49% increase. A percent change that equals the difference in points, or a change in points that
equals neither the difference nor anything else, is reported with both readings, so the writer can
choose. A percent change that matches neither reading is left to the `growth` kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker.amounts import plain
from checker.checks import register
from checker.checks.base import Check
from checker.checks.growth import change_levels, change_range, fits, point_range, signed
from checker.claims import Claim
from checker.document import Document
from checker.findings import Finding

_POINTS_AFTER = re.compile(r"\s*(?:points?|pts?\.?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PointsParameters:
    tolerance: float = 0.1  # slack in percentage points on top of stated precision


@register
class PointsCheck(Check):
    kind = "points"
    Parameters = PointsParameters

    @classmethod
    def validate(cls, parameters: PointsParameters) -> None:
        if parameters.tolerance < 0:
            raise ValueError("'tolerance' cannot be negative")

    def run(self, document: Document) -> Iterator[Finding]:
        for change in document.claims:
            finding = self._judge(document, change)
            if finding is not None:
                yield finding

    def _judge(self, document: Document, change: Claim) -> Finding | None:
        in_points = _in_points(document, change)
        if change.kind != "percent" and not in_points:
            return None
        levels = change_levels(document, change)
        if levels is None or levels[0].unit != "%":
            return None
        start, end = levels
        slack = Decimal(str(self.params.tolerance))
        as_points = fits(change, point_range(start, end), slack)
        as_percent = fits(change, change_range(start, end), slack)
        if as_points if in_points else (as_percent or not as_points):
            return None  # the right measure, or a wrong percent change the growth kind reports
        difference = end.value - start.value
        relative = (end.value / start.value - 1) * 100
        fields = {
            "stated": signed(change, " points" if in_points else "%"),
            "start": start.text,
            "end": end.text,
            "points": f"{difference:+.1f} percentage points",
            "percent": f"{relative:+.1f}%",
            "arithmetic": (
                f"{plain(end.value)} - {plain(start.value)} = {difference:+.1f} percentage points, "
                f"{plain(end.value)} / {plain(start.value)} = {relative:+.1f}%"
            ),
            "fix": _fix(change, in_points, as_percent),
        }
        return self.finding(document, change.start, change.end, fields)


def _in_points(document: Document, change: Claim) -> bool:
    """'2 percentage points', or a bare '2 points' after two percentages."""
    if change.kind == "percentage_points":
        return True
    if change.kind != "count":
        return False
    return bool(_POINTS_AFTER.match(document.source.text, change.end))


def _fix(change: Claim, in_points: bool, as_percent: bool) -> str:
    if not in_points:
        written = plain(change.value)
        return f"the change is the difference in points: write '{written} percentage points'"
    if as_percent:
        return f"that is the relative change: write '{plain(change.value)}%'"
    return "the difference in points does not match the two levels"
