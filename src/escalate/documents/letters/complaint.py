"""A complaint to the Metropolitan Police about an officer's or staff member's conduct.

Sources, each cited once:
- MPS complaints page (seed 001) and the IOPC's complaint form: complain to the force, online, in writing or in
  person; ask for it to be recorded under Schedule 3 of the Police Reform Act 2002 (para 2(6A)), which carries a
  right of review.
- The solicitor's guide (seed 000): set out what happened, when, who was involved; keep "emails, screenshots,
  reference numbers and complaint responses", "witness details ... and notes of what happened".
- IPCC, review of the Met's handling of race complaints (seed 004): discrimination "was only tackled robustly
  where it was both overt ... and supported by independent evidence", and there was "little evidence of efforts
  to explore allegations of racial discrimination with the complainant": so the discriminatory element is spelled
  out and the MPS asked to explore it with the complainant.
- MPS, Privacy and body worn video: footage not kept as evidence is deleted within 31 days.
"""

from __future__ import annotations

from escalate.documents.letters.common import (
    GUIDE,
    OFFICERS,
    PLACE,
    TIME,
    WANT,
    assemble,
    contact,
    incident_words,
    recipient,
    send_by,
)
from escalate.documents.letters.model import Blank, Block, Case, Cover, Letter, given, heading, item, para, quote
from escalate.law.rules import RULES_BY_ID, Source

KIND = "complaint"

MPS_COMPLAINTS = Source(
    "MPS, Complaints (seed 001); IOPC, Make a complaint",
    "https://www.policeconduct.gov.uk/complaints/submit-a-complaint",
)
SCHEDULE_3 = Source(
    "Police Reform Act 2002 Sch 3 para 2(6A)", "https://www.legislation.gov.uk/ukpga/2002/30/schedule/3"
)
RACE_REVIEW = Source(
    "IPCC, report on the Metropolitan Police Service's handling of race complaints (seed 004)",
    "",
)

INCIDENT = Blank("the date of the incident", "--incident-date")
WHAT_HAPPENED = Blank(
    "what happened, step by step, in your own words (who did what, what was said)",
    "--what-happened or --what-happened-file",
)
DISCRIMINATION = Blank(
    "why you believe you were treated this way because of your race, religion, sex, disability, sexual "
    "orientation or another characteristic: the words used, how others were treated, what made you think so",
    "--why or --why-file",
)

PASSED = (
    "More than 12 months have passed since the incident. There is no legal bar, but the MPS may decide that no "
    "further action is reasonable unless you explain the delay: say why in the complaint. It must still record "
    "the complaint if you ask."
)


def build(case: Case) -> Letter:
    details = case.details
    facts = case.facts
    found = contact("mps")
    timing = send_by(
        case,
        KIND,
        "incident_date",
        INCIDENT,
        "The facts say the complaint has already been made: do not complain "
        "again about the same incident; escalate it (see `escalate route`).",
    )
    body: list[Block] = [
        para(
            "I want to make a complaint about the conduct of Metropolitan Police officers or staff. Please record "
            "it and deal with it under Schedule 3 to the Police Reform Act 2002."
        ),
        heading("When and where"),
        item("Date: ", incident_words(case)),
        item("Time: ", given(details.time, TIME)),
        item("Place: ", given(details.place, PLACE)),
        heading("Who was involved"),
        item("Officers or staff (names or collar numbers): ", given(details.officers, OFFICERS)),
        heading("What happened"),
        *quote(details.what_happened, WHAT_HAPPENED),
    ]
    if facts.discrimination is not False:
        body += [
            heading("Discrimination"),
            para(
                "I believe I was treated this way because of a protected characteristic. This is why:"
                if facts.discrimination
                else "If I was treated this way because of a protected characteristic, this is why I think so:"
            ),
            *quote(details.why, DISCRIMINATION),
            para(
                "Please explore this part of my complaint with me directly, and do not decide it only on whether "
                "the officers deny it or whether there is independent evidence."
            ),
        ]
    body += [
        heading("What I want to happen"),
        *quote(details.want, WANT),
        heading("Evidence"),
        para(
            "Please keep all body-worn video, CCTV, custody and stop records, incident logs and CAD records of the "
            "incident: your own page says body-worn video not kept as evidence is deleted within 31 days."
        ),
        para("Please confirm that you have recorded this complaint, and give me its reference."),
    ]
    notes = [
        "Keep a copy of this complaint, and of every reply, with the dates.",
        "Write down now the names and contact details of any witnesses, and photograph any injury.",
    ]
    if facts.discrimination is not False:
        notes.append(
            "Spell out the discriminatory element in your own words: complaints of discrimination have been "
            "taken seriously mainly where they were overt and backed by independent evidence."
        )
    preserve = case.report.by_id("preserve-evidence")
    cover = Cover(
        send_by=timing,
        passed=PASSED,
        to=found,
        to_name=found.name,
        how=(),
        enclose=(
            "Copies of anything that supports the complaint: photos, messages, medical notes (keep the originals).",
        ),
        notes=tuple(notes),
        sources=(MPS_COMPLAINTS, SCHEDULE_3, GUIDE, RACE_REVIEW, RULES_BY_ID["preserve-evidence"].source),
        also=(preserve,) if preserve is not None else (),
    )
    subject = ("Complaint about police conduct on ", incident_words(case))
    return assemble(
        KIND, "Complaint to the Metropolitan Police", case, cover, recipient(found, found.name), subject, body
    )
