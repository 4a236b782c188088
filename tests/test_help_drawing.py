"""escalate draws its help's panels and paragraphs line by line (escalate.cli.help), for a faster start; what it
prints must be what rich's Panel, Table, Padding and Align drew before, byte for byte. The drawing as it was is
kept here (``reference_help``) as the oracle: every command's and group's help, and those of a small app with
the rarer features (a deprecated command, an epilog, environment variables, defaults, titles too long for the
border or with markup or emoji codes, names that are not ASCII), at the widths of the layouts' edges and at a few so narrow that
rich shares out the width its own way, plain and in colour.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.metadata import version
from typing import Annotated, Any

import pytest
import typer

from escalate.cli import help as drawing
from escalate.cli.app import app
from escalate.cli.help import HelpCommand, HelpGroup

RICH_VERSION = tuple(int(part) for part in version("rich").split(".")[:2])
AS_RICH_DREW_IT = pytest.mark.skipif(
    RICH_VERSION < (14, 3),
    reason="rich before 14.3 made a Table's fixed-width column one space wider than its width, so the drawing of "
    "before had three spaces between an option and its help there; the drawing now has the two it means on every "
    "rich (tests/test_terminal_widths.py checks its words and widths on every version)",
)
"""The old drawing is the oracle only where rich's Table drew what the help module meant (rich 14.3 and later)."""

WIDTHS = (40, 52, 60, 61, 79, 80, 100, 120, 200)
"""Around the edges: 61 and 52 at the width where a panel of options turns to its narrow layout (HELP_MIN)."""
NARROW = (1, 4, 5, 8, 15, 20, 30)
"""No room inside a panel (under 5), no room for the help under a name (under 9), no room for a command's help
beside its name (rich's Table then shares out the width itself), and narrow layouts throughout."""
MODES: dict[str, dict[str, str]] = {
    "plain": {},
    "colour": {"FORCE_COLOR": "1", "TERM": "xterm-256color"},
}
"""The environment of each run: plain (as through a pipe) and in colour, as in a terminal."""


# The reference: escalate.cli.help's drawing before it drew its panels itself (rich's Table in rich's Panel, and
# Padding around Align for the paragraphs). The texts in the panels come from the same functions as today's.


def reference_options_panel(*, name: str, params: list[Any], ctx: Any, console: Any) -> None:
    if not params:
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    rows = []
    for param in params:
        names = (
            str(param.metavar or param.name or "")
            if isinstance(param, typer.core.TyperArgument)
            else drawing._names(param)
        )
        rows.append(
            (
                Text(names, style=drawing.STYLE_OPTION),
                Text(drawing._metavar(param, ctx), style=drawing.STYLE_TYPES),
                drawing._parameter_help(param, ctx, console),
            )
        )
    name_width = max(len(row[0].plain) for row in rows)
    metavar_width = max(len(row[1].plain) for row in rows)
    room = console.width - 4 - name_width - 2 - (metavar_width + 2 if metavar_width else 0)
    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1), expand=True)
    if room >= drawing.HELP_MIN:
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
            table.add_row(reference_indented(help_text))
    fits = len(name) <= console.width - 6
    body: Any = table if fits else Group(Text(name, style="bold"), table)
    console.print(
        Panel(body, border_style=drawing.STYLE_PANEL_BORDER, title=name if fits else None, title_align="left")
    )


def reference_indented(renderable: Any) -> Any:
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, 4))


def reference_commands_panel(name: str, commands: list[Any], console: Any, name_width: int) -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1), expand=True)
    table.add_column(style=drawing.STYLE_COMMAND_NAME, no_wrap=True, width=name_width)
    table.add_column("Description", justify="left", no_wrap=False, ratio=10)
    deprecated = any(command.deprecated for command in commands)
    for command in commands:
        row = [
            Text(command.name or "", style=drawing.STYLE_DEPRECATED_COMMAND if command.deprecated else ""),
            drawing._command_help(command.short_help or command.help or "", console),
        ]
        if deprecated:
            row.append(Text(drawing.DEPRECATED, style=drawing.STYLE_DEPRECATED) if command.deprecated else None)
        table.add_row(*row)
    if table.row_count:
        console.print(Panel(table, border_style=drawing.STYLE_PANEL_BORDER, title=name, title_align="left"))


