"""Start-up (issue 17): each command imports only what it uses. The time itself is benchmarks/bench_startup.py's
(a benchmark, not a timed test); these tests keep the heavy modules out of the commands that do not need them.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

HELP_MODULES = ("typer.rich_utils", "rich.markdown", "markdown_it", "pygments", "rich.traceback")
"""typer's help module and what it loads with it: escalate draws its own help (escalate.cli.help)."""


@functools.cache
def floor_modules() -> frozenset[str]:
    """The modules the import floor of benchmarks/bench_startup.py loads (typer, rich.console, rich.table)."""
    probe = "import sys, typer, rich.console, rich.table\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return frozenset(done.stdout.split())


def imported(*args: str) -> set[str]:
    """The modules loaded by one run of `escalate ARGS`, in a fresh interpreter."""
    probe = (
        "import sys\n"
        "from escalate.cli.app import main\n"
        "try:\n"
        f"    main({list(args)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stdout.flush()\n"
        "sys.__stderr__.write('\\n' + ' '.join(sorted(sys.modules)) + '\\n')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stderr.strip().splitlines()[-1].split())


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        [],
        ["batch", "--help"],
        ["deadlines", "--help"],
        ["case", "--help"],
        ["case", "show", "--help"],
        ["explain"],  # a missing argument: an error, not the help
    ],
    ids=" ".join,
)
def test_help_does_not_load_typers_help_module(args: list[str]) -> None:
    loaded = imported(*args)
    assert "escalate.cli.help" in loaded
    assert not {name for name in loaded if name.split(".")[0] in HELP_MODULES or name in HELP_MODULES}


ELSEWHERE_MODULES = ("escalate.cli.letter", "escalate.cli.batch", "escalate.cli.case", "escalate.documents")
"""The commands in modules of their own (and the letters): imported only when their command runs."""


def within(name: str, modules: tuple[str, ...]) -> bool:
    """Whether module ``name`` is one of ``modules`` or inside one of them."""
    return any(name == module or name.startswith(module + ".") for module in modules)


@pytest.mark.parametrize(
    "args",
    [
        ["deadlines", "--example"],
        ["route", "--example"],
        ["rules", "--plain"],
        ["explain", "review-request"],
        ["schema", "deadlines"],
        ["route", "--help"],
    ],
    ids=" ".join,
)
def test_a_command_does_not_load_the_others(args: list[str]) -> None:
    loaded = imported(*args)
    assert not {name for name in loaded if within(name, ELSEWHERE_MODULES)}
    # Only a stream that is not Unicode needs it (escalate.cli.streams); some versions of rich load it themselves
    # (rich 13.8's pretty-printer imports attrs, which imports it), and then it is not escalate's to leave out.
    assert "unicodedata" not in loaded - floor_modules()


@pytest.mark.parametrize(
    ("args", "modules"),
    [
        (["letter", "--help"], ("escalate.cli.letter", "escalate.documents")),  # the kinds of letter, listed
        (["timeline", "--help"], ("escalate.cli.case",)),
        (["case", "--help"], ("escalate.cli.case",)),
        (["batch", "--help"], ("escalate.cli.batch",)),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value[0],
)
def test_a_command_in_a_module_of_its_own_loads_only_that_module(args: list[str], modules: tuple[str, ...]) -> None:
    loaded = imported(*args)
    assert modules[0] in loaded
    assert not {name for name in loaded if within(name, ELSEWHERE_MODULES) and not within(name, modules)}


@pytest.mark.parametrize("args", [[], ["--help"], ["no-such-command"]], ids=lambda args: " ".join(args) or "bare")
def test_the_list_of_commands_is_built_without_their_options(args: list[str]) -> None:
    import typer

    from escalate.cli.app import _app_for, whole_app

    group = typer.main.get_command(_app_for(args))
    assert isinstance(group, typer.core.TyperGroup)
    whole = typer.main.get_command(whole_app())
    assert list(group.commands) == list(whole.commands)  # type: ignore[attr-defined]
    for name, command in group.commands.items():
        assert command.help == whole.commands[name].help  # type: ignore[attr-defined]
        assert not [param for param in command.params if param.name != "help"]
        for sub in getattr(command, "commands", {}).values():
            assert not [param for param in sub.params if param.name != "help"]


def test_shell_completion_still_sees_every_option(monkeypatch: pytest.MonkeyPatch) -> None:
    from escalate.cli.app import _app_for, whole_app

    monkeypatch.setenv("_ESCALATE_COMPLETE", "complete_bash")
    assert _app_for([]) is whole_app()


@pytest.mark.parametrize(
    "args",
    [
        ["batch", "examples/caseload.csv", "--today", "2026-12-01"],
        ["batch", "examples/caseload.csv", "--today", "2026-12-01", "-f", "ics"],
        ["batch", "examples/caseload.csv", "--today", "2026-12-01", "-f", "jsonl"],
    ],
    ids=lambda args: " ".join(args[2:]) or "csv",
)
def test_a_batch_written_to_a_pipe_does_not_load_rich(args: list[str]) -> None:
    # A caseload's rows, or its calendar, and the plain lines on standard error need no console: rich (the bulk
    # of the typer + rich import floor of bench_startup.py) stays unloaded.
    loaded = imported(
        *[str(Path(__file__).resolve().parent.parent / arg) if arg.endswith(".csv") else arg for arg in args]
    )
    assert "escalate.caseload.caseload" in loaded or "escalate.caseload.calendar" in loaded
    assert not {name for name in loaded if name == "rich" or name.startswith("rich.")}


ENGINE_MODULES = ("escalate.engine.calculate", "escalate.engine.results", "escalate.law.rules", "holidays")
"""The calculation, the rules and the bank holidays: loaded by `import escalate` before, now only when asked for."""


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["deadlines", "--help"], ["route", "--help"]], ids=" ".join
)
def test_help_and_version_load_no_calculation(args: list[str]) -> None:
    loaded = imported(*args)
    assert not {name for name in loaded if within(name, ENGINE_MODULES)}


def test_the_package_still_offers_every_public_name_on_first_use() -> None:
    probe = (
        "import sys, escalate\n"
        "assert 'escalate.engine.calculate' not in sys.modules\n"
        "names = {name: getattr(escalate, name) for name in escalate.__all__}\n"
        "assert set(escalate.__all__) <= set(dir(escalate))\n"
        "print(names['Facts'].__module__, names['RULES'][0].id, names['plan_route'].__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["escalate.engine.facts", "complaint", "escalate.engine.route"]


@pytest.mark.parametrize(
    "args",
    [["deadlines", "--example", "-f", "json"], ["route", "--example", "-f", "json"], ["rules", "-f", "json"]],
    ids=" ".join,
)
def test_json_output_reads_its_schema_version_without_the_schema_files(args: list[str]) -> None:
    assert "importlib.resources" not in imported(*args) - floor_modules()
