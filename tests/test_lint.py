"""The code stays clean under ruff, with the settings in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_check() -> None:
    folders = [name for name in ("checker", "tests", "benchmarks") if (ROOT / name).is_dir()]
    result = subprocess.run(["ruff", "check", *folders], cwd=ROOT,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
