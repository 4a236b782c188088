"""The options every command shares, built from the facts' table: one option for each fact, the calendar
options, today's date; and the one-line failure that every command raises for a wrong input.
"""

import functools
import inspect
import os
import sys
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from escalate.engine.facts import (
    CHOICE_FACTS,
    DATE_FACTS,
    FACT_HELP,
    FLAG_FACTS,
    NO_WORDS,
    UNKNOWN_WORDS,
    YES_WORDS,
    Facts,
    read_date,
)
from escalate.errors import ExitCode

if TYPE_CHECKING:
    from escalate.output.ics import CalendarOptions


CALENDAR_PANEL = "Calendar (--format ics)"
CHOICE_METAVAR_WIDTH = 16
"""A choice list longer than this is written in the option's help, not as its metavar."""
FACT_INPUTS: tuple[str, ...] = (*DATE_FACTS, *CHOICE_FACTS, *FLAG_FACTS)
TodayOption = Annotated[
    str | None,
    typer.Option("--today", help="Count as if today were this date (default: today in London).", metavar="DATE"),
]
"""``--today``, as every command that counts from today takes it."""


class Failure(Exception):
    """An error already worded for the user, with its exit code."""

    def __init__(self, message: str, code: ExitCode) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: ExitCode = ExitCode.INPUT_ERROR) -> NoReturn:
    raise Failure(message, code)


def refuse_word_for_a_terminal(output: str | None, example: str) -> None:
    """A Word file goes to a file, or down a pipe (``-o -`` or no ``-o``); standard output that is a terminal, or
    that takes no bytes, is refused in one line (exit 2)."""
    if output in (None, "-") and (sys.stdout.isatty() or getattr(sys.stdout, "buffer", None) is None):
        fail(f"--format docx: a Word file cannot be shown in a terminal; give -o FILE (for example -o {example})")


def _option_help(name: str) -> tuple[str, str, str]:
    """(help, metavar, panel) for a fact's option."""
    if name in DATE_FACTS:
        return FACT_HELP[name], "DATE", "Dates (2026-03-01, 01/03/2026 or 1 March 2026)"
    if name in CHOICE_FACTS:
        values = [member.value for member in CHOICE_FACTS[name]]
        if len("|".join(values)) <= CHOICE_METAVAR_WIDTH:
            return FACT_HELP[name], "|".join(values), "About the complaint"
        # A long list of choices is given in the help, where it wraps between whole words.
        help_text = FACT_HELP[name]
        if not all(value in help_text for value in values):
            help_text += " One of: " + ", ".join(values) + "."
        return help_text, "CHOICE", "About the complaint"
    return FACT_HELP[name] + " Alone, it means yes.", "[yes|no]", "About the complaint"


ANSWERS: frozenset[str] = YES_WORDS | NO_WORDS | (UNKNOWN_WORDS - {""})
"""Every spelling of an answer to a yes/no fact (RULES.md s.1)."""

FLAG_OPTIONS: frozenset[str] = frozenset("--" + name.replace("_", "-") for name in FLAG_FACTS)
"""The yes/no facts' options, each of which may be given alone to mean yes (RULES.md s.1)."""


def expand_bare_flags(args: list[str], *, takes_argument: bool = True) -> list[str]:
    """The command line with each yes/no fact given alone (``--discrimination``) spelled out as
    ``--discrimination yes`` (RULES.md s.1: on the command line a bare flag means yes).

    The word after such an option is its value when it is an answer (yes, no, unknown and their spellings of
    RULES.md s.1). Any other word is the value too, for the error that names the option (``--injury perhaps``),
    unless the command takes an argument (``explain ID``, ``letter KIND``): then the flag is yes and the word is
    the argument (``explain --injury personal-injury``). Another option after it, or nothing, makes it yes
    (``--serious-allegation --investigation mps``). ``--name=value`` is left alone, and so is all after ``--``."""
    expanded: list[str] = []
    for index, arg in enumerate(args):
        if arg == "--":
            return expanded + args[index:]
        expanded.append(arg)
        if arg in FLAG_OPTIONS:
            following = args[index + 1] if index + 1 < len(args) else None
            if (
                following is None
                or following.startswith("-")
                or (takes_argument and following.strip().lower() not in ANSWERS)
            ):
                expanded.append("yes")
    return expanded


def _answers(name: str) -> tuple[str, ...]:
    """What shell completion offers for a fact's option: a choice's values, or yes/no; nothing for a date."""
    if name in CHOICE_FACTS:
        return tuple(member.value for member in CHOICE_FACTS[name])
    if name in FLAG_FACTS:
        return ("yes", "no", "unknown")
    return ()


def _completer(values: tuple[str, ...]) -> Callable[[str], list[str]]:
    """A shell-completion callback offering those of ``values`` that start with what has been typed."""

    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete.lower())]

    return complete


