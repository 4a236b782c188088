#!/bin/sh
# A complaint about the Commissioner, not yet made, as a page to print or send to an adviser.
set -eu
escalate route --today 2026-11-21 --about commissioner --incident-date 2026-10-01 --format markdown
