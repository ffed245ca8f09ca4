"""Golden tests over corpus/: each article's findings are exactly those its .expected.yaml lists.

An expected finding marked `known_miss: <reason>` is one numlint does not catch yet: it is reported
as an expected failure (strict, so the day it is caught the marker must go), never dropped. The
annotations are read and matched by checker.evaluation, as `numlint evaluate` does.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from checker.evaluation import Annotation, Article, articles, findings_of, judge
from checker.rules import load_rules

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"
ARTICLES = list(articles(CORPUS))


@cache
def findings(article: Article) -> tuple:
    return findings_of(article.path, load_rules())


def test_corpus_is_not_empty() -> None:
    assert len(ARTICLES) >= 10


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.path.stem)
def test_no_unexpected_findings(article: Article) -> None:
    result = judge(article, findings(article))
    assert [f"{f.location.line}: {f.rule}: {f.message}" for f in result.false_alarms] == []


def _expected_cases():
    for article in ARTICLES:
        for annotation in article.annotations:
            marks = []
            if annotation.known_miss:
                marks.append(pytest.mark.xfail(strict=True, reason=annotation.known_miss))
            case_id = f"{article.path.stem}:{annotation.line}:{annotation.rule}"
            yield pytest.param(article, annotation, marks=marks, id=case_id)


@pytest.mark.parametrize(("article", "annotation"), list(_expected_cases()))
def test_expected_finding_is_reported(article: Article, annotation: Annotation) -> None:
    found = [annotation.matches(f) for f in findings(article)]
    assert any(found), f"missing {annotation.rule} on line {annotation.line}: {annotation.note}"
