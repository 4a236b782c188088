"""``python -m escalate``."""

from escalate.entry import run

run()
