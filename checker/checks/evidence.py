"""Evidence that two figures state the same thing: a score from explicit features.

Two figures of one kind and unit may be the same quantity stated twice, even when the words
around them differ ("will invest R$18 billion in fibre over the next three years" and "over the
next 3 years we will put R$1.8 billion into fibre"). Rather than asking that every hand-read key
be equal, ``weigh`` adds up what speaks for and against, one named feature at a time, so that a
finding can say why two figures were taken for one:

* the numbers: a typical slip (the same digits a power of ten apart, two digits swapped, one
  digit changed) makes a restatement with a mistake far likelier than an arbitrary difference,
  which is usually two different things;
* the metric, the counted noun, the words that narrow it (weighted by how rare they are in the
  document), whose figure it is, the period, and cues that a figure is given as already known
  ("the", a possessive, a quote).

Contradictions veto a pair whatever the score: two entities, two explicit periods, a forecast
and an outcome, a level and a change.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from spacy.lang.en.stop_words import STOP_WORDS

from checker.amounts import plain
from checker.checks.restatements import of_the_period_before
from checker.claims import Claim
from checker.nlp.context import singular
from checker.nlp.lexicon import Lexicon, load_lexicon

# Weights of the features, in points; a pair is reported at the rule's `evidence-threshold`.
POWER_OF_TEN = 3.0  # 18 and 1.8, ¥100 billion and ¥10 billion, million for billion
TRANSPOSED = 3.0  # 86,412 and 84,612, 87 and 78
ONE_DIGIT = 1.5  # 12,400 and 12,900
NO_METRIC = -1.5
SCALE_WORD = 1.5  # "₦418 billion" and "₦418 million", "₹1,184 crore" and "₹1,184 lakh"
SAME_METRIC = 2.0  # a metric of the taxonomy: employees, spending, revenue
NEAR_MISS = 1.5  # "14.76 GWh" and later "our 14.6 GWh": one figure rounded twice, differently
RELATED_METRIC = 1.0  # net profit and profit
SAME_COUNTED = 1.0  # only a counted noun: homes, rigs
SUBJECT_SHARED = 2.0  # at most, for subjects that share all their (rare) words
SUBJECTS_DIFFER = -1.5  # "total western europe" and "eastern europe"
SUBJECT_DISJOINT = -3.0  # both narrow the metric, with no word in common: two segments
CONTEXT_SHARED = 1.0  # at most, for sentences that share half their (rare) words
SAME_ENTITY = 1.0
SAME_PERIOD = 1.5  # both state it: "this year" and "in the current year" (2024)
INHERITED_PERIODS_DIFFER = -0.5  # a period carried over is often misread
HEADLINE = 1.5  # the headline's figure is the story's figure
HEADLINE_LEAD = 1.5  # the story's first figure of the headline's measure: its lead restates it
LEAD_SENTENCE = 0.5  # and in the story's first sentence, which restates the headline
SAME_NOUN_AFTER = 1.5  # "a 48 mln dlr loan" and "the 84 mln dlr loan": what the amount is
RESTATED = 1.5  # "the 78 homes", "Harbour's 14,200 staff", a quote
ONLY_EARLIER = 1.0  # given as known, with one figure of its measure before it: "87 homes", then
# "the 78 homes"
ONLY_SLIP = 2.0  # given as known, a swapped or shifted slip of one earlier figure only (not round)
CROWDED = -1.0  # the metric has many values in the document: a metric of several things
PERCENT = -1.0  # percentages of one metric are many (margins, shares, rates of segments)
SMALL_NUMBER = -1.5  # two significant digits: slips between them happen by chance
MANY_DIGITS = 1.5  # four or more: 1,524 and 1,254 are rarely two figures that happen to be alike
SMALL_COUNT = -2.0  # and a count under 100 (87 and 78 homes) or a percentage: more so
KNOWN_SMALL = 0.5  # the share of those penalties left when the later figure is given as known
ROUND_POWER = 1.0  # 1,000 and 10,000, one and one billion: round figures of many sizes
SAME_COMPANION = 2.0  # both sentences (or a sentence and a table row) state one other figure
EVENT_COUNT = -1.0  # one count read as a level and as a change: one of the readings may be off
ROW_NAMED = 1.5  # a table's cell and a sentence naming its row ("| Chilled |", "Chilled was")
NEXT_SENTENCE = -1.0  # one line after the other in a block of lines: rows of a list or table
REFERRED_BACK = 1.0  # "the €2.8m we have been given", "the KSh 2.3 billion we owe them": a
# figure a clause of the speaker's refers to as one already known
REPEATED = 1.0  # the earlier figure is given again elsewhere: the story's figure, which a slip
# most likely restates ("SEK 21 billion" in the headline, lead and a later paragraph)

# A headline's figure is restated in a sentence that says most of the headline's (rare) words
# ("loan", "Bangladesh"), not in one that names a part of it ("up to 12.5 mln dlrs of the issue").
_HEADLINE_COVERED = 0.4


@dataclass
class Evidence:
    """What speaks for and against two figures being one: named contributions, or a veto."""

    contributions: list[tuple[str, float]] = field(default_factory=list)
    veto: str = ""

    def add(self, reason: str, points: float) -> None:
        if points:
            self.contributions.append((reason, points))

    @property
    def score(self) -> float:
        return sum(points for _, points in self.contributions)

    def explain(self) -> str:
        """'digits transposed +3; same metric (vehicles) +2; ...; score 5'."""
        parts = [f"{reason} {points:+g}" for reason, points in self.contributions]
        return "; ".join([*parts, f"score {self.score:g}"])


@dataclass(frozen=True)
class Context:
    """What is known of a document's figures before any pair is weighed."""

    rarity: WordRarity
    cues: set[int]  # starts of the figures given as already known ("the", a quote)
    sentence_words: dict[int, frozenset[str]]  # each figure's sentence's words, by its start
    year: str = ""  # the document's year, when its date is known
    nouns_after: dict[int, str] = field(default_factory=dict)  # "loan" in "48 mln dlr loan"
    converted: set[int] = field(default_factory=set)  # figures read in another unit (MW as GW)
    # the other figures of each figure's sentence or table row, by value ("rose 6.4% to
    # £1,824.6m" and "| Food | 1,842.6 | 1,731.4 | 6.4 |" share 6.4)
    companions: dict[int, frozenset[Decimal]] = field(default_factory=dict)
    repeated: frozenset[int] = frozenset()  # figures whose value is given again in another sentence
    tabled: frozenset[int] = frozenset()  # figures in a Markdown table's cells
    # the label of each item of a list of figures: "electricity" in "water R4.9 billion,
    # electricity R3.7 billion", by the figure's start
    listed: dict[int, str] = field(default_factory=dict)
    listing: frozenset[int] = frozenset()  # the starts of the sentences those lists are in
    referred_back: frozenset[int] = frozenset()  # "the €2.8m we have been given": see above


