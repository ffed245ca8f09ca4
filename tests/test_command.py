"""The ``numlint`` command's entry point: the CLI, with the collector set for a short process."""

from __future__ import annotations

import subprocess
import sys

from checker import __version__


def run_python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


def test_the_command_collects_less_often_and_the_library_does_not_change_the_collector() -> None:
    default = run_python("import gc; print(gc.get_threshold()[0])")
    assert run_python("import gc, checker.cli; print(gc.get_threshold()[0])") == default
    code = (
        "import gc, sys; from checker.command import main, YOUNG_OBJECTS_BETWEEN_COLLECTIONS as n\n"
        "sys.argv = ['numlint', 'rules']\n"
        "main(); print(gc.get_threshold()[0] == n)"
    )
    assert run_python(code).splitlines()[-1] == "True"


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "--version"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and __version__ in done.stdout
