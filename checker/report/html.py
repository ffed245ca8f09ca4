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
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TextIO

from markupsafe import Markup, escape

from checker import __version__
from checker.engine import CheckedFile, Run
from checker.findings import ClaimMark, Finding, Location, Severity
from checker.report import json_format, register
from checker.report.annotate import Line, Mark, Segment, lines_with_marks
from checker.report.text import summary
from checker.source import line_word

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
    env.globals.update(
        script=SCRIPT, style=_style(), version=__version__, policy=page_policy("'none'")
    )
    return env


@functools.cache
def _style() -> str:
    return resources.files("checker.report").joinpath("templates/style.css").read_text("utf-8")


def page_policy(form_action: str) -> str:
    """The Content-Security-Policy of a page: nothing but its own style and script, by hash."""
    return (
        f"default-src 'none'; style-src '{_hash(_style())}'; script-src '{_hash(SCRIPT)}'; "
        f"img-src data:; base-uri 'none'; form-action {form_action}"
    )


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# --------------------------------------------------------------------------- the page's data


@dataclass
class FindingView:
    number: int  # 1-based, in the run's order
    finding: Finding
    document: str  # the id of its document
    anchor: str = ""  # the id of its button in the text (its line's, if it has none)

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
class ClaimRow:
    line: int
    text: str
    kind: str
    reading: str


@dataclass(frozen=True)
class DocumentView:
    id: str
    file: CheckedFile
    findings: list[FindingView]
    lines: list[Markup]
    claims: list[ClaimRow]
    collapsed: bool  # a clean document among several: its text is folded away

    @property
    def line_word(self) -> str:
        return line_word(self.file.format)


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
    views = [FindingView(n, f, ids.get(f.location.path, "")) for n, f in enumerate(run.findings, 1)]
    by_document: dict[str, list[FindingView]] = defaultdict(list)
    for view in views:
        by_document[view.document].append(view)
    several = len(run.documents) > 1
    documents = [
        _document_view(file, ids, by_document[ids[file.path]], several) for file in run.documents
    ]
    return {
        "summary": summary(run),
        "rules": _rule_rows(run, views),  # after the documents: they set the anchors
        "documents": documents,
        "errors": run.errors,
        "kinds": CLAIM_KINDS,
        "severities": [(str(s), SEVERITY_ICONS[s]) for s in sorted(Severity, reverse=True)],
        "findings_json": json_format.dumps(run),
    }


def _rule_rows(run: Run, views: list[FindingView]) -> list[RuleRow]:
    by_rule: dict[str, list[FindingView]] = defaultdict(list)
    for view in views:
        by_rule[view.finding.rule].append(view)
    known = {rule.id: rule for rule in run.rules}
    rows = []
    for rule_id, found in by_rule.items():
        severity = max(v.finding.severity for v in found)
        rule = known.get(rule_id)
        description = rule.description if rule else ""
        rows.append(RuleRow(rule_id, description, str(severity), SEVERITY_ICONS[severity], found))
    return sorted(rows, key=lambda row: (-Severity.parse(row.severity), row.id))


# --------------------------------------------------------------------------- a document's text


def _document_view(
    file: CheckedFile, ids: dict[str, str], mine: list[FindingView], several: bool
) -> DocumentView:
    """A document's view; ``mine`` are its findings."""
    document = ids[file.path]
    for view in mine:
        view.anchor = f"{document}-L{view.finding.location.line}"
    renderer = _TextRenderer(document, file, ids)
    marks = [*_finding_marks(mine), *_related_marks(mine, document), *_claim_marks(file.claims)]
    lines = [renderer.line(line) for line in lines_with_marks(file.text, marks)]
    claims = [
        ClaimRow(file.lines.position(c.start)[0], file.text[c.start : c.end], c.kind, c.reading)
        for c in file.claims
    ]
    return DocumentView(document, file, mine, lines, claims, several and not mine)


def _finding_marks(views: list[FindingView]) -> Iterable[Mark]:
    for view in views:
        loc = view.finding.location
        yield Mark(loc.start, loc.end, _FINDING, view)


def _related_marks(views: list[FindingView], document: str) -> Iterable[Mark]:
    """Targets for the links to related locations, one per span."""
    seen = set()
    for view in views:
        for related in view.finding.related:
            loc = related.location
            target = _target_id(document, loc)
            if loc.path == view.finding.location.path and target not in seen:
                seen.add(target)
                yield Mark(loc.start, loc.end, _RELATED, target)


def _target_id(document: str, location: Location) -> str:
    return f"{document}-at{location.start}-{location.end}"


def _claim_marks(claims: Iterable[ClaimMark]) -> Iterable[Mark]:
    for claim in claims:
        yield Mark(claim.start, claim.end, _CLAIM, claim)


