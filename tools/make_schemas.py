"""Regenerate the JSON Schemas shipped in src/escalate/output/schemas/ from the code's own tables (facts, rule
ids, owners, strengths): `python tools/make_schemas.py`. tests/test_schema.py checks the shipped files against
real output and against these tables, and says to run this when a fact or rule is added.
"""

import json
from pathlib import Path

from escalate.engine.facts import CHOICE_FACTS, DATE_FACTS, FLAG_FACTS
from escalate.law.rules import RULE_IDS, Owner, Strength
OUT = Path(__file__).resolve().parent.parent / "src" / "escalate" / "output" / "schemas"
BASE = "https://github.com/escalate-uk/escalate/blob/main/src/escalate/output/schemas/"
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
VERSION = {"const": "1", "description": "The version of this schema; it changes when a key is renamed or removed, or a value changes meaning."}
facts = {"type": "object", "description": "The facts given (defaults left out), under their names of RULES.md s.1.", "additionalProperties": False, "properties": {}}
for name in DATE_FACTS:
    facts["properties"][name] = {**DATE}
for name, kind in CHOICE_FACTS.items():
    facts["properties"][name] = {"type": "string", "enum": [m.value for m in kind]}
for name in FLAG_FACTS:
    facts["properties"][name] = {"type": "boolean"}
source = {"type": "object", "additionalProperties": False, "required": ["citation", "url"], "properties": {"citation": {"type": "string", "minLength": 1}, "url": {"type": "string", "pattern": "^https://"}}}
status = {"type": "string", "enum": ["passed", "at-risk", "due-soon", "open"]}
deadline = {
    "type": "object", "additionalProperties": False,
    "required": ["id", "title", "action", "owner", "body", "trigger", "trigger_date", "period", "safe_date", "last_day", "latest_date", "days_left", "status", "strength", "source", "steps", "notes"],
    "properties": {
        "id": {"type": "string", "enum": list(RULE_IDS)},
        "title": {"type": "string"}, "action": {"type": "string"},
        "owner": {"type": "string", "enum": [m.value for m in Owner]},
        "body": {"type": "string"},
        "trigger": {"type": "string", "description": "The fact the period runs from."},
        "trigger_date": DATE, "period": {"type": "string"},
        "safe_date": {**DATE, "description": "Act by this day: the earliest reading of the law."},
        "last_day": {**DATE, "description": "The last day of the period, as counted."},
        "latest_date": {**DATE, "description": "The latest arguable day (after a roll to the next open day)."},
        "days_left": {"type": "integer", "description": "Days from today to safe_date; negative once passed."},
        "status": status,
        "strength": {"type": "string", "enum": [m.value for m in Strength]},
        "source": {"$ref": "#/$defs/source"},
        "steps": {"type": "array", "items": {"type": "string"}},
        "notes": {"type": "array", "items": {"type": "string"}},
    },
}
warning = {"type": "object", "additionalProperties": False, "required": ["id", "text"], "properties": {"id": {"type": "string", "pattern": "^[a-z0-9-]+$"}, "text": {"type": "string", "minLength": 1}}}
defs = {"facts": facts, "deadline": deadline, "warning": warning, "source": source}
common = {"schema_version": VERSION, "today": DATE, "regime": {"type": "string", "enum": ["2020", "2012"]}}
deadlines = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "deadlines.schema.json",
    "title": "escalate deadlines --format json",
    "description": "Every deadline the facts allow, soonest safe date first, with the warnings that go with them.",
    "type": "object", "additionalProperties": False,
    "required": ["schema_version", "today", "regime", "facts", "deadlines", "warnings", "disclaimer"],
    "properties": {**common, "facts": {"$ref": "#/$defs/facts"}, "deadlines": {"type": "array", "items": {"$ref": "#/$defs/deadline"}}, "warnings": {"type": "array", "items": {"$ref": "#/$defs/warning"}}, "disclaimer": {"type": "string"}},
    "$defs": defs,
}
step = {"type": "object", "additionalProperties": False, "required": ["id", "title", "status", "body", "why", "how", "source", "deadlines"],
    "properties": {"id": {"type": "string", "pattern": "^[a-z0-9-]+$"}, "title": {"type": "string"}, "status": {"type": "string", "enum": ["done", "now", "next", "also", "unavailable"]},
    "body": {"type": "string"}, "why": {"type": "string"}, "how": {"type": "string"}, "source": {"$ref": "#/$defs/source"},
    "deadlines": {"type": "array", "items": {"type": "string", "enum": list(RULE_IDS)}, "description": "The ids of the deadlines that belong to this step."}}}
route = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "route.schema.json",
    "title": "escalate route --format json",
    "description": "What to do next: the steps (exactly one with status now), who reviews, the deadlines and warnings.",
    "type": "object", "additionalProperties": False,
    "required": ["schema_version", "today", "regime", "review_body", "steps", "deadlines", "warnings", "disclaimer"],
    "properties": {**common, "review_body": {"type": ["string", "null"], "enum": ["mopac", "iopc", "letter", None], "description": "letter: the 2012 rules say to follow the outcome letter; null: no review is available."},
        "steps": {"type": "array", "items": {"$ref": "#/$defs/step"}, "contains": {"properties": {"status": {"const": "now"}}}, "minContains": 1, "maxContains": 1},
        "deadlines": {"type": "array", "items": {"$ref": "#/$defs/deadline"}}, "warnings": {"type": "array", "items": {"$ref": "#/$defs/warning"}}, "disclaimer": {"type": "string"}},
    "$defs": {"step": step, "deadline": deadline, "warning": warning, "source": source},
}
nullable_date = {"anyOf": [DATE, {"type": "null"}]}
added = {}
for rule in RULE_IDS:
    stem = rule.replace("-", "_")
    for part in ("safe_date", "last_day", "latest_date"):
        added[f"{stem}_{part}"] = nullable_date
    added[f"{stem}_status"] = {"anyOf": [status, {"type": "null"}]}
    added[f"{stem}_days_left"] = {"type": ["integer", "null"]}
added.update({
    "next_deadline": {"type": ["string", "null"], "description": "The id of the deadline to act on first."},
    "next_deadline_date": nullable_date,
    "next_step": {"type": ["string", "null"], "description": "The id of the route's step to take now."},
    "review_body": {"type": ["string", "null"]},
    "warnings": {"type": ["array", "null"], "items": {"type": "string"}, "description": "Warning ids; null when the row has an error."},
    "error": {"type": ["string", "null"], "description": "Why the row could not be computed; null when it was."},
    "schema_version": VERSION,
})
batch = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "batch.schema.json",
    "title": "escalate batch --format jsonl: one line",
    "description": "One JSON object per case, in input order: the input's fields unchanged, then these. With --only, only the chosen rules' fields.",
    "type": "object",
    "required": ["next_deadline", "next_deadline_date", "next_step", "review_body", "warnings", "error", "schema_version"],
    "properties": added,
}
for name, doc in (("deadlines", deadlines), ("route", route), ("batch", batch)):
    with open(OUT / f"{name}.schema.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False); f.write("\n")
