"""The words of each step of the route, with their sources (RULES.md section 6): what to do, whom to send it to,
why, and what to send. Words are data: a reviewer checks each sentence here against its regulation or seed page.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from escalate.engine.facts import About
from escalate.engine.review import BODY_NAMES, Regime, ReviewDecision
from escalate.law.contacts import contact_line
from escalate.law.rules import APPEALS_2012, RULES_BY_ID, Source

PRA_SCH3 = "https://www.legislation.gov.uk/ukpga/2002/30/schedule/3"


SHORT_NAMES = {"mopac": "MOPAC", "iopc": "the IOPC"}


MOPAC_COMPLAINTS = Source(
    "MOPAC complaints",
    "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/"
    "about-mayors-office-policing-and-crime-mopac/mopac-complaints",
)


REGS_2020 = "https://www.legislation.gov.uk/uksi/2020/2"
REGS_2012 = "https://www.legislation.gov.uk/uksi/2012/1204"

MOPAC_REVIEWS = Source(
    "MOPAC, Police Complaints Outcome Reviews (seed 002)",
    "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/"
    "about-mayors-office-policing-and-crime-mopac/mopac-complaints/police-complaints-outcome-reviews",
)
SOLICITORS_GUIDE = Source(
    "Martin Taggart Legal Consulting, Understanding Your Last Resort Options When Police Complaints Have Gone "
    "Nowhere (LegalGuidance.org; seed 000)",
    "https://legalguidance.org/",
)
IPCC_RACE_REPORT = Source(
    "IPCC, report on the Metropolitan Police Service's handling of race complaints (press release; seed 004)",
    "https://www.policeconduct.gov.uk/",
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
DISCRIMINATION_ADVICE = (
    "In your complaint, and in any review request or appeal, spell out the discriminatory element: what was said or "
    "done, and why you believe it was because of your race or another protected characteristic. Ask for it "
    "to be explored with you. The IPCC found that the Met tackled racial discrimination robustly only where it "
    "was overt and backed by independent evidence, and seldom explored such allegations with the complainant "
    "(seed 004)."
)
"""Seed 004: 'There was little evidence of efforts to explore allegations of racial discrimination with the
complainant'; 'Racial discrimination was only tackled robustly where it was both overt ... and supported by
independent evidence'."""


class StepText(NamedTuple):
    title: str
    body: str
    why: str
    how: str
    source: Source
    deadlines: tuple[str, ...] = ()


@lru_cache(maxsize=32)
def complain_text(about: About, regime: Regime = "2020") -> tuple[str, StepText]:
    if about is About.COMMISSIONER:
        return "complain-to-mopac", StepText(
            title="Complain to MOPAC about the Commissioner",
            body="MOPAC (Mayor's Office for Policing and Crime)",
            why="For a complaint about the Commissioner, MOPAC is the appropriate authority, not the MPS. "
            "Complaints are best made within 12 months of the incident.",
            how="Write to MOPAC: say what the Commissioner did or failed to do, when, and what you want to "
            "happen; ask for it to be recorded under Schedule 3 of the Police Reform Act 2002. Keep a copy.\n"
            + contact_line("mopac-complaints"),
            source=Source("Police Reform Act 2002 s.29 (appropriate authority) and Sch 3", PRA_SCH3),
            deadlines=("complaint",),
        )
    if about is About.MOPAC_STAFF:
        return "complain-about-mopac", StepText(
            title="Complain to MOPAC about its staff",
            body="MOPAC (Mayor's Office for Policing and Crime)",
            why="A complaint about MOPAC's own staff is not a police complaint: MOPAC deals with it under "
            "its own three-stage complaints process.",
            how="Use MOPAC's complaints process: say who was involved, what happened and when, and what you "
            "want to happen. If you are not satisfied at one stage, ask for the "
            "next.\n" + contact_line("mopac-complaints"),
            source=MOPAC_COMPLAINTS,
        )
    if about is About.MAYOR:
        return "complain-to-gla", StepText(
            title="Complain to the GLA Monitoring Officer about the Mayor or Deputy Mayor",
            body="GLA Monitoring Officer (Greater London Authority)",
            why="Complaints about the Mayor or the Deputy Mayor for Policing and Crime, as the policing body "
            "for London, are dealt with by the London Assembly's Police and Crime Committee through the GLA "
            "Monitoring Officer, not by the MPS. A complaint that may be a crime is referred to the IOPC.",
            how="Write to the GLA Monitoring Officer: say who the complaint is about, what they did or "
            "failed to do and when. Keep a copy.\n" + contact_line("gla-monitoring-officer"),
            source=Source(
                "Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012",
                "https://www.legislation.gov.uk/uksi/2012/62",
            ),
        )
    return "complain-to-mps", StepText(
        title="Complain to the Metropolitan Police",
        body="Metropolitan Police Service (MPS)",
        why="The MPS is the appropriate authority for complaints about its officers and staff. There is no "
        "legal deadline, but a complaint made more than 12 months after the incident may not be taken "
        "further unless the delay is explained.",
        how="Complain online, by post or in person; or use the IOPC's form, which passes it to the MPS. Say "
        "what happened, when and where, who was involved (names or shoulder numbers), any witnesses, and "
        "what you want to happen. Ask for it to be recorded under Schedule 3 of the Police Reform Act 2002, "
        f"which gives you a right of {'appeal' if regime == '2012' else 'review'}. Keep a copy.\n"
        + contact_line("mps"),
        source=RULES_BY_ID["complaint"].source,
        deadlines=("complaint",),
    )


