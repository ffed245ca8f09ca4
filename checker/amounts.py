"""Writing amounts back in the style of the text they came from: '$14.6 billion', '₹2,400 crore'."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.claims import Claim

_SCALES = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
_INDIAN = ((Decimal(10) ** 7, "crore"), (Decimal(10) ** 5, "lakh"))


def significant(value: Decimal, digits: int = 3) -> Decimal:
    if value == 0:
        return value
    exponent = value.adjusted() - digits + 1
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)


def number_text(value: Decimal, like: Claim | None = None, digits: int = 3) -> str:
    """A number with a scale word, using the scale word of ``like`` where it has one."""
    scales = _INDIAN if like is not None and _uses_indian(like) else _SCALES
    magnitude = abs(value)
    for factor, word in scales:
        if magnitude >= factor:
            return f"{plain(significant(value / factor, digits))} {word}"
    return plain(
        significant(value, digits) if magnitude >= 1000 else value.quantize(Decimal("0.01"))
    )


def money_text(value: Decimal, code: str, like: Claim | None = None, digits: int = 3) -> str:
    """'$14.6 billion' when ``like`` wrote '$1.457 billion'; 'CNY 14.6 billion' without a model."""
    number = number_text(value, like, digits)
    if like is None or not like.unit_text:
        return f"{code} {number}"
    prefix = like.text.startswith(like.unit_text)
    if prefix:
        gap = "" if like.text[len(like.unit_text) : len(like.unit_text) + 1].isdigit() else " "
        return f"{like.unit_text}{gap}{number}"
    return f"{number} {like.unit_text}"


def amount_like(value: Decimal, like: Claim, digits: int = 3) -> str:
    """``value`` as ``like`` writes amounts: '₹480 crore' for money, '18' for a count; to
    ``digits`` significant digits."""
    if like.kind == "money" and not like.unit_text:  # "1,589.1" in a table of CHF million
        return plain(significant(value / written_scale(like), digits))
    if like.kind == "money":
        return money_text(value, like.unit, like, digits)
    return number_text(value, like, digits)


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def written_number(claim: Claim) -> str:
    """The digits as the claim writes them: '84' in '€84 million', '' for number words."""
    found = _WRITTEN_NUMBER.search(claim.text)
    return "" if found is None else found.group()


def written_scale(claim: Claim) -> Decimal:
    """What the written digits are multiplied by: a million for '€84 million', 1 for '1,500'."""
    written = written_number(claim)
    if not written or claim.value is None:
        return Decimal(1)
    return claim.value / Decimal(written.replace(",", ""))


def without_number(claim: Claim) -> str:
    """The claim's text without its digits: '€ million' for '€84 million'."""
    return _WRITTEN_NUMBER.sub("", claim.text)


def rewritten(claim: Claim, values: tuple[Decimal, ...], joiner: str = "–") -> str:
    """``values`` written the way ``claim`` writes its figure: '€83.5 million' for '€84 million',
    '€83.5–84.5 million' for two; '' when its digits are not the whole figure (number words, a
    range such as '5 to 10 million')."""
    written = written_number(claim)
    if not written or not claim.value or claim.value_high is not None:
        return ""
    scale = written_scale(claim)
    numbers = joiner.join(plain(significant(v / scale, 12)) for v in values)
    return claim.text.replace(written, numbers, 1)


def _uses_indian(claim: Claim) -> bool:
    return any(word in claim.text.lower() for word in ("crore", "lakh"))


def plain(value: Decimal) -> str:
    """'1,200', '35.4': no exponent, no trailing zeros."""
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def far_apart(first: Decimal | str | None, second: Decimal | str | None) -> bool:
    """Two amounts a million times apart or more: further than any two currencies' rate (about
    90,000 Lebanese pounds to the dollar), so not one amount stated in two currencies
    ('from 338 mln dlrs, or 1.12 dlrs, a year earlier' gives a total and its share)."""
    if not first or not second or Decimal(str(second)) == 0:
        return False
    ratio = abs(Decimal(str(first)) / Decimal(str(second)))
    return ratio >= _MILLION or ratio <= 1 / _MILLION


_MILLION = Decimal(1_000_000)
