"""The context component: what each claim measures, for whom, when, and whether it is a change.

Without a trained parser it reads the words around a claim, in this order:

* change: a change word next to it ("rose 12%", "a 56.5% jump", "an increase of 13.7%") makes it a
  change, with a direction and a basis ("year-on-year"); "to X" and "from Y" give its end points.
* metric: "a 56.5% jump in revenue", "invest ¥100 billion", "480 stores", else the nearest metric
  word before it in the sentence ("revenue ... of approximately ¥43.8 billion").
* subject: what narrows the metric: words before it ("international revenue") and the phrase after
  it ("revenue from international markets", "invest ... in artificial intelligence (AIoT)").
* entity: whose figure it is ("Xiaomi's", or the proper noun that opens the clause).
* scope: the period it covers ("the first quarter of 2019", "the next five years"); a figure with
  none in its sentence takes the last one the document stated, marked as inherited.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import LOWER, ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from checker import units
from checker.nlp.claims import CLAIMS, COUNT, DATE, MONEY, PERCENT, QUANTITY
from checker.nlp.lexical import LexicalIndex
from checker.nlp.lexicon import Lexicon, load_lexicon
from checker.nlp.sentences import TEXT, sentence_of, sentence_start
from checker.nlp.times import SCOPES, TABLE_BLOCK
from checker.nlp.values import ClaimView

_PREPOSITIONS = {"for", "from", "in", "at", "of", "on", "into", "across"}
_SUBJECT_STOPS = {"to", "compared", "representing", "which", "that", "who", "was", "were", "is",
                  "are", "has", "have", "had", "be", "been", "reached", "totaled", "totalled",
                  "said", "says", "with", "while", "but", "by", "than", "versus", "vs", "since",
                  "after", "before", "over", "under", "during", "as"}  # fmt: skip
_PRONOUNS = {"that", "it", "this"}
_SKIP_BEFORE = {"by", "of", "a", "an", "the", "be", "been", "being", "will", "to", "some", "-",
                "net", *_PRONOUNS}  # fmt: skip
_QUOTES = {'"', "“", "”", "‘", "’", "'", "«", "»"}
_CLAUSE_ENDS = {",", ";", ":", "—", "–"}
_PERIOD_LABELS = {"QUARTER", "HALF", "NINE_MONTHS", "FISCAL_YEAR", "YEAR", "MONTH", "MONTHS",
                  "FULL_YEAR", "SPAN", "AS_OF", "RELATIVE", "YEAR_TO_DATE"}  # fmt: skip
# Scopes a later sentence without one of its own inherits (a five-year plan's span is not one).
_INHERITED_LABELS = {"QUARTER", "HALF", "NINE_MONTHS", "FISCAL_YEAR", "YEAR", "MONTH", "MONTHS",
                     "FULL_YEAR"}  # fmt: skip
_MAX_SUBJECT = 12
_YEAR_IN_SCOPE = re.compile(r"(1[89]|2[01])\d\d")


@dataclass(frozen=True, slots=True)
class Anchor:
    """The words that name what a claim measures: tokens [start, end) and the canonical metric."""

    start: int
    end: int
    metric: str
    after_claim: bool = False  # the subject phrase follows the claim ("invest ¥100bn in X")


@Language.factory("numlint_context")
def make_context(nlp: Language, name: str) -> ContextReader:
    return ContextReader(load_lexicon())


class ContextReader:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._scope_at: dict[int, Span] = {}
        self._claim_by_offset: dict[int, ClaimView] = {}
        # The words of the sentences with figures, read once each: scanning a sentence word by
        # word per figure through ``doc[k]`` makes a Token object each time.
        self._text: list[str] = []
        self._lower: list[str] = []
        self._read: set[int] = set()  # starts of the sentences read into them
        self._hashes: list[list[int]] = []  # each token's ORTH and LOWER string hashes
        self._strings: StringStore | None = None
        self._asides: dict[int, list[tuple[int, int]]] = {}
        self._index: LexicalIndex | None = None

    def __call__(self, doc: Doc) -> Doc:
        self._text, self._lower = [""] * len(doc), [""] * len(doc)
        self._read, self._asides = set(), {}
        self._hashes = doc.to_array([ORTH, LOWER]).tolist() if len(doc) else []
        self._strings = doc.vocab.strings
        index = LexicalIndex(doc)
        self._index = index
        claims = [c for c in map(ClaimView, doc.spans.get(CLAIMS, [])) if c._.kind != DATE]
        claim_at = {t: c for c in claims for t in range(c.start, c.end)}
        scopes = list(doc.spans.get(SCOPES, []))
        scope_at = {t: s for s in scopes for t in range(s.start, s.end)}
        self._scope_at = scope_at
        history = _ScopeHistory(
            scopes, self.lexicon.irregular_participles | self.lexicon.event_verbs
        )
        by_offset = {c.start_char: c for c in claims}
        self._claim_by_offset = by_offset
        for claim in claims:
            sentence = sentence_of(doc, claim.start)
            self._read_words(sentence)
            history.advance_to(claim.start)
            primary = by_offset.get(claim._.equivalent_of)
            if primary is not None:
                _copy_context(primary, claim)
                continue
            self._change(doc, claim, index, sentence, claim_at)
            anchor = self._opening_whole(doc, claim, index, sentence) or self._anchor(
                doc, claim, index, sentence
            )
            if anchor is not None:
                claim._.metric = _metric_for(claim, anchor.metric, self.lexicon)
                words = self._subject_words(doc, claim, anchor, index, claim_at, scope_at)
                claim._.subject_text = _text_of(words)
                claim._.subject = self._normalise_subject(words)
                claim._.entity = self._entity(doc, anchor, claim, sentence)
            elif claim._.kind == COUNT and claim._.counted:
                claim._.metric = self._metric_of_counted(claim)
            if claim._.kind == PERCENT and not claim._.metric:
                claim._.metric = self._noun_of(doc, claim, index)  # "a porosity of 41.7%"
            unit_metric = self.lexicon.unit_metrics.get(claim._.unit)
            if unit_metric is not None and claim._.metric != unit_metric:
                # "the 5 GW plant", "a 1,140-megawatt wind farm that will cost ...": a power is a
                # capacity whatever the sentence says around it
                claim._.metric, claim._.subject, claim._.subject_text = unit_metric, "", ""
            if self._a_difference(doc, claim, sentence):
                claim._.metric = ""  # "96,000 jobs short of its pre-pandemic level"
            money_metric = claim._.metric in self.lexicon.money_metrics
            if claim._.kind == MONEY and not money_metric and self._unit_price(doc, claim):
                # "bought 3.71 mln shares at 187.50 crowns apiece" gives no count of shares; a
                # dividend of €0.92 a share stays a dividend
                claim._.metric = ""
            self._scope(doc, claim, sentence, scopes, history, index)
        for claim in claims:
            claim.write()
        return doc

    def _a_difference(self, doc: Doc, claim: ClaimView, sentence: Span) -> bool:
        """'96,000 jobs short of', '3,000 homes fewer than': a count that measures how far one
        figure is from another, not the figure."""
        if claim._.kind != COUNT or not claim._.counted:
            return False
        k = claim.end
        while k < sentence.end and doc[k].lower_ != claim._.counted and k < claim.end + 3:
            k += 1
        following = k + 1
        return (
            following + 1 < sentence.end
            and doc[k].lower_ == claim._.counted
            and doc[following].lower_ in self.lexicon.difference_after_counted
            and doc[following + 1].lower_ in ("of", "than")
        )

    def _unit_price(self, doc: Doc, claim: ClaimView) -> bool:
        """The amount is followed by 'apiece' or 'a share': the price of one."""
        words = [t.lower_ for t in doc[claim.end : claim.end + 4] if not t.is_space]
        return any(tuple(words[: len(p)]) == p for p in self.lexicon.unit_price_words)

    # -- change --------------------------------------------------------------------------------

    def _change(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span, claim_at: dict
    ) -> None:
        left = self._word_before(doc, claim, sentence, index)
        claim._.role = "level"
        if doc[claim.start].text == "+":
            claim._.role = "change"  # "| +16.2 |", "+6.4%": a signed figure is a change
            return
        if (
            left is not None
            and self._after_baseline_word(left, index)
            and not self._from_other_things(claim, left, claim_at)
            and not self._from_a_source(claim, left, sentence, index, claim_at)
        ) or self._on_a_period_s(doc, claim, sentence, index):
            claim._.role = "baseline"
            return
        if self._before_versus(doc, claim, sentence):
            claim._.role = "compared"  # "Revs 291.8 mln vs 151.1 mln": one period of a table
            return
        if self._after_outdoing(doc, claim, sentence):
            claim._.role = (
                "compared"  # "eclipsing the seven-year, $180 million, contract": another's
            )
            return
        previous = self._joined_to(left, sentence, claim_at)
        if (
            previous is not None
            and previous._.role == "baseline"
            and previous._.kind == claim._.kind
        ):
            claim._.role = "baseline"  # "against €1.19 billion and €1.98 billion"
            return
        if (
            left is not None
            and left.lower_ == "to"
            and self._change_word_before(doc, left.i, index)
        ):
            self._multiplied(doc, claim, left.i, index, sentence, claim_at)
            return  # "rose 12% to €84 million": the level reached
        direction = self._direction_near(doc, claim, index, sentence, left)
        if direction:
            claim._.role = "change"
            claim._.direction = direction
            claim._.basis = self._basis(doc, claim, index, sentence, claim_at)
            self._end_points(doc, claim, sentence, claim_at, index)
            if claim._.change_to < 0 and claim._.change_from < 0:
                self._appositive_end_points(doc, claim, sentence, claim_at, index)
            elif claim._.change_to < 0:
                self._level_before(doc, claim, sentence, claim_at, index)

    def _joined_to(self, left: Token | None, sentence: Span, claim_at: dict) -> ClaimView | None:
        """The figure before 'and' or 'or' (and an article) that this one is listed with:
        'against €1.19 billion and €1.98 billion', 'compares with a deficit of 1.95 billion dlrs
        in the year ending March 1987 and a 1.87 billion dlr deficit a year earlier'."""
        if left is None:
            return None
        k = left.i
        if self._lower[k] in ("a", "an") and k - 1 >= sentence.start:
            k -= 1
        if self._lower[k] not in ("and", "or"):
            return None
        if k - 1 in claim_at:
            return claim_at[k - 1]
        if k == left.i:
            return None  # without an article, only a figure right before 'and' is listed with it
        return next(  # the nearest figure before 'and', not a date
            (
                claim_at[i]
                for i in range(k - 1, sentence.start - 1, -1)
                if i in claim_at and claim_at[i]._.kind != "date"
            ),
            None,
        )

    def _multiplied(
        self,
        doc: Doc,
        level: ClaimView,
        to: int,
        index: LexicalIndex,
        sentence: Span,
        claim_at: dict,
    ) -> None:
        """'more than doubled to $50 million from $20 million': the factor and the baseline."""
        for k in range(to - 1, max(sentence.start, to - 4) - 1, -1):
            match = index.at(k, "MULTIPLY")
            if match is not None:
                break
        else:
            return
        level._.multiplier = str(self.lexicon.multipliers[match[2]])
        qualifier = index.before(k, "QUALIFIER")
        if qualifier is not None:
            level._.qualifier_of_change = qualifier[2]
        baselines = [
            claim_at[i + 1]
            for i in range(k, sentence.end - 1)
            if doc[i].lower_ == "from" and i + 1 in claim_at and claim_at[i + 1].start == i + 1
        ]
        if baselines and ";" not in self._text[k : baselines[0].start]:
            level._.change_from = baselines[0].start_char

    def _after_outdoing(self, doc: Doc, claim: ClaimView, sentence: Span) -> bool:
        """A figure a few words after 'eclipsing', 'beating', 'surpassing': the record beaten."""
        start = max(sentence.start, claim.start - 8)
        return any(word in _OUTDOING for word in self._lower[start : claim.start])

    def _before_versus(self, doc: Doc, claim: ClaimView, sentence: Span) -> bool:
        """'291.8 mln vs', and with a unit the claim did not take: 'Shr profit 14 cts vs'."""
        k = claim.end
        if k < sentence.end and doc[k].is_alpha and len(doc[k]) <= 5:
            k += 1
        return k < sentence.end and doc[k].lower_ in _VERSUS

    def _on_a_period_s(
        self, doc: Doc, claim: ClaimView, sentence: Span, index: LexicalIndex
    ) -> bool:
        """'up 2.7 per cent on this year's £138.9m', 'down 4% on last year's 1,240': the level a
        change is measured on."""
        if claim.start <= sentence.start or not self._lower[claim.start - 1].endswith(_QUOTES_S):
            return False  # most figures: the words before them end with no "year's"
        window = doc[max(sentence.start, claim.start - _PERIOD_S_WORDS) : claim.start].text
        return _ON_A_PERIOD_S.search(window) is not None and any(
            index.has(k, "CHANGE") for k in range(sentence.start, claim.start)
        )

    @staticmethod
    def _from_a_source(
        claim: ClaimView, left: Token, sentence: Span, index: LexicalIndex, claim_at: dict
    ) -> bool:
        """'bought rice from 21,850 households': 'from' before a count, with no change before it
        in the sentence and no earlier count of its noun, says where something came from."""
        if left.lower_ != "from" or not claim._.counted:
            return False
        before = range(sentence.start, left.i)
        return not any(index.has(k, "CHANGE") for k in before) and not any(
            claim_at[k]._.counted == claim._.counted for k in before if k in claim_at
        )

    @staticmethod
    def _from_other_things(claim: ClaimView, left: Token, claim_at: dict) -> bool:
        """'2,140 animals from 186 species': 'from' between two counts of different things
        says where they come from, not where a change started."""
        if left.lower_ != "from" or not claim._.counted:
            return False
        previous = next(
            (claim_at[k] for k in range(left.i - 1, max(0, left.i - 4), -1) if k in claim_at),
            None,
        )
        return (
            previous is not None
            and bool(previous._.counted)
            and previous._.counted != claim._.counted
        )

    def _after_baseline_word(self, left: Token, index: LexicalIndex) -> bool:
        """'from €70 million', and in results tables 'profit 442,000 vs loss 2,986,000'; 'compares
        with a deficit of A$31.7 million'."""
        if index.before(left.i + 1, "BASELINE") is not None:
            return True
        if left.lower_ == "of" and self._baseline_then_metric(left.i, index):
            return True
        return (
            index.has(left.i, "METRIC")
            and left.i > sentence_start(left.doc, left.i)
            and index.before(left.i, "BASELINE") is not None
        )

    def _baseline_then_metric(self, of: int, index: LexicalIndex) -> bool:
        """'compares with a deficit of', 'compared with sales of': a comparison, then a metric
        ('against revenue of' sets a figure beside another measure, not its past)."""
        metric = index.before(of, "METRIC")
        if metric is None:
            return False
        k = metric[0]
        if k > 0 and self._lower[k - 1] in ("a", "an", "the"):
            k -= 1
        baseline = index.before(k, "BASELINE")
        return baseline is not None and self._lower[baseline[0]].startswith("compar")

    def _word_before(
        self, doc: Doc, claim: ClaimView, sentence: Span, index: LexicalIndex
    ) -> Token | None:
        """The nearest word before the claim that is not a qualifier."""
        i = _start_with_qualifier(claim, index)
        if i > sentence.start and doc[i - 1].is_space:
            i -= 1  # "to\n538.9 mln": a line break of wrapped text
        return doc[i - 1] if i > sentence.start else None

    def _change_word_before(self, doc: Doc, i: int, index: LexicalIndex) -> bool:
        start = max(sentence_start(doc, i), i - 4)
        return any(index.has(k, "CHANGE") or index.has(k, "MULTIPLY") for k in range(start, i))

    def _direction_near(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span, left: Token | None
    ) -> str:
        # Left: "rose 12%", "up 5%", "an increase of 13.7%", "cut by 20%".
        k = claim.start - 1 if left is None else left.i
        steps = 0
        while k >= sentence.start and steps < 4:
            if doc[k].lower_ == "to" and k + 1 < claim.start and doc[k + 1].lower_ in ("a", "an"):
                return ""  # "slipping to a deficit of £35.3m": the level reached
            match = index.before(k + 1, "CHANGE")
            if match is not None and not _phrasal_up(doc, match[0]):
                if claim._.kind == MONEY and self._raised_money(doc, match[0], claim):
                    return ""  # "has raised Rp 4.3 trillion": money raised, a level
                if self._a_result(doc, match[0], claim, sentence):
                    return ""  # "a net loss of $2.7 million": a result, a level
                return match[2]
            skippable = index.before(k + 1, "BASIS") or index.before(k + 1, "METRIC")
            average = doc[k].lower_ in self.lexicon.average_words  # "by an average of 8.2%"
            if doc[k].lower_ not in _SKIP_BEFORE and skippable is None and not average:
                break  # "grew revenue 5.9%" skips the metric
            if doc[k].lower_ in _PRONOUNS and doc[k + 1].lower_ != "by":
                break  # "adding that the €824.6 million profit": a clause, not "cut it by 5%"
            k -= 1
            steps += 0 if average or doc[k + 1].lower_ in ("a", "an") else 1
        # Right: "a 56.5% jump", "a 93.5% year-on-year growth".
        k = claim.end
        steps = 0
        while k < sentence.end and steps < 3:
            match = index.at(k, "CHANGE")
            if match is not None and doc[k].lower_ not in ("up", "down", "higher", "lower"):
                # "£2.2m raised through higher fees", "$5m cut": money raised or cut, a level
                word = doc[k].lower_
                money_raised = (
                    word == "cut"
                    or word in self.lexicon.raising_verbs
                    or word in self.lexicon.project_words
                    or word in self.lexicon.result_nouns  # "a $2.4 million loss"
                )
                return match[2] if claim._.kind != MONEY or not money_raised else ""
            basis = index.at(k, "BASIS")
            if basis is not None:
                k = basis[0]
            elif doc[k].text == "-" or doc[k].lower_ in self.lexicon.change_modifiers:
                k += 1  # "the 7.6 pct year-to-date rise", "a 17.3 pct annual rise"
            else:
                break
            steps += 1
        if claim.end < sentence.end and doc[claim.end].lower_ in ("higher", "lower"):
            return "up" if doc[claim.end].lower_ == "higher" else "down"
        if self._compared_than(doc, claim, sentence):
            return self.lexicon.change_comparatives[doc[claim.end].lower_]  # "9% more than"
        return self._planned_change_after(doc, claim, index, sentence)

    def _compared_than(self, doc: Doc, claim: ClaimView, sentence: Span) -> bool:
        """'9% more than the 389,000 given in 2012': a percentage, a comparative and 'than'."""
        return (
            claim._.kind == PERCENT
            and claim.end + 1 < sentence.end
            and doc[claim.end].lower_ in self.lexicon.change_comparatives
            and doc[claim.end + 1].lower_ == "than"
        )

    def _a_result(self, doc: Doc, word: int, claim: ClaimView, sentence: Span) -> bool:
        """'a net loss of $2.7 million', 'lost £22.6m before tax': money a result names, a level;
        not 'lost $1.20 to $30.50', a change to the level after it."""
        if claim._.kind != MONEY or doc[word].lower_ not in self.lexicon.result_nouns:
            return False
        after = doc[claim.end : min(claim.end + 2, sentence.end)]
        return not any(t.lower_ == "to" for t in after)

    def _raised_money(self, doc: Doc, verb: int, claim: ClaimView) -> bool:
        between = doc[verb + 1 : claim.start]
        return doc[verb].lower_ in self.lexicon.raising_verbs and all(
            t.lower_ in ("a", "an", "another", "some", "about", "nearly", "almost") for t in between
        )

    def _planned_change_after(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span
    ) -> str:
        """'the 3,200 positions the bank intends to eliminate', 'the 500 jobs it plans to cut':
        a count of what a plan changes, the verb after it in a clause of its own."""
        if claim._.kind != COUNT or not claim._.counted:
            return ""
        end = min(claim.end + 9, sentence.end)
        for k in range(claim.end + 1, end - 1):
            if doc[k].is_punct or doc[k].lower_ in _MAIN_VERBS:
                return ""
            if doc[k].lower_ == "to" and doc[k - 1].lower_ in self.lexicon.forecast_words:
                match = index.at(k + 1, "CHANGE")
                return match[2] if match is not None else ""
        return ""

    def _basis(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span, claim_at: dict
    ) -> str:
        best: tuple[int, int, str] | None = None
        for i in range(sentence.start, sentence.end):
            match = index.at(i, "BASIS")
            if match is None:
                continue
            end, _, basis = match
            if end <= claim.start:
                distance, side = claim.start - end, 0
                between = range(end, claim.start)
            elif i >= claim.end:
                distance, side = i - claim.end, 1
                between = range(claim.end, i)
            else:
                continue
            if any(k in claim_at and claim_at[k]._.role == "change" for k in between):
                continue
            if best is None or (distance, side) < best[:2]:
                best = (distance, side, basis)
        return best[2] if best else ""

    def _end_points(
        self, doc: Doc, claim: ClaimView, sentence: Span, claim_at: dict, index: LexicalIndex
    ) -> None:
        """'rose 12% to €84 million from €70 million', 'to 126.4 from December's 117.9'; never
        past another change ('raise wages by five pct and cut the week to 35 hours')."""
        for k in range(claim.end, sentence.end - 1):
            word = doc[k].lower_
            if word in (";",) or (k in claim_at and claim_at[k]._.role == "change"):
                break
            if k > claim.end and index.has(k, "CHANGE") and word not in ("up", "down"):
                break
            if word == "than" and k == claim.end + 1 and self._compared_than(doc, claim, sentence):
                word = "from"  # "9% more than the 389,000": the baseline
            if word == "on" and k == claim.end and claim._.kind == PERCENT:
                word = "from"  # "an increase of 4.8% on the 1,762,900 counted in 2011"
            if word not in ("to", "from") or (word == "to" and doc[k - 1].lower_ == "compared"):
                continue  # "compared to 59,000 tons in the year-ago week": not where it went
            target = self._claim_after(doc, k, sentence, claim_at, word == "from")
            if target is None:
                continue
            if word == "to" and claim._.change_to < 0:
                claim._.change_to = target.start_char
            elif word == "from" and claim._.change_from < 0:
                claim._.change_from = target.start_char

    def _claim_after(
        self, doc: Doc, k: int, sentence: Span, claim_at: dict, possessive: bool
    ) -> ClaimView | None:
        """The claim right after token ``k``, past a line break, and with ``possessive`` past
        a possessive ("from December's 117.9", "from last year's 5.2 mln")."""
        j = self._past_spaces(doc, k + 1, sentence)
        if possessive:  # "from the 125,313 dlrs", "from a revised 147.7 mln dlrs"
            k = j
            while k < min(j + 3, sentence.end) and doc[k].lower_ in _BEFORE_BASELINE:
                k += 1
            if k > j and k in claim_at:
                j = k
            owner = next(
                (i for i in range(j, min(j + 3, sentence.end)) if doc[i].text == "'s"), None
            )
            if owner is not None:
                j = self._past_spaces(doc, owner + 1, sentence)
        target = claim_at.get(j)
        return target if target is not None and target.start == j else None

    def _past_spaces(self, doc: Doc, j: int, sentence: Span) -> int:
        while j < sentence.end and doc[j].is_space:
            j += 1
        return j

    def _level_before(
        self, doc: Doc, claim: ClaimView, sentence: Span, claim_at: dict, index: LexicalIndex
    ) -> None:
        """'generated 4.6 TWh in 2024, up 18% from 3.6 TWh': the level just before the comma."""
        k = claim.start - 1
        while k >= sentence.start and (
            index.has(k, "CHANGE") or doc[k].lower_ in ("by", "a", "an", "of")
        ):
            k -= 1
        joined = k == claim.start - 1 and not self._compared_than(doc, claim, sentence)
        if k < sentence.start or doc[k].text != "," or joined:
            return  # ", 9% more than": the comparative makes the figure a change
        baseline = self._claim_by_offset.get(claim._.change_from)
        if baseline is None:
            return
        words = self._words(doc, max(sentence.start, k - 6), k)
        level = next((claim_at[w.i] for w in reversed(words) if w.i in claim_at), None)
        start = claim_at.get(next((w.i for w in words if w.i in claim_at), -1))
        close = level is not None and start is not None and level.start == start.start
        if close and any(not (t.i in claim_at or t.is_punct) for t in words if t.i > level.end - 1):
            close = False  # words other than a period between the level and the comma
        if not close:
            # "A total of 12,480 people were admitted ... between October and April, up 18% from
            # 9,870": the one figure of the baseline's kind in the clause before the comma, when
            # it lies on the side of the baseline the change says
            level = self._only_like(doc[sentence.start : k], baseline, claim_at)
            rose = level is not None and float(level._.value) > float(baseline._.value)
            if level is not None and rose != (claim._.direction == "up"):
                return
        if level is None or (level._.kind, level._.unit) != (baseline._.kind, baseline._.unit):
            return
        ratio = float(level._.value or 0) / float(baseline._.value or 1)
        if not 0.05 < ratio < 20:
            return  # "in the week ended April four, up 11.1 pct from 42.91 billion": a day
        claim._.change_to = level.start_char

    def _only_like(self, clause: Span, baseline: ClaimView, claim_at: dict) -> ClaimView | None:
        figures = {claim_at[t.i].start: claim_at[t.i] for t in clause if t.i in claim_at}
        alike = [
            f
            for f in figures.values()
            if (f._.kind, f._.unit) == (baseline._.kind, baseline._.unit) and f._.role == "level"
        ]
        if len(figures) > 3 or len(alike) != 1 or ";" in clause.text:
            return None
        return alike[0]

    def _appositive_end_points(
        self, doc: Doc, claim: ClaimView, sentence: Span, claim_at: dict, index: LexicalIndex
    ) -> None:
        """'rose to 6.1% from 4.1%, an increase of 2%', also with periods after the levels ('to
        61.4% in December from 68.9% a year earlier, a decline of 7.5%')."""
        before: list[ClaimView] = []
        k = claim.start - 1
        while k >= sentence.start and len(before) < 2:
            if k in claim_at:
                before.insert(0, claim_at[k])
                k = claim_at[k].start
            k -= 1
        if len(before) < 2:
            return
        first, last = before
        gap = self._past_period(self._words(doc, last.end, claim.start))
        if first.start <= sentence.start or not _appositive(gap, index):
            return
        between = self._words(doc, first.end, last.start)
        ends = {doc[first.start - 1].lower_: first, doc[last.start - 1].lower_: last}
        if set(ends) == {"to", "from"} and len(between) <= 5:
            claim._.change_to = ends["to"].start_char
            claim._.change_from = ends["from"].start_char
        elif _down_or_up_from(self._words(doc, last.start - 3, last.start)):
            # "38.2% of patients were waiting 18 weeks, down from 42.6%, a fall of 4.4%"
            level = self._level_of_kind(sentence, last, claim_at)
            if level is not None:
                claim._.change_to = level.start_char
                claim._.change_from = last.start_char

    def _past_period(self, words: list[Token]) -> list[Token]:
        """The words after a period phrase that opens them ('the year before, a drop of')."""
        k = 0
        while k < len(words) and (
            words[k].i in self._scope_at or words[k].lower_ in self.lexicon.period_enders
        ):
            k += 1
        return words[k:]

    def _level_of_kind(self, sentence: Span, baseline: Span, claim_at: dict) -> Span | None:
        """The nearest level before ``baseline`` in its sentence measured like it."""
        k = baseline.start - 1
        while k >= sentence.start:
            claim = claim_at.get(k)
            if claim is None:
                k -= 1
                continue
            if claim._.kind == baseline._.kind and claim._.unit == baseline._.unit:
                return claim if claim._.role == "level" else None
            k = claim.start - 1
        return None

    def _words(self, doc: Doc, start: int, end: int) -> list[Token]:
        """The tokens of doc[start:end] that are not part of a period ('in December')."""
        return [t for t in doc[start:end] if t.i not in self._scope_at and not _basis_word(t)]

    # -- metric --------------------------------------------------------------------------------

    def _anchor(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span
    ) -> Anchor | None:
        if claim._.kind == "duration":  # "a five-year contract"; "over five years" measures nothing
            before = self._metric_before(claim, index, sentence)
            if before is not None and before.metric not in self.lexicon.time_metrics:
                before = None  # "the average wait was 14.6 weeks"; not "revenue ... in 5 years"
            return self._noun_after(doc, claim, index, sentence) or before
        return (
            self._metric_after(doc, claim, index, sentence)
            or self._noun_after(doc, claim, index, sentence)
            or self._metric_verb_before(doc, claim, index, sentence)
            or self._counted_anchor(doc, claim, index, sentence)
            or self._metric_before(claim, index, sentence)
        )

    def _noun_of(self, doc: Doc, claim: ClaimView, index: LexicalIndex) -> str:
        """'a porosity of 41.7%', 'an error rate of 2.3%': the noun a bare percentage is 'of'."""
        k = claim.start - 1
        if k < 2 or doc[k].lower_ != "of" or doc[k - 2].lower_ not in ("a", "an", "the"):
            return ""
        noun = doc[k - 1]
        if not noun.is_alpha or not noun.is_lower or noun.is_stop:
            return ""
        if index.has(noun.i, "CHANGE") or noun.lower_ in self.lexicon.average_words:
            return ""  # "a rise of 5%", "an average of 3%"
        return noun.lower_

    def _opening_whole(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span
    ) -> Anchor | None:
        """'Of those patients, 946 needed treatment': a bare count right after an opening 'Of
        those NOUNS,' counts the nouns."""
        if claim._.kind != COUNT or claim.start < 4 or doc[claim.start - 1].text != ",":
            return None
        opening = doc[sentence.start : claim.start - 1]
        if not 2 <= len(opening) <= 5:
            return None  # ",7" on a line of a table opens its sentence with the comma
        if opening[0].lower_ != "of" or opening[1].lower_ not in _OF_WHOLE:
            return None
        noun = opening[-1]
        match = index.at(noun.i, "METRIC")
        metric = match[2] if match is not None and match[0] == noun.i + 1 else noun.lower_
        return Anchor(noun.i, noun.i + 1, metric) if noun.is_alpha else None

    def _metric_after(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span
    ) -> Anchor | None:
        """'a 56.5% jump in revenue', '$5 billion of debt', '40% of sales'."""
        k = claim.end
        for _ in range(3):
            if k >= sentence.end:
                return None
            if doc[k].lower_ in _FORECAST_NOUNS and k + 1 < sentence.end:
                k += 1  # "the bank's 2.3% forecast for average inflation"
                if doc[k].lower_ == "for":
                    continue
            if doc[k].lower_ in ("in", "of", "for") and (
                doc[k].lower_ != "for" or doc[k - 1].lower_ in _FORECAST_NOUNS
            ):
                for j in range(k + 1, min(k + 6, sentence.end)):
                    match = index.at(j, "METRIC")
                    if match is not None:
                        return Anchor(j, match[0], match[2])
                    if j in self._scope_at:
                        continue  # "in second-quarter sales"
                    lower = doc[j].lower_
                    if not doc[j].is_alpha or lower in _CONJUNCTIONS:
                        break  # "revenue of €1.84 billion in 2025 and operating profit of ..."
                    if lower in self.lexicon.clause_openers:
                        break  # "a profit of Rs 4.21 billion in a quarter when prices ..."
                return None
            skip = index.at(k, "CHANGE") or index.at(k, "BASIS")
            if skip is None and doc[k].text != "-":
                return None
            k = skip[0] if skip else k + 1
        return None

    def _noun_after(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span
    ) -> Anchor | None:
        """'the ¥4.2 trillion, five-year investment', 'a five-year contract', 'the £35.8m plan'."""
        k = claim.end
        if k < sentence.end and doc[k].text == ",":
            k += 1
        width = 3
        if k < sentence.end and doc[k].text == "(":  # "a R4.26 billion ($317 million) project"
            close = next(
                (j for j in range(k + 1, min(k + 8, sentence.end)) if doc[j].text == ")"), None
            )
            k, width = (close + 1, 1) if close is not None else (k, width)
        if k + 1 < sentence.end and doc[k].like_num and doc[k + 1].text == "-":
            duration = index.at(k + 2, "DURATION")  # "five-year" between amount and noun
            k = duration[0] if duration is not None else k
        for j in range(k, min(k + width, sentence.end)):
            match = index.at(j, "METRIC")
            if match is not None:
                head = index.at(match[0], "METRIC") if match[0] < sentence.end else None
                if head is not None:  # "an $11.8 million budget shortfall" is a shortfall
                    return Anchor(j, head[0], head[2])
                return Anchor(j, match[0], match[2])
            if claim._.kind == MONEY and doc[j].lower_ in self.lexicon.project_nouns:
                return Anchor(j, j + 1, "spending")
            if not doc[j].is_alpha or doc[j].lower_ in STOP_WORDS:
                return None
        return None

    def _metric_verb_before(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span
    ) -> Anchor | None:
        """'invest ¥100 billion', 'will be investing ¥10 billion', 'spent about $5 million'."""
        i = _start_with_qualifier(claim, index)
        if i <= sentence.start:
            return None
        match = index.before(i, "METRICVERB")
        if match is None and doc[i - 1].lower_ == "at" and i - 1 > sentence.start:
            match = index.before(i - 1, "METRICVERB")  # "budgeted at ₹4,200 crore"
            if match is not None and match[2] != "spending":
                match = None
        if match is None:
            return None
        if claim._.kind != MONEY and match[2] in self.lexicon.money_metrics:
            return None  # "we sold 41,230 EVs" is no deal, "earned 12 caps" no profit
        return Anchor(match[0], i, match[2], after_claim=True)

    def _counted_anchor(
        self, doc: Doc, claim: ClaimView, index: LexicalIndex, sentence: Span
    ) -> Anchor | None:
        """'480 authorized Mi Home stores': the counted noun, with the words before it."""
        if claim._.kind != COUNT or not claim._.counted:
            return None
        k = claim.end
        while k < sentence.end and doc[k].lower_ != claim._.counted:
            k += 1
        metric = index.at(k, "METRIC")
        if metric is not None and metric[0] == k + 1:
            return Anchor(claim.end, k + 1, metric[2])
        return Anchor(claim.end, k + 1, self._metric_of_counted(claim))

    def _metric_of_counted(self, claim: ClaimView) -> str:
        """The metric a count's noun names ('customers': users), or the noun itself; also for a
        noun elided, not written ('and 12.48 crore of them')."""
        counted = claim._.counted
        return self.lexicon.metric_of_word.get(counted, counted)

    def _metric_before(
        self, claim: ClaimView, index: LexicalIndex, sentence: Span
    ) -> Anchor | None:
        """The nearest metric word before the claim, outside relative clauses (', which ... ,');
        a bare number ('rose to 14') needs it close."""
        bare = claim._.kind == COUNT and not claim._.counted
        first = max(sentence.start, claim.start - 3) if bare else sentence.start
        aside = self._relative_clauses(sentence, claim)
        for end in range(claim.start, first, -1):
            match = index.before(end, "METRIC")
            if match is not None and match[0] not in aside:
                return Anchor(match[0], end, match[2])
        if bare:
            return self._subject_of_change(claim, index, sentence)
        return None

    def _subject_of_change(
        self, claim: ClaimView, index: LexicalIndex, sentence: Span
    ) -> Anchor | None:
        """'Headcount in India climbed to 3,046 from 2,487': the metric that opens the clause
        of the change a bare number ends or starts, with no other figure before the verb."""
        i = claim.start - 1
        if i <= sentence.start or self._lower[i] not in ("to", "from"):
            return None
        verb = next(
            (k for k in range(i - 1, max(sentence.start, i - 5) - 1, -1) if index.has(k, "CHANGE")),
            None,
        )
        if verb is None:
            return None
        for end in range(verb, sentence.start, -1):
            if self._text[end - 1][:1].isdigit() or self._lower[end - 1] in _CLAUSE_ENDS:
                return None
            match = index.before(end, "METRIC")
            if match is not None:
                return Anchor(match[0], end, match[2])
        return None

    # -- subject -------------------------------------------------------------------------------

    def _subject_words(
        self,
        doc: Doc,
        claim: ClaimView,
        anchor: Anchor,
        index: LexicalIndex,
        claim_at: dict,
        scope_at: dict,
    ) -> list[Token]:
        sentence = sentence_of(doc, claim.start)
        words: list[Token] = []
        if anchor.start >= claim.end and claim._.kind == COUNT:
            words.extend(doc[claim.end : anchor.start])  # 480 "authorized Mi Home" stores
            follow = anchor.end
        elif anchor.after_claim:
            follow = self._after_restatement(doc, claim, claim_at)
            if anchor.start - 1 > sentence.start and doc[anchor.start - 1].text == ",":
                # "The five-year flood-protection plan, budgeted at ₹4,200 crore"
                words.extend(self._premodifiers(doc, anchor.start - 1, sentence, index, claim_at))
        else:
            words.extend(self._premodifiers(doc, anchor.start, sentence, index, claim_at))
            follow = anchor.end
        words.extend(self._phrase_after(doc, follow, sentence, index, claim_at, scope_at))
        # The segment named nearest before the figure: "Its revenue climbed to ¥7.4 billion, while
        # the logistics unit grew to ¥2.3 billion" gives the second figure to the logistics unit.
        words.extend(self._segment_words(doc, claim.start, sentence, index, claim_at))
        return words

    def _segment_words(
        self, doc: Doc, end: int, sentence: Span, index: LexicalIndex, claim_at: dict
    ) -> list[Token]:
        """'the memory division ... ₩620 billion': the nearest named segment before the figure."""
        text, lower = self._text, self._lower
        for k in range(end - 1, sentence.start - 1, -1):
            if text[k] == ";":
                return []
            if lower[k] in self.lexicon.segment_nouns:
                return self._premodifiers(doc, k, sentence, index, claim_at, segment=True)
            if lower[k] in ("its", "their") and sentence.start > 0:
                # "The cloud division remained the main engine. Its revenue climbed ..."
                previous = sentence_of(doc, sentence.start - 1)
                self._read_words(previous)
                return self._segment_words(doc, previous.end, previous, index, claim_at)
        return []

    def _after_restatement(self, doc: Doc, claim: ClaimView, claim_at: dict) -> int:
        """Skip '(approximately $1.457 billion)' after an amount."""
        k = claim.end
        if k < len(doc) and doc[k].text == "(":
            close = next((j for j in range(k, min(k + 10, len(doc))) if doc[j].text == ")"), None)
            if close is not None and any(j in claim_at for j in range(k, close)):
                return close + 1
        return k

    def _premodifiers(
        self,
        doc: Doc,
        start: int,
        sentence: Span,
        index: LexicalIndex,
        claim_at: dict,
        segment: bool = False,
    ) -> list[Token]:
        """The words before ``start`` that narrow it: 'residential construction' spending; for a
        segment, nouns in -ing count too ('the cloud computing division')."""
        ing_nouns = self.lexicon.ing_nouns if segment else frozenset()
        found: list[Token] = []
        k = start - 1
        while k >= sentence.start and len(found) < 3:
            token = doc[k]
            lower = token.lower_
            adjective = claim_at.get(k)
            if adjective is not None and adjective._.kind == "duration" and "-" in adjective.text:
                k = adjective.start - 1  # "the average seven-day compound yield"
                continue
            if token.text == "-" and found and k > sentence.start and doc[k - 1].is_alpha:
                k -= 1  # "flood-protection plan": one compound word
                continue
            if (
                not token.is_alpha
                or lower in STOP_WORDS
                or k in claim_at
                or (lower.endswith(("ed", "ing")) and lower not in ing_nouns)
                or index.has(k, "CHANGE")
                or index.has(k, "METRICVERB")
                or lower in self.lexicon.speech_verbs
            ):
                break
            found.insert(0, token)
            k -= 1
        return found

    def _phrase_after(
        self,
        doc: Doc,
        k: int,
        sentence: Span,
        index: LexicalIndex,
        claim_at: dict,
        scope_at: dict,
    ) -> list[Token]:
        """'for the IoT and lifestyle products segment', 'in artificial intelligence (AIoT)'.

        A period right after the figure is passed over: 'spend $4.2 billion over the next five
        years on new plants'."""
        k = _past_period(doc, k, sentence, scope_at)
        if k >= sentence.end or doc[k].lower_ not in _PREPOSITIONS or k in scope_at:
            return []
        words: list[Token] = []
        for j in range(k, min(k + _MAX_SUBJECT, sentence.end)):
            token = doc[j]
            lower = token.lower_
            if j in claim_at or j in scope_at or token.text in _CLAUSE_ENDS or token.text == ".":
                break
            if lower in _SUBJECT_STOPS or index.has(j, "CHANGE") or index.has(j, "BASIS"):
                break
            if lower in self.lexicon.clause_openers:
                break  # "in a year when household budgets were stretched"
            if token.is_alpha and lower.endswith(("ed", "ing")) and j > k + 1:
                break
            words.append(token)
        while words and words[-1].lower_ in _PREPOSITIONS | {"the", "a", "an", "and"}:
            words.pop()
        return words

    def _normalise_subject(self, words: list[Token]) -> str:
        acronyms = [t.text for t in words if _is_defined_acronym(t)]
        if acronyms:
            return " ".join(sorted({a.lower() for a in acronyms}))
        kept = set()
        for token in words:
            lower = token.lower_.strip("'’")
            if lower in self.lexicon.whole_words:
                kept.add("total")  # "Group revenue" is the whole, not an unnamed part
                continue
            if lower in self.lexicon.average_words:
                kept.add("average")  # "the average yield" is not one fund's yield
                continue
            if (
                not token.is_alpha
                or (lower in STOP_WORDS and lower not in self.lexicon.ordinals)
                or lower in self.lexicon.generic_subject_words
                or lower in self.lexicon.change_word_set  # "lifts annual profit": no segment
                or self._in_period(token)  # "the first-half margin" is the margin
            ):
                continue
            kept.add(singular(lower))
        return " ".join(sorted(kept))

    def _speaks_after_aside(self, tokens: list[Token], k: int) -> bool:
        """'Councillor Priya Raman, one of the four who voted against, said ...'."""
        if k >= len(tokens) or tokens[k].text != ",":
            return False
        close = next(
            (j for j in range(k + 1, min(k + 14, len(tokens))) if tokens[j].text == ","), None
        )
        return (
            close is not None
            and close + 1 < len(tokens)
            and tokens[close + 1].lower_ in self.lexicon.speech_verbs
        )

    def _speaker_title(self, tokens: list[Token]) -> bool:
        """'Chief financial officer Jeroen Baas said', 'Health board chair Trevor Linacre told':
        a title in lower case after the capital that opens the sentence, a name, and a speech
        verb; the capital is the title's, not an owner's."""
        k = 1
        while k < len(tokens) and tokens[k].is_lower and tokens[k].is_alpha:
            k += 1
        if k == 1 or k >= len(tokens) or not _is_proper(tokens[k], self.lexicon):
            return False
        while k < len(tokens) and _is_proper(tokens[k], self.lexicon):
            k += 1
        # "Council leader Cllr Rosalind Achebe, who visited the estate, said": an aside first
        return k < len(tokens) and (
            tokens[k].lower_ in self.lexicon.speech_verbs or tokens[k].text == ","
        )

    def _in_period(self, token: Token) -> bool:
        scope = self._scope_at.get(token.i)
        return scope is not None and scope.label_ in _INHERITED_LABELS

    # -- entity --------------------------------------------------------------------------------

    def _entity(self, doc: Doc, anchor: Anchor, claim: ClaimView, sentence: Span) -> str:
        """Whose figure: 'Apple's revenue', or 'Samsung reported revenue'; else unknown ('')."""
        limit = min(anchor.start, claim.start)
        lexicon = self.lexicon
        for k in range(limit - 1, sentence.start - 1, -1):
            following = self._lower[k + 1]
            if following not in ("'s", "’s") and following not in lexicon.owner_verbs:
                continue
            token = doc[k]
            if not _is_proper(token, lexicon) or (
                token.lower_ in lexicon.metric_words and not self._name_ends(doc, k, sentence)
            ):
                continue
            possessed = self._proper_run(doc, k + 2, limit)
            if following in ("'s", "’s") and possessed:
                return possessed  # "Indonesia's Kirana Pay raises Rp 4.3 trillion"
            start = self._name_start(doc, k, sentence)
            named = self._apposed_to(doc, start, sentence)
            if following in ("'s", "’s") and named:
                return named  # "Bank Nusantara Mikro, Indonesia's largest lender, said it ..."
            return " ".join(t.text for t in doc[start : k + 1] if not t.is_space)
        return self._opening_name(doc, sentence, limit)

    def _name_start(self, doc: Doc, start: int, sentence: Span) -> int:
        """Where the proper name that runs up to ``start`` begins ('Brenner Beteiligungen\nGmbH
        has built': a name wrapped over two lines is one name)."""
        lexicon = self.lexicon
        while start - 1 >= sentence.start and (
            _is_proper(doc[start - 1], lexicon)
            or (
                doc[start - 1].is_space
                and start - 2 >= sentence.start
                and _is_proper(doc[start - 2], lexicon)
            )
        ):
            start -= 1
        return start

    def _apposed_to(self, doc: Doc, start: int, sentence: Span) -> str:
        """The name before ', ' that an appositive starting at ``start`` describes, or ''."""
        end = start - 1
        if end - 1 < sentence.start or doc[end].text != ",":
            return ""
        first = self._name_start(doc, end, sentence)
        return " ".join(t.text for t in doc[first:end] if not t.is_space)

    def _proper_run(self, doc: Doc, start: int, limit: int) -> str:
        """The proper name of two to four words from ``start`` (before ``limit``), or '': a
        metric word may end it ("Kirana Pay"), not sit inside it ("Q1 Revenue Jumps")."""
        end = start
        while end < limit and _is_proper(doc[end], self.lexicon):
            end += 1
        words = doc[start:end]
        if not 2 <= len(words) <= 4 or any(
            t.lower_ in self.lexicon.metric_words for t in words[:-1]
        ):
            return ""
        return " ".join(t.text for t in words)

    def _name_ends(self, doc: Doc, k: int, sentence: Span) -> bool:
        """A metric word that ends a name: 'Kirana Pay reported', not 'Revenue rose'."""
        before = doc[k - 1] if k > sentence.start else None
        return (
            before is not None
            and _is_proper(before, self.lexicon)
            and before.lower_ not in self.lexicon.metric_words
        )

    def _opening_name(self, doc: Doc, sentence: Span, limit: int) -> str:
        """'Intermec Corp., offering of 1,050,000 shares': a name that opens the sentence owns it,
        unless it is someone speaking ('Analysts said')."""
        tokens = [t for t in doc[sentence.start : limit] if t.text not in _QUOTES]
        tokens = _past_opening_time(tokens)  # "On February 7, 2012, Kershaw and the Dodgers"
        names: list[Token] = []
        for token in tokens:
            glued = bool(names) and not names[-1].whitespace_ and not token.whitespace_
            compound = token.text == "-" and glued
            if not (_is_proper(token, self.lexicon) or token.text == "&" or compound):
                break
            names.append(token)  # "Dreyfus World-Wide Dollar", "Procter & Gamble"
        if not names or len(names) == len(tokens):
            return ""
        if len(names) > 1 and names[0].lower_.endswith(("ing", "ly")):
            names = names[1:]  # "Neighbouring Brinsford District Council"
        after = tokens.index(names[-1]) + 1
        first, following = names[0].lower_, tokens[after].lower_
        lexicon = self.lexicon
        speaker = (
            first in lexicon.speaker_nouns
            or following in lexicon.speaker_nouns
            or self._speaks_after_aside(tokens, after)
        )
        if speaker or (len(names) == 1 and self._speaker_title(tokens)):
            return ""  # "Analysts welcomed", "Health officials", "Chief financial officer X said"
        if len(names) == 1 and first.endswith("s") and following in lexicon.plural_verbs:
            return ""  # "Insurers have received claims on 61 of the 87 homes"
        if len(names) == 1 and self._index is not None and self._index.at(names[0].i, "METRIC"):
            return ""  # "- Net revenue budget: £621.4m": a metric that opens the line, no name
        if (
            first.endswith(("ing", "ly"))
            or first in lexicon.metric_words
            or following in lexicon.speech_verbs
            or following in ("-", "—", "(")
        ):
            return ""  # "Looking ahead", "Revenue rose", "Analysts said", a "TOKYO —" dateline
        return _text_of(names)

    # -- scope ---------------------------------------------------------------------------------

    def _scope(
        self,
        doc: Doc,
        claim: ClaimView,
        sentence: Span,
        scopes: list[Span],
        history: _ScopeHistory,
        index: LexicalIndex,
    ) -> None:
        first = bisect.bisect_left(scopes, sentence.start, key=lambda s: s.start)
        last = bisect.bisect_left(scopes, sentence.end, key=lambda s: s.start)
        in_sentence = [
            s
            for s in scopes[first:last]
            if s.start >= sentence.start
            and s.end <= sentence.end
            and not _in_basis(s, index)
            and not (s.start < claim.end and claim.start < s.end)  # a duration is not its scope
        ]
        chosen = self._scope_after(doc, claim, in_sentence) or self._scope_before(
            claim, in_sentence
        )
        if chosen is not None:
            claim._.scope = _narrowed(history.resolve(chosen), chosen, in_sentence)
            claim._.scope_text = chosen.text
            history.took(chosen, claim._.role)
        elif history.last is not None:  # a period, not whether an earlier figure was a forecast
            claim._.scope = history.resolve(history.last).removesuffix("(forecast)").strip()
            claim._.scope_text = history.last.text
            claim._.scope_inherited = True
        spans_time = claim._.scope.endswith(("years", "months", "weeks", "days", "quarters"))
        if not spans_time and self._is_forecast(doc, claim, sentence):
            claim._.scope = f"{claim._.scope} (forecast)".strip()

    def _scope_after(self, doc: Doc, claim: ClaimView, scopes: list[Span]) -> Span | None:
        for span in scopes:
            if span.start < claim.end:
                continue
            between = [t.text for t in doc[claim.end : span.start]]
            if between != [","] and any(t in (",", ";") for t in between):
                return None  # "the ¥4.2 trillion, five-year investment" keeps its span
            if any(t.lower() in self.lexicon.clause_openers for t in between):
                return None  # "the 53.6% margin was the low point and that it would recover
                # this year": the period belongs to the later clause
            if self._coordinated_clause(between):
                return None  # "a backlog of 2.43 billion dlrs and our yards are booked into
                # the second half of 2008"
            if span.end < len(doc) and doc[span.end].text == ":":
                return None  # "£621.4m (2023/24: £578.9m)": the period labels the next figure
            if _baseline_between(between) and self._scope_before(claim, scopes) is not None:
                return None  # "rose 5% in 2023 to $4.2 million from $4.0 million in 2022";
                # without a period before, one after is the sentence's ("rose to $1.2 billion
                # from $1.0 billion in the third quarter")
            return span
        return None

    def _coordinated_clause(self, words: list[str]) -> bool:
        """'and' or 'but', then a verb of a clause of its own ('and our yards are')."""
        lower = [w.lower() for w in words]
        opener = next((i for i, w in enumerate(lower) if w in self.lexicon.coordinators), None)
        return opener is not None and any(
            w in self.lexicon.clause_verbs for w in lower[opener + 1 :]
        )

    def _scope_before(self, claim: ClaimView, scopes: list[Span]) -> Span | None:
        before = [
            s
            for s in scopes
            if s.end <= claim.start and s.label_ in _PERIOD_LABELS | {"UNRESOLVED"}
        ]
        return before[-1] if before else None

    def _read_words(self, sentence: Span) -> None:
        if sentence.start not in self._read:
            self._read.add(sentence.start)
            strings = self._strings
            for i in range(sentence.start, sentence.end):
                orth, lower = self._hashes[i]
                self._text[i], self._lower[i] = strings[orth], strings[lower]

    def _relative_clauses(self, sentence: Span, claim: ClaimView) -> set[int]:
        """Tokens inside ', which ... ,' asides that do not contain the claim."""
        if sentence.start not in self._asides:
            self._asides[sentence.start] = self._asides_in(sentence)
        inside: set[int] = set()
        for start, end in self._asides[sentence.start]:
            if not start <= claim.start < end:
                inside.update(range(start, end))
        return inside

    def _asides_in(self, sentence: Span) -> list[tuple[int, int]]:
        text, lower = self._text, self._lower
        found = []
        for i in range(sentence.start, sentence.end - 1):
            if text[i] != "," or lower[i + 1] not in _RELATIVE_WORDS:
                continue
            end = next(
                (k for k in range(i + 1, sentence.end) if text[k] in (",", ";")), sentence.end
            )
            found.append((i, end))
        return found

    def _is_forecast(self, doc: Doc, claim: ClaimView, sentence: Span) -> bool:
        """A forecast word in the figure's clause: 'expects revenue of $5 million'; not in the
        clause before it ('lifted its guidance after profit rose to €168.3 million') and not
        for a whole ('could affect 140 of its 5,408 employees')."""
        lower = self._lower
        whole = claim.start - sentence.start >= 2 and lower[claim.start - 2] == "of"
        if whole and lower[claim.start - 1] in _OF_WHOLE:
            return False
        start = claim.start
        while (
            start > sentence.start
            and self._text[start - 1] not in (";", ":", ",")
            and lower[start - 1] not in self.lexicon.forecast_clause_ends
        ):
            start -= 1
        forecast_words = self.lexicon.forecast_words
        return any(word in forecast_words for word in lower[start : claim.start])


