"""How fast numlint is and how much memory it takes, each figure from whole processes run here and
now, beside a reference run in the same session: prints figures, asserts nothing.

1. throughput: `numlint check` on the first 2,000 Reuters stories against bare
   ``spacy.blank("en")`` tokenisation of the same files (target: ratio at least 0.3), with one
   process and with two
2. cold start: `numlint check` on one 800-word article against ``python -c "import spacy"``
   (target: at most 1.5 times)
3. scaling: one document of 10^3 ... 10^6 words made by repeating corpus/articles (time should grow
   about linearly: each ratio about 10 between successive sizes)
4. memory: peak resident memory of each scaling run (target: under 1 GiB for 10^6 words)
5. parallelism: --jobs 2 against --jobs 1 on the 2,000 stories (target: at least 1.7 times),
   beside what this machine gives two processes at all: two CPU-bound Python loops at once
   against one (2.0 on two idle cores)

    python3 benchmarks/performance.py                 # all of it, about eight minutes on 2 cores
    python3 benchmarks/performance.py --only scaling --largest 100000

Points 1 and 5 need ../shared/corpora/reuters21578 and are skipped without it. Every check runs
with --no-cache, so that the results cache cannot answer; one untimed check first writes
numlint's bytecode and fills the data cache (parsed ECB rates, unit definitions), as the first
run after installing does; the cold start of such a first run is printed too.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "articles"
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578" / "docs"
NUMLINT = [sys.executable, "-m", "checker", "check", "--no-cache", "--format", "line"]
TOKENISE = (
    "import pathlib, sys, spacy\n"
    "nlp = spacy.blank('en')\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):\n"
    "    nlp(path.read_text(encoding='utf-8'))\n"
)
# A yardstick for point 5: how much faster two CPU-bound Python processes finish twice the work
# than one process does it once, on this machine now (2.0 on two idle cores, less when they share
# a physical core or a busy host).
SPIN = "total = 0\nfor i in range(12_000_000):\n    total += i * i % 7\n"
AT_ONCE = (
    "import subprocess, sys\n"
    "commands = [line.split('\\t') for line in sys.argv[1:]]\n"
    "for process in [subprocess.Popen(c) for c in commands]:\n"
    "    process.wait()\n"
)
SECTIONS = ("reuters", "cold-start", "scaling")
# As on a user's machine: Python may write bytecode (a sandbox may set PYTHONDONTWRITEBYTECODE,
# which makes every run compile numlint afresh while spaCy's bytecode came with its install).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Timing:
    seconds: float  # median wall-clock time
    peak_mib: float  # largest peak resident memory of the runs


def run_once(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run ``command`` as a whole process: (wall seconds, peak resident MiB)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**ENVIRONMENT, **(env or {})},
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    # Exit code 1 is numlint's "findings" and a crashed Python's: a traceback tells them apart.
    if code not in (0, 1) or "Traceback (most recent call last)" in stderr:
        sys.exit(f"failed with exit code {code}: {' '.join(command)}\n{stderr[-2000:]}")
    return wall, usage.ru_maxrss / 1024  # KiB on Linux


def timed(command: Sequence[str], runs: int, env: dict[str, str] | None = None) -> Timing:
    """Run ``command`` ``runs`` times: the median wall time, the largest peak RSS."""
    results = [run_once(command, env) for _ in range(runs)]
    return Timing(statistics.median(r[0] for r in results), max(r[1] for r in results))


def paired(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Each command once per round, in turn, for ``runs`` rounds: the wall times per command.
    Ratios are taken round by round, so that a machine whose speed drifts (a shared one) does not
    tilt them."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(run_once(command)[0])
    return times


def median_ratio(numerators: list[float], denominators: list[float]) -> float:
    return statistics.median(a / b for a, b in zip(numerators, denominators, strict=True))


def article_words() -> list[str]:
    """The corpus articles' prose, front matter dropped, one string per article."""
    texts = []
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        texts.append(text.strip())
    return texts


def document_of(words: int) -> str:
    """At least ``words`` words of whole corpus articles, repeated in turn."""
    texts, parts, count = article_words(), [], 0
    while count < words:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        count += len(text.split())
    return "\n\n".join(parts) + "\n"


def article_of(words: int) -> str:
    """About ``words`` words: whole paragraphs of the corpus articles until there are enough."""
    paragraphs, count = [], 0
    for text in article_words():
        for paragraph in text.split("\n\n"):
            if count >= words:
                return "\n\n".join(paragraphs) + "\n"
            paragraphs.append(paragraph)
            count += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def reuters_folder(work: Path, count: int) -> Path | None:
    if not REUTERS.is_dir():
        print(f"skipped: {REUTERS} is not here")
        return None
    folder = work / "reuters"
    folder.mkdir(exist_ok=True)
    for path in sorted(REUTERS.glob("*.txt"))[:count]:
        shutil.copy(path, folder / path.name)
    return folder


