"""``python -m escalate``."""

from escalate.cli import main

main()
