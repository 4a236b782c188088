"""`--case FILE` and `--save FILE`: the command line's side of case files (``escalate.documents.casefile``).

Every command that takes facts gets the two options the same way, from ``with_fact_options``: the facts of
``--case FILE`` are read first and those given as options are laid over them; ``--save FILE`` writes the
merged case (facts, details for letters, the log of events) once the command has run, or, when ``--ask`` is
stopped with Ctrl-C, with the answers given so far. ``--save`` alone on a file that exists updates that file
(its facts are used, as with ``--case``), so that nothing in it is lost.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from escalate.cli.options import fail
from escalate.errors import ExitCode, InputError

if TYPE_CHECKING:
    from escalate.documents.casefile import CaseFile
    from escalate.engine.facts import Facts

PANEL = "Case file (facts, details and a log, kept to use again)"


@functools.cache
def case_parameters(*, save: bool) -> tuple[inspect.Parameter, ...]:
    """``--case FILE`` and, when ``save``, ``--save FILE``, as keyword parameters of a command."""

    def option(name: str, help_text: str) -> inspect.Parameter:
        flag = typer.Option("--" + name, help=help_text, metavar="FILE", rich_help_panel=PANEL, show_default=False)
        return inspect.Parameter(
            name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[str | None, flag]
        )

    read = option("case", "Read the facts (and details) from this case file; options given as well override it.")
    if not save:
        return (read,)
    return (
        read,
        option(
            "save",
            "Save the facts (with the case file's, and --ask's answers) in this case file, to use again with "
            "--case; readable by you alone.",
        ),
    )


class CaseSession:
    """One command's case file: where it is read from and saved to, and the case as it stands."""

    def __init__(self, case_path: str | None, save_path: str | None) -> None:
        self.case_path = case_path
        self.save_path = save_path
        self.case: CaseFile | None = None
        """The merged case, once the facts have been read (None before, or when no file is involved)."""
        self.source: str | None = None
        """The file the case was read from."""
        self.asked = False
        self.details: dict[str, str] = {}
        """Details for letters given as options, laid over the file's when it is saved."""
        self._loaded: CaseFile | None = None

    @property
    def named(self) -> bool:
        """Whether a case file is involved (--case, or --save, which reads the file it updates)."""
        return self.case_path is not None or self.save_path is not None

    def load(self) -> CaseFile:
        """The case file named (or the --save file, when it exists), checked against --save; read once."""
        if self._loaded is None:
            self._loaded = self._read()
        return self._loaded

    def _read(self) -> CaseFile:
        from escalate.documents.casefile import CaseFile, read_case

        if self.case_path is not None:
            _check_path("--case", self.case_path)
        if self.save_path is not None:
            _check_path("--save", self.save_path)
            folder = Path(self.save_path).parent
            if not folder.is_dir():
                fail(
                    f"--save: '{self.save_path}' cannot be written: there is no folder {folder}", ExitCode.OUTPUT_ERROR
                )
            if Path(self.save_path).exists():
                if self.case_path is None:
                    self.source = self.save_path
                elif not _same_file(self.case_path, self.save_path):
                    fail(
                        f"--save: '{self.save_path}' already exists and is not the --case file; to update it, give "
                        f"--case {self.save_path}, or choose a new file name"
                    )
        if self.case_path is not None:
            self.source = self.case_path
        return CaseFile() if self.source is None else read_case(self.source)

    def write(self, *, quietly: bool = False) -> None:
        """Write the case to the --save file, and (unless ``quietly``) say so on standard error."""
        if self.save_path is None or self.case is None:
            return
        from escalate.documents.casefile import CaseWriteError, write_case

        existed = Path(self.save_path).exists()
        try:
            write_case(self.save_path, self.case)
        except CaseWriteError as error:
            fail(f"--save: {error}", ExitCode.OUTPUT_ERROR)
        if not quietly:
            sys.stderr.write(f"escalate: {'updated' if existed else 'saved the case in'} {self.save_path}\n")


def _check_path(option: str, path: str) -> None:
    if not path.strip() or path == "-":
        fail(f"{option}: give the case file's name, such as case.toml")
    if Path(path).is_dir():
        fail(f"{option}: '{path}' is a folder; give a file name, such as {Path(path) / 'case.toml'}")


def _same_file(first: str, second: str) -> bool:
    try:
        return Path(first).samefile(second)
    except OSError:
        return Path(first).resolve() == Path(second).resolve()


class FactInput(Mapping[str, str | None]):
    """The facts as a command receives them: a mapping of fact names to text (as ``with_fact_options``
    always gave), with the command's case file beside it."""

    def __init__(self, facts: Mapping[str, str | None], session: CaseSession) -> None:
        self._facts = dict(facts)
        self.session = session

    def __getitem__(self, name: str) -> str | None:
        return self._facts[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._facts)

    def __len__(self) -> int:
        return len(self._facts)


