"""Start-up benchmark for `escalate deadlines` (issue 2's budget).

Times `escalate deadlines --example` (table output) against the import floor
`python -c "import typer, rich.console, rich.table"` in the same environment, alternating the two over repeated
runs, and prints the medians and their ratio. Budget: the command takes at most 1.3x the floor (median).

    python benchmarks/bench_startup.py [--runs 40] [--budget 1.3]

Exits 1 when the ratio is over the budget, so it can gate a release. A first, unmeasured run of each warms the
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


def escalate_command() -> list[str]:
    script = Path(sys.executable).with_name("escalate")
    found = str(script) if script.exists() else shutil.which("escalate")
    if found is None:
        sys.exit("escalate is not installed in this environment: pip install -e . first")
    return [found, "deadlines", "--example"]


def once(command: list[str]) -> float:
    # Bytecode caching as on a normal install (some shells set PYTHONDONTWRITEBYTECODE, which would make
    # an editable install recompile escalate on every run while typer and rich load from site-packages .pyc).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--budget", type=float, default=1.3)
    args = parser.parse_args()
    command = escalate_command()
    once(FLOOR)
    once(command)
    floor_times, command_times = [], []
    for _ in range(args.runs):
        floor_times.append(once(FLOOR))
        command_times.append(once(command))
    floor, ours = statistics.median(floor_times), statistics.median(command_times)
    ratio = ours / floor
    print(f"import floor (typer, rich.console, rich.table): median {floor * 1000:.1f} ms over {args.runs} runs")
    print(f"escalate deadlines --example (table):           median {ours * 1000:.1f} ms over {args.runs} runs")
    print(f"ratio: {ratio:.2f}x (budget {args.budget:.2f}x) -> {'OK' if ratio <= args.budget else 'OVER BUDGET'}")
    return 0 if ratio <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