def weigh(
    a: Claim,
    b: Claim,
    context: Context,
    crowded: bool = False,
    next_sentence: bool = False,
    headline: bool = False,
    rounding_steps: int = 0,
    lead: bool = False,
) -> Evidence:
    """The evidence that ``a`` and the later ``b`` state one quantity (with different values);
    with ``rounding_steps``, a near miss in that many steps of the last digit counts too."""
    evidence = Evidence()
    evidence.veto = veto(a, b, context.year)
    slip = typical_slip(a.value, b.value, steps=(a.step, b.step))
    if evidence.veto and _one_count_as_event(a, b, slip, context.year):
        evidence.veto = ""  # "78 homes destroyed" and "we've lost 87 homes"
        evidence.add("a count and the same count as a change", EVENT_COUNT)
    if evidence.veto and _the_figure_again(a, b, context):
        evidence.veto = ""  # "recommended an increase of 61.5 mln dlrs", "the staff's 65.1 mln
        # dlr figure": a figure named only as a figure is whatever the first one was
    if evidence.veto:
        return evidence
    cues = context.cues
    short = False
    if not slip and (b.start in cues or headline):
        # "Brandt's 3,800 jobs" after "employs 3,200 people", or a headline's "180 MLN FRANC
        # CREDIT" and the lead's "160 mln franc": one of two digits, given as known
        slip = typical_slip(a.value, b.value, short=True, steps=(a.step, b.step))
        short = bool(slip)
    near_miss = _near_miss_given_again(a, b, context, rounding_steps)
    if not slip and near_miss and not headline and a.step != b.step:
        # a figure given again at another precision, its last digits off ('1.38 per cent',
        # then 'a vacancy rate of 1.3 per cent'): not an arbitrary difference; but not a
        # headline's, often cut short ('past CHF 8.4 billion' for CHF 8.46 billion)
        slip = "near miss"
    if not slip:
        evidence.veto = "an arbitrary difference, more often two things than one misstated"
        return evidence
    if slip == "power of ten" and (a.start in context.converted or b.start in context.converted):
        evidence.veto = "a power of ten between two units ('1.5-gigawatt', '15 megawatts')"
        return evidence
    row_named = _row_named(a, b, context)
    if not (a.metric or b.metric or headline or b.start in cues or row_named):
        evidence.veto = "what they measure is read on neither side, and nothing restates"
        return evidence
    if next_sentence and _narrowed_apart(a, b):
        evidence.veto = "two rows of one table or list, each of its own thing"
        return evidence
    _weigh_numbers(evidence, a, b, slip, known=b.start in cues)
    if short and not (lead and a.kind != "count"):  # a lead restates its headline's figure
        evidence.add("two significant digits", _small_penalty(a, b.start in cues))
    shared = context.companions.get(a.start, frozenset()) & context.companions.get(
        b.start, frozenset()
    )
    if many_digits_transposed(a, b, slip) and (
        b.start in cues or measures_alike(a, b) or shared or _one_bare(a, b) or row_named
    ):
        evidence.add("four or more significant digits", MANY_DIGITS)
    elif _many_digits_shifted(a, b, slip, context):
        evidence.add("five or more significant digits, shifted", MANY_DIGITS)
    clear_slip = b.start in cues and slip in ("transposed", "power of ten")
    # "16.27 mln tonnes", then "the 16.2 mln tonne export forecast": a precise figure given
    # again as known, its last digit cut or misrounded, says what it is by its digits
    cut_short = near_miss and b.start in cues and significant(a.value) >= 4
    if not (a.metric or b.metric or headline or clear_slip or row_named or cut_short):
        evidence.add("what they measure is read on neither side", NO_METRIC)
    if near_miss:
        evidence.add("a near miss in the last digits of a figure given again", NEAR_MISS)
    _weigh_metric(evidence, a, b)
    if row_named:
        evidence.add(f"the table's row named in the prose ({row_named})", ROW_NAMED)
    else:
        _weigh_subject(evidence, a, b, context.rarity)
    words = context.sentence_words
    _weigh_context(evidence, words[a.start], words[b.start], context.rarity)
    if a.entity and b.entity:
        evidence.add(f"same entity ({b.entity})", SAME_ENTITY)
    _weigh_period(evidence, a, b)
    if headline and _headline_restated(words[a.start], words[b.start], context.rarity):
        evidence.add("the first in the headline, which the story restates", HEADLINE)
    noun = context.nouns_after.get(a.start, "")
    if noun and noun == context.nouns_after.get(b.start) and not (a.counted or b.counted):
        evidence.add(f"the same word after both ({noun})", SAME_NOUN_AFTER)
    if shared:
        figures = " ".join(f"{plain(v)}" for v in sorted(shared))
        evidence.add(f"each stated with the same other figure ({figures})", SAME_COMPANION)
    if b.start in cues:
        evidence.add("given as already known (the, a possessive, a quote)", RESTATED)
    if b.start in context.referred_back:
        evidence.add("referred back to by a clause ('the €2.8m we have been given')", REFERRED_BACK)
    if crowded and not clear_slip:
        # a figure given as known with its digits swapped or shifted is a slip, however many
        # values its metric has
        evidence.add("the metric has many values here", CROWDED)
    if next_sentence:
        evidence.add("the next line of one block", NEXT_SENTENCE)
    if a.start in context.repeated and (b.start in cues or (near_miss and _approximated(a, b))):
        evidence.add("the first given again elsewhere in the same words", REPEATED)
    if a.kind == "percent":
        evidence.add("a percentage", PERCENT)
    return evidence


