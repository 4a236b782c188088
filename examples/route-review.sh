#!/bin/sh
# The outcome letter has come (dated 3 November 2026): what to do now, who reviews it, and by when.
# --today fixes the date counted from, so that the output is the same every day.
set -eu
escalate route --today 2026-11-21 \
    --incident-date 10/01/2026 --complaint-date 2026-02-02 --outcome-date "3 November 2026" \
    --schedule3 yes --investigation mps --detained yes