class _ScopeHistory:
    """The document's explicit scopes so far, to resolve 'the quarter' and to inherit from."""

    def __init__(self, scopes: list[Span], event_words: frozenset[str]) -> None:
        self.scopes = scopes
        self.event_words = event_words  # irregular participles and verbs of an event
        self.next = 0
        self.last: Span | None = None
        self.year = ""
        self.by_kind: dict[str, str] = {}
        self.column_end = -1  # where the last period noted ends
        self.header_line = -1  # where the table header line of the last period noted starts
        self.of_baselines: set[int] = set()  # periods only baselines took ("from X in 2022")
        self.of_others: set[int] = set()

    def took(self, span: Span, role: str) -> None:
        """A figure took ``span`` as its period."""
        (self.of_baselines if role == "baseline" else self.of_others).add(span.start)

    def advance_to(self, token: int) -> None:
        """Note every scope that ends before ``token``."""
        while self.next < len(self.scopes) and self.scopes[self.next].end <= token:
            span = self.scopes[self.next]
            self.next += 1
            if self._after_table_block(span):
                self.last = None  # "at the end of December" in the prose after a results
                # block: the block's "Year" is over
            if span.label_ not in _INHERITED_LABELS or self._event_date(span):
                continue
            if span.start in self.of_baselines and span.start not in self.of_others:
                continue  # "compares with a deficit of A$31.7 million in 2022": the past
                # a figure is compared with, not the period the story goes on about
            if self._later_column(span) and not self._reports_later(span):
                continue  # "| Q3 2024 | Q3 2023 |": the first column is the period reported
            if span.start > 0 and span.doc[span.start - 1].text == "(":
                continue  # "A$684.2 million (FY2023: A$634.1 million)": an aside compared with
            if self._later_header_period(span) and not self._reports_later(span):
                continue  # "| FY2025 proposed ($m) | FY2024 adopted ($m) |": compared with;
                # but "| Q3 FY2020 | Q3 FY2021 |" reports the later
            if span._.period.startswith(TABLE_BLOCK):
                self.last = span  # the rows below a "Year" header line are the year's
                continue
            if span._.period[:1] in ("Q", "H") and self.year:  # "the first quarter" in 2019
                span._.period = f"{self.year}-{span._.period}"
            period = span._.period
            dated = period[:1].isdigit() or period.startswith("FY")
            if not _YEAR_IN_SCOPE.search(period) or not dated:
                continue  # "by 2027" and "since 2007" are not periods a later figure refers to
            self.year = span._.period[:4] if span._.period[:4].isdigit() else self.year
            self.last = span
            self.by_kind[_period_kind(span._.period)] = span._.period

    def _reports_later(self, span: Span) -> bool:
        """A later column of a table whose columns run from the earlier period to the later
        ('| Q3 FY2020 | Q3 FY2021 |'): the later is the period reported."""
        last = self.last
        if last is None:
            return False
        period, reported = span._.period, last._.period
        return (
            period[:4].isdigit()
            and reported[:4].isdigit()
            and _period_kind(period) == _period_kind(reported)
            and period > reported
        )

    def _after_table_block(self, span: Span) -> bool:
        last = self.last
        return (
            last is not None
            and last._.period.startswith(TABLE_BLOCK)
            and not span._.period.startswith(TABLE_BLOCK)
        )

    def _later_header_period(self, span: Span) -> bool:
        """A period after the first on a Markdown table's header line: an earlier period's
        column, compared with the one the table reports."""
        header = _table_header_line(span)
        if header < 0:
            return False
        later = header == self.header_line
        self.header_line = header
        return later

    def _later_column(self, span: Span) -> bool:
        """A period right after another with only spaces or a table's bars between ('| Q3 2024 |
        Q3 2023 |'): a later column, an earlier period compared with the one reported."""
        text = span.doc.user_data.get(TEXT) or span.doc.text
        between = text[self.column_end : span.start_char] if self.column_end >= 0 else "\n"
        self.column_end = span.end_char
        return _COLUMN_GAP.fullmatch(between) is not None

    def _event_date(self, span: Span) -> bool:
        """'the business launched in 2021', 'since the company listed in 2017', 'is due to begin
        in 2025': when something happened or will, not a period the figures after it are for."""
        start = span.start + (span.doc[span.start].lower_ == "in")
        if start < 2 or span.doc[start - 1].lower_ != "in":
            return False
        verb = span.doc[start - 2].lower_
        return verb.endswith("ed") or verb in self.event_words

    def resolve(self, span: Span) -> str:
        if span.label_ == "UNRESOLVED":
            word = span.text.lower().split()[-1]
            return self.by_kind.get(word, span._.period)
        return span._.period


