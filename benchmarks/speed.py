"""How long `numlint check` takes on a repository of articles: one process, all cores, and a
re-check of the unchanged repository from the cache.

The repository is made in a temporary folder from corpus/articles, each copy given a line of its
own so that no two files have the same text. Prints wall-clock seconds and files per second; it
asserts nothing.

    python3 benchmarks/speed.py --files 2000
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"


def make_repository(folder: Path, count: int) -> None:
    articles = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt"))
    for i in range(count):
        source = articles[i % len(articles)]
        text = source.read_text(encoding="utf-8")
        sub = folder / f"section-{i // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}-{source.name}").write_text(f"{text}\nArchive copy {i}.\n", "utf-8")


def timed(*args: str) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "checker", "check", "--format", "line", *args]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="numlint-speed-"))
    try:
        repository, cache = work / "articles", work / "cache"
        repository.mkdir()
        make_repository(repository, args.files)
        runs = [
            ("1 process, no cache", ["--no-cache", "--jobs", "1"]),
            (f"{cores} processes, no cache", ["--no-cache", "--jobs", str(cores)]),
            (f"{cores} processes, filling the cache", ["--cache-dir", str(cache)]),
            ("re-check from the cache", ["--cache-dir", str(cache)]),
        ]
        print(f"{args.files} articles from corpus/articles, {cores} cores")
        for label, options in runs:
            seconds = timed(*options, str(repository))
            print(f"  {label:36} {seconds:8.1f} s {args.files / seconds:9.0f} files/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