def session_of(fact_text: Mapping[str, str | None]) -> CaseSession | None:
    return fact_text.session if isinstance(fact_text, FactInput) else None


def with_case_file(command: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a command so that its ``fact_text`` carries the --case and --save files, and the case is saved
    when the command has run (or, after --ask's answers, when it is interrupted)."""

    @functools.wraps(command)
    def wrapper(*, fact_text: Mapping[str, Any], **kwargs: Any) -> Any:
        given = dict(fact_text)
        session = CaseSession(given.pop("case", None), given.pop("save", None))
        if session.named:
            _details_from_file(session, kwargs)
        try:
            result = command(fact_text=FactInput(given, session), **kwargs)
        except (KeyboardInterrupt, typer.Abort, EOFError):
            if session.asked and session.save_path is not None and session.case is not None:
                session.write(quietly=True)  # --ask has said where they are kept
            raise
        except BrokenPipeError:  # the reader went away (escalate ... | head): the case is still saved
            session.write()
            raise
        session.write()
        return result

    return wrapper


def _details_from_file(session: CaseSession, kwargs: dict[str, Any]) -> None:
    """A command with options for personal details (`escalate letter`: ``--name``, ``--address`` ...) gets the
    case file's for those not given (nor given from a file, ``--what-happened-file``); those given are kept,
    to be saved with the case."""
    from escalate.documents.casefile import DETAILS

    wanted = [name for name in DETAILS if name in kwargs]
    if not wanted:
        return
    session.details = {name: kwargs[name] for name in wanted if kwargs[name] is not None}
    stored = session.load().details
    for name in wanted:
        if kwargs[name] is None and kwargs.get(name + "_file") is None and name in stored:
            kwargs[name] = stored[name]


def merged_facts(fact_text: Mapping[str, str | None], base: Mapping[str, str]) -> Mapping[str, str | None]:
    """The facts to use: ``base`` (the example's), then the case file's, then those given as options."""
    given = {name: text for name, text in fact_text.items() if text is not None}
    session = session_of(fact_text)
    if session is None:
        return {**base, **given}
    if base and session.named:
        fail("--example cannot be used with --case or --save: the example is not your case")
    if base:
        return FactInput({**base, **given}, session)
    if not session.named:
        return FactInput(given, session)
    session.case = session.load().with_facts(given).with_details(session.details)
    return FactInput(session.case.facts, session)


def checked_facts(fact_text: Mapping[str, str | None], today: date) -> Facts:
    """The facts built and checked; where facts that disagree come from the case file, the message names
    its line as well as the options."""
    from escalate.engine.facts import Facts

    try:
        return Facts.from_strings(fact_text, today=today)
    except InputError as error:
        session = session_of(fact_text)
        case = session.case if session is not None else None
        if session is None or case is None or not any(fact in case.lines for fact in error.facts):
            raise
        message = error.template
        for fact in error.facts:
            if fact in case.lines:
                named = f"{fact} on line {case.lines[fact]} of {session.source}"
            else:
                named = "--" + fact.replace("_", "-")
            message = message.replace("{" + fact + "}", named)
        fail(message)


def keep_answers(fact_text: Mapping[str, str | None], answers: Mapping[str, str | None]) -> None:
    """Record --ask's answers so far in the case, to be saved at the end (or on Ctrl-C)."""
    from escalate.documents.casefile import CaseFile

    session = session_of(fact_text)
    if session is None:
        return
    session.asked = True
    session.case = (session.case or CaseFile()).with_facts(answers)


def offer_save(fact_text: Mapping[str, str | None], answers: TextIO, questions: TextIO) -> None:
    """At the end of --ask, without --save: offer to keep the answers in a case file."""
    session = session_of(fact_text)
    if session is None or session.save_path is not None or session.case is None or not session.case.facts:
        return
    write = questions.write
    if session.case_path is not None:
        write(
            f"Save these answers in {session.case_path}, to use them again? Type y for yes, or press Enter for no.\n> "
        )
        questions.flush()
        if answers.readline().strip().lower() in ("y", "yes"):
            session.save_path = session.case_path
        return
    write(
        "Save these answers in a case file, so that you need not type them again (use it with --case)?\n"
        "Type a file name, such as case.toml, or press Enter for no.\n> "
    )
    for _ in range(3):
        questions.flush()
        name = answers.readline().strip()
        if not name or name.lower() in ("n", "no"):
            return
        if Path(name).exists():
            write(f"{name} already exists; type another name, or press Enter for no.\n> ")
            continue
        if Path(name).parent != Path() and not Path(name).parent.is_dir():
            write(f"There is no folder {Path(name).parent}; type another name, or press Enter for no.\n> ")
            continue
        session.save_path = name
        return
