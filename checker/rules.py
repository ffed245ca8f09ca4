"""Rules: YAML files that each extend a built-in check kind and set its parameters.

    id: currency-conversion          # defaults to the file name
    extends: conversion              # a kind from checker.checks
    severity: error                  # error | warning | info
    message: "{source} is about {expected} ..."
    description: One line for `numlint rules`.
    rate_window_days: 14             # the kind's own parameters
    examples:
      pass: [{text: "...", date: 2019-05-21}]
      fail: [{text: "..."}]

Any mistake is reported as ``file:line: problem`` through RuleError.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from checker.checks import KINDS
from checker.findings import Severity

COMMON_KEYS = {"id", "extends", "severity", "message", "description", "examples"}


class RuleError(ValueError):
    """A rule file that cannot be used; str() is 'path:line: problem'."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path, self.line, self.problem = path, line, problem


@dataclass(frozen=True)
class Example:
    text: str
    date: dt.date | None
    line: int


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: Severity
    message: str
    description: str
    parameters: Any  # the kind's Parameters dataclass
    passing: tuple[Example, ...]
    failing: tuple[Example, ...]
    path: str
    line: int


def builtin_rule_files() -> list[tuple[str, str]]:
    """(display path, text) for the rules shipped inside the package."""
    folder = resources.files("checker.builtin_rules")
    files = sorted(
        (f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml"))), key=lambda f: f.name
    )
    return [(f"rules/{f.name}", f.read_text("utf-8")) for f in files]


def user_rule_files(directory: str | Path) -> list[tuple[str, str]]:
    folder = Path(directory)
    if not folder.is_dir():
        raise RuleError(str(folder), 0, "not a directory of rules")
    found = []
    for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:
            found.append((str(path), path.read_text("utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            raise RuleError(str(path), 0, f"cannot read: {error}") from None
    return found


def load_rules(extra_dirs: Iterable[str | Path] = ()) -> list[Rule]:
    """The built-in rules, then those in ``extra_dirs``; a later rule replaces one with its id."""
    by_id: dict[str, Rule] = {}
    files = builtin_rule_files()
    for directory in extra_dirs:
        files.extend(user_rule_files(directory))
    for path, text in files:
        rule = parse_rule(path, text)
        by_id[rule.id] = rule
    return sorted(by_id.values(), key=lambda r: r.id)


def parse_rule(path: str, text: str) -> Rule:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise RuleError(path, line, f"invalid YAML: {problem}") from None
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode):
        raise RuleError(path, _line(root), "a rule must be a mapping of keys to values")
    fields = {key.value: (key, value) for key, value in root.value}
    kind_name = _required_text(path, fields, "extends", root)
    kind = KINDS.get(kind_name)
    if kind is None:
        known = ", ".join(sorted(KINDS))
        raise RuleError(
            path,
            _line(fields["extends"][1]),
            f"unknown check kind {kind_name!r} (known kinds: {known})",
        )
    parameter_fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(kind.Parameters)}
    values: dict[str, Any] = {}
    for name, (key_node, value_node) in fields.items():
        if name in COMMON_KEYS:
            continue
        field = parameter_fields.get(name) or parameter_fields.get(name.replace("_", "-"))
        if field is None:
            allowed = ", ".join(sorted(COMMON_KEYS | set(parameter_fields)))
            raise RuleError(
                path,
                _line(key_node),
                f"unknown key {name!r} for kind {kind_name!r} (allowed: {allowed})",
            )
        values[field.name] = _typed(path, value_node, field, _construct(path, value_node))
    parameters = kind.Parameters(**values)
    try:
        kind.validate(parameters)
    except ValueError as error:
        raise RuleError(path, _line(root), str(error)) from None
    rule_id = _optional_text(path, fields, "id") or Path(path).stem
    severity_text = _optional_text(path, fields, "severity") or "warning"
    try:
        severity = Severity.parse(severity_text)
    except ValueError as error:
        raise RuleError(path, _line(fields["severity"][1]), str(error)) from None
    passing, failing = _examples(path, fields.get("examples"))
    return Rule(
        id=rule_id,
        kind=kind_name,
        severity=severity,
        message=_required_text(path, fields, "message", root),
        description=_optional_text(path, fields, "description") or "",
        parameters=parameters,
        passing=passing,
        failing=failing,
        path=path,
        line=_line(root),
    )


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _construct(path: str, node: yaml.Node) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as error:
        raise RuleError(path, _line(node), f"invalid value: {error}") from None
    finally:
        loader.dispose()


def _required_text(path: str, fields: dict, name: str, root: yaml.Node) -> str:
    text = _optional_text(path, fields, name)
    if not text:
        raise RuleError(path, _line(root), f"missing required key {name!r}")
    return text


def _optional_text(path: str, fields: dict, name: str) -> str | None:
    if name not in fields:
        return None
    node = fields[name][1]
    value = _construct(path, node)
    if not isinstance(value, str):
        raise RuleError(path, _line(node), f"{name!r} must be text, not {type(value).__name__}")
    return value


def _typed(path: str, node: yaml.Node, field: dataclasses.Field, value: Any) -> Any:
    expected = field.type if not isinstance(field.type, str) else _resolve_type(field.type)
    origin = typing.get_origin(expected)
    if expected is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if expected is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if expected is bool and isinstance(value, bool):
        return value
    if expected is str and isinstance(value, str):
        return value
    if origin is tuple and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    wanted = {float: "a number", int: "a whole number", bool: "true or false", str: "text"}.get(
        expected, "a list of text"
    )
    raise RuleError(path, _line(node), f"{field.name.replace('_', '-')!r} must be {wanted}")


def _resolve_type(name: str) -> Any:
    return {"float": float, "int": int, "bool": bool, "str": str}.get(
        name, tuple[str, ...] if name.startswith("tuple") else types.NoneType
    )


def _examples(path: str, entry: tuple | None) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    if entry is None:
        return (), ()
    _key_node, node = entry
    if not isinstance(node, yaml.MappingNode):
        raise RuleError(path, _line(node), "'examples' must map 'pass' and 'fail' to lists")
    found: dict[str, tuple[Example, ...]] = {"pass": (), "fail": ()}
    for key, items in node.value:
        if key.value not in found:
            raise RuleError(path, _line(key), f"unknown examples key {key.value!r} (pass, fail)")
        if not isinstance(items, yaml.SequenceNode):
            raise RuleError(path, _line(items), f"examples {key.value!r} must be a list")
        found[key.value] = tuple(_example(path, item) for item in items.value)
    return found["pass"], found["fail"]


def _example(path: str, node: yaml.Node) -> Example:
    value = _construct(path, node)
    if isinstance(value, str):
        return Example(value, None, _line(node))
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        unknown = set(value) - {"text", "date"}
        if unknown:
            raise RuleError(path, _line(node), f"unknown example key {sorted(unknown)[0]!r}")
        date = value.get("date")
        if date is not None and not isinstance(date, dt.date):
            raise RuleError(path, _line(node), "an example's date must be YYYY-MM-DD")
        return Example(value["text"], date, _line(node))
    raise RuleError(path, _line(node), "an example is a text, or a mapping with 'text' and 'date'")
