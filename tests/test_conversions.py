"""Currency and unit conversions: every currency form, the tolerance edges, every diagnosis.

Expected amounts are computed here from the bundled ECB rates, so the tests say what must agree
with the reference data rather than repeating numbers numlint printed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from checker import rates
from checker.engine import Engine
from checker.findings import Severity
from tests.helpers import document, findings, rule

DATE = dt.date(2019, 5, 21)  # a Tuesday
CONVERSION = rule("currency-conversion")
UNITS = rule("unit-conversion")


def strict(base: object, **changes: object) -> object:
    """The rule with other parameters: ``strict(CONVERSION, tolerance=0)``."""
    return dataclasses.replace(base, parameters=dataclasses.replace(base.parameters, **changes))


def money_findings(text: str, date: dt.date = DATE, rules: list | None = None) -> list:
    return findings(text, date=date, rules=rules or [CONVERSION])


def usd(code: str, amount: Decimal, date: dt.date = DATE) -> Decimal:
    quote = rates.quote(code, "USD", date)
    assert quote is not None
    return amount * quote.rate


def millions(value: Decimal) -> str:
    """'8.96 million', or '8,405' for amounts under a million."""
    if value < 1_000_000:
        return f"{value:,.0f}"
    return f"{value / 1_000_000:.2f} million"


# -- every currency form -------------------------------------------------------------------------

FORMS = [
    ("HKD", "HK$10 million"), ("HKD", "10 million Hong Kong dollars"), ("HKD", "HKD 10 million"),
    ("AUD", "A$10 million"), ("AUD", "10 million Australian dollars"), ("CAD", "C$10 million"),
    ("NZD", "NZ$10 million"), ("SGD", "S$10 million"), ("BRL", "R$10 million"),
    ("BRL", "10 million reais"), ("CNY", "CN¥10 million"), ("CNY", "RMB10 million"),
    ("CNY", "10 million yuan"), ("CNY", "¥10 million"), ("JPY", "JP¥10 million"),
    ("JPY", "10 million yen"), ("KRW", "₩10 million"), ("KRW", "10 million won"),
    ("INR", "₹10 million"), ("INR", "Rs 10 million"), ("INR", "10 million rupees"),
    ("INR", "₹1.00 crore"), ("INR", "Rs 100 lakh"), ("EUR", "€10 million"),
    ("EUR", "10 million euros"), ("EUR", "EUR 10 million"), ("GBP", "£10 million"),
    ("GBP", "10 million stg"), ("GBP", "10 million sterling"), ("GBP", "£10m"),
    ("CHF", "CHF 10 million"), ("CHF", "10 million Swiss francs"), ("SEK", "10 million kronor"),
    ("SEK", "SEK 10 million"), ("NOK", "10 million Norwegian kroner"),
    ("DKK", "10 million Danish kroner"), ("PLN", "10 million zloty"),
    ("HUF", "10 million forint"), ("ZAR", "10 million rand"), ("CZK", "10 million koruna"),
    ("TRY", "10 million Turkish lira"), ("RUB", "10 million roubles"),
    ("ILS", "10 million shekels"), ("THB", "10 million baht"), ("MYR", "10 million ringgit"),
    ("PHP", "10 million Philippine pesos"), ("MXN", "10 million Mexican pesos"),
    ("BGN", "10 million leva"), ("RON", "10 million lei"), ("HRK", "10 million kuna"),
    ("ISK", "10 million Icelandic kronur"), ("USD", "10 million U.S. dollars"),
    ("USD", "US$10 million"), ("USD", "10 mln dlrs"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "amount"), FORMS, ids=[f"{c}:{a}" for c, a in FORMS])
def test_every_currency_form_is_converted_both_ways(code: str, amount: str) -> None:
    target, sign = ("EUR", "€") if code == "USD" else ("USD", "$")
    quote = rates.quote(code, target, DATE)
    value = Decimal(10_000_000) * quote.rate
    right = f"The group paid {amount} ({sign}{millions(value)}) for the stake."
    wrong = f"The group paid {amount} ({sign}{millions(value * Decimal('1.4'))}) for the stake."
    assert money_findings(right) == []
    assert len(money_findings(wrong)) == 1
    back = f"The group paid {sign}{millions(value)} ({amount}) for the stake."
    assert money_findings(back) == []


@pytest.mark.parametrize("amount", ["500 million naira", "NT$500 million", "2 billion CFA francs"])
def test_currency_outside_the_ecb_data_is_noted_not_judged(amount: str) -> None:
    doc = document(f"The Lagos firm raised {amount} ($650,000) from investors.", DATE)
    found, notes = Engine([CONVERSION]).review(doc)
    assert found == []
    assert [n.message for n in notes if "do not include" in n.message]


# -- dates ---------------------------------------------------------------------------------------


def test_weekend_uses_the_last_business_days_rate() -> None:
    saturday = dt.date(2019, 5, 25)
    text = "It will invest ¥12 billion (approximately $2.5 billion) in AIoT in China."
    (finding,) = money_findings(text, date=saturday)
    assert "2019-05-24" in finding.message  # the Friday


def test_before_the_euro_nothing_is_judged_and_the_note_says_why() -> None:
    doc = document("Paris paid €10 million ($1 million) for it.", dt.date(1995, 3, 1))
    found, notes = Engine([CONVERSION]).review(doc)
    assert found == []
    assert "1999-01-04" in notes[0].message


@pytest.mark.parametrize(
    "text",
    [
        "In July 2008, the club paid €10 million, then about {usd}, for the striker.",
        "In 2008 the club paid €10 million ({usd} at the time) for the striker.",
    ],
)
def test_conversion_at_the_time_uses_the_amounts_date(text: str) -> None:
    then = millions(usd("EUR", Decimal(10_000_000), dt.date(2008, 7, 15)))  # 1.59 USD per EUR
    today = millions(usd("EUR", Decimal(10_000_000), dt.date(2024, 6, 3)))
    late = dt.date(2024, 6, 3)
    assert money_findings(text.format(usd=f"${then}"), date=late) == []
    assert "2008" in money_findings(text.format(usd=f"${today}"), date=late)[0].message


# -- tolerance -----------------------------------------------------------------------------------

EXACT = [strict(CONVERSION, tolerance=0, rate_window_days=0)]
YUAN = Decimal(12_000_000_000)
PRECISE = "¥12,000.0 million"  # the source's own precision is then negligible


def test_stated_precision_is_the_tolerance() -> None:
    exact = usd("CNY", YUAN) / Decimal(10**9)  # about 1.7375 billion
    inside = (exact - Decimal("0.049")).quantize(Decimal("0.1"))  # "1.7" allows 1.65 to 1.75
    precise = f"{exact * Decimal('1.004'):.3f}"  # three decimals allow 0.05%, not 0.4%
    assert money_findings(f"It will invest {PRECISE} (${inside} billion).", rules=EXACT) == []
    assert money_findings(f"It will invest {PRECISE} (${precise} billion).", rules=EXACT)


def test_a_qualifier_widens_the_tolerance() -> None:
    off = f"{usd('CNY', YUAN) * Decimal('1.04') / 10**9:.2f}"
    assert money_findings(f"It will invest {PRECISE} (${off} billion).", rules=EXACT)
    assert not money_findings(f"It will invest {PRECISE} (roughly ${off} billion).", rules=EXACT)


def test_rates_over_the_window_of_days_count() -> None:
    earlier = usd("CNY", YUAN, dt.date(2019, 4, 29))  # the yuan fell about 3% in May 2019
    text = f"It will invest {PRECISE} (${earlier / 10**9:.3f} billion) in AIoT in China."
    without = [strict(CONVERSION, tolerance=0, rate_window_days=0)]
    within = [strict(CONVERSION, tolerance=0, rate_window_days=30)]
    assert money_findings(text, rules=without)
    assert money_findings(text, rules=within) == []


def test_severity_follows_the_thresholds() -> None:
    value = usd("CNY", YUAN)
    moderate = f"It will invest {PRECISE} (${value * Decimal('1.08') / 10**9:.3f} billion)."
    gross = f"It will invest {PRECISE} (${value * Decimal('1.5') / 10**9:.3f} billion)."
    assert [f.severity for f in money_findings(moderate)] == [Severity.WARNING]
    assert [f.severity for f in money_findings(gross)] == [Severity.ERROR]
    lenient = [strict(CONVERSION, error_above=0.6)]
    assert [f.severity for f in money_findings(gross, rules=lenient)] == [Severity.WARNING]


# -- diagnosis -----------------------------------------------------------------------------------


def test_message_gives_expected_amount_rate_and_date() -> None:
    (finding,) = money_findings("It will invest ¥12 billion (approximately $2.1 billion).")
    assert "$1.74 billion" in finding.message
    assert "CNY per USD" in finding.message
    assert "2019-05-21" in finding.message


@pytest.mark.parametrize(
    ("text", "diagnosis"),
    [
        ("It will invest ¥100 billion (about $1.457 billion).", "ten times too small"),
        ("It will invest ¥12 billion (about $174 billion).", "a hundred times too large"),
        ("It will invest ¥12 billion (about $1.7 million).", "'million' should be 'billion'"),
        ("The fund raised €10 million ($8.9 million).", "the wrong way round"),
    ],
)
def test_diagnosis(text: str, diagnosis: str) -> None:
    (finding,) = money_findings(text)
    assert diagnosis in finding.message


def test_another_currencys_rate_is_named() -> None:
    euro_rate = millions(usd("EUR", Decimal(50_000_000)))
    (finding,) = money_findings(f"The club paid £50 million (${euro_rate}) for the striker.")
    assert "EUR rate, not the GBP rate" in finding.message


def test_a_conversion_that_matches_another_amount_points_to_it() -> None:
    text = (
        "Xiaomi will invest ¥100 billion (approximately $1.457 billion) in AIoT.\n"
        "The company said it is investing ¥10 billion in AIoT."
    )
    (finding,) = money_findings(text)
    assert "matches ¥10 billion on line 2" in finding.message
    assert finding.related[0].location.line == 2


def test_a_dollar_after_a_named_dollar_is_the_us_dollar() -> None:
    value = millions(usd("AUD", Decimal(10_000_000)))
    assert money_findings(f"It paid 10 million Australian dollars (${value}).") == []


@pytest.mark.parametrize(
    "text",
    [
        # the code after the amount says which yen sign it is
        "Damage in China came to ¥2.3 billion (CNY, $333 million USD). In Japan the storm "
        "caused ¥300 million (JPY, $27 million USD) in damage.",
        # the amount's own paragraph names the country, the story names another more often
        "China, China, China and China reported damage.\n\nOn Ishigaki Island in Japan, "
        "waves caused US$230,000 (¥250 million) in crop losses.",
        # a won sign and the won named again
        "Overall damage in South Korea totaled ₩ 5.52 trillion won ($48 billion USD).",
    ],
)
def test_which_currency_an_amount_is_in_is_read_from_its_own_words(text: str) -> None:
    (finding,) = money_findings(text)
    assert "ten times too large" in finding.message


def test_an_amount_read_in_its_own_currency_converts_cleanly() -> None:
    jpy = millions(usd("JPY", Decimal(300_000_000)))
    text = f"In Japan the storm caused ¥300 million (JPY, ${jpy} USD) in damage."
    assert money_findings(text) == []


def test_a_total_and_its_amount_a_share_are_no_conversion() -> None:
    text = "Net profit rose to 412 mln Canadian dlrs, or 1.36 dlrs a share, from 338 mln dlrs."
    assert money_findings(text) == []


# -- physical units ------------------------------------------------------------------------------


def unit_findings(text: str) -> list:
    return findings(text, rules=[UNITS])


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        ("a 120-kilometre (75-mile) road", "a 120-kilometre (57-mile) road"),
        ("a 3-km (1.9-mile) tunnel", "a 3-km (4.8-mile) tunnel"),
        ("2,500 hectares, or about 6,200 acres", "2,500 hectares, or about 7,200 acres"),
        ("80 square metres (861 sq ft)", "80 square metres (961 sq ft)"),
        ("20 kg (44 lb)", "20 kg (9 lb)"),
        ("50 litres (13 gallons)", "50 litres (23 gallons)"),
        ("(185 km/h; 115 mph)", "(185 km/h; 135 mph)"),
        ("300 km/h (186 mph)", "300 km/h (483 mph)"),
        ("1.2 TWh (1,200 GWh)", "1.2 TWh (12,000 GWh)"),
        ("a 500 MW (0.5 GW) turbine", "a 500 MW (5 GW) turbine"),
        ("31°C (88°F)", "31°C (56°F)"),
        ("-40°C (-40°F)", "-40°C (-8°F)"),
        ("40,000 tons (36,300 tonnes)", "40,000 tons (56,300 tonnes)"),
        # gold is weighed in troy ounces, other things in ounces avoirdupois
        ("618,400 ounces (19.2 tonnes) of gold", "618,400 ounces (29.2 tonnes) of gold"),
        ("a 16-ounce (454-gram) steak", "a 16-ounce (654-gram) steak"),
    ],
)
def test_unit_conversions(right: str, wrong: str) -> None:
    assert unit_findings(f"The record was {right} last year.") == []
    assert len(unit_findings(f"The record was {wrong} last year.")) == 1


@pytest.mark.parametrize(
    ("text", "diagnosis"),
    [
        ("Temperatures reached 31°C (56°F) on Tuesday.", "temperature difference"),
        ("Average temperatures have risen by 2°C (35.6°F).", "converted as a temperature"),
        ("The train reached 300 km/h (483 mph).", "wrong way round"),
        ("The farm covers 2,500 hectares, or about 62,000 acres.", "ten times too large"),
    ],
)
def test_unit_diagnosis(text: str, diagnosis: str) -> None:
    (finding,) = unit_findings(text)
    assert diagnosis in finding.message


def test_a_temperature_change_converts_as_a_difference() -> None:
    assert unit_findings("Average temperatures have risen by 2°C (3.6°F) since 1900.") == []


def test_units_of_different_dimensions_are_not_a_conversion() -> None:
    assert unit_findings("The tank holds 50 litres (20 kg) of fuel.") == []


def test_an_undated_text_may_convert_at_the_date_its_paragraph_gives() -> None:
    then = millions(usd("EUR", Decimal(10_000_000), dt.date(2008, 7, 15)))
    text = (
        f"On 15 July 2008, the club paid €10 million (${then}) for the striker.\n\n"
        "He retired on 3 June 2024."
    )
    assert findings(text, rules=[CONVERSION]) == []  # the date is inferred: 2024-06-03
    assert findings(text, date=dt.date(2024, 6, 3), rules=[CONVERSION])  # a stated date rules


def test_round_figures_may_be_rounded_further_but_decimals_may_not() -> None:
    assert unit_findings("The typhoon brought winds of 165 km/h (105 mph) to the coast.") == []
    assert unit_findings("The typhoon brought winds of 165 km/h (105.0 mph) to the coast.")


def test_feet_and_inches_are_one_length() -> None:
    assert unit_findings("The boat had a draft of 3.03 metres (9 ft 11 in).") == []
    assert unit_findings("He cleared 5 feet 8.5 inches (1.74 m) in the high jump.") == []
    assert unit_findings("The boat had a draft of 3.03 metres (8 ft 11 in).")


@pytest.mark.parametrize(
    "text",
    [
        "Instruments of 6 or 8 metres (19 ft 8 in or 26 ft 3 in) length were fitted.",
        "The canvas measures 28 by 19 inches (71 cm × 48 cm).",
    ],
)
def test_lists_and_sizes_are_not_paired_across(text: str) -> None:
    assert unit_findings(text) == []


def test_dates_after_the_bundled_rates_use_the_latest_for_a_while_then_are_not_judged() -> None:
    last = rates.bounds("USD")[1]
    text = "It paid €10 million ($1 million) for the stake."
    assert money_findings(text, date=last + dt.timedelta(days=30))
    doc = document(text, last + dt.timedelta(days=400))
    found, notes = Engine([CONVERSION]).review(doc)
    assert found == []
    assert "cover" in notes[0].message


def test_an_undated_text_about_the_past_is_not_converted_at_todays_rates() -> None:
    text = "In fiscal 2018, revenue was S$1.13 billion (A$1.14 billion)."
    found, notes = Engine([rule("currency-conversion")]).review(document(text))
    assert found == []
    assert any("speaks of 2018" in n.message for n in notes)


@pytest.mark.parametrize(
    "text",
    [
        "Warming must be held to 1.5°C (2.7°F) above pre-industrial levels.",
        "Temperatures were between 8°C and 11°C (46°F and 52°F) all week.",
    ],
)
def test_temperature_differences_and_paired_lists_pass(text: str) -> None:
    assert findings(text) == []


def test_a_temperature_level_converted_as_a_difference_fires() -> None:
    assert len(findings("It was 1.5°C (2.7°F) in Oslo on Monday.")) == 1


def test_an_amount_and_its_share_in_brackets_are_not_a_conversion() -> None:
    text = (
        "Net profit was 1.52 billion Canadian dlrs, or 5.03 dlrs a share, up from 1.297 "
        "billion, or 4.30 dlrs."
    )
    assert money_findings(text) == []


def test_a_yen_sign_named_as_often_for_china_as_for_japan_takes_the_rate_that_fits() -> None:
    text = (
        "The Nagoya maker had net sales of ¥51.37 billion ({usd}) in the quarter, it said in "
        "Tokyo. Orders from Chinese customers recovered."
    )
    assert money_findings(text.format(usd="about $465 million")) == []
    (finding,) = money_findings(text.format(usd="about $46.5 million"))
    assert finding.rule == "currency-conversion"
