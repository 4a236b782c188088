"""Every time limit escalate knows, as data: one frozen record per rule, each with its legal source.

A reader can check this table against RULES.md section 4 and the statutes without reading any algorithm;
the counting itself lives in ``escalate.law.dates`` (conventions) and ``escalate.law.calendars`` (roll-forward).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from escalate.law.calendars import Roll
from escalate.law.dates import Convention, Period, Unit


class Owner(StrEnum):
    """Whose deadline it is."""

    YOU = "you"
    """The complainant must act by then."""
    POLICE = "police"
    """A duty on the force: useful to know when to chase or complain."""


BY_WORDS: dict[Owner, str] = {Owner.YOU: "act by", Owner.POLICE: "due from the police by"}
"""What a deadline's date means, by whose it is (RULES.md section 4, 'Police duties': a police duty is "due from
the police by" or "chase if nothing by", never "act by")."""
CHASE_WORDS = "chase if nothing by"
"""What to do about a police duty's date."""
DATE_HEADING = "Date"
"""The heading of a column that holds both your deadlines and the police's duties."""


class Strength(StrEnum):
    """How firm a deadline is."""

    STRICT = "strict"
    """No general power to extend."""
    DISCRETIONARY = "discretionary"
    """A body or court may extend it: never to be relied on."""
    GUIDANCE = "guidance"
    """No legal bar; expect questions."""


class Source(NamedTuple):
    """Where the law is: a citation a lawyer recognises and a page anyone can open.

    Small immutable records are NamedTuples rather than dataclasses: they cost a quarter as much to define,
    and escalate is defined anew at every start of the command."""

    citation: str
    url: str


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """One time limit."""

    id: str
    title: str
    action: str
    """What to do, as an imperative: 'Ask for a review'."""
    owner: Owner
    body: str
    """Who receives the act, or owes the duty."""
    trigger: tuple[str, ...]
    """The facts that can start the clock, in order of preference (see ``escalate.engine.deadlines``)."""
    period: Period
    convention: Convention
    roll: Roll
    strength: Strength
    source: Source
    summary: str
    """The law in brief, for `escalate explain`."""
    extension: str | None = None
    """Who may extend a passed deadline, and on what test (never a date)."""
    children: bool = False
    """Whether the Limitation Act 1980 s.28 rule for children applies."""
    court: bool = False
    """Whether the act is issuing a claim at a court (so court-office closures matter)."""
    cite: str = ""
    """A short citation for tables ('Equality Act 2010 s.118'); the full one is in ``source``."""
    example: date = date(2026, 3, 1)
    """A trigger date for the worked example of `escalate explain` (RULES.md section 7 where it has one)."""
    latest_period: Period | None = None
    """Where the latest arguable date is counted with another period than ``period`` (same convention)."""
    while_open: bool = False
    """Shown only until it has passed: after that there is nothing left to do by it (``preserve-evidence``)."""


LIMITATION_ACT = "https://www.legislation.gov.uk/ukpga/1980/58"
REGULATIONS_2020 = "https://www.legislation.gov.uk/uksi/2020/2"

