"""`--help`, drawn by escalate with rich: typer's panels (titles, grouping, the order of options and commands, the
help texts read as rich markup), with each option's whole name and metavar on one line and its help wrapped at
words beside it where the terminal is wide enough, else under it.

typer's own options panel gives each column a share of the width, which at 80 columns cuts long option names to
"…" and breaks choice lists inside words. And typer's help module (``typer.rich_utils``) imports rich's Markdown,
markdown-it, rich's tracebacks and pygments when it loads, which takes longer than the rest of a command's start.
So the app sets ``rich_markup_mode=None`` (typer then never loads that module) and its commands and groups draw
their help here, through click's ``format_help``.

Each panel of options or commands, and the help's paragraphs, is drawn by a renderable of this module that lays
out its own lines: the border and title as rich's Panel draws them, the names and metavars in columns as wide as
the widest, and each help text wrapped by rich (``Console.render_lines``) at the width of its column. rich's Table
inside rich's Panel drew them before; but Panel, Padding, Table and each cell's Padding split, measure and pad every
line again, level by level, which was more than half the time a big page's help took to draw (issue 17:
`escalate letter --help` took 1.5x the import floor). What is printed is the same, byte for byte, at every width, plain and in colour
(tests/test_help_drawing.py holds it to the old drawing): so where a detail looks arbitrary (the names' style on
the space after them, a blank line for an empty help, the width a paragraph is wrapped at), it is rich's.
"""

from __future__ import annotations

import inspect
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import typer.core

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment
    from rich.style import Style
    from rich.text import Text

    OptionRow = tuple[Text, Text, RenderableType]
    """An option's names, its metavar and its help."""
    CommandRow = tuple[Text, RenderableType, RenderableType | None]
    """A command's name, its help, and where a command of its panel is deprecated, "(deprecated)" or ""."""

HELP_MIN = 30
"""Below this much room beside the names, the help goes under each option instead."""
HELP_INDENT = 4
"""How far the help under an option's names is indented, when it goes under them."""

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
    made = Text.from_ansi(text, style=style) if "\033[" in text else _from_markup(text, style)
    return console.highlighter(made)


EMOJI_CODE = re.compile(r"(:(\S*?)(?:(?:\-)(emoji|text))?:)")
"""An emoji code (``:warning:``) as rich finds one in markup (rich._emoji_replace)."""


def _from_markup(text: str, style: str = "") -> Text:
    """Markup read as rich reads it, emoji codes and all; but rich's table of emoji, which takes 3 ms to load, is
    looked in only when the text has something like a code in it (a help text rarely has)."""
    from rich.text import Text

    return Text.from_markup(text, style=style, emoji=EMOJI_CODE.search(text) is not None)


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
    if len(items) == 1:  # the same without the layout's cost (and its module's import)
        return items[0]
    from rich.columns import Columns

    return Columns(items)  # side by side where they fit, as typer lays them out


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
    if params:
        _print(console, OptionsPanel(name, [_option_row(param, ctx, console) for param in params]))


def _option_row(param: Any, ctx: Any, console: Any) -> OptionRow:
    """An option's names, its metavar and its help, as the panel shows them."""
    from rich.text import Text

    names = str(param.metavar or param.name or "") if isinstance(param, typer.core.TyperArgument) else _names(param)
    return (
        Text(names, style=STYLE_OPTION),
        Text(_metavar(param, ctx), style=STYLE_TYPES),
        _parameter_help(param, ctx, console),
    )


