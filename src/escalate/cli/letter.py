"""`escalate letter KIND`: a letter ready to check and send, drafted from the same facts as the deadlines, with
a cover note (by when, to whom and how, what to enclose, what is still to fill in).

Thin: reads the options and the sender's own words, calls the engine and ``escalate.documents``, writes the
result. Every fact option of `escalate deadlines` works here too (``with_fact_options``).
"""

import sys
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Annotated, Any

import typer

from escalate.cli.options import TodayOption, fail, read_facts, refuse_word_for_a_terminal, with_fact_options
from escalate.documents.letters import KINDS
from escalate.errors import ExitCode
from escalate.output.formats import LetterFormat

PANEL = "Your details and words (used as given)"

_EXTENSIONS = {".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}


def _text_option(flag: str, help_text: str, metavar: str = "TEXT") -> Any:
    return typer.Option(flag, help=help_text, metavar=metavar, rich_help_panel=PANEL, show_default=False)


def letter(
    fact_text: Mapping[str, str | None],
    kind: Annotated[str, typer.Argument(metavar="KIND", help="Which letter: one of the kinds listed above.")],
    name: Annotated[str | None, _text_option("--name", "Your full name.")] = None,
    address: Annotated[str | None, _text_option("--address", "Your postal address (separate lines with ';').")] = None,
    email: Annotated[str | None, _text_option("--email", "Your email address.")] = None,
    phone: Annotated[str | None, _text_option("--phone", "Your telephone number.")] = None,
    reference: Annotated[str | None, _text_option("--reference", "The MPS complaint reference.")] = None,
    why: Annotated[
        str | None,
        _text_option(
            "--why",
            "Why the outcome was wrong (review request), why the decision is unlawful (letter before claim), or "
            "why you believe it was discrimination (complaint).",
        ),
    ] = None,
    why_file: Annotated[str | None, _text_option("--why-file", "--why, read from this file.", "FILE")] = None,
    what_happened: Annotated[str | None, _text_option("--what-happened", "What happened, in your words.")] = None,
    what_happened_file: Annotated[
        str | None, _text_option("--what-happened-file", "--what-happened, read from this file.", "FILE")
    ] = None,
    place: Annotated[str | None, _text_option("--place", "Where it happened.")] = None,
    time: Annotated[str | None, _text_option("--time", "The time it happened.")] = None,
    officers: Annotated[
        str | None, _text_option("--officers", "Names or collar numbers of the officers or staff involved.")
    ] = None,
    want: Annotated[str | None, _text_option("--want", "What you want to happen.")] = None,
    representative: Annotated[
        str | None,
        _text_option("--representative", "Who represents you, with their contact details (you consent to it)."),
    ] = None,
    late_reason: Annotated[
        str | None, _text_option("--late-reason", "Why a review request is late (special circumstances).")
    ] = None,
    mp: Annotated[str | None, _text_option("--mp", "Your MP's name (escalate does not look it up).")] = None,
    receive: Annotated[
        str | None, _text_option("--receive", "How you want a subject access reply: email or post.", "email|post")
    ] = None,
    today: TodayOption = None,
    output_format: Annotated[
        LetterFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="docx is a Word file (default: from -o's extension, else text).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to this file (default: standard output)."),
    ] = None,
) -> None:
    from escalate.documents.letters import draft
    from escalate.documents.letters.model import Case, Details
    from escalate.documents.render import render
    from escalate.engine.deadlines import compute_deadlines
    from escalate.engine.route import plan_route

    key = kind.strip().lower()
    if key not in KINDS:
        fail(f"KIND: '{kind}' is not a letter escalate drafts; the kinds are: {', '.join(KINDS)}")
    chosen = output_format or LetterFormat(_format_of(output))
    if receive is not None and receive.strip().lower() not in ("email", "post"):
        fail(f"--receive: '{receive}' is not one of: email, post")
    details = Details(
        name=name,
        address=address,
        email=email,
        phone=phone,
        reference=reference,
        why=_one_of(why, why_file, "--why"),
        what_happened=_one_of(what_happened, what_happened_file, "--what-happened"),
        place=place,
        time=time,
        officers=officers,
        want=want,
        representative=representative,
        late_reason=late_reason,
        mp=mp,
        receive=receive,
    )
    _, facts = read_facts(fact_text, today, example=False)
    report = compute_deadlines(facts)
    drafted = draft(key, Case(facts, report, plan_route(facts, report=report), details))
    rendered = render(drafted, chosen, _text_width(output))
    _write(rendered, output)
    for blank in drafted.blanks:
        give = f" (give {blank.option}, or write it in)" if blank.option else " (write it in)"
        sys.stderr.write(f"escalate: to fill in: {blank.label}{give}\n")


letter.__doc__ = (
    "A letter ready to check and send, drafted from your facts, with a cover note first: by when (the date "
    "`escalate deadlines` gives), to whom and how, what to enclose, what is still to fill in.\n\n"
    "\b\nKinds:\n"
    + "\n".join(f"  {kind:<20} {entry.summary}" for kind, entry in KINDS.items())
    + "\n\nExample: escalate letter review-request --outcome-date 10/11/2026 --name 'A. N. Other' "
    "--reference CMP/123/26 --why-file reasons.txt"
)

letter_command = with_fact_options(letter)
"""The command as the app registers it, with one option for each fact."""


def _format_of(output: str | None) -> str:
    if output is None or output == "-":
        return "text"
    return _EXTENSIONS.get(PurePath(output).suffix.lower(), "text")


def _one_of(text: str | None, path: str | None, option: str) -> str | None:
    """Free text from its option or its file (read as UTF-8 and used as given), never both."""
    if path is None:
        return text
    if text is not None:
        fail(f"{option} and {option}-file: give one or the other")
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail(f"{option}-file: '{path}' is not UTF-8 text (save it as UTF-8 first)")
    except OSError as error:
        fail(f"{option}-file: cannot read '{path}': {error.strerror or error}")


def _text_width(output: str | None) -> int:
    """A text letter's width: 78 columns, or the terminal's when it is narrower (written to a terminal)."""
    from escalate.documents.render import WIDTH

    if output is not None or not sys.stdout.isatty():
        return WIDTH
    import shutil

    return max(20, min(WIDTH, shutil.get_terminal_size((WIDTH + 2, 24)).columns - 1))


def _write(rendered: str | bytes, output: str | None) -> None:
    from escalate.caseload.files import open_binary_output, open_output
    from escalate.caseload.options import BatchOutputError

    try:
        if isinstance(rendered, bytes):
            refuse_word_for_a_terminal(output, "letter.docx")
            with open_binary_output(output) as binary:
                binary.write(rendered)
        else:
            with open_output(output) as stream:
                stream.write(rendered)
    except BatchOutputError as error:
        fail(str(error), ExitCode.OUTPUT_ERROR)
