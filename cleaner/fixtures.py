"""Fixture checks: saved pages cleaned again and compared with the output they should give.

A fixture is a page (`NAME.html`, `.htm`, `.txt`, in any encoding) with, beside it, its
expected output (`NAME.expected.md`, Markdown with front matter, and/or
`NAME.expected.json`) and optionally a sidecar of expectations (`NAME.expect.toml` or
`NAME.expect.json`): phrases the body must and must not hold, the title, author and
date, and a minimum word F1 against the expected body to use instead of exact equality.
"""
from __future__ import annotations

import difflib
import json
import re
import shutil
import time
import tomllib
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import CleanerError
from .options import INPUT_KINDS, Options
from .pipeline import clean
from .records import Document
from .writers import to_dict, to_markdown

PAGE_SUFFIXES = (".html", ".htm", ".txt")
EXPECTED = {".expected.md": "markdown", ".expected.json": "json"}
SIDECARS = (".expect.toml", ".expect.json")
SIDECAR_KEYS = {"contains", "excludes", "title", "author", "date", "min_f1", "input_kind", "url", "description"}
WORD = re.compile(r"\w+")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


class FixtureError(CleanerError):
    """A fixture cannot be checked as it stands (a bad sidecar, nothing to compare with)."""


@dataclass(frozen=True, slots=True)
class Fixture:
    page: Path
    expected: tuple[Path, ...]  # the expected outputs that exist
    sidecar: Path | None

    @property
    def name(self) -> str:
        return self.page.name


@dataclass(frozen=True, slots=True)
class Outcome:
    """What checking one fixture found: the expectations that broke (empty: it passed)
    and, for outputs that differ, unified diffs of expected against actual."""

    fixture: Fixture
    problems: tuple[str, ...] = ()
    diffs: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return not self.problems


def stem(page: Path) -> str:
    return page.name[: -len(page.suffix)]


def fixture_of(page: Path) -> Fixture:
    base = page.with_name(stem(page))
    expected = tuple(p for p in (Path(f"{base}{suffix}") for suffix in EXPECTED) if p.exists())
    sidecar = next((p for p in (Path(f"{base}{suffix}") for suffix in SIDECARS) if p.exists()), None)
    return Fixture(page, expected, sidecar)


def find(paths: list[Path]) -> list[Fixture]:
    """The fixtures in the given folders (not recursive) and the given pages, sorted by
    path so a report reads the same on every machine."""
    pages: set[Path] = set()
    for path in paths:
        if path.is_dir():
            pages.update(p for p in path.iterdir() if _is_page(p))
        else:
            pages.add(path)
    return [fixture_of(p) for p in sorted(pages)]


