"""Shortcuts taken to start quickly give what the slow way gives."""

from __future__ import annotations

from pathlib import Path

import spacy

from checker.nlp.lexical import phrase_words
from checker.nlp.lexicon import load_lexicon
from checker.nlp.normalize import normalize
from checker.nlp.pipeline import analyze, build_pipeline
from checker.nlp.sentences import sentence_of, sentence_start, sentences

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"


def test_phrase_words_split_like_the_tokenizer() -> None:
    nlp = build_pipeline()
    phrases = [p for _, _, phrase in load_lexicon().patterns() for p in (phrase, phrase.upper())]
    assert len(phrases) > 1000
    for phrase in [*phrases, "cannot", "U.S. dollars", "per cent", "gonna"]:
        assert phrase_words(nlp, phrase) == [t.text for t in nlp.make_doc(phrase)]


def test_unicode_digits_are_mapped_as_they_are_met() -> None:
    text = "１２％ ٣٤ ۵٫۶ ¥1,5 − x\u00a0y"
    assert normalize(text) == "12% 34 5٫6 ¥1,5 - x y"
    assert len(normalize(text)) == len(text)


def test_the_sentence_index_agrees_with_spacy() -> None:
    text = (CORPUS / "biz-harlow-kestrel-takeover.md").read_text(encoding="utf-8")
    doc = analyze(text + "\n\n" + "(1) " * 700)
    assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert len(sentences(doc)) > 20
    for token in doc:
        assert sentence_of(doc, token.i) == token.sent
        assert sentence_start(doc, token.i) == token.sent.start


def test_the_attributes_the_components_read_are_spacys() -> None:
    from spacy.attrs import SHAPE

    from checker.nlp.pipeline import READ_ATTRIBUTES
    from checker.nlp.tokenizer import TOKENIZER

    text = (CORPUS / "biz-harlow-kestrel-takeover.md").read_text(encoding="utf-8")
    full = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    ours, theirs = build_pipeline().make_doc(text), full.make_doc(text)
    assert [t.text for t in ours] == [t.text for t in theirs]
    attributes = list(READ_ATTRIBUTES)
    assert (ours.to_array(attributes) == theirs.to_array(attributes)).all()
    assert not ours.to_array([SHAPE]).any()  # not read, so not computed


def test_the_markdown_parser_is_imported_only_for_markdown(tmp_path: Path) -> None:
    import subprocess
    import sys

    text = "The firm will invest ¥100 billion (approximately $1.457 billion) in robots.\n"
    code = (
        "import sys; from checker.cli import main\n"
        "main(['check', '--no-cache', '--format', 'line', sys.argv[1]])\n"
        "print('markdown_it' in sys.modules)"
    )
    imported = {}
    for name in ("draft.txt", "draft.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / name)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        lines = done.stdout.splitlines()
        assert "currency-conversion" in lines[0], done.stderr
        imported[name] = lines[-1]
    assert imported == {"draft.txt": "False", "draft.md": "True"}