RULES: tuple[Rule, ...] = (
    Rule(
        id="complaint",
        title="Make your complaint",
        action="Make your complaint",
        owner=Owner.YOU,
        body="Metropolitan Police (or the IOPC, which forwards it)",
        trigger=("incident_date",),
        period=Period(12, Unit.MONTHS),
        convention=Convention.AFTER,
        roll=Roll.NONE,
        strength=Strength.GUIDANCE,
        source=Source(
            "IOPC Statutory Guidance (2020), complaints made more than 12 months after the incident",
            "https://www.policeconduct.gov.uk/sites/default/files/documents/statutory_guidance_2020.pdf",
        ),
        summary="There is no statutory bar, but a complaint made more than 12 months after the incident may be "
        "met with a decision that no further action is reasonable unless the delay is explained. The MPS must "
        "still record the complaint if asked.",
        extension="The MPS may still deal with a later complaint where there is a good reason for the delay.",
        cite="IOPC statutory guidance",
        example=date(2025, 1, 31),
    ),
    Rule(
        id="complaint-update",
        title="Next progress update due",
        action="Expect a progress update from the complaint handler",
        owner=Owner.POLICE,
        body="MPS Directorate of Professional Standards",
        trigger=("last_update_date", "complaint_date"),
        period=Period(28, Unit.DAYS),
        convention=Convention.DAYS_AFTER,
        roll=Roll.NONE,
        strength=Strength.DISCRETIONARY,
        source=Source(
            "Police (Complaints and Misconduct) Regulations 2020, reg 34(2)(a); exceptional circumstances reg 51(2)",
            REGULATIONS_2020 + "/regulation/34",
        ),
        summary="While a complaint is being handled, the complainant must be told of its progress within four "
        "weeks of the start of the handling of the complaint and then within four weeks of the previous update "
        "(reg 34(2)(a)). No time limit in the 2020 Regulations applies where exceptional circumstances prevent "
        "it being met (reg 51(2)), so this is not a strict limit. If no update comes, chase it.",
        extension="A time limit in the 2020 Regulations does not apply where exceptional circumstances prevent "
        "it being met (reg 51(2)); that does not stop you chasing the update.",
        cite="2020 Regulations reg 34",
        example=date(2026, 3, 1),
    ),
    Rule(
        id="review-request",
        title="Ask for a review (appeal for complaints made before 1 Feb 2020)",
        action="Ask for a review of the outcome",
        owner=Owner.YOU,
        body="the review body",
        trigger=("outcome_date",),
        period=Period(28, Unit.DAYS),
        convention=Convention.DAYS_AFTER,
        roll=Roll.NONE,
        strength=Strength.DISCRETIONARY,
        source=Source(
            "Police (Complaints and Misconduct) Regulations 2020, reg 29(2) and (4); before 1 February 2020: "
            "Police (Complaints and Misconduct) Regulations 2012, reg 11(3)",
            REGULATIONS_2020 + "/regulation/29",
        ),
        summary="An application for a review must be made within 28 days starting with the day after the day "
        "on which the outcome was provided (reg 29(2)); escalate, like the IOPC and MOPAC, counts them from the "
        "date on the outcome letter. Time while it is with the wrong review body is not counted (reg 29(3)). "
        "For complaints made before 1 February 2020 the remedy is an appeal: '28 days commencing on the day after "
        "the date of the letter' (2012 Regulations reg 11(3)).",
        extension="The review body may accept a late application only in special circumstances (reg 29(4)).",
        cite="2020 Regulations reg 29",
        example=date(2025, 4, 1),
    ),
    Rule(
        id="judicial-review",
        title="File a judicial review claim",
        action="File a judicial review claim",
        owner=Owner.YOU,
        body="Administrative Court (High Court)",
        trigger=("review_decision_date", "outcome_date"),
        period=Period(3, Unit.MONTHS),
        convention=Convention.AFTER,
        roll=Roll.COURT_OFFICE,
        strength=Strength.STRICT,
        source=Source(
            "Civil Procedure Rules 54.5(1); CPR 2.8(5)",
            "https://www.justice.gov.uk/courts/procedure-rules/civil/rules/part54",
        ),
        summary="The claim form must be filed promptly and in any event not later than 3 months after the "
        "grounds to make the claim first arose (the review decision, or the outcome where the IOPC "
        "investigated). Review decisions are final: judicial review is the only challenge.",
        extension="The court may extend time only for a good reason (CPR 3.1(2)(a)); it is rarely done.",
        court=True,
        cite="CPR 54.5(1), 2.8(5)",
        example=date(2025, 11, 28),
    ),
    Rule(
        id="letter-before-claim",
        title="Send the pre-action letter before judicial review",
        action="Send a pre-action (letter before claim) letter",
        owner=Owner.YOU,
        body="the body whose decision you challenge",
        trigger=("review_decision_date", "outcome_date"),
        period=Period(14, Unit.DAYS),
        convention=Convention.DAYS_BEFORE,
        roll=Roll.NONE,
        strength=Strength.GUIDANCE,
        source=Source(
            "Pre-Action Protocol for Judicial Review (a reply is normally due within 14 days)",
            "https://www.gov.uk/guidance/pre-action-protocol-for-judicial-review",
        ),
        summary="Before a judicial review claim, send the defendant a letter before claim and allow 14 days for "
        "the reply. The letter does not stop the 3-month clock, so send it at least 14 days before the claim "
        "deadline.",
        cite="Pre-Action Protocol (JR)",
        example=date(2025, 11, 28),
    ),
    Rule(
        id="equality-act",
        title="County Court claim for discrimination",
        action="Issue a discrimination claim",
        owner=Owner.YOU,
        body="County Court",
        trigger=("incident_date",),
        period=Period(6, Unit.MONTHS),
        convention=Convention.STARTING_WITH,
        roll=Roll.COURT_OFFICE,
        strength=Strength.DISCRETIONARY,
        source=Source(
            "Equality Act 2010 s.118(1) (extension s.118(1)(b); conduct over a period s.118(6))",
            "https://www.legislation.gov.uk/ukpga/2010/15/section/118",
        ),
        summary="A claim may not be brought after the end of the period of 6 months starting with the date of the "
        "act complained of. Conduct extending over a period is treated as done at the end of the period.",
        extension="The court may allow a later claim where it thinks it just and equitable (s.118(1)(b)).",
        court=True,
        cite="Equality Act 2010 s.118",
        example=date(2024, 1, 10),
    ),
    Rule(
        id="human-rights-act",
        title="Human Rights Act claim",
        action="Issue a Human Rights Act claim",
        owner=Owner.YOU,
        body="County Court or High Court",
        trigger=("incident_date",),
        period=Period(1, Unit.YEARS),
        convention=Convention.STARTING_WITH,
        roll=Roll.COURT_OFFICE,
        strength=Strength.DISCRETIONARY,
        source=Source(
            "Human Rights Act 1998 s.7(5)",
            "https://www.legislation.gov.uk/ukpga/1998/42/section/7",
        ),
        summary="Proceedings must be brought before the end of one year beginning with the date on which the act "
        "complained of took place, subject to any rule imposing a stricter time limit (s.7(5)): a Human Rights "
        "Act challenge to a review decision goes by judicial review, within its 3 months.",
        extension="The court may allow a longer period it considers equitable having regard to all the "
        "circumstances (s.7(5)(b)).",
        court=True,
        cite="Human Rights Act 1998 s.7(5)",
        example=date(2024, 1, 10),
    ),
    Rule(
        id="personal-injury",
        title="Claim with personal injury (incl. assault, A v Hoare)",
        action="Issue a personal injury claim",
        owner=Owner.YOU,
        body="County Court",
        trigger=("incident_date", "knowledge_date"),
        period=Period(3, Unit.YEARS),
        convention=Convention.AFTER,
        roll=Roll.COURT_OFFICE,
        strength=Strength.DISCRETIONARY,
        source=Source(
            "Limitation Act 1980 s.11(4), s.14, s.28, s.33; A v Hoare [2008] UKHL 6",
            LIMITATION_ACT + "/section/11",
        ),
        summary="A claim for personal injuries (including injury from an assault) must be brought within 3 years "
        "from the date the cause of action accrued or, if later, the date of knowledge (s.14). For a child, "
        "time runs from the 18th birthday (s.28).",
        extension="The court may disapply the time limit where it would be equitable (s.33).",
        children=True,
        court=True,
        cite="Limitation Act 1980 s.11, s.33",
        example=date(1967, 9, 5),
    ),
    Rule(
        id="civil-claim",
        title="Claim without personal injury (false imprisonment, trespass, misfeasance, data protection, harassment)",
        action="Issue a civil claim for damages",
        owner=Owner.YOU,
        body="County Court",
        trigger=("incident_date",),
        period=Period(6, Unit.YEARS),
        convention=Convention.AFTER,
        roll=Roll.COURT_OFFICE,
        strength=Strength.STRICT,
        source=Source("Limitation Act 1980 s.2, s.28, s.32", LIMITATION_ACT + "/section/2"),
        summary="An action founded on tort (false imprisonment, trespass, misfeasance in public office, "
        "harassment, and, on the best understanding, data protection damages) may not be brought after 6 years "
        "from the date the cause of action accrued. For a child, time runs from the 18th birthday (s.28); "
        "deliberate concealment postpones the start (s.32).",
        children=True,
        court=True,
        cite="Limitation Act 1980 s.2",
        example=date(2024, 1, 10),
    ),
    Rule(
        id="malicious-prosecution",
        title="Claim for malicious prosecution",
        action="Issue a claim for malicious prosecution",
        owner=Owner.YOU,
        body="County Court",
        trigger=("prosecution_end_date",),
        period=Period(6, Unit.YEARS),
        convention=Convention.AFTER,
        roll=Roll.COURT_OFFICE,
        strength=Strength.STRICT,
        source=Source("Limitation Act 1980 s.2", LIMITATION_ACT + "/section/2"),
        summary="The cause of action accrues when the prosecution ends in the claimant's favour; the claim may not "
        "be brought after 6 years from then.",
        children=True,
        court=True,
        cite="Limitation Act 1980 s.2",
        example=date(2024, 2, 29),
    ),
    Rule(
        id="subject-access",
        title="Police must answer your subject access request",
        action="Expect the police's reply to your subject access request",
        owner=Owner.POLICE,
        body="MPS subject access team",
        trigger=("sar_date",),
        period=Period(1, Unit.MONTHS),
        convention=Convention.ICO_MONTH,
        roll=Roll.NEXT_WORKING_DAY,
        strength=Strength.STRICT,
        source=Source(
            "Data Protection Act 2018 s.45(3) and s.54 (Part 3, law enforcement); UK GDPR art 12(3) and, from "
            "5 February 2026, art 12A; ICO guidance on time limits (UK GDPR and Part 3)",
            "https://www.legislation.gov.uk/ukpga/2018/12/section/54",
        ),
        summary="The police must answer a subject access request within one month of receiving it (or the ID or "
        "fee they asked for). Which law applies changes the count: most records of a police incident are law "
        "enforcement processing under Part 3 of the Data Protection Act 2018, whose 'one month beginning with' "
        "the day of receipt ends the day before the corresponding date (s.54(2)); the ICO's Part 3 guidance counts "
        "from the next day. Other records fall under the UK GDPR, where the ICO counts the day of receipt as day 1 "
        "and ends on the corresponding date next month, moved to the next working day (from 5 February 2026 art "
        "12A: 'one month beginning with' the day of receipt). Where the law is not known, the safe date is the "
        "earliest reading.",
        extension="Once the month has passed, no one can extend it. An extension of two further months (for a "
        "complex request or many requests) must be notified to you, with reasons, within the first month: UK GDPR "
        "art 12(3) (art 12A from 5 February 2026); under Part 3, Data Protection Act 2018 s.54(3A)-(3B) from 5 "
        "February 2026, with no extension for requests received before 5 February 2026. If the reply is late, "
        "complain (to the police first from 19 June 2026, s.164A; then the ICO).",
        cite="DPA 2018 s.45, s.54; UK GDPR art 12, 12A",
        example=date(2025, 9, 3),
    ),
    Rule(
        id="preserve-evidence",
        title="Ask the police to keep body-worn video and other records",
        action="Ask the police to keep the footage and records",
        owner=Owner.YOU,
        body="Metropolitan Police Service",
        trigger=("incident_date",),
        # "Recordings that aren't categorised as required for evidence at court or in other legal proceedings
        # will be automatically deleted within 31 days" (MPS, Privacy and body worn video): asking by day 30
        # leaves a day for the request to reach the footage; day 31 is the latest it can still be there.
        period=Period(30, Unit.DAYS),
        convention=Convention.DAYS_AFTER,
        roll=Roll.NONE,
        strength=Strength.GUIDANCE,
        source=Source(
            "MPS, Privacy and body worn video (recordings not required as evidence are deleted within 31 days)",
            "https://www.met.police.uk/advice/advice-and-information/bwv/body-worn-video-bwv/privacy-and-bwv/",
        ),
        summary="The MPS deletes body-worn video automatically within 31 days unless it is kept as evidence for "
        "court or other legal proceedings. Ask in writing, within 30 days of the incident, for the footage, "
        "CCTV, custody and stop records of the incident to be kept.",
        extension="After 31 days footage not kept as evidence may have been deleted; ask at once all the same, "
        "since some may have been kept as evidence.",
        cite="MPS, body-worn video",
        example=date(2026, 11, 10),
        latest_period=Period(31, Unit.DAYS),
        while_open=True,
    ),
)

