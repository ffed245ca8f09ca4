"""Kind `growth`: a stated change against the two levels it connects.

"Revenue rose 12% to €84 million from €70 million": 84 / 70 is +20.0%, so the 12% is wrong (or one
of the levels is). "Sales doubled to $50 million from $20 million": 50 / 20 is 2.5 times. The
baseline may sit in an earlier sentence of the paragraph ("The plant used 1.4 TWh last year. It will
cut that by 20% to 1.2 TWh"). Every figure is read with its stated precision, so correct rounded
figures never fire: "35.4% to 2.6 billion from 2.0 billion" allows anything from +24.4% to +35.9%.

A change between two percentages stated as the difference in points ("rose to 6.1% from 4.1%, an
increase of 2%") is left to the `points` kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from checker.amounts import (
    amount_like,
    number_text,
    plain,
    without_number,
    written_number,
    written_scale,
)
from checker.checks import register
from checker.checks.base import Check
from checker.checks.relations import in_elided_unit
from checker.checks.restatements import sentence_text
from checker.claims import Claim
from checker.document import Document
from checker.findings import Finding
from checker.nlp.lexicon import load_lexicon
from checker.tables import change_cells, earlier_cell, has_tables

_HUNDRED = Decimal(100)
_MULTIPLE_NAMES = {Decimal(2): "doubled", Decimal(3): "tripled", Decimal(4): "quadrupled",
                   Decimal("0.5"): "halved"}  # fmt: skip
# "cut that by 20%", "reduce it to": a word pointing back at a level, as the object of the change.
_ANAPHORA = re.compile(r"\b(?:that|it|this|them|those)\s+(?:by|to|in half)\b", re.IGNORECASE)


@dataclass(frozen=True)
class GrowthParameters:
    tolerance: float = 0.5  # slack in percentage points: wire copy truncates (25.5% as 25%)
    # Slack for "doubled", "tripled", "halved", relative to the factor: 1.9 times is "doubled".
    multiple_tolerance: float = 0.1
    earlier_baseline_sentences: int = 2  # how far back a baseline may be stated; 0 turns it off


@register
class GrowthCheck(Check):
    kind = "growth"
    Parameters = GrowthParameters

    @classmethod
    def validate(cls, parameters: GrowthParameters) -> None:
        if parameters.tolerance < 0 or not 0 <= parameters.multiple_tolerance < 1:
            raise ValueError("'tolerance' and 'multiple-tolerance' cannot be negative")
        if parameters.earlier_baseline_sentences < 0:
            raise ValueError("'earlier-baseline-sentences' cannot be negative")

    def run(self, document: Document) -> Iterator[Finding]:
        for claim in document.claims:
            if claim.multiplier is not None:
                finding = self._multiple(document, claim)
            else:
                finding = self._percentage(document, claim)
            if finding is not None:
                yield finding
        if has_tables(document.source):
            for change, start, end in change_cells(document.lines, document.claims):
                if end.value < start.value and change.text[:1] not in _SIGNS:
                    change = replace(change, value=-change.value)  # "| 307.9 | 322.6 | 4.6% |"
                finding = self._judged(document, change, start, end)
                if finding is not None:
                    yield finding

    def _percentage(self, document: Document, change: Claim) -> Finding | None:
        if change.kind != "percent":
            return None
        levels = change_levels(document, change, self.params.earlier_baseline_sentences)
        if levels is None:
            return None
        start, end = levels
        if start.sentence_start != change.sentence_start:
            # A level restated from earlier is the figure the writer computed the target from.
            start = replace(start, step=Decimal(0))
        return self._judged(document, change, start, end)

    def _judged(
        self, document: Document, change: Claim, start: Claim, end: Claim
    ) -> Finding | None:
        """A percentage change from ``start`` to ``end`` that their values do not give."""
        slack = Decimal(str(self.params.tolerance))
        if fits(change, change_range(start, end), slack):
            return None
        if start.unit == "%" and fits(change, point_range(start, end), slack):
            return None  # "an increase of 2%" for 4.1% -> 6.1%: the points kind reports it
        actual = (end.value / start.value - 1) * _HUNDRED
        fields = {
            "stated": signed(change),
            "start": start.text,
            "end": end.text,
            "actual": f"{actual:+.1f}%",
            "arithmetic": f"{operands(end, start)} = {actual:+.1f}%",
            "fix": _implied_start(change, end),
        }
        return self.finding(document, change.start, change.end, fields, _elsewhere(start, change))

    def _multiple(self, document: Document, end: Claim) -> Finding | None:
        """'doubled to $50 million from $20 million': 50 / 20 is 2.5 times, not 2."""
        start = document.claim_at(end.change_from) if end.change_from >= 0 else None
        if start is None or not comparable_levels(start, end):
            return None
        start, end = shared_scale(start, end), shared_scale(end, start)
        low, high = _ratio_range(start, end)
        if self._multiple_agrees(end.multiplier, end.qualifier_of_change, low, high):
            return None
        ratio = end.value / start.value
        name = _MULTIPLE_NAMES.get(end.multiplier, f"{plain(end.multiplier)} times")
        fields = {
            "stated": name,
            "start": start.text,
            "end": end.text,
            "actual": f"{ratio:.2f} times",
            "arithmetic": f"{operands(end, start)} = {ratio:.2f} times",
            "fix": f"; {name} from {start.text} is {_like(start.value * end.multiplier, end)}",
        }
        return self.finding(document, end.start, end.end, fields)

    def _multiple_agrees(
        self, factor: Decimal, qualifier: str, low: Decimal, high: Decimal
    ) -> bool:
        slack = factor * Decimal(str(self.params.multiple_tolerance))
        if qualifier == "lower":  # "more than doubled"
            return high > factor - slack
        if qualifier in ("upper", "near"):  # "nearly doubled"
            return low < factor + slack and high > factor * Decimal("0.75")
        return high >= factor - slack and low <= factor + slack


# -- the levels of a change -----------------------------------------------------------------------


def change_levels(
    document: Document, change: Claim, look_back: int = 0
) -> tuple[Claim, Claim] | None:
    """The 'from' and 'to' levels of a percentage change, when both are stated and comparable."""
    if change.role != "change" or change.kind not in ("percent", "percentage_points", "count"):
        return None
    if change.value is None or change.change_to < 0:
        return None
    end = document.claim_at(change.change_to)
    if change.change_from >= 0:
        start = document.claim_at(change.change_from)
    else:
        start = _earlier_baseline(document, change, end, look_back) or _tabled_baseline(
            document, change, end
        )
    if start is not None and end is not None:
        start = in_elided_unit(start, end, near_in_size=True)  # "to 219.2 mln dlrs, from 211.5 mln"
    if start is None or end is None or not comparable_levels(start, end):
        return None
    last = max(start.end, end.end)
    between = document.source.text[change.end : last].lower()
    if start.start < change.start:
        between = document.source.text[start.end : end.start].lower()
    elif _CLAUSE_BREAK.search(between):
        return None  # "rose 13% from ¥16.5 billion, bringing first-half sales to ¥35.1 billion"
    if any(marker in between for marker in load_lexicon().other_basis_markers):
        return None  # "rose six pct on a comparable store basis to 108.6 mln": not the totals
    if any(c.role == "change" for c in document.starting_in(change.end, last)):
        return None  # another change comes first: the levels belong to it
    start, end = shared_scale(start, end), shared_scale(end, start)
    if _far_apart(start, end) and abs(change.value) < 100 and _likelier_level(document, start, end):
        return None  # "212,000 children in 14 countries, up from 196,000": 14 is not the level
    return start, end


def _likelier_level(document: Document, start: Claim, end: Claim) -> bool:
    """Another figure of the sentence is near the baseline's size: it, not ``end``, is the
    level (a slip in the figure itself, "to 25.269 from 26,414", has no such neighbour)."""
    assert start.value is not None
    return any(
        c is not end
        and c is not start
        and c.kind == start.kind
        and c.value is not None
        and start.value / 2 <= c.value <= start.value * 2
        for c in document.in_sentence(end.sentence_start)
    )


def _far_apart(start: Claim, end: Claim) -> bool:
    """Levels ten times apart or more: a change of under 100% cannot join them, unless one is
    a slip in the figure itself ("to 25.269 from 26,414")."""
    assert start.value is not None and end.value is not None
    low, high = sorted((start.value, end.value))
    return low > 0 and high >= 10 * low


def comparable_levels(start: Claim | None, end: Claim | None) -> bool:
    return (
        start is not None
        and end is not None
        and start.value is not None
        and end.value is not None
        and start.kind == end.kind
        and start.unit == end.unit
        and start.value > 0
        and end.value > 0
    )


def _sentences_ending_before(document: Document, offset: int, count: int) -> list[int]:
    """The last ``count`` sentences with a claim that ends by ``offset``."""
    found: list[int] = []
    for sentence in reversed(document.sentences_before(offset)):
        if any(c.end <= offset for c in document.in_sentence(sentence)):
            found.append(sentence)
            if len(found) == count:
                break
    return found


def _earlier_baseline(
    document: Document, change: Claim, end: Claim | None, look_back: int
) -> Claim | None:
    """'The plant used 1.4 TWh last year. It will cut that by 20% to 1.2 TWh': the level a change
    without 'from' starts from, when the paragraph stated exactly one such level just before."""
    if end is None or look_back == 0 or change.basis or end.start < change.start:
        return None
    sentence = document.source.text[change.sentence_start : end.end + 80].lower()
    if any(word in sentence for word in load_lexicon().own_baseline_markers):
        return None  # "rose 5.3 pct to 81.5 billion compared with end-1985"
    if any(
        c is not end and c.unit == end.unit for c in document.in_sentence(change.sentence_start)
    ):
        return None  # "rose 5.9 pct to 50,407 compared with 47,592": its own sentence has one
    recent = set(_sentences_ending_before(document, change.start, look_back + 1))
    candidates = [
        c
        for sentence in sorted(recent - {change.sentence_start})
        for c in document.in_sentence(sentence)
        if c.start < change.sentence_start and _same_measure(c, end)
    ]
    if not candidates:
        return None
    nearest = max(c.sentence_start for c in candidates)
    found = [c for c in candidates if c.sentence_start == nearest]
    if len(found) != 1 or not _refers_back(document, found[0], change, end):
        return None
    return found[0]


def _tabled_baseline(document: Document, change: Claim, end: Claim | None) -> Claim | None:
    """'Operating profit jumped 45% to ¥21.9 billion' under a table whose 'Operating profit'
    row gives 14.6 for FY2020 and 21.9 for FY2021: the cell before the level's is where the
    change started, when the sentence names the row and one cell of it has the level's value."""
    if end is None or end.value is None or change.basis or not has_tables(document.source):
        return None
    words = set(re.findall(r"[a-z]+", sentence_text(document.source.prose, change).lower()))
    cells = [
        c
        for c in document.claims
        if document.in_table(c)
        and (c.kind, c.unit, c.value) == (end.kind, end.unit, end.value)
        and c.subject
        and set(c.subject.split()) <= words
    ]
    if len(cells) != 1:
        return None
    return earlier_cell(document.lines, document.claims, cells[0])


