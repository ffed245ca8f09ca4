"""Claim extraction, table-driven: every number format numlint reads, and what is not a claim."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from checker.claims import Claim
from checker.document import Options, analyze_source
from checker.nlp import analyze
from checker.source import source_from_text
from tests.helpers import document


def claims(text: str) -> list[Claim]:
    doc = analyze(text)
    return [Claim.from_span(span, original=text) for span in doc.spans["claims"]]


def only(text: str, kind: str | None = None) -> Claim:
    found = [c for c in claims(text) if kind is None or c.kind == kind]
    assert len(found) == 1, [c.text for c in found]
    return found[0]


# (sentence, claim text, kind, value, unit or counted noun)
FORMATS = [
    ("The firm employs 1,200 people.", "1,200", "count", "1200", "people"),
    ("Shares rose 1.2 percent.", "1.2 percent", "percent", "1.2", "%"),
    ("Revenue was $1.2bn last year.", "$1.2bn", "money", "1200000000", "USD"),
    ("It sold 1.2 mln tonnes of steel.", "1.2 mln tonnes", "quantity", "1200000", "metric_ton"),
    # SI prefixes written out, and the brewers' hectolitre
    ("It bought 84,000 metric tonnes.", "84,000 metric tonnes", "quantity", "84000", "metric_ton"),
    ("The glacier lost 2.9 gigatonnes.", "2.9 gigatonnes", "quantity", "2.9", "gigatonne"),
    ("Volumes were 41.8 mln hl.", "41.8 mln hl", "quantity", "41800000", "hectoliter"),
    ("It leaks 412.6 megalitres a day.", "412.6 megalitres", "quantity", "412.6", "megaliter"),
    # a symbol's case tells megalitres from millilitres
    ("Leakage fell to 395 Ml a day.", "395 Ml", "quantity", "395", "megaliter"),
    ("Each bottle holds 250 ml.", "250 ml", "quantity", "250", "milliliter"),
    ("Emissions were 1.2 Gt last year.", "1.2 Gt", "quantity", "1.2", "gigatonne"),
    ("Profit reached $1.2 billion.", "$1.2 billion", "money", "1200000000", "USD"),
    ("It raised US$5 million.", "US$5 million", "money", "5000000", "USD"),
    ("It raised HK$30 million.", "HK$30 million", "money", "30000000", "HKD"),
    ("Sales were R$12 million.", "R$12 million", "money", "12000000", "BRL"),
    ("Sales were A$3 million.", "A$3 million", "money", "3000000", "AUD"),
    ("Sales were C$4 million.", "C$4 million", "money", "4000000", "CAD"),
    ("Sales were S$2 million.", "S$2 million", "money", "2000000", "SGD"),
    ("Revenue hit NT$9 billion.", "NT$9 billion", "money", "9000000000", "TWD"),
    ("The Beijing firm earned ¥500 million.", "¥500 million", "money", "500000000", "CNY"),
    ("It earned CN¥20 million.", "CN¥20 million", "money", "20000000", "CNY"),
    ("The club paid €50 million.", "€50 million", "money", "50000000", "EUR"),
    ("The club paid £40 million.", "£40 million", "money", "40000000", "GBP"),
    ("The project costs ₹300 crore.", "₹300 crore", "money", "3000000000", "INR"),
    ("Profit was ₩2 trillion.", "₩2 trillion", "money", "2000000000000", "KRW"),
    ("Fees total CHF 300 million.", "CHF 300 million", "money", "300000000", "CHF"),
    ("Fees total SEK 4.5 billion.", "SEK 4.5 billion", "money", "4500000000", "SEK"),
    ("It paid USD 3.2bn.", "USD 3.2bn", "money", "3200000000", "USD"),
    ("It paid EUR 12m.", "EUR 12m", "money", "12000000", "EUR"),
    ("It paid RMB 8 billion.", "RMB 8 billion", "money", "8000000000", "CNY"),
    ("The deal is worth 5 billion yuan.", "5 billion yuan", "money", "5000000000", "CNY"),
    ("The deal is worth 900 billion yen.", "900 billion yen", "money", "900000000000", "JPY"),
    ("Korea spends 2 trillion won each year.", "2 trillion won", "money", "2000000000000", "KRW"),
    ("India allocated 40 lakh rupees.", "40 lakh rupees", "money", "4000000", "INR"),
    ("Americans spent 5 billion dollars.", "5 billion dollars", "money", "5000000000", "USD"),
    ("Europeans spent 3 billion euros.", "3 billion euros", "money", "3000000000", "EUR"),
    ("Britons spent 2 billion pounds.", "2 billion pounds", "money", "2000000000", "GBP"),
    ("Swiss banks hold 7 billion francs.", "7 billion francs", "money", "7000000000", "CHF"),
    ("The plan lasts five years.", "five years", "duration", "5", "year"),
    ("The plant employs twenty-three people.", "twenty-three", "count", "23", "people"),
    ("A dozen stores closed.", "A dozen", "count", "12", "stores"),
    ("Half of the staff left.", "Half", "fraction", "0.5", "fraction"),
    ("A quarter of the budget went on roads.", "A quarter", "fraction", "0.25", "fraction"),
    ("Unemployment fell 0.3 percentage points.", "0.3 percentage points", "percentage_points",
     "0.3", "pp"),
    ("Margins widened by 150 basis points.", "150 basis points", "percentage_points", "1.5", "pp"),
    ("The rate is 4.5 per cent.", "4.5 per cent", "percent", "4.5", "%"),
    ("Turnout was 34.7%.", "34.7%", "percent", "34.7", "%"),
    ("They built a 120-kilometre road.", "120-kilometre", "quantity", "120", "kilometer"),
    ("They dug a 3-km tunnel.", "3-km", "quantity", "3", "kilometer"),
    ("Winds reached 185 km/h.", "185 km/h", "quantity", "185", "kilometer/hour"),
    ("It was 31°C on Monday.", "31°C", "quantity", "31", "degree_Celsius"),
    ("Full-width figures: １２％ of sales.", "１２％", "percent", "12", "%"),
    ("Indian grouping: ₹1,22,550 crore.", "₹1,22,550 crore", "money", "1225500000000", "INR"),
    ("Kirana raised Rp 4.3 trillion.", "Rp 4.3 trillion", "money", "4300000000000", "IDR"),
    ("Revenue was R4.2bn.", "R4.2bn", "money", "4200000000", "ZAR"),
    ("The rail deal is worth R450,000.", "R450,000", "money", "450000", "ZAR"),
    ("The loss was N12.6 billion.", "N12.6 billion", "money", "12600000000", "NGN"),
    ("They approved a C$1.86-billion plan.", "C$1.86-billion", "money", "1860000000", "CAD"),
    ("They won a $2-million grant.", "$2-million", "money", "2000000", "USD"),
    ("Bad loans were Sh64.3 billion.", "Sh64.3 billion", "money", "64300000000", "KES"),
    ("The farm makes 3.6 terawatt-hours.", "3.6 terawatt-hours", "quantity", "3.6",
     "terawatt_hour"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "kind", "value", "unit"), FORMATS)
def test_reads_format(text: str, span: str, kind: str, value: str, unit: str) -> None:
    claim = only(text, kind)
    assert claim.text == span
    assert claim.value == Decimal(value)
    assert unit in (claim.unit, claim.counted)
    assert text[claim.start : claim.end] == span


def test_a_change_then_the_level_it_gives_is_no_range() -> None:
    change, level = claims("The Band D bill rises by 4.99%, a rise of £87.81 to £1,847.49.")[1:]
    assert (change.value_high, level.value) == (None, Decimal("1847.49"))
    (both,) = claims("Prices rose by 5 to 10 percent.")
    assert (both.value, both.value_high) == (Decimal(5), Decimal(10))


def test_shillings_are_money_in_the_story_s_country() -> None:
    (claim,) = claims('"We made 1.63 billion shillings in Nairobi," the managing director said.')
    assert (claim.kind, claim.unit) == ("money", "KES")


def test_from_one_figure_to_another_is_a_change_unless_it_ranges() -> None:
    start, end = claims("Output rose from 1.05 mln to 1.45 mln tonnes.")
    assert (start.role, end.role) == ("baseline", "level")


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ('"We have gone from 1,105 to 1,420 today," she said.', ""),
        ("The party is short of the 43 needed to govern alone.", ""),
        ('"Even the 1,340 flats Kronfjärdshem is promising will not do," he said.', "flats"),
        ("Two Ethiopians led the race.", "ethiopians"),
        ("The party remains seven seats short of a majority.", "seats"),
        ('"Some 728,000 people flew with us," she said.', "people"),
        ("The Alliance won 27 of the 75 seats.", "seats"),
        ("It shut 12 of its 40 stores.", "stores"),
        ('"We run our 63 battery-electric buses," she said.', "buses"),
        ("It bought 3.2 mln of its common shares.", "shares"),
        ("It closed 11 of the county's 34 branches.", "branches"),
        ("The company counted 9.15 crore 5G users.", "users"),
        ("It ordered 64 battery-electric buses worth every cent.", "buses"),
    ],
)
def test_what_a_number_counts_is_a_noun(text: str, counted: str) -> None:
    claim = claims(text)[-1]
    assert claim.counted == counted


def test_two_thirds_is_a_fraction() -> None:
    claim = only("Two-thirds of voters agreed.")
    assert claim.kind == "fraction"
    assert abs(claim.value - Decimal(2) / 3) < Decimal("1e-9")


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Prices rose 5 to 10 percent.", "5", "10", "%"),
        ("Growth was between 3 and 4 per cent.", "3", "4", "%"),
        ("The work takes 5 to 10 years.", "5", "10", "year"),
        ("It will cost $5-10 million.", "5000000", "10000000", "USD"),
        ("It will cost $5 million to $10 million.", "5000000", "10000000", "USD"),
        ("Estimates ranged from 1.05 mln to 1.45 mln tonnes.", "1050000", "1450000", "metric_ton"),
    ],
)
def test_ranges(text: str, low: str, high: str, unit: str) -> None:
    claim = only(text)
    assert (claim.value, claim.value_high, claim.unit) == (Decimal(low), Decimal(high), unit)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("It has about 100 stores.", "approx"),
        ("Approximately $1.7 billion was raised.", "approx"),
        ("Revenue was roughly €3 billion.", "approx"),
        ("Around 40% agreed.", "approx"),
        ("Nearly 40% of households agreed.", "near"),
        ("Almost 3 million people voted.", "near"),
        ("More than 45 million users signed up.", "lower"),
        ("Over 45 million users signed up.", "lower"),
        ("At least 12 firms bid.", "lower"),
        ("Less than 5% objected.", "upper"),
        ("Under $10 was paid.", "upper"),
        ("Up to 30 branches may close.", "upper"),
        ("Completions totalled just over 171,000.", "approx"),
        ("Slightly more than 3 million people voted.", "approx"),
        ("Just under 40% agreed.", "near"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert only(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("Revenue was $1.7 billion.", "100000000"),
        ("Revenue was $1.457 billion.", "1000000"),
        ("Turnout was 34.7%.", "0.1"),
        ("It employs 1,200 people.", "1"),
        ("The plan lasts five years.", "1"),  # as precise as "5 years"
        ("Sales fell two-thirds.", "0"),
    ],
)
def test_stated_precision(text: str, step: str) -> None:
    assert only(text).step == Decimal(step)


@pytest.mark.parametrize(
    "text",
    [
        "The iPhone 11 and Windows 10 sold well.",  # numbers in names
        "Model 3 deliveries began.",
        "He finished third and then 21st.",  # ordinals
        "It happened in 2019.",  # a year
        "The meeting starts at 10:30 or at 3 p.m.",  # clock times
        "The COVID-19 crisis hit.",
        "Route 66 is closed.",
        "Route N1 is closed and gate R2 is open.",  # a one-letter symbol only glued to money
        "The 1990s were good.",
        "The glacier thinned between 1990 and 2023.",  # years from one to the other
    ],
)
def test_not_quantity_claims(text: str) -> None:
    assert [c.text for c in claims(text) if c.kind != "date"] == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("It launched on March 7, 2019.", "2019-03-07"),
        ("It launched on 7 March 2019.", "2019-03-07"),
        ("It launched on Thursday, June 12, 2024.", "2024-06-12"),
        ("It launched in January 2020.", "2020-01"),
    ],
)
def test_dates(text: str, date: str) -> None:
    claim = only(text, "date")
    assert claim.date == date


def test_years_inside_dates_are_not_quantities() -> None:
    found = claims("On March 31, 2019, there were 480 stores.")
    assert [(c.kind, c.text) for c in found] == [("date", "March 31, 2019"), ("count", "480")]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("It will invest ¥12 billion (approximately $1.7 billion) in China.", "¥12 billion",
         "$1.7 billion"),
        ("The firm will spend ₹300 crore, or about $36 million, on roads.", "₹300 crore",
         "$36 million"),
        ("It built a 120-kilometre (75-mile) road.", "120-kilometre", "75-mile"),
        ("It was 31°C (88°F) at noon.", "31°C", "88°F"),
        ("Gusts hit 185 km/h (115 mph; 100 knots).", "185 km/h", "115 mph"),
        ("He earns £165,000 a week ($240,000).", "£165,000", "$240,000"),
    ],
)  # fmt: skip
def test_stated_equivalences(text: str, first: str, second: str) -> None:
    by_text = {c.text: c for c in claims(text)}
    assert by_text[second].equivalent_of == by_text[first].start


def test_two_amounts_in_a_list_are_not_equivalent() -> None:
    found = claims("The club paid €50 million and £40 million for two players.")
    assert all(c.equivalent_of < 0 for c in found)


def test_offsets_survive_full_width_and_rtl_text() -> None:
    text = "مرحبا. Sales rose １２％ to ¥5 billion."
    for claim in claims(text):
        assert text[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    ("text", "unit"),
    [("Sales were zł96 million.", "PLN"), ("It cost Kč250 million.", "CZK")],
)
def test_a_letter_currency_symbol_written_against_the_number_is_read(text: str, unit: str) -> None:
    claim = only(text, "money")
    assert (claim.text, claim.unit) == (text.split()[-2] + " million", unit)


def test_money_for_a_physical_thing_is_spending() -> None:
    claim = only("The council approved a £28 million relief road.", "money")
    assert claim.metric == "spending"


@pytest.mark.parametrize(
    "text",
    [
        "Analysts welcomed the operating margin of 16.6%, the highest in a decade.",
        "Chief financial officer Jeroen Baas said the €183 million net profit was a record.",
        "Health board chair Trevor Linacre said the 42,800 attendances were too many.",
    ],
)
def test_a_speaker_who_opens_the_sentence_does_not_own_the_figure(text: str) -> None:
    claim = next(c for c in claims(text) if c.metric)
    assert claim.entity == ""


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Samsung reported revenue of $60 billion.", "Samsung"),
        (
            "Neighbouring Brinsford District Council is raising council tax by 2.99%.",
            "Brinsford District Council",
        ),
        ("Indonesia's Kirana Pay reported revenue of Rp 4.3 trillion.", "Kirana Pay"),
        (
            "HONG KONG, Feb 15 - Pacific Crest Ltd reported revenue of 4.3 mln dlrs.",
            "Pacific Crest Ltd",
        ),
    ],
)
def test_a_name_that_opens_the_sentence_owns_the_figure(text: str, entity: str) -> None:
    claim = next(c for c in claims(text) if c.metric)
    assert claim.entity == entity


def test_a_time_within_a_year_is_not_a_figure_s_period() -> None:
    text = (
        "Production starts in the spring of 2027. In the first half, revenue rose to ¥512 billion."
    )
    claim = only(text, "money")
    assert claim.scope == "H1"


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Exports were 849,000 tonnes in January-June.", "H1"),
        ("Revenue for the July-September quarter was ¥5.8 trillion.", "Q3"),
        ("Exports were 849,000 tonnes in January to September 2024.", "2024-9M"),
        ("Exports were 849,000 tonnes in the February-May period.", "M02-M05"),
        ("The glacier lost 2.9 gigatonnes between 1990 and 2023.", "1990-2023"),
    ],
)
def test_months_from_one_to_another_are_a_period(text: str, scope: str) -> None:
    claim = next(c for c in claims(text) if c.kind in ("money", "quantity"))
    assert claim.scope == scope and "january" not in claim.subject


def test_the_end_of_a_month_is_a_time_not_what_is_measured() -> None:
    claim = only("The list held 5,842 households at the end of June.", "count")
    assert claim.subject == "" and "june" in claim.scope


def test_a_metric_after_a_clause_opener_is_not_the_figure_s() -> None:
    text = '"We made a profit of Rs 4.21 billion in a quarter when prices fell," he said.'
    claim = only(text, "money")
    assert claim.metric == "profit" and "price" not in claim.subject


def test_a_money_verb_gives_no_metric_to_a_count() -> None:
    claim = only('"We sold 41,230 EVs last month," he said.', "count")
    assert claim.metric != "deal" and claim.counted == "evs"


@pytest.mark.parametrize(
    ("text", "kind", "metric"),
    [
        ("The force faces a £9.6 million gap in its budget.", "money", "shortfall"),
        ("Closing a £6.9 million hole has meant hard choices.", "money", "shortfall"),
        ("Members agreed a three-year capital programme of £47.3m.", "money", ""),
        ('"We carried a wage bill of £43.1m," he said.', "money", "salary"),
        ("Personnel costs are projected at N142.7 billion.", "money", "salary"),
        ("We generated $69.5 million of free cash in the quarter.", "money", "cash flow"),
        ("Labour's lead was a gap of 16.3 percentage points.", "percentage_points", ""),
    ],
)
def test_what_a_budget_lacks_and_what_cash_it_makes(text: str, kind: str, metric: str) -> None:
    assert only(text, kind).metric == metric


def test_an_average_after_a_figure_is_not_what_it_counts() -> None:
    (claim,) = claims("The 11,842 average was the fourth highest in the division.")
    assert claim.counted == ""


@pytest.mark.parametrize(
    "text",
    [
        "Sales reached $8.4 billion in 2024. Its trade arm, launched in 2021, grew fast. "
        "During the year the chain opened 16 stores.",
        "Sales reached $8.4 billion in 2024, the most since the company listed in 2017. "
        "The chain opened 16 stores.",
    ],
)
def test_when_something_happened_is_not_the_period_later_figures_inherit(text: str) -> None:
    stores = next(c for c in claims(text) if c.text == "16")
    assert "2021" not in stores.scope and "2017" not in stores.scope


def test_period_words_do_not_narrow_the_measured_thing() -> None:
    claim = only("Analysts welcomed the first-half operating margin of 16.6%.", "percent")
    assert (claim.metric, claim.subject) == ("margin", "")


def test_a_count_a_plan_will_cut_is_a_change() -> None:
    claim = only("Analysts said the 3,200 positions the bank intends to eliminate were many.")
    assert (claim.role, claim.direction, claim.metric) == ("change", "down", "employees")


def test_take_up_is_a_metric() -> None:
    claim = only("Take-up, the share of homes that buy a service, rose to 31.4%.", "percent")
    assert claim.metric == "take-up"


def test_a_segment_named_in_the_previous_sentence_narrows_its_figure() -> None:
    text = (
        "The cloud computing division remained the main engine. Its revenue climbed to ¥7.4 "
        "billion, while the logistics software unit grew to ¥2.3 billion."
    )
    first, second = (c for c in claims(text) if c.kind == "money")
    assert (first.subject, second.subject) == ("cloud computing", "logistic software")


def test_a_metric_after_the_figure_stops_at_and() -> None:
    text = "Brightwater reported revenue of €1.84 billion in 2025 and operating profit of €196m."
    first, second = (c for c in claims(text) if c.kind == "money")
    assert (first.metric, second.metric) == ("revenue", "profit")


def test_pence_are_hundredths_of_a_pound() -> None:
    claim = only("Harlow will pay 612 pence a share.", "money")
    assert (claim.unit, claim.value) == ("GBP", Decimal("6.12"))


def test_a_count_after_of_those_nouns_counts_them() -> None:
    claim = only("Of those patients, 946 needed treatment in intensive care.", "count")
    assert claim.metric == "cases"


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        (
            "On February 7, 2012, Kershaw and the Dodgers agreed on a $19 million contract.",
            "Kershaw",
        ),
        ("WARSAW, June 12 — Nordwind said it had approved a PLN 14.2 billion investment.", ""),
        (
            "Councillor Priya Raman, one of the four who voted against, said the C$1.35 billion "
            "capital budget relied on borrowing.",
            "",
        ),
    ],
)
def test_the_owner_after_a_date_a_dateline_or_an_aside(text: str, entity: str) -> None:
    claim = next(c for c in claims(text) if c.kind == "money")
    assert claim.entity == entity


def test_made_up_of_is_not_a_rise() -> None:
    claim = only("The offer is made up of £2.1 billion in cash.", "money")
    assert claim.role == "level"


def test_a_forecast_for_a_metric_measures_it() -> None:
    claim = only("The bank's 2.3% forecast for average inflation assumed stable prices.", "percent")
    assert claim.metric == "inflation"


def test_a_power_is_a_capacity() -> None:
    claim = only("Nordwind approved a 1,140-megawatt offshore wind farm that will cost a lot.")
    assert (claim.metric, claim.subject) == ("capacity", "")


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("The model suggests a porosity of 41.7%.", "porosity"),
        ("The index showed a rise of 4.1% in March.", ""),  # a change, not a metric
    ],
)
def test_a_bare_percentage_measures_the_noun_it_is_of(text: str, metric: str) -> None:
    assert only(text, "percent").metric == metric


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("The two $10 bills were fakes.", "$10"),
        ("It sold 3 $20 tickets.", "$20"),
        ("The 2018 $5 million loan was repaid.", "$5 million"),
        ("Both 2 €40 fares sold out.", "€40"),
    ],
)
def test_a_symbol_between_two_numbers_belongs_to_the_second(text: str, amount: str) -> None:
    money = [c.text for c in claims(text) if c.kind == "money"]
    assert money == [amount]


@pytest.mark.parametrize(
    ("text", "amount"),
    [("A fee of 40 € was charged.", "40 €"), ("They paid 5 dollars 20 cents.", "5 dollars")],
)
def test_a_symbol_or_name_after_a_number_is_still_its_currency(text: str, amount: str) -> None:
    assert next(c.text for c in claims(text) if c.kind == "money") == amount


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("It is issuing a 75 mln Canadian dlr eurobond.", "CAD"),
        ("Profit rose to 12.5 mln Australian dlrs.", "AUD"),
        ("Sales were 300 mln H.K. dlrs.", "HKD"),
        ("It raised 45 mln N.Z. dlrs.", "NZD"),
        ("It paid 12 mln Singapore dlrs.", "SGD"),
    ],
)
def test_wire_copy_names_each_dollar_in_dlrs(text: str, unit: str) -> None:
    assert next(c.unit for c in claims(text) if c.kind == "money") == unit


@pytest.mark.parametrize(
    ("text", "figure", "role"),
    [
        ("Seiban will raise fares by an average of 8.2% from October.", "8.2%", "change"),
        ("Kirana has raised Rp 4.3 trillion from investors.", "Rp 4.3 trillion", "level"),
        ("Fares were raised 8% in April.", "8%", "change"),
        ("The gap is closed with £2.2m raised through higher fees.", "£2.2m", "level"),
        ("Profit was a 56.5% rise on the year.", "56.5%", "change"),
        ("He added that the €824.6 million profit paid for it.", "€824.6 million", "level"),
        ("Ticketing cut it by 5% last year.", "5%", "change"),
        ("Sarvatra added a net 1.27 crore subscribers.", "1.27 crore", "change"),
        ("The school will grow by half in a £7.4m expansion.", "£7.4m", "level"),
        ("Output saw a 12% expansion.", "12%", "change"),
    ],
)
def test_what_a_change_word_makes_of_the_figure_after_it(text: str, figure: str, role: str) -> None:
    assert next(c for c in claims(text) if c.text == figure).role == role


def test_section_r_12_is_no_money() -> None:
    assert [c.kind for c in claims("Section R 12 applies.")] != ["money"]


def test_a_majority_is_a_metric() -> None:
    assert only("Ms Castell won a majority of 3,286.").metric == "majority"


def test_a_physical_quantity_has_no_money_metric() -> None:
    claim = only("The farm is expected to generate 4,860 GWh a year.", "quantity")
    assert claim.metric not in ("revenue", "profit")


def test_a_metric_of_another_dimension_is_not_the_quantity_s() -> None:
    assert only("We are on track for 154,000 tonnes this year.", "quantity").metric == ""
    assert only("The 40 km route opened.", "quantity").metric == "distance"


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [
        ("We are spending four point two million dollars on this.", "4200000", "100000"),
        ("Growth was one point five six per cent.", "1.56", "0.01"),
    ],
)
def test_decimals_spoken_in_words(text: str, value: str, step: str) -> None:
    (claim,) = claims(text)
    assert (claim.value, claim.step) == (Decimal(value), Decimal(step))


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [
        ("Some three hundred and eighty people died.", "380", "1"),
        ("We spent two hundred and forty thousand pounds on it.", "240000", "1000"),
        ("They walk about eight thousand six hundred steps a day.", "8600", "100"),
        ("Pain fell by nearly eight and a half days a month.", "8.5", "0.5"),
        ("Two and a quarter million people voted.", "2250000", "250000"),
        ("He scored one hundred and five goals.", "105", "1"),
        ("The one thousand five hundred and twenty-two members voted.", "1522", "1"),
    ],
)
def test_numbers_said_in_groups(text: str, value: str, step: str) -> None:
    (claim,) = claims(text)
    assert (claim.value, claim.step) == (Decimal(value), Decimal(step))


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Three hundred, four hundred and five hundred were the options.", ["300", "400", "500"]),
        ("He sold nine hundred five-year bonds.", ["900", "5"]),
        ("It rose from one hundred to two hundred.", ["100", "200"]),
    ],
)
def test_separate_numbers_said_in_words_stay_apart(text: str, values: list[str]) -> None:
    assert [str(c.value) for c in claims(text)] == values


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # the story writes its dollars as A$: a bare "$" in a quote is the same dollar
        (
            'The state pays A$2.1 billion and Canberra A$1.5 billion. "We put $1.3 billion in,"'
            " the member said.",
            "AUD",
        ),
        # an NZ$ story whose mayor drops the prefix
        ('Developers pay NZ$38,500 per home. "They will pay $35,800 a section," he said.', "NZD"),
        # A$ amounts converted into bare dollars in brackets: those dollars are U.S. dollars
        ("It earned A$2.1 billion ($1.4 billion) and paid A$300 million ($200 million).", "USD"),
        # a bracketed C$ is a conversion; the story's own dollar stays the default
        ("The fund will invest $100 million (about C$135 million) in housing.", "USD"),
    ],
)
def test_a_bare_dollar_is_the_dollar_the_story_writes(text: str, unit: str) -> None:
    bare = [c for c in document(text).claims if c.text.startswith("$")]
    assert bare and {c.unit for c in bare} == {unit}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The Stockholm group offered 148 crowns a share, or 9.5 billion crowns.", "SEK"),
        ("Shares in the Oslo-listed farmer rose to 126.00 crowns, Norway's exchange said.", "NOK"),
        ("The Prague brewer paid 2.1 billion Czech crowns.", "CZK"),
    ],
)
def test_crowns_are_the_currency_of_the_country_the_story_names(text: str, unit: str) -> None:
    money = [c for c in document(text).claims if c.kind == "money"]
    assert money and {c.unit for c in money} == {unit}


def test_an_amount_apiece_measures_no_count_of_shares() -> None:
    text = (
        "Norrvik bought 3.71 mln shares at 187.50 crowns apiece. "
        "It pays a dividend of 4 crowns a share."
    )
    metrics = {c.text: c.metric for c in document(text).claims if c.kind == "money"}
    assert metrics == {"187.50 crowns": "", "4 crowns": "dividend"}


def test_crowns_are_one_currency_in_a_story_of_two_crown_countries() -> None:
    text = (
        "The Swedish group Norrvik, based in Stockholm, bought shares from the Danish fund at "
        "187.50 crowns apiece.\n\nIn Copenhagen the fund said it had paid 150 crowns for them."
    )
    units = {c.unit for c in document(text).claims if c.kind == "money"}
    assert len(units) == 1


def test_a_change_word_does_not_narrow_what_a_figure_measures() -> None:
    (claim,) = [c for c in claims("Castellan lifts annual profit to A$312m.") if c.kind == "money"]
    assert "lift" not in claim.subject.split()


@pytest.mark.parametrize(
    "text",
    [
        "A Band D household will pay £2,174.36 next year.",
        "The European Union will pay PLN 780 million from its cohesion fund.",
    ],
)
def test_what_someone_pays_is_an_outlay_not_a_deal(text: str) -> None:
    (claim,) = [c for c in claims(text) if c.kind == "money"]
    assert claim.metric == "spending"


@pytest.mark.parametrize(
    ("text", "figure", "kind", "value", "unit"),
    [
        ("The line carried 48.6m passenger journeys.", "48.6m", "count", "48600000", ""),
        ("It had 48.6m journeys, from 45.3m a year earlier.", "45.3m", "count", "45300000", ""),
        ("The mine shipped 3.2m tonnes.", "3.2m tonnes", "quantity", "3200000", "metric_ton"),
        ("She won the 400m hurdles.", "400m", "quantity", "400", "meter"),
        ("The 40m tower fell.", "40m", "quantity", "40", "meter"),
        ("The wall is 12m high and 3m wide.", "3m", "quantity", "3", "meter"),
    ],
)
def test_m_before_a_plural_noun_is_millions(
    text: str, figure: str, kind: str, value: str, unit: str
) -> None:
    claim = next(c for c in claims(text) if c.text == figure)
    assert (claim.kind, claim.value, claim.unit) == (kind, Decimal(value), unit)


def test_a_bare_number_a_change_reaches_measures_the_clause_s_subject() -> None:
    level, baseline = claims("Headcount in India climbed to 3,046 from 2,487.")
    assert (level.metric, level.role, baseline.metric, baseline.role) == (
        "employees",
        "level",
        "employees",
        "baseline",
    )


def test_from_between_counts_of_two_things_is_no_baseline() -> None:
    animals, species = claims("The zoo cares for 2,140 animals from 186 species.")
    assert (animals.role, species.role) == ("level", "level")
    assert claims("Staff rose to 2,140 workers from 1,900 workers.")[1].role == "baseline"


@pytest.mark.parametrize(
    ("text", "level_period", "baseline_period"),
    [
        ("Sales rose 5% in 2023 to $4.2 million from $4.0 million in 2022.", "2023", "2022"),
        ("Sales rose to $4.2 million in 2023 from $4.0 million in 2022.", "2023", "2022"),
        ("Profit rose to $1.2 billion from $1.0 billion in the third quarter.", "Q3", "Q3"),
    ],
)
def test_a_period_after_a_baseline_is_the_baseline_s_when_the_level_has_one(
    text: str, level_period: str, baseline_period: str
) -> None:
    level, baseline = (c for c in claims(text) if c.kind == "money")
    assert (level.scope, baseline.scope) == (level_period, baseline_period)


def test_a_number_glued_to_a_capital_is_a_name() -> None:
    assert [c.text for c in claims("It sold 40,000 5G phones and 3D printers.")] == ["40,000"]


def test_a_period_only_a_baseline_took_is_not_inherited() -> None:
    text = (
        "Marrabel reported a deficit of A$48.3 million for 2023. The result compares with a "
        'deficit of A$31.7 million in 2022. "A $43.8 million deficit is not something we want," '
        "she said."
    )
    *_, quoted = claims(text)
    assert (quoted.scope, quoted.scope_inherited) == ("2023", True)


def test_a_figure_listed_after_a_baseline_is_one() -> None:
    *_, earlier = claims(
        "This compares with a deficit of 1.95 billion dlrs in the year ending March 1987 "
        "and a 1.87 billion dlr deficit a year earlier."
    )
    assert earlier.role == "baseline"


def test_a_period_followed_by_a_colon_labels_the_next_figure() -> None:
    this_year, last_year = claims("- Net revenue budget: £621.4m (2023/24: £578.9m)")
    assert (this_year.scope, last_year.scope) == ("", "FY2023")


def test_a_metric_opening_a_line_is_no_name() -> None:
    (claim,) = claims("- Net revenue budget: £621.4m")
    assert (claim.entity, claim.metric) == ("", "spending")


def test_a_change_measured_on_a_period_s_level() -> None:
    change, level = claims("The budget is up 2.7 per cent on this year's £138.9m.")
    assert (change.role, level.role) == ("change", "baseline")


def test_wire_dollars_are_the_dollars_the_story_names() -> None:
    text = (
        "Earnings rose to 7.42 billion Australian dlrs. Coking coal earned 4.87 billion dlrs "
        "and steaming coal 2.55 billion dlrs."
    )
    assert {c.unit for c in document(text).claims if c.kind == "money"} == {"AUD"}
    alone = document("Shipments earned 4.87 billion dlrs.").claims
    assert [c.unit for c in alone if c.kind == "money"] == ["USD"]


def test_a_split_year_written_with_a_hyphen_is_one_period() -> None:
    found = document("Traffic revenue rose to Rs 9,412 crore in 2023-24.").claims
    assert [(c.text, c.scope) for c in found] == [("Rs 9,412 crore", "FY2023")]


@pytest.mark.parametrize(
    ("period", "scope"), [("H1 FY24", "2024-H1"), ("1H FY2024", "2024-H1"), ("Q1 FY24", "2024-Q1")]
)
def test_a_part_of_a_fiscal_year_is_that_part_not_the_whole_year(period: str, scope: str) -> None:
    (found,) = document(f"In {period} revenue was A$2.84 billion.").claims
    assert found.scope == scope


def test_a_fiscal_year_and_the_year_are_one_full_year() -> None:
    from checker.checks.evidence import Period

    assert Period.read("FY2024") == Period.read("2024")
    assert Period.read("FY2024").contradicts(Period.read("2024-H1"))


@pytest.mark.parametrize(
    "sentence",
    [
        "M3 showed a 17.3 pct annual rise.",
        "He pointed to the 7.6 pct year-to-date rise in copper.",
    ],
)
def test_a_percentage_before_a_change_noun_past_a_modifier_is_a_change(sentence: str) -> None:
    (percent,) = [c for c in document(sentence).claims if c.kind == "percent"]
    assert (percent.role, percent.direction) in (("change", "up"), ("change", "down"))


def test_a_percentage_of_a_whole_after_an_amount_stays_a_level() -> None:
    found = document("Exports were 40 mln dlrs, or 12 pct of the total.").claims
    assert [c.role for c in found] == ["level", "level"]


@pytest.mark.parametrize(
    "sentence",
    ["Sales tops SEK 8.4 billion.", "Costs exceeded $2 billion.", "Debt is north of $5 billion."],
)
def test_a_verb_of_passing_a_mark_makes_the_amount_a_lower_bound(sentence: str) -> None:
    (found,) = document(sentence).claims
    assert found.qualifier == "lower"


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("Engineers have declared 78 homes uninhabitable.", "homes"),
        ("The fire left 2,000 people homeless.", "people"),
        ("The plan brings 2,900 more nurses to the wards.", "nurses"),
        ("The hospital will have 300 fewer beds.", "beds"),
        ("The cafe has 40 tables.", "tables"),
        ("Some 6,874 households remain on the list.", "households"),
        ("We had 124 riders roll out of town.", "riders"),
    ],
)
def test_what_a_count_counts_past_a_comparative_or_complement(sentence: str, counted: str) -> None:
    (found,) = document(sentence).claims
    assert found.counted == counted


@pytest.mark.parametrize(
    "sentence",
    [
        "It had a net loss of $2.7 million.",
        "Caldermoor lost £22.6m before tax.",
        "It booked a revaluation gain of N86.4 billion.",
        "The club posted a $2.4 million loss.",
    ],
)
def test_money_a_loss_or_a_gain_names_is_a_result_not_a_change(sentence: str) -> None:
    (found,) = document(sentence).claims
    assert found.role == "level"


def test_money_lost_down_to_a_level_is_a_change() -> None:
    found = document("Shares lost $1.20 to $30.50.").claims
    assert [(c.text, c.role) for c in found] == [("$1.20", "change"), ("$30.50", "level")]


def test_a_change_verb_before_two_amounts_joined_by_to_is_a_change_and_a_level() -> None:
    found = document("Revenue rose $5 million to $80 million.").claims
    assert [(c.text, c.role) for c in found] == [("$5 million", "change"), ("$80 million", "level")]
    (forecast,) = document("It expects revenue of $5 million to $8 million.").claims
    assert forecast.value_high is not None


def test_a_bare_quarter_is_the_latest_one_begun_or_the_one_a_table_names() -> None:
    def scopes(text: str, date: dt.date) -> list[str]:
        source = source_from_text(text, "draft.md", "markdown")
        return [c.scope for c in analyze_source(source, Options(date=date)).claims]

    text = "Revenue in the second quarter was $588.5 million."
    assert scopes(text, dt.date(2025, 7, 23)) == ["2025-Q2"]
    assert scopes(text, dt.date(2025, 2, 10)) == ["2024-Q2"]
    forecast = "It expects fourth-quarter revenue of $600 million."
    assert scopes(forecast, dt.date(2025, 7, 23)) == ["2025-Q4 (forecast)"]
    table = "| | Q2 2023 |\n|---|---|\n| Revenue ($m) | 412.7 |\n\n" + text
    assert scopes(table, dt.date(2025, 7, 23))[-1] == "2023-Q2"


def test_a_time_earlier_in_the_year_is_no_period_of_the_figure() -> None:
    (found,) = document(
        "EBITA rose to SEK 621 million as price rises pushed through earlier in the year took hold."
    ).claims
    assert found.scope == ""


@pytest.mark.parametrize(
    ("text", "unit"),
    [("Fuel cost P38.9 billion.", "PHP"), ("Grade P3 pupils sat the test.", None)],
)
def test_a_p_glued_to_plain_money_is_the_philippine_peso(text: str, unit: str | None) -> None:
    money = [c.unit for c in document(text).claims if c.kind == "money"]
    assert money == ([unit] if unit else [])


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [("Households will pay £542 a year.", "spending"), ("Staff pay rose to £30,000.", "salary")],
)
def test_pay_after_a_modal_is_the_verb_not_the_noun(sentence: str, metric: str) -> None:
    (found,) = document(sentence).claims
    assert found.metric == metric


@pytest.mark.parametrize(
    ("text", "figure", "value", "role"),
    [
        ("Sales rose +6.4% in the quarter.", "+6.4%", "6.4", "change"),
        (
            "| Unit | Sales | Change |\n|---|---|---|\n| Chilled | 305.9 | +6.4% |",
            "+6.4%",
            "6.4",
            "change",
        ),
        (
            "| Unit | Sales | Change |\n|---|---|---|\n| Drinks | 148.7 | -1.7% |",
            "-1.7%",
            "-1.7",
            "level",
        ),
    ],
)
def test_a_signed_figure_keeps_its_sign_in_prose_and_in_a_table_cell(
    text: str, figure: str, value: str, role: str
) -> None:
    found = next(c for c in document(text).claims if c.text == figure)
    assert (found.value, found.role) == (Decimal(value), role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("LPN bought 61,200 tonnes of rice from 21,850 farming households.", "level"),
        ("We have bought from 21,580 households so far.", "level"),
        ("Membership rose to 2,400 households from 2,150 households.", "baseline"),
    ],
)
def test_from_before_a_count_with_no_change_is_where_it_came_from(text: str, role: str) -> None:
    assert claims(text)[-1].role == role


def test_a_period_in_a_clause_of_its_own_is_not_the_figure_s() -> None:
    text = (
        '"We enter 2007 with a backlog of 2.43 billion dlrs and our yards are booked solid '
        'into the second half of 2008," he said.'
    )
    backlog = next(c for c in document(text).claims if c.kind == "money")
    assert (backlog.metric, backlog.scope_text) == ("backlog", "")


def test_a_name_wrapped_over_two_lines_is_one_entity() -> None:
    text = (
        "AMSTERDAM, June 14 - German investment group Brenner Beteiligungen\n"
        "GmbH has built a 5.3 pct stake in Dutch logistics company Van Oosten."
    )
    stake = next(c for c in document(text).claims if c.kind == "percent")
    assert stake.entity == "Brenner Beteiligungen GmbH"


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Of them, 3,410 were aged 65 or over.", "65"),
        ("Children under five accounted for 388.", "five"),
        ("It covers people aged between 15 and 24.", "15 and 24"),
        ("A fine for children under the age of 12.", "12"),
    ],
)
def test_an_age_is_a_number_of_years_not_a_count(text: str, age: str) -> None:
    (claim,) = [c for c in claims(text) if c.text == age]
    assert (claim.kind, claim.unit) == ("duration", "year")


def test_a_count_after_under_or_over_is_a_count_unless_people_are_named_before() -> None:
    (claim,) = claims("The plant shed over 300 jobs.")
    assert claim.kind == "count"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("It must close an $11.8 million budget shortfall.", "shortfall"),
        ("It reported a $2 million revenue shortfall.", "shortfall"),
        ("It earned a $5 million profit.", "profit"),
    ],
)
def test_an_amount_measures_the_last_metric_word_of_a_compound(text: str, metric: str) -> None:
    (claim,) = claims(text)
    assert claim.metric == metric


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("The state is still about 96,000 jobs short of its pre-pandemic level.", ""),
        ("It built 3,000 homes fewer than planned.", ""),
        ("It employs 3,000 people in all.", "employees"),
    ],
)
def test_a_count_short_of_or_fewer_than_another_measures_a_difference(
    text: str, metric: str
) -> None:
    (claim,) = claims(text)
    assert claim.metric == metric


def test_a_bare_scaled_count_after_and_counts_what_the_count_before_it_counted() -> None:
    first, second = claims(
        "The split: 3.4 million installs came from the App Store and 5.4 million from Google Play."
    )
    assert (first.counted, second.counted, second.metric) == ("installs", "installs", "installs")
    (_, plain) = claims("It sold 3.4 million phones and 12 in Peru.")
    assert plain.counted == ""


def test_a_count_of_an_elided_noun_measures_the_noun_s_metric() -> None:
    whole, part = claims("We crossed 31.8 crore customers, and 12.48 crore of them are rural.")
    assert whole.metric == part.metric == "users"


def test_cubic_kilometres_are_a_volume() -> None:
    (claim,) = claims("The glacier has lost 2.1 cubic kilometres of ice.")
    assert (claim.kind, claim.unit) == ("quantity", "km**3")


def test_a_possessive_in_an_appositive_describes_the_name_before_it() -> None:
    (claim,) = claims(
        "Bank Nusantara Mikro, Indonesia's largest lender to small traders, said it would raise "
        "Rp 5.4 trillion."
    )
    assert claim.entity == "Bank Nusantara Mikro"
    (owned,) = claims("Indonesia's Kirana Pay raised Rp 4.3 trillion.")
    assert owned.entity == "Kirana Pay"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("It earned ¥52.3 billion in the previous fiscal year.", "previous fiscal year"),
        ("It earned ¥52.3 billion in the last financial year.", "last financial year"),
    ],
)
def test_a_relative_fiscal_year_is_a_period(text: str, period: str) -> None:
    (claim,) = claims(text)
    assert claim.scope_text == period


def test_us_dlrs_are_us_dollars() -> None:
    (_, converted) = claims("It will spend 640 mln Australian dlrs (525 mln US dlrs) on the mine.")
    assert (converted.kind, converted.unit) == ("money", "USD")


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("It will build a R4.26 billion ($317 million) project near Prieska.", "spending"),
        # only the word right after the brackets names what the amount is
        ("It bought the firm for €1.35 billion (¥175 billion) including debt.", ""),
    ],
)
def test_the_noun_after_a_bracketed_conversion_names_the_amount(text: str, metric: str) -> None:
    assert claims(text)[0].metric == metric


def test_said_after_a_number_is_a_verb_not_what_is_counted() -> None:
    (claim,) = claims("Of those, 815 said they used the food caddy.")
    assert claim.counted == ""


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        (
            "Of the 850,000 shares, 672,000 shares will be sold by the company and 878,000 by "
            "holders.",
            "shares",
        ),
        # a small number, or one far from the count before it, counts nothing said
        ("It sold 672,000 shares and 12 in Peru.", ""),
        ("It sold 672,000 shares and 8,780,000 in Peru.", ""),
    ],
)
def test_a_bare_count_after_and_like_the_count_before_counts_its_noun(
    text: str, counted: str
) -> None:
    assert claims(text)[-1].counted == counted
