"""Parts, wholes, shares and sums: the kinds share, part_whole, share_sum and sum."""

from __future__ import annotations

import pytest

from checker.document import Options, analyze_source
from checker.engine import Engine
from checker.source import source_from_text
from tests.helpers import document, findings, rule


def messages(rule_id: str, text: str) -> list[str]:
    return [f.message for f in findings(text, rules=[rule(rule_id)])]


# -- share-arithmetic ---------------------------------------------------------------------------


def test_a_wrong_share_is_explained_with_the_fix() -> None:
    (message,) = messages(
        "share-arithmetic", "The unit earned ₹300 crore, or 40% of the ₹1,200 crore total."
    )
    assert "300 / 1,200 = 25.0%, not 40%" in message
    assert "40% of ₹1,200 crore would be ₹480 crore" in message


@pytest.mark.parametrize(
    "text",
    [
        "Labour won 12 of the 40 seats, or 45%.",
        "Exports of $1.7 billion accounted for 52% of the $4.1 billion total.",
        "40% of the ₹1,200 crore total, or ₹300 crore, came from exports.",
        "The unit earned ₹300 crore (40% of the ₹1,200 crore total).",
        # a count's noun before the share, with or without a comma
        "The group holds 4.1 mln Harwell shares, or 33.6 pct of the company's 30 mln shares.",
        "The group holds 5.1 mln Harwell shares or 36.85 pct of its 30.27 mln issued shares.",
        # the whole named by a phrase ending in "of"
        "The firms get 430 mln dlrs, or 21.5 pct of the construction cost of 3.74 billion dlrs.",
        "Its clubs had revenues of 450 mln dlrs, or 48 pct of Bally's total revenues of 1.64 "
        "billion dlrs.",
        # set beside its part by a comma
        "The banks paid out 16 billion pesos in loan repayments, about 69 pct of the deficit of "
        "27 billion pesos.",
        # the whole after a possessive name
        "Tokai owns 71.4 million of Coralfield's 476.3 million shares, or 17.0% of the company.",
    ],
)
def test_every_share_form_is_read(text: str) -> None:
    assert len(messages("share-arithmetic", text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Exports of $1.7 billion accounted for 41% of the $4.1 billion total.",  # 41.5%, rounded
        "Exports of about $1.7 billion, or roughly 40% of the $4.1 billion total.",
        "Labour won 12 of the 40 seats, or 30%.",
        "Turnout was 62%, and Smith won 5,100 votes, or 48% of the votes cast.",
        "The unit earned ₹300 crore ($36 million), or 25% of the ₹1,200 crore total.",
        "Revenue rose 40% to ₹300 crore from ₹1,200 crore.",  # a change, not a share
        "The group holds 4.1 mln Harwell shares, or 13.7 pct of the company's 30 mln shares.",
        "The banks paid out 16 billion pesos in loan repayments, about 59 pct of the deficit of "
        "27 billion pesos.",
        # not a whole: what the holders bought after
        "It holds 1.8 mln shares or 17.6 pct of the total outstanding following purchases of "
        "84,300 shares.",
    ],
)
def test_right_or_unrelated_shares_pass(text: str) -> None:
    assert messages("share-arithmetic", text) == []


# -- part-exceeds-whole -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Of those 41 million passengers, 52 million flew economy.",
        "Labour won 42 of the 40 seats.",
        "Only 52 out of 41 members voted.",
        "The unit earned ₹1,500 crore, or 25% of the ₹1,200 crore total.",
        # the whole counted in an earlier sentence, named again by its noun
        "The scheme registered 48,600 farmers. So far 52,300 of the registered farmers have "
        "received seedlings.",
        # what 'including' introduces, named more narrowly
        "Lajur plans to recruit 38,000 new driver-partners, including 41,500 motorcycle riders.",
        # "of which" wrapped over two lines, as wire copy is
        "This week's arrivals total 194,000 tonnes, of\nwhich 45,000 are grains and 949,000 "
        "derivatives.",
        # a count of things a cut names, and a part of it
        "The brewer will cut about 850 jobs over the next two years, including 920 in Denmark.",
        # the whole named by a word for its metric, or by 'those'
        "The group's workforce rose to 14,680 at the year-end. In all, 14,860 of the staff are "
        "employed in Britain.",
        "The operator runs 18,900 sites. Engineers say 19,240 of those sites have 4G.",
    ],
)
def test_a_part_larger_than_its_whole_fires(text: str) -> None:
    (message,) = messages("part-exceeds-whole", text)
    assert "is more than the whole it is part of" in message


@pytest.mark.parametrize(
    "text",
    [
        "Of those 41 million passengers, 32 million flew economy.",
        "About 20,000 of the 28,000 workers were laid off.",
        "Of those 41 million passengers, about 41 million flew.",  # equal within precision
        "Revenue rose to 52 million from 41 million.",
        "He was one of 40 candidates, and 52 of them withdrew.",  # not 'of the'
        "Lajur plans to recruit 38,000 new driver-partners, including 21,500 motorcycle riders.",
        "The airline ordered 13 aircraft, including 68,000 spare parts.",  # plainly another set
        # a net change of money its parts may exceed
        "Profit rose by $5 million, including $7 million from the sale of a unit.",
        # "among the ten" names the whole, not a further part
        "There were eight new members, including five from the public sector, among the ten "
        "elected.",
    ],
)
def test_parts_within_their_whole_pass(text: str) -> None:
    assert messages("part-exceeds-whole", text) == []


# -- sum-of-parts -------------------------------------------------------------------------------


def test_parts_that_do_not_add_up_are_explained() -> None:
    (message,) = messages(
        "sum-of-parts", "Revenue of $10m: $3m from ads and $5m from subscriptions."
    )
    assert "add up to $8 million, less than the total: 3 + 5 = 8" in message


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Revenue of $10m: $3m from ads and $5m from subscriptions.", True),
        ("Revenue of $10m: $4m from ads and $5m from subscriptions.", False),  # 4.4 + 5.4 = 9.8
        ("Revenue of $10.0m: $4.0m from ads and $5.0m from subscriptions.", True),
        ("Revenue of $10m, including $3m from ads and $5m from subscriptions.", False),  # partial
        ("Revenue of $10m, including $7m from ads and $5m from subscriptions.", True),
        ("Sales were £38.7m in Britain and £22.6m abroad, a total of £61.4m.", False),
        ("Sales were £38.7m in Britain and £22.6m abroad, a total of £61.6m.", True),
        (
            "The budget of €12 million is split between €8 million for roads and €6 million for "
            "schools.",
            True,
        ),
        ("Revenue of $10m: $3m from ads, $2m from events and $5m from subscriptions.", False),
        # Not a list: a change and its levels.
        ("Revenue rose to $10m from $3m, and costs to $5m.", False),
    ],
)
def test_sums_follow_the_precision_of_every_figure(text: str, fires: bool) -> None:
    assert len(messages("sum-of-parts", text)) == int(fires)


