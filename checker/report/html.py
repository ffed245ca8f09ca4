"""HTML output: one self-contained page with each document's text, every claim highlighted by
kind and every finding marked in place (its message, arithmetic and related locations shown on
hover or keyboard focus), and a summary of the findings by rule.

The page loads nothing from anywhere (styles and its one small script are inline, allowed by a
Content-Security-Policy that allows nothing else), and every character of the articles is
escaped: whatever an article contains, the page runs none of it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TextIO

from markupsafe import Markup, escape

from checker import __version__
from checker.engine import CheckedFile, Run
from checker.findings import ClaimMark, Finding, Location, Severity
from checker.report import register
from checker.report.annotate import Line, Mark, lines_with_marks
from checker.report.text import summary

SEVERITY_ICONS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "ℹ"}
# Claim kinds, as the legend names them (a kind not listed is shown as "other").
CLAIM_KINDS = {
    "money": "money",
    "percent": "percentage",
    "percentage_points": "percentage points",
    "count": "count",
    "quantity": "quantity",
    "duration": "duration",
    "date": "date",
    "fraction": "fraction",
}
_FINDING, _RELATED, _CLAIM = 0, 1, 2  # mark layers, outermost first
# Control characters are shown as their pictures (U+2400...): HTML has no place for most of them,
# and a NUL ends the page for some readers. One character for one keeps every offset.
_VISIBLE_CONTROLS = (
    {c: 0x2400 + c for c in range(32) if c != 9}
    | {127: 0x2421}
    | {c: 0xFFFD for c in range(128, 160)}
)


@register("html", wants_claims=True)
def write_html(run: Run, out: TextIO) -> None:
    out.write(render_report(run))


def render_report(run: Run) -> str:
    return environment().get_template("report.html.j2").render(page(run))


@functools.cache
def environment():  # -> jinja2.Environment (imported only when a page is made)
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    style = resources.files("checker.report").joinpath("templates/style.css").read_text("utf-8")
    env.globals.update(
        script=SCRIPT, style=style, version=__version__, policy=page_policy(style, "'none'")
    )
    return env


def page_policy(style: str, form_action: str) -> str:
    """The Content-Security-Policy of a page: nothing but its own style and script, by hash."""
    return (
        f"default-src 'none'; style-src '{_hash(style)}'; script-src '{_hash(SCRIPT)}'; "
        f"img-src data:; base-uri 'none'; form-action {form_action}"
    )


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# --------------------------------------------------------------------------- the page's data


@dataclass(frozen=True)
class FindingView:
    number: int  # 1-based, in the run's order
    finding: Finding
    anchor: str  # the id of its mark in the text
    document: str  # the id of its document

    @property
    def severity(self) -> str:
        return str(self.finding.severity)

    @property
    def icon(self) -> str:
        return SEVERITY_ICONS[self.finding.severity]

    @property
    def where(self) -> str:
        loc = self.finding.location
        return f"{loc.path}:{loc.line}:{loc.column}"


@dataclass(frozen=True)
class DocumentView:
    id: str
    file: CheckedFile
    findings: list[FindingView]
    lines: list[Markup]

    @property
    def claim_count(self) -> int:
        return len(self.file.claims)

    @property
    def line_word(self) -> str:
        return "paragraph" if self.file.format == "docx" else "line"


@dataclass(frozen=True)
class RuleRow:
    id: str
    description: str
    severity: str
    icon: str
    findings: list[FindingView]


def page(run: Run) -> dict:
    """Everything the templates show of ``run``."""
    ids = {file.path: f"d{n}" for n, file in enumerate(run.documents, 1)}
    views = _finding_views(run.findings, ids)
    documents = [_document_view(file, ids, views) for file in run.documents]
    return {
        "summary": summary(run),
        "rules": _rule_rows(run, views),
        "documents": documents,
        "errors": run.errors,
        "kinds": CLAIM_KINDS,
        "severities": [(str(s), SEVERITY_ICONS[s]) for s in sorted(Severity, reverse=True)],
        "findings_json": findings_json(run),
    }


def _finding_views(findings: Sequence[Finding], ids: dict[str, str]) -> list[FindingView]:
    views = []
    for number, finding in enumerate(findings, 1):
        document = ids.get(finding.location.path, "")
        views.append(FindingView(number, finding, _span_id(document, finding.location), document))
    return views


def _span_id(document: str, location: Location) -> str:
    """The id of the mark over a span: findings with the same span share one mark."""
    return f"{document}-at{location.start}-{location.end}"


def _rule_rows(run: Run, views: list[FindingView]) -> list[RuleRow]:
    by_rule: dict[str, list[FindingView]] = defaultdict(list)
    for view in views:
        by_rule[view.finding.rule].append(view)
    known = {rule.id: rule for rule in run.rules}
    rows = []
    for rule_id in sorted(by_rule, key=lambda r: (-max(v.finding.severity for v in by_rule[r]), r)):
        found = by_rule[rule_id]
        severity = max(v.finding.severity for v in found)
        rule = known.get(rule_id)
        description = rule.description if rule else ""
        rows.append(RuleRow(rule_id, description, str(severity), SEVERITY_ICONS[severity], found))
    return rows


def findings_json(run: Run) -> str:
    """The run's findings as ``numlint check --format json`` writes them."""
    from checker.report.json_format import payload

    return json.dumps(payload(run), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- a document's text


def _document_view(
    file: CheckedFile, ids: dict[str, str], views: list[FindingView]
) -> DocumentView:
    document = ids[file.path]
    mine = [v for v in views if v.document == document]
    renderer = _TextRenderer(document, ids, "paragraph" if file.format == "docx" else "line")
    marks = [*_finding_marks(mine), *_related_marks(mine, document), *_claim_marks(file.claims)]
    lines = [renderer.line(line) for line in lines_with_marks(file.text, marks)]
    return DocumentView(document, file, mine, lines)


def _finding_marks(views: list[FindingView]) -> Iterable[Mark]:
    groups: dict[str, list[FindingView]] = defaultdict(list)
    for view in views:
        groups[view.anchor].append(view)
    for group in groups.values():
        loc = group[0].finding.location
        yield Mark(loc.start, loc.end, _FINDING, group)


def _related_marks(views: list[FindingView], document: str) -> Iterable[Mark]:
    """Targets for the links to related locations (a finding's own mark is one already)."""
    seen = {v.anchor for v in views}
    for view in views:
        for related in view.finding.related:
            loc = related.location
            target = _span_id(document, loc)
            if loc.path == view.finding.location.path and target not in seen:
                seen.add(target)
                yield Mark(loc.start, loc.end, _RELATED, target)


def _claim_marks(claims: Iterable[ClaimMark]) -> Iterable[Mark]:
    for claim in claims:
        yield Mark(claim.start, claim.end, _CLAIM, claim)


class _TextRenderer:
    """One document's lines as HTML, every character escaped, marks nested per segment."""

    def __init__(self, document: str, ids: dict[str, str], line_word: str) -> None:
        self.document, self.ids, self.line_word = document, ids, line_word

    def line(self, line: Line) -> Markup:
        parts = []
        for segment in line.segments:
            html = escape(segment.text.translate(_VISIBLE_CONTROLS))
            for mark in reversed(segment.marks):  # innermost first, wrapped outwards
                html = self._wrap(mark, html, mark in segment.heads)
            parts.append(html)
        return Markup("").join(parts)

    def _wrap(self, mark: Mark, inner: Markup, head: bool) -> Markup:
        if mark.layer == _CLAIM:
            claim: ClaimMark = mark.key  # type: ignore[assignment]
            kind = claim.kind if claim.kind in CLAIM_KINDS else "other"
            return Markup('<span class="claim k-{}" title="{}">{}</span>').format(
                kind, claim.reading, inner
            )
        if mark.layer == _RELATED:
            if not head:
                return inner
            return Markup('<span class="target" id="{}">{}</span>').format(mark.key, inner)
        return self._finding(mark.key, inner, head)  # type: ignore[arg-type]

    def _finding(self, group: list[FindingView], inner: Markup, head: bool) -> Markup:
        """A finding's mark: at its head a button (the tab stop) and the card beside it."""
        worst = max(v.finding.severity for v in group)
        if not head:
            return Markup('<span class="finding sev-{}">{}</span>').format(worst, inner)
        anchor = group[0].anchor
        card = (
            environment()
            .get_template("_finding.html.j2")
            .render(
                group=group, anchor=anchor, line_word=self.line_word, related_id=self._related_id
            )
        )
        label = ", ".join(f"{v.severity} {v.number}" for v in group)
        return Markup(
            '<span class="finding sev-{worst}" id="{anchor}">'
            '<button type="button" class="mark" aria-label="{label}: {text}" '
            'aria-describedby="{anchor}-tip">{inner}<span class="badge" aria-hidden="true">'
            "{badge}</span></button>{card}</span>"
        ).format(
            worst=worst,
            anchor=anchor,
            label=label,
            text=inner.striptags(),
            inner=inner,
            badge=" ".join(f"{v.icon}{v.number}" for v in group),
            card=Markup(card),
        )

    def _related_id(self, location: Location) -> str:
        document = self.ids.get(location.path)
        return _span_id(document, location) if document else ""


# --------------------------------------------------------------------------- the page's script

# Escape hides the tooltip of the finding under the pointer or with the focus (WCAG 1.4.13),
# until the pointer or the focus comes back. The page's only script: the policy allows this one,
# by its hash, and no other.
SCRIPT = """\
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const mark of document.querySelectorAll(".finding:hover, .finding:focus-within")) {
    mark.classList.add("dismissed");
  }
});
for (const type of ["focusin", "mouseover"]) {
  document.addEventListener(type, (event) => {
    const mark = event.target.closest && event.target.closest(".finding.dismissed");
    if (mark && !mark.contains(event.relatedTarget)) mark.classList.remove("dismissed");
  });
}
"""
