"""The anchored matcher finds exactly what spaCy's Matcher finds over the same span."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import Matcher

from checker.nlp.anchored import AnchoredMatcher
from checker.nlp.lexicon import load_lexicon
from checker.nlp.pipeline import build_pipeline
from checker.nlp.times import _resolve, load_time_patterns
from checker.nlp.tokenizer import TOKENIZER

WORDS = [
    "the", "first", "second", "fourth", "quarter", "half", "of", "fiscal", "financial", "year",
    "2019", "2024", "Q1", "Q3", "H1", "FY2020", "June", "May", "March", "Thursday", "Thu", ".",
    ",", "(", ")", "-", "as", "at", "end", "in", "for", "over", "next", "five", "months", "nine",
    "six", "mths", "\n", "12", "31st", "1st", "full", "to", "date", "ytd", "so", "far", "this",
    "last", "annual", "revenue", "rose", "5%", "$", "1.2", "billion", "a", "period", "season",
]  # fmt: skip


def matchers(
    group: str, only: str | None = None, nlp: Language | None = None
) -> tuple[Matcher, AnchoredMatcher]:
    """Both matchers with the time patterns of ``group`` (or only those labelled ``only``)."""
    nlp = nlp or build_pipeline()
    data = load_time_patterns()
    plain = Matcher(nlp.vocab)
    anchored = AnchoredMatcher(nlp.vocab, nlp.Defaults.stop_words)
    for label, patterns in data[group].items():
        if only in (None, label):
            resolved = _resolve(patterns, data["tokens"], load_lexicon())
            plain.add(label, resolved, greedy="LONGEST")
            anchored.add(label, resolved, greedy="LONGEST")
    return plain, anchored


DATES, SCOPES = matchers("dates"), matchers("scopes")
# One label at a time too: with all of them, one pattern's anchor can hide a window too small for
# another's.
# Each anchored matcher takes a lexeme flag of its vocabulary, which has about 46 free.
SPARE = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
ONE_BY_ONE = [matchers(group, label, SPARE) for group in ("dates", "scopes")
              for label in load_time_patterns()[group]]  # fmt: skip


def spans(found) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label_) for s in found)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=60),
    cut=st.tuples(st.integers(0, 60), st.integers(0, 60)),
)
def test_the_same_matches_as_the_plain_matcher(words: list[str], cut: tuple[int, int]) -> None:
    text = " ".join(words)
    for nlp, pairs in ((build_pipeline(), (DATES, SCOPES)), (SPARE, ONE_BY_ONE)):
        doc = nlp.make_doc(text)
        start, end = sorted(min(c, len(doc)) for c in cut)
        for plain, anchored in pairs:
            for span in (doc[:], doc[start:end]):
                assert spans(anchored(span)) == spans(plain(span, as_spans=True))


@pytest.mark.parametrize(
    ("group", "label", "text", "expected"),
    [
        ("scopes", "QUARTER", "Sales rose in the first quarter of fiscal 2019.",
         "the first quarter of fiscal 2019"),
        ("scopes", "SPAN", "Profit fell over the next five-year period.",
         "over the next five-year"),
        ("scopes", "AS_OF", "It had 12 staff at the end of the June 2019 quarter.",
         "at the end of the June 2019"),
        ("dates", "DATE_MDY", "It opened Thu. (June 12, 2019) in Oslo.",
         "Thu. (June 12, 2019)"),
        ("dates", "DATE_DMY", "It opened on 12 June 2019 (a Thursday) in Oslo.",
         "12 June 2019 (a Thursday)"),
    ],
)  # fmt: skip
def test_the_longest_form_of_a_pattern_is_found_whole(group, label, text, expected) -> None:
    """Each pattern's longest match, with only its own label's anchors to find it by."""
    plain, anchored = matchers(group, label, SPARE)
    doc = SPARE.make_doc(text)
    assert [s.text for s in plain(doc[:], as_spans=True)] == [expected]
    assert [s.text for s in anchored(doc[:])] == [expected]


def test_a_pattern_of_unbounded_length_makes_it_match_everywhere() -> None:
    nlp = build_pipeline()
    anchored = AnchoredMatcher(nlp.vocab, nlp.Defaults.stop_words)
    anchored.add("RUN", [[{"LOWER": "very"}, {"LOWER": "big", "OP": "+"}]], greedy="LONGEST")
    assert anchored.everywhere
    doc = nlp.make_doc("a very big big deal")
    assert [s.text for s in anchored(doc[:])] == ["very big big"]


def test_a_pattern_of_optional_and_negated_tokens_only_has_no_anchor() -> None:
    nlp = build_pipeline()
    anchored = AnchoredMatcher(nlp.vocab, nlp.Defaults.stop_words)
    anchored.add("ODD", [[{"LOWER": "per", "OP": "?"}, {"LOWER": "cent", "OP": "!"}]], None)
    assert anchored.everywhere


# The same made-up patterns under each greedy option, anchored and plain, on the spare vocabulary.
_PATTERNS = {
    "SPAN": [
        [{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": ["first", "last"]}}, {"LOWER": "year"}],
        [{"LOWER": {"IN": ["first", "last"]}}, {"LOWER": "year"}, {"LOWER": "of", "OP": "?"}],
    ],
    "YEARLY": [[{"LOWER": {"IN": ["year", "quarter"]}}, {"TEXT": {"REGEX": "^20[0-9][0-9]$"}}]],
}
_GREEDY = {}
for _option in (None, "FIRST", "LONGEST"):
    _plain, _anchored = (
        Matcher(SPARE.vocab),
        AnchoredMatcher(SPARE.vocab, SPARE.Defaults.stop_words),
    )
    for _label, _patterns in _PATTERNS.items():
        _plain.add(_label, _patterns, greedy=_option)
        _anchored.add(_label, _patterns, greedy=_option)
    _GREEDY[_option] = (_plain, _anchored)
_WORDS = ["the", "first", "last", "year", "quarter", "of", "2019", "2020", "and", ","]


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), min_size=0, max_size=40))
def test_each_greedy_option_keeps_what_spacy_keeps(words: list[str]) -> None:
    doc = SPARE.make_doc(" ".join(words))
    for option, (plain, anchored) in _GREEDY.items():
        expected = spans(plain(doc[:], as_spans=True))
        if option is None:
            expected = sorted(set(expected))  # the anchored matcher reports a match once
        assert spans(anchored(doc[:])) == expected


def test_matches_come_in_order_of_start_end_and_key() -> None:
    _, anchored = _GREEDY["LONGEST"]
    doc = SPARE.make_doc("the last year 2020 and first year of")
    found = [(s.start, s.end, s.label_) for s in anchored(doc[:])]
    assert found == sorted(found, key=lambda m: (m[0], m[1], list(_PATTERNS).index(m[2])))
    assert {label for *_, label in found} == {"SPAN", "YEARLY"}


def test_an_unknown_greedy_option_or_a_late_pattern_is_refused() -> None:
    anchored = AnchoredMatcher(SPARE.vocab, [])
    with pytest.raises(ValueError, match="greedy"):
        anchored.add("X", [[{"LOWER": "a"}]], greedy="SHORTEST")
    anchored.add("X", [[{"LOWER": "a"}, {"LOWER": "year"}]], greedy=None)
    assert [s.text for s in anchored(SPARE.make_doc("in a year")[:])] == ["a year"]
    with pytest.raises(RuntimeError, match="after the first match"):
        anchored.add("LATE", [[{"LOWER": "year"}]], greedy=None)
