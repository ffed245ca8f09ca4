"""Snapshot tests: how numlint reads every corpus article, kept as reviewable text.

For each article ``corpus/articles/NAME.md`` (or ``.txt``) the file ``tests/snapshots/NAME.txt``
records, as plain text, the article's document date, every claim numlint reads in it (in document
order: line:column, the claim's text, kind, value as read, unit, qualifier, what it measures,
period, role: the facts ``numlint claims`` prints) and every finding (line:column, severity, rule,
message, related places). The golden tests (test_corpus.py) only say whether the planted errors
are caught; a snapshot shows everything numlint reads, so any change of reading (a claim gained or
lost, a unit or period read differently, a finding's message reworded) shows up as a diff of these
files in the pull request, to be reviewed like code.

When a snapshot differs, the test fails with a unified diff. If the change is intended, rewrite
the snapshots and commit them with the change:

    NUMLINT_UPDATE_SNAPSHOTS=1 python3 -m pytest tests/test_snapshots.py

Updating also writes the snapshot of a new article and removes the snapshot of an article that
no longer exists; without it, both fail. tests/snapshots/README.md says the same for reviewers.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from checker.cli import main
from checker.document import TODAY, Options, analyze_source
from checker.engine import Engine
from checker.findings import Finding
from checker.rules import load_rules
from checker.source import load_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "articles"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("NUMLINT_UPDATE_SNAPSHOTS", "") not in ("", "0")
UPDATE_COMMAND = "NUMLINT_UPDATE_SNAPSHOTS=1 python3 -m pytest tests/test_snapshots.py"
MAX_DIFF_LINES = 60

# The claim facts in the order `numlint claims --format json` gives them (path, line and column
# aside), and the labels they get in a snapshot line; text, kind and value come unlabelled.
CLAIM_FIELDS = ("text", "kind", "value", "unit", "qualifier", "measured", "scope", "role")
LABELS = {
    "unit": "unit",
    "qualifier": "qualifier",
    "measured": "measures",
    "scope": "period",
    "role": "role",
}


def _articles() -> dict[str, Path]:
    """The corpus articles by name (the file name without its extension)."""
    found: dict[str, Path] = {}
    for path in sorted([*CORPUS.glob("*.md"), *CORPUS.glob("*.txt")]):
        if path.stem in found:
            raise ValueError(
                f"two articles named {path.stem}: {found[path.stem].name}, {path.name}"
            )
        found[path.stem] = path
    return found


ARTICLES = _articles()
RECORDED = sorted(p.stem for p in SNAPSHOTS.glob("*.txt"))
NAMES = sorted({*ARTICLES, *RECORDED})


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(load_rules())


# -- rendering ------------------------------------------------------------------------------------


def _quoted(text: str) -> str:
    """Text in double quotes, with quotes, backslashes and line breaks escaped."""
    return json.dumps(text, ensure_ascii=False)


def _token(text: str) -> str:
    """A value as it is when it is one plain word, quoted when it has spaces or quotes."""
    plain = text and not any(c.isspace() or c in "\"'\\" for c in text)
    return text if plain else _quoted(text)


def claim_line(row: dict) -> str:
    where = f"{row['line']}:{row['column']}"
    parts = [f"{where:<8}", _quoted(row["text"]), row["kind"]]
    if row["value"]:
        parts.append(_token(row["value"]))
    parts += [f"{label}={_token(row[key])}" for key, label in LABELS.items() if row[key]]
    return " ".join(parts)


def finding_line(finding: Finding) -> str:
    where = f"{finding.location.line}:{finding.location.column}"
    text = f"{where:<8} {finding.severity} {finding.rule}: {finding.message}"
    for related in finding.related:
        place = f"{related.location.line}:{related.location.column}"
        text += f" | related {place}: {related.message}" if related.message else f" | {place}"
    return text


def render(path: Path, engine: Engine) -> str:
    """The snapshot of one article: a header, its claims, its findings."""
    document = analyze_source(load_source(path), Options())  # as `numlint evaluate` reads it
    if document.date.source == TODAY:
        pytest.fail(f"{path.name}: no document date (front matter or a full date in the text)")
    findings = engine.check(document)
    rows = document.claim_rows()
    lines = [
        f"numlint snapshot of {path.relative_to(ROOT).as_posix()}",
        f"date: {document.date.date.isoformat()} ({document.date.source})",
        "",
        f"claims ({len(rows)}):",
        *(claim_line(row) for row in rows),
        "",
        f"findings ({len(findings)}):",
        *(finding_line(f) for f in findings),
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


# -- comparing ------------------------------------------------------------------------------------


def _diff(recorded: str, current: str, name: str) -> str:
    lines = list(
        difflib.unified_diff(
            recorded.splitlines(),
            current.splitlines(),
            f"tests/snapshots/{name}.txt (recorded)",
            f"{name} (as numlint reads it now)",
            lineterm="",
        )
    )
    if len(lines) > MAX_DIFF_LINES:
        left = len(lines) - MAX_DIFF_LINES
        lines = [*lines[:MAX_DIFF_LINES], f"... ({left} more diff lines)"]
    return "\n".join(lines)


def test_corpus_has_articles() -> None:
    assert len(ARTICLES) >= 10


@pytest.mark.parametrize("name", NAMES)
def test_snapshot(name: str, engine: Engine) -> None:
    snapshot = SNAPSHOTS / f"{name}.txt"
    article = ARTICLES.get(name)
    if article is None:
        if UPDATE:
            snapshot.unlink(missing_ok=True)
            return
        pytest.fail(
            f"stale snapshot: tests/snapshots/{name}.txt has no article in corpus/articles; "
            f"remove it, or run: {UPDATE_COMMAND}",
            pytrace=False,
        )
    current = render(article, engine)
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        if not snapshot.exists() or snapshot.read_text(encoding="utf-8") != current:
            snapshot.write_text(current, encoding="utf-8", newline="\n")
        return
    if not snapshot.exists():
        pytest.fail(
            f"no snapshot for the article {article.name}: create tests/snapshots/{name}.txt "
            f"with: {UPDATE_COMMAND}",
            pytrace=False,
        )
    recorded = snapshot.read_text(encoding="utf-8")
    if recorded != current:
        pytest.fail(
            f"numlint reads {article.name} differently from tests/snapshots/{name}.txt:\n\n"
            f"{_diff(recorded, current, name)}\n\n"
            f"If the change is intended, update the snapshots with: {UPDATE_COMMAND}\n"
            "and review the diff of tests/snapshots/ with the change.",
            pytrace=False,
        )


CROSS_CHECKED = sorted(
    {next(n for n, p in ARTICLES.items() if p.suffix == s) for s in (".md", ".txt")}
)


@pytest.mark.parametrize("name", CROSS_CHECKED)
def test_rows_match_numlint_claims(name: str, capsys) -> None:
    """The snapshot's claim facts are those `numlint claims --format json` prints."""
    path = ARTICLES[name]
    main(["claims", "--format", "json", str(path)])
    printed = [
        {key: row[key] for key in ("line", "column", *CLAIM_FIELDS)}
        for row in json.loads(capsys.readouterr().out)
    ]
    read = analyze_source(load_source(path), Options()).claim_rows()
    assert printed == [{key: row[key] for key in ("line", "column", *CLAIM_FIELDS)} for row in read]
