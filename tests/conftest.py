"""Shared test helpers: run the real `escalate` entry point (with its error handling) in-process."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from escalate.cli.app import main


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No colour, a fixed width, and a private cache folder: output is the same on every machine."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("ESCALATE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("ESCALATE_DEBUG", raising=False)


@pytest.fixture
def run_cli() -> Iterator[Callable[..., CliResult]]:
    """Call ``escalate ARGS`` through ``escalate.cli.app.main`` and return exit code, stdout and stderr."""

    def run(*args: str, stdin: str | bytes = "") -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        raw = stdin.encode() if isinstance(stdin, str) else stdin
        fake_in = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sys, "stdout", out)
            patch.setattr(sys, "stderr", err)
            patch.setattr(sys, "stdin", fake_in)
            try:
                main(list(args))
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
            else:  # pragma: no cover - main always exits
                code = 0
        return CliResult(code, out.getvalue(), err.getvalue())

    yield run


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
