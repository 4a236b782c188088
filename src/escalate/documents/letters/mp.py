"""A letter to the sender's MP, asking them to take the complaint up with the Met or MOPAC.

Sources, each cited once:
- The solicitor's guide (seed 000): "Ask your MP to intervene. MPs can write to the police force or oversight
  bodies. While this does not force the outcome, it often accelerates proper handling"; a timeline sets out
  "what happened, when it happened, who was involved, what steps you have already taken, the response you
  received (or did not receive)".
- UK Parliament, Find your MP: where to find the MP for a postcode (escalate does not look it up).
"""

from __future__ import annotations

from escalate.documents.letters.common import (
    GUIDE,
    REFERENCE,
    WANT,
    assemble,
    contact,
    your_deadlines,
)
from escalate.documents.letters.model import (
    Blank,
    Block,
    Case,
    Cover,
    Letter,
    SendBy,
    given,
    heading,
    item,
    line,
    para,
    quote,
)
from escalate.engine.facts import FACT_LABELS
from escalate.law.dates import long_date

KIND = "mp"

MP_NAME = Blank("your MP's name (find it at members.parliament.uk, from your postcode)", "--mp")
WHAT_HAPPENED = Blank("what happened, in a few sentences", "--what-happened or --what-happened-file")

ASK = (
    "I ask you to write to the Commissioner of the Metropolitan Police, and if need be to the Mayor's Office "
    "for Policing and Crime (MOPAC), asking that my complaint is dealt with properly and without further delay, "
    "and to send me their reply."
)


def build(case: Case) -> Letter:
    details = case.details
    facts = case.facts
    found = contact("mp")
    timeline = [
        item(f"{FACT_LABELS[name]}: {long_date(value)}")
        for name, value in facts.known_dates()
        if name not in ("date_of_birth",)
    ]
    body: list[Block] = [
        para(
            "I am writing to you as my MP to ask for your help with my complaint about the Metropolitan Police "
            "Service, which has stalled."
        ),
        heading("What happened"),
        *quote(details.what_happened, WHAT_HAPPENED),
        heading("The dates so far"),
        *(
            timeline
            or [para(Blank("the dates: incident, complaint, outcome, review", "--incident-date, --complaint-date ..."))]
        ),
        heading("References"),
        item("MPS complaint reference: ", given(details.reference, REFERENCE)),
        heading("What I ask you to do"),
        para(ASK),
    ]
    if details.want:
        body += [para("What I want to happen:"), *quote(details.want, WANT)]
    body.append(
        para(
            "I enclose copies of the key letters. I consent to you sharing this letter and them with the MPS and MOPAC."
        )
    )
    mine = your_deadlines(case)
    notes = [
        "An MP can press for an answer but cannot decide the complaint, and writing to them does not stop any "
        "deadline: the dates below still apply.",
        "escalate does not look up your MP: find them, and their contact details, at "
        "https://members.parliament.uk/FindYourMP from your postcode.",
    ]
    cover = Cover(
        send_by=SendBy(None, absent="There is no deadline for this letter: send it when you are ready."),
        passed="",
        to=found,
        to_name=given(details.mp, MP_NAME),
        how=("Write to your MP at the constituency or parliamentary address their page gives, or by email.",),
        enclose=("Copies of your complaint, the outcome letter and any review decision (keep the originals).",),
        notes=tuple(notes),
        sources=(GUIDE,),
        also=mine,
    )
    to = (line(given(details.mp, MP_NAME)), line("Member of Parliament"))
    subject = ("My complaint about the Metropolitan Police – MPS reference ", given(details.reference, REFERENCE))
    salutation = ("Dear ", given(details.mp, MP_NAME), ",")
    return assemble(KIND, "Letter to your MP", case, cover, to, subject, body, salutation)
