"""The rules table, for people (`escalate rules`) and as JSON."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from escalate.law.rules import Rule
from escalate.output.layout import Column, Layout, fitted_table


def rules_table(rules: tuple[Rule, ...], console: Console, *, plain: bool = False) -> None:
    """Every rule: a table where the terminal is wide enough for one with every word whole, else (and always
    in plain text) one block per rule."""
    with Layout(console, plain) as layout:
        title = "Every rule escalate knows"
        columns = (
            Column("id"),
            Column("What", wrap=True, floor=16, ratio=3),
            Column("Period and counting", wrap=True, floor=16, ratio=2),
            Column("Strength"),
            Column("Law", wrap=True, floor=12, ratio=2),
        )
        for rule in rules:
            columns[0].cells.append(Text(rule.id, style="bold"))
            columns[1].cells.append(Text(_what(rule)))
            columns[2].cells.append(Text(_counting(rule)))
            columns[3].cells.append(Text(rule.strength.value))
            columns[4].cells.append(Text(rule.cite))
        table = None if plain else fitted_table(columns, layout.width, console)
        if table is not None:
            layout.para(Text(title, style="bold"))
            layout.show(table)
        else:
            layout.heading(title)
            for rule in rules:
                layout.line()
                layout.para(Text(rule.id, style="bold"))
                for label, value in (
                    ("What", _what(rule)),
                    ("Period and counting", _counting(rule)),
                    ("Strength", rule.strength.value),
                    ("Law", rule.cite),
                ):
                    layout.para(Text(f"{label}: ", style="bold") + Text(value), 4, "  ")
            layout.line()
        layout.para("Full citations and links: escalate explain ID, or escalate rules --format json.")


def _what(rule: Rule) -> str:
    return f"{rule.title} ({rule.owner.value})"


def _counting(rule: Rule) -> str:
    roll = "" if rule.roll.value == "none" else f", then {rule.roll.value}"
    return f"{rule.period}, {rule.convention.value}{roll}"


def rules_json(rules: tuple[Rule, ...], stream: TextIO) -> None:
    import json

    json.dump([rule_dict(rule) for rule in rules], stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def rule_dict(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "title": rule.title,
        "owner": rule.owner.value,
        "trigger": list(rule.trigger),
        "period": str(rule.period),
        "convention": rule.convention.value,
        "roll": rule.roll.value,
        "strength": rule.strength.value,
        "source": {"citation": rule.source.citation, "url": rule.source.url},
        "summary": rule.summary,
        "extension": rule.extension,
    }
