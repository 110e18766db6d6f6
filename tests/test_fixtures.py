"""Real-looking pages in fixtures/: each <name>.html|.txt is checked against <name>.checks.json
("keeps X / drops Y", metadata), and against <name>.expected.md when a golden exists."""
from __future__ import annotations

import codecs
import json
from functools import lru_cache

import pytest

from cleaner import clean
from cleaner.writers import to_markdown

from conftest import FIXTURES, squash

# Pages are globbed at collection time: another helper may still be adding some.
PAGES = sorted(
    page for checks in FIXTURES.glob("*.checks.json")
    for page in (checks.with_name(checks.name[: -len(".checks.json")] + ext) for ext in (".html", ".txt"))
    if page.exists()
)
IDS = [page.stem for page in PAGES]
# The WHATWG encoding standard reads these labels as windows-1252, and so does decode().
WHATWG_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}


@lru_cache(maxsize=None)
def _case(page):
    checks = json.loads(page.with_name(page.stem + ".checks.json").read_text(encoding="utf-8"))
    return checks, clean(page.read_bytes(), source=page.name)


def _codec(name: str) -> str:
    found = codecs.lookup(name).name
    return WHATWG_ALIASES.get(found, found)


each_page = pytest.mark.parametrize("page", PAGES, ids=IDS)


@each_page
def test_kind_language_encoding(page):
    checks, doc = _case(page)
    kind, language, encoding, method = doc.kind.value, doc.metadata.language, doc.encoding, doc.encoding_method
    assert kind == checks["kind"]
    assert language == checks["language"]
    assert _codec(encoding) == _codec(checks["encoding"])
    assert method.startswith("gzip+") == checks["gzip"]


def _gaps(checks: dict) -> dict:
    """What the cleaner is known to get wrong on this page today (see fixtures/README.md).
    Each gap is still checked, by test_known_gaps, which fails once a gap is fixed."""
    return checks.get("known_gaps", {})


def _missing_keeps(checks, doc, strings):
    text = squash(doc.text)
    return [k for k in strings if squash(k) not in text]


def _leaked_drops(checks, doc, strings):
    text = squash(doc.text)
    return [d for d in strings if squash(d) in text]


def _wrong_fields(checks, doc, fields):
    # Titles are compared with whitespace normalised: blocks collapse runs of spaces,
    # the ideographic space included.
    got = {"title": squash(doc.title or ""), "author": doc.author, "date": doc.date}
    want = {"title": squash(checks["title"]), "author": checks.get("author"), "date": checks.get("date")}
    return [f for f in fields if want[f] is not None and got[f] != want[f]]


@each_page
def test_keeps(page):
    checks, doc = _case(page)
    gaps = set(_gaps(checks).get("keep", []))
    assert _missing_keeps(checks, doc, [k for k in checks["keep"] if k not in gaps]) == []


@each_page
def test_drops(page):
    checks, doc = _case(page)
    gaps = set(_gaps(checks).get("drop", []))
    assert _leaked_drops(checks, doc, [d for d in checks["drop"] if d not in gaps]) == []


@each_page
@pytest.mark.parametrize("field", ["title", "author", "date"])
def test_metadata(page, field):
    checks, doc = _case(page)
    if checks.get(field) is None:
        pytest.skip(f"no {field} stated for this page")
    if field in _gaps(checks).get("fields", []):
        pytest.skip(f"known gap: {field} (checked by test_known_gaps)")
    assert _wrong_fields(checks, doc, [field]) == []


GAPPED = [page for page in PAGES
          if "known_gaps" in json.loads(page.with_name(page.stem + ".checks.json").read_text(encoding="utf-8"))]


@pytest.mark.xfail(strict=True, reason="known gaps of the scorer; XPASS means one is fixed: update known_gaps")
@pytest.mark.parametrize("page", GAPPED, ids=[page.stem for page in GAPPED])
def test_known_gaps(page):
    checks, doc = _case(page)
    gaps = _gaps(checks)
    assert _missing_keeps(checks, doc, gaps.get("keep", [])) == []
    assert _leaked_drops(checks, doc, gaps.get("drop", [])) == []
    assert _wrong_fields(checks, doc, gaps.get("fields", [])) == []


@each_page
def test_golden(page):
    expected = page.with_name(page.stem + ".expected.md")
    if not expected.exists():
        pytest.skip("no golden yet — run pagecleaner check --update fixtures")
    _, doc = _case(page)
    assert to_markdown(doc, front_matter=True) == expected.read_text(encoding="utf-8")
