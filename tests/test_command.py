"""The ``numlint`` command's entry point: the CLI, with the collector set for a short process, which
ends without the interpreter's teardown once its output is flushed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
        "import gc, sys; from checker.command import run, YOUNG_OBJECTS_BETWEEN_COLLECTIONS as n\n"
        "sys.argv = ['numlint', 'rules']\n"
        "run(); print(gc.get_threshold()[0] == n)"
    )
    assert run_python(code).splitlines()[-1] == "True"


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "--version"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and __version__ in done.stdout


def a_draft_with_findings(tmp_path: Path) -> Path:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "The Chinese firm will invest ¥100 billion (approximately $1.457 billion) in robots.\n",
        encoding="utf-8",
    )
    return draft


def test_the_command_ends_with_its_exit_code_and_all_of_its_output(tmp_path: Path) -> None:
    draft = a_draft_with_findings(tmp_path)
    code = (
        "import sys; from checker.command import main\n"
        f"sys.argv = ['numlint', 'check', '--no-cache', '--format', 'json', {str(draft)!r}]\n"
        "main(); print('after main')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "after main" not in done.stdout  # the process ended in main
    findings = json.loads(done.stdout)["findings"]
    assert [f["rule"] for f in findings] == ["currency-conversion"]


def test_under_a_profiler_the_command_returns_so_that_the_profiler_can_report() -> None:
    code = (
        "import sys; from checker.command import main\n"
        "sys.argv = ['numlint', 'rules']\n"
        "sys.setprofile(lambda *args: None)\n"
        "returned = main(); sys.setprofile(None); print('returned', returned)"
    )
    assert run_python(code).splitlines()[-1] == "returned 0"


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    drafts = []
    for number in range(40):
        draft = tmp_path / f"draft{number:02}.md"
        draft.write_text(a_draft_with_findings(tmp_path).read_text("utf-8"), "utf-8")
        drafts.append(str(draft))
    command = [sys.executable, "-m", "checker", "check", "--no-cache", "--date", "2019-05-21"]
    with subprocess.Popen(
        [*command, *drafts], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # like `numlint check ... | head -0`
        errors = process.stderr.read().decode()
        code = process.wait(timeout=120)
    assert "Traceback" not in errors and "Exception ignored" not in errors
    assert code == 2


def test_a_closed_standard_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    draft = a_draft_with_findings(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--no-cache", str(draft)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.close(1),  # as `numlint check draft.md >&-`
    )
    assert done.returncode == 2
    message = "numlint: standard output is closed: nothing can be reported"
    assert done.stderr.splitlines() == [message]
