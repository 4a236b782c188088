"""`escalate case add-event`, `escalate case show` and `escalate timeline`: a case file's log, its contents, and
the chronology a solicitor, an MP or a review body asks for.

Thin: reading and writing the file is ``escalate.documents.casefile``; the timeline is
``escalate.documents.timeline``, from the engine's deadlines.
"""

import sys
from collections.abc import Mapping
from typing import Annotated

import typer

from escalate.cli.help import HelpCommand
from escalate.cli.options import TodayOption, choose, fail, read_facts, refuse_word_for_a_terminal, with_fact_options
from escalate.output.formats import CaseShowFormat, TimelineFormat

case_app = typer.Typer(
    help="A case file: your facts, your details for letters and a dated log, kept to use again with --case.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FileArgument = Annotated[str, typer.Argument(metavar="FILE", help="The case file, such as case.toml.")]


@case_app.command("add-event", cls=HelpCommand)
def add_event(
    path: FileArgument,
    day: Annotated[
        str, typer.Argument(metavar="DATE", help="When it happened: 2026-09-20, 20/09/2026 or 20 September 2026.")
    ],
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What happened, in quotes.")],
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="It was news from the police about the complaint (counted for the four-weekly updates of reg 34).",
        ),
    ] = False,
) -> None:
    """Log something that happened, in the case file (created if it does not exist yet).

    Example: escalate case add-event case.toml 2026-09-20 "Sent review request by email"
    """
    from pathlib import Path

    from escalate.documents.casefile import CaseFile, CaseWriteError, Event, read_case, write_case
    from escalate.errors import DateFormatError
    from escalate.law.dates import long_date, parse_date

    try:
        when = parse_date(day)
    except DateFormatError as error:
        fail(f"DATE: {error}")
    if not text.strip():
        fail("TEXT: say what happened, in quotes")
    if Path(path).is_dir():
        fail(f"FILE: '{path}' is a folder; give a file name, such as {Path(path) / 'case.toml'}")
    exists = Path(path).exists()
    case = read_case(path) if exists else CaseFile()
    try:
        write_case(path, case.with_event(Event(when, text.strip(), update)))
    except CaseWriteError as error:
        from escalate.errors import ExitCode

        fail(str(error), ExitCode.OUTPUT_ERROR)
    sys.stderr.write(f"escalate: logged on {long_date(when)} in {path}{'' if exists else ' (a new case file)'}\n")


@case_app.command("show", cls=HelpCommand)
def show(
    path: FileArgument,
    output_format: Annotated[
        CaseShowFormat, typer.Option("--format", "-f", help="text or json.", case_sensitive=False)
    ] = CaseShowFormat.TEXT,
) -> None:
    """What a case file holds: its facts, your details and the log, in date order.

    Example: escalate case show case.toml
    """
    from escalate.documents.casefile import read_case
    from escalate.engine.facts import DATE_FACTS, FACT_LABELS, read_date
    from escalate.law.dates import long_date

    if output_format is CaseShowFormat.JSON:
        import json

        case = read_case(path)
        document = {
            "facts": dict(case.facts),
            "details": dict(case.details),
            "events": [
                {"date": event.date.isoformat(), "text": event.text, "update": event.update} for event in case.events
            ],
        }
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return
    case = read_case(path)
    lines = [path, ""]
    lines.append("Facts" if case.facts else "Facts: none yet")
    for name, value in case.facts.items():
        shown = long_date(read_date(name, value)) if name in DATE_FACTS else value
        lines.append(f"  {FACT_LABELS.get(name, name):<34} {shown}")
    lines += ["", "Your details" if case.details else "Your details: none yet"]
    for name, value in case.details.items():
        lines.append(f"  {name:<34} {' '.join(value.split())}")
    lines += ["", "Log" if case.events else "Log: nothing logged yet (escalate case add-event)"]
    for event in case.events:
        mark = " (update from the police)" if event.update else ""
        lines.append(f"  {long_date(event.date):<34} {event.text}{mark}")
    sys.stdout.write("\n".join(lines) + "\n")


def timeline(
    fact_text: Mapping[str, str | None],
    today: TodayOption = None,
    output_format: Annotated[
        TimelineFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="text, markdown or docx (Word; default: from -o's extension, else text).",
            case_sensitive=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file, readable by you alone (default: standard output).",
        ),
    ] = None,
) -> None:
    """A dated chronology of the case, with gaps flagged: for a solicitor, an MP or a review body.

    The facts, the logged events and the deadlines ahead. Flagged: more than 28 days with no update from the police while the complaint was open (reg 34(2)(a) of the 2020 Regulations), and a deadline passed with nothing logged.

    Example: escalate timeline --case case.toml -o timeline.docx
    """
    from escalate.cli.casefile import session_of
    from escalate.documents.casefile import CaseWriteError, write_private
    from escalate.documents.timeline import build_timeline, render_timeline
    from escalate.engine.deadlines import compute_deadlines
    from escalate.errors import ExitCode

    chosen = output_format or choose(TimelineFormat, _format_of(output))
    if chosen is TimelineFormat.DOCX:
        refuse_word_for_a_terminal(output, "timeline.docx")
    _, facts = read_facts(fact_text, today, example=False)
    session = session_of(fact_text)
    events = session.case.events if session is not None and session.case is not None else ()
    rendered = render_timeline(build_timeline(compute_deadlines(facts), events), chosen)
    if output is None or output == "-":
        if isinstance(rendered, bytes):  # a Word file down a pipe, as `letter` writes one
            from escalate.caseload.files import open_binary_output

            with open_binary_output(output) as binary:
                binary.write(rendered)
        else:
            sys.stdout.write(rendered)
        return
    data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
    try:
        write_private(output, data)
    except CaseWriteError as error:
        fail(f"-o: {error}", ExitCode.OUTPUT_ERROR)


def _format_of(output: str | None) -> str:
    from pathlib import PurePath

    if output is None or output == "-":
        return "text"
    return {".docx": "docx", ".md": "markdown", ".markdown": "markdown"}.get(PurePath(output).suffix.lower(), "text")


timeline_command = with_fact_options(save=False)(timeline)
"""The command as the app registers it: one option for each fact, and --case."""
