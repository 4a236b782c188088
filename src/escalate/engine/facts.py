"""The facts of a case (RULES.md sections 1 and 6): reading them from text and checking they agree."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from enum import StrEnum
from functools import lru_cache
from typing import Any, Literal, TypeVar

from escalate.errors import DateFormatError, InputError
from escalate.law.dates import long_date, parse_date


class About(StrEnum):
    """Whom the complaint is about."""

    OFFICER = "officer"
    STAFF = "staff"
    SENIOR_OFFICER = "senior-officer"
    COMMISSIONER = "commissioner"
    MOPAC_STAFF = "mopac-staff"
    MAYOR = "mayor"


class Schedule3(StrEnum):
    """Whether the complaint was recorded under Schedule 3 of the Police Reform Act 2002."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Investigation(StrEnum):
    """Who investigated the complaint."""

    UNKNOWN = "unknown"
    NOT_INVESTIGATED = "not-investigated"
    MPS = "mps"
    IOPC_DIRECTED = "iopc-directed"
    IOPC = "iopc"


class SarLaw(StrEnum):
    """The law a subject access request is answered under (RULES.md section 4, 'Subject access: which law')."""

    UK_GDPR = "uk-gdpr"
    PART_3 = "part-3"
    UNKNOWN = "unknown"


class ReviewBody(StrEnum):
    """The review body named on the outcome letter."""

    MOPAC = "mopac"
    IOPC = "iopc"


DATE_FACTS: tuple[str, ...] = (
    "incident_date",
    "complaint_date",
    "last_update_date",
    "outcome_date",
    "outcome_received_date",
    "review_request_date",
    "review_decision_date",
    "knowledge_date",
    "date_of_birth",
    "prosecution_end_date",
    "sar_date",
)
FLAG_FACTS: tuple[str, ...] = (
    "death_or_serious_injury",
    "serious_allegation",
    "discrimination",
    "injury",
    "detained",
    "prosecuted",
    "referred_to_iopc",
)
CHOICE_FACTS: Mapping[str, type[StrEnum]] = {
    "about": About,
    "schedule3": Schedule3,
    "investigation": Investigation,
    "review_body": ReviewBody,
    "sar_law": SarLaw,
}
FACT_NAMES: tuple[str, ...] = (*DATE_FACTS, *CHOICE_FACTS, *FLAG_FACTS, "today")

FACT_HELP: Mapping[str, str] = {
    "incident_date": "Date of the police act complained of (for conduct over a period, its last day).",
    "complaint_date": "Date the complaint was made to the MPS (or to the IOPC, which forwards it).",
    "last_update_date": "Date of the last progress update from the complaint handler.",
    "outcome_date": "Date on the outcome letter.",
    "outcome_received_date": "Date the outcome actually reached you, where later than the letter's date.",
    "review_request_date": "Date you asked for the review (or appeal), while its decision has not come yet "
    "(for a complaint about MOPAC staff: the date you asked for Stage 2).",
    "review_decision_date": "Date on the review (or appeal) decision letter from MOPAC or the IOPC.",
    "knowledge_date": "Date you first knew the injury was significant and who caused it (Limitation Act s.14).",
    "date_of_birth": "Your date of birth (used only for the rule for children, Limitation Act s.28).",
    "prosecution_end_date": "Date a prosecution of you ended in your favour (acquittal, discontinuance).",
    "sar_date": "Date the police received your subject access request (or the ID they asked for).",
    "about": "Whom the complaint is about: officer (a police officer of the Met up to chief superintendent, "
    "special constables included); staff (someone else who works for the Met, such as a PCSO); senior-officer (above the rank of chief superintendent: in "
    "the Met, a Commander or higher); commissioner (the Commissioner of Police of the Metropolis); "
    "mopac-staff (someone who works for MOPAC, the Mayor's Office for Policing and Crime); mayor (the Mayor "
    "of London or the Deputy Mayor for Policing and Crime).",
    "schedule3": "Was the complaint recorded under Schedule 3 (the police wrote that it was 'recorded')?",
    "investigation": "Who investigated the complaint.",
    "review_body": "The review body named on the outcome letter (overrides escalate's inference).",
    "sar_law": "The law your subject access request is answered under: uk-gdpr, part-3 (Data Protection Act "
    "2018 Part 3, most police incident records) or unknown.",
    "death_or_serious_injury": "The complaint alleges conduct that led to death or serious injury.",
    "serious_allegation": "A crime or conduct that could justify disciplinary proceedings (serious assault, "
    "sexual offence, corruption).",
    "discrimination": "The conduct was discriminatory (race, sex, disability or another protected characteristic).",
    "injury": "You were injured (including psychiatric injury).",
    "detained": "You were arrested or detained.",
    "prosecuted": "You were prosecuted.",
    "referred_to_iopc": "The complaint was referred to the IOPC.",
    "today": "The date to count from (default: today in London).",
}