def reference_help(command: Any, ctx: Any) -> None:
    from rich.align import Align
    from rich.padding import Padding

    console = drawing._console()
    console.print(Padding(console.highlighter(command.get_usage(ctx)), 1), style=drawing.STYLE_USAGE_COMMAND)
    if command.help:
        console.print(Padding(Align(drawing._help_text(command, console), pad=False), (0, 1, 1, 1)))
    shown = [param for param in command.get_params(ctx) if not getattr(param, "hidden", False)]
    arguments = drawing._panels(
        (param for param in shown if isinstance(param, typer.core.TyperArgument)), drawing.ARGUMENTS
    )
    options = drawing._panels((param for param in shown if isinstance(param, typer.core.TyperOption)), drawing.OPTIONS)
    for panels in (arguments, options):
        for name, params in panels.items():
            reference_options_panel(name=name, params=params, ctx=ctx, console=console)
    if isinstance(command, typer.core.TyperGroup):
        listed = (command.get_command(ctx, name) for name in command.list_commands(ctx))
        groups = drawing._panels((sub for sub in listed if sub is not None and not sub.hidden), drawing.COMMANDS)
        width = max((len(sub.name or "") for subs in groups.values() for sub in subs), default=0)
        for name, subs in groups.items():
            reference_commands_panel(name, subs, console, width)
    if command.epilog:
        console.print(Padding(Align(drawing._rich_text(command.epilog, console), pad=False), 1))


LONG_TITLE = "A panel title longer than the top border of a panel in a terminal of 60 columns or fewer"


def rare_features() -> typer.Typer:
    """An app whose help has what escalate's does not (yet): each drawn as typer's help draws it."""
    rare = typer.Typer(
        cls=HelpGroup,
        rich_markup_mode=None,
        help="An app with the rarer features.\n\nIts second paragraph, dim, with --an-option and <TYPE>.",
        epilog="An epilog, with -x and --long-one.",
    )

    @rare.command(
        cls=HelpCommand,
        epilog="See also: [bold]the manual[/bold].",
        help="Do a thing with --flag.\n\nMore, with [red]markup[/red].\n\n\b\nKept\n  as is",
    )
    def thing(
        name: Annotated[str, typer.Argument(help="The name.", envvar="RARE_NAME", show_envvar=True)],
        must: Annotated[str, typer.Option(help="Required, with a default of words.", show_default="computed")],
        count: Annotated[int, typer.Option(help="How many times, wrapped over lines when narrow.")] = 3,
        level: Annotated[
            str,
            typer.Option(
                "--level",
                "-l",
                help="A level.",
                envvar=["RARE_LEVEL", "LEVEL"],
                show_envvar=True,
                rich_help_panel=LONG_TITLE,
            ),
        ] = "high",
        color: Annotated[bool, typer.Option("--color/--no-color", help="Colour or not.")] = True,
        verbose: Annotated[
            int,
            typer.Option("--verbose", "-v", count=True, help="Louder.", rich_help_panel="[bold]Markup[/bold] title"),
        ] = 0,
        quiet: Annotated[str, typer.Option(rich_help_panel="[bold]Markup[/bold] title")] = "x",
        at: Annotated[
            str, typer.Option(help="Emoji :warning: and not :nothing: at 10:30:00.", rich_help_panel=":star: Starred")
        ] = "",
        state: Annotated[str, typer.Option(metavar="ÉTAT", help="A metavar not in ASCII.")] = "",
        wide: Annotated[str, typer.Option(metavar="ＷＩＤＥ", help="A metavar twice as wide as it is long.")] = "",
    ) -> None:
        """Never run: only its help is drawn."""

    @rare.command(cls=HelpCommand, deprecated=True, help="An old command.")
    def old() -> None:
        """Never run."""

    @rare.command(cls=HelpCommand, rich_help_panel="Other commands", help="\b\nA command\nwith its lines kept.")
    def another_with_a_long_name() -> None:
        """Never run."""

    @rare.command("café", cls=HelpCommand, rich_help_panel="Other commands", deprecated=True)
    def cafe() -> None:
        """Never run."""

    inner = typer.Typer(cls=HelpGroup, help="A group inside.")

    @inner.command(cls=HelpCommand, help="Inner.")
    def leaf(x: Annotated[str, typer.Option(help="Help with ｗｉｄｅ letters and ünïcödé.")] = "é") -> None:
        """Never run."""

    rare.add_typer(inner, name="inner", cls=HelpGroup)
    return rare


