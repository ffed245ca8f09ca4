"""Kind `share`: a percentage share that its part and whole do not give.

"₹300 crore, or 40% of the ₹1,200 crore total": 300 / 1,200 is 25%. "12 of the 40 seats, or 45%":
12 / 40 is 30%. The part, the share and the whole are read with their stated precision, so
"$1.7 billion, or 42% of $4.1 billion" (41.5%) passes. A part larger than its whole is left to the
`part_whole` kind.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from spacy.lang.en.stop_words import STOP_WORDS

from checker.amounts import amount_like, plain
from checker.checks import register
from checker.checks.base import Check
from checker.checks.evidence import significant, typical_slip
from checker.checks.growth import operands
from checker.checks.relations import (
    Share,
    UnstatedShare,
    company_stakes,
    same_measure,
    shares,
    shares_of_known_parts,
    sibling_stakes,
    stakes,
    unstated_shares,
)
from checker.claims import Claim
from checker.document import Document
from checker.findings import Finding
from checker.nlp.lexicon import load_lexicon

_HUNDRED = Decimal(100)
# A stated share this close to the one its part and a whole before it give, as a ratio, is that
# share misstated; further apart, the whole is another, unwritten one.
_NEAR_SHARE = (Decimal("0.75"), Decimal("1.34"))
_SMALL_SHARE_SLACK = Decimal("0.05")


@dataclass(frozen=True)
class ShareParameters:
    tolerance: float = 0.5  # slack in percentage points on top of stated precision


@register
class ShareCheck(Check):
    kind = "share"
    Parameters = ShareParameters

    @classmethod
    def validate(cls, parameters: ShareParameters) -> None:
        if parameters.tolerance < 0:
            raise ValueError("'tolerance' cannot be negative")

    def run(self, document: Document) -> Iterator[Finding]:
        found = list(shares(document))
        for share in found:
            if share.part.value > share.whole.value:
                continue  # a part larger than its whole: the part_whole kind reports it
            if self._allows(share.percent, _share_range(share), stated_whole=True):
                continue
            yield self._finding(document, share)
        judged = frozenset(share.percent.start for share in found)
        unstated = list(unstated_shares(document, judged))
        for share in (u for u in unstated if u.joined or not u.percent.qualifier):
            # "NZ$2.6m, 23 per cent of total revenue" is as plain a share as "or 23 per cent";
            # "SEK 135 million, about 2.0% of tax revenue and grants" may be of a whole not
            # written
            others = [u for u in unstated if u is not share]
            finding = self._unstated_finding(document, share, others)
            if finding is not None:
                yield finding
        handled = judged | {u.percent.start for u in unstated if u.wholes}
        for share in shares_of_known_parts(document, handled):
            actual = share.part.value / share.whole.value * _HUNDRED
            if not self._allows(
                share.percent, _share_range(share), stated_whole=True
            ) and _misses_by_a_slip(share.percent, actual):
                yield self._finding(document, share)
        reported: set[int] = set()
        for first, second in itertools.chain(
            stakes(document, judged), sibling_stakes(document, judged)
        ):
            finding = self._stake_finding(document, first, second)
            if finding is not None:
                reported.add(second[1].start)
                yield finding
        for first, second in company_stakes(document, judged):
            if second[1].start in reported or first[1].start in reported:
                continue
            finding = self._stake_finding(document, first, second, slips_only=True)
            if finding is not None:
                reported.add(second[1].start)
                yield finding

    def _stake_finding(
        self,
        document: Document,
        first: tuple[Claim, Claim],
        second: tuple[Claim, Claim],
        slips_only: bool = False,
    ) -> Finding | None:
        """Two stakes in one whole: the whole that the first implies must give the second its
        share ('1,410,184 shares, or 6.3 pct' implies 22.4 million shares in all). With
        ``slips_only`` (holdings far apart, perhaps of two companies), only a share whose
        digits are a slip of the right one's is reported (9.6 pct for 6.9)."""
        part, percent = second
        if self._allows(percent, _share_of_implied_whole(part, *first)):
            return None
        whole = first[0].value * _HUNDRED / first[1].value
        actual = part.value / whole * _HUNDRED
        if slips_only and not _slipped_share(percent, actual):
            return None
        implied_whole = amount_like(whole, part)
        fields = {
            "part": part.text,
            "whole": f"the whole that {first[0].text}, or {first[1].text}, implies "
            f"({implied_whole})",
            "stated": f"{plain(percent.value)}%",
            "actual": f"{actual:.1f}%",
            "arithmetic": f"{plain(part.value)} / {plain(whole.quantize(Decimal(1)))} = "
            f"{actual:.1f}%",
            "implied": amount_like(whole * percent.value / _HUNDRED, part),
        }
        related = [(part.start, part.end, "the part"),
                   (first[1].start, first[1].end, "the other stake's share")]  # fmt: skip
        return self.finding(document, percent.start, percent.end, fields, related)

    def _unstated_finding(
        self, document: Document, unstated: UnstatedShare, others: list[UnstatedShare]
    ) -> Finding | None:
        """A share of a whole given before: right if any figure that may be the whole gives
        it; wrong when the closest misses it by what a slip makes (47% for 43.1%), not by what
        another whole would (12.3% for 43.6%)."""
        if not unstated.wholes:
            return None
        stated = unstated.percent
        if any(
            self._allows(
                stated, _share_range(Share(unstated.part, stated, whole)), stated_whole=True
            )
            for whole in unstated.wholes
        ):
            return None
        if any(  # "262.52 billion dlrs, 54.7 pct of the total" implies the total
            self._allows(stated, _share_of_implied_whole(unstated.part, other.part, other.percent))
            for other in others
            if same_measure(other.part, unstated.part)
            and _same_whole_named(other, unstated)  # not "9.2% of revenue receipts"
        ):
            return None
        part, stated = unstated.part.value, unstated.percent.value
        whole = min(unstated.wholes, key=lambda w: abs(part / w.value * _HUNDRED - stated))
        actual = part / whole.value * _HUNDRED
        one_group = len(unstated.wholes) == 1 and _names_a_group(unstated.whole_named)
        if not (one_group or _misses_by_a_slip(unstated.percent, actual)):
            return None  # 12.3% stated, 43.6% computed: another whole, one not written
        return self._finding(document, Share(unstated.part, unstated.percent, whole))

    def _allows(
        self, percent: Claim, computed: tuple[Decimal, Decimal], stated_whole: bool = False
    ) -> bool:
        """The stated share, with its precision and the tolerance, meets the computed range;
        against a ``stated_whole``, the tolerance is at most a twentieth of a small share (6.3%
        for 5.75% is no truncation), while a whole implied by another share may have moved."""
        slack = Decimal(str(self.params.tolerance))
        if stated_whole:
            slack = min(slack, abs(percent.value) * _SMALL_SHARE_SLACK)
        stated_low, stated_high = percent.interval()
        return stated_high + slack >= computed[0] and stated_low - slack <= computed[1]

    def _finding(self, document: Document, share: Share) -> Finding:
        actual = share.part.value / share.whole.value * _HUNDRED
        implied = share.whole.value * share.percent.value / _HUNDRED
        fields = {
            "part": share.part.text,
            "whole": share.whole.text,
            "stated": f"{plain(share.percent.value)}%",
            "actual": f"{actual:.1f}%",
            "arithmetic": f"{operands(share.part, share.whole)} = {actual:.1f}%",
            "implied": amount_like(implied, share.part),
        }
        related = [(share.part.start, share.part.end, "the part"),
                   (share.whole.start, share.whole.end, "the whole")]  # fmt: skip
        return self.finding(document, share.percent.start, share.percent.end, fields, related)


