"""The ``numlint`` command's entry point: the CLI, run as a short process that owns its interpreter.

Starting up (importing spaCy, building the pipeline) makes about a million Python objects that all
live until the process ends. With Python's default thresholds the collector walks them some 250
times while they are being made, about a sixth of the start-up. The command owns its process, so it
collects young objects a hundred times less often; the library (``checker.*``) leaves the collector
as it finds it.

Tearing those objects down again when the interpreter ends (every module dictionary, spaCy's vocab
and string store) costs about a fifth of a short run and frees nothing the operating system would
not reclaim at once. So once the command has written everything and flushed its streams, the process
ends without the teardown, unless a profiler or tracer (coverage) is watching and needs it.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn

YOUNG_OBJECTS_BETWEEN_COLLECTIONS = 100_000  # Python's default is 700
EXIT_WHEN_OUTPUT_FAILS = 2  # the CLI's exit code for an error


def run() -> int:
    """Run the CLI on ``sys.argv`` with the collector set for it: the exit code."""
    if sys.stdout is None:  # started with its standard output closed (`numlint check x >&-`)
        if sys.stderr is not None:
            sys.stderr.write("numlint: standard output is closed: nothing can be reported\n")
        return EXIT_WHEN_OUTPUT_FAILS
    gc.set_threshold(YOUNG_OBJECTS_BETWEEN_COLLECTIONS)
    from checker.cli import main as cli

    return cli()


def main() -> int:
    """The entry point: run the CLI, flush, and end the process at once when nothing is watching."""
    code = run()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return code
    end_process(code)


def end_process(code: int) -> NoReturn:
    """Flush the standard streams and end the process with ``code``, skipping the teardown."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (numlint ... | head), a closed stream
            code = code or EXIT_WHEN_OUTPUT_FAILS
    os._exit(code)
