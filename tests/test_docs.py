"""Every CLI option is documented in README.md and has help text."""
from __future__ import annotations

import re

import click
import pytest

from cleaner.cli import main

from conftest import REPO

README = REPO / "README.md"
OPTIONS = [
    (name, param)
    for name, command in sorted(main.commands.items())
    for param in command.params
    if isinstance(param, click.Option) and param.name != "help"
]


@pytest.mark.parametrize("param", [p for _, p in OPTIONS], ids=[f"{n}:{p.opts[-1]}" for n, p in OPTIONS])
def test_option_has_help_text(param):
    assert param.help and param.help.strip()


@pytest.mark.skipif(not README.exists(), reason="README.md not written yet")
@pytest.mark.parametrize("name, param", OPTIONS, ids=[f"{n}:{p.opts[-1]}" for n, p in OPTIONS])
def test_option_in_readme(name, param):
    readme = README.read_text(encoding="utf-8")
    assert f"pagecleaner {name}" in readme
    missing = [opt for opt in param.opts if not re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", readme)]
    assert missing == []