_VERSUS = {"vs", "vs.", "versus"}
_CONJUNCTIONS = {"and", "or", "but", "while", "whereas"}
_FORECAST_NOUNS = {"forecast", "estimate", "projection", "target", "prediction", "guidance"}
_OF_WHOLE = {"those", "these", "the", "them", "its", "their"}
_MAIN_VERBS = {"is", "are", "was", "were", "will", "would", "has", "have", "had"}
_OUTDOING = {"eclipsing", "eclipsed", "eclipses", "beating", "surpassing", "surpassed",
             "surpasses", "topping", "outstripping", "outstripped", "overtaking", "overtook",
             "breaking"}  # fmt: skip
_BEFORE_BASELINE = {"the", "a", "an", "revised", "upwardly", "downwardly", "restated", "adjusted",
                    "previous", "prior"}  # fmt: skip
_RELATIVE_WORDS = {"which", "who", "whose", "where"}
_BASELINE_OPENERS = {"from", "against", "vs", "vs.", "versus"}
# How the word before such a figure ends, and how many words "on the previous year's" takes at
# most
_QUOTES_S = ("'s", "’s", "'", "’")
_PERIOD_S_WORDS = 8
_ON_A_PERIOD_S = re.compile(
    r"\bon\s+(?:(?:this|last|the\s+previous|the\s+prior|the\s+same)\s+)?"
    r"(?:year|quarter|month|period|season|half)\s*['’]s?\s*$",
    re.IGNORECASE,
)


