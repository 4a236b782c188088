"""What the law says: named counting conventions, calendars and court closures, the rules table, contacts.

Pure data and pure functions, each with its legal source. Imports nothing from the layers above.
"""
