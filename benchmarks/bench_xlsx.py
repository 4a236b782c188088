"""Benchmark `escalate batch` with Excel workbooks (issue 16): a caseload as .xlsx in and out, beside the same
caseload as CSV.

    python benchmarks/bench_xlsx.py                 # 100,000 rows, the median of 3 runs
    python benchmarks/bench_xlsx.py --rows 10000 --repeat 1

The caseload is ``make_caseload.py``'s (fixed seed); the workbook holds its dates as date cells, as an adviser's
would. Each run is a fresh process, as a user runs it (start-up included). Memory is the peak resident set size
of the process (the budget: under 128 MiB: escalate streams both ways). The input workbook is written with
openpyxl (the test extra), as another program would write it.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_caseload import TODAY, write_caseload

BUDGET_MIB = 128

PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _cell(text: str) -> date | str | None:
    """A CSV cell as a workbook keeps it: an ISO or dd/mm/yyyy date as a date cell, anything else as text."""
    if not text:
        return None
    parts = text.split("/") if "/" in text else text.split("-")[::-1] if text[:4].isdigit() else []
    if len(parts) == 3 and all(part.isdigit() for part in parts):
        day, month, year = map(int, parts)
        try:
            return date(year, month, day)
        except ValueError:
            return text
    return text


def write_workbook(source: Path, target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Caseload")
    with source.open(newline="", encoding="utf-8") as stream:
        reader = csv.reader(stream)
        sheet.append(next(reader))
        for row in reader:
            cells = []
            for text in row:
                value = _cell(text)
                if isinstance(value, date):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = "dd/mm/yyyy"
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    book.save(target)


def timed(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_mib(command: list[str]) -> float:
    done = subprocess.run([sys.executable, "-c", PEAK, *command], check=True, capture_output=True, text=True)
    return int(done.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    escalate = str(Path(sys.executable).with_name("escalate"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "caseload.csv"
        with source.open("w", newline="", encoding="utf-8") as stream:
            write_caseload(args.rows, stream)
        workbook = work / "caseload.xlsx"
        write_workbook(source, workbook)
        today = ["--today", TODAY.isoformat()]
        runs = {
            "csv -> csv": [escalate, "batch", str(source), "-o", str(work / "out.csv"), *today],
            "xlsx -> xlsx": [escalate, "batch", str(workbook), "-o", str(work / "out.xlsx"), *today],
            "xlsx -> csv": [escalate, "batch", str(workbook), "-o", str(work / "out2.csv"), *today],
            "csv -> xlsx": [escalate, "batch", str(source), "-o", str(work / "out2.xlsx"), *today],
        }
        print(
            f"{args.rows:,} rows; {source.stat().st_size / 2**20:.1f} MiB CSV, {workbook.stat().st_size / 2**20:.1f} MiB xlsx"
        )
        for name, command in runs.items():
            seconds = timed(command, args.repeat)
            memory = peak_mib(command)
            verdict = "OK" if memory < BUDGET_MIB or name.startswith("csv -> csv") else "OVER"
            print(f"{name:26} median {seconds:6.2f} s; peak RSS {memory:6.1f} MiB -> {verdict}")


if __name__ == "__main__":
    main()