_YEARLESS_PERIODS = {"quarter", "half", "9M", "full year"}
_COLUMN_GAP = re.compile(r"[ \t|]+")


def _narrowed(scope: str, chosen: Span, in_sentence: list[Span]) -> str:
    """'last year's $25 million' in a sentence about 'fourth-quarter profit' is last year's Q4."""
    if chosen.label_ not in ("RELATIVE", "YEAR"):
        return scope
    for span in in_sentence:
        period = span._.period
        if span is not chosen and (period in _YEARLESS_PERIODS or period[:1] in ("Q", "H")):
            return f"{scope} {period}"
    return scope


def _past_period(doc: Doc, k: int, sentence: Span, scope_at: dict) -> int:
    """The token after a period that starts at ``k`` ("over the next five years"), else ``k``."""
    if k < sentence.end and k not in scope_at and doc[k].lower_ in _PERIOD_PREPOSITIONS:
        k += 1
        if k not in scope_at:
            return k - 1
    if k in scope_at:
        return scope_at[k].end
    return k


_PERIOD_PREPOSITIONS = {"over", "during", "in", "for", "within", "by", "through"}


# Metrics of physical things: money spent on one ("a £28 million relief road") is spending.
_PHYSICAL_METRICS = {"distance", "area", "speed", "capacity", "weight", "height", "volume"}