def complete_rule_id(incomplete: str) -> list[str]:
    """Shell completion for a rule id (`escalate explain <TAB>`)."""
    from escalate.law.rules import RULE_IDS

    return [rule_id for rule_id in RULE_IDS if rule_id.startswith(incomplete.lower())]


@functools.cache
def _fact_parameters() -> tuple[inspect.Parameter, ...]:
    """One keyword parameter per fact, built once and shared by every command that takes facts."""
    parameters = []
    for name in FACT_INPUTS:
        help_text, metavar, panel = _option_help(name)
        option = typer.Option(
            "--" + name.replace("_", "-"),
            help=help_text,
            metavar=metavar,
            rich_help_panel=panel,
            show_default=False,
            autocompletion=_completer(_answers(name)),
        )
        parameters.append(
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[str | None, option]
            )
        )
    return tuple(parameters)


def _gathered(
    parameters: tuple[inspect.Parameter, ...], into: str
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A decorator giving a command the options ``parameters``, whose values reach it as one mapping
    named ``into``: many commands share the same options without repeating them in each signature."""
    names = tuple(parameter.name for parameter in parameters)

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(command)
        own = [parameter for parameter in signature.parameters.values() if parameter.name != into]
        combined = own + list(parameters)
        shown = {parameter.name: _shown_name(parameter) for parameter in combined}

        @functools.wraps(command)
        def wrapper(**kwargs: Any) -> Any:
            reject_empty({shown.get(name, name): value for name, value in kwargs.items()})
            gathered = {name: kwargs.pop(name) for name in names}
            return command(**{into: gathered}, **kwargs)

        wrapper.__signature__ = signature.replace(parameters=combined)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {parameter.name: parameter.annotation for parameter in combined}
        del wrapper.__wrapped__  # typer must see the new signature, not the original one
        return wrapper

    return decorate


def _shown_name(parameter: inspect.Parameter) -> str:
    """How the user names a parameter: its first option (``--format``), or an argument's metavar (``FILE``)."""
    for info in getattr(parameter.annotation, "__metadata__", ()):
        # typer.Option("--only", ...) keeps its first name as the "default" under Annotated
        first = getattr(info, "default", None)
        names = ((first,) if isinstance(first, str) else ()) + tuple(getattr(info, "param_decls", None) or ())
        declared = [decl for decl in names if decl.startswith("--")]
        if declared:
            return str(declared[0])
        if getattr(info, "metavar", None):
            return str(info.metavar)
    return "--" + parameter.name.replace("_", "-")


def reject_empty(values: Mapping[str, Any]) -> None:
    """An option given with an empty value (``--outcome-date ""``) is an input error, all of them named at once
    (RULES.md s.1): leave an option out when its answer is not known."""
    empty = [name for name, value in values.items() if isinstance(value, str) and not value.strip()]
    options = [name for name in empty if name.startswith("-")]
    if options:
        fail(f"{', '.join(options)}: an empty value was given; leave the option out when it is not known")
    if empty:
        fail(f"{', '.join(empty)}: an empty value was given")


def with_fact_options(command: Callable[..., Any] | None = None, *, save: bool = True) -> Callable[..., Any]:
    """Give a command one option per fact (``--outcome-date``, ``--schedule3`` ...), collected into a
    mapping passed as ``fact_text``; the names are those of RULES.md everywhere. With them come ``--case
    FILE`` (the facts of a case file, under those given as options) and, unless ``save`` is false, ``--save
    FILE`` (the merged case written back when the command has run; see ``escalate.cli.casefile``)."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        from escalate.cli.casefile import case_parameters, with_case_file

        return _gathered(_fact_parameters() + case_parameters(save=save), "fact_text")(with_case_file(command))

    return decorate if command is None else decorate(command)


@functools.cache
def _calendar_parameters() -> tuple[inspect.Parameter, ...]:
    def option(name: str, annotation: Any) -> inspect.Parameter:
        return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)

    return (
        option(
            "remind",
            Annotated[
                str | None,
                typer.Option(
                    "--remind",
                    help="Reminders: whole days before each deadline, comma-separated (default: 14,7,1); each "
                    "goes off at 09:00 on its day. 'none' for no reminder.",
                    metavar="DAYS[,DAYS]",
                    rich_help_panel=CALENDAR_PANEL,
                ),
            ],
        ),
        option(
            "include_passed",
            Annotated[
                bool | None,
                typer.Option(
                    "--include-passed",
                    help="Put deadlines that have passed in the calendar too.",
                    rich_help_panel=CALENDAR_PANEL,
                    show_default=False,
                ),
            ],
        ),
        option(
            "case_ref",
            Annotated[
                str | None,
                typer.Option(
                    "--case-ref",
                    help="Your reference for the case, shown in each event's title (up to 64 characters).",
                    metavar="TEXT",
                    rich_help_panel=CALENDAR_PANEL,
                ),
            ],
        ),
        option(
            "calendar_name",
            Annotated[
                str | None,
                typer.Option(
                    "--calendar-name",
                    help="The calendar's name (default: 'Police complaint deadlines', with the case reference).",
                    metavar="TEXT",
                    rich_help_panel=CALENDAR_PANEL,
                ),
            ],
        ),
    )


def with_calendar_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command the options of calendar export (``--remind``, ``--include-passed``, ``--case-ref``,
    ``--calendar-name``), collected into a mapping passed as ``calendar_text``."""
    return _gathered(_calendar_parameters(), "calendar_text")(command)


def calendar_options(calendar_text: Mapping[str, Any], *, ics: bool) -> "CalendarOptions | None":
    """The calendar options when the output is a calendar, checked before any work is done; given with
    another format, they are an input error."""
    if not ics:
        given = ["--" + name.replace("_", "-") for name, value in calendar_text.items() if value]
        if given:
            fail(f"{', '.join(given)}: only used with --format ics")
        return None
    from escalate.output.ics import (
        DEFAULT_REMINDERS,
        CalendarOptions,
        check_calendar_name,
        check_case_ref,
        parse_reminders,
    )

    remind, case_ref, name = calendar_text["remind"], calendar_text["case_ref"], calendar_text["calendar_name"]
    return CalendarOptions(
        reminders=DEFAULT_REMINDERS if remind is None else parse_reminders(remind),
        include_passed=bool(calendar_text["include_passed"]),
        case_ref=None if case_ref is None else check_case_ref(case_ref),
        calendar_name=None if name is None else check_calendar_name(name),
    )


def resolve_today(text: str | None, default: date | None = None) -> date:
    """``--today`` read as a date; by default today's date in London."""
    if text:
        return read_date("today", text)
    if default is not None:
        return default
    from escalate.cli.clock import today_in_london

    return today_in_london()


def build_facts(fact_text: Mapping[str, str | None], today: date) -> Facts:
    return Facts.from_strings(fact_text, today=today)


def read_facts(
    fact_text: Mapping[str, str | None], today: str | None, *, example: bool
) -> tuple[Mapping[str, str | None], Facts]:
    """The facts given as options, laid over those of ``--case FILE`` when one is given; with ``--example``,
    the built-in case with the given facts added to it (and its own date as today, unless ``--today`` says
    otherwise)."""
    from escalate.cli.casefile import checked_facts, merged_facts

    default_today = None
    base: Mapping[str, str] = {}
    if example:
        from escalate.cli.example import EXAMPLE_FACTS, EXAMPLE_TODAY

        base, default_today = EXAMPLE_FACTS, EXAMPLE_TODAY
    fact_text = merged_facts(fact_text, base)
    return fact_text, checked_facts(fact_text, resolve_today(today, default_today))


def has_case_file(fact_text: Mapping[str, str | None]) -> bool:
    """Whether ``--case`` (or ``--save``, which reads the file it updates) names a file."""
    from escalate.cli.casefile import session_of

    session = session_of(fact_text)
    return session is not None and session.named


def text_layout(table: bool, *, plain: bool) -> bool:
    """Whether the text layout is plain: asked for with ``--plain``, or the terminal says it is dumb (TERM=dumb,
    as in Emacs shells and some screen readers). ``--plain`` with another format is an input error."""
    if plain and not table:
        fail("--plain: only for the text layout (--format table)")
    return table and (plain or os.environ.get("TERM") == "dumb")


def split_only(text: str | None) -> set[str] | None:
    if text is None:
        return None
    return {part.strip() for part in text.split(",") if part.strip()}


def _choose_name(allowed: tuple[str, ...], text: str) -> str:
    key = text.strip().lower()
    if key not in allowed:
        fail(f"--format: '{text}' is not one of: {', '.join(allowed)}")
    return key


FORMAT_EXTENSIONS: Mapping[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".ics": "ics",
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".txt": "table",
}
"""The format a file's name implies, where ``--format`` is not given (among the formats the command has)."""


def format_from_name(path: str | None, kind: Any) -> str:
    """The format ``-o``'s extension names, if the command has it; else ``table``."""
    if path is None:
        return "table"
    suffix = os.path.splitext(path)[1].lower()  # noqa: PTH122 - a name, not yet a file
    name = FORMAT_EXTENSIONS.get(suffix, "table")
    return name if name in {member.value for member in kind} else "table"


def choose(kind: Any, text: str) -> Any:
    """A member of a format enum by name, any case (for an option whose default depends on another, such as
    `letter --format`, which follows -o's extension)."""
    return kind(_choose_name(tuple(member.value for member in kind), text))
