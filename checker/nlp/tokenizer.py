"""Tokenizer rules so that currency prefixes and scale or unit suffixes become tokens of their own.

spaCy's English rules split "$1.2" but keep "HK$3.4", "CN¥5", "USD3.2bn" and "1.2bn" whole; these
extra prefix and suffix patterns make every amount read as currency, number, scale, unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from checker.nlp.lexicon import Lexicon, load_lexicon

TOKENIZER = "numlint.tokenizer.v1"

# Glued to the digits that follow: "HK$3.4", "CN¥5", "Rs.300", "CHF300m".
_COUNTRY_DOLLAR = r"(?:US|U\.S\.|HK|NZ|AU|A|C|CA|Can|S|SG|NT|R|MX|Mex)\$"
_OTHER_PREFIXES = [
    r"(?:CN|JP|RMB|JPY|CNY)¥",
    r"GB£",
    r"INR₹",
    r"Rs\.?(?=\d)",
    r"SFr\.?(?=\d)",
    r"RM(?=\d)",
]

# Glued to the digits before: "1.2bn", "6.2m", "12pct", "3km", "31C" (after a degree sign).
_NUMBER_SUFFIXES = [
    "bn", "bln", "mln", "mn", "m", "b", "k", "tn", "trn", "pct", "pc", "bps", "bp", "pp", "ppt",
    "km", "kms", "mm", "cm", "kg", "kgs", "g", "mg", "t", "mi", "ft", "lb", "lbs", "oz", "l", "ml",
    "kWh", "MWh", "GWh", "TWh", "kwh", "mwh", "gwh", "twh", "kW", "MW", "GW", "kw", "mw", "gw", "W",
    "hp", "mph", "kph", "km/h", "m/s", "C", "F", "ha", "sq", "cr",
]  # fmt: skip

_NUMBER_EMOTICONS = {
    "(-8",
    "8)",
    "8-)",
    "8-D",
    "8D",
    "0.0",
    "0.o",
    "0_0",
    "0_o",
    ":0",
    ":1",
    ":3",
    "=3",
}


# An amount plainly money when a one-letter symbol is glued to it: a decimal, thousands separators
# or a scale ("4.2bn", "450,000", "12m"), not a label's number ("R2", "N1").
_PLAIN_MONEY = r"\d+(?:(?:,\d{3})+(?:\.\d+)?|\.\d+|(?=bn|tn|m|k))(?:bn|tn|m|k)?$"


def _letter_symbols(lexicon: Lexicon) -> set[str]:
    """Currency symbols made of letters ("zł", "Kč", "kr"): spaCy splits punctuation symbols
    ("$", "€") off a number already, but not these."""
    found = set()
    for entry in lexicon.raw["currencies"].values():
        for symbol in entry.get("symbols", []):
            if len(symbol) >= 2 or not symbol.isascii():
                found.add(symbol)
    return found


def numlint_tokenizer(nlp: Language, lexicon: Lexicon) -> Tokenizer:
    """spaCy's English tokenizer with currency prefixes and number suffixes added, built in one
    go (each change to a built tokenizer reloads all its special cases)."""
    iso = "|".join(sorted(lexicon.raw["iso_codes"], key=len, reverse=True))
    symbols = sorted(_letter_symbols(lexicon), key=len, reverse=True)
    written = "|".join(re.escape(symbol) for symbol in symbols)
    prefixes = [_COUNTRY_DOLLAR, *_OTHER_PREFIXES, rf"(?:{iso})(?=[\d.])", r"-(?=\d)", r"\+(?=\d)"]
    if written:
        prefixes.append(rf"(?:{written})(?=\d)")  # "zł96 million", "Kč250"
    glued = "|".join(re.escape(symbol) for symbol in lexicon.raw["glued_symbols"])
    prefixes.append(rf"(?:{glued})(?={_PLAIN_MONEY})")  # "R4.2bn", "N12.6 billion"
    suffix = "|".join(re.escape(s) for s in sorted(_NUMBER_SUFFIXES, key=len, reverse=True))
    suffixes = [rf"(?<=[0-9])(?:{suffix})", *nlp.Defaults.suffixes]
    # "5–10" and "$5-$10" are ranges: split the dash between two amounts.
    infixes = [r"(?<=[0-9])[–—-](?=[0-9$€£¥₹])", *nlp.Defaults.infixes]
    # "12m." and "km/h." end sentences: a lowercase letter and a full stop is no abbreviation here.
    # Emoticons made of digits ("(-8", "8)", "0.0") would swallow numbers. Contractions written
    # without an apostrophe split words: "Wed" (Wednesday) as "We" + "d", "Hed" as "He" + "d".
    rules = {
        text: rule
        for text, rule in nlp.Defaults.tokenizer_exceptions.items()
        if not (len(text) == 2 and text[0].islower() and text[1] == ".")
        and text not in _NUMBER_EMOTICONS
        and not text.isalpha()
    }
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex([*prefixes, *nlp.Defaults.prefixes]).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=nlp.Defaults.token_match,
        url_match=nlp.Defaults.url_match,
    )


@registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """For ``spacy.blank("en", config=...)``: the tokenizer is made once, with numlint's rules."""
    return lambda nlp: numlint_tokenizer(nlp, load_lexicon())
