"""The `escalate` command: thin wrappers that read options, call the engine and hand results to a renderer.

No date arithmetic and no legal logic here. Every error escalate raises on purpose becomes one line on
standard error and a documented exit code (README, 'Exit codes'); tracebacks never show local variables.
"""

import contextlib
import copy
import errno
import functools
import inspect
import os
import sys
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Annotated, Any

import typer

from escalate import __version__
from escalate.cli.help import HelpCommand, HelpGroup
from escalate.cli.options import (
    Failure,
    TodayOption,
    calendar_options,
    choose,
    complete_rule_id,
    expand_bare_flags,
    fail,
    format_from_name,
    has_case_file,
    read_facts,
    resolve_today,
    split_only,
    text_layout,
    with_calendar_options,
    with_fact_options,
)
from escalate.engine.facts import Facts
from escalate.errors import EscalateError, ExitCode, InputError, OutputError
from escalate.output.formats import DeadlinesFormat, RouteFormat, RulesFormat, SchemaName

# The base of every usage error: typer.TyperException from typer 0.27.2, the same class named ClickException before.
_USAGE_ERROR: type[Exception] = getattr(
    typer, "TyperException", next(kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException")
)

core = typer.Typer(
    name="escalate",
    help="What to do next about a stalled complaint against the Metropolitan Police, and the exact last day "
    "for each option, with the law behind every date. General information, not legal advice.",
    cls=HelpGroup,
    rich_markup_mode=None,  # escalate.cli.help draws the help: typer's help module is never loaded
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"escalate {__version__}")
        raise typer.Exit()


@core.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """escalate: the next step and the last day for each option after a police complaint stalls."""


ExampleOption = Annotated[
    bool, typer.Option("--example", help="Use the built-in example case (facts you give are added to it).")
]
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="Linear text without box drawing, for a screen reader or to paste into an email (also when "
        "TERM=dumb). Every fact of the table is kept.",
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file, in UTF-8, whole or not at all (default: standard output), such as -o plan.html.",
    ),
]
OnlyOption = Annotated[
    str | None,
    typer.Option("--only", help="Only these rule ids, comma-separated (see `escalate rules`).", metavar="ID[,ID]"),
]


@core.command(cls=HelpCommand)
@with_fact_options
@with_calendar_options
def deadlines(
    fact_text: Mapping[str, str | None],
    calendar_text: Mapping[str, Any],
    today: TodayOption = None,
    only: OnlyOption = None,
    output_format: Annotated[
        DeadlinesFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, csv, ics (a calendar file) or html (a page to print); default: from -o's "
            "extension, else table.",
            case_sensitive=False,
        ),
    ] = None,
    output: OutputOption = None,
    plain: PlainOption = False,
    example: ExampleOption = False,
) -> None:
    """Every deadline the facts allow, soonest first: what to do, by when, and the law behind it.

    Example: escalate deadlines --incident-date 10/01/2026 --outcome-date 2026-11-03

    Calendar: escalate deadlines --outcome-date 2026-11-03 --format ics -o complaint.ics
    """
    from escalate.engine.deadlines import compute_deadlines
    from escalate.output.deadlines import RenderOptions, render_deadlines
    from escalate.output.files import output_stream

    chosen = output_format or choose(DeadlinesFormat, format_from_name(output, DeadlinesFormat))
    options = RenderOptions(
        calendar_options(calendar_text, ics=chosen is DeadlinesFormat.ICS),
        plain=text_layout(chosen is DeadlinesFormat.TABLE, plain=plain),
    )
    fact_text, facts = read_facts(fact_text, today, example=example)
    report = compute_deadlines(facts, only=split_only(only))
    with output_stream(output) as stream:
        render_deadlines(report, chosen, stream, options)


@core.command(cls=HelpCommand)
def rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="table or json.", case_sensitive=False)
    ] = RulesFormat.TABLE,
    output: OutputOption = None,
    plain: PlainOption = False,
) -> None:
    """Every rule escalate knows: id, what it is, period, how it is counted, strength and legal source."""
    from escalate.law.rules import RULES
    from escalate.output.console import make_console
    from escalate.output.files import output_stream
    from escalate.output.rules import rules_json, rules_table

    table = output_format is RulesFormat.TABLE
    plain = text_layout(table, plain=plain)
    with output_stream(output) as stream:
        if table:
            rules_table(RULES, make_console(stream), plain=plain)
        else:
            rules_json(RULES, stream)


