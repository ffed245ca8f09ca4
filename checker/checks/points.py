"""Kind `points`: a change between two percentages stated in the wrong measure.

"Unemployment rose to 6.1% from 4.1%, an increase of 2%": the rate rose 2 percentage points, which
is a 49% increase. A percent change that equals the difference in points, or a change in points that
equals neither the difference nor anything else, is reported with both readings, so the writer can
choose. A percent change that matches neither reading is left to the `growth` kind.
"""

from __future__ import annotations

import itertools
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
        levels = change_levels(document, change) or _levels_by_difference(document, change)
        if levels is None or levels[0].unit != "%":
            return None
        start, end = levels
        slack = Decimal(str(self.params.tolerance))
        # The measure, not the sign: "improved to 94.6% from 97.1%, a gain of 2.5 percentage
        # points" says better, not up
        as_points = _fits_either_way(change, point_range(start, end), slack)
        as_percent = _fits_either_way(change, change_range(start, end), slack)
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


def _fits_either_way(change: Claim, allowed: tuple[Decimal, Decimal], slack: Decimal) -> bool:
    low, high = allowed
    return fits(change, allowed, slack) or fits(change, (-high, -low), slack)


def _levels_by_difference(document: Document, change: Claim) -> tuple[Claim, Claim] | None:
    """'The vacancy rate fell to 1.1% in 2022 from 2.9% in 2019, a drop of 1.8%'; 'That was up
    from 17% ..., an increase of 6 percent' after '23% had ...': two percentages before a
    percent change, in its sentence or the one before, whose difference in points is the change
    to its precision, which reads the change as points. Only a percent change is read so: a
    change in points between two rates is what it should be."""
    if change.kind != "percent" or change.role != "change" or change.value is None:
        return None
    if change.direction not in ("up", "down"):
        return None
    starts = document.sentences_before(change.sentence_start, 1)
    before = [c for s in starts for c in document.in_sentence(s)]
    before += [c for c in document.in_sentence(change.sentence_start) if c.end <= change.start]
    rates = [c for c in before if _plain_rate(c)][-4:]
    for first, second in itertools.combinations(rates, 2):
        if {first.role, second.role} == {"level", "baseline"}:
            # "up from 17%" after "23% had ...": a rate and the one it is compared with
            start, end = (first, second) if first.role == "baseline" else (second, first)
            if start.sentence_start != change.sentence_start:
                continue  # the change is said of the comparison in its own sentence
        elif first.role == second.role == "level" and _telling(change):
            # "absorbs 15.9% of that; from April it will take 21.4%, an increase of 5.5%": two
            # rates, the later in time the one the change's direction leads to
            low, high = sorted((first, second), key=lambda c: c.value)
            start, end = (low, high) if change.direction == "up" else (high, low)
            if change.sentence_start not in (first.sentence_start, second.sentence_start):
                continue
            if high.value - low.value != abs(change.value):
                continue  # their difference to the last digit, not within rounding
        else:
            continue
        if (end.value > start.value) != (change.direction == "up"):
            continue
        if fits(change, point_range(start, end), Decimal("0")):
            return start, end
    return None


def _telling(change: Claim) -> bool:
    """A change with a decimal ('9.1%'), which two rates' difference rarely gives by chance."""
    return change.step < 1


def _plain_rate(claim: Claim) -> bool:
    """A percentage stated as a figure: not 'less than 10 pct', not a range."""
    return (
        claim.kind == "percent"
        and claim.role in ("level", "baseline")
        and bool(claim.value)
        and claim.value_high is None
        and not claim.qualifier
    )


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
