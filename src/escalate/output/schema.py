"""The JSON Schemas of escalate's JSON outputs, shipped in the package (escalate/output/schemas/), and the version
every JSON output carries as ``schema_version``.

The version changes when a key is renamed or removed or a value changes meaning; adding a key does not change it.
"""

from __future__ import annotations

from escalate.output.formats import SchemaName

SCHEMA_VERSION = "1"
"""The ``schema_version`` of every JSON document and JSON Lines record escalate writes."""


def schema_text(name: SchemaName | str) -> str:
    """The JSON Schema (draft 2020-12) of one output, as shipped: ``deadlines``, ``route`` or ``batch``."""
    from importlib import resources  # here: every JSON output reads SCHEMA_VERSION, and this import costs 2 ms

    chosen = SchemaName(name)
    return resources.files("escalate.output").joinpath("schemas", f"{chosen.value}.schema.json").read_text("utf-8")