# -- shares-sum ---------------------------------------------------------------------------------


def test_shares_of_one_whole_over_100_are_explained() -> None:
    (message,) = messages("shares-sum", "Smith won 52%, Jones 38% and Lee 15% of the vote.")
    assert "52 + 38 + 15 = 105%" in message


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Smith won 52%, Jones 38% and Lee 15% of the vote.", True),
        ("Smith won 52%, Jones 38% and Lee 10% of the vote.", False),
        ("Smith won 33%, Jones 33% and Lee 33% of the vote.", False),
        ("Smith won 52% of the vote in Leeds, 38% in York and 45% in Hull.", False),
        ("Turnout was 64%, and Smith won 52% of the votes cast.", False),
        ("The poll gave the Conservatives 41% of the vote, Labour 35% and the rest 24%.", False),
        ("The poll gave the Conservatives 41% of the vote, Labour 35% and the rest 20%.", True),
        ("Sales rose 52%, 38% and 15% in the three regions.", False),  # changes, no whole named
    ],
)
def test_shares_are_judged_only_against_one_named_whole(text: str, fires: bool) -> None:
    assert len(messages("shares-sum", text)) == int(fires)


@pytest.mark.parametrize(
    "text",
    [
        "The company has 10,855 of the 5-7/8 pct preferred shares outstanding.",
        "It has shipped about 300,000 of its 32-bit chips.",
        "It reported net income of 23.1 mln dlrs of 1.51 dlr a share.",
        "Dealers held 35,000 of the two models.",  # units of two kinds, not a part of two
    ],
)
def test_numbers_that_are_not_wholes_are_not_compared(text: str) -> None:
    assert messages("part-exceeds-whole", text) == []


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "The €31.6 million would be spent as follows: €12.4 million on street cleaning in the "
            "historic centre, €9.1 million on facades and €6.8 million on buses.",
            True,
        ),
        (
            "The €28.3 million would be spent as follows: €12.4 million on street cleaning in the "
            "historic centre, €9.1 million on facades and €6.8 million on buses.",
            False,
        ),
        (
            "Revenue of 5.86 trillion won was split among the three divisions: petrochemicals "
            "brought in 2.71 trillion won, batteries 1.94 trillion won and films 0.98 trillion "
            "won.",
            True,
        ),
        # parts in brackets after a colon, the first part's label between
        (
            "The city expects receipts of Rs 13,120 crore from five heads: property tax (Rs 4,820 "
            "crore), grants from the state government (Rs 3,210 crore), development and building "
            "permit fees (Rs 2,185 crore), water charges (Rs 1,365 crore) and other income (Rs "
            "1,040 crore).",
            True,
        ),
        (
            "The city expects receipts of Rs 12,620 crore from five heads: property tax (Rs 4,820 "
            "crore), grants from the state government (Rs 3,210 crore), development and building "
            "permit fees (Rs 2,185 crore), water charges (Rs 1,365 crore) and other income (Rs "
            "1,040 crore).",
            False,
        ),
        # a whole in the sentence before, and the parts said to be all of it by their number
        (
            "The council has to find £14.6 million of savings. Officers listed three sources: "
            "£6.2 million from contracts, £4.9 million from merging teams, and £2.7 million from "
            "selling property.",
            True,
        ),
        # without their number, the parts may be only some of it
        (
            "The council has to find £14.6 million of savings. Officers listed some sources: "
            "£6.2 million from contracts, £4.9 million from merging teams, and £2.7 million from "
            "selling property.",
            False,
        ),
    ],
)
def test_totals_announced_in_other_words(text: str, fires: bool) -> None:
    assert len(messages("sum-of-parts", text)) == int(fires)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Farrow scored 22 league goals, Bielak added 11 and Reid chipped in with nine. Between "
         "them, the three accounted for 45 of the team's 71 goals.", True),
        ("Farrow scored 22 league goals, Bielak added 11 and Reid chipped in with nine. Between "
         "them, the three accounted for 42 of the team's 71 goals.", False),
        # a rate of each thing is no part: 56 turbines of 8 MW each make the 448 MW
        ("Gannet Rise has 56 turbines of 8 MW each, a combined 448 MW, and Skerry Deep is a "
         "960 MW project. Together the three would give the coast 2,548 MW.", False),
    ],
)  # fmt: skip
def test_the_figure_of_the_three_together_is_their_sum(text: str, fires: bool) -> None:
    assert len(messages("sum-of-parts", text)) == int(fires)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "Of the zł1.84 billion in revenue, zł1.02 billion came from Germany, zł0.47 billion "
            "from the rest of the EU and zł0.21 billion from Poland.",
            True,
        ),
        (
            "Of the zł1.70 billion in revenue, zł1.02 billion came from Germany, zł0.47 billion "
            "from the rest of the EU and zł0.21 billion from Poland.",
            False,
        ),
        # Not parts: a subset and a range of another subset.
        (
            "Of the 650 buses, 400 will be air-conditioned, and officials said between 120 and 150 "
            "of them could be on the road by the end of the year.",
            False,
        ),
    ],
)
def test_a_total_that_opens_the_list(text: str, fires: bool) -> None:
    assert len(messages("sum-of-parts", text)) == int(fires)


def test_parts_may_leave_out_the_currency_their_total_names() -> None:
    text = (
        "Schools and health account for 927 million francs of spending: 412 million for schools, "
        "298 million for welfare and 187 million for hospitals."
    )
    (message,) = messages("sum-of-parts", text)
    assert "412 + 298 + 187 = 897" in message


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "Capital spending would rise to ₹7,450 crore. Roads get ₹2,230 crore, or 18% of "
            "capital spending, and drains ₹960 crore.",
            True,
        ),
        (
            "Capital spending would rise to ₹7,450 crore. Roads get ₹2,230 crore, or 30% of "
            "capital spending, and drains ₹960 crore.",
            False,
        ),
        # "the total" names nothing in particular.
        (
            "Capital spending would rise to ₹7,450 crore. Roads get ₹2,230 crore, or 18% of the "
            "total.",
            False,
        ),
    ],
)
def test_a_share_of_a_whole_named_in_an_earlier_sentence(text: str, fires: bool) -> None:
    assert len(messages("share-arithmetic", text)) == int(fires)


def test_counts_of_different_things_are_not_one_list() -> None:
    text = (
        "The typhoon damaged 32,745 houses, including 3,837 that were destroyed, forcing 65,648 "
        "people to evacuate."
    )
    assert messages("sum-of-parts", text) == []