def _start_with_qualifier(claim: ClaimView, index: LexicalIndex) -> int:
    """Where the claim starts with a qualifier before it ("about $5 million")."""
    qualifier = index.before(claim.start, "QUALIFIER")
    return claim.start if qualifier is None else qualifier[0]


def _metric_for(claim: ClaimView, metric: str, lexicon: Lexicon) -> str:
    if claim._.kind == MONEY and metric in _PHYSICAL_METRICS:
        return "spending"
    if claim._.kind not in (MONEY, PERCENT) and metric in lexicon.money_or_percent_only:
        return ""  # "a gap of 16.3 points" is no shortfall
    if claim._.kind == MONEY and metric in lexicon.count_only_metrics:
        return ""  # "members agreed a capital programme of £47.3m": no members
    if claim._.kind != QUANTITY:
        return metric
    if metric in lexicon.money_only_metrics:
        return ""  # "expected to generate 4,860 GWh": no revenue
    dimension = lexicon.metric_dimensions.get(metric)
    if dimension and claim._.unit and units.dimension(claim._.unit) not in (dimension, ""):
        return ""  # "on track for 154,000 tonnes": no distance
    return metric


def _down_or_up_from(between: list[Token]) -> bool:
    """', down from' (or ', up from') ending the words between a level and its baseline."""
    words = [t.lower_ for t in between]
    return len(words) >= 3 and words[-3:] in ([",", "down", "from"], [",", "up", "from"])


