"""escalate: what to do next about a stalled complaint against the Metropolitan Police, and by when.

Library use (these examples run in the test suite)::

    >>> from datetime import date
    >>> from escalate import Facts, compute_deadlines, plan_route
    >>> facts = Facts(today=date(2026, 11, 21), outcome_date=date(2026, 11, 3))
    >>> report = compute_deadlines(facts)
    >>> for deadline in report.deadlines:
    ...     print(deadline.id, deadline.safe_date, deadline.status)
    review-request 2026-12-01 due-soon
    >>> route = plan_route(facts, report=report)
    >>> print(route.now.title, "·", route.review_body)
    Ask for a review of the outcome · mopac

General information, not legal advice.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from escalate.engine.calculate import calculate
    from escalate.engine.deadlines import compute_deadlines
    from escalate.engine.facts import About, Facts, Investigation, ReviewBody, Schedule3
    from escalate.engine.results import DISCLAIMER, Calculation, CaseWarning, Deadline, Report
    from escalate.engine.route import Route, Step, plan_route
    from escalate.errors import DateFormatError, EscalateError, ExitCode, InputError
    from escalate.law.rules import RULES, RULES_BY_ID, Owner, Rule, Source, Strength

__version__ = "0.1.0"

_LAZY = {
    **dict.fromkeys(("calculate",), "escalate.engine.calculate"),
    **dict.fromkeys(("compute_deadlines",), "escalate.engine.deadlines"),
    **dict.fromkeys(("About", "Facts", "Investigation", "ReviewBody", "Schedule3"), "escalate.engine.facts"),
    **dict.fromkeys(("DISCLAIMER", "Calculation", "CaseWarning", "Deadline", "Report"), "escalate.engine.results"),
    **dict.fromkeys(("Route", "Step", "plan_route"), "escalate.engine.route"),
    **dict.fromkeys(("DateFormatError", "EscalateError", "ExitCode", "InputError"), "escalate.errors"),
    **dict.fromkeys(("RULES", "RULES_BY_ID", "Owner", "Rule", "Source", "Strength"), "escalate.law.rules"),
}
"""Where each public name lives. They are loaded when first asked for, so that a command loads only the part of
the engine it uses: `escalate deadlines --help` needs no rule and no calculation, `escalate deadlines` no route."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'escalate' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "DISCLAIMER",
    "RULES",
    "RULES_BY_ID",
    "About",
    "Calculation",
    "CaseWarning",
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
    "__version__",
    "calculate",
    "compute_deadlines",
    "plan_route",
]