def test_a_share_of_small_exact_counts_with_a_long_whole() -> None:
    text = "Candidates won 8 of the 13 council seats on the ballot, or 67%, giving them a majority."
    (message,) = messages("share-arithmetic", text)
    assert "8 / 13 = 61.5%" in message


def test_a_part_after_a_whole_with_a_duration_in_between() -> None:
    text = (
        "Of the 2,140 images it returned during the 36-hour flyby window, 2,410 were taken by "
        "its camera."
    )
    assert len(messages("part-exceeds-whole", text)) == 1


def test_shares_whose_first_names_the_whole() -> None:
    text = (
        "Property taxes will supply 47% of the city's revenue this year, user fees 22%, "
        "transfers from the province 26%, and other sources 13%."
    )
    (message,) = messages("shares-sum", text)
    assert "47 + 22 + 26 + 13 = 108%" in message


@pytest.mark.parametrize(
    "text",
    [
        "Sales were DKK 2.31 billion in water, DKK 1.64 billion in pumps and DKK 0.97 billion in "
        "buildings, for a quarterly total of DKK 4.82 billion.",
        "The £3.46 billion offer is made up of £2.1 billion in cash and £1.16 billion in shares.",
    ],
)
def test_totals_named_in_other_words(text: str) -> None:
    assert len(messages("sum-of-parts", text)) == 1


# -- wholes named in an earlier sentence, "of which" --------------------------------------------


def test_a_part_of_a_whole_named_in_an_earlier_sentence() -> None:
    text = (
        "The total cost of the bridge is £84m, the council said. "
        "The government will pay £96m of the total cost, with the rest from tolls."
    )
    assert [f.rule for f in findings(text)] == ["part-exceeds-whole"]
    assert findings(text.replace("£96m", "£46m")) == []


def test_parts_of_a_whole_named_in_an_earlier_sentence_add_up_to_at_most_it() -> None:
    text = (
        "The new funds total $5.2 billion. "
        "Schools will get $3.1 billion of the new funds and hospitals $3.4 billion."
    )
    assert [f.rule for f in findings(text)] == ["sum-of-parts"]
    assert findings(text.replace("$3.4 billion", "$1.4 billion")) == []


def test_a_part_after_of_which() -> None:
    text = "The group had revenue of €900m in 2018, of which €1,200m came from cloud services."
    assert [f.rule for f in findings(text)] == ["part-exceeds-whole"]
    assert findings(text.replace("€1,200m", "€200m")) == []


def test_of_whom_after_a_bound_is_not_a_part_of_it() -> None:
    text = "Some 6,704 are children under 16, of whom 2,018 have waited over a year."
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # "Of the ..., X contributed ...": the first of the list is the total
        ("Of the ₦412.6 billion group pre-tax profit, Nigeria contributed ₦326.0 billion, Ghana "
         "₦62.7 billion, Kenya ₦21.6 billion and other markets ₦12.3 billion.", True),
        ("Of the ₦422.6 billion group pre-tax profit, Nigeria contributed ₦326.0 billion, Ghana "
         "₦62.7 billion, Kenya ₦21.6 billion and other markets ₦12.3 billion.", False),
        # the parts in parentheses, the total before them
        ("The ₹19,480-crore capital budget is split across four heads: roads (₹7,240 crore), "
         "water (₹5,115 crore), housing (₹5,670 crore) and schools (₹2,455 crore).", True),
        # the whole in the sentence before, the parts joined by long asides
        ("The council must find £38.6m in savings. Officers found £14.2m of that from adult care, "
         "mostly through a review of care packages, £11.8m from children's services, £6.1m from "
         "highways, £5.3m from back offices and £3.2m from libraries.", True),
        # a sum far from any figure is no total of them
        ("The council must find £58.6m in savings. Officers found £14.2m from adult care, "
         "£11.8m from children's services and £6.1m from highways.", False),
        # averages and a time series are not parts
        ("Weekday boardings averaged 14,820. The average was 8,900 on Saturdays, 6,100 on Sundays "
         "and 1,000 on holidays.", False),
        ("Spending was 69 mln dlrs this year. It will fall to 48 mln dlrs in 1988, 20 mln dlrs "
         "in 1989 and 4 mln dlrs in 1990.", False),
    ],
)  # fmt: skip
def test_a_total_found_by_the_sum_its_parts_miss_by_a_slip(text: str, fires: bool) -> None:
    assert bool(messages("sum-of-parts", text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # the whole said to be the total, a sentence before
        ("Refined platinum output came to 1.42 million ounces. The Thaba mine produced "
         "612,000oz, or 47% of the group total.", True),
        ("Refined platinum output came to 1.42 million ounces. The Thaba mine produced "
         "612,000oz, or 43% of the group total.", False),
        # the whole named by its metric
        ("The charity spent £40.8m on charitable spending last year. Education took £16.2m, "
         "or 45% of charitable spending.", True),
        # a share far from any figure before it: of a whole that is not written
        ("Bad debt stood at 29.8 billion dlrs in 1981, against 68.3 billion dlrs of loans. "
         "That was 29.8 billion dlrs, or 12.3 pct of total debt.", False),
        # another share implies the whole
        ("The budget is 432.06 billion dlrs this year. Taxes will be 262.52 billion dlrs, "
         "54.7 pct of the total. State companies will pay 99.50 billion dlrs, or 20.8 pct of "
         "the total.", False),
        # a group named before in other words: any larger figure before may be it
        ("The trial followed 2,480 participants. It flagged 312 participants, or 14.6% of the "
         "sample.", True),
        ("The trial followed 2,480 participants. It flagged 312 participants, or 12.6% of the "
         "sample.", False),
        ("The list holds 5,842 households. Single people are the largest group, at 2,894, or "
         "55% of those on the list.", True),
        ("The university received 41,860 applications. Offers went to 24,150 applicants, or "
         "about 58% of those who applied.", False),
        # far from the one whole, but that whole's share with one digit changed: a slip
        ("Gross earnings rose 12% to ₦612.4 billion. Interest income of ₦431.8 billion made up "
         "the bulk. Trading gains contributed ₦96.2 billion, or 25.7% of gross earnings.", True),
        ("Gross earnings rose 12% to ₦612.4 billion. Interest income of ₦431.8 billion made up "
         "the bulk. Trading gains contributed ₦96.2 billion, or 15.7% of gross earnings.", False),
        # given beside its part with a comma only, as plain a share as with "or"
        ("Revenue was NZ$14.2m. Match-day takings of NZ$2.6m, 23 per cent of total revenue, "
         "fell.", True),
        ("Revenue was NZ$14.2m. Match-day takings of NZ$2.6m, 18 per cent of total revenue, "
         "fell.", False),
        # a whole named only by a word that an earlier figure shares
        ("International traffic rose to 760,000 passengers. New Zealand was the largest market "
         "with 214,000 passengers, or 32% of international traffic.", True),
        ("International traffic rose to 760,000 passengers. New Zealand was the largest market "
         "with 214,000 passengers, or 28% of international traffic.", False),
        # the part's whole named by an opening "Of those"
        ("The agency forecasts 96.4 million boardings in 2013. Of those, 31.2 million, or 38%, "
         "are expected on the light-rail route.", True),
        ("The agency forecasts 96.4 million boardings in 2013. Of those, 31.2 million, or "
         "32.4%, are expected on the light-rail route.", False),
        # far from it: the opening was misread, or the share is of another whole
        ("The list has 6,874 households. Of those still waiting, 2,150 households, or 70 per "
         "cent, are in the city.", False),
    ],
)  # fmt: skip
def test_a_share_of_a_whole_given_before_it(text: str, fires: bool) -> None:
    assert bool(messages("share-arithmetic", text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Copper output totalled 3,420 tonnes, with 4,130 tonnes of that coming from Corrigan "
         "Hill.", True),
        ("Copper output totalled 3,420 tonnes, with 2,130 tonnes of that coming from Corrigan "
         "Hill.", False),
        ("The school interviewed 960 candidates and made offers to 1,412 of those it "
         "interviewed.", True),
        ("Last year 245 mln acres were sown, and 3.5 mln acres of those crops failed.", False),
        ("The state found 2,730 schools need new heating, including 3,120 in old buildings.",
         True),
        ("It supplied 13 telephone exchanges including 68,000 lines.", False),
        ("Outages averaged 4,960MW, with the coal fleet accounting for 5,120MW of that figure.",
         True),
        ("The state committed ₹6,150 crore in subsidy. By March it had released ₹6,480 crore of "
         "that amount, officials said.", True),
        ("A total of 349,980 fans came to 19 games. Season-ticket holders accounted for 361,000 "
         "of those admissions, the club said.", True),
        ("A total of 349,980 fans came to 19 games. Season-ticket holders accounted for 261,000 "
         "of those admissions, the club said.", False),
    ],
)  # fmt: skip
def test_a_part_named_by_of_that_or_including(text: str, fires: bool) -> None:
    assert bool(messages("part-exceeds-whole", text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("According to the report, 41% of cases were in children under five, 33% in those aged "
         "five to 14, 16% in people aged 15 to 29 and 14% in adults.", True),
        ("According to the report, 41% of cases were in children under five, 29% in those aged "
         "five to 14, 16% in people aged 15 to 29 and 14% in adults.", False),
        ("It holds 38 pct of consumer loans, 50 pct of mortgage loans and 18 pct of commercial "
         "loans.", False),
    ],
)  # fmt: skip
def test_shares_of_a_whole_the_first_names_that_add_up_to_just_over_100(
    text: str, fires: bool
) -> None:
    assert bool(messages("shares-sum", text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Revenue dropped 14% to ₩8.74 trillion. North America accounted for ₩9.12 trillion of "
         "quarterly sales, most of it from cells made in Tennessee.", True),
        ("Revenue dropped 14% to ₩8.74 trillion. North America accounted for ₩4.12 trillion of "
         "quarterly sales, most of it from cells made in Tennessee.", False),
        ("It downgraded 410 mln dlrs of debt. It plans to redeem 515 mln dlrs of senior debt, "
         "it said.", False),
    ],
)  # fmt: skip
def test_a_part_of_a_metric_s_whole_named_before(text: str, fires: bool) -> None:
    assert bool(messages("part-exceeds-whole", text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # "Of those" refers back past a baseline to the level of the part's measure
        (
            "In February 640 households were on the waiting list, up from 415 a year before. "
            "Of those, 710 are in the northern wards.",
            True,
        ),
        # past a smaller figure of other things to the whole
        (
            "A total of 14,682 students were enrolled across the area's 19 schools. Of those, "
            "9,214 are in primary schools and 5,468 in secondary colleges.",
            False,
        ),
    ],
)
def test_of_those_opening_a_sentence_takes_the_whole_before(text: str, fires: bool) -> None:
    assert bool(messages("part-exceeds-whole", text)) is fires


