"""Sentence boundaries for news prose, without a trained parser.

A sentence ends at . ! ? (with any closing quotes or brackets) before a token that can start one,
and always at a paragraph break: a blank line, an indented new line, or a new line after a short
line without final punctuation (a heading, a list item, a dateline) unless the next line
goes on in lower case; in a text whose lines are paragraphs (a Word document's), at every line
break. A run of more than ``MAX_TOKENS`` tokens without any of these (a table
pasted as one line, a list of thousands of numbers) is cut every ``MAX_TOKENS`` tokens: no
sentence of prose is that long, and the components read each sentence once per figure in it.
"""

from __future__ import annotations

import bisect
import itertools

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

_FINAL = {".", "!", "?", "…"}
_CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
_SHORT_LINE = 60
MAX_TOKENS = 300
SENTENCE_STARTS = "numlint_sentence_starts"  # in doc.user_data: the token index of each start
# In doc.user_data, the Doc's text if its maker kept it: ``doc.text`` joins every token anew.
TEXT = "numlint_text"
# In doc.user_data: True when every line is a paragraph of its own (a Word document's text).
LINES_ARE_PARAGRAPHS = "numlint_lines_are_paragraphs"


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, from the splitter's index (``doc.sents`` rescans every token)."""
    starts = doc.user_data[SENTENCE_STARTS]
    return [doc[a:b] for a, b in itertools.pairwise([*starts, len(doc)])]


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence of token ``i`` (``token.sent`` and ``span.sent`` scan for its ends, and
    first check that the whole Doc has sentence starts)."""
    starts = doc.user_data.get(SENTENCE_STARTS)
    if starts is None:  # a Doc this splitter did not read
        return doc[i].sent
    k = bisect.bisect_right(starts, i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k] : end]


def sentence_start(doc: Doc, i: int) -> int:
    """The token index where the sentence of token ``i`` starts."""
    starts = doc.user_data.get(SENTENCE_STARTS)
    if starts is None:
        return doc[i].sent.start
    return starts[bisect.bisect_right(starts, i) - 1]


@Language.factory("numlint_sentences")
def make_sentencizer(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp.vocab)


class SentenceSplitter:
    """Sets ``token.is_sent_start`` for every token.

    Only a token after whitespace or after final punctuation or a closer can begin a sentence,
    so only those tokens, and the marks themselves, are looked at one by one: a word after a word
    never begins one and leaves no sentence ended.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.mark = vocab.add_flag(lambda text: text in _FINAL or text in _CLOSERS)

    def __call__(self, doc: Doc) -> Doc:
        starts = numpy.full((len(doc), 1), -1, dtype="int32")  # 1 starts a sentence, -1 not
        if len(doc):
            spaces, marks = doc.to_array([IS_SPACE, self.mark]).astype(bool).T
            self._mark_starts(doc, starts, spaces | marks)
            _cut_long_sentences(starts, spaces.tolist())
        # One array write: setting token.is_sent_start one by one re-scans the Doc each time.
        doc.from_array([SENT_START], starts.astype("uint64"))
        doc.user_data[SENTENCE_STARTS] = numpy.flatnonzero(starts[:, 0] == 1).tolist()
        return doc

    def _mark_starts(self, doc: Doc, starts: numpy.ndarray, special: numpy.ndarray) -> None:
        """Sentence starts among the tokens after whitespace or a mark (``special``)."""
        text = doc.user_data.get(TEXT) or doc.text
        every_line = bool(doc.user_data.get(LINES_ARE_PARAGRAPHS))
        after_special = numpy.concatenate(([True], special[:-1]))
        last: Token | None = None
        ended = False  # the last non-space tokens closed a sentence
        previous = -1
        for i in numpy.flatnonzero(special | after_special).tolist():
            if i > previous + 1:  # words after words: no sentence ends among them
                ended, last = False, doc[i - 1]
            previous = i
            token = doc[i]
            if token.is_space and last is not None:
                continue
            begins = (
                last is None
                or _paragraph_break(text, last, token, every_line)
                or (ended and _can_start(token))
            )
            starts[i] = 1 if begins else -1
            if token.text in _FINAL:
                ended = True
            elif token.text not in _CLOSERS or begins:
                ended = False
            last = token


def _cut_long_sentences(starts: numpy.ndarray, spaces: list[bool]) -> None:
    """A sentence begins again at the first word ``MAX_TOKENS`` tokens after the last began."""
    bounds = [*numpy.flatnonzero(starts[:, 0] == 1).tolist(), len(spaces)]
    for begun, end in itertools.pairwise(bounds):
        cut = begun + MAX_TOKENS
        while cut < end:
            while cut < end and spaces[cut]:
                cut += 1
            if cut < end:
                starts[cut, 0] = 1
                cut += MAX_TOKENS


def _can_start(token: Token) -> bool:
    first = token.text[0]
    return first.isupper() or first.isdigit() or first in "\"“‘'([«$€£¥₹"


def _paragraph_break(text: str, last: Token, token: Token, every_line: bool = False) -> bool:
    gap = text[last.idx + len(last.text) : token.idx]
    if "\n" not in gap:
        return False
    if every_line or gap.count("\n") >= 2 or gap.endswith((" ", "\t")):
        return True
    line_start = text.rfind("\n", 0, last.idx) + 1
    previous_line = text[line_start : last.idx + len(last.text)].strip()
    if token.text[0].islower() or (token.text[0].isdigit() and last.text[0].islower()):
        return False  # a wrapped line goes on with the sentence ("to 529,206\nfrom 748,119")
    return len(previous_line) < _SHORT_LINE and not previous_line.endswith((",", "-", "–"))
