"""numlint's tokenizer rules: amounts split into currency, number, scale and unit."""

from __future__ import annotations

import pytest

from checker.nlp.pipeline import build_pipeline


def words(text: str) -> list[str]:
    return [t.text for t in build_pipeline().make_doc(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HK$3.4bn", ["HK$", "3.4", "bn"]),
        ("USD3.2bn", ["USD", "3.2", "bn"]),
        ("12pct", ["12", "pct"]),
        ("5–10", ["5", "–", "10"]),
        ("zł96 million", ["zł", "96", "million"]),
        # Contractions without an apostrophe are words: "Wed" is Wednesday, "Hed" a name.
        ("Wed June 12", ["Wed", "June", "12"]),
        ("Hed Kandi", ["Hed", "Kandi"]),
        ("cant", ["cant"]),
        # With one, spaCy's rules still apply.
        ("We'd", ["We", "'d"]),
        ("don't", ["do", "n't"]),
        ("Jan. 5", ["Jan.", "5"]),
    ],
)
def test_amounts_and_words_split(text: str, expected: list[str]) -> None:
    assert words(text) == expected
