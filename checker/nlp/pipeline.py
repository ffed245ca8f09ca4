"""The numlint spaCy pipeline: ``spacy.blank("en")`` plus our own registered components.

    tokenizer (currency and scale rules) -> numlint_sentences -> numlint_lexical -> numlint_times
    -> numlint_claims -> numlint_equivalences -> numlint_context

Claims are spans in ``doc.spans["claims"]``; what is known about each is in ``span._``, as plain
strings and numbers so that a Doc serialises with msgpack (decimals are kept as strings).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from checker.nlp import claims, context, equivalences, lexical, sentences, times  # noqa: F401
from checker.nlp.lexicon import load_lexicon
from checker.nlp.normalize import lower_shouted_lines, normalize
from checker.nlp.tokenizer import TOKENIZER

COMPONENTS = (
    "numlint_sentences",
    "numlint_lexical",
    "numlint_times",
    "numlint_claims",
    "numlint_equivalences",
    "numlint_context",
)

# Span extensions and their defaults. Values stay msgpack-safe: str, int, float, bool.
SPAN_EXTENSIONS: dict[str, object] = {
    "kind": "",  # money, percent, percentage_points, count, quantity, duration, date, fraction
    "value": "",  # Decimal as text
    "value_high": "",  # upper end of a range
    "step": "",  # stated precision: the value is given to the nearest `step`
    "unit": "",  # ISO 4217 code, "%", "pp", a pint unit name, a duration unit
    "unit_text": "",
    "currency_symbol": "",  # an ambiguous symbol as written ("$", "¥"); resolved per document
    "counted": "",
    "qualifier": "",  # approx, lower, upper, near
    "qualifier_text": "",
    "date": "",
    "weekday": "",
    "scope": "",  # normalised time scope of a claim
    # The normalised value of a scope span. spaCy keys span extensions by offsets only, so a claim
    # and a scope span over the same tokens ("five-year") must not share an attribute name.
    "period": "",
    "scope_text": "",
    "scope_inherited": False,
    "metric": "",
    "subject": "",
    "subject_text": "",
    "entity": "",
    "role": "",  # level, change, baseline, compared ("X vs Y" in a results table)
    "direction": "",  # up, down
    "basis": "",  # yoy, qoq, mom
    "multiplier": "",  # "doubled to X": the level is this many times its baseline (change_from)
    "qualifier_of_change": "",  # "more than doubled": lower
    "change_from": -1,  # start offset of the claim a change starts from, or -1
    "change_to": -1,  # start offset of the claim a change ends at, or -1
    "equivalent_of": -1,  # start offset of the claim this one restates, or -1
}


def span_values(span: Span) -> dict[str, object]:
    """Every extension value of ``span`` at once. ``span._.name`` builds an Underscore object and
    looks the value up per name; spaCy keeps the values in ``doc.user_data`` under
    ``("._.", name, start_char, end_char)`` (tested against ``span._`` in test_startup)."""
    data, start, end = span.doc.user_data, span.start_char, span.end_char
    return {name: data.get(("._.", name, start, end), d) for name, d in SPAN_EXTENSIONS.items()}


def register_extensions() -> None:
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


@functools.cache
def build_pipeline() -> Language:
    """The shared pipeline, built once per process."""
    register_extensions()
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    # spaCy's limit protects the parser and NER, which need about 1 GB per 100,000 characters; this
    # pipeline has neither, and the file size limit bounds the text instead.
    nlp.max_length = 10**9
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def analyze(text: str) -> Doc:
    """Run the pipeline over ``text`` (normalised without changing any offset)."""
    nlp = build_pipeline()
    return nlp(lower_shouted_lines(normalize(text), load_lexicon().iso_codes))


CHUNK_CHARS = 100_000  # about 16,000 words: an article is read whole, a book in parts


def analyze_in_parts(text: str, size: int | None = None) -> Iterator[tuple[int, Doc]]:
    """``(offset, doc)`` for each part of ``text``: a long text is read in parts of about ``size``
    characters that end at a paragraph break (else a line break, else a space), so that memory
    stays bounded; what one part says does not carry into the next (a period named at the end
    of one part does not scope figures at the start of the next)."""
    size = size or CHUNK_CHARS
    start = 0
    while True:
        end = _part_end(text, start, size)
        yield start, analyze(text[start:end])
        if end >= len(text):
            return
        start = end


def _part_end(text: str, start: int, size: int) -> int:
    limit = start + size
    if limit >= len(text):
        return len(text)
    for separator in ("\n\n", "\n", " "):
        cut = text.rfind(separator, start + size // 2, limit)
        if cut >= 0:
            return cut + len(separator)
    return limit
