"""Start-up benchmark for every command and output format (issues 2 and 17: the budget).

Times each command below against the import floor `python -c "import typer, rich.console, rich.table"` in the
same environment, alternating the floor and the commands over repeated runs, and prints each median and its
ratio to the floor's. Budget: every command takes at most 1.3x the floor (median).

    python benchmarks/bench_startup.py [--runs 20] [--budget 1.3] [--only deadlines]

Exits 1 when a ratio is over the budget, so it can gate a release. A first, unmeasured run of each warms the
file cache and builds escalate's bank-holiday cache, as any user's second run would find it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

FLOOR = [sys.executable, "-c", "import typer, rich.console, rich.table"]

COMMANDS: dict[str, list[str]] = {
    "deadlines --example": ["deadlines", "--example"],
    "deadlines --example -f json": ["deadlines", "--example", "--format", "json"],
    "deadlines --example -f csv": ["deadlines", "--example", "--format", "csv"],
    "deadlines --example -f ics": ["deadlines", "--example", "--format", "ics"],
    "route --example": ["route", "--example"],
    "route --example -f json": ["route", "--example", "--format", "json"],
    "route --example -f markdown": ["route", "--example", "--format", "markdown"],
    "route --example -f ics": ["route", "--example", "--format", "ics"],
    "explain review-request": ["explain", "review-request"],
    "rules": ["rules"],
    "rules -f json": ["rules", "--format", "json"],
    "batch --help": ["batch", "--help"],
    "--help": ["--help"],
}
"""Each command a user starts, by the name shown; every output format of each."""


def escalate_script() -> str:
    script = Path(sys.executable).with_name("escalate")
    found = str(script) if script.exists() else shutil.which("escalate")
    if found is None:
        sys.exit("escalate is not installed in this environment: pip install -e . first")
    return found


def once(command: list[str]) -> float:
    # Bytecode caching as on a normal install (some shells set PYTHONDONTWRITEBYTECODE, which would make
    # an editable install recompile escalate on every run while typer and rich load from site-packages .pyc).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "80"
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (default 20; the median counts)")
    parser.add_argument("--budget", type=float, default=1.3)
    parser.add_argument("--only", help="only the commands whose name contains this text")
    args = parser.parse_args()
    script = escalate_script()
    chosen = {name: [script, *words] for name, words in COMMANDS.items() if not args.only or args.only in name}
    once(FLOOR)
    for command in chosen.values():
        once(command)
    floor_times: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in chosen}
    for _ in range(args.runs):  # the floor before each command, so that a busy moment touches both alike
        for name, command in chosen.items():
            floor_times.append(once(FLOOR))
            times[name].append(once(command))
    floor = statistics.median(floor_times)
    print(f"import floor (typer, rich.console, rich.table): median {floor * 1000:.1f} ms over {len(floor_times)} runs")
    print(f"\n| command | median | / floor (budget {args.budget:.2f}x) |\n|---|---|---|")
    over = []
    for name, found in times.items():
        ours = statistics.median(found)
        ratio = ours / floor
        if ratio > args.budget:
            over.append(name)
        print(f"| `escalate {name}` | {ours * 1000:.1f} ms | {ratio:.2f}x{'' if ratio <= args.budget else ' OVER'} |")
    print(f"\n{'OK' if not over else 'OVER BUDGET: ' + ', '.join(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
