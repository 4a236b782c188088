"""The HTML page as a person sees it, in a real browser: headless Chromium (Debian's ``chromium``, which
.ci/run installs where it is missing) at a 375-pixel phone and a 1024-pixel screen, and printed to PDF on A4.

The page has no script. To measure it, the test writes a copy with a small script of its own at the end
(never shipped), which records what a person would see: whether anything runs off the side of the screen,
whether each safe date is on screen in the text, and the picture of the clocks with its title and
description. Chromium's ``--dump-dom`` gives the page back after that script has run.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from escalate.law.dates import long_date

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
CASE = ("--example", "--today", "2026-11-21")
PROBE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>probe</title>
<style>body { margin: 0; } iframe { border: 0; display: block; }</style></head>
<body>
<iframe id="page" width="%(width)d" height="20000" srcdoc="%(page)s"></iframe>
<script>
window.addEventListener("load", function () {
  var win = document.getElementById("page").contentWindow;
  var doc = win.document;
  var expected = %(dates)s;
  var width = win.innerWidth;
  var over = [];
  doc.querySelectorAll("body *").forEach(function (element) {
    var box = element.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
      over.push(element.tagName + "." + element.className + " " + Math.round(box.left) + "-" + Math.round(box.right));
    }
  });
  var seen = {};
  expected.forEach(function (text) { seen[text] = false; });
  var walker = doc.createTreeWalker(doc.body, win.NodeFilter.SHOW_TEXT);
  var node;
  while ((node = walker.nextNode())) {
    var parent = node.parentElement;
    if (parent.closest("svg") || parent.closest(".visually-hidden")) continue;
    var words = node.textContent.replace(/\\s+/g, " ");
    expected.forEach(function (text) {
      if (seen[text] || words.indexOf(text) < 0) return;
      var range = doc.createRange();
      range.selectNodeContents(node);
      var box = range.getBoundingClientRect();
      var style = win.getComputedStyle(parent);
      seen[text] = box.width > 0 && box.height > 0 && box.left >= -0.5 && box.right <= width + 0.5
        && style.visibility !== "hidden" && style.display !== "none" && parseFloat(style.fontSize) >= 12;
    });
  }
  var svg = doc.querySelector("svg.clocks");
  var picture = null;
  if (svg) {
    var box = svg.getBoundingClientRect();
    picture = {
      width: box.width, height: box.height, right: box.right,
      title: (svg.querySelector("title") || {}).textContent || "",
      desc: (svg.querySelector("desc") || {}).textContent || "",
      bands: svg.querySelectorAll("rect[stroke]").length
    };
  }
  var result = {
    width: width, scrollWidth: doc.documentElement.scrollWidth, over: over.slice(0, 20), seen: seen,
    picture: picture, scripts: doc.scripts.length
  };
  var out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
});
</script>
</body></html>"""


@pytest.fixture(scope="module")
def chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return CHROMIUM


def _run(chromium: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _page(command: str, tmp_path: Path) -> tuple[Path, list[str], list[str]]:
    """The page for the example case (written with -o), its safe dates in words, and its citations."""
    page = tmp_path / f"{command}.html"
    subprocess.run([sys.executable, "-m", "escalate", command, *CASE, "-o", str(page)], check=True, capture_output=True)
    doc = json.loads(
        subprocess.run(
            [sys.executable, "-m", "escalate", command, *CASE, "--format", "json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    dates = [long_date(date.fromisoformat(d["safe_date"])) for d in doc["deadlines"]]
    citations = [d["source"]["citation"] for d in doc["deadlines"]]
    return page, dates, citations


def _probe(chromium: str, page: Path, width: int, dates: list[str], tmp_path: Path) -> dict:
    probed = tmp_path / f"probed-{width}-{page.name}"
    markup = page.read_text(encoding="utf-8")
    assert "<script" not in markup  # the page itself has none
    # The page in a frame exactly as wide as the screen (a headless window has a minimum width of its own).
    probe = PROBE % {"width": width, "page": html.escape(markup, quote=True), "dates": json.dumps(dates)}
    probed.write_text(probe, encoding="utf-8")
    done = _run(
        chromium, tmp_path, "--window-size=1200,900", "--virtual-time-budget=5000", "--dump-dom", probed.as_uri()
    )
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stderr[-2000:]
    return json.loads(
        found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    )


@pytest.mark.parametrize("command", ["route", "deadlines"])
@pytest.mark.parametrize("width", [375, 1024])
def test_page_on_a_phone_and_a_screen(chromium, tmp_path, command, width) -> None:
    page, dates, _ = _page(command, tmp_path)
    seen = _probe(chromium, page, width, dates, tmp_path)
    assert seen["width"] == width
    assert seen["scrollWidth"] <= width  # no sideways scrolling
    assert seen["over"] == []  # nothing runs off the side
    assert seen["seen"] == dict.fromkeys(dates, True)  # every safe date on screen, in the text
    picture = seen["picture"]
    assert picture is not None and picture["width"] > 300 and picture["height"] > 200
    assert picture["right"] <= width
    assert picture["title"].startswith("The clocks running in parallel")
    assert all(day in picture["desc"] for day in dates)  # the description says every date too
    assert picture["bands"] >= len(dates)
    assert seen["scripts"] == 0  # the page runs none


@pytest.mark.parametrize("command", ["route", "deadlines"])
def test_page_prints_on_a4_with_every_date_and_every_column(chromium, tmp_path, command) -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        if os.environ.get("CI"):
            pytest.fail("poppler-utils is not installed: .ci/run installs it")
        pytest.skip("poppler-utils is not installed")
    page, dates, citations = _page(command, tmp_path)
    pdf = tmp_path / f"{command}.pdf"
    done = _run(chromium, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.exists(), done.stderr[-2000:]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None
    assert abs(float(size.group(1)) - 595.3) < 2 and abs(float(size.group(2)) - 841.9) < 2  # A4: 210 x 297 mm
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for day in dates:
        assert day in flat
    # The last column of the table (the law) is printed for every deadline: no table cut at the page's edge.
    for citation in citations:
        assert " ".join(citation.split()[:3]) in flat
    assert "not legal advice" in flat
