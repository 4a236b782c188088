"""escalate: what to do next about a stalled complaint against the Metropolitan Police, and by when.

Library use::

    from datetime import date
    from escalate import Facts, compute_deadlines

    report = compute_deadlines(Facts(today=date(2026, 11, 21), outcome_date=date(2026, 11, 3)))
    for deadline in report.deadlines:
        print(deadline.id, deadline.safe_date, deadline.status)

    route = plan_route(Facts(today=date(2026, 11, 21), outcome_date=date(2026, 11, 3)))
    print(route.now.title, route.review_body)

General information, not legal advice.
"""

from escalate.engine import DISCLAIMER, Calculation, Deadline, Report, Warning, calculate, compute_deadlines
from escalate.errors import DateFormatError, EscalateError, ExitCode, InputError
from escalate.facts import About, Facts, Investigation, ReviewBody, Schedule3
from escalate.route import Route, Step, plan_route
from escalate.rules import RULES, RULES_BY_ID, Owner, Rule, Source, Strength

__version__ = "0.1.0"

__all__ = [
    "DISCLAIMER",
    "RULES",
    "RULES_BY_ID",
    "About",
    "Calculation",
    "DateFormatError",
    "Deadline",
    "EscalateError",
    "ExitCode",
    "Facts",
    "InputError",
    "Investigation",
    "Owner",
    "Report",
    "ReviewBody",
    "Route",
    "Rule",
    "Schedule3",
    "Source",
    "Step",
    "Strength",
    "Warning",
    "__version__",
    "calculate",
    "compute_deadlines",
    "plan_route",
]
