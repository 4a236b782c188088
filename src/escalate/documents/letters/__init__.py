"""The letters escalate drafts, one module per kind, each with its sources at the top (``model`` for their
parts, ``common`` for what they share). This module is only the list of kinds: it imports nothing, so that
`escalate letter --help` starts quickly.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from escalate.documents.letters.model import Case, Letter


class Kind(NamedTuple):
    module: str
    summary: str
    """One line for `escalate letter --help`."""


KINDS: Mapping[str, Kind] = {
    "review-request": Kind("review_request", "Ask MOPAC or the IOPC to review the outcome."),
    "subject-access": Kind("subject_access", "Ask the Met for your records and footage (free)."),
    "preserve-evidence": Kind("preserve_evidence", "Ask the Met to keep footage and records (30 days)."),
    "letter-before-claim": Kind("letter_before_claim", "Pre-action letter before judicial review (get advice)."),
    "mp": Kind("mp", "Ask your MP to take your complaint up."),
    "complaint": Kind("complaint", "Complain to the Met about what happened."),
}
"""Every kind of letter, in the order `escalate letter --help` lists them."""


def draft(kind: str, case: Case) -> Letter:
    """The letter of this kind for this case (``kind`` one of ``KINDS``)."""
    build = import_module(f"escalate.documents.letters.{KINDS[kind].module}").build
    letter: Letter = build(case)
    return letter
