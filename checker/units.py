"""The one pint ``UnitRegistry``, and conversions between the unit names the lexicon gives.

Only unit names from checker/nlp/data/lexicon.yaml reach pint, never raw article text: pint would
read "1,5 tonnes" as 15 and "5 pct" as picocarats. Temperatures are offset units: 31 °C is 87.8 °F,
but a rise of 2 °C is a rise of 3.6 °F, so changes convert as differences.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING

from checker import __version__, datacache
from checker.nlp.lexicon import load_lexicon

if TYPE_CHECKING:
    import pint

# Names that mean different units in different countries: every reading is tried.
ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "ton": ("short_ton", "long_ton", "metric_ton"),
    "gallon": ("gallon", "imperial_gallon"),
    "calorie": ("kilocalorie", "calorie"),
    "ounce": ("ounce", "troy_ounce"),  # gold, silver and platinum are weighed in troy ounces
}
_DELTA = {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit"}


@functools.cache
def registry() -> pint.UnitRegistry:
    """The registry, made when a document first needs a unit (pint takes a moment to import and
    to read its definitions; pint keeps them parsed in numlint's data cache folder)."""
    import pint

    place = datacache.folder()
    cache = str(place / "pint") if place else None
    try:
        return pint.UnitRegistry(autoconvert_offset_to_baseunit=False, cache_folder=cache)
    except Exception:  # a damaged kept copy: read the definitions afresh
        return pint.UnitRegistry(autoconvert_offset_to_baseunit=False)


def _errors():
    import pint.errors

    return pint.errors


def dimension(unit: str) -> str:
    """'[length]', '[mass]', ...: units with the same dimension can be converted. Those of the
    lexicon's units come from a table kept in the data cache, so that a document whose figures
    need no conversion does not load pint."""
    known = _lexicon_dimensions()
    return known[unit] if unit in known else _dimension(unit)


@functools.cache
def _lexicon_dimensions() -> dict[str, str]:
    names = sorted(set(load_lexicon().units.values()))
    build = lambda: {name: _dimension(name) for name in names}  # noqa: E731
    return datacache.kept("unit-dimensions", "\n".join(names), __version__, build)


def _dimension(unit: str) -> str:
    ureg = registry()
    try:
        return str(ureg.Unit(unit).dimensionality)
    except (_errors().UndefinedUnitError, ValueError):
        return ""


def readings(unit: str) -> tuple[str, ...]:
    return ALTERNATIVES.get(unit, (unit,))


def convert(value: Decimal, source: str, target: str, difference: bool = False) -> Decimal | None:
    """``value`` in ``source`` expressed in ``target``; None when they do not convert.

    ``difference`` converts a change ("warmer by 2 °C") rather than a reading.
    """
    if difference:
        source, target = _DELTA.get(source, source), _DELTA.get(target, target)
    ureg = registry()
    try:
        quantity = ureg.Quantity(float(value), source).to(target)
    except (_errors().DimensionalityError, _errors().UndefinedUnitError, ValueError):
        return None
    return Decimal(repr(float(quantity.magnitude)))


def symbol(unit: str) -> str:
    """A short label for messages: 'km', 'mph', '°F'."""
    return _SYMBOLS.get(unit) or f"{registry().Unit(unit):~P}"


_SYMBOLS = {
    "degree_Celsius": "°C",
    "degree_Fahrenheit": "°F",
    "kilometer/hour": "km/h",
    "mile/hour": "mph",
    "metric_ton": "tonnes",
    "short_ton": "short tons",
    "long_ton": "long tons",
    "oil_barrel": "barrels",
    "m**2": "m²",
    "km**2": "km²",
    "foot**2": "sq ft",
    "mile**2": "sq mi",
    "m**3": "m³",
    "foot**3": "cu ft",
}
