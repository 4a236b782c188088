"""Start-up benchmark for every command and output format (issues 2 and 17: the budget).

Times each command below against the import floor `python -c "import typer, rich.console, rich.table"` in the
same environment, alternating the floor and the commands over repeated runs, and prints each median and its
ratio to the median of the floor's runs just before it (so that a quieter or busier stretch of a long run moves
both alike), as a Markdown table for the README. Budget: every command takes at most 1.3x the floor
(median wall-clock time). The processor time beside it (user and system, also as a ratio of the floor's) moves
less when other work shares the machine.

    python benchmarks/bench_startup.py [--runs 20] [--budget 1.3] [--only deadlines]
    python benchmarks/bench_startup.py --outputs DIR    # no timing: keep what each command writes, to compare
    python benchmarks/bench_startup.py --instructions   # no timing: instructions counted by valgrind

Exits 1 when a ratio is over the budget, so it can gate a release. A first, unmeasured run of each warms the
file cache and builds escalate's bank-holiday cache, as any user's second run would find it.

Where other work shares the machine, wall-clock ratios move by a tenth or more from run to run. ``--instructions``
counts the instructions each command executes instead (valgrind's callgrind, where it is installed), which do not
move; they are a guide, not the budget: a command's instructions run faster than the floor's, which are mostly
unmarshalling and executing modules: on the 2-core machine of issue 17, instruction ratios of 1.35 to 1.45 were time
ratios of about 1.15 to 1.3.

Every input runs on a fresh checkout: the built-in example (`--example`), the files in examples/, and files
written to a temporary folder. The commands that read the clock are given `--today`, so that `--outputs` is the
same from day to day; before and after a change, `diff -r` of two `--outputs` folders shows any byte that moved.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = [sys.executable, "-c", "import typer, rich.console, rich.table"]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = ["--today", "2026-11-21"]
FACTS = ["--outcome-date", "2026-11-03", "--schedule3", "yes", "--investigation", "mps", *TODAY]
"""The facts of a letter or an explanation with facts: an outcome letter dated 3 November 2026."""
CASE = "{examples}/case.toml"
CASELOAD = "{examples}/caseload.csv"

COMMANDS: dict[str, list[str]] = {
    "": [],
    "--help": ["--help"],
    "--version": ["--version"],
    "deadlines --example": ["deadlines", "--example"],
    "deadlines --example --plain": ["deadlines", "--example", "--plain"],
    "deadlines --example -f json": ["deadlines", "--example", "--format", "json"],
    "deadlines --example -f csv": ["deadlines", "--example", "--format", "csv"],
    "deadlines --example -f ics": ["deadlines", "--example", "--format", "ics"],
    "deadlines --example -f html": ["deadlines", "--example", "--format", "html"],
    "deadlines --example -o FILE.ics": ["deadlines", "--example", "--output", "{tmp}/deadlines.ics"],
    "deadlines --case case.toml": ["deadlines", "--case", CASE, *TODAY],
    "deadlines --outcome-date DATE --save FILE": ["deadlines", *FACTS, "--save", "{tmp}/saved.toml"],
    "deadlines --help": ["deadlines", "--help"],
    "route --example": ["route", "--example"],
    "route --example --full": ["route", "--example", "--full"],
    "route --example --plain": ["route", "--example", "--plain"],
    "route --example -f json": ["route", "--example", "--format", "json"],
    "route --example -f markdown": ["route", "--example", "--format", "markdown"],
    "route --example -f ics": ["route", "--example", "--format", "ics"],
    "route --example -f html": ["route", "--example", "--format", "html"],
    "route --case case.toml": ["route", "--case", CASE, *TODAY],
    "route --help": ["route", "--help"],
    "explain review-request": ["explain", "review-request"],
    "explain judicial-review (with facts)": ["explain", "judicial-review", *FACTS],
    "explain complaint-update --case case.toml": ["explain", "complaint-update", "--case", CASE, *TODAY],
    "explain --help": ["explain", "--help"],
    "rules": ["rules"],
    "rules --plain": ["rules", "--plain"],
    "rules -f json": ["rules", "--format", "json"],
    "rules --help": ["rules", "--help"],
    "letter review-request": ["letter", "review-request", *FACTS, "--name", "A. N. Other"],
    "letter review-request -f markdown": ["letter", "review-request", *FACTS, "--format", "markdown"],
    "letter review-request -f docx -o FILE": ["letter", "review-request", *FACTS, "-o", "{tmp}/letter.docx"],
    "letter subject-access --case case.toml": ["letter", "subject-access", "--case", CASE, *TODAY],
    "letter --help": ["letter", "--help"],
    "timeline --case case.toml": ["timeline", "--case", CASE, *TODAY],
    "timeline --case case.toml -f markdown": ["timeline", "--case", CASE, *TODAY, "--format", "markdown"],
    "timeline --case case.toml -f docx -o FILE": ["timeline", "--case", CASE, *TODAY, "-o", "{tmp}/timeline.docx"],
    "timeline --help": ["timeline", "--help"],
    "case show case.toml": ["case", "show", CASE],
    "case show case.toml -f json": ["case", "show", CASE, "--format", "json"],
    "case add-event FILE": ["case", "add-event", "{tmp}/log.toml", "2026-09-20", "Sent the review request"],
    "case": ["case"],
    "case --help": ["case", "--help"],
    "case add-event --help": ["case", "add-event", "--help"],
    "case show --help": ["case", "show", "--help"],
    "schema deadlines": ["schema", "deadlines"],
    "schema route": ["schema", "route"],
    "schema batch": ["schema", "batch"],
    "schema --help": ["schema", "--help"],
    "batch caseload.csv": ["batch", CASELOAD, *TODAY],
    "batch caseload.csv -f jsonl": ["batch", CASELOAD, *TODAY, "--format", "jsonl"],
    "batch caseload.csv -f ics": ["batch", CASELOAD, *TODAY, "--format", "ics"],
    "batch caseload.csv --due-within 30": ["batch", CASELOAD, *TODAY, "--due-within", "30"],
    "batch caseload.csv --check": ["batch", CASELOAD, *TODAY, "--check"],
    "batch caseload.xlsx -o FILE.xlsx": ["batch", "{examples}/caseload.xlsx", *TODAY, "-o", "{tmp}/out.xlsx"],
    "batch --help": ["batch", "--help"],
}
"""Each command a user starts, by the name shown, with every output format of each and its help."""

EXIT_CODES = (0, 3)
"""0, or 3 where a caseload row cannot be worked out (examples/caseload.csv has one, on purpose)."""


def escalate_script() -> str:
    script = Path(sys.executable).with_name("escalate")
    found = str(script) if script.exists() else shutil.which("escalate")
    if found is None:
        sys.exit("escalate is not installed in this environment: pip install -e . first")
    return found


def environment() -> dict[str, str]:
    # Bytecode caching as on a normal install (some shells set PYTHONDONTWRITEBYTECODE, which would make
    # an editable install recompile escalate on every run while typer and rich load from site-packages .pyc).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "80"
    return env


def once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The wall-clock time of one run, and the processor time (user and system) it used."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in EXIT_CODES:
        sys.exit(f"{' '.join(command)}: exit code {done.returncode}")
    return elapsed, after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime


def expand(words: list[str], tmp: Path) -> list[str]:
    return [word.format(examples=EXAMPLES, tmp=tmp) for word in words]


def keep_outputs(chosen: dict[str, list[str]], script: str, env: dict[str, str], tmp: Path, into: Path) -> None:
    """Each command's standard output, standard error, exit code and written file, in ``into`` (one folder
    a command), with the names of the temporary folder and of examples/ written as {tmp} and {examples}."""
    into.mkdir(parents=True, exist_ok=True)
    for number, (name, words) in enumerate(chosen.items()):
        shutil.rmtree(tmp)
        tmp.mkdir()
        done = subprocess.run([script, *expand(words, tmp)], capture_output=True, env=env, check=False)
        folder = into / f"{number:02d}"
        folder.mkdir(exist_ok=True)
        (folder / "command").write_text(f"escalate {name}".strip() + "\n", encoding="utf-8")
        (folder / "exit").write_text(f"{done.returncode}\n", encoding="utf-8")
        for stream, written in (("stdout", done.stdout), ("stderr", done.stderr)):
            written = written.replace(os.fsencode(tmp), b"{tmp}").replace(os.fsencode(EXAMPLES), b"{examples}")
            (folder / stream).write_bytes(written)
        for written in tmp.iterdir():
            shutil.copyfile(written, folder / written.name)
    print(f"{len(chosen)} commands' outputs in {into}")


def instructions(command: list[str], env: dict[str, str]) -> int:
    """The instructions one run executes, as valgrind's callgrind counts them."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        check=False,
    )
    counted = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode not in EXIT_CODES or counted is None:
        sys.exit(f"{' '.join(command)}: exit code {done.returncode}{done.stderr[-300:]}")
    return int(counted.group(1))


