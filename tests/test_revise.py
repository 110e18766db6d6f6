"""The context pass on whole pages: keyword runs, legal prose, split sentences, comment
sections, listings, the main container and region, related links, the article head.

Each test cleans a small invented page through `clean` and checks labels and reason
codes, never scores, so the weights can move without breaking it.
"""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Block, Label, Options, clean, load_rules
from cleaner.cli import main
from cleaner.features import measure
from cleaner.revise.listings import _without_unique_names, record_key
from cleaner.revise.regions import _line_gains
from cleaner.scoring import score
from cleaner.segment import split_lines
from cleaner.writers import to_markdown

# The context passes on their own: the fitted model that has the last word after them
# (stacking.py) is tested in test_stacking.py, and the whole pipeline on real pages by
# the fixtures and test_seed.py.
TEXT = Options(input_kind="text", model="")
HEADLINE = "Varnell reservoir falls to its lowest level in nearly fifty years"
ARTICLE = [
    "The reservoir above Varnell has fallen to its lowest level in decades after a dry spring and an "
    "unusually warm summer, and farmers in the valley say they have already cut back on watering.",
    "Engineers at the dam began releasing less water in June, but the river below the town is now so "
    "shallow in places that children can wade across it without getting their knees wet.",
    "Local officials have asked households to stop watering lawns and washing cars until the autumn "
    "rains arrive, and the council is considering fines for anyone who ignores the request.",
    "Older residents remember the drought of 1976, when the reservoir dried out completely and the "
    "ruins of a drowned village appeared again for the first time in forty years.",
    "The water authority says the supply to homes is safe for now, although it has started to mix in "
    "water pumped from two boreholes on the edge of the moor to keep the pressure up.",
    "Several campsites along the shore have closed early this year because the beaches they rely on "
    "are now a long walk from the water, and the sailing club has cancelled its regatta.",
    "Scientists from the university have been measuring the temperature of the lake every week, and "
    "they warn that warm, shallow water makes it much easier for algae to bloom.",
    "Engineers say the reservoir would need three months of steady rain to recover, and the forecast "
    "for September offers little hope, so the restrictions are likely to stay until winter.",
]
COMMENTS = [
    "We have lived in the valley for thirty years and I have never seen the river this low, so I hope "
    "the council finally listens to the farmers this time.",
    "The restrictions are fine, but the water authority should fix the leaking pipes on the east side "
    "before it asks the rest of us to stop washing our cars.",
    "My grandmother still talks about the drowned village and says she walked across the old bridge "
    "when the water went down that summer.",
]
THREAD = "https://forum.example.org/t/some-topic/123"


def _text(*lines: str, url: str | None = None):
    return clean("\n\n".join(lines), url=url, options=TEXT)


def _html(body: str):
    return clean(f"<!DOCTYPE html><html><head><title>Varnell Gazette</title></head><body>{body}</body></html>")


def _at(doc, start: str):
    """The block whose text starts with `start`."""
    return next(b for b in doc.blocks if b.text.startswith(start))


def _content(doc, *starts: str) -> list[bool]:
    return [_at(doc, s[:40]).label is Label.CONTENT for s in starts]


def test_keyword_run_of_labels_is_not_content_but_prose_is():
    labels = ("Culture & Society Digital Education Energy Environment Health Innovation Mobility Research "
              "Science Space Technology Transport Agriculture Climate Economy Finance Industry Policy "
              "Security Sport Tourism Urban Development")
    assert len(labels.split()) >= 25
    doc = _text(HEADLINE, ARTICLE[0], labels, ARTICLE[1], ARTICLE[2])
    run = _at(doc, "Culture & Society")
    assert run.label is not Label.CONTENT and "keyword_run" in run.reasons
    for prose in ARTICLE[:3]:
        block = _at(doc, prose[:40])
        assert block.label is Label.CONTENT and "keyword_run" not in block.reasons



def test_unbroken_run_of_options_is_not_content_though_lowercase_and_long():
    # A search form's select boxes run together: many words, no comma or stop, few capitals.
    options = " ".join(f"{topic} and {field} studies" for topic in ("marine", "urban", "digital", "rural", "energy",
                       "health", "climate", "food", "water", "soil") for field in ("applied", "field", "social"))
    assert len(options.split()) > 80
    doc = _text(HEADLINE, ARTICLE[0], "- Any - " + options, ARTICLE[1], ARTICLE[2])
    run = _at(doc, "- Any - marine")
    assert run.label is not Label.CONTENT and "unbroken" in run.reasons
    assert all(_content(doc, *ARTICLE[:3]))


STATE = ('{"buybox":[{"displayPrice":"EUR 15.49","priceAmount":15.49,"currencySymbol":"EUR",'
         '"offerListingId":"a7Fq2","locale":"en-GB","buyingOptionType":"NEW","aapiBuyingOptionIndex":0}]}')


def test_a_json_blob_in_a_div_is_data_but_a_docs_example_and_a_scraped_line_are_left_alone():
    # A shop's state data left as text in a hidden <div> reads like a long "sentence".
    doc = _html(f"<h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE[:3]) + f'<div class="state">{STATE}</div>')
    blob = _at(doc, STATE[:30])
    assert blob.label is not Label.CONTENT and "unbroken" in blob.reasons
    assert all(_content(doc, *ARTICLE[:3]))
    # A docs page shows its examples in a <pre>; a scraped line may be one of those.
    doc = _html(f"<h1>{HEADLINE}</h1><p>{ARTICLE[0]}</p><pre>{STATE}</pre><p>{ARTICLE[1]}</p>")
    assert not _at(doc, STATE[:30]).features.unbroken
    assert not _at(_text(HEADLINE, ARTICLE[0], STATE, ARTICLE[1]), STATE[:30]).features.unbroken


def test_text_of_scripts_without_clause_marks_is_not_taken_for_a_run():
    thai = " ".join(["วันนี้อากาศดีมาก เราไปเที่ยวทะเลกับครอบครัว"] * 45)
    (block,) = measure([Block(index=0, text=thai)], "th")
    assert block.features.words >= 80 and not block.features.unbroken


LEGAL_SHORT = ("We and our partners use cookies and similar technologies to store and/or access information on "
               "a device, and we process personal data such as browsing data with your consent. Third parties "
               "may also use it for advertising.")
LEGAL_LONG = ("We and our partners use cookies and similar technologies to store and/or access information on a "
              "device. We and our partners use personal data for personalised advertising and content, "
              "advertising and content measurement, audience research and services development. With your "
              "consent, third parties may process your data, and you can change your mind at any time in the "
              "privacy settings linked at the bottom of every page.")


@pytest.mark.parametrize("legal", [
    pytest.param(LEGAL_SHORT, id="under-60-words"),
    pytest.param(LEGAL_LONG, id="over-60-words"),
])
def test_cookie_notice_inside_an_article_is_not_content(legal):
    doc = _text(HEADLINE, ARTICLE[0], ARTICLE[1], legal, ARTICLE[2], ARTICLE[3])
    notice = _at(doc, "We and our partners")
    assert notice.label is not Label.CONTENT
    assert "legal_text" in notice.reasons
    assert all(_content(doc, *ARTICLE[:4]))


LLC_HEADLINE = "How to form a limited liability company in your state"
LLC_ARTICLE = [
    "Forming a limited liability company starts with a name that no other company in the state already "
    "uses, and most states let owners search the register online before they file anything at all.",
    "Owners file the articles of organization with the secretary of state, pay the filing fee, and name "
    "an agent who will accept legal papers for the company at an address inside the state.",
    "Once the state accepts the articles, the company exists, and the owners can open a bank account, "
    "hire staff and sign leases in the company's name rather than their own.",
]
LLC_LEGAL = ("A limited liability company shields its owners from personal liability for the company's debts, "
             "and the operating agreement, filed pursuant to state law, sets out how the owners share profits, "
             "losses and the duties of each member.")


def test_a_legal_paragraph_on_the_articles_own_subject_is_kept():
    # An article on forming a company talks like terms of service in places; between two
    # plain paragraphs, and on their subject, the paragraph is the article's.
    doc = _text(LLC_HEADLINE, LLC_ARTICLE[0], LLC_ARTICLE[1], LLC_LEGAL, LLC_ARTICLE[2])
    paragraph = _at(doc, "A limited liability company")
    assert paragraph.label is Label.CONTENT and "legal_text" in paragraph.reasons
    assert LLC_LEGAL in doc.text and all(p in doc.text for p in LLC_ARTICLE)
    # The same paragraph in a story on another subject shares none of its words: dropped.
    doc = _text(HEADLINE, ARTICLE[0], ARTICLE[1], LLC_LEGAL, ARTICLE[2], ARTICLE[3])
    assert LLC_LEGAL not in doc.text and all(_content(doc, *ARTICLE[:4]))
    # And as the article's last paragraph, with no prose after it, it is a notice.
    doc = _text(LLC_HEADLINE, *LLC_ARTICLE, LLC_LEGAL)
    assert LLC_LEGAL not in doc.text


def test_a_legal_paragraph_is_kept_only_where_the_pages_language_has_a_stop_list():
    # Without the language's stop words, function words ("your", "with", "their") would
    # pass for the subject a legal paragraph shares with the story: the pass stays out.
    from cleaner.revise.article import keep_legal_prose

    doc = _text(LLC_HEADLINE, LLC_ARTICLE[0], LLC_ARTICLE[1], LLC_LEGAL, LLC_ARTICLE[2])
    blocks = [b._replace(label=Label.NAVIGATION, reasons=b.reasons[1:]) if "legal_in_prose" in b.reasons else b
              for b in doc.blocks]
    at = next(i for i, b in enumerate(blocks) if b.text == LLC_LEGAL)
    assert blocks[at].label is Label.NAVIGATION and "legal_text" in blocks[at].reasons
    assert keep_legal_prose(blocks, "en")[at].label is Label.CONTENT
    assert keep_legal_prose(blocks, None)[at].label is Label.NAVIGATION
    assert keep_legal_prose(blocks, "xx")[at].label is Label.NAVIGATION  # a language with no stop list


SPLIT = ("The reservoir held only 41 per cent of its capacity last week, according to figures from the\n"
         "Varnell Water Authority\n"
         ", the lowest level since the drought of 1976 and well below the average for August.\n")


def test_lines_of_one_sentence_share_a_group():
    blocks = split_lines(SPLIT + ARTICLE[1] + "\n\n" + ARTICLE[2] + "\n" + ARTICLE[3])
    assert [b.group for b in blocks] == [0, 0, 0, 3, 4, 5]  # after ".", after a blank line: new groups


def test_split_sentence_is_joined_back_in_the_text():
    doc = _text(HEADLINE, ARTICLE[0], SPLIT, ARTICLE[1], ARTICLE[2])
    assert "from the Varnell Water Authority, the lowest level" in doc.text


def test_split_sentence_opening_the_article_is_not_taken_for_the_headline():
    doc = _text(HEADLINE, SPLIT, ARTICLE[1], ARTICLE[2])
    assert "from the Varnell Water Authority, the lowest level" in doc.text
    assert doc.title == HEADLINE


def _with_comments(*above: str, url: str | None = None):
    readers = [line for pair in zip(["Margaret Hale", "Tom B.", "Priya"], COMMENTS) for line in pair]
    return _text(*above, HEADLINE, *ARTICLE, "12 Comments", *readers, url=url)


def test_comments_under_a_scraped_article_are_navigation():
    assert sum(len(p.split()) for p in ARTICLE) >= 200
    doc = _with_comments()
    assert all(_content(doc, *ARTICLE))
    for comment in COMMENTS:
        block = _at(doc, comment[:40])
        assert block.label is Label.NAVIGATION and "comment_section" in block.reasons


def test_comments_on_a_thread_url_stay_content():
    doc = _with_comments(url=THREAD)
    assert all(_content(doc, *ARTICLE, *COMMENTS))
    assert not any("comment_section" in b.reasons for b in doc.blocks)


def test_comments_link_in_the_header_menu_opens_no_section():
    doc = _with_comments("Varnell Gazette", "Home", "News", "Comments", "Weather")
    assert all(_content(doc, *ARTICLE))
    assert not any(_content(doc, *COMMENTS))  # the real "12 Comments" heading still counts


GERMAN_HEADLINE = "Der Stausee von Varnell fällt auf den tiefsten Stand seit fast fünfzig Jahren"
GERMAN_ARTICLE = [
    "Der Stausee, der die Stadt Varnell und die umliegenden Dörfer mit Wasser versorgt, ist in diesem Winter auf "
    "den tiefsten Stand seit fast fünfzig Jahren gefallen. Nach Angaben der Wasserbehörde ist das Becken nur noch "
    "zu einem Viertel gefüllt, und die Regenfälle der letzten Wochen haben daran kaum etwas geändert.",
    "Die Behörde hat deshalb die Bewohner gebeten, ihre Gärten nicht mehr zu bewässern und ihre Autos nicht zu "
    "waschen, bis sich die Lage wieder gebessert hat. Wer sich nicht an die Regeln hält, muss nach den Worten des "
    "Bürgermeisters mit einer Strafe rechnen, die im Wiederholungsfall auch deutlich höher ausfallen kann.",
    "Fachleute der Universität weisen darauf hin, dass die Trockenheit schon im Sommer begonnen hat und dass der "
    "Boden in der ganzen Region das Wasser nicht mehr so gut speichern kann wie früher. Sie empfehlen der Stadt, "
    "die alten Leitungen zu erneuern, durch die jedes Jahr ein großer Teil des Wassers verloren geht, bevor es bei "
    "den Haushalten ankommt, und für die kommenden Jahre einen zweiten Brunnen im Norden der Stadt zu bohren.",
]
GERMAN_COMMENTS = [
    "Bei uns im Dorf ist der Brunnen schon seit dem Herbst fast leer, und niemand von der Behörde hat sich bisher "
    "darum gekümmert.",
    "Die Leitungen hätte man schon vor zehn Jahren erneuern sollen, das wusste doch jeder hier in der Stadt.",
    "Ich finde die Strafen richtig, denn ohne sie würde sich kaum jemand an die Regeln halten.",
]


@pytest.mark.parametrize("heading", ["3 Gedanken zu „Der Stausee von Varnell“", "Eine Antwort zu „Der Stausee“"])
def test_a_blogs_comments_heading_in_another_language_opens_the_section(heading):
    # A blog platform's comments heading as its German translation writes it, naming the post.
    readers = [line for pair in zip(["Margarete Hahn", "Tom B.", "Priya"], GERMAN_COMMENTS) for line in pair]
    doc = _text(GERMAN_HEADLINE, *GERMAN_ARTICLE, heading, *readers)
    assert all(_content(doc, *GERMAN_ARTICLE))
    for comment in GERMAN_COMMENTS:
        assert "comment_section" in _at(doc, comment[:40]).reasons


def test_an_articles_own_questions_and_answers_open_no_comment_section():
    # "Antworten auf häufige Fragen" ("answers to frequent questions") heads the article's
    # own FAQ: without a count before it, it is no comments heading.
    doc = _text(GERMAN_HEADLINE, *GERMAN_ARTICLE, "Antworten auf häufige Fragen", *GERMAN_COMMENTS)
    assert all(_content(doc, *GERMAN_ARTICLE, *GERMAN_COMMENTS))


def _html_with_comments(heading: str = "3 Comments", form: str = ""):
    """An article and its comments in markup that names nothing (no class or id: utility
    CSS, a page builder's generated names), the comments under a heading of their own."""
    comments = "".join(f"<div><div><span>{name}</span><span>1 year ago</span></div><p>{text}</p></div>"
                       for name, text in zip(["Margaret Hale", "Tom B.", "Priya"], COMMENTS))
    return _html(f"<div><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE)
                 + f"</div><div><h3>{heading}</h3>{comments}{form}</div>")


# A comment form under the comments, its fields labelled as such forms label them.
COMMENT_FORM = ("<form><div>Name:</div><input name='author'><div>Comments:</div><textarea name='text'></textarea>"
                "<button>Post</button></form>")


@pytest.mark.parametrize("form", ["", COMMENT_FORM])
def test_comments_under_a_heading_in_markup_that_names_no_comment_box_are_navigation(form):
    doc = _html_with_comments(form=form)
    assert all(_content(doc, *ARTICLE))
    for comment in COMMENTS:
        block = _at(doc, comment[:40])
        assert block.label is Label.NAVIGATION and "comment_section" in block.reasons


def test_a_counted_comments_heading_opens_the_section_under_more_words_of_comments_than_of_article():
    # A blog whose readers wrote four times the article's words, in markup that names nothing:
    # "24 Comments" opens the section, not the "Leave a comment" over the form below.
    names = ["Margaret Hale", "Tom B.", "Priya", "Dan", "Ines"]
    comments = "".join(
        f"<div><div><span>{names[k % 5]}</span><span>December {k + 1}, 2025, 9:46 pm</span></div>"
        f"<p>{COMMENTS[k % 3]} We have had no rain for {k + 20} days here in {TOWNS[k % 5]}.</p></div>"
        for k in range(24))
    doc = _html(f"<div><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE)
                + f"</div><div><h2>24 Comments</h2>{comments}"
                + f"<h3>Leave a comment</h3>{COMMENT_FORM}</div>")
    assert all(_content(doc, *ARTICLE))
    block = _at(doc, COMMENTS[0][:40])
    assert block.label is Label.NAVIGATION and "comment_section" in block.reasons


def test_a_link_to_the_comment_form_opens_no_section_in_markup():
    """"Leave a comment" under an article is a link to the form, often with the
    article's postscript after it: no heading of a section."""
    doc = _html(f"<div><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE)
                + "<p><a href='#respond'>Leave a comment</a></p>" + f"<p>{COMMENTS[0]}</p></div>")
    assert all(_content(doc, *ARTICLE, COMMENTS[0]))


def test_each_cards_comment_count_opens_no_section_in_markup():
    """A listing's cards each say how many comments their post has ("5 comments"): the
    line comes back card after card, where a comment section's heading stands once."""
    cards = "".join(f"<div><h2><a href='/p/{k}'>{text[:60]}</a></h2><p>{text}</p><span>{k + 2} comments</span></div>"
                    for k, text in enumerate(ARTICLE + COMMENTS))
    doc = _html(f"<div><h1>Latest posts</h1>{cards}</div>")
    assert all(_content(doc, *ARTICLE, *COMMENTS))


REPLIES = COMMENTS + ["I agree with all of this, and I hope the new owners keep the old archive of the forum online."]
POSTERS = ["mcrouse Admin", "K17 Member", "linc Admin", "Priya Member"]
TOWNS = ["Varnell", "Ashby", "Corran", "Dunmore", "Ellery"]


def _thread_page(extra: str = "") -> str:
    """A thread in markup that names nothing: the first post, then each reply in a box of
    its own with its poster's linked name and a date over it (all on one path)."""
    replies = "".join(f"<div><div><div><a href='/u/{who.split()[0].lower()}'>{who}</a></div><div>March 2025</div>"
                      f"</div><p>{text}</p></div>" for who, text in zip(POSTERS, REPLIES))
    return (f"<html><head><title>{HEADLINE}</title></head><body><div><div><h1>{HEADLINE}</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + f"</div><div>{replies}</div></div>{extra}</body></html>")


def test_replies_on_a_thread_in_markup_that_names_nothing_are_no_teaser_cards():
    doc = clean(_thread_page(), url=THREAD)
    assert all(_content(doc, *ARTICLE, *REPLIES))


def test_other_threads_teasers_beside_a_thread_still_go():
    blurbs = [f"Readers from {town} compare the gauges, the restrictions and the new tariffs with last year's, and "
              "ask what the council will do if the dry weather lasts into the spring." for town in TOWNS]
    teasers = "".join(f"<div><div><a href='/t/{k}'>Reservoir levels in {town} this winter</a></div><p>{blurb}</p></div>"
                      for k, (town, blurb) in enumerate(zip(TOWNS, blurbs)))
    doc = clean(_thread_page(f"<div><h3>Similar threads</h3>{teasers}</div>"), url=THREAD)
    assert all(_content(doc, *ARTICLE, *REPLIES))
    assert not any(_content(doc, *blurbs))


SPECS = {"Dimensions": [("Height", "52 cm"), ("Width", "30 cm"), ("Depth", "18 cm"), ("Weight", "0.9 kg")],
         "Materials": [("Body", "420D recycled nylon ripstop"), ("Lining", "PU-coated polyester taffeta"),
                       ("Back panel", "Ventilated EVA foam mesh"), ("Straps", "Padded S-shaped nylon webbing")],
         "Capacity": [("Volume", "28 litres"), ("Laptop sleeve", "Up to 15 inches"),
                      ("Hydration", "Up to 3 litre bladder"), ("Pockets", "Two stretch side pockets")],
         "Care": [("Washing", "Hand wash in cold water"), ("Drying", "Hang to dry away from heat"),
                  ("Warranty", "Lifetime against defects")]}


def _specs_page(link_rows: bool = False) -> str:
    """A product page in markup that names nothing: the description in one box, and
    beside it the tabs, the pictures and the spec tables under a linked guide, each a box
    of its own on the same bare paths, as a grid of cards would be."""
    def cell(value: str) -> str:
        return f"<a href='/search?q={value}'>{value}</a>" if link_rows else value
    tables = "".join(f"<div><table><caption>{name}</caption>"
                     + "".join(f"<tr><td>{cell(k)}</td><td>{cell(v)}</td></tr>" for k, v in rows) + "</table></div>"
                     for name, rows in SPECS.items())
    tabs = "<div>" + "".join(f"<div><a href='#{t}'>{t}</a></div>" for t in ["Overview", "Specs", "Reviews"]) + "</div>"
    return ("<!DOCTYPE html><html><head><title>Harbor 28L Daypack</title></head><body><div><div>"
            "<h1>Harbor 28L Daypack</h1>" + "".join(f"<p>{p}</p>" for p in PRODUCT) + f"</div><div>{tabs}"
            "<div><div>Product pictures</div></div><div><div><a href='/harbor/guide'>Learn more about the Harbor "
            "28L Daypack</a></div>" + tables + "</div></div></div></body></html>")


def test_a_box_of_spec_tables_is_no_teaser_card(tmp_path):
    # A teaser card holds a headline and a line or two, never a table of data: the specs
    # stay beside the description, though their box sits among cards on the same bare paths.
    page = tmp_path / "product.html"
    page.write_text(_specs_page(), encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page)], catch_exceptions=False)
    assert result.exit_code == 0
    assert all(p in result.stdout for p in PRODUCT)
    assert all(f"| {k} | {v} |" in result.stdout for rows in SPECS.values() for k, v in rows)


