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
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker import __version__, datacache
from checker.checks import KINDS
from checker.findings import Severity

if TYPE_CHECKING:  # YAML is imported when a rule is parsed: the built-in ones come from the cache
    import yaml

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
            data = path.read_bytes()
        except OSError as error:
            raise RuleError(str(path), 0, f"cannot read: {error.strerror or error}") from None
        try:
            found.append((str(path), data.decode("utf-8")))
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            problem = f"not UTF-8 text (invalid byte 0x{data[error.start]:02x})"
            raise RuleError(str(path), line, problem) from None
    return found


def load_rules(extra_dirs: Iterable[str | Path] = ()) -> list[Rule]:
    """The built-in rules, then those in ``extra_dirs``; a later rule replaces one with its id."""
    by_id = {rule.id: rule for rule in _builtin_rules()}
    for directory in extra_dirs:
        for path, text in user_rule_files(directory):
            rule = parse_rule(path, text)
            by_id[rule.id] = rule
    return sorted(by_id.values(), key=lambda r: r.id)


def _builtin_rules() -> list[Rule]:
    """The built-in rules, parsed once per version of their text (kept in the data cache)."""
    files = builtin_rule_files()
    text = "\0".join(f"{path}\0{text}" for path, text in files)
    return datacache.kept("rules", text, __version__, lambda: [parse_rule(*f) for f in files])


def parse_rule(path: str, text: str) -> Rule:
    import yaml

    root = _root_node(path, text)
    if not isinstance(root, yaml.MappingNode):
        if root is None:
            raise RuleError(path, 1, "empty file: a rule must be a mapping of keys to values")
        raise RuleError(path, _line(root), "a rule must be a mapping of keys to values")
    fields = _fields(path, root)
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
        raise RuleError(path, _validation_line(str(error), fields, root), str(error)) from None
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


def _root_node(path: str, text: str) -> yaml.Node | None:
    """The YAML document's node; None for an empty file. Any YAML error is a RuleError."""
    import yaml

    loader = None
    try:
        loader = yaml.SafeLoader(text)  # checks for characters YAML does not allow
        return loader.get_single_node()
    except yaml.YAMLError as error:
        raise RuleError(
            path, _error_line(error, text), f"invalid YAML: {_problem(error)}"
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


def _error_line(error: yaml.YAMLError, text: str) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None:
        return mark.line + 1
    position = getattr(error, "position", None)  # a ReaderError: a character YAML refuses
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else 1


def _problem(error: yaml.YAMLError) -> str:
    """One line: the problem without the marks that str(error) adds on lines of their own."""
    import yaml

    if isinstance(error, yaml.reader.ReaderError):
        character = error.character
        code = ord(character) if isinstance(character, str) else character
        return f"{error.reason} (#x{code:04x})"
    problem = getattr(error, "problem", None) or str(error)
    return " ".join(problem.split())


def _fields(path: str, root: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    import yaml

    fields: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    names: set[str] = set()  # "rate_window_days" is "rate-window-days"
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            raise RuleError(path, _line(key), "a key must be a name, not a list or mapping")
        name = key.value.replace("_", "-")
        if name in names:
            raise RuleError(path, _line(key), f"duplicate key {key.value!r}")
        names.add(name)
        fields[key.value] = (key, value)
    return fields


def _validation_line(message: str, fields: dict, root: yaml.Node) -> int:
    """The line of the first key a kind's validation message names ("'tolerance' must be ..."),
    else the rule's first line."""
    for name in re.findall(r"'([\w-]+)'", message):
        for key in (name, name.replace("-", "_")):
            if key in fields:
                return _line(fields[key][1])
    return _line(root)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _construct(path: str, node: yaml.Node) -> Any:
    import yaml

    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as error:
        line = _error_line(error, "") if getattr(error, "problem_mark", None) else _line(node)
        raise RuleError(path, line, f"invalid value: {_problem(error)}") from None
    except ValueError as error:  # a date that does not exist: 2019-02-30
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
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if expected is float and number and value == value:  # NaN is not a number checks can use
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
    import yaml

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
