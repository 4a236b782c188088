"""`--help`, drawn by escalate with rich: typer's panels (titles, grouping, the order of options and commands, the
help texts read as rich markup), with each option's whole name and metavar on one line and its help wrapped at
words beside it where the terminal is wide enough, else under it.

typer's own options panel gives each column a share of the width, which at 80 columns cuts long option names to
"…" and breaks choice lists inside words. And typer's help module (``typer.rich_utils``) imports rich's Markdown,
markdown-it, rich's tracebacks and pygments when it loads, which takes longer than the rest of a command's start.
So the app sets ``rich_markup_mode=None`` (typer then never loads that module) and its commands and groups draw
their help here, through click's ``format_help``, with no more of rich than the tables and panels below.
"""

from __future__ import annotations

import inspect
import os
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import typer.core

HELP_MIN = 30
"""Below this much room beside the names, the help goes under each option instead."""

# typer's styles and words (typer.rich_utils), so that the help looks as typer's does.
STYLE_OPTION = "bold cyan"
STYLE_TYPES = "bold yellow"
STYLE_USAGE_COMMAND = "bold"
STYLE_HELPTEXT = "dim"
STYLE_OPTION_DEFAULT = "dim"
STYLE_OPTION_ENVVAR = "dim yellow"
STYLE_REQUIRED_LONG = "dim red"
STYLE_DEPRECATED = "red"
STYLE_DEPRECATED_COMMAND = "dim"
STYLE_PANEL_BORDER = "dim"
STYLE_COMMAND_NAME = "bold cyan"
THEME = {
    "option": STYLE_OPTION,
    "switch": "bold green",
    "negative_option": "bold magenta",
    "negative_switch": "bold red",
    "types": STYLE_TYPES,
    "types_sep": "dim",
    "usage": "yellow",
}
HIGHLIGHTS = [
    r"(^|\W)(?P<switch>\-\w+)(?![a-zA-Z0-9])",
    r"(^|\W)(?P<option>\-\-[\w\-]+)(?![a-zA-Z0-9])",
    r"(?P<types>\<[^\>]+\>)",
    r"(?P<usage>Usage: )",
]
"""Options, switches, <types> and 'Usage: ' in any help text are styled."""
ARGUMENTS = "Arguments"
OPTIONS = "Options"
COMMANDS = "Commands"
DEPRECATED = "(deprecated) "


def _console() -> Any:
    """A console as typer's help has: its theme and highlighter; colour through a pipe when FORCE_COLOR,
    PY_COLORS or GITHUB_ACTIONS is set; TERMINAL_WIDTH, when set, as the width."""
    from rich.console import Console
    from rich.highlighter import RegexHighlighter
    from rich.theme import Theme

    class OptionHighlighter(RegexHighlighter):
        highlights = HIGHLIGHTS

    forced = any(os.getenv(name) for name in ("GITHUB_ACTIONS", "FORCE_COLOR", "PY_COLORS"))
    width = os.getenv("TERMINAL_WIDTH")
    return Console(
        theme=Theme(THEME),
        highlighter=OptionHighlighter(),
        color_system="auto",
        force_terminal=True if forced else None,
        width=int(width) if width else None,
    )


def _rich_text(text: str, console: Any, style: str = "") -> Any:
    """Help text as rich markup (or with its own ANSI codes), highlighted."""
    from rich.text import Text

    text = inspect.cleandoc(text)
    made = Text.from_ansi(text, style=style) if "\033[" in text else Text.from_markup(text, style=style)
    return console.highlighter(made)


def _help_text(command: Any, console: Any) -> Any:
    """A command's help: its first paragraph on its own, the rest dim."""
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [Text(DEPRECATED, style=STYLE_DEPRECATED)] if command.deprecated else []
    text = inspect.cleandoc(command.help or "").partition("\f")[0]
    first, *rest = text.split("\n\n")
    if not first.startswith("\b"):
        first = first.replace("\n", " ")
    parts.append(_rich_text(first.strip(), console))
    if rest:
        parts += [Text(""), _rich_text("\n\n".join(rest), console, STYLE_HELPTEXT)]
    return Group(*parts)


def _parameter_help(param: Any, ctx: Any, console: Any) -> Any:
    """An option's help, then its environment variable, default and [required] as typer shows them."""
    from rich.columns import Columns
    from rich.text import Text

    items = []
    if param.help:
        paragraphs = [
            part.replace("\n", " ").strip() if not part.startswith("\b") else "{}\n".format(part.strip("\b\n"))
            for part in param.help.split("\n\n")
        ]
        items.append(_rich_text("\n".join(paragraphs).strip(), console))
    envvar = getattr(param, "envvar", None)
    if envvar and getattr(param, "show_envvar", None):
        names = envvar if isinstance(envvar, str) else ", ".join(str(name) for name in envvar)
        items.append(Text(f"[env var: {names}]", style=STYLE_OPTION_ENVVAR))
    # typer's own reading of the default, as its help shows it (typer.core, for reuse by help renderers).
    default = param._extract_default_help_str(ctx=ctx)
    show_text = isinstance(param.show_default, str)
    if show_text or (default is not None and (param.show_default or ctx.show_default)):
        shown = param._get_default_string(ctx=ctx, show_default_is_str=show_text, default_value=default)
        if shown:
            items.append(Text(f"[default: {shown}]", style=STYLE_OPTION_DEFAULT))
    if param.required:
        items.append(Text("[required]", style=STYLE_REQUIRED_LONG))
    # Side by side where they fit, as typer lays them out; one item alone is the same without the layout's cost.
    return items[0] if len(items) == 1 else Columns(items)


