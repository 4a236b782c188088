"""The words of getting help beside the complaint: legal advice (and INQUEST's free advice to families after a
death), and your MP and the oversight of MOPAC and the London Assembly.
"""

from __future__ import annotations

from functools import lru_cache

from escalate.engine.steps.common import (
    StepText,
)
from escalate.law.contacts import contact_line
from escalate.law.rules import Source


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
