"""``python -m escalate``."""

from escalate.cli.entry import run

run()
