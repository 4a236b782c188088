"""A request for a review (or, for a complaint made before 1 February 2020, an appeal) of a complaint's outcome.

Sources, each cited once:
- MOPAC, Police Complaints Outcome Reviews (seed 002): what a request must contain ("Name and contact details.
  MPS complaint reference. A copy of the outcome letter ... Explain why you are unhappy about how the MPS handled
  your complaint or the outcome it reached. If you are being represented by a third party, please include their
  contact details and your consent"); that reviews consider whether the outcome "was reasonable and
  proportionate". How to reach the team is in the contacts data (``escalate.law.contacts``).
- Police (Complaints and Misconduct) Regulations 2020, reg 29: 28 days starting with the day after the outcome
  was provided; late applications (reg 29(4)).
- Police (Complaints and Misconduct) Regulations 2012, reg 11: appeals for complaints made before 1 February 2020.
- IOPC, Reviews and appeals: its review form, online or by email or post.
"""

from __future__ import annotations

from escalate.documents.letters.common import (
    REFERENCE,
    WANT,
    assemble,
    contact,
    recipient,
    send_by,
)
from escalate.documents.letters.model import Blank, Block, Case, Cover, Letter, given, heading, item, para, quote
from escalate.engine.facts import Investigation
from escalate.errors import InputError
from escalate.law.dates import long_date
from escalate.law.rules import Source

KIND = "review-request"

MOPAC_REVIEWS = Source(
    "MOPAC, Police Complaints Outcome Reviews",
    "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/"
    "about-mayors-office-policing-and-crime-mopac/mopac-complaints/police-complaints-outcome-reviews",
)
REG_29 = Source(
    "Police (Complaints and Misconduct) Regulations 2020, reg 29",
    "https://www.legislation.gov.uk/uksi/2020/2/regulation/29",
)
REG_11 = Source(
    "Police (Complaints and Misconduct) Regulations 2012, reg 11",
    "https://www.legislation.gov.uk/uksi/2012/1204/regulation/11",
)
IOPC_REVIEWS = Source(
    "IOPC, Reviews and appeals", "https://www.policeconduct.gov.uk/complaints-reviews-and-appeals/reviews-and-appeals"
)

OUTCOME = Blank("the date on the outcome letter", "--outcome-date")
WHY = Blank(
    "why the handling or the outcome of your complaint was not reasonable and proportionate, in your own words",
    "--why or --why-file",
)
WHY_2012 = Blank(
    "why you think the handling or the outcome of your complaint is wrong, in your own words", "--why or --why-file"
)
LATE = Blank("why the request is late (what stopped you sending it in time)", "--late-reason")
BODY_LETTER = Blank("the appeal body named in your outcome letter, and its address")

# Which paragraph of Schedule 3 the review is under (reg 29(1)): 6A for a complaint not investigated, 25 for one
# investigated. Unknown: both are named.
SCHEDULE_3_PARAGRAPH = {
    Investigation.NOT_INVESTIGATED: "paragraph 6A",
    Investigation.MPS: "paragraph 25",
}

WORDS = {
    "2020": {
        "noun": "review",
        "request": "request",
        "title": "Request for a review of the outcome of my complaint",
        "ask": "I ask for a review of the outcome of my complaint about the Metropolitan Police Service (MPS), under "
        "{paragraph} of Schedule 3 to the Police Reform Act 2002 and regulation 29 of the Police (Complaints and "
        "Misconduct) Regulations 2020.",
        "why": "Why the handling or outcome was not reasonable and proportionate",
        "remedy": "I ask you to find that the outcome was not reasonable and proportionate, and to recommend what "
        "should be done to put it right.",
        "late": "I ask you to accept this request although it is late: regulation 29(4) of the 2020 Regulations "
        "allows a late request in special circumstances, and I set mine out above.",
        "passed": "The 28 days have passed. Send the request at once, with the reasons for the delay in it: a late "
        "request is accepted only in special circumstances (reg 29(4)). There is no new date.",
    },
    "2012": {
        "noun": "appeal",
        "request": "appeal",
        "title": "Appeal against the outcome of my complaint",
        "ask": "I appeal against the outcome of my complaint about the Metropolitan Police Service (MPS), made before "
        "1 February 2020, under Schedule 3 to the Police Reform Act 2002 and regulation 11 of the Police "
        "(Complaints and Misconduct) Regulations 2012.",
        "why": "Why I am appealing",
        "remedy": "I ask you to uphold this appeal and to say what should be done to put things right.",
        "late": "I ask you to accept this appeal although it is late, for the reasons set out above.",
        "passed": "The 28 days have passed. Send the appeal at once, with the reasons for the delay in it: the "
        "appeal body may still accept it, but there is no new date.",
    },
}

