"""Parts, wholes and shares: how figures in one sentence relate to each other.

Read from the words between neighbouring claims of a sentence, so only a sentence with two or more
figures costs anything. The forms:

* share: "₹300 crore, or 40% of the ₹1,200 crore total"; "₹300 crore accounts for 40% of the
  ₹1,200 crore"; "12 of the 40 seats, or 30%"; "40% of the ₹1,200 crore total, or ₹300 crore".
* part of a whole: every share, and "12 of the 40 seats", "52 out of 41", "Of those 41 million
  passengers, 52 million flew economy".
* list: figures joined by commas and a final "and" ("$4m from ads and $5m from subscriptions").
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from spacy.lang.en.stop_words import STOP_WORDS

from checker.checks.evidence import Period
from checker.checks.restatements import _word_set
from checker.claims import Claim
from checker.document import Document
from checker.nlp.context import singular
from checker.nlp.lexicon import load_lexicon
from checker.tables import has_tables, of_which_rows

_SKIPPED_KINDS = {"date", "duration"}
_PARENTHESES = re.compile(r"\([^()]*\)")
_QUALIFIERS = (
    r"(?:about|around|roughly|some|nearly|almost|approximately|just|over|under|more than|less than)"
)
# Between a part and its share: ", or", "(", ", representing", "accounts for".
_PART_TO_SHARE = re.compile(
    rf"^\s*(?:\(|(?:,|\(|—|–)?\s*(?:now\s+|still\s+|alone\s+|together\s+)?"
    rf"(?:or|representing|which is|equal to|equivalent to|"
    rf"accounting for|accounts for|accounted for|account for|making up|makes up|made up|"
    rf"amounting to|amounts to)"
    rf"|(?:[a-z][\w-]*\s+){{0,2}}(?:represent|represents|represented|constitute|constitutes"
    rf"|constituted|make up|comprise|comprises|comprised)|\s*[—–])\s*(?:{_QUALIFIERS}\s*)*$",
    re.IGNORECASE,
)  # also "The 142 positions represent about 9 percent of the 2,310 employees"
# Between a share and its whole: "of the", "of its", "of all"; "of the construction cost of",
# "of Allegheny Beverage's total revenues of".
_SHARE_TO_WHOLE = re.compile(
    r"^\s*of\s+(?:(?:(?:the|its|their|his|her|this|that|these|those|all|a|an|total|overall|"
    r"combined|entire|[\w-]+['’]s)\s+)*"
    r"|(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+)?(?:[\w-]+['’]s\s+)?(?:[a-z][\w-]*\s+){1,2}of\s+)$",
    re.IGNORECASE,
)
# Between a part and its whole: "12 of the 40", "52 out of 41".
_PART_OF_WHOLE = re.compile(
    r"^\s*(?:out\s+)?of\s+(?:(?:the|its|their|those|these|all|a|total|[\w-]+['’]s)\s+)*$",
    re.IGNORECASE,
)  # "71.4 million of Coralfield's 476.3 million shares"
# After a whole, before the share: "seats, or", "seats (", "council seats on the ballot, or".
_WHOLE_TO_SHARE = re.compile(
    rf"^\s*(?:[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,5}})?\s*(?:,\s*or|\(|—|–|,\s*representing)"
    rf"\s*(?:{_QUALIFIERS}\s*)*$",
    re.IGNORECASE,
)
# "40% of the ₹1,200 crore total, or ₹300 crore"
_WHOLE_TO_PART = re.compile(
    r"^\s*(?:[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?\s*(?:,\s*or|\()\s*$", re.IGNORECASE
)
_OF_THOSE = re.compile(
    r"(?:^|[.;:!?]\s+|^\s*)of\s+(?:(?:the|those|these|its|their|all|a|total)\s+)*$",
    re.IGNORECASE,
)
# "Of the 2,140 images it returned during the 36-hour flyby window, 2,410 were ...": words (a
# duration or a date among them) and a comma.
_AFTER_OF_THOSE = re.compile(r"^\s*(?:[\w][\w-]*\s+){0,10}[a-z][\w-]*\s*,\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Share:
    part: Claim
    percent: Claim
    whole: Claim


@dataclass(frozen=True, slots=True)
class PartOfWhole:
    part: Claim
    whole: Claim


def sentences(document: Document) -> Iterator[list[Claim]]:
    """The claims of each sentence that has two or more, in order, without restated equivalents."""
    grouped: dict[int, list[Claim]] = defaultdict(list)
    for claim in document.claims:
        if _counts_in_sentence(claim):
            grouped[claim.sentence_start].append(claim)
    for claims in grouped.values():
        if len(claims) > 1:
            yield sorted(claims, key=lambda c: c.start)


def _counts_in_sentence(claim: Claim) -> bool:
    return claim.kind not in _SKIPPED_KINDS and claim.value is not None and claim.equivalent_of < 0


def gap(document: Document, left: Claim, right: Claim) -> str:
    """The prose between two claims, without parentheses such as a restated '($36 million)'."""
    return _PARENTHESES.sub(" ", document.source.prose[left.end : right.start])


def same_measure(a: Claim, b: Claim) -> bool:
    return a.kind == b.kind and a.unit == b.unit and a.kind not in ("percent", "percentage_points")


T = TypeVar("T")
V = TypeVar("V")


def once_per_document(build: Callable[[Document], V]) -> Callable[[Document], V]:
    """Build what a document gives once: several checks ask for it in turn, each about the same
    document. Only the last document's answer is kept, so a reader never sees another's."""
    last: list[tuple[Document, V] | None] = [None]

    @functools.wraps(build)
    def read(document: Document) -> V:
        entry = last[0]
        if entry is None or entry[0] is not document:
            entry = (document, build(document))
            last[0] = entry
        return entry[1]

    return read


def _once_per_document(
    function: Callable[[Document], Iterator[T]],
) -> Callable[[Document], Iterator[T]]:
    """Read a document's relations once (the conflict rules, part-exceeds-whole, the share and
    sum checks ask for them in turn), kept as one tuple."""
    cached = once_per_document(lambda document: tuple(function(document)))

    @functools.wraps(function)
    def read(document: Document) -> Iterator[T]:
        return iter(cached(document))

    return read


@_once_per_document
def shares(document: Document) -> Iterator[Share]:
    for claims in sentences(document):
        found = [_share_at(document, *claims[i : i + 3]) for i in range(len(claims) - 2)]
        yield from (share for share in found if share is not None)
        percents = {share.percent.start for share in found if share is not None}
        yield from _shares_of_opening_whole(document, claims, percents)
        yield from _shares_of_named_whole(document, claims, percents)


@dataclass(frozen=True, slots=True)
class UnstatedShare:
    """'612,000oz, or 47% of the group total': a share whose whole is not written beside it,
    and the figures before it that may be that whole."""

    part: Claim
    percent: Claim
    wholes: tuple[Claim, ...]
    joined: bool = True  # joined as a share is ("X, or 47%"); else only near ("X, 54.7 pct")
    whole_named: str = ""  # what the share is 'of': 'the total', 'revenue receipts'


# "of the group total", "of group revenue", "of everyone waiting": the whole a share names.
_OF_PHRASE = re.compile(
    r"\s*of\s+(?P<phrase>(?:[\w'’-]+[^\S\n]+){0,4}?[\w'’-]+)[^\S\n]*"
    r"(?=[,.;:)\n]|\s+(?:and|while|with|as|in)\b|$)",
    re.IGNORECASE,
)
# A share written after its part with no word that joins them: "262.52 billion dlrs, 54.7 pct",
# "77.6 mln shares or 89 pct": enough to imply a whole, not to judge one.
_NEAR_SHARE = re.compile(r"^\s*(?:[a-z]+\s*){0,2}(?:,|\bor\b|\()\s*(?:about\s+|some\s+)?$", re.I)
# The sentences before a share in which its whole may be: any of their figures that gives the
# share clears it, so the window is wide.
_WHOLE_SENTENCES_BACK = 12


def unstated_shares(
    document: Document, judged: frozenset[int] | None = None
) -> Iterator[UnstatedShare]:
    """Shares whose whole is not written beside them, named by its metric ('or 45% of
    charitable spending') or said to be the total ('or 47% of the group total'), with the
    figures before them that may be that whole (none, if none may). ``judged``: the shares'
    percentages already judged beside their whole (found again when not given)."""
    judged = judged_shares(document) if judged is None else judged
    prose = document.source.prose
    lexicon = load_lexicon()
    metrics = lexicon.metric_of_word
    baselines = {c.change_from for c in document.claims if c.change_from >= 0}
    for claims in sentences(document):
        for part, percent in itertools.pairwise(claims):
            if (
                percent.start in judged
                or percent.kind != "percent"
                or not _level(percent)
                or part.kind not in ("money", "count", "quantity")
                or not _level(part)
                or not part.value
            ):
                continue
            between = gap(document, part, percent)
            joined = bool(_PART_TO_SHARE.match(_after_counted(part, between)))
            joined = joined or bool(_CLAUSE_THEN_SHARE.match(between))  # "1,870 work at
            # Kessel Lake, or 62% of the workforce"
            if not joined and not _NEAR_SHARE.match(between):
                continue
            if _closes_aside(prose, part, between):
                continue
            named = _OF_PHRASE.match(prose, percent.end)
            if named is None:
                continue
            words = named.group("phrase").lower().split()
            metric = next((_metric_of(w, metrics) for w in words if _metric_of(w, metrics)), "")
            group = not lexicon.share_of_group_words.isdisjoint(words)  # "of those who applied"
            # else only a name: "or 11% of the fund", of "the £8,412m fund" before it
            named_only = not (metric or group) and lexicon.share_of_total_words.isdisjoint(words)
            if named_only and not joined:
                continue
            candidates = _figures_before(document, percent, _WHOLE_SENTENCES_BACK)
            candidates += _whole_in_clause_after(document, percent)
            wholes = tuple(
                c
                for c in candidates
                if _may_be_whole(c, part, any_counted=group)
                and c.start not in baselines  # "4.8% on the 1,762,900 of 2011": a past figure
                and (not metric or _of_metric(c, metric))
            )
            alike = _named_alike(prose, wholes, words)
            if named_only and len(alike) != 1:
                continue
            wholes = alike or wholes
            wholes = _without_parts(document, _without_roundings(wholes))
            yield UnstatedShare(part, percent, wholes, joined, " ".join(words))


def shares_of_known_parts(document: Document, handled: frozenset[int]) -> Iterator[Share]:
    """A share joined to a part whose whole an opening names ('Of those, 31.2 million, or 38%,
    ride the light rail'; 'Of those still waiting, 2,150 households, or 35.1 per cent'): the
    share is of that whole. ``handled``: the percentages judged already."""
    pairs = [
        (part, percent)
        for claims in sentences(document)
        for part, percent in _parts_with_shares(
            document, claims, handled, ("money", "count", "quantity")
        )
        if _level(percent) and _level(part)
    ]
    if not pairs:
        return  # most documents: no opening to read
    wholes = {
        relation.part.start: relation.whole
        for relation in itertools.chain(
            _of_that(document), _of_named_group(document), _of_that_after(document)
        )
    }
    for part, percent in pairs:
        if part.start in wholes:
            yield Share(part, percent, wholes[part.start])


def _without_parts(document: Document, wholes: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """The wholes less those that are parts of another ('questioned 1,250 households ... Of
    those, 815 said'): 'of those surveyed' is the larger group."""
    if len(wholes) < 2:
        return wholes
    starts = {w.start for w in wholes}
    parts = {p.part.start for p in parts_of_wholes(document) if p.whole.start in starts}
    return tuple(w for w in wholes if w.start not in parts) or wholes


def _without_roundings(wholes: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """The wholes less those that round another ('passes 1.8 million' in a headline, then
    '1,847,300'): the exact figure is the one a share is worked out from."""
    kept = []
    for whole in wholes:
        low, high = whole.interval()
        if not any(other.step < whole.step and low <= other.value <= high for other in wholes):
            kept.append(whole)
    return tuple(kept)


def _metric_of(word: str, metrics: dict[str, str]) -> str:
    """The metric a word of a whole's name is, in the singular too ('the subscriber base')."""
    return metrics.get(word) or metrics.get(f"{word}s", "")


# Between a part and its share: a clause on the part (not "an hour", "of the budget"), then
# ", or": "6,950 had been waiting longer than the target, or 17% of the list".
_CLAUSE_THEN_SHARE = re.compile(
    r"^\s*(?!(?:of|a|an|per|each)\b)(?:[a-z][\w'’-]*\s+){1,8}?[a-z][\w'’-]*\s*,\s*"
    r"(?:or|representing|equal to)\s*$",
    re.IGNORECASE,
)


def _named_alike(prose: str, wholes: tuple[Claim, ...], words: list[str]) -> tuple[Claim, ...]:
    """The wholes whose own words share a stem with what the share is 'of' ('of all the energy
    purchased': 'The utility purchased 9,420 gigawatt-hours', not 'billed customers for
    7,630 GWh')."""
    generic = load_lexicon().too_generic_names
    stems = {w[:_STEM] for w in words if len(w) > _STEM and w not in generic}
    return tuple(
        whole
        for whole in wholes
        if stems & {w[:_STEM] for w in _WORD.findall(_around(prose, whole).lower())}
    )


def _around(prose: str, claim: Claim) -> str:
    """The few words before a figure and the word after it, within its sentence."""
    before = prose[max(claim.sentence_start, claim.start - 40) : claim.start]
    return before + prose[claim.end : claim.end + 15]


_STEM = 5
_WORD = re.compile(r"[a-z][a-z'’-]+")


def _whole_in_clause_after(document: Document, percent: Claim) -> list[Claim]:
    """The first figure after a share in a clause on what it is of: '6.3 pct of the company,
    which had 24.9 mln shares outstanding'."""
    prose = document.source.prose
    after = [c for c in document.in_sentence(percent.sentence_start) if c.start > percent.end]
    if after and _WHOLE_CLAUSE.match(prose, percent.end, after[0].start):
        return after[:1]
    return []


# "of the company, which had", "of the company's" ... "which has", "with": what the share is of,
# then the figure of that whole.
_WHOLE_CLAUSE = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s*,\s*"
    r"(?:which|that)\s+(?:had|has|have)\s+(?:about\s+|some\s+)?$",
    re.IGNORECASE,
)


def _figures_before(document: Document, claim: Claim, sentences_back: int) -> list[Claim]:
    starts = document.sentences_before(claim.sentence_start, sentences_back)
    found = [c for start in starts for c in document.in_sentence(start)]
    return found + [c for c in document.in_sentence(claim.sentence_start) if c.end <= claim.start]


def _may_be_whole(whole: Claim, part: Claim, any_counted: bool = False) -> bool:
    return (
        whole is not part
        and same_measure(whole, part)
        and whole.value is not None
        and whole.value > part.value
        and whole.equivalent_of < 0
        and whole.value_high is None
        and whole.qualifier not in ("lower", "upper")
        and _level(whole)
        and (any_counted or _counted_alike(whole, part))
        and (whole.scope_inherited or part.scope_inherited or not _of_other_periods(whole, part))
    )  # a period carried over from earlier text is too often misread to rule a whole out


def _counted_alike(whole: Claim, part: Claim) -> bool:
    """Not two things counted: '2,730 schools' and '3,120 schools', or a part naming none, or
    two names of one metric ('subscribers' and '5G users')."""
    if whole.metric and whole.metric == part.metric and whole.metric != whole.counted:
        return True
    lexicon = load_lexicon()
    if {whole.counted, part.counted} & (lexicon.generic_counted - lexicon.generic_people):
        return True  # "Light trucks, at 47,220 units, made up 35.9 pct of the total" vehicles
    return not (whole.counted and part.counted and whole.counted != part.counted)


def _of_metric(claim: Claim, metric: str) -> bool:
    return claim.metric == metric or load_lexicon().related_metrics(claim.metric, metric)


def judged_shares(document: Document) -> frozenset[int]:
    """Where the percentages of the shares judged beside their whole start."""
    return frozenset(share.percent.start for share in shares(document))


def _parts_with_shares(
    document: Document, claims: list[Claim], judged: frozenset[int], kinds: tuple[str, ...]
) -> list[tuple[Claim, Claim]]:
    """'1,410,184 shares, or 6.3 pct', '2.35 billion zlotys of the bonds, or 28 pct': a part of
    one of ``kinds`` and the share joined to it, not judged already and not a change."""
    return [
        (part, percent)
        for part, percent in itertools.pairwise(claims)
        if percent.start not in judged
        and _part_and_its_share(part, percent, kinds)
        and _PART_TO_SHARE.match(_between_part_and_share(document, part, percent))
    ]


def _part_and_its_share(part: Claim, percent: Claim, kinds: tuple[str, ...]) -> bool:
    """A part of one of ``kinds`` and a percentage, both with a value, neither a change."""
    return (
        percent.kind == "percent"
        and part.kind in kinds
        and bool(part.value)
        and bool(percent.value)
        and "change" not in (part.role, percent.role)
    )


def _between_part_and_share(document: Document, part: Claim, percent: Claim) -> str:
    """The words between a part and its share, past what the part counts or is of: ', or '."""
    return _OF_WHAT.sub("", _after_counted(part, gap(document, part, percent)), count=1)


def stakes(
    document: Document, judged: frozenset[int] | None = None
) -> Iterator[tuple[tuple[Claim, Claim], tuple[Claim, Claim]]]:
    """Two parts of one unnamed whole in a sentence, each with its share: '1,410,184 shares, or
    6.3 pct of the total, from 1,626,233 shares, or 7.3 pct'. Each pair implies the whole."""
    judged = judged_shares(document) if judged is None else judged
    for claims in sentences(document):
        # shares of a stock: a whole that stays put, unlike a period's turnover, which a
        # baseline's share is of
        pairs = _parts_with_shares(document, claims, judged, ("count",))
        if not pairs or not _of_a_whole().match(document.source.prose, pairs[0][1].end):
            continue  # "or 6.3 pct of the total": a share; "an increase of $4.1bn, or 12%": not
        for first, second in itertools.pairwise(pairs):
            if _of_other_periods(first[0], second[0]):
                continue  # "in 2019 ..., $6.4 million or 50% of total revenue in 2018"
            if (first[0].kind, first[0].unit, first[0].counted) == (
                second[0].kind,
                second[0].unit,
                second[0].counted,
            ):
                yield first, second


def sibling_stakes(
    document: Document, judged: frozenset[int] | None = None
) -> Iterator[tuple[tuple[Claim, Claim], tuple[Claim, Claim]]]:
    """Parts of one whole in consecutive sentences of a paragraph, the first naming the whole
    and the next not: 'bought 2.35 billion zlotys of the bonds, or 28 pct of the amount sold.
    Domestic banks took 3.78 billion, or 48 pct'. Each pair implies the whole."""
    judged = judged_shares(document) if judged is None else judged
    prose = document.source.prose
    previous: tuple[Claim, Claim] | None = None
    for claims in sentences(document):
        pairs = [
            (part, percent)
            for part, percent in _parts_with_shares(
                document, claims, judged, ("money", "count", "quantity")
            )
            if part.role == percent.role == "level"
        ]
        named = [p for p in pairs if _OF_PHRASE.match(prose, p[1].end)]
        bare = [p for p in pairs if not _OF_PHRASE.match(prose, p[1].end)]
        if previous is not None and bare and len(pairs) == len(bare):
            first, second = previous, bare[0]
            same_paragraph = "\n\n" not in prose[first[1].end : second[0].start]
            if (
                same_paragraph
                and not _of_other_periods(first[0], second[0])
                and _alike_or_elided(first[0], second[0])
            ):
                yield first, second
        if named or pairs:
            previous = named[-1] if named else None


def company_stakes(
    document: Document, judged: frozenset[int] | None = None
) -> Iterator[tuple[tuple[Claim, Claim], tuple[Claim, Claim]]]:
    """Holdings of one company's shares anywhere in a story ('owns 41.3 mln shares, or 11.0
    pct'), each with the nearest holding before it: all are of the company's shares, so each
    pair implies the same whole. Holdings already judged beside their whole are left out."""
    judged = judged_shares(document) if judged is None else judged
    prose = document.source.prose
    held: list[tuple[Claim, Claim]] = []
    for claims in sentences(document):
        for part, percent in itertools.pairwise(claims):
            if not _holding(document, prose, part, percent) or percent.start in judged:
                continue
            if held:
                yield held[-1], (part, percent)
            held.append((part, percent))


def _holding(document: Document, prose: str, part: Claim, percent: Claim) -> bool:
    """'30.8 mln shares, or 9.7 pct', '4.2 mln shares ..., equal to 5.9 pct of Brinkvik's share
    capital': shares held, and their share of the company (no other whole named)."""
    shares = load_lexicon().share_nouns
    if not (_part_and_its_share(part, percent, ("count",)) and part.counted in shares):
        return False
    between = _between_part_and_share(document, part, percent)
    if not (_PART_TO_SHARE.match(between) or _HELD_TO_SHARE.search(between)):
        return False
    named = _OF_PHRASE.match(prose, percent.end)
    return (
        named is None
        or _of_a_whole().match(prose, percent.end) is not None
        or bool(_OF_THE_COMPANY.match(prose, percent.end))
    )


# "4.2 mln shares on Wednesday from the pension fund, equal to 5.9 pct"
_HELD_TO_SHARE = re.compile(r",\s*(?:equal to|equivalent to|representing)\s*$", re.IGNORECASE)
_OF_THE_COMPANY = re.compile(
    r"\s*of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:[\w-]+['’]s\s+)?(?:share\s+capital|capital|"
    r"shares|stock|equity|company)\b"
)


def _alike_or_elided(first: Claim, second: Claim) -> bool:
    """Of one kind and unit, or the second an amount whose currency is left to the first
    ('2.35 billion zlotys ..., 3.78 billion')."""
    if (first.kind, first.unit, first.counted) == (second.kind, second.unit, second.counted):
        return True
    return (
        first.kind == "money" and second.kind == "count" and not second.counted and _scaled(second)
    )


def _scaled(claim: Claim) -> bool:
    """Written with a scale word: '3.78 billion', not '378'."""
    return claim.value is not None and claim.value >= 1000 and claim.step >= 1000


# "2.35 billion zlotys of the bonds, or 28 pct": what the amount is of, before its share
_OF_WHAT = re.compile(r"^\s*of\s+(?:the|its|their)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?(?=\s*,)", re.I)


def _of_other_periods(a: Claim, b: Claim) -> bool:
    return a.scope != b.scope and Period.of(a).contradicts(Period.of(b))


@functools.cache
def _of_a_whole() -> re.Pattern[str]:
    """'of the total', 'of the outstanding shares', 'of the bank': a company's shares."""
    words = ["total", "outstanding", "issued", "voting", "common", *load_lexicon().company_nouns]
    return re.compile(
        rf"\s*of\s+(?:the\s+|its\s+|their\s+)?(?:{'|'.join(map(re.escape, words))})\b",
        re.IGNORECASE,
    )


_COUNTED_WORDS = re.compile(
    r"^\s*(?:of\s+(?:the|its|their)\s+)?[^\W_][\w-]*(?:\s+[^\W_][\w-]*){0,4}?"
    r"(?=\s*(?:[,(]|or\b))"
)  # "shares, or", "of its common shares, or", "5G users, or"


def _after_counted(part: Claim, between: str) -> str:
    """The words after a count's counted noun: ' shares, or ' is ', or ' after 1,410,184."""
    match = _COUNTED_WORDS.match(between)
    if part.counted and match and part.counted in match.group().lower():
        return between[match.end() :]
    return between


def _shares_of_named_whole(
    document: Document, claims: list[Claim], done: set[int]
) -> Iterator[Share]:
    """'Roads get ₹2,230 crore, or 18% of capital spending': the whole is the figure an earlier
    sentence gives for 'capital spending' ('capital spending would rise to ₹7,450 crore')."""
    prose = document.source.prose
    for part, percent in itertools.pairwise(claims):
        if percent.start in done or percent.kind != "percent" or not _level(percent):
            continue
        between = gap(document, part, percent)
        if part.kind not in ("money", "count", "quantity") or not _PART_TO_SHARE.match(between):
            continue
        if _closes_aside(prose, part, between):
            continue
        named = _NAMED_WHOLE.match(prose, percent.end)
        if named is None or named.group("name").lower() in load_lexicon().too_generic_names:
            continue
        whole = _figure_named(document, named.group("name"), part)
        if whole is not None:
            yield Share(part, percent, whole)


def _closes_aside(prose: str, part: Claim, between: str) -> bool:
    """'Oncology, of which Velantrex accounted for CHF 1.38 billion, now makes up 38% of group
    sales': the part ends an aside, and the share after it is the sentence's subject's."""
    opening = prose[part.sentence_start : part.start]
    return between.lstrip().startswith(",") and _ASIDE_OPENING.search(opening) is not None


_ASIDE_OPENING = re.compile(r",\s*(?:of which|of whom|including|among them)\b[^,]*$", re.I)


def named_whole(document: Document, part: Claim) -> Claim | None:
    """'Schools will get $3.1 billion of the new funds': the figure an earlier sentence gives
    for 'the new funds' ('The new funds total $5.2 billion'), whatever its size."""
    if part.kind not in ("money", "quantity") or not _level(part):
        return None  # "Five of the plants": counts of things are too often of other things
    named = _AMOUNT_OF_NAMED.match(document.source.prose, part.end)
    if named is None:
        return None
    name = named.group("name").lower()
    if _DEMONSTRATIVE.match(named.group()):
        return None  # "R$6.5 billion of that total": the figure just before, not one named so
    if name in load_lexicon().too_generic_names and name != "total":
        return None  # "78 billion yen of the total": of the figure the text calls the total
        # ("total demand was 74.5 billion yen")
    return _figure_named(document, name, part, larger=False)


_DEMONSTRATIVE = re.compile(r"\s+of\s+(?:that|this)\s+total\b", re.IGNORECASE)
# "$3.1 billion of the new funds", "£96m of that budget": a part of a whole named before.
_OF_NAMED = (
    r"\s+of\s+(?:the|its|their|that|this{those})\s+(?P<name>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){{0,2}}{lazy})"
    r"\s*(?=[,.;)]|\s+(?:and|will|would|to|for|goes|went|is|was|are|were|have|has|had{more})\b|$)"
)
# "19,240 of those sites": a count of things counted before
_PART_OF_NAMED = re.compile(_OF_NAMED.format(lazy="", more="", those="|those|these"), re.IGNORECASE)
# An amount's whole, named in as few words as a following preposition allows: "N47.2 billion of
# the book at year-end" is of "the book"
_AMOUNT_OF_NAMED = re.compile(
    _OF_NAMED.format(lazy="?", more="|at|in|on|by", those=""), re.IGNORECASE
)


def figure_of_name(document: Document, name: str, part: Claim) -> Claim | None:
    """The nearest figure before ``part``, in the six sentences before it, that the text gives
    as an amount of ``name``: '£18.7m of savings', '£18.7m in savings', or 'savings of £18.7m'."""
    prose = document.source.prose
    window_start = _sentences_back(document, part, 6)
    after = re.compile(rf"\s+(?:of|in)\s+(?:[\w'’-]+\s+){{0,2}}?{re.escape(name)}\b", re.I)
    for claim in reversed(document.starting_in(window_start, part.sentence_start)):
        if same_measure(claim, part) and _level(claim) and after.match(prose, claim.end):
            return claim
    return _figure_named(document, name, part, larger=False)


def _figure_named(document: Document, name: str, part: Claim, larger: bool = True) -> Claim | None:
    """The nearest figure before ``part``, in the six sentences before it, that the text
    introduces with ``name`` ("The quarter's revenue of 5.86 trillion won"); with ``larger``,
    only one larger than ``part``."""
    prose = document.source.prose
    window_start = _sentences_back(document, part, 6)
    pattern = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    for match in reversed(list(pattern.finditer(prose, window_start, part.sentence_start))):
        if _narrowed_name(prose, match.start()):
            continue
        following = next(iter(document.starting_in(match.end(), len(prose) + 1)), None)
        if following is None or following.start - match.end() > 40:
            continue
        between = prose[match.end() : following.start]
        if re.search(r"[\d.;]", between) or not same_measure(following, part):
            continue
        if not _level(following):
            continue  # "Reserves were up 1.44 billion dlrs": a change, not the whole
        if following.value is not None and (following.value > part.value or not larger):
            return following
    return None


def _narrowed_name(prose: str, start: int) -> bool:
    """A name before the name that narrows it: 'Cardiometabolic sales' is not 'sales' ('Net
    sales' and 'Group sales' are)."""
    before = _NAME_BEFORE.search(prose, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1).lower()
    return not word.endswith(("'s", "’s")) and word not in load_lexicon().whole_name_openers


_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")


def _sentences_back(document: Document, claim: Claim, count: int) -> int:
    starts = document.sentences_before(claim.start, count)
    return starts[0] if len(starts) >= count else 0


# "or 18% of capital spending": the whole named in words, to the end of the clause.
_NAMED_WHOLE = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?P<name>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})"
    r"\s*(?=[,.;)]|$)",
    re.IGNORECASE,
)