def test_an_amount_of_the_total_is_a_part_of_the_figure_called_the_total() -> None:
    text = (
        "Total demand for the bonds was 74.5 billion yen, the lead manager said. Life insurers "
        "bid for 78 billion yen of the total, with regional banks taking most of the rest."
    )
    assert messages("part-exceeds-whole", text)


def test_a_share_beside_what_was_bought_after_is_no_part_of_it() -> None:
    text = (
        "It holds 1.8 mln shares or 17.6 pct of the total outstanding following purchases of "
        "84,300 shares."
    )
    assert messages("part-exceeds-whole", text) == []


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        # bare parts listed after a whole's "of which" take its unit, the commodity named or not
        (
            "Arrivals total 194,000 tonnes, of which 45,000 are grains/oilseeds and 949,000 "
            "derivatives.",
            "part-exceeds-whole",
        ),
        (
            "Ships are loading 32,000 tonnes, including 22,000 for Egypt, 16,000 for Tanzania "
            "and 2,000 for Mauritania.",
            "sum-of-parts",
        ),
        # every figure of a list that "including" opens is a part of the whole
        (
            "Stocks were 26,620,000 bushels including 11,502,000 in Chicago, 34,478,000 in "
            "Toledo and 640,000 in St Louis.",
            "part-exceeds-whole",
        ),
    ],
)
def test_parts_listed_after_of_which_or_including(text: str, rule_id: str) -> None:
    assert messages(rule_id, text)


def test_parts_listed_after_including_that_fit_pass() -> None:
    text = (
        "Ships are loading 32,000 tonnes, including 24,000 for Egypt, 6,000 for Tanzania and "
        "2,000 for Mauritania."
    )
    assert messages("sum-of-parts", text) == messages("part-exceeds-whole", text) == []


