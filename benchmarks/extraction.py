"""Claim extraction against gold mentions, numlint and its peers side by side, scored alike.

    python3 benchmarks/extraction.py [--no-install]

Gold: NUMEX MONEY, PERCENT and MEASURE mentions of ../shared/corpora/ieer_news (NYT and AP wire,
1998) and the Quantity spans of ../shared/corpora/measeval (science paragraphs). Systems:
numlint's claims; quantulum3, installed from PyPI into the benchmark's own environment
(benchmarks/.peers-venv, made on first use); spaCy's statistical NER when a trained English
pipeline is installed.

A predicted mention of a category matches a gold mention of that category when their spans
overlap (each gold mention matches once); "exact" also asks for the same boundaries. Precision,
recall and F1 are over mentions. The gold gives spans and categories, not normalised values, so
values are not scored. Skips cleanly when the corpora are absent.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import venv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import require

from checker.document import Options, analyze_source
from checker.source import load_source

HERE = Path(__file__).resolve().parent
PEERS_VENV = HERE / ".peers-venv"
WORKER = HERE / "peers" / "quantulum_worker.py"
IEER_TYPES = {"MONEY": "money", "PERCENT": "percent", "MEASURE": "measure"}
NUMLINT_CATEGORIES = {"money": "money", "percent": "percent", "percentage_points": "percent",
                      "quantity": "measure", "count": "count", "fraction": "count"}  # fmt: skip
SPACY_LABELS = {"MONEY": "money", "PERCENT": "percent", "QUANTITY": "measure", "CARDINAL": "count"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    category: str


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0

    def line(self) -> str:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        pe = self.exact / self.predicted if self.predicted else 0.0
        re_ = self.exact / self.gold if self.gold else 0.0
        fe = 2 * pe * re_ / (pe + re_) if pe + re_ else 0.0
        return f"{self.gold:5} {self.predicted:6} {p:6.2f} {r:6.2f} {f:6.2f} {fe:8.2f}"


# -- gold ---------------------------------------------------------------------------------------


def ieer_gold() -> dict[Path, list[Mention]]:
    folder = require("ieer_news") / "docs"
    gold: dict[Path, list[Mention]] = {}
    for sgml in sorted(folder.glob("*.annotated.sgml")):
        text_path = folder / sgml.name.replace(".annotated.sgml", ".txt")
        text = text_path.read_text(encoding="utf-8")
        gold[text_path] = list(_aligned(sgml.read_text(encoding="utf-8"), text))
    return gold


_NUMEX = re.compile(r'<b_numex type="(\w+)">(.*?)<e_numex>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _aligned(sgml: str, text: str) -> Iterable[Mention]:
    """Gold mentions found in order in the plain text (tags stripped, `` and '' as ")."""
    cursor = 0
    for kind, inner in _NUMEX.findall(sgml):
        if kind not in IEER_TYPES:
            continue
        surface = _TAG.sub("", inner).replace("``", '"').replace("''", '"')
        pattern = r"\s+".join(re.escape(part) for part in surface.split())
        match = re.compile(pattern).search(text, cursor)
        if match is None:
            continue
        cursor = match.end()
        yield Mention(match.start(), match.end(), IEER_TYPES[kind])


def measeval_gold() -> dict[Path, list[Mention]]:
    root = require("measeval")
    gold: dict[Path, list[Mention]] = {}
    for split in ("train", "eval", "trial"):
        for tsv in sorted((root / "annotations_tsv" / split).glob("*.tsv")):
            text_path = _measeval_text(root / split, tsv.stem)
            if text_path is None:
                continue
            gold[text_path] = list(_quantities(tsv))
    return gold


def _measeval_text(folder: Path, stem: str) -> Path | None:
    found = list(folder.rglob(f"{stem}.txt"))
    return found[0] if found else None


def _quantities(tsv: Path) -> Iterable[Mention]:
    seen = set()
    for row in tsv.read_text(encoding="utf-8").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) > 4 and cells[2] == "Quantity" and (cells[3], cells[4]) not in seen:
            seen.add((cells[3], cells[4]))
            yield Mention(int(cells[3]), int(cells[4]), "quantity")


