"""The words of the review (appeal, under the 2012 rules) of a complaint's outcome (RULES.md section 6, 'Who
reviews'): asking for it, what MOPAC and the IOPC can do, a late request, and waiting for the decision.
"""

from __future__ import annotations

from functools import lru_cache

from escalate.engine.review import BODY_NAMES, Regime, ReviewDecision
from escalate.engine.steps.common import (
    PRA_SCH3,
    StepText,
)
from escalate.law.contacts import contact_line
from escalate.law.rules import Source

MOPAC_REVIEWS = Source(
    "MOPAC, Police Complaints Outcome Reviews (seed 002)",
    "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/"
    "about-mayors-office-policing-and-crime-mopac/mopac-complaints/police-complaints-outcome-reviews",
)


MOPAC_REVIEW_CAN = (
    "A MOPAC review checks whether the outcome was reasonable and proportionate; it is not a new "
    "investigation. If the outcome was not, MOPAC usually recommends that the MPS looks at the complaint again "
    "or puts things right another way (an explanation or apology, returning seized property, reviewing a policy "
    "or procedure), and in rare cases refers it to the IOPC. It cannot recommend compensation, decide whether "
    "something was lawful, or review a criminal investigation (MOPAC, Police Complaints Outcome Reviews)."
)
"""What a MOPAC review can and cannot do, from MOPAC's own page (seed 002)."""


IOPC_CAN = (
    "The IOPC is separate from the police: it looks at how the police handled your complaint, not the "
    "complaint afresh. It can order the police to reinvestigate, take the investigation over, make findings of "
    "misconduct or gross misconduct, recommend disciplinary action, publish reports and make learning "
    "recommendations to the force (seed 000)."
)
"""What the IOPC can do (seed 000; 'we look at how the police handled your complaint': IOPC, Submit a review)."""


TAKES_TIME = "Independent processes take time: the {noun} body decides in no fixed time."
"""Said once, at the review step (seed 000: 'Independent investigations can take time')."""


@lru_cache(maxsize=128)
def review_text(review: ReviewDecision, regime: Regime, iopc_investigated: bool, late: bool = False) -> StepText:
    appeal = regime == "2012"
    noun = "appeal" if appeal else "review"
    title = "Appeal against the outcome" if appeal else "Ask for a review of the outcome"
    if review.body is None:
        return StepText(
            title=title,
            body="no review body",
            why=f"Not available: {review.reason}.",
            how="Judicial review is the route" if iopc_investigated else "See the other steps.",
            source=review.source,
        )
    what_to_send = {
        "mopac": "Send MOPAC's Police Complaint Reviews Team, by email or by post: your name and contact "
        "details; the MPS complaint reference; a copy of the outcome letter; why you are unhappy with how the "
        "MPS handled your complaint or the outcome it reached; and, if someone represents you, their contact "
        "details and your consent for them to represent you. MOPAC's online web form does not accept review requests. "
        "Email arrives at once: post early enough to arrive in time. Keep proof of sending.",
        "iopc": "Use the IOPC's review form (online, or its Word or PDF version by email or post) and attach "
        "the outcome letter, every page. Say why you think the outcome is wrong and what you want to happen; "
        "if someone acts for you, include your written consent. Send it so that it arrives in time, and keep "
        "proof of sending.",
        "letter": "Send the appeal to the body named in the outcome letter (the IOPC, or the MPS itself), by "
        "the means it gives, so that it arrives in time. Include the complaint reference, a copy of the outcome "
        "letter and why you think the outcome is wrong. Keep proof of sending.",
    }[review.body]
    can = {
        "mopac": f" {MOPAC_REVIEW_CAN}",
        "iopc": f" {IOPC_CAN}",
        "letter": " That is the IOPC for the complaints listed in reg 30 of the 2012 Regulations, otherwise the "
        "chief officer.",
    }[review.body]
    if appeal:
        when = (
            "Send the appeal within 28 days commencing on the day after the date of the outcome letter (2012 "
            "Regulations reg 11(3)); a late appeal is accepted only in special circumstances (reg 11(5))."
        )
    else:
        when = (
            "Send the request within 28 days starting with the day after the date on the outcome letter (reg "
            "29(2); the IOPC and MOPAC count from the letter's date); a late one is accepted only in special "
            "circumstances (reg 29(4))."
        )
    where = {"mopac": "\n" + contact_line("mopac"), "iopc": "\n" + contact_line("iopc"), "letter": ""}[review.body]
    return StepText(
        title=title,
        body=BODY_NAMES[review.body],
        why=f"{review.reason[0].upper()}{review.reason[1:]} ({review.source.citation}). {when}"
        + ((LATE_APPEAL if appeal else LATE_REVIEW) if late else "")
        + f"{can} {TAKES_TIME.format(noun=noun)}",
        how=what_to_send + f" The {noun} decision is final: put everything in." + where,
        source=review.source,
        deadlines=("review-request",),
    )


LATE_REVIEW = (
    " The 28 days have passed, but this is still the step to take: send the request at once and say in it "
    "why it is late. The review body may accept a late request in special circumstances (2020 Regulations "
    "reg 29(4)); no time limit applies where exceptional circumstances prevented it being met (reg 51(2)). "
    "There is no new date."
)


LATE_APPEAL = (
    " The 28 days have passed, but this is still the step to take: send the appeal at once and say in it why "
    "it is late. The appeal body may accept a late appeal in special circumstances (2012 Regulations "
    "reg 11(5)). There is no new date."
)
"""A passed review (or appeal) deadline keeps the step (RULES.md s.4, 'Review requests on a weekend or bank
holiday'): what to do then, never a new date."""


@lru_cache(maxsize=16)
def review_wait_text(review: ReviewDecision, regime: Regime) -> StepText:
    """Waiting for a review (or appeal) asked for (RULES.md s.6, ``wait-for-review-decision``)."""
    noun = "appeal" if regime == "2012" else "review"
    body = BODY_NAMES[review.body] if review.body is not None else "the review body"
    why = (
        f"You have asked for the {noun}. The {noun} body decides in no fixed time; the 3 months for judicial "
        "review will run from the date on its decision letter."
    )
    if review.body == "mopac":
        why += (
            " MOPAC first tells you whether the request is valid, whether it is the review body (if not, it "
            "forwards the request and tells you) and how long it is likely to take to allocate a caseworker."
        )
        source = MOPAC_REVIEWS
    elif regime == "2012":
        source = Source(
            "Police (Complaints and Misconduct) Regulations 2012, reg 11",
            "https://www.legislation.gov.uk/uksi/2012/1204/regulation/11",
        )
    else:
        source = Source("Police Reform Act 2002 Sch 3 para 25 and para 6A (reviews)", PRA_SCH3)
    return StepText(
        title=f"Wait for the {noun} decision",
        body=body,
        why=why,
        how=f"If you hear nothing, write to the {noun} body for news, quoting your reference, and keep a "
        "copy. When the decision comes, note the date on its letter. Meanwhile the court clocks keep "
        "running: see the claims below.",
        source=source,
    )