def test_a_list_of_other_things_after_including_keeps_its_own_figures() -> None:
    text = (
        "The council found savings of £14.2 million, including between 120 and 150 posts that "
        "will be cut, from a workforce of nearly 4,000, and the 5,120-place depot."
    )
    read = {c.text: c.kind for c in document(text).claims}
    assert read["4,000"] == read["5,120"] == "count"


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # "of the agent outlets": the outlets an earlier sentence counted
        (
            "The service relies on 142,000 agent outlets. Most customers use them weekly. "
            "Rural counties now host 148,600 of the agent outlets.",
            True,
        ),
        (
            "The metro supplies about 1.24 million customers. Prepaid meters serve 1.42 million "
            "of the metro's customers, officials said.",
            True,
        ),
        (
            "The service relies on 142,000 agent outlets. Rural counties now host 98,600 of the "
            "agent outlets.",
            False,
        ),
        # a few things are too often of another set of them
        (
            "The automaker will shut three plants in each group. Five of the plants are in the "
            "United States.",
            False,
        ),
    ],
)
def test_a_count_of_the_things_an_earlier_figure_counts(text: str, fires: bool) -> None:
    assert len(messages("part-exceeds-whole", text)) == int(fires)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "The remaining 16,767 are on the inpatient and day-case list. Of those on the "
            "inpatient and day-case list, 17,340 have waited longer than a year.",
            True,
        ),
        (
            "Fires have burned 38,400 hectares since June. The largest has consumed 9,750 "
            "hectares. Of the land burned this summer, 41,200 hectares was forest.",
            True,
        ),
        (
            "At baseline 586 participants had diabetes, 301 of them in the walking groups. "
            "Of those with diabetes, 512 had lower readings.",
            False,
        ),
        # the group's words name no earlier figure: nothing to be part of
        ("At baseline 586 participants had diabetes. Of those who smoked, 612 quit.", False),
    ],
)
def test_a_group_named_at_the_start_of_a_sentence_is_an_earlier_figure(
    text: str, fires: bool
) -> None:
    assert len(messages("part-exceeds-whole", text)) == int(fires)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "Almena said it would finance the 1.09 billion euros with a 650 mln euro syndicated "
            "loan, a 300 mln euro bond issue and 190 mln euros of existing cash.",
            True,
        ),
        (
            "Almena said it would finance the 1.09 billion euros with a 650 mln euro syndicated "
            "loan, a 300 mln euro bond issue and 140 mln euros of existing cash.",
            False,
        ),
        # joined any other way, the figures before are no total of those after
        (
            "Tax payments will drain 610 mln stg and a rise in notes 25 mln stg, but the outflow "
            "will be offset by 560 mln stg of bill redemptions and other flows of 85 mln stg.",
            False,
        ),
    ],
)
def test_parts_that_follow_their_total_in_the_sentence(text: str, fires: bool) -> None:
    assert len(messages("sum-of-parts", text)) == int(fires)


def test_a_share_of_another_named_whole_does_not_clear_one() -> None:
    text = (
        "The state presented a Rs 3,18,450 crore budget, up from Rs 2,94,600 crore. Interest "
        "payments will absorb Rs 24,300 crore, about 9.2% of revenue receipts. Schools receive "
        "Rs 51,200 crore, or 18.1% of the total."
    )
    # 24,300 at 9.2% implies a whole that 51,200 would be 18.1% of, but that whole is revenue
    # receipts, not the total: 51,200 / 3,18,450 is 16.1%
    assert len(messages("share-arithmetic", text)) == 1


WIRE_LIST = (
    "Corn export inspections totalled 1,426,300 tonnes, up from 1,280,500 tonnes. Mexico took "
    "412,300 tonnes, Japan 298,500, Colombia 176,400, South\nKorea 143,800 and other "
    "destinations {rest} tonnes."
)


def test_bare_figures_listed_after_an_amount_take_its_unit() -> None:
    claims = document(WIRE_LIST.format(rest="395,300")).claims
    listed = [c for c in claims if c.text in ("298,500", "176,400", "143,800")]
    assert [(c.kind, c.unit) for c in listed] == [("quantity", "metric_ton")] * 3
    small = document("Exports were 4.2 mln tonnes, Japan 2.1 and Korea 1.1.").claims
    assert [c.kind for c in small if c.text in ("2.1", "1.1")] == ["count", "count"]


@pytest.mark.parametrize(("rest", "fires"), [("395,300", False), ("359,300", True)])
def test_a_list_ending_with_the_rest_covers_the_whole_before_it(rest: str, fires: bool) -> None:
    assert bool(messages("sum-of-parts", WIRE_LIST.format(rest=rest))) is fires


SIBLINGS = (
    "Foreign investors bought 2.35 billion zlotys of the bonds, or 28 pct of the amount sold, "
    "dealers said. Domestic banks took 3.78 billion, or 45 pct, and pension funds the rest."
)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (SIBLINGS, False),
        (SIBLINGS.replace("45 pct", "48 pct"), True),
        # another paragraph may be about another whole
        (
            SIBLINGS.replace("dealers said. ", "dealers said.\n\n").replace("45 pct", "48 pct"),
            False,
        ),
        (
            "Tills took KSh 247.5 billion, or about 60% of the half-year total. Transfers got "
            "KSh 97.4 billion, or 27.6%, and bills the remaining KSh 67.1 billion.",
            True,
        ),
    ],
)
def test_a_share_after_a_share_of_a_named_whole_is_of_that_whole(text: str, fires: bool) -> None:
    assert len(messages("share-arithmetic", text)) == int(fires)


@pytest.mark.parametrize(
    "text",
    [
        "Vancouver had acquired 3.2 mln of its common shares, or 8.5 pct of the 58.0 mln shares "
        "outstanding.",
        "Of the 38.64 crore subscribers, 27.92 crore use 4G or 5G handsets. The company counted "
        "9.15 crore 5G users, or 26.8% of its total subscriber base.",
    ],
)
def test_a_share_of_a_whole_counted_in_other_words_is_judged(text: str) -> None:
    assert len(messages("share-arithmetic", text)) == 1


def test_answers_after_of_those_are_shares_of_the_people_asked_before() -> None:
    text = (
        "A visitor survey asked 2,600 people who they had come with. Of those, 46% said they "
        "came with family, 28% with friends, 19% with a school group and 11% on their own."
    )
    assert len(messages("shares-sum", text)) == 1
    assert messages("shares-sum", text.replace("46%", "42%")) == []


@pytest.mark.parametrize(
    ("answers", "fires"),
    [
        ("46% said they could not find a dentist at all, 31% were seen but only after waiting "
         "more than six months, and 27% were seen within six months", True),
        ("46% said they could not find a dentist at all, 31% were seen but only after waiting "
         "more than six months, and 23% were seen within six months", False),
    ],
)  # fmt: skip
def test_answers_however_far_apart_are_shares_of_the_people_asked(
    answers: str, fires: bool
) -> None:
    text = f"The forum ran a survey of 1,240 card holders. According to the forum, {answers}."
    assert len(messages("shares-sum", text)) == int(fires)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Impairment charges were ₦162.4 billion, made up of ₦41.3 billion and ₦112.1 billion.",
         True),
        ("Impairment charges were ₦153.4 billion, made up of ₦41.3 billion and ₦112.1 billion.",
         False),
        ("The state expects total receipts of Rs 2,41,390 crore. These comprise own taxes of Rs "
         "1,12,450 crore, central taxes of Rs 68,300 crore, fees of Rs 21,760 crore and grants of "
         "Rs 29,880 crore.", True),
        # without saying so, the parts named after a total may be some of it
        ("The state expects total receipts of Rs 2,41,390 crore. Own taxes bring Rs 1,12,450 "
         "crore, central taxes Rs 68,300 crore, fees Rs 21,760 crore and grants Rs 29,880 crore.",
         False),
    ],
)  # fmt: skip
def test_a_total_that_says_it_is_made_of_its_parts(text: str, fires: bool) -> None:
    assert len(messages("sum-of-parts", text)) == int(fires)