@lru_cache(maxsize=4)
def recording_text(commissioner: bool, regime: Regime = "2020") -> StepText:
    who, body, contact = (
        ("MOPAC", "MOPAC (Mayor's Office for Policing and Crime)", "mopac-complaints")
        if commissioner
        else ("The MPS", "Metropolitan Police Service (MPS)", "mps")
    )
    if regime == "2012":
        # The 2020 recording right (Sch 3 para 2(6A)) does not reach complaints made before 1 February 2020;
        # under the 2012 rules a failure to record could be appealed (reg 11(1)(a): Sch 3 para 3(3)).
        return StepText(
            title="Appeal against the decision not to record the complaint",
            body=body,
            why="The complaint was made before 1 February 2020, so the 2012 rules apply: a decision not to "
            "record a complaint, or a failure to tell you of one, could be appealed (Police Reform Act 2002 Sch 3 "
            "para 3(3), as it then stood; 2012 Regulations reg 11(1)(a)), within 28 days commencing on the day "
            "after the date of the letter (reg 11(3)).",
            how="Take advice at once: the 28 days have probably passed, and a late appeal is accepted only in "
            "special circumstances (reg 11(5)). Write to the body named in the letter, quoting your reference, "
            "and keep a copy.\n" + contact_line(contact),
            source=Source("Police (Complaints and Misconduct) Regulations 2012, reg 11(1)(a), (3), (5)", REGS_2012),
        )
    return StepText(
        title="Ask for the complaint to be recorded under Schedule 3",
        body=body,
        why=f"The complaint was handled outside Schedule 3, which carries no right of review. {who} must "
        "record it under Schedule 3 if you ask.",
        how="Write to the complaint handler, quoting your reference: 'I want my complaint recorded and dealt "
        "with under Schedule 3 of the Police Reform Act 2002.' Keep a copy.\n" + contact_line(contact),
        source=Source("Police Reform Act 2002 Sch 3 para 2(6A)", PRA_SCH3),
    )


@lru_cache(maxsize=32)
def wait_text(about: About, regime: Regime = "2020") -> StepText:
    if about is About.MOPAC_STAFF:
        return StepText(
            title="Wait for MOPAC's answer",
            body="MOPAC (Mayor's Office for Policing and Crime)",
            why="MOPAC answers at each stage of its complaints process.",
            how="If you hear nothing, chase in writing and keep a copy.\n" + contact_line("mopac-complaints"),
            source=MOPAC_COMPLAINTS,
        )
    if about is About.MAYOR:
        return StepText(
            title="Wait for the outcome",
            body="GLA Monitoring Officer (Greater London Authority)",
            why="The Monitoring Officer decides how the complaint is dealt with and tells you the outcome.",
            how="If you hear nothing, chase in writing and keep a copy.\n" + contact_line("gla-monitoring-officer"),
            source=Source(
                "Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012",
                "https://www.legislation.gov.uk/uksi/2012/62",
            ),
        )
    handler = "MOPAC" if about is About.COMMISSIONER else "the MPS"
    asking = "to appeal" if regime == "2012" else "to ask for a review"
    rule = APPEALS_2012["complaint-update"] if regime == "2012" else RULES_BY_ID["complaint-update"]
    return StepText(
        title="Wait for the outcome, and chase the updates",
        body="MOPAC (Mayor's Office for Policing and Crime)"
        if about is About.COMMISSIONER
        else "Metropolitan Police Service (Directorate of Professional Standards)",
        why=f"While the complaint is handled, {handler} must tell you how it is going at least every 28 days.",
        how="If an update is late, chase it in writing, quoting your reference, and keep a copy. When the "
        f"outcome letter comes, keep it with its envelope or email: the 28 days {asking} run from the date "
        "printed on the letter (starting with the day after it), so act at once.",
        source=rule.source,
        deadlines=("complaint-update",),
    )


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


