"""Stated equivalences: an amount restated in parentheses or after ", or".

    ¥12 billion (approximately $1.7 billion)      a 120-kilometre (75-mile) road
    ₹300 crore, or about $36 million              (185 km/h; 115 mph)

A share ("₹300 crore, or 40% of the total") restates nothing: it relates a part to a whole.

The restatement gets ``_.equivalent_of`` = the start offset of the claim it restates, and both are
kept together in ``doc.spans["equivalences"]``.
"""

from __future__ import annotations

import functools
import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from checker.amounts import far_apart
from checker.nlp.claims import CLAIMS, DATE
from checker.nlp.lexicon import load_lexicon
from checker.nlp.sentences import sentence_start
from checker.nlp.values import set_values, value_of

EQUIVALENCES = "equivalences"
# Tokens allowed between the two amounts, besides a qualifier: "(approximately $1.7 billion)".
_OPENERS = ("(", "[")
_MAX_GAP = 4
_ISO_CODE = re.compile(r"[A-Z]{3}")


@Language.factory("numlint_equivalences")
def make_equivalences(nlp: Language, name: str) -> EquivalenceLinker:
    return EquivalenceLinker()


class EquivalenceLinker:
    def __call__(self, doc: Doc) -> Doc:
        claims = [c for c in doc.spans.get(CLAIMS, []) if value_of(c, "kind") != DATE]
        pairs: list[Span] = []
        ends = {c.end for c in claims}
        for first, second in itertools.pairwise(claims):
            if (
                sentence_start(doc, first.start) != sentence_start(doc, second.start)
                or value_of(second, "equivalent_of") >= 0
            ):
                continue
            if _restates(doc, first, second, ends):
                set_values(second, equivalent_of=first.start_char)
                pairs.append(Span(doc, first.start, second.end, label="EQUIVALENCE"))
        doc.spans[EQUIVALENCES] = pairs
        return doc


def _restates(doc: Doc, first: Span, second: Span, claim_ends: set[int]) -> bool:
    if (value_of(first, "kind") == "percent") != (value_of(second, "kind") == "percent"):
        return False  # "₹300 crore, or 40% of the total": a share, not a restatement
    if _per_unit(doc, second) and not _per_unit(doc, first):
        return False  # "412 mln Canadian dlrs, or 1.36 dlrs a share": a total and its share
    money = value_of(first, "kind") == value_of(second, "kind") == "money"
    if money and far_apart(value_of(first, "value"), value_of(second, "value")):
        return False  # "from 338 mln dlrs, or 1.12 dlrs, a year earlier": per share, elided
    if _ends_a_list(doc, first, claim_ends):
        return False  # "28 by 19 inches (71 cm × 48 cm)", "6 or 8 metres (...)": pairs differ
    gap = [t for t in doc[first.end : second.start] if not t.is_space]
    lexicon = load_lexicon()
    rated = lexicon.rate_periods | lexicon.rate_units
    if len(gap) > 2 and gap[0].lower_ in lexicon.rate_words and gap[1].lower_ in rated:
        gap = gap[2:]  # "£165,000 a week ($240,000)"
    if gap and gap[0].lower_ in _currency_names(value_of(first, "unit")):
        gap = gap[1:]  # "₩ 5.52 trillion won ($4.8 billion)": the symbol's currency named again
    qualifier = value_of(second, "qualifier_text").split()
    words = [t.text for t in gap]
    if qualifier and words[-len(qualifier) :] == qualifier:
        words = words[: -len(qualifier)]
    if not words or len(words) > _MAX_GAP:
        return False
    if words[0] in _OPENERS and len(words) == 1:
        return _closes_after(doc, second)
    if words in (["(", "or"], [",", "or"], ["or"], [";"], ["/"], [",", "then"], ["(", "then"]):
        return True
    if words[0] in _OPENERS and len(words) == 3 and _ISO_CODE.fullmatch(words[1]):
        return words[2] == ","  # "¥300 million (JPY, $2.5 million USD)": the first one's code
    return words[0] in _OPENERS and words[1:] in (["about"], ["or"], ["i.e."], ["equal", "to"])


@functools.cache
def _currency_names(code: str) -> frozenset[str]:
    entry = load_lexicon().raw["currencies"].get(code) or {}
    return frozenset(name for name in entry.get("names", ()) if " " not in name)


def _per_unit(doc: Doc, claim: Span) -> bool:
    """'1.36 dlrs a share', '£12 per head': an amount for each one of something."""
    after = [t.lower_ for t in doc[claim.end : claim.end + 2]]
    lexicon = load_lexicon()
    return (
        len(after) == 2 and after[0] in lexicon.rate_words and after[1] not in lexicon.rate_periods
    )


def _closes_after(doc: Doc, second: Span) -> bool:
    """The parenthesis holds the amount and at most a few more words ("at current rates")."""
    return any(token.text in (")", "]", ";", ",") for token in doc[second.end : second.end + 6])


def _ends_a_list(doc: Doc, claim: Span, claim_ends: set[int]) -> bool:
    """The last of 'A by B' or 'A x B' sizes, or of 'A or B', 'A and B' alternatives
    ("between 8°C and 11°C (46°F and 52°F)")."""
    k = claim.start - 1
    return (
        k > 0
        and doc[k].lower_ in ("by", "x", "×", "or", "and")
        and (doc[k - 1].like_num or k in claim_ends)
    )
