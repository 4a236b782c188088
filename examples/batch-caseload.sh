#!/bin/sh
# An adviser's caseload (invented cases): each row comes back with every deadline, the soonest one,
# the next step and the review body. --today fixes the date counted from, so the output is the same
# every day; -o writes the result to a file instead of the screen.
set -eu
cd "$(dirname "$0")"
escalate batch caseload.csv --today 2026-11-21
