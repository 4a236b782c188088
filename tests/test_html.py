"""The HTML page (`--format html`, `-o plan.html`) as markup: self-contained (no script, nothing fetched),
accessible structure (headings, a real table, the picture's title and description), every date in the text,
text escaped, and the HTML code imported only when asked for. The browser's view is tests/test_browser.py.
"""

from __future__ import annotations

import itertools
import json
import re
import stat
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from escalate.engine.facts import Facts
from escalate.engine.route import plan_route
from escalate.law.dates import long_date
from escalate.output.clocks import clocks_svg
from escalate.output.console import to_string
from escalate.output.html import route_html, text

CASE = ("--example", "--today", "2026-11-21")


class Outline(HTMLParser):
    """The tags, attributes and text of a page, as a checker reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.in_svg = 0
        self.outside_svg: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "svg":
            self.in_svg += 1
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = tag
            self.headings.append((tag, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.in_svg -= 1
        if tag == self._heading:
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if not self.in_svg:
            self.outside_svg.append(data)
        if self._heading:
            level, words = self.headings[-1]
            self.headings[-1] = (level, words + data)


def outline(page: str) -> Outline:
    parsed = Outline()
    parsed.feed(page)
    return parsed


@pytest.fixture(scope="module", params=["route", "deadlines"])
def page(request: pytest.FixtureRequest) -> tuple[str, str, dict]:
    command = request.param
    run = [sys.executable, "-m", "escalate", command, *CASE]
    markup = subprocess.run([*run, "--format", "html"], capture_output=True, text=True, check=True).stdout
    doc = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True, text=True, check=True).stdout)
    return command, markup, doc


def test_self_contained(page) -> None:
    _, markup, _ = page
    parsed = outline(markup)
    names = {tag for tag, _ in parsed.tags}
    assert "script" not in names and "link" not in names and "img" not in names and "iframe" not in names
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag  # nothing loaded
        assert not any(name.startswith("on") for name in attrs), tag  # no handlers
    assert "@import" not in markup and "url(http" not in markup
    assert markup.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in markup
    assert "@page { size: A4" in markup and "@media print" in markup


def test_accessible_structure(page) -> None:
    _, markup, doc = page
    parsed = outline(markup)
    levels = [level for level, _ in parsed.headings]
    assert levels[0] == "h1" and levels.count("h1") == 1
    assert all(int(b[1]) <= int(a[1]) + 1 for a, b in itertools.pairwise(levels))  # no level skipped
    svg = next(attrs for tag, attrs in parsed.tags if tag == "svg")
    assert svg["role"] == "img" and svg["aria-labelledby"] == "clocks-title clocks-title-desc"
    assert ("title", {"id": "clocks-title"}) in parsed.tags and ("desc", {"id": "clocks-title-desc"}) in parsed.tags
    assert ("caption", {}) in parsed.tags
    headers = [attrs for tag, attrs in parsed.tags if tag == "th"]
    assert len(headers) == 5 and all(attrs.get("scope") == "col" for attrs in headers)
    rows = sum(1 for tag, _ in parsed.tags if tag == "tr")
    assert rows == len(doc["deadlines"]) + 1


def test_every_date_is_in_the_text_not_only_the_picture(page) -> None:
    _, markup, doc = page
    words = " ".join(" ".join(outline(markup).outside_svg).split())
    for deadline in doc["deadlines"]:
        for key in ("safe_date", "last_day", "latest_date"):
            assert long_date(date.fromisoformat(deadline[key])) in words, (deadline["id"], key)


def test_the_picture_has_one_band_per_deadline_and_says_each_in_words(page) -> None:
    _, markup, doc = page
    svg = markup[markup.index("<svg") : markup.index("</svg>")]
    solid = re.findall(r'<rect [^>]*fill="#[0-9a-f]{6}" stroke=', svg)
    assert len(solid) == len(doc["deadlines"])
    hatched = re.findall(r'fill="url\(#arguable\)"', svg)
    assert len(hatched) == sum(d["latest_date"] != d["safe_date"] for d in doc["deadlines"])
    assert svg.count('fill="#b1b4b6"') == sum(d["status"] == "passed" for d in doc["deadlines"])  # greyed
    assert "Today, Sat 21 Nov 2026" in svg
    desc = svg[svg.index("<desc") : svg.index("</desc>")]
    for deadline in doc["deadlines"]:
        assert long_date(date.fromisoformat(deadline["trigger_date"])) in desc
        assert long_date(date.fromisoformat(deadline["safe_date"])) in desc


def test_route_page_opens_with_what_to_do_now() -> None:
    run = [sys.executable, "-m", "escalate", "route", *CASE, "--format", "html"]
    markup = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    parsed = outline(markup)
    headings = [words for _, words in parsed.headings]
    assert headings[:4] == [
        "What to do next about your complaint against the Metropolitan Police",
        "The clocks, side by side",
        "What to do now",
        "Ask for a review of the outcome",
    ]
    now = markup[markup.index('<section class="now"') : markup.index("</section>")]
    assert "Act by Tuesday 1 December 2026 (10 days left)" in now  # reg 29(2): 3 Nov 2026 + 28 days
    assert now.index("Where: IOPC") < now.index("<strong>Why:</strong>")  # where to send it, early


def test_text_is_escaped_and_addresses_are_links() -> None:
    assert text("a <b> & c") == "a &lt;b&gt; &amp; c"
    assert text("Page: https://example.org/a?b=1&c=2.") == (
        'Page: <a class="url" href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.'
    )
    assert text("one\ntwo") == "one<br>\ntwo"


def test_a_case_without_deadlines_has_no_picture() -> None:
    assert clocks_svg((), date(2026, 11, 21)) == ""
    page = to_string(lambda stream: route_html(plan_route(Facts(today=date(2026, 11, 21))), stream))
    assert "<svg" not in page and "What to do now" in page


def test_o_writes_the_page_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "plan.html"
    done = subprocess.run(
        [sys.executable, "-m", "escalate", "route", *CASE, "-o", str(target)], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")  # html from the extension
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # case data
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left


def test_o_into_a_missing_folder_is_exit_4(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "escalate", "deadlines", *CASE, "-o", str(tmp_path / "no" / "plan.html")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 4
    assert done.stderr.strip().splitlines()[-1].startswith("escalate: error: cannot write")


@pytest.mark.parametrize("command", ["deadlines", "route"])
def test_html_code_is_imported_only_for_html(command) -> None:
    probe = (
        "import sys; from escalate.cli.app import main\n"
        "try:\n"
        f"    main(['{command}', '--example', '--today', '2026-11-21'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.__stderr__.write(str(sorted(m for m in sys.modules if m in "
        "('escalate.output.html', 'escalate.output.clocks', 'html', 'string'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("command", ["deadlines", "route"])
def test_page_in_process_is_the_page_of_the_command(run_cli, command, page) -> None:
    # The same page through the library's entry point (and so measured by coverage).
    result = run_cli(command, *CASE, "--format", "html")
    assert result.code == 0
    if page[0] == command:
        assert result.stdout == page[1]
    assert result.stdout.count("<svg") == 1


def test_a_deadlines_page_without_deadlines_says_what_to_give(run_cli) -> None:
    result = run_cli("deadlines", "--today", "2026-11-21", "--format", "html")
    assert result.code == 0
    assert "<svg" not in result.stdout and "--incident-date" in result.stdout


def test_o_to_a_named_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path: Path) -> None:
    # A device or a pipe (-o /dev/null) is written in place: renaming a file over it would replace it.
    import os
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    done = subprocess.run(
        [sys.executable, "-m", "escalate", "route", *CASE, "--format", "html", "-o", str(pipe)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    assert received[0].startswith("<!DOCTYPE html>")
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]