def _near_miss_given_again(a: Claim, b: Claim, context: Context, rounding_steps: int) -> bool:
    """A figure given again (see _given_again) with its last digits off by at most
    ``rounding_steps`` steps: one figure rounded twice, differently."""
    return (
        bool(rounding_steps) and _given_again(a, b, context) and rounding_slip(a, b, rounding_steps)
    )


def _given_again(a: Claim, b: Claim, context: Context) -> bool:
    """The later figure is given as known ('the 4.7 bln euro order book'), or one of the two is
    a table's cell and the other the prose that restates it ('Revenue ($ million) | 1,216'
    and 'revenue of $1.23 billion')."""
    return (
        b.start in context.cues
        or (a.start in context.tabled) != (b.start in context.tabled)
        or _approximated(a, b)
    )


def _approximated(a: Claim, b: Claim) -> bool:
    """The later figure is the earlier one given approximately: 'roughly $13.4 billion' after
    '$13.46 billion' (a qualifier and fewer digits)."""
    return b.qualifier == "approx" and b.step > a.step and b.kind == a.kind


def _row_named(a: Claim, b: Claim, context: Context) -> str:
    """The label of the one figure that is a table's cell or a list's item, when the other's
    sentence names it in full: '| Chilled | 305.9 |' and 'Chilled was only marginally
    smaller: sales there climbed 6.4 per cent to £309.5m'; 'electricity R3.7 billion' in a
    breakdown and 'we are putting R7.3 billion into electricity'; '' otherwise."""
    labelled = [c for c in (a, b) if c.start in context.tabled or c.start in context.listed]
    if len(labelled) != 1:
        return ""
    item = labelled[0]
    other = b if item is a else a
    if other.sentence_start in context.listing:
        return ""  # "pellets 114" in one price list, "pellets 163" in the next: rows of lists
    if other.value is not None and abs(other.value).normalize() in context.companions.get(
        item.start, frozenset()
    ):
        return ""  # "the margin narrowed to 21.7%" states the row's cell for another period
    label = item.subject if item.start in context.tabled else context.listed[item.start]
    words = set(_telling(frozenset(label.split()))) - load_lexicon().table_total_labels
    if not words or not words <= context.sentence_words.get(other.start, frozenset()):
        return ""
    return " ".join(sorted(words))


def _one_bare(a: Claim, b: Claim) -> bool:
    """One of two counts says nothing of what it counts ('increased to 286,500'): its digits
    are all there is to go on, and four or more of them swapped say much. Not a figure with
    decimals and no scale ('rose to 76.85'): a price or a rate, one of many."""
    bare = [c for c in (a, b) if not (c.metric or c.counted)]
    return a.kind == b.kind == "count" and bool(bare) and all(c.step >= 1 for c in bare)


def _the_figure_again(a: Claim, b: Claim, context: Context) -> bool:
    """The later figure is given as known and named only as a figure ('the staff's 65.1 mln dlr
    figure', 'that $4.2 million number'): its role is the earlier one's, whatever it was."""
    return (
        b.start in context.cues
        and context.nouns_after.get(b.start, "") in load_lexicon().figure_nouns
        and _only_roles_differ(a, b, context.year)
    )


def _one_count_as_event(a: Claim, b: Claim, slip: str, year: str) -> bool:
    """Two counts of one thing, one read as a level and one as a change ('78 homes destroyed',
    'we have lost 87 homes'; 'hire 2,400 nurses', '2,900 more nurses'), their digits swapped or
    one changed (a power of ten is as often a part and its whole): the only veto between them
    is their roles."""
    counted_alike = a.kind == b.kind == "count" and a.counted and a.counted == b.counted
    measured_alike = a.kind == b.kind == "quantity" and a.unit == b.unit  # "lost 412.6
    # megalitres a day", "pouring 421.6 megalitres a day into the ground"
    if not (counted_alike or measured_alike):
        return False
    return slip in ("transposed", "one digit") and _only_roles_differ(a, b, year)


