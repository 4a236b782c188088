"""Who reviews a complaint's outcome, and whether anyone can (RULES.md section 6, 'Who reviews').

Police Reform Act 2002 Sch 3 para 30; Police (Complaints and Misconduct) Regulations 2020 reg 32 and reg 4.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from escalate.engine.facts import About, Facts, Investigation, ReviewBody, Schedule3
from escalate.law.rules import Source

REGIME_2020_START = date(2020, 2, 1)

Regime = Literal["2020", "2012"]
ReviewBodyName = Literal["mopac", "iopc", "letter"]

PRA_SCH3 = "https://www.legislation.gov.uk/ukpga/2002/30/schedule/3"
REGS_2020 = "https://www.legislation.gov.uk/uksi/2020/2"

BODY_NAMES: dict[str, str] = {
    "mopac": "MOPAC (Mayor's Office for Policing and Crime)",
    "iopc": "IOPC (Independent Office for Police Conduct)",
    "letter": "the appeal body named in your outcome letter",
}


def regime(facts: Facts) -> Regime:
    """The complaints regime: the 2012 rules for complaints made before 1 February 2020, else 2020."""
    return regime_for(facts.complaint_date)


def regime_for(complaint_date: date | None) -> Regime:
    """The complaints regime for a complaint made on ``complaint_date`` (unknown: the 2020 rules)."""
    if complaint_date is not None and complaint_date < REGIME_2020_START:
        return "2012"
    return "2020"


def rules_label(about: About, the_regime: Regime) -> str:
    """Which complaint rules the case is under, as a header says it: the police complaints regime, or the
    process that applies instead to MOPAC staff (seed 003) or the Mayor (Elected Local Policing Bodies
    (Complaints and Misconduct) Regulations 2012)."""
    if about is About.MOPAC_STAFF:
        return "MOPAC's own complaints process (not the police complaint rules)"
    if about is About.MAYOR:
        return "Elected Local Policing Bodies complaint rules (not the police complaint rules)"
    return f"{the_regime} complaint rules"


@dataclass(frozen=True, slots=True)
class ReviewDecision:
    """The review body (or None where no review is possible), why, and the law that says so."""

    body: ReviewBodyName | None
    reason: str
    source: Source
    inferred: bool = False
    """The body was worked out from the facts (the reg 4 grounds), not named on the outcome letter: every
    output says it is assumed (RULES.md s.6, warning ``assumed-review-body``)."""

    @property
    def available(self) -> bool:
        return self.body is not None

    @property
    def body_name(self) -> str:
        return BODY_NAMES[self.body] if self.body is not None else "no review body"


_PARA_30 = Source("Police Reform Act 2002 Sch 3 para 30; 2020 Regulations reg 32", PRA_SCH3)
_REG_4 = Source("Police Reform Act 2002 Sch 3 para 30; 2020 Regulations reg 4 and reg 32", REGS_2020 + "/regulation/4")

_REG_11_2012 = Source(
    "Police (Complaints and Misconduct) Regulations 2012, reg 11",
    "https://www.legislation.gov.uk/uksi/2012/1204/regulation/11",
)
_REG_30_2012 = Source(
    "Police (Complaints and Misconduct) Regulations 2012, reg 11(2)(b) and reg 30 (the relevant appeal body)",
    "https://www.legislation.gov.uk/uksi/2012/1204",
)

# The limbs that make the IOPC the relevant review body, in the order they are tested.
_IOPC_LIMBS: tuple[tuple[str, str], ...] = (
    ("commissioner", "the complaint is about the Commissioner (MOPAC is then the appropriate authority)"),
    (
        "senior-officer",
        "the complaint is about a senior officer (above the rank of chief superintendent: in the Met, a "
        "Commander or above)",
    ),
    ("death_or_serious_injury", "the complaint alleges conduct that led to death or serious injury"),
    ("serious_allegation", "the complaint alleges a crime or conduct that could justify disciplinary proceedings"),
    ("discrimination", "the complaint alleges discrimination-aggravated misconduct"),
    ("referred_to_iopc", "the complaint was referred to the IOPC"),
)


def decide_review_body(facts: Facts) -> ReviewDecision:
    """Which body reviews the outcome, with the limb of the law that applied."""
    if facts.about is About.MOPAC_STAFF:
        return ReviewDecision(
            None,
            "complaints about MOPAC staff go through MOPAC's own three-stage complaints process, not Schedule 3",
            Source(
                "MOPAC complaints",
                "https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/"
                "about-mayors-office-policing-and-crime-mopac/mopac-complaints",
            ),
        )
    if facts.about is About.MAYOR:
        return ReviewDecision(
            None,
            "complaints about the Mayor or Deputy Mayor for Policing and Crime are dealt with by the GLA "
            "Monitoring Officer, not under Schedule 3",
            Source(
                "Elected Local Policing Bodies (Complaints and Misconduct) Regulations 2012",
                "https://www.legislation.gov.uk/uksi/2012/62",
            ),
        )
    if facts.schedule3 is Schedule3.NO and regime(facts) == "2012":
        # The 2020 recording right (Sch 3 para 2(6A)) does not reach complaints made before 1 February 2020.
        return ReviewDecision(
            None,
            "the complaint was not recorded under Schedule 3, so there is no appeal against its outcome; under the "
            "2012 rules a decision not to record it could itself be appealed (Sch 3 para 3(3); 2012 Regulations "
            "reg 11(1)(a))",
            _REG_11_2012,
        )
    if facts.schedule3 is Schedule3.NO:
        return ReviewDecision(
            None,
            "the complaint was handled outside Schedule 3, which carries no right of review; ask for it to be "
            "recorded under Schedule 3 (the MPS must record it if you ask: Sch 3 para 2(6A))",
            Source("Police Reform Act 2002 Sch 3 para 2(6A)", PRA_SCH3),
        )
    if facts.investigation in (Investigation.IOPC, Investigation.IOPC_DIRECTED):
        who = "investigated" if facts.investigation is Investigation.IOPC else "directed the investigation of"
        return ReviewDecision(
            None,
            f"the IOPC {who} the complaint, so there is no review; judicial review is the route",
            _PARA_30,
        )
    if facts.review_body is not None:
        named: ReviewBodyName = "mopac" if facts.review_body is ReviewBody.MOPAC else "iopc"
        if regime(facts) == "2012":
            return ReviewDecision(named, "the outcome letter names this appeal body", _REG_30_2012)
        return ReviewDecision(named, "the outcome letter names this review body", _PARA_30)
    if regime(facts) == "2012":
        return ReviewDecision(
            "letter",
            "the complaint was made before 1 February 2020: the appeal goes to the body named in the outcome letter",
            _REG_30_2012,
        )
    for limb, reason in _IOPC_LIMBS:
        if facts.about.value == limb or getattr(facts, limb, None) is True:
            return ReviewDecision("iopc", f"the IOPC reviews because {reason}", _REG_4, inferred=True)
    return ReviewDecision(
        "mopac",
        "MOPAC reviews because none of the grounds that make the IOPC the review body applies",
        _PARA_30,
        inferred=True,
    )
