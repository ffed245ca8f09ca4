"""The growth check: a percentage change against the levels it goes from and to."""

from __future__ import annotations

import pytest

from checker.document import Options, analyze_source
from checker.engine import Engine
from checker.source import source_from_text
from tests.helpers import findings, rule

GROWTH = [rule("growth-arithmetic")]


def growth_messages(text: str) -> list[str]:
    return [f.message for f in findings(text, rules=GROWTH)]


def test_a_period_and_a_comma_before_the_levels_keep_them() -> None:
    text = "Capacity rose 14% in the year to the end of June, to 14.7 GW from 13.9 GW."
    (message,) = growth_messages(text)
    assert "14.7 / 13.9 = +5.8%, not +14%" in message


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


def test_a_multiple_the_levels_do_not_give_is_explained() -> None:
    (message,) = growth_messages("Sales doubled to $50 million from $20 million.")
    assert "50 / 20 = 2.50 times, not doubled" in message


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Sales doubled to $41 million from $20 million.", False),  # 2.05 times
        ("Sales doubled to $46 million from $20 million.", True),  # 2.3 times
        ("Sales more than doubled to $50 million from $20 million.", False),
        ("Sales more than doubled to $30 million from $20 million.", True),
        ("Sales nearly tripled to $29 million from $10 million.", False),
        ("Sales nearly tripled to $37 million from $10 million.", True),
        ("Orders halved from 800 to 420 units.", False),
        ("Orders halved from 800 to 600 units.", True),
        ("Output tripled from 1.0 million to 3.1 million tonnes.", False),
    ],
)
def test_multiples_allow_a_tenth_and_follow_their_qualifier(text: str, fires: bool) -> None:
    assert len(growth_messages(text)) == int(fires)


def test_a_baseline_stated_in_an_earlier_sentence_is_used() -> None:
    text = "The plant used 1.4 TWh last year. It will cut that by 20% to 1.2 TWh by 2030."
    found = findings(text, rules=GROWTH)
    assert len(found) == 1
    assert "1.2 / 1.4 = -14.3%, not -20%" in found[0].message
    assert [r.location.column for r in found[0].related] == [text.index("1.4 TWh") + 1]


@pytest.mark.parametrize(
    "text",
    [
        # Two candidate baselines: which one the change starts from is not clear.
        "The plant used 1.4 TWh in 2023 and 1.3 TWh in 2024. It will cut that by 20% to 1.2 TWh.",
        # A blank line ends the paragraph, unless a word points back ("cut that").
        "The plant used 1.4 TWh last year.\n\nUse will be cut by 20% to 1.2 TWh by 2030.",
        # A different subject: government, not private, construction.
        "Private construction spending was $99.1 billion. "
        "Government construction spending rose 4.3% to $88 billion.",
        # The change has its own basis: a year ago, not the figure before.
        "Revenue was $10 million in the third quarter. "
        "Revenue rose 50% year on year to $12 million.",
    ],
)
def test_an_earlier_level_that_is_not_clearly_the_baseline_is_not_used(text: str) -> None:
    assert growth_messages(text) == []


def test_a_baseline_in_the_previous_paragraph_is_used_when_pointed_back_to() -> None:
    text = "The plant used 1.4 TWh last year.\n\nIt will cut that by 20% to 1.2 TWh by 2030."
    assert len(growth_messages(text)) == 1


def test_a_change_in_points_is_left_to_the_points_rule() -> None:
    assert growth_messages("Unemployment rose 2% to 6.1% from 4.1%.") == []
    assert len(growth_messages("Unemployment rose 20% to 6.1% from 4.1%.")) == 1


def test_an_earlier_level_is_not_used_when_the_sentence_has_its_own_baseline() -> None:
    text = (
        "GM sold 31,811 cars in the period. "
        "Ford said its car sales rose 5.9 pct to 50,407 compared with 47,592 a year ago."
    )
    assert growth_messages(text) == []


