"""Where to send things: the contact details of each body, from one data file (``data/contacts.json``).

Each entry has the body's official page, the details escalate is confident of, the page they come from and
the date they were checked. Nothing is fetched at run time; the official page is always right.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

CONTACTS_FILE = Path(__file__).resolve().parent / "data" / "contacts.json"


class Newer(NamedTuple):
    """A detail from a newer official source that differs from the body's page: shown beside what the page says.

    A NamedTuple, as ``Contact``: a quarter of a dataclass's cost to define, at every start of `escalate route`."""

    text: str
    citation: str
    url: str
    dated: str
    """When the newer source is dated (a year, or a day in ISO form)."""
    page_says: str
    """What the body's own page (the seed) says instead."""

    def __str__(self) -> str:
        return f"{self.text} ({self.citation}, {self.dated}; the page itself still says {self.page_says})"


class Contact(NamedTuple):
    """How to reach one body."""

    key: str
    name: str
    url: str
    """The body's own page for this purpose."""
    details: tuple[str, ...]
    """Means of contact escalate is confident of (an address, a telephone number); may be empty."""
    source: str
    """The page the details were checked against."""
    checked: date
    newer: tuple[Newer, ...] = ()
    """Details taken from a newer official source than ``source``, each with what that page says."""
    seed: str | None = None
    """The seed document (shared/seeds/) the details come from, where they come from one."""


@cache
def contacts() -> Mapping[str, Contact]:
    """Every contact, by key (``mps``, ``mopac``, ``iopc``, ``gla-monitoring-officer`` ...)."""
    document = json.loads(CONTACTS_FILE.read_text(encoding="utf-8"))
    found = {}
    for key, entry in document["contacts"].items():
        newer = tuple(_newer(item) for item in entry["details"] if isinstance(item, dict))
        found[key] = Contact(
            key=key,
            name=entry["name"],
            url=entry["url"],
            details=tuple(item if isinstance(item, str) else str(_newer(item)) for item in entry["details"]),
            source=entry["source"],
            checked=date.fromisoformat(entry["checked"]),
            newer=newer,
            seed=entry.get("seed"),
        )
    return found


def _newer(item: Mapping[str, str]) -> Newer:
    return Newer(item["text"], item["from"], item["url"], item["dated"], item["page_says"])


@cache
def checked_date() -> date:
    """When the contact details as a whole were last checked."""
    return date.fromisoformat(json.loads(CONTACTS_FILE.read_text(encoding="utf-8"))["checked"])


@cache
def contact_line(key: str) -> str:
    """One line saying where to send it: 'Where: NAME: DETAILS. Page: URL' (the URL last, so that nothing
    sticks to it when a terminal or mail program makes it a link)."""
    contact = contacts()[key]
    details = f": {'; '.join(contact.details)}" if contact.details else ""
    return f"Where: {contact.name}{details}. Page: {contact.url}"