def _shares_of_opening_whole(
    document: Document, claims: list[Claim], done: set[int]
) -> Iterator[Share]:
    """'Of the ₹4,600 crore budget, roads get ₹1,840 crore, or 40%, and water ₹920 crore, or 25%'.

    The whole opens the sentence; each part is followed by its share.
    """
    whole = claims[0]
    if not opens_with_of_the(document, whole):
        return
    for part, percent in itertools.pairwise(claims[1:]):
        if (
            percent.start not in done
            and percent.kind == "percent"
            and _level(percent)
            and same_measure(part, whole)
            and _PART_TO_SHARE.match(gap(document, part, percent))
        ):
            yield Share(part, percent, whole)


def opens_with_of_the(document: Document, claim: Claim) -> bool:
    """'Of the ₹4,600 crore budget, ...': the claim is a whole named at the sentence's start."""
    opening = document.source.prose[claim.sentence_start : claim.start]
    return bool(_OF_THE_WHOLE.match(opening))


_OF_THE_WHOLE = re.compile(r"^\s*of\s+(?:the|its|their|this|that)\s+$", re.IGNORECASE)


# A share set beside its part by a comma, after a few words: "16 billion pesos in loan
# repayments, about 69 pct of the government's budget deficit of 27 billion pesos".
_APPOSED_SHARE = re.compile(
    rf"^\s*(?:[a-z][\w-]*\s+){{0,3}}?(?:[a-z][\w-]*)?\s*,\s*(?:{_QUALIFIERS}\s*)*$"
)
_PART_BESIDE_SHARE = re.compile(f"{_PART_TO_SHARE.pattern}|{_APPOSED_SHARE.pattern}", re.I)

