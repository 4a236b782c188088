"""Documents drafted from a case's facts: letters to send, and the timeline of a case file.

Above the engine (every date in a document is the engine's) and beside caseloads; renders its own formats.
"""
