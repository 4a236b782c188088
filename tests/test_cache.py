"""The bank-holiday cache: built once, read back identically, optional, and harmless when unwritable."""

from __future__ import annotations

from datetime import date

import pytest

from escalate.law import calendars


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """Empty the in-process caches so each test reads or builds the table anew."""
    monkeypatch.setenv("ESCALATE_CACHE_DIR", str(tmp_path))
    for function in (calendars._holiday_table, calendars._holiday_ordinals, calendars.bank_holidays):
        function.cache_clear()
    yield tmp_path
    for function in (calendars._holiday_table, calendars._holiday_ordinals, calendars.bank_holidays):
        function.cache_clear()


def test_cache_written_then_read_back_identically(fresh):
    built = dict(calendars.bank_holidays())
    files = list(fresh.glob("bank-holidays-*.txt"))
    assert len(files) == 1
    calendars._holiday_table.cache_clear()
    calendars.bank_holidays.cache_clear()
    assert dict(calendars.bank_holidays()) == built
    assert built[date(2026, 12, 28)] == "Boxing Day (observed)"


def test_stale_or_corrupt_cache_is_rebuilt(fresh):
    calendars.bank_holidays()
    path = next(fresh.glob("bank-holidays-*.txt"))
    path.write_text("escalate bank holidays, format 0, holidays 0.1\n1 nonsense\n", encoding="utf-8")
    calendars._holiday_table.cache_clear()
    calendars.bank_holidays.cache_clear()
    assert date(2026, 4, 6) in calendars.bank_holidays()  # Easter Monday 2026
    assert path.read_text(encoding="utf-8").startswith(calendars._cache_header(calendars._holidays_version()))


def test_no_cache_when_turned_off(fresh, monkeypatch):
    monkeypatch.setenv("ESCALATE_NO_CACHE", "1")
    assert date(2025, 12, 25) in calendars.bank_holidays()
    assert list(fresh.iterdir()) == []


def test_unwritable_cache_folder_is_harmless(fresh, monkeypatch):
    blocker = fresh / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ESCALATE_CACHE_DIR", str(blocker / "cache"))
    assert calendars.is_working_day(date(2026, 4, 3)) is False  # Good Friday 2026


def test_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("ESCALATE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = calendars._cache_path("0.99")
    assert path == tmp_path / "escalate" / "bank-holidays-0.99.txt"
    assert calendars._cache_path("unknown") is None


def test_holidays_version_matches_the_installed_package():
    from importlib.metadata import version

    assert calendars._holidays_version() == version("holidays")