def test_a_box_of_tables_whose_rows_are_links_is_still_a_teaser_card():
    # Rows that are all links are a table of links to other pages, as a card's headline is.
    doc = clean(_specs_page(link_rows=True))
    assert all(_content(doc, *PRODUCT))
    assert all("teaser_card" in _at(doc, name).reasons for name in SPECS)


DRAWER_PROMOS = [
    "Download the patient app for access to your records, results and messages from your care team at any hour.",
    "Learn about the new app's features, and sign up for an account in a few minutes from your phone or computer.",
    "Virtual urgent care is now available to every app user, seven days a week, without an appointment at all.",
]


def _drawer() -> str:
    """A side drawer in markup that names nothing: buttons and labels, a menu of links,
    promos that read like prose."""
    chrome = "".join(f"<div><button>x</button><span>{word}</span></div>" for word in
                     ["Close", "Search", "Sign in", "Contact us", "Menu", "Translate", "Skip to content", "Careers",
                      "Log in", "Share"] * 3)
    links = "".join(f"<li><a href='/{w}'>{w.title()}</a></li>"
                    for w in "locations appointments providers services billing classes careers give".split())
    promos = "".join(f"<h3>Patient app</h3><p>{p}</p>" for p in DRAWER_PROMOS)
    return f"<section>{chrome}<div><ul>{links}</ul></div><div>{promos}</div></section>"