@core.command(cls=HelpCommand)
@with_fact_options(save=False)
def explain(
    fact_text: Mapping[str, str | None],
    rule_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="A rule id, as listed by `escalate rules`.", autocompletion=complete_rule_id),
    ],
    today: TodayOption = None,
) -> None:
    """How one deadline works: the law in brief, how its days are counted, a worked example, and with
    facts, the steps for your case.

    Example: escalate explain review-request --outcome-date 2026-03-01
    """
    from escalate.output.console import make_console
    from escalate.output.explain import explain_rule

    given = any(value is not None for value in fact_text.values()) or has_case_file(fact_text)
    resolve_today(today)  # read even without facts: a wrong --today is an error, not ignored
    facts = read_facts(fact_text, today, example=False)[1] if given else None
    explain_rule(rule_id, facts, make_console())


@core.command(cls=HelpCommand)
@with_fact_options
@with_calendar_options
def route(
    fact_text: Mapping[str, str | None],
    calendar_text: Mapping[str, Any],
    today: TodayOption = None,
    output_format: Annotated[
        RouteFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table, json, markdown, ics (a calendar file) or html (a page to print or send); default: from "
            "-o's extension, else table.",
            case_sensitive=False,
        ),
    ] = None,
    output: OutputOption = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full", help="Every detail: why each step, how, where to send it, the law, every deadline and note."
        ),
    ] = False,
    plain: PlainOption = False,
    ask: Annotated[
        bool,
        typer.Option(
            "--ask",
            help="Ask, in plain English, for the facts not given. Only in a terminal: in a script nothing is "
            "asked and facts not given stay unknown.",
        ),
    ] = False,
    example: ExampleOption = False,
) -> None:
    """What to do next: the step to take now, what comes after, what runs alongside, who decides, what to
    send them, and by when.

    Example: escalate route --complaint-date 2026-05-02 --outcome-date 2026-11-03 --schedule3 yes
    """
    from escalate.engine.route import plan_route
    from escalate.output.deadlines import RenderOptions
    from escalate.output.files import output_stream
    from escalate.output.route import render_route

    chosen = output_format or choose(RouteFormat, format_from_name(output, RouteFormat))
    calendar = calendar_options(calendar_text, ics=chosen is RouteFormat.ICS)
    if full and chosen is not RouteFormat.TABLE:
        fail("--full: only for the text layout (--format table); the other formats always have every detail")
    options = RenderOptions(calendar, plain=text_layout(chosen is RouteFormat.TABLE, plain=plain), full=full)
    fact_text, facts = read_facts(fact_text, today, example=example)
    if ask:
        facts = _ask(fact_text, facts.today)
    planned = plan_route(facts)
    with output_stream(output) as stream:
        render_route(planned, chosen, stream, options)


def _ask(fact_text: Mapping[str, str | None], today: date) -> Facts:
    """The facts after asking for the missing ones: questions on standard error, answers from standard
    input, and only when standard input is a terminal (a script is never prompted)."""
    from escalate.cli.ask import Interview, run_interview
    from escalate.cli.casefile import keep_answers, offer_save, session_of
    from escalate.cli.streams import STATE

    if STATE.stdin_closed:
        fail("--ask: standard input is closed, so nothing can be asked (give the facts as options)")
    interview = Interview.start(fact_text, today=today)
    if not sys.stdin.isatty():
        sys.stderr.write(
            "escalate: --ask: standard input is not a terminal, so nothing was asked; "
            "facts not given are treated as unknown\n"
        )
        return interview.facts
    session = session_of(fact_text)
    finished = run_interview(
        interview,
        sys.stdin,
        sys.stderr,
        on_answer=lambda state: keep_answers(fact_text, state.fact_text()),
        kept_in=None if session is None else session.save_path,
    )
    offer_save(fact_text, sys.stdin, sys.stderr)
    return finished.facts


