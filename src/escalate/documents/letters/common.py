"""The parts every letter shares: the sender's block, the recipient's from the contacts data, the closing,
the engine's date for sending it, and the blanks a sender fills in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from escalate.documents.letters.model import (
    Blank,
    Block,
    Case,
    Cover,
    Letter,
    Piece,
    SendBy,
    blanks_of,
    given,
    line,
    para,
)
from escalate.engine.results import Deadline
from escalate.law.contacts import Contact, contacts
from escalate.law.dates import long_date
from escalate.law.rules import Source

NAME = Blank("your full name", "--name")
ADDRESS = Blank("your postal address", "--address")
CONTACT = Blank("your email address or telephone number", "--email or --phone")
REFERENCE = Blank("the MPS complaint reference (on the outcome letter)", "--reference")
PLACE = Blank("where it happened (street, area, police station)", "--place")
TIME = Blank("the time it happened, as near as you know", "--time")
OFFICERS = Blank("the officers' or staff's names or collar numbers, if you know them", "--officers")
WANT = Blank("what you want to happen", "--want")
INCIDENT = Blank("the date of the incident", "--incident-date")
SIGNATURE = Blank("your signature")

GUIDE = Source(
    "Martin Taggart Legal Consulting (LegalGuidance.org), Understanding Your Last Resort Options When Police "
    "Complaints Have Gone Nowhere (seed 000)",
    "",
)
"""The solicitor's guide that started the project: what to ask for, what to keep, what an MP can do (no address
is printed in the stored copy)."""

POSTAL_MARKERS = ("post: ", "by post to ")
"""How the contacts data introduces a postal address among a body's details."""


def contact(key: str) -> Contact:
    return contacts()[key]


def postal_lines(found: Contact | None) -> tuple[str, ...]:
    """The recipient's postal address from the contacts data ('post: ...' or '... by post to ...' among its
    details), one line per part; none when it has none."""
    if found is None:
        return ()
    for detail in found.details:
        for marker in POSTAL_MARKERS:
            if marker in detail:
                address = detail.split(marker, 1)[1].rstrip(".")
                return tuple(part.strip() for part in address.split(","))
    return ()


def recipient(found: Contact | None, name: Piece) -> tuple[Block, ...]:
    """The recipient's name, then its postal address (less a first part that only repeats the name)."""
    address = list(postal_lines(found))
    if address and isinstance(name, str) and name.startswith(address[0]):
        address = address[1:]
    return (line(name), *(line(part) for part in address))


def sender(case: Case) -> tuple[Block, ...]:
    details = case.details
    blocks = [line(given(details.name, NAME))]
    if details.address and details.address.strip():
        blocks.extend(line(part.strip()) for part in details.address.replace(";", "\n").splitlines() if part.strip())
    else:
        blocks.append(line(ADDRESS))
    if details.email or details.phone:
        if details.email:
            blocks.append(line("Email: ", details.email.strip()))
        if details.phone:
            blocks.append(line("Telephone: ", details.phone.strip()))
    else:
        blocks.append(line(CONTACT))
    return tuple(blocks)


def closing(case: Case) -> tuple[Block, ...]:
    return (para("Yours sincerely,"), line(SIGNATURE), line(given(case.details.name, NAME)))


def send_by(case: Case, rule_id: str, fact: str, blank: Blank, absent: str) -> SendBy:
    """The engine's deadline for this letter; when it is not shown, the fact that would give it (a blank)
    or why the facts rule it out (``absent``)."""
    found = case.report.by_id(rule_id)
    if found is not None:
        return SendBy(found)
    if getattr(case.facts, fact) is None:
        return SendBy(None, missing=blank)
    return SendBy(None, absent=absent)


def your_deadlines(case: Case, leave_out: Iterable[str] = ()) -> tuple[Deadline, ...]:
    """The sender's own deadlines that have not passed, soonest first (the engine's order)."""
    skip = set(leave_out)
    return tuple(
        deadline
        for deadline in case.report.deadlines
        if deadline.owner.value == "you" and deadline.status != "passed" and deadline.id not in skip
    )


def incident_words(case: Case) -> Piece:
    incident = case.facts.incident_date
    return long_date(incident) if incident is not None else INCIDENT


def assemble(
    kind: str,
    title: str,
    case: Case,
    cover: Cover,
    to: tuple[Block, ...],
    subject: Sequence[Piece],
    body: Sequence[Block],
    salutation: Sequence[Piece] = ("Dear Sir or Madam,",),
) -> Letter:
    """The letter, with every blank of its cover note and its text listed once, in order."""
    sending = sender(case)
    ending = closing(case)
    parts: list[Sequence[Piece]] = [[cover.to_name], [b for b in [cover.send_by.missing] if b is not None]]
    parts += [block.pieces for block in (*sending, *to)]
    parts += [subject, salutation]
    parts += [block.pieces for block in (*body, *ending)]
    blanks = tuple(dict.fromkeys(blank for blank in blanks_of(parts) if blank is not SIGNATURE))
    return Letter(
        kind=kind,
        title=title,
        cover=cover,
        sender=sending,
        recipient=to,
        dated=case.facts.today,
        subject=tuple(subject),
        salutation=tuple(salutation),
        body=tuple(body),
        closing=ending,
        blanks=blanks,
    )


def when_lines(cover: Cover) -> tuple[str, ...]:
    """By when to send it, in words: the engine's safe date (as `escalate deadlines` gives it), and what a
    passed or at-risk date means."""
    found = cover.send_by.deadline
    if found is None:
        if cover.send_by.missing is not None:
            missing = cover.send_by.missing
            return (f"Send it by: not worked out, because escalate was not given {missing.label} ({missing.option}).",)
        return (cover.send_by.absent or "There is no deadline for this letter: send it as soon as you can.",)
    when = long_date(found.safe_date)
    if found.status == "passed":
        return (f"Send it by: {when}. That date has passed.", cover.passed)
    if found.status == "at-risk":
        return (
            f"Send it by: {when}. That date has passed, but {long_date(found.latest_date)} can be argued: send it "
            "today, and take advice.",
        )
    left = "today is the last day" if found.days_left == 0 else f"{found.days_left} days left"
    if found.days_left == 1:
        left = "1 day left"
    return (f"Send it by: {when} ({left}).",)


def also_lines(cover: Cover) -> tuple[str, ...]:
    """The other deadlines of the sender's that the cover note names, each on a line."""
    return tuple(f"{deadline.action}: by {long_date(deadline.safe_date)}" for deadline in cover.also)


def to_lines(cover: Cover) -> tuple[Piece, ...]:
    """To whom and how, from the contacts data, with its source and the date it was checked."""
    found = cover.to
    if found is None:
        return (cover.to_name, *cover.how)
    lines: list[Piece] = [found.name, *found.details, *cover.how]
    lines.append(f"Their page: {found.url} (details checked {long_date(found.checked)} against {found.source})")
    return tuple(lines)