def test_the_pages_main_element_bounds_the_article(tmp_path):
    page = tmp_path / "page.html"
    story = ARTICLE[:3]  # short: beside it the drawer weighs enough to be drawn into the container
    page.write_text(f"<html><body><div><div>{_drawer()}<main><h1>{HEADLINE}</h1>"
                    + "".join(f"<p>{p}</p>" for p in story) + "</main></div></div></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page)], catch_exceptions=False)
    assert result.exit_code == 0
    assert all(p in result.stdout for p in story)
    assert not any(p in result.stdout for p in DRAWER_PROMOS) and "Appointments" not in result.stdout


PRODUCT = [
    "The Harbor daypack is a light, weatherproof bag for long days on the trail and short trips into town. "
    "Its roll-top main compartment keeps a spare layer and lunch dry in a downpour, and the side zip lets "
    "you reach the bottom of the bag without unpacking everything above it.",
    "The back panel is made of a ventilated foam that keeps air moving between the pack and your shirt, and "
    "the shoulder straps are cut in an S shape so they sit flat on narrow and broad shoulders alike. A "
    "removable hip belt carries part of the load on steep climbs and tucks away when you do not need it.",
    "Inside there is a padded sleeve that fits a laptop of up to fifteen inches or a hydration bladder of up "
    "to three litres, with a port for the drinking tube on each side. Two stretch pockets on the outside "
    "hold a water bottle or a folded map, and a daisy chain on the front takes a trekking pole.",
]
REVIEWS = [
    "I took this pack on a twelve mile loop in the rain last weekend and everything inside stayed dry. The "
    "hip belt made a real difference on the steep sections of the trail.",
    "I bought it for hiking but now I use it every day on my bike ride to work, and the roll top swallows "
    "my gym clothes and a lunch box without any trouble at all.",
    "The bag itself is comfortable and well made, but my tall water bottle keeps falling out of the side "
    "pockets when I bend over to tie my boots. I would still recommend it.",
]


def _reviewed(*between: str):
    """A product page as scraped text: description, what stands between, customer reviews."""
    reviews = [line for n, r in zip(["Dana K.", "Marcus T.", "Ellie R."], REVIEWS) for line in (n, "Verified buyer", r)]
    return _text("Harbor 28L Daypack", *PRODUCT, *between, "4.6 out of 5 stars", "212 ratings", *reviews)


@pytest.mark.parametrize("heading", ["Customer Reviews", "Reviews (212)", "Ratings & Reviews", "Kundenbewertungen"])
def test_customer_reviews_under_a_product_description_are_navigation(heading):
    assert sum(len(p.split()) for p in PRODUCT) >= 150  # a description long enough to stand above a section
    doc = _reviewed(heading)
    assert all(_content(doc, *PRODUCT))
    for review in REVIEWS:
        assert "comment_section" in _at(doc, review[:40]).reasons


def test_a_shops_count_of_reviews_for_its_product_opens_the_section():
    # A shop platform's heading over its reviews: "3 reviews for <product>" (as a blog's
    # "12 thoughts on <post>"), which names its product and so is no whole-line heading.
    doc = _reviewed("3 reviews for Harbor 28L Daypack")
    assert all(_content(doc, *PRODUCT))
    for review in REVIEWS:
        assert "comment_section" in _at(doc, review[:40]).reasons


def _html_with_reviews(heading: str):
    """A product page in markup that names nothing, its reviews under a heading."""
    reviews = "".join(f"<div><div><span>{name}</span><span>Verified buyer</span></div><p>{text}</p></div>"
                      for name, text in zip(["Dana K.", "Marcus T.", "Ellie R."], REVIEWS))
    return _html("<div><h1>Harbor 28L Daypack</h1>" + "".join(f"<p>{p}</p>" for p in PRODUCT)
                 + f"</div><div><h2>{heading}</h2>{reviews}</div>")


@pytest.mark.parametrize("heading", ["Customer Reviews", "3 reviews for Harbor 28L Daypack"])
def test_customer_reviews_in_markup_that_names_no_review_box_are_navigation(heading):
    doc = _html_with_reviews(heading)
    assert all(_content(doc, *PRODUCT))
    for review in REVIEWS:
        block = _at(doc, review[:40])
        assert block.label is Label.NAVIGATION and "comment_section" in block.reasons


def test_the_last_of_two_reviews_headings_opens_the_section_in_bare_markup():
    # A tab's "Reviews" heading over the section's own "3 reviews for ..." heading: each
    # alone would open the section; together, the last one does.
    doc = _html_with_reviews("Reviews</h2><h2>3 reviews for Harbor 28L Daypack")
    assert all(_content(doc, *PRODUCT))
    for review in REVIEWS:
        assert "comment_section" in _at(doc, review[:40]).reasons


def test_each_cards_comment_count_heading_opens_no_section_in_markup():
    """Cards whose comment counts are headings ("5 comments", "12 comments") say the same
    bar the count: none of them opens a section."""
    cards = "".join(f"<div><h2><a href='/p/{k}'>{text[:60]}</a></h2><p>{text}</p><h4>{k + 2} comments</h4></div>"
                    for k, text in enumerate(ARTICLE[:2] + COMMENTS))
    doc = _html(f"<div><h1>Latest posts</h1>{cards}" + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</div>")
    assert all(_content(doc, *ARTICLE, *COMMENTS))


def test_reviews_among_tabs_or_a_cards_count_open_no_section():
    # A "Reviews" tab beside "Overview" and "Specs", and a card's "(3) 3 reviews", head nothing below.
    for between in (["Overview", "Specs", "Reviews"], ["Ridgeway 40L Backpack", "(3) 3 reviews"]):
        doc = _reviewed(*between)
        assert all(_content(doc, *PRODUCT, *REVIEWS)), between
        assert not any("comment_section" in b.reasons for b in doc.blocks)


def test_a_rules_file_names_its_own_reviews_heading(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text("[comments]\nreviews = ['buyer feedback']\n", encoding="utf-8")
    options = replace(load_rules(rules, input_kind="text"), model="")
    text = "\n\n".join(["Harbor 28L Daypack", *PRODUCT, "Buyer feedback", *REVIEWS])
    assert all("comment_section" in _at(clean(text, options=options), r[:40]).reasons for r in REVIEWS)
    assert not any("comment_section" in b.reasons for b in _text("Harbor 28L Daypack", *PRODUCT, "Buyer feedback",
                                                                   *REVIEWS).blocks)


FINE_PRINT = [
    "Prices shown include sales tax where it applies and may change without notice. Offers are valid while "
    "stocks last and cannot be combined with any other discount, voucher or loyalty reward.",
    "Delivery times are estimates that depend on the carrier, the weather and the address given at checkout, "
    "and orders placed after two in the afternoon are sent the next working day.",
]


def test_scraped_text_below_a_footer_heading_is_navigation():
    # A screen reader's label of the footer landmark, which a converter writes out as a line
    # (one word may name it: the site's, "Apple Footer").
    for heading in ("Footer", "Site footer", "Gazette Footer", "Footer navigation", "Fußzeile"):
        doc = _text(HEADLINE, *ARTICLE, heading, *FINE_PRINT)
        assert all(_content(doc, *ARTICLE)), heading
        for line in FINE_PRINT:
            assert "below_footer" in _at(doc, line[:40]).reasons, heading
    # A "Footer" menu item up top opens nothing, and the footer's own heading still counts.
    doc = _text("Footer", HEADLINE, *ARTICLE, "Footer", *FINE_PRINT)
    assert all(_content(doc, *ARTICLE))
    assert all("below_footer" in _at(doc, line[:40]).reasons for line in FINE_PRINT)


def test_a_rules_file_names_its_own_footer_heading(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text("[navigation]\nfooter = ['bottom of the page']\n", encoding="utf-8")
    text = "\n\n".join([HEADLINE, *ARTICLE, "Bottom of the page", *FINE_PRINT])
    doc = clean(text, options=replace(load_rules(rules, input_kind="text"), model=""))
    assert all("below_footer" in _at(doc, line[:40]).reasons for line in FINE_PRINT)
    assert not any("below_footer" in b.reasons for b in _text(HEADLINE, *ARTICLE, "Bottom of the page", *FINE_PRINT).blocks)


def test_a_footer_heading_before_the_pages_own_text_ends_nothing():
    # A "Skip to footer" target up top, or a page about layouts with a "Footer" section early on.
    for lines in (["Footer", HEADLINE, *ARTICLE], [HEADLINE, ARTICLE[0], "Footer", *ARTICLE[1:]]):
        doc = _text(*lines)
        assert all(_content(doc, *ARTICLE))
        assert not any("below_footer" in b.reasons for b in doc.blocks)


STAMPS = ["Margaret Hale", "June 3, 2025, 9:46 pm", "Tom B. says:", "June 3, 2025 at 10:02 pm",
          "Priya", "June 4, 2025, 7:15 am"]


def _signed(lines: list[str]) -> list[str]:
    """Each comment under its author's name and the minute it was posted."""
    return [line for i, c in enumerate(lines) for line in (STAMPS[2 * i], STAMPS[2 * i + 1], c)]


def test_signed_comments_without_a_heading_are_navigation():
    doc = _text(HEADLINE, *ARTICLE, *_signed(COMMENTS))
    assert all(_content(doc, *ARTICLE))
    for comment in COMMENTS:
        assert "comment_section" in _at(doc, comment[:40]).reasons


def test_signed_comments_longer_than_the_article_are_still_comments():
    # A lively comment section can hold more words than the article above it.
    many = [" ".join([c] * 10) for c in COMMENTS]
    doc = _text(HEADLINE, *ARTICLE, *_signed(many))
    assert sum(len(c.split()) for c in many) > 3 * sum(len(p.split()) for p in ARTICLE)
    assert all(_content(doc, *ARTICLE))
    for comment in many:
        assert "comment_section" in _at(doc, comment[:40]).reasons


def test_replies_under_attribution_lines_are_comments_but_a_quote_lead_in_is_not():
    attributions = ["by ferryfan ( 5961 ) writes:", "Tom B. wrote:", "Re: the timetable", "by Priya ( 1040 ) writes:"]
    replies = [attributions[0], COMMENTS[0], attributions[1], COMMENTS[1], attributions[2], attributions[3], COMMENTS[2]]
    doc = _text(HEADLINE, *ARTICLE, *replies)
    assert all(_content(doc, *ARTICLE))
    for comment in COMMENTS:
        assert "comment_section" in _at(doc, comment[:40]).reasons
    # The same lead-in before each quote inside the article names no writer of its own.
    quoted = [line for p in ARTICLE for line in ("One farmer said:", p)]
    doc = _text(HEADLINE, *quoted)
    assert all(_content(doc, *ARTICLE))


@pytest.mark.parametrize("says", ["sagt:", "dit :", "dice:", "disse:", "zegt:"])
def test_replies_under_a_blog_platforms_translated_says_line_are_comments(says):
    # WordPress's "Pete says:" over each comment, as its German, French, Spanish and
    # Italian, Portuguese and Dutch translations write it.
    names = ["Anna", "Jean-Luc", "María Pérez"]
    replies = [line for name, c in zip(names, COMMENTS) for line in (f"{name} {says}", c)]
    doc = _text(HEADLINE, *ARTICLE, *replies)
    assert all(_content(doc, *ARTICLE))
    for comment in COMMENTS:
        assert "comment_section" in _at(doc, comment[:40]).reasons


@pytest.mark.parametrize("ages", [
    ["2 hours ago", "an hour ago", "35 minutes ago"], ["hace 2 horas", "hace una hora", "hace 35 minutos"],
    ["il y a 2 heures", "il y a une heure", "il y a 35 minutes"], ["vor 2 Stunden", "vor einer Stunde", "vor 35 Minuten"],
])
def test_comments_signed_with_their_age_are_navigation(ages):
    # Many comment systems give a comment's age, not its date and minute.
    signed = [line for name, age, c in zip(["Margaret Hale", "Tom Baker", "Priya"], ages, COMMENTS) for line in (name, age, c)]
    doc = _text(HEADLINE, *ARTICLE, *signed)
    assert all(_content(doc, *ARTICLE))
    for comment in COMMENTS:
        assert "comment_section" in _at(doc, comment[:40]).reasons


def test_a_listings_cards_dated_by_their_age_are_no_comments():
    # Under an article, a news front's cards give their age, which a converter may set
    # beside the next card's: a menu word or another card's age above an age is no
    # commenter's name.
    ages = ["58 mins ago", "1 hr ago", "4 hrs ago", "2 days ago"]
    heads = ["Minister sympathetic to calls for ban", "Drones tested for road repairs",
             "Growth zone named for county", "Mayor writes to embassy"]
    cards = ["More"] + [line for n, (age, head, summary) in enumerate(zip(ages, heads, COMMENTS + ARTICLE[:1]))
                        for line in ([age] if n == 0 else [ages[n - 1], age]) + [head, summary]]
    doc = _text(HEADLINE, *ARTICLE, *cards)
    assert not any("comment_section" in b.reasons for b in doc.blocks)


def test_a_first_post_signed_like_its_replies_is_a_thread():
    first_post = ["Margaret Hale", "June 3, 2025, 9:40 pm", *ARTICLE]
    doc = _text(HEADLINE, *first_post, *_signed(COMMENTS)[3:])
    assert all(_content(doc, *ARTICLE, *COMMENTS[1:]))


def _comment_section() -> str:
    items = "".join(f'<div class="comment"><p class="author">Reader {i}</p><p>{c}</p></div>'
                    for i, c in enumerate(COMMENTS))
    return f'<section id="comments" class="comments"><h2>3 Comments</h2>{items}</section>'


def test_html_comment_section_under_an_article_is_navigation():
    paragraphs = [" ".join(ARTICLE[i:i + 2]) for i in (0, 2, 4)]  # three long paragraphs
    article = f"<article><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
    doc = _html(article + _comment_section())
    assert all(_content(doc, *paragraphs))
    for comment in COMMENTS:
        block = _at(doc, comment[:40])
        assert block.label is Label.NAVIGATION and "comment_section" in block.reasons


REVIEWS = [
    "The Kettle Pro boils a full litre in under three minutes, and its handle stays cool enough to hold "
    "with a bare hand, which matters more than any of the extra settings.",
    "The Brewmaster is the quietest of the kettles we tried, though its lid sticks a little once scale "
    "builds up, so it suits soft-water areas best.",
    "The Compact One holds only half a litre, but for a single cup of tea in a small flat it wastes less "
    "water and power than any of the larger models.",
]


def _guide(og_type: str):
    """A buyer's guide: an introduction, then each reviewed product in a "review" box."""
    intro = "".join(f"<p>{' '.join(ARTICLE[i:i + 2])}</p>" for i in (0, 2, 4))
    boxes = "".join(f'<div class="product-review"><h3>Model {n}</h3><p>{r}</p></div>' for n, r in enumerate(REVIEWS))
    return clean(f'<!DOCTYPE html><html><head><title>Kettles</title><meta property="og:type" content="{og_type}">'
                 f"</head><body><article><h1>The best kettles</h1>{intro}{boxes}</article></body></html>")


def test_review_boxes_are_the_article_on_a_page_that_says_it_is_one_and_comments_elsewhere():
    article = _guide("article")
    assert article.metadata.page_type == "article"
    assert all(_content(article, *REVIEWS))
    shop = _guide("product")  # customer reviews under a product for sale
    assert shop.metadata.page_type == "product"
    for review in REVIEWS:
        block = _at(shop, review[:40])
        assert block.label is Label.NAVIGATION and "comment_section" in block.reasons


def test_a_listings_cards_keep_their_review_snippets():
    # Each product card of a shop's listing holds a snippet in a "reviews" container: the
    # card's own text, where a product page's reviews below one product are comments.
    intro = "".join(f"<p>{' '.join(ARTICLE[i:i + 2])}</p>" for i in (0, 2, 4))
    snippets = [r.split(",")[0] + "." for r in REVIEWS] + [
        "A steel kettle with a clear water window and a filter that lifts out for cleaning.",
        "A travel kettle that folds flat and boils enough for two cups of tea at a time."]
    cards = "".join(f'<li class="product-tile"><h3><a href="/k/{n}">Kettle model {n}</a></h3><span>£{20 + n}.99</span>'
                    f'<div class="reviews-content"><p>{s}</p></div></li>' for n, s in enumerate(snippets))
    doc = clean("<!DOCTYPE html><html><head><title>Kettles</title></head><body><main><h1>Kettles</h1>"
                f'{intro}<ul class="results">{cards}</ul></main></body></html>')
    assert all(_content(doc, *snippets))


@pytest.mark.parametrize("names", ['class="comment"', 'id="comment-12"', 'role="article" class="reply"'])
def test_comments_that_are_article_elements_are_comments(names):
    """A theme may write each comment as an <article> named for it, its paragraphs straight
    inside: the name says comment, though the tag says article. (The list around them says
    nothing, and no heading opens the section: the element's own name must.)"""
    paragraphs = [" ".join(ARTICLE[i:i + 2]) for i in (0, 2, 4)]
    tag = "div" if names.startswith("role") else "article"
    comments = "".join(f"<{tag} {names}><p>Reader {i}</p><p>{c}</p></{tag}>" for i, c in enumerate(COMMENTS))
    doc = _html(f"<article><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
                f"<ol>{comments}</ol>")
    assert all(_content(doc, *paragraphs))
    for comment in COMMENTS:
        block = _at(doc, comment[:40])
        assert block.label is Label.NAVIGATION and "comment_section" in block.reasons


def test_an_article_whose_names_say_nothing_of_comments_stays_the_article():
    # The guard: the element's own names say comment, not its tag, nor its flags for the
    # comments it has: the post's <article> is the article, and the comments under it go.
    paragraphs = [" ".join(ARTICLE[i:i + 2]) for i in (0, 2, 4)]
    doc = _html(f'<article class="post entry has-comments comments-open"><h1>{HEADLINE}</h1>' + "".join(f"<p>{p}</p>" for p in paragraphs)
                + "</article>" + _comment_section())
    assert all(_content(doc, *paragraphs))
    assert not any(_content(doc, *COMMENTS))


SECTIONS = ["News", "Sport", "Weather", "Culture", "Travel", "Money", "Science", "Books"]


def _page_with_menu_copy(copied: list[str]):
    """A menu in a <nav>, and inside <main>, above the headline, a list of links (a
    mobile menu that a page builder writes into the main column), `copied` its items."""
    links = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in SECTIONS)
    copy = "".join(f'<li><a href="/m/{s.lower()}">{s}</a></li>' for s in copied)
    paragraphs = "".join(f"<p>{' '.join(ARTICLE[i:i + 2])}</p>" for i in (0, 2, 4))
    return _html(f"<nav><ul>{links}</ul></nav><main><div><ul>{copy}</ul></div>"
                 f"<h1>{HEADLINE}</h1>{paragraphs}</main>")


def test_a_copy_of_the_menu_outside_the_nav_is_navigation():
    doc = _page_with_menu_copy(SECTIONS)
    assert all(_content(doc, *[" ".join(ARTICLE[i:i + 2]) for i in (0, 2, 4)]))
    copies = [b for b in doc.blocks if b.dom_path.endswith("main>div>ul>li")]
    assert [b.text for b in copies] == SECTIONS
    assert all(b.label is Label.NAVIGATION and "menu_copy" in b.reasons for b in copies)


def test_a_list_of_links_that_names_a_few_menu_items_is_no_copy():
    # The guard: a page's own list of links may name several of the menu's sections;
    # six of its ten items here, less than the three quarters of a copy.
    own = SECTIONS[:6] + ["Flood maps", "Rainfall records", "Water saving tips", "Reservoir levels"]
    doc = _page_with_menu_copy(own)
    copies = [b for b in doc.blocks if b.dom_path.endswith("main>div>ul>li")]
    assert [b.text for b in copies] == own
    assert all(b.label is Label.CONTENT for b in copies)


def test_html_page_of_comments_alone_is_a_thread():
    doc = _html("<h1>Low water at Varnell</h1>" + _comment_section())
    assert all(_content(doc, *COMMENTS))


HEADLINES = [
    "Council approves a new ferry timetable for the winter months",
    "Local bakery wins a regional prize for its rye sourdough loaf",
    "School governors delay their decision on the new sports hall",
    "Storm damages roofs along the coast road near Hartley",
    "Library extends opening hours after a petition from students",
    "Varnell reservoir falls to its lowest level in fifty years",
]
MENU = ["Home", "News", "Sport", "Weather", "Culture", "Contact"]


@pytest.mark.parametrize("heading", [
    pytest.param("Stories from the valley", id="plain-heading"),
    # A related box's heading with no article above it heads the page's own listing.
    pytest.param("Latest news", id="latest-news-heading"),
])
def test_listing_records_are_content_and_the_menu_is_not(heading):
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in MENU)
    cards = "".join(f'<div class="card"><h3><a href="/story/{i}">{h}</a></h3></div>'
                    for i, h in enumerate(HEADLINES))
    doc = _html(f'<nav><ul>{nav}</ul></nav><main><h1>{heading}</h1><div class="results">{cards}</div></main>')
    assert all(_content(doc, *HEADLINES))
    assert not any(_content(doc, *MENU))


def test_headlines_linked_under_an_article_above_the_footers_notice_are_not_records():
    # Links to the site's other stories after a whole article are no listing, and the
    # footer's copyright notice below them is no prose of the page's own.
    article = f"<article><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article>"
    others = HEADLINES[:-1]  # the last one opens like this article's headline
    cards = "".join(f'<div class="item"><a href="/story/{i}">{h}</a></div>' for i, h in enumerate(others))
    notice = ("All material on this site, text, photographs and graphics alike, is the property of the Varnell "
              "Gazette and may not be copied, republished or broadcast without the written permission of its editors.")
    doc = _html(f'<main>{article}<div class="stream">{cards}</div></main><div class="footer"><p>{notice}</p></div>')
    assert all(_content(doc, *ARTICLE))
    assert not any(_content(doc, *others))


MUSEUM = ("The town museum will reopen its textile gallery next spring after a long restoration, and "
          "volunteers are still needed to catalogue the blankets donated by families from the upper valley.")
MUSEUM_LINKS = "".join(f'<li><a href="/m/{i}">{w}</a></li>'
                       for i, w in enumerate(["Tickets", "Opening times", "Volunteer", "Donate", "Events"]))


@pytest.mark.parametrize("box", [
    pytest.param(f"<h3>From the museum</h3><p>{MUSEUM}</p><ul>{MUSEUM_LINKS}</ul>", id="box-with-links"),
    pytest.param(f"<p>{MUSEUM}</p>", marks=pytest.mark.xfail(strict=True, reason=(
        "keep_main_container: when every block adds content, <body> has the most mass and is "
        "taken as the main container, so nothing lies outside it")), id="lone-paragraph"),
])
def test_prose_outside_the_main_container_is_navigation(box):
    article = f"<article><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE[:4]) + "</article>"
    doc = _html(f'<div class="wrap">{article}</div><div class="box">{box}</div>')
    assert all(_content(doc, *ARTICLE[:4]))
    museum = _at(doc, MUSEUM[:40])
    assert museum.label is Label.NAVIGATION
    assert {"outside_main_container", "outside_main_region"} & set(museum.reasons)


BIO = ("Jane Roe has covered water, farming and the environment for the Varnell Gazette since 2015, and "
       "before that she spent six years reporting on local government for a radio station up north.")


@pytest.mark.parametrize("box", ["author-bio", "about_author", "AuthorCard", "authorbox"])
def test_an_author_box_is_chrome_wherever_it_stands(box):
    # "About the author" says the same on every page its author wrote; the box names
    # itself, whatever the byline (here none) says.
    bio = ("Morgan Hale has covered water, weather and the valley's farms for the paper since "
           "2009, and before that reported from the coast for a decade.")
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    doc = clean(f'<html><body><article><h1>{HEADLINE}</h1>{body}<div class="{box}">'
                f'<h3>About the author</h3><p>{bio}</p></div></article></body></html>'.encode())
    assert bio[:40] not in doc.text
    assert all(p[:40] in doc.text for p in ARTICLE)


@pytest.mark.parametrize("paragraphs", [8, 4])
def test_chrome_splits_off_an_author_bio(paragraphs):
    doc = _text(HEADLINE, *ARTICLE[:paragraphs], "Share", "Facebook", "About the author", BIO)
    assert all(_content(doc, *ARTICLE[:paragraphs]))
    bio = _at(doc, "Jane Roe has covered")
    assert bio.label is not Label.CONTENT and "outside_main_region" in bio.reasons


def test_several_stretches_after_the_article_stay():
    # Two posts below the first, each set off by chrome, are a thread's replies, not a tail.
    doc = _text(HEADLINE, *ARTICLE[:4], "Reply", "Report", BIO, "Reply", "Report", ARTICLE[4], "Reply")
    assert all(_content(doc, *ARTICLE[:4], "Jane Roe has covered", ARTICLE[4][:40]))


def test_a_sentence_broken_over_lines_weighs_as_one():
    broken = split_lines("If you see anything here that is not correct, please use\nthis form\nto report it.\n")
    whole = split_lines("If you see anything here that is not correct, please use this form to report it.\n")
    opts = Options()
    gains = _line_gains(score(measure(broken, "en", opts), opts), opts)
    assert len(gains) == 3
    assert sum(gains) == pytest.approx(_line_gains(score(measure(whole, "en", opts), opts), opts)[0], rel=0.05)


SUMMARIES = [
    "The reservoir above Varnell has fallen to its lowest level in decades after a dry spring.",
    "Engineers at the dam began releasing less water in June to protect the supply to homes.",
    "Local officials have asked households to stop watering lawns until the autumn rains arrive.",
    "Older residents remember the drought of 1976, when the reservoir dried out completely.",
    "Several campsites along the shore have closed early because the beaches are far from the water.",
]


def test_a_topic_pages_latest_news_under_its_title_is_the_page_not_a_related_box():
    # A topic page: its title, then "Latest news" over a river of linked teasers (a
    # headline and a summary each). No article stands above the heading, so the teasers
    # are the page's own listing, not links related to something already read.
    river = "".join(
        f'<article class="river-article"><header><a href="/story/{i}"><h2>{h}</h2>'
        f'<p class="river-desc">{t}</p></a></header><div class="river-aux">Jane Roe, {i + 1} days ago</div></article>'
        for i, (h, t) in enumerate(zip(HEADLINES, SUMMARIES)))
    doc = _html(f'<main><h1>Water</h1><h2>Latest news</h2><section class="river">{river}</section></main>')
    assert all(_content(doc, *HEADLINES[:5], *SUMMARIES))
    assert not any("after_related_heading" in b.reasons for b in doc.blocks)


def test_headlines_after_related_are_navigation_until_prose_resumes():
    related = HEADLINES[:3]
    subheading = "What the water authority plans to do before the winter"
    doc = _text(HEADLINE, ARTICLE[0], ARTICLE[1], "Related articles", *related,
                ARTICLE[2], subheading, ARTICLE[3])
    for line in related:
        block = _at(doc, line)
        assert block.label is Label.NAVIGATION and "after_related_heading" in block.reasons
    assert all(_content(doc, ARTICLE[2], subheading, ARTICLE[3]))
    assert "after_related_heading" not in _at(doc, subheading).reasons


def test_a_latest_news_item_in_the_top_bar_does_not_take_the_headline_for_a_related_link():
    # "Latest news" among the top bar's sections reads like a related box's heading; the
    # menu items under it say it is the bar's, and the headline below is the article's.
    menu = ["Skip to content", "Search", "Latest news", "Politics", "Business", "World", "Sport", "BUSINESS"]
    doc = _text(*menu, HEADLINE, STANDFIRST, "By Jane Roe", "14 August 2025", *ARTICLE[:3])
    assert doc.title == HEADLINE
    assert not any("after_related_heading" in b.reasons for b in doc.blocks)
    assert STANDFIRST in doc.text and all(p in doc.text for p in ARTICLE[:3])


def test_a_sidebars_related_box_tag_cloud_and_archive_stay_chrome_alike():
    # Below the article, menu-short lines do not end a related list: "Related", a tag
    # cloud, then an archive of headlines are one sidebar.
    tags = ["Beer", "Cider", "Gin", "Rum", "Sake", "Whisky"]
    doc = _text(HEADLINE, *ARTICLE[:4], "Related", HEADLINES[0], *tags, *HEADLINES[1:4])
    for line in HEADLINES[:4]:
        assert _at(doc, line).label is Label.NAVIGATION


def test_long_prose_full_of_links_after_related_is_prose_not_a_teaser():
    # A shop's overview under its "Trending now" box links every category it names: a
    # third of its words are links, yet at a hundred words and more it is no headline.
    linked = lambda words: f'<a href="/c/{words.split()[0].lower()}">{words}</a>'
    sentence = (f"Find {linked('sofas and armchairs')} or {linked('coffee tables')} for the living room, "
                f"{linked('bed frames')} and {linked('headboards')} for the bedroom, and all you need to "
                f"make a small flat feel like home. ")
    overview = f"<p>{sentence * 4}</p>"
    teasers = "".join(f'<h3><a href="/p/{n}">{h}</a></h3>' for n, h in enumerate(HEADLINES[:3]))
    article = "".join(f"<p>{p}</p>" for p in ARTICLE[:3])
    doc = _html(f"<main>{article}<h2>Trending now</h2>{teasers}{overview}</main>")
    block = _at(doc, "Find sofas and armchairs")
    assert block.features.words >= 100 and 0.25 <= block.features.link_density < 0.5
    assert block.label is Label.CONTENT and "after_related_heading" not in block.reasons
    for line in HEADLINES[:3]:
        assert _at(doc, line).label is Label.NAVIGATION


def test_question_headlines_after_related_do_not_end_the_list():
    questions = ["How long will the hosepipe ban in the Varnell valley last this year?",
                 "Why did the water authority wait until August to ask farmers to cut back?",
                 "Can the old quarry near Hartley really be turned into a second reservoir?"]
    doc = _text(HEADLINE, *ARTICLE[:3], "Related questions", *questions)
    assert all(_content(doc, *ARTICLE[:3]))
    for line in questions:
        assert "after_related_heading" in _at(doc, line).reasons


STANDFIRST = ("A dry spring and a hot summer have left the valley short of water. "
              "Farmers say the restrictions came far too late for them.")


def _headed_article():
    menu = "\n".join(["Varnell Gazette", "News", "Sport", "Weather", "Opinion"])
    return _text(menu, HEADLINE, STANDFIRST, "By Jane Roe", "14 August 2025", *ARTICLE[:4])


def test_headline_above_the_byline_is_the_title():
    doc = _headed_article()
    assert doc.title == HEADLINE
    assert doc.author == "Jane Roe"
    assert HEADLINE not in doc.text
    assert STANDFIRST in doc.text  # the dek is the article's own (measured: WCXB's truth keeps it)
    assert all(p in doc.text for p in ARTICLE[:4])


def test_date_line_below_the_byline_is_metadata():
    doc = _headed_article()
    assert doc.date is not None and doc.date.startswith("2025-08-14")
    assert "14 August 2025" not in doc.text


def test_a_paragraph_cloned_elsewhere_on_the_page_is_kept_once():
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    clone = f'<div class="mobile-copy"><p>{ARTICLE[2]}</p></div>'
    doc = clean(f"<html><body><article><h1>{HEADLINE}</h1>{body}{clone}</article></body></html>".encode())
    assert doc.text.count(ARTICLE[2][:60]) == 1
    assert any("duplicate" in b.reasons for b in doc.blocks)


def test_the_same_step_in_each_tab_panel_is_kept_in_each():
    # Docs show one procedure per platform in tab panels that differ only in their ids:
    # a step they share is said once in each tab, and the reader's tab has it.
    step = ("Replace the value of the account number with the one the console gave you, "
            "then save the file and run it again.")
    tabs = "".join(f'<div id="tab-{lang}" class="panel" role="tabpanel"><p>Open the {lang} file.</p><p>{step}</p></div>'
                   for lang in ("python", "node", "java"))
    body = "".join(f"<p>{p}</p>" for p in ARTICLE[:2])
    doc = clean(f"<html><body><article><h1>{HEADLINE}</h1>{body}{tabs}</article></body></html>".encode())
    assert doc.text.count(step[:60]) == 3
    # A copy in another kind of place still goes: a panel repeating a paragraph of the
    # article's own flow is a clone, whatever the ids.
    clone = f'<div id="summary" class="panel"><p>{step}</p></div>'
    doc = clean(f"<html><body><article><h1>{HEADLINE}</h1>{body}<p>{step}</p>{clone}</article></body></html>".encode())
    assert doc.text.count(step[:60]) == 1


def test_a_parameter_described_under_each_method_is_kept_under_each():
    # An API reference describes the same parameter under each method that takes it, in
    # sections that differ only in their ids: each method's reader needs it there.
    param = ("Three-letter currency code, in lowercase, for the amount given above. "
             "It must be one of the currencies your account supports.")
    sections = "".join(
        f'<section id="api-{method}" class="method"><h2>{method.title()} a charge</h2>'
        f'<p>Use this call to {method} a charge on the account.</p>'
        f'<ul class="params"><li><code>currency</code><p>{param}</p></li></ul></section>'
        for method in ("create", "update", "capture"))
    body = "".join(f"<p>{p}</p>" for p in ARTICLE[:2])
    doc = clean(f"<html><body><main><h1>Charges</h1>{body}{sections}</main></body></html>".encode())
    assert doc.text.count(param[:60]) == 3


MORE = [
    "Water companies in the region have warned that hosepipe bans could last into next spring "
    "unless the winter brings far more rain than the last three have done.",
    "At the sailing club on the northern shore, the jetty now stands on dry mud some forty metres "
    "from the water, and the autumn regatta has been called off for the first time.",
    "Anglers say the fish have crowded into the deepest pools below the dam, where the water is "
    "cooler, and several have been found dead in the shallows further down the valley.",
    "The council will meet again in September to decide whether the restrictions should stay in "
    "place through the winter or be lifted once the first heavy rains have come.",
]


@pytest.mark.parametrize("number", [lambda n: "", lambda n: f"{n + 1}. "], ids=["plain", "numbered"])
def test_a_pages_own_table_of_contents_goes_and_its_headings_stay(number):
    # A list of links to the page's own sections names each heading twice: the reader
    # meets the heading where it stands, so the list is navigation (five like links in
    # the article were taken for its records). A contents list may number its entries.
    sections = ["Why the reservoir has fallen so far this summer",
                "What the hosepipe ban means for gardens and car washing",
                "When the council expects the water level to recover",
                "How the farms in the valley are coping with the drought",
                "Where the town's drinking water will come from next year"]
    paragraphs = ARTICLE + MORE
    contents = "".join(f'<li><a href="#s{n}">{number(n)}{h}</a></li>' for n, h in enumerate(sections))
    body = "".join(f'<h2 id="s{n}">{h}</h2><p>{paragraphs[n]}</p>' for n, h in enumerate(sections))
    doc = clean(f"<html><body><div class='post-content'><h1>{HEADLINE}</h1><p>{paragraphs[6]}</p>"
                f"<ul>{contents}</ul>{body}</div></body></html>".encode())
    markdown = to_markdown(doc)
    for heading in sections:
        assert markdown.count(heading) == 1
        assert f"## {heading}" in markdown
    assert all(b.label is not Label.CONTENT for b in doc.blocks if b.tag == "li")


def test_a_copy_of_the_whole_article_in_one_block_is_kept_once():
    # Some pages carry their article a second time as one block: a Markdown version in a
    # <pre>, a print copy. Each paragraph is one block of the first copy, so the first
    # test for duplicates (block against block) cannot see the second.
    paragraphs = ARTICLE + MORE
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    copy = "<pre># " + HEADLINE + "\n\n" + "\n\n".join(paragraphs) + "</pre>"
    doc = clean(f"<html><body><article><h1>{HEADLINE}</h1>{body}{copy}</article></body></html>".encode())
    assert all(doc.text.count(p[:60]) == 1 for p in paragraphs)
    (pre,) = [b for b in doc.blocks if b.tag == "pre"]
    assert pre.label is not Label.CONTENT and "duplicate" in pre.reasons


def test_the_copy_rule_is_tuned_by_a_rules_file(tmp_path):
    # The pass's thresholds are data like the rest: asking for more paragraphs than the
    # article has keeps the copy.
    paragraphs = ARTICLE + MORE
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    copy = "<pre>" + "\n\n".join(paragraphs) + "</pre>"
    page = f"<html><body><article><h1>{HEADLINE}</h1>{body}{copy}</article></body></html>"
    rules = tmp_path / "rules.toml"
    rules.write_text(f"[thresholds]\ncopy_sources = {len(paragraphs) + 1}\n")
    (pre,) = [b for b in clean(page.encode(), options=load_rules(rules)).blocks if b.tag == "pre"]
    assert pre.label is Label.CONTENT and "duplicate" not in pre.reasons


def test_a_long_paragraph_that_sums_up_a_few_others_stays():
    summary = ("To sum up: " + " ".join(p for p in ARTICLE[:3]) + " None of this will change until the rains come.")
    body = "".join(f"<p>{p}</p>" for p in ARTICLE + MORE) + f"<p>{summary}</p>"
    doc = clean(f"<html><body><article><h1>{HEADLINE}</h1>{body}</article></body></html>".encode())
    assert summary in doc.text


def test_a_photo_caption_between_two_paragraphs_stays_out():
    # Short lines between paragraphs follow them into the text (a subheading); a caption
    # does not: its <figcaption> says what it is.
    caption = "The dam in August. Photo: Jane Roe"
    figure = f'<figure><img src="dam.jpg" alt=""><figcaption><p>{caption}</p></figcaption></figure>'
    body = "".join(f"<p>{p}</p>" for p in ARTICLE[:3]) + figure + "".join(f"<p>{p}</p>" for p in ARTICLE[3:])
    doc = clean(f"<html><body><article><h1>{HEADLINE}</h1>{body}</article></body></html>".encode())
    assert all(p[:60] in doc.text for p in ARTICLE)
    assert "Photo: Jane Roe" not in doc.text


def test_a_page_whose_body_is_all_chrome_says_what_its_summary_says():
    summary = ("So I wanted to know how far people really ride on one charge before the battery gives out, "
               "and whether the cold of a northern winter takes much off that.")
    page = (f'<html><head><meta name="description" content="{summary}"></head><body>'
            '<nav><a href="/">Home</a> <a href="/latest">Latest</a> <a href="/donate">Donate now</a></nav>'
            '</body></html>')
    doc = clean(page.encode())
    assert doc.text == summary
    assert any("page_summary" in b.reasons for b in doc.blocks)


def test_a_page_holding_only_its_headline_keeps_it_as_its_title_and_its_text():
    # A rendering that kept only the page's title (the posts were drawn by scripts): the
    # line is the title, and the text is not empty either.
    line = "Start making my home smart. Where should I start? - Configuration - Community"
    doc = _text(line)
    assert doc.title and doc.title.startswith("Start making my home smart")
    assert doc.text == line


def test_a_page_of_one_dated_line_is_not_emptied_into_its_date():
    line = "4o Update 2024-09-05 Broken - Bugs - OpenAI Developer Community"
    doc = _text(line)
    assert doc.text == line
    assert doc.date == "2024-09-05"


def test_a_paragraph_scraped_twice_is_kept_once():
    doc = _text(HEADLINE, *ARTICLE, "Most read", ARTICLE[1])
    assert doc.text.count(ARTICLE[1][:60]) == 1


def test_cards_with_numbered_class_names_are_records_of_a_listing():
    cards = "".join(
        f'<div class="card card-{n}a{n}"><h3><a href="/t/{n}">Ridge Trail {n}</a></h3>'
        f'<div class="meta">Length: {n}.5 Miles Loop</div></div>'
        for n in range(1, 7))
    page = f"<html><body><main><h1>Trails of the county</h1><p>{ARTICLE[0]}</p>{cards}</main></body></html>"
    doc = clean(page.encode())
    assert all(f"Length: {n}.5 Miles Loop" in doc.text for n in range(1, 7))


def test_cards_styled_by_atomic_class_names_are_records_of_a_listing():
    # A CSS-in-JS compiler names each style rule with one or two letters; cards that differ
    # by a margin differ in them, and the listing's cards must still fall on one path.
    spacing = ["mf q", "mf pq", "po q", "po pp pq", "mf", "pm pn"]
    cards = "".join(
        f'<article class="aw"><div class="{spacing[n]}"><h2><a href="/p/{n}">Ridge Trail {n} reopens</a></h2>'
        f'<div class="kg kh">Parks team</div></div></article>' for n in range(6))
    doc = clean(f"<html><body><div class=\"f q\"><h1>Trail notes</h1>{cards}</div></body></html>".encode())
    assert all(f"Ridge Trail {n} reopens" in doc.text for n in range(6))


def test_cards_with_indexed_ids_are_records_of_a_listing():
    # A shop's best-seller grid numbers its cards' ids by place ("asin-index-0"): places in
    # one list, not posts of a thread with ids of their own.
    cards = "".join(
        f'<div class="grid-item" id="p13n-asin-index-{n}"><div class="title"><a href="/b/{n}">Tide Tables {n}</a></div>'
        f'<div class="by">Ana Moreno</div><div class="price">${n + 9}.99</div></div>' for n in range(8))
    doc = clean(f"<html><body><main><h1>Best sellers in maps</h1>{cards}</main></body></html>".encode())
    assert all(f"Tide Tables {n}" in doc.text for n in range(8))
    assert all(_at(doc, f"Tide Tables {n}").reasons[0] == "repeated_record" for n in range(8))


def test_a_badge_every_card_repeats_is_not_a_record_of_the_listing():
    # Each card of a shop's grid names its sofa and price; the badge over its picture and
    # its firmness read the same on every card. Names and prices are the listing, the
    # badges its furniture.
    sofas = ["Glostad loveseat", "Kivik sofa", "Uppland sectional", "Klippan loveseat", "Morabo sofa",
             "Finnala sofa", "Hyltarp sofa", "Linanas sofa"]
    cards = "".join(
        f'<div class="product-card"><div class="media"><img src="/i/{n}.jpg" alt=""><div class="badge">More options</div>'
        f'</div><div class="details"><h3 class="name"><a href="/p/{n}">{sofa} in dark grey</a></h3>'
        f'<p class="price">${n + 2}49.00</p><div class="feel">Medium firm</div></div></div>'
        for n, sofa in enumerate(sofas))
    page = (f'<html><body><main><h1>Sofas</h1><div class="intro"><p>{ARTICLE[0]}</p></div>'
            f'<section class="results"><div class="grid">{cards}</div></section></main></body></html>')
    doc = clean(page.encode())
    assert all(f"{sofa} in dark grey" in doc.text for sofa in sofas) and "$949.00" in doc.text
    assert "More options" not in doc.text and "Medium firm" not in doc.text


def test_a_button_on_every_card_is_not_a_record_where_css_modules_number_every_class():
    # CSS modules suffix every class with a hash ("price_x6DXw1"), so a card's was-price,
    # price and button fall into one record group, whose prices differ from card to card.
    # On its own path each button reads the same on every card: the cards' furniture.
    cameras = ["Canon EOS R100", "Nikon Z50 II", "Sony Alpha a6400", "Fujifilm X-T30 II", "Panasonic Lumix G100",
               "OM System OM-5"]
    cards = "".join(
        f'<div class="product_Uc1nU"><h3 class="title_Uc1nU"><a href="/c/{n}">{camera} Mirrorless Camera with Lens</a></h3>'
        f'<div class="was_x6DX1">${n + 6}79.00</div><div class="price_x6DX1">${n + 5}49.00</div>'
        f'<div class="compare_tx8l8">Add to Compare</div><div class="features_Pf1h">Key Features</div>'
        f'<div class="shipping_Pf1h">Calculate Shipping</div></div>'
        for n, camera in enumerate(cameras))
    page = (f'<html><body><main><h1>Mirrorless cameras</h1><p>{ARTICLE[0]}</p>'
            f'<div class="results_Hq2Lm"><div class="grid_Bc1Sl"><div class="row_Bc1Sl">{cards}</div></div></div>'
            f'</main></body></html>')
    doc = clean(page.encode())
    assert all(f"{camera} Mirrorless Camera" in doc.text for camera in cameras)
    assert "$549.00" in doc.text and "$1079.00" in doc.text
    assert not any(label in doc.text for label in ("Add to Compare", "Key Features", "Calculate Shipping"))


def test_cards_and_footer_links_styled_by_css_modules_keep_apart():
    # Every class name of the page is a CSS module's, with a digit in its hash: stripped as
    # a card's own name would be, the cards' title links and the footer's links fell on
    # one bare path (div>div>div>div>a), and the group of both was no listing. Names that
    # ten elements or more bear are the page's styles, and stay in the keys.
    titles = ["Harbour view cottage with garden", "Two-bedroom flat near the station", "Detached house on Mill Lane",
              "Studio above the old bakery", "Family home with a large kitchen", "Riverside apartment with balcony",
              "Stone barn conversion in Ashby", "Terraced house close to the park"]
    cards = "".join(
        f'<div class="Card_card__x1Tq2"><div class="Card_body__k3Lm9"><a href="/h/{n}">{title}</a></div>'
        f'<div class="Card_body__k3Lm9"><span>£{n + 2}95,000</span></div></div>' for n, title in enumerate(titles))
    links = ["About our agency", "Careers with us", "Press and media", "Help centre", "Contact the team",
             "Privacy notice", "Cookie settings", "Terms of use", "Sell your home", "Book a valuation",
             "Mortgage advice", "Area guides"]
    footer = "".join(f'<div class="Footer_col__p8Hh1"><div class="Footer_item__q2W3e"><a href="/f/{i}">{link}</a></div></div>'
                     for i, link in enumerate(links))
    page = (f'<html><body><div class="Layout_page__a1B2c"><div class="Header_bar__z9Y8x"><a href="/">Homes</a></div>'
            f'<div class="Results_grid__r4S5t"><h1>Homes for sale in Ashby</h1>{cards}</div>'
            f'<div class="Footer_wrap__f6G7h">{footer}</div></div></body></html>')
    doc = clean(page.encode())
    assert all(title in doc.text for title in titles) and "£995,000" in doc.text
    assert not any(link in doc.text for link in links)


@pytest.mark.parametrize("shown", [
    ["block", "block", "hidden sm:block", "hidden md:block", "hidden xl:block", "hidden", "hidden"],  # utility CSS
    ["col", "col", "col d-none d-md-block", "col d-none d-md-block", "col d-none d-lg-block", "col d-none",
     "col d-none"],  # Bootstrap
])
def test_cards_shown_from_different_screen_widths_are_records_of_a_listing(shown):
    # A grid shows its first cards on a phone and the rest from wider screens up: the
    # cards' wrappers differ only by the classes that say so.
    cards = "".join(
        f'<div class="{cls}"><div class="card"><h3><a href="/t/{n}">Ridge Trail {n}</a></h3>'
        f'<div class="meta">Length: {n}.5 Miles Loop</div></div></div>' for n, cls in enumerate(shown))
    page = (f'<html><body><main><h1>Trails of the county</h1><p>{ARTICLE[0]}</p>'
            f'<div class="grid grid-cols-2 md:grid-cols-4">{cards}</div></main></body></html>')
    doc = clean(page.encode())
    assert all(f"Length: {n}.5 Miles Loop" in doc.text for n in range(len(shown)))
    assert all(_at(doc, f"Ridge Trail {n}").reasons[0] == "repeated_record" for n in range(len(shown)))


def _ranking(marker: str) -> list[str]:
    tools = ["Automation Suite", "Chart Studio Pro", "Ledger Cloud", "Route Planner", "Photo Sorter Max",
             "Inbox Zero Kit", "Budget Keeper"]
    lines = []
    for n, tool in enumerate(tools, 1):
        lines += [f"{n}.", f"{tool} for small teams", f"{9.5 - n / 10:.1f} out of 10", marker]
    return lines


def test_cards_repeating_a_marker_line_are_the_records_of_a_scraped_listing():
    page = ["Home", "Products", "Pricing", "Sign in", "", "Top ranked office tools", "Sort by: Score", ""]
    page += _ranking("Compare") + ["", "About us", "Careers", "Privacy policy"]
    doc = clean("\n".join(page).encode(), options=TEXT)
    kept = [b.text for b in doc.body]
    assert "Chart Studio Pro for small teams" in kept and "Budget Keeper for small teams" in kept
    assert "9.2 out of 10" in kept
    records = [b for b in doc.blocks if "repeated_record" in b.reasons]
    assert records and all(b.text != "Compare" for b in records)  # the marker is the card's button
    assert not {"Home", "Sign in", "Privacy policy"} & set(kept)


def test_a_menu_with_a_separator_between_its_items_is_not_a_listing():
    menu = []
    for item in ["News", "Sport", "Weather", "Travel", "Culture", "Music", "Food"]:
        menu += [item, "|"]
    page = menu + ["", HEADLINE, "", *ARTICLE[:3]]
    doc = clean("\n".join(page).encode(), options=TEXT)
    assert not any("repeated_record" in b.reasons for b in doc.blocks)
    assert [b.text for b in doc.body] == ARTICLE[:3]


TEASERS = [("Snow closes the pass above Varnell for a week", "Ploughs cannot keep up with the drifts on the "
            "upper road, and the council has opened the school hall for stranded drivers."),
           ("New bakery opens on the market square", "Two sisters from the valley have turned the old bank "
            "into a bakery that sells rye bread baked in a wood-fired oven every morning."),
           ("Choir wins the county festival again", "The Varnell choir took the first prize for the third "
            "year running with a programme of folk songs collected in the hills."),
           ("Bridge repairs will take until spring", "Engineers found more rust than expected under the deck "
            "of the old iron bridge, so the footpath stays closed through the winter.")]


def _teaser_cards() -> str:
    return "".join(f'<div class="teaser"><div class="teaser-body"><h3><a href="/story/{n}">{title}</a></h3>'
                   f'<p>{summary}</p></div></div>' for n, (title, summary) in enumerate(TEASERS))


def test_teaser_cards_beside_an_article_are_navigation():
    article = f"<article><h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article>"
    doc = _html(f'<div class="wrap">{article}<section class="more">{_teaser_cards()}</section></div>')
    assert all(_content(doc, *ARTICLE))
    summaries = [_at(doc, summary[:40]) for _, summary in TEASERS]
    assert all(b.label is Label.NAVIGATION and "teaser_card" in b.reasons for b in summaries)


def test_teaser_cards_that_are_the_page_stay():
    # A section front: the cards outweigh its one line of introduction.
    doc = _html(f'<main><h1>Valley news</h1><p>{ARTICLE[0]}</p><section class="more">{_teaser_cards()}</section></main>')
    assert all(_content(doc, *(summary for _, summary in TEASERS)))
    assert not any("teaser_card" in b.reasons for b in doc.blocks)


def test_rows_with_bare_number_ids_are_records_of_a_listing():
    jobs = ["Ledgerly is hiring a founding backend engineer", "Tidewater Labs is hiring a product designer",
            "Northwind Robotics is hiring firmware engineers", "Quillstack is hiring a support lead",
            "Parcelwise is hiring a data engineer in Lisbon", "Brightmoss is hiring its first sales hire"]
    rows = "".join(f'<tr id="{47289357 - 7 * n}" class="athing"><td>{n + 1}.</td><td><a href="/item/{n}">{job}</a>'
                   f' <span>(example.com)</span></td></tr>' for n, job in enumerate(jobs))
    page = (f"<html><body><table><tr><td><a href='/'>Hacker Digest</a> | <a href='/new'>new</a> | "
            f"<a href='/jobs'>jobs</a></td></tr></table><table>{rows}</table></body></html>")
    doc = clean(page.encode())
    assert all(job in doc.text for job in jobs)


# Steps built from the names the record key drops or keeps, and from the characters
# that bound a name, so that names run into each other and over a step's '>'.
STEP_PARTS = st.sampled_from([
    "div", "li", "h2", ".card", ".post-123", ".x6DXw1", ".aw", ".q", ".sm:block", ".md:hidden", ".hidden",
    ".d-lg-block", ".visible-xs", "#47289357", "#B0GRC32G8X", "#slide_12", "#post-48213", "[main]",
    ".", "#", "[", ">", ":", "-", "_", "7", "A", "٣", "é",
])


@settings(max_examples=2000, deadline=None, database=None, derandomize=True)
@given(st.lists(st.lists(STEP_PARTS, max_size=6).map("".join), max_size=8).map(">".join))
def test_a_paths_record_key_is_its_parts_keys_joined(path):
    # record_key keys a path's shared head once: the same key as the whole path read through.
    record_key.cache_clear()
    assert record_key(path) == _without_unique_names(path)


def test_a_long_river_under_a_latest_news_heading_is_the_page_not_a_related_box():
    stories = [(f"Valley story number {n} makes the front page", f"The {n}th report from the valley tells "
                "readers what the council decided this week and what it means for the farms nearby.")
               for n in range(1, 11)]
    river = "".join(f'<article class="river"><h2>{title}</h2><a href="/s/{n}"><p>{summary}</p></a></article>'
                    for n, (title, summary) in enumerate(stories))
    doc = _html(f"<main><h1>Valley</h1><h2>Latest news</h2><section>{river}</section></main>")
    assert all(_content(doc, *(title for title, _ in stories)))
    assert not any("after_related_heading" in b.reasons for b in doc.blocks)


def test_sections_of_one_docs_page_are_one_document():
    # A module's page: an overview table, then a long chapter and a short one, each its own
    # <section> inside the module's. The long chapter alone holds most of the text, but the
    # table and the short chapter are the same document, not a sidebar.
    rows = "".join(f"<tr><td><p>{name}()</p></td><td><p>{what}</p></td></tr>" for name, what in [
        ("level", "depth at the gauge"), ("inflow", "water entering per day"), ("release", "water let out")])
    chapter = "".join(f"<p>{p}</p>" for p in ARTICLE[:7])
    recipe = ("The readings can be combined: subtract the release from the inflow each day and add the "
              "result to yesterday's level, which gives the level the gauge should show today.")
    doc = _html(f'<nav><ul>{MUSEUM_LINKS}</ul></nav><main><section id="module-reservoir"><h1>reservoir</h1>'
                f'<table>{rows}</table><section id="functions"><h2>Functions</h2>{chapter}</section>'
                f'<section id="recipes"><h2>Recipes</h2><p>{recipe}</p></section></section></main>')
    assert all(_content(doc, *ARTICLE[:7], recipe, "depth at the gauge", "water entering per day"))
    assert not any(_content(doc, "Tickets", "Opening times"))


SHORT_HEADLINES = ["Winter ferry timetable agreed", "A prize for the rye loaf", "Sports hall decision delayed",
                   "Storm damage on the coast road", "Library opens for longer", "Snow closes the upper pass"]


def _linked_records(path: str) -> str:
    return "".join(f'<div class="item"><a href="/{path}/{n}">{h}</a></div>' for n, h in enumerate(SHORT_HEADLINES))


def test_linked_records_below_a_whole_article_are_not_a_listing():
    # No "Related" heading and no telling class name: only where the links stand says
    # they are the site's other pages.
    article = f"<h1>{HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE)
    doc = _html(f'<div class="page">{article}<div class="list">{_linked_records("story")}</div></div>')
    assert all(_content(doc, *ARTICLE))
    assert not any(_content(doc, *SHORT_HEADLINES))


def test_linked_records_with_the_article_going_on_below_them_stay():
    # A list of links inside the article (its sources, its chapters) has prose after it.
    top = "".join(f"<p>{p}</p>" for p in ARTICLE[:4])
    rest = "".join(f"<p>{p}</p>" for p in ARTICLE[4:])
    doc = _html(f'<div class="page"><h1>{HEADLINE}</h1>{top}<div class="list">{_linked_records("source")}</div>'
                f'{rest}</div>')
    assert all(_content(doc, *ARTICLE, *SHORT_HEADLINES))


@pytest.mark.parametrize("heading", ["Recent Articles", "More stories", "Popular posts", "Other videos",
                                     "More Topics from this Board", "Suggested topics"])
def test_headlines_under_a_recent_or_more_heading_are_related_links(heading):
    doc = _text(HEADLINE, *ARTICLE, heading, *HEADLINES[:4])
    assert all(_content(doc, *ARTICLE))
    assert not any(_content(doc, *HEADLINES[:4]))



# A cloud provider's mega-menu: product names, each with a one-line pitch, all links.
PRODUCTS = [("Storage", "Durable object storage for files of any size"),
            ("Databases", "Managed databases that scale with your traffic"),
            ("Analytics", "Query your data warehouse in seconds, not hours"),
            ("Networking", "Fast, private links between all your regions"),
            ("Security", "Protect your users, your data and your apps"),
            ("Machine learning", "Train and serve your own models with a few clicks")]


def test_a_mega_menu_in_the_page_banner_is_not_a_listing():
    # The page's own <header> (no article or main around it) is its banner, whatever its
    # inner boxes are called: its repeated linked entries are a menu, not a listing's
    # records. Here the article is loose sections in <body>, so no container shuts it out.
    menu = "".join(f'<li class="item"><a href="/p/{n}"><div class="name">{name}</div>'
                   f'<div class="pitch">{pitch}</div></a></li>' for n, (name, pitch) in enumerate(PRODUCTS))
    sections = "".join(f"<section><h2>Part {i + 1}</h2><p>{ARTICLE[2 * i]}</p><p>{ARTICLE[2 * i + 1]}</p></section>"
                       for i in range(4))
    doc = _html(f'<header><div class="panel"><ul>{menu}</ul></div></header><h1>{HEADLINE}</h1>{sections}')
    assert all(_content(doc, *ARTICLE))
    assert not any(_content(doc, *(name for name, _ in PRODUCTS), *(pitch for _, pitch in PRODUCTS)))
    assert _at(doc, "Storage").features.dom_cue == "navigation"


def test_a_header_inside_the_article_is_the_article_head():
    # An <article>'s own <header> holds its headline and standfirst.
    standfirst = "Farmers in the valley have cut back on watering as the dry summer goes on."
    doc = _html(f'<article><header><h1>{HEADLINE}</h1><p>{standfirst}</p></header>'
                + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article>")
    assert all(_content(doc, standfirst, *ARTICLE))
    assert _at(doc, HEADLINE).features.dom_cue == "content"


def _story(n: int, headline: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE[4 * (n - 1):4 * n])
    return (f'<article class="post" id="post-{n}"><h1 class="entry-title">{headline}</h1>'
            f'<div class="byline">By Jane Roe</div><div class="entry-content">{paragraphs}</div></article>')


def test_the_next_story_a_news_site_scrolls_on_to_is_not_the_article():
    # The page is for the first <article>; the second, with its own headline and a whole
    # story's prose, is the next page's, already in the HTML for the reader who scrolls on.
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE} | Varnell Gazette</title></head><body><main>"
            f"{_story(1, HEADLINE)}<div>Next story</div>{_story(2, HEADLINES[0])}</main></body></html>")
    doc = clean(page)
    assert doc.title == HEADLINE and ARTICLE[0] in doc.text
    assert HEADLINES[0] not in doc.text and ARTICLE[5] not in doc.text
    assert "other_article" in _at(doc, HEADLINES[0]).reasons


def test_teasers_in_articles_of_their_own_beside_the_story_are_not_the_article():
    # A news site sets each teaser of another story in an <article>, with no heading: a
    # paragraph, the section and the date.
    teasers = "".join(f'<article class="post"><div class="body"><p>{p}</p></div><a href="/s/{n}">Front Page</a>'
                      f"<span>December 19, 2025</span></article>" for n, p in enumerate(ARTICLE[4:7]))
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><main>"
            f"{_story(1, HEADLINE)}{teasers}</main></body></html>")
    doc = clean(page)
    assert ARTICLE[0] in doc.text and ARTICLE[3] in doc.text
    for teaser in ARTICLE[4:7]:
        assert teaser not in doc.text and "other_article" in _at(doc, teaser).reasons


