"""The words of the claims in court (RULES.md section 4): judicial review, a civil claim for damages, a
discrimination claim under the Equality Act and a Human Rights Act claim.
"""

from __future__ import annotations

from functools import lru_cache

from escalate.engine.review import Regime, ReviewDecision
from escalate.engine.steps.common import (
    StepText,
)
from escalate.law.contacts import contact_line
from escalate.law.rules import RULES_BY_ID, Source


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