FACT_LABELS: Mapping[str, str] = {
    "incident_date": "Incident",
    "complaint_date": "Complaint made",
    "last_update_date": "Last update",
    "outcome_date": "Outcome letter dated",
    "outcome_received_date": "Outcome received",
    "review_request_date": "Review asked for",
    "review_decision_date": "Review decision",
    "knowledge_date": "Date of knowledge",
    "date_of_birth": "Born",
    "prosecution_end_date": "Prosecution ended",
    "sar_date": "Subject access request received",
}
"""Short labels for reading the dates back to the person, in words, so that a misread date shows."""

# Facts that must not come before another fact (RULES.md section 1): (later, earlier).
DATE_ORDER: tuple[tuple[str, str], ...] = (
    ("complaint_date", "incident_date"),
    ("outcome_date", "complaint_date"),
    ("review_decision_date", "outcome_date"),
    ("outcome_received_date", "outcome_date"),
    ("review_request_date", "outcome_date"),
    ("review_decision_date", "review_request_date"),
    ("last_update_date", "complaint_date"),
    ("knowledge_date", "incident_date"),
    ("prosecution_end_date", "incident_date"),
    ("incident_date", "date_of_birth"),
)

# Yes/no answers as RULES.md section 1 reads them, everywhere (command line, batch, --ask), in any case.
YES_WORDS = frozenset({"yes", "y", "true", "t", "1"})
NO_WORDS = frozenset({"no", "n", "false", "f", "0"})
UNKNOWN_WORDS = frozenset({"", "unknown", "don't know", "dont know", "don’t know", "not known", "n/a", "na", "?"})

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything escalate knows about a case. Only ``today`` is required; the rest may be unknown (None).

    Building a Facts checks that each fact is of its kind and that the facts agree with each other, and
    raises one InputError listing every problem (``InputError.errors``), each naming its fact.
    """

    today: date
    incident_date: date | None = None
    complaint_date: date | None = None
    last_update_date: date | None = None
    outcome_date: date | None = None
    outcome_received_date: date | None = None
    review_request_date: date | None = None
    review_decision_date: date | None = None
    knowledge_date: date | None = None
    date_of_birth: date | None = None
    prosecution_end_date: date | None = None
    sar_date: date | None = None
    about: About = About.OFFICER
    schedule3: Schedule3 = Schedule3.UNKNOWN
    investigation: Investigation = Investigation.UNKNOWN
    review_body: ReviewBody | None = None
    sar_law: SarLaw = SarLaw.UNKNOWN
    death_or_serious_injury: bool | None = None
    serious_allegation: bool | None = None
    discrimination: bool | None = None
    injury: bool | None = None
    detained: bool | None = None
    prosecuted: bool | None = None
    referred_to_iopc: bool | None = None

    def __post_init__(self) -> None:
        errors = [*self._check_types()]
        if errors:
            raise InputError.together(errors)
        for later, earlier in DATE_ORDER:
            later_date, earlier_date = getattr(self, later), getattr(self, earlier)
            if later_date is not None and earlier_date is not None and later_date < earlier_date:
                errors.append(
                    InputError(
                        f"{{{later}}} ({long_date(later_date)}) is before {{{earlier}}} "
                        f"({long_date(earlier_date)}); check both dates"
                    )
                )
        errors.extend(self._check_route_facts())
        if errors:
            raise InputError.together(errors)

    def _check_types(self) -> Iterator[InputError]:
        """Each fact of the right kind (a library caller may pass anything): a date (a datetime at midnight is
        read as its date), a choice (text is read as on the command line), a yes/no flag (True, False, None)."""
        for name in ("today", *DATE_FACTS):
            value = getattr(self, name)
            if isinstance(value, datetime):
                if value.time() != time(0) or value.tzinfo is not None:
                    yield InputError(f"{{{name}}}: {value!r} has a time of day; give a date", name)
                    continue
                object.__setattr__(self, name, value.date())
            elif not (isinstance(value, date) or (value is None and name != "today")):
                yield InputError(
                    f"{{{name}}}: {value!r} is not a date; give a datetime.date (or use Facts.from_strings "
                    "to read text)",
                    name,
                )
        for name, kind in CHOICE_FACTS.items():
            value = getattr(self, name)
            if value is None or isinstance(value, kind):
                continue
            if isinstance(value, str):
                try:
                    object.__setattr__(self, name, parse_choice(name, value, kind))
                except InputError as error:
                    yield error
            else:
                allowed = ", ".join(member.value for member in kind)
                yield InputError(f"{{{name}}}: {value!r} is not one of: {allowed}", name)
        for name in FLAG_FACTS:
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool):
                yield InputError(f"{{{name}}}: {value!r} is not yes (True), no (False) or unknown (None)", name)

    def _check_route_facts(self) -> Iterator[InputError]:
        """Facts about the route that cannot all be true (RULES.md section 6)."""
        outside = self.about in (About.MOPAC_STAFF, About.MAYOR)
        iopc = self.investigation in (Investigation.IOPC, Investigation.IOPC_DIRECTED)
        if self.review_body is not None and iopc:
            yield InputError(
                f"{{review_body}} '{self.review_body}' is given but {{investigation}} is '{self.investigation}': "
                "after an investigation by the IOPC or under its direction there is no review; check both"
            )
        if outside:
            return
        for name in ("review_request_date", "review_decision_date"):
            if getattr(self, name) is None:
                continue
            if self.schedule3 is Schedule3.NO:
                yield InputError(
                    f"{{{name}}} is given but {{schedule3}} is 'no': a complaint handled outside "
                    "Schedule 3 has no review; check both"
                )
            elif iopc:
                yield InputError(
                    f"{{{name}}} is given but {{investigation}} is '{self.investigation}': there is no review "
                    "after an IOPC investigation; check both"
                )

    def known_dates(self) -> Iterator[tuple[str, date]]:
        """The date facts that are known, in RULES.md order."""
        for name in DATE_FACTS:
            value = getattr(self, name)
            if value is not None:
                yield name, value

    def as_dict(self) -> dict[str, Any]:
        """The facts given, as JSON-ready values (ISO dates, choice values, booleans); defaults left out."""
        result: dict[str, Any] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if value is None or field.name == "today" or value == field.default:
                continue
            result[field.name] = value.isoformat() if isinstance(value, date) else value
        return result

    @classmethod
    def from_strings(cls, values: Mapping[str, str | None], *, today: date) -> Facts:
        """Facts from text, as typed on the command line or found in a batch file.

        Keys are fact names; missing or empty values are unknown. Raises InputError naming each fact that
        cannot be read (all of them at once), or else every contradiction.
        """
        kwargs: dict[str, Any] = {}
        errors: list[InputError] = []
        for name, text in values.items():
            if text is None or name == "today":
                continue
            try:
                value = read_fact(name, text)
            except InputError as error:
                errors.append(error)
                continue
            if value is not None:
                kwargs[name] = value
        if errors:
            raise InputError.together(errors)
        return cls(today=today, **kwargs)


def read_fact(name: str, text: str, *, remember: bool = True) -> date | StrEnum | bool | None:
    """One fact read from text, as typed or found in a batch file: None when the text is empty or, for a
    yes/no fact, says the answer is unknown. Raises InputError naming the fact. ``remember=False`` keeps a
    date out of ``parse_date``'s cache (for a caller with a cache of its own)."""
    if name in DATE_FACTS:
        return read_date(name, text, remember=remember) if text.strip() else None
    if name in CHOICE_FACTS:
        return parse_choice(name, text, CHOICE_FACTS[name]) if text.strip() else None
    if name in FLAG_FACTS:
        return parse_flag(name, text)
    raise InputError(f"'{name}' is not a fact escalate knows")


