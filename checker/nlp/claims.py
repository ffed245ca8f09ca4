"""The claims component: every numeric mention becomes a span in ``doc.spans["claims"]``.

For each number expression it attaches what the text says about it: a currency before or after
("¥100 billion", "2 trillion won"), a percent word, a physical unit ("120-kilometre", "31°C"), a
duration ("five years"), or the thing counted ("480 stores"); a qualifier before it ("about",
"more than"); and a second number that makes a range ("5 to 10", "between 3 and 4").
Numbers that are years, parts of dates or names, clock times or ordinals are not claims.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from checker.nlp.lexical import NUMERIC_SENTENCES, LexicalIndex
from checker.nlp.lexicon import Lexicon, load_lexicon
from checker.nlp.numbers import NumberRead, may_start_number, past_line_break, read_number
from checker.nlp.times import DATES, SCOPES
from checker.nlp.tokens import tokens_with
from checker.nlp.values import set_values, value_of

CLAIMS = "claims"

MONEY = "money"
PERCENT = "percent"
POINTS = "percentage_points"
COUNT = "count"
QUANTITY = "quantity"
DURATION = "duration"
DATE = "date"
FRACTION = "fraction"

_RANGE_JOINERS = {"to", "-", "–", "—"}
# Words that end a counted-noun phrase although they are not stop words.
_MAX_NOUN_PHRASE = 5


def _after_a_change(doc: Doc, start: int, index: LexicalIndex, sentence: Span) -> bool:
    """'by £87.81', 'a rise of £87.81', 'rose $5 million to $80 million': the amount a change
    is, not a range's low end."""
    if start - 1 < sentence.start:
        return False
    before = doc[start - 1].lower_
    if before == "by" or index.has(start - 1, "CHANGE"):
        return True
    return before == "of" and start - 2 >= sentence.start and index.has(start - 2, "CHANGE")


def _with_elided_noun(doc: Doc, reading: Reading, previous: Reading | None) -> Reading:
    """'3.4 million installs came from the App Store and 5.4 million from Google Play': a bare
    count after 'and' or a comma counts what the count before it, of its scale, counted."""
    if (
        previous is None
        or reading.kind != COUNT
        or reading.counted
        or reading.high is not None
        or previous.kind != COUNT
        or not previous.counted
        or not _alike_in_scale(reading.number, previous.number)
        or reading.start == 0
        or doc[reading.start - 1].lower_ not in ("and", ",")
    ):
        return reading
    return replace(reading, counted=previous.counted)


def _alike_in_scale(number: NumberRead, previous: NumberRead) -> bool:
    """'3.4 million ... and 5.4 million', or '672,000 shares ... and 878,000': written with the
    same scale word, or in thousands or more and within a factor of ten of each other."""
    if number.scale != 1 or previous.scale != 1:
        return number.scale == previous.scale
    low, high = sorted((number.value, previous.value))
    return low >= 1000 and high <= 10 * low


def _glued_capital(doc: Doc, end: int, sentence: Span) -> bool:
    """A single capital letter written against the number: '5G', '3D'."""
    return (
        end < sentence.end
        and not doc[end - 1].whitespace_
        and len(doc[end].text) == 1
        and doc[end].text.isupper()
        and (end + 1 >= len(doc) or not doc[end + 1].is_alpha or bool(doc[end].whitespace_))
    )


def _hyphen_joins(doc: Doc, i: int, sentence: Span) -> bool:
    """'battery-electric': token ``i`` and the word after the hyphen are one word."""
    return (
        i + 2 < sentence.end
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].is_alpha
    )


def _next_in_sentence(doc: Doc, j: int, sentence: Span) -> int:
    """Token ``j``, or the one after it when ``j`` is the line break of wrapped text inside the
    sentence: "rose 12.6\npct", "140.1 mln\nfrancs"."""
    after = past_line_break(doc, j)
    return after if after < sentence.end else j


@dataclass(frozen=True, slots=True)
class Reading:
    """What the claims component has learnt about one mention while reading it."""

    start: int
    end: int
    number: NumberRead
    kind: str = COUNT
    unit: str = ""
    unit_text: str = ""
    symbol: str = ""  # an ambiguous currency symbol or name as written, e.g. "$", "¥", "dollars"
    counted: str = ""
    high: Decimal | None = None
    step_high: Decimal | None = None


