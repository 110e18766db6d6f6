"""scoring: each block judged on its own, then the context pass; thresholds from Options."""
from __future__ import annotations

from dataclasses import replace

import pytest

from cleaner import Block, Label, Options
from cleaner.features import measure
from cleaner.revise import revise
from cleaner.scoring import evidence, score, score_one

OPTIONS = Options()
PROSE = ("The council voted on Tuesday to restore passenger ferry service to the island after six "
         "years of delays, with more than sixty residents signing up to speak at the meeting.")
PROSE2 = ("The city will open bids for an operator in March, and officials said the first sailings "
          "are planned for the summer season if the weather allows it.")
BORDERLINE = "Ports and harbours"  # three words, all stop words: a shade above 0.5 on its own


def _block(text: str, **kw) -> Block:
    return measure([Block(index=0, text=text, **kw)], "en")[0]


def _on_a_page(text: str, **kw) -> Block:
    """The block measured on a page of English prose, as stop words are counted (alone, a
    block of code is a page the English list does not fit: features.STOP_LIST_MIN_SHARE)."""
    return measure([Block(index=0, text=PROSE), Block(index=1, text=PROSE2), Block(index=2, text=text, **kw)], "en")[2]


def _page(*texts: str) -> list[Block]:
    blocks = measure([Block(index=i, text=t) for i, t in enumerate(texts)], "en")
    return revise(score(blocks, OPTIONS), OPTIONS)


@pytest.mark.parametrize("text, kw, label, reason", [
    (PROSE, {}, Label.CONTENT, "long"),
    ("Advertisement", {}, Label.ADS, "ad_phrase"),
    ("Sign in", {}, Label.NAVIGATION, "navigation_phrase"),
    ("World", {"tag": "li", "dom_path": "body>nav>ul>li"}, Label.NAVIGATION, "navigation_landmark"),
    ("World", {"tag": "li", "dom_path": "body>div.menu>ul>li"}, Label.NAVIGATION, "navigation_container"),
    (PROSE, {"dom_path": "body>footer>div.content>p"}, Label.NAVIGATION, "navigation_landmark"),
    ("Read the full report", {"link_chars": 20}, Label.NAVIGATION, "link_density"),
    ("Some words about a product here", {"dom_path": "body>div.ad-slot"}, Label.ADS, "ad_container"),
])
def test_score_one(text, kw, label, reason):
    block = score_one(_block(text, **kw), OPTIONS)
    assert block.label is label
    assert reason in block.reasons


def test_score_in_unit_interval_and_reasons_present():
    texts = [PROSE, PROSE2, "Advertisement", "Sign in", "Home", BORDERLINE, "Gull Island Ferry Timeline",
             "Tuesday, March 05, 2025 | 07:42 AM EST", "By Jane Doe, Reuters", "123 456 789"]
    for block in score([_block(t) for t in texts], OPTIONS):
        assert 0.0 <= block.score <= 1.0
        assert block.reasons, block.text


def test_block_without_evidence_still_has_a_reason():
    block = score_one(_block("the quantum chromodynamics lattice simulations require supercomputers"), OPTIONS)
    assert block.reasons


def test_subheading_between_paragraphs_becomes_content():
    alone = score_one(_block("Gull Island Ferry Timeline"), OPTIONS)
    assert alone.label is Label.NAVIGATION  # on its own it reads like a menu line
    blocks = _page(PROSE, "Gull Island Ferry Timeline", PROSE2, "Explore News")
    assert blocks[1].label is Label.CONTENT
    assert blocks[1].reasons[0] == "between_content"


def test_explore_news_after_the_article_stays_navigation():
    last = _page(PROSE, "Gull Island Ferry Timeline", PROSE2, "Explore News")[-1]
    assert last.label is Label.NAVIGATION
    assert "navigation_phrase" in last.reasons


def test_ad_phrase_inside_article_is_not_overruled_by_neighbours():
    middle = _page(PROSE, "Advertisement", PROSE2)[1]
    assert (middle.label, middle.reasons[0]) == (Label.ADS, "ad_phrase")


def test_passes_return_new_blocks():
    blocks = measure([Block(index=0, text=PROSE)], "en")
    scored = score(blocks, OPTIONS)
    assert blocks[0].reasons == () and scored[0].reasons


