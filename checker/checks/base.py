"""The one interface every check kind implements."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from checker.document import Document
from checker.findings import Finding, Note, Related, Severity

if TYPE_CHECKING:
    from checker.rules import Rule


@dataclass(frozen=True)
class NoParameters:
    """A kind without parameters of its own."""


class Check:
    """A check kind. A rule file `extends:` it and sets its ``Parameters``.

    Subclasses set ``kind``, a frozen dataclass ``Parameters`` whose fields (with defaults) are the
    keys a rule may set, and implement ``run``.
    """

    kind: ClassVar[str]
    Parameters: ClassVar[type] = NoParameters

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.params = rule.parameters

    @classmethod
    def validate(cls, parameters: object) -> None:
        """Raise ValueError when parameter values do not make sense together."""

    def run(self, document: Document) -> Iterable[Finding | Note]:
        """Findings, and notes on claims that could not be judged (for ``--verbose``)."""
        raise NotImplementedError

    def note(self, document: Document, start: int, end: int, message: str) -> Note:
        return Note(self.rule.id, document.location(start, end), message)

    def finding(
        self,
        document: Document,
        start: int,
        end: int,
        fields: dict[str, str],
        related: Iterable[tuple[int, int, str]] = (),
        severity: Severity | None = None,
    ) -> Finding:
        """A finding whose message is the rule's template filled with ``fields``."""
        return Finding(
            rule=self.rule.id,
            severity=severity or self.rule.severity,
            message=self.rule.message.format_map(_Fields(fields)),
            location=document.location(start, end),
            related=tuple(Related(document.location(s, e), m) for s, e, m in related),
            details=dict(fields),
        )


class _Fields(dict):
    """Leaves an unknown {placeholder} in a message as it is rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
