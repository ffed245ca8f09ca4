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
from spacy.attrs import (
    IS_ALPHA,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LIKE_NUM,
    LOWER,
)
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_lang_class
from spacy.vocab import create_vocab

from checker.nlp import claims, context, equivalences, lexical, sentences, times  # noqa: F401
from checker.nlp.lexicon import load_lexicon
from checker.nlp.normalize import lower_shouted_lines, normalize
from checker.nlp.sentences import LINES_ARE_PARAGRAPHS, TEXT
from checker.nlp.tokenizer import TOKENIZER
from checker.nlp.values import register_extensions

COMPONENTS = (
    "numlint_sentences",
    "numlint_lexical",
    "numlint_times",
    "numlint_claims",
    "numlint_equivalences",
    "numlint_context",
)


# The lexical attributes the components read. spaCy computes every attribute it knows for each new
# word of the vocabulary (its shape, whether it looks like a URL, ...): most new words of a text
# cost more than the rest of their reading, so the others are not computed (``token.shape_`` is
# empty).
READ_ATTRIBUTES = (LOWER, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_UPPER, IS_TITLE, IS_PUNCT, IS_SPACE,
                   IS_STOP, LIKE_NUM)  # fmt: skip


@functools.cache
def build_pipeline() -> Language:
    """The shared pipeline, built once per process."""
    register_extensions()
    vocab = create_vocab("en", get_lang_class("en").Defaults)
    for attribute in set(vocab.lex_attr_getters) - set(READ_ATTRIBUTES):
        del vocab.lex_attr_getters[attribute]
    tokenizer = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}}
    nlp = spacy.blank("en", vocab=vocab, config=tokenizer)
    # spaCy's limit protects the parser and NER, which need about 1 GB per 100,000 characters; this
    # pipeline has neither, and the file size limit bounds the text instead.
    nlp.max_length = 10**9
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def analyze(text: str, lines_are_paragraphs: bool = False) -> Doc:
    """Run the pipeline over ``text`` (normalised without changing any offset); with
    ``lines_are_paragraphs`` (a Word document's text) every line break ends a sentence."""
    nlp = build_pipeline()
    normalised = lower_shouted_lines(normalize(text), load_lexicon().iso_codes)
    doc = nlp.make_doc(normalised)
    doc.user_data[TEXT] = normalised  # the tokenizer keeps every character: doc.text == normalised
    if lines_are_paragraphs:
        doc.user_data[LINES_ARE_PARAGRAPHS] = True
    return nlp(doc)


CHUNK_CHARS = 100_000  # about 16,000 words: an article is read whole, a book in parts


def analyze_in_parts(
    text: str, size: int | None = None, lines_are_paragraphs: bool = False
) -> Iterator[tuple[int, Doc]]:
    """``(offset, doc)`` for each part of ``text``: a long text is read in parts of about ``size``
    characters that end at a paragraph break (else a line break, else a space), so that memory
    stays bounded; what one part says does not carry into the next (a period named at the end
    of one part does not scope figures at the start of the next)."""
    size = size or CHUNK_CHARS
    start = 0
    while True:
        end = _part_end(text, start, size)
        yield start, analyze(text[start:end], lines_are_paragraphs)
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