def read_date(name: str, text: str, *, remember: bool = True) -> date:
    """A date fact read from text; an InputError names the fact."""
    try:
        return (parse_date if remember else parse_date.__wrapped__)(text)
    except DateFormatError as error:
        raise InputError(f"{{{name}}}: {error}", name) from None


@lru_cache(maxsize=256)
def parse_choice(name: str, text: str, kind: type[E]) -> E:
    """One of a fixed set of answers, case-insensitive, with '_' or ' ' taken as '-'. A choice with 'yes' and
    'no' takes every yes/no spelling; one with 'unknown' takes every spelling of unknown (RULES.md section 1)."""
    plain = text.strip().lower()
    key = "-".join(plain.replace("_", " ").split())
    members = kind.__members__.values()
    if "yes" in members and plain in YES_WORDS:
        key = "yes"
    elif "no" in members and plain in NO_WORDS:
        key = "no"
    elif "unknown" in members and plain in UNKNOWN_WORDS:
        key = "unknown"
    try:
        return kind(key)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InputError(f"{{{name}}}: '{text.strip()}' is not one of: {allowed}", name) from None


@lru_cache(maxsize=64)
def parse_flag(name: str, text: str) -> bool | None:
    """A yes/no answer; an empty or "unknown" answer is None."""
    key = text.strip().lower()
    if key in YES_WORDS:
        return True
    if key in NO_WORDS:
        return False
    if key in UNKNOWN_WORDS:
        return None
    raise InputError(f"{{{name}}}: '{text.strip()}' is not yes, no or unknown", name)


