"""Benchmark `escalate batch` against the floor and the obvious alternative (issues 4 and 17, 'Performance').

    pip install -e ".[bench]"
    python benchmarks/bench_batch.py                  # every shape, 100,000 rows; memory also at 1,000,000
    python benchmarks/bench_batch.py --batch-option=--only=review-request   # an option of escalate batch
    python benchmarks/bench_batch.py --rows 20000 --big 0 --repeat 1 --shapes decades   # a quick look

For each shape of caseload (``make_caseload.py --shape``, fixed seed: the benchmark's own; a date of birth on
every row; dates that rarely repeat, over decades; heavy repetition) it writes the caseload to a temporary
folder and, each run in a fresh process, interleaved, times:

- ``escalate batch``, as a user runs it (start-up included);
- a plain Python ``csv`` pass over the same file that writes rows as wide as escalate's output (the input
  cells, then as many cells again as escalate adds, filled with dates and words of the same length): the
  cost of reading and writing alone, with nothing computed;
- ``pandas_deadlines.py``: the same deadlines (safe, last and latest dates, status, days left, for every
  rule, appearing for the same facts) with pandas, ``DateOffset`` and ``numpy.busday_offset``. Every one of
  its cells is checked against escalate's: a single difference is reported on standard error with the first
  cells that differ, the pandas ratio is left out, and the benchmark exits with status 1 (a peer that
  computes something else is no comparison).

It prints the medians, the ratios and escalate's peak memory for each shape, then one table (the README's).
Memory is measured over every process escalate starts (it runs in one): the peak of the sum of their
proportional set sizes (PSS: a page two processes share counts half to each), sampled from /proc every few
milliseconds (where there is no /proc, the maximum resident set size of the largest process). The budgets (issue 17): one process within 1.5 times the csv pass on the
standard and born shapes, faster than pandas on every shape, under 64 MiB on every shape. Timings depend on
the machine; the ratios much less.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import zip_longest
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_caseload import HEADER, SHAPES, TODAY, write_caseload

from escalate.caseload.columns import LAST_COLUMNS, SUMMARY_COLUMNS, added_columns

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
    """The peak resident memory of the largest process of ``command``, in MiB (ru_maxrss: KiB on Linux,
    bytes on macOS)."""
    done = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True)
    value = int(done.stdout.strip())
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    found = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text(encoding="ascii").split():
                found += _tree(int(child))
    except OSError:
        pass
    return found


def _pss_kib(pid: int) -> int:
    """The proportional set size of one process: its own pages, and its share of pages it shares with
    others (so that two processes sharing a page are not charged twice)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii").splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_pss_mib(command: list[str]) -> tuple[float, int] | None:
    """The peak total memory of ``command`` and every process it starts (the sum of their proportional set
    sizes, sampled every few milliseconds), in MiB, and how many processes ran at once; None where /proc
    cannot tell (not Linux)."""
    if not Path("/proc/self/smaps_rollup").exists():
        return None
    peak = most = 0
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
        while process.poll() is None:
            pids = _tree(process.pid)
            most = max(most, len(pids))
            peak = max(peak, sum(map(_pss_kib, pids)))
            time.sleep(0.002)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return peak / 1024, most


def rows_in(path: Path) -> int:
    with path.open(newline="", encoding="utf-8") as stream:
        return sum(1 for _ in csv.reader(stream)) - 1


class Disagreement(NamedTuple):
    """Where the pandas peer and escalate do not compute the same thing."""

    compared: int
    """Cells compared."""
    differ: int
    """Cells that differ."""
    examples: list[str]
    """The first differences, in words."""


def disagreement(escalate_out: Path, pandas_out: Path, shown: int = 5) -> Disagreement:
    """Every rule column escalate writes, compared cell by cell with the pandas script's (a column missing
    from either output, or a row in one only, is a difference too)."""
    wanted = [name for name in added_columns() if name not in (*SUMMARY_COLUMNS, *LAST_COLUMNS)]
    with (
        escalate_out.open(newline="", encoding="utf-8") as one,
        pandas_out.open(newline="", encoding="utf-8") as two,
    ):
        mine, theirs = csv.reader(one), csv.reader(two)
        heads = {"escalate": next(mine), "pandas": next(theirs)}
        missing = [
            f"no column {name} in the {who} output"
            for name in wanted
            for who, head in heads.items()
            if name not in head
        ]
        if missing:
            return Disagreement(0, len(missing), missing[:shown])
        pairs = [(name, heads["escalate"].index(name), heads["pandas"].index(name)) for name in wanted]
        compared = differ = 0
        examples: list[str] = []
        for number, (row_mine, row_theirs) in enumerate(zip_longest(mine, theirs), start=1):
            if row_mine is None or row_theirs is None:
                differ += 1
                if len(examples) < shown:
                    examples.append(
                        f"data row {number} is only in the {'pandas' if row_mine is None else 'escalate'} output"
                    )
                continue
            for name, i, j in pairs:
                compared += 1
                if row_mine[i] != row_theirs[j]:
                    differ += 1
                    if len(examples) < shown:
                        examples.append(
                            f"data row {number}, {name}: escalate {row_mine[i]!r}, pandas {row_theirs[j]!r}"
                        )
    return Disagreement(compared, differ, examples)


