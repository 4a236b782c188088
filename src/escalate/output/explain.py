"""`escalate explain`: one rule laid open, the law in brief, its counting, a worked example, and the steps
for a case. Text for people, so it lives beside the renderers and prints through a rich console."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from escalate.engine.calculate import calculate
from escalate.engine.deadlines import compute_deadlines
from escalate.engine.facts import FACT_HELP, Facts
from escalate.errors import InputError
from escalate.law.dates import long_date
from escalate.law.rules import BY_WORDS, RULE_IDS, RULES_BY_ID, Owner, Strength
from escalate.output.layout import Layout

ROLL_WORDS = {
    "none": "No extra time: the date stands even on a weekend or bank holiday.",
    "court-office": "If the court office is closed on the last day, CPR 2.8(5) may allow the next day it is open. "
    "Shown only as the latest arguable date: do not rely on it.",
    "next-working-day": "If the day is not a working day, the deadline moves to the next working day (ICO method).",
}


WHOSE_WORDS = {
    Owner.YOU: "Yours: you must act by then",
    Owner.POLICE: "A duty on the police: chase if nothing has come by then",
}
STRENGTH_WORDS = {
    Strength.STRICT: "Strict: there is no general power to extend it.",
    Strength.DISCRETIONARY: "Discretionary: a court or a body may extend it, but never rely on that.",
    Strength.GUIDANCE: "Guidance: not a legal bar, but expect questions if you are late.",
}


def fact_words(name: str) -> str:
    """A date fact in words: 'the date on the outcome letter'."""
    help_text = FACT_HELP[name].rstrip(".")
    return "the " + help_text[0].lower() + help_text[1:]


def explain_rule(rule_id: str, facts: Facts | None, console: Console) -> None:
    """Print the explanation of one rule (and, with facts, of its date for that case)."""
    rule = RULES_BY_ID.get(rule_id.strip().lower())
    if rule is None:
        raise InputError(
            f"'{rule_id}' is not a rule id; the ids are " + ", ".join(RULE_IDS) + " (see `escalate rules`)"
        )
    with Layout(console) as layout:
        layout.para(Text(f"{rule.id}: {rule.title}", style="bold"))
        layout.para(rule.summary)
        layout.line()
        for label, value in (
            ("Whose deadline", f"{WHOSE_WORDS[rule.owner]} ({rule.body})"),
            ("Starts from", "; or ".join(fact_words(name) for name in rule.trigger)),
            ("Counting", rule.convention.plain_words(rule.period)),
            ("On a weekend or holiday", ROLL_WORDS[rule.roll.value]),
            ("How firm", STRENGTH_WORDS[rule.strength]),
            ("If it passes", rule.extension or "No general power to extend."),
            ("Source", f"{rule.source.citation}\n{rule.source.url}"),
        ):
            for number, line in enumerate(value.split("\n")):
                first = "" if number == 0 else None
                layout.para(Text(f"{label}: ", style="bold") + Text(line) if number == 0 else Text(line), 2, first)
        example = calculate(rule.id, rule.example)
        layout.line()
        layout.para(Text(f"Worked example, starting {long_date(rule.example)}:", style="bold"))
        for step in example.steps:
            _bullet(layout, step)
        layout.para(
            f"Safe date {long_date(example.safe_date)}; last day {long_date(example.last_day)}; "
            f"latest arguable {long_date(example.latest_date)}."
        )
        if facts is None:
            return
        layout.line()
        report = compute_deadlines(facts, only={rule.id})
        deadline = report.by_id(rule.id)
        if deadline is None:
            layout.para(
                Text("For your facts: ", style="bold")
                + Text(
                    "this deadline does not apply. It needs "
                    + " or ".join(fact_words(name) for name in rule.trigger)
                    + "; see escalate deadlines."
                )
            )
            return
        layout.para(Text(f"For your facts (today {long_date(facts.today)}):", style="bold"))
        _bullet(layout, f"Starts from {fact_words(deadline.trigger)}, {long_date(deadline.trigger_date)}.")
        for step in deadline.steps:
            _bullet(layout, step)
        layout.para(
            f"{BY_WORDS[deadline.owner].capitalize()} {long_date(deadline.safe_date)} ({deadline.status}, "
            f"{deadline.days_left} days left); last day "
            f"{long_date(deadline.last_day)}; latest arguable {long_date(deadline.latest_date)}."
        )
        for note in deadline.notes:
            _bullet(layout, f"Note: {note}")


def _bullet(layout: Layout, text: str) -> None:
    layout.para(text, 4, "  - ")
