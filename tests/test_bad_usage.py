"""Bad usage: one clear line on stderr naming the input and the problem, a documented
exit code, no traceback, and in a batch every good input still cleaned and written."""
from __future__ import annotations

import os
import random
import re

import pytest
from click.testing import CliRunner

from cleaner import batch
from cleaner.cli import main

PROSE = "The river rose all night and by morning the old bridge was closed to traffic."
PAGE = f"<html><body><article><p>{PROSE}</p></article></body></html>"
SUMMARY = re.compile(r"(\d+) documents?: (\d+) cleaned, (\d+) empty, (\d+) failed in \d+\.\d s \([\d.]+ docs/s\)")
BINARIES = {
    "image.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "paper.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Length 5 >> stream\n" + bytes(range(256)) * 4,
    "program": b"\x7fELF\x02\x01\x01" + b"\x00" * 1000,
    "noise.bin": random.Random(1).randbytes(4000),
}


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _one_line(result, name: str, problem: str) -> None:
    lines = [line for line in result.stderr.splitlines() if not SUMMARY.fullmatch(line)]
    assert lines == [f"Error: {name}: {problem}"], result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(BINARIES))
def test_binary_files(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BINARIES[name])
    result = _run("clean", str(path))
    assert result.exit_code == 1
    _one_line(result, str(path), "no text found (binary file?)")


def test_missing_file(tmp_path):
    result = _run("clean", str(tmp_path / "nope.html"))
    assert result.exit_code == 1
    _one_line(result, str(tmp_path / "nope.html"), "no such file")


def test_a_name_with_a_newline_is_reported_on_one_line(tmp_path):
    name = str(tmp_path / "two\nlines\x1b[31m.html")
    result = _run("clean", name)
    assert result.exit_code == 1
    _one_line(result, repr(name), "no such file")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder(tmp_path):
    (tmp_path / "locked.html").write_text(PAGE)
    (tmp_path / "locked.html").chmod(0)
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.html").write_text(PAGE)
    (tmp_path / "closed").chmod(0)
    try:
        result = _run("clean", str(tmp_path), "-o", str(tmp_path / "out"))
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'locked.html'}: permission denied" in result.stderr
    assert "cannot list folder" in result.stderr and "Traceback" not in result.output


def test_symlink_loops_named_or_inside_a_folder(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "good.html").write_text(PAGE)
    os.symlink("loop-b", tmp_path / "pages" / "loop-a.html")
    os.symlink("loop-a.html", tmp_path / "pages" / "loop-b")
    os.symlink("..", tmp_path / "pages" / "parent")  # a folder loop: not followed
    named = _run("clean", str(tmp_path / "pages" / "loop-a.html"))
    assert named.exit_code == 1
    _one_line(named, str(tmp_path / "pages" / "loop-a.html"), "Too many levels of symbolic links")
    walked = _run("clean", str(tmp_path / "pages"), "-o", str(tmp_path / "out"))
    assert walked.exit_code == 0, walked.output  # the looping link is not a page; the folder link is not walked
    assert sorted(p.name for p in (tmp_path / "out").rglob("*")) == ["good.md"]


def test_odd_file_names_are_cleaned_and_named_back(tmp_path):
    names = ["with space.html", "new\nline.html", "café – 東京.html", "-dash.html"]
    (tmp_path / "in").mkdir()
    for name in names:
        (tmp_path / "in" / name).write_text(PAGE, encoding="utf-8")
    result = _run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(n.replace(".html", ".md") for n in names)
    assert all(PROSE in (tmp_path / "out" / n).read_text(encoding="utf-8") for n in written)


@pytest.mark.parametrize("args, message", [
    (["--format", "pdf"], "Invalid value for '-f' / '--format'"),
    (["--workers", "0"], "Invalid value for '-w' / '--workers'"),
    (["--max-size", "-3"], "Invalid value for '--max-size'"),
    (["--max-lines", "many"], "Invalid value for '--max-lines'"),
    (["--input-kind", "pdf"], "Invalid value for '--input-kind'"),
    (["--no-such-option"], "No such option"),
])
def test_bad_option_values_are_usage_errors(tmp_path, args, message):
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    result = _run("clean", str(page), *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_unwritable_output_path(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = _run("clean", str(page), "-o", str(blocker / "out.md"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {page}: cannot write output:") and "Traceback" not in result.output


def test_a_batch_cleans_every_good_input_and_counts_the_failures(tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"good{i}.html").write_text(PAGE)
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "image.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    result = _run("clean", str(tmp_path / "in"), str(tmp_path / "missing.html"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert SUMMARY.fullmatch(result.stderr.splitlines()[-1]).groups() == ("6", "3", "1", "2")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["empty.md", "good0.md", "good1.md", "good2.md"]


def test_a_bug_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch):
    def broken(data, **kwargs):
        if b"boom" in data:
            raise ZeroDivisionError("division by zero")
        return real(data, **kwargs)

    real = batch.clean
    monkeypatch.setattr(batch, "clean", broken)
    (tmp_path / "a.html").write_text(PAGE)
    (tmp_path / "b.html").write_text("<p>boom</p>")
    result = _run("clean", str(tmp_path / "a.html"), str(tmp_path / "b.html"), "--format", "jsonl", "--workers", "1")
    assert result.exit_code == 1 and PROSE in result.stdout
    _one_line(result, str(tmp_path / "b.html"),
              "internal error (ZeroDivisionError: division by zero); please report it, --traceback shows where")


def test_traceback_option_shows_a_bug_instead_of_one_line(tmp_path, monkeypatch):
    def broken(data, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(batch, "clean", broken)
    (tmp_path / "a.html").write_text(PAGE)
    result = _run("clean", str(tmp_path / "a.html"), "--traceback", "--workers", "1")
    assert isinstance(result.exception, ZeroDivisionError)


def test_a_url_argument_in_bytes_that_are_not_utf8_gives_valid_utf8_json(tmp_path):
    # Python keeps such bytes of argv as lone surrogates, and the JSON output carried the
    # raw byte on: output that is not UTF-8.
    import json
    import subprocess
    import sys

    page = tmp_path / "page.html"
    page.write_text("<p>The river rose all night and by morning the old bridge was closed.</p>", encoding="utf-8")
    done = subprocess.run([sys.executable.encode(), b"-m", b"cleaner", b"--url", b"https://x.example/\xff",
                           str(page).encode(), b"-f", b"json"], capture_output=True, check=True)
    assert json.loads(done.stdout.decode("utf-8"))["url"] == "https://x.example/\ufffd"


@pytest.mark.parametrize("kind", ["folder", "jsonl", "several"])
def test_many_documents_without_somewhere_to_put_them_say_what_makes_them_many(tmp_path, kind):
    # A folder or a JSONL file is many documents even when it holds one: the usage error
    # names it, rather than speak of "several inputs" the user never gave.
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(PAGE)
    (tmp_path / "dump.jsonl").write_text('{"html": "%s"}\n' % PAGE.replace('"', '\\"'))
    inputs = {"folder": [str(tmp_path / "pages")], "jsonl": [str(tmp_path / "dump.jsonl")],
              "several": [str(tmp_path / "pages" / "a.html"), str(tmp_path / "dump.jsonl")]}[kind]
    result = _run("clean", *inputs)
    assert result.exit_code == 2 and "Traceback" not in result.output
    expected = {"folder": f"{inputs[0]} is a folder of pages", "jsonl": f"{inputs[0]} holds many documents (jsonl)",
                "several": "several inputs"}[kind]
    assert f"Error: {expected}: give -o DIR for one file each, or use --format jsonl" in result.stderr
