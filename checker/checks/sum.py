"""Kind `sum`: parts listed with a stated total that they do not add up to.

"Revenue of $10m: $4m from ads and $5m from subscriptions" (4 + 5 = 9); "$4m from ads and $5m from
subscriptions, a total of $10m". A list said to be partial ("including", "such as", "of which") may
add up to less than its total, never to more. Each figure is read with its stated precision, so
rounded parts ("38.7 and 22.6, a total of 61.4") pass when their rounding allows the total.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from checker.amounts import amount_like, plain, written_number, written_scale
from checker.checks import register
from checker.checks.base import Check
from checker.checks.relations import (
    FigureList,
    figure_lists,
    figure_of_name,
    gap,
    named_whole,
    opens_with_of_the,
    same_measure,
    sentences,
)
from checker.checks.restatements import sentence_text
from checker.claims import Claim, sum_range
from checker.document import Document
from checker.findings import Finding
from checker.nlp.lexicon import load_lexicon
from checker.tables import column_totals, has_tables

_QUALIFIERS = r"(?:about|around|roughly|some|nearly|almost|approximately|just|over|under)"
_PARTIAL = r"including|includ\w+|such as|among them|among which|of which|notably|led by"
_TOTAL_THEN_PARTS = re.compile(
    rf"^\s*(?:[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?\s*)?"
    rf"(?::|—|–|,?\s*(?:(?:is|was|are|were|will be)\s+)?"
    rf"(?:made up of|comprising|consisting of|split between|split into|breaks? down into|"
    rf"divided between|divided into|broken down into|(?P<partial>{_PARTIAL})|"
    rf"(?:would be |will be |was |were |is |are )?(?:spent|used|allocated|divided|split|shared"
    rf"|distributed)\s+(?:as follows|(?:among|between|across)(?:\s+[\w'’-]+){{1,4}})\s*:"
    rf"(?:\s*[a-z][\w'’-]*){{0,3}})"
    rf"\s*:?)"
    rf"\s*(?:an?\s+)?(?:{_QUALIFIERS}\s*)*$",  # "split into a 750 mln euro tranche, ..."
    re.IGNORECASE,
)
_LABEL = r"(?:[\w'’-]+(?:\s+[\w'’-]+){0,5})??"  # up to six words, in linear time
_PARTS_THEN_TOTAL = re.compile(
    rf"^\s*{_LABEL}\s*(?:,|—|–)?\s*(?:for|making|giving|bringing(?:\s+the)?|to make|and)?"
    r"\s*(?:a|the|its)?\s*(?:[a-z-]+\s+)?(?:total|combined|grand total|overall total|sum|tally)"
    r"\s*(?:of|to)?\s*$"
    rf"|^\s*{_LABEL}\s*,?\s*(?:totall?ing|totall?ed)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SumParameters:
    tolerance: float = 0.0  # relative slack on top of the stated precision of every figure


@register
class SumCheck(Check):
    kind = "sum"
    Parameters = SumParameters

    @classmethod
    def validate(cls, parameters: SumParameters) -> None:
        if not 0 <= parameters.tolerance < 1:
            raise ValueError("'tolerance' must be between 0 and 1")

    def run(self, document: Document) -> Iterator[Finding]:
        if has_tables(document.source):
            for total, parts in column_totals(document.lines, document.claims):
                finding = self._judge(document, tuple(parts), total, partial=False)
                if finding is not None:
                    yield finding
        judged: set[int] = set()  # the parts of the sums reported
        for figures in figure_lists(document):
            found = (
                _total_of(document, figures)
                or _named_total(document, figures)
                or _total_by_evidence(document, figures)
            )
            if found is None:
                continue
            total, parts, partial = found
            finding = self._judge(document, parts, total, partial)
            if finding is not None:
                judged.update(p.start for p in parts)
                yield finding
        for total, parts, partial in _sentence_totals(document, judged):
            finding = self._judge(document, parts, total, partial)
            if finding is not None:
                yield finding
        for total, parts in _counted_breakdowns(document, judged):
            finding = self._judge(document, parts, total, partial=False)
            if finding is not None:
                yield finding
        for total, parts in _sums_of_the_listed(document):
            finding = self._judge(document, parts, total, partial=False)
            if finding is not None:
                yield finding

    def _judge(
        self, document: Document, parts: tuple[Claim, ...], total: Claim, partial: bool
    ) -> Finding | None:
        slack = Decimal(str(self.params.tolerance)) * total.value
        if not partial and all(_counted_exactly(c) for c in (total, *parts)):
            added = sum(p.value for p in parts)  # "24 new positions: 11 police officers, six
            over, under = added > total.value + slack, added < total.value - slack  # ..."
        else:
            low, high = _sum_range(parts)
            total_low, total_high = total.interval()
            # Rounding intervals are half-open: parts up to 3.15 and a total from 3.15 do not
            # meet.
            over = low >= total_high + slack
            under = high <= total_low - slack
        if not over and not (under and not partial):
            return None
        added = sum(p.value for p in parts)
        if not total.value / 3 <= added <= total.value * 3:
            return None  # "two mln units consisting of two shares and one warrant": not parts
        fields = {
            "total": total.text,
            "parts": ", ".join(p.text for p in parts),
            "sum": amount_like(added, total, max(3, len(_digits_of(total)))),
            "arithmetic": f"{' + '.join(_number(p, total) for p in parts)} = "
            f"{_number_of(added, total)}",
            "comparison": "more than" if over else "less than",
        }
        related = [(p.start, p.end, "a part") for p in parts]
        return self.finding(document, total.start, total.end, fields, related)


def _total_by_evidence(
    document: Document, figures: FigureList, listed: bool = True
) -> tuple[Claim, tuple[Claim, ...], bool] | None:
    """A total however the prose joins it to its parts ("Of the ₦412.6 billion group profit,
    Nigeria contributed ...", "a $412 million plan, split four ways: ...", "together N346.6
    billion", the whole in the sentence before): the nearest figure of the parts' measure,
    larger than each, that their sum misses by what one slip of a digit would make."""
    items = figures.items
    if len(items) < 3 or any(c.value_high is not None or c.qualifier for c in items):
        return None  # two figures are as often a comparison as parts
    if _of_averages(document, items[0]) or _of_periods(document, items):
        return None  # "an average of 8,900 on Saturdays and 6,100 on Sundays", a time series
    # In a list, its first or last item may be the total; among a sentence's figures joined
    # any way, not ("drain 545 mln stg and ... 35 mln, offset by 490 mln and 70 mln").
    if listed and len(items) >= 4 and _slipped_total(items[-1], items[:-1]):
        return items[-1], items[:-1], False  # "..., and water N19.6 billion, together N346.6"
    if listed and len(items) >= 4 and _slipped_total(items[0], items[1:]):
        return items[0], items[1:], not figures.closed  # "Of the ₦412.6 billion, Nigeria ..."
    candidates = list(_total_candidates(document, figures))
    if any(_adds_up(total, items) for total in candidates):
        return None  # the parts of another figure stated nearby
    for total in candidates:
        if _slipped_total(total, items):
            # Parts of a whole named in an earlier sentence may go on in the next one: they
            # may add up to less than it, never to more.
            elsewhere = total.sentence_start != items[0].sentence_start
            if elsewhere and _ends_with_the_rest(figures):
                elsewhere = False  # "..., and other destinations 359,300 tonnes": all of it
            if elsewhere and _COMPRISING.match(document.source.prose, items[0].sentence_start):
                elsewhere = False  # "These comprise its own tax revenue of ...": all of it
            if elsewhere and _numbered_as_listed(document, items):
                elsewhere = False  # "Officers listed three sources: ...": all of them
            return total, items, elsewhere or not figures.closed
    return None


def _numbered_as_listed(document: Document, items: tuple[Claim, ...]) -> bool:
    """The sentence gives, before the parts, how many there are: 'three sources: £6.2 million
    from ..., £4.9 million from ... and £2.7 million from ...' lists every one."""
    first = items[0]
    return any(
        c.kind == "count" and c.counted and c.value == len(items) and c.end <= first.start
        for c in document.in_sentence(first.sentence_start)
    )


def _ends_with_the_rest(figures: FigureList) -> bool:
    """An item is the rest of the whole ('and other destinations 359,300 tonnes', 'the
    remaining 12%', 'followed by other dry and liquid bulk at 11.4 million tonnes'): the list
    covers all of it."""
    words = set(re.findall(r"[a-z]+", " ".join(figures.gaps).lower()))
    return not words.isdisjoint(load_lexicon().rest_of_whole_words)


def _of_periods(document: Document, items: tuple[Claim, ...]) -> bool:
    """'48 mln dlrs in 1988, 20 mln dlrs in 1989 and four mln in 1990', '... in fiscal years
    2019, 2018 and 2017, respectively': one figure for several periods, not parts of one."""
    periods = {c.scope for c in items if c.scope and not c.scope_inherited}
    return len(periods) > 1 or "respectively" in sentence_text(document.source.prose, items[0])


def _sentence_totals(
    document: Document, judged: set[int]
) -> Iterator[tuple[Claim, tuple[Claim, ...], bool]]:
    """The figures of one measure in a sentence, however its prose joins them ("£14.2m of
    that from adult social care, mostly through ..., £11.8m from children's services, ...";
    "roads (₹7,240 crore), water (₹5,115 crore), ..."), as parts of a total before them or
    in the sentence after, when their sum misses it by one slip of a digit."""
    for claims in sentences(document):
        groups: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in claims:
            if claim.kind in ("money", "quantity") and claim.role == "level":
                groups[(claim.kind, claim.unit)].append(claim)
        for group in groups.values():
            if len(group) < 3 or any(p.start in judged for p in group):
                continue  # three parts at least; a sum reported is not reported again
            # the parts may follow their total in the sentence: "finance the 1.09 billion euros
            # with a 650 mln euro loan, a 300 mln euro bond and 190 mln euros of cash"
            for first in range(len(group) - 2):
                if first and not _funded_with().match(
                    gap(document, group[first - 1], group[first])
                ):
                    continue
                parts = FigureList(tuple(group[first:]), ("and",))
                found = _total_by_evidence(document, parts, False)
                if found is not None and (not first or found[0] is group[first - 1]):
                    yield found
                    break


def _counted_breakdowns(
    document: Document, judged: set[int]
) -> Iterator[tuple[Claim, tuple[Claim, ...]]]:
    """'24 new positions: 11 police officers, six firefighters, four building inspectors and two
    code enforcement officers': a count, a colon, and counts of its kinds, each naming what it
    counts, joined by commas and a closing 'and'."""
    for claims in sentences(document):
        for i, total in enumerate(claims):
            if not (
                _a_named_count(total)
                and _COUNT_THEN_COLON.match(
                    gap(document, total, claims[i + 1]) if i + 1 < len(claims) else ""
                )
            ):
                continue
            parts = [claims[i + 1]]
            gaps = []
            for item in claims[i + 2 :]:
                between = gap(document, parts[-1], item)
                if not _a_named_count(parts[-1]) or not _COUNTED_ITEM_GAP.match(between):
                    break
                parts.append(item)
                gaps.append(between)
            closed = bool(gaps) and gaps[-1].rstrip().endswith("and")
            if len(parts) < 2 or not closed or not _a_named_count(parts[-1]):
                continue
            if any(p.start in judged for p in parts):
                continue
            yield total, tuple(parts)


def _sums_of_the_listed(document: Document) -> Iterator[tuple[Claim, tuple[Claim, ...]]]:
    """'Farrow scored 22, Bielak 11 and Reid nine. Between them, the three accounted for 45 of
    the team's 71 goals': the figure after 'the three' and a word for together is the sum of
    the three figures of its kind in the one sentence that lists them, that sentence or the
    one before."""
    prose = document.source.prose
    words = load_lexicon().together_words
    for number in document.claims:
        if not (
            number.kind == "count"
            and not number.counted
            and number.value is not None
            and 2 <= number.value <= 9
            and _THE_BEFORE.search(prose[max(0, number.start - 5) : number.start])
        ):
            continue
        sentence = document.in_sentence(number.sentence_start)
        after = [c for c in sentence if c.start > number.start and c.value is not None]
        if not after:
            continue
        total = after[0]
        between = prose[number.sentence_start : total.start].lower()
        if not any(re.search(rf"\b{re.escape(w)}\b", between) for w in words):
            continue
        parts = _listed_parts(document, number, total)
        if len(parts) == number.value and all(
            _part_of_the_listed(document, p, total) for p in parts
        ):
            yield total, parts


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _listed_parts(document: Document, number: Claim, total: Claim) -> tuple[Claim, ...]:
    """The figures of the total's kind before 'the three' in its sentence, or if there are
    none, in the sentence before."""
    same = [c for c in document.in_sentence(number.sentence_start) if c.end <= number.start]
    if not same:
        before = document.sentences_before(number.sentence_start, 1)
        same = document.in_sentence(before[-1]) if before else []
    return tuple(c for c in same if c.kind == total.kind and c.equivalent_of < 0)


def _part_of_the_listed(document: Document, part: Claim, total: Claim) -> bool:
    """A figure of the total's measure, smaller than it, and not one of each thing ('56
    turbines of 8 MW each')."""
    counted_alike = not (part.counted and total.counted and part.counted != total.counted)
    each = _EACH.match(document.source.prose, part.end)
    measured_alike = counted_alike if part.kind == "count" else part.unit == total.unit
    return (
        part.value is not None
        and part.value < total.value
        and part.role in ("level", "change")  # "Bielak added 11"
        and measured_alike
        and each is None
    )


_EACH = re.compile(r"\s*(?:each|apiece)\b", re.IGNORECASE)


def _counted_exactly(claim: Claim) -> bool:
    """'11 police officers', 'six firefighters': a count of things below ten thousand, in
    units and with no qualifier, is exact, not rounded to the unit."""
    return (
        claim.kind == "count"
        and bool(claim.counted)
        and claim.step == 1
        and not claim.qualifier
        and claim.value_high is None
        and claim.value is not None
        and claim.value < 10000
    )


def _a_named_count(claim: Claim) -> bool:
    return claim.kind == "count" and bool(claim.counted) and claim.role == "level"


_COUNT_THEN_COLON = re.compile(r"^\s*(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*\s*:\s*$")
# What one item says after its number, then a comma or 'and': " police officers, ".
_COUNTED_ITEM_GAP = re.compile(
    r"^\s*(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w'’-]*\s*(?:,\s*(?:and\s+)?|\s+and\s+)$"
)


# Between a total and the first of its parts later in the sentence: "finance the 1.09 billion
# euros with a 650 mln euro loan", "closes the £12.4m gap through £5.1m of savings".
@functools.cache
def _funded_with() -> re.Pattern[str]:
    words = "|".join(map(re.escape, load_lexicon().total_to_parts_words))
    return re.compile(
        rf"^\s*(?:[a-z][\w'’-]*\s+){{0,4}}?(?:{words})\s+(?:a|an|the|its)?\s*$"
        # "from five heads: property tax (": a colon, then the first part's label
        rf"|^\s*(?:[a-z][\w'’-]*\s+){{0,4}}?[a-z]*\s*:\s*(?:[a-z][\w'’-]*\s+){{0,4}}\(?\s*$",
        re.IGNORECASE,
    )


def _of_averages(document: Document, claim: Claim) -> bool:
    words = re.findall(r"[a-z]+", sentence_text(document.source.prose, claim).lower())
    return not load_lexicon().average_words.isdisjoint(words)


def _adds_up(total: Claim, parts: tuple[Claim, ...]) -> bool:
    """The parts' sum, as their precision allows, meets the total's range (as _judge reads it,
    without its tolerance)."""
    low, high = _sum_range(parts)
    total_low, total_high = total.interval()
    return low < total_high and high > total_low


def _sum_range(parts: tuple[Claim, ...]) -> tuple[Decimal, Decimal]:
    """The least and the most the parts add up to, each read with its stated precision."""
    return sum_range(parts)


_SENTENCES_BACK = 2  # a whole named this many sentences before its parts, at most


def _total_candidates(document: Document, figures: FigureList) -> Iterator[Claim]:
    """Figures that may be the list's total: before it in its sentence, nearest first, then in
    the sentences before."""
    first = figures.items[0]
    starts = document.sentences_before(first.sentence_start, _SENTENCES_BACK)
    for start in [first.sentence_start, *reversed(starts)]:
        claims = document.in_sentence(start)
        before = [c for c in claims if c.end <= first.start]
        for claim in reversed(before):
            if claim.equivalent_of < 0 and claim.role in ("level", "") and _is_total(claim, first):
                yield claim


# A sentence that opens by saying the figure before is made of what follows: all its parts.
_COMPRISING = re.compile(
    r"\s*(?:these|they|this|it|that|the total|the sum)\s+(?:comprised?|comprises|consist(?:s|ed)?"
    r"\s+of|(?:is|are|was|were|will be)\s+(?:made up of|split (?:between|into)|divided "
    r"(?:between|into))|breaks?\s+down\s+(?:into|as))\b",
    re.IGNORECASE,
)
# How far a sum may miss its total and still be a total misstated rather than another figure.
_NEAR = Decimal("0.1")


def _slipped_total(total: Claim, parts: tuple[Claim, ...]) -> bool:
    """The parts' sum misses ``total`` by one digit's worth (422.6 for 412.6) or by a
    transposition in one part (a multiple of nine: 2,478.0 for 2,460.0), within a tenth."""
    if total.value is None or any(p.value is None or p.value >= total.value for p in parts):
        return False
    added = sum(p.value for p in parts)
    difference = abs(added - total.value)
    if not difference or difference > _NEAR * total.value:
        return False
    digits = int("".join(str(d) for d in difference.normalize().as_tuple().digits))
    return digits <= 9 or (digits % 9 == 0 and digits // 9 <= 9)


def _named_total(
    document: Document, figures: FigureList
) -> tuple[Claim, tuple[Claim, ...], bool] | None:
    """'Schools will get $3.1 billion of the new funds and hospitals $3.4 billion': parts of the
    figure an earlier sentence gives for 'the new funds', which they may not exceed. 'The
    savings package includes £6.2m from ...': parts of the '£18.7m of savings' before."""
    whole = named_whole(document, figures.items[0])
    complete = False
    if whole is None:
        whole, complete = _whole_named_by_opening(document, figures.items)
        if whole is not None and _adds_up_to_another(document, figures.items, whole):
            return None  # "The deal will be financed with ...": the €3.8 billion deal they
            # add up to, not the €2.9 billion its equity is valued at
    complete = complete and figures.closed  # "split ... across four directorates: A, B and C"
    return None if whole is None else (whole, figures.items, not complete)


def _adds_up_to_another(document: Document, parts: tuple[Claim, ...], whole: Claim) -> bool:
    return any(
        c is not whole
        and same_measure(c, parts[0])
        and c.value
        and c.qualifier not in ("lower", "upper")  # "tops 8.5 million" bounds any larger sum
        and _adds_up(c, parts)
        for c in document.starting_in(0, parts[0].sentence_start)
    )


def _whole_named_by_opening(
    document: Document, parts: tuple[Claim, ...]
) -> tuple[Claim | None, bool]:
    """The figure the sentence's opening names as the parts' whole, and whether the opening
    says the parts are all of it ('split next year's savings across four directorates:')."""
    first = parts[0]
    prose = document.source.prose
    if _BREAKDOWN_OPENS.match(prose, first.sentence_start, first.start):
        return _whole_just_before(document, parts), True
    split = _SPLIT_WHOLE_OPENS.match(prose, first.sentence_start, first.start)
    opening = _NAMED_WHOLE_OPENS.match(prose, first.sentence_start, first.start) or split
    if opening is None:
        return None, False
    name = opening.group("name").lower()
    whole = figure_of_name(document, name, first) or _figure_of_metric(document, name, parts)
    return whole, opening is split


_SPENDING = "spending"  # the metric of the lexicon a project's money is


def _figure_of_metric(document: Document, name: str, parts: tuple[Claim, ...]) -> Claim | None:
    """Of the figures before the sentence of the metric ``name`` is a word for ('the gap' after
    'a funding shortfall of £11.7m'), each larger than the parts, the one nearest their sum
    ('a KSh 18.4 billion budget, up from KSh 17.1 billion': the budget the parts fund)."""
    lexicon = load_lexicon()
    metric = lexicon.metric_of_word.get(name)
    if not metric and name in lexicon.project_nouns:
        metric = _SPENDING  # "the plan will be funded by ..." after "a KSh 18.4 billion budget"
    if not metric:
        return None
    earlier = document.starting_in(0, parts[0].sentence_start)
    return _whole_nearest_sum((c for c in earlier if c.metric == metric), parts)


def _whole_nearest_sum(figures: Iterable[Claim], parts: tuple[Claim, ...]) -> Claim | None:
    """Of ``figures``, the levels of the parts' measure larger than each part, the one nearest
    the parts' sum."""
    first = parts[0]
    if first.value is None:
        return None
    largest = max(p.value for p in parts if p.value is not None)
    candidates = [
        c
        for c in figures
        if same_measure(c, first)
        and c.role == "level"
        and c.value is not None
        and c.value > largest
    ]
    added = sum(p.value for p in parts if p.value is not None)
    return min(candidates, key=lambda c: abs(c.value - added), default=None)


# "The savings package includes £6.2m from ...", "The programme comprises ...", "The budget will
# be funded by £231.4m of council tax, ...", "the gap would be closed through £6.2m of savings"
_NAMED_WHOLE_OPENS = re.compile(
    r"\s*(?:[\w'’-]+,?\s+){0,6}?(?:the|its|their|this|that)\s+(?P<name>[a-z][\w'’-]*)"
    r"(?:\s+(?:package|programme|program|plan|total|budget|bill))?\s+(?:includes|included"
    r"|comprises|comprised|consists\s+of|is\s+made\s+up\s+of|covers"
    r"|(?:is|was|will\s+be|would\s+be)\s+(?:funded|financed|met|covered|closed|bridged|plugged)"
    r"\s+(?:by|through|with|from|via))\b",
    re.IGNORECASE,
)


# "The split, according to the studio: 3.4 million installs came from ... and 5.4 million from
# ...": the figure just before, broken down.
_BREAKDOWN_OPENS = re.compile(r"\s*(?:the\s+)?(?:split|breakdown)\b[^:.;]{0,60}:\s*$", re.I)


def _whole_just_before(document: Document, parts: tuple[Claim, ...]) -> Claim | None:
    """The figure of the parts' measure in the sentence before theirs that is larger than each
    of them, the one nearest their sum."""
    before = document.sentences_before(parts[0].sentence_start, 1)
    return _whole_nearest_sum(document.in_sentence(before[-1]), parts) if before else None


# "Officers have split next year's savings across four directorates: £5.2m from ...".
_SPLIT_WHOLE_OPENS = re.compile(
    r"\s*(?:[\w'’-]+,?\s+){0,6}?(?:split|splits|divided|divides|shared|allocated|spread)\s+"
    r"(?:the\s+|its\s+|their\s+|this\s+|(?:[\w-]+\s+)?[\w-]+['’]s\s+)?(?P<name>[a-z][\w'’-]*)"
    r"\s+(?:across|between|among|over)\b",
    re.IGNORECASE,
)


def _total_of(
    document: Document, figures: FigureList
) -> tuple[Claim, tuple[Claim, ...], bool] | None:
    """The stated total of a list, its parts, and whether the list says it is partial."""
    items = figures.items
    if any(c.value_high is not None for c in items):
        return None  # "between 120 and 150 of them": a range is not a part
    if (
        len(items) > 2
        and _of_the_total(document, items[0], items[1])
        and not any(c.qualifier for c in items[1:])
    ):
        return items[0], items[1:], not figures.closed  # "Of the zł1.84 billion in revenue, ..."
    opening = _TOTAL_THEN_PARTS.match(figures.gaps[0]) if len(items) > 2 else None
    if opening and not any(c.qualifier for c in items[1:]) and _is_total(items[0], items[1]):
        partial = bool(opening.group("partial"))  # "₦162.4 billion, made up of ₦41.3 billion
        if figures.closed or partial:  # ... and ₦112.1 billion"
            return items[0], items[1:], partial
    found = _total_around(document, figures)
    return None if found is None else (found[0], items, found[1])


def _total_around(document: Document, figures: FigureList) -> tuple[Claim, bool] | None:
    """A total stated before or after the list."""
    claims = document.in_sentence(figures.items[0].sentence_start)
    first, last = figures.items[0], figures.items[-1]
    before = [
        c for c in claims if c.end <= first.start and c.equivalent_of < 0 and _is_total(c, first)
    ]
    after = [c for c in claims if c.start >= last.end and c.equivalent_of < 0]
    if before and _of_the_total(document, before[-1], first):
        return before[-1], not figures.closed  # "Of the £842 million total, £471 million came ..."
    if before:
        match = _TOTAL_THEN_PARTS.match(gap(document, before[-1], first))
        if match and (figures.closed or match.group("partial")):
            return before[-1], bool(match.group("partial"))
        if figures.closed and _WITH_PARTS.match(
            gap(document, _baseline_after(claims, before[-1]), first)
        ):
            return before[-1], True  # "rose to 7.42 billion dlrs from 6.91 billion, with coking
            # coal earning 4.87 billion dlrs and steaming coal 2.85 billion": at most the total
    if (
        after
        and _is_total(after[0], last)
        and figures.closed
        and _PARTS_THEN_TOTAL.match(gap(document, last, after[0]))
    ):
        return after[0], False
    return None


def _baseline_after(claims: tuple[Claim, ...], total: Claim) -> Claim:
    """The figure a level is compared with right after it ('to 7.42 billion from 6.91 billion'),
    or the level itself."""
    following = next((c for c in claims if c.start >= total.end), None)
    return following if following is not None and following.role == "baseline" else total


# ", with coking coal earning", ", with Asia contributing": parts of the figure before, named one
# by one (not all of it, perhaps)
_WITH_PARTS = re.compile(r"^\s*,\s*with\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


def _of_the_total(document: Document, total: Claim, first: Claim) -> bool:
    """'Of the £842 million total, £471 million ...'."""
    return opens_with_of_the(document, total) and bool(
        _TOTAL_COMMA.match(gap(document, total, first))
    )


_TOTAL_COMMA = re.compile(r"^\s*(?:[\w'’-]+(?:\s+[\w'’-]+){0,2})?\s*,\s*$")


def _is_total(total: Claim, part: Claim) -> bool:
    if total.kind == "count" and not total.counted:
        return False  # bare numbers: "At 20: 00", "a 4 – 1 record"; too little to go on
    if total.counted and part.counted and total.counted != part.counted:
        return False  # "two mln units consisting of two shares ... and one warrant"
    if total.role not in ("level", "") or total.value is None:
        return False
    return same_measure(total, part) or _money_written_once(total, part)


def _money_written_once(total: Claim, part: Claim) -> bool:
    """'927 million francs of spending: 412 million for schools, ...': the parts leave out the
    currency the total names."""
    return total.kind == "money" and part.kind == "count" and not part.counted and part.step >= 1000


def _number(claim: Claim, total: Claim) -> str:
    return _number_of(claim.value, total)


def _number_of(value: Decimal, total: Claim) -> str:
    """Numbers in the total's scale: '4 + 5 = 9' for '$10 million'."""
    return plain(value / written_scale(total))


def _digits_of(total: Claim) -> str:
    """The significant digits the total is written with: '15891' for '1,589.1'."""
    return re.sub(r"\D", "", written_number(total)).lstrip("0")