@lru_cache(maxsize=4)
def mopac_stage_text(stage: int) -> StepText:
    """Stages 2 and 3 of MOPAC's complaints process, for a complaint about its staff (seed 003, MOPAC
    complaints: 'Once your complaint has been received it will enter the three-stage MOPAC complaints
    process')."""
    if stage == 2:
        return StepText(
            title="Stage 2: ask MOPAC to investigate",
            body="MOPAC Head of Workforce and Professional Standards",
            why="If MOPAC's first answer (Stage 1) does not settle it, you can escalate the complaint. At "
            "Stage 2, complaints about MOPAC staff that need investigation go to the Head of Workforce and "
            "Professional Standards, who seeks to address your concerns with the people responsible and "
            "tells you the outcome of any action taken. MOPAC's page gives no time limit for asking.",
            how="Write to MOPAC, quoting its Stage 1 reply: say that you want the complaint escalated to "
            "Stage 2 and why the first answer did not resolve it. Keep a copy.\n" + contact_line("mopac-complaints"),
            source=MOPAC_COMPLAINTS,
        )
    return StepText(
        title="Stage 3: ask for a review by MOPAC's Chief Executive",
        body="MOPAC Chief Executive Officer",
        why="If you are unhappy with the Stage 2 response, you can ask for the complaint to be referred to "
        "MOPAC's Chief Executive Officer, who reviews the circumstances of the case and tells you the "
        "outcome and any action taken. This is the last stage of MOPAC's process; its page gives no time "
        "limit for asking.",
        how="Write to MOPAC, quoting the Stage 2 reply: ask for the complaint to be referred to the Chief "
        "Executive Officer at Stage 3, and say why the Stage 2 response did not resolve it. Keep a copy.\n"
        + contact_line("mopac-complaints"),
        source=MOPAC_COMPLAINTS,
    )


@lru_cache(maxsize=1)
def mopac_stage_2_wait_text() -> StepText:
    """Waiting for MOPAC's Stage 2 answer (``review_request_date`` known for a complaint about its staff)."""
    return StepText(
        title="Wait for MOPAC's Stage 2 answer",
        body="MOPAC Head of Workforce and Professional Standards",
        why="At Stage 2 MOPAC tells you the outcome of any action taken, or how to take the complaint "
        "further if it is outside MOPAC's control.",
        how="If you hear nothing, chase in writing, quoting your reference, and keep a copy.\n"
        + contact_line("mopac-complaints"),
        source=MOPAC_COMPLAINTS,
    )


@lru_cache(maxsize=1)
def gla_after_outcome_text() -> StepText:
    """After the GLA Monitoring Officer's outcome: the process has no further stage (seed 003)."""
    return StepText(
        title="Get legal advice on what is left",
        body="A solicitor, a law centre or Citizens Advice",
        why="The Monitoring Officer's outcome ends the complaints process for the Mayor and the Deputy Mayor "
        "for Policing and Crime: there is no further stage within it. A court claim may still be possible, "
        "and its time limits run from the events themselves: see the claims below.",
        how="Take the outcome letter, your complaint and a short timeline to the adviser.\n"
        + contact_line("legal-aid"),
        source=Source(
            "Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012",
            "https://www.legislation.gov.uk/uksi/2012/62",
        ),
    )


@lru_cache(maxsize=64)
def judicial_review_text(review: ReviewDecision, regime: Regime, police: bool) -> StepText:
    if review.body is not None:
        decision = "the review decision" if regime == "2020" else "the appeal decision"
        why = (
            f"If {decision} is wrong in law, unfair or irrational, the only challenge is judicial review: "
            f"{decision.removeprefix('the ')}s are final and there is no appeal from them."
        )
    elif police:
        why = (
            "Where there is no review (the IOPC investigated or directed the investigation), a decision that "
            "is wrong in law, unfair or irrational can be challenged only by judicial review."
        )
    else:
        why = (
            "A public body's final decision that is wrong in law, unfair or irrational can be challenged "
            "only by judicial review."
        )
    return StepText(
        title="Judicial review in the Administrative Court",
        body="Administrative Court (High Court)",
        why=why + " It is about how the decision was made, not a rehearing of the complaint.",
        how="Take legal advice first (legal aid may be available; you may have to pay the other side's costs "
        "if you lose). Send a letter before claim (Pre-Action Protocol for Judicial Review) to the body "
        "whose decision you challenge, allowing 14 days for a reply; then file claim form N461 at the "
        "Administrative Court promptly and within 3 months. The letter does not stop the clock.\n"
        + contact_line("administrative-court"),
        source=RULES_BY_ID["judicial-review"].source,
        deadlines=("letter-before-claim", "judicial-review"),
    )


