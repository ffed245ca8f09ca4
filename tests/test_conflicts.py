"""The conflict check on small texts: what fires, what does not, and what the messages say."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.checks.conflict import same_subject
from tests.helpers import document, findings, rule

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
        "It had 4.5 million users in AIoT in 2019, the filing showed."
    )  # a typical slip (45 and 4.5): an arbitrary difference needs the later figure restated
    assert len(conflict_messages(text)) == 1
    consistent = text.replace("4.5 million", "48 million")
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


# -- the same claim in other words, and near misses in the last digits ---------------------------

WORDED = [rule("conflicting-figures"), rule("inconsistent-rounding")]


def worded(text: str) -> list[str]:
    return [f.rule for f in findings(text, rules=WORDED)]


@pytest.mark.parametrize(
    "text",
    [
        "The league signed a seven-year extension worth £2.4 billion with Skyline. "
        "The seven-year contract, valued at £2.9 billion, starts in 2025.",
        "The firm will spend $4.2 billion over the next five years. "
        "Analysts praised the $420 million five-year plan.",
        "Net profit was 842.6 mln rand. The chief executive spoke to reporters, adding that "
        "the 824.6 mln rand net profit had let the board raise the dividend.",
        "Sarvatra added a net 1.27 crore mobile subscribers in the quarter. "
        '"We added 12.7 lakh customers in the quarter," the managing director said.',
        "Western Rail carried 48.6m passenger journeys in the year to March. "
        '"We carried 46.8 million passengers in the year to March," he said.',
        "The study followed 2,418 adults for ten years. "
        '"Across the 2,148 participants the signal did not go away," she said.',
        "Year\n\nNet 80.1 mln vs 70.6 mln\n\nRevs 1.52 billion vs 1.38 billion\n\nIts backlog "
        "stood at 2.34 billion dlrs at the end of December.\n\n"
        '"We enter 2007 with a backlog of 2.43 billion dlrs," he said.',
        "The mine produced 463,354 tonnes of ore last year, the company said. Prices rose. "
        "The 4,633,540 tonnes output last year compared with a peak of 700,000 tonnes.",
        "The programme breaks down as follows: water R4.9 billion, electricity R3.7 billion, "
        'roads R2.8 billion and clinics R1.3 billion. "This year we are putting R7.3 billion '
        'into electricity alone," the mayor said.',
        "About 6,800 residents were evacuated overnight. Some 860 homes were flooded. "
        '"The evacuation of roughly 8,600 people in a day is a credit to this town," he said.',
        "It sold 1.25 bln euros of bonds, drawing orders of 4.6 bln euros, the bank said. "
        '"A book of more than 6.4 billion euros shows investors trust us," the treasurer said.',
        # a quantity lost (a change) and the same quantity as a level, its digits swapped
        "Severn Water lost 412.6 megalitres of treated water a day through leaks in 2023-24. "
        'Bills will rise. "It is still pouring 421.6 megalitres a day into the ground," the '
        "forum's chair said.",
    ],
)
def test_the_same_claim_in_other_words_conflicts(text: str) -> None:
    assert worded(text) == ["conflicting-figures"]


@pytest.mark.parametrize(
    "text",
    [
        # Different entities.
        "Skyline signed a seven-year deal worth £2.4 billion. "
        "Rival Media signed a seven-year deal worth £2.9 billion last year.",
        # Different periods.
        "The league signed a seven-year extension worth £2.4 billion. "
        "The previous four-year contract was valued at £1.2 billion.",
        # Different segments.
        "The firm will spend $4.2 billion over the next five years on plants. "
        "It will spend $420 million over five years on research.",
        # Different years.
        "Net profit was 43.8 million euros in 2023. Net profit of 43.6 million euros in 2022 was "
        "lower.",
    ],
)
def test_different_entities_segments_and_periods_stay_apart(text: str) -> None:
    assert worded(text) == []


def test_rows_of_two_lists_naming_the_same_items_are_not_one_figure() -> None:
    text = (
        "Linseed cake and expellers 136 dlrs, pellets 114 dlrs and meal 104 dlrs, all for "
        "June. Soybean cake and expellers 170 dlrs, pellets 163 dlrs and meal 153 dlrs, all "
        "for May."
    )
    assert worded(text) == []


def test_a_bound_is_no_power_of_ten_slip() -> None:
    text = (
        "The renovation budget of €2.4 billion includes €1.1 billion for insulation. "
        '"It is a down payment on a bill of more than €11 billion," the minister said.'
    )
    assert worded(text) == []


def test_a_tenth_of_a_figure_is_not_its_slip() -> None:
    text = (
        "The banks have a combined exposure of 10,052 billion won to the firms. "
        "The companies must raise 1,005.2 billion won by the end of the year."
    )
    assert worded(text) == []


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("43.8", "43.6", ["inconsistent-rounding"]),
        ("43.76", "43.8", []),  # 43.76 rounds to 43.8
        ("43.8", "44", []),  # 44 allows 43.5 to 44.5
        # Not a slip in the last digits, and net profit without a subject may be two figures.
        ("43.8", "46.2", []),
        ("2.34", "2.4", ["inconsistent-rounding"]),  # 2.34 rounds to 2.3
        ("16.67", "18", []),  # 7% apart: two figures, not one written twice
    ],
)
def test_near_misses_are_rounding_and_far_ones_conflicts(
    first: str, second: str, expected: list[str]
) -> None:
    text = (
        f"Net profit was {first} million euros in 2023. "
        f"Net profit of {second} million euros in 2023 beat forecasts."
    )
    assert worded(text) == expected


def test_a_rounding_message_gives_both_ranges() -> None:
    text = "Turnout was 64.2% in 2023, officials said. Officials put turnout at 64.4% in 2023."
    (found,) = findings(text, rules=WORDED)
    assert "64.2% means 64.15 to 64.25, 64.4% means 64.35 to 64.45" in found.message
    assert str(found.severity) == "warning"


def test_small_whole_numbers_are_not_rounding_slips() -> None:
    text = "Turnout was 64% in 2023, officials said. Officials put turnout at 63% in 2023."
    assert worded(text) == ["conflicting-figures"]


def test_results_table_periods_with_units_before_vs_are_not_compared() -> None:
    text = (
        "Shr profit 14 cts vs loss 31 cts\n"
        "    Net profit 374,000 vs loss 707,000\n"
        "    Year\n"
        "    Shr profit 20 cts vs loss 69 cts\n"
        "    Net profit 530,000 vs loss 1,376,000\n"
    )
    assert worded(text) == []


def test_counts_of_head_and_shares_are_not_compared() -> None:
    text = (
        "Over 750,000 head of cattle are suffering from the drought. "
        "Officials said 20,000 head of cattle are now in danger."
    )
    assert worded(text) == []


def test_rows_under_a_year_header_line_are_not_the_quarter_above() -> None:
    text = (
        "March 5 - Net profit 374,000 dlrs vs loss 707,000 dlrs\n"
        "    Revs 19.1 mln vs 15.5 mln\n"
        "    Year\n"
        "    Net profit 530,000 dlrs vs loss 1,376,000 dlrs\n"
        "    Revs 69.1 mln vs 64.3 mln\n"
    )
    claims = document(text).claims
    assert {c.scope for c in claims if c.text.startswith("530,000")} == {"table block: full year"}
    assert worded(text) == []


def test_a_metric_with_many_values_describes_many_things() -> None:
    text = (
        "Typhoon Imbudo reached peak winds of 165 km/h. Typhoon Koni reached peak winds of "
        "120 km/h. Typhoon Etau reached peak winds of 175 km/h. Typhoon Vamco reached peak "
        "winds of 140 km/h."
    )
    assert worded(text) == []


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Net profit of 43.6 million euros beat forecasts.", ["inconsistent-rounding"]),
        ("Net profit of 43.6 million euros in 2022 was lower.", []),
    ],
)
def test_a_near_miss_without_a_period_is_the_same_figure(second: str, expected: list) -> None:
    text = f"Net profit was 43.8 million euros in 2023. {second}"
    assert worded(text) == expected


def test_next_year_in_a_dated_article_is_that_year() -> None:
    text = (
        "Turnout will reach 64% next year, officials said. Officials put turnout at 46% for 2023."
    )
    found = findings(text, dt.date(2022, 12, 6), rules=WORDED)
    assert [f.rule for f in found] == ["conflicting-figures"]
    assert [f.rule for f in findings(text, dt.date(2023, 12, 6), rules=WORDED)] == []


def test_a_record_beaten_is_another_figure() -> None:
    text = (
        "Kershaw and the Dodgers agreed on a seven-year, $215 million contract extension. The "
        "deal was the richest for a pitcher, eclipsing the seven-year, $180 million contract "
        "signed by Justin Verlander."
    )
    assert worded(text) == []
    claims = document(text).claims
    assert [c.role for c in claims if c.text == "$180 million"] == ["compared"]


@pytest.mark.parametrize(
    "text",
    [
        # "the N ..." says the figure was given before, even without the period or every word.
        "The district's three departments recorded 48,200 attendances in the quarter. The chair "
        "said the 42,800 attendances at the district's departments were too many.",
        "The farm's 84 turbines generated 4.6 TWh. Crews made six visits to each of the farm's "
        "48 turbines in 2024.",
        "Health officials have recorded 1,240 confirmed cases of measles since January. Officials "
        "said the 1,420 confirmed cases recorded so far this year were a record.",
        "Tallis will pay for a relief road, at a cost of £38 million, and £6.5 million for a "
        "school. The county must approve the £28 million relief road first.",
    ],
)
def test_a_definite_restatement_is_compared_with_the_figure_it_restates(text: str) -> None:
    assert worded(text) == ["conflicting-figures"]


@pytest.mark.parametrize(
    "text",
    [
        # Another time's figure, a whole parts are taken from, a model, a range, a small count.
        "The deficit widened to 1.94 billion dlrs. It compared with 1985's 584 mln dlr deficit.",
        "Orders rose to 4,000 tonnes. Half the 3,000 tonnes came from Japan.",
        "The 747-400 weighs 870,000 pounds. It is heavier than the 300 series jet of 780,000 "
        "pounds.",
        "The bank has 3.8 billion dlrs of debt. Security Pacific's 1.7 billion dlrs of debt was "
        "downgraded.",
        "The firm expects earnings of 6.50 dlrs a share. Analysts expect the 1.15-1.20 dlr range.",
        "Five firms bid for the contract. Officials said the three firms were told on Monday.",
        "The bank holds a 20 pct stake in the group. It later raised the 25 pct stake it holds.",
        # Two earlier figures: which one is restated is not clear.
        "Brazil suspended payments on its 68 billion dlr debt and on 15 billion dlrs of credit "
        "lines. Bankers said Brazil's 109 billion dlr debt needs a political solution.",
    ],
)
def test_other_definite_figures_are_not_restatements(text: str) -> None:
    assert worded(text) == []


def test_a_restatement_that_only_rounds_differently_is_a_rounding_slip() -> None:
    text = (
        "The service ended the quarter with 2.34 million paying subscribers. Analysts said the "
        "2.4 million paying subscribers gave it room to grow."
    )
    assert worded(text) == ["inconsistent-rounding"]


@pytest.mark.parametrize(
    "text",
    [
        # A planned cut restates a cut; a named rate with decimals restates the rate.
        "The lender would cut about 2,300 jobs by 2026. Analysts said the 3,200 positions the "
        "bank intends to eliminate by 2026 were a sign of weakness.",
        "Gross margin improved to 27.4% from 25.9%. Wrona said the 27.9% gross margin was unlikely "
        "to last.",
        # A power is a capacity even where no word says so.
        "The first phase includes a 3-gigawatt electrolyser factory. Construction of the 5 GW "
        "Gujarat electrolyser plant is due to begin in 2024.",
    ],
)
def test_restatements_of_cuts_rates_and_capacities(text: str) -> None:
    assert worded(text) == ["conflicting-figures"]


def test_part_of_a_figure_is_not_its_restatement() -> None:
    text = (
        "A rights issue would raise 61 mln marks. Part of the 274.5 mln marks from the issue "
        "would pay for the acquisition."
    )
    assert worded(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A month's figure restates the month's.
        (
            "The economy added 37,300 jobs in the month, the agency said. Economists said "
            "January's gain of 33,700 jobs was not enough.",
            ["conflicting-figures"],
        ),
        (
            "The economy added 37,300 jobs in January. November's gain of 33,700 jobs was larger.",
            [],
        ),
        # A relative clause must say of the figure what the earlier sentence said.
        (
            "Of those patients, 946 needed treatment in intensive care. Doctors said the 649 "
            "patients who needed intensive care this winter did not arrive evenly.",
            ["conflicting-figures"],
        ),
        (
            "A total of 156 riders started the race. Only 14 riders were left in the front group. "
            "Then 61 of the 165 riders who finished were given a medal.",
            [],
        ),
    ],
)
def test_restatements_with_a_month_or_a_relative_clause(text: str, expected: list[str]) -> None:
    assert worded(text) == expected


def test_a_named_rate_without_a_period_is_the_rate_of_the_articles_year() -> None:
    text = (
        "The survey found an adult smoking rate of 11.9%, down from 13.4% in 2021. Officials said "
        "an adult smoking rate of 19.1% this year was a record low."
    )
    found = findings(text, date=dt.date(2022, 11, 3), rules=WORDED)
    assert [f.rule for f in found] == ["conflicting-figures"]


@pytest.mark.parametrize(("restated", "expected"), [("16.2", ["inconsistent-rounding"]),
                                                     ("16.3", [])])  # fmt: skip
def test_a_precise_figure_given_again_cut_short_needs_no_metric(
    restated: str, expected: list[str]
) -> None:
    text = (
        "By region, the north grew 11.40 mln tonnes, the centre 9.85 mln and the south 5.12 "
        "mln.\n\nExports in the year that began on July 1 are forecast at 16.27 mln tonnes, up "
        'from 14.90 mln tonnes, with use steady at 11.80 mln tonnes.\n\n"The revision of '
        '520,000 tonnes is a northern story," a broker said.\n\nTraders said the '
        f"{restated} mln tonne export forecast looked ambitious at 188 dlrs a tonne."
    )
    assert worded(text) == expected


def test_near_misses_of_a_wait_said_more_briefly_are_rounding_slips() -> None:
    text = (
        "The average wait for a first outpatient appointment was 14.6 weeks in March. Dermatology "
        "had the longest waits, at 23.5 weeks, and cardiology the shortest, at 9.8 weeks. A "
        "charity said the average outpatient wait of 14.8 weeks in March hid wide differences."
    )
    assert worded(text) == ["inconsistent-rounding"]


def test_figures_given_respectively_are_not_compared() -> None:
    text = (
        "Depreciation was $0.04 million and $0.13 million in 2019 and 2018, respectively. "
        "Depreciation on buildings was $0.5 million in 2019."
    )
    assert worded(text) == []


def test_near_misses_of_a_percentage_named_by_its_own_word() -> None:
    text = (
        'The team estimates a porosity of 41.7% for the asteroid. "With a porosity of 41.5%, '
        'it is a pile of boulders," the project scientist said.'
    )
    assert worded(text) == ["inconsistent-rounding"]


def test_near_misses_of_a_broad_metric_still_need_a_subject() -> None:
    text = "The yield of the first tranche was 8.78%. The yield of the second tranche was 8.76%."
    assert worded(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts of shares are compared only when their digits are swapped
        (
            "Lantau bought 12.4 mln shares of Shun Wo in two weeks, a filing showed.\n\n"
            "Brokers said Lantau's 14.2 mln shares were bought in the two weeks.",
            ["conflicting-figures"],
        ),
        (
            "Lantau bought 10 mln shares of Shun Wo in two weeks, a filing showed.\n\n"
            "Shun Wo has 100 mln shares in issue.",
            [],
        ),
        (
            "Lantau bought 12.4 mln shares of Shun Wo in two weeks, a filing showed.\n\n"
            "Brokers said Lantau's 12.9 mln shares were bought in the two weeks.",
            [],
        ),
    ],
)
def test_share_counts_conflict_only_when_their_digits_are_swapped(
    text: str, expected: list[str]
) -> None:
    assert [r for r in worded(text) if r == "conflicting-figures"] == expected


def test_a_figure_equal_to_another_earlier_one_restates_that_one() -> None:
    text = (
        "Halden agreed to buy the radar maker in a tender offer of 27 dlrs a share, for a total "
        "value of about 367 mln dlrs. The spokeswoman said the 27 dlrs tender offer price was "
        "fair."
    )
    assert [f for f in findings(text) if f.rule == "conflicting-figures"] == []


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ('"Fifteen quid a month," she said.', "money", "GBP"),
        ("The same 150-megabit line costs more.", "quantity", "megabit"),
        ("A 1 Gbps plan costs more.", "quantity", "gigabit/second"),
    ],
)
def test_quid_and_data_rates_are_read(text: str, kind: str, unit: str) -> None:
    (claim,) = document(text).claims
    assert (claim.kind, claim.unit) == (kind, unit)


def test_two_segments_figures_are_apart_but_a_figure_and_its_segment_are_not() -> None:
    from checker.checks.conflict import _segments_apart

    forestry, marine, group = (
        document(f"{name} EBIT was SEK 212 million in the quarter.").claims[0]
        for name in ("Forestry", "Marine", "Group")
    )
    bare = document("EBIT was SEK 212 million in the quarter.").claims[0]
    assert _segments_apart(forestry, marine)
    assert not _segments_apart(forestry, bare)
    assert not _segments_apart(forestry, forestry)
    assert group.subject != forestry.subject


def test_a_figure_misstated_against_two_statements_is_one_finding_naming_all_three() -> None:
    text = (
        "Harrow Foods reported revenue of $684.2 million for 2024.\n\n"
        "Its chief executive said revenue of $648.2 million was a record.\n\n"
        "The annual report gives 2024 revenue of $684.2 million."
    )
    (finding,) = findings(text, rules=CONFLICT)
    lines = {finding.location.line, *(r.location.line for r in finding.related)}
    assert lines == {1, 3, 5}
    assert any("the same figure again" in r.message for r in finding.related)


def test_ebitda_spelled_out_is_a_profit_and_proceeds_are_what_an_issue_raises() -> None:
    ebitda = (
        "Earnings before interest, tax, depreciation and amortisation climbed to £171.5m in "
        'the half.\n\nThe finance chief said: "EBITDA of £175.1m shows the model works."'
    )
    assert len(findings(ebitda, rules=CONFLICT)) == 1
    issue = (
        "The rights issue raises 412.8 mln stg for the bank.\n\n"
        "Gross proceeds of 421.8 mln stg will be reduced by expenses of about 9.6 mln stg."
    )
    assert [c.metric for c in document(issue).claims][:2] == ["funding round"] * 2


def test_a_figure_the_story_repeats_is_what_a_slipped_quote_restates() -> None:
    text = (
        "The landslide on Sunday destroyed 78 homes in the village.\n\n"
        "Engineers said 78 homes had gone and 214 more were at risk.\n\n"
        '"Eighty-seven homes, gone in one night," the mayor said.'
    )
    (finding,) = findings(text, rules=CONFLICT)
    assert "the first given again elsewhere in the same words +1" in finding.details["evidence"]


def test_a_wire_lead_that_slips_the_headlines_figure_conflicts() -> None:
    text = (
        "MOROCCO TENDERS FOR 55,000 TONNES SOYOIL\n\n"
        "CHICAGO, April 9 - Morocco tenders on April 14 for 58,000 tonnes of soyoil, "
        "exporters said.\n"
    )
    (finding,) = findings(text, rules=CONFLICT)
    assert "in the story's first sentence +0.5" in finding.details["evidence"]
    later = text.replace(" - Morocco", " - Exporters said the tender was due. Morocco")
    assert findings(later, rules=CONFLICT) == []  # a later sentence may give another figure


@pytest.mark.parametrize(
    ("lead", "conflicts"),
    [
        ("the Bank gave the money market late help of around 450 mln stg.", True),
        ("the Bank said it would offer 500 mln stg of 13-week bills and 200 mln stg of "
         "26-week bills.", False),  # the headline gives the lead's total
        ("it will tender for two 350-mln-stg tranches of bills.", False),
    ],
)  # fmt: skip
def test_a_lead_restates_its_headlines_figure_unless_it_adds_up_to_it(
    lead: str, conflicts: bool
) -> None:
    text = f"U.K. MONEY MARKET GIVEN 700 MLN STG LATE HELP\n\nLONDON, March 16 - {lead}\n"
    if "450" in lead:  # one digit changed
        text = text.replace("700 MLN", "550 MLN")
    assert bool(findings(text, rules=CONFLICT)) is conflicts


def test_a_rounded_restatement_in_words_with_two_digits_swapped_conflicts() -> None:
    text = (
        "The volcano threw out 23,400 tonnes of ash on Tuesday, the institute said.\n\n"
        '"The thirty-two thousand tonnes of ash it threw out on Tuesday," the volcanologist '
        'said, "fell mostly on farmland."'
    )
    (finding,) = findings(text, rules=CONFLICT)
    assert "23,400 tonnes conflicts with thirty-two thousand tonnes" in finding.message
    finer = "The company sells a 3.5-inch disk.\n\nThe 5.25-inch disk it sold before is gone."
    assert findings(finer, rules=CONFLICT) == []  # the later figure is the finer one


def test_a_known_figure_of_a_named_measure_does_not_restate_one_that_names_none() -> None:
    text = (
        "The utility narrowed its annual loss to R1.18bn in the year to June 30.\n\n"
        "It secured a R3.4bn loan, with the first R1.1bn drawdown due in October.\n\n"
        '"We have gone to a loss of R1.13bn," the finance chief said.'
    )
    found = findings(text, date=dt.date(2024, 9, 1))
    assert [f.rule for f in found] == ["conflicting-figures"]


@pytest.mark.parametrize(("later", "fires"), [("$13.8 million", True), ("$11.8 million", False)])
def test_a_compound_s_shortfall_restated_as_a_hole_conflicts(later: str, fires: bool) -> None:
    text = (
        "The school board voted on Thursday to cut 142 positions as it tries to close an $11.8 "
        'million budget shortfall. Parents packed the meeting. "We have a '
        f'{later} hole to fill next year," the superintendent said.'
    )
    assert bool(conflict_messages(text)) is fires


def test_a_figure_pointed_back_to_is_given_as_known() -> None:
    text = (
        "The province approved a redevelopment that will add 312 inpatient beds. Occupancy is "
        "high. These 321 additional beds will change the region, the chief executive said."
    )
    (message,) = conflict_messages(text)
    assert message.startswith("312 conflicts with 321")


def test_basis_points_restated_with_digits_swapped_conflict() -> None:
    text = (
        "The seven-year notes were priced at 185 basis points over mid-swaps, the bank said. "
        'Analysts were unsure. "At 158 basis points over swaps for seven years, you are not '
        'paid much," said one analyst.'
    )
    (message,) = conflict_messages(text)
    assert message.startswith("185 basis points conflicts with 158 basis points")


@pytest.mark.parametrize(
    ("later", "fires"), [("Rp 4.5 trillion", True), ("Rp 5.4 trillion", False)]
)
def test_a_plan_restated_with_a_later_year_is_still_a_plan(later: str, fires: bool) -> None:
    text = (
        "---\ndate: 2018-05-09\n---\n"
        "Bank Mikro said on Wednesday it would raise Rp 5.4 trillion through a rights issue. "
        "The shares go on sale in June.\n\n"
        f'"The {later} we are raising will let us reach a million more customers by 2020," '
        "its president director said."
    )
    assert bool(conflict_messages(text)) is fires


@pytest.mark.parametrize(
    ("later", "fires"), [("KSh 2.3 billion", True), ("KSh 3.2 billion", False)]
)
def test_a_figure_a_speaker_s_clause_refers_back_to_restates_one(later: str, fires: bool) -> None:
    text = (
        "According to the county treasury, Rift Plains owes contractors and suppliers KSh 3.2 "
        "billion in pending bills. Some firms have gone to court.\n\n"
        f'"The {later} we owe them will be paid in phases," the governor said.'
    )
    assert bool(conflict_messages(text)) is fires


@pytest.mark.parametrize(("later", "fires"), [("24.6 mln", True), ("26.4 mln", False)])
def test_a_bare_scaled_figure_in_a_one_currency_story_is_an_amount_in_it(
    later: str, fires: bool
) -> None:
    text = (
        "NEW YORK, March 3 - Harlan Refining Corp said first-quarter net profit rose to 26.4 mln "
        "dlrs, or 1.12 dlrs a share, from 21.5 mln dlrs, or 98 cts a share.\n\n"
        f"    Shr 1.12 dlrs vs 98 cts\n    Net {later} vs 21.5 mln\n"
    )
    assert bool(conflict_messages(text)) is fires


def test_a_bare_figure_of_things_and_a_power_of_ten_off_are_not_one_amount() -> None:
    text = (
        "The bank made a net profit of 13.51 mln dlrs in 1985, its report said. It paid 10 pct "
        "on capital of 135.1 mln in 1985. The transit agency will spend $42.1 million on buses. "
        "Buses carried 24.1 million of those trips, the agency said."
    )
    assert conflict_messages(text) == []