def _same_measure(claim: Claim, end: Claim) -> bool:
    return (
        claim.kind == end.kind
        and claim.unit == end.unit
        and claim.equivalent_of < 0
        and claim.role in ("level", "baseline")
    )


def _refers_back(document: Document, start: Claim, change: Claim, end: Claim) -> bool:
    opening = document.source.text[change.sentence_start : change.start]
    if any(c.role == "change" for c in document.in_sentence(start.sentence_start)):
        return False  # the earlier sentence has a change of its own
    if start.multiplier is not None:
        return False
    if start.subject != end.subject or start.entity.lower() != end.entity.lower():
        return False  # "private construction ... $99.1bn. Government construction rose 4.3%"
    # "It will cut that by 20%": it points back, in its paragraph or across a break.
    return bool(_ANAPHORA.search(opening))


def _implied_start(change: Claim, end: Claim) -> str:
    """'if +12% is right, it started from €75.0 million': the start the stated change implies."""
    factor = 1 + change.signed_value / _HUNDRED
    if factor <= 0:
        return ""
    return f"; if {signed(change)} is right, the start was {_like(end.value / factor, end)}"


def _like(value: Decimal, model: Claim) -> str:
    """``value`` written like ``model``: '€75.0 million', '10.9%', '1.5 TWh'."""
    if model.kind == "percent":
        return f"{value:.1f}%"
    written = amount_like(value, model)
    if model.kind != "money" and model.unit_text and model.text.endswith(model.unit_text):
        return f"{written} {model.unit_text}"  # "1.5 TWh"
    return written


