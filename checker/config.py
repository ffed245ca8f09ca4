"""Configuration: ``[tool.numlint]`` in pyproject.toml or a ``.numlint.toml``.

The file is found by walking up from the checked path's directory (the first ``.numlint.toml``, or
``pyproject.toml`` with a ``[tool.numlint]`` table), or given with ``--config``. Options on the
command line win over the file. Unknown keys are an error naming the file and the key.

    [tool.numlint]
    select = ["currency", "conflicting-figures"]
    ignore = ["weekday-date"]
    severity = { inconsistent-rounding = "info" }
    rules = ["house-rules"]            # extra rule folders, relative to this file
    include = ["articles/**/*.md"]     # within directories given on the command line
    exclude = ["articles/archive/**"]
    currency = { "$" = "CAD" }         # what a bare ambiguous symbol means
    fx-tolerance = 0.03                # currency-conversion: deviation accepted below a warning
    fail-on = "warning"
    max-file-size = "20 MB"            # larger files are skipped with a warning (default 10 MB)
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.findings import Severity
from checker.rules import Rule
from checker.source import parse_size

SECTION = "tool.numlint"
_FAIL_ON = ("error", "warning", "info")


class ConfigError(ValueError):
    """A configuration that cannot be used; str() is one line naming the file."""


@dataclass(frozen=True)
class Config:
    path: str = ""
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    currency: dict[str, str] = field(default_factory=dict)
    fx_tolerance: float | None = None
    fail_on: str | None = None
    max_file_size: int | None = None

    @property
    def root(self) -> Path:
        return Path(self.path).parent if self.path else Path.cwd()

    @functools.cached_property
    def _real_root(self) -> Path:
        return _real(self.root)

    def wants(self, file: str) -> bool:
        """Whether a file found by walking a directory is checked (include and exclude globs,
        matched against its path relative to the configuration's folder)."""
        if not self.include and not self.exclude:
            return True
        try:
            relative = _real(file).relative_to(self._real_root).as_posix()
        except ValueError:
            relative = Path(file).as_posix()
        if self.include and not any(fnmatch.fnmatch(relative, g) for g in self.include):
            return False
        return not any(fnmatch.fnmatch(relative, g) for g in self.exclude)

    def adjust(self, rules: list[Rule]) -> list[Rule]:
        """The rules with this configuration's severities and FX tolerance."""
        adjusted = []
        for rule in rules:
            if rule.id in self.severity:
                rule = dataclasses.replace(rule, severity=self.severity[rule.id])
            if self.fx_tolerance is not None and rule.id == "currency-conversion":
                parameters = dataclasses.replace(rule.parameters, tolerance=self.fx_tolerance)
                rule = dataclasses.replace(rule, parameters=parameters)
            adjusted.append(rule)
        return adjusted


def find(start: str) -> str | None:
    """The configuration nearest to ``start`` (a file or a folder), walking up."""
    folder = _real(start)
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        dot = candidate / ".numlint.toml"
        if dot.is_file():
            return str(dot)
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_section(pyproject):
            return str(pyproject)
    return None


def _real(path: str | Path) -> Path:
    """The absolute path with symlinks resolved as far as they go: unlike Path.resolve(), a
    symlink loop is not an error here (reading the file reports it)."""
    return Path(os.path.realpath(path))


def _has_section(path: Path) -> bool:
    try:
        tool = tomllib.loads(path.read_text(encoding="utf-8")).get("tool")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(tool, dict) and "numlint" in tool


def load(path: str) -> Config:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error.strerror}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if Path(path).name == ".numlint.toml":
        return _parse(path, data)
    tool = data.get("tool", {})
    table = tool.get("numlint", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {SECTION} must be a table")
    return _parse(path, table)


_KEYS = {"select", "ignore", "severity", "rules", "include", "exclude", "currency",
         "fx-tolerance", "fail-on", "max-file-size"}  # fmt: skip


def _parse(path: str, table: dict[str, Any]) -> Config:
    where = SECTION if Path(path).name == "pyproject.toml" else "the configuration"
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{path}: unknown key {key!r} in {where}")
    root = Path(path).parent
    severity = {}
    for rule, level in _table(path, table, "severity").items():
        try:
            severity[rule] = Severity.parse(str(level))
        except ValueError as error:
            raise ConfigError(f"{path}: severity.{rule}: {error}") from None
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in _FAIL_ON:
        raise ConfigError(f"{path}: fail-on must be one of {', '.join(_FAIL_ON)}")
    tolerance = table.get("fx-tolerance")
    if tolerance is not None and not (isinstance(tolerance, int | float) and 0 <= tolerance < 1):
        raise ConfigError(f"{path}: fx-tolerance must be a number from 0 to 1")
    max_file_size = table.get("max-file-size")
    if max_file_size is not None:
        try:
            max_file_size = parse_size(max_file_size)
        except ValueError as error:
            raise ConfigError(f"{path}: max-file-size: {error}") from None
    return Config(
        path=path,
        select=_strings(path, table, "select"),
        ignore=_strings(path, table, "ignore"),
        severity=severity,
        rules=tuple(str(root / d) for d in _strings(path, table, "rules")),
        include=_strings(path, table, "include"),
        exclude=_strings(path, table, "exclude"),
        currency=_currencies(path, table),
        fx_tolerance=None if tolerance is None else float(tolerance),
        fail_on=fail_on,
        max_file_size=max_file_size,
    )


def _strings(path: str, table: dict[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def _currencies(path: str, table: dict[str, Any]) -> dict[str, str]:
    currencies = _table(path, table, "currency")
    for symbol, code in currencies.items():
        if not isinstance(code, str):
            raise ConfigError(f'{path}: currency.{symbol} must be a currency code such as "CAD"')
    return dict(currencies)


def _table(path: str, table: dict[str, Any], key: str) -> dict[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {key} must be a table")
    return value