class OptionsPanel:
    """A panel of options: each one's names and metavar in columns as wide as the widest, its help wrapped beside
    them; or, with less than ``HELP_MIN`` columns left for the help, the names and metavar on a line of their own
    and the help under them, indented by 4."""

    def __init__(self, name: str, rows: list[OptionRow]) -> None:
        self.name = name
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.text import Text

        width = options.max_width
        inner = _inner(options)
        name_width = max(len(names.plain) for names, _, _ in self.rows)
        metavar_width = max(len(metavar.plain) for _, metavar, _ in self.rows)
        # Each gap between columns is 2.
        room = inner - name_width - 2 - (metavar_width + 2 if metavar_width else 0)
        # A title longer than the panel's top border would be cut: it goes inside, as the first line, instead.
        fits = len(self.name) <= width - 6
        lines = [] if fits else console.render_lines(Text(self.name, style="bold"), _body_options(options))
        if room >= HELP_MIN:
            lines += self._beside(console, options, name_width, metavar_width, room)
        else:
            lines += self._under(console, options, inner)
        yield from _framed(console, options, self.name if fits else None, lines)

    def _beside(
        self, console: Console, options: ConsoleOptions, name_width: int, metavar_width: int, room: int
    ) -> list[list[Segment]]:
        """Names, metavar and help in three columns (two when no option has a metavar), a gap of 2 between."""
        from rich.segment import Segment

        help_options = _cell_options(options, room)
        pad = Segment(" ")
        blanks = [Segment(" " * (name_width + 1)), Segment(" " * (metavar_width + 2)), Segment(" " * (room + 1))]
        lines: list[list[Segment]] = []
        for names, metavar, help_text in self.rows:
            cells = [[[*line, pad] for line in _fixed(names, name_width, console, options)]]
            if metavar_width:
                cells.append([[pad, *line, pad] for line in _fixed(metavar, metavar_width, console, options)])
            cells.append([[pad, *line] for line in console.render_lines(help_text, help_options)])
            lines += _row(cells, blanks if metavar_width else blanks[::2])
        return lines

    def _under(self, console: Console, options: ConsoleOptions, inner: int) -> list[list[Segment]]:
        """Each option's names and metavar (wrapped at words if need be), then its help under them."""
        from rich.segment import Segment

        heading_options = _cell_options(options, inner)
        help_options = _cell_options(options, inner - HELP_INDENT)
        indent, blank = Segment(" " * HELP_INDENT), [Segment(" " * inner)]
        lines: list[list[Segment]] = []
        for names, metavar, help_text in self.rows:
            heading = names.copy()
            if metavar.plain:
                heading.append(" ")
                heading.append_text(metavar)
            lines += _row([console.render_lines(heading, heading_options)], blank)
            lines += _row([[[indent, *line] for line in console.render_lines(help_text, help_options)]], blank)
        return lines


def _command_help(text: str, console: Any) -> Any:
    """A command's line in its group's list: the first paragraph of its help (line breaks kept, as typer's)."""
    first = inspect.cleandoc(text).split("\n\n")[0]
    if first.startswith("\b"):
        first = first.replace("\b\n", "")
    return _rich_text(first.strip(), console)


def _commands_panel(name: str, commands: list[Any], console: Any, name_width: int) -> None:
    from rich.text import Text

    deprecated = any(command.deprecated for command in commands)
    rows: list[CommandRow] = [
        (
            Text(command.name or "", style=STYLE_DEPRECATED_COMMAND if command.deprecated else ""),
            _command_help(command.short_help or command.help or "", console),
            (Text(DEPRECATED, style=STYLE_DEPRECATED) if command.deprecated else "") if deprecated else None,
        )
        for command in commands
    ]
    if rows:
        _print(console, CommandsPanel(name, rows, name_width))


