"""Renderers: results to text for people (rich), to JSON, CSV, markdown and iCalendar for programs.

The only layer, with the CLI, that imports rich; consoles are made per call, never at import.
"""