RULES_BY_ID: Mapping[str, Rule] = {rule.id: rule for rule in RULES}

REGULATIONS_2012 = "https://www.legislation.gov.uk/uksi/2012/1204"

APPEALS_2012: Mapping[str, Rule] = {
    "review-request": replace(
        RULES_BY_ID["review-request"],
        title="Appeal against the outcome (complaint made before 1 February 2020)",
        action="Appeal against the outcome",
        body="the appeal body named in the outcome letter",
        source=Source(
            "Police (Complaints and Misconduct) Regulations 2012, reg 11(3)-(5); appeal body reg 30",
            REGULATIONS_2012 + "/regulation/11",
        ),
        cite="2012 Regulations reg 11",
        summary="For a complaint made before 1 February 2020 the remedy is an appeal, to the appeal body named "
        "in the outcome letter (reg 11(2)(b), reg 30), made within a period of 28 days commencing on the day "
        "after the date of the letter (2012 Regulations reg 11(3)). Time while the appeal is with the wrong "
        "body is left out of account (reg 11(4)).",
        extension="The appeal body may accept a late appeal only in special circumstances (reg 11(5)).",
    ),
    "complaint-update": replace(
        RULES_BY_ID["complaint-update"],
        source=Source(
            "Police Reform Act 2002 s.20 and s.21 (keeping the complainant informed); Police (Complaints and "
            "Misconduct) Regulations 2012",
            REGULATIONS_2012,
        ),
        cite="Police Reform Act 2002 s.20, s.21",
        summary="For a complaint made before 1 February 2020 the duty to keep the complainant informed of the "
        "progress of the complaint comes from the Police Reform Act 2002 (s.20 and s.21) and the 2012 "
        "Regulations. escalate shows 28 days from the last update as the time to chase.",
        extension=None,
    ),
}
"""The rules as they read under the 2012 regime (complaints made before 1 February 2020), where they differ."""
RULE_IDS: tuple[str, ...] = tuple(RULES_BY_ID)
WHILE_OPEN: frozenset[str] = frozenset(rule.id for rule in RULES if rule.while_open)
"""The rules shown only until they have passed (``Rule.while_open``)."""
