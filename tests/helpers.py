"""Small helpers shared by the tests."""

from __future__ import annotations

import datetime as dt

from checker.document import Document, Options, analyze_source
from checker.engine import Engine
from checker.findings import Finding
from checker.rules import Rule, load_rules
from checker.source import source_from_text


def document(text: str, date: dt.date | None = None) -> Document:
    return analyze_source(source_from_text(text, "draft.md", "text"), Options(date=date))


def findings(
    text: str, date: dt.date | None = None, rules: list[Rule] | None = None
) -> list[Finding]:
    return Engine(load_rules() if rules is None else rules).check(document(text, date))


def rule(rule_id: str) -> Rule:
    return next(r for r in load_rules() if r.id == rule_id)