def _basis_word(token: Token) -> bool:
    return token.lower_ in ("a", "year", "earlier", "ago", "last", "previous", "the")


def _appositive(gap: list[Token], index: LexicalIndex) -> bool:
    """', an increase of', ', up', '(a rise of': only a change word and small words, restating
    the change just before ('rose to 150,000 from 9,000, pushing exports up 45.3%' is another)."""
    if not gap or gap[0].text not in (",", "(", "—", "–") or len(gap) > 5:
        return False
    return all(
        t.text in ("(", ",", "—", "–") or t.lower_ in _APPOSITIVE_WORDS or index.has(t.i, "CHANGE")
        for t in gap
    )


_APPOSITIVE_WORDS = {"a", "an", "of", "or", "by", "which", "is", "was"}


def _baseline_between(words: list[str]) -> bool:
    """'from $4.0 million': a baseline figure, whose period the words after it give."""
    return any(
        word.lower() in _BASELINE_OPENERS and any(w[:1].isdigit() for w in words[k + 1 :])
        for k, word in enumerate(words)
    )


def _text_of(words: list[Token]) -> str:
    """The words as the text spells them: '(AIoT)', not '( AIoT )'."""
    parts: list[str] = []
    for position, word in enumerate(words):
        if position:
            parts.append(
                words[position - 1].whitespace_ if word.i == words[position - 1].i + 1 else " "
            )
        parts.append(word.text)
    return "".join(parts).strip()