def test_parts_of_a_fall_are_as_large_as_the_fall() -> None:
    text = (
        "The plan includes the loss of 270 positions, of which 180 are professional roles "
        "and 90 are academic posts."
    )
    assert messages("part-exceeds-whole", text) == []
    assert len(messages("part-exceeds-whole", text.replace("180 are", "280 are"))) == 1


def test_a_share_set_against_a_benchmark_is_no_list() -> None:
    text = "That took wages to 79.9 per cent of revenue, well above the 70 per cent ceiling."
    assert messages("shares-sum", text) == []


HOLDINGS = (
    "Nakagawa will buy 41.6 mln shares, or 12.8 pct, of Shirakawa. Shirakawa's founders keep "
    "their stake.\n\nNakagawa will hold 51.35 mln shares, or 15.8 pct, overtaking Marunouchi, "
    "which holds 22.4 mln shares, or 6.9 pct."
)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (HOLDINGS, False),
        (HOLDINGS.replace("6.9 pct", "9.6 pct"), True),
        # far apart, holdings may be of two companies: only a slip of the digits is reported
        (HOLDINGS.replace("6.9 pct", "8.2 pct"), False),
    ],
)
def test_holdings_of_one_company_imply_one_whole(text: str, fires: bool) -> None:
    assert len(messages("share-arithmetic", text)) == int(fires)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("The budget includes £18.7m of savings. Council tax rises 4.99 per cent. Band D bills "
         "reach £1,967.85, or £93.53 more. Reserves stand at £32.6m. The savings "
         "package includes £6.2m from adult care, £4.1m from children's services, £3.9m from "
         "highways and £5.5m from back-office functions.", True),
        ("The budget includes £19.7m of savings. Council tax rises 4.99 per cent. Band D bills "
         "reach £1,967.85, or £93.53 more. Reserves stand at £32.6m. The savings "
         "package includes £6.2m from adult care, £4.1m from children's services, £3.9m from "
         "highways and £5.5m from back-office functions.", False),
    ],
)  # fmt: skip
def test_a_list_opened_by_the_name_of_an_earlier_whole(text: str, fires: bool) -> None:
    assert len(messages("sum-of-parts", text)) == int(fires)


def test_relations_read_once_per_document_belong_to_that_document() -> None:
    from checker.checks.relations import parts_of_wholes

    first = document("Of the 41 million passengers, 12 million flew economy.")
    second = document("Of the 52 million passengers, 30 million flew economy.")
    wholes = [(p.part.text, p.whole.text) for p in parts_of_wholes(first)]
    assert wholes == [(p.part.text, p.whole.text) for p in parts_of_wholes(first)]
    assert [(p.part.text, p.whole.text) for p in parts_of_wholes(second)] != wholes


def test_a_share_after_an_of_which_aside_is_not_the_asides_figures() -> None:
    text = (
        "Group sales were CHF 8.46 billion. Oncology sales were CHF 3.21 billion. "
        "Oncology, of which the drug Velantrex accounted for CHF 1.38 billion, now makes up "
        "38% of group sales."
    )
    assert messages("share-arithmetic", text) == []
    plain = text.replace(", of which the drug Velantrex accounted for", " sales, at")
    assert messages("share-arithmetic", plain) != []  # without the aside, 1.38 is the part


def test_a_share_of_sales_is_not_of_a_segments_sales() -> None:
    text = (
        "Net sales rose to CHF 8,462 million. Cardiometabolic sales slipped to CHF 1,947 "
        "million. Research spending climbed to CHF 1,593 million, or 18.8% of sales."
    )
    assert messages("share-arithmetic", text) == []
    wrong = text.replace("18.8%", "21.8%")
    assert messages("share-arithmetic", wrong) != []


def test_a_list_joined_by_followed_by_adds_up_to_the_total_before_it() -> None:
    text = (
        "Total trade through the port reached 74.6 million tonnes. Coal remained the largest "
        "cargo at 42.3 million tonnes, followed by other dry and liquid bulk at 14.4 million "
        "tonnes, grain at 9.8 million tonnes and general cargo at 8.1 million tonnes."
    )
    assert messages("sum-of-parts", text) == []
    assert messages("sum-of-parts", text.replace("14.4", "11.4")) != []  # all of it, named


def test_parts_after_with_never_add_up_to_more_than_the_total() -> None:
    text = (
        "Export earnings rose 7.4 pct to 7.42 billion dlrs from 6.91 billion, with coking "
        "coal earning 4.57 billion dlrs and steaming coal 2.85 billion."
    )
    assert messages("sum-of-parts", text) == []
    assert messages("sum-of-parts", text.replace("4.57", "4.87")) != []
    assert messages("sum-of-parts", text.replace("4.57", "3.57")) == []  # perhaps not all of it


def test_a_share_of_a_named_whole_takes_the_figure_named_alike() -> None:
    text = (
        "The utility purchased 9,420 GWh and billed customers for 7,630 GWh. Theft accounted "
        "for 1,070 GWh, or 11.4% of all the energy purchased."
    )
    assert messages("share-arithmetic", text) == []
    assert messages("share-arithmetic", text.replace("11.4%", "14.1%")) != []  # 14.0% of billed


def test_a_count_of_units_is_a_part_of_a_count_of_vehicles() -> None:
    text = (
        "Sales rose 9.2 pct to 118,460 vehicles. Light trucks, at 47,220 units, made up "
        "39.9 pct of the June total."
    )
    assert messages("share-arithmetic", text) == []
    assert messages("share-arithmetic", text.replace("39.9", "35.9")) != []


def test_two_holdings_of_the_bank_imply_one_whole() -> None:
    text = (
        "Caledonian holds 61.4 mln shares, or 8.0 pct of the bank, and Harwell holds "
        "53.8 mln shares, or 7.0 pct."
    )
    assert messages("share-arithmetic", text) == []
    assert messages("share-arithmetic", text.replace("7.0 pct", "9.0 pct")) != []


def test_an_amount_of_a_whole_named_before_a_preposition() -> None:
    text = (
        "Its outstanding loan book stood at N42.8 billion on December 31. Loans to small "
        "businesses accounted for N27.2 billion of the book at year-end."
    )
    assert messages("part-exceeds-whole", text) == []
    assert messages("part-exceeds-whole", text.replace("N27.2", "N47.2")) != []
    change = text.replace("stood at", "were up").replace("N27.2", "N17.2")  # up N42.8 billion
    assert messages("part-exceeds-whole", change.replace("N42.8", "N4.8")) == []  # a change


