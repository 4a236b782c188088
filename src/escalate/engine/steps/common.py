"""What the words of every family of steps share: the shape of a step's text (``StepText``), the sources
several families cite, and the review bodies' short names.
"""

from __future__ import annotations

from typing import NamedTuple

from escalate.law.rules import Source

PRA_SCH3 = "https://www.legislation.gov.uk/ukpga/2002/30/schedule/3"


SHORT_NAMES = {"mopac": "MOPAC", "iopc": "the IOPC"}


MOPAC_COMPLAINTS = Source(
    "MOPAC complaints",
    "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/"
    "about-mayors-office-policing-and-crime-mopac/mopac-complaints",
)


REGS_2020 = "https://www.legislation.gov.uk/uksi/2020/2"


REGS_2012 = "https://www.legislation.gov.uk/uksi/2012/1204"


SOLICITORS_GUIDE = Source(
    "Martin Taggart Legal Consulting, Understanding Your Last Resort Options When Police Complaints Have Gone "
    "Nowhere (LegalGuidance.org; seed 000)",
    "https://legalguidance.org/",
)


IPCC_RACE_REPORT = Source(
    "IPCC, report on the Metropolitan Police Service's handling of race complaints (press release; seed 004)",
    "https://www.policeconduct.gov.uk/",
)


class StepText(NamedTuple):
    title: str
    body: str
    why: str
    how: str
    source: Source
    deadlines: tuple[str, ...] = ()
