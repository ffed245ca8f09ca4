"""The points check: a change between two percentages in percent or in percentage points."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import findings, rule

POINTS = [rule("percent-vs-points")]


def points_messages(text: str) -> list[str]:
    return [f.message for f in findings(text, rules=POINTS)]


def test_a_period_after_the_baseline_keeps_the_appositive_change() -> None:
    text = "It collected 80.1% of the tax, down from 88.3% the year before, a drop of 8.2%."
    (message,) = points_messages(text)
    assert "80.1 - 88.3 = -8.2 percentage points" in message


def test_a_difference_in_points_given_as_percent_is_explained() -> None:
    (message,) = points_messages("Unemployment rose to 6.1% from 4.1%, an increase of 2%.")
    assert "6.1 - 4.1 = +2.0 percentage points" in message
    assert "6.1 / 4.1 = +48.8%" in message
    assert "write '2 percentage points'" in message


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment rose to 6.1% from 4.1%, an increase of 2 percentage points.",
        "Unemployment rose 2 percentage points to 6.1% from 4.1%.",
        "Unemployment rose 49% to 6.1% from 4.1%.",
        "Unemployment rose from 4.1% to 6.1%, up 2 points.",
        "The margin narrowed 1.5 points to 10.5% from 12.0%.",
        "Unemployment rose 2% to 612,000 from 600,000.",  # levels are not percentages
        # better, not up: the measure is right whatever the sign
        "The combined ratio improved to 94.6% from 97.1%, a gain of 2.5 percentage points.",
        "Bad loans fell to 4.8 per cent from 5.6 per cent, an improvement of 0.8 points.",
    ],
)
def test_the_right_measure_passes(text: str) -> None:
    assert points_messages(text) == []


def test_a_relative_change_given_in_points_is_explained() -> None:
    (message,) = points_messages("The margin widened 25 percentage points to 12.5% from 10.0%.")
    assert "that is the relative change: write '25%'" in message


def test_points_that_match_neither_reading_fire() -> None:
    (message,) = points_messages("Unemployment rose from 4.1% to 6.1%, up 3 points.")
    assert "does not match the two levels" in message


def test_a_percent_change_matching_neither_reading_is_left_to_growth() -> None:
    assert points_messages("Unemployment rose 20% to 6.1% from 4.1%.") == []


def test_precision_of_the_levels_is_respected() -> None:
    # 65% may be 64.5% to 65.5%: a fall of 3.5 points to 61.8% is possible.
    assert points_messages("Turnout fell 4 percentage points to 61.8% from 65%.") == []
    assert len(points_messages("Turnout fell 4 percentage points to 61.8% from 65.0%.")) == 1


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "In March, 38.2% of patients waited over 18 weeks, down from 42.6% a year earlier, "
            "a fall of 4.4%.",
            True,
        ),
        (
            "In March, 38.2% of patients waited over 18 weeks, down from 42.6% a year earlier, "
            "a fall of 4.4 percentage points.",
            False,
        ),
        (
            "The city will take 41% of revenue spending, down from 46% last year, a reduction of "
            "5%.",
            True,
        ),
    ],
)
def test_a_level_then_down_from_its_baseline_then_the_change(text: str, fires: bool) -> None:
    assert len(points_messages(text)) == int(fires)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("The city's rental vacancy rate fell to 1.1% in 2022 from 2.9% in 2019, a drop of "
         "1.8%, and rents rose.", True),
        ("The city's rental vacancy rate fell to 1.1% in 2022 from 2.9% in 2019, a drop of "
         "62%, and rents rose.", False),
        ("The survey found that 23% had skipped a visit. That was up from 17% in 2022, an "
         "increase of 6 percent.", True),
        # a bound is no rate to take a difference of
        ("Growth may be less than 10 pct, below the 20 pct forecast, a fall of 10 pct.", False),
    ],
)  # fmt: skip
def test_a_percent_change_that_is_the_difference_of_two_rates_before_it(
    text: str, fires: bool
) -> None:
    found = findings(text, rules=[rule("percent-vs-points")], date=dt.date(2024, 5, 14))
    assert bool(found) is fires


@pytest.mark.parametrize(("change", "fires"), [("0.6%", True), ("0.6 percentage points", False)])
def test_slipped_is_a_change(change: str, fires: bool) -> None:
    text = f"The operating margin slipped {change} to 7.9% from 8.5% in the half."
    assert bool(findings(text, rules=[rule("percent-vs-points")])) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # two rates, neither said to be the other's baseline, and their difference as percent
        ("Their mortgage absorbs 15.9% of that; from April it will take 21.4%, an increase of "
         "5.5%.", True),
        ("The list stood at 13.1 per cent of the total. A year ago the figure was 16.4 per "
         "cent, a fall of 3.3 per cent.", True),
        ("Their mortgage absorbs 15.9% of that; from April it will take 21.4%, an increase of "
         "34.6%.", False),
        # a difference only within rounding, or a whole number, proves nothing
        ("The cuts would reduce base rates by 8.5 pct, and the second stage by 1.1 pct, with "
         "7.5 pct cut by April 1.", False),
        ("Turnout was 61% and the Labour share 64%, an increase of 3%.", False),
    ],
)  # fmt: skip
def test_two_rates_whose_difference_is_the_change_to_the_last_digit(text: str, fires: bool) -> None:
    assert bool(points_messages(text)) is fires
