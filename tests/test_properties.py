"""Properties over arbitrary text: reading and checking never raise, every claim lies in the
text it came from, and the output does not depend on the run or on --jobs.

The strategies lean towards what the pipeline reads (digits in several scripts, currency signs,
%, separators, brackets, line breaks, scale words, change words, months) so that the examples
reach the checks rather than stopping at the tokenizer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.document import Options, analyze_source
from checker.engine import Engine
from checker.rules import load_rules
from checker.source import FORMATS, InputError, Source, source_from_text

ENGINE = Engine(load_rules([]))
TODAY = dt.date(2024, 6, 1)

# --------------------------------------------------------------------------- strategies

WORDS = [
    "billion", "million", "bn", "mln", "m", "percent", "per cent", "pct", "points", "rose",
    "fell", "to", "from", "up", "down", "of", "the", "total", "about", "approximately", "or",
    "and", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Thursday", "revenue", "sales",
    "yuan", "yen", "euros", "dollars", "crore", "km", "miles", "°C", "°F", "kg", "year",
    "last year", "doubled", "seats", "votes", "remaining", "including", "Of those", "China",
    "Tokyo", "three", "five", "reasons:", "was", "a", "an increase of", "-", "—", "–",
]  # fmt: skip
SYMBOLS = [
    "$", "€", "£", "¥", "₹", "₩", "US$", "HK$", "CHF", "USD", "%", "％", "٪", ",", ".", "(", ")",
    "[", "]", ";", ":", "~", "+", "/", "'", '"', "*", "_", "`", "#", "<", ">", "&", "&yen;",
    "\n", "\n\n", "\r\n", "\r", "\t", " ", "- ", "1. ", "> ", "|", "---", "<p>", "</p>",
    "<!-- numlint-disable -->", "<!-- numlint-disable-next-line -->", "\u200b", "\u200f",
    "\u202e", "\x00",
]  # fmt: skip
DIGITS = "0123456789０１２３٣٤٠١۴"

# Every Unicode scalar value a decoded file can hold (no lone surrogates: a file's bytes cannot
# decode to one in UTF-8 or UTF-16, and spaCy cannot hash them).
any_character = st.characters(codec="utf-8")

numbers = st.one_of(
    st.integers(-(10**15), 10**15).map(str),
    st.integers(0, 10**12).map("{:,}".format),
    st.decimals(-(10**6), 10**6, places=3, allow_nan=False).map(str),
    st.floats().map(repr),  # also nan, inf, 1e+308
    st.text(DIGITS + ".,", min_size=1, max_size=14),
)
fragments = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(SYMBOLS), numbers, st.text(any_character, max_size=4)
)
separators = st.sampled_from(["", " ", " ", " ", "\n", ", ", ". "])
word_soup = st.lists(st.tuples(fragments, separators), max_size=50).map(
    lambda parts: "".join(a + b for a, b in parts)
)
biased_characters = st.text(
    st.one_of(st.sampled_from(list(DIGITS + "$€£¥%,.()\n ")), any_character), max_size=150
)

amounts = st.builds(
    lambda prefix, number, suffix: prefix + number + suffix,
    st.sampled_from(["$", "€", "£", "¥", "₹", "US$", "HK$", "CHF ", ""]),
    numbers,
    st.sampled_from([" billion", " million", "bn", "m", " crore", "%", " percent", " km",
                     " miles", "°C", "°F", " kg", " yen", " points", " seats", ""]),
)  # fmt: skip
TEMPLATES = [
    "{a} rose {b} to {c} from {d}.",
    "The firm will invest {a} (approximately {b}) in {c}.",
    "Revenue of {a}: {b} from ads and {c} from sales.",
    "Smith won {a}, Jones {b} and Lee {c} of the vote.",
    "Of those {a} passengers, {b} flew.",
    "Sales fell {a} to {b}, an increase of {c}.",
    "On Thursday, June {a}, {b}, it said {c}.",
    "The {a} reasons: {b}, {c} and {d}.",
    "Turnout was {a} in 2023. Officials put turnout at {b} in 2023.",
    "{a}, or {b} of the {c} total.",
    "It doubled to {a} from {b} last year. It will cut that by {c} to {d}.",
    "A {a} ({b}) road, {c} ({d}).",
]
sentences = st.builds(
    lambda template, a, b, c, d: template.format(a=a, b=b, c=c, d=d),
    st.sampled_from(TEMPLATES),
    amounts,
    amounts,
    amounts,
    amounts,
)
FRONT_MATTER = ["", "", "---\ndate: 2019-05-21\n---\n", "---\ncurrency: JPY\n---\n",
                "---\ndate: 2019-02-30\n---\n", "---\n: [bad\n---\n"]  # fmt: skip
articles = st.builds(
    lambda front, parts: front + "".join(a + b for a, b in parts),
    st.sampled_from(FRONT_MATTER),
    st.lists(st.tuples(sentences, st.sampled_from([" ", "\n", "\n\n", "\r\n", "\n\n- "])),
             max_size=6),
)  # fmt: skip
texts = st.one_of(
    articles, articles, word_soup, biased_characters, st.text(any_character, max_size=150)
)
formats = st.sampled_from(FORMATS)
dates = st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)))


# --------------------------------------------------------------------------- helpers


def read(text: str, format: str) -> Source | None:
    """The Source of ``text``, or None when it is refused with a proper InputError (a broken
    front matter): one line naming the file."""
    try:
        return source_from_text(text, "draft.md", format)
    except InputError as error:
        assert str(error).startswith("draft.md: invalid YAML front matter: ")
        assert "\n" not in str(error)
        return None


def review(source: Source, date: dt.date | None):
    document = analyze_source(source, Options(date=date, today=TODAY))
    findings, notes = ENGINE.review(document)
    return document, findings, notes


SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------- properties


@settings(SETTINGS, max_examples=500)
@given(text=texts, format=formats, date=dates)
def test_reading_and_checking_never_raise_and_claims_lie_in_the_text(text, format, date) -> None:
    source = read(text, format)
    if source is None:
        return
    assert len(source.prose) == len(source.text)
    breaks = [i for i, ch in enumerate(source.text) if ch in "\r\n"]
    assert [source.prose[i] for i in breaks] == [source.text[i] for i in breaks]
    document, findings, notes = review(source, date)
    # An HTML file's figures are shown as its prose reads them ("¥100" for "&yen;100").
    shown = source.prose if format == "html" else source.text
    for claim in document.claims:
        assert 0 <= claim.start <= claim.end <= len(source.text)
        assert shown[claim.start : claim.end] == claim.text
    locations = [f.location for f in findings] + [n.location for n in notes]
    locations += [r.location for f in findings for r in f.related]
    for location in locations:
        assert 0 <= location.start <= location.end <= len(source.text)
        assert (location.line, location.column) == document.lines.position(location.start)
    assert findings == sorted(findings, key=lambda f: f.sort_key)


@settings(SETTINGS, max_examples=150)
@given(text=texts, format=formats, date=dates)
def test_reading_and_checking_give_the_same_result_twice(text, format, date) -> None:
    source = read(text, format)
    if source is None:
        return
    first = review(source, date)
    again = review(read(text, format), date)
    assert again[0].claims == first[0].claims
    assert again[0].date == first[0].date
    assert [(f, f.details) for f in again[1]] == [(f, f.details) for f in first[1]]
    assert again[2] == first[2]


SUFFIXES = [".md", ".txt", ".html"]


def run_check(folder: str, jobs: int) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(
            ["check", "--format", "json", "--no-cache", "--jobs", str(jobs), "--date",
             "2019-05-21", folder]
        )  # fmt: skip
    return code, out.getvalue(), err.getvalue()


@settings(SETTINGS, max_examples=20)
@given(
    files=st.lists(st.tuples(texts, st.sampled_from(SUFFIXES)), min_size=2, max_size=4),
)
def test_the_output_is_the_same_across_runs_and_jobs(files) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for number, (text, suffix) in enumerate(files):
            Path(folder, f"article-{number}{suffix}").write_bytes(text.encode("utf-8"))
        single = run_check(folder, 1)
        assert run_check(folder, 2) == single
        assert run_check(folder, 1) == single
    code, out, err = single
    payload = json.loads(out)
    assert code in (0, 1, 2)
    assert payload["files_checked"] + len(payload["errors"]) == len(files)
    assert "Traceback" not in err
    assert len(err.splitlines()) == len(payload["errors"])


# --------------------------------------------------------------------------- found by fuzzing


@pytest.mark.parametrize(
    ("text", "format"),
    [("Region,Sales\nNorth,5\n,7\n", "text"), ("billion billion\n,0", "markdown")],
)
def test_a_sentence_opening_with_a_comma_before_a_count(text: str, format: str) -> None:
    source = source_from_text(text, "data.txt", format)
    document = analyze_source(source, Options(today=TODAY))
    ENGINE.review(document)
    assert [c.text for c in document.claims][-1] in ("7", "0")
