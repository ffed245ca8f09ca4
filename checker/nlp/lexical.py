"""Marks lexicon phrases in the sentences that carry a number.

Most sentences in an article carry no number, so this component first picks the sentences with a
digit or a number word and runs the PhraseMatchers only there. Its matches are kept in
``doc.spans["lexical"]`` with labels ``CATEGORY|value``, and as plain ``(start, end, label)``
rows in ``doc.user_data`` from which ``LexicalIndex`` looks them up by position (reading a span
group back makes a Span object per match).
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from checker.nlp.lexicon import LOWER, Lexicon, load_lexicon
from checker.nlp.sentences import sentences as all_sentences

LEXICAL = "lexical"
_ROWS = "numlint_lexical_rows"
NUMERIC_SENTENCES = "numeric_sentences"
_DIGIT = re.compile(r"\d")


@Language.factory("numlint_lexical")
def make_lexical(nlp: Language, name: str) -> LexicalMarker:
    return LexicalMarker(nlp, load_lexicon())


class LexicalMarker:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.number_words = frozenset(
            [*lexicon.unit_words, *lexicon.collective_words, *lexicon.fraction_words, "a", "an"]
        ) - {"a", "an"}
        self.numeric = nlp.vocab.add_flag(self._is_numeric)
        self.verb_markers = lexicon.verb_markers
        phrases: dict[tuple[str, str], list[str]] = defaultdict(list)
        for attr, label, phrase in lexicon.patterns():
            phrases[(attr, label)].append(phrase)
        for (attr, label), texts in phrases.items():
            matcher = self.lower if attr == LOWER else self.orth
            if attr == LOWER:  # "u.s. dollars" splits unlike "U.S. dollars": match both ways
                texts = sorted({*texts, *(t.upper() for t in texts)})
            matcher.add(label, [_keys(phrase_words(nlp, text), attr) for text in texts])

    def __call__(self, doc: Doc) -> Doc:
        # How many tokens with a digit or a number word come before each token, in bulk.
        numeric = doc.to_array([self.numeric]).cumsum().tolist() if len(doc) else []
        numeric.insert(0, 0)
        sentences = [s for s in all_sentences(doc) if numeric[s.end] > numeric[s.start]]
        doc.spans[NUMERIC_SENTENCES] = sentences
        matches: list[Span] = []
        for sentence in sentences:
            found = [
                Span(doc, start, end, label=match_id)
                for matcher in (self.orth, self.lower)  # as written first: "Ml" before "ml"
                for match_id, start, end in matcher(sentence)
            ]
            found = self._nouns_used_as_verbs(doc, found)
            metric_ends = {span.end for span in found if span.label_.startswith("METRIC|")}
            found.extend(s for s in _named_rates(sentence) if s.end not in metric_ends)
            matches.extend(found)
        doc.spans[LEXICAL] = matches
        doc.user_data[_ROWS] = [(span.start, span.end, span.label_) for span in matches]
        return doc

    def _nouns_used_as_verbs(self, doc: Doc, found: list[Span]) -> list[Span]:
        """'will pay £542': a metric word after a modal is the verb, and names the verb's metric
        (spending), not the noun's (pay, a salary)."""
        verbs = {
            span.start: span.label_.partition("|")[2]
            for span in found
            if span.label_.startswith("METRICVERB|")
        }
        return [
            Span(doc, span.start, span.end, label=f"METRIC|{verbs[span.start]}")
            if span.label_.startswith("METRIC|")
            and len(span) == 1
            and span.start in verbs
            and span.start > 0
            and doc[span.start - 1].lower_ in self.verb_markers
            else span
            for span in found
        ]

    def _is_numeric(self, text: str) -> bool:
        """A token with a digit or a number word ("five", "million", "half")."""
        return bool(_DIGIT.search(text)) or text.lower() in self.number_words


def phrase_words(nlp: Language, text: str) -> list[str]:
    """``text``'s words as the tokenizer splits it. Words of letters only, none of them a
    tokenizer exception, are one token each, so most phrases need no tokenizer run."""
    words = text.split(" ")
    rules = nlp.tokenizer.rules
    if all(word.isalpha() and word not in rules for word in words):
        return words
    return [token.text for token in nlp.make_doc(text)]


def _keys(words: list[str], attr: str) -> list[int]:
    """A phrase as the PhraseMatcher compares it: the hashes of its words' ``attr`` (LOWER or
    ORTH). Giving these instead of a Doc makes no vocabulary entry for each word (it is
    start-up time)."""
    return [get_string_id(word.lower() if attr == LOWER else word) for word in words]


class LexicalIndex:
    """Phrase matches of a Doc by start and end token, longest first."""

    def __init__(self, doc: Doc) -> None:
        self.by_start: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        self.by_end: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        for start, end, label in doc.user_data.get(_ROWS, []):
            category, _, value = label.partition("|")
            self.by_start[start].append((end, category, value))
            self.by_end[end].append((start, category, value))
        for entries in self.by_start.values():
            entries.sort(key=lambda e: -e[0])  # the longest first: the latest end
        for entries in self.by_end.values():
            entries.sort(key=lambda e: e[0])  # the longest first: the earliest start

    def at(self, i: int, *categories: str) -> tuple[int, str, str] | None:
        """The longest match at token ``i`` in one of ``categories``: (end, category, value)."""
        for end, category, value in self.by_start.get(i, ()):
            if category in categories:
                return end, category, value
        return None

    def before(self, j: int, *categories: str) -> tuple[int, str, str] | None:
        """The longest match ending at token ``j`` (exclusive): (start, category, value)."""
        for start, category, value in self.by_end.get(j, ()):
            if category in categories:
                return start, category, value
        return None

    def has(self, i: int, category: str) -> bool:
        return self.at(i, category) is not None


_RATE_NOUNS = {"rate", "rates"}


def _named_rates(sentence: Span) -> list[Span]:
    """'the adult smoking rate', 'a vacancy rate of 4%': a rate the lexicon does not list is a
    metric named by the word before it ('smoking rate'), so two figures for it can be compared."""
    doc = sentence.doc
    found = []
    for token in sentence[1:]:
        if token.lower_ not in _RATE_NOUNS:
            continue
        start = token.i - 1
        if doc[start].is_lower and start - 2 >= sentence.start and doc[start - 1].text == "-":
            start -= 2  # "take-up rate"
        words = doc[start : token.i]
        if not all(w.is_alpha or w.text == "-" for w in words) or not words[-1].is_lower:
            continue
        if words[-1].is_stop or words[0].is_stop:
            continue
        name = "".join(w.text_with_ws for w in words).strip().lower()
        found.append(Span(doc, start, token.i + 1, label=f"METRIC|{name} rate"))
    return found