# Where the share, part and whole stand among three neighbouring claims, and the words between them.
_SHARE_FORMS = (
    ((1, 0, 2), _PART_BESIDE_SHARE, _SHARE_TO_WHOLE),  # "₹300 crore, or 40% of the ₹1,200 crore"
    ((2, 0, 1), _PART_OF_WHOLE, _WHOLE_TO_SHARE),  # "12 of the 40 seats, or 30%"
    ((0, 2, 1), _SHARE_TO_WHOLE, _WHOLE_TO_PART),  # "40% of the ₹1,200 crore total, or ₹300 crore"
)


def _one_thing(claim: Claim) -> bool:
    """'One ADR represents 0.75 pct of one B share': a count of one is a unit, not a part."""
    return claim.kind == "count" and claim.value is not None and claim.value <= 1


def _share_at(document: Document, *claims: Claim) -> Share | None:
    for (share, part, whole), first_gap, second_gap in _SHARE_FORMS:
        percent = claims[share]
        if percent.kind != "percent" or not _level(percent):
            continue
        if not same_measure(claims[part], claims[whole]) or _one_thing(claims[part]):
            continue
        first = gap(document, claims[0], claims[1])
        if part == 0:
            first = _after_counted(claims[0], first)  # "4.1 mln shares, or 23.6 pct of"
        if first_gap.match(first) and second_gap.match(gap(document, claims[1], claims[2])):
            return Share(claims[part], percent, claims[whole])
    return None


