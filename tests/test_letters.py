"""`escalate letter KIND`: every kind, from each review body and regime, with every detail given and with none.

The dates in a letter are the engine's: the cover note's 'send it by' is the safe date `escalate deadlines` gives
for the same facts (compared through the real command). A missing fact is a marked blank, listed on standard
error (exit 0); the sender's own words are used exactly as given.
"""

from __future__ import annotations

import io
import json
import stat
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from escalate import Facts, compute_deadlines, plan_route
from escalate.documents.letters import KINDS, draft
from escalate.documents.letters.model import Blank, Case, Details
from escalate.documents.render import RENDERERS, LetterFormat, render_markdown, render_text
from escalate.law.contacts import contacts
from escalate.law.dates import long_date

TODAY = date(2026, 11, 21)
REASONS = "The outcome ignored the body-worn video.\n\nIt did not deal with my second allegation:\n  the search."

EVERY_DETAIL = Details(
    name="A. N. Other",
    address="1 High Street; London N1 1AA",
    email="a.n.other@example.org",
    phone="020 7946 0000",
    reference="CMP/123/26",
    why=REASONS,
    what_happened="I was stopped and searched outside the station.",
    place="Holloway Road, London N7",
    time="about 6.30 pm",
    officers="PC 123AB",
    want="An apology and the search record corrected.",
    representative="B. Advocate, Law Centre, 2 Low Road, London N2 2BB",
    late_reason="I was in hospital.",
    mp="Jane Member MP",
    receive="email",
)

# Each scenario: facts (as command-line text) chosen so that every kind has its engine dates, by review body
# and regime (RULES.md s.4 'Regime', s.6 'Who reviews').
SCENARIOS: dict[str, dict[str, str]] = {
    "mopac-2020": {
        "incident_date": "2026-11-10", "complaint_date": "2026-11-11", "outcome_date": "2026-11-12",
        "schedule3": "yes", "investigation": "mps", "review_body": "mopac",
    },
    "iopc-2020": {
        "incident_date": "2026-11-10", "complaint_date": "2026-11-11", "outcome_date": "2026-11-12",
        "schedule3": "yes", "investigation": "not-investigated", "discrimination": "yes",
    },
    "appeal-2012": {
        "incident_date": "2019-11-10", "complaint_date": "2019-12-01", "outcome_date": "2026-11-12",
        "investigation": "mps",
    },
    "review-decided": {
        "incident_date": "2026-01-10", "complaint_date": "2026-02-02", "outcome_date": "2026-06-01",
        "review_decision_date": "2026-10-30", "review_body": "iopc",
    },
    "iopc-investigated": {"incident_date": "2026-01-10", "outcome_date": "2026-10-30", "investigation": "iopc"},
    "nothing": {},
}  # fmt: skip


def case_for(facts_text: dict[str, str], details: Details, today: date = TODAY) -> Case:
    facts = Facts.from_strings(facts_text, today=today)
    report = compute_deadlines(facts)
    return Case(facts, report, plan_route(facts, report=report), details)


def drafts(kind: str, scenario: str, details: Details):  # type: ignore[no-untyped-def]
    return draft(kind, case_for(SCENARIOS[scenario], details))


def review_possible(scenario: str) -> bool:
    return scenario not in ("iopc-investigated",)


CASES = [(kind, scenario) for kind in KINDS for scenario in SCENARIOS]


@pytest.mark.parametrize(("kind", "scenario"), CASES)
@pytest.mark.parametrize("details", [EVERY_DETAIL, Details()], ids=["every-detail", "no-detail"])
def test_every_kind_from_every_case(kind: str, scenario: str, details: Details) -> None:
    if kind == "review-request" and not review_possible(scenario):
        pytest.skip("no review: the command refuses (tested below)")
    letter = drafts(kind, scenario, details)
    text, markdown = render_text(letter), render_markdown(letter)
    # Every blank is marked in the letter and listed in the cover note; nothing else is marked.
    for blank in letter.blanks:
        assert blank.marker() in text and blank.marker() in markdown
        assert blank.label in text.split("Still to fill in")[1]
    assert text.count("[FILL IN:") >= len(letter.blanks)
    if details == Details():
        assert any(blank.option == "--name" for blank in letter.blanks)
    else:
        assert not any(blank.option in ("--name", "--address", "--email or --phone") for blank in letter.blanks)
        assert "A. N. Other" in text and "London N1 1AA" in text
    # The disclaimer is said once; the letter is dated today in words (the engine's today).
    assert text.count("General information, not legal advice") == 1
    assert long_date(TODAY) in text
    # Sources are cited, each once.
    flat = " ".join(text.split())
    for source in letter.cover.sources:
        assert flat.count(source.citation) == 1


