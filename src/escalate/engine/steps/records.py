"""The words of getting and keeping the records: a subject access request, asking the police to keep
body-worn video, and keeping your own record of the case.
"""

from __future__ import annotations

from functools import lru_cache

from escalate.engine.steps.common import (
    SOLICITORS_GUIDE,
    StepText,
)
from escalate.law.contacts import contact_line
from escalate.law.rules import RULES_BY_ID


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