def contexts(command: Any, name: str, parent: Any = None) -> Iterator[tuple[str, Any, Any]]:
    """Each command and group under ``command`` (itself first), with a context as its command line makes one."""
    ctx = command.context_class(command, info_name=name, parent=parent, **command.context_settings)
    yield ctx.command_path, command, ctx
    if isinstance(command, typer.core.TyperGroup):
        for sub_name in command.list_commands(ctx):
            yield from contexts(command.get_command(ctx, sub_name), sub_name, ctx)


PAGES = {
    path: (command, ctx)
    for root, name in ((app, "escalate"), (rare_features(), "rare"))
    for path, command, ctx in contexts(typer.main.get_command(root), name)
}


def drawn(draw: Callable[[Any, Any], None], command: Any, ctx: Any) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        draw(command, ctx)
    return buffer.getvalue()


@pytest.fixture(params=list(MODES), ids=list(MODES))
def environment(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    for name in ("NO_COLOR", "FORCE_COLOR", "COLORTERM", "TERM", "TERMINAL_WIDTH", "GITHUB_ACTIONS", "PY_COLORS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in MODES[request.param].items():
        monkeypatch.setenv(name, value)
    return str(request.param)


def test_every_command_has_a_page_and_so_has_every_rare_feature() -> None:
    assert {"escalate", "escalate letter", "escalate route", "escalate case", "escalate case show"} <= set(PAGES)
    assert {"rare", "rare thing", "rare old", "rare café", "rare inner", "rare inner leaf"} <= set(PAGES)


@AS_RICH_DREW_IT
@pytest.mark.parametrize("path", list(PAGES))
def test_help_is_drawn_as_rich_drew_it(path: str, environment: str, monkeypatch: pytest.MonkeyPatch) -> None:
    command, ctx = PAGES[path]
    differ = []
    for width in (*WIDTHS, *NARROW):
        monkeypatch.setenv("TERMINAL_WIDTH", str(width))
        expected = drawn(reference_help, command, ctx)
        assert "\033[" in expected if environment == "colour" else "\033[" not in expected
        if drawn(drawing.print_help, command, ctx) != expected:
            differ.append(width)
    assert not differ, f"{path} ({environment}) is not drawn as before at widths {differ}"


@AS_RICH_DREW_IT
@pytest.mark.parametrize(("args", "page"), [(["letter", "--help"], "escalate letter"), (["--help"], "escalate")])
@pytest.mark.parametrize("width", [52, 80])
def test_the_command_line_prints_the_same_help(
    args: list[str], page: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through escalate's own entry point (the app built for one command, or the list of commands), in colour."""
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("COLUMNS")
    for name, value in {**MODES["colour"], "TERMINAL_WIDTH": str(width)}.items():
        monkeypatch.setenv(name, value)
    done = subprocess.run([sys.executable, "-m", "escalate", *args], capture_output=True, text=True, check=True)
    assert done.stdout == drawn(reference_help, *PAGES[page]) + "\n"  # click ends the help with a line of its own


@pytest.mark.parametrize(
    "markup",
    [
        "Plain words, a time 10:30:00 and a ratio 1:2.",
        "Emoji :warning: and :thumbs_up-emoji: and :nothing: here.",
        "[bold]Markup[/bold] with :star: inside a [red]tag :smile:[/red].",
        r"An escaped \[tag] and \\:warning: after a backslash.",
        "Colons : apart : with spaces, and one at the end:",
        "",
    ],
)
def test_markup_is_read_as_rich_reads_it(markup: str) -> None:
    """Emoji codes are looked up only in a text that has something like one: the same text and styles."""
    from rich.text import Text

    made, expected = drawing._from_markup(markup, "dim"), Text.from_markup(markup, style="dim")
    assert (made.plain, made.spans, made.style) == (expected.plain, expected.spans, expected.style)
