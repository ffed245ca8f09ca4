"""Kind `weekday`: a weekday that does not match its date.

"Thursday, June 12, 2024": June 12, 2024 was a Wednesday. The message suggests the likely fix: the
year of the document's date when the weekday fits it ("Friday, April 3, 1986" in an April 1987
story), else the nearest day with the stated weekday ("the nearest Thursday was June 13").

A date written without its year ("Tuesday, Dec. 30") takes the year that puts it nearest the
document's date, so December copy in a January article is read as last December. It is judged only
when the document's date is stated or inferred from a full date in the text, and not in a passage
about the past (the last year written before it is more than a year earlier), unless the document's
date is stated: news copy dated by its front matter means the nearest such day.

A weekday alone is judged only where the text ties it to the document's date: "today (Tuesday)",
"yesterday, Monday," against a stated date. A range ("Monday to Friday, June 9 to 13") is never
judged; "on Tuesday" alone never is.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.checks import register
from checker.checks.base import Check
from checker.claims import Claim
from checker.document import TODAY, Document
from checker.findings import Finding, Note

_NAMES = "|".join(calendar.day_name)
_ABBREVIATED = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?"
_ANY_WEEKDAY = rf"(?:(?:{_NAMES})\b|{_ABBREVIATED})"
_RELATIVE_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_WORD = r"(?i:today|tonight|yesterday|tomorrow)"
_NOT_A_LIST = rf"(?!\s*,?\s*(?:and|or|to|through|{_NAMES})\b)"
# "today, Tuesday," "yesterday (Monday)" "Tuesday (today)" "Tuesday, today,"
_RELATIVE = re.compile(
    rf"\b(?P<word>{_WORD})\s*(?:,\s*(?P<day>{_NAMES})(?=\s*[,.;:]|\s*$){_NOT_A_LIST}"
    rf"|\(\s*(?P<inner>{_NAMES})\s*\))"
    rf"|\b(?P<day2>{_NAMES})\s*(?:,\s*(?P<word2>{_WORD})\s*,{_NOT_A_LIST}"
    rf"|\(\s*(?P<word3>{_WORD})\s*\))"
)
_RANGE_BEFORE = re.compile(rf"\b{_ANY_WEEKDAY}\s*(?:to|through|thru|till|until|and|or|-|–|—|&)\s*$")
_RANGE_AFTER = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|and)\s*\d")
_WEEKDAY_AROUND = re.compile(
    rf"^{_ANY_WEEKDAY}\s*[,(]?\s*|\s*(?:,\s*a|\((?:\s*a\b)?)\s*{_ANY_WEEKDAY}\s*\)?$"
)
_YEAR = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?!\d|,\d|\s*(?:[ECMP][SD]T|GMT|UTC|hrs)\b)")
_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")


@dataclass(frozen=True)
class WeekdayParameters:
    relative_days: bool = True  # "today (Tuesday)" against a stated document date


@dataclass(frozen=True)
class _Reading:
    """A date as the check reads it: the day, how it is written, and where the year came from."""

    day: dt.date
    text: str
    year_from_document: bool


@register
class WeekdayCheck(Check):
    kind = "weekday"
    Parameters = WeekdayParameters

    def run(self, document: Document) -> Iterator[Finding | Note]:
        for claim in document.claims:
            if claim.kind == "date" and claim.weekday:
                yield from self._check_date(document, claim)
        if self.params.relative_days and document.date.stated:
            yield from self._check_relative(document)

    def _check_date(self, document: Document, claim: Claim) -> Iterator[Finding | Note]:
        if _in_range(document.source.prose, claim):
            yield self.note(document, claim.start, claim.end, "a range of days: not judged")
            return
        reading = _read(document, claim)
        if isinstance(reading, str):
            yield self.note(document, claim.start, claim.end, reading)
            return
        if reading is None:
            return
        stated = claim.weekday
        if _weekday(reading.day) != stated:
            fix = _other_year(document, reading, stated) or _nearest_day(reading, stated)
            yield self.finding(document, claim.start, claim.end, _fields(reading, stated, fix))

    def _check_relative(self, document: Document) -> Iterator[Finding]:
        for match in _RELATIVE.finditer(document.source.prose):
            word = next(w for w in match.group("word", "word2", "word3") if w)
            stated = next(d for d in match.group("day", "inner", "day2") if d)
            day = document.date.date + dt.timedelta(days=_RELATIVE_WORDS[word.lower()])
            if _weekday(day) == stated:
                continue
            subject = f"{_long(day)} ({word.lower()}, by the document's date)"
            fields = _fields(_Reading(day, subject, False), stated, ("", ""))
            fields["arithmetic"] = _relative_arithmetic(word, document.date.date, day, stated)
            yield self.finding(document, match.start(), match.end(), fields)


def _read(document: Document, claim: Claim) -> _Reading | str | None:
    """The date of ``claim``; a note's text when it cannot be judged; None for a partial date."""
    text = " ".join(_WEEKDAY_AROUND.sub("", claim.text).split()).strip("()")
    if len(claim.date) == 10:
        return _Reading(dt.date.fromisoformat(claim.date), text, False)
    if not claim.date.startswith("--"):
        return None
    if document.date.source == TODAY:
        return "no year and no document date (give --date or front matter 'date:'): not judged"
    month, day = int(claim.date[2:4]), int(claim.date[5:7])
    nearest = _nearest(month, day, document.date.date)
    earlier = (
        None if document.date.stated else _last_year_before(document.source.prose, claim.start)
    )
    if earlier is not None and earlier < nearest.year - 1:  # an undated history, not news
        return f"the text before it is about {earlier}: its year is unclear, not judged"
    return _Reading(nearest, text, True)