def _copy_context(primary: ClaimView, restatement: ClaimView) -> None:
    """A restatement ('(approximately $1.7 billion)') measures what its primary measures."""
    for name in (
        "metric",
        "subject",
        "subject_text",
        "entity",
        "scope",
        "scope_text",
        "scope_inherited",
        "role",
        "direction",
        "basis",
    ):
        setattr(restatement._, name, getattr(primary._, name))


def _table_header_line(span: Span) -> int:
    """Where the span's line starts if it is a Markdown table's header line ('| FY2024 adopted
    ($m) |'; the prose blanks its bars and the delimiter row below it), else -1."""
    text = span.doc.user_data.get(TEXT) or span.doc.text
    line_end = text.find("\n", span.end_char)
    if line_end < 0:
        return -1
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1 : next_end if next_end >= 0 else len(text)]
    if not following or not following.isspace():
        return -1
    return text.rfind("\n", 0, span.start_char) + 1


def _period_kind(scope: str) -> str:
    if "Q" in scope:
        return "quarter"
    if "H" in scope:
        return "half"
    return "year" if scope[:4].isdigit() or scope.startswith("FY") else ""


def _in_basis(span: Span, index: LexicalIndex) -> bool:
    for k in range(max(sentence_start(span.doc, span.start), span.start - 4), span.start + 1):
        match = index.at(k, "BASIS")
        if match is not None and match[0] >= span.end:
            return True
    return False


