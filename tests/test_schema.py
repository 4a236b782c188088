"""The JSON Schemas shipped for each JSON output, checked against real output (issue 12)."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from tests.conftest import EXAMPLES

from escalate.engine.facts import CHOICE_FACTS, DATE_FACTS, FLAG_FACTS
from escalate.law.rules import RULE_IDS, Owner, Strength
from escalate.output.formats import SchemaName
from escalate.output.schema import SCHEMA_VERSION, schema_text

CASES = [
    ["--example"],
    ["--incident-date", "2026-01-10"],
    ["--complaint-date", "2019-05-02", "--outcome-date", "2019-11-03", "--today", "2019-11-21"],
    ["--complaint-date", "2026-05-02", "--outcome-date", "2026-11-03", "--schedule3", "no", "--today", "2026-11-21"],
    [
        "--incident-date", "2025-02-01", "--complaint-date", "2025-03-01", "--outcome-date", "2025-10-01",
        "--review-decision-date", "2026-02-01", "--date-of-birth", "2010-06-01", "--discrimination", "--injury",
        "--detained", "--prosecuted", "--prosecution-end-date", "2025-12-01", "--sar-date", "2026-01-05",
        "--investigation", "mps", "--about", "officer", "--today", "2026-11-21",
    ],
    ["--outcome-date", "2026-11-03", "--review-body", "mopac", "--today", "2026-11-21"],
    ["--about", "mopac-staff", "--incident-date", "2026-05-20", "--complaint-date", "2026-05-21", "--today", "2026-11-21"],
    ["--about", "mayor", "--complaint-date", "2019-06-01", "--today", "2026-11-21"],
]  # fmt: skip


@pytest.mark.parametrize(
    ("facts", "regime"),
    [
        # RULES s.4 'Regime': a complaint made before 1 February 2020 is under the 2012 rules; none given, 2020.
        (["--complaint-date", "2019-06-01"], "2012"),
        (["--complaint-date", "2020-02-01"], "2020"),
        ([], "2020"),
        # RULES s.4 and s.6: a complaint about MOPAC staff or the Mayor is under neither set of police complaint
        # rules (MOPAC's own process; the GLA Monitoring Officer), whatever its date.
        (["--about", "mopac-staff", "--complaint-date", "2019-06-01"], None),
        (["--about", "mayor", "--complaint-date", "2026-06-01"], None),
    ],
)
def test_json_regime_names_police_complaint_rules_only_where_they_apply(run_cli, facts, regime):
    for command in ("deadlines", "route"):
        result = run_cli(command, *facts, "--today", "2026-11-21", "--format", "json")
        assert result.code == 0, result.stderr
        assert json.loads(result.stdout)["regime"] == regime, command


def validator(name: SchemaName) -> Draft202012Validator:
    schema = json.loads(schema_text(name))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def assert_valid(name: SchemaName, document: object) -> None:
    errors = sorted(validator(name).iter_errors(document), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors[:5])


@pytest.mark.parametrize("case", CASES, ids=lambda case: " ".join(case)[:40])
def test_deadlines_json_matches_its_schema(run_cli, case):
    result = run_cli("deadlines", *case, "--format", "json")
    assert result.code == 0, result
    document = json.loads(result.stdout)
    assert document["schema_version"] == SCHEMA_VERSION
    assert_valid(SchemaName.DEADLINES, document)


@pytest.mark.parametrize("case", CASES, ids=lambda case: " ".join(case)[:40])
def test_route_json_matches_its_schema(run_cli, case):
    result = run_cli("route", *case, "--format", "json")
    assert result.code == 0, result
    document = json.loads(result.stdout)
    assert document["schema_version"] == SCHEMA_VERSION
    assert_valid(SchemaName.ROUTE, document)


@pytest.mark.parametrize("extra", [[], ["--only", "review-request,civil-claim"]])
def test_every_batch_record_matches_its_schema(run_cli, extra):
    result = run_cli("batch", str(EXAMPLES / "caseload.csv"), "--format", "jsonl", "--today", "2026-11-21", *extra)
    assert result.code in (0, 3), result
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len((EXAMPLES / "caseload.csv").read_text(encoding="utf-8").splitlines()) - 1
    for record in records:
        assert record["schema_version"] == SCHEMA_VERSION
        assert_valid(SchemaName.BATCH, record)


def test_a_row_with_an_error_matches_the_schema(run_cli):
    result = run_cli("batch", "-", "--format", "jsonl", stdin='{"outcome_date": "31/02/2026"}\n')
    record = json.loads(result.stdout)
    assert record["error"]
    assert_valid(SchemaName.BATCH, record)


def test_the_schemas_reject_what_is_wrong(run_cli):
    document = json.loads(run_cli("deadlines", "--example", "--format", "json").stdout)
    document["deadlines"][0]["safe_date"] = "1 March 2026"
    assert not validator(SchemaName.DEADLINES).is_valid(document)
    del document["schema_version"]
    assert not validator(SchemaName.DEADLINES).is_valid(document)


def test_the_schemas_name_every_fact_and_rule():
    """When this fails after a fact or a rule is added: python tools/make_schemas.py."""
    deadlines = json.loads(schema_text(SchemaName.DEADLINES))
    assert set(deadlines["$defs"]["facts"]["properties"]) == {*DATE_FACTS, *CHOICE_FACTS, *FLAG_FACTS}
    deadline = deadlines["$defs"]["deadline"]["properties"]
    assert deadline["id"]["enum"] == list(RULE_IDS)
    assert deadline["strength"]["enum"] == [member.value for member in Strength]
    assert deadline["owner"]["enum"] == [member.value for member in Owner]
    for name, kind in CHOICE_FACTS.items():
        assert deadlines["$defs"]["facts"]["properties"][name]["enum"] == [member.value for member in kind]
    batch = json.loads(schema_text(SchemaName.BATCH))
    stems = {name.rsplit("_status", 1)[0] for name in batch["properties"] if name.endswith("_status")}
    assert stems == {rule_id.replace("-", "_") for rule_id in RULE_IDS}


@pytest.mark.parametrize("name", list(SchemaName))
def test_schema_command_prints_the_shipped_schema(run_cli, tmp_path, name):
    result = run_cli("schema", name.value)
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout == schema_text(name)
    assert json.loads(result.stdout)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    target = tmp_path / f"{name}.json"
    assert run_cli("schema", name.value, "-o", str(target)).code == 0
    assert target.read_text(encoding="utf-8") == schema_text(name)


def test_schema_of_an_unknown_output(run_cli):
    result = run_cli("schema", "rules")
    assert result.code == 2
    assert "'rules' is not one of 'deadlines', 'route', 'batch'" in result.stderr
