"""Every finding shows its arithmetic: ``details["arithmetic"]``, one line an HTML report can show
when an editor hovers the finding.

Rates and conversion factors are read back from the line and checked against the reference data
and the stated figures, rather than compared with a line numlint printed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from checker import rates, units
from tests.helpers import findings, rule
from tests.test_rules import FAILING

DATE = dt.date(2019, 5, 21)


@pytest.mark.parametrize(("checked", "example"), FAILING)
def test_every_failing_example_shows_its_arithmetic(checked, example) -> None:
    found = findings(example.text, example.date, [checked])
    assert found
    for finding in found:
        arithmetic = finding.details.get("arithmetic")
        assert isinstance(arithmetic, str) and arithmetic.strip(), finding.message
        assert "\n" not in arithmetic


def arithmetic(text: str, rule_id: str, date: dt.date | None = None) -> str:
    found = findings(text, date, [rule(rule_id)])
    assert len(found) == 1, [f.message for f in found]
    return found[0].details["arithmetic"]


def number_after(line: str, operator: str) -> Decimal:
    match = re.search(rf"{operator} ([\d,]+(?:\.\d+)?)", line)
    assert match is not None, line
    return Decimal(match.group(1).replace(",", ""))


def test_currency_shows_rate_amount_date_and_stated_figure() -> None:
    line = arithmetic(
        "The Chinese firm plans to invest ¥100 billion (approximately $1.457 billion) in robotics.",
        "currency-conversion",
        DATE,
    )
    quote = rates.quote("CNY", "USD", DATE)
    assert quote is not None
    # The rate is quoted CNY per USD, as in print, so the yuan amount is divided by it.
    assert line.startswith("¥100 billion ÷ ") and "CNY per USD" in line
    rate = number_after(line, "÷")
    assert abs(rate * quote.rate - 1) < Decimal("0.0001")
    expected = Decimal(100_000_000_000) / rate
    assert f"= ${expected / 10**9:.1f} billion" in line
    assert f"ECB rate of {quote.date.isoformat()}" in line
    assert "stated $1.457 billion" in line and "less" in line


def test_currency_quoted_the_other_way_multiplies() -> None:
    date = dt.date(2023, 3, 14)
    line = arithmetic(
        "The London council will spend £6.2 million ($756,000) on roads.",
        "currency-conversion",
        date,
    )
    quote = rates.quote("GBP", "USD", date)
    assert quote is not None
    rate = number_after(line, "×")
    assert "USD per GBP" in line and abs(rate / quote.rate - 1) < Decimal("0.0001")
    assert f"= ${Decimal('6.2') * rate:.2f} million" in line
    assert line.endswith("stated $756,000, 1/10 of that")


def test_unit_conversion_shows_the_factor() -> None:
    line = arithmetic("The marathon is 26.2 miles (40 km) long.", "unit-conversion")
    factor = number_after(line, "×")
    assert line.startswith("26.2 mi × ") and "km per mi" in line
    assert abs(factor / units.convert(Decimal(1), "mile", "kilometer") - 1) < Decimal("0.0001")
    assert f"= {Decimal('26.2') * factor:.1f} km" in line
    assert line.endswith("stated 40 km, 5% less")


def test_temperature_shows_the_offset_and_a_difference_does_not() -> None:
    reading = arithmetic(
        "Temperatures reached 31°C (56°F) on Tuesday afternoon.", "unit-conversion"
    )
    assert reading.startswith("31°C × 1.8 + 32 = 87.8°F")
    change = arithmetic(
        "Average temperatures have risen by 2°C (35.6°F) since 1900.", "unit-conversion"
    )
    assert change.startswith("2°C × 1.8 °F per °C = 3.6°F")


def test_conflict_shows_both_ranges() -> None:
    line = arithmetic(
        "Turnout was 64.2% in 2023, officials said. Officials put turnout at 46.2% in 2023.",
        "conflicting-figures",
    )
    assert line.startswith("64.15–64.25% vs 46.15–46.25%")
    assert line.endswith("the ranges do not overlap")


def test_conflict_ranges_keep_the_figures_scale_and_currency() -> None:
    line = arithmetic(
        "Xiaomi plans to invest ¥100 billion in robotics over the next five years. It said it "
        "would invest ¥10 billion in robotics over the next 5 years.",
        "conflicting-figures",
    )
    assert line.startswith("¥99.5–100.5 billion vs ¥9.5–10.5 billion")


def test_conflict_with_an_open_ended_figure() -> None:
    line = arithmetic(
        "Turnout was more than 64% in 2023, officials said. Officials put turnout at 46.2% in "
        "2023.",
        "conflicting-figures",
    )
    assert line.startswith("63.5% or more vs 46.15–46.25%")


def test_inconsistent_rounding_shows_both_ranges() -> None:
    line = arithmetic(
        "Net profit was 43.8 million euros in 2023. Net profit of 43.6 million euros in 2023 beat "
        "forecasts.",
        "inconsistent-rounding",
    )
    assert "43.75–43.85 million euros vs 43.55–43.65 million euros" in line
    assert line.endswith("do not overlap")


def test_enumeration_shows_the_count_and_the_items() -> None:
    line = arithmetic(
        "The group has five units, namely shipping, retail, and banking.", "enumeration-count"
    )
    assert line.startswith("'five units' = 5 ≠ 3 items")
    assert line.endswith(": shipping, retail, banking")


def test_part_whole_compares_part_and_whole_with_their_precision() -> None:
    line = arithmetic("Labour won 42 of the 40 seats.", "part-exceeds-whole")
    assert line.startswith("42 > 40") and "41.5 > 40.5" in line
    line = arithmetic(
        "Of those 41 million passengers, 52 million flew economy.", "part-exceeds-whole"
    )
    assert line.startswith("52 million > 41 million (even 51.5 million > 41.5 million)")


def test_weekday_gives_the_date_and_its_weekday() -> None:
    line = arithmetic("The vote is on Thursday, June 12, 2024, officials said.", "weekday-date")
    assert line == "2024-06-12 was a Wednesday, not a Thursday"


def test_weekday_without_a_year_says_which_year_was_read() -> None:
    line = arithmetic(
        "Shares fell 5% on Tuesday, Dec. 30, the exchange said.",
        "weekday-date",
        dt.date(2025, 1, 6),
    )
    assert line.startswith("2024-12-30 (Dec. 30 in 2024)") and "a Monday, not a Tuesday" in line


def test_relative_weekday_counts_from_the_document_date() -> None:
    line = arithmetic(
        "The company said yesterday, Monday, that sales rose 4%.",
        "weekday-date",
        dt.date(2025, 1, 8),
    )
    assert "2025-01-08 (the document's date) - 1 day = 2025-01-07" in line
    assert line.endswith("a Tuesday, not a Monday")
