"""Benchmark `escalate batch` against the floor and the obvious alternative (issue 4, 'Performance').

    pip install -e ".[bench]"
    python benchmarks/bench_batch.py                  # 100,000 rows timed, memory at 100,000 and 1,000,000
    python benchmarks/bench_batch.py --rows 20000 --big 0 --repeat 1   # a quick look

It writes synthetic caseloads (``make_caseload.py``, fixed seed) to a temporary folder and, each run in a
fresh process, times:

- ``escalate batch``, as a user runs it (start-up included);
- a plain Python ``csv`` pass over the same file that writes rows as wide as escalate's output (the input
  cells, then as many cells again as escalate adds, filled with dates and words of the same length): the
  cost of reading and writing alone, with nothing computed;
- ``pandas_deadlines.py``: the same deadlines (safe, last and latest dates, status, days left, for the same
  rules) with pandas, ``DateOffset`` and ``numpy.busday_offset``; its answers are checked against escalate's.

It prints the median of the runs, the ratios, and the peak memory (maximum resident set size of the child
process) of `escalate batch` at each size. The budget (issue 4): at most 1.5 times the csv pass, faster
than pandas, under 64 MiB. Timings depend on the machine; the ratios much less.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_caseload import HEADER, TODAY, write_caseload

from escalate.batch import added_columns

HERE = Path(__file__).resolve().parent
BUDGET_RATIO = 1.5
BUDGET_MIB = 64

CSV_PASS = """
import csv, sys
source, target, added = sys.argv[1], sys.argv[2], int(sys.argv[3])
filler = (["2026-03-01", "2026-03-01", "2026-03-02", "open", "101"] * added)[:added]
with open(source, newline="", encoding="utf-8") as inp, open(target, "w", newline="", encoding="utf-8") as o:
    reader = csv.reader(inp)
    writer = csv.writer(o, lineterminator="\\n")
    writer.writerow(next(reader) + ["column"] * added)
    for row in reader:
        writer.writerow(row + filler)
"""

PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def escalate_command(source: Path, target: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "escalate",
        "batch",
        str(source),
        "-o",
        str(target),
        "--today",
        TODAY.isoformat(),
    ]


def timed(command: list[str], repeat: int) -> list[float]:
    """Wall-clock seconds of each run of ``command`` in a fresh process."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr}")
    return times


def peak_mib(command: list[str]) -> float:
    """The peak resident memory of ``command``, in MiB (ru_maxrss: KiB on Linux, bytes on macOS)."""
    done = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True)
    value = int(done.stdout.strip())
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def rows_in(path: Path) -> int:
    with path.open(newline="", encoding="utf-8") as stream:
        return sum(1 for _ in csv.reader(stream)) - 1


def disagreements(escalate_out: Path, pandas_out: Path) -> tuple[int, int]:
    """(cells compared, cells that differ) over the columns the pandas script writes."""
    with (
        escalate_out.open(newline="", encoding="utf-8") as one,
        pandas_out.open(newline="", encoding="utf-8") as two,
    ):
        mine, theirs = csv.reader(one), csv.reader(two)
        head_mine, head_theirs = next(mine), next(theirs)
        shared = [name for name in head_theirs[len(HEADER) :] if name in head_mine]
        pairs = [(head_mine.index(name), head_theirs.index(name)) for name in shared]
        compared = differ = 0
        for row_mine, row_theirs in zip(mine, theirs, strict=True):
            for i, j in pairs:
                compared += 1
                differ += row_mine[i] != row_theirs[j]
    return compared, differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows for the timed runs (default 100,000)")
    parser.add_argument("--big", type=int, default=1_000_000, help="rows for the memory run (0: none)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5; the median counts)")
    parser.add_argument("--no-pandas", action="store_true", help="skip the pandas comparison")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="escalate-bench-") as folder:
        work = Path(folder)
        caseload = work / "caseload.csv"
        with caseload.open("w", newline="", encoding="utf-8") as stream:
            write_caseload(args.rows, stream)
        added = len(added_columns())
        out = {name: work / f"{name}.csv" for name in ("escalate", "csv", "pandas")}
        commands = {
            "escalate": escalate_command(caseload, out["escalate"]),
            "csv": [sys.executable, "-c", CSV_PASS, str(caseload), str(out["csv"]), str(added)],
            "pandas": [
                sys.executable,
                str(HERE / "pandas_deadlines.py"),
                str(caseload),
                str(out["pandas"]),
                TODAY.isoformat(),
            ],
        }
        if args.no_pandas:
            del commands["pandas"]
        width = f"{len(HEADER)} columns in, {len(HEADER) + added} out"
        print(f"{args.rows:,} rows, {width}; {args.repeat} runs of each, interleaved")
        runs: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):  # interleaved, so that a busy moment does not favour one command
            for name, command in commands.items():
                runs[name] += timed(command, 1)
        median = {name: statistics.median(times) for name, times in runs.items()}
        for name, times in runs.items():
            shown = ", ".join(f"{t:.2f}" for t in sorted(times))
            print(f"  {name:<9} median {median[name]:6.2f} s   (runs: {shown})")
        for name in ("escalate", "csv"):
            if rows_in(out[name]) != args.rows:
                raise SystemExit(f"{name} wrote {rows_in(out[name])} rows, not {args.rows}")
        ratio = median["escalate"] / median["csv"]
        verdict = "ok" if ratio <= BUDGET_RATIO else "OVER"
        print(f"escalate / csv pass: {ratio:.2f}x (budget {BUDGET_RATIO}x) {verdict}")
        if "pandas" in median:
            versus = median["escalate"] / median["pandas"]
            print(f"escalate / pandas:   {versus:.2f}x (budget < 1) {'ok' if versus < 1 else 'OVER'}")
            compared, differ = disagreements(out["escalate"], out["pandas"])
            print(f"pandas agrees with escalate on {compared - differ:,} of {compared:,} computed cells")

        for rows in (args.rows, args.big):
            if not rows:
                continue
            if rows != args.rows:
                with caseload.open("w", newline="", encoding="utf-8") as stream:
                    write_caseload(rows, stream)
            peak = peak_mib(escalate_command(caseload, out["escalate"]))
            verdict = "ok" if peak < BUDGET_MIB else "OVER"
            print(f"peak memory at {rows:,} rows: {peak:.1f} MiB (budget {BUDGET_MIB} MiB) {verdict}")
            if rows != args.rows:  # for information: the ratio once the cost of what is new has spread out
                (mine,) = timed(commands["escalate"], 1)
                (floor,) = timed(commands["csv"], 1)
                print(
                    f"  at {rows:,} rows, one run each: escalate {mine:.1f} s, csv pass {floor:.1f} s, {mine / floor:.2f}x"
                )


if __name__ == "__main__":
    main()
