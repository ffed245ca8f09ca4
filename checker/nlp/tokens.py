"""Picking tokens out of a Doc in bulk, by an attribute or a lexeme flag, instead of one by one."""

from __future__ import annotations

import numpy
from spacy.tokens import Doc


def tokens_with(doc: Doc, attr: int) -> list[int]:
    """The indices of the tokens whose ``attr`` (IS_SPACE, a lexeme flag's id) is set, in order."""
    if len(doc) == 0:
        return []  # Doc.to_array has no rows to give
    return numpy.flatnonzero(doc.to_array([attr])).tolist()
