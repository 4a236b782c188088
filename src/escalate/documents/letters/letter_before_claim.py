"""The letter before claim for judicial review, in the form of the Pre-Action Protocol for Judicial Review's
Annex A, to the body whose decision is challenged.

Sources, each cited once:
- Pre-Action Protocol for Judicial Review: the letter's headings (Annex A); a reply normally within 14 days;
  para 1: the Protocol "does not affect the time limit specified by Rule 54.5(1) of the Civil Procedure Rules".
- Civil Procedure Rules 54.5(1): the claim form "promptly and in any event not later than 3 months".
- MOPAC, Police Complaints Outcome Reviews: review decisions are final and "can be judicially reviewed"; the
  process "may cost you money".
"""

from __future__ import annotations

from escalate.documents.letters.common import (
    REFERENCE,
    assemble,
    contact,
    recipient,
    send_by,
    sender,
)
from escalate.documents.letters.model import Blank, Block, Case, Cover, Letter, Piece, given, heading, para, quote
from escalate.engine.calculate import reply_date
from escalate.engine.facts import Investigation
from escalate.law.dates import long_date
from escalate.law.rules import RULES_BY_ID, Source

KIND = "letter-before-claim"

PROTOCOL = RULES_BY_ID[KIND].source
CPR_54 = RULES_BY_ID["judicial-review"].source
MOPAC_FINAL = Source(
    "MOPAC, Police Complaints Outcome Reviews (judicial review of review decisions)",
    "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/"
    "about-mayors-office-policing-and-crime-mopac/mopac-complaints/police-complaints-outcome-reviews",
)

DECISION = Blank("the date on the review decision letter", "--review-decision-date")
DEFENDANT = Blank("the body whose decision you challenge, and its address for legal correspondence")
THEIR_REFERENCE = Blank("the reference on the decision letter")
ISSUE = Blank(
    "why the decision is unlawful: the facts, and the legal grounds (a solicitor can set these out)",
    "--why or --why-file",
)
ACTION = Blank("what you want the defendant to do (for example: withdraw the decision and make it again)", "--want")

DEFENDANTS = {
    "mopac": "The Mayor's Office for Policing and Crime (MOPAC)",
    "iopc": "The Independent Office for Police Conduct (IOPC)",
}

PASSED = (
    "The date to send it, which leaves 14 days for a reply before the claim deadline, has passed. The letter "
    "does not stop the 3-month clock: take legal advice today about filing the claim in time (its date is below)."
)


def build(case: Case) -> Letter:
    details = case.details
    facts = case.facts
    review = case.report.review
    iopc_investigation = facts.investigation in (Investigation.IOPC, Investigation.IOPC_DIRECTED)
    body_key = "iopc" if iopc_investigation else review.body
    found = contact(body_key) if body_key is not None and body_key in DEFENDANTS else None
    defendant: Piece = DEFENDANTS[body_key] if body_key is not None and body_key in DEFENDANTS else DEFENDANT
    timing = send_by(case, KIND, "review_decision_date", DECISION, "No claim deadline follows from these facts.")
    claim = case.report.by_id("judicial-review")
    if iopc_investigation:
        decided = facts.outcome_date
        matter: tuple[Piece, ...] = (
            "The outcome of the IOPC's investigation of my complaint about the Metropolitan Police, dated ",
            long_date(decided) if decided is not None else Blank("the date of the outcome", "--outcome-date"),
            ".",
        )
    else:
        decided = facts.review_decision_date
        noun = "appeal" if case.report.regime == "2012" else "review"
        matter = (
            f"The decision on my {noun} of the outcome of my complaint about the Metropolitan Police, dated ",
            long_date(decided) if decided is not None else DECISION,
            ".",
        )
    reply = reply_date(facts.today)
    address = (
        [para("Please reply to my representative: ", details.representative.strip(), ".")]
        if details.representative
        else [para("Please reply to me at the address at the top of this letter, by post or email.")]
    )
    body: list[Block] = [
        para("Proposed claim for judicial review"),
        heading("1. The claimant"),
        *(para(*block.pieces) for block in sender(case)[:1]),
        heading("2. The defendant"),
        para(defendant),
        heading("3. The defendant's reference details"),
        para(
            "Your reference: ", THEIR_REFERENCE, ". MPS complaint reference: ", given(details.reference, REFERENCE), "."
        ),
        heading("4. The details of the matter being challenged"),
        para(*matter),
        heading("5. The issue"),
        *quote(details.why, ISSUE),
        heading("6. The details of the action that the defendant is expected to take"),
        *quote(details.want, ACTION),
        heading("7. ADR proposals"),
        para(
            "I am willing to discuss whether this can be resolved without a claim, for example by your "
            "reconsidering the decision. Please say in your reply whether you will."
        ),
        heading("8. The details of any information sought, and of documents considered relevant and necessary"),
        para(
            "Please send me the documents and information you considered in reaching the decision, and any "
            "notes or records of how it was reached."
        ),
        heading("9. The address for reply and service of court documents"),
        *address,
        heading("10. Proposed reply date"),
        para(f"Please reply by {long_date(reply)}, 14 days from the date of this letter."),
        para(
            "This letter does not affect the time limit for a claim (Pre-Action Protocol for Judicial Review, "
            "para 1; CPR 54.5(1)): if time requires it, I may file a claim before your reply."
        ),
    ]
    notes = [
        "Take legal advice before you send this letter: judicial review is about whether the decision was "
        "lawful, not a rehearing of the complaint; it can cost money, and if you lose you may have to pay the "
        "other side's costs. Legal aid may be available.",
        "The letter does not stop the 3-month clock: the Protocol 'does not affect the time limit specified by "
        "Rule 54.5(1)'. The claim must be filed promptly, and in any event by the claim deadline.",
    ]
    if claim is not None and reply > claim.safe_date:
        notes.append(
            f"A reply 14 days from today ({long_date(reply)}) would come after the claim deadline: do not wait "
            "for it to file the claim."
        )
    cover = Cover(
        send_by=timing,
        passed=PASSED,
        to=found,
        to_name=defendant,
        how=("If the decision letter gives an address for legal correspondence, send it there too.",),
        enclose=("A copy of the decision you challenge.", "Copies of the key documents (keep the originals)."),
        notes=tuple(notes),
        sources=(PROTOCOL, CPR_54, MOPAC_FINAL),
        also=(claim,) if claim is not None else (),
    )
    subject = (
        "Letter before claim: proposed claim for judicial review – MPS reference ",
        given(details.reference, REFERENCE),
    )
    to = recipient(found, found.name if found is not None else defendant)
    return assemble(KIND, "Letter before claim", case, cover, to, subject, body)
