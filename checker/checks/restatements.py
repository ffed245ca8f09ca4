"""Figures restated as already known: "the 42,800 attendances", "the farm's 48 turbines".

A definite article or a possessive before a figure says it was given before; the kind `conflict`
compares such a figure with the one earlier figure it can restate, even when the wording narrows
it less or names no period. This module reads the wording: which figures restate (``restates``,
``specific``), which earlier figures they may restate (``may_restate``) and which of several is
meant (``alike_in_size``, ``closest_in_wording``, ``nearest_to_words``).
"""

from __future__ import annotations

import functools
import re

from spacy.lang.en.stop_words import STOP_WORDS

from checker.claims import Claim
from checker.nlp.context import singular
from checker.nlp.lexicon import load_lexicon
from checker.nlp.times import TABLE_BLOCK

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


def _month_names() -> str:
    return "|".join(load_lexicon().month_names)


@functools.cache
def _definite() -> re.Pattern[str]:
    """'the 42,800 attendances', 'the farm's 48 turbines', 'January's gain of 33,700 jobs'."""
    return re.compile(
        rf"(?:\bthe|\w['’]s|\b(?:{_month_names()})['’]s(?:\s+[a-z-]+){{1,2}}\s+of)\s+$",
        re.IGNORECASE,
    )


# 'this $2 billion plan', 'these 321 beds', and 'That $17,000 commitment' opening a sentence
# (not 'said that 300 jobs would go'): a figure pointed back to.
_DEMONSTRATIVE = re.compile(r"(?:\b(?:this|these|those)|[.!?\"“\n]\s*That)\s+$", re.IGNORECASE)


@functools.cache
def _month_owner() -> re.Pattern[str]:
    """'January's gain of 33,700 jobs': the figure of a month, which the earlier figure must not
    contradict."""
    return re.compile(
        rf"\b({_month_names()})['’]s(?:\s+[a-z-]+){{0,2}}(?:\s+of)?\s+$", re.IGNORECASE
    )


@functools.cache
def _part_owner() -> re.Pattern[str]:
    """'the cloud unit's ¥6.4 billion': a part's figure, which restates only another of the
    part's."""
    return re.compile(rf"\b(?:{'|'.join(load_lexicon().part_nouns)})['’]s\s+$", re.IGNORECASE)


def of_a_part(prose: str, claim: Claim) -> bool:
    return _part_owner().search(prose[max(0, claim.start - 40) : claim.start]) is not None


def share_words(claim: Claim, antecedents: list[Claim]) -> bool:
    words = set(claim.subject.split())
    return any(words & set(a.subject.split()) for a in antecedents)


def restates(
    prose: str, claim: Claim, clause_allowed: bool = False, demonstrative: bool = False
) -> bool:
    """'the 42,800 attendances', 'the farm's 48 turbines', 'Carrow's 3.6% inflation rate': a
    figure given as already known. With ``clause_allowed``, also one a participle clause says
    more of ('the 1.254 billion dlrs earned in fiscal 2010'); with ``demonstrative``, also one
    pointed back to ('these 321 beds')."""
    before = prose[max(0, claim.start - 40) : claim.start]
    pointed = demonstrative and _DEMONSTRATIVE.search(before) is not None
    if (_definite().search(before) is None and not pointed) or _COMPARED.search(before):
        return False
    after = prose[claim.end : claim.end + 60].strip()
    return (
        not (claim.kind == "count" and after[:1].isupper())  # "the 5636 System Unit": a name
        and after.split(" ", 1)[0].strip(",.;:").lower() not in load_lexicon().model_words
        and _DEFINED_AFTER.match(after) is None
        and (clause_allowed or _PARTICIPLE_AFTER.match(after) is None)
        and not after.lower().startswith(("average", "mean", "median"))
    )


def quoted(prose: str, claim: Claim) -> bool:
    """Inside a quotation in its paragraph: an odd number of straight quotes before it, or more
    opening curly quotes than closing ones."""
    before = prose[_paragraph_start(prose, claim.start) : claim.start]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]+")


def _paragraph_start(prose: str, offset: int) -> int:
    """Where the paragraph of ``offset`` starts: after a blank line, or after a line break that
    indents the next line (wire copy opens each paragraph so)."""
    window = prose[max(0, offset - 2000) : offset]
    breaks = list(_PARAGRAPH_BREAK.finditer(window))
    return offset - len(window) + breaks[-1].end() if breaks else max(0, offset - 2000)


def specific(prose: str, claim: Claim) -> bool:
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


def _named_rate(prose: str, claim: Claim) -> bool:
    if "." not in claim.text or claim.metric in load_lexicon().changing_share_metrics:
        return False
    following = _WORDS.findall(prose[claim.end : claim.end + 40].lower())[:5]
    return _WORDS.findall(claim.metric)[-1] in following


_POSSESSOR = re.compile(r"([^\W\d_]+)['’]s\s+$")


def _owner(prose: str, claim: Claim) -> str:
    """'farm' in 'the farm's 48 turbines', 'brazil' in 'Brazil's 109 billion dlr debt'."""
    match = _POSSESSOR.search(prose[max(0, claim.start - 40) : claim.start])
    owner = match.group(1).lower() if match else ""
    return "" if _not_an_owner(owner) else owner


def _not_an_owner(word: str) -> bool:
    """'the unit's', 'the company's': whose figure it is, but in words any sentence may use;
    'January's', 'this year's': when, not whose."""
    lexicon = load_lexicon()
    return (
        word in lexicon.part_nouns or word in lexicon.month_names or word in lexicon.not_owner_words
    )


