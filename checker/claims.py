"""Claims as the checks see them: small immutable values read from the pipeline's spans."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from spacy.tokens import Span

from checker.findings import ClaimMark
from checker.nlp.sentences import sentence_start
from checker.nlp.values import span_values

# How much wider than its stated precision a qualified figure may be, as a fraction of its value.
QUALIFIER_SLACK = {"approx": Decimal("0.05"), "near": Decimal("0.05")}


_DECIMALS = re.compile(r"\d\.\d")
_UNIT_WORDS = {"pp": "percentage points", "fraction": ""}


def _date_words(date: str) -> str:
    """'2019-03-31' as it is; '--02-08' as '8 February (no year)'; '2019-03' as 'March 2019'."""
    parts = date.split("-")
    try:
        if date.startswith("--") and len(parts) == 4:
            return f"{int(parts[3])} {calendar.month_name[int(parts[2])]} (no year)"
        if len(parts) == 2:
            return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return date


def _shifted(start: int, offset: int) -> int:
    """Another claim's start offset (or -1 for none), in the whole text."""
    return start + offset if start >= 0 else start


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    start: int  # character offsets in the original file
    end: int
    sentence_start: int
    kind: str
    value: Decimal | None
    step: Decimal
    value_high: Decimal | None
    unit: str
    unit_text: str
    currency_symbol: str
    counted: str
    qualifier: str
    qualifier_text: str
    date: str
    weekday: str
    metric: str
    subject: str
    subject_text: str
    entity: str
    scope: str
    scope_text: str
    scope_inherited: bool
    role: str
    direction: str
    basis: str
    change_from: int
    change_to: int
    multiplier: Decimal | None
    qualifier_of_change: str
    equivalent_of: int

    @classmethod
    def from_span(
        cls, span: Span, unit: str | None = None, original: str | None = None, offset: int = 0
    ) -> Claim:
        """The claim of ``span``; ``original`` is the file's text (the Doc's is normalised), and
        the Doc starts at ``offset`` in it."""
        x = SimpleNamespace(**span_values(span))
        start, end = offset + span.start_char, offset + span.end_char
        text = span.text if original is None else original[start:end]
        return cls(
            text=text,
            start=start,
            end=end,
            sentence_start=offset + span.doc[sentence_start(span.doc, span.start)].idx,
            kind=x.kind,
            value=Decimal(x.value) if x.value else None,
            step=Decimal(x.step) if x.step else Decimal(0),
            value_high=Decimal(x.value_high) if x.value_high else None,
            unit=x.unit if unit is None else unit,
            unit_text=x.unit_text,
            currency_symbol=x.currency_symbol,
            counted=x.counted,
            qualifier=x.qualifier,
            qualifier_text=x.qualifier_text,
            date=x.date,
            weekday=x.weekday,
            metric=x.metric,
            subject=x.subject,
            subject_text=x.subject_text,
            entity=x.entity,
            scope=x.scope,
            scope_text=x.scope_text,
            scope_inherited=x.scope_inherited,
            role=x.role,
            direction=x.direction,
            basis=x.basis,
            change_from=_shifted(x.change_from, offset),
            change_to=_shifted(x.change_to, offset),
            multiplier=Decimal(x.multiplier) if x.multiplier else None,
            qualifier_of_change=x.qualifier_of_change,
            equivalent_of=_shifted(x.equivalent_of, offset),
        )

    @property
    def high(self) -> Decimal | None:
        return self.value_high if self.value_high is not None else self.value

    @property
    def signed_value(self) -> Decimal | None:
        if self.value is None:
            return None
        return -self.value if self.direction == "down" else self.value

    def round_step(self) -> Decimal:
        """The step of a round figure, which may be rounded further than its digits say: a
        conversion writes "70 mi" for 68.4 and "105 mph" for 102.5. At most a tenth of it."""
        if self.value is None or not self.step or self.value_high is not None:
            return self.step
        if _DECIMALS.search(self.text):
            return self.step  # "12,000.0" says how precise it is
        units = abs(self.value) / self.step
        if units != units.to_integral_value() or units == 0:
            return self.step
        zeros = len(str(int(units))) - len(str(int(units)).rstrip("0"))
        for factor in [*(Decimal(10) ** k for k in range(zeros, 0, -1)), Decimal(5)]:
            if int(units) % factor == 0 and factor * self.step <= abs(self.value) / 10:
                return max(self.step, factor * self.step)
        return self.step

    def interval(self, round_figures: bool = False) -> tuple[Decimal, Decimal]:
        """The values this claim allows, given its precision, qualifier and range.

        "$1.7 billion" allows 1.65 to 1.75 billion; "about" widens that by a few percent;
        "more than 45.5 million" allows anything above 45.45 million.
        """
        assert self.value is not None
        low = self.signed_value if self.value_high is None else self.value
        high = self.signed_value if self.value_high is None else self.value_high
        if self.value_high is not None and self.direction == "down":
            low, high = -high, -low  # "down 16.7 to 22 pct"
        low, high = min(low, high), max(low, high)
        half = (self.round_step() if round_figures else self.step) / 2
        low, high = low - half, high + half
        slack = QUALIFIER_SLACK.get(self.qualifier, Decimal(0)) * abs(high)
        infinity = Decimal("Infinity")
        if self.qualifier == "lower":
            return low, infinity
        if self.qualifier == "upper":
            return -infinity, high
        if self.qualifier == "near":
            return low - slack, high
        return low - slack, high + slack

    def value_text(self) -> str:
        """The value as read: a date, a range "5..10", a number, or "" for none."""
        if self.kind == "date":
            return self.date
        if self.value_high is not None:
            return f"{self.value}..{self.value_high}"
        return "" if self.value is None else str(self.value)

    def reading(self) -> str:
        """The value and unit as read, for people: '56.5%', '4,700,000,000 HKD', '5 to 10
        years', '8 February (no year)'."""
        if self.kind == "date":
            return _date_words(self.date)
        if self.value is None:
            return ""
        value = format(self.value, ",f")
        if self.value_high is not None:
            value += f" to {format(self.value_high, ',f')}"
        unit = _UNIT_WORDS.get(self.unit, self.unit) or self.counted
        return f"{value}{unit}" if unit == "%" else f"{value} {unit}".strip()

    def measured_text(self) -> str:
        """What the claim measures, as read: entity, metric and subject."""
        return " ".join(p for p in (self.entity, self.metric, self.subject_text) if p)

    def mark(self) -> ClaimMark:
        """The claim as a report marks it in the text, with what was read in it in words:
        'money: 4,700,000,000 HKD; measures ...; period ...'."""
        parts = [f"{self.kind.replace('_', ' ')}: {self.reading()}".rstrip(": ")]
        if measured := self.measured_text():
            parts.append(f"measures {measured}")
        if self.scope_text:
            parts.append(f"period {self.scope_text}")
        return ClaimMark(self.start, self.end, self.kind, "; ".join(parts))


def sum_range(claims: Iterable[Claim]) -> tuple[Decimal, Decimal]:
    """The least and the most figures add up to, each read with its stated precision."""
    intervals = [c.interval() for c in claims]
    return sum(low for low, _ in intervals), sum(high for _, high in intervals)