@lru_cache(maxsize=4)
def sar_text(asked: bool, footage_gone: bool = False) -> StepText:
    why = (
        "You have a right to a copy of your personal data. Ask for: body-worn camera footage, incident logs, "
        "internal notes about your complaint, and any correspondence between officers or departments (seed "
        "000), and the custody record if you were detained. It is evidence for the complaint and any claim."
    )
    if footage_gone:
        # MPS, Privacy and body worn video: recordings not required as evidence are deleted within 31 days.
        why += (
            " More than 31 days have passed since the incident: body-worn video may already have been deleted "
            "unless it was kept as evidence. Ask whether it was kept, and for everything else."
        )
    else:
        why += " Body-worn video not kept as evidence is deleted within 31 days of the incident."
    if asked:
        how = (
            "You have asked. If the reply is late or incomplete, chase it in writing. From 19 June 2026 a data "
            "protection complaint goes first to the police (Data Protection Act 2018 s.164A), who must "
            "acknowledge it within 30 days; then, if you are not satisfied, complain to the ICO.\n"
            + contact_line("ico")
        )
    else:
        how = (
            "Make a request to the MPS online or in writing, saying what you want (body-worn camera footage, "
            "incident logs, internal notes about your complaint, correspondence between officers or departments, "
            "the custody record), with the date, time and place. It is free. `escalate letter subject-access` "
            "drafts it.\n" + contact_line("mps-subject-access")
        )
    return StepText(
        title="Ask for your records (subject access request)",
        body="Metropolitan Police Service (data protection / subject access team)",
        why=why,
        how=how,
        source=RULES_BY_ID["subject-access"].source,
        deadlines=("subject-access",),
    )


@lru_cache(maxsize=1)
def preserve_text() -> StepText:
    rule = RULES_BY_ID["preserve-evidence"]
    return StepText(
        title="Ask the police to keep the footage and records",
        body="Metropolitan Police Service (MPS)",
        why="The MPS deletes body-worn video automatically within 31 days of the incident unless it is kept as "
        "evidence. A written request to keep it, sent within 30 days, gives the best chance that it is there "
        "when the complaint or a claim needs it.",
        how="Write to the MPS (to the complaint handler if you have complained, quoting your reference), asking "
        "that the body-worn video, CCTV, custody and stop records of the incident be kept; give the date, time "
        "and place. `escalate letter preserve-evidence` drafts it. Keep a copy.\n" + contact_line("mps"),
        source=rule.source,
        deadlines=(rule.id,),
    )


@lru_cache(maxsize=32)
def civil_text(injury: bool | None, detained: bool | None, prosecuted: bool | None) -> StepText:
    claims = []
    if detained is True:
        claims.append("false imprisonment (you were arrested or detained)")
    if injury is True:
        claims.append("assault and personal injury (3 years)")
    injury_part = (
        " A claim with 6 years (false imprisonment, malicious prosecution) that includes your injury may have "
        "only 3 years for the injury itself (Limitation Act 1980 s.11; A v Hoare [2008] UKHL 6)."
        if injury is True and (detained is True or prosecuted is True)
        else ""
    )
    if prosecuted is True:
        claims.append("malicious prosecution (from when the prosecution ended in your favour)")
    claims_text = (
        "; ".join(claims)
        if claims
        else "for example false imprisonment, assault, trespass, misfeasance in public office or data protection"
    )
    rules = (
        ("personal-injury", "civil-claim", "malicious-prosecution")
        if injury is not False
        else (
            "civil-claim",
            "malicious-prosecution",
        )
    )
    return StepText(
        title="A civil claim for compensation",
        body="County Court",
        why="A complaint cannot award compensation: only a civil claim can. Possible claims include: "
        + claims_text
        + "."
        + injury_part
        + " The limitation clock runs while the complaint goes on.",
        how="Take advice from a solicitor who specialises in actions against the police well before the "
        "limitation date (legal aid or a no-win-no-fee agreement may be available). A claim starts with a "
        "letter of claim under the pre-action protocol, then a claim form issued at the County Court.\n"
        + contact_line("county-court"),
        source=Source(
            "Limitation Act 1980 s.2, s.11, s.14, s.28, s.33", "https://www.legislation.gov.uk/ukpga/1980/58"
        ),
        deadlines=rules,
    )


