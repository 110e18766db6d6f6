"""writers: Markdown, JSON, JSONL and text from documents cleaned from small inline pages."""
from __future__ import annotations

import io
import json
import re

import pytest

from cleaner import Block, Document, Kind, Label, Metadata, Options, clean
from cleaner.writers import WRITERS, to_markdown

P1 = ("The council voted on Tuesday to restore passenger ferry service to the island after six "
      "years of delays, with more than sixty residents signing up to speak.")
P2 = ("The city will open bids for an operator in March, and the first sailings are planned for "
      "the summer season, weather permitting.")
P3 = ("Officials said the budget for the service had been approved by the council in a separate "
      "vote held earlier in the week.")
QUOTE = "A real ferry changes everything for us, and we have waited six long years for this day to come."
PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Ferry returns | Courier</title></head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">Local News</a></li></ul></nav>
<article><h1>Ferry returns</h1><p>{P1}</p><h2>What happens next</h2><p>{P2}</p>
<ul><li>Two refurbished vessels will be leased from the shipyard.</li>
<li>Island residents will pay a two dollar fare with a transit card.</li></ul>
<p>{P3}</p>
<ol><li>Open bids for an operator in March of this year.</li>
<li>Sign the vessel lease before the summer timetable is set.</li></ol>
<pre>fare = 2.00
discount = 0.5</pre>
<table><tr><th>Stop</th><th>Time</th></tr><tr><td>Harbour</td><td>07:30</td></tr><tr><td>Gull Island</td><td>08:05</td></tr></table>
<blockquote><p>{QUOTE}</p></blockquote><p>{P3}</p></article>
<div class="ad-slot">Advertisement</div>
<footer><p>© 2025 The Courier. All rights reserved.</p></footer></body></html>"""
REQUIRED = {"source", "title", "author", "date", "site_name", "language", "url", "encoding",
            "confidence", "text", "markdown", "lines"}


@pytest.fixture(scope="module")
def doc():
    return clean(PAGE.encode(), source="ferry.html")


def _write(doc, fmt: str, front_matter: bool = False) -> str:
    out = io.StringIO()
    WRITERS[fmt](doc, out, front_matter)
    return out.getvalue()


def test_markdown_structure(doc):
    md = to_markdown(doc).splitlines()
    assert md[0] == "# Ferry returns"
    assert "## What happens next" in md
    assert "- Two refurbished vessels will be leased from the shipyard." in md
    assert f"> {QUOTE}" in md
    assert "```\nfare = 2.00\ndiscount = 0.5\n```" in to_markdown(doc)


def test_ordered_list_numbering(doc):
    md = to_markdown(doc).splitlines()
    assert "1. Open bids for an operator in March of this year." in md
    assert "2. Sign the vessel lease before the summer timetable is set." in md


def test_ordered_list_right_after_bullets_starts_at_one():
    page = PAGE.replace(f"<p>{P3}</p>\n<ol>", "<ol>", 1)
    md = to_markdown(clean(page.encode())).splitlines()
    assert "1. Open bids for an operator in March of this year." in md


def test_pipe_table(doc):
    md = to_markdown(doc).splitlines()
    start = md.index("| Stop | Time |")
    assert md[start + 1: start + 4] == ["| --- | --- |", "| Harbour | 07:30 |", "| Gull Island | 08:05 |"]


def test_no_boilerplate_in_markdown(doc):
    md = to_markdown(doc)
    for text in ("Advertisement", "All rights reserved", "Local News", "Home"):
        assert text not in md


def test_front_matter(doc):
    md = to_markdown(doc, front_matter=True)
    lines = md.splitlines()
    assert lines[0] == "---"
    end = lines.index("---", 1)
    fields = dict(line.split(": ", 1) for line in lines[1:end])
    assert json.loads(fields["title"]) == "Ferry returns"
    assert json.loads(fields["source"]) == "ferry.html"
    assert lines[end + 2] == "# Ferry returns"


def test_json_keys_and_lines(doc):
    data = json.loads(_write(doc, "json"))
    assert REQUIRED <= set(data)
    assert data["title"] == "Ferry returns" and data["source"] == "ferry.html"
    assert [line["index"] for line in data["lines"]] == list(range(len(doc.blocks)))
    assert [line["text"] for line in data["lines"]] == [b.text for b in doc.blocks]
    for line in data["lines"]:
        assert {"index", "text", "label", "score", "reasons"} <= set(line)
        assert line["label"] in {label.value for label in Label}
    assert {line["label"] for line in data["lines"]} == {"content", "navigation", "ads"}


def test_json_text_matches_document(doc):
    data = json.loads(_write(doc, "json"))
    assert data["text"] == doc.text
    assert _write(doc, "json").endswith("}\n")


def test_jsonl_is_one_line(doc):
    out = _write(doc, "jsonl")
    assert out.count("\n") == 1 and out.endswith("\n")
    assert json.loads(out)["title"] == "Ferry returns"


def test_text_has_body_without_title(doc):
    out = _write(doc, "text")
    assert out.splitlines()[0] == P1
    assert not out.startswith("#") and "Ferry returns" not in out


def test_numbered_scraped_lines_become_an_ordered_list():
    text = "\n".join([P1, "1. Open bids for an operator in March of this year, officials said.",
                      "2. Sign the vessel lease before the summer timetable is set in May.", P2])
    md = to_markdown(clean(text)).splitlines()
    assert "1. Open bids for an operator in March of this year, officials said." in md


def test_a_headline_also_in_the_body_is_written_once():
    # When the headline's role went to another line (a menu item with the same words),
    # the article's own <h1> stays in the body: the title is still written once.
    doc = Document(source="-", kind=Kind.HTML, encoding="utf-8", encoding_method="declared",
                   metadata=Metadata(title="Retries and backoff"),
                   blocks=(Block(index=0, text="Retries and backoff", tag="h1"),
                           Block(index=1, text="Network calls fail for many reasons.", tag="p")))
    assert to_markdown(doc) == "# Retries and backoff\n\nNetwork calls fail for many reasons.\n"


# Paragraphs whose own words look like Markdown or HTML. Rendered by a CommonMark parser,
# the Markdown must give back the same text, as text: no list, no heading, no live tag.
LOOKALIKES = [
    "1984. That was the year the town built its first library, a fine building of red brick.",
    "2) The second point of the council's answer came a week later, in a letter to the paper.",
    "- not a list item but a dash that starts this long paragraph about the river and its banks.",
    "# of residents who signed the petition rose to three hundred by the end of the month.",
    "> not a quote: the sign on the harbour wall pointed this way to the ferry for many years.",
    "The notice read <script>alert(1)</script> in the page's own words, shown here as text.",
    "An editor's note <!-- left open by mistake --> must not hide the rest of the article below.",
]


def test_text_that_looks_like_markdown_or_html_renders_as_text():
    markdown_it = pytest.importorskip("markdown_it")
    from html import unescape
    page = "<html><body><article><h1>Harbour &lt;b&gt;news&lt;/b&gt;</h1>" + "".join(
        f"<p>{text.replace('<', '&lt;')}</p>" for text in LOOKALIKES) + "</article></body></html>"
    rendered = markdown_it.MarkdownIt("commonmark").render(to_markdown(clean(page.encode())))
    assert "<ol" not in rendered and "<ul" not in rendered and "<blockquote" not in rendered
    assert "<script" not in rendered and "<!--" not in rendered and "<b>" not in rendered
    paragraphs = [unescape(p) for p in re.findall(r"<p>(.*?)</p>", rendered)]
    assert paragraphs == LOOKALIKES
    assert unescape(re.search(r"<h1>(.*?)</h1>", rendered).group(1)) == "Harbour <b>news</b>"


def test_a_bullet_on_a_line_of_its_own_is_not_written_as_a_paragraph():
    # w3m and inscriptis draw an item whose text is a block as its bullet alone, then the
    # text on the next line: the bullet is layout, not a paragraph of the article.
    steps = ("Two refurbished vessels will be leased from the shipyard on the mainland for the first year.",
             "Island residents will pay a two dollar fare with the transit card they already hold.",
             "The council will open bids for an operator in March and choose one before the summer.")
    items = "\n".join(f"  •\n    {step}" for step in steps)
    page = f"{P1}\n\n{P2}\n\nWhat happens next\n\n{items}\n\n{P3}\n"
    doc = clean(page.encode())
    assert all(step in doc.text for step in steps) and P3 in doc.text
    assert all(re.search(r"\w", paragraph) for paragraph in doc.text.split("\n\n"))
    markdown = to_markdown(doc)
    assert "•" not in markdown and not re.search(r"^\s*[-*]\s*$", markdown, re.M)
    # The scorer's verdicts on every line are still there for `explain` and JSON.
    assert any(line["text"] == "•" for line in json.loads(_write(doc, "json"))["lines"])


def test_a_photo_caption_in_scraped_text_is_no_subheading():
    # A short unpunctuated line over a paragraph reads as a subheading, but a caption
    # of two sentences does not ("A ferry at Gull Island. Photo: J. Martin / Gazette").
    prose = ("The council voted on Tuesday night to bring back the winter ferry between the two harbours, "
             "three years after the service was cut to save money.")
    more = "Councillors said the crossing would run twice a day from November, at last summer's fares."
    text = "\n".join(["Ferry returns to Gull Island", prose, "What happens next", more,
                      "A ferry at Gull Island. Photo: J. Martin / Gazette", prose.replace("Tuesday", "Monday")])
    md = to_markdown(clean(text.encode())).splitlines()
    assert "## What happens next" in md
    assert "A ferry at Gull Island. Photo: J. Martin / Gazette" in md


def test_a_date_over_a_headline_in_scraped_text_is_no_subheading():
    # A listing's or a thread's date line stands over the next headline or post: it is
    # the item's date, not a heading of the page (nor is any line that a heading follows),
    # nor the page's title.
    items = [("Harbour dredging begins as the cargo ships wait outside the breakwater", P1),
             ("The new library opens its doors with a reading room for local history", P2),
             ("School board approves a later start for the secondary schools", P1.replace("ferry", "bus")),
             ("Farmers count the cost of the driest summer in forty years", P2.replace("March", "April"))]
    lines = []
    for n, (headline, teaser) in enumerate(items, start=7):
        lines += [f"{n} March 2025", f"### {headline}", teaser]
    doc = clean("\n\n".join(lines).encode(), options=Options(input_kind="markdown"))
    md = to_markdown(doc).splitlines()
    assert doc.title is None or "March 2025" not in doc.title
    dates = [line for line in md if "March 2025" in line]
    assert dates and not any(line.startswith("#") for line in dates)
    assert all(f"### {headline}" in md for headline, _ in items[1:])