def reuters(work: Path, runs: int, stories: int) -> None:
    """Points 1 and 5, from the same rounds."""
    folder = reuters_folder(work, stories)
    if folder is None:
        return
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.iterdir())
    spin = [sys.executable, "-c", SPIN]
    times = paired(
        {
            "tokeniser": [sys.executable, "-c", TOKENISE, str(folder)],
            "1": [*NUMLINT, "--jobs", "1", str(folder)],
            "2": [*NUMLINT, "--jobs", "2", str(folder)],
            "spin": spin,
            "spin twice at once": at_once([spin, spin]),
        },
        runs,
    )
    print(f"\n1. throughput: the first {stories} Reuters stories ({words:,} words)")
    print(f"   spacy.blank('en') tokenisation  {statistics.median(times['tokeniser']):6.2f} s")
    for jobs in ("1", "2"):
        seconds = statistics.median(times[jobs])
        print(
            f"   numlint check --jobs {jobs}          {seconds:6.2f} s   "
            f"{words / seconds:8,.0f} words/s   tokeniser/numlint "
            f"{median_ratio(times['tokeniser'], times[jobs]):.2f} (target >= 0.3)"
        )
    speedup = median_ratio(times["1"], times["2"])
    print(f"\n5. parallelism, same stories: --jobs 2 is {speedup:.2f} times as fast as --jobs 1")
    print("   (target >= 1.7)")
    capacity = median_ratio([2 * t for t in times["spin"]], times["spin twice at once"])
    print(
        f"   this machine, same rounds: two CPU-bound Python processes at once do {capacity:.2f} "
        "times the\n   work of one in the same time (2.00 on two idle cores); with that, "
        f"--jobs 2 has {speedup / capacity:.0%}\n   of what the machine gives two processes"
    )


def at_once(commands: list[list[str]]) -> list[str]:
    """One command that runs ``commands`` side by side and ends when all have."""
    return [sys.executable, "-c", AT_ONCE, *("\t".join(c) for c in commands)]


def warm_up(work: Path) -> None:
    """One check before the timed ones, as any run after installing: Python writes numlint's
    bytecode (site-packages already has spaCy's) and the data cache gets the parsed rates."""
    article = work / "article.md"
    article.write_text(article_of(800), encoding="utf-8")
    timed([*NUMLINT, str(article)], 1)


def cold_start(work: Path, runs: int) -> None:
    article = work / "article.md"
    words = len(article.read_text(encoding="utf-8").split())
    print(f"\n2. cold start: one article of {words} words")
    times = paired(
        {"spacy": [sys.executable, "-c", "import spacy"], "numlint": [*NUMLINT, str(article)]},
        runs,
    )
    print(f"   python -c 'import spacy'  {statistics.median(times['spacy']):5.2f} s")
    print(
        f"   numlint check article.md  {statistics.median(times['numlint']):5.2f} s   "
        f"{median_ratio(times['numlint'], times['spacy']):.2f} times (target <= 1.5)"
    )
    first = timed([*NUMLINT, str(article)], 1, {"NUMLINT_DATA_DIR": str(work / "empty-cache")})
    print(f"   the first run after installing (no data cache yet): {first.seconds:.2f} s")


def scaling(work: Path, runs: int, largest: int) -> None:
    print("\n3-4. scaling and memory: one document made of whole corpus articles")
    print("   words        seconds   x previous   peak memory")
    previous = None
    size = 1000
    while size <= largest:
        path = work / f"document-{size}.md"
        path.write_text(document_of(size), encoding="utf-8")
        result = timed(
            [*NUMLINT, "--max-file-size", "1 GB", str(path)], 1 if size >= 10**5 else runs
        )
        growth = f"{result.seconds / previous:8.1f}" if previous else "        "
        print(f"   {size:>9,}  {result.seconds:9.2f}   {growth}     {result.peak_mib:7.0f} MiB")
        previous = result.seconds
        size *= 10
    print("   (target: about 10 times per step once start-up is amortised; under 1,024 MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run only these parts")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is shown)")
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--largest", type=int, default=10**6, help="largest document in words")
    args = parser.parse_args()
    chosen = args.only or SECTIONS
    print(
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"median of {args.runs} runs where not said otherwise"
    )
    work = Path(tempfile.mkdtemp(prefix="numlint-performance-"))
    try:
        warm_up(work)
        if "reuters" in chosen:
            reuters(work, args.runs, args.stories)
        if "cold-start" in chosen:
            cold_start(work, args.runs)
        if "scaling" in chosen:
            scaling(work, args.runs, args.largest)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
