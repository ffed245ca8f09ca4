"""The engine: runs the selected rules over documents and sorts what they find."""

from __future__ import annotations

import collections
import functools
import gc
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field

from checker import suppressions
from checker.cache import Cache
from checker.checks import KINDS
from checker.checks.base import Check
from checker.document import Document, Options, analyze_source
from checker.findings import ClaimMark, FileResult, Finding, LineIndex, Note
from checker.nlp.pipeline import build_pipeline
from checker.rules import Rule
from checker.source import (
    MAX_BYTES,
    InputError,
    Source,
    discover,
    load_source,
    load_text,
    read_stdin,
    source_from_text,
)


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
        findings = list({f for f in found if isinstance(f, Finding)})
        notes = {n for n in found if isinstance(n, Note)}
        findings = suppressions.apply(
            findings,
            document.source.text,
            document.path,
            document.lines,
            self.report_unused_suppressions,
        )
        return sorted(findings, key=lambda f: f.sort_key), sorted(notes, key=lambda n: n.sort_key)


@dataclass(frozen=True)
class CheckedFile:
    """A file that was checked, as the formatters and --verbose need it (whether its findings
    came from the checks or from the cache)."""

    path: str
    text: str
    date_reason: str = ""
    notes: tuple[str, ...] = ()  # how ambiguous currencies were read
    claims: tuple[ClaimMark, ...] = ()  # kept when the report shows them (run's keep_claims)
    format: str = "text"  # how the file was read: "markdown", "html", "docx" or "text"

    @functools.cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)


@dataclass
class Run:
    """Everything one `numlint check` produced, in a stable order."""

    documents: list[CheckedFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)  # the rules that ran, for SARIF metadata
    notes: list[Note] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def add(self, document: CheckedFile, findings: list[Finding], notes: list[Note]) -> None:
        self.documents.append(document)
        self.findings.extend(findings)
        self.notes.extend(notes)

    def merge(self, other: Run) -> None:
        """Add another run's files (checked under another configuration)."""
        self.documents.extend(other.documents)
        self.findings.extend(other.findings)
        self.notes.extend(other.notes)
        self.errors.extend(other.errors)
        known = {rule.id for rule in self.rules}
        self.rules.extend(rule for rule in other.rules if rule.id not in known)


def read_sources(
    paths: Sequence[str], keep: Callable[[str], bool] | None = None, max_bytes: int = MAX_BYTES
) -> tuple[list[Source], list[InputError]]:
    files, errors = discover(paths, keep)
    sources = []
    for path in files:
        try:
            sources.append(load_source(path, max_bytes=max_bytes))
        except InputError as error:
            errors.append(error)
    return sources, errors


def run(
    paths: Sequence[str],
    engine: Engine,
    options: Options,
    keep: Callable[[str], bool] | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
    max_bytes: int = MAX_BYTES,
    keep_claims: bool = False,
) -> Run:
    """Check every file under ``paths``: from the cache when it has the file's findings, else with
    the checks, in ``jobs`` processes when there are several files to check. Files over
    ``max_bytes`` are skipped (a SkippedFile among the errors). With ``keep_claims`` each checked
    file carries its claims (for a report that shows them)."""
    names, errors = discover(paths, keep)
    # Without a cache every file is checked: the workers start (and build their pipeline) while
    # the files are read. With one, they start once it is known which files it lacks.
    early = cache is None and len(names) > 1
    with _Checker(engine, options, jobs if early else 1, keep_claims) as checker:
        files = _read_files(names, errors, max_bytes)
        keys = [cache.key(f.path, f.format, f.text) if cache else "" for f in files]
        cached = [cache.get(k, keep_claims) if cache else None for k in keys]
        pending = [f for f, hit in zip(files, cached, strict=True) if hit is None]
        if not early and len(pending) > 1:
            checker.start(jobs)
        outcomes = checker.check_all(pending)
    result = Run(errors=errors, rules=list(engine.rules))
    checked = dict(zip((f.path for f in pending), outcomes, strict=True))
    for file, key, hit in zip(files, keys, cached, strict=True):
        outcome = hit if hit is not None else checked[file.path]
        if cache and hit is None and not isinstance(outcome, InputError):
            cache.put(key, outcome, keep_claims)
        _add_outcome(result, file, outcome)
    result.errors.sort(key=lambda e: e.path)
    return result


def check_text(text: str, path: str, format: str, engine: Engine, options: Options) -> Run:
    """Check one text in this process, its claims kept (the review page's draft)."""
    result = Run(rules=list(engine.rules))
    file = _File(text, path, format)
    _add_outcome(result, file, _check_one(file, engine, options, keep_claims=True))
    return result


