"""Scraped text in Markdown: the syntax read as structure, and none of it left in the output."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from cleaner import Options, clean
from cleaner.markdown_input import front_matter, inline, is_markdown, read
from cleaner.segment import split_lines
from cleaner.wrapping import wrap_width

from conftest import FIXTURES

PROSE = ("The council voted on Tuesday to restore the ferry service to the island, which "
         "stopped running two winters ago when the old boat failed its inspection.")
MENU = "\n".join(f"  * [{name}](https://news.example/{name.lower()}/)"
                 for name in ("News", "Business", "Science", "Sport", "Opinion"))


def _lines(text):
    return [line for line in read(text) if line is not None]


def test_links_keep_their_text_and_count_as_link_text():
    text, links = inline("Read [the full report](https://x.example/report \"PDF\") before Friday.")
    assert text == "Read the full report before Friday."
    assert links == len("the full report")


@pytest.mark.parametrize("heading", [
    '# Middleware[¶](#middleware "Link to this heading")',  # markdownify, turndown
    "# Middleware¶",  # html2text
    "# Middleware [🔗](#middleware)",
])
def test_a_headings_permalink_glyph_is_no_text(heading):
    lines = [line for line in read(f"{heading}\n\nThis document explains the [middleware](/mw/).\n") if line]
    assert [(line.text, line.tag) for line in lines] == [
        ("Middleware", "h1"), ("This document explains the middleware.", "line")]


def test_links_inside_a_cards_link_are_its_text_and_links_side_by_side_are_words_apart():
    # html2text writes a product card as one link holding its swatches' links; each
    # swatch is a word of its own, not glued to the next.
    card = ('[ ![](https://x.example/cup.png)Joco Cup 8oz [Black](https://x.example/cup?c=black "Black")'
            '[Blue](https://x.example/cup?c=blue "Blue")](https://x.example/cup)')
    assert inline(card) == ("Joco Cup 8oz Black Blue", len("Joco Cup 8oz Black Blue"))
    assert inline("Tags: [kelp](/t/kelp)[tides](/t/tides), [boats](/t/boats)") == ("Tags: kelp tides, boats", 14)


def test_html_left_in_markdown_leaves_its_text():
    assert inline("Line one<br>line <b>two</b> and x<sup>2</sup> <https://x.example/a>") == (
        "Line one line two and x2 https://x.example/a", len("https://x.example/a"))


def test_an_escaped_angle_bracket_is_text_and_opens_no_tag():
    # A converter escapes the page's own "<" (a page about HTML, a cell holding markup):
    # what follows it is text, not a tag or an autolink to take out.
    assert inline(r"Wrap it in \<p>, close it with \</p>, see \<https://x.example>.") == (
        "Wrap it in <p>, close it with </p>, see <https://x.example>.", 0)
    assert inline(r"a \\<b>bold</b> word") == ("a \\bold word", 0)


def test_images_and_linked_images_leave_nothing():
    assert inline("![A diver](https://x.example/a.jpg)") == ("", 0)
    assert inline("[![Logo](https://x.example/logo.svg)](https://x.example/)") == ("", 0)


def test_images_whose_target_is_no_plain_url_leave_nothing():
    # an inline SVG written out as data (quotes and spaces inside), and a srcset's list
    svg = "![](data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'%3E%3C/svg%3E)"
    assert inline(f"Kelp {svg} returns") == ("Kelp returns", 0)
    assert inline("![Tee](https://x.example/tee.jpg 1x, https://x.example/tee-2.jpg 2x) Staple tee") == ("Staple tee", 0)


def test_data_images_show_a_text_is_markdown():
    from cleaner.markdown_input import is_markdown

    lines = [f"![](data:image/png;base64,iVBOR{n}=)" for n in range(3)]
    assert is_markdown("\n\n".join(["Almond thins, baked in small batches.", *lines]))


def test_emphasis_escapes_and_code_marks_go_but_words_stay():
    text, _ = inline(r"**Bold** and _italic_ and `code` keep snake_case_names, 1\. and \*stars\*")
    assert text == "Bold and italic and code keep snake_case_names, 1. and *stars*"
    assert inline("__ September 4, 2025")[0] == "September 4, 2025"  # an emptied icon element


def test_headings_items_and_tables_are_structure():
    lines = _lines("# Title\n\nSection\n-------\n\n1. first step\n* [Home](/)\n\n"
                   "| Site | Count |\n|---|---:|\n| North | 12 |\n\nName | Age\n--- | ---\nAda | 36\n")
    assert [(line.tag, line.text) for line in lines] == [
        ("h1", "Title"), ("h2", "Section"), ("li", "first step"), ("li", "Home"),
        ("th", "Site | Count"), ("tr", "North | 12"), ("th", "Name | Age"), ("tr", "Ada | 36"),
    ]
    assert lines[2].ordered and not lines[3].ordered
    assert lines[3].link_chars == len("Home")
    assert lines[5].cells == ("North", "12")


def test_code_fences_keep_their_lines_as_written():
    lines = _lines("Intro line.\n\n```python\nx = a_b * c_d  # **not bold**\n```\n")
    assert [(line.tag, line.text) for line in lines] == [("line", "Intro line."), ("pre", "x = a_b * c_d  # **not bold**")]


def test_text_is_read_as_markdown_by_its_links_or_by_headings_and_tables_without_them():
    assert is_markdown(MENU)
    assert not is_markdown("# accumulate([1,2,3])\n# Connection settings\nmax_connections = 100\n")
    # A converter told to leave links out still writes headings apart and tables' rules;
    # a scraped page's code comments and root prompts stand apart too, but at one level.
    assert is_markdown(f"# Ferry service returns\n\n{PROSE}\n\n## What the council said\n\n{PROSE}\n")
    assert is_markdown(f"{PROSE}\n\n| Day | Sailings |\n|---|---|\n| Monday | 4 |\n")
    assert not is_markdown("# install the package\n\npip install ferry\n\n# systemctl restart ferry\n\n"
                           "# run the timetable\n\npython timetable.py\n")
    assert not is_markdown(PROSE + "\n[1] A footnote, not a link.\n")
    # Plain scraped text keeps its characters: no Markdown reading without Markdown.
    plain = "Price: *only* today\n" + PROSE
    assert [b.text for b in split_lines(plain)] == ["Price: *only* today", PROSE]


def test_a_markdown_menu_is_navigation_and_the_article_stays():
    # An article's worth of prose (links_tell): its menus' links count as links.
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
    article = "\n\n".join(PROSE.replace("Tuesday", day) for day in days)
    page = f"{MENU}\n\n# Ferry service returns\n\n{article}\n\n{MENU}\n"
    doc = clean(page.encode(), options=Options(input_kind="text"))
    assert doc.title == "Ferry service returns"
    assert doc.text.count("The council voted") == 6
    assert "News" not in doc.text and "https" not in doc.text
    menu_lines = [b for b in doc.blocks if b.text == "Science"]
    assert menu_lines and all(b.label.value == "navigation" and b.features.link_density == 1.0 for b in menu_lines)


def test_cli_cleans_a_markdown_page_to_plain_markdown():
    page = (FIXTURES / "news-en-markdown.txt").read_bytes()
    run = subprocess.run([sys.executable, "-m", "cleaner", "-f", "json"], input=page, capture_output=True, check=True)
    result = json.loads(run.stdout)
    assert result["title"].startswith("Kelp forests are returning")
    assert (result["author"], result["date"]) == ("Maren Olsen", "2025-03-03")
    for leftover in ("](", "https://", "**", "![", "Share on Facebook", "Privacy policy"):
        assert leftover not in result["markdown"]
    assert "| North breakwater | 12 | 1,840 |" in result["markdown"]
    assert "for the Northern Marine Institute." in result["text"]


def _wrapped_article(width=78):
    paragraphs = [PROSE, PROSE.replace("Tuesday", "Monday") + " " + PROSE, PROSE.replace("island", "harbour")] * 3
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)


def test_hard_wrapped_text_is_recognised_by_its_width():
    assert wrap_width(_wrapped_article(78)) == 78
    assert wrap_width(_wrapped_article(64)) == 64
    assert wrap_width("\n\n".join([PROSE * 2] * 10)) == 0  # long unwrapped paragraphs
    assert wrap_width("\n".join(f"Menu item number {n} of the site" for n in range(40))) == 0


def test_a_wrapped_paragraph_is_one_paragraph_again():
    doc = clean(_wrapped_article().encode(), options=Options(input_kind="text"))
    assert doc.text.split("\n\n")[0] == PROSE


def test_a_link_the_wrapper_broke_inside_its_url_still_leaves_only_its_text():
    link = "[Harbour seals return](https://news.example/science/harbour-seals-return-to-the-old-ferry-pier/)"
    paragraph = f"{PROSE} Read more in {link} from our science desk, and in {link} as well."
    # html2text wraps with textwrap's defaults: long words (URLs) break after their hyphens.
    page = "\n\n".join(textwrap.fill(p, 78) for p in [paragraph, PROSE, paragraph, PROSE] * 3)
    assert any(line.endswith("-") and "](" in line for line in page.split("\n"))
    lines = [line for line in read(page, wrap_width(page)) if line is not None]
    assert lines[0].text == f"{PROSE} Read more in Harbour seals return from our science desk, and in Harbour seals return as well."
    assert lines[0].link_chars == 2 * len("Harbour seals return")
    assert not any("http" in line.text or "](" in line.text for line in lines)


def test_markdown_without_links_is_read_as_markdown_when_the_user_says_so(tmp_path):
    page = tmp_path / "notes.md"
    page.write_text(f"# Ferry service returns\n\n**{PROSE}**\n\n_{PROSE.replace('Tuesday', 'Monday')}_\n", encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "cleaner", str(page)], capture_output=True, text=True, check=True)
    assert "**" in plain.stdout  # no links: read as plain text unless told
    told = subprocess.run([sys.executable, "-m", "cleaner", "--input-kind", "markdown", "-f", "json", str(page)],
                          capture_output=True, text=True, check=True)
    result = json.loads(told.stdout)
    assert result["title"] == "Ferry service returns"
    assert result["text"].split("\n\n") == [PROSE, PROSE.replace("Tuesday", "Monday")]


def test_character_references_are_read_as_their_characters_but_in_code():
    assert inline("Fish &amp; chips&nbsp;on the &#8220;quay&#x201D;")[0] == "Fish & chips on the \u201cquay\u201d"
    assert inline("Write `&amp;` for &lt;&amp;&gt;")[0] == "Write &amp; for <&>"
    # Escaped, or without its ";" (a URL's query), a reference is text.
    assert inline(r"Literal \&amp; here, and ?a=1&copy=2")[0] == "Literal &amp; here, and ?a=1&copy=2"
    # A reference to a control character reads as nothing: no escape sequence reaches a terminal.
    assert "\x1b" not in inline("Red &#27;[31mtext&#x1b;[0m here")[0]


def test_a_converters_character_references_do_not_reach_the_output(tmp_path):
    page = tmp_path / "notes.md"
    page.write_text(f"# Ferry service&nbsp;returns\n\n{PROSE.replace(', which', ' &amp; its quay, which')}\n\n"
                    f"[Timetable](https://x.example/t) &middot; [Fares](https://x.example/f)\n\n"
                    f"{PROSE.replace('Tuesday', 'Monday')}\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "cleaner", "-f", "json", str(page)],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    assert result["title"] == "Ferry service returns"
    assert PROSE.replace(", which", " & its quay, which") in result["text"]
    assert "&amp;" not in out and "&nbsp;" not in out and "&middot;" not in out


def test_markdown_without_links_keeps_its_headings_and_tables(tmp_path):
    page = tmp_path / "notes.md"
    page.write_text(f"# Ferry service returns\n\n{PROSE}\n\n## The new timetable\n\n"
                    "| Day | Sailings |\n|---|---|\n| Monday | 4 |\n| Tuesday | 6 |\n\n"
                    f"{PROSE.replace('Tuesday', 'Monday')}\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "cleaner", str(page)], capture_output=True, text=True, check=True).stdout
    assert out.startswith("# Ferry service returns\n") and "\n## The new timetable\n" in out
    assert "# #" not in out and "|---|" not in out


def test_a_link_around_blocks_written_over_several_lines_leaves_no_brackets():
    # turndown (behind many crawlers' Markdown) and html2text write a link around a card
    # as "[" on a line, the card's blocks, then "](target)" on a line of its own.
    page = ("Menu: [Home](https://x.example/) [News](https://x.example/news) [Sport](https://x.example/sport)\n\n"
            "*   [\n    \n    Ferry service returns\n    \n    " + PROSE + "\n    \n    ](https://x.example/ferry)\n"
            "*   [![Quay](https://x.example/q.png)\n    Quay rebuilt\n    ](https://x.example/quay)[More](https://x.example/m)\n")
    lines = [line for line in read(page) if line is not None]
    assert [line.text for line in lines][1:] == ["Ferry service returns", PROSE, "Quay rebuilt", "More"]
    assert all("[" not in line.text and "](" not in line.text for line in lines)
    assert lines[-1].link_chars == len("More")


def test_a_link_whose_end_follows_the_text_of_its_last_line_leaves_no_brackets():
    # markdownify closes a card's link after its last text ("...teaser](target)"), and
    # Pandoc a figure's caption written over lines ("![Caption\\\nCredit](src){.attrs}").
    page = ("[![Ferry](https://x.example/f.jpg)\n\nFerry service returns\n\n"
            "**2 January 2025** " + PROSE + "](/ferry \"Ferry: \\\"Gull\\\" returns\") [All news](/news)\n\n"
            "![The new quay at dawn.\\\nPhoto: Ana Ruiz](data:image/svg+xml;base64,PHN2Zz4=){.wp-image-1 width=\"800\"}\n")
    lines = _lines(page)
    assert [line.text for line in lines] == [
        "Ferry service returns", "2 January 2025 " + PROSE + " All news", "The new quay at dawn.", "Photo: Ana Ruiz"]
    assert lines[1].link_chars == len("All news")


def test_a_link_title_may_hold_quotes():
    # html2text writes a title attribute as it is, quotes and all.
    text, links = inline('[Gisele for Chanel](/chanel "Kampagne: Gisele f\u00fcr Chanel "Afterdark"") and more')
    assert (text, links) == ("Gisele for Chanel and more", len("Gisele for Chanel"))


def test_a_header_of_fields_gives_metadata_and_is_not_content():
    body = f"# Ferry service returns\n\n{PROSE}\n\n{PROSE.replace('Tuesday', 'Monday')}\n"
    reader = ("Title: Ferry service returns | Island News\n\nURL Source: https://news.example/ferry\n\n"
              "Published Time: 2025-03-04T08:00:00Z\n\nMarkdown Content:\n" + body)
    doc = clean(reader.encode(), options=Options(input_kind="text"))
    assert (doc.metadata.url, doc.date) == ("https://news.example/ferry", "2025-03-04")
    assert doc.title == "Ferry service returns | Island News"
    assert "URL Source" not in doc.text and "Markdown Content" not in doc.text
    yaml = f'---\ntitle: "Ferry service returns"\nauthor: "Ana Lima"\ntags:\n  - islands\n---\n\n{body}'
    doc = clean(yaml.encode(), options=Options(input_kind="text"))
    assert (doc.title, doc.author) == ("Ferry service returns", "Ana Lima")
    assert "islands" not in doc.text and doc.text.startswith("The council voted")


def test_a_header_of_the_pages_meta_tags_as_html_to_markdown_writes_it():
    # Keys that join names with colons, one per <meta> tag: read as fields, not as text.
    header = ("---\ncanonical: https://news.example/ferry\nmeta-article:published_time: \"2025-03-04T08:00:00+00:00\"\n"
              "meta-author: Ana Lima\nmeta-og:image:height: \"1024\"\nmeta-viewport: width=device-width, initial-scale=1\n"
              'title: "Ferry service returns"\n---\n\n')
    page = header + "[Home](/) [News](/news) [Sport](/sport)\n\n" + f"# Ferry service returns\n\n{PROSE}\n"
    doc = clean(page.encode())
    assert (doc.title, doc.author, doc.date, doc.metadata.url) == (
        "Ferry service returns", "Ana Lima", "2025-03-04", "https://news.example/ferry")
    assert doc.text == PROSE


SUMMARY = ("The island council has agreed a winter timetable for the ferry, which will sail twice a day "
           "from the north harbour until the spring storms have passed.")


@pytest.mark.parametrize("body", ["", "[Home](/) [News](/news) [Sport](/sport)\n\nSubscribe\n"])
def test_a_header_over_an_empty_body_gives_its_summary(tmp_path, body):
    # A converter that lost the page's body (drawn by scripts) still wrote the <meta>
    # description in its header: that is the page's text, as it is for the same HTML.
    page = tmp_path / "page.md"
    page.write_text(f'---\nmeta-description: {SUMMARY}\ntitle: "Winter ferries"\n---\n\n{body}', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "cleaner", str(page)], capture_output=True, text=True, check=True)
    assert SUMMARY in result.stdout and "Subscribe" not in result.stdout
    html = tmp_path / "page.html"
    html.write_text(f'<html><head><meta name="description" content="{SUMMARY}"></head><body></body></html>',
                    encoding="utf-8")
    from_html = subprocess.run([sys.executable, "-m", "cleaner", str(html)], capture_output=True, text=True, check=True)
    assert SUMMARY in from_html.stdout


def test_a_header_with_a_tagline_and_no_body_gives_nothing():
    page = '---\nmeta-description: Smarter shopping, better living!\ntitle: "Shop"\n---\n\n'
    assert clean(page.encode()).text == ""


def test_a_page_opening_with_a_rule_is_not_a_header():
    page = f"---\nHome\nNews\n---\n{PROSE}\n"
    assert front_matter(page) == ({}, page)


def test_cleaning_pagecleaners_own_markdown_again_keeps_its_metadata(tmp_path):
    first = subprocess.run([sys.executable, "-m", "cleaner", "--front-matter", str(FIXTURES / "news-en-markdown.txt")],
                           capture_output=True, text=True, check=True).stdout
    again = tmp_path / "again.md"
    again.write_text(first, encoding="utf-8")
    result = json.loads(subprocess.run([sys.executable, "-m", "cleaner", "-f", "json", str(again)],
                                       capture_output=True, text=True, check=True).stdout)
    assert result["title"].startswith("Kelp forests are returning")
    assert (result["author"], result["date"]) == ("Maren Olsen", "2025-03-03")
    assert "title:" not in result["text"] and "North breakwater" in result["text"]


def test_pandoc_attributes_and_spans_leave_their_text():
    assert inline("[[Home](https://x.example/){.menu-link}]{#menu-item-608}") == ("Home", 4)
    assert inline('![](https://x.example/logo.png){.custom-logo width="20"} Kelp returns') == ("Kelp returns", 0)
    assert inline("A [small]{.smallcaps} word and `x = 1`{.python}") == ("A small word and x = 1", 0)
    assert inline("Chef\\'s \\\"pick\\\"") == ("Chef's \"pick\"", 0)
    assert inline("A set {of braces} and f(x){y} stay") == ("A set {of braces} and f(x){y} stay", 0)
    assert [line.text for line in _lines("## Kelp returns {#kelp .title}")] == ["Kelp returns"]
    # A link whose text is spans in spans (a shop's card title, Sphinx's "[source]"): the
    # spans go first, so the link is read, not left with its brackets and address.
    assert inline('[[[Kelp Co]{.brand} [Sea Boots]{.title}]{role="heading"}](/p/236069){.card}') \
        == ("Kelp Co Sea Boots", 17)
    assert inline("[[[\\[source\\]]{.pre}]{.viewcode-link}](https://x.example/cache.py#L61){.reference}") \
        == ("[source]", 8)


SECOND = ("A new boat was ordered from a yard on the mainland last spring, and the first crossings are "
          "planned for the week before Easter if the sea trials go well.")
THIRD = ("Islanders had travelled by a private launch in the meantime, at three times the old fare, and the "
         "school had to move its exams to the mainland for a whole term.")


def test_a_pandoc_page_leaves_no_fence_or_attribute_and_keeps_its_article():
    # Each fence on its own line, as Pandoc writes them; one's values hold braces.
    page = ('::: {#masthead .site-header data-settings="{\\"a\\": 1}"}\n'
            + MENU.replace(")", "){.menu-link}") + "\n:::\n\n::: {.entry-content}\n::: inner\n"
            f"# Ferry service returns {{#top}}\n\n{PROSE}\n\n[{SECOND}]{{.lead}}\n\n{THIRD}\n:::\n:::\n\n"
            f"::: {{.site-footer}}\n{MENU}\n:::\n")
    run = subprocess.run([sys.executable, "-m", "cleaner", "-f", "json"], input=page.encode(), capture_output=True,
                         check=True)
    result = json.loads(run.stdout)
    assert result["title"] == "Ferry service returns"
    for paragraph in (PROSE, SECOND, THIRD):
        assert paragraph in result["text"]
    for leftover in (":::", "{", "}", "site-", "menu-link", "Science"):
        assert leftover not in result["markdown"]


def test_html_blocks_in_markdown_break_it_and_leave_nothing():
    text = ('<div class="card">\n\nFirst card text.\n\n</div>\n<section id="more">\nSecond line\n</section>\n'
            "<!-- end -->\nThird line with <b>bold</b> words.")
    assert [line.text for line in _lines(text)] == ["First card text.", "Second line", "Third line with bold words."]


def test_a_readme_that_opens_with_html_is_cleaned_as_markdown():
    page = ('<p align="center">\n  <img src="https://tides.example/logo.png" width="120">\n</p>\n\n'
            "# Tidewatch\n\n" + PROSE + " Read [the guide](https://tides.example/guide) first.\n\n"
            "## Install\n\n" + SECOND + "\n\n" + THIRD + "\n\n"
            "[Docs](https://tides.example/docs) [Issues](https://tides.example/issues)\n")
    run = subprocess.run([sys.executable, "-m", "cleaner", "-f", "json"], input=page.encode(), capture_output=True,
                         check=True)
    result = json.loads(run.stdout)
    assert result["kind"] == "text"
    assert "# Tidewatch" in result["markdown"] and "## Install" in result["markdown"]
    for paragraph in (SECOND, THIRD):
        assert paragraph in result["text"]
    for leftover in ("<p", "<img", "align=", "# Install", "](https"):
        assert leftover not in result["text"]


def test_pandoc_attributes_whose_quoted_values_hold_braces_leave_nothing():
    # Old sites' inline scripts come through as attributes: onclick="jQuery.ajax({...})".
    line = ('[Rate 1 star](# "Rate 1 star"){.r1stars onclick="jQuery.ajax({type:\'POST\',success:function(d)'
            '{jQuery(\'#m\').html(d);}}); $(\\"#m\\").removeClass(\\"hidden\\"); return false;"} and {braces} in text')
    assert inline(line) == ("Rate 1 star and {braces} in text", len("Rate 1 star"))


def test_crawl4ai_citation_marks_and_their_references_leave_nothing():
    # Crawl4AI's "Markdown with citations": a link becomes the text and "⟨n⟩", its target
    # goes to a References list at the end.
    page = "\n".join([MENU, "# Ferry returns", PROSE.replace("island,", "island⟨1⟩,"),
                      "Councillors said the crossing would run twice a day from November⟨2⟩.", "",
                      "## References", "⟨1⟩ https://news.example/island: the island",
                      "⟨2⟩ https://news.example/ferry: ferry timetable"])
    doc = clean(page.encode())
    assert PROSE in doc.text and "⟨" not in doc.text and "news.example" not in doc.text


LANGUAGES = ["ALGOL 58 (International Algebraic Language)", "APL (A Programming Language) designed by Kenneth Iverson",
             "BASIC (Beginner's All-purpose Symbolic Instruction Code)", "COBOL (Common Business-Oriented Language)",
             "Fortran (Formula Translation) from IBM in 1957", "Lisp (List Processor) designed by John McCarthy",
             "ML (Meta Language) from the University of Edinburgh", "Pascal designed by Niklaus Wirth in 1970",
             "Prolog (Programming in Logic) from Marseille", "Simula 67, the first object-oriented language",
             "Smalltalk from Xerox PARC in the 1970s", "SNOBOL (String Oriented Symbolic Language)"]


def _linked_list(names):
    return "\n".join(f"* [{name}](https://wiki.example/{i})" for i, name in enumerate(names))


def test_a_page_that_is_a_list_of_links_keeps_its_items(tmp_path):
    # A list page in Markdown: every item a link, no prose of its own. Its items are the
    # page, as its plain text shows them, not a menu to drop.
    page = tmp_path / "languages.md"
    page.write_text(f"# List of early programming languages\n\n{_linked_list(LANGUAGES)}\n\n"
                    "* [Privacy policy](https://wiki.example/privacy)\n* [About](https://wiki.example/about)\n",
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "cleaner", "-f", "json", str(page)],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    kept = result["text"].split("\n")
    assert sum(name in kept for name in LANGUAGES) >= len(LANGUAGES) - 1
    # Each line's reasons name each reason once, though passes and the fallback after the
    # model may give the same one twice.
    assert all(len(set(line["reasons"])) == len(line["reasons"]) for line in result["lines"])


def test_beside_an_article_a_list_of_linked_headlines_is_still_dropped(tmp_path):
    headlines = [f"{name}: how it shaped the languages we write today" for name in ("ALGOL", "Lisp", "COBOL", "Simula")]
    article = "\n\n".join(PROSE.replace("ferry", word) for word in ("ferry", "bus", "train", "tram", "boat", "bridge"))
    page = tmp_path / "story.md"
    page.write_text(f"# Ferry service returns\n\n{article}\n\n## Related stories\n\n{_linked_list(headlines)}\n",
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "cleaner", "-f", "json", str(page)],
                         capture_output=True, text=True, check=True)
    text = json.loads(out.stdout)["text"]
    assert PROSE in text and "bridge" in text
    assert not any(headline in text for headline in headlines)
