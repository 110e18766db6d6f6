"""The installed `pagecleaner` console command, run as a real subprocess."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import FIXTURES

COMMAND = shutil.which("pagecleaner")
PAGE = FIXTURES / "news-de-cp1252.html"

pytestmark = [
    pytest.mark.skipif(COMMAND is None, reason="pagecleaner is not installed (pip install -e .)"),
    pytest.mark.skipif(not PAGE.exists(), reason=f"fixture {PAGE.name} not found"),
]


def _title() -> str:
    return json.loads(PAGE.with_name("news-de-cp1252.checks.json").read_text(encoding="utf-8"))["title"]


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, *args], input=stdin, capture_output=True, timeout=120)


def test_file():
    result = _run(str(PAGE))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8").splitlines()[0] == f"# {_title()}"


def test_stdin():
    result = _run("clean", "--format", "json", stdin=PAGE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert (data["source"], data["title"]) == ("-", _title())


def test_bad_file(tmp_path):
    bad = tmp_path / "page.bin"
    bad.write_bytes(bytes(range(256)) * 40)
    result = _run(str(bad))
    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert stderr == f"Error: {bad}: no text found (binary file?)\n"
    assert "Traceback" not in stderr and result.stdout == b""