@core.command(cls=HelpCommand)
def schema(
    name: Annotated[
        SchemaName,
        typer.Argument(metavar="NAME", help="Which JSON output: deadlines, route or batch (one JSON Lines record)."),
    ],
    output: OutputOption = None,
) -> None:
    """The JSON Schema (draft 2020-12) of a JSON output, to check what a script reads.

    Every JSON document and JSON Lines record carries "schema_version"; the schema of that version is this.

    Example: escalate schema deadlines -o deadlines.schema.json
    """
    from escalate.output.files import output_stream
    from escalate.output.schema import schema_text

    with output_stream(output) as stream:
        stream.write(schema_text(name))


COMMAND_ORDER = ("deadlines", "rules", "explain", "route", "letter", "timeline", "schema", "batch")
"""The commands in the order `escalate --help` lists them (the group `case` comes after them)."""


def _register_elsewhere(on: typer.Typer, name: str) -> None:
    """Register on ``on`` a command defined in a module of its own: `letter`, `timeline`, the group `case` or
    `batch`. Each module is imported here, only when its command runs or the whole app is wanted, because
    importing them (their options, the letter kinds) would add about a twentieth to every other command's start."""
    if name == "letter":
        from escalate.cli.letter import letter_command

        on.command("letter", cls=HelpCommand)(letter_command)
    elif name == "timeline":
        from escalate.cli.case import timeline_command

        on.command("timeline", cls=HelpCommand)(timeline_command)
    elif name == "case":
        from escalate.cli.case import case_app

        on.add_typer(case_app, name="case", cls=HelpGroup)
    elif name == "batch":
        from escalate.cli.batch import batch_command

        on.command("batch", cls=HelpCommand)(batch_command)


ELSEWHERE = ("letter", "case", "timeline", "batch")
"""The commands that ``_register_elsewhere`` registers."""


@functools.cache
def whole_app() -> typer.Typer:
    """The app with every command, for `escalate --help`, a mistyped command and the command-line reference."""
    for name in ELSEWHERE:
        _register_elsewhere(core, name)
    core.registered_commands.sort(key=lambda info: COMMAND_ORDER.index(_command_name(info)))
    return core


def _listing(typer_app: typer.Typer) -> typer.Typer:
    """``typer_app`` as its own help lists it: each command's name and help (the group ``case`` likewise),
    without the options. Typer turns every registered command's options into click parameters when the app
    is built, which is a sixth of `escalate --help`'s time, and the list shows none of them."""
    listing = copy.copy(typer_app)
    listing.registered_commands = [_listed(info) for info in typer_app.registered_commands]
    listing.registered_groups = []
    for info in typer_app.registered_groups:
        group = copy.copy(info)
        group.typer_instance = _listing(info.typer_instance)  # type: ignore[arg-type]
        listing.registered_groups.append(group)
    return listing


def _listed(info: Any) -> Any:
    """A command as a list of commands shows it: its name and help (as typer reads them), and no options."""
    listed = copy.copy(info)
    listed.name = _command_name(info)
    listed.help = info.help if info.help is not None else inspect.getdoc(info.callback)
    listed.callback = _only_listed
    return listed


def _only_listed() -> None:
    """A command in a list (``_listing``): never run, since the command line named no command."""