@_once_per_document
def parts_of_wholes(document: Document) -> Iterator[PartOfWhole]:
    seen: set[tuple[int, int]] = set()
    for share in shares(document):
        seen.add((share.part.start, share.whole.start))
        yield PartOfWhole(share.part, share.whole)
    for claims in sentences(document):
        for a, b in itertools.pairwise(claims):
            b = in_elided_unit(b, a)  # "Of the 2.3 billion euros ..., 2.6 billion were"
            if (a.start, b.start) in seen or (b.start, a.start) in seen or not same_measure(a, b):
                continue
            between = gap(document, a, b)
            if _PART_OF_WHOLE.match(between) and _plain_whole(document, b, a):
                yield PartOfWhole(a, b)  # "12 of the 40 seats"
            elif _of_those(document, a, b):
                yield PartOfWhole(b, a)  # "Of those 41 million passengers, 52 million"
            elif _OF_WHICH.match(between) and not a.qualifier:  # "..., of which 45,000 are
                yield PartOfWhole(b, a)  # grains and 149,000 derivatives"
                yield from (PartOfWhole(other, a) for other in _listed_after(document, b))
    if has_tables(document.source):
        for part, whole in of_which_rows(document.lines, document.claims):
            if part.kind != "percent":
                yield PartOfWhole(part, whole)  # "| of which back catalogue | 1,192 |"
    yield from _of_that(document)
    yield from _of_named_group(document)
    yield from _of_that_after(document)
    yield from _included(document)
    for claim in document.claims:
        if claim.value is not None and claim.equivalent_of < 0:
            whole = (
                named_whole(document, claim)
                or _metric_whole(document, claim)
                or _counted_whole(document, claim)
            )
            if whole is not None and (claim.start, whole.start) not in seen:
                yield PartOfWhole(claim, whole)