def _elsewhere(start: Claim, change: Claim) -> list[tuple[int, int, str]]:
    if start.sentence_start == change.sentence_start:
        return []
    return [(start.start, start.end, f"{start.text}, the level the change starts from")]


# -- arithmetic -----------------------------------------------------------------------------------


_SIGNS = ("+", "-", "−", "–", "(")  # a table's change cell that states its direction


def fits(change: Claim, allowed: tuple[Decimal, Decimal], slack: Decimal) -> bool:
    """Whether the stated change, with its precision and ``slack``, meets the ``allowed`` range."""
    stated_low, stated_high = change.interval()
    low, high = allowed
    return stated_high + slack >= low and stated_low - slack <= high


def shared_scale(claim: Claim, other: Claim) -> Claim:
    """'to 923.2 from 743.8 mln': a bare level takes the scale the other one states."""
    written, other_written = written_number(claim), written_number(other)
    if not written or not other_written or written != claim.text.strip():
        return claim
    other_number = Decimal(other_written.replace(",", ""))
    scale = written_scale(other)
    if scale <= 1 or not other_number / 100 < claim.value < other_number * 100:
        return claim  # "to 1.2 million from 610,000": the bare level has its own scale
    return replace(claim, value=claim.value * scale, step=claim.step * scale)