@pytest.mark.parametrize("post", [
    '<article class="post"><div class="body"><p>{}</p></div></article>',  # posts in <article>s of their own
    '<div class="reply"><p>{}</p></div>',  # replies outside any <article>
])
def test_a_thread_keeps_its_posts_beside_the_first_post_s_article(post):
    # The thread's title stands in the first post's <article>; the others are its content.
    posts = "".join(post.format(p) for p in ARTICLE[4:7])
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><main>"
            f"{_story(1, HEADLINE)}{posts}</main></body></html>")
    doc = clean(page, url="https://forum.example.org/t/varnell-reservoir/4411")
    assert all(p in doc.text for p in ARTICLE[4:7])


SIGNATURE = ("Retired hydrologist, forty years on the Varnell catchment. Opinions are my own and "
             "not those of any water board I have ever worked for, past or present.")


@pytest.mark.parametrize("post", [
    '<div class="post"><div class="postbody"><div class="content"><p>{}</p></div>'
    '<div class="signature"><p>{}</p></div></div></div>',  # phpBB, SMF
    '<article class="message"><div class="message-content"><p>{}</p></div>'
    '<div class="message-signature"><div class="bbWrapper">{}</div></div></article>',  # XenForo
])
def test_a_poster_s_signature_is_not_the_post(post):
    """A signature's prose outweighs a navigation cue, and the passes kept it among the
    posts' paragraphs: inside the post it signs, it is a landmark."""
    posts = "".join(post.format(p, SIGNATURE) for p in ARTICLE[4:7])
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><main>"
            f"<h1>{HEADLINE}</h1>{posts}</main></body></html>")
    doc = clean(page, url="https://forum.example.org/t/varnell-reservoir/4411")
    assert all(p in doc.text for p in ARTICLE[4:7])
    assert SIGNATURE[:40] not in doc.text
    assert _at(doc, SIGNATURE[:40]).reasons == ("navigation_landmark",)