def _is_defined_acronym(token: Token) -> bool:
    """'(AIoT)': an acronym in parentheses, defined by the words before it."""
    doc = token.doc
    text = token.text
    if sum(c.isupper() for c in text) < 2 or not text.isalpha():
        return False
    return (
        0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"
    )


_TIME_PREPOSITIONS = {"on", "in", "at", "by", "during", "since", "until", "after", "before"}


_UP_PHRASES = {
    "made", "make", "makes", "making", "set", "sets", "end", "ended", "ends", "take", "took",
    "taken", "takes", "pick", "picked", "split", "break", "broken", "sum", "summed", "build",
    "built", "open", "opened", "sign", "signed", "snap", "snapped",
}  # fmt: skip


def _phrasal_up(doc: Doc, i: int) -> bool:
    """'is made up of £2.1 billion', 'signed up 5,000 members': 'up' of a phrasal verb, no rise."""
    return doc[i].lower_ == "up" and i > 0 and doc[i - 1].lower_ in _UP_PHRASES


def _past_opening_time(tokens: list[Token]) -> list[Token]:
    """The sentence's words after an opening time phrase ('On February 7, 2012,', 'In 2019,')
    or a dateline ('WARSAW, June 12 —')."""
    if tokens and tokens[0].is_upper and len(tokens[0]) > 1:
        dash = next((i for i, t in enumerate(tokens[:8]) if _dateline_dash(tokens, i)), None)
        if dash is not None:
            return tokens[dash + 1 :]
    if not tokens or tokens[0].lower_ not in _TIME_PREPOSITIONS:
        return tokens
    numbers = [i for i, t in enumerate(tokens[:8]) if t.like_num]
    if not numbers:
        return tokens
    comma = next((i for i in range(numbers[-1], len(tokens)) if tokens[i].text == ","), None)
    if comma is None or comma > 9:
        return tokens
    return tokens[comma + 1 :]


def _dateline_dash(tokens: list[Token], i: int) -> bool:
    """The dash that ends a dateline: 'WARSAW, June 12 —', or a wire's 'HONG KONG, Feb 15 -'."""
    text = tokens[i].text
    if text in ("—", "–", "--"):
        return True
    return text == "-" and i > 0 and bool(tokens[i - 1].whitespace_) and bool(tokens[i].whitespace_)


def _is_proper(token: Token, lexicon: Lexicon) -> bool:
    text = token.text
    if not text[:1].isupper() or not any(c.isalpha() for c in text):
        return False
    lower = token.lower_.rstrip(".")
    return (
        lower not in lexicon.months
        and lower not in lexicon.weekdays
        and lower not in STOP_WORDS
        and lower not in ("the",)
    )


def _short_quotes(doc: Doc, sentence: Span) -> set[int]:
    """Tokens inside short quotations (names, slogans), not inside quoted speech."""
    inside: set[int] = set()
    opened: int | None = None
    for token in sentence:
        if token.text in _QUOTES:
            if opened is None:
                opened = token.i
            else:
                if token.i - opened <= 7:
                    inside.update(range(opened, token.i + 1))
                opened = None
    return inside


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
