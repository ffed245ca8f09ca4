"""Inline suppressions in Markdown and HTML comments, as editors of a draft write them.

    <!-- numlint-disable conflicting-figures -->   ... <!-- numlint-enable conflicting-figures -->
    <!-- numlint-disable -->                       every rule, to the enable or the end of file
    <!-- numlint-disable-next-line currency-conversion -->

Rule ids are separated by commas or spaces. A finding is suppressed when its first line lies in a
disabled range of its rule. A directive that suppresses nothing can be reported as a finding of
its own (``unused-suppression``), as ruff reports an unused ``noqa``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.findings import Finding, LineIndex, Location, Severity

UNUSED = "unused-suppression"
_DIRECTIVE = re.compile(
    r"<!--\s*numlint-(?P<verb>disable-next-line|disable|enable)\b(?P<rules>[^>]*?)\s*-->"
)
_ALL = "*"


@dataclass
class Directive:
    verb: str
    rules: frozenset[str]  # {"*"} for every rule
    start: int  # offsets of the comment
    end: int
    first_line: int  # the lines it disables
    last_line: int
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        rule_matches = _ALL in self.rules or finding.rule in self.rules
        return rule_matches and self.first_line <= finding.location.line <= self.last_line


def directives(text: str, lines: LineIndex) -> list[Directive]:
    """The suppressions of a file, each with the lines it disables."""
    last = lines.position(len(text))[0]
    found: list[Directive] = []
    open_ranges: dict[str, Directive] = {}
    for match in _DIRECTIVE.finditer(text):
        verb = match["verb"]
        rules = frozenset(r for r in re.split(r"[\s,]+", match["rules"].strip()) if r) or {_ALL}
        line = lines.position(match.start())[0]
        if verb == "disable-next-line":
            target = _next_line(text, match.end(), lines)
            found.append(Directive(verb, rules, match.start(), match.end(), target, target))
        elif verb == "disable":
            directive = Directive(verb, rules, match.start(), match.end(), line, last)
            found.append(directive)
            for rule in rules:
                open_ranges[rule] = directive
        else:
            for rule in rules:
                opened = open_ranges.pop(rule, None)
                if opened is not None:
                    opened.last_line = line
    return found


def _next_line(text: str, offset: int, lines: LineIndex) -> int:
    """The first line after ``offset``'s line that has text on it."""
    newline = text.find("\n", offset)
    if newline < 0:
        return lines.position(offset)[0] + 1
    after = newline + 1
    while after < len(text) and text[after] in " \t\r\n":
        after += 1
    return lines.position(after)[0]


def apply(
    findings: list[Finding], text: str, path: str, lines: LineIndex, report_unused: bool = False
) -> list[Finding]:
    """``findings`` without the suppressed ones, and, when asked, a finding for each directive
    that suppressed nothing (``lines`` indexes ``text``)."""
    found = directives(text, lines)
    if not found:
        return findings
    kept = []
    for finding in findings:
        covering = [d for d in found if d.covers(finding)]
        for directive in covering:
            directive.used.add(finding.rule)
        if not covering:
            kept.append(finding)
    if report_unused:
        kept.extend(_unused(d, path, lines) for d in found if not d.used)
    return kept


def _unused(directive: Directive, path: str, lines: LineIndex) -> Finding:
    rules = "every rule" if _ALL in directive.rules else ", ".join(sorted(directive.rules))
    return Finding(
        rule=UNUSED,
        severity=Severity.WARNING,
        message=f"numlint-{directive.verb} ({rules}) suppresses nothing",
        location=Location.from_offsets(path, lines, directive.start, directive.end),
    )