def _only_roles_differ(a: Claim, b: Claim, year: str) -> bool:
    """One is a level and the other a change, and nothing else vetoes them as one figure."""
    return {a.role, b.role} == {"level", "change"} and not veto(
        dataclasses.replace(a, role=b.role, direction=b.direction), b, year
    )


def companion_values(claims: Iterable[Claim]) -> dict[int, frozenset[Decimal]]:
    """For each figure, the telling values of the other figures of its sentence or table row:
    three or more significant digits, or a percentage of two; no years, dates, round figures
    or conversions, which many sentences share by chance."""
    by_sentence: dict[int, list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.sentence_start, []).append(claim)
    telling = {
        c.start: abs(c.value).normalize()
        for c in claims
        if c.value is not None and c.kind != "date" and c.equivalent_of < 0 and _telling_value(c)
    }  # not a conversion: "215 km/h (135 mph)" and "217 km/h (135 mph)" share only a rounding
    return {
        c.start: frozenset(
            telling[o.start]
            for o in by_sentence[c.sentence_start]
            if o is not c and o.start in telling
        )
        for c in claims
    }


def _telling_value(claim: Claim) -> bool:
    assert claim.value is not None
    digits = significant(claim.value)
    if claim.kind == "percent":
        return digits >= 2
    return digits >= 3 and not _YEARISH.fullmatch(plain(claim.value))


_YEARISH = re.compile(r"(1[89]|20)\d\d")


def veto(a: Claim, b: Claim, year: str = "", tenses: bool = True) -> str:
    """What shows two figures to be two things, whatever else they share; '' if nothing does.
    ``year`` is the document's: a figure for the year still running is not an outcome. Without
    ``tenses``, a forecast and an outcome are not told apart."""
    if _different_entities(a.entity, b.entity):
        return f"different entities ({a.entity}, {b.entity})"
    if a.role != b.role:
        return f"a {a.role} and a {b.role}"
    if a.role == "change" and (a.direction != b.direction or _different_bases(a, b)):
        return "changes of different directions or bases"
    if tenses and {tense(a, year), tense(b, year)} == {"forecast", "outcome"}:
        return "a forecast and an outcome"
    periods = Period.of(a), Period.of(b)
    if not (a.scope_inherited or b.scope_inherited) and periods[0].contradicts(periods[1]):
        return f"different periods ({a.scope}, {b.scope})"
    if of_the_period_before(a) != of_the_period_before(b):
        return f"different periods ({a.scope or 'the story'}, {b.scope or 'the story'})"
    same_counted = bool(a.counted) and a.counted == b.counted  # "hire 2,400 nurses", "2,900 nurses"
    if _different_metrics(a.metric, b.metric) and not same_counted:
        return f"different metrics ({a.metric}, {b.metric})"
    if _different_counted(a, b):
        return f"different things counted ({a.counted}, {b.counted})"
    return ""


_NUMBER_PART = re.compile(r"\d[\d,.]*")


def _number_part(text: str) -> str:
    """'418' in '₦418 billion' and in '₦418 million'."""
    match = _NUMBER_PART.search(text)
    return match.group().rstrip(".,") if match else ""


def _metrics() -> frozenset[str]:
    return load_lexicon().metric_names  # cached by the lexicon


def _different_entities(a: str, b: str) -> bool:
    """Both named, and neither name within the other ('Cerámicas Vallmar' and 'Vallmar' are one)."""
    if not (a and b):
        return False
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    return not (words_a <= words_b or words_b <= words_a)


def _different_bases(a: Claim, b: Claim) -> bool:
    """Year on year and quarter on quarter; a change that does not say its basis may be either,
    but not an underlying change ('16% at constant currency'), which is never the reported one."""
    if a.basis == b.basis:
        return False
    return bool(a.basis and b.basis) or _UNDERLYING in (a.basis, b.basis)


_UNDERLYING = "underlying"  # the lexicon's basis of changes at constant currency, organic


def many_digits_transposed(a: Claim, b: Claim, slip: str) -> bool:
    """Four significant digits or more, two of them swapped (1,842,600 and 1,824,600): rarely
    two figures alike by chance."""
    return slip == "transposed" and min(significant(a.value), significant(b.value)) >= 4


def _many_digits_shifted(a: Claim, b: Claim, slip: str, context: Context) -> bool:
    """Five significant digits or more a power of ten apart in the prose ('463,354 tonnes',
    then 'the 4,633,540 tonnes'), given as known or measuring alike: never two figures alike
    by chance (four are: '11.84 bln' of assets and '118.4 mln dlrs' of income). Not a table's
    cell, whose scale ('(€000)') may be read wrongly, nor a thousandfold."""
    if slip != "power of ten" or a.value is None or b.value is None:
        return False
    thousandfold = max(abs(a.value), abs(b.value)) == 1000 * min(abs(a.value), abs(b.value))
    return (
        min(significant(a.value), significant(b.value)) >= 5
        and not thousandfold  # "19,416" in a table in thousands, "19,416,000 bushels"
        and (b.start in context.cues or measures_alike(a, b))  # not 10% of it: "an exposure
        # of 10,052 billion won", "must raise 1,005.2 billion won"
        and a.start not in context.tabled
        and b.start not in context.tabled
    )


def measures_alike(a: Claim, b: Claim) -> bool:
    """Both name what they measure, and alike: the metric, or for counts the thing counted."""
    return bool(a.metric or a.counted) and (a.metric, a.counted) == (b.metric, b.counted)