def _names_a_group(phrase: str) -> bool:
    """'of those surveyed', 'of the sample': a whole that is the one group the story counted."""
    return not load_lexicon().surveyed_group_words.isdisjoint(phrase.split())


def _same_whole_named(a: UnstatedShare, b: UnstatedShare) -> bool:
    """'of the total' and 'of the total'; 'of its outstanding shares' and 'of the outstanding
    shares'; not 'of the budget' and 'of revenue receipts'."""
    words_a, words_b = _named_words(a.whole_named), _named_words(b.whole_named)
    return words_a == words_b or bool(words_a & words_b)


def _named_words(phrase: str) -> set[str]:
    """The words of a whole's name, a metric's words as the metric ('stock' as shares)."""
    metrics = load_lexicon().metric_of_word
    return {metrics.get(w, w) for w in phrase.split() if w not in STOP_WORDS}


def _slipped_share(percent: Claim, actual: Decimal) -> bool:
    """The stated share is the right one with its digits swapped or one changed: 9.6 for 6.9,
    5.9 for 4.9."""
    right = actual.quantize(percent.step) if percent.step < 1 else actual.quantize(Decimal(1))
    return typical_slip(percent.value, right, short=True, steps=(percent.step, percent.step)) in (
        "transposed",
        "one digit",
    )


def _misses_by_a_slip(percent: Claim, actual: Decimal) -> bool:
    """The stated share is near the computed one, or it is the computed one with a slip;
    otherwise it is more likely of another whole than wrong (12.3% stated, 43.6% computed)."""
    near = _NEAR_SHARE[0] <= percent.value / actual <= _NEAR_SHARE[1]
    return near or _precise_slip(percent, actual)


def _precise_slip(percent: Claim, actual: Decimal) -> bool:
    """A share given to three or more significant digits that is the right one with a digit
    changed or two swapped ('25.7% of gross earnings' for 15.7%): a slip, not another whole,
    which would rarely match in all but one digit."""
    return (
        significant(percent.value) >= _PRECISE_DIGITS
        and not percent.qualifier
        and _slipped_share(percent, actual)
    )


_PRECISE_DIGITS = 3


def _implied_whole(part: Claim, percent: Claim) -> tuple[Decimal, Decimal]:
    """The whole that a part and its share give, as the share's precision allows."""
    low, high = percent.interval()
    part_low, part_high = _counted_exactly(part) or part.interval()
    return part_low * _HUNDRED / high, part_high * _HUNDRED / max(low, Decimal("0.001"))


def _share_of_implied_whole(
    part: Claim, other_part: Claim, other_percent: Claim
) -> tuple[Decimal, Decimal]:
    """The share ``part`` is of the whole that another part and its share imply."""
    low, high = _implied_whole(other_part, other_percent)
    return part.value / high * _HUNDRED, part.value / low * _HUNDRED


def _share_range(share: Share) -> tuple[Decimal, Decimal]:
    part_low, part_high = _counted_exactly(share.part) or share.part.interval()
    whole_low, whole_high = _counted_exactly(share.whole) or share.whole.interval()
    whole_low = max(whole_low, share.whole.value / 1000)
    return part_low / whole_high * _HUNDRED, part_high / whole_low * _HUNDRED


def _counted_exactly(claim: Claim) -> tuple[Decimal, Decimal] | None:
    """'8 of the 13 seats': a small count in digits is exact, not rounded to the unit."""
    if claim.kind != "count" or claim.step != 1 or claim.qualifier or claim.value is None:
        return None
    if claim.value >= 10000 or claim.value_high is not None:
        return None
    return claim.value, claim.value
