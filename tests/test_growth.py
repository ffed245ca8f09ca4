"""The growth check: a percentage change against the levels it goes from and to."""

from __future__ import annotations

import pytest

from tests.helpers import findings, rule

GROWTH = [rule("growth-arithmetic")]


def growth_messages(text: str) -> list[str]:
    return [f.message for f in findings(text, rules=GROWTH)]


def test_wrong_change_is_explained_in_numbers() -> None:
    (message,) = growth_messages("Revenue rose 12% to €84 million from €70 million in 2023.")
    assert "84 / 70 = +20.0%, not +12%" in message


@pytest.mark.parametrize(
    "text",
    [
        "Revenue rose 20% to €84 million from €70 million in 2023.",
        "Sales climbed 35.4% to 2.6 billion from 2.0 billion units.",  # fine before rounding
        "Profit fell 20% to $80 million from $100 million.",
        "Shipments rose 44 pct to 210.5 from 146.2 mln.",  # the scale is written once
        "Sales rose six pct on a comparable store basis to 108.6 mln dlrs from 89.3 mln dlrs.",
        "Miles grew 6.7 pct to 2.90 billion from 2.72 billion and rose 4.8 pct to 6.11 billion.",
    ],
)
def test_consistent_or_unrelated_figures_pass(text: str) -> None:
    assert growth_messages(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Profit fell 30% to $80 million from $100 million.",
        "Shipments rose 4 pct to 210.5 from 146.2 mln.",
        "Output rose 2% to 1.2 million tonnes from 1.0 million tonnes.",
    ],
)
def test_changes_the_levels_do_not_give_fire(text: str) -> None:
    assert len(growth_messages(text)) == 1


def test_levels_with_thousands_separators_are_read() -> None:
    assert len(growth_messages("Output rose 5% to 1,500 tonnes from 1,000 tonnes.")) == 1


def test_a_level_in_another_clause_is_not_the_changes_own() -> None:
    text = "Revenue rose 13% from ¥16.5 billion, bringing first-half sales to ¥35.1 billion."
    assert growth_messages(text) == []