@pytest.mark.parametrize(("kind", "scenario"), CASES)
def test_the_cover_note_date_is_the_engines(kind: str, scenario: str, run_cli) -> None:  # type: ignore[no-untyped-def]
    if kind == "review-request" and not review_possible(scenario):
        return
    options = [f"--{name.replace('_', '-')}={value}" for name, value in SCENARIOS[scenario].items()]
    deadlines = run_cli("deadlines", "--format", "json", "--today", TODAY.isoformat(), *options)
    assert deadlines.code == 0, deadlines.stderr
    by_id = {d["id"]: d for d in json.loads(deadlines.stdout)["deadlines"]}
    result = run_cli("letter", kind, "--today", TODAY.isoformat(), *options)
    assert result.code == 0, result.stderr
    rule = {"mp": None, "subject-access": None}.get(kind, kind)
    if rule is not None and rule in by_id:
        safe = date.fromisoformat(by_id[rule]["safe_date"])
        assert f"Send it by: {long_date(safe)}" in result.stdout
    else:
        assert "Send it by: " not in result.stdout.split("To whom")[0].replace("Send it by: not worked out", "")


def test_review_request_goes_to_the_body_the_route_decides() -> None:
    mopac = drafts("review-request", "mopac-2020", EVERY_DETAIL)
    assert mopac.cover.to is contacts()["mopac"]
    text = render_text(mopac)
    # MOPAC's list (seed 002): name and contact details, reference, the outcome letter, why, representative.
    for needed in ("CMP/123/26", "a.n.other@example.org", "outcome letter", "reasonable and proportionate",
                   "B. Advocate", "I consent to them representing me", "regulation 29"):  # fmt: skip
        assert needed in text
    iopc = drafts("review-request", "iopc-2020", EVERY_DETAIL)
    assert iopc.cover.to is contacts()["iopc"]
    appeal = render_text(drafts("review-request", "appeal-2012", EVERY_DETAIL))
    # RULES.md s.4 'Regime': the 2012 rules speak of an appeal, with the 2012 Regulations only.
    assert "appeal" in appeal and "regulation 11" in appeal and "2012" in appeal
    assert "regulation 29" not in appeal and "reg 29" not in appeal


def test_the_recipient_s_postal_address_is_the_contacts_data_s() -> None:
    letter = drafts("review-request", "mopac-2020", Details())
    found = contacts()["mopac"]
    address = next(detail for detail in found.details if "post" in detail)
    for block in letter.recipient[1:]:
        assert block.pieces[0] in address


def test_the_sender_s_words_are_used_as_given() -> None:
    text = render_text(drafts("review-request", "mopac-2020", EVERY_DETAIL))
    assert REASONS in text


def test_a_late_review_request_says_why_and_never_gives_a_new_date() -> None:
    late = case_for(SCENARIOS["mopac-2020"], EVERY_DETAIL, today=date(2027, 1, 20))
    letter = draft("review-request", late)
    text = " ".join(render_text(letter).split())
    deadline = late.report.by_id("review-request")
    assert deadline is not None and deadline.status == "passed"
    assert f"Send it by: {long_date(deadline.safe_date)}. That date has passed." in text
    assert "special circumstances (reg 29(4))" in text and "There is no new date" in text
    assert "I was in hospital." in text and "Why this review is late" in text
    without = draft("review-request", case_for(SCENARIOS["mopac-2020"], Details(), today=date(2027, 1, 20)))
    assert Blank("why the request is late (what stopped you sending it in time)", "--late-reason") in without.blanks


