"""The words of the complaint itself (RULES.md section 6): making it (to the MPS, or to MOPAC for a complaint
about the Commissioner; the routes for MOPAC staff and the Mayor), having it recorded under Schedule 3, and
waiting for the outcome with its progress updates.
"""

from __future__ import annotations

from functools import lru_cache

from escalate.engine.facts import About
from escalate.engine.review import Regime
from escalate.engine.steps.common import (
    MOPAC_COMPLAINTS,
    PRA_SCH3,
    REGS_2012,
    StepText,
)
from escalate.law.contacts import contact_line
from escalate.law.rules import APPEALS_2012, RULES_BY_ID, Source


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