REMARKS = ["Could you say which version of the pump you have? The older ones had a different valve.",
           "Have you checked the fuse on the controller board before replacing anything else?",
           "This answer saved me an afternoon of digging through the manual, thank you for writing it."]


def _qa_post(kind: str, n: int, remark: str) -> str:
    return (f'<div class="{kind}" id="{kind}-{n}"><div class="post-layout"><div class="s-prose">'
            f'<p>{ARTICLE[n]}</p><p>{ARTICLE[n + 1]}</p></div>'
            f'<div class="comments"><ul class="comments-list"><li class="comment"><div class="comment-body">'
            f'<span class="comment-copy">{remark}</span></div></li></ul></div></div></div>')


def test_a_question_and_answers_keep_their_text_and_drop_the_remarks_under_each():
    """A Q&A page is a thread, whose comments are its content when they are its replies;
    the remarks under the question and under each answer are not."""
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><main>"
            f'<h1>{HEADLINE}</h1>{_qa_post("question", 0, REMARKS[0])}'
            f'<div id="answers">{_qa_post("answer", 2, REMARKS[1])}{_qa_post("answer", 4, REMARKS[2])}</div>'
            "</main></body></html>")
    doc = clean(page, url="https://qa.example.org/questions/4411/why-does-the-pump-stop")
    assert all(ARTICLE[n] in doc.text for n in range(6))
    for remark in REMARKS:
        assert remark not in doc.text and "post_comment" in _at(doc, remark).reasons


