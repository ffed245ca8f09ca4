"""Runs quantulum3 (in the benchmark's own environment) over files and prints its mentions as JSON.

python quantulum_worker.py FILE...   ->   {"FILE": [[start, end, category, value, unit], ...]}
"""

from __future__ import annotations

import json
import sys
import warnings


def category(quantity) -> str:
    if quantity.unit.entity.name == "currency":
        return "money"
    if quantity.unit.name == "percentage":
        return "percent"
    if quantity.unit.entity.name == "dimensionless":
        return "count"
    return "measure"


def main() -> None:
    warnings.simplefilter("ignore")
    from quantulum3 import parser

    found = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        mentions = []
        for quantity in parser.parse(text):
            start, end = quantity.span
            mentions.append([start, end, category(quantity), quantity.value, quantity.unit.name])
        found[path] = mentions
    json.dump(found, sys.stdout)


if __name__ == "__main__":
    main()
