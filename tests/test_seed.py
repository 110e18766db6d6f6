"""The seed page (a scraped Business Standard article) through clean() and the CLI."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner import Label, clean
from cleaner.cli import main
from cleaner.writers import to_markdown

from conftest import SEED, squash

TITLE = "Trump-Putin Alaska summit: Here's all that happened at the high-stakes meet"
SUBHEADS = [
    "Aim to reduce deaths in Ukraine",
    "Praise for negotiators and relationship with Putin",
    "Putin: Ukraine war ‘would not have happened’ under Trump",
    "‘Constructive atmosphere’ and Alaska’s history",
    "Relations at lowest point since Cold War",
    "Next stop: Moscow?",
    "No deal, no questions, but plenty of symbolism",
]
BOILERPLATE = [
    "Business Standard",
    "Notification Icon",
    "userprofile IconSearch",
    "Listen to This Article",
    "Don't miss the most important news and views of the day. Get them on our Telegram channel",
    "Explore News",
]


@pytest.fixture(scope="module")
def doc(seed_bytes):
    return clean(seed_bytes, source=SEED.name)


def test_metadata(doc):
    assert (doc.title, doc.author, doc.date) == (TITLE, "Rimjhim Singh", "2025-08-16")
    assert doc.metadata.language == "en"


def test_body_start_and_end(doc):
    assert doc.text.startswith("US President Donald Trump on Friday said")
    # The wire credit under the last paragraph is not the article's text: WCXB's annotators
    # leave "(With agency inputs)" out of the one dev page that has it.
    assert doc.text.endswith("as proof that Moscow was no longer isolated internationally.")


def test_subheads_are_markdown_headings(doc):
    lines = to_markdown(doc).splitlines()
    assert lines[0] == f"# {TITLE}"
    for subhead in SUBHEADS:
        assert f"## {subhead}" in lines


def test_boilerplate_is_labelled_and_dropped(doc):
    by_text = {b.text: b for b in doc.blocks}
    first = doc.blocks[0]
    assert first.text.startswith("Tuesday, January 06, 2026")
    for block in [first, *(by_text[t] for t in BOILERPLATE)]:
        assert block.label in (Label.NAVIGATION, Label.ADS), block.text
        assert squash(block.text) not in squash(doc.text)


def test_through_the_cli(seed_bytes):
    result = CliRunner().invoke(main, ["clean", str(SEED), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["title"], data["author"], data["date"]) == (TITLE, "Rimjhim Singh", "2025-08-16")
    labels = {line["text"]: line["label"] for line in data["lines"]}
    assert all(labels[text] in ("navigation", "ads") for text in BOILERPLATE)
    assert data["text"].startswith("US President Donald Trump on Friday said")
    assert "## Aim to reduce deaths in Ukraine" in data["markdown"].splitlines()
