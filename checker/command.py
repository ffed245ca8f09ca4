"""The ``numlint`` command's entry point: the CLI, with the garbage collector set for it.

Starting up (importing spaCy, building the pipeline) makes about a million Python objects that all
live until the process ends. With Python's default thresholds the collector walks them some 250
times while they are being made, about a sixth of the start-up. The command owns its process, so it
collects young objects a hundred times less often; the library (``checker.*``) leaves the collector
as it finds it.
"""

from __future__ import annotations

import gc

YOUNG_OBJECTS_BETWEEN_COLLECTIONS = 100_000  # Python's default is 700


def main() -> int:
    gc.set_threshold(YOUNG_OBJECTS_BETWEEN_COLLECTIONS)
    from checker.cli import main as run

    return run()
