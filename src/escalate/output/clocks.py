"""The picture at the top of the HTML page: the clocks running in parallel, as an inline SVG.

One band per deadline, from the day its clock started to its safe date; where a later date can be argued,
a hatched band carries on to it. Today is a line across them all; passed deadlines are grey. Each band is
labelled in words, and the SVG has a title and a description that say the same, so that nothing is only in
the picture. A renderer of layout alone: every date comes from the deadlines engine.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date
from html import escape

from escalate.engine.results import Deadline
from escalate.law.dates import long_date

WIDTH = 420
"""Units across the picture; it scales to the page (on a 375-pixel phone, a unit is about 0.8 of a pixel: the words stay readable)."""
MARGIN = 8
LINE = 19
"""Height of a line of label text, in units (the text itself is 15)."""
BAR = 14
GAP = 14
LABEL_CHARS = 46
"""Characters of label on one line before it wraps (at 15 units, well inside the width)."""

FILL = {"passed": "#b1b4b6", "at-risk": "#d4351c", "due-soon": "#f47738", "open": "#1d70b8"}
"""GOV.UK's palette: grey for passed, red at risk, orange due soon, blue open (each with a dark outline)."""
TEXT = "#0b0c0c"
PASSED_TEXT = "#505a5f"
STATUS_WORDS = {"passed": "passed", "at-risk": "at risk", "due-soon": "due soon", "open": "open"}


def short(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def _left(deadline: Deadline) -> str:
    if deadline.status == "passed":
        return "passed"
    if deadline.days_left < 0:
        return f"at risk, {-deadline.days_left} days past the safe date"
    if deadline.days_left == 0:
        return f"{STATUS_WORDS[deadline.status]}, act today"
    plural = "s" if deadline.days_left != 1 else ""
    return f"{STATUS_WORDS[deadline.status]}, {deadline.days_left} day{plural} left"


def band_words(number: int, deadline: Deadline) -> str:
    """One band in words: what, from when, to when, and its status (the picture's description says each)."""
    words = f"{number}. {deadline.action}: from {long_date(deadline.trigger_date)} to {long_date(deadline.safe_date)}"
    if deadline.latest_date != deadline.safe_date:
        words += f", arguably to {long_date(deadline.latest_date)}"
    return f"{words} ({_left(deadline)})."


def clocks_svg(deadlines: Sequence[Deadline], today: date, title_id: str = "clocks-title") -> str:
    """The picture as SVG markup (empty when there is no deadline)."""
    if not deadlines:
        return ""
    start = min(min(d.trigger_date for d in deadlines), today)
    end = max(max(d.latest_date for d in deadlines), today)
    span = max(1, (end - start).days)
    inner = WIDTH - 2 * MARGIN

    def x(day: date) -> float:
        return round(MARGIN + (day - start).days / span * inner, 1)

    parts: list[str] = []
    y = LINE + 6  # room for the label of today's line
    bands: list[str] = []
    for number, deadline in enumerate(deadlines, start=1):
        passed = deadline.status == "passed"
        colour = PASSED_TEXT if passed else TEXT
        label = f"{number}. {deadline.action}"
        lines = textwrap.wrap(label, LABEL_CHARS)
        bold = len(lines)
        dates = f"{short(deadline.trigger_date)} to {short(deadline.safe_date)}"
        if deadline.latest_date != deadline.safe_date:
            dates += f", arguably {short(deadline.latest_date)}"
        lines += textwrap.wrap(f"{dates}: {_left(deadline)}", LABEL_CHARS)
        texts = []
        for index, line in enumerate(lines):
            weight = ' font-weight="bold"' if index < bold else ""
            texts.append(f'<tspan x="{MARGIN}" dy="{LINE if index else 0}"{weight}>{escape(line)}</tspan>')
        y += LINE - 4
        # A white halo keeps the words readable where today's line crosses them.
        bands.append(
            f'<text x="{MARGIN}" y="{y}" fill="{colour}" stroke="#ffffff" stroke-width="4" paint-order="stroke" '
            f'stroke-linejoin="round">{"".join(texts)}</text>'
        )
        y += LINE * (len(lines) - 1) + 6
        left, right = x(deadline.trigger_date), x(deadline.safe_date)
        fill = FILL[deadline.status]
        bands.append(
            f'<rect x="{left}" y="{y}" width="{max(3.0, round(right - left, 1))}" height="{BAR}" fill="{fill}" '
            f'stroke="{TEXT}" stroke-width="1"/>'
        )
        if deadline.latest_date != deadline.safe_date:
            later = x(deadline.latest_date)
            bands.append(
                f'<rect x="{right}" y="{y}" width="{max(3.0, round(later - right, 1))}" height="{BAR}" '
                f'fill="url(#arguable)" stroke="{TEXT}" stroke-width="1" stroke-dasharray="3 2"/>'
            )
        y += BAR + GAP
    axis = y
    ticks = [f'<line x1="{MARGIN}" y1="{axis}" x2="{WIDTH - MARGIN}" y2="{axis}" stroke="{TEXT}" stroke-width="1"/>']
    years = [date(year, 1, 1) for year in range(start.year + 1, end.year + 1)]
    step = -(-len(years) // 6) or 1  # at most six year marks
    for tick in years[::step]:
        at = x(tick)
        anchor = "end" if at > WIDTH - MARGIN - 20 else "start" if at < MARGIN + 20 else "middle"
        ticks.append(
            f'<line x1="{at}" y1="{axis}" x2="{at}" y2="{axis + 6}" stroke="{TEXT}" stroke-width="1"/>'
            f'<text x="{at}" y="{axis + 6 + LINE - 2}" text-anchor="{anchor}" fill="{TEXT}">{tick.year}</text>'
        )
    height = axis + 6 + LINE + 4
    marker = x(today)
    anchor = "start" if marker < WIDTH / 2 else "end"
    today_line = (
        f'<line x1="{marker}" y1="{LINE}" x2="{marker}" y2="{axis}" stroke="{TEXT}" stroke-width="2"/>'
        f'<text x="{marker + (4 if anchor == "start" else -4)}" y="{LINE - 4}" text-anchor="{anchor}" '
        f'font-weight="bold" fill="{TEXT}">Today, {escape(short(today))}</text>'
    )
    description = " ".join(band_words(number, d) for number, d in enumerate(deadlines, start=1))
    parts.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{title_id} {title_id}-desc" class="clocks" font-family="Arial, Helvetica, sans-serif" '
        f'font-size="15">'
        f'<title id="{title_id}">The clocks running in parallel, from {escape(long_date(start))} to '
        f"{escape(long_date(end))}; today is {escape(long_date(today))}</title>"
        f'<desc id="{title_id}-desc">Each band runs from the day its clock started to its safe date; a hatched '
        f"band after it runs to the latest date that can be argued. {escape(description)}</desc>"
        '<defs><pattern id="arguable" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{TEXT}" stroke-width="2"/></pattern></defs>'
    )
    parts.append(today_line)
    parts.extend(bands)
    parts.extend(ticks)
    parts.append("</svg>")
    return "".join(parts)