def __getattr__(name: str) -> typer.Typer:
    """``app``: the whole app (``whole_app``), built when first asked for."""
    if name == "app":
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> None:
    """Run the command line; every failure becomes one line on standard error and an exit code."""
    from escalate.cli.streams import StdoutError, pipe_was_broken, silence_stdout

    given = sys.argv[1:] if argv is None else argv
    chosen = _app_for(given)
    args = expand_bare_flags(given, takes_argument=_takes_argument(chosen))
    try:
        try:
            with _completion_shell(given):
                result = chosen(args=args, prog_name="escalate", standalone_mode=False)
            sys.stdout.flush()  # here, so that a full disk or a closed reader is met inside this edge
        except SystemExit as done:
            # typer meets a closed reader first and exits 1 of its own accord: a closed reader is a normal end.
            if pipe_was_broken() or _broken_pipe(done.__context__):
                raise BrokenPipeError from None
            raise
        code = result if isinstance(result, int) else ExitCode.OK
        if code == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into exit code 130
            _report("interrupted", code)
    except Failure as failure:
        code = _report(str(failure), failure.code)
    except InputError as error:
        code = _report(error.describe("option"), ExitCode.INPUT_ERROR)
    except OutputError as error:
        code = _report(str(error), ExitCode.OUTPUT_ERROR)
    except EscalateError as error:
        code = _report(str(error), ExitCode.INPUT_ERROR)
    except typer.Exit as done:
        code = done.exit_code
    except _USAGE_ERROR as error:
        code = _usage_error(error)
    except (typer.Abort, KeyboardInterrupt, EOFError):
        code = _report("interrupted", ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (escalate ... | head): not an error of ours.
        silence_stdout()
        code = ExitCode.OK
    except StdoutError as error:
        silence_stdout()
        reason = "it is closed" if error.errno == errno.EBADF else (error.strerror or "error").lower()
        code = _report(f"cannot write to standard output: {reason}", ExitCode.OUTPUT_ERROR)
    except Exception as error:  # the last line of defence: no traceback, no case data
        if os.environ.get("ESCALATE_DEBUG"):
            raise
        code = _report(
            f"internal error ({type(error).__name__}); please report it. Set ESCALATE_DEBUG=1 to see details.",
            ExitCode.INTERNAL_ERROR,
        )
    sys.exit(code)


_COMPLETION_OPTIONS = ("--install-completion", "--show-completion")
_NO_SHELL_DETECTION = "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"


@contextlib.contextmanager
def _completion_shell(args: list[str]) -> Iterator[None]:
    """`escalate --show-completion zsh` (or `--install-completion=fish`) for the shell named, not the one
    detected: typer's completion options take a shell's name (and refuse an unknown one) only with its shell
    detection off, so it is turned off for a run that names one. Otherwise typer ignored the name."""
    option, equals, _ = args[0].partition("=") if args else ("", "", "")
    named = option in _COMPLETION_OPTIONS and (equals or (len(args) > 1 and not args[1].startswith("-")))
    if not named or _NO_SHELL_DETECTION in os.environ:
        yield
        return
    os.environ[_NO_SHELL_DETECTION] = "1"
    try:
        yield
    finally:
        del os.environ[_NO_SHELL_DETECTION]


def _broken_pipe(error: BaseException | None) -> bool:
    return isinstance(error, OSError) and error.errno == errno.EPIPE


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run, when it names one: Typer turns every registered command's
    options into click parameters at each start, and a command line runs one command. `escalate --help`,
    or a mistyped command, gets the list of every command (``_listing``); shell completion, the whole app."""
    if os.environ.get("_ESCALATE_COMPLETE"):  # shell completion: the words to complete are in the environment
        return whole_app()
    name = next((arg for arg in args if not arg.startswith("-")), None)
    chosen = [info for info in core.registered_commands if _command_name(info) == name]
    if not chosen and name not in ELSEWHERE:
        return _listing(whole_app())
    lean = copy.copy(core)
    lean.registered_commands = chosen
    lean.registered_groups = []
    if not chosen:
        _register_elsewhere(lean, name)  # type: ignore[arg-type]
    return lean


def _takes_argument(chosen: typer.Typer) -> bool:
    """Whether the command being run takes a positional argument (explain ID, letter KIND, batch FILE ...)."""
    if len(chosen.registered_commands) != 1:
        return True
    signature = inspect.signature(chosen.registered_commands[0].callback)  # type: ignore[arg-type]
    return any(
        isinstance(meta, typer.models.ArgumentInfo)
        for parameter in signature.parameters.values()
        for meta in getattr(parameter.annotation, "__metadata__", ())
    )


def _command_name(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))


def _usage_error(error: Exception) -> int:
    """A mistake in the command itself (unknown option, missing value), in one line."""
    if type(error).__name__ == "NoArgsIsHelpError":  # typer has already shown the help
        return ExitCode.OK
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    ctx = getattr(error, "ctx", None)
    where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
    return _report(" ".join(message.split()) + where, getattr(error, "exit_code", ExitCode.INPUT_ERROR))


def _report(message: str, code: int) -> int:
    try:
        sys.stderr.write(f"escalate: error: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # standard error itself cannot be written: the exit code still says it
        pass
    return code
