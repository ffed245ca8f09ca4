"""The pre-commit hook and the GitHub Action: their files parse, and the hook runs on a
throwaway git repository (with the installed numlint: pre-commit's own install of the hook would
download numlint's dependencies, which a test must not)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WRONG = "The firm will invest ¥100 billion (approximately $1.457 billion) in robots.\n"


def test_the_hook_and_the_action_are_well_formed() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "numlint" and hook["entry"] == "numlint check"
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "format", "fail-on"} <= set(action["inputs"])


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_hook_fails_a_commit_with_a_wrong_conversion(tmp_path) -> None:
    pytest.importorskip("pre_commit")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    local = {**hook, "language": "system"}  # the installed numlint instead of a fresh venv
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "draft.md").write_text("---\ndate: 2019-05-21\n---\n\n" + WRONG, encoding="utf-8")
    (tmp_path / "clean.md").write_text("Revenue rose 5% to $2.1 billion in 2023.\n", "utf-8")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    command = [sys.executable, "-m", "pre_commit", "run", "--files", "draft.md", "clean.md"]
    failed = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert failed.returncode == 1
    assert "draft.md:5:" in failed.stdout and "currency-conversion" in failed.stdout
    passed = subprocess.run([*command[:-2], "clean.md"], cwd=tmp_path, capture_output=True)
    assert passed.returncode == 0
