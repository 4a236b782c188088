"""What a letter is made of, whatever its kind: a cover note for the sender and the letter itself, as named
parts (paragraphs of text and marked blanks), so that a renderer lays them out and never writes a word of law.

A blank (``Blank``) is a fact escalate was not given: it is shown as a marked placeholder, and listed on
standard error, never guessed. Every date in a letter comes from the engine (``compute_deadlines``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from escalate.engine.facts import Facts
from escalate.engine.results import Deadline, Report
from escalate.engine.route import Route
from escalate.law.contacts import Contact
from escalate.law.dates import long_date
from escalate.law.rules import Source


class Blank(NamedTuple):
    """A fact to fill in by hand: what it is, and the option that would have given it."""

    label: str
    option: str | None = None

    def marker(self) -> str:
        """The placeholder as printed: ``[FILL IN: your full name]``."""
        return f"[FILL IN: {self.label}]"


Piece = str | Blank
"""Part of a paragraph: text as written, or a blank."""


class Style(StrEnum):
    """How a block of a letter is laid out."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    """A heading inside the letter (the Pre-Action Protocol's Annex A headings, for instance)."""
    ITEM = "item"
    """One item of a list."""
    QUOTE = "quote"
    """The sender's own words, used as given."""
    LINE = "line"
    """One line of an address block, kept on its own line."""


class Block(NamedTuple):
    style: Style
    pieces: tuple[Piece, ...]


def para(*pieces: Piece) -> Block:
    return Block(Style.PARAGRAPH, pieces)


def heading(text: str) -> Block:
    return Block(Style.HEADING, (text,))


def item(*pieces: Piece) -> Block:
    return Block(Style.ITEM, pieces)


def line(*pieces: Piece) -> Block:
    return Block(Style.LINE, pieces)


def quote(text: str | None, blank: Blank) -> tuple[Block, ...]:
    """The sender's own words, one block per paragraph as given (blank lines between), or the blank."""
    if text is None or not text.strip():
        return (Block(Style.QUOTE, (blank,)),)
    paragraphs = [part.strip("\n") for part in text.replace("\r\n", "\n").split("\n\n")]
    return tuple(Block(Style.QUOTE, (part,)) for part in paragraphs if part.strip())


@dataclass(frozen=True, slots=True)
class Details:
    """The sender's own details and words: never invented, each None when not given."""

    name: str | None = None
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    reference: str | None = None
    """The MPS complaint reference."""
    why: str | None = None
    """Why the outcome or handling was wrong (review request), or what is challenged (letter before claim)."""
    what_happened: str | None = None
    place: str | None = None
    time: str | None = None
    """The time of the incident, as the sender gives it."""
    officers: str | None = None
    """Names or collar (shoulder) numbers of the officers or staff involved."""
    want: str | None = None
    """What the sender wants to happen."""
    representative: str | None = None
    """The representative's name and contact details, where someone acts for the sender."""
    late_reason: str | None = None
    """Why a request is late."""
    mp: str | None = None
    """The sender's MP's name (escalate does not look it up)."""
    receive: str | None = None
    """How the sender wants to receive a reply to a subject access request: ``email`` or ``post``."""


class SendBy(NamedTuple):
    """The engine's deadline for sending a letter, and what its status means (None: no deadline applies)."""

    deadline: Deadline | None
    missing: Blank | None = None
    """The fact that would give the deadline, when it is not known."""
    absent: str | None = None
    """Why there is no date, when a fact rules the deadline out (not a missing fact)."""


@dataclass(frozen=True, slots=True)
class Cover:
    """The note before the letter, for the sender alone: by when, to whom and how, what to enclose."""

    send_by: SendBy
    passed: str
    """What a passed deadline means for this letter (never a new date)."""
    to: Contact | None
    """Whom to send it to (None: the letter says whom, from the outcome letter)."""
    to_name: Piece
    how: tuple[str, ...]
    enclose: tuple[str, ...]
    notes: tuple[str, ...]
    sources: tuple[Source, ...]
    also: tuple[Deadline, ...] = ()
    """Other deadlines of the sender's that the note mentions (the engine's, soonest first)."""


@dataclass(frozen=True, slots=True)
class Letter:
    """One letter ready to check and send: the cover note, then the letter."""

    kind: str
    title: str
    cover: Cover
    sender: tuple[Block, ...]
    recipient: tuple[Block, ...]
    dated: date
    subject: tuple[Piece, ...]
    salutation: tuple[Piece, ...]
    body: tuple[Block, ...]
    closing: tuple[Block, ...]
    blanks: tuple[Blank, ...] = field(default=())
    """Every blank of the letter and its cover note, once each, in the order they appear."""

    @property
    def dated_words(self) -> str:
        return long_date(self.dated)


@dataclass(frozen=True, slots=True)
class Case:
    """What a letter is drafted from: the facts, the engine's deadlines and route, and the sender's details."""

    facts: Facts
    report: Report
    route: Route
    details: Details


def blanks_of(blocks: Sequence[Sequence[Piece]]) -> Iterator[Blank]:
    for pieces in blocks:
        for piece in pieces:
            if isinstance(piece, Blank):
                yield piece


def given(value: str | None, blank: Blank) -> Piece:
    """The sender's value as given, or the blank."""
    return value.strip() if value is not None and value.strip() else blank
