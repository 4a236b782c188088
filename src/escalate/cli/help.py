"""`--help` that reads at any width: each option's whole name and metavar on one line, its help wrapped at
words beside it where the terminal is wide enough, else under it.

typer's own options panel gives each column a share of the width, which at 80 columns cuts long option names
to "…" and breaks choice lists inside words. Its panels are kept (titles, grouping, the order of options);
only the table inside each is laid out here, by replacing ``typer.rich_utils._print_options_panel`` the first
time help is shown (rich and typer's help code are imported only then).
"""

from __future__ import annotations

from typing import Any

import typer.core

HELP_MIN = 30
"""Below this much room beside the names, the help goes under each option instead."""


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


def options_panel(*, name: str, params: list[Any], ctx: Any, markup_mode: Any, console: Any) -> None:
    """One panel of options (a replacement for typer's, with the same signature)."""
    if not params:
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from typer import rich_utils

    rows = []
    for param in params:
        names = str(param.metavar or param.name or "") if isinstance(param, typer.core.TyperArgument) else _names(param)
        rows.append(
            (
                Text(names, style=rich_utils.STYLE_OPTION),
                Text(_metavar(param, ctx), style=rich_utils.STYLE_TYPES),
                rich_utils._get_parameter_help(param=param, ctx=ctx, markup_mode=markup_mode),
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
    console.print(
        Panel(
            body,
            border_style=rich_utils.STYLE_OPTIONS_PANEL_BORDER,
            title=name if fits else None,
            title_align=rich_utils.ALIGN_OPTIONS_PANEL,
        )
    )


def _indented(renderable: Any) -> Any:
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, 4))


def install() -> None:
    """Lay out typer's option panels with ``options_panel`` from now on."""
    from typer import rich_utils

    rich_utils._print_options_panel = options_panel


class HelpCommand(typer.core.TyperCommand):
    """A command whose help is laid out by this module."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        install()
        super().format_help(ctx, formatter)


class HelpGroup(typer.core.TyperGroup):
    """The group (``escalate --help``), likewise."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        install()
        super().format_help(ctx, formatter)
