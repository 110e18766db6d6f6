"""The installed `pagecleaner` console command, run as a real subprocess."""
from __future__ import annotations

import gzip
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


def _warc(page: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n" + page
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:7>\r\nWARC-Target-URI: https://example.de/a\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http))
    return head + http + b"\r\n\r\n"


@pytest.mark.parametrize("packed", [False, True], ids=["plain", "gzip"])
def test_a_warc_piped_in_is_read_as_an_archive(packed):
    # A pipe cannot tell FastWARC where it is, and "WARC/1.0" says what the stream is.
    data = _warc(PAGE.read_bytes())
    result = _run("clean", "--format", "jsonl", stdin=gzip.compress(data) if packed else data)
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout)
    assert (record["id"], record["url"], record["title"]) == ("<urn:uuid:7>", "https://example.de/a", _title())


@pytest.mark.parametrize("packed", [False, True], ids=["plain", "gzip"])
def test_jsonl_piped_in_is_read_as_records(packed):
    lines = "".join(json.dumps({"id": f"p{n}", "html": PAGE.read_bytes().decode("cp1252")}) + "\n" for n in range(2))
    data = lines.encode()
    result = _run("clean", "--format", "jsonl", stdin=gzip.compress(data) if packed else data)
    assert result.returncode == 0, result.stderr.decode()
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["p0", "p1"]


def test_a_page_piped_in_that_starts_like_neither_stays_a_page():
    result = _run("clean", "--format", "json", stdin=b"Warc and jsonl aside, this is a line of text.\n")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["text"] == "Warc and jsonl aside, this is a line of text."