def test_subject_access_asks_what_the_met_and_the_guide_say() -> None:
    text = " ".join(render_text(drafts("subject-access", "mopac-2020", EVERY_DETAIL)).split())
    for needed in ("Full name: A. N. Other", "Date of birth", "1 High Street, London N1 1AA", "body-worn video",
                   "computer-aided dispatch (CAD)", "custody records", "internal notes about my complaint",
                   "correspondence between officers or departments", "about 6.30 pm", "Holloway Road",
                   "by email", "within one month", "proof of identity"):  # fmt: skip
        assert needed in text


@pytest.mark.parametrize(
    ("law", "says", "not_said"),
    [
        ("part-3", "section 45 of the Data Protection Act 2018", "UK GDPR"),
        ("uk-gdpr", "Article 15 of the UK GDPR", "Data Protection Act 2018 (Part 3"),
        ("unknown", "section 45 of the Data Protection Act 2018 (Part 3) and", None),
    ],
)
def test_subject_access_names_the_law_of_sar_law(law: str, says: str, not_said: str | None) -> None:
    letter = draft("subject-access", case_for({"incident_date": "2026-11-10", "sar_law": law}, Details()))
    body = render_text(letter).split("=" * 78)[-1]
    assert says in body
    if not_said is not None:
        assert not_said not in body


def test_preserve_evidence_from_its_rule() -> None:
    # RULES.md s.7: incident Tue 10 Nov 2026 -> Thu 10 Dec 2026.
    text = render_text(draft("preserve-evidence", case_for({"incident_date": "10/11/2026"}, Details())))
    assert "Send it by: Thursday 10 December 2026 (19 days left)." in text
    for needed in ("body-worn video", "CCTV", "custody records", "stop and search"):
        assert needed in text
    gone = render_text(draft("preserve-evidence", case_for({"incident_date": "10/10/2026"}, Details())))
    assert "the footage may already be gone" in " ".join(gone.split()) and "Send it by: " not in gone


def test_letter_before_claim_has_the_protocol_s_headings() -> None:
    case = case_for(SCENARIOS["review-decided"], EVERY_DETAIL)
    text = render_text(draft("letter-before-claim", case))
    headings = ("1. The claimant", "2. The defendant", "3. The defendant's reference details",
                "4. The details of the matter being challenged", "5. The issue",
                "6. The details of the action that the defendant is expected to take", "7. ADR proposals",
                "8. The details of any information sought", "9. The address for reply", "10. Proposed reply date")  # fmt: skip
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Please reply by Saturday 5 December 2026" in text  # 21 Nov 2026 + 14 days (Pre-Action Protocol)
    assert "does not affect the time limit" in text and "Take legal advice before you send" in text
    claim = case.report.by_id("judicial-review")
    assert claim is not None and f"File a judicial review claim: by {long_date(claim.safe_date)}" in text
    assert "Independent Office for Police Conduct" in text


def test_mp_letter_says_where_to_find_the_mp() -> None:
    text = render_text(drafts("mp", "mopac-2020", Details()))
    assert "members.parliament.uk" in text and "does not look up your MP" in text
    assert "Dear [FILL IN: your MP's name" in text


def test_complaint_spells_out_discrimination_and_asks_it_be_explored() -> None:
    text = render_text(drafts("complaint", "nothing", EVERY_DETAIL))
    assert "Discrimination" in text and "explore this part of my complaint with me" in text
    assert "PC 123AB" in text and "An apology" in text
    no = render_text(draft("complaint", case_for({"incident_date": "2026-11-10", "discrimination": "no"}, Details())))
    assert "explore this part" not in no


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(LetterFormat)


