"""The real-text corpora in ../shared/corpora, as (path, date) pairs, for the benchmark scripts.

Nothing here is copied into the project: the scripts read the corpora where they are, and exit
cleanly with a message when they are absent (set NUMLINT_CORPORA to use another location).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(os.environ.get("NUMLINT_CORPORA", ROOT.parent / "shared" / "corpora"))


def require(name: str) -> Path:
    """The corpus folder, or exit 0 with a message: a missing corpus skips the benchmark."""
    folder = CORPORA / name
    if not folder.is_dir():
        print(f"skipped: {folder} is not here (set NUMLINT_CORPORA)")
        sys.exit(0)
    return folder


def reuters(limit: int | None = None) -> Iterator[tuple[Path, dt.date | None]]:
    folder = require("reuters21578")
    with (folder / "metadata.jsonl").open(encoding="utf-8") as lines:
        for count, line in enumerate(lines):
            if limit is not None and count >= limit:
                return
            meta = json.loads(line)
            date = dt.datetime.strptime(meta["date"].split()[0], "%d-%b-%Y").date()
            yield folder / meta["file"], date


def plain(name: str, date: dt.date | None = None) -> Iterator[tuple[Path, dt.date | None]]:
    """A corpus of plain documents under docs/: WSJ (1989), Wikipedia (undated), TAT-QA."""
    for path in sorted((require(name) / "docs").iterdir()):
        if path.suffix in (".txt", ".md"):
            yield path, date
