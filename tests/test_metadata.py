"""metadata: title, author, date, site, language and URL from HTML; dates; bylines."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cleaner import Label, clean, metadata
from cleaner.dates import parse_date
from cleaner.metadata import author_from_line, from_html, markup, titles
from cleaner.segment import parse_html


def _meta(head: str, lang: str = "", url: str | None = None):
    html = f"<html{f' lang={lang!r}' if lang else ''}><head>{head}</head><body><p>Body text.</p></body></html>"
    return from_html(parse_html(html), url)


def _ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_open_graph_and_meta_tags():
    m = _meta('<title>Ignored | Site</title><meta property="og:title" content="OG Title">'
              '<meta property="og:site_name" content="Example News"><meta name="author" content="Jane Doe">'
              '<meta property="article:published_time" content="2025-03-05T08:00:00+00:00">'
              '<link rel="canonical" href="https://example.com/a/1">', lang="en-GB")
    assert (m.title, m.author, m.date) == ("OG Title", "Jane Doe", "2025-03-05")
    assert (m.site_name, m.language, m.url) == ("Example News", "en", "https://example.com/a/1")


def test_json_ld_news_article():
    m = _meta(_ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "LD Headline",
                   "author": {"@type": "Person", "name": "Katrin Mehlhorn"},
                   "datePublished": "2025-04-11T07:30:00+02:00",
                   "publisher": {"@type": "Organization", "name": "Walder Rundschau"}}))
    assert (m.title, m.author, m.date, m.site_name) == ("LD Headline", "Katrin Mehlhorn", "2025-04-11", "Walder Rundschau")


def test_json_ld_graph():
    m = _meta(_ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Not the title"},
        {"@type": "BlogPosting", "headline": "Graph Headline", "datePublished": "2024-12-01",
         "author": [{"@type": "Person", "name": "Ann One"}, {"@type": "Person", "name": "Bo Two"}]}]}))
    assert (m.title, m.date) == ("Graph Headline", "2024-12-01")
    assert m.author == "Ann One, Bo Two"


def test_json_ld_author_named_by_reference_to_a_person_in_the_graph():
    # Yoast SEO's graph: the article points at its author's object by @id.
    graph = [
        {"@type": "Organization", "@id": "https://harbour.example/#org", "name": "Harbour Media"},
        {"@type": "Person", "@id": "https://harbour.example/#/schema/person/1", "name": "Ann One"},
        {"@type": "Article", "headline": "Ferry back", "author": {"@id": "https://harbour.example/#/schema/person/1"}},
    ]
    assert _meta(_ld({"@context": "https://schema.org", "@graph": graph})).author == "Ann One"
    # A reference to the site's organisation is no byline.
    graph[2]["author"] = {"@id": "https://harbour.example/#org"}
    assert _meta(_ld({"@context": "https://schema.org", "@graph": graph})).author is None


def test_json_ld_article_after_a_web_page_object():
    # Many pages' @graph lists the WebPage before the article: its missing author and date
    # must not hide the article's.
    m = _meta(_ld({"@graph": [{"@type": "WebPage", "name": "Ferry | Courier"},
                              {"@type": "BlogPosting", "headline": "Ferry returns", "datePublished": "2024-11-26",
                               "author": {"@type": "Person", "name": "Ann One"}}]}))
    assert (m.author, m.date) == ("Ann One", "2024-11-26")


def test_json_ld_with_a_raw_line_break_inside_a_string():
    m = _meta('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Two\nlines",'
              ' "datePublished": "2025-10-01"}</script>')
    assert m.date == "2025-10-01"


def test_a_date_the_first_source_writes_its_own_way_falls_to_the_next():
    m = _meta('<meta property="article:published_time" content="Thursday at noon">'
              '<meta name="pubdate" content="2025-09-25">')
    assert m.date == "2025-09-25"


def test_broken_json_ld_is_ignored():
    m = _meta('<script type="application/ld+json">{"@type": "NewsArticle", </script><title>Kept title</title>')
    assert m.title == "Kept title"


@pytest.mark.parametrize("ld, og_type, page_type", [
    ({"@type": "NewsArticle", "headline": "H"}, "", "article"),
    ({"@type": "Product", "name": "Kettle"}, "", "product"),
    ({"@type": "Product", "name": "Kettle"}, "article", "article"),  # either saying article is enough
    ({"@type": [{"@id": "#kettle"}, "Product"], "name": "Kettle"}, "", "product"),  # not only names in the list
    ({"@type": "WebSite", "name": "Site"}, "website", "website"),
])
def test_page_type_from_og_type_and_json_ld(ld, og_type, page_type):
    og = f'<meta property="og:type" content="{og_type}">' if og_type else ""
    assert _meta(og + _ld(ld)).page_type == page_type


@pytest.mark.parametrize("graph", [True, 1, "x", None, {"@type": "NewsArticle", "headline": "One object"}])
def test_json_ld_graph_of_any_shape_is_read_or_ignored(graph):
    m = _meta(_ld({"@type": "WebSite", "@graph": graph}) + "<title>Kept title</title>")
    assert m.title == ("One object" if isinstance(graph, dict) else "Kept title")


def test_title_fallback_from_title_tag():
    assert _meta("<title>Council votes to restore the ferry | Courier</title>").title == "Council votes to restore the ferry"


def _page(head: str, body: str, url: str | None = None):
    return from_html(parse_html(f"<html><head>{head}</head><body>{body}</body></html>"), url)


@pytest.mark.parametrize("title, url, site, expected", [
    ("Council votes to restore the ferry | The Courier", "https://www.thecourier.co.uk/a/1", "", "Council votes to restore the ferry"),
    ("Courier – Council votes to restore the ferry", "https://courier.example/news/", "", "Council votes to restore the ferry"),
    ("Harbour Sports • View topic - Ferry timetable for the winter", None, "Harbour Sports", "View topic - Ferry timetable for the winter"),
    # A title whose parts are all its own stays whole when the site's name is known.
    ("Ferries - Timetables and Fares", "https://courier.example/", "", "Ferries - Timetables and Fares"),
    # Chinese and Japanese portals part their titles without spaces, or with full-width marks.
    ("港口新规划获批_腾讯新闻", "https://news.qq.com/a/1", "腾讯新闻", "港口新规划获批"),
    ("港口新规划获批-新华网", None, "", "港口新规划获批"),
    ("港口新规划获批｜新华网", None, "", "港口新规划获批"),
    ("港の新計画を承認　：日本経済新聞", None, "", "港の新計画を承認"),
    # A headline's own full-width colon, or a French one, parts nothing.
    ("外国专家：中美合作共赢符合国际社会利益", None, "", "外国专家：中美合作共赢符合国际社会利益"),
    ("Réforme : le gouvernement recule", None, "", "Réforme : le gouvernement recule"),
])
def test_the_sites_name_is_cut_from_the_title(title, url, site, expected):
    head = f"<title>{title}</title>" + (f'<meta property="og:site_name" content="{site}">' if site else "")
    assert _page(head, "<p>Body text.</p>", url).title == expected


def test_the_h1_is_the_headline_when_it_says_what_the_title_says():
    head = '<meta property="og:title" content="Council votes to restore ferry - Courier">'
    assert _page(head, "<h1>Council votes to restore the ferry</h1>", "https://courier.example/a").title \
        == "Council votes to restore the ferry"
    # A logo or a section name in the first <h1> is not the headline.
    assert _page(head, "<h1>The Courier</h1><h2>Council</h2>", "https://courier.example/a").title \
        == "Council votes to restore ferry"


def test_an_h1_that_prints_the_whole_title_loses_the_sites_name():
    head = '<title>Ferry timetable for the winter | Harbour Courier</title>'
    body = "<h1>Ferry timetable for the winter | Harbour Courier</h1>"
    assert _page(head, body, "https://harbourcourier.example/t").title == "Ferry timetable for the winter"
    # With no site name to go by, the <h1> stays as the reader sees it.
    assert _page(head, body, None).title == "Ferry timetable for the winter | Harbour Courier"


@pytest.mark.parametrize("h1, title", [
    ('Working with forms<a class="headerlink" href="#working-with-forms" title="Link to this heading">¶</a>',
     "Working with forms"),  # Sphinx, MkDocs
    ('<a class="anchor" href="#working-with-forms">#</a> Working with forms', "Working with forms"),
    ('<a href="#working-with-forms">Working with forms</a>', "Working with forms"),  # the link is the heading
    ('Working with C#<a class="headerlink" href="#forms">🔗</a>', "Working with C#"),
])
def test_a_headings_link_to_its_own_place_is_not_in_the_title(h1, title):
    head = f"<title>{title} — Web framework documentation</title>"
    assert _page(head, f"<h1>{h1}</h1>", "https://docs.example/forms/").title == title


def test_a_title_escaped_twice_by_its_cms_is_unescaped():
    head = '<meta property="og:title" content="The Cream with TFC8&amp;reg; for dry skin &amp;amp; lips">'
    assert _page(head, "<p>Body text.</p>", None).title == "The Cream with TFC8® for dry skin & lips"


@pytest.mark.parametrize("body, author", [
    ('<p class="post-meta">By <a rel="author" href="/u/jd">Jane Doe</a></p>', "Jane Doe"),
    ('<span class="c-byline__author">By Ian Marsh</span>', "Ian Marsh"),
    ('<div class="post"><span class="username">harbourfan77</span><p>Posted text.</p></div>', "harbourfan77"),
    ('<div itemprop="author" itemscope><span itemprop="name">Ana Ruiz</span></div>', "Ana Ruiz"),
    # A label the byline patterns do not know goes before the name is read.
    ('<div class="author-line">Authored by: Dr. Ian Marsh</div>', "Dr. Ian Marsh"),
])
def test_author_from_the_bylines_markup(body, author):
    # The markup is searched last, by the pipeline, when neither head nor article head names anyone.
    assert _page("<title>T</title>", body).author is None
    assert clean(f"<html><head><title>T</title></head><body>{body}</body></html>").author == author


@pytest.mark.parametrize("word", markup.BYLINE_CLASS_WORDS)
def test_each_byline_class_word_is_found_by_the_walk_and_its_pre_check(word):
    # The walk over the tree and the pre-check that spares it each spell the class words:
    # both must find a byline marked by any one of them.
    body = f'<p>Story text about the harbour.</p><span class="meta-{word}-name">Ian Marsh</span>'
    root = parse_html(f"<html><head><title>T</title></head><body>{body}</body></html>")
    assert root is not None and metadata.author_in_markup(root) == "Ian Marsh"


@pytest.mark.parametrize("link, author", [
    ('<a href="/authors/trevor-jackins">Trevor Jackins</a>', "Trevor Jackins"),
    ('<a href="https://harbour.example/blog/author/a._j._neal/?ref=post">A. J. Neal</a>', "A. J. Neal"),
    # A link to an author's page whose text is not the name the page is for: a menu's, a teaser's.
    ('<a href="/authors/">Our writers</a>', None),
    ('<a href="/authors/jane-doe">More from this author</a>', None),
])
def test_a_link_to_the_authors_own_page_is_a_byline(link, author):
    body = f"<p>Story text about the harbour and its ferry.</p><div>{link}</div>"
    assert clean(f"<html><head><title>T</title></head><body>{body}</body></html>").author == author


def test_the_first_byline_in_the_page_is_the_author_even_past_a_second_html_element():
    # A reply's "username" further down does not win over the story's byline above it.
    body = ('<span class="c-byline__author">By Ian Marsh</span><p>Story.</p>'
            '<div class="comment"><span class="username">harbourfan77</span></div>')
    assert clean(f"<html><head><title>T</title></head><body>{body}</body></html>").author == "Ian Marsh"
    # Broken markup can leave libxml2 two top elements; the byline in the second is found.
    page = ("<html><head><title>T</title></head><body><p>Story text about the harbour.</p></body></html>"
            '<html><body><span class="byline">By Ana Ruiz</span></body></html>')
    assert clean(page).author == "Ana Ruiz"


@pytest.mark.parametrize("head, body", [
    ('<meta name="author" content="undefined">', "<p>Body text.</p>"),
    ("", '<a class="username-link" href="/login">Sign in</a>'),
    ("", '<span class="author-label">Written by</span>'),
    # A label cut from its name: alone, or after the date.
    ("", '<span class="author-label">Article by:</span>'),
    ("", '<span class="byline">Jun 2 Written By</span>'),
    # A template's key, a profile's number, a byline's tail that lost its name.
    ('<meta name="author" content="page.head.extra.author">', "<p>Body text.</p>"),
    ('<meta name="author" content="262588213843476">', "<p>Body text.</p>"),
    ('<meta name="author" content=", USA TODAY">', "<p>Body text.</p>"),
    ("", '<div class="author-bio">Jane has covered the harbour for the Courier since 2009, and before that '
         "wrote about shipping for a trade paper in Hull.</div>"),
])
def test_no_author_rather_than_a_placeholder_or_a_bio(head, body):
    assert clean(f"<html><head>{head}</head><body>{body}</body></html>").author is None


def test_a_placeholder_in_the_head_leaves_the_author_to_the_bylines_markup():
    head = '<meta name="author" content="page.head.extra.author">'
    body = '<p>Story text about the harbour.</p><span class="c-byline__author">By Ian Marsh</span>'
    assert clean(f"<html><head>{head}</head><body>{body}</body></html>").author == "Ian Marsh"


def test_url_argument_wins_over_canonical():
    m = _meta('<link rel="canonical" href="https://example.com/canonical">', url="https://example.com/given")
    assert m.url == "https://example.com/given"


@pytest.mark.parametrize("text, iso", [
    ("2025-08-16T09:49:00+05:30", "2025-08-16"),
    ("First Published: Aug 16 2025 | 9:49 AM IST", "2025-08-16"),
    ("March 5th, 2024", "2024-03-05"),
    ("16. März 2025", "2025-03-16"),
    ("3 de marzo de 2025", "2025-03-03"),
    ("5 février 2025", "2025-02-05"),
    ("12 мая 2024", "2024-05-12"),
    ("12.03.2024", "2024-03-12"),
    ("2024年3月5日", "2024-03-05"),
    ("12 settembre 2024", "2024-09-12"),
    ("5 de março de 2023", "2023-03-05"),
    ("3 listopada 2021", "2021-11-03"),
    ("10 Kasım 2025", "2025-11-10"),
    ("7 жовтня 2024", "2024-10-07"),
    ("3 نوفمبر 2025", "2025-11-03"),
    ("2025년 12월 5일", "2025-12-05"),
    ("5. prosince 2025", "2025-12-05"),
    ("5 Δεκεμβρίου 2025", "2025-12-05"),
    ("Publié le 3 déc. 2025", "2025-12-03"),  # a month's first letters, in any language
    ("12 juil. 2024", "2024-07-12"),
    ("3. joulukuuta 2025", "2025-12-03"),
    ("12 maaliskuuta 2024", "2024-03-12"),
    ("Kemaskini: 3 Disember 2025", "2025-12-03"),
    ("Cập nhật: 10:30 ngày 3 tháng 12 năm 2025", "2025-12-03"),
    ("3 ธันวาคม 2568", "2025-12-03"),  # the Buddhist era
    ("3 ธันวาคม พ.ศ. 2568", "2025-12-03"),
    ("21 ม.ค. 2561", "2018-01-21"),  # Thai's abbreviated months
    ("Frissítve: 2025. március 5. 10:12", "2025-03-05"),  # Hungarian, year first
    ("12 شباط 2024", "2024-02-12"),  # Levantine month names
    ("الأحد ٥ حزيران ٢٠٢٣", "2023-06-05"),  # and Arabic-Indic digits
    ("अपडेटेड: 12 फ़रवरी 2024, 10:30 AM", "2024-02-12"),  # Hindi: vowel signs are no letters to the regex engine
    ("3 सितम्बर 2019", "2019-09-03"),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["no date here", "2025-02-30", "99.99.9999", "Version 3.12.1", "",
                                  "3 hours ago, 2025 edition", "June 2025", "Version 2025. Build 3."])
def test_parse_date_rejects_junk(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("line, name", [
    ("By Jane Doe, Reuters", "Jane Doe"),
    ("Jane Doe New Delhi", "Jane Doe"),
    ("Von Katrin Mehlhorn", "Katrin Mehlhorn"),
    ("김민수 기자 입력 2025.11.03 10:21", "김민수"),
    ("[서울=연합뉴스] 김민수 기자", "김민수"),
    ("بقلم: محمد العلي", "محمد العلي"),
    ("Oleh: Budi Santoso", "Budi Santoso"),
    ("记者 李明", "李明"),
    ("作者：张三", "张三"),
    ("文/王小明", "王小明"),
    ("作者简介", None),
    ("Napisał Jan Kowalski", "Jan Kowalski"),
    ("Napisał: Jan Kowalski", "Jan Kowalski"),
    ("Írta: Kovács Anna", "Kovács Anna"),
    ("Muhabir: Ayşe Yılmaz", "Ayşe Yılmaz"),
    ("Redactor: Ion Popescu", "Ion Popescu"),
    ("Reporter: Jane Doe", "Jane Doe"),
    ("โดย สมชาย ใจดี", "สมชาย ใจดี"),  # Thai, whose vowel signs the regex engine calls no letters
    ("लेखक: राहुल शर्मा", "राहुल शर्मा"),  # and Hindi, likewise
    ("reporter training begins today", None),
    ("Por: María García", "María García"),
    ("Bởi Nguyễn Văn An", "Nguyễn Văn An"),
    ("Από τον Γιώργο Παπαδόπουλο", "Γιώργο Παπαδόπουλο"),
    ("Της Μαρίας Παπαδοπούλου", "Μαρίας Παπαδοπούλου"),  # Greek: the name in the genitive
    ("Της ημέρας", None),
    ("Listen to This Article", None),
    ("By continuing, you agree to our", None),
    ("Trump, Putin, Trump-Putin", None),
    ("Jane Doe, Boston", "Jane Doe"),  # a dateline's place after the comma
    ("Jane Doe, New Delhi", "Jane Doe"),
    ("Donald Trump, Vladimir Putin, Alaska", None),  # a keyword line
    ("Paris, France", None),
    ("अमित शर्मा, नई दिल्ली", None),  # no capitals: a name only where a guessed byline may stand
])
def test_author_from_line(line, name):
    assert author_from_line(line) == name


def test_site_name_from_scraped_lines():
    from cleaner import clean
    article = " ".join(["The council met on Tuesday and agreed to reopen the ferry service next spring."] * 4)
    masthead = clean("Harbour Gazette\nSign in\nFerry service returns to the island after six years\n"
                     f"By Ana Ruiz\n{article}\n")
    assert masthead.metadata.site_name == "Harbour Gazette"
    footer = clean(f"Ferry service returns to the island after six years\n{article}\n"
                   "Copyright (C) 2025 Minato Shimpo. All rights reserved.\n")
    assert footer.metadata.site_name == "Minato Shimpo"


def test_the_headline_is_the_h1_not_a_menu_item_of_the_same_name():
    menu = "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in ("Install", "Retries and backoff", "Timeouts"))
    page = ("<html><head><meta property='og:title' content='Retries and backoff'></head><body>"
            f"<nav><ul>{menu}</ul></nav><main><h1>Retries and backoff</h1><p>Network calls fail for many "
            "reasons that have nothing to do with your code, and a client that retries them politely, "
            "waiting longer each time, rides out most of them.</p></main></body></html>")
    doc = clean(page.encode())
    titled = [b for b in doc.blocks if b.role == "title"]
    assert [(b.tag, b.text) for b in titled] == [("h1", "Retries and backoff")]
    assert all(b.label is not Label.CONTENT for b in doc.blocks if b.tag == "li")


POST = ("So reading up on these pans, they seem safe, but one catch: you should not use metal utensils on "
        "them as it can scratch the enamel. What do people use when trying to get plastics out of the kitchen?")


def test_the_dek_between_headline_and_byline_stays_in_the_body_but_a_caption_does_not():
    page = ("Enameled Cast Iron Pans and Metal Utensils, Tested\n\n"
            "Readers have asked us for months whether a scratched enamel pan is still safe to cook in, and what "
            "they should reach for instead of metal\n\n"
            "The test kitchen on Quay Street (Photo: Courier archive)\n\nBy Ana Ruiz\n\n" + POST + "\n")
    doc = clean(page.encode())
    assert doc.metadata.author == "Ana Ruiz"
    assert "whether a scratched enamel pan is still safe" in doc.text
    assert "Courier archive" not in doc.text and POST in doc.text


def test_a_consent_line_is_not_a_byline_that_hides_the_post_above_it():
    page = ("r/Cooking\nEuroStepJam\nEnameled cast iron pan and metal\n" + POST + "\nRead more\nShare\n"
            "New to Reddit?\nContinue with Email\nBy continuing, you agree to our\nUser Agreement\n")
    doc = clean(page.encode())
    assert POST in doc.text
    assert not any(b.role == "byline" for b in doc.blocks)


def test_a_link_post_whose_long_title_is_all_its_content_keeps_it_as_the_body():
    post = ("FCC chair to Europe: if you restrict our satellite providers, we will ban yours here, and the "
            "agency is now asking for public comment on what it calls market access reciprocity.")
    chrome = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "Popular", "Explore", "Log In"))
    page = (f"<html><head><meta property='og:title' content='{post}'></head><body><nav><ul>{chrome}</ul></nav>"
            f"<main><h1>{post}</h1></main><footer><p>Create your account and connect with a world of "
            "communities.</p></footer></body></html>")
    doc = clean(page.encode())
    assert doc.title == post
    assert doc.text == post


RUSSIAN_ARTICLE = ("Городской совет во вторник вечером проголосовал за возобновление паромного сообщения с "
                   "островом после шестилетнего перерыва, и жители острова говорят, что теперь они снова смогут "
                   "добираться до работы и школы. Паром начнёт работу в июне на двух отремонтированных судах.")


def test_a_photo_caption_in_another_language_stays_out_of_the_body():
    page = ("Совет проголосовал за возвращение парома на остров после шести лет\n\n"
            "Новый причал в гавани. Фото: ТАСС\n\nАвтор: Анна Смирнова\n\n" + RUSSIAN_ARTICLE + "\n")
    doc = clean(page.encode())
    assert doc.metadata.author == "Анна Смирнова"
    assert RUSSIAN_ARTICLE in doc.text and "Фото: ТАСС" not in doc.text


def test_scraped_text_that_opens_with_the_pages_title_takes_its_headline_from_the_echo():
    # What a scraper's get_text() gives: the <title> first, the menu, then the headline
    # again above the article. A headline of two words is too short to be guessed.
    text = "\n".join([
        "Ferry returns | The Harbour Courier",
        "Home", "News", "Ferry", "Sport", "Contact",
        "Ferry returns",
        "By Jane Doe",
        "The council voted on Tuesday night to bring back the winter ferry between the two harbours, "
        "three years after the service was cut to save money.",
        "Councillors said the crossing would run twice a day from November, and that fares would stay "
        "at last summer's prices until the spring.",
    ])
    doc = clean(text.encode(), url="https://harbourcourier.example/news/ferry")
    assert doc.metadata.title == "Ferry returns"
    assert doc.metadata.author == "Jane Doe"
    assert "Ferry returns" not in doc.text  # the headline is the title, not the body


MAT = ["Keep every screw in its place while you take a laptop apart: the mat holds small parts on a magnetic "
       "surface you can write on, so each step of the repair is labelled as you go.",
       "The surface wipes clean with a damp cloth, and the mat rolls up for storage in a drawer or a bag when "
       "the repair is done and the device is back together."]
MAT_MENU = ["Shop", "Tools", "Parts", "Cart"]
MAT_TAGLINE = "Organize all your small parts while you work on a device."
MAT_FOOTER = ["Contact us", "About us", "Returns", "© 2026 Harbour Supply Co"]
MAT_URL = "https://harboursupply.example/products/magnetic-project-mat"


def test_scraped_text_that_opens_with_the_pages_title_and_has_no_headline_takes_the_title():
    # A product page as get_text() renders it: the <title>, the menu, a tagline, the
    # description. No line echoes the title, and the tagline is no headline.
    text = "\n".join(["Magnetic Project Mat | Harbour Supply Co", *MAT_MENU, MAT_TAGLINE, *MAT, *MAT_FOOTER])
    doc = clean(text.encode(), url=MAT_URL)
    assert doc.metadata.title == "Magnetic Project Mat"
    assert MAT_TAGLINE in doc.text and all(p in doc.text for p in MAT)  # the tagline stays in the body
    # The tagline ends like the sentence it is: the likeliest headline is the <title> line
    # itself, which is then the title's line, not the body's.
    assert [b.text for b in doc.blocks if b.role == "title"] == ["Magnetic Project Mat | Harbour Supply Co"]
    assert "Harbour Supply Co" not in doc.text


def test_the_opening_copy_of_the_title_is_never_the_body_where_another_line_is_the_headline():
    # A converter wrote the <title> first; the headline under the menu is the title's line.
    # However the passes (or the model) judged the opening copy, it names the page and is
    # not a line of the article: navigation, and no later pass brings it back.
    from cleaner.features import measure
    from cleaner.records import Metadata
    from cleaner.segment import split_lines

    lines = ["Ferry returns to the harbour | The Harbour Courier", *HEADER_MENU, "Ferry returns to the harbour", *FERRY]
    blocks = [b._replace(label=Label.CONTENT, score=0.6) for b in measure(split_lines("\n".join(lines)), "en")]
    url = "https://harbourcourier.example/news/ferry-returns-to-the-harbour"
    found, meta = metadata.find_roles(blocks, Metadata(url=url), guess=True)
    assert meta.title == "Ferry returns to the harbour"
    assert found[0].label is Label.NAVIGATION and found[0].reasons[0] == "page_title"
    assert [b.text for b in found if b.role == "title"] == ["Ferry returns to the harbour"]
    # The whole pipeline: the copy is not in the text, the article is.
    doc = clean("\n".join(lines).encode(), url=url)
    assert "Harbour Courier" not in doc.text and all(p in doc.text for p in FERRY)


BIKE_POST = [
    "I am looking for my first mountain bike and would like something that can handle local trails without "
    "costing a fortune.",
    "Most of the riding around here is dry hardpack with a few rocky climbs, and I would be riding twice a week "
    "at most.",
    "Any suggestions for brands or models that hold up well for a beginner would be very welcome, thanks in advance.",
]
BIKE_URL = "https://www.mtbtalk.example/threads/suggestions-for-a-beginner-mountain-bike.123/"


@pytest.mark.parametrize("opening, title", [
    # The forum's name is not the URL's host: the short last part is still the site's.
    ("Suggestions for a beginner mountain bike | Trail Riders Forum", "Suggestions for a beginner mountain bike"),
    ("Suggestions for a beginner mountain bike - Trail Riders", "Suggestions for a beginner mountain bike"),
    # A headline that goes on after a dash in lower case is one headline; so is a long last part.
    ("The most popular workout of 2024 — and five trends to expect",
     "The most popular workout of 2024 — and five trends to expect"),
    ("Beginner bikes | What the shop staff told me after three years of selling them to riders",
     "Beginner bikes | What the shop staff told me after three years of selling them to riders"),
])
def test_the_opening_title_line_loses_a_short_last_part_the_url_does_not_name(opening, title):
    text = "\n".join([opening, "Home", "Forums", "New posts", *BIKE_POST, "Reply", "Share"])
    doc = clean(text.encode(), url=BIKE_URL)
    assert doc.metadata.title == title
    assert all(p in doc.text for p in BIKE_POST)


@pytest.mark.parametrize("header, poster", [
    ("hayley.p 2 May 2025 18:48 1", "hayley.p"),  # Discourse as html-text writes it
    ("trailrider_77 (Sam) November 8, 2024, 7:33pm", "trailrider_77"),
])
def test_a_threads_author_is_the_user_name_over_its_first_post(header, poster):
    text = "\n".join(["Suggestions for a beginner mountain bike", "Bikes", header, *BIKE_POST, "Reply"])
    doc = clean(text.encode(), url=BIKE_URL)
    assert doc.metadata.author == poster
    assert doc.metadata.date is not None and all(p in doc.text for p in BIKE_POST)


def test_a_dateline_with_a_label_or_a_name_of_two_words_names_no_poster():
    # "Updated" is the date's label, not a user; a full name with no "By" is no handle.
    for header in ("Updated 2 May 2025 18:48", "Hayley Parker 2 May 2025 18:48"):
        text = "\n".join(["Suggestions for a beginner mountain bike", "Bikes", header, *BIKE_POST, "Reply"])
        assert clean(text.encode(), url=BIKE_URL).metadata.author in (None, "Hayley Parker")
    # Off a thread (an article's URL) the token before a date is not read as a poster.
    text = "\n".join(["Suggestions for a beginner mountain bike", "Bikes", "hayley.p 2 May 2025 18:48", *BIKE_POST])
    assert clean(text.encode(), url="https://www.mtbtalk.example/blog/beginner-bikes").metadata.author != "hayley.p"


def test_a_first_line_that_neither_names_the_site_nor_the_url_is_not_taken_for_the_title():
    # A rendering without the <head> opens with the logo's text: not the page's title.
    text = "\n".join(["Harbour Supply Co", *MAT_MENU, MAT_TAGLINE, *MAT, *MAT_FOOTER])
    assert clean(text.encode(), url=MAT_URL).metadata.title != "Harbour Supply Co"
    # The same lines without a URL: nothing says the first is the <title>.
    text = "\n".join(["Magnetic Project Mat | Harbour Supply Co", *MAT_MENU, MAT_TAGLINE, *MAT, *MAT_FOOTER])
    assert clean(text.encode()).metadata.title != "Magnetic Project Mat"


HEADER_MENU = ["Home", "News", "Sport", "Business", "Weather", "Contact"]


def test_a_rendering_that_opens_with_a_menu_item_takes_no_echo_of_it_for_the_title():
    # A text browser's rendering starts with the body: its first line is the logo's link
    # ("Home"), which the bulleted menu under it repeats. The headline is the title.
    menu = ["* Home", "* News", "* Sport", "* Contact"]
    text = "\n".join(["Home", *menu, "The ferry is coming back to the harbour", *FERRY])
    doc = clean(text.encode(), url="https://harbourcourier.example/news/winter-ferry")
    assert doc.metadata.title == "The ferry is coming back to the harbour"


@pytest.mark.parametrize("row", ["| Day | Sailings | First boat |\n|---|---|---|", "Day\tSailings\tFirst boat"])
def test_a_table_s_header_row_is_no_headline(row):
    # A browser's copy of a table keeps its cells apart with tabs, Markdown with pipes:
    # its header row is as short as a headline and stands above the text, but is neither.
    rows = row + "\n" + ("| Monday | 4 | 06:10 |" if "|" in row else "Monday\t4\t06:10")
    doc = clean(f"{rows}\n\n" + "\n\n".join(FERRY) + "\n")
    assert doc.metadata.title is None or "Sailings" not in doc.metadata.title


def test_a_first_line_of_one_word_is_no_title_for_a_later_line_to_echo():
    # A browser's copy opens with the menu's first item ("Forums"), and a tab under it
    # says "Forum": neither is the page's <title>. The thread's own line is the headline.
    text = "\n".join(["Forums", "New posts", "Log in", "Forum", "Ferry timetable thoughts", *FERRY])
    doc = clean(text.encode(), url="https://forums.harbour.example/threads/ferry-timetable-thoughts.3237/")
    assert doc.metadata.title == "Ferry timetable thoughts"
    # A short <title> that names the site apart is still echoed ("Models | Django documentation").
    text = "\n".join(["Timetables | Harbour Courier", *HEADER_MENU, "Timetables", *FERRY])
    assert clean(text.encode(), url="https://harbourcourier.example/ferry/").metadata.title == "Timetables"


@pytest.mark.parametrize("dateline, author", [
    ("By Jane Doe October 22, 2025", "Jane Doe"),  # a copy dropped the mark between the two
    ("October 22, 2025 By Jane Doe", "Jane Doe"),
    ("Published On October 22, 2025", None),  # a label, not a name
])
def test_a_byline_and_a_date_run_together_name_the_author(dateline, author):
    text = "\n".join([*HEADER_MENU, "The ferry is coming back to the harbour", dateline, *FERRY])
    doc = clean(text.encode())
    assert doc.metadata.author == author
    assert doc.metadata.date == "2025-10-22"


@pytest.mark.parametrize("bullet", ["*", "+"])  # "+": inscriptis's second level
def test_a_list_item_is_not_guessed_for_the_headline(bullet):
    # Bulleted lines above the article are a menu's, however long their words run.
    menu = [f"{bullet} Local elections, council business and the county's planning decisions",
            f"{bullet} Harbour and coast news from every town and village along the bay"]
    text = "\n".join(["Ferry returns to the harbour", *menu, *FERRY])
    doc = clean(text.encode())
    assert doc.metadata.title == "Ferry returns to the harbour"


@pytest.mark.parametrize("rating", ["4.6 out of 5 stars (212 customer ratings)", "Rated 4 stars out of 5 by our buyers",
                                    "4,4 de 5 estrellas (87 valoraciones)", "★★★★☆ 212 ratings from verified buyers"])
def test_a_products_rating_line_is_not_guessed_for_the_headline(rating):
    # A shop's product head as a browser copies it: the name, then its rating, the longer line.
    text = "\n".join([*HEADER_MENU, "Harbour ferry model kit", rating, *FERRY])
    assert clean(text.encode()).metadata.title == "Harbour ferry model kit"


def test_the_line_that_says_the_urls_last_step_is_the_likelier_headline():
    # A browser's copy of a page has no markup and no <title>: of the lines over the
    # article, the one holding the words of the URL's slug is the headline, not the
    # longer promotion nearer the prose.
    promotion = "Book your winter crossing now and save a third on every fare"
    text = "\n".join([*HEADER_MENU, "Ferry returns to the harbour", promotion, *FERRY])
    url = "https://harbourcourier.example/news/2025/10/ferry-returns-to-the-harbour"
    assert clean(text.encode(), url=url).metadata.title == "Ferry returns to the harbour"
    # An id or a hash in the last step spells no words ("5e2cdc32"): it says nothing.
    assert not titles.says_slug("Save 5e2cdc32 to your computer", "https://gist.example/someone/5e2cdc32")


def test_a_headline_of_two_words_is_guessed_when_it_says_the_urls_last_step():
    # A shop's category page, as a browser copies it: "Standing desks" is a menu item's
    # length, but the URL names the page for it.
    text = "\n".join([*MAT_MENU, "Standing desks", "Free delivery on every order over fifty pounds this month", *MAT])
    doc = clean(text.encode(), url="https://harboursupply.example/collections/standing-desks")
    assert doc.metadata.title == "Standing desks"
    # Without the URL to say so, a line that short is no headline.
    assert clean(text.encode()).metadata.title != "Standing desks"


def test_a_breadcrumb_trail_is_not_guessed_for_the_headline():
    # The trail ends with the headline's words, and runs longer: the line under it is the headline.
    for trail in ("Home » News » Harbour » The ferry is coming back to the harbour",
                  "Home / News / Harbour / The ferry is coming back to the harbour"):
        text = "\n".join([*HEADER_MENU, trail, "The ferry is coming back to the harbour", *FERRY])
        assert clean(text.encode()).metadata.title == "The ferry is coming back to the harbour"


def test_a_trail_whose_marks_a_copy_dropped_is_not_the_headline():
    # A browser's copy of a breadcrumb list loses its marks: capitalised steps, then the
    # headline's words, which the next line says alone.
    trail = "Home News Harbour The ferry is coming back to the harbour"
    text = "\n".join([*HEADER_MENU, trail, "The ferry is coming back to the harbour", *FERRY])
    assert clean(text.encode()).metadata.title == "The ferry is coming back to the harbour"
    # One word before a shorter line's is no trail (a maker's name before its product's).
    text = "\n".join([*HEADER_MENU, "Harbourline Winter Ferry Timetable", "Winter Ferry Timetable", *FERRY])
    assert clean(text.encode()).metadata.title == "Harbourline Winter Ferry Timetable"


def test_a_standfirst_that_ends_like_a_sentence_is_not_the_headline():
    # No byline under them to tell them apart: the line that ends with a full stop is
    # the standfirst, though it runs longer and stands nearer the prose.
    standfirst = "The council has voted to bring the winter crossing back."
    text = "\n".join([*HEADER_MENU, "Winter ferry returns to the harbour", standfirst, *FERRY])
    assert clean(text.encode()).metadata.title == "Winter ferry returns to the harbour"


def test_a_first_line_that_names_the_site_apart_is_the_title_whatever_it_opens_with():
    # "Category:" opens a label line ("Filed under: ..."), but a part of its own naming the
    # site says the line is the <title>: its echo over the article is still the headline.
    text = "\n".join(["Category:Harbour ferries - Harbour Wiki", *HEADER_MENU, "Category:Harbour ferries", *FERRY])
    doc = clean(text.encode(), url="https://wiki.harbour.example/wiki/Category:Harbour_ferries")
    assert doc.metadata.title == "Category:Harbour ferries"


def test_a_guessed_headline_with_a_byline_under_it_wins_over_the_pages_title():
    # A news story's <title> is written for search; the headline over the byline is the story's.
    text = "\n".join(["Winter ferry service to resume in November | The Harbour Courier", *HEADER_MENU,
                      "The ferry is coming back to the harbour", "By Jane Doe", "October 22, 2025", *FERRY])
    doc = clean(text.encode(), url="https://harbourcourier.example/news/winter-ferry-service-resumes")
    assert doc.metadata.title == "The ferry is coming back to the harbour"
    assert doc.metadata.author == "Jane Doe"


@pytest.mark.parametrize("text, url, says", [
    ("Magnetic Project Mat", MAT_URL, True),
    ("Men's Wool Runners", "https://shop.example/products/mens-wool-runners.html", True),
    ("Backup Strategy", "https://blog.example/2025/12/backup-strategy/", True),
    ("Dota 2 on Steam", "https://store.example/app/570/Dota_2/", True),
    ("Shop", MAT_URL, False),
    ("Skip to content", "https://blog.example/2025/12/skip-the-queue", False),
    ("Laptops", "https://shop.example/item/123456", False),  # a step of numbers says nothing
    ("Laptops", None, False),
])
def test_a_line_says_the_urls_last_step(text, url, says):
    assert titles.says_slug(text, url) is says


FERRY = [
    "The council voted on Tuesday night to bring back the winter ferry between the two harbours, "
    "three years after the service was cut to save money, and the first crossing is planned for November.",
    "Councillors said the boat would run twice a day from the old pier, and that fares would stay "
    "at last summer's prices until the spring, when the council will look at them again.",
    "The harbour master said the pier needs new railings before the first crossing, and that the work "
    "will be done in October, while the boat itself is refitted at the yard across the bay.",
]
FOOTER = ["Contact us", "About us", "Careers", "Stores", "Delivery", "Returns", "Privacy policy", "Terms of sale",
          "© 2026 Harbour Supply Co"]
# A shop's mega-menu as get_text() renders it: each model's name over a sentence of blurb.
BLURBS = [
    "Harbour Glide 40", "A quiet electric outboard motor with a long-range battery, a folding tiller and an app that shows the charge.",
    "Harbour Glide 60", "Our most powerful electric outboard yet, with a fast charger, a stainless propeller and a three-year warranty.",
    "Dock Lines", "Braided mooring lines in four lengths, with spliced eyes and chafe guards, made to last for many seasons.",
]


def test_prose_kept_above_the_headline_that_the_title_names_is_the_page_s():
    text = "\n".join(["Ferry returns to the harbour next winter | Harbour Supply Co", "Shop", *BLURBS, "Blog",
                     "Ferry returns to the harbour next winter", "By Jane Doe", *FERRY, *FOOTER])
    doc = clean(text.encode(), url="https://harboursupply.example/blog/ferry")
    assert doc.metadata.title == "Ferry returns to the harbour next winter"
    assert all(p in doc.text for p in FERRY)
    assert not any(blurb in doc.text for blurb in BLURBS[1::2])
    assert "above_headline" in next(b for b in doc.blocks if b.text == BLURBS[1]).reasons
    assert "title_echo" in next(b for b in doc.blocks if b.role == "title").reasons


def test_the_headline_under_a_long_menu_and_a_broken_byline_still_anchors_the_article():
    # A shop's menu fills more than half the page, and get_text() breaks the byline
    # and the dateline over several lines before the prose begins.
    menu = [line for k in range(10) for line in (f"Harbour Glide {k}0", BLURBS[1])]
    head = ["Ferry returns to the harbour next winter", "Written", "by", "Jane Doe", "|", "Published on",
            "October 22, 2025", "Share"]
    text = "\n".join(["Ferry returns to the harbour next winter | Harbour Supply Co", "Shop", *menu, *head, *FERRY,
                     *FOOTER[:4]])
    doc = clean(text.encode(), url="https://harboursupply.example/blog/ferry")
    assert doc.metadata.title == "Ferry returns to the harbour next winter"
    assert all(p in doc.text for p in FERRY) and BLURBS[1] not in doc.text


def test_a_masthead_on_the_first_line_is_no_headline_to_cut_above():
    # A rendering without the <title> opens with the site's name, which a subscribe box
    # repeats under the article: the article above it stays.
    text = "\n".join(["Harbour Supply Newsletter", "Subscribe", "Sign in", *FERRY,
                     "Harbour Supply Newsletter", "Get the next post in your inbox every week, with news from the "
                     "harbour, the boatyards and the sailing club, and nothing else at all.", *BLURBS])
    doc = clean(text.encode(), url="https://harboursupply.example/p/ferry")
    assert all(p in doc.text for p in FERRY)


# A story longer than the dozen lines under its headline where a byline is looked for first.
LONG_STORY = [f"On day {n} of the harbour works, the crews {task}, and the council's engineers said the job "
              f"was on time and that the ferry could still sail in November as the council had planned."
              for n, task in enumerate(["drained the old dock", "lifted the broken railings", "cut the new steps",
                                        "poured the concrete for the ramp", "painted the bollards",
                                        "laid the cables for the lights", "tested the new gangway",
                                        "cleared the channel of silt", "fixed the tide gauge",
                                        "rebuilt the ticket office", "hung the new signs",
                                        "checked the fenders", "swept the quay", "opened the waiting room"], 1)]


def test_an_author_box_under_the_article_names_the_author_of_scraped_text():
    # No byline near the headline; the box under the text has the label on one line and
    # the name on the next, as get_text() splits them.
    text = "\n".join(["Ferry returns to the harbour next winter | The Harbour Courier", *HEADER_MENU,
                      "Ferry returns to the harbour next winter", *LONG_STORY,
                      "Written by", "Jane Doe", "Jane covers the harbour and the council for the Courier.", *FOOTER])
    doc = clean(text.encode(), url="https://harbourcourier.example/news/ferry-returns")
    assert doc.metadata.author == "Jane Doe"
    assert all(p in doc.text for p in LONG_STORY)


def test_a_forum_threads_starter_is_its_author():
    # A XenForo thread as get_text() renders it: the label, the user name, the start date.
    replies = ["I had the same trouble with the winter timetable last year and the harbour office "
               "sorted it out within a week, so it is worth writing to them.", "harbourfan22", "Oct 23, 2025",
               "Thanks, I will write to them tomorrow and report back here once I hear anything at all."]
    text = "\n".join(["Winter ferry timetable? | Harbour Forum", *HEADER_MENU, "Winter ferry timetable?",
                      "Thread starter", "ferrywatcher", "Start date", "Oct 22, 2025", *FERRY[:2], *replies])
    doc = clean(text.encode(), url="https://forum.harbour.example/threads/winter-ferry-timetable.4417/")
    assert doc.metadata.author == "ferrywatcher"


def test_labels_that_name_many_people_or_a_code_word_name_no_author():
    books = [line for title, name in [("Animal Farm", "George Orwell"), ("Emma", "Jane Austen"),
                                      ("Dracula", "Bram Stoker")] for line in (title, "by", name)]
    text = "\n".join(["Classic novels | Harbour Books", *HEADER_MENU, *LONG_STORY, *books, *FOOTER])
    assert clean(text.encode(), url="https://harbourbooks.example/lists/classics").metadata.author is None
    # A SQL manual's lines, as a converter that breaks at every span writes them.
    code = ["CREATE TABLE t (id INT", "GENERATED", "BY", "DEFAULT", "AS IDENTITY)"]
    text = "\n".join(["Identity columns | Harbour DB manual", *HEADER_MENU, *LONG_STORY, *code, *FOOTER])
    assert clean(text.encode(), url="https://harbourdb.example/docs/identity-columns").metadata.author is None


def test_a_date_line_above_the_headline_dates_scraped_text():
    # The dateline stands over the headline with the reading time and the share bar
    # between, too far up for the lines next to the headline.
    text = "\n".join(["Ferry returns to the harbour next winter | The Harbour Courier", *HEADER_MENU, "Local news",
                      "October 22, 2025", "5 min read", "Listen", "Ferry returns to the harbour next winter",
                      *LONG_STORY, *FOOTER])
    doc = clean(text.encode(), url="https://harbourcourier.example/news/ferry-returns")
    assert doc.metadata.date == "2025-10-22"
    # Other stories' dates above the article: which one is its own is not told.
    latest = ["Latest", "Harbour fees to rise", "October 20, 2025", "New pier lights", "October 21, 2025"]
    text = "\n".join(["Ferry returns to the harbour next winter | The Harbour Courier", *HEADER_MENU, *latest,
                      "5 min read", "Listen", "Ferry returns to the harbour next winter", *LONG_STORY, *FOOTER])
    assert clean(text.encode(), url="https://harbourcourier.example/news/ferry-returns").metadata.date is None


def test_a_title_case_heading_under_the_headline_is_not_the_author():
    # In scraped text a name line needs no "By" to be a byline, but it sits where bylines
    # do, by a date; a service page's first heading is no one's name.
    text = "\n".join([
        "Harbour Web Studio",
        "Websites for small harbours and the businesses around them",
        "Custom Web Development",
        "We design and build websites for marinas, ferry operators and the shops along the quay, "
        "and we look after them for as long as you need us to.",
        "Every site we build is fast on a phone, easy to update, and written to be found by people "
        "searching for what you sell.",
    ])
    assert clean(text.encode()).metadata.author is None
    dated = text.replace("Custom Web Development", "Jane Doe\nMarch 5, 2025")
    assert clean(dated.encode()).metadata.author == "Jane Doe"


@pytest.mark.parametrize("footer, site", [
    ("Copyright © 2004 - 2026 by Harbour Media.", "Harbour Media"),
    ("Copyright © 2004 - 2026 by", None),  # the name went to the next line
    ("© 2026 Harbour Media All rights reserved", "Harbour Media"),
    ("Copyright © 2026 晨报网 版权所有 京ICP备12345678号", "晨报网"),
    ("© 2026 Tagesblatt Alle Rechte vorbehalten", "Tagesblatt"),
    ("© Le Quotidien 2026", "Le Quotidien"),
    ("© Acme Press 2001-2026. Alle Rechte vorbehalten.", "Acme Press"),
    ("© Bản quyền thuộc về Báo Tin Tức. Mọi quyền được bảo lưu.", "Báo Tin Tức"),
    ("Copyright © 2026 Gazeta Portowa wszelkie prawa zastrzeżone", "Gazeta Portowa"),
    ("版权所有 © 2026 经济新闻网 京ICP备12345678号", "经济新闻网"),
])
def test_site_name_from_a_copyright_line(footer, site):
    text = "\n".join([
        "Ferry returns to Gull Island",
        "The council voted on Tuesday night to bring back the winter ferry between the two harbours, "
        "three years after the service was cut to save money.",
        "Councillors said the crossing would run twice a day from November, and that fares would stay "
        "at last summer's prices until the spring.",
        footer,
    ])
    assert clean(text.encode()).metadata.site_name == site


def test_a_sentence_pasted_alone_is_its_body_not_a_headline():
    sentence = "The council voted on Tuesday to restore the ferry service."
    run = subprocess.run([sys.executable, "-m", "cleaner"], input=sentence.encode(), capture_output=True, check=True)
    assert run.stdout.decode().strip() == sentence  # not "# The council voted ..."
    assert clean(sentence.encode()).title is None
    # A line without a full stop, as a rendering that kept only the page's title gives, is both.
    doc = clean(b"Ferry service returns to the island")
    assert doc.title == "Ferry service returns to the island" and doc.text == doc.title


ZH_STORY = [
    "受强冷空气影响，长江中下游地区从昨天夜间开始出现今冬首场降雪，部分地区积雪深度达到五厘米。气象部门提醒，未来三天气温将继续下降，市民出行需注意交通安全。",
    "据了解，此次降雪范围较广，湖北、安徽、江苏等地均有不同程度的降雪。多条高速公路采取了临时交通管制措施，部分航班出现延误。",
]


def test_a_dateline_under_the_headline_dates_the_page_whose_markup_gives_no_date():
    # The line reads as chrome to the scorer (a source label, a name, no sentence), but
    # under the headline it is the article's dateline, and it names the author too.
    page = ("<html><head><meta charset='utf-8'><title>长江流域迎来今冬首场降雪_新闻中心_晨报网</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/news'>新闻</a> <a href='/finance'>财经</a></div>"
            "<div class='article'><h1>长江流域迎来今冬首场降雪</h1>"
            "<div class='info'>2026-12-03 09:30 来源：晨报网 作者：李明</div>"
            + "".join(f"<p>{p}</p>" for p in ZH_STORY) + "</div></body></html>")
    doc = clean(page.encode("utf-8"))
    assert (doc.metadata.date, doc.metadata.author) == ("2026-12-03", "李明")
    assert doc.text == "\n\n".join(ZH_STORY)
    # The markup's own date wins over a date in the text.
    declared = page.replace("<head>", "<head><meta property='article:published_time' content='2026-12-02T22:00:00Z'>")
    assert clean(declared.encode("utf-8")).metadata.date == "2026-12-02"


@pytest.mark.parametrize("name, dateline", [
    ("María López", "Madrid - 03 dic 2026 - 10:25 CET"),  # "maría" is in jusText's Spanish stop list
])
def test_a_bare_name_over_the_dateline_is_the_author_though_a_stop_list_holds_it(name, dateline):
    text = "\n".join([
        "Portada", "Economía", "Deportes",
        "El precio de la vivienda sube un 8% en el último año",
        name, dateline,
        "El precio de la vivienda libre en España subió un 8% en el tercer trimestre respecto al mismo "
        "periodo del año anterior, según los datos publicados este miércoles.",
        "Se trata del mayor incremento desde 2007, antes del estallido de la burbuja inmobiliaria, y las "
        "comunidades con mayores subidas fueron Madrid, Baleares y la Comunidad Valenciana.",
    ])
    doc = clean(text.encode())
    assert doc.metadata.author == name
    assert name not in doc.text


@pytest.mark.parametrize("headline, standfirst, byline, author", [
    ("Treni, nuovo orario invernale dal 14 dicembre: cosa cambia",
     "Più collegamenti tra Milano e Roma, ma alcune linee regionali perdono corse", "di Marco Rossi", "Marco Rossi"),
    ("Rail operator announces four new high-speed lines for 2027",
     "The government wants to revive rail to cut transport emissions", "by Claire Dubois", "Claire Dubois"),
])
def test_a_headline_over_its_standfirst_and_a_lower_case_byline(headline, standfirst, byline, author):
    # The byline in lower case does not carry on the standfirst's sentence, and the
    # standfirst, longer and right over the byline, is not taken for the headline.
    prose = ["Dal 14 dicembre entra in vigore il nuovo orario invernale dei treni, con dieci collegamenti "
             "in più al giorno tra le due città e corse serali in meno sulle linee regionali.",
             "L'azienda ferroviaria ha spiegato che i tagli sono legati ai lavori di manutenzione previsti "
             "sulla rete fino alla primavera, e che le corse torneranno in aprile."]
    text = "\n".join(["Menu", "Cerca", "Accedi", headline, standfirst, byline, "3 dicembre 2026", *prose])
    doc = clean(text.encode())
    assert (doc.metadata.title, doc.metadata.author) == (headline, author)
    assert byline not in doc.text and doc.text.endswith(prose[1])


def test_a_headline_over_its_standfirst_then_a_bare_name_and_the_dateline():
    # Under the standfirst the author's name stands alone, and the dateline comes next.
    headline = "Merkez Bankası faizi yüzde 45'te sabit tuttu"
    standfirst = "Para Politikası Kurulu, enflasyondaki düşüşün sürdüğünü ancak risklerin devam ettiğini açıkladı"
    prose = ["Türkiye Cumhuriyet Merkez Bankası Para Politikası Kurulu, politika faizini yüzde 45 seviyesinde "
             "sabit tuttu. Karar, ekonomistlerin büyük çoğunluğunun beklentisiyle uyumlu oldu.",
             "Kurul tarafından yapılan açıklamada, aylık enflasyonun ana eğiliminin kasım ayında gerilediği, "
             "ancak hizmet fiyatlarındaki katılığın sürdüğü belirtildi.",
             "Ekonomistler, Merkez Bankası'nın ilk faiz indirimini gelecek yılın ilk çeyreğinde yapmasını "
             "bekliyor. Kurulun bir sonraki toplantısı 22 Ocak'ta yapılacak."]
    text = "\n".join(["Ana Sayfa", "Gündem", "Ekonomi", "Spor", "EKONOMİ", headline, standfirst,
                      "Mehmet Yılmaz", "04.12.2026 14:05", *prose])
    doc = clean(text.encode())
    assert (doc.metadata.title, doc.metadata.author, doc.metadata.date) == (headline, "Mehmet Yılmaz", "2026-12-04")
    assert headline not in doc.text and all(p in doc.text for p in prose)


def test_a_dateline_over_the_headline_dates_the_page():
    # Some sites print the section and the date above the headline, none below it.
    headline = "Giá vàng trong nước tăng mạnh, vượt mốc 90 triệu đồng mỗi lượng"
    prose = ["Sáng nay, các doanh nghiệp kinh doanh vàng đồng loạt điều chỉnh tăng giá vàng miếng. "
             "Giá bán ra phổ biến ở mức 90,5 triệu đồng mỗi lượng, cao nhất từ trước đến nay.",
             "Theo các chuyên gia, giá vàng trong nước tăng chủ yếu do giá vàng thế giới đi lên khi đồng USD "
             "suy yếu và nhu cầu trú ẩn an toàn tăng cao."]
    text = "\n".join(["Trang chủ", "Thời sự", "Thế giới", "Kinh doanh", "Thứ năm, 3/12/2026, 08:15 (GMT+7)",
                      headline, *prose])
    doc = clean(text.encode())
    assert (doc.metadata.title, doc.metadata.date) == (headline, "2026-12-03")
    assert "3/12/2026" not in doc.text and doc.text.endswith(prose[1])


def test_a_name_line_in_a_script_without_capitals_under_the_standfirst_is_the_byline():
    headline = "दिल्ली में प्रदूषण का स्तर फिर बढ़ा, स्कूलों में दो दिन की छुट्टी"
    standfirst = "राजधानी में वायु गुणवत्ता सूचकांक 400 के पार पहुंच गया है, सरकार ने निर्माण कार्य पर भी रोक लगाई"
    prose = ["दिल्ली में बुधवार को वायु प्रदूषण का स्तर एक बार फिर गंभीर श्रेणी में पहुंच गया। केंद्रीय प्रदूषण "
             "नियंत्रण बोर्ड के अनुसार, कई इलाकों में वायु गुणवत्ता सूचकांक 450 से ऊपर दर्ज किया गया।",
             "हालात को देखते हुए दिल्ली सरकार ने सभी प्राथमिक स्कूलों को दो दिन के लिए बंद रखने का आदेश दिया है। "
             "इसके साथ ही निर्माण और तोड़फोड़ के कामों पर भी अस्थायी रोक लगा दी गई है।"]
    text = "\n".join(["होम", "देश", "विदेश", "खेल", headline, standfirst, "अमित शर्मा, नई दिल्ली",
                      "अपडेटेड: 04 दिसंबर 2026, 10:30 AM IST", *prose])
    doc = clean(text.encode())
    assert (doc.metadata.title, doc.metadata.author, doc.metadata.date) == (headline, "अमित शर्मा", "2026-12-04")
    assert "अमित शर्मा" not in doc.text and all(p in doc.text for p in prose)


@pytest.mark.parametrize("dateline", ["04 decembrie 2026, 13:15", "4. decembra 2026 14:30"])
def test_a_romanian_or_slovak_dateline_dates_the_page(dateline):
    # The date shapes know their month names: without them the line was no date at all.
    prose = ["Banca Națională a României a decis joi să mențină rata dobânzii de politică monetară la "
             "nivelul de 6,5% pe an, în linie cu așteptările majorității economiștilor.",
             "Potrivit comunicatului, inflația a continuat să scadă în ultimele luni, dar riscurile rămân "
             "ridicate din cauza deficitului bugetar."]
    text = "\n".join(["Acasă", "Economie", "Sport", "BNR a menținut dobânda de politică monetară la 6,5%",
                      "Andrei Popescu", dateline, *prose])
    assert clean(text.encode()).metadata.date == "2026-12-04"


@pytest.mark.parametrize("label", ["By", "Written by", "Article by:", "Author"])
def test_a_byline_label_on_its_own_line_names_the_author_on_the_next(label):
    # Converters put the label and the linked name on lines of their own ("By\nJane Doe").
    headline = "Harbour ferry returns after a winter of repairs"
    prose = ["The ferry to the island sailed again on Monday, after four months in dry dock for a new "
             "engine and a repaired hull, the harbour board said.",
             "Passengers queued from dawn, and the first crossing was full an hour before it left the pier."]
    text = "\n".join(["Home", "News", "Sport", headline, label, "Jane Doe", *prose])
    # (The lines keep the labels the scorer gave them: the scraped-text model reads those.)
    assert clean(text.encode()).metadata.author == "Jane Doe"
    # In HTML, a label in an element of its own and the name in the next.
    page = (f"<html><body><h1>{headline}</h1><div><p>{label}</p><p>Jane Doe</p></div>"
            + "".join(f"<p>{p}</p>" for p in prose) + "</body></html>")
    assert clean(page.encode()).metadata.author == "Jane Doe"


def test_a_search_forms_author_field_names_no_one():
    # "Author" over a form's next field is a label of the form, not a byline.
    prose = ["The ferry to the island sailed again on Monday, after four months in dry dock for a new "
             "engine and a repaired hull, the harbour board said.",
             "Passengers queued from dawn, and the first crossing was full an hour before it left the pier."]
    text = "\n".join(["Harbour ferry returns after a winter of repairs", "Author", "Date within", *prose])
    assert clean(text.encode()).metadata.author is None
