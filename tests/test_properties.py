"""Properties that hold for any input (hypothesis)."""
from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import CleanerError, Document, Options, clean
from cleaner.decode import decode
from cleaner.writers import to_dict, write_json

from conftest import squash

SETTINGS = settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
MARKUP = st.sampled_from([
    "<!DOCTYPE html><html><body>", "<p>", "</p>", "<div class='nav'>", "</div>", "<ul><li>", "</li>",
    "<ol><li>", "<table><tr><td>", "</td><td>", "<pre>", "<br>", "<a href='/x'>", "</a>", "<h2>",
    "<script>", "</script>", "<meta charset='utf-16'>", "Advertisement", "Sign in", "\n", "\u00a0",
    "The council voted on Tuesday to restore the ferry service to the island. ",
])
PAGES = st.lists(st.one_of(MARKUP, st.text(max_size=40)), max_size=40).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1252", "cp1251", "shift_jis"])
LINES = st.lists(
    st.one_of(st.text(max_size=80), st.sampled_from(["Home", "Advertisement", "Explore News", "\u00a0", ""]),
              st.just("The council voted on Tuesday to restore passenger ferry service to the island after "
                      "six years of delays, and residents welcomed the decision.")),
    max_size=30,
).map("\n".join)


def _clean_or_none(data, **kw) -> Document | None:
    try:
        return clean(data, **kw)
    except CleanerError:
        return None


@SETTINGS
@given(st.one_of(st.binary(max_size=2000), st.builds(lambda s, enc: s.encode(enc, "replace"), PAGES, ENCODINGS)))
def test_any_bytes_give_a_document_or_a_cleaner_error(data):
    doc = _clean_or_none(data)
    assert doc is None or isinstance(doc, Document)


@SETTINGS
@given(st.one_of(PAGES, LINES))
def test_blocks_keep_input_order(text):
    doc = _clean_or_none(text)
    if doc is not None:
        assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


@SETTINGS
@given(LINES)
def test_kept_text_appears_in_the_input(text):
    data = text.encode("utf-8")
    doc = _clean_or_none(data, options=Options(input_kind="text"))
    if doc is not None:
        decoded = squash(decode(data).text)
        for block in doc.body:
            assert squash(block.text) in decoded


@SETTINGS
@given(st.one_of(PAGES, LINES))
def test_json_round_trips(text):
    doc = _clean_or_none(text)
    if doc is not None:
        out = io.StringIO()
        write_json(doc, out)
        assert json.loads(out.getvalue()) == to_dict(doc)
