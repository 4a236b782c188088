"""A request to the Metropolitan Police to keep the body-worn video and other records of an incident.

Sources, each cited once:
- MPS, Privacy and body worn video: "Recordings that aren't categorised as required for evidence at court or in
  other legal proceedings will be automatically deleted within 31 days" (rule ``preserve-evidence``).
- The solicitor's guide (seed 000): keep evidence organised; records that "become vital evidence".
"""

from __future__ import annotations

from escalate.documents.letters.common import (
    GUIDE,
    OFFICERS,
    PLACE,
    TIME,
    assemble,
    contact,
    incident_words,
    recipient,
    send_by,
)
from escalate.documents.letters.model import Blank, Block, Case, Cover, Letter, given, heading, item, para, quote
from escalate.law.rules import RULES_BY_ID

KIND = "preserve-evidence"

RULE = RULES_BY_ID[KIND]
INCIDENT = Blank("the date of the incident", "--incident-date")
WHAT_HAPPENED = Blank("a short description of the incident, so that they can find the records", "--what-happened")

GONE = (
    "The 31 days in which the Met deletes body-worn video not kept as evidence have passed: the footage may "
    "already be gone. Send the request at once all the same: some of it may have been kept as evidence, and the "
    "other records are asked for too."
)
"""The cover note once the date has passed (the rule is shown only while not passed: never a new date)."""

RECORDS: tuple[str, ...] = (
    "body-worn video from every officer present",
    "CCTV, including any from police vehicles and police stations",
    "custody records and custody CCTV, if I was taken into custody",
    "stop and search or stop and account records",
    "incident logs and computer-aided dispatch (CAD) records, and radio and call recordings",
)


def build(case: Case) -> Letter:
    details = case.details
    found = contact("mps")
    timing = send_by(case, KIND, "incident_date", INCIDENT, GONE)
    body: list[Block] = [
        para(
            "I ask the Metropolitan Police Service to keep all recordings and records of the incident described "
            "below, and to mark them as required for evidence, so that they are not deleted. I may need them for "
            "a complaint, for a subject access request and for legal proceedings."
        ),
        heading("The incident"),
        item("Date: ", incident_words(case)),
        item("Time: ", given(details.time, TIME)),
        item("Place: ", given(details.place, PLACE)),
        item("Officers or staff involved: ", given(details.officers, OFFICERS)),
        *quote(details.what_happened, WHAT_HAPPENED),
    ]
    if details.reference:
        body.append(item("MPS complaint reference: ", details.reference.strip()))
    body += [
        heading("What I ask you to keep"),
        *(item(record) for record in RECORDS),
        para(
            "Your own page says that body-worn video not categorised as required for evidence is deleted "
            "automatically within 31 days. Please confirm in writing that these records have been kept, and "
            "how long they will be kept."
        ),
    ]
    cover = Cover(
        send_by=timing,
        passed=GONE,
        to=found,
        to_name=found.name,
        how=(
            "If you have already complained, send it to the complaint handler too, quoting your reference.",
            "Send it by email or online today if you can: every day counts.",
        ),
        enclose=(),
        notes=(
            "This is a request to keep the records; to get copies of them, send a subject access request too "
            "(escalate letter subject-access).",
        ),
        sources=(RULE.source, GUIDE),
    )
    subject = ("Please keep the body-worn video and records of an incident on ", incident_words(case))
    return assemble(KIND, "Request to keep evidence", case, cover, recipient(found, found.name), subject, body)