def _names(param: Any) -> str:
    """'--format, -f', or a pair of on and off flags: '--color / --no-color'."""
    primary = sorted(param.opts, key=lambda opt: not opt.startswith("--"))
    names = ", ".join(primary)
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    return names


def _metavar(param: Any, ctx: Any) -> str:
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    if isinstance(param, typer.core.TyperArgument):
        return ""
    return str(param.make_metavar(ctx=ctx))


def options_panel(*, name: str, params: list[Any], ctx: Any, console: Any) -> None:
    """One panel of options or arguments."""
    if not params:
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    rows = []
    for param in params:
        names = str(param.metavar or param.name or "") if isinstance(param, typer.core.TyperArgument) else _names(param)
        rows.append(
            (
                Text(names, style=STYLE_OPTION),
                Text(_metavar(param, ctx), style=STYLE_TYPES),
                _parameter_help(param, ctx, console),
            )
        )
    name_width = max(len(row[0].plain) for row in rows)
    metavar_width = max(len(row[1].plain) for row in rows)
    # The panel's border and padding take 4 columns; each gap between columns 2.
    room = console.width - 4 - name_width - 2 - (metavar_width + 2 if metavar_width else 0)
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1), expand=True)
    if room >= HELP_MIN:
        table.add_column(no_wrap=True, width=name_width)
        if metavar_width:
            table.add_column(no_wrap=True, width=metavar_width)
        table.add_column(ratio=1)
        for option, metavar, help_text in rows:
            table.add_row(option, metavar, help_text) if metavar_width else table.add_row(option, help_text)
    else:
        table.add_column(ratio=1)
        for option, metavar, help_text in rows:
            heading = option.copy()
            if metavar.plain:
                heading.append(" ")
                heading.append_text(metavar)
            table.add_row(heading)
            table.add_row(_indented(help_text))
    # A title longer than the panel's top border would be cut: it goes inside, as the first line, instead.
    fits = len(name) <= console.width - 6
    body: Any = table if fits else Group(Text(name, style="bold"), table)
    console.print(Panel(body, border_style=STYLE_PANEL_BORDER, title=name if fits else None, title_align="left"))


def _indented(renderable: Any) -> Any:
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, 4))


def _command_help(text: str, console: Any) -> Any:
    """A command's line in its group's list: the first paragraph of its help (line breaks kept, as typer's)."""
    first = inspect.cleandoc(text).split("\n\n")[0]
    if first.startswith("\b"):
        first = first.replace("\b\n", "")
    return _rich_text(first.strip(), console)


def _commands_panel(name: str, commands: list[Any], console: Any, name_width: int) -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1), expand=True)
    table.add_column(style=STYLE_COMMAND_NAME, no_wrap=True, width=name_width)
    table.add_column("Description", justify="left", no_wrap=False, ratio=10)  # greedy, so the names line up
    deprecated = any(command.deprecated for command in commands)
    for command in commands:
        row = [
            Text(command.name or "", style=STYLE_DEPRECATED_COMMAND if command.deprecated else ""),
            _command_help(command.short_help or command.help or "", console),
        ]
        if deprecated:
            row.append(Text(DEPRECATED, style=STYLE_DEPRECATED) if command.deprecated else None)
        table.add_row(*row)
    if table.row_count:
        console.print(Panel(table, border_style=STYLE_PANEL_BORDER, title=name, title_align="left"))


def _panels(items: Iterable[Any], default: str) -> dict[str, list[Any]]:
    """Items by the panel they are shown in (their rich_help_panel), the default panel first."""
    panels: defaultdict[str, list[Any]] = defaultdict(list)
    panels[default] = []
    for item in items:
        panels[getattr(item, "rich_help_panel", None) or default].append(item)
    return panels


def print_help(command: Any, ctx: Any) -> None:
    """The help of a command or group, on standard output."""
    from rich.align import Align
    from rich.padding import Padding

    console = _console()
    console.print(Padding(console.highlighter(command.get_usage(ctx)), 1), style=STYLE_USAGE_COMMAND)
    if command.help:
        console.print(Padding(Align(_help_text(command, console), pad=False), (0, 1, 1, 1)))
    shown = [param for param in command.get_params(ctx) if not getattr(param, "hidden", False)]
    arguments = _panels((param for param in shown if isinstance(param, typer.core.TyperArgument)), ARGUMENTS)
    options = _panels((param for param in shown if isinstance(param, typer.core.TyperOption)), OPTIONS)
    for panels in (arguments, options):
        for name, params in panels.items():
            options_panel(name=name, params=params, ctx=ctx, console=console)
    if isinstance(command, typer.core.TyperGroup):
        listed = (command.get_command(ctx, name) for name in command.list_commands(ctx))
        groups = _panels((sub for sub in listed if sub is not None and not sub.hidden), COMMANDS)
        width = max((len(sub.name or "") for subs in groups.values() for sub in subs), default=0)
        for name, subs in groups.items():
            _commands_panel(name, subs, console, width)
    if command.epilog:
        console.print(Padding(Align(_rich_text(command.epilog, console), pad=False), 1))


class HelpCommand(typer.core.TyperCommand):
    """A command whose help is drawn by this module."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        print_help(self, ctx)


class HelpGroup(typer.core.TyperGroup):
    """A group (``escalate --help``, ``escalate case --help``), likewise."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        print_help(self, ctx)