def alike_in_size(a: Claim, b: Claim) -> bool:
    """Within a factor of ten: '¥212' a share is not '¥161 billion' restated, nor '$9.5
    million' a '$1.62 billion plan'."""
    assert a.value is not None and b.value is not None
    low, high = sorted((abs(a.value), abs(b.value)))
    return low > 0 and high <= 10 * low


def of_the_period_before(claim: Claim) -> bool:
    """'the NZ$2.1 million deficit of the previous season': a figure of the period before the
    one the story is about, whichever that is."""
    before = tuple(f"{w} " for w in load_lexicon().period_before_words)
    return not claim.scope_inherited and claim.scope.startswith(before)


def may_restate(prose: str, antecedent: Claim, claim: Claim) -> bool:
    """The later figure may be the earlier one restated: another sentence, no other entity or
    stated period, and every word that narrows it found with the earlier figure ('the 1,420
    confirmed cases' after '1,240 confirmed cases of measles')."""
    if antecedent.sentence_start == claim.sentence_start:
        return False
    if different_entities(antecedent, claim):
        return False
    # "by 2026" and "by 2026 (forecast)": whether a sentence reads as a forecast is its wording.
    stated = {
        c.scope.removesuffix(" (forecast)")
        for c in (antecedent, claim)
        if c.scope and not c.scope_inherited
    }
    if len(stated) > 1 and not _year_so_far(stated):
        return False
    if of_the_period_before(antecedent) != of_the_period_before(claim):
        return False  # "the NZ$2.1 million deficit of the previous season"
    if table_block(antecedent) or table_block(claim):
        return False
    if not same_month(prose, antecedent, claim) or not _said_alike(prose, antecedent, claim):
        return False
    owner = _owner(prose, claim)
    context = f"{sentence_text(prose, antecedent)} {antecedent.subject}"
    if not _found_in(f"{claim.subject} {owner}", context):
        return False  # "Security Pacific's 1.7 billion dlrs" after "The bank has 3.8 billion"
    # Words of its own, all found with the earlier figure ('the 2.4 million backup subscribers'
    # after 'Orrin's cloud backup service ... 2.34 million paying subscribers'); with none, the
    # later figure names the whole, so the earlier one must not name a part ('core' inflation).
    return (
        bool(claim.subject)
        or _named(antecedent.subject_text)
        or _found_in(antecedent.subject, sentence_text(prose, claim))
    )


def different_entities(a: Claim, b: Claim) -> bool:
    """Both figures name whose they are, and not the same ('Apple' and 'Samsung')."""
    return bool(a.entity and b.entity) and a.entity.lower() != b.entity.lower()


def same_month(prose: str, antecedent: Claim, claim: Claim) -> bool:
    """'January's gain of 33,700 jobs' restates a figure of January or of 'the month'."""
    match = _month_owner().search(prose[max(0, claim.start - 40) : claim.start])
    if match is None:
        return True
    month = load_lexicon().month_names.index(match.group(1).lower()) + 1
    scope = antecedent.scope.removesuffix(" (forecast)")
    return scope in ("", "the month") or scope.endswith((f"month {month:02d}", f"-{month:02d}"))


def defined_by_clause(prose: str, claim: Claim) -> bool:
    """'the 165 riders who finished': a relative clause after the figure says which ones."""
    return _RELATIVE.match(prose[claim.end : claim.end + 80].strip()) is not None


def _said_alike(prose: str, antecedent: Claim, claim: Claim) -> bool:
    """A relative clause after the later figure repeats what the earlier sentence says of
    its figure, in two words at least ('needed ... intensive care')."""
    match = _RELATIVE.match(prose[claim.end : claim.end + 80].strip())
    if match is None:
        return True
    clause = _word_set(match.group(1)) - STOP_WORDS
    return len(clause & _word_set(sentence_text(prose, antecedent))) >= 2


def _named(words: str) -> bool:
    """'Calloway River': a name, which says whose figure it is rather than narrowing it."""
    names = words.split()
    return len(names) > 1 and all(w[:1].isupper() for w in names)


def closest_in_wording(claim: Claim, antecedents: list[Claim]) -> list[Claim]:
    """The earlier figures that share most of the words narrowing ``claim`` ('confirmed' cases),
    when any shares one."""
    words = set(claim.subject.split())
    shared = [len(words & set(a.subject.split())) for a in antecedents]
    best = max(shared, default=0)
    return [a for a, n in zip(antecedents, shared, strict=True) if n == best]


def nearest_to_words(prose: str, claim: Claim, levels: list[Claim]) -> list[Claim]:
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
    sentence = sentence_text(prose, claim).lower()
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
    words = _word_set(sentence)
    return all(word in words for word in subject.split())


@functools.lru_cache(maxsize=4096)
def _word_set(text: str) -> frozenset[str]:
    """The words of ``text``, lower case and singular, as subjects are written (the same
    sentences are read again for every figure that may restate one of theirs)."""
    return frozenset(singular(w) for w in _WORDS.findall(text.lower()))


_WORDS = re.compile(r"[^\W\d_]+")


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def sentence_text(prose: str, claim: Claim) -> str:
    """The claim's sentence, to its full stop or the end of its paragraph (a headline has none)."""
    end = _SENTENCE_END.search(prose, claim.end)
    stop = end.start() if end else len(prose)
    paragraph_end = prose.find("\n\n", claim.end, stop)
    return prose[claim.sentence_start : stop if paragraph_end < 0 else paragraph_end]


def table_block(claim: Claim) -> str:
    return claim.scope if claim.scope.startswith(TABLE_BLOCK) else ""