def _nearest(month: int, day: int, around: dt.date) -> dt.date:
    """The date with this month and day nearest ``around`` (Feb. 29: in the nearest leap year)."""
    candidates = []
    for year in range(around.year - 4, around.year + 5):
        if day <= calendar.monthrange(year, month)[1]:
            candidates.append(dt.date(year, month, day))
    return min(candidates, key=lambda d: (abs((d - around).days), d))


def _last_year_before(text: str, offset: int) -> int | None:
    starts, years = _years_in(text)
    before = bisect.bisect_right(starts, offset - 4)  # a year ending by ``offset``
    return years[before - 1] if before else None


@functools.lru_cache(maxsize=1)
def _years_in(text: str) -> tuple[list[int], list[int]]:
    """Where the text names a year, and which, in order (kept for the document being checked)."""
    matches = list(_YEAR.finditer(text))
    return [m.start() for m in matches], [int(m.group()) for m in matches]


def _in_range(text: str, claim: Claim) -> bool:
    """'Monday to Friday, June 9 to 13': the weekday need not be the date's."""
    before = text[max(0, claim.start - 30) : claim.start]
    return bool(_RANGE_BEFORE.search(before) or _RANGE_AFTER.match(text[claim.end :]))


def _fields(reading: _Reading, stated: str, fix: tuple[str, str]) -> dict[str, str]:
    day = reading.day
    subject = reading.text
    if reading.year_from_document:
        subject = f"{subject} ({day.year}, the year nearest the document's date)"
    return {
        "subject": subject,
        "verb": _verb(day),
        "actual": _weekday(day),
        "stated": stated,
        "fix": fix[0],
        "date": day.isoformat(),
        "suggested_date": fix[1],
        "arithmetic": _arithmetic(reading, stated),
    }


def _arithmetic(reading: _Reading, stated: str) -> str:
    """'2024-06-12 was a Wednesday, not a Thursday'; a date without a year says which year."""
    day = reading.day
    read = f" ({reading.text} in {day.year})" if reading.year_from_document else ""
    return f"{day.isoformat()}{read} {_verb(day)} a {_weekday(day)}, not a {stated}"


def _relative_arithmetic(word: str, date: dt.date, day: dt.date, stated: str) -> str:
    """'yesterday = 2025-01-06 (the document's date) - 1 day = 2025-01-05, a Sunday, not a
    Monday'."""
    offset = (day - date).days
    days = f"{abs(offset)} day{'' if abs(offset) == 1 else 's'}"
    shift = f" {'+' if offset > 0 else '-'} {days} = {day.isoformat()}" if offset else ""
    return (
        f"{word.lower()} = {date.isoformat()} (the document's date){shift},"
        f" a {_weekday(day)}, not a {stated}"
    )


def _other_year(document: Document, reading: _Reading, stated: str) -> tuple[str, str] | None:
    """'Friday, April 3, 1986' in an April 1987 story: April 3, 1987 was a Friday."""
    if reading.year_from_document or document.date.source == TODAY:
        return None
    other = _nearest(reading.day.month, reading.day.day, document.date.date)
    if other.year == reading.day.year or _weekday(other) != stated:
        return None
    return f"; {_written_like(other, reading)} {_verb(other)} a {stated}", other.isoformat()


def _nearest_day(reading: _Reading, stated: str) -> tuple[str, str]:
    """The day nearest the date that has the stated weekday: "the nearest Thursday was June 13"."""
    day = reading.day
    nearest = next(
        day + dt.timedelta(days=d)
        for d in range(-3, 4)
        if _weekday(day + dt.timedelta(days=d)) == stated
    )
    return (
        f"; the nearest {stated} {_verb(nearest)} {_written_like(nearest, reading)}",
        nearest.isoformat(),
    )


def _written_like(day: dt.date, reading: _Reading) -> str:
    """``day`` written the way the text writes its date: 'Dec. 31', '13 June 2024'."""
    text = reading.text
    if day.month == reading.day.month and _DAY.search(text):
        return _YEAR.sub(str(day.year), _DAY.sub(str(day.day), text, count=1), count=1)
    with_year = bool(_YEAR.search(text))
    if text[:1].isdigit():
        return f"{day.day} {calendar.month_name[day.month]}" + (f" {day.year}" if with_year else "")
    return f"{calendar.month_name[day.month]} {day.day}" + (f", {day.year}" if with_year else "")


def _weekday(day: dt.date) -> str:
    return calendar.day_name[day.weekday()]


def _verb(day: dt.date) -> str:
    """A fact of the calendar, told to the reader: past dates 'was', the others 'is'."""
    return "was" if day < dt.date.today() else "is"


def _long(day: dt.date) -> str:
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}"