@pytest.mark.parametrize(
    "text",
    [
        "By region, Western Canada generated 46% of revenue, Ontario 31%, Quebec 15%, and U.S. "
        "cross-border lanes the remaining 12%.",
        "Of the budget, council tax provides 51%, business rates 24%, government grants 19%, "
        "and fees, charges and other income 9%.",
    ],
)
def test_a_share_list_reads_through_abbreviations_and_a_listed_last_label(text: str) -> None:
    (finding,) = findings(text, rules=[rule("shares-sum")])
    assert "103%" in finding.message or "104%" in finding.message


def test_a_further_figure_after_an_of_which_list_is_not_part_of_its_whole() -> None:
    text = (
        "She said 1,140 homes were under construction, of which 610 were social homes, "
        "and a further {n} had planning permission."
    )
    assert findings(text.format(n="2,050"), rules=[rule("part-exceeds-whole")]) == []
    wrong = text.replace(", and a further {n}", ", and {n}").format(n="2,050")
    assert [f.rule for f in findings(wrong, rules=[rule("part-exceeds-whole")])] == [
        "part-exceeds-whole"
    ]


def test_of_those_goals_is_a_part_of_the_goals_not_of_the_figure_just_before() -> None:
    text = (
        "They scored 88 league goals and conceded 41, the best goal difference by 14.\n\n"
        "Striker Danny Okafor scored {n} of those goals, nearly a third of the total."
    )
    assert findings(text.format(n="28"), rules=[rule("part-exceeds-whole")]) == []
    (found,) = findings(text.format(n="98"), rules=[rule("part-exceeds-whole")])
    assert "88" in found.message


@pytest.mark.parametrize(("share", "fires"), [("6.3", True), ("5.7", False), ("5.8", False)])
def test_a_stake_s_whole_may_follow_in_a_clause_and_a_small_share_has_little_slack(
    share: str, fires: bool
) -> None:
    text = (
        f"Brennock held 1,430,700 shares, or {share} pct of the company, which had 24.9 mln "
        "shares outstanding as of July 31."
    )
    assert bool(messages("share-arithmetic", text)) is fires


BULLETED_SHARES = """The result in full, by share of the valid vote:

- Lena Osei (Green): 38.0%
- Tom Barraclough (Labour): 29.5%
- Priya Nandakumar (Conservative): CON%
- Martin Hale (Liberal Democrat): 8.0%
"""


@pytest.mark.parametrize(("conservative", "fires"), [("25.2", True), ("21.2", False)])
def test_a_bulleted_list_of_shares_of_a_named_whole_adds_up(conservative: str, fires: bool) -> None:
    text = BULLETED_SHARES.replace("CON", conservative)
    assert bool(messages("shares-sum", text)) is fires


ALLOCATION = """| Asset class | 30 Jun 2024 (%) | 31 Dec 2023 (%) |
|---|---|---|
| UK equities | 38.4 | 36.9 |
| Global equities | 22.7 | 21.8 |
| Corporate bonds | 14.1 | 15.3 |
| Government bonds | BONDS | 20.0 |
| Cash | 5.0 | 6.0 |
"""


@pytest.mark.parametrize(("bonds", "fires"), [("22.8", True), ("19.8", False)])
def test_columns_of_an_allocation_each_add_up_to_a_hundred(bonds: str, fires: bool) -> None:
    source = source_from_text(ALLOCATION.replace("BONDS", bonds), "fund.md", "markdown")
    found = Engine([rule("shares-sum")]).check(analyze_source(source, Options()))
    assert bool(found) is fires


CEVAT = (
    "The state, which owns 61.4% of the voting and total capital, will receive R$364 million. "
    "Cevat will invest R$21.6 billion over five years, an average of R$4.32 billion a year. "
    "About R$PART billion of that total is earmarked for rural electrification."
)


@pytest.mark.parametrize(("part", "whole"), [("6.5", None), ("26.5", "R$21.6 billion")])
def test_that_total_is_the_figure_before_and_not_a_yearly_average(
    part: str, whole: str | None
) -> None:
    found = messages("part-exceeds-whole", CEVAT.replace("PART", part))
    expected = [f"R${part} billion is more than the whole it is part of, {whole}"]
    assert found == (expected if whole else [])


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "The council faces a funding shortfall of £11.7m. Officers said the gap would be "
            "closed through £6.2m of savings, £2.9m from reserves and £3.1m of council tax.",
            True,
        ),
        (
            "The council faces a funding shortfall of £11.7m. Officers said the gap would be "
            "closed through £6.2m of savings, £2.9m from reserves and £2.6m of council tax.",
            False,
        ),
        (
            "The net budget is £390.6m. The budget will be funded by £231.4m of council tax, "
            "£84.7m of business rates, £64.2m in grants and £13.3m drawn from reserves.",
            True,
        ),
        (
            "It agreed to buy the firm for €3.8 billion including debt. The offer values its "
            "equity at about €2.9 billion. The deal will be financed with a €2.0 billion loan, "
            "€1.0 billion of bonds and €0.8 billion from cash.",
            False,
        ),
    ],
)
def test_parts_that_fund_or_close_a_whole_named_before_add_up_to_it(text: str, fires: bool) -> None:
    assert bool(messages("sum-of-parts", text)) is fires


@pytest.mark.parametrize(("part", "fires"), [("2.6", True), ("1.6", False)])
def test_an_elided_unit_after_of_the_whole_is_the_whole_s(part: str, fires: bool) -> None:
    text = (
        "Of the 2.3 billion euros the central bank has sold since January, "
        f"{part} billion were sold in May alone."
    )
    assert bool(messages("part-exceeds-whole", text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "The company ended the year with 2,640 employees. Of those, 1,870 work at Kessel "
            "Lake, or 62% of the workforce.",
            True,
        ),
        (
            "The company ended the year with 2,640 employees. Of those, 1,870 work at Kessel "
            "Lake, or 71% of the workforce.",
            False,
        ),
        (
            "The operator had 48.6 million subscribers. Active data users climbed to 22.8 "
            "million, or 52% of the subscriber base.",
            True,
        ),
        (
            "The net budget is £212.7m, against this year's £198.4m. Adult social care accounts "
            "for £87.2m of the net budget, or 41 per cent of the total.",
            False,
        ),
        (
            "The minimum wage would rise to $3.80 next April. The training wage will be $3.61 "
            "an hour, or 85% of the minimum wage, in April 1991.",
            False,
        ),
    ],
)
def test_a_share_after_a_clause_on_its_part_and_a_whole_named_in_the_singular(
    text: str, fires: bool
) -> None:
    assert bool(messages("share-arithmetic", text)) is fires