def test_content_threshold_comes_from_options():
    assert score_one(_block(BORDERLINE), OPTIONS).label is Label.CONTENT
    strict = replace(OPTIONS, thresholds=replace(OPTIONS.thresholds, content=0.6))
    assert score_one(_block(BORDERLINE), strict).label is Label.NAVIGATION


def test_weights_come_from_options():
    no_stopword_bonus = replace(OPTIONS, weights=replace(OPTIONS.weights, stopwords_high=0.0))
    assert score_one(_block(BORDERLINE), no_stopword_bonus).label is Label.NAVIGATION


def test_length_thresholds_come_from_options():
    shorter_long = replace(OPTIONS, thresholds=replace(OPTIONS.thresholds, long_words=15))
    text = "Officials said the budget for the new service had been approved in a separate vote last week."
    assert "long" not in score_one(_block(text), OPTIONS).reasons
    assert "long" in score_one(_block(text), shorter_long).reasons


def test_reasons_follow_the_configured_content_threshold():
    strict = replace(OPTIONS, thresholds=replace(OPTIONS.thresholds, content=0.6))
    block = score_one(_block(BORDERLINE), strict)
    weights = dict(evidence(block.features, strict))
    assert block.label is Label.NAVIGATION
    assert block.reasons and all(weights[r] < 0 for r in block.reasons)


def test_linked_headline_is_left_to_context():
    """A fully linked headline may be a listing's teaser or a sidebar's related link: it is
    scored down less than a short link, and, being short of prose, stays out alone."""
    headline = _block("Read the full report on the ferry vote from our transport desk", link_chars=62)
    menu_link = _block("Full report", link_chars=11)
    scored_headline, scored_link = score_one(headline, OPTIONS), score_one(menu_link, OPTIONS)
    assert "linked_headline" in dict(evidence(headline.features, OPTIONS))
    assert "link_density" not in dict(evidence(headline.features, OPTIONS))
    assert "link_density" in scored_link.reasons
    assert scored_headline.score > scored_link.score


JS_NOTICE = "JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding."
BROWSER_NOTICE = "You are using an out of date browser. It may not display this or other websites correctly."
GOV_BANNER = ("A lock ( ) or https:// means you’ve safely connected to the .gov website. "
              "Share sensitive information only on official, secure websites.")


# The older wording of the same banner, which many federal sites still carry.
GOV_BANNER_OLDER = ("Federal government websites often end in .gov or .mil. Before sharing sensitive "
                    "information, make sure you’re on a federal government site.")
GOV_BANNER_SECURE = ("The site is secure. The https:// ensures that you are connecting to the official website and that any "
                     "information you provide is encrypted and transmitted securely.")


@pytest.mark.parametrize("notice", [JS_NOTICE, BROWSER_NOTICE, GOV_BANNER, GOV_BANNER_OLDER])
def test_a_notice_of_boilerplate_sentences_is_dropped_inside_the_content(notice):
    # Forum software prints these in the thread's own container, above the first post.
    b = score_one(_block(notice, tag="p", dom_path="body>div.p-body-content>div.blockMessage"), OPTIONS)
    assert b.label is Label.NAVIGATION and b.reasons[0] == "notice"


def test_scraped_text_of_a_federal_site_comes_out_without_its_banner():
    from cleaner import clean
    from cleaner.options import Options
    article = [
        "The county will open three new cooling centres this summer, the health department said on Monday, "
        "after last year's heat wave sent more than two hundred people to hospital.",
        "The centres will stay open from noon until nine in the evening on days when the forecast high "
        "passes 95 degrees, and buses to them will be free for anyone who shows a county library card.",
        "Officials said they would also send nurses to check on older residents who live alone and have "
        "asked to be called during heat warnings.",
    ]
    page = "\n\n".join(["An official website of the United States government", "Here's how you know",
                         "The .gov means it’s official.", GOV_BANNER_OLDER, GOV_BANNER_SECURE,
                         "Health Department opens cooling centres", *article, "Contact us", "Privacy policy"])
    doc = clean(page, options=Options(input_kind="text"))
    assert all(paragraph in doc.text for paragraph in article)
    for banner in ("The .gov means", "Federal government websites", "The site is secure", "The https://"):
        assert banner not in doc.text


@pytest.mark.parametrize("text", [
    "Suggest code and whole functions in real time, right from your editor, powered by AI.",
    "This post may contain affiliate links. The reservoir above Varnell has fallen to its lowest level in decades.",
])
def test_prose_that_only_mentions_a_boilerplate_phrase_is_no_notice(text):
    b = score_one(_block(text, tag="p", dom_path="body>article>div.entry-content>p"), OPTIONS)
    assert b.features.phrase != "notice" and b.label is Label.CONTENT