def test_a_scale_word_on_the_next_line_of_wrapped_text_is_read() -> None:
    text = "Miles rose 21.6 pct in February to 1.05\nbillion from 866.2 mln."
    assert growth_messages(text) == []
    assert (
        len(growth_messages("Miles rose 31.6 pct in February to 1.05\nbillion from 866.2 mln."))
        == 1
    )


@pytest.mark.parametrize(
    "text",
    [
        # The levels of another change come before: not this change's own.
        "Kits will rise to 150,000 from 9,000, pushing exports up 45.3 pct to 260,000.",
        # "compared to" gives a comparison, not where the change went.
        "Output was 86,000 tons, down 7.5 pct from 93,000 tons a week earlier and compared to "
        "59,000 tons in the year-ago week.",
        # The sentence compares with a period of its own.
        "Operating profit climbed two pct to 671 mln marks. "
        "The balance sheet total rose 5.3 pct to 81.5 billion marks compared with end-1985.",
    ],
)
def test_levels_that_belong_elsewhere_are_not_used(text: str) -> None:
    assert growth_messages(text) == []


def test_end_points_after_a_line_break_are_read() -> None:
    text = "Miles increased 14.1 pct in February to\n538.9 mln from 472.3 mln and more later."
    assert growth_messages(text) == []
    assert len(growth_messages(text.replace("14.1", "24.1"))) == 1


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # The first 'from' names its baseline through a possessive.
        (
            "The index rose 7.2 pct in January to 126.4 from December's 117.9 and from 124.6 in "
            "January 1986.",
            False,
        ),
        ("The index rose 9.2 pct in January to 126.4 from December's 117.9.", True),
        # The levels belong to the second change ("cut"), not to "raise ... by five pct".
        (
            "The union wants to raise wages by five pct and cut the working week to 35 hours "
            "from 38.5 hours.",
            False,
        ),
        # "from the 125,313 dlrs": an article before the baseline.
        ("Profit will rise over 580 pct to 700,000 dlrs from the 125,313 dlrs of last year.", True),
        (
            "Shipments fell 6.8 pct to 137.7 mln dlrs from a revised 147.7 mln dlrs in January and "
            "were off 32.1 pct from the 202.7 mln dlrs of a year earlier.",
            False,
        ),
        # "from January" is a period, not a level: the change has no stated baseline.
        ("Bankruptcies fell 10.8 pct from January to 1,071 cases.", False),
        # "reported that" does not point back at a level.
        (
            "Analysts had forecast profit of 255 mln stg. "
            "In 1986, Rolls reported that pretax profit rose 48 pct to 120 mln stg.",
            False,
        ),
        # An earlier level of the same metric is not a baseline unless the text points back.
        (
            "Analysts had forecast profit of 255 mln stg. In 1986, pretax profit rose 48 pct to "
            "120 mln stg.",
            False,
        ),
    ],
)
def test_end_points_follow_the_change_they_belong_to(text: str, fires: bool) -> None:
    assert len(growth_messages(text)) == int(fires)


def test_a_finding_gives_the_likely_fix() -> None:
    (message,) = growth_messages("Revenue rose 12% to €84 million from €70 million in 2023.")
    assert message.endswith("if +12% is right, the start was €75 million")
    (message,) = growth_messages("Sales doubled to $50 million from $20 million.")
    assert message.endswith("doubled from $20 million is $40 million")


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("The farm generated 4.6 TWh in 2024, up 18% from 3.6 TWh in 2023.", True),
        ("The farm generated 4.6 TWh in 2024, up 28% from 3.6 TWh in 2023.", False),
        ("Production was 86,000 tons, down 7.5 pct from 93,000 tons a week earlier.", False),
        ("Production was 86,000 tons, down 17.5 pct from 93,000 tons a week earlier.", True),
        # A range of changes between ranges of levels.
        (
            "Output was 3.2 to 3.5 mln tonnes, down 16.7 to 22 pct from the 4.1 to 4.2 mln tonnes "
            "of last year.",
            False,
        ),
        # A day of the month before the comma is not the level.
        (
            "Plants generated 47.68 billion kWh in the week ended April four, up 11.1 pct from "
            "42.91 billion a year earlier.",
            False,
        ),
        # Two figures before the comma: which one changed is not clear.
        ("It made 4.6 TWh and 2.1 TWh of heat, up 18% from 3.6 TWh.", False),
    ],
)
def test_a_level_before_the_change_is_its_end(text: str, fires: bool) -> None:
    assert len(growth_messages(text)) == int(fires)