def in_elided_unit(claim: Claim, model: Claim, near_in_size: bool = False) -> Claim:
    """A bare figure beside an amount in the amount's currency or unit: one written with a
    scale ('Of the 2.3 billion euros ..., 2.6 billion were', 'to 219.2 mln dlrs, from 211.5
    mln'), or with ``near_in_size`` one of a thousand or more within a factor of two of it ('to
    104,000 ounces from 112,000'); '12' may count anything."""
    if claim.kind != "count" or claim.counted or claim.unit or not claim.step:
        return claim
    if model.kind not in ("money", "quantity"):
        return claim
    if claim.step < 1000 and not (near_in_size and _of_a_size(claim, model)):
        return claim
    return dataclasses.replace(claim, kind=model.kind, unit=model.unit)


def _of_a_size(claim: Claim, model: Claim) -> bool:
    if claim.value is None or model.value is None or claim.value < 1000:
        return False
    return model.value / 2 <= claim.value <= model.value * 2


def _counted_whole(document: Document, part: Claim) -> Claim | None:
    """'Rural counties host 148,600 of the agent outlets', 'serve 1.42 million of the metro's
    customers': a count of the things an earlier figure counts ('a network of 142,000 agent
    outlets'), the nearest in the twelve sentences before, is the whole the part is 'of'."""
    if part.kind != "count" or part.counted or not _level(part) or part.value is None:
        return None  # "2,400 nurses of the 9,000": a part that counts its own noun
    if part.value < _COUNTED_PART_AT_LEAST or not any(ch.isdigit() for ch in part.text):
        return None  # "Five of the plants": few things are too often of another set of them
    named = _PART_OF_NAMED.match(document.source.prose, part.end)
    if named is None:
        return None
    last_word = named.group("name").lower().split()[-1]
    noun, metric = singular(last_word), load_lexicon().metric_of_word.get(last_word, "")
    wholes = [
        c
        for c in _figures_before(document, part, _WHOLE_SENTENCES_BACK)
        if _whole_before(c, part)
        and (
            (c.counted and singular(c.counted) == noun)
            or (metric and not c.counted and c.metric == metric)  # "14,860 of the staff"
        )
    ]
    return wholes[-1] if wholes else None