class CommandsPanel:
    """A panel of commands: each one's name in a column ``name_width`` wide (the same in every panel of the
    group, so that the names line up), the first paragraph of its help beside it, and "(deprecated)" after that
    where a command of the panel is deprecated."""

    def __init__(self, name: str, rows: list[CommandRow], name_width: int) -> None:
        self.name = name
        self.rows = rows
        self.name_width = name_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        inner = _inner(options)
        name_column = self.name_width + 1  # its padding on the right
        deprecated = any(note is not None for *_, note in self.rows)
        deprecated_column = self._deprecated_width(console, options, inner) if deprecated else 0
        help_column = inner - name_column - deprecated_column
        help_width = help_column - (2 if deprecated else 1)  # its padding on the left, and right before another
        if help_width < 1:  # too narrow even for the names: rich shares out the width its own way
            yield from _framed(console, options, self.name, console.render_lines(self._table(), _body_options(options)))
            return
        name_style = console.get_style(STYLE_COMMAND_NAME)
        help_options = _cell_options(options, help_width)
        pad, name_pad = Segment(" "), Segment(" ", name_style)
        blanks = [Segment(" " * name_column, name_style), Segment(" " * help_column), Segment(" " * deprecated_column)]
        lines: list[list[Segment]] = []
        for name, help_text, note in self.rows:
            cells = [
                [[*line, name_pad] for line in _fixed(name, self.name_width, console, options, name_style)],
                [
                    [pad, *line, pad] if deprecated else [pad, *line]
                    for line in console.render_lines(help_text, help_options)
                ],
            ]
            if deprecated:
                note_options = _cell_options(options, deprecated_column - 1)
                cells.append([[pad, *line] for line in console.render_lines(note or "", note_options)])
            lines += _row(cells, blanks)
        yield from _framed(console, options, self.name, lines)

    def _deprecated_width(self, console: Console, options: ConsoleOptions, inner: int) -> int:
        """The width of the "(deprecated)" column with its padding, measured as rich measures a column."""
        from rich.measure import Measurement
        from rich.padding import Padding

        cells = (Padding(note or "", (0, 0, 0, 1)) for *_, note in self.rows)
        widest = max(Measurement.get(console, _body_options(options), cell).maximum for cell in cells)
        return max(0, min(widest, inner))

    def _table(self) -> Any:
        """The panel's rows as a rich table, for a terminal too narrow for the names and some help."""
        from rich.table import Table

        table = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1), expand=True)
        table.add_column(style=STYLE_COMMAND_NAME, no_wrap=True, width=self.name_width)
        table.add_column("Description", justify="left", no_wrap=False, ratio=10)  # greedy, so the names line up
        for name, help_text, note in self.rows:
            table.add_row(name, help_text) if note is None else table.add_row(name, help_text, note)
        return table


def _inner(options: ConsoleOptions) -> int:
    """The width inside a panel: its border and a column of padding each side take 4."""
    return options.max_width - 4


def _body_options(options: ConsoleOptions) -> ConsoleOptions:
    """The options rich's Panel gives what is inside it."""
    return options.update(width=_inner(options), height=None, highlight=False)


def _cell_options(options: ConsoleOptions, width: int) -> ConsoleOptions:
    """The options rich's Table gives a cell of a column of its defaults (left, wrapped, ellipsis)."""
    return options.update(width=width, justify="left", no_wrap=False, overflow="ellipsis", height=None, highlight=False)


def _row(cells: list[list[list[Segment]]], blanks: list[Segment]) -> Iterator[list[Segment]]:
    """The lines of a row of cells side by side (each cell's lines as wide as its column), a cell shorter than
    the row filled with its column's ``blanks``; at least one line, as in rich's Table."""
    height = max(1, *(len(cell) for cell in cells))
    for cell, blank in zip(cells, blanks, strict=False):
        cell += [[blank]] * (height - len(cell))
    for line in zip(*cells, strict=True):
        yield [segment for part in line for segment in part]


def _fixed(
    text: Any, width: int, console: Console, options: ConsoleOptions, style: Style | None = None
) -> list[list[Segment]]:
    """``text`` (one style, no spans) as a column of ``width`` that does not wrap draws it, with ``style`` under
    its own: one segment, padded with spaces in its style. Text that is not plain ASCII (whose width in the
    terminal is not its length, or that has tabs or line breaks) is drawn by rich, cut as rich cuts it."""
    from rich.segment import Segment

    plain = text.plain
    if plain.isascii() and plain.isprintable() and len(plain) <= width and not text.spans:
        own = console.get_style(text.style) if text.style else None
        combined = own if style is None else (style + own if own else style)
        return [[Segment(plain + " " * (width - len(plain)), combined)]]
    no_wrap = _cell_options(options, width).update(no_wrap=True)
    return console.render_lines(text, no_wrap, style=style)


