"""Reference data kept parsed between runs, and the claim lookups checks use on long texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import datacache
from checker.document import Options, analyze_source
from checker.source import source_from_text

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("NUMLINT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_data_is_built_once_and_kept(data_dir, tmp_path) -> None:
    source = tmp_path / "rates.csv"
    source.write_text("1,2,3\n", encoding="utf-8")
    built = []

    def build() -> list[int]:
        built.append(1)
        return [1, 2, 3]

    assert datacache.kept("rates", source, "1.0", build) == [1, 2, 3]
    assert datacache.kept("rates", source, "1.0", build) == [1, 2, 3]
    assert len(built) == 1 and (data_dir / "rates.pickle").exists()
    datacache.kept("rates", source, "2.0", build)  # another version of the package
    source.write_text("1,2,3,4\n", encoding="utf-8")  # another data file
    datacache.kept("rates", source, "2.0", build)
    assert len(built) == 3


def test_data_made_from_a_text_is_kept_until_the_text_changes(data_dir) -> None:
    built = []

    def build() -> str:
        built.append(1)
        return "parsed"

    for text in ("id: a\n", "id: a\n", "id: b\n", "id: b\n"):
        assert datacache.kept("rules", text, "1.0", build) == "parsed"
    assert len(built) == 2


def test_the_built_in_rules_come_from_the_cache_equal_to_a_fresh_parse(data_dir) -> None:
    from checker.rules import _builtin_rules, builtin_rule_files, parse_rule

    fresh = [parse_rule(path, text) for path, text in builtin_rule_files()]
    assert _builtin_rules() == fresh  # parsed and kept
    assert (data_dir / "rules.pickle").exists()
    assert _builtin_rules() == fresh  # read back


def test_a_damaged_copy_is_rebuilt(data_dir, tmp_path) -> None:
    datacache.kept("units", tmp_path, "1", lambda: "first")
    (data_dir / "units.pickle").write_bytes(b"not a pickle")
    assert datacache.kept("units", tmp_path, "1", lambda: "again") == "again"


def test_an_unwritable_folder_means_building_every_time(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NUMLINT_DATA_DIR", str(blocker / "data"))  # under a file: cannot exist
    assert datacache.folder() is None
    assert datacache.kept("units", tmp_path, "1", lambda: "built") == "built"


def _document():
    text = (CORPUS / "biz-harlow-kestrel-takeover.md").read_text(encoding="utf-8")
    return analyze_source(source_from_text(text, "a.md"), Options())


DOCUMENT = _document()
OFFSETS = st.integers(min_value=-5, max_value=len(DOCUMENT.source.text) + 5)


@settings(max_examples=200, deadline=None)
@given(start=OFFSETS, end=OFFSETS)
def test_claim_lookups_agree_with_scanning_every_claim(start: int, end: int) -> None:
    claims = DOCUMENT.claims
    assert DOCUMENT.starting_in(start, end) == tuple(c for c in claims if start <= c.start < end)
    assert DOCUMENT.sentences_before(end) == sorted(
        {c.sentence_start for c in claims if c.start < end}
    )
    for unit in {c.unit for c in claims}:
        assert DOCUMENT.in_unit(unit) == tuple(c for c in claims if c.unit == unit)
    for sentence in {c.sentence_start for c in claims}:
        assert DOCUMENT.in_sentence(sentence) == tuple(
            c for c in claims if c.sentence_start == sentence
        )
    assert len(claims) > 20  # the lookups are tried on an article with many figures


def test_the_lexicon_units_dimensions_are_pints(data_dir) -> None:
    from checker import units
    from checker.nlp.lexicon import load_lexicon

    units._lexicon_dimensions.cache_clear()
    names = set(load_lexicon().units.values())
    assert len(names) > 30
    for name in names:
        assert units.dimension(name) == units._dimension(name) != ""
    assert units.dimension("furlong") == "[length]"  # not in the lexicon: asked of pint
    assert units.dimension("no_such_unit") == ""
