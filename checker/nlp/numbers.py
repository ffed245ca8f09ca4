"""Reading one number expression: digits or words, with its scale and its stated precision.

"1.7 billion" reads as value 1700000000 with step 100000000: the text claims 1.65 to 1.75 billion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.tokens import Doc

from checker.nlp.lexical import LexicalIndex
from checker.nlp.lexicon import Lexicon

# 1,200 · 1,200.5 · 1200 · 1.2 · .5 · Indian grouping 1,22,550. "1,5" (a decimal comma) is not read.
DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?$|^\.\d+$")
# Numbers longer than this are identifiers or noise, not claims.
MAX_DIGITS = 24
_FRACTION_LEADS = {"a": 1, "an": 1, "one": 1}
_HALF_FOLLOWERS = {
    "of",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "that",
    "this",
    "those",
}
_NOT_BEFORE_FRACTION = {"the", "first", "second", "third", "fourth", "last", "final", "next"}


@dataclass(frozen=True, slots=True)
class NumberRead:
    """A number expression over tokens [start, end)."""

    start: int
    end: int
    value: Decimal
    step: Decimal
    literal: bool  # written with digits
    bare_integer: (
        bool  # digits only, no separator, decimal point or scale: a year or name candidate
    )
    fraction: bool = False
    scale: Decimal = Decimal(1)  # the factor of its scale words ("million": 1000000)


def may_start_number(text: str, lexicon: Lexicon) -> bool:
    """Whether a token written ``text`` can begin what ``read_number`` reads (digits, a minus
    sign, a number or fraction word); for a lexeme flag, so that most tokens are never tried."""
    lower = text.lower()
    return bool(
        DIGITS.match(text)
        or text in ("-", "+")
        or lower in lexicon.unit_words
        or lower in _FRACTION_LEADS
        or lower in lexicon.fraction_words
    )


def read_number(doc: Doc, i: int, index: LexicalIndex, lexicon: Lexicon) -> NumberRead | None:
    """Read the number expression that starts at token ``i``, if one does."""
    token = doc[i]
    if DIGITS.match(token.text):
        return _read_digits(doc, i, index, lexicon)
    if _is_sign(doc, i):  # "-40°C", "(-8°F)", "+6.4%"
        number = _read_digits(doc, i + 1, index, lexicon)
        if number is not None:
            value = -number.value if token.text == "-" else number.value
            return replace(number, start=i, value=value, bare_integer=False)
    lower = token.lower_
    if lower in lexicon.unit_words or lower in _FRACTION_LEADS or lower in lexicon.fraction_words:
        return _read_words(doc, i, index, lexicon)
    return None


def _is_sign(doc: Doc, i: int) -> bool:
    """A hyphen or plus glued to the digits after it and not to a word before it."""
    return (
        doc[i].text in ("-", "+")
        and not doc[i].whitespace_
        and i + 1 < len(doc)
        and DIGITS.match(doc[i + 1].text) is not None
        and (
            i == 0
            or bool(doc[i - 1].whitespace_)
            or doc[i - 1].is_space  # a table's cell: "|  -1.7% |" reads as spaces
            or doc[i - 1].text in ("(", "[", "/")
        )
    )


def _read_digits(doc: Doc, i: int, index: LexicalIndex, lexicon: Lexicon) -> NumberRead | None:
    text = doc[i].text.replace(",", "")
    whole, _, decimals = text.partition(".")
    if len(whole) > MAX_DIGITS:
        return None
    value = Decimal(text)
    step = Decimal(1).scaleb(-len(decimals))
    bare = "," not in doc[i].text and not decimals
    end, factor = _scale(doc, i + 1, index, lexicon)
    return NumberRead(
        i, end, value * factor, step * factor, True, bare and factor == 1, scale=factor
    )


def _scale(doc: Doc, j: int, index: LexicalIndex, lexicon: Lexicon) -> tuple[int, Decimal]:
    """Chained scale words from token ``j`` ("hundred thousand"): (end, factor). A line break of
    wrapped text may come first ("to 1.15\nbillion"), never a blank line."""
    factor = Decimal(1)
    if _glued_hyphen(doc, j) and index.has(j + 1, "SCALE"):
        j += 1  # "a C$1.86-billion plan", "a $2-million grant"
    while (match := index.at(past_line_break(doc, j), "SCALE")) is not None:
        j, _, name = match
        factor *= lexicon.scale_factors[name]
    return j, factor


def _glued_hyphen(doc: Doc, j: int) -> bool:
    return (
        0 < j < len(doc) - 1
        and doc[j].text == "-"
        and not doc[j - 1].whitespace_
        and (not doc[j].whitespace_)
    )


def past_line_break(doc: Doc, j: int) -> int:
    """``j``, or the token after it when ``j`` is the line break of wrapped text (one '\\n')."""
    if j < len(doc) and doc[j].is_space and doc[j].text.count("\n") == 1:
        return j + 1
    return j


def _read_words(doc: Doc, i: int, index: LexicalIndex, lexicon: Lexicon) -> NumberRead | None:
    fraction = _read_fraction(doc, i, lexicon)
    if fraction is not None:
        return fraction
    lower = doc[i].lower_
    if lower in _FRACTION_LEADS:
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if nxt in lexicon.collective_words:
            end, factor = _scale(doc, i + 2, index, lexicon)
            return NumberRead(
                i, end, Decimal(lexicon.collective_words[nxt]) * factor, factor, False, False
            )
        if lower != "one" and not index.has(i + 1, "SCALE"):
            return None
    value, end = _word_value(doc, i, lexicon)
    if end == i:
        return None
    value, end, unit = _spoken_decimals(doc, value, end, lexicon)
    value, end, unit = _and_a_fraction(doc, value, end, unit, lexicon)
    end, factor = _scale(doc, end, index, lexicon)
    step = factor * unit  # "two million" is rounded, and so is "two pct" for 2.3%
    value, end, step, factor = _compound(doc, value * factor, end, step, factor, index, lexicon)
    return NumberRead(i, end, value, step, False, False, scale=factor)


def _and_a_fraction(
    doc: Doc, value: Decimal, end: int, unit: Decimal, lexicon: Lexicon
) -> tuple[Decimal, int, Decimal]:
    """'eight and a half', 'two and a quarter (million)': the whole number and its fraction."""
    if end + 2 >= len(doc) or doc[end].lower_ != "and" or unit != 1:
        return value, end, unit
    count, k = _word_value(doc, end + 1, lexicon)
    if k == end + 1 or count != 1 or k >= len(doc):
        return value, end, unit
    part = lexicon.fraction_words.get(doc[k].lower_)
    if part is None or part >= 1 or doc[k].lower_.endswith("s"):
        return value, end, unit
    return value + part, k + 1, part


def _compound(
    doc: Doc,
    value: Decimal,
    end: int,
    step: Decimal,
    factor: Decimal,
    index: LexicalIndex,
    lexicon: Lexicon,
) -> tuple[Decimal, int, Decimal, Decimal]:
    """The rest of a number said in groups: 'three hundred and eighty', 'eight thousand six
    hundred', 'two hundred and forty thousand'. A group follows a scale word, after 'and' or
    not, and is smaller than that scale, unless its own scale multiplies the whole ('two
    hundred and forty | thousand')."""
    while factor >= 100 and step == factor:
        k = end + 1 if end < len(doc) and doc[end].lower_ == "and" else end
        if k >= len(doc) or doc[k].lower_ in ("a", "an"):
            break
        group, after = _word_value(doc, k, lexicon)
        if after == k or not group or (after < len(doc) and doc[after].text == "-"):
            break  # "nine hundred five-year bonds"
        after, group_factor = _scale(doc, after, index, lexicon)
        if group_factor > factor and group < factor:
            value, factor = (value + group) * group_factor, group_factor
        elif group * group_factor < factor:
            value, factor = value + group * group_factor, group_factor
        else:
            break
        end, step = after, group_factor
    return value, end, step, factor


def _spoken_decimals(
    doc: Doc, value: Decimal, end: int, lexicon: Lexicon
) -> tuple[Decimal, int, Decimal]:
    """'four point two (million)': the digits after 'point', and the step they give."""
    if end + 1 >= len(doc) or doc[end].lower_ != "point":
        return value, end, Decimal(1)
    digits = ""
    k = end + 1
    while k < len(doc) and (lexicon.unit_words.get(doc[k].lower_, 10) < 10):
        digits += str(lexicon.unit_words[doc[k].lower_])
        k += 1
    if not digits:
        return value, end, Decimal(1)
    return value + Decimal(f"0.{digits}"), k, Decimal(1).scaleb(-len(digits))


def _word_value(doc: Doc, i: int, lexicon: Lexicon) -> tuple[Decimal, int]:
    """'twenty-three' -> (23, end); 'a' or 'one' -> (1, end)."""
    lower = doc[i].lower_
    if lower in _FRACTION_LEADS:
        return Decimal(1), i + 1
    value = lexicon.unit_words.get(lower)
    if value is None:
        return Decimal(0), i
    end = i + 1
    if lower in lexicon.tens_words and end + 1 < len(doc) and doc[end].text == "-":
        unit = lexicon.unit_words.get(doc[end + 1].lower_)
        if unit is not None and unit < 10:
            return Decimal(value + unit), end + 2
    return Decimal(value), end


def _read_fraction(doc: Doc, i: int, lexicon: Lexicon) -> NumberRead | None:
    """'two-thirds', 'a third of', 'three quarters of', 'half of'."""
    lower = doc[i].lower_
    previous = doc[i - 1].lower_ if i > 0 else ""
    if lower in ("half", "halves"):
        following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if previous in _NOT_BEFORE_FRACTION or following not in _HALF_FOLLOWERS:
            return None
        return NumberRead(i, i + 1, Decimal("0.5"), Decimal(0), False, False, fraction=True)
    if previous in _NOT_BEFORE_FRACTION and lower in _FRACTION_LEADS:
        return None
    count, k = _word_value(doc, i, lexicon)
    if k == i or count == 0:
        return None
    if k < len(doc) and doc[k].text == "-":
        k += 1
    if k >= len(doc) or doc[k].lower_ not in lexicon.fraction_words:
        return None
    word = doc[k].lower_
    plural = word.endswith("s")
    if plural != (count > 1):
        return None
    if word in ("quarter", "quarters", "half") and (k + 1 >= len(doc) or doc[k + 1].lower_ != "of"):
        return None
    value = count * lexicon.fraction_words[word]
    return NumberRead(i, k + 1, value, Decimal(0), False, False, fraction=True)