def _different_counted(a: Claim, b: Claim) -> bool:
    """Homes and hectares; not passengers and people (a noun for any of several kinds), nor
    participants and volunteers (one group in other words)."""
    if not (a.counted and b.counted and a.counted != b.counted and a.metric != b.metric):
        return False
    lexicon = load_lexicon()
    if _people_and_things(a, b, lexicon) or _people_and_things(b, a, lexicon):
        return True
    if a.counted in lexicon.generic_counted or b.counted in lexicon.generic_counted:
        return False
    if _a_kind_of(a.counted, b.counted, lexicon) or _a_kind_of(b.counted, a.counted, lexicon):
        return False  # smartphones and phones
    groups = lexicon.counted_groups
    if {groups.get(a.counted), groups.get(b.counted)} & {_TAKING_PART} and (
        {a.counted, b.counted} & lexicon.takers_part
    ):
        return False  # "a study of 2,418 adults", "the 2,148 participants"
    group = lexicon.counted_groups.get(a.counted)
    return group is None or group != lexicon.counted_groups.get(b.counted)


_TAKING_PART = "taking_part"  # the group of counted_alike that names who takes part in something


def _people_and_things(a: Claim, b: Claim, lexicon: Lexicon) -> bool:
    """'people' and 'branches': a noun for any people and a count of things."""
    return a.counted in lexicon.generic_people and (
        b.metric in lexicon.thing_metrics or b.counted in lexicon.thing_nouns
    )


def _a_kind_of(narrow: str, broad: str, lexicon: Lexicon) -> bool:
    """'smartphones' of 'phones': the broad noun with a prefix that names a kind of it."""
    prefix = narrow.removesuffix(broad)
    return prefix != narrow and prefix.rstrip("-") in lexicon.kind_prefixes


def _different_metrics(a: str, b: str) -> bool:
    """Two metrics, neither a kind of the other: revenue and profit, not net profit and profit."""
    if not (a and b and a != b) or a not in _metrics() or b not in _metrics():
        return False  # a counted noun read as the metric ("460,000 people") names no metric
    return not load_lexicon().related_metrics(a, b)


def _small_penalty(a: Claim, known: bool) -> float:
    """Two significant digits: slips between them happen by chance, less so when the later
    figure is given as known ('the 78 homes', a quote), which says it restates one."""
    small = a.kind == "percent" or (a.kind == "count" and abs(a.value or 0) < 100)
    penalty = SMALL_COUNT if small else SMALL_NUMBER
    return penalty * KNOWN_SMALL if known else penalty


def _weigh_numbers(evidence: Evidence, a: Claim, b: Claim, slip: str, known: bool = False) -> None:
    if slip == "power of ten" and significant(a.value) == 1:
        evidence.add("one digit, a power of ten apart", ROUND_POWER)
    elif slip == "power of ten":
        evidence.add("the same digits a power of ten apart", POWER_OF_TEN)
    elif slip == "transposed":
        evidence.add("digits transposed", TRANSPOSED)
    elif slip == "one digit":
        evidence.add("one digit changed", ONE_DIGIT)
    if slip == "power of ten" and _number_part(a.text) == _number_part(b.text):
        evidence.add("the same number with another scale word", SCALE_WORD)
    if slip == "transposed" and significant(a.value) < 3:
        evidence.add("two significant digits", _small_penalty(a, known))
    elif slip == "power of ten" and significant(a.value) == 2 and _small_count(a, b):
        evidence.add("a count under 100 and one a power of ten larger", SMALL_COUNT)


def _small_count(a: Claim, b: Claim) -> bool:
    """'11 of the branches' and 'the 1,100 people': small counts share digits by chance."""
    return a.kind == "count" and min(abs(a.value or 0), abs(b.value or 0)) < 100


def _weigh_metric(evidence: Evidence, a: Claim, b: Claim) -> None:
    if a.metric and a.metric == b.metric and a.metric in _metrics():
        evidence.add(f"same metric ({a.metric})", SAME_METRIC)
    elif a.counted and a.counted == b.counted and a.counted not in _metrics():
        evidence.add(f"same thing counted ({a.counted})", SAME_COUNTED)
    elif a.metric and b.metric and load_lexicon().related_metrics(a.metric, b.metric):
        evidence.add(f"one metric a kind of the other ({a.metric}, {b.metric})", RELATED_METRIC)
    elif (a.counted or a.metric) and (a.counted or a.metric) == (b.counted or b.metric):
        evidence.add(f"same thing counted ({a.counted or a.metric})", SAME_COUNTED)


def _weigh_subject(evidence: Evidence, a: Claim, b: Claim, rarity: WordRarity) -> None:
    words_a, words_b = _narrowing_words(a), _narrowing_words(b)
    if not words_a or not words_b:
        return
    shared = words_a & words_b
    if not shared:
        evidence.add(f"nothing shared in what narrows them ({a.subject}; {b.subject})",
                     SUBJECT_DISJOINT)  # fmt: skip
        return
    weight = rarity.weight(shared) / rarity.weight(words_a | words_b)
    evidence.add(f"shared words ({' '.join(sorted(shared))})", round(SUBJECT_SHARED * weight, 1))
    if words_a - words_b and words_b - words_a:
        own = f"{' '.join(sorted(words_a - words_b))}; {' '.join(sorted(words_b - words_a))}"
        evidence.add(f"each narrows it its own way ({own})", SUBJECTS_DIFFER)


def _narrowed_apart(a: Claim, b: Claim) -> bool:
    """Both narrow what they measure, with no word in common ('flexible', 'plastic rigid')."""
    words_a, words_b = _narrowing_words(a), _narrowing_words(b)
    return bool(words_a and words_b) and not words_a & words_b


