"""Scoring numlint against annotated articles: planted errors caught, missed, and false alarms.

An annotated corpus is a folder of articles, each with ``NAME.expected.yaml`` beside it (the
format is in corpus/README.md). A finding matches an annotation when rule and line agree and, where
the annotation names a ``related_line``, the finding names it too; or when the finding names both
of the annotation's lines, one as its own and one as related; or, for an annotation of one line,
when the finding names that line as related. The golden tests
(tests/test_corpus.py) and ``numlint evaluate`` read annotations through this module, so they
judge alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from checker.document import Options, analyze_source
from checker.engine import Engine
from checker.findings import Finding
from checker.rules import Rule
from checker.source import load_source

SUFFIX = ".expected.yaml"


class AnnotationError(ValueError):
    """An annotation file that cannot be read: 'path: problem'."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """A planted error: the finding numlint must report."""

    rule: str
    line: int
    related_line: int | None = None
    known_miss: str = ""  # why numlint does not catch it yet
    note: str = ""

    def matches(self, finding: Finding) -> bool:
        """Rule and line agree, and the related line is named; or the finding names both
        lines the other way round (a total named as related to its parts, a figure to the one
        it restates); or, for an annotation of one line, the finding names it as related (a
        sum reported on its total, with the parts' line related)."""
        if finding.rule != self.rule:
            return False
        related = {r.location.line for r in finding.related}
        if finding.location.line == self.line:
            return self.related_line is None or self.related_line in related
        named = {finding.location.line, *related}
        if self.related_line is None:
            return self.line in named  # a sum reported on its total, the parts' line related
        return {self.line, self.related_line} <= named


@dataclass(frozen=True)
class Article:
    path: Path
    annotations: tuple[Annotation, ...]


@dataclass
class Score:
    """Counts for one rule, or for all of them."""

    planted: int = 0
    caught: int = 0
    false_alarms: int = 0

    @property
    def missed(self) -> int:
        return self.planted - self.caught

    @property
    def precision(self) -> float | None:
        reported = self.caught + self.false_alarms
        return self.caught / reported if reported else None

    @property
    def recall(self) -> float | None:
        return self.caught / self.planted if self.planted else None


@dataclass
class ArticleResult:
    article: Article
    caught: list[Annotation] = field(default_factory=list)
    missed: list[Annotation] = field(default_factory=list)
    false_alarms: list[Finding] = field(default_factory=list)


def articles(folder: Path) -> Iterator[Article]:
    """Every annotated article under ``folder``, in name order."""
    for expected in sorted(folder.rglob(f"*{SUFFIX}")):
        path = article_for(expected)
        annotations = tuple(load_annotations(expected))
        _check_lines(expected, path, annotations)
        yield Article(path, annotations)


def _check_lines(expected: Path, path: Path, annotations: tuple[Annotation, ...]) -> None:
    """An annotated line past the article's end is a slip in the annotation, not a miss."""
    try:
        count = len(path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return  # reported when the article itself is read
    for annotation in annotations:
        for line in (annotation.line, annotation.related_line):
            if line is not None and not 1 <= line <= count:
                raise AnnotationError(
                    f"{expected}: {annotation.rule}: line {line} is outside {path.name}"
                    f" (lines 1-{count})"
                )


def article_for(expected: Path) -> Path:
    stem = expected.name.removesuffix(SUFFIX)
    found = [p for p in expected.parent.glob(stem + ".*") if not p.name.endswith(".yaml")]
    if len(found) != 1:
        raise AnnotationError(
            f"{expected}: expected one article named {stem}.*, found {len(found)}"
        )
    return found[0]


def load_annotations(expected: Path) -> list[Annotation]:
    try:
        data = yaml.safe_load(expected.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise AnnotationError(f"{expected}: {error}") from None
    entries = (data.get("findings") or []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise AnnotationError(f"{expected}: 'findings' must be a list")
    return [_annotation(expected, entry) for entry in entries]


def _annotation(expected: Path, entry: object) -> Annotation:
    if not isinstance(entry, dict) or not isinstance(entry.get("rule"), str):
        raise AnnotationError(f"{expected}: every finding needs a 'rule' and a 'line'")
    if not isinstance(entry.get("line"), int):
        raise AnnotationError(f"{expected}: {entry['rule']}: 'line' must be a number")
    return Annotation(
        rule=entry["rule"],
        line=entry["line"],
        related_line=entry.get("related_line"),
        known_miss=str(entry.get("known_miss") or ""),
        note=str(entry.get("note") or ""),
    )


def judge(article: Article, findings: Iterable[Finding]) -> ArticleResult:
    """Which planted errors ``findings`` catch, which they miss, and which findings are false."""
    findings = list(findings)
    result = ArticleResult(article)
    for annotation in article.annotations:
        caught = any(annotation.matches(f) for f in findings)
        (result.caught if caught else result.missed).append(annotation)
    planted = {(a.rule, a.line) for a in article.annotations}
    result.false_alarms = [
        f
        for f in findings
        if (f.rule, f.location.line) not in planted
        and not any(a.matches(f) for a in article.annotations)
    ]
    return result


def findings_of(path: Path, rules: Sequence[Rule]) -> tuple[Finding, ...]:
    document = analyze_source(load_source(path), Options())
    return tuple(Engine(rules).check(document))


def evaluate(folder: Path, rules: Sequence[Rule]) -> list[ArticleResult]:
    return [judge(a, findings_of(a.path, rules)) for a in articles(folder)]


def scores(results: Iterable[ArticleResult]) -> dict[str, Score]:
    """Scores per rule id; the key "" holds the overall score."""
    table: dict[str, Score] = {"": Score()}
    for result in results:
        for annotation in [*result.caught, *result.missed]:
            for key in (annotation.rule, ""):
                table.setdefault(key, Score()).planted += 1
        for annotation in result.caught:
            for key in (annotation.rule, ""):
                table[key].caught += 1
        for finding in result.false_alarms:
            for key in (finding.rule, ""):
                table.setdefault(key, Score()).false_alarms += 1
    return table
