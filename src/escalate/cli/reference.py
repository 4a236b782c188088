"""The command-line reference (docs/CLI.md), generated from the app's own command tree so that it cannot drift:
a test regenerates it and compares.

    python -m escalate.cli.reference > docs/CLI.md
"""

from __future__ import annotations

import sys
from typing import Any

import typer.main

from escalate.cli.app import app

HEADER = (
    "# Command-line reference\n\n"
    "Every command and option of `escalate`, generated from the program itself "
    "(`python -m escalate.cli.reference > docs/CLI.md`; a test checks that this page is current). "
    "`escalate COMMAND --help` shows the same in the terminal.\n"
)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _value(param: Any) -> str:
    choices = getattr(param.type, "choices", None)
    if choices:
        return "|".join(str(choice) for choice in choices)
    if getattr(param, "is_flag", False):
        return ""
    return str(param.metavar or param.name.upper())


def _names(param: Any) -> str:
    names = [*param.opts, *getattr(param, "secondary_opts", [])]
    return ", ".join(f"`{name}`" for name in names)


def _default(param: Any) -> str:
    if not getattr(param, "show_default", False) or param.default in (None, False, ""):
        return ""
    default = getattr(param.default, "value", param.default)
    return f" (default: `{default}`)"


def _options_table(params: list[Any]) -> list[str]:
    lines = ["| option | value | what it does |", "|---|---|---|"]
    for param in params:
        value = _value(param)
        lines.append(
            f"| {_names(param)} | {f'`{_cell(value)}`' if value else ''} | {_cell(param.help or '')}{_default(param)} |"
        )
    return lines


def _section(path: str, command: Any) -> list[str]:
    arguments = [param for param in command.params if param.param_type_name == "argument"]
    options = [param for param in command.params if param.param_type_name == "option"]
    usage = " ".join([path, "[OPTIONS]", *(str(param.metavar or param.name.upper()) for param in arguments)])
    if hasattr(command, "commands"):
        usage += " COMMAND [ARGS]..."
    lines = [f"## `{path}`", "", f"```text\n{usage}\n```", ""]
    help_text = (command.help or "").strip()
    if help_text:
        lines += [help_text, ""]
    if arguments:
        lines += ["| argument | what it is |", "|---|---|"]
        lines += [
            f"| `{param.metavar or param.name.upper()}` | {_cell(getattr(param, 'help', '') or '')} |"
            for param in arguments
        ]
        lines.append("")
    panels: dict[str, list[Any]] = {}
    for param in options:
        panels.setdefault(getattr(param, "rich_help_panel", None) or "Options", []).append(param)
    for panel, params in panels.items():
        lines += [f"**{panel}**", "", *_options_table(params), ""]
    return lines


def reference() -> str:
    """The reference page, in Markdown."""
    lines = [HEADER]

    def walk(path: str, command: Any) -> None:
        lines.extend(_section(path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk(f"{path} {name}", sub)

    walk("escalate", typer.main.get_command(app))
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(reference())
