"""The words of each step of the route, with their sources (RULES.md section 6): what to do, whom to send it to,
why, and what to send. Words are data: a reviewer checks each sentence here against its regulation or seed page.

The words, by family of steps: ``complaint`` (making the complaint, its recording, waiting for the outcome),
``review`` (the review or appeal of the outcome), ``mopac`` (complaints about MOPAC staff or the Mayor),
``court`` (judicial review and the claims), ``records`` (subject access, keeping the footage, your own
records) and ``advice`` (legal advice, your MP); ``common`` holds what they share.
"""

from __future__ import annotations

from escalate.engine.steps.advice import (
    advice_text,
    mp_text,
)
from escalate.engine.steps.common import (
    IPCC_RACE_REPORT,
    MOPAC_COMPLAINTS,
    PRA_SCH3,
    REGS_2012,
    REGS_2020,
    SHORT_NAMES,
    SOLICITORS_GUIDE,
    StepText,
)
from escalate.engine.steps.complaint import (
    complain_text,
    recording_text,
    wait_text,
)
from escalate.engine.steps.court import (
    DISCRIMINATION_ADVICE,
    civil_text,
    equality_text,
    human_rights_text,
    judicial_review_text,
)
from escalate.engine.steps.mopac import (
    gla_after_outcome_text,
    mopac_stage_2_wait_text,
    mopac_stage_text,
    outside_records_text,
)
from escalate.engine.steps.records import (
    preserve_text,
    records_text,
    sar_text,
)
from escalate.engine.steps.review import (
    IOPC_CAN,
    LATE_APPEAL,
    LATE_REVIEW,
    MOPAC_REVIEW_CAN,
    MOPAC_REVIEWS,
    TAKES_TIME,
    review_text,
    review_wait_text,
)

__all__ = [
    "DISCRIMINATION_ADVICE",
    "IOPC_CAN",
    "IPCC_RACE_REPORT",
    "LATE_APPEAL",
    "LATE_REVIEW",
    "MOPAC_COMPLAINTS",
    "MOPAC_REVIEWS",
    "MOPAC_REVIEW_CAN",
    "PRA_SCH3",
    "REGS_2012",
    "REGS_2020",
    "SHORT_NAMES",
    "SOLICITORS_GUIDE",
    "TAKES_TIME",
    "StepText",
    "advice_text",
    "civil_text",
    "complain_text",
    "equality_text",
    "gla_after_outcome_text",
    "human_rights_text",
    "judicial_review_text",
    "mopac_stage_2_wait_text",
    "mopac_stage_text",
    "mp_text",
    "outside_records_text",
    "preserve_text",
    "recording_text",
    "records_text",
    "review_text",
    "review_wait_text",
    "sar_text",
    "wait_text",
]
