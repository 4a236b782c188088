"""A subject access request (right of access) to the Metropolitan Police.

Sources, each cited once:
- MPS, "I'd like to request information about myself": a request "must include: your full name; your date of
  birth; your address; a clear description of the specific information you want us to send you"; the MPS will ask
  for documents that "between them confirm your full name, date of birth and your current address"; it is free.
- The solicitor's guide (seed 000): ask for "body-worn camera footage, incident logs, internal notes about your
  complaint, any correspondence between officers or departments".
- Data Protection Act 2018 s.45 and s.54 (Part 3, law enforcement processing: one month beginning with the
  relevant time); UK GDPR art 15 and art 12(3) (other processing).
- MPS, Privacy and body worn video: footage not kept as evidence is deleted within 31 days.
"""

from __future__ import annotations

from escalate.documents.letters.common import (
    ADDRESS,
    GUIDE,
    NAME,
    PLACE,
    TIME,
    assemble,
    contact,
    incident_words,
    recipient,
)
from escalate.documents.letters.model import (
    Blank,
    Block,
    Case,
    Cover,
    Letter,
    Piece,
    SendBy,
    given,
    heading,
    item,
    para,
    quote,
)
from escalate.engine.facts import SarLaw
from escalate.engine.route import footage_gone
from escalate.law.dates import long_date
from escalate.law.rules import RULES_BY_ID, Source

KIND = "subject-access"

MPS_ACCESS = Source(
    "MPS, I'd like to request information about myself",
    "https://www.met.police.uk/rqo/request/ri/request-information/rso/request-information-about-yourself-or-someone-else/"
    "id-like-to-request-information-about-myself/",
)
DPA = Source("Data Protection Act 2018 ss.45 and 54", "https://www.legislation.gov.uk/ukpga/2018/12/section/45")
GDPR = Source("UK GDPR arts 12 and 15", "https://www.legislation.gov.uk/eur/2016/679/article/15")

TEAM = "Subject access team, Metropolitan Police Service"
BORN = Blank("your date of birth", "--date-of-birth")
RECEIVE = Blank("how you want to receive it: by email or by post", "--receive")
WHAT_HAPPENED = Blank("a short description of the incident, so that they can find the records", "--what-happened")

LAW = {
    SarLaw.PART_3: "section 45 of the Data Protection Act 2018 (Part 3: processing for law enforcement purposes)",
    SarLaw.UK_GDPR: "Article 15 of the UK GDPR",
    SarLaw.UNKNOWN: "section 45 of the Data Protection Act 2018 (Part 3) and, for any personal data not processed "
    "for law enforcement purposes, Article 15 of the UK GDPR",
}
TIME_LIMIT = {
    SarLaw.PART_3: "section 45(3) and section 54 of the Data Protection Act 2018",
    SarLaw.UK_GDPR: "Article 12(3) of the UK GDPR",
    SarLaw.UNKNOWN: "section 54 of the Data Protection Act 2018; Article 12(3) of the UK GDPR",
}

# What the guide says to ask for (seed 000), with custody records (RULES.md section 6, the subject access step).
RECORDS: tuple[str, ...] = (
    "body-worn video footage of the incident, from every officer present",
    "incident logs and computer-aided dispatch (CAD) records",
    "custody records, including custody CCTV, if I was detained",
    "internal notes about my complaint",
    "correspondence between officers or departments about the incident or my complaint",
)

RECEIVE_WORDS = {"email": "Please send the information to me by email, to the address above.",
                 "post": "Please send the information to me by post, to the address above."}  # fmt: skip


def build(case: Case) -> Letter:
    details = case.details
    facts = case.facts
    found = contact("mps-subject-access")
    when: list[Piece] = ["The incident was on ", incident_words(case)]
    when += [", at ", given(details.time, TIME), ", at ", given(details.place, PLACE), "."]
    receive = (details.receive or "").strip().lower()
    body: list[Block] = [
        para(
            "I am asking for a copy of the personal data about me that the Metropolitan Police Service holds "
            f"(a right of access request, also called a subject access request), under {LAW[facts.sar_law]}."
        ),
        heading("My details"),
        item("Full name: ", given(details.name, NAME)),
        item("Date of birth: ", long_date(facts.date_of_birth) if facts.date_of_birth is not None else BORN),
        item(
            "Address: ",
            given(
                ", ".join(part.strip() for part in details.address.replace(";", "\n").splitlines() if part.strip())
                if details.address
                else None,
                ADDRESS,
            ),
        ),
    ]
    if details.reference:
        body.append(item("MPS complaint reference: ", details.reference.strip()))
    body += [
        heading("The information I want"),
        para(*when),
        *quote(details.what_happened, WHAT_HAPPENED),
        para("I ask for all the personal data about me connected with this incident, in particular:"),
        *(item(record) for record in RECORDS),
        para(
            "Please keep the body-worn video and any CCTV of the incident while you deal with this request, so "
            "that it is not deleted."
        ),
        heading("Proof of identity and how to reply"),
        para("I enclose copies of documents that between them confirm my full name, date of birth and address."),
        para(RECEIVE_WORDS[receive]) if receive in RECEIVE_WORDS else para(RECEIVE),
        para(
            "Please reply without undue delay and in any event within one month of receiving this request (or "
            f"any proof of identity you ask for): {TIME_LIMIT[facts.sar_law]}."
        ),
    ]
    notes = [
        "There is no deadline for sending it, but send it now: the police's month to reply starts when they "
        "receive it, or the proof of identity they ask for.",
        "The request is free.",
    ]
    reply = case.report.by_id(KIND)
    if reply is not None:
        notes.append(
            f"You said they received it on {long_date(reply.trigger_date)}: their reply is due by "
            f"{long_date(reply.safe_date)}. If it is late or incomplete, chase it in writing, then complain."
        )
    if footage_gone(facts):
        notes.append(
            "More than 31 days have passed since the incident: body-worn video not kept as evidence may already "
            "have been deleted. Ask all the same: it may have been kept."
        )
    preserve = case.report.by_id("preserve-evidence")
    cover = Cover(
        send_by=SendBy(None, absent=notes[0]),
        passed="",
        to=found,
        to_name=found.name,
        how=("Send it to the police force where the incident happened: for London, the Met.",),
        enclose=(
            "Scans, photos or photocopies of official documents that between them confirm your full name, date "
            "of birth and current address (never the originals).",
        ),
        notes=tuple(notes[1:]),
        sources=(MPS_ACCESS, GUIDE, DPA, GDPR, RULES_BY_ID["preserve-evidence"].source),
        also=(preserve,) if preserve is not None else (),
    )
    return assemble(KIND, "Subject access request", case, cover, recipient(found, TEAM),
                    ("Subject access request – ", given(details.name, NAME)), body)  # fmt: skip
