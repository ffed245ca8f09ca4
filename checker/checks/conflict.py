"""Kind `conflict`: two figures for the same thing that cannot both be true.

Claims are put in buckets by what they measure: the kind and unit, the metric ("investment"), what
narrows it ("aiot"), the period ("5 years"), and for changes the basis ("yoy"). Only claims in one
bucket are compared, never all pairs. Two figures conflict when the values their wording allows
(stated precision, qualifiers such as "more than", ranges) do not overlap, and their entities do
not differ. One finding per bucket, at the first figure, with the disagreeing ones as related.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from spacy.lang.en.stop_words import STOP_WORDS

from checker.amounts import plain
from checker.checks import register
from checker.checks.base import Check
from checker.claims import Claim
from checker.document import TODAY, Document
from checker.findings import Finding
from checker.nlp.context import singular
from checker.nlp.times import TABLE_BLOCK

_COMPARED_KINDS = {
    "money",
    "percent",
    "percentage_points",
    "count",
    "quantity",
    "fraction",
    "duration",
}


_SPAN = re.compile(r"^\d+ (?:year|month)s?$")


@dataclass(frozen=True)
class ConflictParameters:
    tolerance: float = 0.0  # relative slack on top of stated precision
    # Metrics an article usually gives one value for, so that two figures for them conflict even
    # when neither names what it narrows to. Any other metric needs a subject ("in AIoT").
    unnamed_metrics: tuple[str, ...] = ("turnout", "unemployment", "inflation")
    # Metrics whose durations are compared ("a five-year contract" vs "a four-year deal").
    duration_metrics: tuple[str, ...] = ("deal",)
    # Metrics whose figure over a stated span ("over the next five years", "a seven-year deal") is
    # the headline one, compared without a subject: "a seven-year extension worth £2.4 billion"
    # and "the seven-year contract, valued at £2.9 billion".
    span_metrics: tuple[str, ...] = ()
    # Pairs that differ by at most `rounding-steps` steps of the coarser figure (43.8 vs 43.6) are
    # rounding slips: "include" them, "exclude" them (another rule reports them) or report "only"
    # them.
    # Metrics whose figures are too often different things to compare ("shares" bought, offered
    # and outstanding; "head" of cattle in one state and another).
    ignored_metrics: tuple[str, ...] = ()
    # A fact restated is given once or twice; a bucket with more distinct values than this holds
    # a metric of several things ("130 km/h ... 165 km/h ... 175 km/h": one storm after another).
    max_values: int = 3
    # Compare a figure that states no period with one that does (a near miss in the last digits
    # is rarely two figures for two periods).
    unscoped_matches_any: bool = False
    rounding: str = "include"
    rounding_steps: int = 2
    # Compare a figure restated with a definite article or a possessive ("the 42,800 attendances",
    # "the farm's 48 turbines") with the earlier figures for its metric, even when the wording
    # narrows it less or names no period: "the" says the figure was given before.
    definite_restatements: bool = False


@register
class ConflictCheck(Check):
    kind = "conflict"
    Parameters = ConflictParameters

    @classmethod
    def validate(cls, parameters: ConflictParameters) -> None:
        if not 0 <= parameters.tolerance < 1:
            raise ValueError("'tolerance' must be between 0 and 1")
        if parameters.rounding not in ("include", "exclude", "only"):
            raise ValueError("'rounding' must be include, exclude or only")
        if parameters.max_values < 2:
            raise ValueError("'max-values' must be at least 2")
        if parameters.rounding_steps < 1:
            raise ValueError("'rounding-steps' must be at least 1")

    def run(self, document: Document) -> Iterator[Finding]:
        buckets: dict[tuple, list[Claim]] = defaultdict(list)
        current = "" if document.date.source == TODAY else str(document.date.date.year)
        for claim in document.claims:
            if self._comparable(claim) and not _distributed(document.source.prose, claim):
                key = _bucket_key(claim, self.params.unscoped_matches_any, current)
                buckets[key].append(claim)
        reported: set[int] = set()
        for claims in buckets.values():
            if len(claims) > 1:
                finding = self._bucket_finding(document, claims)
                if finding is not None:
                    reported.update(c.start for c in claims)
                    yield finding
        if self.params.definite_restatements:
            yield from self._restatements(document, reported)

    def _restatements(self, document: Document, reported: set[int]) -> Iterator[Finding]:
        """'the 42,800 attendances' refers back to a figure given before: it conflicts when no
        earlier figure for its metric allows its value and the nearest earlier one does not."""
        earlier: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in document.claims:
            if claim.value is None or not claim.metric or claim.kind not in _COMPARED_KINDS:
                continue
            # Levels restate levels (or a baseline); a planned cut restates a cut.
            key = (claim.kind, claim.unit, claim.metric, claim.role == "change", claim.direction)
            if (
                claim.start not in reported
                and claim.role in ("level", "change")
                and _specific(document.source.prose, claim)
                and claim.equivalent_of < 0
                and claim.metric not in self.params.ignored_metrics
                and _restates(document.source.prose, claim)
            ):
                antecedents = [
                    a for a in earlier[key] if _may_restate(document.source.prose, a, claim)
                ]
                finding = self._restatement_finding(document, claim, antecedents)
                if finding is not None:
                    reported.add(claim.start)
                    yield finding
            if claim.role in ("level", "baseline", "change"):
                earlier[key].append(claim)

    def _restatement_finding(
        self, document: Document, claim: Claim, antecedents: list[Claim]
    ) -> Finding | None:
        prose = document.source.prose
        antecedents = [a for a in antecedents if _alike_in_size(a, claim)]
        antecedents = _closest_in_wording(claim, antecedents)
        if _of_a_part(prose, claim) and not _share_words(claim, antecedents):
            return None  # "the cloud unit's ¥6.4 billion" is not the group's revenue restated
        levels = [a for a in antecedents if a.role == claim.role]
        levels = _nearest_to_words(prose, claim, levels)
        if not levels or _distinct_values(levels) > 1:
            return None  # "its 68 billion dlr debt", "15 billion dlrs of credit lines", then
            # "Brazil's 109 billion dlr debt": which one is restated, if any, is not clear
        if any(not _disjoint(claim.interval(), a.interval()) for a in antecedents):
            return None  # it restates one of them
        nearest = levels[-1]
        if not self._values_conflict(nearest, claim):
            return None
        return self._report(document, nearest, [claim])

    def _comparable(self, claim: Claim) -> bool:
        return (
            claim.kind in _COMPARED_KINDS
            and bool(claim.metric)
            and claim.value is not None
            and claim.equivalent_of < 0
            and claim.role in ("level", "change")
            and claim.metric not in self.params.ignored_metrics
            and (claim.kind != "duration" or claim.metric in self.params.duration_metrics)
            and (bool(claim.subject) or self._named_by_metric(claim))
            and not _few(claim)
        )

    def _named_by_metric(self, claim: Claim) -> bool:
        if claim.kind == "duration":
            return claim.metric in self.params.duration_metrics
        if claim.metric in self.params.span_metrics and _over_a_span(claim):
            return True
        return claim.metric in self.params.unnamed_metrics

    def _bucket_finding(self, document: Document, claims: list[Claim]) -> Finding | None:
        claims = sorted(claims, key=lambda c: c.start)
        near = self.params.rounding == "only"
        if not near and _distinct_values(claims) > self.params.max_values:
            return None  # many values for one metric describe many things (typhoons' speeds)
        for index, first in enumerate(claims):
            # Near misses: counted among the figures said of the same thing ('the longest wait'
            # of a department is not the average wait)
            alike = [c for c in claims if same_subject(first.subject, c.subject, near)]
            if near and _distinct_values(alike) > self.params.max_values:
                continue
            others = [c for c in claims[index + 1 :] if self._conflict(first, c)]
            if others:
                return self._report(document, first, others)
        return None

    def _conflict(self, a: Claim, b: Claim) -> bool:
        if a.entity and b.entity and a.entity.lower() != b.entity.lower():
            return False
        if a.sentence_start == b.sentence_start:
            # One sentence compares figures ("37 votes, 1,204 to 1,167"), it never restates one.
            return False
        if not same_subject(a.subject, b.subject, near=self.params.rounding == "only"):
            return False
        if a.scope_inherited and b.scope_inherited and a.scope != b.scope:
            return False  # both carry over a period from earlier text, and not the same one
        if self.params.unscoped_matches_any and not _scopes_agree(a, b):
            return False
        if _table_block(a) != _table_block(b):
            return False  # rows under a "Year" header line and rows above it
        return self._values_conflict(a, b)

    def _values_conflict(self, a: Claim, b: Claim) -> bool:
        slack = Decimal(str(self.params.tolerance))
        a_low, a_high = a.interval()
        b_low, b_high = b.interval()
        a_low, a_high = _widen(a_low, a_high, slack)
        if not _disjoint((a_low, a_high), (b_low, b_high)):
            return False
        if self.params.rounding == "include":
            return True
        return _rounding_slip(a, b, self.params.rounding_steps) == (self.params.rounding == "only")

    def _report(self, document: Document, first: Claim, others: list[Claim]) -> Finding:
        lines = ", ".join(str(document.line_of(c)) for c in others)
        other = others[0]
        fields = {
            "first": first.text,
            "other": other.text,
            "other_line": str(document.line_of(other)),
            "others": ", ".join(f"{c.text} (line {document.line_of(c)})" for c in others),
            "lines": lines,
            "measured": _measured(first),
            "first_range": _range_text(first),
            "other_range": _range_text(other),
        }
        related = [(c.start, c.end, f"{c.text} for the same {_measured(first)}") for c in others]
        return self.finding(document, first.start, first.end, fields, related)


def same_subject(a: str, b: str, near: bool = False) -> bool:
    """Both figures narrow the metric alike: the same words, or mostly the same words in other
    wording (Jaccard >= 0.5, each side with words of its own).

    A figure for a whole ("construction spending") and one for a part ("residential construction
    spending") are different things: a subject that contains the other's words and more names a
    part, and so does any subject against an empty one.
    """
    words_a, words_b = set(a.split()), set(b.split())
    if words_a == words_b:
        return True
    if words_a <= words_b or words_b <= words_a:
        # Unless the two figures differ only in their last digits, which a part and its whole
        # rarely do: 'the average wait for an outpatient appointment' and 'the average
        # outpatient wait'.
        return near and bool(words_a) and bool(words_b)

    return len(words_a & words_b) / len(words_a | words_b) >= 0.5


# "the 42,800 attendances", "the farm's 48 turbines", "January's gain of 33,700 jobs".
_DEFINITE = re.compile(
    r"(?:\bthe|\w['’]s|\b(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december)['’]s(?:\s+[a-z-]+){1,2}\s+of)\s+$",
    re.IGNORECASE,
)
# "more than the ₹17,010 crore", "from the 12 in 2019": a figure compared with, not restated;
# "half the 30 ministers", "61 of the 165 riders": the whole a part is taken from;
# "from 1985's 584 mln dlr deficit", "last year's 5,000": the figure of another time.
_COMPARED = re.compile(
    r"(?:\b(?:than|from|against|versus|vs\.?|over|up|down|by)\s+(?:the|[\w ]{0,20}['’]s)"
    r"|(?:\b(?:half|all|most|some|each|both|many|none|few|much|part|share|portion|rest"
    r"|remainder|majority|one|two|three|four|five|six|seven|eight|nine|ten)|\d)(?:\s+of)?\s+the"
    r"|(?<!this )\b(?:(?:19|20)\d\d|year|quarter|month|week|season|period|yesterday|today"
    r"|tomorrow)['’]s)\s+$",
    re.IGNORECASE,
)
# "January's gain of 33,700 jobs": the figure of a month, which the earlier figure must not
# contradict.
_MONTH_OWNER = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november"
    r"|december)['’]s(?:\s+[a-z-]+){0,2}(?:\s+of)?\s+$",
    re.IGNORECASE,
)
# "the cloud unit's ¥6.4 billion": a part's figure, which restates only another of the part's.
_PART_OWNER = re.compile(
    r"\b(?:unit|division|business|arm|segment|subsidiary|branch)['’]s\s+$", re.IGNORECASE
)
# "the ¥161 billion average of estimates": defined by what follows.
_DEFINED_AFTER = re.compile(r"^(?:[^\W\d][\w-]*\s+)?(?:average|mean|median)\s+of\b", re.IGNORECASE)
# "the 165 riders who started", "the 649 patients who needed intensive care": a relative
# clause that says which ones, so the earlier figure must be said of them in the same words.
_RELATIVE = re.compile(
    r"^[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*)?\s+(?:who|which|that)\s+([^,.;:!?\"“”]*)",
    re.IGNORECASE,
)

# "the 2.0% recorded on the mainland": a participle straight after the figure defines it.
_PARTICIPLE_AFTER = re.compile(r"^[a-z]+ed\s+(?:on|in|at|by|for|to|from|across|over)\b")


def _of_a_part(prose: str, claim: Claim) -> bool:
    return _PART_OWNER.search(prose[max(0, claim.start - 40) : claim.start]) is not None


def _share_words(claim: Claim, antecedents: list[Claim]) -> bool:
    words = set(claim.subject.split())
    return any(words & set(a.subject.split()) for a in antecedents)


def _restates(prose: str, claim: Claim) -> bool:
    """'the 42,800 attendances', 'the farm's 48 turbines', 'Carrow's 3.6% inflation rate': a
    figure given as already known."""
    before = prose[max(0, claim.start - 40) : claim.start]
    if _DEFINITE.search(before) is None or _COMPARED.search(before):
        return False
    after = prose[claim.end : claim.end + 60].strip()
    return (
        not (claim.kind == "count" and after[:1].isupper())  # "the 5636 System Unit": a name
        and after.split(" ", 1)[0].strip(",.;:").lower() not in _MODEL_WORDS
        and _DEFINED_AFTER.match(after) is None
        and _PARTICIPLE_AFTER.match(after) is None
        and not after.lower().startswith(("average", "mean", "median"))
    )


def _few(claim: Claim) -> bool:
    """'four heads of mission', 'seven men of C Company': a handful of people or things is
    usually one group among several (those on the first flight, those of another unit)."""
    return claim.kind == "count" and claim.value is not None and claim.value < 10


def _specific(prose: str, claim: Claim) -> bool:
    """A figure precise enough to be recognised when restated: an amount, a count of 20 or
    more that is not a year, or a percentage with decimals followed by what it measures ('the
    27.9% gross margin'). 'The three firms' are often other firms, and 'the 25 pct stake' or
    'the 0.4 per cent' rate another stake or another month's rate."""
    if claim.kind == "percent":
        return _named_rate(prose, claim)
    if claim.kind not in ("money", "count", "quantity") or claim.value is None:
        return False
    if claim.value_high is not None or claim.qualifier:
        return False  # "the 1.15-1.20 dlr-a-share range", "the roughly 3,000 staff"
    small = claim.value < 20 or _YEAR_LIKE.fullmatch(claim.text)
    return claim.kind != "count" or not small


_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_CHANGING_SHARES = {"stake", "shares"}


def _named_rate(prose: str, claim: Claim) -> bool:
    if "." not in claim.text or claim.metric in _CHANGING_SHARES:
        return False
    following = _WORDS.findall(prose[claim.end : claim.end + 40].lower())[:5]
    return _WORDS.findall(claim.metric)[-1] in following


_MODEL_WORDS = {"series", "model", "class", "version", "edition", "generation", "service"}
_POSSESSOR = re.compile(r"([^\W\d_]+)['’]s\s+$")


def _owner(prose: str, claim: Claim) -> str:
    """'farm' in 'the farm's 48 turbines', 'brazil' in 'Brazil's 109 billion dlr debt'."""
    match = _POSSESSOR.search(prose[max(0, claim.start - 40) : claim.start])
    owner = match.group(1).lower() if match else ""
    return "" if owner in _GENERIC_OWNERS or owner[:3] in _MONTHS or owner in _TIMES else owner


_TIMES = {"year", "quarter", "month", "week", "season", "today", "yesterday", "tomorrow"}


# "the unit's", "the company's": whose figure it is, but in words any sentence may use.
_GENERIC_OWNERS = {"unit", "division", "business", "arm", "segment", "subsidiary", "branch",
                   "company", "group", "firm"}  # fmt: skip


def _alike_in_size(a: Claim, b: Claim) -> bool:
    """Within a factor of ten: '¥212' a share is not '¥161 billion' restated, nor '$9.5
    million' a '$1.62 billion plan'."""
    assert a.value is not None and b.value is not None
    low, high = sorted((abs(a.value), abs(b.value)))
    return low > 0 and high <= 10 * low


def _may_restate(prose: str, antecedent: Claim, claim: Claim) -> bool:
    """The later figure may be the earlier one restated: another sentence, no other entity or
    stated period, and every word that narrows it found with the earlier figure ('the 1,420
    confirmed cases' after '1,240 confirmed cases of measles')."""
    if antecedent.sentence_start == claim.sentence_start:
        return False
    if antecedent.entity and claim.entity and antecedent.entity.lower() != claim.entity.lower():
        return False
    # "by 2026" and "by 2026 (forecast)": whether a sentence reads as a forecast is its wording.
    stated = {
        c.scope.removesuffix(" (forecast)")
        for c in (antecedent, claim)
        if c.scope and not c.scope_inherited
    }
    if len(stated) > 1 and not _year_so_far(stated):
        return False
    if _table_block(antecedent) or _table_block(claim):
        return False
    if not _same_month(prose, antecedent, claim) or not _said_alike(prose, antecedent, claim):
        return False
    owner = _owner(prose, claim)
    context = f"{_sentence_text(prose, antecedent)} {antecedent.subject}"
    if not _found_in(f"{claim.subject} {owner}", context):
        return False  # "Security Pacific's 1.7 billion dlrs" after "The bank has 3.8 billion"
    # Words of its own, all found with the earlier figure ('the 2.4 million backup subscribers'
    # after 'Orrin's cloud backup service ... 2.34 million paying subscribers'); with none, the
    # later figure names the whole, so the earlier one must not name a part ('core' inflation).
    return (
        bool(claim.subject)
        or _named(antecedent.subject_text)
        or _found_in(antecedent.subject, _sentence_text(prose, claim))
    )


def _same_month(prose: str, antecedent: Claim, claim: Claim) -> bool:
    """'January's gain of 33,700 jobs' restates a figure of January or of 'the month'."""
    match = _MONTH_OWNER.search(prose[max(0, claim.start - 40) : claim.start])
    if match is None:
        return True
    month = _MONTHS.index(match.group(1).lower()[:3]) + 1
    scope = antecedent.scope.removesuffix(" (forecast)")
    return scope in ("", "the month") or scope.endswith((f"month {month:02d}", f"-{month:02d}"))


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _said_alike(prose: str, antecedent: Claim, claim: Claim) -> bool:
    """A relative clause after the later figure repeats what the earlier sentence says of
    its figure, in two words at least ('needed ... intensive care')."""
    match = _RELATIVE.match(prose[claim.end : claim.end + 80].strip())
    if match is None:
        return True
    clause = {singular(w) for w in _WORDS.findall(match.group(1).lower())} - STOP_WORDS
    earlier = {singular(w) for w in _WORDS.findall(_sentence_text(prose, antecedent).lower())}
    return len(clause & earlier) >= 2


def _named(words: str) -> bool:
    """'Calloway River': a name, which says whose figure it is rather than narrowing it."""
    names = words.split()
    return len(names) > 1 and all(w[:1].isupper() for w in names)


def _closest_in_wording(claim: Claim, antecedents: list[Claim]) -> list[Claim]:
    """The earlier figures that share most of the words narrowing ``claim`` ('confirmed' cases),
    when any shares one."""
    words = set(claim.subject.split())
    shared = [len(words & set(a.subject.split())) for a in antecedents]
    best = max(shared, default=0)
    return [a for a, n in zip(antecedents, shared, strict=True) if n == best]


def _nearest_to_words(prose: str, claim: Claim, levels: list[Claim]) -> list[Claim]:
    """Of several earlier figures, the one written nearest the words that narrow ``claim``:
    'the £28 million relief road' restates 'a ... relief road ..., at a cost of £38 million',
    not the '£6.5 million towards a primary school' later in that sentence."""
    words = claim.subject.split()
    if len(levels) < 2 or not words:
        return levels
    distances = [_distance_to_words(prose, level, words) for level in levels]
    best = min(distances)
    return [level for level, d in zip(levels, distances, strict=True) if d == best]


def _distance_to_words(prose: str, claim: Claim, words: list[str]) -> int:
    start = claim.sentence_start
    sentence = _sentence_text(prose, claim).lower()
    found = [
        abs(start + m.start() - claim.start)
        for m in _WORDS.finditer(sentence)
        if singular(m.group()) in words
    ]
    return min(found, default=len(prose))


def _year_so_far(scopes: set[str]) -> bool:
    """'since January' (2023) and 'so far this year': one period in a 2023 article."""
    other = scopes - {"year to date"}
    if len(scopes) != 2 or len(other) != 1:
        return False
    (period,) = other
    return period == "this year" or period.isdigit()


def _found_in(subject: str, sentence: str) -> bool:
    """Every word of ``subject`` (singular, lower case) in ``sentence``, singular or plural."""
    words = {singular(w) for w in _WORDS.findall(sentence.lower())}
    return all(word in words for word in subject.split())


_WORDS = re.compile(r"[^\W\d_]+")


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _sentence_text(prose: str, claim: Claim) -> str:
    end = _SENTENCE_END.search(prose, claim.end)
    return prose[claim.sentence_start : end.start() if end else len(prose)]


def _disjoint(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    """Rounding intervals are half-open: "4" is [3.5, 4.5) and "5" is [4.5, 5.5), so intervals
    that only touch are disjoint; an exact value ("two") is a point, inside or not."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    if low != high:
        return low > high
    return a[0] < a[1] and b[0] < b[1]


def _scopes_agree(a: Claim, b: Claim) -> bool:
    """The same stated period, or one figure states none and may be the other restated."""
    stated = {c.scope for c in (a, b) if c.scope and not c.scope_inherited}
    return len(stated) <= 1


def _distinct_values(claims: list[Claim]) -> int:
    """How many values the claims give, figures whose precision allows one value counted once."""
    groups: list[tuple] = []
    for claim in claims:
        interval = claim.interval()
        if not any(not _disjoint(interval, group) for group in groups):
            groups.append(interval)
    return len(groups)


def _distributed(prose: str, claim: Claim) -> bool:
    """'$0.04 million and $0.13 million in 2019 and 2018, respectively': which period or item
    each figure belongs to is given by order, which numlint does not read."""
    return "respectively" in _sentence_text(prose, claim)[claim.start - claim.sentence_start :]


def _period(claim: Claim, current: str) -> str:
    """The claim's stated period; a rate with none ('an adult smoking rate of 11.9%') is the
    rate as the article is written, the same as 'this year's'. Flows (revenue, a deal) stated
    without a period are often another year's, so they keep no period."""
    if claim.kind == "percent" and claim.metric.endswith(" rate") and claim.scope == current:
        return ""
    return claim.scope


def _table_block(claim: Claim) -> str:
    return claim.scope if claim.scope.startswith(TABLE_BLOCK) else ""


def _over_a_span(claim: Claim) -> bool:
    return not claim.scope_inherited and _SPAN.match(claim.scope) is not None


_SLIP_SHARE = Decimal("0.03")


def _rounding_slip(a: Claim, b: Claim, steps: int) -> bool:
    """43.8 and 43.6, or 2.34 and 2.4: the same figure, its last digits written differently."""
    if a.value_high is not None or b.value_high is not None or a.qualifier or b.qualifier:
        return False
    coarser = max(a.step, b.step)
    if not coarser or not a.step or not b.step:
        return False
    digits = sorted(len(str(int(abs(c.value) / c.step))) for c in (a, b))
    if digits[0] < 2 or digits[1] < 3:
        return False  # "17 cts" and "15 cts" are two figures, not one written twice
    difference = abs(a.value - b.value)
    # A slip in the last digits is small next to the figure: 16.67 and 18 are two prices.
    return difference <= steps * coarser and difference <= _SLIP_SHARE * max(a.value, b.value)


def _range_text(claim: Claim) -> str:
    """'43.75 to 43.85': the values a figure's rounding allows."""
    low, high = claim.interval()
    if not (low.is_finite() and high.is_finite()):
        return claim.text
    return f"{plain(low)} to {plain(high)}"


def _bucket_key(claim: Claim, unscoped_matches_any: bool = False, current: str = "") -> tuple:
    pairwise = claim.kind == "duration" or claim.scope_inherited or unscoped_matches_any
    return (
        claim.kind,
        claim.unit,
        claim.metric,
        # The stated period; one carried over from earlier text is compared pairwise instead.
        "" if pairwise else _period(claim, current),
        claim.role,
        claim.basis if claim.role == "change" else "",
    )


def _widen(low: Decimal, high: Decimal, slack: Decimal) -> tuple[Decimal, Decimal]:
    """Widen by a relative slack; an open end ("more than 45 million") stays infinite."""
    if not slack:
        return low, high
    return (
        low - abs(low) * slack if low.is_finite() else low,
        high + abs(high) * slack if high.is_finite() else high,
    )


def _measured(claim: Claim) -> str:
    parts = [claim.metric]
    if claim.role == "change":
        parts = [f"change in {claim.metric}"]
        if claim.basis:
            parts.append(
                {"yoy": "year on year", "qoq": "quarter on quarter", "mom": "month on month"}[
                    claim.basis
                ]
            )
    if claim.subject_text:
        parts.append(claim.subject_text)
    if claim.scope_text:
        parts.append(claim.scope_text)
    return " ".join(parts)
