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


pytestmark = pytest.mark.parametrize("page", PAGES, ids=IDS)


def test_kind_language_encoding(page):
    checks, doc = _case(page)
    kind, language, encoding, method = doc.kind.value, doc.metadata.language, doc.encoding, doc.encoding_method
    assert kind == checks["kind"]
    assert language == checks["language"]
    assert _codec(encoding) == _codec(checks["encoding"])
    assert method.startswith("gzip+") == checks["gzip"]


def test_keeps(page):
    checks, doc = _case(page)
    text = squash(doc.text)
    missing = [k for k in checks["keep"] if squash(k) not in text]
    assert missing == []


def test_drops(page):
    checks, doc = _case(page)
    text = squash(doc.text)
    kept = [d for d in checks["drop"] if squash(d) in text]
    assert kept == []


def test_title(page):
    checks, doc = _case(page)
    title = doc.title
    assert title == checks["title"]


def test_date(page):
    checks, doc = _case(page)
    if checks.get("date") is None:
        pytest.skip("no date stated for this page")
    date = doc.date
    assert date == checks["date"]


def test_author(page):
    checks, doc = _case(page)
    if checks.get("author") is None:
        pytest.skip("no author stated for this page")
    author = doc.author
    assert author == checks["author"]


def test_golden(page):
    expected = page.with_name(page.stem + ".expected.md")
    if not expected.exists():
        pytest.skip("no golden yet — run pagecleaner check --update fixtures")
    _, doc = _case(page)
    assert to_markdown(doc, front_matter=True) == expected.read_text(encoding="utf-8")
