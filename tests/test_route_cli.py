"""`escalate route` on the command line: formats, the JSON interface, the markdown page (golden file),
bad input, help, and the examples.

To accept a deliberate change to the markdown page, regenerate the golden file with:
    ESCALATE_REGENERATE=1 pytest tests/test_route_cli.py
and read the diff before committing it.
"""

# One case per line with its source beside it (STYLE.md).

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden" / "route-review.md"

CASE = (
    "--today", "2026-11-21", "--incident-date", "10/01/2026", "--complaint-date", "2 February 2026",
    "--outcome-date", "2026-11-03", "--schedule3", "yes", "--investigation", "mps", "--detained", "yes",
    "--discrimination", "yes", "--sar-date", "2026-10-30",
)  # fmt: skip


def test_markdown_page_matches_the_golden_file(run_cli) -> None:
    result = run_cli("route", *CASE, "--format", "markdown")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    if os.environ.get("ESCALATE_REGENERATE"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_markdown_page_says_what_matters(run_cli) -> None:
    page = run_cli("route", *CASE, "--format", "markdown").stdout
    assert "## Now: Ask for a review of the outcome" in page
    assert "by Tuesday 1 December 2026 (10 days left)" in page  # reg 29(2): 3 Nov 2026 + 28 days
    assert "Review by IOPC" in page and "discrimination" in page  # reg 4 limb named
    assert "not legal advice" in page
    assert "## The facts this is worked out from" in page


def test_json_interface(run_cli) -> None:
    result = run_cli("route", *CASE, "--format", "json")
    assert result.code == 0 and result.stderr == ""
    doc = json.loads(result.stdout)
    assert list(doc) == [
        "schema_version",
        "today",
        "regime",
        "review_body",
        "steps",
        "deadlines",
        "warnings",
        "disclaimer",
    ]
    assert (doc["today"], doc["regime"], doc["review_body"]) == ("2026-11-21", "2020", "iopc")
    statuses = {step["status"] for step in doc["steps"]}
    assert statuses <= {"done", "now", "next", "also", "unavailable"}
    assert [step["id"] for step in doc["steps"] if step["status"] == "now"] == ["request-review"]
    for step in doc["steps"]:
        assert set(step) == {"id", "title", "status", "body", "why", "how", "source", "deadlines"}
        assert set(step["source"]) == {"citation", "url"}
    deadlines = run_cli("deadlines", *CASE, "--format", "json")
    assert doc["deadlines"] == json.loads(deadlines.stdout)["deadlines"]  # the deadline objects of `deadlines`
    assert {"clocks-run-in-parallel", "no-compensation-from-complaints", "review-is-final"} <= {
        warning["id"] for warning in doc["warnings"]
    }


def test_json_review_body_null_where_no_review(run_cli) -> None:
    result = run_cli(
        "route",
        "--today",
        "2026-11-21",
        "--outcome-date",
        "2026-10-01",
        "--investigation",
        "iopc",
        "-f",
        "json",
    )
    doc = json.loads(result.stdout)
    assert doc["review_body"] is None
    review = next(step for step in doc["steps"] if step["id"] == "request-review")
    assert review["status"] == "unavailable" and "IOPC investigated" in review["why"]
    assert next(step for step in doc["steps"] if step["status"] == "now")["id"] == "judicial-review"


def test_table_output(run_cli) -> None:
    result = run_cli("route", *CASE)
    assert result.code == 0 and result.stderr == ""
    out = result.stdout
    assert out.startswith("Your route as at Saturday 21 November 2026 · 2020 complaint rules\n")
    # Short first: what to do now, its date and where to send it, before the rest.
    now = out.index("Now: Ask for a review of the outcome")
    assert now < out.index("Act by Tuesday 1 December 2026") < out.index("Where: IOPC") < out.index("The path")
    assert "3. [NOW] Ask for a review of the outcome (above)" in out
    assert "    Act by Tuesday 1 December 2026 (10 days left)" in out
    assert "1. [done] Complain to the Metropolitan Police" in out
    assert "4. [next] Judicial review in the Administrative Court" in out
    assert "- [also] Ask for your records (subject access request)" in out
    assert "Warnings" in out and "--full" in out
    assert "Every deadline" not in out  # with --full
    # The address on a line of its own, whole.
    assert "\n    https://www.policeconduct.gov.uk/complaints/reviews-and-appeals/submit-a-review-appeal\n" in out
    assert not [line for line in out.splitlines() if line != line.rstrip()]  # no trailing spaces to paste


def test_full_table_output_has_every_detail(run_cli) -> None:
    out = run_cli("route", *CASE, "--full").stdout
    assert "Every deadline" in out and "Notes" in out
    assert "Why: The IOPC reviews because" in out
    assert "The law: Limitation Act 1980" in out
    assert "--full" not in out.split("Every deadline")[1]  # no pointer to itself

    assert out.rstrip().endswith("INQUEST after a death.")


@pytest.mark.parametrize("about", ["commissioner", "mopac-staff", "mayor"])
def test_about_other_bodies(run_cli, about: str) -> None:
    result = run_cli("route", "--today", "2026-11-21", "--about", about, "-f", "json")
    doc = json.loads(result.stdout)
    now = next(step for step in doc["steps"] if step["status"] == "now")
    expected = {
        "commissioner": "complain-to-mopac",
        "mopac-staff": "complain-about-mopac",
        "mayor": "complain-to-gla",
    }
    assert now["id"] == expected[about]


def test_example_case(run_cli) -> None:
    result = run_cli("route", "--example")
    assert result.code == 0, result.stderr
    assert "[NOW] Ask for a review of the outcome" in result.stdout


# --- bad input: one line, exit 2 ---

# fmt: off
BAD = [
    (("--review-decision-date", "2026-10-01", "--schedule3", "no"), ("--review-decision-date", "--schedule3")),  # s.1: no review outside Schedule 3
    (("--review-decision-date", "2026-10-01", "--investigation", "iopc"), ("--review-decision-date", "--investigation")),
    (("--outcome-date", "2026-01-01", "--complaint-date", "2026-02-01"), ("--outcome-date", "--complaint-date")),
    (("--about", "sergeant"), ("--about", "commissioner")),  # unknown value: names the accepted ones
    (("--schedule3", "maybe"), ("--schedule3",)),
    (("--detained", "perhaps"), ("--detained",)),
    (("--outcome-date", "31/02/2026"), ("--outcome-date",)),  # impossible date
    (("--format", "pdf"), ("--format", "markdown", "ics")),  # not a route format
    (("--today", "tomorrow"), ("--today",)),
]
# fmt: on


@pytest.mark.parametrize(("args", "named"), BAD)
def test_bad_input_is_one_line_exit_2(run_cli, args: tuple[str, ...], named: tuple[str, ...]) -> None:
    result = run_cli("route", *args)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("escalate: error: ")
    assert "Traceback" not in result.stderr
    for name in named:
        assert name in result.stderr


def test_help(run_cli) -> None:
    result = run_cli("route", "--help")
    assert result.code == 0
    for text in (
        "What to do next",
        "--ask",
        "--format",
        "markdown",
        "--about",
        "--schedule3",
        "--review-body",
        "--today",
    ):
        assert text in result.stdout
    assert "route" in run_cli("--help").stdout


# --- the examples run in the test suite ---


@pytest.mark.parametrize("script", sorted(EXAMPLES.glob("route-*.sh")), ids=lambda path: path.name)
def test_route_examples_run(script: Path) -> None:
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(["sh", str(script)], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "NOW" in done.stdout and "not legal advice" in done.stdout


def test_route_renderer_mapping_covers_every_format() -> None:
    from escalate.output.route import ROUTE_RENDERERS, RouteFormat

    assert set(ROUTE_RENDERERS) == set(RouteFormat)
