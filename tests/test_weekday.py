"""The weekday check: a weekday that does not match its date, or the document's date."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt

import pytest

from checker.checks.weekday import WeekdayParameters
from checker.engine import Engine
from checker.findings import Finding, Note
from tests.helpers import document, rule

WEEKDAY = rule("weekday-date")


def review(text: str, date: dt.date | None = None) -> tuple[list[Finding], list[Note]]:
    return Engine([WEEKDAY]).review(document(text, date))


def messages(text: str, date: dt.date | None = None) -> list[str]:
    return [f.message for f in review(text, date)[0]]


def name(day: dt.date, shift: int = 0) -> str:
    """The weekday of ``day`` (``shift`` days later: a wrong one for a nonzero shift)."""
    return calendar.day_name[(day.weekday() + shift) % 7]


JUNE_13 = dt.date(2024, 6, 13)
# Ways of writing a weekday with its date; {w} is the weekday, {a} its three-letter abbreviation.
FORMS = [
    "{w}, June 13, 2024",
    "{a}., June 13, 2024",
    "{w} (June 13, 2024)",
    "June 13, 2024, a {w}",
    "June 13, 2024 ({w})",
    "{w} 13 June 2024",
    "{w}, 13 June 2024",
]


@pytest.mark.parametrize("form", FORMS)
def test_the_right_weekday_passes(form: str) -> None:
    weekday = name(JUNE_13)
    date = form.format(w=weekday, a=weekday[:3])
    text = f"Shares rose 5% on {date}, dealers said."
    assert [c.weekday for c in document(text).claims if c.kind == "date"] == [weekday]
    assert messages(text) == []


@pytest.mark.parametrize("form", FORMS)
def test_a_wrong_weekday_fires(form: str) -> None:
    weekday = name(JUNE_13, 1)
    date = form.format(w=weekday, a=weekday[:3])
    assert len(messages(f"Shares rose 5% on {date}, dealers said.")) == 1


def test_the_message_gives_the_real_weekday_and_the_nearest_stated_one() -> None:
    wrong = name(JUNE_13, 1)
    (message,) = messages(f"The vote is on {wrong}, June 13, 2024, officials said.")
    assert f"June 13, 2024 was a {name(JUNE_13)}, not a {wrong}" in message
    assert f"the nearest {wrong} was June 14, 2024" in message


def test_a_future_date_is_told_in_the_present() -> None:
    day = dt.date(2099, 6, 12)
    (message,) = messages(f"The vote is on {name(day, 1)}, June 12, 2099.")
    assert f"June 12, 2099 is a {name(day)}" in message


def test_the_suggestion_crosses_a_month_in_the_written_style() -> None:
    leap_day = dt.date(2024, 2, 29)
    (message,) = messages(f"Trading resumed on {name(leap_day, 1)}, 29 February 2024.")
    assert f"the nearest {name(leap_day, 1)} was 1 March 2024" in message


def test_leap_day_without_a_year_takes_the_nearest_leap_year() -> None:
    leap_day = dt.date(2024, 2, 29)
    text = "Trading resumed on {}, Feb. 29, with volume up 12%."
    assert messages(text.format(name(leap_day)), dt.date(2025, 1, 6)) == []
    assert len(messages(text.format(name(leap_day, 1)), dt.date(2025, 1, 6))) == 1


def test_year_is_inferred_backwards_from_a_january_article() -> None:
    dec_30 = dt.date(2024, 12, 30)
    text = "Shares fell 5% on {}, Dec. 30, the exchange said."
    assert messages(text.format(name(dec_30)), dt.date(2025, 1, 6)) == []
    (message,) = messages(text.format(name(dec_30, 1)), dt.date(2025, 1, 6))
    assert f"Dec. 30 (2024, the year nearest the document's date) was a {name(dec_30)}" in message
    assert f"the nearest {name(dec_30, 1)} was Dec. 31" in message


def test_year_is_inferred_forwards_from_a_december_article() -> None:
    jan_3 = dt.date(2025, 1, 3)
    text = f"The offer closes on {name(jan_3)}, Jan. 3, with 5% tendered."
    assert messages(text, dt.date(2024, 12, 28)) == []


def test_a_date_in_the_text_dates_the_document() -> None:
    june_18 = dt.date(2024, 6, 18)
    text = "On June 12, 2024, the firm cut 5% of jobs. Talks resume on {}, June 18."
    assert messages(text.format(name(june_18))) == []
    assert len(messages(text.format(name(june_18, 3)))) == 1


def test_without_a_document_date_a_date_without_year_is_noted_not_judged() -> None:
    found, notes = review("Shares fell 5% on Friday, March 3, dealers said.")
    assert found == []
    assert ["no document date" in n.message for n in notes] == [True]


def test_an_undated_passage_about_an_earlier_year_is_not_judged() -> None:
    april_19 = dt.date(2025, 4, 19)
    text = (
        f"On 6 January 2025 the archive opened. In 1969 there were 5 riots; on "
        f"{name(april_19, 1)}, 19 April, police withdrew."
    )
    found, notes = review(text)  # the date is inferred from the text, as in a history
    assert found == [] and len(notes) == 1


def test_news_with_a_stated_date_means_the_nearest_such_day_whatever_years_come_before() -> None:
    april_19 = dt.date(2025, 4, 19)
    text = f"It was the worst since 2016; on {name(april_19, 1)}, 19 April, police withdrew."
    found, _ = review(text, dt.date(2025, 4, 25))
    assert len(found) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The offices are open Monday to Friday, June 9 to 13, 2025, for 5 days.",
        "The offices are open Monday-Friday, June 9-13, 2025, for 5 days.",
        "The fair runs Monday through Friday, June 9-13, with 5 halls.",
    ],
)
def test_a_range_of_days_is_not_judged(text: str) -> None:
    assert messages(text, dt.date(2025, 6, 1)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Shares rose 2% from Friday's close on June 12, 2024.",
        "The vote on June 12, 2024, a Thursday-night session, drew 5 votes.",
        "On June 12, 2024, a Thursday meeting drew 5 votes.",
        "The Sun, June 12, 2009, said 5 people were hurt.",
        "Shares rose 5% on Tuesday after the June 12, 2024 report.",
    ],
)
def test_a_weekday_that_is_not_the_dates_own_is_not_judged(text: str) -> None:
    assert messages(text) == []


MONDAY = dt.date(2025, 1, 6)


@pytest.mark.parametrize(
    ("text", "shift"),
    [
        ("The company said today, {}, that sales rose.", 0),
        ("The company said today ({}) that sales rose.", 0),
        ("The statement released yesterday ({}) was brief.", -1),
        ("Talks resume tomorrow, {}, officials said.", 1),
        ("Talks began on {} (today), officials said.", 0),
        ("Talks began {}, yesterday, officials said.", -1),
    ],
)
def test_a_weekday_tied_to_the_document_date(text: str, shift: int) -> None:
    right = name(MONDAY, shift)
    wrong = name(MONDAY, shift + 2)
    assert messages(text.format(right), MONDAY) == []
    (message,) = messages(text.format(wrong), MONDAY)
    assert f"was a {right}, not a {wrong}" in message


@pytest.mark.parametrize(
    "text",
    [
        "Shares fell on Tuesday, dealers said.",
        "The index fell today, Friday's gains erased.",
        "The market is shut today, Tuesday and Wednesday.",
        "Stocks fell today. Tuesday brought relief.",
    ],
)
def test_a_weekday_not_tied_to_the_document_date_is_not_judged(text: str) -> None:
    assert messages(text, MONDAY) == []


def test_a_weekday_against_a_date_that_is_only_inferred_or_today_is_not_judged() -> None:
    assert messages("The company said today, Tuesday, that sales rose.") == []
    assert messages("On Jan. 6, 2025, the company said today, Tuesday, that sales rose.") == []


def test_relative_days_can_be_turned_off() -> None:
    quiet = dataclasses.replace(WEEKDAY, parameters=WeekdayParameters(relative_days=False))
    found = Engine([quiet]).check(document("The company said today, Tuesday, it grew.", MONDAY))
    assert found == []


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("Thurs., June 12, 2024", "June 12, 2024"),
        ("Thursday (June 12, 2024)", "June 12, 2024"),
        ("June 12, 2024 (Thu.)", "June 12, 2024"),
        ("Monday 4 March 2025", "4 March 2025"),
    ],
)
def test_the_message_quotes_the_date_without_its_weekday(written: str, date: str) -> None:
    (message,) = messages(f"Shares rose 5% on {written}, dealers said.")
    assert message.startswith(f"{date} was a ")


def test_a_wrong_year_is_suggested_when_the_document_date_fits() -> None:
    april_3 = dt.date(1987, 4, 3)
    text = f"Stocks as of {name(april_3)}, April 3, 1986, were 5 mln bushels."
    (message,) = messages(text, dt.date(1987, 4, 7))
    assert f"April 3, 1986 was a {name(dt.date(1986, 4, 3))}" in message
    assert message.endswith(f"; April 3, 1987 was a {name(april_3)}")


def test_wed_is_read_as_wednesday_not_we_d() -> None:
    (claim,) = [c for c in document("The vote is on Wed., June 12, 2024.").claims]
    assert claim.weekday == "Wednesday"
