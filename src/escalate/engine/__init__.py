"""Facts in, deadlines and the route out: pure functions over `escalate.law`, returning frozen results.

Never reads the clock, prints, prompts or exits; raises `escalate.errors.EscalateError` subclasses.
"""
