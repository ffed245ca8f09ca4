"""Long texts are read in parts: memory stays bounded and offsets still point into the file."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.claims import Claim
from checker.document import Options, analyze_source
from checker.nlp import pipeline
from checker.nlp.normalize import normalize
from checker.nlp.pipeline import _part_end, analyze_in_parts
from checker.nlp.sentences import MAX_TOKENS
from checker.source import source_from_text

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"
PARAGRAPHS = [
    "Kestrel Foods said on Tuesday its revenue rose 12% to $4.2 billion in 2023.",
    "The council will spend €18 million on 240 new homes in 2025, up from €12 million in 2024.",
    "Turnout was 64.2% in the 2023 election, officials said.",
]


def claims_of(text: str, size: int) -> list[Claim]:
    return [
        Claim.from_span(span, original=text, offset=offset)
        for offset, doc in analyze_in_parts(text, size)
        for span in doc.spans["claims"]
    ]


def test_parts_end_at_paragraph_breaks_and_cover_the_text() -> None:
    text = "\n\n".join(PARAGRAPHS * 20)
    ends, start = [], 0
    while start < len(text):
        start = _part_end(text, start, 400)
        ends.append(start)
    assert ends[-1] == len(text)
    assert all(text[end - 2 : end] == "\n\n" for end in ends[:-1])
    assert all(b - a <= 400 for a, b in zip([0, *ends], ends, strict=False))


def test_self_contained_paragraphs_read_alike_whole_or_in_parts() -> None:
    text = "\n\n".join(PARAGRAPHS * 10) + "\n"
    whole, parts = claims_of(text, 10**9), claims_of(text, 500)
    assert len(whole) > 50
    assert parts == whole


def test_a_long_article_is_checked_in_parts_with_the_right_offsets(monkeypatch) -> None:
    text = (CORPUS / "biz-harlow-kestrel-takeover.md").read_text(encoding="utf-8") * 3
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 2000)
    parts = list(analyze_in_parts(text))
    document = analyze_source(source_from_text(text, "long.md"), Options())
    assert len(parts) > 3 and len(document.claims) > 60
    for claim in document.claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.sentence_start <= claim.start
        for other in (claim.change_from, claim.change_to, claim.equivalent_of):
            assert other == -1 or document.claim_at(other) is not None


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("0123456789 .,%$\n")) | st.characters(), max_size=600
    ),
    size=st.integers(min_value=1, max_value=300),
)
def test_any_text_in_any_parts_gives_claims_inside_it(text: str, size: int) -> None:
    for claim in claims_of(text, size):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text


def test_a_long_run_of_symbols_is_read_as_spaces() -> None:
    text = "(" * 500 + " 5% " + "-" * 199
    normalized = normalize(text)
    assert normalized == " " * 500 + " 5% " + "-" * 199  # a short run is kept
    assert [c.text for c in claims_of(text, 10**9)] == ["5%"]


def test_a_line_of_thousands_of_figures_is_cut_into_bounded_sentences() -> None:
    text = "(1) " * 2000
    doc = pipeline.analyze(text)
    lengths = [len(sentence) for sentence in doc.sents]
    assert len(lengths) > 1 and max(lengths) <= MAX_TOKENS
    assert len(doc.spans["claims"]) == 2000


def test_a_lone_surrogate_is_read_as_a_replacement_character() -> None:
    # Only a str made in Python holds one (files are decoded strictly); spaCy cannot store it.
    text = "Sales rose 5% to \ud800 ¥3 billion."
    assert [c.text for c in claims_of(text, 100)] == ["5%", "¥3 billion"]
