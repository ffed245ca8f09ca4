"""Check kinds on small texts: what fires, what does not, and what the messages say."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.checks.conflict import same_subject
from tests.helpers import findings, rule

CONFLICT = [rule("conflicting-figures")]
CONVERSION = [rule("currency-conversion")]
MAY_2019 = dt.date(2019, 5, 21)  # ECB: 1 USD = 6.9063 CNY, 1 EUR = 1.1178 USD


def conversion_messages(text: str, date: dt.date = MAY_2019) -> list[str]:
    return [f.message for f in findings(text, date=date, rules=CONVERSION)]


def conflict_messages(text: str) -> list[str]:
    return [f.message for f in findings(text, rules=CONFLICT)]


# -- currency conversion -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stated",
    ["$1.7 billion", "$1.8 billion", "$1.74 billion", "US$1.7 billion"],
)
def test_conversion_within_precision_and_qualifier_passes(stated: str) -> None:
    assert (
        conversion_messages(f"It will invest ¥12 billion (approximately {stated}) in AIoT.") == []
    )


def test_conversion_outside_tolerance_gives_expected_amount_rate_and_date() -> None:
    (message,) = conversion_messages("It will invest ¥12 billion (approximately $2.1 billion).")
    assert "$1.74 billion" in message
    assert "CNY per USD" in message
    assert "2019-05-21" in message


@pytest.mark.parametrize(
    ("text", "diagnosis"),
    [
        ("It will invest ¥100 billion (about $1.457 billion).", "ten times too small"),
        ("It will invest ¥12 billion (about $1.7 million).", "a thousand times too small"),
    ],
)
def test_power_of_ten_slips_are_named(text: str, diagnosis: str) -> None:
    (message,) = conversion_messages(text)
    assert diagnosis in message


def test_inverted_rate_is_named() -> None:
    (message,) = conversion_messages(
        "The fund raised €10 million ($9.0 million) in its first round."
    )
    assert "wrong way round" in message


def test_yen_sign_is_read_as_whichever_currency_fits() -> None:
    assert conversion_messages("Sony will invest ¥12 billion (approximately $109 million).") == []
    assert conversion_messages("Xiaomi will invest ¥12 billion (approximately $1.7 billion).") == []


def test_currency_missing_from_reference_data_is_not_judged() -> None:
    assert conversion_messages("The fund raised 10 million naira ($12.8 million).") == []


def test_dates_before_the_euro_are_not_judged() -> None:
    assert (
        conversion_messages("It raised €10 million ($1 million).", date=dt.date(1995, 3, 1)) == []
    )


# -- conflicting figures -------------------------------------------------------------------------


def test_same_investment_with_number_word_and_digit_conflicts() -> None:
    text = (
        "The plan calls for investment in AIoT of ¥10 billion in the next five years. "
        "Investment in AIoT of ¥100 billion in the next 5 years was announced."
    )
    (message,) = conflict_messages(text)
    assert "¥10 billion conflicts with ¥100 billion" in message


def test_open_ended_figures_compare_without_error() -> None:
    text = (
        "The company had more than 45 million users in AIoT in 2019. "
        "It had 12 million users in AIoT in 2019, the filing showed."
    )
    assert len(conflict_messages(text)) == 1
    consistent = text.replace("12 million", "48 million")
    assert conflict_messages(consistent) == []


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose to $84 million in 2022. In 2021, revenue was $75 million.",
        "Xiaomi's revenue was $84 million in 2022. Huawei's revenue was $75 million in 2022.",
        "Cloud revenue was $84 million in 2022. Revenue was $75 million in 2022, it said.",
        "The average rate was 43.76% in 2022. The average rate stood at 43.8% in 2022, it said.",
        "Investment in AIoT will be ¥10 billion or ¥100 billion in the next five years.",
    ],
    ids=["periods", "entities", "segment", "rounding", "same-sentence"],
)
def test_figures_that_can_both_be_true_do_not_conflict(text: str) -> None:
    assert conflict_messages(text) == []


def test_metric_usually_given_once_conflicts_without_a_subject() -> None:
    assert (
        len(conflict_messages("Turnout was 64% in May. Turnout reached 61% in May, it said.")) == 1
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("aiot", "aiot", True),
        ("", "", True),
        ("cloud", "", False),
        ("construction residential", "construction", False),
        ("investment aiot", "aiot spending", False),
        ("internet iot lifestyle product", "iot lifestyle product segment", True),
    ],
)
def test_same_subject(a: str, b: str, same: bool) -> None:
    assert same_subject(a, b) is same