@lru_cache(maxsize=8)
def equality_text(discrimination: bool | None, police: bool = True) -> StepText:
    who = "the police" if police else "they"
    why = (
        "You said the conduct was discriminatory: the Equality Act 2010 lets you claim in the County Court."
        if discrimination
        else f"If {who} treated you worse because of race, sex, disability, religion, sexual orientation "
        "or another protected characteristic, the Equality Act 2010 lets you claim in the County Court."
    )
    return StepText(
        title="A discrimination claim (Equality Act 2010)",
        body="County Court",
        why=why + " Its time limit is short: 6 months starting with the act (s.118(1)). " + DISCRIMINATION_ADVICE,
        how="Take advice at once. The claim is issued in the County Court; the court may allow a later claim "
        "if it is just and equitable, but never rely on that.\n" + contact_line("county-court"),
        source=RULES_BY_ID["equality-act"].source,
        deadlines=("equality-act",),
    )


@lru_cache(maxsize=1)
def human_rights_text() -> StepText:
    return StepText(
        title="A Human Rights Act claim",
        body="County Court or High Court",
        why="Conduct that breached your Convention rights (for example ill-treatment, unlawful detention, or "
        "interference with private life) can be claimed for under the Human Rights Act 1998, within one year "
        "starting with the act. That year is subject to any stricter time limit (s.7(5)): a Human Rights Act "
        "challenge to a review decision goes by judicial review, within its 3 months.",
        how="Usually brought together with a civil claim: take advice from a solicitor who specialises in "
        "actions against the police.\n" + contact_line("county-court"),
        source=RULES_BY_ID["human-rights-act"].source,
        deadlines=("human-rights-act",),
    )


@lru_cache(maxsize=4)
def advice_text(death_or_serious_injury: bool | None) -> StepText:
    inquest = (
        " After a death, INQUEST gives free advice to families.\n" + contact_line("inquest")
        if death_or_serious_injury
        else ""
    )
    return StepText(
        title="Get legal advice",
        body="A solicitor who specialises in actions against the police",
        why="The court clocks are short and strict, and a solicitor can see claims you may not know you have.",
        how="Look for a solicitor who specialises in actions against the police (many offer a free first "
        "talk; legal aid may be available). Free help: a law centre, Citizens Advice, Liberty's advice line."
        + inquest
        + "\n"
        + contact_line("legal-aid"),
        source=Source("GOV.UK, Check if you can get legal aid", "https://www.gov.uk/check-legal-aid"),
    )


@lru_cache(maxsize=1)
def mp_text() -> StepText:
    return StepText(
        title="Tell your MP, and MOPAC's oversight",
        body="Your MP; the London Assembly Police and Crime Committee",
        why="Your MP can raise the complaint with the Commissioner; MOPAC oversees the MPS and the London "
        "Assembly Police and Crime Committee scrutinises policing in London. They cannot decide the "
        "complaint or award compensation, but they can press for an answer.",
        how="Write to your MP with a short timeline and copies of the key letters.\n"
        + contact_line("mp")
        + "\n"
        + contact_line("police-and-crime-committee"),
        source=Source("UK Parliament, Find your MP", "https://members.parliament.uk/FindYourMP"),
    )


@lru_cache(maxsize=1)
def outside_records_text() -> StepText:
    """Keeping records, for a complaint about MOPAC staff or the Mayor (no police review clock)."""
    return StepText(
        title="Keep records",
        body="You",
        why="Each stage depends on dates and papers, and courts ask for evidence.",
        how="Keep a written timeline (what happened, when, who); copies of every complaint, letter and "
        "email, sent and received, with their dates; the names and contact details of witnesses.",
        source=MOPAC_COMPLAINTS,
    )


@lru_cache(maxsize=1)
def records_text() -> StepText:
    return StepText(
        title="Keep records",
        body="You",
        why="Every step depends on dates and papers: the 28 days to ask for a review (or, for a complaint made "
        "before 1 February 2020, to appeal) run from the date on the outcome letter, and courts ask for evidence. Copies of your complaint attempts show how the "
        "force handled your case (seed 000).",
        how="Keep all evidence organised: messages and emails, screenshots, complaint reference numbers, the "
        "names and contact details of witnesses, every complaint and reply (sent and received, with its "
        "envelope or email), replies to subject access requests, and notes of what happened. Keep a written "
        "timeline: what happened, when, who was involved, what you have done so far, and what reply you had "
        "(or did not). Photographs of any injury and medical records help a claim.",
        source=SOLICITORS_GUIDE,
    )