_COUNTED_PART_AT_LEAST = 10


def _metric_whole(document: Document, part: Claim) -> Claim | None:
    """'North America accounted for ₩9.12 trillion of quarterly sales': a part of the metric's
    whole, the largest figure of that metric in the twelve sentences before (a total is the
    largest of its metric). Only for the metrics and words the lexicon lists."""
    if part.kind not in ("money", "quantity") or not _level(part) or part.value is None:
        return None
    named = _OF_WORDS.match(document.source.prose, part.end)
    if named is None:
        return None
    lexicon = load_lexicon()
    words = named.group("words").lower().split()
    metric = lexicon.metric_of_word.get(words[-1], "")
    if metric not in lexicon.part_of_metric_wholes:
        return None
    if lexicon.part_of_metric_words.isdisjoint(w.replace("’", "'") for w in words[:-1]):
        return None  # "515 mln dlrs of debt": what the amount is, not a whole it is part of
    wholes = [
        c
        for c in _figures_before(document, part, _WHOLE_SENTENCES_BACK)
        if c.metric and _of_metric(c, metric) and _whole_before(c, part) and c.value
    ]
    return max(wholes, key=lambda c: c.value) if wholes else None


# "of quarterly sales", "of last year's revenue": up to four words to the end of the clause
_OF_WORDS = re.compile(
    r"\s+of\s+(?P<words>(?:[\w'’-]+\s+){1,3}[a-z]+)(?=\s*[,.;:)]|\s+(?:and|in|for|as|while)\b)",
    re.IGNORECASE,
)


def _of_that(document: Document) -> Iterator[PartOfWhole]:
    """'The farm will produce about 2.0 TWh a year. Of that, 2.3 TWh will be sold ...'; 'there
    were 640 households on the list, up from 415. Of those, 710 are ...': the largest level of
    the part's measure in the sentence before (a total, not the last of its parts listed)."""
    before: list[Claim] = []  # the figures of the last sentence that had any
    current: list[Claim] = []
    for claim in document.claims:
        if not _counts_in_sentence(claim):
            continue
        if current and current[0].sentence_start != claim.sentence_start:
            before, current = current, []
        current.append(claim)
        opening = document.source.prose[claim.sentence_start : claim.start]
        if not _OF_THAT.match(opening):
            continue
        wholes = [c for c in before if _whole_before(c, claim)]
        if wholes:  # the largest: "210 dwellings: 120 at ..., 55 at ... Of those, 84 homes"
            yield PartOfWhole(claim, max(wholes, key=lambda c: c.value or 0))


def _of_named_group(document: Document) -> Iterator[PartOfWhole]:
    """'Of those on the inpatient and day-case list, 17,340 ...' after '16,767 are on the
    inpatient and day-case list'; 'Of the land burned this summer, 41,200 hectares' after 'have
    burned 38,400 hectares': the whole is the figure, in the six sentences before, whose
    sentence says most of the words that name the group (the largest of that sentence's)."""
    prose = document.source.prose
    firsts = {c.sentence_start: c for c in reversed(document.claims) if _counts_in_sentence(c)}
    for part in firsts.values():
        opening = _named_group_opening().match(prose, part.sentence_start, part.start)
        if opening is None or not _level(part) or part.value is None:
            continue
        group = _telling_words(opening.group("group"))
        if not group:
            continue
        best: tuple[int, Claim] | None = None  # the most words shared; the later on a tie
        for start in document.sentences_before(part.sentence_start, _GROUP_SENTENCES_BACK):
            wholes = [c for c in document.in_sentence(start) if _whole_before(c, part)]
            if not wholes:
                continue
            shared = len(group & _telling_words(_sentence_of(prose, wholes[0])))
            if shared and (best is None or shared >= best[0]):
                best = (shared, max(wholes, key=lambda c: c.value))
        if best is not None:
            yield PartOfWhole(part, best[1])


