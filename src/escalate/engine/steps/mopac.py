"""The words of a complaint about MOPAC staff (MOPAC's own three stages, seed 003) or about the Mayor (the GLA
Monitoring Officer): the steps outside Schedule 3.
"""

from __future__ import annotations

from functools import lru_cache

from escalate.engine.steps.common import (
    MOPAC_COMPLAINTS,
    StepText,
)
from escalate.law.contacts import contact_line
from escalate.law.rules import Source


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
