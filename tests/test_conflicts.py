"""The conflict check on small texts: what fires, what does not, and what the messages say."""

from __future__ import annotations

import pytest

from checker.checks.conflict import same_subject
from tests.helpers import findings, rule

CONFLICT = [rule("conflicting-figures")]


def conflict_messages(text: str) -> list[str]:
    return [f.message for f in findings(text, rules=CONFLICT)]


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
