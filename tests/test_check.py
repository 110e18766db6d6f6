"""`pagecleaner check`: saved pages against their expected output, through the real CLI."""
from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from cleaner.cli import main

from conftest import FIXTURES, REPO

PROSE = ("The council voted on Tuesday to restore the ferry service to the island after six years of "
         "delays, and residents welcomed the decision at a crowded meeting in the harbour hall.")
MORE = "The first boats will sail in May, with four crossings a day in summer and two in winter."
PAGE = f"""<html><head><title>Ferry service restored</title>
<meta name="author" content="Ada Lovelace"><meta property="article:published_time" content="2025-03-04"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry service restored</h1><p>{PROSE}</p><p>{MORE}</p></article>
<footer>Copyright 2025 Island News. All rights reserved.</footer></body></html>"""


def _run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


@pytest.fixture
def folder(tmp_path):
    """A fixture folder of two pages made with --init, one of them in windows-1251."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "ferry.html").write_text(PAGE, encoding="utf-8")
    russian = PAGE.replace(PROSE, "Совет проголосовал во вторник за восстановление паромного сообщения с островом.")
    (tmp_path / "pages" / "ferry-ru.html").write_bytes(russian.replace("<head>", '<head><meta charset="windows-1251">')
                                                       .encode("cp1251"))
    made = _run("--init", str(tmp_path / "fx"), str(tmp_path / "pages" / "ferry.html"), str(tmp_path / "pages" / "ferry-ru.html"))
    assert made.exit_code == 0, made.output
    return tmp_path / "fx"


def test_init_makes_fixtures_that_pass(folder):
    assert sorted(p.name for p in folder.iterdir()) == [
        "ferry-ru.expected.md", "ferry-ru.html", "ferry.expected.md", "ferry.html"]
    result = _run(str(folder))
    assert result.exit_code == 0
    assert result.stdout == f"PASS {folder / 'ferry-ru.html'}\nPASS {folder / 'ferry.html'}\n2 passed, 0 failed\n"
    assert "восстановление паромного" in (folder / "ferry-ru.expected.md").read_text(encoding="utf-8")


def test_init_never_overwrites(folder, tmp_path):
    again = _run("--init", str(folder), str(tmp_path / "pages" / "ferry.html"))
    assert again.exit_code == 2 and "exists already" in again.stderr


def test_a_changed_output_fails_with_a_diff(folder):
    expected = folder / "ferry.expected.md"
    expected.write_text(expected.read_text(encoding="utf-8").replace("restore the ferry", "revive the ferry"), encoding="utf-8")
    result = _run(str(folder))
    assert result.exit_code == 1
    assert f"FAIL {folder / 'ferry.html'}: output differs from ferry.expected.md" in result.stdout
    assert "-The council voted on Tuesday to revive the ferry" in result.stdout
    assert "+The council voted on Tuesday to restore the ferry" in result.stdout
    assert result.stdout.endswith("1 passed, 1 failed\n")


def test_update_rewrites_only_failing_fixtures_and_only_those_named(folder):
    ferry, ferry_ru = folder / "ferry.expected.md", folder / "ferry-ru.expected.md"
    for path in (ferry, ferry_ru):
        path.write_text(path.read_text(encoding="utf-8") + "stale line\n", encoding="utf-8")
    named = _run(str(folder / "ferry.html"), "--update")
    assert named.exit_code == 0
    assert "stale line" not in ferry.read_text(encoding="utf-8")
    assert "stale line" in ferry_ru.read_text(encoding="utf-8")  # not named: untouched
    before = os.stat(ferry).st_mtime_ns
    everything = _run(str(folder), "--update")
    assert everything.exit_code == 0 and "stale line" not in ferry_ru.read_text(encoding="utf-8")
    assert os.stat(ferry).st_mtime_ns == before  # passing: never rewritten
    assert everything.stdout.count("UPDATED") == 1


@pytest.mark.parametrize("suffix", [".expect.toml", ".expect.json"])
def test_sidecar_expectations(folder, suffix):
    sidecar = folder / f"ferry{suffix}"
    good = {"contains": ["four crossings a day"], "excludes": ["All rights reserved"],
            "title": "Ferry service restored", "author": "Ada Lovelace", "date": "2025-03-04"}
    bad = {"contains": ["six boats"], "excludes": ["crowded meeting"], "author": "Charles Babbage"}
    for expectations, code in ((good, 0), (bad, 1)):
        if suffix == ".expect.json":
            import json
            sidecar.write_text(json.dumps(expectations), encoding="utf-8")
        else:
            sidecar.write_text("\n".join(f"{k} = {_toml(v)}" for k, v in expectations.items()), encoding="utf-8")
        result = _run(str(folder / "ferry.html"))
        assert result.exit_code == code, result.output
    assert ("FAIL " + str(folder / "ferry.html") + ": body lacks 'six boats'; body holds 'crowded meeting'; "
            "author is 'Ada Lovelace', expected 'Charles Babbage'") in result.stdout


def _toml(value):
    return "[" + ", ".join(f'"{v}"' for v in value) + "]" if isinstance(value, list) else f'"{value}"'


def test_min_f1_instead_of_exact_equality(folder):
    expected = folder / "ferry.expected.md"
    original = expected.read_text(encoding="utf-8")
    (folder / "ferry.expect.toml").write_text("min_f1 = 0.9\n", encoding="utf-8")
    expected.write_text(original.replace("crowded meeting", "busy meeting"), encoding="utf-8")
    assert _run(str(folder / "ferry.html")).exit_code == 0  # one word of fifty differs: F1 0.98
    expected.write_text(original.replace(PROSE, "Something else entirely."), encoding="utf-8")
    result = _run(str(folder / "ferry.html"))
    assert result.exit_code == 1 and "below min_f1 0.9" in result.stdout


def test_expected_json_output(folder):
    (folder / "ferry.expected.md").unlink()
    (folder / "ferry.expected.json").write_text("{}\n", encoding="utf-8")
    assert _run(str(folder / "ferry.html"), "--update").exit_code == 0
    assert '"author": "Ada Lovelace"' in (folder / "ferry.expected.json").read_text(encoding="utf-8")
    assert _run(str(folder / "ferry.html")).exit_code == 0


def test_missing_expected_output_and_bad_sidecar_are_clear_failures(folder):
    (folder / "ferry.expected.md").unlink()
    (folder / "ferry-ru.expect.toml").write_text("contians = ['x']\n", encoding="utf-8")
    result = _run(str(folder))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (f"FAIL {folder / 'ferry.html'}: no expected output (ferry.expected.md); "
            "run with --update to write it from the current cleaner") in result.stdout
    assert f"FAIL {folder / 'ferry-ru.html'}: ferry-ru.expect.toml: unknown keys contians" in result.stdout
    (folder / "ferry-ru.expect.toml").write_text("input_kind = 'htm'\n", encoding="utf-8")
    result = _run(str(folder / "ferry-ru.html"))
    assert result.exit_code == 1
    assert "ferry-ru.expect.toml: input_kind 'htm' is not one of auto, html, text, markdown" in result.stdout


def test_junit_report_and_github_annotations(folder, tmp_path):
    expected = folder / "ferry.expected.md"
    expected.write_text(expected.read_text(encoding="utf-8").replace("restore", "revive"), encoding="utf-8")
    report = tmp_path / "report.xml"
    result = _run(str(folder), "--junit", str(report), "--github")
    assert result.exit_code == 1
    suite = ET.parse(report).getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    failing = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failing] == ["ferry.html"]
    assert "+The council voted on Tuesday to restore" in failing[0].find("failure").text
    assert f"::error file={folder / 'ferry.html'},title=pagecleaner check::output differs from ferry.expected.md" \
        in result.stdout.splitlines()


def test_usage_errors(tmp_path):
    assert _run(str(tmp_path / "nowhere")).exit_code == 2
    (tmp_path / "empty").mkdir()
    assert _run(str(tmp_path / "empty")).exit_code == 2
    assert _run("--init", str(tmp_path / "fx")).exit_code == 2


def test_the_project_fixtures_pass_and_the_report_is_the_same_whatever_the_hash_seed():
    reports = set()
    for seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-m", "cleaner", "check", str(FIXTURES)], capture_output=True,
                             text=True, cwd=REPO, env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stdout + run.stderr
        reports.add(run.stdout)
    assert len(reports) == 1 and "0 failed" in reports.pop()


def test_an_expected_file_that_is_not_utf8_fails_in_one_line(folder):
    (folder / "ferry.expected.md").write_bytes(b"\xff\xfe not UTF-8 at all")
    result = _run(str(folder))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"FAIL {folder / 'ferry.html'}: ferry.expected.md: cannot read ('utf-8' codec can't decode" in result.output
    assert "1 passed, 1 failed" in result.output  # the other fixture is still checked