# --- how far the complaint has gone (RULES.md sections 4 and 6) ---------------------------------------

Stage = Literal["not-complained", "complained", "outcome", "review-requested", "review-decided"]
STAGE_ORDER: Mapping[Stage, int] = {
    "not-complained": 0,
    "complained": 1,
    "outcome": 2,
    "review-requested": 3,
    "review-decided": 4,
}

COMPLAINT_MADE_FACTS: tuple[str, ...] = (
    "complaint_date",
    "last_update_date",
    "outcome_date",
    "outcome_received_date",
    "review_request_date",
    "review_decision_date",
)
"""The dates that show the complaint was made (RULES.md s.4: the ``complaint`` rule appears only while all
are unknown)."""
OUTCOME_FACTS: tuple[str, ...] = (
    "outcome_date",
    "outcome_received_date",
    "review_request_date",
    "review_decision_date",
)
"""The dates that show the outcome has come (a review asked for or decided implies an outcome before it)."""


def stage(facts: Facts) -> Stage:
    """The furthest point the facts show. A later event implies the earlier ones (a review decision means
    there was a request and an outcome, which means there was a complaint), whichever dates are known.

    For a complaint about MOPAC staff the same facts mark MOPAC's three stages (seed 003, MOPAC complaints):
    ``complaint_date`` Stage 1 made; ``outcome_date`` MOPAC's Stage 1 answer; ``review_request_date`` Stage 2
    asked for; ``review_decision_date`` the Stage 2 answer (so Stage 3 is next)."""
    if facts.review_decision_date is not None:
        return "review-decided"
    if facts.review_request_date is not None:
        return "review-requested"
    if facts.outcome_date is not None or facts.outcome_received_date is not None:
        return "outcome"
    if (
        facts.complaint_date is not None
        or facts.last_update_date is not None
        or facts.schedule3 is not Schedule3.UNKNOWN
        or facts.investigation is not Investigation.UNKNOWN
        or facts.review_body is not None
        or facts.referred_to_iopc is True
    ):
        return "complained"
    return "not-complained"


def about_the_police(about: About) -> bool:
    """Whether the complaint is about the police (Schedule 3), not MOPAC staff or the Mayor (RULES.md s.6)."""
    return about not in (About.MOPAC_STAFF, About.MAYOR)