def _narrowing_words(claim: Claim) -> set[str]:
    """The subject's words, and its entity's as a subject is written: 'Industrial Sensors lifted
    sales' and the table row 'Industrial Sensors' narrow the metric alike."""
    lexicon = load_lexicon()
    generic = lexicon.generic_subject_words
    words = {w for w in claim.subject.split() if w not in generic}
    if frozenset(words) in lexicon.forms_of_metric.get(claim.metric, frozenset()):
        return set()  # a table row 'Capital expenditure' names the metric, not a part of it
    if claim.entity and words:
        words |= {singular(w) for w in claim.entity.lower().split()}
    return words


_SHARED_SENTENCES = "sentences share"


def _weigh_context(
    evidence: Evidence, words_a: frozenset[str], words_b: frozenset[str], rarity: WordRarity
) -> None:
    """The two sentences share rare words ('fibre', 'Anhui'): they speak of the same thing."""
    words_a, words_b = _telling(words_a), _telling(words_b)
    shared = words_a & words_b
    if not shared:
        return
    weight = rarity.weight(shared) / rarity.weight(words_a | words_b)
    points = round(min(CONTEXT_SHARED, 2 * CONTEXT_SHARED * weight), 1)
    evidence.add(f"{_SHARED_SENTENCES} {' '.join(sorted(shared))}", points)


def _headline_restated(
    headline: frozenset[str], sentence: frozenset[str], rarity: WordRarity
) -> bool:
    """The sentence says most of what the headline says ('IMF APPROVES 48 MLN DLR LOAN TO
    ASSIST ECUADOR', 'it approved a 48 mln dlr loan to assist Ecuador')."""
    headline, sentence = _telling(headline), _telling(sentence)
    if not headline:
        return False
    return rarity.weight(headline & sentence) / rarity.weight(headline) >= _HEADLINE_COVERED


def noun_after(prose: str, claim: Claim) -> str:
    """The noun right after an amount, past its unit words ('loan' in '48 mln dlr loan', 'bond'
    in 'a 200 mln dlr bond'), or '' when another word, a comma or a verb comes first."""
    untelling = _untelling_words()
    start = claim.end
    bracket = _CONVERSION_AFTER.match(prose, start)  # "R4.26 billion ($317 million) project"
    start = bracket.end() if bracket else start
    end = min(len(prose), start + 40)
    for match in _TOKEN_AFTER.finditer(prose, start, end):
        token = match.group()
        lower = token.lower()
        if not token[0].isalpha() and token != "-":
            return ""  # a comma, a number: the amount's phrase has ended
        if lower in STOP_WORDS:
            return ""  # "4.50 dlrs a share", "146.7 mln dlrs from a revised ..."
        if token == "-" or lower in untelling:
            continue  # "mln", "dlr", "-strong"
        word = singular(lower)
        return "" if lower.endswith(("ed", "ing")) or len(word) < 3 else word
    return ""


_TOKEN_AFTER = re.compile(r"[^\W_]+|[^\w\s]")
_CONVERSION_AFTER = re.compile(r"\s*\([^()]{1,40}\)")


def _telling(words: frozenset[str]) -> frozenset[str]:
    """Words that may say what a sentence is about: not 'the', 'said', 'billion', 'year'."""
    untelling = _untelling_words()
    return frozenset(w for w in words if len(w) > 2 and w not in untelling)


@functools.cache
def _untelling_words() -> frozenset[str]:
    lexicon = load_lexicon()
    raw = lexicon.raw
    scales = {w for entry in raw["scales"].values() for w in entry["words"]}
    durations = {w for words in raw["durations"].values() for w in words}
    currencies = {w.lower() for entry in raw["currencies"].values() for w in entry["names"]}
    metrics = {w for section in ("metrics", "metric_verbs") for ws in raw[section].values()
               for w in ws}  # fmt: skip
    return frozenset(
        {*STOP_WORDS, *scales, *durations, *metrics, *currencies, *lexicon.wire_abbreviations,
         *raw["speech_verbs"], *raw["generic_subject_words"]}
    )  # fmt: skip


def _weigh_period(evidence: Evidence, a: Claim, b: Claim) -> None:
    periods = Period.of(a), Period.of(b)
    if a.scope_inherited or b.scope_inherited:
        if periods[0].contradicts(periods[1]):
            evidence.add("periods carried over from earlier text differ", INHERITED_PERIODS_DIFFER)
        return
    if periods[0].known and periods[0] == periods[1]:
        evidence.add(f"same period ({a.scope})", SAME_PERIOD)


def tense(claim: Claim, year: str = "") -> str:
    """'forecast' ("will invest ... this year"), 'outcome' (a stated period that is over, not a
    forecast) or '' (no period, or the year the document was written in: either)."""
    if claim.scope.endswith("(forecast)"):
        return "forecast"
    if not claim.scope or claim.scope_inherited:
        return ""
    period = Period.of(claim)
    if period.year.isdigit() and year.isdigit() and int(period.year) > int(year):
        return "forecast"  # "by 2020" in a story of 2018 has not happened yet
    if period.part == "FY" and period.year in ("", year):
        return ""  # "the 64 remodels we're doing this year", "on track for 154,000 tonnes"
    if period.span and not claim.scope.startswith("past"):
        return ""  # "over three years": the next three or the last three
    return "outcome"


