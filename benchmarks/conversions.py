"""Conversions on real text: how many numlint finds, how many it can judge, what it reports.

    python3 benchmarks/conversions.py [--reuters N]

For the Reuters 1987 wire (each story dated from its metadata) and the Wikipedia articles, prints
the stated conversions found (currency and unit pairs), how many were checked (the rest are noted
as not judged, e.g. currencies before the ECB's 1999 start), the findings, and for each finding the
verdict recorded by hand in benchmarks/conversion_verdicts.yaml ("real error" or "false alarm").
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import CORPORA, plain, reuters

from checker.document import Options, analyze_source
from checker.engine import Engine, select_rules
from checker.rules import load_rules
from checker.source import InputError, load_source

VERDICTS = Path(__file__).with_name("conversion_verdicts.yaml")
RULES = ("currency-conversion", "unit-conversion")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=int, default=None, help="only the first N stories")
    args = parser.parse_args()
    engine = Engine(select_rules(load_rules(), RULES))
    verdicts = yaml.safe_load(VERDICTS.read_text(encoding="utf-8")) or {}
    corpora = {
        "reuters21578": reuters(args.reuters),
        "wikitext2_test": plain("wikitext2_test"),
    }
    totals: Counter[str] = Counter()
    for name, documents in corpora.items():
        counts = measure(name, documents, engine, verdicts)
        totals.update(counts)
    print(f"\nall: {summary(totals)}")


def measure(name: str, documents, engine: Engine, verdicts: dict) -> Counter[str]:
    counts: Counter[str] = Counter()
    lines = []
    for path, date in documents:
        try:
            document = analyze_source(load_source(path), Options(date=date))
        except InputError as error:
            print(f"{error}", file=sys.stderr)
            continue
        counts["documents"] += 1
        pairs = conversions(document)
        counts["found"] += len(pairs)
        found, notes = engine.review(document)
        unjudged = {n.location.start for n in notes if n.rule in RULES}
        counts["checked"] += sum(1 for _, stated in pairs if stated.start not in unjudged)
        for finding in found:
            counts["findings"] += 1
            key = f"{name}/{path.name}:{finding.location.line}:{finding.rule}"
            verdict = verdicts.get(key, "unreviewed")
            counts[verdict.split(":")[0]] += 1
            lines.append(f"  {key}: {verdict}\n      {finding.message}")
    print(f"{name}: {summary(counts)}")
    print("\n".join(lines))
    return counts


def conversions(document) -> list:
    """Stated equivalences between two currencies or two units."""
    pairs = []
    for claim in document.claims:
        source = document.claim_at(claim.equivalent_of) if claim.equivalent_of >= 0 else None
        if source is None or source.kind != claim.kind or source.kind not in ("money", "quantity"):
            continue
        if source.unit != claim.unit or claim.currency_symbol:
            pairs.append((source, claim))
    return pairs


def summary(counts: Counter[str]) -> str:
    return (
        f"{counts['documents']} documents, {counts['found']} conversions found, "
        f"{counts['checked']} checked, {counts['findings']} findings "
        f"({counts['real error']} real errors, {counts['false alarm']} false alarms, "
        f"{counts['unreviewed']} unreviewed)"
    )


if __name__ == "__main__":
    print(f"corpora: {CORPORA}")
    main()
