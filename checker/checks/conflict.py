"""Kind `conflict`: two figures for the same thing that cannot both be true.

Claims are put in buckets by what they measure: the kind and unit, the metric ("investment"), what
narrows it ("aiot"), the period ("5 years"), and for changes the basis ("yoy"). Only claims in one
bucket are compared, never all pairs. Two figures conflict when the values their wording allows
(stated precision, qualifiers such as "more than", ranges) do not overlap, and their entities do
not differ. One finding per bucket, at the first figure, with the disagreeing ones as related.

A figure restated as already known ("the 42,800 attendances") is also compared with the one
earlier figure of its metric it can restate, even outside its bucket (checker/checks/
restatements.py reads which figures those are).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from spacy.lang.en.stop_words import STOP_WORDS

from checker import units
from checker.amounts import plain, rewritten
from checker.checks import register
from checker.checks.base import Check
from checker.checks.evidence import (
    HEADLINE_LEAD,
    LEAD_SENTENCE,
    ONLY_EARLIER,
    ONLY_SLIP,
    Context,
    WordRarity,
    companion_values,
    given_again,
    many_digits_transposed,
    measures_alike,
    noun_after,
    referred_back,
    rounding_slip,
    rounds_exactly,
    significant,
    typical_slip,
    weigh,
)
from checker.checks.evidence import veto as weigh_veto
from checker.checks.relations import once_per_document, parts_of_wholes
from checker.checks.restatements import (
    _word_set,
    alike_in_size,
    closest_in_wording,
    defined_by_clause,
    different_entities,
    may_restate,
    nearest_to_words,
    of_a_part,
    quoted,
    restates,
    same_month,
    sentence_text,
    share_words,
    specific,
    table_block,
)
from checker.claims import Claim
from checker.document import TODAY, Document
from checker.findings import Finding
from checker.nlp.context import singular
from checker.nlp.lexicon import load_lexicon

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
    # Compare percentages named by a word of their own ("a porosity of 41.7%", "the adult smoking
    # rate") without a subject: the word names the thing, unlike "revenue" or "margin", which
    # every segment has.
    named_percents: bool = False
    # Compare a figure restated with a definite article or a possessive ("the 42,800 attendances",
    # "the farm's 48 turbines") with the earlier figures for its metric, even when the wording
    # narrows it less or names no period: "the" says the figure was given before.
    definite_restatements: bool = False
    # Compare figures of one kind, unit and metric by evidence (checker/checks/evidence.py): a
    # pair whose features add up to at least this many points is one quantity stated twice;
    # 0 turns the comparison off.
    evidence_threshold: float = 0.0


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
        if parameters.evidence_threshold < 0:
            raise ValueError("'evidence-threshold' must be 0 (off) or more")

    def run(self, document: Document) -> Iterator[Finding]:
        named: list[set[int]] = []  # the figures each finding so far names
        for finding in self._findings(document):
            pair = {finding.location.start, finding.related[0].location.start}
            if any(pair <= earlier for earlier in named):
                continue  # the same misstated figure against the same value, stated again
            named.append({finding.location.start, *(r.location.start for r in finding.related)})
            yield finding

    def _findings(self, document: Document) -> Iterator[Finding]:
        buckets: dict[tuple, list[Claim]] = defaultdict(list)
        current = _year_of(document)
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
        if self.params.evidence_threshold:
            yield from self._by_evidence(document, reported)

    def _by_evidence(self, document: Document, reported: set[int]) -> Iterator[Finding]:
        """Figures of one kind, unit and metric, weighed pair by pair (evidence.py): a later
        figure that no earlier one allows is reported against the earlier one with the most
        evidence of being the same quantity, when that evidence reaches the threshold."""
        prose = document.source.prose
        buckets: dict[tuple, list[Claim]] = defaultdict(list)
        dated = _with_dated_baselines_as_levels(document.claims)
        for claim in _in_the_story_s_currency(prose, dated):
            if self._weighable(prose, claim):
                buckets[_evidence_bucket(claim)].append(claim)
        stated_units = {c.start: c.unit for c in document.claims}  # before any reading here
        buckets = {key: _in_one_unit(claims) for key, claims in buckets.items()}
        candidates = [c for claims in buckets.values() if len(claims) > 1 for c in claims]
        words = {c.start: _word_set(sentence_text(prose, c)) for c in candidates}
        context = Context(
            rarity=WordRarity(words[c.start] for c in candidates),
            cues={c.start for c in candidates if _given_as_known(prose, c)},
            sentence_words=words,
            year=_year_of(document),
            nouns_after={c.start: noun_after(prose, c) for c in candidates if c.kind == "money"},
            converted={c.start for c in candidates if c.unit != stated_units[c.start]},
            companions=companion_values(document.claims) if candidates else {},
            repeated=given_again(_claims_by_value(document)) if candidates else frozenset(),
            tabled=frozenset(c.start for c in candidates if document.in_table(c)),
            listed=(listed := _list_labels(prose, document.claims) if candidates else {}),
            listing=frozenset(c.sentence_start for c in document.claims if c.start in listed),
            referred_back=frozenset(c.start for c in candidates if referred_back(prose, c)),
        )
        wholes = {p.part.start: p.whole for p in parts_of_wholes(document)} if candidates else {}
        body = _Body(document)
        for claims in buckets.values():
            crowded = self._crowded(claims, context.year, wholes) if len(claims) > 1 else set()
            by_role = _indices_by_role(claims)
            for index, later in enumerate(claims[1:], start=1):
                if later.start in reported:
                    continue
                earlier = _antecedents(claims, index, by_role[later.role])
                if later.start in wholes:  # "Of the 1,284 deaths, 1,482 occurred in ...": a part
                    earlier = [
                        e
                        for e in earlier
                        if _disjoint(e.interval(), wholes[later.start].interval())
                    ]
                finding = self._weighed_finding(document, earlier, later, context, crowded, body)
                if finding is not None:
                    reported.add(later.start)
                    yield finding

    def _weighable(self, prose: str, claim: Claim) -> bool:
        return (
            claim.kind in _COMPARED_KINDS
            and claim.kind != "duration"
            and claim.value is not None
            and claim.value_high is None
            and (claim.qualifier not in _BOUNDS or significant(claim.value) >= 2)
            # "more than €11 billion" bounds many figures; "more than 6.4 billion euros" may be
            # a slip of the "4.6 bln euros" it cannot be (_bound_slip)
            and claim.equivalent_of < 0
            and claim.role in ("level", "change")
            and (
                bool(
                    claim.metric
                    or claim.counted
                    or claim.kind in ("money", "quantity", "percentage_points")
                )
                or _given_as_known(prose, claim)  # "the 9.2% increase"
                or (self.params.rounding != "only" and _telling_count(claim))
            )  # near misses between bare counts (764 and 765) are as often years or chance
            and (claim.metric not in self.params.ignored_metrics or claim.kind == "count")
            and not _few(claim)
            and not _YEAR.fullmatch(claim.text)
            and not _distributed(prose, claim)
            and not _amount_of_a_share(prose, claim)
        )

    def _weighed_finding(
        self,
        document: Document,
        earlier: list[Claim],
        later: Claim,
        context: Context,
        crowded: set[int],
        body: _Body,
    ) -> Finding | None:
        weighed = []
        prose = document.source.prose
        leads = bool(earlier) and all(document.in_title(e) for e in earlier)
        leads = leads and later.start == body.first(later)
        in_lead = leads and later.sentence_start == body.lead_sentence
        if in_lead and any(_lead_totals(document, e, later) for e in earlier):
            return None  # "TENDER 700 MLN DLRS", then "500 mln dlrs of 13-week notes and 200 mln
            # dlrs of 26-week notes": the headline gives the lead's total, not its first figure
        for first in earlier:
            if first.sentence_start == later.sentence_start or table_block(first) != table_block(
                later
            ):
                continue
            if self._ignored(first, later) or not _bound_slip(first, later):
                continue  # a bound may restate a figure, not be restated by one: "a book of
                # more than 6.4 billion euros" after orders of 4.6, not 'as high as 22 dlrs'
            if (
                later.start in context.cues
                and not first.qualifier  # "about 86,000" allows 84,612 without being it
                and not _disjoint(first.interval(), later.interval())
                and not weigh_veto(first, later, context.year, tenses=False)
                and not (later.metric and not first.metric)  # "the first R1.1bn drawdown"
                # is no loss: "a loss of R1.13bn" does not restate it
            ):
                return None  # "could absorb the A$48.3 million hit" restates "a deficit of
                # A$48.3 million", however it is said
            if _restates_exactly(first, later, context.year):
                return None  # "€1,184m" after the table's "1,184": not a slip of "118" beside it
            evidence = weigh(
                first,
                later,
                context,
                crowded=first.start in crowded,
                next_sentence=_next_sentence(prose, first, later),
                headline=document.in_title(first) and not document.in_title(later),
                rounding_steps=self.params.rounding_steps,
                lead=in_lead,
            )
            if evidence.veto or _restated_veto(first, later, earlier, context.year):
                continue
            if document.in_title(first) and body.bound_restates(first, later):
                continue  # "500 MLN DLR OFFERING", "up to 500 mln dlrs", then "50 mln dlrs"
            if leads:
                evidence.add("the story's first figure of the headline's measure", HEADLINE_LEAD)
            if in_lead:
                evidence.add("in the story's first sentence", LEAD_SENTENCE)
            if not same_month(prose, first, later):
                continue  # "November's gain of 33,700 jobs" after January's 37,300
            if not _disjoint(self._interval(first), self._interval(later)):
                if measures_alike(first, later):
                    return None  # it restates an earlier figure
                continue
            weighed.append((evidence.score, first, evidence))
        # A near miss the conflict rule does not report (1.84 million, then 1,824,600) does not
        # hide a clear slip of another figure (1,842,600); the rounding rule leaves a figure
        # whose likeliest twin is such a slip to the conflict rule.
        if self.params.rounding != "only":
            weighed = [w for w in weighed if self._values_conflict(w[1], later)]
        elif any(_clear_transposition(w[1], later) for w in weighed):
            return None
        if not weighed:
            return None
        score, first, evidence = max(weighed, key=lambda w: w[0])
        if not self._values_conflict(first, later):
            return None
        if later.start in context.cues and _only_earlier(first, later, earlier, context.year):
            evidence.add("the only figure of its measure before it", ONLY_EARLIER)
            score = evidence.score
        elif later.start in context.cues and _only_slip(first, later, document, context.year):
            evidence.add("the only figure before it that it may be a slip of", ONLY_SLIP)
            score = evidence.score
        if score < self.params.evidence_threshold:
            return None
        origin = _first_statement(first, earlier, context.year)
        return self._report(document, origin, [later], evidence.explain(), also=first)

    def _ignored(self, first: Claim, later: Claim) -> bool:
        """Counts of a metric too often of different things ('shares' bought, offered and
        outstanding) are one only when their digits are swapped: 12.4 mln and 14.2 mln shares."""
        ignored = self.params.ignored_metrics
        if first.metric not in ignored and later.metric not in ignored:
            return False
        slip = typical_slip(first.value, later.value, steps=(first.step, later.step))
        return slip != "transposed"

    def _crowded(
        self, bucket: list[Claim], year: str, wholes: dict[int, Claim] | None = None
    ) -> set[int]:
        """The figures whose measure has more values than a fact restated has, among the
        figures of that measure nearby that their period and entity allow: a metric of several
        things. Each is compared with the 30 of its measure on either side, not with all. A
        part of a whole ('| of which ... |') is no other value of the whole's measure."""
        groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in bucket:
            if (wholes and claim.start in wholes) or claim.qualifier in _BOUNDS:
                continue  # a bound's open interval would merge the values it spans
            if claim.metric or claim.counted:
                groups[(claim.metric, claim.counted)].append(claim)
        # Segments' figures are other things, not more values of one; near misses are told
        # apart from them by the crowding alone
        segments = self.params.rounding != "only"
        crowded: set[int] = set()
        for group in groups.values():
            for index, claim in enumerate(group):
                nearby = group[max(0, index - _ANTECEDENTS) : index + _ANTECEDENTS + 1]
                alike = [
                    c
                    for c in nearby
                    if c is claim
                    or not (weigh_veto(claim, c, year) or (segments and _segments_apart(claim, c)))
                ]
                if _distinct_values(alike) > self.params.max_values:
                    crowded.add(claim.start)
        return crowded

    def _restatements(self, document: Document, reported: set[int]) -> Iterator[Finding]:
        """'the 42,800 attendances' refers back to a figure given before: it conflicts when no
        earlier figure for its metric allows its value and the nearest earlier one does not."""
        # The latest figures of each metric: a restatement refers back to one of the last few.
        earlier: dict[tuple, deque[Claim]] = defaultdict(lambda: deque(maxlen=_ANTECEDENTS))
        for claim in document.claims:
            if claim.value is None or not claim.metric or claim.kind not in _COMPARED_KINDS:
                continue
            # Levels restate levels (or a baseline); a planned cut restates a cut.
            key = (claim.kind, claim.unit, claim.metric, claim.role == "change", claim.direction)
            if (
                claim.start not in reported
                and claim.role in ("level", "change")
                and specific(document.source.prose, claim)
                and claim.equivalent_of < 0
                and claim.metric not in self.params.ignored_metrics
                and restates(document.source.prose, claim)
            ):
                antecedents = [
                    a for a in earlier[key] if may_restate(document.source.prose, a, claim)
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
        antecedents = [a for a in antecedents if alike_in_size(a, claim)]
        antecedents = closest_in_wording(claim, antecedents)
        if of_a_part(prose, claim) and not share_words(claim, antecedents):
            return None  # "the cloud unit's ¥6.4 billion" is not the group's revenue restated
        levels = [a for a in antecedents if a.role == claim.role]
        levels = nearest_to_words(prose, claim, levels)
        if not levels or _distinct_values(levels) > 1:
            return None  # "its 68 billion dlr debt", "15 billion dlrs of credit lines", then
            # "Brazil's 109 billion dlr debt": which one is restated, if any, is not clear
        if any(not _disjoint(claim.interval(), a.interval()) for a in antecedents):
            return None  # it restates one of them
        nearest = levels[-1]
        if not self._values_conflict(nearest, claim) or _restates_another(document, claim, nearest):
            return None  # "580 for social rent", then "the 580 social-rent homes"
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
        if self.params.named_percents and claim.kind == "percent" and claim.metric:
            return claim.metric not in self._lexicon_metrics or self._unnamed(claim)
        if claim.kind == "duration":
            return claim.metric in self.params.duration_metrics
        if claim.metric in self.params.span_metrics and _over_a_span(claim):
            return True
        return self._unnamed(claim)

    def _unnamed(self, claim: Claim) -> bool:
        return claim.metric in self.params.unnamed_metrics

    @functools.cached_property
    def _lexicon_metrics(self) -> frozenset[str]:
        return load_lexicon().metric_names

    def _bucket_finding(self, document: Document, claims: list[Claim]) -> Finding | None:
        claims = sorted(claims, key=lambda c: c.start)
        near = self.params.rounding == "only"
        if not near and _distinct_values(claims) > self.params.max_values:
            return None  # many values for one metric describe many things (typhoons' speeds)
        crowded: dict[str, bool] = {}  # by subject: whether it has too many values for near misses
        for index, first in enumerate(claims):
            # Near misses: counted among the figures said of the same thing ('the longest wait'
            # of a department is not the average wait)
            if near:
                if first.subject not in crowded:
                    crowded[first.subject] = self._many_values_for(first, claims)
                if crowded[first.subject]:
                    continue
            later = claims[index + 1 : index + 1 + _COMPARED_AFTER]
            others = [
                c
                for c in later
                if self._conflict(first, c)
                and self._plausible(document, first, c)
                and not _restates_another(document, c, first)
            ]
            if others:
                also = _stated_before(document, first, others[0])
                return self._report(document, first, others, also=also)
        return None

    def _plausible(self, document: Document, first: Claim, later: Claim) -> bool:
        """Two figures read as one thing that differ arbitrarily (¥355 and ¥604 million) are
        far more often two things than one misstated: such a pair needs the later figure given
        as already known ("the", a possessive, a quote), or a metric an article gives once
        (turnout). A typical slip of the digits needs nothing more; near misses have a rule
        of their own."""
        slip = typical_slip(first.value, later.value, True, (first.step, later.step))
        if self.params.rounding == "only" or slip:
            return True
        if first.metric in self.params.unnamed_metrics:
            return True
        prose = document.source.prose
        return restates(prose, later) or quoted(prose, later)

    def _many_values_for(self, first: Claim, claims: list[Claim]) -> bool:
        alike = [c for c in claims if same_subject(first.subject, c.subject, near=True)]
        return _distinct_values(alike) > self.params.max_values

    def _conflict(self, a: Claim, b: Claim) -> bool:
        if different_entities(a, b) or weigh_veto(a, b):
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
        if table_block(a) != table_block(b):
            return False  # rows under a "Year" header line and rows above it
        return self._values_conflict(a, b)

    def _interval(self, claim: Claim) -> tuple[Decimal, Decimal]:
        """The values a figure allows; for the rounding rule, an approximate figure that is not
        round allows only what it rounds ('roughly $13.4 billion' is no rounding of 13.46)."""
        return _as_rounded(claim) if self.params.rounding == "only" else claim.interval()

    def _values_conflict(self, a: Claim, b: Claim) -> bool:
        slack = Decimal(str(self.params.tolerance))
        (a_low, a_high), (b_low, b_high) = self._interval(a), self._interval(b)
        a_low, a_high = _widen(a_low, a_high, slack)
        if not _disjoint((a_low, a_high), (b_low, b_high)):
            return False
        if self.params.rounding == "include":
            return True
        return rounding_slip(a, b, self.params.rounding_steps) == (self.params.rounding == "only")

    def _report(
        self,
        document: Document,
        first: Claim,
        others: list[Claim],
        evidence: str = "",
        also: Claim | None = None,
    ) -> Finding:
        headline, first = first, _in_body(document, first, others[0])
        lines = ", ".join(str(document.line_of(c)) for c in others)
        other = others[0]
        fields = {
            "first": first.text,
            "other": other.text,
            "other_line": str(document.line_of(other)),
            "other_place": f"{document.line_word} {document.line_of(other)}",
            "others": ", ".join(
                f"{c.text} ({document.line_word} {document.line_of(c)})" for c in others
            ),
            "lines": lines,
            "measured": _measured(first),
            "first_range": _range_text(first),
            "other_range": _range_text(other),
            "arithmetic": self._arithmetic(first, others),
        }
        if evidence:
            fields["evidence"] = evidence
        related = [(c.start, c.end, f"{c.text} for the same {_measured(first)}") for c in others]
        if headline is not first:  # the headline's figure, which the story restates: also to fix
            related.append((headline.start, headline.end, f"{headline.text} in the headline"))
        if also is not None and also is not headline and also is not first:
            where = f"{document.line_word} {document.line_of(also)}"
            related.append((also.start, also.end, f"{also.text}, the same figure again ({where})"))
        named = {first.start, headline.start, *(c.start for c in others)}
        named |= {also.start} if also is not None else set()
        for again in _stated_again(document, (first, other), named):
            where = f"{document.line_word} {document.line_of(again)}"
            message = f"{again.text}, the same figure again ({where})"
            related.append((again.start, again.end, message))
        return self.finding(document, first.start, first.end, fields, related)

    def _arithmetic(self, first: Claim, others: list[Claim]) -> str:
        """'¥99.5–100.5 billion vs ¥9.5–10.5 billion: the ranges do not overlap'."""
        slack = Decimal(str(self.params.tolerance))
        ranges = [_allowed(first, *_widen(*first.interval(), slack))]
        ranges += [_allowed(c, *c.interval()) for c in others]
        verdict = "the ranges do not overlap" if len(others) == 1 else "none meets the first"
        widened = f" (the first widened by {plain(slack * 100)}%)" if slack else ""
        return f"{ranges[0]} vs {', '.join(ranges[1:])}{widened}: {verdict}"


_ANTECEDENTS = 30  # earlier figures of a metric a restatement is compared with, at most
# Later figures of the same bucket each figure is compared with, at most: an article's buckets
# are far smaller, and a book's are not compared all pairs with all.
_COMPARED_AFTER = 200


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


def _telling_count(claim: Claim) -> bool:
    """A bare count of three significant digits or more ('Damaged homes are ... 1,512'): what it
    counts may be read on the other side only ('all 1,215 homes'), and its digits say much."""
    return claim.kind == "count" and significant(claim.value) >= 3


def _few(claim: Claim) -> bool:
    """'four heads of mission', 'seven men of C Company': a handful of people or things is
    usually one group among several (those on the first flight, those of another unit)."""
    return claim.kind == "count" and claim.value is not None and claim.value < 10


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


def _amount_of_a_share(prose: str, claim: Claim) -> bool:
    """'set aside 1% of capital spending, or about R$142 million': the amount a share comes to,
    a part of the figure it is a share of, never a restatement of that figure."""
    before = prose[max(claim.sentence_start, claim.start - 80) : claim.start]
    return _SHARE_THEN_AMOUNT.search(before) is not None


_SHARE_THEN_AMOUNT = re.compile(
    r"\d\s*(?:%|per\s?cent|percent|pct)\s+of\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+\s*,?\s+or\s+"
    r"(?:about|some|roughly|around|nearly|almost|approximately|just over|just under)?\s*$",
    re.IGNORECASE,
)


def _distributed(prose: str, claim: Claim) -> bool:
    """'$0.04 million and $0.13 million in 2019 and 2018, respectively': which period or item
    each figure belongs to is given by order, which numlint does not read."""
    return "respectively" in sentence_text(prose, claim)[claim.start - claim.sentence_start :]


def _period(claim: Claim, current: str) -> str:
    """The claim's stated period; a rate with none ('an adult smoking rate of 11.9%') is the
    rate as the article is written, the same as 'this year's'. Flows (revenue, a deal) stated
    without a period are often another year's, so they keep no period."""
    if claim.kind == "percent" and claim.metric.endswith(" rate") and claim.scope == current:
        return ""
    return claim.scope


def _over_a_span(claim: Claim) -> bool:
    return not claim.scope_inherited and _SPAN.match(claim.scope) is not None


def _range_text(claim: Claim) -> str:
    """'43.75 to 43.85': the values a figure's rounding allows."""
    low, high = _as_rounded(claim)
    if not (low.is_finite() and high.is_finite()):
        return claim.text
    return f"{plain(low)} to {plain(high)}"


def _allowed(claim: Claim, low: Decimal, high: Decimal) -> str:
    """'¥99.5–100.5 billion', '44.5 million or more': the values a figure allows, as it is
    written; full digits when its digits are not the whole figure ('three million')."""
    if low == high:
        return claim.text
    if not high.is_finite():
        return f"{rewritten(claim, (low,)) or plain(low)} or more"
    if not low.is_finite():
        return f"up to {rewritten(claim, (high,)) or plain(high)}"
    joiner = "–" if low >= 0 else " to "
    return rewritten(claim, (low, high), joiner) or f"{claim.text} ({plain(low)} to {plain(high)})"


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_BREAKS = re.compile(r"[.!?]?\s*\n")


def _next_sentence(prose: str, first: Claim, later: Claim) -> bool:
    """``later``'s line follows ``first``'s in one block of lines: rows of a list or table
    (read in place: the two may be pages apart)."""
    start, end = first.end, later.sentence_start
    return (
        prose.find("\n", start, end) >= 0
        and prose.find("\n\n", start, end) < 0
        and len(_BREAKS.findall(prose, start, end)) <= 1
    )


_OWNED = re.compile(r"\b(?:its|their|our|his|her)\s+$", re.IGNORECASE)
# "1,150 of the 2,780 households": the whole a part is taken from, given as known
_WHOLE_OF_THE = re.compile(
    r"(?:\d|\b(?:most|all|half|much|some|part|bulk|rest|majority))\s+of\s+the\s+$",
    re.IGNORECASE,
)  # "most of the 268,000 tonnes": the figure is known, a part of it is said


def _given_as_known(prose: str, claim: Claim) -> bool:
    """'the 78 homes', 'Harbour's 14,200 staff', 'its ¥44.5 billion forecast', or in a quote."""
    before = prose[max(0, claim.start - 12) : claim.start]
    if _WHOLE_OF_THE.search(before) and not (defined_by_clause(prose, claim) or claim.subject):
        return True  # not "61 of the 165 riders who finished", nor "42 of the 46 seats in the
        # upper house": a clause or a phrase says which ones
    return (
        restates(prose, claim, clause_allowed=True, demonstrative=True)
        or quoted(prose, claim)
        or bool(_OWNED.search(before))
    )


def _restated_veto(first: Claim, later: Claim, earlier: list[Claim], year: str) -> bool:
    """``first`` restates an earlier figure of the same value that ``later`` cannot be: "it will
    invest R$18 billion" (a plan), "the R$18 billion plan" (no period), "it spent R$1.8 billion
    last year" (an outcome) is not the plan restated."""
    return any(
        e.start < first.start
        and not _disjoint(e.interval(), first.interval())
        and not weigh_veto(e, first, year)
        and weigh_veto(e, later, year)
        for e in earlier
    )


def _lead_totals(document: Document, headline: Claim, later: Claim) -> bool:
    """The lead gives the headline's figure otherwise: its value read another way ('35,000\nlong
    tons'), the total of the lead's figures of its kind and unit (700 MLN for 500 mln and 200
    mln), or a number of them ('two 10,000-tonne cargoes' for 20,000)."""
    if headline.value is None or later.value is None:
        return False
    lead = document.in_sentence(later.sentence_start)
    if any(c.value == headline.value and c.kind != "date" for c in lead):
        return True
    values = [
        c.value
        for c in lead
        if (c.kind, c.unit) == (later.kind, later.unit) and c.value is not None
    ]
    if len(values) > 1 and any(
        sum(group) == headline.value
        for size in range(2, min(len(values), 5) + 1)
        for group in itertools.combinations(values[:8], size)
    ):
        return True
    return any(  # "two 10,000-tonne cargoes"
        c.kind == "count"
        and c.value is not None
        and 0 <= later.start - c.end <= 2
        and c.value * later.value == headline.value
        for c in lead
    )


def _restates_exactly(first: Claim, later: Claim, year: str) -> bool:
    """The same value to three significant digits or more, nothing showing two things: a
    restatement, whatever else it might be a slip of."""
    return (
        significant(later.value) >= 3
        and first.value == later.value
        and not weigh_veto(first, later, year)
    )


def _clear_transposition(first: Claim, later: Claim) -> bool:
    """A transposition of four digits or more: a slip that explains the later figure better
    than any rounding does."""
    slip = typical_slip(first.value, later.value, steps=(first.step, later.step))
    return many_digits_transposed(first, later, slip)


def _stated_before(document: Document, first: Claim, other: Claim) -> Claim | None:
    """``other``'s value stated before ``first`` (in the headline or lead: 'an operating deficit
    of A$48.3 million', then 'a $43.8 million deficit' and 'the A$48.3 million hit'): the figure
    ``first`` disagrees with where it was first given."""
    found = _first_statement(other, list(_single_figures_before(document, first)), "")
    return None if found is other else found


def _stated_again(
    document: Document, pair: tuple[Claim, Claim], named: set[int]
) -> Iterator[Claim]:
    """Other statements of either figure of a conflicting pair, in other sentences, that give
    its value of the same measure ('612 homes' in the lead and in a quote, '621' in a third
    paragraph): they show the editor which value the article otherwise gives."""
    sentences = {c.sentence_start for c in pair}
    index = _claims_by_value(document)
    alike = {id(c): c for f in pair for c in index.get((f.kind, f.unit, f.value), ())}
    for claim in sorted(alike.values(), key=lambda c: c.start):
        if (
            claim.start not in named
            and claim.sentence_start not in sentences
            and claim.value_high is None
            and any(_restated_by(claim, figure) for figure in pair)
        ):
            yield claim


@once_per_document
def _claims_by_value(document: Document) -> dict[tuple, list[Claim]]:
    """The document's figures by kind, unit and value (a finding asks for the other statements
    of its two figures; the evidence pass for the figures given again)."""
    index: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in document.claims:
        if claim.value is not None:
            index[(claim.kind, claim.unit, claim.value)].append(claim)
    return index


def _restated_by(claim: Claim, figure: Claim, year: str = "") -> bool:
    """``claim`` may give ``figure`` again: values that meet, the same measure, no veto."""
    return (
        not _disjoint(claim.interval(), figure.interval())
        and measures_alike(claim, figure)
        and not weigh_veto(claim, figure, year)
    )


def _first_statement(first: Claim, earlier: list[Claim], year: str) -> Claim:
    """Where the figure that ``first`` gives was first stated ('rose to €168.3 million' in the
    lead, before the table's '168.3'): the statement an editor reads first."""
    return next(
        (e for e in earlier if e.start < first.start and _restated_by(e, first, year)),
        first,
    )


def _segments_apart(a: Claim, b: Claim) -> bool:
    """Both narrow the metric, with no word in common: two segments' figures ('Forestry
    EBIT', 'Marine EBIT'), not one figure's values."""
    words_a, words_b = set(a.subject.split()), set(b.subject.split())
    return bool(words_a and words_b) and words_a.isdisjoint(words_b)


def _in_the_story_s_currency(prose: str, claims: list[Claim]) -> list[Claim]:
    """A bare scaled figure ('net profit rose to 86.4 million', '2.46 billion') in a story whose
    scaled amounts are all in one currency is an amount in it: wire copy drops the currency once
    it is known. Figures that count something ('24.1 million of those trips'), or are small, are
    left as they are."""
    currencies = {c.unit for c in claims if c.kind == "money" and c.step >= _SCALED}
    if len(currencies) != 1:
        return claims
    (currency,) = currencies
    return [
        dataclasses.replace(claim, kind="money", unit=currency)
        if claim.kind == "count"
        and not claim.counted
        and not claim.unit
        and claim.step >= _SCALED
        and not _OF_THINGS.match(prose, claim.end)
        else claim
        for claim in claims
    ]


_SCALED = Decimal(100000)  # a step this large is a figure written with a scale: "86.4 million"
_OF_THINGS = re.compile(r"\s+of\s+(?:those|these|the|its|their|them|which|whom)\b", re.I)


def _with_dated_baselines_as_levels(claims: tuple[Claim, ...]) -> list[Claim]:
    """A baseline that names its own year, unlike the level of its sentence ('shrank to 33.3
    sq km in 2024 from 41.6 sq km in 2014'), is the level of that year too."""
    levels: dict[int, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.role == "level" and _YEAR.fullmatch(claim.scope) and not claim.scope_inherited:
            levels[claim.sentence_start].add(claim.scope)
    return [
        dataclasses.replace(claim, role="level")
        if claim.role == "baseline"
        and _YEAR.fullmatch(claim.scope)
        and not claim.scope_inherited
        and levels[claim.sentence_start]
        and claim.scope not in levels[claim.sentence_start]
        else claim
        for claim in claims
    ]


def _restates_another(document: Document, later: Claim, first: Claim) -> bool:
    """An earlier figure of the later one's value that it may be ('A$1.35 apiece', then 'at a
    price of A$1.35' after 'a closing price of A$1.53'): it restates that one."""
    interval = later.interval()
    return any(
        c is not first
        and c.sentence_start != later.sentence_start
        and not _disjoint(c.interval(), interval)
        and not weigh_veto(c, later)
        for c in _single_figures_before(document, later)
    )


def _single_figures_before(document: Document, later: Claim) -> Iterator[Claim]:
    """The figures before ``later`` of its kind and unit that give one value, not a range."""
    for c in document.claims:
        if (
            c.start < later.start
            and (c.kind, c.unit) == (later.kind, later.unit)
            and c.value is not None
            and c.value_high is None
        ):
            yield c


def _only_slip(first: Claim, later: Claim, document: Document, year: str) -> bool:
    """A figure given as known whose digits are swapped or shifted from one earlier figure of
    its kind and unit, and from no other, nor equal to any: 'forty-six people' after '64
    volunteers', when nothing else before it is 46, 64 or 460."""
    if later.kind in ("percent", "percentage_points"):
        return False  # rates are many, and share their digits by chance
    slip = typical_slip(first.value, later.value, short=True, steps=(first.step, later.step))
    if slip not in ("transposed", "power of ten") or _round(later):
        return False  # "six mln dlrs" after "600,000 dlrs": round figures of many sizes
    return not any(
        e.value == later.value or typical_slip(e.value, later.value, short=True)
        for e in _single_figures_before(document, later)
        if e is not first
        and e.value != first.value  # "Rs 8,000 crore, or Rs 80 billion": the first again
        and not weigh_veto(e, later, year)
        and not _counts_another_noun(e, later)  # "860 homes" is no slip of "8,600 people"
    )


def _counts_another_noun(a: Claim, b: Claim) -> bool:
    return bool(a.counted and b.counted) and singular(a.counted) != singular(b.counted)


def _round(claim: Claim) -> bool:
    """One significant digit: 'six mln', '20', '1,000'."""
    return significant(claim.value) == 1


def _only_earlier(first: Claim, later: Claim, earlier: list[Claim], year: str) -> bool:
    """Every earlier figure of the later one's measure (metric or counted noun) that could be
    the same thing has the first one's value: "destroyed 87 homes", then "the 78 homes lost"
    can refer back to nothing else."""
    measure = later.metric or later.counted
    alike = [
        e.value
        for e in earlier
        if measure in (e.metric, e.counted) and not weigh_veto(e, later, year)
    ]
    return bool(measure) and set(alike) == {first.value}


def _in_body(document: Document, first: Claim, other: Claim) -> Claim:
    """A headline's figure as the story first restates it, before ``other``: the statement an
    editor corrects, and the one the story's other figures are read with."""
    if not document.in_title(first):
        return first
    return next(
        (
            c
            for c in document.claims
            if first.end <= c.start < other.start
            and not document.in_title(c)
            and (c.kind, c.unit) == (first.kind, first.unit)
            and not _disjoint(c.interval(), first.interval())
            and not weigh_veto(first, c)
        ),
        first,
    )


class _Body:
    """What the story (not its headline) says first, read once per document: the first figure
    of each kind and unit, and the figures given as bounds ('up to 500 mln dlrs')."""

    def __init__(self, document: Document) -> None:
        self.firsts: dict[tuple, int] = {}
        self.bounds: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        self.lead_sentence = -1  # where the story's first sentence with a figure or date starts
        for claim in document.claims:
            if document.in_title(claim):
                continue
            if self.lead_sentence < 0:
                self.lead_sentence = claim.sentence_start
            self.firsts.setdefault(_evidence_bucket(claim), claim.start)
            if claim.value is not None and (
                claim.qualifier in ("lower", "upper") or claim.value_high is not None
            ):
                self.bounds[(claim.kind, claim.unit)].append(claim)

    def first(self, claim: Claim) -> int | None:
        """Where the story's first figure of the claim's kind and unit (or dimension: '35,000
        long tons' for '35,000 TONS') starts: the lead's, which restates the headline's."""
        return self.firsts.get(_evidence_bucket(claim))

    def bound_restates(self, headline: Claim, later: Claim) -> bool:
        """The story gave the headline's figure as a bound before ``later`` ('up to 500 mln
        dlrs'), so ``later`` is another figure (a bound is never weighed, so it cannot speak
        for itself)."""
        value = headline.value
        return value is not None and any(
            c.start < later.start
            and (
                c.value == value or (c.value_high is not None and c.value <= value <= c.value_high)
            )
            for c in self.bounds.get((headline.kind, headline.unit), ())
        )


def _indices_by_role(claims: list[Claim]) -> dict[str, list[int]]:
    by_role: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        by_role[claim.role].append(index)
    return by_role


def _antecedents(claims: list[Claim], index: int, same_role: list[int]) -> list[Claim]:
    """The figures before ``claims[index]`` it is weighed against: the last few, and as many
    more of its own role (``same_role``: the indices of that role's figures), so that a table's
    column of changes does not push the level it restates out of reach."""
    k = bisect.bisect_left(same_role, index)
    chosen = set(range(max(0, index - _ANTECEDENTS), index))
    chosen.update(same_role[max(0, k - _ANTECEDENTS) : k])
    return [claims[i] for i in sorted(chosen)]


def _list_labels(prose: str, claims: Iterable[Claim]) -> dict[int, str]:
    """The label of each item of a list of three amounts or more in one sentence, each after a
    comma, a colon or 'and' and a few words: 'water and sanitation R4.9 billion, electricity
    R3.7 billion, roads R2.8 billion', by the item's start; singular, as sentences are read."""
    labels: dict[int, str] = {}
    by_sentence: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_sentence[claim.sentence_start].append(claim)
    for items in by_sentence.values():
        found = {}
        previous_end = items[0].sentence_start
        for claim in sorted(items, key=lambda c: c.start):
            match = _LIST_LABEL.search(prose, previous_end, claim.start)
            if match is not None and match.end() == claim.start and _a_label(match["label"]):
                found[claim.start] = " ".join(singular(w) for w in match["label"].lower().split())
            previous_end = claim.end
        if len(found) >= 3:
            labels.update(found)
    return labels


def _a_label(words: str) -> bool:
    """Names a thing ('water and sanitation'), not what is done ('partially offset by')."""
    return all(w == "and" or w not in STOP_WORDS for w in words.lower().split())


# "..., electricity R3.7 billion", ": water and sanitation R4.9 billion", "and clinics R1.3 billion"
_LIST_LABEL = re.compile(r"(?:[,:;]|\band)\s+(?P<label>(?:[a-z][\w'’-]*\s+){1,3})$")


def _bound_slip(first: Claim, later: Claim) -> bool:
    """A bound after a figure is it misstated only when their digits are swapped ('orders of
    4.6 bln euros', 'a book of more than 6.4 billion euros'): 'more than €11 billion' is not
    '€1.1 billion' shifted, it is more. A bound is never the figure a later one restates."""
    if first.qualifier in _BOUNDS:
        return False
    return later.qualifier not in _BOUNDS or typical_slip(first.value, later.value) == "transposed"


_BOUNDS = ("lower", "upper")


def _year_of(document: Document) -> str:
    """The year the document was written in, when its date is known."""
    return "" if document.date.source == TODAY else str(document.date.date.year)


def _evidence_bucket(claim: Claim) -> tuple:
    """Money by currency, quantities by dimension (4,860 GWh and 4.68 TWh), counts together:
    what a figure measures may be read on one side only ("we will put R$1.8 billion into
    fibre"), or read as a metric on one side and a counted noun on the other ("hire 2,400
    nurses", "2,900 nurses")."""
    if claim.kind == "quantity" and claim.unit:
        dimension = units.dimension(claim.unit)
        # a unit converted by a factor alone: not a temperature (°F is no multiple of °C)
        if dimension not in ("", "[temperature]"):
            return (claim.kind, dimension)
    return (claim.kind, claim.unit)  # counts of any thing together: the vetoes tell them apart


def _in_one_unit(claims: list[Claim]) -> list[Claim]:
    """The quantities of one dimension in the unit of the first: 4.68 TWh as 4,680 GWh."""
    unit = claims[0].unit
    return [c if c.unit == unit or c.kind != "quantity" else _converted(c, unit) for c in claims]


def _converted(claim: Claim, unit: str) -> Claim:
    factor = units.convert(Decimal(1), claim.unit, unit)
    if not factor:
        return claim
    factor = Decimal(f"{factor:.12g}")  # 1000, not pint's 1000.0000000000001
    high = None if claim.value_high is None else claim.value_high * factor
    value = None if claim.value is None else claim.value * factor
    return dataclasses.replace(
        claim, value=value, value_high=high, step=claim.step * factor, unit=unit
    )


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
    parts = [claim.metric or claim.counted or "figure"]
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
    return " ".join(p for p in parts if p)


def _as_rounded(claim: Claim) -> tuple[Decimal, Decimal]:
    """The values an approximate figure rounds: 'about 4.4 million' is 4.35 to 4.45 million,
    not 4.46 million however loosely 'about' is meant; a round one ('about 40%', 'some 4.5
    million') may be rounded further, as its qualifier allows."""
    if claim.qualifier != "approx" or claim.value_high is not None or not rounds_exactly(claim):
        return claim.interval()
    return dataclasses.replace(claim, qualifier="").interval()