@functools.cache
def _named_group_opening() -> re.Pattern[str]:
    """'Of those on the inpatient and day-case list, ', 'Of the land burned this summer, '."""
    openers = "|".join(map(re.escape, load_lexicon().named_group_openers))
    return re.compile(
        rf"\s*of\s+(?:{openers})\s+(?P<group>[^,\d;:.]{{3,80}}?)\s*,\s*$", re.IGNORECASE
    )


_GROUP_SENTENCES_BACK = 6


def _sentence_of(prose: str, claim: Claim) -> str:
    """The claim's sentence to its next '. ' (restatements.sentence_text also stops at '!', '?'
    and a paragraph's end; reading the group's whole with it changes one finding)."""
    end = prose.find(". ", claim.end)
    return prose[claim.sentence_start : len(prose) if end < 0 else end]


def _telling_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _word_set(text) if len(w) > 2 and w not in STOP_WORDS)


def _of_that_after(document: Document) -> Iterator[PartOfWhole]:
    """'totalled 3,420 tonnes, with 4,130 tonnes of that coming from Corrigan Hill'; 'offers to
    1,412 of those it interviewed': the figure before, in its sentence or the one before, is
    the whole."""
    prose = document.source.prose
    earlier: list[Claim] = []
    sentence = -1
    for claim in document.claims:
        if not _counts_in_sentence(claim):
            continue
        of_that = _OF_THAT_AFTER.match(prose, claim.end)
        if of_that is not None and _of_that_stands_alone(of_that):
            wholes = [
                e for e in reversed(earlier) if _whole_before(e, claim) and not _a_rate(prose, e)
            ]
            named = _counting(wholes, of_that.group("word"))
            if named or wholes:
                yield PartOfWhole(claim, (named or wholes)[0])
        if claim.sentence_start != sentence:  # keep this sentence's figures and the last one's
            sentence = claim.sentence_start
            earlier = [e for e in earlier if e.sentence_start >= _previous_start(document, claim)]
        earlier.append(claim)


def _a_rate(prose: str, claim: Claim) -> bool:
    """'an average of R$4.32 billion a year', '€12 per share': a figure per period or thing,
    no whole a part of a total is of (an average over a period may be: 'outages averaged
    4,960MW over the six months, with coal accounting for 5,120MW of that figure')."""
    lexicon = load_lexicon()
    after = re.findall(r"[a-z]+", prose[claim.end : claim.end + 15].lower())[:2]
    return (
        len(after) == 2
        and after[0] in lexicon.rate_words
        and (after[1] in lexicon.rate_periods or after[1] in lexicon.rate_units)
    )


def _counting(wholes: list[Claim], noun: str | None) -> list[Claim]:
    """The wholes that count what 'of those' names ('28 of those goals': '88 league goals', not
    the 14 in between)."""
    return [w for w in wholes if noun and w.counted == noun.lower()]


def _whole_before(
    whole: Claim, part: Claim, any_counted: bool = False, counted_change: bool = False
) -> bool:
    """A figure before a part that may be its whole: of its measure and counted noun, and not
    so much smaller that the part is plainly of something else (a slip makes a part a little
    larger than its whole, not twice as large: '13 exchanges including 68,000 lines'). With
    ``counted_change``, a count of things a change names is one too ('cut about 850 jobs,
    including 920 in Denmark'), unlike an amount of money, whose net change its parts may
    exceed."""
    counted_event = counted_change and whole.kind == "count" and whole.role == "change"
    return (
        same_measure(whole, part)
        and (_level(whole) or counted_event)
        and whole.value_high is None
        and (any_counted or _counted_alike(whole, part))
        and bool(whole.value)
        and part.value is not None
        and part.value <= _AT_MOST * whole.value
    )


_AT_MOST = 2


def _previous_start(document: Document, claim: Claim) -> int:
    starts = document.sentences_before(claim.sentence_start, 1)
    return starts[-1] if starts else claim.sentence_start


# "4,130 tonnes of that coming from", "1,412 of those it interviewed", "530 of them were"
# and with a noun that names the figure before: "5,120MW of that figure.", "₹6,480 crore of
# that amount, officials said", "361,000 of those admissions, the club said"
_OF_THAT_AFTER = re.compile(
    r"\s+of\s+(?P<pronoun>that|those|them|these|this)"
    r"(?:\s*(?P<end>[,.;:)])|\s+(?P<word>\w+)(?:\s*(?P<noun_end>[,.;:)])|\s+(?P<next>\w+))?)",
    re.I,
)


def _of_that_stands_alone(match: re.Match[str]) -> bool:
    """'of that' after the figure (``match``, of _OF_THAT_AFTER) standing for the figure before
    (lexicon after_of_that), or 'of that amount' ending its clause."""
    after = load_lexicon().after_of_that
    if match.group("end") or match.group("word").lower() in after:
        return True
    if match.group("pronoun").lower() == "them":
        return False
    following = (match.group("next") or "").lower()
    return bool(match.group("noun_end")) or following in after


def _included(document: Document) -> Iterator[PartOfWhole]:
    """'2,730 schools need new heating, including 3,120 in old buildings': a figure that
    'including' introduces is part of the nearest figure of its measure before it."""
    prose = document.source.prose
    for claims in sentences(document):
        for index, part in enumerate(claims):
            if not _level(part) or not _INCLUDING.search(prose, part.sentence_start, part.start):
                continue
            # "38,000 new driver-partners, including 41,500 motorcycle riders": what is included
            # is often named more narrowly
            whole = next(
                (
                    c
                    for c in reversed(claims[:index])
                    if _whole_before(c, part, any_counted=True, counted_change=True)
                ),
                None,
            )
            if whole is not None:
                yield PartOfWhole(part, whole)
                yield from (PartOfWhole(other, whole) for other in _listed_after(document, part))


def _listed_after(document: Document, first: Claim) -> list[Claim]:
    """The figures listed after ``first`` ('including 11,502,000 in Chicago, 14,478,000 in
    Toledo and 640,000 in St Louis'): each a part of the whole that introduces the list."""
    claims = sorted(
        (c for c in document.in_sentence(first.sentence_start) if _counts_in_sentence(c)),
        key=lambda c: c.start,
    )
    for figures in _lists_in(document, claims, None):
        if figures.items[0] is first:
            listed = []
            for item, before in zip(figures.items[1:], figures.gaps, strict=True):
                if _FURTHER.search(before):
                    break  # "of which 610 were social homes, and a further 2,050 had planning
                    # permission": the list has left the whole
                listed.append(item)
            return listed
    return []


