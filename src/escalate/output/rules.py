"""The rules table, for people (`escalate rules`) and as JSON."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from escalate.law.rules import Rule
from escalate.output.console import table_box


def rules_table(rules: tuple[Rule, ...], console: Console) -> None:
    table = Table(box=table_box(console), title="Every rule escalate knows", title_justify="left", pad_edge=False)
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("What", ratio=3)
    table.add_column("Period and counting", no_wrap=True)
    table.add_column("Strength", no_wrap=True)
    table.add_column("Law", ratio=2)
    for rule in rules:
        roll = "" if rule.roll.value == "none" else f"\nthen {rule.roll.value}"
        table.add_row(
            rule.id,
            f"{rule.title} ({rule.owner.value})",
            f"{rule.period}, {rule.convention.value}{roll}",
            rule.strength.value,
            rule.cite,
        )
    console.print(table)
    console.print("Full citations and links: escalate explain ID, or escalate rules --format json.")


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
