"""The `numlint` command: check, claims, rules. Exit 0 clean, 1 findings, 2 usage or input error."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence

from checker import __version__, baseline, config
from checker.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from checker.cache import Cache
from checker.document import Options
from checker.engine import Engine, Run, read_sources, run, select_rules
from checker.findings import Severity
from checker.report import FORMATTERS, WANTS_CLAIMS
from checker.rules import RuleError, load_rules
from checker.source import MAX_BYTES, InputError, parse_size

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.command(args)
    except RuleError as error:
        _error(str(error))
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="numlint", description="Check the numeric claims in a draft against each other."
    )
    parser.add_argument("--version", action="version", version=f"numlint {__version__}")
    commands = parser.add_subparsers(dest="name", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check files or directories (- for stdin)")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=sorted(FORMATTERS), default="text")
    check.add_argument(
        "--config",
        metavar="FILE",
        help="a .numlint.toml or pyproject.toml (default: the nearest one above the first path)",
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="report only findings not recorded in FILE"
    )
    check.add_argument(
        "--write-baseline", metavar="FILE", help="record the current findings in FILE"
    )
    check.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes to check with (default: all cores)",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file, ignoring and not writing the cache",
    )
    check.add_argument(
        "--cache-dir",
        default=DEFAULT_CACHE_DIR,
        metavar="DIR",
        help=f"where findings of unchanged files are kept (default: {DEFAULT_CACHE_DIR})",
    )
    check.add_argument(
        "--max-file-size",
        type=_size,
        default=None,
        metavar="SIZE",
        help="skip larger files with a warning (default: 10 MB)",
    )
    check.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        help="report <!-- numlint-disable ... --> comments that suppress nothing",
    )
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        default=None,
        help="the lowest severity that makes the exit code 1 (default: info, any finding)",
    )
    check.add_argument(
        "--select",
        type=_ids,
        default=[],
        metavar="RULES",
        help="comma-separated rule ids or prefixes to run (default: all)",
    )
    check.add_argument(
        "--ignore",
        type=_ids,
        default=[],
        metavar="RULES",
        help="comma-separated rule ids or prefixes to skip",
    )
    _common(check)
    check.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="explain the document date and how currencies were read",
    )
    check.set_defaults(command=_check)

    claims = commands.add_parser("claims", help="list the numeric claims numlint reads in a file")
    claims.add_argument("paths", nargs="+", metavar="PATH")
    claims.add_argument("--format", choices=["text", "json"], default="text")
    _common(claims)
    claims.set_defaults(command=_claims)

    evaluate = commands.add_parser(
        "evaluate", help="score numlint on annotated articles: precision and recall per rule"
    )
    evaluate.add_argument(
        "folder", nargs="?", default="corpus/articles", metavar="DIR",
        help="a folder of articles with NAME.expected.yaml annotations (default: corpus/articles)",
    )  # fmt: skip
    evaluate.add_argument("--format", choices=["text", "json"], default="text")
    evaluate.add_argument("--rules", action="append", default=[], metavar="DIR")
    evaluate.add_argument(
        "-v", "--verbose", action="store_true", help="list every miss and false alarm"
    )
    evaluate.set_defaults(command=_evaluate)

    serve = commands.add_parser(
        "serve", help="a local review page: paste or upload a draft and see it annotated"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only)",
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="the port (default: 8000; 0 for any free one)"
    )
    serve.add_argument(
        "--max-file-size",
        type=_size,
        default=None,
        metavar="SIZE",
        help="refuse larger uploads and drafts (default: 10 MB)",
    )
    serve.add_argument("--rules", action="append", default=[], metavar="DIR")
    serve.set_defaults(command=_serve)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--rules", action="append", default=[], metavar="DIR")
    rules.set_defaults(command=_rules)
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the document date when its front matter gives none",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="a directory of extra rule files (repeatable)",
    )


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _error(message: str) -> None:
    sys.stderr.write(f"numlint: error: {message}\n")


def _input_problem(problem: InputError) -> None:
    """One line on stderr per file not checked: a warning for a file skipped for its size, an
    error for one that could not be read."""
    sys.stderr.write(f"numlint: {problem.level}: {problem}\n")


def _configurations(args: argparse.Namespace) -> list[tuple[config.Config, list[str]]]:
    """The paths grouped by the configuration nearest to each (or --config for all)."""
    if args.config:
        return [(config.load(args.config), list(args.paths))]
    groups: dict[str, list[str]] = {}
    for path in args.paths:
        groups.setdefault(config.find(path if path != "-" else ".") or "", []).append(path)
    return [
        (config.load(found) if found else config.Config(), paths) for found, paths in groups.items()
    ]


def _cache_salt(rules: list, args: argparse.Namespace, options: Options) -> str:
    """What besides a file's text decides its findings: the rules and their parameters, the
    options, whether unused suppressions are reported."""
    return repr(
        (rules, options.date, sorted(options.currencies.items()), args.report_unused_suppressions)
    )


def _run_with(args: argparse.Namespace, settings: config.Config, paths: list[str]) -> Run:
    rules = load_rules([*settings.rules, *args.rules])
    rules = select_rules(rules, args.select or settings.select, args.ignore or settings.ignore)
    rules = settings.adjust(rules)  # severities and tolerance are part of the cache key too
    engine = Engine(rules, report_unused_suppressions=args.report_unused_suppressions)
    options = Options(date=args.date, currencies=dict(settings.currency))
    cache = None if args.no_cache else Cache(args.cache_dir, _cache_salt(rules, args, options))
    jobs = args.jobs or os.cpu_count() or 1
    max_bytes = args.max_file_size or settings.max_file_size or MAX_BYTES
    return run(
        paths,
        engine,
        options,
        keep=settings.wants,
        jobs=jobs,
        cache=cache,
        max_bytes=max_bytes,
        keep_claims=args.format in WANTS_CLAIMS,
    )


def _check(args: argparse.Namespace) -> int:
    try:
        groups = _configurations(args)
    except config.ConfigError as error:
        _error(str(error))
        return EXIT_ERROR
    known = None
    if args.baseline:
        try:
            known = baseline.read(args.baseline)
        except baseline.BaselineError as error:
            _error(str(error))
            return EXIT_ERROR
    result, failing = Run(), False
    for settings, paths in groups:
        part = _run_with(args, settings, paths)
        texts = {d.path: d.text for d in part.documents}
        if known is not None:
            part.findings = baseline.new_findings(part.findings, texts, known)
        threshold = Severity.parse(args.fail_on or settings.fail_on or "info")
        failing = failing or any(f.severity >= threshold for f in part.findings)
        result.merge(part)
    if args.write_baseline:
        texts = {d.path: d.text for d in result.documents}
        baseline.write(args.write_baseline, result.findings, texts)
        sys.stderr.write(
            f"numlint: recorded {len(result.findings)} findings in {args.write_baseline}\n"
        )
        result.findings, failing = [], False  # recorded, so accepted
    for problem in result.errors:
        _input_problem(problem)
    if args.verbose:
        for document in result.documents:
            sys.stderr.write(f"{document.path}: {document.date_reason}\n")
            for note in document.notes:
                sys.stderr.write(f"{document.path}: {note}\n")
        for item in result.notes:
            where = item.location
            sys.stderr.write(
                f"{where.path}:{where.line}:{where.column}: {item.rule}: {item.message}\n"
            )
    _encode_output(args.format)
    FORMATTERS[args.format](result, sys.stdout)
    if result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _encode_output(format: str) -> None:
    """Formats for programs (JSON, SARIF, HTML ...) are written as UTF-8, as they say they are,
    whatever the locale; text for people in the terminal's encoding, a character it lacks as ?."""
    try:
        if format == "text":
            sys.stdout.reconfigure(errors="replace")
        else:
            sys.stdout.reconfigure(encoding="utf-8")
    except (AttributeError, ValueError, OSError):
        pass  # not a text stream that can be reconfigured: written as it is


