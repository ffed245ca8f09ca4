"""A token Matcher run only near the tokens its patterns cannot match without.

Every match of a pattern contains each of the pattern's required tokens (those without ``OP``).
For each pattern one of them is its anchor: a word list of mostly rare words if it has one
("quarter", month names with "may"), else a regular expression ("2019"), else any word list. Each
anchor has a spaCy Matcher of the patterns it anchors, run only over windows around the
document's tokens that pass it, reaching as far before and after each as those patterns can: a
match lies inside the window of its own anchor token. The greedy filtering a Matcher does per key
("LONGEST") is then done over the matches of all anchors together, so the result is what one
Matcher of all the patterns finds over the whole span (tested in test_anchored).

spaCy's Matcher costs time for every token and every pattern; here most tokens of an article are
in no window, and a token in a window is tried only against the patterns anchored nearby.
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
    """A test that anchors some patterns, the Matcher of those patterns, and how far their
    matches reach around the token."""

    attr: str  # "lower" or "orth"
    words: frozenset[str]
    regex: re.Pattern[str] | None
    matcher: Matcher
    before: int = 0  # tokens a match may start before the anchor
    after: int = 1  # tokens from the anchor to the end of a match


class AnchoredMatcher:
    def __init__(self, vocab: Vocab, stop_words: Iterable[str]) -> None:
        self.vocab = vocab
        self.stop_words = frozenset(stop_words)
        self.anchors: dict[tuple, _Anchor] = {}
        self.unanchored = Matcher(vocab)  # patterns with no anchor or no bounded length
        self.greedy: dict[str, str | None] = {}  # per key, in the order the keys were added
        self._key = f"numlint_anchors_{id(self)}"
        self._judged: dict[str, tuple[int, ...]] = {}  # grows with the vocabulary
        # Made at the first match, when the patterns are fixed (see _fix):
        self._flag_id: int | None = None
        self._numbered: list[_Anchor] = []  # the anchors, by number
        self._listed: dict[tuple[str, str], list[int]] = {}  # (attr, word): anchor numbers
        self._regexes: list[tuple[int, str, re.Pattern[str]]] = []  # anchors that are regexes
        self._keys: dict[int, tuple[int, str | None]] = {}  # key hash: (place added, greedy)

    @property
    def everywhere(self) -> bool:
        """Some pattern has no anchor or no bounded length, so it is tried at every token."""
        return len(self.unanchored) > 0

    def add(self, key: str, patterns: Sequence[list[dict[str, Any]]], greedy: str | None) -> None:
        if greedy not in (None, "FIRST", "LONGEST"):
            raise ValueError(f"greedy must be None, FIRST or LONGEST, not {greedy!r}")
        if self._flag_id is not None:
            raise RuntimeError("patterns added after the first match: anchors already fixed")
        self.greedy.setdefault(key, greedy)
        for pattern in patterns:
            self._add_pattern(key, pattern)

    def __call__(self, span: Span) -> list[Span]:
        """The matches in ``span`` (a sentence or any other span of a Doc), as spans, in order
        of start, end and the order their keys were added."""
        doc = span.doc
        found = []
        if self.everywhere:
            found = [(k, span.start + a, span.start + b) for k, a, b in self.unanchored(span)]
        for number, reaches in self._reaches(doc).items():
            matcher = self._numbered[number].matcher
            for start, end in _windows(reaches, span.start, span.end):
                found.extend((k, start + a, start + b) for k, a, b in matcher(doc[start:end]))
        kept = sorted(self._filtered(found), key=lambda m: (m[1], m[2], self._keys[m[0]][0]))
        return [Span(doc, start, end, label=key) for key, start, end in kept]

    def _filtered(self, found: list[tuple[int, int, int]]) -> set[tuple[int, int, int]]:
        """The matches spaCy's Matcher keeps: for a greedy key, the longest (or first) of each
        set of overlapping matches, as its ``greedy`` option does."""
        kept: set[tuple[int, int, int]] = set()
        by_key: dict[int, set[tuple[int, int]]] = {}
        for key, start, end in found:
            by_key.setdefault(key, set()).add((start, end))
        for key, pairs in by_key.items():
            greedy = self._keys[key][1]
            if greedy is None:
                kept.update((key, start, end) for start, end in pairs)
                continue
            if greedy == "FIRST":
                order = sorted(pairs, key=lambda p: (p[0], -p[1]))
            else:
                order = sorted(pairs, key=lambda p: (p[1] - p[0], -p[0]), reverse=True)
            taken: set[int] = set()
            for start, end in order:
                if taken.isdisjoint(range(start, end)):
                    kept.add((key, start, end))
                    taken.update(range(start, end))
        return kept

    def _reaches(self, doc: Doc) -> dict[int, list[tuple[int, int]]]:
        """For each anchor (by number), the range its matches may cover around each of its tokens
        in ``doc``, in order (kept per Doc)."""
        cached = doc.user_data.get(self._key)
        if cached is None:
            cached = doc.user_data[self._key] = self._find_reaches(doc)
        return cached

    def _find_reaches(self, doc: Doc) -> dict[int, list[tuple[int, int]]]:
        found: dict[int, list[tuple[int, int]]] = {}
        for i in tokens_with(doc, self._fix()):
            for number in self._anchors_of(doc[i].text):
                anchor = self._numbered[number]
                found.setdefault(number, []).append((i - anchor.before, i + anchor.after))
        return found

    def _fix(self) -> int:
        """At the first match: the lookups the patterns give, and a lexeme flag set on every word
        some anchor accepts (spaCy keeps it per vocabulary entry, so each distinct word is judged
        once and tokens are picked out in bulk). Its id is returned."""
        if self._flag_id is None:
            self._numbered = list(self.anchors.values())
            for number, anchor in enumerate(self._numbered):
                for word in anchor.words:
                    self._listed.setdefault((anchor.attr, word), []).append(number)
                if anchor.regex is not None:
                    self._regexes.append((number, anchor.attr, anchor.regex))
            strings = self.vocab.strings
            self._keys = {strings.add(k): (n, g) for n, (k, g) in enumerate(self.greedy.items())}
            self._flag_id = self.vocab.add_flag(lambda text: bool(self._anchors_of(text)))
        return self._flag_id

    def _anchors_of(self, text: str) -> tuple[int, ...]:
        """The numbers of the anchors a token with this exact text passes, judged once per text
        (the flag's judgement is the one a flagged token's anchors are then read from)."""
        known = self._judged.get(text)
        if known is None:
            known = self._judged[text] = tuple(sorted(set(self._passes(text))))
        return known

    def _passes(self, text: str) -> Iterator[int]:
        """The anchors ``text`` passes: its word looked up in the anchors' word lists at once,
        then the regular expressions (each new word of the vocabulary is judged here)."""
        lower = text.lower()
        yield from self._listed.get(("lower", lower), ())
        yield from self._listed.get(("orth", text), ())
        for number, attr, regex in self._regexes:
            if regex.search(lower if attr == "lower" else text):
                yield number

    # -- choosing anchors ------------------------------------------------------------------------

    def _add_pattern(self, key: str, pattern: list[dict[str, Any]]) -> None:
        """Adds ``pattern`` to the Matcher of its anchor (or to the unanchored ones), without
        greedy filtering: that is done over the matches of all anchors together."""
        candidates = [
            (candidate, position)
            for position, token in enumerate(pattern)
            if token.get("OP") not in _OPTIONAL and token.get("OP") != "!"
            for candidate in _candidates(token)
        ]
        if not candidates or any(token.get("OP") in _UNBOUNDED for token in pattern):
            self.unanchored.add(key, [pattern])
            return
        (attr, words, regex), position = min(candidates, key=lambda c: self._rank(c[0]))
        test = (attr, words, regex.pattern if regex else None)
        if test not in self.anchors:
            self.anchors[test] = _Anchor(attr, words, regex, Matcher(self.vocab))
        anchor = self.anchors[test]
        anchor.matcher.add(key, [pattern])
        anchor.before = max(anchor.before, position)
        anchor.after = max(anchor.after, len(pattern) - position)

    def _rank(self, candidate: tuple[str, frozenset[str], re.Pattern[str] | None]) -> tuple:
        """Word lists of mostly rare words first ("May" among the months), by their share of
        common words (stop words, punctuation), then size; then regexes; then the rest."""
        _, words, regex = candidate
        if regex is not None:
            return (1, 0.0, 0)
        common = sum(1 for w in words if w in self.stop_words or not any(c.isalnum() for c in w))
        share = common / len(words)
        return (0 if share < 0.5 else 2, share, len(words))


def _windows(
    reaches: Sequence[tuple[int, int]], lowest: int, highest: int
) -> list[tuple[int, int]]:
    """The ranges in ``reaches`` clipped to [lowest, highest), overlapping ones merged (they are
    in order of their anchor token, and each reaches equally far around it)."""
    windows: list[tuple[int, int]] = []
    first = bisect.bisect_left(reaches, lowest, key=lambda r: r[1])  # the first ending after it
    for start, end in reaches[first:]:
        start, end = max(lowest, start), min(highest, end)
        if start >= highest:
            break
        if start >= end:
            continue
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


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
