"""Write a synthetic caseload CSV for `escalate batch` benchmarks: invented cases, deterministic.

    python benchmarks/make_caseload.py 100000 -o /tmp/caseload-100k.csv [--seed 2026]

The shape follows a real advice agency's export: a case reference, an adviser, a free-text note, then the
facts of RULES.md under spreadsheet-style headers ("Incident Date", "Date of Birth"), dates written day first
(dd/mm/yyyy) as UK spreadsheets write them. Cases are spread over the stages of a complaint, so different rows
carry different facts, and the later dates follow the earlier ones by realistic gaps.

Dates repeat as they do in real caseloads: a few years of incidents share about a thousand days, outcome
and review letters go out in weekly batches, progress updates come at the 28-day intervals the regulations
require, and requests are received on working days. No row is copied from another: the repetition is in
the dates, not in whole rows.

Other shapes (``--shape``), because a caseload's speed depends on how often its dates repeat:

- ``standard``: the shape above (the benchmark's own);
- ``born``: the same, with a date of birth on every row (spread over sixty years, some of them children's);
- ``decades``: dates that rarely repeat, as in a national extract over decades: incidents over 35 years,
  letters sent on any day, gaps drawn day by day, a date of birth on every row;
- ``repeat``: heavy repetition, as in one team's current cases: incidents over six months, letters in
  weekly batches, few dates of birth.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date, timedelta
from typing import NamedTuple, TextIO

TODAY = date(2026, 11, 21)
"""The --today the benchmark passes; the caseload is built around it."""

HEADER = (
    "Case ID",
    "Adviser",
    "Incident Date",
    "Complaint Date",
    "Last Update Date",
    "Outcome Date",
    "Review Decision Date",
    "Date of Birth",
    "SAR Date",
    "About",
    "Schedule3",
    "Investigation",
    "Discrimination",
    "Injury",
    "Notes",
)

ADVISERS = (
    "A. Okafor",
    "B. Kaur",
    "C. Hughes",
    "D. Novak",
    "E. Mensah",
    "F. O'Neill",
    "G. Rahman",
    "H. Price",
)
NOTES = (
    "",
    "",
    "",
    "Client prefers email",
    "Interpreter needed (Polish)",
    "Body-worn video requested",
    "Chased DPS by phone",
    "Awaiting medical records",
    "Referred by law centre",
    "Stop and search, Brixton",
    "Arrest at home address; property seized",
    "-follow up with client",  # a cell a spreadsheet would read as a formula
)
STAGES = (
    # stage, weight
    ("not-yet-complained", 12),
    ("awaiting-outcome", 33),
    ("outcome", 30),
    ("reviewed", 15),
    ("iopc-investigated", 5),
    ("outside-schedule3", 5),
)
ABOUT = (("officer", 88), ("staff", 8), ("senior-officer", 3), ("commissioner", 1))


class Shape(NamedTuple):
    """How a caseload's dates are spread."""

    incident_days: int
    """Incidents fall between 20 days and this many days before TODAY."""
    batched: bool
    """Outcome and review letters go out on the Tuesday of their week."""
    born_share: float
    """The share of rows with a date of birth."""
    born_years: tuple[int, int]
    """The years dates of birth fall in."""
    stage: str | None = None
    """Every row at this stage of the complaint (None: spread over the stages)."""


SHAPES: dict[str, Shape] = {
    "standard": Shape(4 * 365, True, 0.6, (1950, 2010)),
    "born": Shape(4 * 365, True, 1.0, (1950, 2010)),
    "decades": Shape(35 * 365, False, 1.0, (1930, 2010)),
    "repeat": Shape(180, True, 0.1, (1970, 1990)),
    "born-reviewed": Shape(4 * 365, True, 1.0, (1950, 2010), "reviewed"),
}


def _working_day(day: date) -> date:
    """The same day, or the Monday after a weekend day (a request arrives on a working day)."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _batch_day(day: date) -> date:
    """The Tuesday of the week: outcome and review letters go out in a weekly batch."""
    return day - timedelta(days=day.weekday()) + timedelta(days=1)


def _same_day(day: date) -> date:
    """The day itself: letters sent on any day."""
    return day


def _dmy(day: date | None) -> str:
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([name for name, _ in weighted], weights=[weight for _, weight in weighted])[0]


def make_row(rng: random.Random, number: int, shape: Shape = SHAPES["standard"]) -> list[str]:
    """One invented case."""
    batch = _batch_day if shape.batched else _same_day
    stage = shape.stage or _pick(rng, STAGES)
    incident = TODAY - timedelta(days=rng.randint(20, shape.incident_days))
    complaint = last_update = outcome = review = None
    if stage != "not-yet-complained":
        complaint = min(incident + timedelta(days=int(rng.expovariate(1 / 21))), TODAY)
    if stage == "awaiting-outcome" and complaint is not None and rng.random() < 0.75:
        updates = max(0, min((TODAY - complaint).days // 28, rng.randint(1, 12)) - 1)
        last_update = complaint + timedelta(days=28 * updates)
    if stage in ("outcome", "reviewed", "iopc-investigated", "outside-schedule3") and complaint is not None:
        outcome = min(batch(complaint + timedelta(days=rng.randint(40, 330))), TODAY)
        outcome = max(outcome, complaint)
    if stage == "reviewed" and outcome is not None:
        review = min(max(batch(outcome + timedelta(days=rng.randint(30, 200))), outcome), TODAY)
    born = None
    if rng.random() < shape.born_share:
        born = date(rng.randint(*shape.born_years), rng.randint(1, 12), rng.randint(1, 28))
        born = min(born, incident)
    sar = None
    if complaint is not None and rng.random() < 0.3:
        sar = min(_working_day(complaint + timedelta(days=rng.randint(0, 120))), TODAY)
    schedule3 = {"outside-schedule3": "no", "not-yet-complained": ""}.get(stage, rng.choice(("yes", "yes", "")))
    investigation = {"iopc-investigated": "iopc", "reviewed": "mps"}.get(stage, "")
    if not investigation and outcome is not None:
        investigation = rng.choice(("mps", "not-investigated", ""))
    return [
        f"MPS-{2023 + number % 4}-{number:07d}",
        rng.choice(ADVISERS),
        _dmy(incident),
        _dmy(complaint),
        _dmy(last_update),
        _dmy(outcome),
        _dmy(review),
        _dmy(born),
        _dmy(sar),
        _pick(rng, ABOUT),
        schedule3,
        investigation,
        rng.choice(("yes", "no", "no", "no", "")),
        rng.choice(("yes", "no", "no", "")),
        rng.choice(NOTES),
    ]


def write_caseload(rows: int, stream: TextIO, *, seed: int = 2026, shape: str = "standard") -> None:
    rng = random.Random(seed)
    spread = SHAPES[shape]
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(HEADER)
    for number in range(1, rows + 1):
        writer.writerow(make_row(rng, number, spread))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int, help="how many cases")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default: 2026)")
    parser.add_argument("--shape", choices=SHAPES, default="standard", help="how the dates spread (default: standard)")
    args = parser.parse_args()
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as stream:  # noqa: PTH123
            write_caseload(args.rows, stream, seed=args.seed, shape=args.shape)
    else:
        write_caseload(args.rows, sys.stdout, seed=args.seed, shape=args.shape)


if __name__ == "__main__":
    main()
