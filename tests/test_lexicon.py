"""The lexicon's checks: a mistake in the data stops numlint with the entry named."""

from __future__ import annotations

import copy

import pytest

from checker.nlp import lexicon
from checker.nlp.lexicon import LexiconError, load_lexicon


def _raw() -> dict:
    return copy.deepcopy(load_lexicon().raw)


def test_the_shipped_lexicon_passes_its_checks() -> None:
    raw = _raw()
    lexicon._check_strings(raw)
    lexicon._check_unique(raw)
    lexicon._check_ambiguous(raw)
    lexicon._check_parents(raw)


def test_an_unknown_key_of_an_ambiguous_currency_is_named() -> None:
    raw = _raw()
    raw["ambiguous"]["crowns"]["by_paragrph"] = False
    with pytest.raises(LexiconError, match="'crowns': unknown key 'by_paragrph'"):
        lexicon._check_ambiguous(raw)


def test_a_default_outside_the_candidates_is_refused() -> None:
    raw = _raw()
    raw["ambiguous"]["$"]["default"] = "EUR"
    with pytest.raises(LexiconError, match="default is not a candidate"):
        lexicon._check_ambiguous(raw)


def test_a_money_metric_must_be_a_metric() -> None:
    raw = _raw()
    raw["money_metrics"].append("royalties")
    with pytest.raises(LexiconError, match="'royalties' is not under metrics"):
        lexicon._check_parents(raw)
