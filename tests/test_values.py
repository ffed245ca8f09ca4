"""Extension values read and written through doc.user_data are those of ``span._``."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span

from checker.nlp.pipeline import analyze
from checker.nlp.values import SPAN_EXTENSIONS, ClaimView, set_values, span_values, value_of

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"


@pytest.fixture(scope="module")
def doc():
    return analyze((CORPUS / "biz-harlow-kestrel-takeover.md").read_text(encoding="utf-8"))


def test_values_read_at_once_are_those_of_the_extensions(doc) -> None:
    assert len(doc.spans["claims"]) > 20
    for span in doc.spans["claims"]:
        assert span_values(span) == {name: span._.get(name) for name in SPAN_EXTENSIONS}
        assert all(value_of(span, name) == span._.get(name) for name in SPAN_EXTENSIONS)
    assert any(span_values(s)["metric"] for s in doc.spans["claims"])


def test_values_set_are_read_by_the_extensions(doc) -> None:
    span = Span(doc, 0, 2)
    set_values(span, metric="revenue", change_from=17, scope_inherited=True)
    assert (span._.metric, span._.change_from, span._.scope_inherited) == ("revenue", 17, True)
    assert Span(doc, 0, 2)._.metric == "revenue"  # kept by offsets, as spaCy keeps them
    with pytest.raises(AttributeError):
        set_values(span, metrics="a typo")


def test_a_view_writes_back_what_changed(doc) -> None:
    span = Span(doc, 2, 4)
    set_values(span, role="level", scope_inherited=False)
    view = ClaimView(span)
    assert (view.start, view.end, view.text) == (span.start, span.end, span.text)
    assert view._.role == "level"
    view._.role, view._.direction, view._.change_to = "change", "up", 0
    assert span._.role == "level"  # not before write()
    view.write()
    assert (span._.role, span._.direction, span._.change_to) == ("change", "up", 0)
    assert span._.scope_inherited is False
    with pytest.raises(AttributeError):
        view._.metrics = "a typo"


def test_a_view_keeps_the_type_of_a_value_it_changes(doc) -> None:
    span = Span(doc, 4, 6)
    view = ClaimView(span)
    view._.scope_inherited = 0  # equal to the default False, but not the same value
    view.write()
    assert span._.scope_inherited == 0 and span._.scope_inherited is not False
