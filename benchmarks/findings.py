"""Findings per 1,000 real documents, per rule, each one looked up in a file of reviewed verdicts.

    python3 benchmarks/findings.py [--limit N] [--corpus reuters21578|wsj_treebank_sample|...]

Runs every built-in rule over the corpora in ../shared/corpora (Reuters 1987, WSJ 1989, Wikipedia
articles, passages of annual reports; skipped cleanly when absent) and
prints, per corpus and rule, the findings per 1,000 documents, and how many of them were reviewed
in benchmarks/finding_verdicts.yaml as real errors in the source or as false alarms. A finding not
yet reviewed is listed so that someone looks at it. The figures go in README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import plain, reuters

from checker.document import Options, analyze_source
from checker.engine import Engine
from checker.rules import load_rules
from checker.source import load_source

VERDICTS = Path(__file__).with_name("finding_verdicts.yaml")
WSJ_DATE = dt.date(1989, 11, 1)  # the sample's stories are from late 1989
CORPORA = {
    "reuters21578": lambda limit: reuters(limit),
    "wsj_treebank_sample": lambda limit: _first(plain("wsj_treebank_sample", WSJ_DATE), limit),
    "wikitext2_test": lambda limit: _first(plain("wikitext2_test"), limit),
    "tatqa_financial_reports": lambda limit: _first(plain("tatqa_financial_reports"), limit),
}


def _first(documents: Iterator[tuple[Path, dt.date | None]], limit: int | None) -> Iterator:
    for count, document in enumerate(documents):
        if limit is not None and count >= limit:
            return
        yield document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    args = parser.parse_args()
    verdicts = _load_verdicts()
    engine = Engine(load_rules())
    unreviewed: list[str] = []
    for name in args.corpus or sorted(CORPORA):
        started = time.perf_counter()
        documents, findings = _run(engine, CORPORA[name](args.limit))
        seconds = time.perf_counter() - started
        print(f"\n{name}: {documents} documents in {seconds:.1f} s")
        _table(name, documents, findings, verdicts, unreviewed)
    if unreviewed:
        print("\nnot reviewed yet (add to benchmarks/finding_verdicts.yaml):")
        print("\n".join(f"  {line}" for line in unreviewed))


def _run(engine: Engine, documents: Iterator[tuple[Path, dt.date | None]]) -> tuple[int, list]:
    count, found = 0, []
    for path, date in documents:
        document = analyze_source(load_source(path), Options(date=date))
        found.extend((path.name, f) for f in engine.check(document))
        count += 1
    return count, found


def _table(
    corpus: str, documents: int, findings: list, verdicts: dict, unreviewed: list[str]
) -> None:
    per_rule: Counter[str] = Counter()
    real: Counter[str] = Counter()
    false: Counter[str] = Counter()
    for name, finding in findings:
        key = f"{corpus}/{name}:{finding.location.line}:{finding.rule}"
        per_rule[finding.rule] += 1
        verdict = verdicts.get(key)
        if verdict == "real":
            real[finding.rule] += 1
        elif verdict == "false alarm":
            false[finding.rule] += 1
        else:
            unreviewed.append(f"{key}: {finding.message}")
    print(f"  {'rule':24} {'findings':>8} {'per 1,000':>9} {'real':>5} {'false':>5}")
    for rule in sorted(per_rule):
        rate = per_rule[rule] * 1000 / max(documents, 1)
        print(f"  {rule:24} {per_rule[rule]:8} {rate:9.1f} {real[rule]:5} {false[rule]:5}")
    total_false = sum(false.values())
    print(
        f"  all rules: {len(findings)} findings, {total_false} false alarms = "
        f"{total_false * 100 / max(documents, 1):.2f} per 100 documents"
    )


def _load_verdicts() -> dict[str, str]:
    entries = yaml.safe_load(VERDICTS.read_text(encoding="utf-8")) or []
    return {entry["finding"]: entry["verdict"] for entry in entries}


if __name__ == "__main__":
    main()