def test_a_plan_funded_by_parts_is_the_budget_nearest_their_sum() -> None:
    text = (
        "The county presented a KSh 18.4 billion budget, up from KSh 17.1 billion last year. "
        "According to the estimates, the plan will be funded by KSh 12.6 billion from the "
        "government, KSh 3.9 billion in own revenue, KSh 1.8 billion in grants and KSh 0.9 "
        "billion in loans."
    )
    (message,) = messages("sum-of-parts", text)
    assert message.startswith("the parts of KSh 18.4 billion add up to")


@pytest.mark.parametrize(("share", "fires"), [("68.4%", True), ("65.8%", False)])
def test_a_bulleted_share_of_the_total_is_of_the_exact_figure_not_its_rounding(
    share: str, fires: bool
) -> None:
    text = (
        "# Population passes 1.8 million\n\n"
        "The population reached 1,847,300, an increase of 4.8% on the 1,762,900 of 2011.\n\n"
        "Key results:\n\n"
        "- 351,000 residents aged 65 or over, or 19.0% of the population\n"
        f"- 1,214,600 people living in urban areas, or {share} of the total\n"
        "- 4 of the 11 districts lost population\n"
    )
    assert bool(messages("share-arithmetic", text)) is fires


@pytest.mark.parametrize(("share", "fires"), [("88", True), ("98", False)])
def test_shares_of_a_named_stock_are_the_part_before_or(share: str, fires: bool) -> None:
    text = (
        f"Its unit accepted 2,316,940 shares of Grant common, or about {share} pct of the "
        "2,369,799 shares outstanding."
    )
    assert bool(messages("share-arithmetic", text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "The plan pays for 24 new positions: 11 police officers, six firefighters, four "
            "building inspectors and two code enforcement officers.",
            True,
        ),
        (
            "The plan pays for 23 new positions: 11 police officers, six firefighters, four "
            "building inspectors and two code enforcement officers.",
            False,
        ),
        ("The fleet has 41 vehicles: 12 buses, 20 vans and 8 trucks.", True),
        ("The fleet has 40 vehicles: 12 buses, 20 vans and 8 trucks.", False),
        # No closing "and": perhaps not every kind is listed.
        ("The fleet has 41 vehicles: 12 buses, 20 vans, 8 trucks.", False),
    ],
)
def test_a_count_broken_down_after_a_colon_into_counts_of_its_kinds_adds_up(
    text: str, fires: bool
) -> None:
    assert bool(messages("sum-of-parts", text)) is fires


def test_small_counts_in_a_list_under_including_are_not_judged_exactly() -> None:
    text = (
        "Airlines may fly nine flights a week, comprising six trans-Siberian flights, including "
        "four non-stop flights, and three flights via Anchorage."
    )
    assert messages("sum-of-parts", text) == []


@pytest.mark.parametrize(("last", "fires"), [("11%", True), ("6%", False)])
def test_bulleted_shares_after_a_line_that_says_how_a_whole_splits_add_up(
    last: str, fires: bool
) -> None:
    text = (
        "By the company's own breakdown, monthly active users split like this:\n\n"
        "- UK and Ireland: 46%\n- Rest of Europe: 31%\n- North America: 17%\n"
        f"- Everywhere else: {last}\n"
    )
    assert bool(messages("shares-sum", text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("The 142 positions represent about 9 percent of the district's 2,310 employees.", True),
        ("The 142 positions represent about 6 percent of the district's 2,310 employees.", False),
        ("Its 310 stores constitute 12% of the chain's 2,600 outlets.", False),
        # A count of one is a unit ("one ADR"), not a part of anything.
        ("One ADR represents 0.75 pct of one B share.", False),
    ],
)
def test_a_part_that_represents_a_share_of_a_whole(text: str, fires: bool) -> None:
    assert bool(messages("share-arithmetic", text)) is fires


@pytest.mark.parametrize(("share", "fires"), [("18%", True), ("11%", False)])
def test_a_share_of_those_surveyed_is_of_the_survey_not_of_a_part_of_it(
    share: str, fires: bool
) -> None:
    text = (
        "The council questioned 1,250 households in January. Of those, 815 said they used the "
        f"food caddy, or 65%. Glass is a weak spot: 140 households, or {share} of those "
        "surveyed, said they never used the glass collection."
    )
    assert bool(messages("share-arithmetic", text)) is fires


@pytest.mark.parametrize(("share", "fires"), [("41%", True), ("34%", False)])
def test_a_share_set_off_by_dashes_is_the_part_s(share: str, fires: bool) -> None:
    text = (
        f"Of the 6,840 base stations in its network, 2,310 — about {share} — now carry 4G "
        "traffic, the company said."
    )
    assert bool(messages("share-arithmetic", text)) is fires


@pytest.mark.parametrize(("last", "fires"), [("600 mln", True), ("500 mln", False)])
def test_an_issue_split_into_a_tranche_and_others_adds_up(last: str, fires: bool) -> None:
    text = (
        "The 2.25 bln euro issue was split into a 750 mln euro three-year tranche, a 1.0 bln "
        f"euro seven-year tranche and a {last} euro 12-year tranche."
    )
    assert bool(messages("sum-of-parts", text)) is fires


@pytest.mark.parametrize(("last", "fires"), [("£1.2m", True), ("£2.0m", False)])
def test_a_total_split_across_parts_named_later_is_all_of_it(last: str, fires: bool) -> None:
    text = (
        "The council said it needed to find savings of £14.6m over the coming year. Officers "
        "have split next year's savings across four directorates: £5.2m from adult social care, "
        f"£4.1m from children's services, £3.3m from highways and {last} from corporate services."
    )
    assert bool(messages("sum-of-parts", text)) is fires


def test_of_those_after_a_total_and_its_parts_is_of_the_total() -> None:
    text = (
        "The partnership will deliver 210 dwellings by 2026: 120 at Palm Creek, 55 at Jarrah "
        "Street and 35 on the depot site. Of those, 84 homes, or 40 per cent, will be let at "
        "social rents."
    )
    assert messages("part-exceeds-whole", text) == []
    assert messages("share-arithmetic", text) == []


@pytest.mark.parametrize(("google", "fires"), [("5.4 million", True), ("5.1 million", False)])
def test_a_split_after_a_colon_breaks_down_the_figure_just_before(google: str, fires: bool) -> None:
    text = (
        "# Tiny Harbour tops 8.5 million downloads\n\n"
        "The game was downloaded 8.5 million times in its first 30 days.\n\n"
        "The split, according to the studio: 3.4 million installs came from the App Store and "
        f"{google} from Google Play.\n"
    )
    assert bool(messages("sum-of-parts", text)) is fires