_FURTHER = re.compile(r"\b(?:a further|another|an additional|an extra|plus)\s*$", re.IGNORECASE)


_INCLUDING = re.compile(r"\bincluding\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$", re.I)


_OF_THAT = re.compile(
    r"^\s*of\s+(?:that|this|these|those|it|them|the total)\s*,\s*$", re.IGNORECASE
)


# "revenue of €900m in 2018, of which €1,200m came from cloud"; "1,240 staff, of whom 1,410
# work abroad": the figure after the clause's "of which" is a part of the one before it.
_OF_WHICH = re.compile(
    rf"^[^.;:()]{{0,80}}?,\s*of\s+(?:which|whom)\s*(?:{_QUALIFIERS}\s*)*$",
    re.IGNORECASE,
)


def _plain_whole(document: Document, whole: Claim, part: Claim) -> bool:
    """A whole that is a number of things, not part of a name or a rate: not '10,855 of the
    5-7/8 pct preferred', '300,000 of its 32-bit chips', '23.1 mln dlrs of 1.51 dlr a share',
    nor '35,000 of the two models' (units of two kinds: a part ten times its whole is another
    thing)."""
    after = document.source.prose[whole.end : whole.end + 12]
    if _NOT_A_WHOLE_AFTER.match(after):
        return False
    return part.value < whole.value * 10


_NOT_A_WHOLE_AFTER = re.compile(
    r"^(?:[-/]|\s*(?:pct|percent|per\s*cent|%|a share|per share|each|a head))", re.IGNORECASE
)


def _of_those(document: Document, whole: Claim, part: Claim) -> bool:
    opening = document.source.prose[whole.sentence_start : whole.start]
    return bool(_OF_THOSE.search(opening)) and bool(
        _AFTER_OF_THOSE.match(gap(document, whole, part))
    )


def _level(claim: Claim) -> bool:
    return claim.role in ("level", "")


# -- lists ----------------------------------------------------------------------------------------


# Between two items of a list: a short label and a separator ("from ads and", "in Asia,").
def _list_gap_pattern(before: int, after: int, commas: bool = False) -> re.Pattern[str]:
    """Up to ``before`` label words, a separator, up to ``after`` words (two more after ',
    followed by'; with ``commas``, the last label may list things: 'and fees, charges and other
    income 9%'). Words are separated by spaces, so the pattern matches in linear time."""
    word = r"[\w'’&/-]+(?:\.[\w'’&/-]+)*\.?"  # "grains/oilseeds", "U.S." are one word
    joint = r",?\s+" if commas else r"\s+"
    return re.compile(
        rf"^\s*(?:{word}(?:\s+{word}){{0,{before - 1}}})??\s*"
        rf"(?:,|;|,?\s*and|,?\s*while|,?\s*with)\s*"
        rf"(?:{word}(?:{joint}{word}){{0,{after - 1}}})?\s*$"
        rf"|^\s*(?:{word}(?:\s+{word}){{0,{before - 1}}})??\s*,\s*followed\s+by"
        rf"\s*(?:{word}(?:\s+{word}){{0,{after + 1}}})?\s*$"  # "at 42.3 million tonnes,
        # followed by other dry and liquid bulk at 11.4 million tonnes"
    )


_LIST_GAP = _list_gap_pattern(10, 4)
# Shares of one whole often carry longer labels: "46% backed a full closure, 29% preferred ...".
_SHARE_LIST_GAP = _list_gap_pattern(12, 8, commas=True)
# Words that end a list: what follows is a total, a comparison or another measure.
_NOT_A_LIST = re.compile(
    r"\b(?:total\w*|combined|altogether|sum|includ\w*|such\s+as|of\s+which|compared|versus|vs|"
    r"against|than|per|a\s+share|each|among|above|below|exceed\w*|ceiling|threshold|target)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FigureList:
    """Figures of one measure joined as a list in one sentence: 'A, B and C'."""

    items: tuple[Claim, ...]
    gaps: tuple[str, ...]  # the prose between neighbouring items

    @property
    def closed(self) -> bool:
        """Ends with 'and': the writer listed every item they meant to."""
        return bool(re.search(r"\band\b", self.gaps[-1], re.IGNORECASE))


def figure_lists(document: Document, measure: str | None = None) -> Iterator[FigureList]:
    """Runs of two or more claims of one measure in a sentence, joined by list separators.

    ``measure`` "percent" gives lists of percentages; None gives lists of amounts of one unit.
    Figures of another measure inside an item ("£471 million from its 212 shops") are passed
    over; a change or a baseline ends the list.
    """
    for claims in sentences(document):
        yield from _lists_in(document, claims, measure)


def _lists_in(document: Document, claims: list[Claim], measure: str | None) -> Iterator[FigureList]:
    """The lists among one sentence's claims."""
    stops = [c.start for c in claims if not _level(c)]
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if _item(claim, measure):
            groups[_measure_key(claim, measure)].append(claim)
    for members in groups.values():
        yield from _runs(document, members, stops, measure)


def _runs(
    document: Document, members: list[Claim], stops: list[int], measure: str | None
) -> Iterator[FigureList]:
    run, gaps = [members[0]], []
    for claim in members[1:]:
        between = gap(document, run[-1], claim)
        stopped = any(run[-1].end <= stop < claim.start for stop in stops)
        if not stopped and _list_gap(between, measure):
            gaps.append(between)
            run.append(claim)
            continue
        if len(run) > 1:
            yield FigureList(tuple(run), tuple(gaps))
        run, gaps = [claim], []
    if len(run) > 1:
        yield FigureList(tuple(run), tuple(gaps))


def _measure_key(claim: Claim, measure: str | None) -> tuple:
    if measure == "percent":
        return ("percent",)
    return (claim.kind, claim.unit, claim.counted)  # "3,837 (houses)" and "65,648 people" differ


def _list_gap(text: str, measure: str | None) -> bool:
    if len(text) > 160:
        return False
    text = text.replace("(", " ").replace(")", " ")  # "roads (₹7,240 crore), water (₹5,115 ..."
    pattern = _SHARE_LIST_GAP if measure == "percent" else _LIST_GAP
    return bool(pattern.match(text)) and not _NOT_A_LIST.search(text)


def _item(claim: Claim, measure: str | None) -> bool:
    if not _level(claim):
        return False
    if measure == "percent":
        return claim.kind == "percent"
    return claim.kind in ("money", "count", "quantity")
