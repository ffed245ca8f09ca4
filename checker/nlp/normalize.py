"""Length-preserving text normalisation before tokenisation.

The pipeline reads a normalised copy of the prose in which every character maps to exactly one
character, so every offset in the Doc is an offset in the original file.
"""

from __future__ import annotations

import functools
import unicodedata

_EXTRA = {
    "％": "%",
    "，": ",",
    "．": ".",
    "−": "-",  # minus sign
    "‐": "-",  # hyphen
    "‑": "-",  # non-breaking hyphen
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\r": " ",
    "\t": " ",
    "\u2028": "\n",
    "\u2029": "\n",
}


@functools.cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _EXTRA.items()}
    for code in range(0x80, 0x110000):
        char = chr(code)
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            table[code] = str(digit)
    return table


def normalize(text: str) -> str:
    """Map Unicode digits (full-width, Arabic-Indic, ...) to ASCII and odd spaces to plain ones."""
    if text.isascii():
        return text.replace("\r", " ").replace("\t", " ")
    out = text.translate(_table())
    assert len(out) == len(text)
    return out
