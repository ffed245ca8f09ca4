"""Length-preserving text normalisation before tokenisation.

The pipeline reads a normalised copy of the prose in which every character maps to exactly one
character, so every offset in the Doc is an offset in the original file.
"""

from __future__ import annotations

import functools
import re
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


class _Table(dict[int, str]):
    """For ``str.translate``: each character looked up once, then kept (a full table of every
    Unicode digit would take longer to build than most articles take to check)."""

    def __missing__(self, code: int) -> str:
        if 0xD800 <= code <= 0xDFFF:  # a lone surrogate (only a str made in Python holds one)
            self[code] = "\ufffd"  # spaCy's string store cannot encode it
            return self[code]
        char = chr(code)
        digit = unicodedata.decimal(char, None)
        self[code] = char if digit is None else str(digit)
        return self[code]


@functools.cache
def _table() -> _Table:
    return _Table({ord(k): v for k, v in _EXTRA.items()})


def normalize(text: str) -> str:
    """Map Unicode digits (full-width, Arabic-Indic, ...) to ASCII and odd spaces to plain ones;
    blank out long runs of symbols."""
    ascii_only = text.isascii()
    out = text.replace("\r", " ").replace("\t", " ") if ascii_only else text.translate(_table())
    out = _SYMBOL_RUN.sub(lambda run: " " * len(run.group()), out)
    assert len(out) == len(text)
    return out


# spaCy's tokenizer takes time that grows with the square of an unbroken run of punctuation
# (40,000 "(" take minutes); a run this long holds no figure, so it is read as spaces.
_SYMBOL_RUN = re.compile(r"[^\w\s]{200,}")


_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+")
_MIN_SHOUTED_LETTERS = 12


def lower_shouted_lines(text: str, keep: frozenset[str] = frozenset()) -> str:
    """Lower-case lines written in capitals ("FORD CANADA CAR SALES OFF SIX PCT"), keeping the
    words in ``keep`` (currency codes), so that headlines read like the body. Offsets stay."""
    return _LINE.sub(lambda line: _lower_if_shouted(line.group(), keep), text)


def _lower_if_shouted(line: str, keep: frozenset[str]) -> str:
    if not line.isupper():
        return line  # a lower-case letter, or no cased letter to lower (most lines: at C speed)
    letters = [c for c in line if c.isalpha()]
    if len(letters) < _MIN_SHOUTED_LETTERS or any(c.islower() for c in letters):
        return line
    lowered = _WORD.sub(lambda w: w.group() if w.group() in keep else w.group().lower(), line)
    return lowered if len(lowered) == len(line) else line
