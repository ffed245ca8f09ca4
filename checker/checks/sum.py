"""Kind `sum`: parts listed with a stated total that they do not add up to.

"Revenue of $10m: $4m from ads and $5m from subscriptions" (4 + 5 = 9); "$4m from ads and $5m from
subscriptions, a total of $10m". A list said to be partial ("including", "such as", "of which") may
add up to less than its total, never to more. Each figure is read with its stated precision, so
rounded parts ("38.7 and 22.6, a total of 61.4") pass when their rounding allows the total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker.amounts import amount_like, plain, written_scale
from checker.checks import register
from checker.checks.base import Check
from checker.checks.relations import (
    FigureList,
    figure_lists,
    gap,
    named_whole,
    opens_with_of_the,
    same_measure,
)
from checker.claims import Claim
from checker.document import Document
from checker.findings import Finding
from checker.tables import column_totals, has_tables

_QUALIFIERS = r"(?:about|around|roughly|some|nearly|almost|approximately|just|over|under)"
_PARTIAL = r"including|includ\w+|such as|among them|among which|of which|notably|led by"
_TOTAL_THEN_PARTS = re.compile(
    rf"^\s*(?:[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?\s*)?"
    rf"(?::|—|–|,?\s*(?:(?:is|was|are|were|will be)\s+)?"
    rf"(?:made up of|comprising|consisting of|split between|split into|breaks? down into|"
    rf"divided between|divided into|broken down into|(?P<partial>{_PARTIAL})|"
    rf"(?:would be |will be |was |were |is |are )?(?:spent|used|allocated|divided|split|shared"
    rf"|distributed)\s+(?:as follows|(?:among|between|across)(?:\s+[\w'’-]+){{1,4}})\s*:"
    rf"(?:\s*[a-z][\w'’-]*){{0,3}})"
    rf"\s*:?)"
    rf"\s*(?:{_QUALIFIERS}\s*)*$",
    re.IGNORECASE,
)
_LABEL = r"(?:[\w'’-]+(?:\s+[\w'’-]+){0,3})??"  # up to four words, in linear time
_PARTS_THEN_TOTAL = re.compile(
    rf"^\s*{_LABEL}\s*(?:,|—|–)?\s*(?:for|making|giving|bringing(?:\s+the)?|to make|and)?"
    r"\s*(?:a|the|its)?\s*(?:[a-z-]+\s+)?(?:total|combined|grand total|overall total|sum|tally)"
    r"\s*(?:of|to)?\s*$"
    rf"|^\s*{_LABEL}\s*,?\s*(?:totall?ing|totall?ed)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SumParameters:
    tolerance: float = 0.0  # relative slack on top of the stated precision of every figure


@register
class SumCheck(Check):
    kind = "sum"
    Parameters = SumParameters

    @classmethod
    def validate(cls, parameters: SumParameters) -> None:
        if not 0 <= parameters.tolerance < 1:
            raise ValueError("'tolerance' must be between 0 and 1")

    def run(self, document: Document) -> Iterator[Finding]:
        if has_tables(document.source):
            for total, parts in column_totals(document.lines, document.claims):
                finding = self._judge(document, tuple(parts), total, partial=False)
                if finding is not None:
                    yield finding
        for figures in figure_lists(document):
            found = _total_of(document, figures) or _named_total(document, figures)
            if found is None:
                continue
            total, parts, partial = found
            finding = self._judge(document, parts, total, partial)
            if finding is not None:
                yield finding

    def _judge(
        self, document: Document, parts: tuple[Claim, ...], total: Claim, partial: bool
    ) -> Finding | None:
        low = sum(p.interval()[0] for p in parts)
        high = sum(p.interval()[1] for p in parts)
        total_low, total_high = total.interval()
        slack = Decimal(str(self.params.tolerance)) * total.value
        # Rounding intervals are half-open: parts up to 3.15 and a total from 3.15 do not meet.
        over = low >= total_high + slack
        under = high <= total_low - slack
        if not over and not (under and not partial):
            return None
        added = sum(p.value for p in parts)
        if not total.value / 3 <= added <= total.value * 3:
            return None  # "two mln units consisting of two shares and one warrant": not parts
        fields = {
            "total": total.text,
            "parts": ", ".join(p.text for p in parts),
            "sum": amount_like(added, total),
            "arithmetic": f"{' + '.join(_number(p, total) for p in parts)} = "
            f"{_number_of(added, total)}",
            "comparison": "more than" if over else "less than",
        }
        related = [(p.start, p.end, "a part") for p in parts]
        return self.finding(document, total.start, total.end, fields, related)


def _named_total(
    document: Document, figures: FigureList
) -> tuple[Claim, tuple[Claim, ...], bool] | None:
    """'Schools will get $3.1 billion of the new funds and hospitals $3.4 billion': parts of the
    figure an earlier sentence gives for 'the new funds', which they may not exceed."""
    whole = named_whole(document, figures.items[0])
    return None if whole is None else (whole, figures.items, True)


def _total_of(
    document: Document, figures: FigureList
) -> tuple[Claim, tuple[Claim, ...], bool] | None:
    """The stated total of a list, its parts, and whether the list says it is partial."""
    items = figures.items
    if any(c.value_high is not None for c in items):
        return None  # "between 120 and 150 of them": a range is not a part
    if (
        len(items) > 2
        and _of_the_total(document, items[0], items[1])
        and not any(c.qualifier for c in items[1:])
    ):
        return items[0], items[1:], not figures.closed  # "Of the zł1.84 billion in revenue, ..."
    found = _total_around(document, figures)
    return None if found is None else (found[0], items, found[1])


def _total_around(document: Document, figures: FigureList) -> tuple[Claim, bool] | None:
    """A total stated before or after the list."""
    claims = document.in_sentence(figures.items[0].sentence_start)
    first, last = figures.items[0], figures.items[-1]
    before = [
        c for c in claims if c.end <= first.start and c.equivalent_of < 0 and _is_total(c, first)
    ]
    after = [c for c in claims if c.start >= last.end and c.equivalent_of < 0]
    if before and _of_the_total(document, before[-1], first):
        return before[-1], not figures.closed  # "Of the £842 million total, £471 million came ..."
    if before:
        match = _TOTAL_THEN_PARTS.match(gap(document, before[-1], first))
        if match and (figures.closed or match.group("partial")):
            return before[-1], bool(match.group("partial"))
    if (
        after
        and _is_total(after[0], last)
        and figures.closed
        and _PARTS_THEN_TOTAL.match(gap(document, last, after[0]))
    ):
        return after[0], False
    return None


def _of_the_total(document: Document, total: Claim, first: Claim) -> bool:
    """'Of the £842 million total, £471 million ...'."""
    return opens_with_of_the(document, total) and bool(
        _TOTAL_COMMA.match(gap(document, total, first))
    )


_TOTAL_COMMA = re.compile(r"^\s*(?:[\w'’-]+(?:\s+[\w'’-]+){0,2})?\s*,\s*$")


def _is_total(total: Claim, part: Claim) -> bool:
    if total.kind == "count" and not total.counted:
        return False  # bare numbers: "At 20: 00", "a 4 – 1 record"; too little to go on
    if total.counted and part.counted and total.counted != part.counted:
        return False  # "two mln units consisting of two shares ... and one warrant"
    if total.role not in ("level", "") or total.value is None:
        return False
    return same_measure(total, part) or _money_written_once(total, part)


def _money_written_once(total: Claim, part: Claim) -> bool:
    """'927 million francs of spending: 412 million for schools, ...': the parts leave out the
    currency the total names."""
    return total.kind == "money" and part.kind == "count" and not part.counted and part.step >= 1000


def _number(claim: Claim, total: Claim) -> str:
    return _number_of(claim.value, total)


def _number_of(value: Decimal, total: Claim) -> str:
    """Numbers in the total's scale: '4 + 5 = 9' for '$10 million'."""
    return plain(value / written_scale(total))