def _is_page(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in PAGE_SUFFIXES and not path.name.startswith(".")


def read_sidecar(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (OSError, ValueError) as exc:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        raise FixtureError(f"{path.name}: cannot read expectations ({exc})") from None
    except RecursionError:
        raise FixtureError(f"{path.name}: cannot read expectations (nested too deep)") from None
    if not isinstance(data, dict):
        raise FixtureError(f"{path.name}: expectations must be a table of keys")
    unknown = sorted(set(data) - SIDECAR_KEYS)
    if unknown:
        raise FixtureError(f"{path.name}: unknown keys {', '.join(unknown)} (known: {', '.join(sorted(SIDECAR_KEYS))})")
    if "input_kind" in data and data["input_kind"] not in INPUT_KINDS:
        raise FixtureError(f"{path.name}: input_kind {data['input_kind']!r} is not one of {', '.join(INPUT_KINDS)}")
    return data


def render(doc: Document, form: str) -> str:
    """A document as the expected files hold it."""
    if form == "json":
        return json.dumps(to_dict(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return to_markdown(doc, front_matter=True)


def _form(fixture: Fixture, expected: Path) -> str:
    """The format an expected file holds, from its suffix: markdown or json."""
    return EXPECTED[expected.name[len(stem(fixture.page)):]]


def clean_fixture(fixture: Fixture, options: Options, expectations: dict[str, Any]) -> Document:
    if expectations.get("input_kind"):
        options = replace(options, input_kind=expectations["input_kind"])
    return clean(fixture.page.read_bytes(), url=expectations.get("url"), options=options, source=fixture.name)


def check(fixture: Fixture, options: Options) -> Outcome:
    """Clean the fixture's page and hold the result to everything the fixture expects."""
    started = time.perf_counter()
    try:
        expectations = read_sidecar(fixture.sidecar) if fixture.sidecar else {}
        if not fixture.expected and not fixture.sidecar:
            raise FixtureError(f"no expected output ({stem(fixture.page)}.expected.md); "
                               "run with --update to write it from the current cleaner")
        doc = clean_fixture(fixture, options, expectations)
    except CleanerError as exc:
        return Outcome(fixture, (str(exc),), seconds=time.perf_counter() - started)
    except OSError as exc:  # the page went, or cannot be read
        return Outcome(fixture, (f"{fixture.page.name}: {exc.strerror or exc}",), seconds=time.perf_counter() - started)
    problems, diffs = [], []
    min_f1 = expectations.get("min_f1")
    for path in fixture.expected:
        try:
            want = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{path.name}: cannot read ({getattr(exc, 'strerror', None) or exc})")
            continue
        got = render(doc, _form(fixture, path))
        if want == got:
            continue
        if min_f1 is not None:
            f1 = word_f1(_body(want, path), _body(got, path))
            if f1 < min_f1:
                problems.append(f"word F1 {f1:.3f} against {path.name}, below min_f1 {min_f1}")
        else:
            problems.append(f"output differs from {path.name}")
        diffs.append("".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), path.name, "cleaned now")))
    if min_f1 is not None and not fixture.expected:
        problems.append("min_f1 needs an expected output to compare with")
    problems += _expectations(doc, expectations)
    return Outcome(fixture, tuple(problems), tuple(diffs), time.perf_counter() - started)


def _expectations(doc: Document, expectations: dict[str, Any]) -> list[str]:
    body = " ".join(doc.text.split())
    problems = [f"body lacks {phrase!r}" for phrase in expectations.get("contains", [])
                if " ".join(phrase.split()) not in body]
    problems += [f"body holds {phrase!r}" for phrase in expectations.get("excludes", [])
                 if " ".join(phrase.split()) in body]
    for field in ("title", "author", "date"):
        if field in expectations and getattr(doc.metadata, field) != expectations[field]:
            problems.append(f"{field} is {getattr(doc.metadata, field)!r}, expected {expectations[field]!r}")
    return problems


def _body(text: str, path: Path) -> str:
    if path.name.endswith(".json"):
        try:
            return str(json.loads(text).get("text", ""))
        except (ValueError, AttributeError, RecursionError):
            return text
    return FRONT_MATTER.sub("", text)


def word_f1(expected: str, actual: str) -> float:
    """Word-level F1 of two texts (bags of lower-cased words)."""
    want, got = Counter(WORD.findall(expected.lower())), Counter(WORD.findall(actual.lower()))
    if not want and not got:
        return 1.0
    common = sum((want & got).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def update(fixture: Fixture, options: Options) -> list[Path]:
    """Write the current output as the fixture's expected output(s); a fixture without
    any gets a Markdown one. Returns the files written."""
    from .outputs import write_atomic

    expectations = read_sidecar(fixture.sidecar) if fixture.sidecar else {}
    doc = clean_fixture(fixture, options, expectations)
    targets = fixture.expected or (fixture.page.with_name(stem(fixture.page) + ".expected.md"),)
    for path in targets:
        write_atomic(path, render(doc, _form(fixture, path)))
    return list(targets)


def init(folder: Path, pages: list[Path], options: Options) -> list[Path]:
    """Start a fixture folder: copy each page in (never over an existing file) and write
    its expected Markdown from the current cleaner."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for page in pages:
        if page.suffix.lower() not in PAGE_SUFFIXES:
            raise FixtureError(f"{page}: a fixture page must end in {', '.join(PAGE_SUFFIXES)}")
        target = folder / page.name
        if target.exists():
            raise FixtureError(f"{target} exists already: not overwritten")
        shutil.copyfile(page, target)
        written += [target, *update(fixture_of(target), options)]
    return written


def junit(outcomes: list[Outcome], suite: str = "pagecleaner check") -> str:
    """A JUnit XML report: one test case per fixture, the broken expectations and the
    diffs in each failure."""
    failures = sum(not o.passed for o in outcomes)
    root = ET.Element("testsuites", tests=str(len(outcomes)), failures=str(failures))
    cases = ET.SubElement(root, "testsuite", name=suite, tests=str(len(outcomes)), failures=str(failures),
                          errors="0", skipped="0", time=f"{sum(o.seconds for o in outcomes):.3f}")
    for outcome in outcomes:
        case = ET.SubElement(cases, "testcase", classname=str(outcome.fixture.page.parent), name=outcome.fixture.name,
                             file=str(outcome.fixture.page), time=f"{outcome.seconds:.3f}")
        if not outcome.passed:
            failure = ET.SubElement(case, "failure", message="; ".join(outcome.problems), type="FixtureMismatch")
            failure.text = "\n".join([*outcome.problems, *outcome.diffs])
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def github_annotations(outcomes: list[Outcome]) -> list[str]:
    """GitHub Actions workflow commands: an error annotation on each failing fixture."""
    def escape(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    return [f"::error file={escape(str(o.fixture.page))},title=pagecleaner check::{escape('; '.join(o.problems))}"
            for o in outcomes if not o.passed]