def test_a_forum_thread_comes_out_without_its_browser_notices(tmp_path):
    from click.testing import CliRunner

    from cleaner.cli import main
    post = ("I replaced the fan on my old laptop last week and it still overheats when I run anything "
            "heavier than a browser. Is there anything else I should check before I give up on it?")
    reply = ("Check the thermal paste first. On machines that age it dries out completely, and a fresh "
             "layer usually brings the temperatures down by ten degrees or more under load.")
    page = tmp_path / "thread.html"
    page.write_text(
        "<html><head><title>Laptop still overheats after a new fan | Tech Forum</title></head><body>"
        f'<div class="p-body"><noscript><div class="blockMessage">{JS_NOTICE}</div></noscript>'
        f'<div class="blockMessage js-browserWarning">{BROWSER_NOTICE}</div>'
        '<div class="p-body-content"><h1>Laptop still overheats after a new fan</h1>'
        f'<article class="message"><div class="message-content"><div class="bbWrapper">{post}</div></div></article>'
        f'<article class="message"><div class="message-content"><div class="bbWrapper">{reply}</div></div></article>'
        "</div></div></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, [str(page)], catch_exceptions=False)
    assert result.exit_code == 0
    assert post in result.output and reply in result.output
    assert "JavaScript" not in result.output and "out of date browser" not in result.output


# A consent dialog's category text, as a preference centre words it: no "cookie" in most
# of its sentences, but "these technologies" and "tracking" all through.
CONSENT_CATEGORY = ("These technologies help us understand how our site is used or performs, how users engage with "
                    "and navigate through the site, which sites users visit before visiting our site, how often users "
                    "visit the site, and other similar information. If you do not allow these cookies or pixel tracking "
                    "scripts, we may not be able to monitor the performance of our site.")


def test_a_consent_dialog_s_category_text_is_legal_prose():
    b = score_one(_block(CONSENT_CATEGORY), OPTIONS)  # a line of scraped text
    assert "legal_text" in b.reasons and b.label is Label.NAVIGATION


# A shop's notice at collection, in its footer: the categories of California's law, and
# "privacy" once.
CCPA_NOTICE = ('Notice to Consumers: Acme may collect "Identifiers", "Characteristics of protected classifications" '
               'under California, federal or other applicable law, "Commercial information", "Internet or other '
               'electronic network activity", and/or "Geolocation data" when you visit this website, and may use such '
               'information to draw inferences and for other operational and commercial purposes. For more '
               'information, please see our Privacy Policy.')


def test_a_notice_at_collection_is_legal_prose():
    b = score_one(_block(CCPA_NOTICE, tag="div", dom_path="body>footer.site-footer>div.notice"), OPTIONS)
    assert "legal_text" in b.reasons and b.label is Label.NAVIGATION


# A shop's e-mail sign-up and the forms around a page, in a layout that names no region:
# the prompt reads as prose (stop words, a full stop) but is the site's.
@pytest.mark.parametrize("text, label", [
    ("Leave your email, and we’ll let you know when a dealer opens near you.", Label.ADS),
    ("By subscribing, you agree to receive marketing emails from Acme and accept our Privacy Policy.", Label.ADS),
    ("Stay ahead of every sale — sign up for early event alerts and members-only deals.", Label.ADS),
    ("Please keep me up to date with Acme news and offers by email.", Label.ADS),
    ("Get notified by email when this product is in stock.", Label.ADS),
    ("If you have an account with us, you’ll receive an email shortly with instructions on how to reset "
     "your password.", Label.NAVIGATION),
    ("What can we help you find?", Label.NAVIGATION),
    ("See any errors on this page?", Label.NAVIGATION),
    ("You have been randomly selected to take a 5-minute survey for a scientific study.", Label.NAVIGATION),
    ("Please update your browser to take advantage of the latest technology security.", Label.NAVIGATION),
    ("Did this help? Please give feedback by clicking an icon below.", Label.NAVIGATION),
    ("Making sure you're not a bot!", Label.NAVIGATION),
    ("Before you start posting please read the forum rules. By posting to this forum you agree to abide by the "
     "rules.", Label.NAVIGATION),
    ("Advertisement - Members don't see this ad", Label.ADS),
    ("Check Price at Amazon", Label.ADS),
    ("Please be sure to answer the question. Provide details and share your research!", Label.NAVIGATION),
])
def test_a_site_s_prompts_are_boilerplate(text, label):
    b = score_one(_block(text, tag="p", dom_path="body>div.page>div.row>p"), OPTIONS)
    assert b.label is label


def test_signing_up_for_a_service_in_prose_stays():
    # The phrase names an e-mail sign-up's offers, not every "sign up for".
    b = score_one(_block("Residents can sign up for the ferry service at the town hall until the end of the month.",
                         tag="p", dom_path="body>div.page>div.row>p"), OPTIONS)
    assert b.label is Label.CONTENT


# The page's stamp ("Updated ...") rather than a date the story speaks of, and a forum's
# and a shop's controls and counters, each a line of its own; prose that merely starts with
# their words is no phrase.
@pytest.mark.parametrize("text, kind", [
    *[(stamp, "navigation") for stamp in (
        "Last updated: April 21, 2025", "Updated March 2, 2026", "Published on November 7, 2025, 3:50pm ET",
        "Updated: 10/31/2024", "Published on 2021-01-18T19:55", "Last Updated : 20 January 2025",
        "Veröffentlicht am 4. Dezember 2025", "Actualizado: 3 de marzo de 2025")],
    *[(control, "navigation") for control in (
        "Hide", "(edited)", "Reactions:", "14,892 posts", "Forgot your password?", "Newest", "Recently viewed",
        "Sign me up", "Uncategorized", "Case Study", "Expand all", "1.2k shares", "Editorial Policy", "Watch now",
        "More info", "Filter by:", "Jump to Reviews", "Share article", "In this section", "Follow us on",
        "Based on 4,567 reviews")],
    *[(prose, "") for prose in (
        "Published in 2019, the book sold well.", "Updated figures for 2025 are below.", "March 2, 2026",
        "Hide and seek in the old mill", "He posts 14 photos a day.", "The opinion of the court was unanimous.")],
])
def test_datelines_and_controls_are_navigation_lines(text, kind):
    assert _block(text).features.phrase == kind


# An API reference's example response: a long run of keys and values, with no stop words
# and no sentence end, as code always is.
EXAMPLE_RESPONSE = "{\n" + ",\n".join(f'  "field_{n}": "value_{n}"' for n in range(30)) + "\n}"


def test_code_is_not_judged_as_prose():
    """A code block's few stop words and missing full stop are what code looks like,
    not a sign of a menu: in the side column of a three-column reference (a class
    named "aside"), the example stays, judged on its length and its column alone;
    the same text as a paragraph is still a run of labels."""
    code = score_one(_on_a_page(EXAMPLE_RESPONSE, tag="pre", dom_path="body>div.ApiSection-Aside>pre"), OPTIONS)
    assert code.label is Label.CONTENT
    assert not {"few_stopwords", "no_sentence_end"} & set(dict(evidence(code.features, OPTIONS)))
    prose = score_one(_on_a_page(EXAMPLE_RESPONSE, tag="p", dom_path="body>div.ApiSection-Aside>p"), OPTIONS)
    assert prose.label is Label.NAVIGATION
    assert {"few_stopwords", "no_sentence_end"} <= set(prose.reasons)


def test_no_stop_word_evidence_where_the_pages_stop_list_does_not_fit():
    # A Somali page (no stop list) measured against English's: its prose finds no stop
    # words, and is not marked down for it, nor its menu line up.
    somali = ("Roob culus ayaa ka da'ay magaalada Muqdisho saddexdii maalmood ee la soo dhaafay, taasoo "
              "keentay inay qoysas badan ka barakacaan guryahooda oo ay u guuraan xeryo ku yaal duleedka.",
              "Dowladda hoose ayaa sheegtay inay xirtay waddada weyn ee isku xirta magaalooyinka muddo kooban "
              "kadib markii biyuhu qaadeen buundo ku taal meel u dhow wabiga.",
              "Wararka maanta ee ugu dambeeyay")
    blocks = score(measure([Block(index=i, text=t) for i, t in enumerate(somali)], "en"), OPTIONS)
    reasons = {r for b in blocks for r in b.reasons}
    assert reasons.isdisjoint({"stopwords", "some_stopwords", "few_stopwords"})
    assert [b.label for b in blocks[:2]] == [Label.CONTENT, Label.CONTENT]