def count_instructions(commands: dict[str, list[str]], env: dict[str, str]) -> None:
    """Each command's instructions and their ratio to the floor's, as a Markdown table."""
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (Debian's package valgrind)")
    once(FLOOR, env)
    floor = instructions(FLOOR, env)
    print(f"import floor (typer, rich.console, rich.table): {floor / 1e6:.1f}M instructions")
    print("\n| command | instructions | / floor |\n|---|---|---|")
    for name, command in commands.items():
        once(command, env)  # the bytecode and the bank-holiday cache written, as a user's second run finds them
        counted = instructions(command, env)
        print(f"| `{f'escalate {name}'.strip()}` | {counted / 1e6:.1f}M | {counted / floor:.3f} |", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (default 20; the median counts)")
    parser.add_argument("--budget", type=float, default=1.3)
    parser.add_argument("--only", help="only the commands whose name contains this text")
    parser.add_argument("--outputs", metavar="DIR", type=Path, help="no timing: keep each command's output in DIR")
    parser.add_argument("--instructions", action="store_true", help="no timing: count instructions with valgrind")
    args = parser.parse_args()
    script = escalate_script()
    env = environment()
    chosen = {name: words for name, words in COMMANDS.items() if not args.only or args.only in name}
    with tempfile.TemporaryDirectory(prefix="escalate-bench-") as folder:
        tmp = Path(folder)
        if args.outputs is not None:
            keep_outputs(chosen, script, env, tmp, args.outputs)
            return 0
        commands = {name: [script, *expand(words, tmp)] for name, words in chosen.items()}
        if args.instructions:
            count_instructions(commands, env)
            return 0
        once(FLOOR, env)
        for command in commands.values():
            once(command, env)
        floors: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):  # the floor just before each command, so that a busy moment touches both alike
            for name, command in commands.items():
                floors[name].append(once(FLOOR, env))
                times[name].append(once(command, env))
    every_floor = [run for runs in floors.values() for run in runs]
    floor, floor_cpu = (statistics.median(run[part] for run in every_floor) for part in (0, 1))
    print(
        f"import floor (typer, rich.console, rich.table): median {floor * 1000:.1f} ms "
        f"({floor_cpu * 1000:.1f} ms of processor time) over {len(every_floor)} runs; each command is divided by "
        "the floor's runs that came just before its own"
    )
    print(f"\n| command | median | / floor (budget {args.budget:.2f}x) | processor time / floor's |\n|---|---|---|---|")
    over = []
    for name, found in times.items():
        ours, cpu = (statistics.median(run[part] for run in found) for part in (0, 1))
        its_floor, its_floor_cpu = (statistics.median(run[part] for run in floors[name]) for part in (0, 1))
        ratio = ours / its_floor
        if ratio > args.budget:
            over.append(name)
        shown = f"escalate {name}".strip()
        mark = "" if ratio <= args.budget else " OVER"
        print(f"| `{shown}` | {ours * 1000:.1f} ms | {ratio:.2f}x{mark} | {cpu / its_floor_cpu:.2f}x |")
    print(f"\n{'OK' if not over else 'OVER BUDGET: ' + ', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