class _TextRenderer:
    """One document's lines as HTML, every character escaped.

    Findings that overlap on a line are one cluster: one element over all their words, with one
    button (the tab stop) and one card for those that begin there, so that buttons never nest and
    cover the whole of what they flag. Related places and claims are nested inside, cut where
    they cross a cluster's edge.
    """

    def __init__(self, document: str, file: CheckedFile, ids: dict[str, str]) -> None:
        self.document, self.file, self.ids = document, file, ids
        self.line_word = line_word(file.format)

    def line(self, line: Line) -> Markup:
        parts = []
        for findings, segments in _clusters(line.segments):
            inner = Markup("").join(self._segment(s) for s in segments)
            if findings:
                heads = {m for s in segments for m in s.heads if m.layer == _FINDING}
                inner = self._finding(findings, [m.key for m in findings if m in heads], inner)
            parts.append(inner)
        return Markup("").join(parts)

    def _segment(self, segment: Segment) -> Markup:
        html = _visible_text(segment.text)
        for mark in reversed(segment.marks):  # innermost first, wrapped outwards
            if mark.layer == _CLAIM:
                claim: ClaimMark = mark.key  # type: ignore[assignment]
                kind = claim.kind if claim.kind in CLAIM_KINDS else "other"
                html = Markup('<span class="claim k-{}" title="{}">{}</span>').format(
                    kind, claim.reading, html
                )
            elif mark.layer == _RELATED and mark in segment.heads:
                html = Markup('<span class="target" id="{}">{}</span>').format(mark.key, html)
        return html

    def _finding(self, marks: list[Mark], headed: list[FindingView], inner: Markup) -> Markup:
        worst = max(m.key.finding.severity for m in marks)  # type: ignore[attr-defined]
        if not headed:  # the words of findings begun on an earlier line
            return Markup('<span class="finding sev-{}">{}</span>').format(worst, inner)
        headed.sort(key=lambda v: v.number)
        anchor = f"{self.document}-f{headed[0].number}"
        for view in headed:
            view.anchor = anchor
        card = (
            environment()
            .get_template("_finding.html.j2")
            .render(group=headed, anchor=anchor, line_word=self.line_word, related=self._related)
        )
        label = ", ".join(f"{v.severity} {v.number}" for v in headed)
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
            badge=" ".join(f"{v.icon}{v.number}" for v in headed),
            card=Markup(card),
        )

    def _related(self, location: Location) -> tuple[str, str]:
        """(link target or "", link text) of a related place: its line and its words."""
        words = " ".join(self.file.text[location.start : location.end].split())
        words = words if len(words) <= 60 else words[:59] + "…"
        text = f"{self.line_word} {location.line}" + (f" “{words}”" if words else "")
        if location.path != self.file.path:
            document = self.ids.get(location.path)
            target = _target_id(document, location) if document else ""
            return target, f"{location.path}, {text}"
        return _target_id(self.document, location), text


def _clusters(segments: Iterable[Segment]) -> Iterator[tuple[list[Mark], list[Segment]]]:
    """Runs of segments: those under no finding, and those under findings that overlap (each
    segment shares a finding with the one before); with the findings of each run, in order."""
    run: list[Segment] = []
    findings: list[Mark] = []
    for segment in segments:
        over = [m for m in segment.marks if m.layer == _FINDING]
        if run and (bool(over) != bool(findings) or (over and not set(over) & set(findings))):
            yield findings, run
            run, findings = [], []
        run.append(segment)
        findings += [m for m in over if m not in findings]
    if run:
        yield findings, run


# Control characters are shown as their pictures (U+2400...) and bidirectional controls by name:
# HTML has no place for most controls (a NUL ends the page for some readers), and an override
# would show the text in another order than it is written.
_VISIBLE_CONTROLS = (
    {c: chr(0x2400 + c) for c in range(32) if c != 9}
    | {127: "\u2421"}
    | {c: "\ufffd" for c in range(128, 160)}
)
_BIDI_CONTROLS = {
    0x061C: "ALM", 0x200E: "LRM", 0x200F: "RLM", 0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF",
    0x202D: "LRO", 0x202E: "RLO", 0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
}  # fmt: skip
_PICTURES = str.maketrans(_VISIBLE_CONTROLS)


def _visible_text(text: str) -> Markup:
    """``text`` escaped, its control characters made visible."""
    shown = escape(text.translate(_PICTURES))
    if not any(ord(c) in _BIDI_CONTROLS for c in text):
        return shown
    return Markup("").join(
        Markup('<abbr class="ctl" title="U+{:04X}">[{}]</abbr>').format(
            ord(c), _BIDI_CONTROLS[ord(c)]
        )
        if ord(c) in _BIDI_CONTROLS
        else escape(c.translate(_PICTURES))
        for c in text
    )


# --------------------------------------------------------------------------- the page's script

# Escape hides the tooltip of the finding under the pointer or with the focus (WCAG 1.4.13),
# until the pointer or the focus comes back. The page's only script: the policy allows this one,
# by its hash, and no other.
SCRIPT = """\
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const mark of document.querySelectorAll(".finding:hover, .finding:focus-within")) {
    const focused = document.activeElement;
    if (focused && focused.closest(".tip") && mark.contains(focused)) {
      mark.querySelector(".mark").focus();  // not left on a link that is hidden
    }
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
