"""Writing amounts back in the style of the text they came from: '$14.6 billion', '₹2,400 crore'."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

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


def money_text(value: Decimal, code: str, like: Claim | None = None) -> str:
    """'$14.6 billion' when ``like`` wrote '$1.457 billion'; 'CNY 14.6 billion' without a model."""
    number = number_text(value, like)
    if like is None or not like.unit_text:
        return f"{code} {number}"
    prefix = like.text.startswith(like.unit_text)
    if prefix:
        gap = "" if like.text[len(like.unit_text) : len(like.unit_text) + 1].isdigit() else " "
        return f"{like.unit_text}{gap}{number}"
    return f"{number} {like.unit_text}"


def _uses_indian(claim: Claim) -> bool:
    return any(word in claim.text.lower() for word in ("crore", "lakh"))


def plain(value: Decimal) -> str:
    """'1,200', '35.4': no exponent, no trailing zeros."""
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