def _framed(
    console: Console, options: ConsoleOptions, title: str | None, lines: list[list[Segment]]
) -> Iterator[Segment]:
    """``lines`` (each as wide as the panel's inside) in a panel as rich's Panel draws it: a rounded border in
    the border's style, with the title (read as markup) on the left of its top, and a column of padding each side."""
    from rich.box import ROUNDED
    from rich.segment import Segment

    width = options.max_width
    border = console.get_style(STYLE_PANEL_BORDER)
    box = ROUNDED.substitute(options, safe=console.safe_box)
    new_line = Segment.line()
    if not title or width <= 4:
        yield Segment(box.get_top([width - 2])[:width], border)  # at a width of 1, cut as rich's print cuts it
    else:
        yield Segment(box.top_left + box.top, border)
        yield from console.render(
            _title(title, width - 4, box.top, border), _body_options(options).update_width(width - 4)
        )
        yield Segment(box.top + box.top_right, border)
    yield new_line
    left, right = Segment(box.mid_left, border), Segment(box.mid_right, border)
    pad = Segment(" ")
    for line in lines if _inner(options) >= 1 else ():  # rich renders nothing in no room
        yield left
        yield pad
        yield from line
        yield pad
        yield right
        yield new_line
    yield Segment(box.get_bottom([width - 2])[:width], border)
    yield new_line


def _title(title: str, width: int, rule: str, border: Style) -> Any:
    """A panel's title as rich's Panel makes it: markup read, a space each side, in the border's style, followed
    by the top border's rule to ``width``."""
    from rich.cells import cell_len
    from rich.text import Text

    text = _from_markup(title)
    text.end = ""
    text.plain = text.plain.replace("\n", " ")
    text.no_wrap = True
    text.expand_tabs()
    text.pad(1)
    text.stylize_before(border)
    text.truncate(width)
    excess = width - cell_len(text.plain)
    return Text.assemble(text, (rule * excess, border), no_wrap=True, end="") if excess else text


def _print(console: Console, drawing: RenderableType) -> None:
    """Print a panel or paragraphs of this module: their lines are as wide as the terminal, no wider, so the pass of
    rich's print that splits and crops every line would change nothing (and takes a fifteenth of the time)."""
    console.print(drawing, crop=False)


def _panels(items: Iterable[Any], default: str) -> dict[str, list[Any]]:
    """Items by the panel they are shown in (their rich_help_panel), the default panel first."""
    panels: defaultdict[str, list[Any]] = defaultdict(list)
    panels[default] = []
    for item in items:
        panels[getattr(item, "rich_help_panel", None) or default].append(item)
    return panels


def print_help(command: Any, ctx: Any) -> None:
    """The help of a command or group, on standard output."""
    from rich.padding import Padding

    console = _console()
    console.print(Padding(console.highlighter(command.get_usage(ctx)), 1), style=STYLE_USAGE_COMMAND)
    if command.help:
        _print(console, Paragraphs(_help_text(command, console), above=0))
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
        _print(console, Paragraphs(_rich_text(command.epilog, console), above=1))


class Paragraphs:
    """A command's help or its epilog: wrapped at words within a margin of 1 each side, with ``above`` blank
    lines before it and one after (as rich's Padding around its Align draws it)."""

    def __init__(self, text: Any, *, above: int) -> None:
        self.text = text
        self.above = above

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        width = options.max_width
        blank = Segment(" " * width + "\n")
        yield from [blank] * self.above
        inside = options.update_width(width - 2)
        if inside.max_width >= 1:  # rich renders nothing in no room
            # Wrapped at the width the text needs, at most the room inside the margin, as Align wraps it.
            needed = console.measure(self.text, options=inside).maximum
            left, right = Segment(" "), Segment(" " * (inside.max_width - needed + 1))
            for line in console.render_lines(self.text, inside.update(width=needed, height=None)):
                yield left
                yield from line
                yield right
                yield Segment.line()
        yield blank


class HelpCommand(typer.core.TyperCommand):
    """A command whose help is drawn by this module."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        print_help(self, ctx)


class HelpGroup(typer.core.TyperGroup):
    """A group (``escalate --help``, ``escalate case --help``), likewise."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        print_help(self, ctx)
