"""Every example a user may copy runs: the docstring examples of the package and the README's Python blocks
(issue 12); and ``from escalate import *`` shadows no built-in name."""

from __future__ import annotations

import builtins
import doctest
import importlib
import pkgutil
import re
import shutil
from pathlib import Path

import pytest

import escalate

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


def modules() -> list[str]:
    names = ["escalate"]
    names += [info.name for info in pkgutil.walk_packages(escalate.__path__, "escalate.") if not info.ispkg]
    return [name for name in names if name not in ("escalate.__main__", "escalate.cli.reference")]


def test_every_module_is_searched():
    assert {"escalate", "escalate.output.ics", "escalate.cli.app"} <= set(modules())


@pytest.mark.parametrize("name", modules())
def test_docstring_examples_run(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an example may write a file
    module = importlib.import_module(name)
    tests = [test for test in doctest.DocTestFinder().find(module, name) if test.examples]
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in tests:
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} docstring example(s) of {name} fail (see the output above)"


def test_docstring_examples_exist_where_the_docs_promise_them():
    for name in ("escalate", "escalate.output.ics"):
        module = importlib.import_module(name)
        assert any(test.examples for test in doctest.DocTestFinder().find(module, name)), name


def test_readme_has_python_blocks():
    assert len(PYTHON_BLOCKS) >= 3


@pytest.mark.parametrize("block", PYTHON_BLOCKS, ids=lambda block: block.splitlines()[-1][:40])
def test_readme_python_blocks_run(block, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "examples" / "caseload.csv", tmp_path / "caseload.csv")  # the file the batch example reads
    exec(compile(block, "README.md", "exec"), {"__name__": "__readme__"})
    assert capsys.readouterr().err == ""


def test_star_import_shadows_no_builtin():
    namespace: dict[str, object] = {}
    exec("from escalate import *", namespace)
    shadowed = sorted(set(namespace) - {"__builtins__"} & set(dir(builtins)))
    assert shadowed == []
    assert set(escalate.__all__) <= set(namespace)  # every public name, the lazy ones included
