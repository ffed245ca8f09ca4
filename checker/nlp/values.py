"""Span extension values, read and written in bulk.

What is known about a claim is in ``span._``, as plain strings and numbers so that a Doc serialises
with msgpack (decimals are kept as strings). spaCy keeps these values in ``doc.user_data`` under
``("._.", name, start_char, end_char)`` and builds an Underscore object on every ``span._``
access; the components read and write many values per claim, so they go to ``doc.user_data``
directly through these helpers (tested equal to ``span._`` in test_values).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

# Span extensions and their defaults. Values stay msgpack-safe: str, int, float, bool.
SPAN_EXTENSIONS: dict[str, object] = {
    "kind": "",  # money, percent, percentage_points, count, quantity, duration, date, fraction
    "value": "",  # Decimal as text
    "value_high": "",  # upper end of a range
    "step": "",  # stated precision: the value is given to the nearest `step`
    "unit": "",  # ISO 4217 code, "%", "pp", a pint unit name, a duration unit
    "unit_text": "",
    "currency_symbol": "",  # an ambiguous symbol as written ("$", "¥"); resolved per document
    "counted": "",
    "qualifier": "",  # approx, lower, upper, near
    "qualifier_text": "",
    "date": "",
    "weekday": "",
    "scope": "",  # normalised time scope of a claim
    # The normalised value of a scope span. spaCy keys span extensions by offsets only, so a claim
    # and a scope span over the same tokens ("five-year") must not share an attribute name.
    "period": "",
    "scope_text": "",
    "scope_inherited": False,
    "metric": "",
    "subject": "",
    "subject_text": "",
    "entity": "",
    "role": "",  # level, change, baseline, compared ("X vs Y" in a results table)
    "direction": "",  # up, down
    "basis": "",  # yoy, qoq, mom
    "multiplier": "",  # "doubled to X": the level is this many times its baseline (change_from)
    "qualifier_of_change": "",  # "more than doubled": lower
    "change_from": -1,  # start offset of the claim a change starts from, or -1
    "change_to": -1,  # start offset of the claim a change ends at, or -1
    "equivalent_of": -1,  # start offset of the claim this one restates, or -1
}


def register_extensions() -> None:
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def _key(name: str, start_char: int, end_char: int) -> tuple[str, str, int, int]:
    return ("._.", name, start_char, end_char)


def span_values(span: Span) -> dict[str, Any]:
    """Every extension value of ``span`` at once."""
    data, start, end = span.doc.user_data, span.start_char, span.end_char
    return {name: data.get(("._.", name, start, end), d) for name, d in SPAN_EXTENSIONS.items()}


def value_of(span: Span, name: str) -> Any:
    """``span._.name``."""
    return span.doc.user_data.get(_key(name, span.start_char, span.end_char), SPAN_EXTENSIONS[name])


def set_values(span: Span, **values: Any) -> None:
    """``span._.name = value`` for each of ``values``."""
    data, start, end = span.doc.user_data, span.start_char, span.end_char
    for name, value in values.items():
        if name not in SPAN_EXTENSIONS:
            raise AttributeError(f"no span extension {name!r}")
        data[_key(name, start, end)] = value


class Values:
    """The extension values of one span as plain attributes (only the known names)."""

    __slots__ = tuple(SPAN_EXTENSIONS)


class ClaimView:
    """A claim span whose extension values are read once into ``_`` (a ``Values``), so that
    ``claim._.kind`` is a plain attribute; ``write`` stores the values that changed back in the
    Doc. Other attributes (``text``, ``doc``) are the span's."""

    __slots__ = ("_", "_read", "end", "end_char", "span", "start", "start_char")

    def __init__(self, span: Span) -> None:
        self.span = span
        self.start, self.end = span.start, span.end
        self.start_char, self.end_char = span.start_char, span.end_char
        self._read = span_values(span)
        self._ = Values()
        for name, value in self._read.items():
            setattr(self._, name, value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.span, name)

    def write(self) -> None:
        data, start, end = self.span.doc.user_data, self.start_char, self.end_char
        for name, old in self._read.items():
            new = getattr(self._, name)
            if type(new) is not type(old) or new != old:
                data[_key(name, start, end)] = new
