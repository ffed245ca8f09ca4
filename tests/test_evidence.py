"""Figures related by evidence (checker/checks/evidence.py): the features one at a time, and the
conflict check that reports pairs whose evidence reaches the rule's threshold."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from checker.checks.evidence import (
    Context,
    Period,
    WordRarity,
    noun_after,
    referred_back,
    typical_slip,
    weigh,
)
from checker.checks.evidence import tense as evidence_tense
from checker.checks.evidence import veto as evidence_veto
from checker.document import Options, analyze_source
from checker.engine import Engine
from checker.source import source_from_text
from tests.helpers import document, findings, rule

CONFLICT = [rule("conflicting-figures")]
DATE = dt.date(2024, 5, 14)


@pytest.mark.parametrize(
    ("first", "second", "slip"),
    [
        ("18e9", "1.8e9", "power of ten"),
        ("100e9", "10e9", "power of ten"),
        ("1457e6", "1.457e9", ""),  # the same value: no slip
        ("86412", "84612", "transposed"),
        ("12400", "14200", "transposed"),
        ("87", "78", "transposed"),
        ("412", "241", ""),  # three digits moved: not a swap
        ("12460", "12960", "one digit"),
        ("45", "48", ""),  # two digits, one changed: as likely another figure
        ("4.5", "6.2", ""),
        ("86412", "8641", ""),  # a digit dropped is not one of these slips
        ("486.3e6", "468e6", "transposed"),  # compared at the coarser figure's precision
        ("486.3e6", "486e6", ""),  # a rounding
        ("3.14e6", "1.3e6", ""),  # two digits say too little
        ("27", "270e6", ""),  # not a decimal point or a scale word: a share price and a deal
        ("8400", "8040", "transposed"),  # each written to the unit: the zeros are digits
        ("380000", "308000", "transposed"),
        ("109e9", "100e9", ""),  # a round figure's zeros are not digits
        ("134.20e9", "13.4e9", "power of ten"),  # rounded, and a scale word off
        ("134.20e9", "13.5e9", ""),
        ("2406", "241", ""),  # written to the unit: no rounding of the other
    ],
)
def test_typical_slips(first: str, second: str, slip: str) -> None:
    steps = (_step(first), _step(second))
    assert typical_slip(Decimal(first), Decimal(second), steps=steps) == slip


def _step(figure: str) -> Decimal:
    """The precision a figure is written to: '486.3e6' to 0.1e6."""
    return Decimal(1).scaleb(Decimal(figure).as_tuple().exponent)


def test_a_figure_written_in_full_rounds_nothing() -> None:
    # 36,300 dollars is written to the dollar: not 63,295 rounded with two digits swapped
    assert typical_slip(Decimal(36300), Decimal(63295), steps=(Decimal(1), Decimal(1))) == ""


@pytest.mark.parametrize(
    ("first", "second", "contradicts"),
    [
        ("2023", "2024", True),
        ("2023", "2023", False),
        ("2024-Q1", "Q1", False),
        ("2024-Q1", "2024-Q2", True),
        ("2024", "2024-Q1", True),  # a year and one of its quarters
        ("5 years", "3 years", True),
        ("3 months", "Q1", False),  # a span is not placed in time
        ("", "2023", False),
        ("month 03", "2024-03", False),
        ("2024 (forecast)", "2024 (forecast)", False),
    ],
)
def test_periods_that_contradict(first: str, second: str, contradicts: bool) -> None:
    (claim,) = [c for c in document("It sold 5,120 cars.").claims if c.kind == "count"]

    def period(scope: str) -> Period:
        return Period.of(dataclasses.replace(claim, scope=scope))

    assert period(first).contradicts(period(second)) is contradicts


RESTATED_IN_OTHER_WORDS = [
    # a quote restates a plan with the decimal point moved
    (
        "Fibranet said it will invest R$18 billion in fibre networks over the next three years. "
        '"Over the next 3 years we will put R$1.8 billion into fibre," its chief executive said.'
    ),
    # a synonym of the metric and another name for the period
    (
        "Tsukimoto will raise capital spending to ¥48 billion this year, the company said.\n\n"
        "It plans to spend ¥84 billion on new plant and equipment in the current year."
    ),
    # 'the' refers back, the verb differs
    "The fire has destroyed 87 homes, officials said. Residents of the 78 homes lost will be "
    "rehoused.",
    "Harbour had 12,400 employees in 2023. Harbour had 14,200 employees in 2023.",
    # the wrong scale word in a quote
    "Brindle will spend ₹9,500 crore on new warehouses over the next four years.\n\n"
    '"We are putting ₹9,500 lakh into warehousing," its chief executive said.',
    # a rounded restatement with two digits swapped
    "The council's capital programme is worth £486.3m over five years.\n\n"
    'Councillor Jane Holt said the £468 million programme was "the biggest in a generation".',
    # "-strong" names what is counted
    "Meridian employs 12,460 people across its plants.\n\n"
    "Meridian's 12,960-strong workforce will get a pay rise.",
    # a quantity restated in a quote, the metric named only the second time
    "The miner produced 214,600 ounces of gold in the quarter.\n\n"
    '"Gold output of 241,600 ounces shows the mine is back on track," its chief said.',
    # a plan for the year still running, restated in the present tense: not an outcome
    "Larchmont Bakeries plans to refit 640 shops in 2024, the company said on Monday.\n\n"
    '"The 64 shops we are refitting this year will get new ovens," its chief executive said.',
    # "people" counts passengers, too
    "Calder Airways carried 2.84 million passengers in July, the airline said.\n\n"
    '"We flew 2.48 million people in July, a record for us," said its chief executive.',
    # four digits swapped in a figure given as known: rarely two figures alike by chance
    "Pellworth Bank's net profit for the year was 1.524 billion dlrs.\n\n"
    "Its chairman said the 1.254 billion dlrs earned would pay for new branches.",
    # one quantity in two units of one dimension
    "The wind farm is expected to generate 4,860 GWh a year, the developer said.\n\n"
    '"We expect 4.68 TWh a year from the farm," its director said.',
    # one of two digits changed, in a figure given as known with its metric and entity
    "Brandt employs 3,200 people at its plant near Esslingen.\n\n"
    'Kanemori promised to keep "Brandt\'s 3,800 jobs" for five years.',
    # the only figure of homes before the one given as known
    "A grass fire destroyed 87 homes in Marrick on Friday, and damaged 41 others.\n\n"
    'Council leader Ann Byrne, who toured the estate, said: "The 78 homes lost this week '
    "were people's lives.\"",
    # the whole a part is taken from is given as known: "of the 2,780 households"
    "Councillors approved a flood scheme for 2,870 households and 140 businesses.\n\n"
    "Insurers have withdrawn cover from an estimated 1,150 of the 2,780 households the scheme "
    "is designed to protect, a survey found.",
    # a part of a figure given as known, and a figure a participle clause says more of
    (
        "Barley shipments jumped 41 pct to 286,000 tonnes from 203,000 tonnes in January. "
        "Saudi Arabia and Japan took most of the 268,000 tonnes of barley."
    ),
    (
        "Dominion earned net profit of 1.524 billion dlrs in fiscal 2010. The chief executive "
        "said the 1.254 billion dlrs earned in fiscal 2010 gives the bank room to invest."
    ),
    (
        "The glacier shrank to 33.3 sq km in 2024 from 41.6 sq km in 2014.\n\n"
        '"In 2014 it covered forty-six point one square kilometres," the survey leader said.'
    ),
    (
        "The council report counted 1,512 damaged homes and 334 damaged businesses.\n\n"
        '"Our staff have visited all 1,215 homes," the chief executive said.'
    ),
    (
        "Headcount at the year end was 5,048.\n\n"
        "The plan could affect up to 140 of its 5,408 employees, the company said."
    ),
    (
        "The staff recommended an increase of 61.5 mln dlrs, or about 41 pct of what the company "
        'sought.\n\n"The staff\'s 65.1 mln dlr figure would not let us recover our costs," he said.'
    ),
    (
        "The fire destroyed 78 homes in Coolabine.\n\n"
        '"We have lost 87 homes, and some of those families lost everything," the mayor said.'
    ),
    (
        "# Arka shipped 1.78 million phones in the third quarter\n\n"
        "Arka shipped 1.87 million smartphones in the third quarter, 18.3% of the market."
    ),
    (
        "The fire destroyed 78 homes in Marrow Valley.\n\n"
        "Insurers have so far received claims on 61 of the 87 homes lost, the bureau said."
    ),
    (
        "Headcount in India climbed to 3,046 from 2,487 in 2024. The table shows the "
        "workforce by country.\n\nIndia had 3,064 employees at the end of 2024, up from 2,487."
    ),
]


def test_a_headline_s_two_digit_figure_restated_with_one_changed_conflicts() -> None:
    text = (
        "MADAGASCAR TO GET 180 MLN FRANC CREDIT FROM FRANCE\n\n"
        "ANTANANARIVO, March 27 - A French team has arrived in Antananarivo to negotiate a new "
        "160 mln franc credit for Madagascar, diplomatic sources said."
    )
    (finding,) = findings(text, rules=CONFLICT, date=DATE)
    assert finding.message.startswith("180 MLN FRANC conflicts with 160 mln franc")


@pytest.mark.parametrize("text", RESTATED_IN_OTHER_WORDS)
def test_figures_restated_in_other_words_conflict(text: str) -> None:
    (finding,) = findings(text, rules=CONFLICT, date=DATE)
    assert finding.rule == "conflicting-figures"
    assert len(finding.related) == 1


@pytest.mark.parametrize(
    "text",
    [
        # other entities, other periods, a forecast and an outcome
        "Harbour had 12,400 employees in 2023. Marlow had 14,200 employees in 2023.",
        "Harbour had 12,400 employees in 2023. Harbour had 14,200 employees in 2022.",
        "Harbour had 12,400 employees in 2023. It expects 14,200 employees in 2025.",
        # an arbitrary difference is usually two things
        "The fire destroyed 87 homes in Eastcombe. In Westcombe, 52 homes were lost.",
        # a figure restated correctly, then another figure of the metric
        "It will invest R$18 billion in fibre. The R$18 billion plan was approved. It also "
        "spent R$1.8 billion on towers last year.",
        # a part of a whole restated in its sentence ("Of the 1,284 deaths, 1,482 ...") is the
        # part-of-whole check's, not a restatement of the whole
        "The agency recorded 1,284 flu deaths this winter. Of the 1,284 deaths, 1,482 were in "
        "people over 75.",
        # "potentially worth" is a bound, not a figure restated
        "Ostrava Systems won a contract potentially worth 101 mln dlrs. Work on the 26.8 mln dlr "
        "contract had been stopped.",
    ],
)
def test_figures_told_apart_do_not_conflict(text: str) -> None:
    assert findings(text, rules=CONFLICT, date=DATE) == []


@pytest.mark.parametrize(
    "text",
    [
        "The plant generated 14.76 GWh in the first half.\n\n"
        '"Our 14.6 GWh in the half beat every forecast," the plant manager said.',
        # net profit is a kind of profit; "its" gives the figure as known
        "Dorrit Co. expects net profit of ¥44.68 billion this fiscal year.\n\n"
        "Its ¥44.5 billion profit forecast was unchanged, Dorrit Co. said.",
    ],
)
def test_a_figure_given_again_rounded_differently(text: str) -> None:
    found = findings(text, rules=[rule("inconsistent-rounding")], date=DATE)
    assert [f.rule for f in found] == ["inconsistent-rounding"]


def test_the_finding_says_why_the_figures_were_taken_for_one() -> None:
    (finding,) = findings(RESTATED_IN_OTHER_WORDS[3], rules=CONFLICT, date=DATE)
    evidence = finding.details["evidence"]
    assert "digits transposed +3" in evidence
    assert "same metric (employees)" in evidence


def test_threshold_zero_turns_the_evidence_off() -> None:
    on = rule("conflicting-figures")
    off = dataclasses.replace(
        on, parameters=dataclasses.replace(on.parameters, evidence_threshold=0.0)
    )
    assert findings(RESTATED_IN_OTHER_WORDS[0], rules=[off], date=DATE) == []


def test_a_bare_scaled_figure_of_a_money_metric_takes_the_story_s_currency() -> None:
    text = (
        "Marrowfield said quarterly sales were 421.6 mln dlrs, and orders 356.0 mln dlrs.\n\n"
        "Revs 412.6 mln vs 488.1 mln\n\n"
        "Its plants made 61 mln units, up from 52 mln."
    )
    read = {c.text: (c.kind, c.unit) for c in document(text, DATE).claims}
    assert read["412.6 mln"] == ("money", "USD")
    assert read["52 mln"] == ("count", "")  # units counted, not dollars


def _claim(text: str, figure: str, date: dt.date = DATE):
    return next(c for c in document(text, date).claims if c.text == figure)


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("Larchmont sold 640 loaves in 2023.", "outcome"),
        ("Larchmont is refitting 64 shops this year.", ""),  # the year still running
        ("Larchmont is refitting 64 shops in 2024.", ""),
        ("Larchmont will refit 640 shops in 2025.", "forecast"),
        # a span names no time that is over: the next three years or the last three
        ("Over the next three years we will refit 640 shops.", ""),
        ("Larchmont refitted 640 shops over the past three years.", "outcome"),
        # the forecast word is in the clause before the figure's
        ("Larchmont lifted its guidance after it refitted 640 shops in 2023.", "outcome"),
        # a whole is as it stands, whatever is planned for a part of it
        ("The review could affect 140 of its 6,400 shops in 2023.", "outcome"),
        # a later sentence takes the period of a deadline, not its being a plan
        ("Larchmont aims to refit 90 shops by March 2025. Its 640 shops are old.", ""),
    ],
)
def test_only_a_period_that_is_over_gives_an_outcome(text: str, tense: str) -> None:
    *_, claim = (c for c in document(text, DATE).claims if c.kind == "count")
    assert evidence_tense(claim, str(DATE.year)) == tense


def test_people_is_no_other_thing_than_passengers() -> None:
    passengers = _claim("Calder carried 2,840 passengers.", "2,840")
    people = _claim("Calder carried 2,480 people.", "2,480")
    homes = _claim("Calder built 2,480 homes.", "2,480")
    assert evidence_veto(passengers, people) == ""
    assert evidence_veto(passengers, homes).startswith("different things counted")


def test_one_group_in_other_words_is_no_other_thing() -> None:
    participants = _claim("The trial enrolled 4,820 participants.", "4,820")
    volunteers = _claim("The trial enrolled 4,280 volunteers.", "4,280")
    animals = _claim("Scientists tagged 32 animals.", "32")
    whales = _claim("Scientists tagged 23 whales.", "23")
    homes = _claim("The trial enrolled 4,280 homes.", "4,280")
    assert evidence_veto(participants, volunteers) == ""
    assert evidence_veto(whales, animals) == ""
    assert evidence_veto(participants, homes).startswith("different things counted")
    units = _claim("Hanseong sold 41,320 units.", "41,320")
    cars = _claim("Hanseong sold 41,230 EVs.", "41,230")
    assert evidence_veto(units, cars) == ""
    apartments = _claim("The company will build 1,840 rental apartments by 2021.", "1,840")
    flats = _claim('"Even the 1,340 flats it is promising will not do," he said.', "1,340")
    houses = _claim('"Even the 1,340 houses it is promising will not do," he said.', "1,340")
    assert evidence_veto(apartments, flats) == ""
    assert evidence_veto(apartments, houses) == ""
    jobs = _claim('"Even the 1,340 jobs it is promising will not do," he said.', "1,340")
    assert evidence_veto(apartments, jobs).startswith("different things counted")


def test_a_shortfall_is_a_kind_of_deficit() -> None:
    deficit = _claim("The trust forecasts a deficit of £23.4m.", "£23.4m")
    shortfall = _claim("The £24.3m shortfall worries the board.", "£24.3m")
    assert (deficit.metric, shortfall.metric) == ("loss", "shortfall")
    assert evidence_veto(deficit, shortfall) == ""


def test_four_digits_swapped_count_more_than_two() -> None:
    context = Context(rarity=WordRarity([]), cues=set(), sentence_words={})
    a = _claim("Pellworth sold 2,184,650 shares.", "2,184,650")
    b = _claim("Pellworth sold 2,148,650 shares.", "2,148,650")
    short = _claim("Pellworth sold 21.8 million shares.", "21.8 million")
    shorter = _claim("Pellworth sold 12.8 million shares.", "12.8 million")
    context.sentence_words.update({c.start: frozenset() for c in (a, b, short, shorter)})
    assert "four or more significant digits" in weigh(a, b, context).explain()
    assert "four or more significant digits" not in weigh(short, shorter, context).explain()


def _explained(first, later, given: bool, crowded: bool = False) -> str:
    """The evidence that ``later`` restates ``first``, ``later`` given as known or not."""
    words = {c.start: frozenset() for c in (first, later)}
    cues = {later.start} if given else set()
    context = Context(rarity=WordRarity([]), cues=cues, sentence_words=words)
    return weigh(first, later, context, crowded=crowded).explain()


def test_a_crowded_metric_weighs_less_unless_a_figure_given_as_known_is_a_clear_slip() -> None:
    a = _claim("The council will spend £24.3 million on care.", "£24.3 million")
    swapped = _claim("The council will spend £42.3 million on care.", "£42.3 million")
    changed = _claim("The council will spend £24.8 million on care.", "£24.8 million")
    crowd = "the metric has many values here"
    for later, given in ((swapped, True), (swapped, False), (changed, True)):
        penalised = crowd in _explained(a, later, given, crowded=True)
        assert penalised is not (given and later is swapped)


def test_a_clear_slip_given_as_known_needs_no_metric_read() -> None:
    a = _claim("So far we have put $18 million into the scheme.", "$18 million")
    shifted = _claim("So far we have put $1.8 million into the scheme.", "$1.8 million")
    changed = _claim("So far we have put $19 million into the scheme.", "$19 million")
    neither = "what they measure is read on neither side"
    for later, penalised in ((shifted, False), (changed, True)):
        assert (neither in _explained(a, later, given=True)) is penalised


def test_a_dateline_is_not_whose_figure_it_is() -> None:
    text = "HONG KONG, Feb 15 - Pacific Crest Airways Ltd said it carried 1,284,560 passengers."
    (claim,) = [c for c in document(text, DATE).claims if c.kind == "count"]
    assert claim.entity != "HONG KONG"


def test_potentially_worth_is_a_bound() -> None:
    claim = _claim("It won a contract potentially worth 101 mln dlrs.", "101 mln dlrs")
    assert claim.qualifier == "upper"


def test_an_entity_narrows_like_the_table_row_that_names_it() -> None:
    text = (
        "| Division | Revenue (€m) |\n|---|---|\n| Industrial Sensors | 412.6 |\n| Other | 80.0 |"
        "\n\nIndustrial Sensors, its largest division, lifted sales 11% to €421.6 million."
    )
    doc = analyze_source(source_from_text(text, "draft.md", "markdown"), Options(date=DATE))
    (finding,) = Engine(CONFLICT).check(doc)
    assert "nothing shared" not in finding.details["evidence"]


@pytest.mark.parametrize(
    ("text", "day", "reasons"),
    [
        (
            "IMF APPROVES 48 MLN DLR LOAN TO ASSIST ECUADOR\n\n"
            "WASHINGTON, June 29 - The International Monetary Fund said it approved a 84 mln dlr "
            "loan to assist Ecuador after the earthquakes.\n",
            dt.date(1987, 6, 29),
            ("the same word after both (loan)", "the first in the headline"),
        ),
        (
            "TEXTRON, BOEING GET 102.0 MLN DLR CONTRACT\n\n"
            "WASHINGTON, Oct 20 - Textron and Boeing have received a 182.0 mln dlr joint "
            "contract for the V-22 aircraft, the Navy said.\n",
            dt.date(1987, 10, 20),
            ("the story's first figure of the headline's measure",),
        ),
    ],
)
def test_a_wire_headline_restated_in_the_lead_with_a_slip(
    text: str, day: dt.date, reasons: tuple[str, ...]
) -> None:
    (finding,) = findings(text, rules=CONFLICT, date=day)
    assert all(reason in finding.details["evidence"] for reason in reasons)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("a 48 mln dlr loan to Ecuador", "loan"),
        ("earn about 4.50 dlrs a share", ""),
        ("fined $25,000, ordered to pay", ""),
        ("to 145.1 mln dlrs from a revised 146.7 mln", ""),
    ],
)
def test_the_noun_an_amount_is_of(text: str, noun: str) -> None:
    claim = next(c for c in document(text).claims if c.kind == "money")
    assert noun_after(text, claim) == noun


def test_a_bound_in_the_lead_is_still_the_lead_s_first_figure() -> None:
    text = (
        "NYNEX UNIT FILES 500 MLN DLR DEBT OFFERING\n\n"
        "WASHINGTON, March 30 - New York Telephone filed for an offering of up to 500 mln dlrs "
        "of debt. It is in addition to 50 mln dlrs of debt already registered.\n"
    )
    assert findings(text, rules=CONFLICT, date=dt.date(1987, 3, 30)) == []


def test_a_power_of_ten_between_two_units_is_the_units() -> None:
    text = (
        "The 1.5-gigawatt wind farm will have 100 turbines, the developer said.\n\n"
        "Each of the 15 megawatts turbines stands 260 metres tall."
    )
    assert findings(text, rules=CONFLICT, date=DATE) == []


def test_a_headline_figure_the_lead_restates_is_named_beside_the_conflict() -> None:
    text = (
        "---\ndate: 2025-10-08\n---\n\n# Selatan port handles 3.84 million TEU in third quarter\n\n"
        "Selatan port handled 3,842,600 TEU in the third quarter, the operator said.\n\n"
        '"We moved 3.48 million TEU in the quarter," the managing director said.\n'
    )
    source = source_from_text(text, "draft.md", "markdown")
    (finding,) = Engine([rule("conflicting-figures")]).check(analyze_source(source, Options()))
    assert finding.location.line == 7
    assert [r.location.line for r in finding.related] == [9, 5]
    assert finding.related[1].message == "3.84 million in the headline"


ONLY_SLIP = (
    "Vallmar will invest €64 million in the new tile plant, its biggest project.{other} "
    '"We are putting 46 million euros into this plant," the chief executive said.'
)


def test_a_quote_that_can_only_be_a_slip_of_one_figure_conflicts_with_it() -> None:
    (finding,) = findings(ONLY_SLIP.format(other=""), rules=CONFLICT, date=DATE)
    assert "the only figure before it that it may be a slip of" in finding.details["evidence"]


def test_a_quote_that_may_be_a_slip_of_two_figures_needs_more() -> None:
    text = ONLY_SLIP.format(other=" Its old plant cost €47 million.")
    assert findings(text, rules=CONFLICT, date=DATE) == []


def test_a_round_figure_is_no_slip_of_one_figure_only() -> None:
    text = (
        "The mine made a profit of 600,000 dlrs last year. "
        '"We expect six mln dlrs this year," the chairman said.'
    )
    assert findings(text, rules=CONFLICT, date=DATE) == []


def test_a_near_miss_the_rule_leaves_to_rounding_does_not_hide_a_clear_slip() -> None:
    text = (
        "# Airport passengers hit 1.84 million in July\n\n"
        "In July the airport handled 1,842,600 passengers, 6.4% more than a year earlier.\n\n"
        '"We welcomed 1,824,600 passengers in July," the chief executive said.'
    )
    (finding,) = findings(text, rules=CONFLICT, date=DATE)
    assert finding.message.startswith("1,842,600 conflicts with 1,824,600")


def test_people_do_not_restate_a_count_of_things() -> None:
    text = (
        "The savings would mean 11 of the county's 34 branches closing.\n\n"
        '"Of the 1,100 people who answered the consultation, 671 opposed it," she said.'
    )
    assert findings(text, rules=CONFLICT, date=DATE) == []


def test_an_unnumbered_quarter_is_no_full_year() -> None:
    assert Period.read("the quarter").contradicts(Period.read("full year"))
    assert not Period.read("the quarter").contradicts(Period.read("2024-Q3"))


def test_a_restatement_of_an_earlier_figure_however_said_is_no_conflict() -> None:
    text = (
        "The university reported an operating deficit of A$48.3 million for 2023.\n\n"
        '"A $43.8 million deficit is not something any council wants," she said.\n\n'
        '"Management could absorb the A$48.3 million hit without touching a job," he said.'
    )
    (finding,) = findings(text, rules=CONFLICT, date=DATE)
    assert finding.message.startswith("A$48.3 million conflicts with $43.8 million")


def test_the_amount_a_share_comes_to_restates_nothing() -> None:
    text = (
        "The consortium pledged to invest R$14.2 billion over the 35-year contract.\n\n"
        "The contract requires it to set aside 1% of capital spending, or about R$142 million, "
        "for environmental compensation."
    )
    assert findings(text, rules=CONFLICT, date=DATE) == []


def test_a_clear_transposition_is_a_conflict_not_a_rounding() -> None:
    text = (
        "# Airport passengers hit 1.84 million in July\n\n"
        "In July the airport handled 1,842,600 passengers, 6.4% more than a year earlier.\n\n"
        '"We welcomed 1,824,600 passengers in July," the chief executive said.'
    )
    rules = [rule("conflicting-figures"), rule("inconsistent-rounding")]
    assert [f.rule for f in findings(text, rules=rules, date=DATE)] == ["conflicting-figures"]


def test_a_count_and_a_change_a_power_of_ten_apart_are_part_and_whole() -> None:
    text = "The plant employs 1,200 workers.\n\nIt will cut 120 workers next year, he said."
    assert findings(text, rules=CONFLICT, date=DATE) == []


def test_bare_counts_a_year_apart_are_no_rounding_slip() -> None:
    text = "The poet left the city in 764.\n\nHe returned in 765, his letters say."
    assert findings(text, rules=[rule("inconsistent-rounding")], date=DATE) == []


def test_a_bare_count_transposed_from_a_counted_one_weighs_its_digits() -> None:
    text = (
        "Freight units, lorries and trailers, increased to 286,500 from 271,200.\n\n"
        "- Freight units: 268,500"
    )
    assert len(findings(text, rules=CONFLICT, date=DATE)) == 1
    rate = "The currency rose to 76.85 after closing at 76.58 cts.\n\nIt rose to 76.85 again."
    assert findings(rate, rules=CONFLICT, date=DATE) == []


def test_two_digits_count_against_a_slip_less_when_it_is_given_as_known() -> None:
    from tests.helpers import findings, rule

    text = (
        "The hospital trust said it had cut 46 nursing posts this year.\n\n"
        'The chief nurse said: "The 64 nursing posts we cut this year were hard to lose."'
    )
    (finding,) = findings(text, rules=[rule("conflicting-figures")])
    assert "two significant digits -1;" in finding.details["evidence"]  # -2 when not known


ROUNDED_IN_A_QUOTE = (
    "The trust spent £4.37m on agency staff in the first quarter, board papers show.\n\n"
    '"The {figure} we put into agency staff in the first quarter is paying off," she said.'
)


def test_a_figure_given_again_at_a_coarser_precision_that_cannot_round_it() -> None:
    rounding = [rule("inconsistent-rounding")]
    found = findings(ROUNDED_IN_A_QUOTE.format(figure="£4.3 million"), rules=rounding, date=DATE)
    assert [f.rule for f in found] == ["inconsistent-rounding"]
    right = ROUNDED_IN_A_QUOTE.format(figure="£4.4 million")
    assert findings(right, rules=rounding, date=DATE) == []


def test_a_headline_cut_short_is_no_rounding_slip() -> None:
    text = (
        "# Lindqvist sales reach SEK 8.4 billion\n\n"
        "Lindqvist said its SEK 8.46 billion in sales in 2023 beat forecasts."
    )
    assert findings(text, rules=[rule("inconsistent-rounding")], date=DATE) == []


def test_growth_at_constant_currency_is_not_the_reported_growth() -> None:
    text = (
        "Subscription revenue increased 15.4% to $524.1 million in 2019 when compared to 2018. "
        "Subscription revenue growth on a constant currency basis increased {figure} in 2019."
    )
    assert findings(text.format(figure="14.5%"), date=DATE) == []
    plain = text.replace(" on a constant currency basis", "").format(figure="14.5%")
    assert [f.rule for f in findings(plain, date=DATE)] == ["conflicting-figures"]


def test_a_figure_of_the_previous_season_is_not_the_story_s_figure() -> None:
    text = (
        "# Harbour Tides post NZ$3.8m loss\n\n"
        "The franchise lost NZ$3.8 million in the year to June 30, almost double the "
        "NZ$2.1 million deficit of the previous season."
    )
    assert findings(text, date=DATE) == []
    assert findings(text.replace(" of the previous season", ""), date=DATE) != []


@pytest.mark.parametrize(
    ("text", "referred"),
    [
        ('"The KSh 2.3 billion we owe them will be paid," he said.', True),
        ('"The €2.8m we have been given means more clinics," she said.', True),
        ("It owes the KSh 2.3 billion in pending bills.", False),
        ("It owes KSh 2.3 billion we think.", False),
    ],
)
def test_a_figure_a_pronoun_clause_says_more_of_is_referred_back_to(
    text: str, referred: bool
) -> None:
    doc = document(text)
    (claim,) = [c for c in doc.claims if c.kind == "money"]
    assert referred_back(doc.source.prose, claim) is referred