def test_word_file_opens_and_marks_the_blanks(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "letter.docx"
    result = run_cli("letter", "review-request", "--outcome-date", "2026-11-12", "--name", "A. N. Other",
                     "--today", "2026-11-21", "-o", str(target))  # fmt: skip
    assert result.code == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    document = Document(io.BytesIO(target.read_bytes()))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Send it by: Thursday 10 December 2026" in text and "A. N. Other" in text
    marked = [run for p in document.paragraphs for run in p.runs if run.text.startswith("[FILL IN:")]
    assert marked and all(run.bold for run in marked)
    assert not list(tmp_path.glob(".*.part"))


def test_blanks_are_listed_on_standard_error_and_exit_0(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("letter", "subject-access", "--today", "2026-11-21")
    assert result.code == 0
    lines = result.stderr.splitlines()
    assert "escalate: to fill in: your full name (give --name, or write it in)" in lines
    assert all(line.startswith("escalate: to fill in: ") for line in lines)
    labels = [line.removeprefix("escalate: to fill in: ").rsplit(" (", 1)[0] for line in lines]
    assert len(set(labels)) == len(labels)
    for label in labels:
        assert f"[FILL IN: {label}]" in result.stdout


def test_markdown_output_and_file_by_extension(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "letter.md"
    assert run_cli("letter", "mp", "-o", str(target), "--today", "2026-11-21").code == 0
    assert target.read_text(encoding="utf-8").startswith("> **Cover note")


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["letter", "appeal"], "KIND: 'appeal' is not a letter", 2),
        (["letter", "review-request", "--why", "x", "--why-file", "reasons.txt"], "give one or the other", 2),
        (["letter", "review-request", "--why-file", "/no/such/file"], "--why-file: cannot read", 2),
        (["letter", "mp", "--format", "pdf"], "'--format' / '-f': 'pdf' is not one of 'text', 'markdown', 'docx'", 2),
        (["letter", "subject-access", "--receive", "fax"], "--receive: 'fax' is not one of", 2),
        (["letter", "review-request", "--outcome-date", "2026-11-12", "--schedule3", "no"], "no right of review", 2),
        (["letter", "mp", "--format", "docx"], "give -o FILE", 2),
        (["letter", "mp", "-o", "/no/such/dir/letter.txt"], "cannot write", 4),
        (["letter", "mp", "--outcome-date", "31/02/2026"], "outcome-date", 2),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(run_cli, args: list[str], message: str, code: int) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(*args)
    assert result.code == code
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_help_lists_every_kind_on_one_line(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("letter", "--help")
    assert result.code == 0
    for kind, entry in KINDS.items():
        assert any(kind in line and entry.summary in line for line in result.stdout.splitlines()), kind


def test_every_fact_option_of_deadlines_works_on_letter(run_cli) -> None:  # type: ignore[no-untyped-def]
    deadlines_help = run_cli("deadlines", "--help").stdout
    letter_help = run_cli("letter", "--help").stdout
    from escalate.cli.options import FACT_INPUTS

    for name in FACT_INPUTS:
        option = "--" + name.replace("_", "-")
        assert (option[:20] in deadlines_help) and (option[:20] in letter_help), option


def test_an_at_risk_review_request_says_send_it_today() -> None:
    # Outcome letter Thu 12 Nov 2026 -> safe Thu 10 Dec 2026; received Fri 20 Nov -> latest Fri 18 Dec 2026 (s.4).
    facts = {"outcome_date": "2026-11-12", "outcome_received_date": "2026-11-20", "review_body": "mopac"}
    case = case_for(facts, Details(), today=date(2026, 12, 12))
    text = " ".join(render_text(draft("review-request", case)).split())
    assert (
        "Send it by: Thursday 10 December 2026. That date has passed, but Friday 18 December 2026 can be argued" in text
    )
    assert "[FILL IN: why the request is late" in text


def test_letter_before_claim_after_an_iopc_investigation_is_to_the_iopc() -> None:
    case = case_for(SCENARIOS["iopc-investigated"], Details())
    letter = draft("letter-before-claim", case)
    assert letter.cover.to is contacts()["iopc"]
    text = " ".join(render_text(letter).split())
    assert (
        "The outcome of the IOPC's investigation of my complaint about the Metropolitan Police, dated Friday 30 October 2026"
        in text
    )
    deadline = case.report.by_id("letter-before-claim")
    assert deadline is not None and f"Send it by: {long_date(deadline.safe_date)}" in text


def test_a_word_file_goes_to_standard_output_when_it_is_not_a_terminal() -> None:
    from escalate.caseload.files import open_binary_output

    sink = io.BytesIO()
    with open_binary_output(None, stdout=sink) as binary:
        binary.write(b"PK")
    assert sink.getvalue() == b"PK"