def test_a_forum_whose_replies_are_comments_keeps_them():
    # One post, then the replies in a comment list: they hang from the thread, not a post.
    replies = "".join(f'<li class="comment"><div class="comment-body"><p>{p}</p></div></li>' for p in ARTICLE[3:6])
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><main><h1>{HEADLINE}</h1>"
            f'<div class="post"><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p></div><ol class="comments">{replies}</ol>'
            "</main></body></html>")
    doc = clean(page, url="https://forum.example.org/t/varnell-reservoir/4411")
    assert all(p in doc.text for p in ARTICLE[3:6])


@pytest.mark.parametrize("box", ["member-signature", "tsd-signature", "signature"])
def test_an_api_reference_keeps_its_method_signatures(box):
    """Javadoc, TypeDoc and Dokka name a method's signature line so: it is the reference's
    text, not a forum poster's signature."""
    def method(n: int) -> str:
        return (f'<section class="detail"><h3>get{n}</h3><div class="{box}"><span class="modifiers">public</span>'
                f'&nbsp;<span class="return-type">String</span>&nbsp;<span class="element-name">get{n}</span>'
                f'<span class="parameters">(int&nbsp;index)</span></div><div class="block">Returns the element at '
                f'the given position in this list, counting from zero, as a string.</div></section>')
    doc = _html("<main><h1>Class ArrayList</h1><p>Resizable-array implementation of the List interface, which "
                "permits all elements, including null.</p>" + "".join(method(n) for n in range(5)) + "</main>")
    assert all(f"public String get{n}(int index)" in doc.text for n in range(5))


def test_a_board_s_notices_are_not_the_thread():
    notice = ("Welcome to the Varnell board! Please read the house rules before you post, and remember "
              "that the spring meeting is held at the library on the first Tuesday of May.")
    posts = "".join(f'<div class="post"><div class="content"><p>{p}</p></div></div>' for p in ARTICLE[4:7])
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><main>"
            f'<ul class="notices notices--block"><li class="notice"><div class="notice-content">{notice}</div></li></ul>'
            f"<h1>{HEADLINE}</h1>{posts}</main></body></html>")
    doc = clean(page, url="https://forum.example.org/t/varnell-reservoir/4411")
    assert all(p in doc.text for p in ARTICLE[4:7])
    assert notice[:40] not in doc.text


SHIPPING = "Free standard delivery on orders over $50, and returns are free within 30 days."


def test_a_shop_s_delivery_terms_are_chrome():
    # The same on every product page of the shop: between the description's paragraphs,
    # no part of its text.
    doc = _html(f"<main><h1>{HEADLINE}</h1><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p>"
                f'<div class="product-shipping"><p>{SHIPPING}</p></div><p>{ARTICLE[2]}</p></main>')
    assert all(p in doc.text for p in ARTICLE[:3])
    assert SHIPPING not in doc.text


def test_a_listing_s_card_bylines_are_chrome_and_still_name_the_author():
    card = ('<div class="card"><h2><a href="/story-{n}">{title}</a></h2><p>{teaser}</p>'
            '<div class="card__byline">Jane Roe and John Doe | {n} days ago</div></div>')
    cards = "".join(card.format(n=n, title=t, teaser=ARTICLE[n]) for n, t in enumerate(HEADLINES[:4]))
    doc = _html(f"<main><h1>Latest stories</h1>{cards}</main>")
    assert all(ARTICLE[n] in doc.text for n in range(4))
    assert "Jane Roe and John Doe" not in doc.text
    story = _html(f'<article><h1>{HEADLINE}</h1><div class="byline">By Jane Roe</div>'
                  + "".join(f"<p>{p}</p>" for p in ARTICLE[:4]) + "</article>")
    assert story.metadata.author == "Jane Roe" and "By Jane Roe" not in story.text


def test_a_blog_front_page_of_whole_posts_keeps_them_all():
    # Its title is the blog's, no post's: every post is the page's content.
    doc = _html(f"<main>{_story(1, HEADLINES[0])}{_story(2, HEADLINES[1])}</main>")
    assert HEADLINES[1] in doc.text and ARTICLE[0] in doc.text and ARTICLE[5] in doc.text
    assert not any("other_article" in b.reasons for b in doc.blocks)


NOTE = ("Jane Roe is a staff reporter at the Varnell Gazette who covers water, farming and the "
       "weather. She has written about the valley's droughts for more than ten years.")


def test_the_note_on_the_article_s_author_is_not_the_article():
    # The byline names Jane Roe; the box under the story says who she is.
    box = f'<div class="about"><h4>Jane Roe</h4><p>{NOTE}</p></div>'
    doc = _html(f"<main>{_story(1, HEADLINE)}{box}</main>")
    assert doc.metadata.author == "Jane Roe"
    assert ARTICLE[3] in doc.text and NOTE[:40] not in doc.text
    assert "author_bio" in _at(doc, NOTE[:40]).reasons


GIVEN_NAME_NOTE = ("Jane holds a degree in agricultural science from the state university and spent six "
                   "years on a dairy farm before she joined the Gazette.")
NOTE_GOES_ON = ("When she is not out in the fields with a notebook, Jane keeps bees and sings in the "
                "Varnell choir on Sunday mornings.")


def test_a_note_that_calls_the_author_by_her_given_name_is_not_the_article():
    # Under the full name's note, the next paragraphs say "Jane" alone: the same note.
    box = f'<div class="about"><p>{NOTE}</p><p>{GIVEN_NAME_NOTE}</p><p>{NOTE_GOES_ON}</p></div>'
    doc = _html(f"<main>{_story(1, HEADLINE)}{box}</main>")
    assert ARTICLE[3] in doc.text
    for paragraph in (NOTE, GIVEN_NAME_NOTE, NOTE_GOES_ON):
        assert paragraph[:40] not in doc.text
        assert "author_bio" in _at(doc, paragraph[:40]).reasons


def test_a_story_about_someone_with_the_author_s_given_name_is_kept():
    # Four paragraphs in a row name "Jane" (the story's subject, not its writer Jane Roe):
    # a note runs on for two paragraphs at most, so the fourth shows the name is the story's.
    subject = [
        "Jane is a beekeeper who has kept hives on the hill above Varnell for thirty years.",
        "This spring Jane lost half of her colonies to a cold snap that came after the first blossom.",
        "Jane says the losses were the worst she has seen, and she has asked the council for help.",
        "Neighbours have offered Jane swarms from their own hives to rebuild her apiary by June.",
    ]
    paragraphs = "".join(f"<p>{p}</p>" for p in subject + ARTICLE[:3])
    doc = _html(f'<main><article><h1>{HEADLINE}</h1><div class="byline">By Jane Roe</div>'
                f'<div class="entry-content">{paragraphs}</div></article></main>')
    assert doc.metadata.author == "Jane Roe"
    assert all(_content(doc, *subject))


@pytest.mark.parametrize("note", [
    "Jane Roe founded the Varnell Gazette in 2009 after twenty years as a reporter on papers across the state.",
    "Jane started writing about farming for the Gazette in 2012, after a decade of raising sheep in the hills.",
])
def test_a_note_that_says_what_the_author_founded_or_started(note):
    box = f'<div class="about"><p>{note}</p></div>'
    doc = _html(f"<main>{_story(1, HEADLINE)}{box}</main>")
    assert ARTICLE[3] in doc.text and note[:40] not in doc.text
    assert "author_bio" in _at(doc, note[:40]).reasons


def test_a_story_that_names_the_author_s_given_name_keeps_her_note():
    # "Jane" is in the story too (a columnist writing of herself): she is its subject.
    column = f"<p>{ARTICLE[0]} Jane saw it first from the bridge.</p>"
    box = f'<div class="about"><p>{GIVEN_NAME_NOTE}</p></div>'
    doc = _html(f'<main><article><h1>{HEADLINE}</h1><div class="byline">By Jane Roe</div>'
                f'<div class="entry-content">{column}<p>{ARTICLE[1]}</p><p>{ARTICLE[2]}</p></div></article>{box}</main>')
    assert doc.metadata.author == "Jane Roe"
    assert GIVEN_NAME_NOTE[:40] in doc.text


