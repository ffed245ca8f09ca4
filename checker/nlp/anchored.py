"""A token Matcher run only near the tokens its patterns cannot match without.

Every match of a pattern contains each of the pattern's required tokens (those without ``OP``).
For each pattern one of them is its anchor: a word list of mostly rare words if it has one
("quarter", month names with "may"), else a regular expression ("2019"), else any word list. The
matcher then runs only over windows around the document's anchor tokens, reaching as far before and
after each as the patterns it anchors can. The matches are those of the whole span: a match lies
inside the window of its own anchor, and windows that overlap are merged, so two overlapping matches
are always seen together.

Most tokens of an article are no anchor, and spaCy's Matcher costs time for every token and pattern.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from checker.nlp.tokens import tokens_with

_WORD_ATTRS = {"LOWER": "lower", "ORTH": "orth", "TEXT": "orth"}
_OPTIONAL = {"?", "*"}
_UNBOUNDED = {"*", "+"}


@dataclass
class _Anchor:
    """A test that anchors some patterns, and how far their matches reach around the token."""

    attr: str  # "lower" or "orth"
    words: frozenset[str]
    regex: re.Pattern[str] | None
    before: int = 0  # tokens a match may start before the anchor
    after: int = 1  # tokens from the anchor to the end of a match


class AnchoredMatcher:
    def __init__(self, vocab: Vocab, stop_words: Iterable[str]) -> None:
        self.matcher = Matcher(vocab)
        self.stop_words = frozenset(stop_words)
        self.anchors: dict[tuple, _Anchor] = {}
        self.everywhere = False  # some pattern has no anchor or no bounded length
        self._key = f"numlint_anchors_{id(self)}"
        self._flag_id: int | None = None
        self._judged: dict[str, tuple[_Anchor, ...]] = {}  # grows with the vocabulary
        self._listed: dict[tuple[str, str], list[_Anchor]] | None = None  # (attr, word): anchors

    def add(self, key: str, patterns: Sequence[list[dict[str, Any]]], greedy: str | None) -> None:
        self.matcher.add(key, list(patterns), greedy=greedy)
        for pattern in patterns:
            self._add_anchor(pattern)

    def __call__(self, span: Span) -> list[Span]:
        """The matches in ``span`` (a sentence or any other span of a Doc), as spans."""
        if self.everywhere:
            return self.matcher(span, as_spans=True)
        doc = span.doc
        found: list[Span] = []
        for start, end in self._windows(doc, span.start, span.end):
            found.extend(self.matcher(doc[start:end], as_spans=True))
        return found

    def _windows(self, doc: Doc, lowest: int, highest: int) -> list[tuple[int, int]]:
        """Token ranges within [lowest, highest) that hold every match there, merged."""
        tokens, starts, ends = self._reaches(doc)
        first = bisect.bisect_left(tokens, lowest)
        last = bisect.bisect_left(tokens, highest)
        ranges = sorted(
            (max(lowest, start), min(highest, end))
            for start, end in zip(starts[first:last], ends[first:last], strict=True)
        )
        windows: list[tuple[int, int]] = []
        for start, end in ranges:
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((start, end))
        return windows

    def _reaches(self, doc: Doc) -> tuple[list[int], list[int], list[int]]:
        """The anchor tokens of ``doc`` in order, with the range each one's matches may cover
        (kept per Doc)."""
        cached = doc.user_data.get(self._key)
        if cached is None:
            cached = doc.user_data[self._key] = self._find_reaches(doc)
        return cached

    def _find_reaches(self, doc: Doc) -> tuple[list[int], list[int], list[int]]:
        found = [
            (i, i - anchor.before, i + anchor.after)
            for i in tokens_with(doc, self._flag())
            for anchor in self._anchors_of(doc[i].text)
        ]
        found.sort()
        return [f[0] for f in found], [f[1] for f in found], [f[2] for f in found]

    def _flag(self) -> int:
        """A lexeme flag set on every word some anchor accepts: spaCy keeps it per vocabulary
        entry, so each distinct word is judged once and tokens are picked out in bulk."""
        if self._flag_id is None:
            self._flag_id = self.matcher.vocab.add_flag(lambda text: bool(self._anchors_of(text)))
        return self._flag_id

    def _anchors_of(self, text: str) -> tuple[_Anchor, ...]:
        """The anchors a token with this exact text passes, judged once per text (the flag's
        judgement is the one a flagged token's anchors are then read from)."""
        known = self._judged.get(text)
        if known is None:
            known = self._judged[text] = tuple(self._passes(text))
        return known

    def _passes(self, text: str) -> Iterator[_Anchor]:
        """The anchors ``text`` passes: its word looked up in the anchors' word lists at once,
        then the regular expressions (each new word of the vocabulary is judged here)."""
        lower = text.lower()
        listed = self._word_lists()
        yield from listed.get(("lower", lower), ())
        yield from listed.get(("orth", text), ())
        for anchor in self.anchors.values():
            if anchor.regex is not None and anchor.regex.search(
                lower if anchor.attr == "lower" else text
            ):
                yield anchor

    def _word_lists(self) -> dict[tuple[str, str], list[_Anchor]]:
        if self._listed is None:
            self._listed = {}
            for anchor in self.anchors.values():
                for word in anchor.words:
                    self._listed.setdefault((anchor.attr, word), []).append(anchor)
        return self._listed

    # -- choosing anchors ------------------------------------------------------------------------

    def _add_anchor(self, pattern: list[dict[str, Any]]) -> None:
        if any(token.get("OP") in _UNBOUNDED for token in pattern):
            self.everywhere = True
            return
        candidates = [
            (candidate, position)
            for position, token in enumerate(pattern)
            if token.get("OP") not in _OPTIONAL and token.get("OP") != "!"
            for candidate in _candidates(token)
        ]
        if not candidates:
            self.everywhere = True
            return
        (attr, words, regex), position = min(candidates, key=lambda c: self._rank(c[0]))
        key = (attr, words, regex.pattern if regex else None)
        anchor = self.anchors.setdefault(key, _Anchor(attr, words, regex))
        anchor.before = max(anchor.before, position)
        anchor.after = max(anchor.after, len(pattern) - position)
        if self._flag_id is not None:
            raise RuntimeError("patterns added after the first match: anchors already fixed")

    def _rank(self, candidate: tuple[str, frozenset[str], re.Pattern[str] | None]) -> tuple:
        """Word lists of mostly rare words first ("May" among the months), by their share of
        common words (stop words, punctuation), then size; then regexes; then the rest."""
        _, words, regex = candidate
        if regex is not None:
            return (1, 0.0, 0)
        common = sum(1 for w in words if w in self.stop_words or not any(c.isalnum() for c in w))
        share = common / len(words)
        return (0 if share < 0.5 else 2, share, len(words))


def _candidates(token: dict[str, Any]) -> list[tuple[str, frozenset[str], re.Pattern[str] | None]]:
    """The tests on a pattern token that can anchor it: (attribute, words, regex)."""
    found = []
    for name, attr in _WORD_ATTRS.items():
        value = token.get(name)
        if isinstance(value, str):
            found.append((attr, frozenset({value.lower() if attr == "lower" else value}), None))
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            words = frozenset(w.lower() if attr == "lower" else w for w in value["IN"])
            found.append((attr, words, None))
        elif isinstance(value, dict) and isinstance(value.get("REGEX"), str):
            found.append((attr, frozenset(), re.compile(value["REGEX"])))
    return found