def _ratio_range(start: Claim, end: Claim) -> tuple[Decimal, Decimal]:
    """The ratios end / start that the two levels allow, given their stated precision."""
    start_low, start_high = start.interval()
    end_low, end_high = end.interval()
    start_low = max(start_low, start.value / 1000)  # a level rounded to zero is still positive
    return end_low / start_high, end_high / start_low


def change_range(start: Claim, end: Claim) -> tuple[Decimal, Decimal]:
    """The percentage changes the two levels allow, given their stated precision."""
    low, high = _ratio_range(start, end)
    return (low - 1) * _HUNDRED, (high - 1) * _HUNDRED


def point_range(start: Claim, end: Claim) -> tuple[Decimal, Decimal]:
    """The differences in percentage points two percentages allow: 6.1% - 4.1% is 1.9 to 2.1."""
    start_low, start_high = start.interval()
    end_low, end_high = end.interval()
    return end_low - start_high, end_high - start_low


def signed(change: Claim, unit: str = "%") -> str:
    sign = "-" if change.direction == "down" else "+"
    return f"{sign}{plain(change.value)}{unit}"


# A comma opens another clause, unless the baseline follows it: "fell 16% to $85.7 million,
# from $93.3 million".
_CLAUSE_BREAK = re.compile(
    r";|,(?!\d)(?!\s*(?:to|from|against|versus|vs\.?|compared (?:with|to)|up from|down from)\s)"
)  # "rose 14% in the year to June, to 14.7 GW from 13.9 GW" keeps its levels


def operands(end: Claim, start: Claim) -> str:
    """'84 / 70' for '€84 million' and '€70 million'; full values when the scales differ."""
    numbers = [written_number(c) for c in (end, start)]
    if without_number(end) == without_number(start) and all(numbers):
        return f"{numbers[0]} / {numbers[1]}"
    return f"{number_text(end.value)} / {number_text(start.value)}"
