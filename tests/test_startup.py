"""Start-up (issue 17): each command imports only what it uses. The time itself is benchmarks/bench_startup.py's
(a benchmark, not a timed test); these tests keep the heavy modules out of the commands that do not need them.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HELP_MODULES = ("typer.rich_utils", "rich.markdown", "markdown_it", "pygments", "rich.traceback")
"""typer's help module and what it loads with it: escalate draws its own help (escalate.cli.help)."""


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