def _claims(args: argparse.Namespace) -> int:
    from checker.document import analyze_source

    sources, errors = read_sources(args.paths)
    for error in errors:
        _input_problem(error)
    rows = [
        row
        for source in sources
        for row in analyze_source(source, Options(date=args.date)).claim_rows()
    ]
    _encode_output(args.format)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _table(rows, ["path", "line", "text", "kind", "value", "unit", "measured", "scope"])
    return EXIT_ERROR if errors else EXIT_CLEAN


def _table(rows: list[dict], columns: list[str]) -> None:
    widths = {c: max([len(c), *(len(str(r[c])) for r in rows)]) for c in columns}
    widths = {c: min(w, 40) for c, w in widths.items()}
    sys.stdout.write("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip() + "\n")
    for row in rows:
        cells = [_clip(str(row[c]), widths[c]).ljust(widths[c]) for c in columns]
        sys.stdout.write("  ".join(cells).rstrip() + "\n")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from checker import evaluation

    folder = Path(args.folder)
    if not folder.is_dir():
        _error(f"{folder}: not a folder of annotated articles")
        return EXIT_ERROR
    try:
        results = evaluation.evaluate(folder, load_rules(args.rules))
    except evaluation.AnnotationError as error:
        _error(str(error))
        return EXIT_ERROR
    table = evaluation.scores(results)
    if args.format == "json":
        json.dump(_score_rows(table), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    if args.verbose:
        _evaluation_details(results)
    rows = _score_rows(table)
    sys.stdout.write(f"{len(results)} articles in {folder}\n")
    _table(rows, ["rule", "planted", "caught", "missed", "false_alarms", "precision", "recall"])
    return EXIT_CLEAN


def _score_rows(table: dict) -> list[dict]:
    def ratio(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    ordered = [*sorted(k for k in table if k), ""]
    return [
        {
            "rule": key or "all rules",
            "planted": table[key].planted,
            "caught": table[key].caught,
            "missed": table[key].missed,
            "false_alarms": table[key].false_alarms,
            "precision": ratio(table[key].precision),
            "recall": ratio(table[key].recall),
        }
        for key in ordered
    ]


def _evaluation_details(results: list) -> None:
    for result in results:
        path = result.article.path
        for annotation in result.missed:
            reason = f" (known: {annotation.known_miss})" if annotation.known_miss else ""
            sys.stdout.write(f"{path}:{annotation.line}: missed {annotation.rule}{reason}\n")
        for finding in result.false_alarms:
            where = finding.location
            sys.stdout.write(
                f"{path}:{where.line}: false alarm {finding.rule}: {finding.message}\n"
            )


def _serve(args: argparse.Namespace) -> int:
    from checker.serve import serve

    if not 0 <= args.port <= 65535:
        _error(f"--port: not a port number: {args.port}")
        return EXIT_ERROR

    def announce(url: str, local: bool) -> None:
        sys.stderr.write(f"numlint: the review page is at {url} (Ctrl+C stops it)\n")
        if not local:
            sys.stderr.write(
                f"numlint: warning: listening on {args.host}: anyone who can reach this "
                "machine can use the page\n"
            )
        sys.stderr.flush()

    try:
        serve(
            load_rules(args.rules), args.host, args.port, args.max_file_size or MAX_BYTES, announce
        )
    except OSError as error:
        _error(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}")
        return EXIT_ERROR
    return EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    rules = load_rules(args.rules)
    ids = max((len(r.id) for r in rules), default=0)
    kinds = max((len(r.kind) for r in rules), default=0)
    for rule in rules:
        line = f"{rule.id:<{ids}}  {rule.severity!s:<8} {rule.kind:<{kinds}}  {rule.description}"
        sys.stdout.write(line + "\n")
    return EXIT_CLEAN