def test_the_one_like_figure_of_the_clause_before_the_change_is_its_level() -> None:
    text = (
        "A total of 12,480 people were admitted to hospital with flu between October and April, "
        "up 18% from 9,870 in the previous season."
    )
    (message,) = growth_messages(text)
    assert "12,480 / 9,870 = +26.4%" in message


def test_a_far_level_on_the_wrong_side_of_the_baseline_is_not_the_changes() -> None:
    text = (
        "The quarterly dividend of 10.5 cts per share on the split shares is a 10.5 pct increase "
        "from the 19 cts per share before the split."
    )
    assert growth_messages(text) == []


@pytest.mark.parametrize(("change", "fires"), [("9%", True), ("7%", False)])
def test_a_bare_baseline_of_the_level_s_size_is_in_its_unit(change: str, fires: bool) -> None:
    text = f"Gold output fell {change} to 104,000 ounces from 112,000, reflecting lower grades."
    assert bool(growth_messages(text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Clinics gave 412,000 doses in 2013, 9% more than the 389,000 given in 2012.", True),
        ("Clinics gave 412,000 doses in 2013, 5.9% more than the 389,000 given in 2012.", False),
        ("Sales fell to $150 million in 2013, 5% lower than the $200 million of 2012.", True),
        ("Sales fell to $190 million in 2013, 5% lower than the $200 million of 2012.", False),
        # A comparison with no figure after "than" gives no baseline.
        ("Women earned $41,000, 17% less than men.", False),
    ],
)
def test_a_percentage_more_or_less_than_a_figure_is_a_change_from_it(
    text: str, fires: bool
) -> None:
    assert bool(growth_messages(text)) is fires


@pytest.mark.parametrize(("change", "fires"), [("4.8%", False), ("8.4%", True)])
def test_a_percentage_on_a_figure_is_a_change_from_it(change: str, fires: bool) -> None:
    text = f"The population reached 1,847,300, an increase of {change} on the 1,762,900 of 2011."
    assert bool(growth_messages(text)) is fires


@pytest.mark.parametrize(("change", "fires"), [("45%", True), ("50%", False)])
def test_a_change_to_a_table_cell_starts_from_the_cell_before_it(change: str, fires: bool) -> None:
    text = (
        "| (¥ billion) | FY2020 | FY2021 |\n|---|---|---|\n"
        "| Net sales | 182.4 | 214.7 |\n| Operating profit | 14.6 | 21.9 |\n\n"
        f"Operating profit jumped {change} to ¥21.9 billion in the year.\n"
    )
    doc = analyze_source(source_from_text(text, "t.md", "markdown"), Options())
    found = [f for f in Engine(GROWTH).check(doc)]
    assert bool(found) is fires


def test_columns_that_are_not_periods_in_order_give_no_baseline() -> None:
    text = (
        "| (¥ billion) | FY2021 | FY2020 |\n|---|---|---|\n"
        "| Operating profit | 21.9 | 14.6 |\n\n"
        "Operating profit jumped 45% to ¥21.9 billion in the year.\n"
    )
    doc = analyze_source(source_from_text(text, "t.md", "markdown"), Options())
    assert Engine(GROWTH).check(doc) == []