# -- systems ------------------------------------------------------------------------------------


def numlint_mentions(paths: Iterable[Path], quantity: bool) -> dict[Path, list[Mention]]:
    found = {}
    for path in paths:
        document = analyze_source(load_source(path), Options())
        found[path] = [
            Mention(c.start, c.end, "quantity" if quantity else NUMLINT_CATEGORIES[c.kind])
            for c in document.claims
            if c.kind in NUMLINT_CATEGORIES
        ]
    return found


def quantulum_mentions(paths: list[Path], quantity: bool, install: bool) -> dict | None:
    python = PEERS_VENV / "bin" / "python"
    if not python.exists():
        if not install:
            return None
        print("installing quantulum3 from PyPI into benchmarks/.peers-venv ...", file=sys.stderr)
        venv.create(PEERS_VENV, with_pip=True)
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "quantulum3"], capture_output=True
        )
        if done.returncode != 0:
            return None
    found: dict[Path, list[Mention]] = {}
    for batch in (paths[i : i + 50] for i in range(0, len(paths), 50)):
        output = subprocess.run(
            [str(python), str(WORKER), *map(str, batch)], capture_output=True, text=True
        )
        if output.returncode != 0:
            return None
        for path, mentions in json.loads(output.stdout).items():
            found[Path(path)] = [
                Mention(s, e, "quantity" if quantity else category)
                for s, e, category, *_ in mentions
            ]
    return found


def spacy_mentions(paths: Iterable[Path], quantity: bool) -> dict | None:
    import spacy

    name = next((n for n in ("en_core_web_sm", "en_core_web_md") if spacy.util.is_package(n)), None)
    if name is None:
        return None
    nlp = spacy.load(name)
    found = {}
    for path in paths:
        doc = nlp(path.read_text(encoding="utf-8"))
        found[path] = [
            Mention(e.start_char, e.end_char, "quantity" if quantity else SPACY_LABELS[e.label_])
            for e in doc.ents
            if e.label_ in SPACY_LABELS
        ]
    return found


# -- scoring ------------------------------------------------------------------------------------


def score(gold: dict, predicted: dict, category: str) -> Score:
    result = Score()
    for path, gold_mentions in gold.items():
        wanted = [g for g in gold_mentions if g.category == category]
        found = [p for p in predicted.get(path, []) if p.category == category]
        result.gold += len(wanted)
        result.predicted += len(found)
        free = list(wanted)
        for mention in found:
            match = next((g for g in free if g.start < mention.end and mention.start < g.end), None)
            if match is not None:
                free.remove(match)
                result.matched += 1
                result.exact += (match.start, match.end) == (mention.start, mention.end)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-install", action="store_true", help="do not install quantulum3")
    args = parser.parse_args()
    corpora = [
        ("IEER news", ieer_gold(), ("money", "percent", "measure"), False),
        ("MeasEval", measeval_gold(), ("quantity",), True),
    ]
    print(f"{'corpus':10} {'category':9} {'system':10} {'gold':>5} {'found':>6} "
          f"{'P':>6} {'R':>6} {'F1':>6} {'exact F1':>8}")  # fmt: skip
    for name, gold, categories, as_quantity in corpora:
        paths = sorted(gold)
        systems = {
            "numlint": numlint_mentions(paths, as_quantity),
            "quantulum3": quantulum_mentions(paths, as_quantity, not args.no_install),
            "spaCy NER": spacy_mentions(paths, as_quantity),
        }
        for category in categories:
            for system, predicted in systems.items():
                if predicted is None:
                    print(f"{name:10} {category:9} {system:10} (not installed here)")
                    continue
                print(
                    f"{name:10} {category:9} {system:10} {score(gold, predicted, category).line()}"
                )


if __name__ == "__main__":
    main()
