"""docs/CLI.md is generated from the app (escalate.cli.reference) and must be current (issue 12)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from escalate.cli.app import app
from escalate.cli.reference import reference

PAGE = Path(__file__).resolve().parent.parent / "docs" / "CLI.md"


def test_the_cli_reference_is_current():
    assert PAGE.read_text(encoding="utf-8") == reference(), (
        "docs/CLI.md is out of date: python -m escalate.cli.reference > docs/CLI.md"
    )


def test_the_reference_names_every_command_and_option():
    page = reference()
    root = typer.main.get_command(app)
    commands = [(f"escalate {name}", command) for name, command in root.commands.items()]
    while commands:
        path, command = commands.pop()
        assert f"## `{path}`" in page
        for param in command.params:
            if param.param_type_name == "option":
                assert f"`{param.opts[0]}`" in page, (path, param.opts)
        commands += [(f"{path} {name}", sub) for name, sub in getattr(command, "commands", {}).items()]