# Parts of a year named without saying which: of one kind, so only another kind contradicts them.
_UNNUMBERED_PARTS = {"the quarter": "Q?", "the half": "H?", "the month": "M?"}
_QUARTER = re.compile(r"\bQ([1-4])\b")
_HALF = re.compile(r"\bH([12])\b")
_MONTH = re.compile(r"(?:-|\bmonth )(0[1-9]|1[0-2])\b")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_SPAN = re.compile(r"^(?:next |past |over )?(\d+) (year|month|week|day)s?$")


@dataclass(frozen=True)
class Period:
    """A claim's period in parts: year, part of a year (Q1, H2, a month), or a span (5 years)."""

    year: str = ""
    part: str = ""  # "Q1", "H2", "M03", "FY" for a full year
    span: str = ""  # "5 year"

    @classmethod
    def of(cls, claim: Claim) -> Period:
        return _period_of(claim.scope)

    @classmethod
    def read(cls, scope: str) -> Period:
        """The parts of a scope as the pipeline writes it: '2024-Q1 (forecast)', '5 years'."""
        scope = scope.removesuffix(" (forecast)").removesuffix("(forecast)").strip()
        if span := _SPAN.match(scope):
            return cls(span=f"{span.group(1)} {span.group(2)}")
        year = _YEAR.search(scope)
        part = ""
        if quarter := _QUARTER.search(scope):
            part = f"Q{quarter.group(1)}"
        elif half := _HALF.search(scope):
            part = f"H{half.group(1)}"
        elif month := _MONTH.search(scope):
            part = f"M{month.group(1)}"
        elif _full_year(scope, year.group() if year else ""):
            part = "FY"
        elif scope in _UNNUMBERED_PARTS:
            part = _UNNUMBERED_PARTS[scope]
        return cls(year.group() if year else "", part, "")

    @property
    def known(self) -> bool:
        return bool(self.year or self.part or self.span)

    def contradicts(self, other: Period) -> bool:
        """Both say which period, and not the same one: 2023 and 2024, Q1 and Q2, a full year
        and a quarter, five years and three."""
        if self.span and other.span:
            return self.span != other.span
        if self.span or other.span:
            return False  # "the first three months" and "Q1": a span is not placed in time
        if self.year and other.year and self.year != other.year:
            return True
        if not (self.part and other.part):
            return False
        if "?" in self.part + other.part:  # "the quarter" is no full year, but may be Q4
            return self.part[0] != other.part[0]
        return self.part != other.part


@functools.lru_cache(maxsize=1024)
def _period_of(scope: str) -> Period:
    """Period.read, once per scope: every pair weighed reads both periods."""
    return Period.read(scope)


def _full_year(scope: str, year: str) -> bool:
    """'2023', 'FY2023', '2023 full year', 'the year', 'this year'."""
    if year:
        return scope in (year, f"FY{year}") or "full year" in scope
    return scope in ("full year", "the year", "this year", "year to date")


def typical_slip(
    x: Decimal | None,
    y: Decimal | None,
    short: bool = False,
    steps: tuple[Decimal, Decimal] | None = None,
) -> str:
    """How ``y`` may be ``x`` written wrongly: 'power of ten', 'transposed', 'one digit', or ''.
    One digit changed counts only in figures of three digits or more, unless ``short``. With
    the figures' stated ``steps``, a figure written coarser than the other ('£468 million',
    step a million) is compared with the other rounded to its precision."""
    if x is None or y is None or x == y or not x or not y:
        return ""
    digits_x, digits_y = _digits(x), _digits(y)
    if len(digits_x) != len(digits_y) and _magnitude(x) == _magnitude(y):
        if steps is None:
            return ""
        if not _rounded_restatement(x, y, steps):
            # "8,400 dlrs" and "8,040 dlrs", each written to the dollar: its zeros are digits;
            # not in a round figure ("its 100 billion dlr debt" for 109 billion)
            if min(len(digits_x), len(digits_y)) < 2:
                return ""
            width = max(len(digits_x), len(digits_y))
            digits_x, digits_y = digits_x.ljust(width, "0"), digits_y.ljust(width, "0")
            return _one_slip(digits_x, digits_y, short)
        # "£486.3m" restated as "£468 million": compare at the coarser figure's precision
        places = min(len(digits_x), len(digits_y))
        if places < (2 if short else 3):
            return ""  # "3.14" and "1.3": two digits say too little, unless the later figure is
            # given as known ("23,400 tonnes", then "the thirty-two thousand tonnes")
        digits_x, digits_y = _rounded_digits(x, places), _rounded_digits(y, places)
        if digits_x == digits_y:
            return ""  # a rounding, not a slip
        if places == 2:  # given as known and rounded: "23,400", then "thirty-two thousand"
            rounded_later = steps[1] >= steps[0]
            swapped = _one_slip(digits_x, digits_y, short) == "transposed"
            return "transposed" if rounded_later and swapped else ""
    elif len(digits_x) != len(digits_y) and steps is not None and min(steps) >= _THOUSAND:
        # "Rs 13,420 crore" restated as "about ₹13.4 billion": rounded, and a power of ten off
        # (figures written with a scale word; "241 patients" rounds nothing of "2,406")
        places = min(len(digits_x), len(digits_y))
        if places >= 3 and _rounded_digits(x, places) == _rounded_digits(y, places):
            digits_x = digits_y = _rounded_digits(x, places)
    if digits_x == digits_y:
        # a decimal point moved, or million for thousand or billion: not 27 dlrs a share and
        # 270 mln dlrs
        return "power of ten" if abs(_magnitude(x) - _magnitude(y)) <= 3 else ""
    if len(digits_x) != len(digits_y) or _magnitude(x) != _magnitude(y):
        return ""
    return _one_slip(digits_x, digits_y, short)


