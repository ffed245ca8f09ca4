"""The engine: runs the selected rules over documents and sorts what they find."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from checker import suppressions
from checker.checks import KINDS
from checker.checks.base import Check
from checker.document import Document, Options, analyze_source
from checker.findings import Finding, Note
from checker.rules import Rule
from checker.source import InputError, Source, discover, load_source, read_stdin


def select_rules(
    rules: Sequence[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Rule]:
    """Rules whose id matches a --select prefix (all when none) and no --ignore prefix."""
    select, ignore = tuple(select), tuple(ignore)
    return [
        rule
        for rule in rules
        if (not select or rule.id.startswith(select)) and not rule.id.startswith(ignore or ("\0",))
    ]


class Engine:
    def __init__(self, rules: Sequence[Rule], report_unused_suppressions: bool = False) -> None:
        self.rules = list(rules)
        self.checks: list[Check] = [KINDS[rule.kind](rule) for rule in self.rules]
        self.report_unused_suppressions = report_unused_suppressions

    def check(self, document: Document) -> list[Finding]:
        return self.review(document)[0]

    def review(self, document: Document) -> tuple[list[Finding], list[Note]]:
        """What the checks found in ``document``, and what they could not judge; both sorted."""
        found = [item for check in self.checks for item in check.run(document)]
        findings = sorted({f for f in found if isinstance(f, Finding)}, key=lambda f: f.sort_key)
        notes = {n for n in found if isinstance(n, Note)}
        findings = suppressions.apply(
            findings, document.source.text, document.path, self.report_unused_suppressions
        )
        return sorted(findings, key=lambda f: f.sort_key), sorted(notes, key=lambda n: n.sort_key)


@dataclass
class Run:
    """Everything one `numlint check` produced, in a stable order."""

    documents: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)  # the rules that ran, for SARIF metadata
    notes: list[Note] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def read_sources(
    paths: Sequence[str], keep: Callable[[str], bool] | None = None
) -> tuple[list[Source], list[InputError]]:
    files, errors = discover(paths, keep)
    sources = []
    for path in files:
        try:
            sources.append(read_stdin() if path == "-" else load_source(path))
        except InputError as error:
            errors.append(error)
    return sources, errors


def run(
    paths: Sequence[str],
    engine: Engine,
    options: Options,
    keep: Callable[[str], bool] | None = None,
) -> Run:
    sources, errors = read_sources(paths, keep)
    result = Run(errors=errors, rules=list(engine.rules))
    for source in sources:
        try:
            document = analyze_source(source, options)
            found, notes = engine.review(document)
        except Exception as error:  # a bug in numlint must not stop the other files
            message = f"internal error, please report it: {type(error).__name__}: {error}"
            result.errors.append(InputError(source.path, message))
            continue
        result.documents.append(document)
        result.findings.extend(found)
        result.notes.extend(notes)
    result.errors.sort(key=lambda e: e.path)
    return result
