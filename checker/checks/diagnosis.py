"""Arithmetic shared by the conversion kinds: how far off a figure is, and in what way."""

from __future__ import annotations

from decimal import Decimal

from checker.amounts import plain, significant
from checker.claims import Claim
from checker.findings import Severity

_TIMES = {1: "ten", 2: "a hundred", 3: "a thousand"}
_NEAR = Decimal("0.12")


def power_of_ten(stated: Decimal, expected: Decimal) -> str:
    """'ten times too small, a power-of-ten slip' when ``stated`` is ``expected`` times 10^k."""
    if not expected:
        return ""
    ratio = stated / expected
    for power in (1, 2, 3, -1, -2, -3):
        if abs(ratio / Decimal(10) ** power - 1) < _NEAR:
            size = "large" if power > 0 else "small"
            return f"{_TIMES[abs(power)]} times too {size}, a power-of-ten slip"
    return ""


def deviation_text(stated: Decimal, expected: Decimal) -> str:
    """'+18%', or for gross slips the factor: '1,031 times'."""
    if not expected:
        return ""
    ratio = stated / expected
    if ratio >= 10:
        return f"{ratio:,.0f} times"
    if ratio <= Decimal("0.1"):
        return f"1/{1 / ratio:,.0f}"
    return f"{(ratio - 1) * 100:+.0f}%"


def stated_against(stated: Claim, expected: Decimal) -> str:
    """'stated $1.457 billion, 1/10 of that', 'stated $45 million, 18% less': the stated figure
    next to the computed one (just the figure when a sign makes a ratio meaningless)."""
    if stated.value <= 0 or expected <= 0:
        return f"stated {stated.text}"
    ratio = stated.value / expected
    if ratio >= 10:
        return f"stated {stated.text}, {ratio:,.0f} times that"
    if ratio <= Decimal("0.1"):
        return f"stated {stated.text}, 1/{1 / ratio:,.0f} of that"
    off = abs(ratio - 1) * 100
    share = f"{off:.0f}%" if off >= 1 else f"{off:.2f}%"
    return f"stated {stated.text}, {share} {'more' if ratio > 1 else 'less'}"


def round_like(value: Decimal, like: Claim) -> str:
    """``value`` to one more significant digit than ``like`` was written with ("75" -> "74.6")."""
    written = like.value.normalize().as_tuple()
    digits = max(3, len(written.digits) + 1)
    return plain(significant(value, digits))


def close(a: Decimal, b: Decimal, within: Decimal) -> bool:
    """``a`` is within a relative ``within`` of ``b``."""
    return b != 0 and abs(a / b - 1) < within


def overlaps(stated: tuple[Decimal, Decimal], low: Decimal, high: Decimal, slack: Decimal) -> bool:
    """The values a stated figure allows meet [low, high] widened by a relative ``slack``."""
    return stated[0] <= high + abs(high) * slack and stated[1] >= low - abs(low) * slack


def mismatch_severity(
    stated: Decimal, expected: Decimal, error_above: float, rule_severity: Severity
) -> Severity:
    """Error from ``error_above`` off, warning below; a rule set to info stays info."""
    if rule_severity == Severity.INFO:
        return Severity.INFO
    off = abs(stated / expected - 1) if expected else Decimal(1)
    return Severity.ERROR if off >= Decimal(str(error_above)) else Severity.WARNING