class Figures(NamedTuple):
    """One shape's figures."""

    shape: str
    escalate: float
    csv: float
    pandas: float | None
    peak: float
    processes: int
    disagrees: Disagreement | None = None
    """How the pandas peer's cells differ from escalate's (None: not compared)."""

    @property
    def versus_csv(self) -> float:
        return self.escalate / self.csv

    @property
    def versus_pandas(self) -> float | None:
        return self.escalate / self.pandas if self.pandas else None

    @property
    def pandas_differs(self) -> bool:
        return self.disagrees is not None and self.disagrees.differ > 0


def measure_shape(shape: str, work: Path, args: argparse.Namespace, extra: list[str]) -> Figures:
    """Time escalate, the csv pass and pandas on one shape of caseload (interleaved), and escalate's peak memory."""
    caseload = work / f"{shape}.csv"
    with caseload.open("w", newline="", encoding="utf-8") as stream:
        write_caseload(args.rows, stream, shape=shape)
    added = len(added_columns())
    out = {name: work / f"{shape}-{name}.csv" for name in ("escalate", "csv", "pandas")}
    commands = {
        "escalate": [*escalate_command(caseload, out["escalate"]), *extra],
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
    print(
        f"\n{shape}: {args.rows:,} rows, {len(HEADER)} columns in, {len(HEADER) + added} out; {args.repeat} runs of each, interleaved"
    )
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
    disagrees = None
    if "pandas" in median:
        disagrees = disagreement(out["escalate"], out["pandas"])
        if disagrees.differ:
            sys.stdout.flush()
            print(
                f"  PANDAS DISAGREES WITH ESCALATE on {disagrees.differ:,} of {disagrees.compared:,} cells: "
                "its time is not a comparison",
                *(f"    {example}" for example in disagrees.examples),
                sep="\n",
                file=sys.stderr,
            )
        else:
            print(f"  pandas agrees with escalate on every one of {disagrees.compared:,} computed cells")
    total = peak_pss_mib(commands["escalate"])
    if total is None:  # no /proc: the largest process is all that can be measured
        peak, processes = peak_mib(commands["escalate"]), 1
    else:
        peak, processes = total
    figures = Figures(shape, median["escalate"], median["csv"], median.get("pandas"), peak, processes, disagrees)
    print(
        f"  escalate / csv pass {figures.versus_csv:.2f}x, / pandas {pandas_ratio(figures)}"
        + f"; peak memory {peak:.1f} MiB ({processes} process{'es' if processes > 1 else ''})"
    )
    return figures


def pandas_ratio(figures: Figures) -> str:
    """Escalate's time over the pandas peer's, or why there is none."""
    if figures.pandas_differs:
        return "none (pandas computes other answers)"
    versus = figures.versus_pandas
    return f"{versus:.2f}x" if versus is not None else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of each shape (default 100,000)")
    parser.add_argument(
        "--big", type=int, default=1_000_000, help="rows for the memory run of the standard shape (0: none)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command (default 5; the median counts)")
    parser.add_argument("--no-pandas", action="store_true", help="skip the pandas comparison")
    parser.add_argument(
        "--shapes", default=",".join(SHAPES), help=f"comma-separated shapes of caseload (default: {','.join(SHAPES)})"
    )
    parser.add_argument("--batch-option", action="append", default=[], help="an extra option for escalate batch")
    args = parser.parse_args()
    shapes = [name for name in args.shapes.split(",") if name]
    unknown = [name for name in shapes if name not in SHAPES]
    if unknown:
        parser.error(f"unknown shape {unknown[0]!r}; choose from {', '.join(SHAPES)}")

    with tempfile.TemporaryDirectory(prefix="escalate-bench-") as folder:
        work = Path(folder)
        found = [measure_shape(shape, work, args, args.batch_option) for shape in shapes]
        if args.big:
            caseload = work / "big.csv"
            with caseload.open("w", newline="", encoding="utf-8") as stream:
                write_caseload(args.big, stream)
            command = [*escalate_command(caseload, work / "big-out.csv"), *args.batch_option]
            total = peak_pss_mib(command)
            peak = total[0] if total is not None else peak_mib(command)
            (mine,) = timed(command, 1)
            (floor,) = timed(
                [sys.executable, "-c", CSV_PASS, str(caseload), str(work / "big-csv.csv"), str(len(added_columns()))], 1
            )
            print(
                f"\nstandard, {args.big:,} rows, one run each: escalate {mine:.1f} s, csv pass {floor:.1f} s, "
                f"{mine / floor:.2f}x; peak memory {peak:.1f} MiB"
            )

    print(
        f"\n| caseload, {args.rows:,} rows | escalate | / csv pass (budget {BUDGET_RATIO}x) | / pandas (budget < 1) | peak memory (budget {BUDGET_MIB} MiB) |"
    )
    print("|---|---|---|---|---|")
    over = False
    for figures in found:
        versus = figures.versus_pandas
        over |= figures.peak >= BUDGET_MIB or (versus is not None and versus >= 1)
        over |= figures.shape in ("standard", "born") and figures.versus_csv > BUDGET_RATIO
        print(
            f"| {figures.shape} | {figures.escalate:.2f} s | {figures.versus_csv:.2f}x | {pandas_ratio(figures)} "
            f"| {figures.peak:.1f} MiB |"
        )
    print("\nwithin budget" if not over else "\nOVER BUDGET")
    differing = [figures for figures in found if figures.pandas_differs]
    if differing:
        raise SystemExit(
            "\nPANDAS DISAGREES WITH ESCALATE on "
            + ", ".join(f"{f.shape} ({f.disagrees.differ:,} cells)" for f in differing if f.disagrees)
            + ": the comparison is void until benchmarks/pandas_deadlines.py computes what escalate computes"
        )


if __name__ == "__main__":
    main()