@Language.factory("numlint_claims")
def make_claims(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder(nlp.vocab, load_lexicon())


class ClaimFinder:
    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.may_start = vocab.add_flag(lambda text: may_start_number(text, lexicon))

    def __call__(self, doc: Doc) -> Doc:
        index = LexicalIndex(doc)
        reserved = _reserved_tokens(doc)
        starts = tokens_with(doc, self.may_start)
        claims: list[Span] = []
        for sentence in doc.spans.get(NUMERIC_SENTENCES, []):
            candidates = starts[
                bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(
                    starts, sentence.end
                )
            ]
            found = self._sentence_claims(doc, sentence, index, reserved, candidates)
            claims.extend(_compound(found))
        claims.extend(self._date_claims(doc))
        doc.spans[CLAIMS] = sorted(claims)
        return doc

    def _sentence_claims(
        self,
        doc: Doc,
        sentence: Span,
        index: LexicalIndex,
        reserved: set[int],
        candidates: list[int],
    ) -> list[Span]:
        """The claims of a sentence, read from left to right; ``candidates`` are the tokens
        that may start a number (the others cannot)."""
        found: list[Span] = []
        last: Reading | None = None
        i = sentence.start
        for candidate in candidates:
            if candidate < i:
                continue  # inside a claim read already
            i = candidate
            number = None if i in reserved else read_number(doc, i, index, self.lexicon)
            if number is None or number.end > sentence.end:
                continue
            reading = self._read(doc, number, index, sentence)
            reading = self._range(doc, reading, index, sentence, reserved)
            if reading is not None and not self._is_not_a_quantity(doc, reading, index, sentence):
                reading = _with_elided_noun(doc, reading, last)
                found.append(self._span(doc, reading, index))
                last = reading
                i = reading.end
            else:
                i = number.end
        return found

    # -- reading one mention -------------------------------------------------------------------

    def _read(self, doc: Doc, number: NumberRead, index: LexicalIndex, sentence: Span) -> Reading:
        reading = Reading(number.start, number.end, number)
        if number.fraction:
            return replace(reading, kind=FRACTION, unit="fraction")
        before = self._currency_before(doc, number.start, index)
        if before is not None:
            start, code, symbol, text = before
            reading = replace(
                reading, start=start, kind=MONEY, unit=code, symbol=symbol, unit_text=text
            )
            return self._money_scale(doc, reading, index)
        reading = self._suffix(doc, reading, index, sentence)
        if self._an_age(doc, reading, sentence):
            return replace(reading, kind=DURATION, unit="year")
        return reading

    def _an_age(self, doc: Doc, reading: Reading, sentence: Span) -> bool:
        """'residents aged 65 or over', 'under the age of 5': a number of years, not a count."""
        number = reading.number
        whole_number = number.bare_integer or (not number.literal and number.scale == 1)
        if reading.kind != COUNT or reading.counted or not whole_number or number.step != 1:
            return False
        k = reading.start - 1
        if k >= sentence.start and doc[k].lower_ in ("of", "between"):
            k -= 1  # "the age of 5", "aged between 15 and 24"
        if k < sentence.start:
            return False
        if doc[k].lower_ in self.lexicon.age_words:
            return True
        return (  # "children under five", "people over 65"
            doc[k].lower_ in ("under", "over")
            and k > sentence.start
            and doc[k - 1].lower_ in self.lexicon.age_nouns
            and reading.number.value <= 120
        )

    def _currency_before(
        self, doc: Doc, i: int, index: LexicalIndex
    ) -> tuple[int, str, str, str] | None:
        match = index.before(i, "CURRENCY", "ISO", "AMBIGUOUS", "GLUED")
        if match is None:
            return None
        start, category, value = match
        if category == "GLUED" and doc[start].whitespace_:
            return None  # "Section R 12"; the tokenizer splits "R4.2bn", not "Route N1"
        text = doc[start:i].text
        if category == "AMBIGUOUS":
            return start, self.lexicon.ambiguous[value].default, value, text
        return start, value, "", text

    def _money_scale(self, doc: Doc, reading: Reading, index: LexicalIndex) -> Reading:
        """'$6.2m', '$1.2b': abbreviations that are scales only for money; also a trailing code."""
        number = reading.number
        match = index.at(past_line_break(doc, reading.end), "MONEYSCALE")
        if match is not None and number.step >= 0 and number.literal:
            factor = self.lexicon.money_only_scales[match[2]]
            number = replace(
                number,
                end=match[0],
                value=number.value * factor,
                step=number.step * factor,
                bare_integer=False,
            )
            reading = replace(reading, number=number, end=match[0])
        after = index.at(past_line_break(doc, reading.end), "CURRENCY", "ISO")
        if after is not None and after[2] == reading.unit:  # "$5 million USD"
            reading = replace(reading, end=after[0])
        return reading

    def _suffix(self, doc: Doc, reading: Reading, index: LexicalIndex, sentence: Span) -> Reading:
        """What follows the number: percent, currency name, unit, duration, or a counted noun."""
        j = _next_in_sentence(doc, reading.end, sentence)
        hyphenated = j < sentence.end and doc[j].text == "-"
        k = j + 1 if hyphenated else j
        if k >= sentence.end:
            return reading
        match = index.at(
            k,
            "PERCENT",
            "CURRENCY",
            "CURRENCYNAME",
            "MINORUNIT",
            "ISO",
            "AMBIGUOUS",
            "AMBIGUOUSNAME",
            "UNIT",
            "DURATION",
            "MONEYSCALE",
        )
        if match is not None and not self._prefixes_next_amount(doc, match, sentence):
            end, category, value = match
            text = doc[k:end].text
            handled = self._suffix_match(doc, reading, index, category, value, text, end, sentence)
            if handled is not None:
                return handled
        if not hyphenated and doc[j].text in ("°", "º") and j + 1 < sentence.end:
            letter = self.lexicon.degree_letters.get(doc[j + 1].lower_)
            if letter:
                return replace(
                    reading, kind=QUANTITY, unit=letter, end=j + 2, unit_text=doc[j : j + 2].text
                )
        return self._counted(doc, reading, sentence)

    @staticmethod
    def _prefixes_next_amount(doc: Doc, match: tuple[int, str, str], sentence: Span) -> bool:
        """A currency symbol or code between two numbers belongs to the second: "two $10 bills",
        "3 $20 tickets" (a name does not: "5 dollars 20 cents")."""
        end, category, _ = match
        return (
            category in ("CURRENCY", "ISO", "AMBIGUOUS")
            and end < sentence.end
            and doc[end].like_num
        )

    def _suffix_match(
        self,
        doc: Doc,
        reading: Reading,
        index: LexicalIndex,
        category: str,
        value: str,
        text: str,
        end: int,
        sentence: Span,
    ) -> Reading | None:
        if category == "PERCENT":
            if value == "percent":
                return replace(reading, kind=PERCENT, unit="%", end=end, unit_text=text)
            if value == "basis_points":
                number = reading.number
                hundred = Decimal(100)
                number = replace(number, value=number.value / hundred, step=number.step / hundred)
                return replace(
                    reading, number=number, kind=POINTS, unit="pp", end=end, unit_text=text
                )
            return replace(reading, kind=POINTS, unit="pp", end=end, unit_text=text)
        if category in ("CURRENCY", "CURRENCYNAME", "ISO"):
            return replace(reading, kind=MONEY, unit=value, end=end, unit_text=text)
        if category == "MINORUNIT":  # "612 pence" is £6.12
            number = reading.number
            hundred = Decimal(100)
            number = replace(number, value=number.value / hundred, step=number.step / hundred)
            return replace(reading, number=number, kind=MONEY, unit=value, end=end, unit_text=text)
        if category in ("AMBIGUOUS", "AMBIGUOUSNAME"):
            if value in ("pound", "pounds") and end < len(doc) and doc[end].lower_ == "of":
                return None  # "five pounds of sugar" is a weight
            code = self.lexicon.ambiguous[value].default
            return replace(reading, kind=MONEY, unit=code, symbol=value, end=end, unit_text=text)
        if category == "UNIT":
            if text.lower() in self.lexicon.short_units and text != text.lower():
                return None  # "5G", "4K" are names, not grams or kelvins
            if text.lower() in self.lexicon.degree_letters:
                return None  # a bare "C" or "F" is a unit only after a degree sign
            return replace(reading, kind=QUANTITY, unit=value, end=end, unit_text=text)
        if category == "DURATION":
            return replace(reading, kind=DURATION, unit=value, end=end, unit_text=text)
        if category == "MONEYSCALE" and value == "m" and "m" in self.lexicon.units:
            if self._millions_of(doc, end, sentence):
                return self._counted_millions(doc, reading, index, end, sentence)
            return replace(
                reading, kind=QUANTITY, unit=self.lexicon.units["m"], end=end, unit_text=text
            )
        return None

    def _millions_of(self, doc: Doc, end: int, sentence: Span) -> bool:
        """'48.6m passenger journeys', '3.2m tonnes': 'm' before a plural noun or a unit is
        millions; '100m hurdles' and 'a 40m tower' stay metres. A bare 'm' is millions in a
        sentence that has such millions ('up 7.3 per cent from 45.3m a year earlier')."""
        if self._millions_before(doc, end):
            return True
        if end < len(doc) and doc[end].is_alpha and doc[end].lower_ not in STOP_WORDS:
            return False
        return any(
            token.lower_ == "m"
            and token.i != end - 1
            and doc[token.i - 1].like_num
            and self._millions_before(doc, token.i + 1)
            for token in sentence[1:]
        )

    def _millions_before(self, doc: Doc, end: int) -> bool:
        words: list[str] = []
        for token in doc[end : end + 3]:
            if not token.is_alpha or token.lower_ in STOP_WORDS:
                break
            words.append(token.lower_)
        if not words:
            return False
        if words[0] in self.lexicon.units and words[0] not in self.lexicon.short_units:
            return True
        head = words[-1]
        return (
            head.endswith("s")
            and not head.endswith(("ss", "us", "is"))
            and head not in self.lexicon.metre_nouns
            and words[0] not in self.lexicon.metre_nouns
        )

    def _counted_millions(
        self, doc: Doc, reading: Reading, index: LexicalIndex, end: int, sentence: Span
    ) -> Reading:
        """'48.6m passenger journeys': 48,600,000 journeys."""
        factor = self.lexicon.money_only_scales["m"]
        number = reading.number
        number = replace(
            number,
            end=end,
            value=number.value * factor,
            step=number.step * factor,
            bare_integer=False,
        )
        reading = replace(reading, number=number, end=end)
        return self._suffix(doc, reading, index, sentence)

    def _counted(self, doc: Doc, reading: Reading, sentence: Span) -> Reading:
        """'480 authorized Mi Home stores' counts 'stores'; '27 of the 75 seats' counts seats."""
        j = _next_in_sentence(doc, reading.end, sentence)
        if j + 2 < sentence.end and doc[j].text == "-" and doc[j + 1].lower_ == "strong":
            j += 2  # "its 12,960-strong workforce" counts the workforce
        head = self._noun_at(doc, j, sentence) or self._noun_of_whole(doc, j, sentence)
        if not head:
            return reading
        return replace(reading, kind=COUNT, counted=head)

    def _noun_of_whole(self, doc: Doc, j: int, sentence: Span) -> str:
        """'27 of the 75 seats', '12 of its 40 stores', '3.2 mln of its shares': the part counts
        what the whole counts."""
        if j >= sentence.end or doc[j].lower_ != "of":
            return ""
        k = j + 1
        if k < sentence.end and doc[k].lower_ in ("the", "its", "their", "his", "her", "our"):
            k += 1
        number = next((n for n in range(k, min(k + 3, sentence.end)) if doc[n].like_num), None)
        if number is None:
            if k < sentence.end and doc[k - 1].lower_ in ("its", "their"):
                return self._noun_at(doc, k, sentence)  # "3.2 mln of its common shares"
            return ""
        k = number  # "five of their final 12"
        while k < sentence.end and (doc[k].like_num or doc[k].lower_ in self.lexicon.scale_factors):
            k += 1
        return self._noun_at(doc, k, sentence)

    def _noun_at(self, doc: Doc, j: int, sentence: Span) -> str:
        """The counted noun of the words from ``j``: '' if they do not start with one."""
        words: list[str] = []
        names: set[str] = set()  # words written as names: "Kronfjärdshem", not what is counted
        compound = False  # the word after a hyphen: "battery-electric buses", "state-owned banks"
        if j + 1 < sentence.end and doc[j].lower_ in self.lexicon.count_comparatives:
            j += 1  # "2,900 more nurses"
        while j < sentence.end and len(words) < _MAX_NOUN_PHRASE:
            if doc[j].like_num and _glued_capital(doc, j + 1, sentence):
                j += 2  # "9.15 crore 5G users" counts users
                continue
            token = doc[j]
            lower = token.lower_
            if not token.is_alpha or lower in STOP_WORDS or lower in self.lexicon.not_counted:
                break
            if lower in self.lexicon.months or lower in self.lexicon.unit_words:
                break
            if lower in self.lexicon.average_words:
                break  # "the 11,842 average": an average, not a count of averages
            if lower in self.lexicon.verbs_after_counted and (
                words or self._preposition_at(doc, j + 1, sentence)
            ):
                break  # "6,874 households remain on the list"; "Of those, 1,870 work at"
            participle = (
                lower.endswith(("ed", "ing")) or lower in self.lexicon.irregular_participles
            )
            if words and participle and not compound:
                break  # "a dozen stores closed": the verb is not part of what is counted
            words.append(lower)
            if token.is_title and len(words) > 1:  # not "two Ethiopians"
                names.add(lower)
            compound = _hyphen_joins(doc, j, sentence)
            j += 2 if compound else 1
        return self._head_noun(words, names)

    def _preposition_at(self, doc: Doc, j: int, sentence: Span) -> bool:
        return j < sentence.end and doc[j].lower_ in self.lexicon.verb_prepositions

    def _head_noun(self, words: list[str], names: set[str]) -> str:
        """The last word that may be a noun: not a name ('1,340 flats Kronfjärdshem is
        promising'), not a verb ('the 43 needed to govern', '29 conceded')."""
        adjective = self.lexicon.predicate_adjective_endings
        while len(words) > 1 and words[-1].endswith(adjective):
            words = words[:-1]  # "78 homes uninhabitable" counts homes
        head = next((word for word in reversed(words) if word not in names), "")
        verb = head.endswith("ed") or head in self.lexicon.irregular_participles
        return "" if verb and head == words[-1] else head  # "the 43 needed": nothing counted

    # -- ranges ---------------------------------------------------------------------------------

    def _range(
        self, doc: Doc, first: Reading, index: LexicalIndex, sentence: Span, reserved: set[int]
    ) -> Reading:
        """'5 to 10 years', 'between 3 and 4 per cent', '$5-10 million'."""
        j = first.number.end
        between = first.start > sentence.start and doc[first.start - 1].lower_ == "between"
        if j >= sentence.end - 1:
            return first
        joiner = doc[j].lower_
        if not (joiner in _RANGE_JOINERS or (between and joiner == "and")):
            return first
        if first.kind != COUNT and _after_a_change(doc, first.start, index, sentence):
            return first  # "a rise of £87.81 to £1,847.49": a change, then the level it gives
            # (not "rose by 5 to 10 percent", whose first end shares the second's unit)
        if first.start > sentence.start and doc[first.start - 1].lower_ == "from":
            ranging = first.start - 1 > sentence.start and (
                doc[first.start - 2].lower_ in self.lexicon.range_words
            )
            if not ranging:
                return first  # "from 3% to 4%" is a change, not a range; "ranging from" is one
        k = j + 1
        symbol = index.at(k, "CURRENCY", "ISO", "AMBIGUOUS")
        if symbol is not None:  # "$5 million to $10 million"
            k = symbol[0]
        if k in reserved or k >= sentence.end:
            return first
        second_number = read_number(doc, k, index, self.lexicon)
        if second_number is None:
            return first
        second = self._read(doc, second_number, index, sentence)
        if second.kind == COUNT and not second.counted and first.kind != COUNT:
            second = replace(
                second,
                kind=first.kind,
                unit=first.unit,
                symbol=first.symbol,
                unit_text=first.unit_text,
            )  # "$5-10 million"
        if first.kind not in (COUNT, second.kind) or (first.unit and first.unit != second.unit):
            return first
        if first.kind == COUNT and first.counted and second.kind != COUNT:
            return first
        low = first.number
        if low.scale == 1 and second_number.scale > 1:  # "$5-10 million": the scale is shared
            factor = second_number.scale
            low = replace(low, value=low.value * factor, step=low.step * factor, scale=factor)
        if second.number.value <= low.value:
            return first  # "3-1" is a score, "2019-20" a season
        return replace(
            second,
            start=first.start,
            number=low,
            high=second.number.value,
            step_high=second.number.step,
        )

    # -- what is not a quantity -----------------------------------------------------------------

    def _is_not_a_quantity(
        self, doc: Doc, reading: Reading, index: LexicalIndex, sentence: Span
    ) -> bool:
        number = reading.number
        end = reading.end
        if end < sentence.end and index.has(end, "CLOCK"):
            return True  # "3 p.m."
        if reading.kind not in (COUNT,) or not number.bare_integer:
            return False
        if reading.high is not None:
            return False
        if _glued_capital(doc, number.end, sentence):
            return True  # "5G users", "4G handsets", "3D": a name, not a count
        if _looks_like_year(number) and not _plural_follows(doc, end):
            return True  # "in 2019", "1987 net includes": only "2000 employees" counts
        start = number.start
        if start > sentence.start:
            previous = doc[start - 1]
            if index.has(start - 1, "NAMEMARK") or previous.text in ("#", "No", "No."):
                return True
            if _is_name_word(previous, sentence, self.lexicon):
                return True  # "Model 3", "Mi 9", "Windows 10"
        return bool(_looks_like_year(number) and reading.counted and doc[end - 1].is_title)

    # -- building the span ----------------------------------------------------------------------

    def _span(self, doc: Doc, reading: Reading, index: LexicalIndex) -> Span:
        span = Span(doc, reading.start, reading.end, label=reading.kind)
        number = reading.number
        qualifier, qualifier_text = self._qualifier(doc, reading, index)
        set_values(
            span,
            kind=reading.kind,
            value=_decimal_text(number.value),
            step=_decimal_text(number.step),
            value_high="" if reading.high is None else _decimal_text(reading.high),
            unit=reading.unit,
            unit_text=reading.unit_text,
            currency_symbol=reading.symbol,
            counted=reading.counted,
            qualifier=qualifier,
            qualifier_text=qualifier_text,
        )
        return span

    def _qualifier(self, doc: Doc, reading: Reading, index: LexicalIndex) -> tuple[str, str]:
        match = index.before(reading.start, "QUALIFIER")
        if match is not None:
            start, _, kind = match
            return kind, doc[start : reading.start].text
        after = index.at(reading.end, "QUALIFIER")
        if after is not None and after[2] in ("approx", "lower", "upper"):
            text = doc[reading.end : after[0]].text.lower()
            if text in ("or so", "or more", "plus", "or less"):
                return after[2], text
        return "", ""

    def _date_claims(self, doc: Doc) -> list[Span]:
        claims = []
        for date in doc.spans.get(DATES, []):
            span = Span(doc, date.start, date.end, label=DATE)
            set_values(span, kind=DATE, date=date._.date, weekday=date._.weekday)
            claims.append(span)
        return claims


# "9 ft 11 in", "5 feet 8.5 inches", "3 lb 4 oz": one length or weight in two units.
_COMPOUND_UNITS = {("foot", "inch"): 12, ("pound", "ounce"): 16}


def _compound(claims: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for claim in claims:
        previous = merged[-1] if merged else None
        end, unit = claim.end, value_of(claim, "unit")
        before = None if previous is None else value_of(previous, "unit")
        if _bare_inches(claim) and before == "foot":
            end, unit = claim.end + 1, "inch"  # "9 ft 11 in": "in" is a unit only here
        parts = _COMPOUND_UNITS.get((before, unit))
        if previous is None or parts is None or previous.end != claim.start:
            merged.append(claim)
            continue
        whole = Span(claim.doc, previous.start, end, label=previous.label_)
        kept = ("kind", "unit", "unit_text", "qualifier", "qualifier_text", "counted")
        total = Decimal(value_of(previous, "value")) + Decimal(value_of(claim, "value")) / parts
        set_values(
            whole,
            **{name: value_of(previous, name) for name in kept},
            value=_decimal_text(total.quantize(Decimal("1e-9")).normalize()),
            step=_decimal_text((Decimal(value_of(claim, "step")) or Decimal(1)) / parts),
        )
        merged[-1] = whole
    return merged


def _bare_inches(claim: Span) -> bool:
    doc = claim.doc
    return (
        value_of(claim, "kind") == COUNT
        and not value_of(claim, "counted")
        and claim.end < len(doc)
        and doc[claim.end].lower_ in ("in", "in.")
    )


def _reserved_tokens(doc: Doc) -> set[int]:
    """Tokens inside dates, and years or period numbers inside time expressions."""
    reserved: set[int] = set()
    for span in doc.spans.get(DATES, []):
        reserved.update(range(span.start, span.end))
    for span in doc.spans.get(SCOPES, []):
        if span.label_ != "SPAN":
            reserved.update(range(span.start, span.end))
    return reserved


def _plural_follows(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].is_alpha and doc[end].lower_.endswith("s")


def _looks_like_year(number: NumberRead) -> bool:
    return number.bare_integer and 1000 <= number.value <= 2199 and number.literal


def _is_name_word(token, sentence: Span, lexicon: Lexicon) -> bool:
    text = token.text
    if not text[:1].isupper() or not text.isalpha() or token.i == sentence.start:
        return False
    lower = token.lower_
    return lower not in lexicon.months and lower not in lexicon.weekdays and lower not in STOP_WORDS


def _decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f")