def test_a_page_about_its_author_keeps_what_it_says_of_her():
    # The ranked list puts its own writer first: named in the body, she is the subject.
    ranked = (f"<p>{ARTICLE[0]}</p><h2>1. Jane Roe</h2><p>{NOTE}</p><h2>2. Tom Wade</h2><p>{ARTICLE[5]}</p>"
              f"<h2>3. Ann Lee</h2><p>{ARTICLE[6]}</p>")
    doc = _html(f'<main><article><h1>The best weather writers in the valley</h1><div class="byline">By Jane Roe</div>'
                f'<div class="entry-content">{ranked}</div></article></main>')
    assert doc.metadata.author == "Jane Roe"
    assert NOTE[:40] in doc.text and "1. Jane Roe" in doc.text


@pytest.mark.parametrize("author, credit", [
    # The photos are hers: a credit names her as their maker, not as the story's subject.
    ("Jane Roe", "The reservoir at dawn after the first rain of the spring. Photo by Jane Roe"),
    # Her paper beside her name is no one's name, so "The" is no given name of hers.
    ("Jane Roe, The Varnell Gazette", "The reservoir at dawn after the first rain of the spring."),
])
def test_a_credit_or_a_publication_beside_the_author_does_not_make_her_the_subject(author, credit):
    body = f"<p>{ARTICLE[0]}</p><p>{credit}</p>" + "".join(f"<p>{p}</p>" for p in ARTICLE[1:5])
    doc = clean(f'<!DOCTYPE html><html><head><title>{HEADLINE}</title><meta name="author" content="{author}">'
                f'</head><body><main><article><h1>{HEADLINE}</h1><div class="entry-content">{body}</div>'
                f'<div class="about"><p>{NOTE}</p></div></article></main></body></html>')
    assert doc.metadata.author == author and _at(doc, credit[:30]).label is Label.CONTENT
    assert ARTICLE[4] in doc.text and NOTE[:40] not in doc.text
    assert "author_bio" in _at(doc, NOTE[:40]).reasons


def test_a_byline_over_the_story_does_not_make_the_author_its_subject():
    # "Jane Roe and Tom Wade | Guest columnists" above the first paragraph names who wrote
    # it; the notes at the foot say who they are.
    byline = "Jane Roe and Tom Wade | Guest columnists"
    wade = "Tom Wade is a hydrologist at the state university who studies the valley's rivers and lakes."
    body = f"<p>{byline}</p>" + "".join(f"<p>{p}</p>" for p in ARTICLE[:5]) + f"<p>{NOTE}</p><p>{wade}</p>"
    doc = clean(f'<!DOCTYPE html><html><head><title>{HEADLINE}</title><meta name="author" content="Jane Roe and Tom Wade">'
                f'</head><body><main><article><h1>{HEADLINE}</h1><div class="entry-content">{body}</div>'
                f'</article></main></body></html>')
    assert ARTICLE[4] in doc.text and NOTE[:40] not in doc.text and wade[:40] not in doc.text


def test_scraped_text_drops_the_author_s_note_too():
    # The fitted model has the last word on scraped text: it does not bring the note back.
    page = "\n".join([HEADLINE, "By Jane Roe", "12 March 2025", *ARTICLE[:6], "Jane Roe", NOTE,
                      "More from the Gazette", "Contact us", "Privacy policy"])
    doc = clean(page, options=Options(input_kind="text"))
    assert doc.metadata.author == "Jane Roe"
    assert ARTICLE[5] in doc.text and NOTE[:40] not in doc.text
    assert "author_bio" in _at(doc, NOTE[:40]).reasons


def test_a_polish_note_on_the_author_under_a_bare_name_byline(tmp_path):
    # The markup names the author; her name alone under the headline is the byline (no
    # "By"), and the note at the end says in Polish what she is ("jest dziennikarką").
    from click.testing import CliRunner

    from cleaner.cli import main
    story = ["Woda w Nysie Kłodzkiej podniosła się w nocy o ponad dwa metry, a strażacy ewakuowali mieszkańców "
             "kilku ulic w pobliżu rzeki, zanim fala dotarła do centrum miasta.",
             "Burmistrz zapowiedział, że szkoły pozostaną zamknięte do końca tygodnia, a miasto uruchomi punkty "
             "pomocy dla poszkodowanych w remizach i domach kultury."]
    note = "Anna Kowalska jest dziennikarką Gazety Dolnej od 2012 roku. Pisze o samorządzie i sprawach regionu."
    page = tmp_path / "powodz.html"
    page.write_text(
        '<html lang="pl"><head><title>Powódź w Kłodzku | Gazeta Dolna</title><meta name="author" content="Anna Kowalska">'
        '</head><body><main><article><h1>Powódź w Kłodzku</h1><div class="byline">Anna Kowalska</div>'
        + "".join(f"<p>{p}</p>" for p in story) + f"<p>{note}</p></article></main></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["--format", "json", str(page)], catch_exceptions=False)
    record = json.loads(result.output)
    assert record["author"] == "Anna Kowalska"
    assert all(p in record["text"] for p in story)
    assert "Anna Kowalska" not in record["text"]  # neither the byline nor the note is the article


def test_a_size_picker_of_bare_numbers_is_not_the_product_s_text():
    # Sizes stand one to a button between the description's paragraphs; a table's column
    # of figures on the same page is its content.
    sizes = "".join(f'<div class="option">{size}</div>' for size in ("8", "8.5", "9", "9.5", "10", "11"))
    table = "<table><tr><th>Size</th><th>Length</th></tr>" + "".join(
        f"<tr><td>{size}</td><td>{cm}</td></tr>" for size, cm in (("8", "26"), ("9", "27"), ("10", "28"))) + "</table>"
    doc = _html(f"<main><h1>{HEADLINE}</h1><p>{ARTICLE[0]}</p><div class=\"sizes\">{sizes}</div>"
                f"<p>{ARTICLE[1]}</p>{table}<p>{ARTICLE[2]}</p></main>")
    assert all(_content(doc, ARTICLE[0], ARTICLE[1], ARTICLE[2]))
    assert "number_run" in _at(doc, "8.5").reasons and "8.5" not in doc.text
    assert "26" in doc.text and "28" in doc.text


SIGN_UP = ("Get the Varnell Gazette's morning briefing in your inbox: the valley's news, weather and "
           "events, written by our reporters and sent before seven every weekday.")


def _article_page(body: str) -> str:
    return ('<!DOCTYPE html><html><head><title>Varnell news</title><meta property="og:type" content="article">'
            f"</head><body>{body}</body></html>")


def test_a_form_beside_an_article_is_not_the_article():
    # A newsletter sign-up set as a paragraph inside a <form>, in the article's container.
    form = f'<form action="/subscribe"><p>{SIGN_UP}</p><input name="email"><button>Sign up</button></form>'
    doc = clean(_article_page(f"<main>{_story(1, HEADLINE)}{form}</main>"))
    assert ARTICLE[0] in doc.text and ARTICLE[3] in doc.text
    assert SIGN_UP[:40] not in doc.text and "in_form" in _at(doc, SIGN_UP[:40]).reasons


@pytest.mark.parametrize("layout", [
    # ASP.NET's WebForms put the whole page in one <form>: that form holds the article,
    '<form id="aspnetForm" method="post"><main>{story}</main></form>',
    # or all of it but the headline.
    '<main><h1>{headline}</h1><p>{standfirst}</p><form id="aspnetForm" method="post">{paragraphs}</form></main>',
])
def test_a_page_wrapped_in_a_form_keeps_its_article(layout):
    page = layout.format(story=_story(1, HEADLINE), headline=HEADLINE, standfirst=ARTICLE[4],
                         paragraphs="".join(f"<p>{p}</p>" for p in ARTICLE[:4]))
    doc = clean(_article_page(page))
    assert all(_content(doc, *ARTICLE[:4]))


SNEAKERS_INTRO = ("Our wool runners are knitted from fine merino and lined with soft eucalyptus fibre, so they stay "
                  "cool in summer, warm in winter and comfortable from the first step to the last mile of the day.")
SNEAKERS = [("Wool Runner Mizzle", "$125"), ("Tree Dasher Relay", "$135"), ("Wool Cruiser Slip On", "$105"),
            ("Tree Breezer Knit", "$100"), ("Trail Runner SWT", "$145"), ("Wool Lounger Fluff", "$115")]
COLOURS = ["Charcoal", "Heather grey", "Navy blue", "Forest green", "Brick red", "Sand beige", "Ivory white"]


def _facet(name: str, values: list[str]) -> str:
    items = "".join(f'<li><label><input type="checkbox" name="{name}" value="{v}"><span>{v}</span></label></li>'
                    for v in values)
    return f"<details open><summary>{name.title()}</summary><ul>{items}</ul></details>"


def _shop_page(form: str, after: str = "") -> str:
    cards = "".join(f'<div class="card"><a href="/p/{i}"><h3>Men\'s {name}</h3></a><p class="price">{price}</p></div>'
                    for i, (name, price) in enumerate(SNEAKERS))
    return (f"<!DOCTYPE html><html><head><title>Men's sneakers</title></head><body><main><h1>Men's sneakers</h1>"
            f'<p>{SNEAKERS_INTRO}</p>{form}<div class="grid">{cards}</div>{after}</main></body></html>')


def test_a_listing_s_filter_form_is_not_its_content():
    # A collection page (no article in its markup): the colour and price filters are
    # checkboxes in a <form>, a run of short labels that looks like records.
    form = (f'<form action="/collections/mens"><p>Filter and sort</p>{_facet("colour", COLOURS)}'
            f'{_facet("price", ["Under $50", "$50 to $100", "$100 to $150", "Over $150"])}</form>')
    doc = clean(_shop_page(form))
    assert SNEAKERS_INTRO in doc.text and all(f"Men's {name}" in doc.text for name, _ in SNEAKERS)
    for label in COLOURS + ["Filter and sort", "Over $150"]:
        assert label not in doc.text and "in_form" in _at(doc, label).reasons


def test_a_form_that_explains_itself_in_prose_is_the_page_s_own():
    # A calculator on a shop's page: the form's paragraph tells the reader what to enter,
    # though most of the page's text lies outside it.
    form = f'<form action="/calculate"><p>{ARTICLE[0]}</p><input name="litres"><button>Calculate</button></form>'
    doc = clean(_shop_page(form, after="".join(f"<p>{p}</p>" for p in ARTICLE[4:7])))
    assert all(_content(doc, ARTICLE[0], *ARTICLE[4:7]))


TESTIMONIAL = ("Dr. Turner has always taken the time to listen to our questions, and the whole team made "
               "our visits easy from the first phone call to the last check-up. We recommend them to everyone.")


def test_what_is_kept_outside_the_headline_s_article_is_not_the_story():
    # The story stands in its <article>; a testimonial box sits in the page's own layout.
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><main>{_story(1, HEADLINE)}"
            f'<div class="quotes"><p>{TESTIMONIAL}</p></div></main></body></html>')
    doc = clean(page)
    assert all(p in doc.text for p in ARTICLE[:4])
    assert TESTIMONIAL[:40] not in doc.text and "outside_article" in _at(doc, TESTIMONIAL[:40]).reasons


def test_a_body_beside_an_article_that_holds_only_the_story_s_head_is_kept():
    # The <article> holds the headline and a standfirst; the story's paragraphs follow it
    # in a sibling <div>: the article is too small a share of the text to bound the story.
    standfirst = " ".join(ARTICLE[4:7])
    more = [f"Paragraph {n} of the story goes on about the reservoir, the farms below it and what the "
            f"water board will decide at its meeting in the town hall on the {n}th of next month." for n in range(5, 10)]
    body = "".join(f"<p>{p}</p>" for p in ARTICLE[:4] + ARTICLE[7:] + more)
    page = (f"<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body><main>"
            f'<article><h1>{HEADLINE}</h1><p>{standfirst}</p></article><div class="story-body">{body}</div>'
            "</main></body></html>")
    doc = clean(page)
    assert all(p in doc.text for p in ARTICLE[:4])



def test_cards_with_catalogue_key_ids_are_records_of_a_listing():
    # Each card carries its product's key as its id ("B0GRC32G8X", an ISBN "125033781X"):
    # a database's row, so the cards still fall on one path and are the page's listing.
    books = [("B0GRC32G8X", "The Lighthouse Keeper's Daughter", "$22.40"), ("125033781X", "Salt Roads", "$14.98"),
             ("B0DKQ7RV2M", "A Winter Orchard", "$9.99"), ("B09ZT4LQ1P", "Tidewater", "$17.25"),
             ("B0CM2HV8XW", "The Glass Ferry", "$12.60"), ("B0FJ8P3S6N", "Northern Lights Over Keel", "$19.00"),
             ("B0B7R5YDNQ", "Old Harbour Songs", "$8.45"), ("B0DX1TW9QE", "Field Notes from the Marsh", "$15.10")]
    cards = "".join(f'<li><div id="{key}" class="faceout"><a href="/dp/{key}"><span><div>{title}</div></span></a>'
                    f'<div class="row"><a href="/dp/{key}/offers"><div>{price}</div></a></div></div></li>'
                    for key, title, price in books)
    page = (f"<html><body><nav><a href='/'>Books</a> <a href='/new'>New releases</a></nav><main>"
            f"<h1>Best Sellers in Books</h1><ol class='grid'>{cards}</ol></main></body></html>")
    doc = clean(page.encode())
    assert all(title in doc.text and price in doc.text for _, title, price in books)


def test_a_linked_heading_inside_the_text_heads_its_part():
    # A ranked list links each entry's heading to the school; a menu of links and the
    # teasers under the article stay out.
    schools = [("1. Varnell College", ARTICLE[1]), ("2. Keel Institute of Farming", ARTICLE[2]),
               ("3. Moorside University", ARTICLE[3])]
    ranked = "".join(f'<h2><a href="https://{n}.example.edu/">{name}</a></h2><p>{p}</p>'
                     for n, (name, p) in enumerate(schools))
    doc = _html(f'<nav><a href="/">Home</a> <a href="/rankings">Rankings</a></nav><main><article>'
                f'<h1>The best farming schools in the valley</h1><p>{ARTICLE[0]}</p>{ranked}</article></main>')
    for name, paragraph in schools:
        assert name in doc.text and paragraph in doc.text
    assert "linked_heading" in _at(doc, "2. Keel").reasons and "Rankings" not in doc.text


def test_a_reference_keeps_the_linked_terms_of_its_definitions():
    """An API reference lists its members in a definition list: each term links to its
    own page and each definition is a short sentence. The terms head their kept
    definitions; the page's menu of links stays out."""
    members = [("WebSocket.binaryType", "The binary data type used by the connection."),
               ("WebSocket.close()", "Closes the connection."),
               ("WebSocket.send()", "Enqueues data to be transmitted.")]
    entries = "".join(f'<dt><a href="/docs/{name}"><code>{name}</code></a></dt><dd><p>{said}</p></dd>'
                      for name, said in members)
    intro = ("The WebSocket object provides the API for creating and managing a connection to a "
             "server, as well as for sending and receiving data on the connection.")
    doc = _html(f'<nav><ul><li><a href="/docs/fetch">Fetch</a></li><li><a href="/docs/xhr">XHR</a></li></ul></nav>'
                f"<main><h1>WebSocket</h1><p>{intro}</p><h2>Instance members</h2><dl>{entries}</dl>"
                f"<p>{intro}</p></main>")
    assert all(f"{name}\n" in doc.text + "\n" for name, _ in members)
    assert all(said in doc.text for _, said in members)
    assert "Fetch" not in doc.text