HOW = {
    "mopac": ("Send it by email or post.",),
    "iopc": ("Use the IOPC's review form, or send this letter with the form's questions answered, by email or post.",),
    "letter": ("Send it to the body your outcome letter names, by the means it gives.",),
}


def build(case: Case) -> Letter:
    review = case.report.review
    if review.body is None:
        raise InputError(
            f"review-request: there is no right of review here ({review.reason}); see `escalate route` for the "
            "step to take instead"
        )
    regime = case.report.regime
    words = WORDS[regime]
    found = contact(review.body) if review.body in ("mopac", "iopc") else None
    to_name = found.name if found is not None else BODY_LETTER
    details = case.details
    facts = case.facts
    timing = send_by(
        case,
        KIND,
        "outcome_date",
        OUTCOME,
        f"No date to send it by: the facts say the {words['noun']} was already asked for or decided.",
    )
    late = timing.deadline is not None and timing.deadline.status in ("passed", "at-risk")
    paragraph = SCHEDULE_3_PARAGRAPH.get(facts.investigation, "paragraph 6A or 25")
    outcome = long_date(facts.outcome_date) if facts.outcome_date is not None else OUTCOME
    # The complaint's date is said when known (it fixes the regime); MOPAC's list does not ask for it.
    complained = (f"I made the complaint on {long_date(facts.complaint_date)}. ",) if facts.complaint_date else ()
    body: list[Block] = [
        para(words["ask"].format(paragraph=paragraph)),
        para(*complained, "The outcome letter is dated ", outcome, "; a copy is enclosed."),
        heading("My details"),
        item("Name and contact details: as at the top of this letter."),
        item("MPS complaint reference: ", given(details.reference, REFERENCE)),
        heading(words["why"]),
        *quote(details.why, WHY if regime == "2020" else WHY_2012),
    ]
    if details.want:
        body += [heading("What I want to happen"), *quote(details.want, WANT)]
    body.append(para(words["remedy"]))
    if details.representative:
        body += [
            heading("My representative"),
            para(
                details.representative.strip(),
                f" represents me in this {words['noun']}. I consent to them representing me and to you "
                "writing to them about it.",
            ),
        ]
    if late:
        body += [heading(f"Why this {words['noun']} is late"), *quote(details.late_reason, LATE), para(words["late"])]
    body.append(para(f"Please acknowledge this {words['request']}, and tell me if it should go to another body."))
    notes = [
        f"The {words['noun']} decision is final: there is no appeal from it, so put everything in now.",
        "There is no extra time for a weekend or bank holiday: send it by email so that it arrives in time, and "
        "keep proof of sending.",
    ]
    notes += [warning.text for warning in case.route.warnings if warning.id == "assumed-review-body"]
    enclose = ["A copy of the outcome letter, every page."]
    if details.representative:
        enclose.append("Your signed consent for your representative (this letter, signed, gives it).")
    enclose.append("Any evidence that shows why the outcome is wrong (copies; keep the originals).")
    cover = Cover(
        send_by=timing,
        passed=words["passed"],
        to=found,
        to_name=to_name,
        how=HOW[review.body],
        enclose=tuple(enclose),
        notes=tuple(notes),
        sources=(MOPAC_REVIEWS, REG_29 if regime == "2020" else REG_11, IOPC_REVIEWS),
    )
    subject = (words["title"], " – MPS reference ", given(details.reference, REFERENCE))
    return assemble(KIND, words["title"], case, cover, recipient(found, to_name), subject, body)