def _add_outcome(result: Run, file: _File, outcome: _Outcome) -> None:
    if isinstance(outcome, InputError):
        result.errors.append(outcome)
        return
    document = CheckedFile(
        file.path,
        file.text,
        outcome.date_reason,
        outcome.currency_notes,
        outcome.claims,
        file.format,
    )
    result.add(document, outcome.findings, outcome.notes)


@dataclass(frozen=True)
class _File:
    """A file read and decoded; parsed (Markdown, HTML) only when the cache cannot answer."""

    text: str
    path: str
    format: str
    source: Source | None = None  # stdin, parsed as it was read

    def parsed(self) -> Source:
        return self.source or source_from_text(self.text, self.path, self.format)


def _read_files(names: list[str], errors: list[InputError], max_bytes: int) -> list[_File]:
    """The files read and decoded; those that cannot be are added to ``errors``."""
    files = []
    for path in names:
        try:
            if path == "-":
                source = read_stdin(max_bytes=max_bytes)
                files.append(_File(source.text, source.path, source.format, source))
            else:
                files.append(_File(*load_text(path, max_bytes=max_bytes)))
        except InputError as error:
            errors.append(error)
    return files


_Outcome = FileResult | InputError
_WORKER: tuple[Engine, Options, bool] | None = None


class _Checker:
    """Checks files in this process, and once ``start`` has been called in worker processes too."""

    def __init__(self, engine: Engine, options: Options, jobs: int, keep_claims: bool) -> None:
        self.engine, self.options, self.keep_claims = engine, options, keep_claims
        self.pool: ProcessPoolExecutor | None = None
        self.jobs = 1
        self.start(jobs)

    def start(self, jobs: int) -> None:
        """Start ``jobs`` - 1 worker processes, each building its pipeline at once; this process
        is the last of the ``jobs`` (nothing if ``jobs`` < 2)."""
        if jobs < 2 or self.pool is not None:
            return
        settings = (
            self.engine.rules,
            self.engine.report_unused_suppressions,
            self.options,
            self.keep_claims,
        )
        self.pool = ProcessPoolExecutor(
            max_workers=jobs - 1, initializer=_start_worker, initargs=settings
        )
        self.pool.submit(int)  # with fork, the first task starts every worker
        self.jobs = jobs

    def check_all(self, files: list[_File]) -> list[_Outcome]:
        if self.pool is None or len(files) < 2:
            return [self._check(file) for file in files]
        # The longest files first, in small batches, so that all finish together: the workers
        # take them from the front, this process from the back.
        order = sorted(range(len(files)), key=lambda i: -len(files[i].text))
        size = max(1, min(_BATCH, len(files) // (self.jobs * 8)))
        waiting = collections.deque(order[i : i + size] for i in range(0, len(order), size))
        sent: dict[Future, list[int]] = {}
        outcomes: dict[int, _Outcome] = {}
        ahead = 2 * (self.jobs - 1)  # per worker one batch running, one queued
        while waiting or sent:
            while waiting and len(sent) < ahead:
                batch = waiting.popleft()
                sent[self.pool.submit(_check_batch, [files[i] for i in batch])] = batch
            if waiting:
                # The shortest batch left: it is soon done, so this process comes back often to
                # collect the workers' results and send them more.
                batch = waiting.pop()
                outcomes.update((i, self._check(files[i])) for i in batch)
            done = [f for f in sent if f.done()] if waiting else [next(as_completed(sent))]
            for future in done:
                outcomes.update(zip(sent.pop(future), future.result(), strict=True))
        return [outcomes[i] for i in range(len(files))]

    def _check(self, file: _File) -> _Outcome:
        return _check_one(file, self.engine, self.options, self.keep_claims)

    def __enter__(self) -> _Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


_BATCH = 32  # files sent to a worker at once


def _start_worker(
    rules: list[Rule], report_unused: bool, options: Options, keep_claims: bool
) -> None:
    global _WORKER
    _WORKER = (Engine(rules, report_unused), options, keep_claims)
    build_pipeline()
    # What the worker has made so far lives as long as it does: later collections skip it (and
    # leave alone the memory pages it shares with the parent).
    gc.freeze()


def _check_batch(files: list[_File]) -> list[_Outcome]:
    assert _WORKER is not None
    return [_check_one(file, *_WORKER) for file in files]


def _check_one(file: _File, engine: Engine, options: Options, keep_claims: bool) -> _Outcome:
    try:
        document = analyze_source(file.parsed(), options)
        found, notes = engine.review(document)
        claims = tuple(c.mark() for c in document.claims) if keep_claims else ()
    except InputError as error:  # invalid front matter
        return error
    except Exception as error:  # a bug in numlint must not stop the other files
        message = f"internal error, please report it: {type(error).__name__}: {error}"
        return InputError(file.path, message)
    return FileResult(found, notes, document.date.reason, document.notes, claims)
