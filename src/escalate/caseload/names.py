"""The names caseworkers give each fact's column (data, with tests: ``tests/test_batch_hostile.py``), and how
escalate compares a column's name with them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from escalate.engine.facts import CHOICE_FACTS, DATE_FACTS, FLAG_FACTS

BATCH_FACTS: tuple[str, ...] = (*DATE_FACTS, *CHOICE_FACTS, *FLAG_FACTS)
"""The facts a caseload column can hold (``today`` is one date for the whole batch: ``--today``)."""

# --- the names people use -----------------------------------------------------------------------------

COLUMN_NAMES: Mapping[str, tuple[str, ...]] = {
    "incident_date": (
        "date of incident",
        "date of the incident",
        "incident on",
        "date incident",
        "incident happened",
        "date of police act",
        "date of conduct",
    ),
    "complaint_date": (
        "date complaint made",
        "date of complaint",
        "complaint made",
        "complaint made on",
        "complaint made date",
        "date complained",
        "complained on",
        "complaint submitted",
        "date complaint submitted",
        "complaint lodged",
        "date complaint lodged",
    ),
    "last_update_date": (
        "last update",
        "date of last update",
        "last progress update",
        "date of last progress update",
        "latest update",
        "last updated",
    ),
    "outcome_date": (
        "outcome letter date",
        "date of outcome letter",
        "date of outcome",
        "outcome letter",
        "outcome letter dated",
        "date on outcome letter",
        "outcome dated",
    ),
    "outcome_received_date": (
        "outcome received",
        "date outcome received",
        "outcome received on",
        "outcome letter received",
        "date outcome letter received",
    ),
    "review_request_date": (
        "review request",
        "review requested",
        "date review requested",
        "review requested on",
        "date of review request",
        "review asked for",
        "appeal requested",
        "date appeal requested",
    ),
    "review_decision_date": (
        "review decision",
        "date of review decision",
        "review decision letter date",
        "review outcome date",
        "date of review outcome",
        "appeal decision date",
        "date of appeal decision",
    ),
    "knowledge_date": ("date of knowledge",),
    "date_of_birth": (
        "dob",
        "d o b",
        "birth date",
        "birthdate",
        "born",
        "client dob",
        "client date of birth",
        "date born",
    ),
    "prosecution_end_date": (
        "prosecution end",
        "prosecution ended",
        "date prosecution ended",
        "prosecution ended on",
        "date of acquittal",
        "acquittal date",
        "acquitted on",
    ),
    "sar_date": (
        "sar received",
        "date sar received",
        "sar received on",
        "sar received date",
        "subject access request received",
        "date subject access request received",
    ),
    "about": ("complaint about", "who about", "subject of complaint"),
    "schedule3": (
        "schedule 3",
        "sch 3",
        "sch3",
        "recorded under schedule 3",
        "schedule 3 recorded",
        "recorded schedule 3",
    ),
    "investigation": ("investigated by", "who investigated", "investigating body"),
    "review_body": ("reviewing body", "appeal body", "review by"),
    "sar_law": ("sar regime",),
    "death_or_serious_injury": ("dsi", "death serious injury", "death or serious injury matter"),
    "serious_allegation": ("serious allegations",),
    "discrimination": ("discriminatory", "discrimination alleged"),
    "injury": ("injured", "injuries"),
    "detained": ("arrested", "arrested or detained", "detention"),
    "prosecuted": ("charged and prosecuted",),
    "referred_to_iopc": ("referred to the iopc", "iopc referral", "referred iopc"),
}
"""Names caseworkers give each fact's column, beside the fact's own name (``incident_date``, which may also be
written ``Incident Date``, ``incident-date`` ...). Each is compared as ``column_key`` gives it. A name that
could mean two facts ("decision date", "date received", "SAR sent") is left out on purpose: such a column
stops the batch until ``--map`` says what it holds."""

DISTINCTIVE_WORDS: Mapping[str, str] = {
    "incident": "incident_date",
    "complaint": "complaint_date",
    "complained": "complaint_date",
    "update": "last_update_date",
    "updated": "last_update_date",
    "outcome": "outcome_date",
    "review": "review_decision_date",
    "reviewed": "review_decision_date",
    "appeal": "review_decision_date",
    "knowledge": "knowledge_date",
    "knew": "knowledge_date",
    "birth": "date_of_birth",
    "dob": "date_of_birth",
    "born": "date_of_birth",
    "birthday": "date_of_birth",
    "prosecution": "prosecution_end_date",
    "acquittal": "prosecution_end_date",
    "acquitted": "prosecution_end_date",
    "sar": "sar_date",
    "schedule": "schedule3",
    "investigation": "investigation",
    "investigated": "investigation",
    "iopc": "referred_to_iopc",
    "mopac": "review_body",
    "discrimination": "discrimination",
    "discriminatory": "discrimination",
    "injury": "injury",
    "injured": "injury",
    "detained": "detained",
    "arrested": "detained",
    "prosecuted": "prosecuted",
}
"""Words (of a normalised column name) that say a column is about a fact: a column with one that is not read
stops the batch (``--map`` or ``--ignore`` settles it); each word's fact is the one the message suggests."""

_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def column_key(name: str) -> str:
    """A column's name as escalate compares names: full-width and other compatibility forms folded (NFKC),
    invisible characters (zero-width spaces, direction marks, byte order marks) dropped, lower case, every
    run of characters other than letters and digits one underscore (``Outcome-Letter date`` is
    ``outcome_letter_date``)."""
    folded = _INVISIBLE.sub("", unicodedata.normalize("NFKC", name)).casefold()
    return _NOT_WORD.sub(" ", folded).strip().replace(" ", "_")


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for fact in BATCH_FACTS:
        table[column_key(fact)] = fact
    for fact, names in COLUMN_NAMES.items():
        for name in names:
            key = column_key(name)
            if table.setdefault(key, fact) != fact:  # pragma: no cover - tests check the table
                raise AssertionError(f"the column name {name!r} is given for two facts")
    return table


NAME_TABLE: Mapping[str, str] = _table()
"""Every name escalate reads as a fact (as ``column_key`` gives it), and the fact."""


def column_fact(name: str) -> str | None:
    """The fact a column holds by its name, or None: the fact's own name or one of ``COLUMN_NAMES``, after
    ``column_key`` (``Incident Date``, ``incident-date``, ``Date of incident`` all mean ``incident_date``)."""
    return NAME_TABLE.get(column_key(name))


def suggested_fact(name: str) -> str | None:
    """The fact a column's name points to by one of ``DISTINCTIVE_WORDS``, or None."""
    words = column_key(name).split("_")
    if "subject" in words and "access" in words:
        return "sar_date"
    for word in words:
        if word in DISTINCTIVE_WORDS:
            fact = DISTINCTIVE_WORDS[word]
            if fact == "referred_to_iopc" and "date" in words:
                return "complaint_date"
            return fact
    return None
