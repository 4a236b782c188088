"""Caseloads: many cases at once from CSV or JSON Lines, streamed row by row, one row out for each row in."""