def test_a_code_listing_keeps_its_caption_and_a_photo_does_not():
    """The prose refers to a listing by its caption ("Listing 4-1"), so the caption is
    the text's; a photo's caption stays out as before."""
    prose = ("The variable refers to a string literal, where the value of the string is hardcoded "
             "into the text of the program, and it is valid from the point at which it is declared.")
    doc = _html(f"<main><h1>Ownership</h1><p>{prose}</p>"
                "<figure><pre><code>fn main() {\n    let s = \"hello\";\n    println!(\"{s}\");\n}</code></pre>"
                "<figcaption>Listing 4-1: A variable and the scope in which it is valid</figcaption></figure>"
                f"<p>{prose}</p>"
                '<figure><img src="/ferris.png" alt=""><figcaption>Ferris the crab at the 2024 meetup</figcaption></figure>'
                f"<p>{prose}</p></main>")
    assert "Listing 4-1: A variable and the scope in which it is valid" in doc.text
    assert "Ferris the crab" not in doc.text


DOCS_INTRO = ("The widget toolkit works by reading every template in your project, finding the component "
              "names it uses and building only the styles those components need, so pages stay small.")
DOCS_BODY = [
    "Installing the toolkit as a plugin of your build tool is the simplest way to start, because the "
    "plugin watches your templates and rebuilds the styles whenever you save a file.",
    "Start by creating a new project if you do not have one already; the most common way is to run the "
    "project generator of your build tool and answer the questions it asks about your setup.",
    "Then install the toolkit and its plugin with your package manager, and add the plugin to the list of "
    "plugins in the configuration file that the generator wrote for you.",
    "Import the toolkit at the top of your main stylesheet so that the build tool knows where to put the "
    "styles it generates, and remove any reset stylesheet you were using before.",
    "Run your build process with the usual development command, and open the page in a browser to check "
    "that the components you used in your templates now have their styles.",
    "If the styles do not appear, make sure the compiled stylesheet is linked from the head of your page "
    "and that the templates you changed are inside the folders the plugin watches.",
]


@pytest.mark.parametrize("dateline", ["", "<p>12 March 2024</p>"])
def test_the_header_beside_the_body_opens_an_undated_page_but_not_a_story(dateline):
    # A manual's page puts its title and opening paragraphs in a header element beside its
    # body; the body alone holds enough to be the main container, and the opening's shorter
    # paragraph went with the sidebar as outside it. A header with a date line is a story's:
    # its standfirst is not its text, as before.
    menu = "".join(f"<li><a href='/docs/{n}'>Chapter {n}</a></li>" for n in range(12))
    body = "".join(f"<p>{p}</p>" for p in DOCS_BODY)
    doc = _html(f"<nav class='sidebar'><ul>{menu}</ul></nav><main><div class='page'>"
                f"<p class='eyebrow'>Installation</p><h1>Get started with the widget toolkit</h1>{dateline}"
                f"<p>{DOCS_INTRO}</p><p>It is fast, flexible and reliable, with no runtime.</p>"
                f"<div class='steps'><section class='prose'>{body}<pre>npm install widget-toolkit</pre>"
                f"</section></div></div></main>")
    assert _content(doc, DOCS_INTRO, DOCS_BODY[0], DOCS_BODY[-1]) == [True, True, True]  # sure of themselves
    kept = not dateline
    assert _content(doc, "It is fast, flexible") == [kept]
    assert ("It is fast, flexible and reliable" in doc.text) is kept


def test_a_see_also_entry_of_a_sidebar_contents_list_heads_nothing_on_the_page():
    # A reference page's contents list, in an aside between its intro and its body, ends
    # with "See also"; the linked property names under the next heading were taken for
    # links under that related heading. Inside a landmark the line heads only what the
    # landmark holds.
    intro = ("The WebSocket object provides the API for creating and managing a WebSocket connection to a "
             "server, as well as for sending and receiving data on the connection.")
    contents = "".join(f"<li><a href='#{s.lower()}'>{s}</a></li>"
                       for s in ["Constructor", "Instance properties", "Examples", "See also"])
    terms = [("WebSocket.binaryType", "The binary data type used by the connection."),
             ("WebSocket.bufferedAmount", "The number of bytes of queued data."),
             ("WebSocket.protocol", "The sub-protocol selected by the server."),
             ("WebSocket.url", "The absolute URL of the WebSocket.")]
    dl = "".join(f"<dt><a href='/docs/{t}'><code>{t}</code></a></dt><dd>{d}</dd>" for t, d in terms)
    doc = _html(f"<main><article><h1>WebSocket</h1><p>{intro}</p>"
                f"<aside class='toc'><h2>In this article</h2><ul>{contents}</ul></aside>"
                f"<h2>Instance properties</h2><dl>{dl}</dl>"
                f"<h2>See also</h2><ul><li><a href='/guide'>Writing WebSocket client applications</a></li></ul>"
                f"</article></main>")
    assert _content(doc, *[t for t, _ in terms]) == [True] * len(terms)


# Landmarks (a nav, footer or aside) outweigh any prose: their blocks are set aside as
# navigation before the context passes run (pipeline._landmarks_apart).
ASIDE_TIP = f"<main><h1>{HEADLINE}</h1><p>{ARTICLE[0]}</p><aside><p>Quick tip</p></aside><p>{ARTICLE[1]}</p><p>{ARTICLE[2]}</p></main>"


def test_a_short_line_in_an_aside_between_paragraphs_stays_out_but_is_still_listed():
    """The context passes once kept a short aside between two paragraphs, as they keep a
    subheading there ("between_content"); an aside is no part of the text around it."""
    doc = _html(ASIDE_TIP)
    tip = _at(doc, "Quick tip")
    assert tip.label is Label.NAVIGATION and tip.reasons == ("navigation_landmark",)
    assert "Quick tip" not in doc.text and ARTICLE[1] in doc.text
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))  # every block, in the page's order


def test_a_page_whose_text_is_all_in_landmarks_is_judged_whole():
    """With nothing outside its asides and footer, a page is judged as it always was: its
    text is not lost to the landmark rule."""
    doc = _html(f"<aside><h2>{HEADLINE}</h2><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p></aside><footer><p>© Varnell Gazette</p></footer>")
    assert ARTICLE[0] in doc.text


def test_an_aside_a_rules_file_keeps_or_weighs_lightly_is_judged(tmp_path):
    """A selector that keeps an aside, or a lighter landmark weight, puts its blocks
    before the passes again."""
    keep = tmp_path / "keep.toml"
    keep.write_text("[selectors]\nkeep = ['aside']\n")
    assert "Quick tip" in clean(f"<html><body>{ASIDE_TIP}</body></html>", options=load_rules(keep)).text
    light = tmp_path / "light.toml"
    light.write_text("[weights]\ndom_landmark = -0.5\n")
    tip = _at(clean(f"<html><body>{ASIDE_TIP}</body></html>", options=load_rules(light)), "Quick tip")
    assert tip.reasons != ("navigation_landmark",)  # measured and judged, not set aside


def test_an_author_box_beside_the_headline_still_gives_the_date():
    """A landmark's lines are set aside unjudged, but the search for the article's head
    still reads them: an author box's "Last Updated: August 1, 2025" under the headline is
    the article's date."""
    doc = _html(f"<main><h1>{HEADLINE}</h1><aside class='author-box'><p>Written By:</p><p>Cazzy Magennis</p>"
                f"<p>Last Updated:</p><p>August 1, 2025</p></aside>" + "".join(f"<p>{p}</p>" for p in ARTICLE[:4]) + "</main>")
    assert doc.date == "2025-08-01"
    assert _at(doc, "Cazzy").label is Label.NAVIGATION and ARTICLE[0] in doc.text


# A Dutch news story as a browser copies it, with the site's feed of other stories below:
# each record a section, a headline, an author, a date and an excerpt the site cut short.
# "Ook in het nieuws" is in no phrase list: the excerpts' cut is what tells the feed.
DUTCH_STORY = [
    "Gemeente Leiden kiest voor nieuw verkeersplan in de binnenstad",
    "De gemeenteraad van Leiden heeft dinsdagavond ingestemd met een nieuw verkeersplan voor de "
    "binnenstad. Vanaf het voorjaar mogen auto's niet meer door de smalste straten rijden, en komen "
    "er meer plekken voor fietsen en voetgangers.",
    "Wethouder Jansen zei na de stemming dat het plan het resultaat is van maanden overleg met "
    "bewoners, winkeliers en de hulpdiensten. Volgens haar wordt de stad er rustiger en veiliger "
    "door, zonder dat de winkels onbereikbaar worden voor hun klanten.",
    "Niet iedereen is tevreden. Een groep ondernemers vreest dat klanten uit de omliggende dorpen "
    "voortaan naar de winkelcentra buiten de stad gaan, waar ze hun auto gratis voor de deur kunnen "
    "parkeren. Zij willen dat de gemeente de eerste maanden bijhoudt hoeveel bezoekers er komen.",
    "De gemeente belooft het plan na een jaar te evalueren. Als blijkt dat de drukte in de "
    "binnenstad sterk afneemt, kan de raad de regels opnieuw bekijken en waar nodig aanpassen aan "
    "wat bewoners en ondernemers dan nodig hebben.",
]
DUTCH_FEED = [
    ("Binnenland", "Nieuwe brug over de Oude Rijn gaat in maart open", "Redactie", "19 december 2025",
     "De nieuwe fietsbrug over de Oude Rijn bij het station gaat in maart open voor het verkeer, zo "
     "heeft de provincie donderdag laten weten na een lange..."),
    ("Binnenland", "Bibliotheek verlengt openingstijden in het weekend", "Redactie", "18 december 2025",
     "Vanaf januari is de centrale bibliotheek ook op zondag open, van twaalf tot vijf uur, omdat "
     "steeds meer studenten daar willen leren tijdens de drukke..."),
    ("Sport", "Leidse roeiers winnen goud op het kampioenschap", "Redactie", "17 december 2025",
     "De vier roeiers van de Leidse studentenvereniging hebben zaterdag het nationale kampioenschap "
     "gewonnen, met een voorsprong van bijna twee seconden op de..."),
    ("Cultuur", "Stadsorkest speelt kerstconcert in de Pieterskerk", "Redactie", "16 december 2025",
     "Het stadsorkest geeft op eerste kerstdag een gratis concert in de Pieterskerk, met werken van "
     "Bach en Händel en een koor van meer dan honderd zangers uit..."),
]


def _feed_page(story: list[str]) -> str:
    lines = ["Home", "Nieuws", "Sport", "Cultuur", ""]
    for line in story:
        lines += [line, ""]
    lines += ["Ook in het nieuws", ""]
    for record in DUTCH_FEED:
        lines += [*record, ""]
    lines += ["© 2025 Leidse Courant"]
    return "\n".join(lines)


def test_a_feed_of_cut_excerpts_under_the_story_goes_in_any_language():
    doc = clean(_feed_page(DUTCH_STORY).encode(), options=Options(input_kind="text"))
    for paragraph in DUTCH_STORY[1:]:
        assert paragraph in doc.text
    for section, headline, _, _, excerpt in DUTCH_FEED:
        assert excerpt not in doc.text
        assert headline not in doc.text
    assert any("cut_teaser" in b.reasons for b in doc.blocks)


def test_cut_excerpts_with_no_story_above_them_are_a_listing_and_stay():
    # A section's front page: one line of introduction, then the stories' excerpts.
    doc = clean(_feed_page(["Al het nieuws uit Leiden en omstreken, elke dag bijgewerkt."]).encode(),
                options=Options(input_kind="text"))
    for _, headline, _, _, excerpt in DUTCH_FEED:
        assert excerpt in doc.text
    assert not any("cut_teaser" in b.reasons for b in doc.blocks)


def test_cut_excerpts_among_uncut_paragraphs_are_the_articles_quotes_and_stay():
    # A reading list: each entry quotes an excerpt, cut short, then says more in full.
    comment = ("Wat ons betreft het beste stuk van deze maand, omdat het de gevolgen voor bewoners en "
               "ondernemers zo helder naast elkaar zet en niemand de schuld geeft van wat er misging in "
               "de jaren daarvoor, toen de stad nog geen plan had.")
    lines = [*DUTCH_STORY, "", "Leestips van de week", ""]
    for section, headline, author, date, excerpt in DUTCH_FEED:
        lines += [headline, "", excerpt, "", comment.replace("deze maand", f"de week van {date}"), ""]
    doc = clean("\n".join(lines).encode(), options=Options(input_kind="text"))
    for _, headline, _, _, excerpt in DUTCH_FEED:
        assert excerpt in doc.text
    assert not any("cut_teaser" in b.reasons for b in doc.blocks)


# What a converter writes after the page's footer from markup a reader never sees: a
# sign-in dialog's steps, hidden until its button is pressed.
HIDDEN_DIALOG = [
    "Welcome back!", "We sent a six-digit code to the email address on your account.",
    "Enter it below to finish signing in on this device.", "Didn't get it? We can send it again in a minute.",
    "We will keep you signed in on this device, so you will not need to sign in again next time.",
    "You can sign out of every device at any time from the settings of your account.",
    "Members get the weekend edition delivered to their door before eight in the morning.",
    "Your membership also gives you the crossword archive and every puzzle of the last ten years.",
    "We will never share your email address with anyone outside the newspaper.",
    "Password reset requested", "An email with a link to reset your password is on its way to you now.",
    "If you don't see it within a few minutes, please check the folder where your spam goes.",
    "The link only works for two hours, so use it soon.",
    "Too many attempts", "You have tried to sign in too many times in a row with the wrong password.",
    "You can try again in half an hour, or reset your password straight away instead.",
    "Your new password needs", "8 characters", "1 number", "1 symbol",
]


def test_what_follows_the_last_copyright_notice_of_scraped_text_goes():
    story = ARTICLE[:5]  # a short story: the dialogs weigh as much, and read as prose
    doc = clean("\n\n".join([HEADLINE, *story, "About us", "Contact", "© 2025 Varnell Gazette Ltd.",
                             *HIDDEN_DIALOG]), options=Options(input_kind="text"))
    assert all(paragraph in doc.text for paragraph in story)
    for line in HIDDEN_DIALOG:
        assert line not in doc.text
    assert any("after_copyright" in b.reasons for b in doc.blocks)


def test_a_photo_credit_with_the_sign_in_the_article_ends_nothing():
    # "© Jane Doe" under a photo: the article's paragraphs go on after it.
    doc = clean("\n\n".join([HEADLINE, *ARTICLE[:5], "© Jane Doe / Varnell Gazette", *ARTICLE[5:]]),
                options=Options(input_kind="text"))
    assert all(paragraph in doc.text for paragraph in ARTICLE)
    assert not any("after_copyright" in b.reasons for b in doc.blocks)


def _scraped_thread(counts: bool) -> str:
    """A thread as scraped text: each post under its poster's name, the date, the post's
    number and the poster's tallies (messages, points), each a line of its own."""
    lines = [HEADLINE]
    for k, (who, text) in enumerate(zip(["Margaret Hale", *POSTERS], [" ".join(ARTICLE[:3]), *REPLIES])):
        lines += [who, f"Mar {k + 3}, 2025"] + ([f"#{k + 1}", f"{1200 + 37 * k:,}", f"{85 + k}"] if counts else []) + [text]
    return "\n\n".join(lines)


def test_a_threads_post_numbers_and_posters_tallies_are_no_posts_words():
    doc = clean(_scraped_thread(counts=True), url=THREAD, options=Options(input_kind="text"))
    kept = doc.text.split("\n\n")
    assert all(reply in kept for reply in REPLIES)
    assert not {"#1", "#2", "1,200", "1,237", "85"} & set(kept)
    assert any("post_counter" in b.reasons for b in doc.blocks)


def test_a_number_alone_in_an_articles_text_is_no_counter():
    # Not a thread: the line is the article's ("1,200" under "Households fined so far:").
    doc = clean("\n\n".join([HEADLINE, *ARTICLE[:4], "Households fined so far:", "1,200", *ARTICLE[4:]]),
                url="https://news.example.org/2025/03/reservoir", options=Options(input_kind="text"))
    assert not any("post_counter" in b.reasons for b in doc.blocks)