_THOUSAND = Decimal(1000)


def _one_slip(digits_x: str, digits_y: str, short: bool) -> str:
    """'transposed', 'one digit' or '' between two digit strings of one length."""
    differ = [i for i, (p, q) in enumerate(zip(digits_x, digits_y, strict=True)) if p != q]
    if (
        len(differ) == 2
        and digits_x[differ[0]] == digits_y[differ[1]]
        and (digits_x[differ[1]] == digits_y[differ[0]])
    ):
        return "transposed"
    if len(differ) == 1 and (len(digits_x.rstrip("0")) >= 3 or short):
        return "one digit"  # between two digits, one changed is as likely another figure
    return ""


_SLIP_SHARE = Decimal("0.03")


def rounding_slip(a: Claim, b: Claim, steps: int) -> bool:
    """43.8 and 43.6, or 2.34 and 2.4: the same figure, its last digits written differently."""
    if a.value_high is not None or b.value_high is not None:
        return False
    if a.qualifier or not (rounds_exactly(b) and (not b.qualifier or b.step > a.step)):
        return False  # an approximate figure may round only an earlier, more precise one
    coarser = max(a.step, b.step)
    if not coarser or not a.step or not b.step:
        return False
    digits = sorted(len(str(int(abs(c.value) / c.step))) for c in (a, b))
    if digits[0] < 2 or digits[1] < 3:
        return False  # "17 cts" and "15 cts" are two figures, not one written twice
    difference = abs(a.value - b.value)
    # A slip in the last digits is small next to the figure: 16.67 and 18 are two prices.
    return difference <= steps * coarser and difference <= _SLIP_SHARE * max(a.value, b.value)


def rounds_exactly(claim: Claim) -> bool:
    """A figure that says which value it rounds: one with no qualifier, or an approximate one
    that is not round ('roughly $13.4 billion' still rounds to the nearest 0.1 billion; 'about
    40%' or 'some 4.5 million' may be rounded further)."""
    if not claim.qualifier:
        return True
    if claim.qualifier != "approx" or claim.value is None or not claim.step:
        return False
    return (abs(claim.value) / claim.step).to_integral_value() % 10 not in (0, 5)


def _digits(value: Decimal) -> str:
    """The significant digits: 1.457 billion and 14.57 million both give '1457'."""
    return "".join(str(d) for d in abs(value).normalize().as_tuple().digits)


def _rounded_restatement(x: Decimal, y: Decimal, steps: tuple[Decimal, Decimal]) -> bool:
    """The figure with fewer digits is written to a precision coarser than a unit: '£468
    million' may round £486.3 million; '36,300' dollars, written to the dollar, rounds nothing."""
    coarse, step = (x, steps[0]) if len(_digits(x)) < len(_digits(y)) else (y, steps[1])
    places = len(_digits(coarse))
    return step >= Decimal(1).scaleb(_magnitude(coarse) - places + 1)


def _rounded_digits(value: Decimal, places: int) -> str:
    """The first ``places`` significant digits of ``value``, rounded: 486.3 to 3 is '486'."""
    exponent = _magnitude(value) - places + 1
    rounded = abs(value).quantize(Decimal(1).scaleb(exponent), rounding="ROUND_HALF_UP")
    return _digits(rounded).ljust(places, "0")[:places]


def _magnitude(value: Decimal) -> int:
    return abs(value).adjusted()


def significant(value: Decimal | None) -> int:
    return len(_digits(value)) if value else 0


class WordRarity:
    """How rare each word is among the sentences of a document that hold figures: a subject word
    found in one sentence ('fibre') says more than one found in ten ('company')."""

    def __init__(self, sentences: Iterable[Iterable[str]]) -> None:
        self._frequency: Counter[str] = Counter()
        self._sentences = 0
        for words in sentences:
            self._sentences += 1
            self._frequency.update(set(words))

    def weight(self, words: Iterable[str]) -> float:
        return sum(math.log(1 + self._sentences / (1 + self._frequency[w])) for w in words) or 1.0


def given_again(by_value: Mapping[tuple, Sequence[Claim]]) -> frozenset[int]:
    """The figures (not percentages, two significant digits or more) whose value, kind and unit
    another sentence states too; ``by_value`` holds the figures by kind, unit and value."""
    found: list[int] = []
    for (kind, _, value), claims in by_value.items():
        if kind not in ("money", "count", "quantity") or significant(value) < 2:
            continue
        kept = [c for c in claims if c.value_high is None]
        if len({c.sentence_start for c in kept}) > 1:
            found.extend(c.start for c in kept)
    return frozenset(found)


def referred_back(prose: str, claim: Claim) -> bool:
    """'the €2.8m we have been given', 'The KSh 2.3 billion we owe them': a definite figure that
    a clause with a pronoun for its subject says more of, as of something already known."""
    before = prose[max(0, claim.start - 8) : claim.start]
    return bool(_DEFINITE_BEFORE.search(before) and _PRONOUN_CLAUSE.match(prose, claim.end))


_DEFINITE_BEFORE = re.compile(r"\b(?:the|that|this)\s+$", re.IGNORECASE)
_PRONOUN_CLAUSE = re.compile(r"\s+(?:we|they|i|you|he|she)\s+[a-z]", re.IGNORECASE)
