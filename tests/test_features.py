"""features: DOM cues, boilerplate phrases and per-block measurements."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from cleaner import Block, Label, clean
from cleaner.records import Kind
from cleaner.cli import main
from cleaner.cues import dom_cue
from cleaner.features import links_tell, measure, phrase_kind
from cleaner.phrases import ends_sentence
from cleaner.rules import defaults

PROSE = ("The council voted on Tuesday to restore the ferry service to the island "
         "after six years of delays and a long campaign by residents.")
MENU = "World Politics Business Sport Culture"


def _kind(text: str) -> str:
    return phrase_kind(text, len(re.findall(r"\w+", text)))


@pytest.mark.parametrize("path, cue", [
    ("body>div.site-footer", "navigation"),
    ("body>div#sidebarWidget", "navigation"),
    ("body>div.ad-slot", "ads"),
    ("body>article", "content"),
    ("body>div.wrapper>section.post-body>p", "content"),
    ("body>div.wrapper>p", ""),
    ("body>article>div.ad-slot>p", "ads"),  # nearest cue wins ...
    ("body>div.ad-slot>article>p", "content"),  # ... in both directions
    ("body>div.content>ul.menu>li", "navigation"),
    # landmarks outrank the names inside them, unless an article or main sits between
    ("body>footer>div.content>p", "landmark"),
    # a photo's caption is not the article's text, even inside the article
    ("body>article>figure>figcaption>p", "landmark"),
    # a box of related posts is links to other pages, however its cards are named
    ("body>div.related-posts>div.post-card>div.entry-content>p", "landmark"),
    ("body>div.footer[contentinfo]>div.main-content>p", "landmark"),
    ("body>div#onetrust-consent-sdk>div.ot-pc-content>p", "landmark"),
    ("body>aside>article>p", "content"),
    # a comment's or review's own "text-content" box is still the comment (the review)
    ("body>div.comments>div.comment>div.text-content>p", "comments"),
    ("body>div.reviews>div.review>div.text-content>p", "reviews"),
    ("body>div[navigation]>main>div.intro>p", "content"),
    # a generated class name spells no word: "251ad163" is not an ad, "css-1ft5k6i" no foot
    ("body>div.us_custom_251ad163>p", ""),
    ("body>div.post_content.us_custom_251ad163>p", "content"),
    ("body>div.css-1ft5k6i>p", ""),
    ("body>div.teaser2>div.ad3>p", "ads"),  # a trailing number is still a counter
    # nor is a CSS Modules hash ("__adKqa"); a BEM element ("__ad-slot") still names one
    ("body>main>div.mdx-table_root__adKqa>table>tbody>tr", "content"),
    ("body>div.Table_wrapper__Xy3aZ>table>tbody>tr", ""),
    ("body>div.sidebar__ad-slot>p", "ads"),
    ("body>main>div.placement>div>h3.placement_title", "ads"),  # an ad server's slot
    # a teaser leads to the site's own pages: navigation, not advertising
    ("body>div.cmp-teaser>h3.cmp-teaser__title", "navigation"),
    # an anchor made from a heading's words is the text's name, not the element's
    ("body>article>section#receive-and-reply-to-an-inbound-message>p", "content"),
    ("body>div.wrapper>h2#what-is-the-video-review-process", ""),
    ("body>div#comments-area-main-wrap>p", "comments"),
    # an author box and the footnotes under an article are not its text; the author's
    # box outranks the names inside it, as a landmark does
    ("body>article>div.author-box>p", "landmark"),
    ("body>article>div.about_author>div.entry-content>p", "landmark"),
    ("body>article>div.autor-box>p", "landmark"),  # class names in other languages too
    ("body>article>div.auteur-bio>p", "landmark"),
    ("body>article>div.author>p", "navigation"),  # "author" alone: a byline, not a landmark
    ("body>article>div.footnotes>ol>li", "navigation"),
    # a shop's basket and delivery terms and a page's customer quotes, on every page alike
    ("body>main>div.mini-cart>p", "navigation"),
    ("body>main>div.product-shipping>p", "navigation"),
    ("body>main>div.testimonials>div.testimonial-card>p", "navigation"),
    # a poster's signature is a landmark inside the post (or comment) it signs; an API
    # reference's method signature, in no post, is what a signature is anywhere else
    ("body>div.post>div.postbody>div.signature>div.content>p", "landmark"),
    ("body>article.message>div.message-inner>div.message-signature>div", "landmark"),
    ("body>ol.commentlist>li.comment>div.comment-signature>p", "landmark"),
    ("body>main>section.detail>div.member-signature", "navigation"),
    ("body>div.signature>p", "navigation"),
    # a byline's box and a board's notices outrank the content boxes inside them
    ("body>main>div.card>div.card__byline>div.content>span", "landmark"),
    ("body>main>ul.notices>li.notice>div.notice-content", "landmark"),
    # a table's class names its look (a header that sticks), not a region of the page;
    # a layout table's cells still name theirs
    ("body>div.entry-content>table.wikitable.sticky-header>tbody>tr", "content"),
    ("body>table>tr>td.footer>p", "navigation"),
    # a <header> with no article or main above it is the page's banner; inside one it heads it
    ("body>header>div.content>ul>li", "navigation"),
    ("body>div[banner]>div>p", "navigation"),
    ("body>div.page>article>header>h1", "content"),
    ("body>main>div.post>header>div.entry-content>p", "content"),
    ("body>header>div.ad-slot>p", "ads"),
    # a component's header (a card's title, a code block's signature) is not the page's
    ("body>div.post>div.card>h3.card-header", "content"),
    ("body>div.post>div.docblock>h4.code-header", "content"),
    ("body>div.wrap>div.PricingGridHeader__title", ""),
    ("body>div.site-header>ul>li", "navigation"),
    ("body>div.td-header-wrap>ul>li", "navigation"),
    ("body>div.sticky-header>ul>li", "navigation"),
    # ARIA's menu widgets and search landmark say what <menu> and a search form do
    ("body>div>ul[menubar]>li[menuitem]>div>p", "landmark"),
    ("body>div>div[menu]>a", "landmark"),
    ("body>div[search]>form>p", "landmark"),
])
def test_dom_cue(path, cue):
    assert dom_cue(path) == cue


MENU_ITEMS = [
    ("Radiology", "Prioritize findings and activate care teams in streamlined workflows."),
    ("Cardiology", "Consistently measure disease and capture incidental findings on every scan."),
    ("Neurovascular", "Setting the standard for neuro care with real time notification of teams."),
    ("Care Coordination", "Connect the right users across workflows and the departments they serve."),
    ("Patient Management", "Ensure patients are identified, captured and followed up after each visit."),
    ("Partners", "Vetted third-party algorithm developers and device makers on one platform."),
]
STORY = [
    "The hospital's radiology department began using the new triage software in March, and the "
    "waiting time for urgent scans fell by a third within two months of the change.",
    "Doctors said the alerts helped them see the sickest patients first, though some warned that "
    "too many notifications at night could tire the staff who have to answer them.",
    "The board will decide in the autumn whether to extend the trial to the two smaller clinics "
    "that share the hospital's imaging equipment and its team of specialists.",
]


def test_a_mega_menu_named_only_by_its_aria_role_is_not_content(tmp_path):
    """A page with no class names to read (utility CSS, CSS-in-JS): its mega-menu, a
    title and a sentence an item, is known by role="menubar" / "menuitem" alone; without
    that the items, repeated on one path, pass for a listing's records."""
    menu = "".join(f"<li role='menuitem'><div><a href='/{name.lower()}'>{name}</a><p>{blurb}</p></div></li>"
                   for name, blurb in MENU_ITEMS)
    page = tmp_path / "page.html"
    page.write_text("<html><body><div><div><ul role='menubar'>" + menu + "</ul></div><div>"
                    "<h1>Triage software cuts scan waits</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
                    + "</div></div></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(page)], catch_exceptions=False)
    assert result.exit_code == 0
    assert all(p in result.stdout for p in STORY)
    assert not any(blurb in result.stdout or f"{name}\n" in result.stdout for name, blurb in MENU_ITEMS)


@pytest.mark.parametrize("text, kind", [
    ("Listen to This Article", "navigation"),
    # a show-or-hide control's label, whatever it shows or hides; a sentence that opens
    # with the word is not one
    ("Toggle the table of contents", "navigation"),
    ("Toggle Light / Dark / Auto color theme", "navigation"),
    ("Toggled settings are saved on this device for your next visit.", ""),
    ("Advertisement", "ads"),
    ("Sign in", "navigation"),
    ("Share on Facebook", "navigation"),
    ("If you enjoyed this, sign up for our weekly newsletter and get it free every Friday.", "ads"),
    # a newsletter that speaks of itself, and its thanks
    ("The Gauge is a weekly newsletter for water engineers, with the week's best reads.", "ads"),
    ("Our free daily newsletter brings you the valley's news before breakfast.", "ads"),
    # in apposition after the name: the comma stands right after a word
    ("Read Ledger Notes, a free weekly newsletter on money and markets.", "ads"),
    ("She writes a daily newsletter about the birds of the marsh.", ""),
    ("Thank you for subscribing to our alerts.", "ads"),
    # a sign-up box's count of its readers, with or without a plus, and its consent line
    ("Join over 1M others in getting regular emails from the lab.", "ads"),
    ("Sign up to join 800,000+ other subscribers today.", "ads"),
    ("By submitting your email to subscribe, you agree to the Privacy Policy.", "ads"),
    ("She asked readers to join 40 volunteers on the riverbank at dawn.", ""),
    # a shop's help line, price alert, promise and offer
    ("Need help shopping or planning? Call 1-800-555-0100 for expert assistance.", "ads"),
    ("Log in to set a price alert on this product.", "ads"),
    ("We offer free standard shipping and returns on select orders over 125 EUR.", "ads"),
    ("Your details are for our use only, and you can unsubscribe at any time.", "ads"),
    ("The ferry company set a price for the new winter route.", ""),
    ("This story is funded by readers like you.", "ads"),
    ("Support our mission to keep the archive open and free.", "ads"),
    ("My weekly column on rivers has run in the Gazette since 2009.", ""),
    ("Readers often share their thoughts on the new policy, which many consider controversial, "
     "and every week we share a selection of those letters here.", ""),
    ("The home team won the match.", ""),
    ("Table of Contents", "navigation"),
    # a carousel's and a page's controls, spoken to screen readers and scraped with the text
    ("Previous slide", "navigation"),
    ("(END)", "navigation"),
    ("Most Viewed", "related"),
    ("Most shared", "related"),
    ("الأكثر تصفحاً", "related"),
    ("Les plus vus", "related"),
    ("Più visti", "related"),
    ("点击排行", "related"),
    ("The end", ""),
    ("https://cdn.example.com/img/products/5001/WEB_THUMBNAILS/5001_STAPLE_TEE_BONE_01.jpg?c=1", "navigation"),
    ("//media.example.org/videos/hannah-and-daisy.mp4", "navigation"),
    ("https://www.virtualbox.org/ticket/22164", ""),
    ("The chart is at https://example.com/chart.png for anyone who asks.", ""),
    ("Go to slide 3", "navigation"),
    ("Quick view", "navigation"),
    ("Skip to footer", "navigation"),
    ("Link copied to clipboard", "navigation"),
    ("Opens in new window", "navigation"),
    ("The next slide in the deck showed the new ferry timetable.", ""),
    ("1,234 Reviews", "navigation"),
    ("Review", ""),  # a product page's own review heading can be its text
    ("5 min read", "navigation"),
    ("Your browser does not support the video tag.", "navigation"),
    # a feedback widget under a docs page or an article
    ("Did this page help you? - Yes", "navigation"),
    ("Thanks for letting us know we're doing a good job!", "navigation"),
    ("Was this answer helpful?", "navigation"),
    ("The survey asked whether the new timetable was helpful to commuters.", ""),
    # a shop's cart drawer, in the page's markup on every product page
    ("Your cart is empty! Don't miss out on the latest products and savings.", "navigation"),
    ("Proceed to Checkout", "navigation"),
    ("Subtotal", "navigation"),
    ("The cart was empty by the time the bakers reached the market.", ""),
    # a notice for readers without JavaScript, in the page's own language
    ("Um unser Angebot in vollem Umfang nutzen zu können, müssen Sie JavaScript in Ihrem Browser aktivieren.",
     "navigation"),
    ("Pour profiter de toutes les fonctionnalités, veuillez activer JavaScript dans votre navigateur.", "navigation"),
    ("Para ver este sitio, habilite JavaScript en su navegador.", "navigation"),
    ("Для работы сайта включите JavaScript в настройках браузера.", "navigation"),
    ("このサイトを利用するにはJavaScriptを有効にしてください。", "navigation"),
    ("Die Entwickler haben JavaScript und Python in ihrem Kurs behandelt.", ""),
    # "Share this article" in other languages, alone or before its buttons
    ("Diesen Artikel teilen:", "navigation"),
    ("Partager l'article", "navigation"),
    ("Artikel teilen: Facebook Twitter", "navigation"),
    ("Der Verein will den Artikel teilen und drucken lassen, sagte er am Montag in Berlin.", ""),
    ("Teilen: Facebook WhatsApp E-Mail", "navigation"),
    ("Compartir: Facebook Twitter WhatsApp", "navigation"),
    ("شارك: فيسبوك تويتر واتساب", "navigation"),
    ("Поделиться: ВКонтакте Telegram", "navigation"),
    ("Compartir la mesa con desconocidos es una costumbre antigua en los pueblos del norte.", ""),
    # a text-to-speech player's button and a paywall's notice, in other languages
    ("Escuchar este artículo", "navigation"),
    ("Artikel anhören", "navigation"),
    ("Ouvir esta matéria", "navigation"),
    ("Haberi Dinle", "navigation"),
    ("Nghe bài viết", "navigation"),
    ("Dengarkan artikel ini", "navigation"),
    ("यह लेख सुनें", "navigation"),
    ("האזנה לכתבה", "navigation"),
    ("Poslechněte si článek", "navigation"),
    # Greek set in capitals drops its accents
    ("ΔΙΑΦΗΜΙΣΗ", "ads"),
    ("ΣΧΕΤΙΚΑ ΑΡΘΡΑ", "related"),
    ("ये भी पढ़ें", "related"),
    ("Baca juga", "related"),
    # a forum post's like button, its author's counts and the log-in prompt, in other languages
    ("Gefällt mir 2", "navigation"),
    ("Beiträge: 4.518", "navigation"),
    ("Messages: 1,234", "navigation"),
    ("Du musst dich anmelden oder registrieren, um hier zu antworten.", "navigation"),
    ("Debes iniciar sesión para responder.", "navigation"),
    ("Me gusta mucho este barrio porque la comida es buena y barata.", ""),
    # a shop's announcement bar, sort and paging controls
    ("Envío gratis en pedidos superiores a 50 €", "ads"),
    ("Livraison offerte dès 49 € d'achat", "ads"),
    ("Kostenloser Versand", "ads"),
    ("El envío gratis fue una de las promesas del gobierno para las zonas rurales del país este año.", ""),
    ("Price: Low to High", "navigation"),
    ("Sort by: Featured", "navigation"),
    ("Precio: de menor a mayor", "navigation"),
    ("Showing 12 of 48 products", "navigation"),
    ("Has visto 6 de 124 productos", "navigation"),
    ("Load more products", "navigation"),
    # a font-size switch
    ("字号：大 中 小", "navigation"),
    ("文字サイズ 小 中 大", "navigation"),
    # a photo's credit, alone or closing its caption
    ("Erik Isakson / Getty Images", "navigation"),
    ("Kevin Mohatt / The Washington Post via Getty Images", "navigation"),
    ("A technician installs fibre-optic cable in a residential street. (Getty Images)", "navigation"),
    ("Shares of Getty Images rose 5% after the company reported strong earnings for the quarter.", ""),
    ("A banda vai ouvir esta matéria-prima da música popular em todos os ensaios do mês.", ""),
    ("Este contenido es exclusivo para suscriptores. Suscríbete para seguir leyendo.", "ads"),
    ("Cet article est réservé aux abonnés.", "ads"),
    ("El club anunció que la grada será exclusiva para los socios durante la final de copa.", ""),
    # reading time, in other languages
    ("Temps de lecture : 3 min.", "navigation"),
    ("4 Min. Lesezeit", "navigation"),
    ("Время чтения: 4 минуты", "navigation"),
    ("阅读时间：5分钟", "navigation"),
    ("Le temps de lecture des élèves a augmenté de trois minutes par jour cette année.", ""),
    # a form to e-mail the article, and a newsletter opt-in
    ("< Envoyer cet article par e-mail", "navigation"),
    ("Envoyer à : Séparez les adresses e-mail de vos contacts par des virgules.", "navigation"),
    ("J'accepte de recevoir la newsletter quotidienne du journal.", "ads"),
    ("I agree to receive the daily newsletter from The Times.", "ads"),
    ("Le ministre a refusé de recommander un candidat.", ""),
    # a comment's buttons and "most read" headings, in other languages
    ("Denunciar", "navigation"),
    ("Antworten Zitieren Melden", "navigation"),
    ("Signaler un abus", "navigation"),
    ("Lo más leído", "related"),
    ("Customers who bought this item also bought", "related"),
    ("People who viewed this item also viewed", "related"),
    ("La rédaction vous conseille :", "related"),
    ("Meistgelesen", "related"),
    # Chinese and Japanese share buttons, a pop-up's close, and "hottest news" headings
    ("分享到微信", "navigation"),
    ("关闭", "navigation"),
    ("最热新闻", "related"),
    ("推荐阅读", "related"),
    ("関連ニュース", "related"),
    ("他说，分享到微信的文章很多。", ""),
    # an ad blocker's notice, but not a story about ad blockers
    ("It looks like you're using an ad blocker. Please disable it to support our journalism.", "ads"),
    ("Leider verweigern Sie uns diese Einnahmen. Wenn Sie unser Angebot schätzen, schalten Sie bitte den Adblocker ab.",
     "ads"),
    ("Ad blockers have grown popular, and publishers say they lose a third of their revenue to them.", ""),
    # a Q&A page's counters and its list of other sites' questions, but not a sentence that asks
    ("Asked 1 year, 7 months ago", "navigation"),
    ("Viewed 1.2k times", "navigation"),
    ("Hot Network Questions", "related"),
    ("More Topics from this Board", "related"),
    ("Asked a question about the weather", ""),
    # the heading of an author's note, and a forum reply's quote marks
    ("About the Author", "navigation"),
    ("Quote:", "navigation"),
    ("[/quote]", "navigation"),
    ("Quote of the day: be kind to strangers", ""),
    ("All Reads on This Topic", "related"),
    ("More stories in this category", "related"),
    # a feedback widget's thanks; a newsletter's and a buying guide's appeals, and prose
    # that only speaks of such things
    ("Thanks for the feedback. If you have a specific question, ask it on our forum.", "navigation"),
    ("Back of Mind is a reader-supported publication. Consider becoming a subscriber.", "ads"),
    ("We are a reader-supported website and do not accept payment from manufacturers.", "ads"),
    ("The following content is brought to you by our partners. If you buy a product featured here, we may earn a commission.", "ads"),
    ("While each product is independently selected by our editors, we may include paid promotion.", "ads"),
    ("The council said the feedback from residents would shape the final plan.", ""),
    ("Readers who buy something through the museum shop help fund its restoration work.", ""),
    # a blog platform's share buttons' screen-reader text, its comment form's and its
    # subscription box's lines; a sentence about a site that opens a new window is prose
    ("Click to share on Bluesky (Opens in new window) Bluesky", "navigation"),
    ("Click to email a link to a friend (Opens in new window) Email", "navigation"),
    ("Save my name, email, and website in this browser for the next time I comment.", "navigation"),
    ("Discover more from Strategy and Wargaming", "navigation"),
    ("The museum's new site opens in new window frames on every screen of its hall.", ""),
    # a shop's search filters with their counts, and its results' controls
    ("$50.00 to $99.99 (11)", "navigation"),
    ("4 & up (262)", "navigation"),
    ("Showing 24 results per page", "navigation"),
    ("Thank you for signing up!", "navigation"),
    # a Q&A site's controls; a post that speaks of improving an answer is prose
    ("Improve this answer", "navigation"),
    ("Show 12 more comments", "navigation"),
    ("Highest score (default)", "navigation"),
    ("Improve this answer by adding the error message you saw", ""),
])
def test_phrase_kind(text, kind):
    assert _kind(text) == kind


def _measured(*texts: str, language: str = "en"):
    return measure([Block(index=i, text=t) for i, t in enumerate(texts)], language)


def test_words_and_terminal_punctuation():
    prose, menu, question = _measured(PROSE, MENU, "Is it dead?")
    assert prose.features.words == len(PROSE.split())
    assert (prose.features.terminal_punctuation, menu.features.terminal_punctuation) == (True, False)
    assert question.features.terminal_punctuation


def test_stopword_density_higher_for_prose_than_menu():
    prose, menu = _measured(PROSE, MENU)
    assert prose.features.stopword_density > menu.features.stopword_density


# Somali: no stop list of jusText's, and the words of none of them.
SOMALI = ("Roob culus ayaa ka da'ay magaalada Muqdisho saddexdii maalmood ee la soo dhaafay, taasoo "
          "keentay inay qoysas badan ka barakacaan guryahooda oo ay u guuraan xeryo ku yaal duleedka.",
          "Dowladda hoose ayaa sheegtay inay xirtay waddada weyn ee isku xirta magaalooyinka muddo kooban "
          "kadib markii biyuhu qaadeen buundo ku taal meel u dhow wabiga.",
          "Hay'adaha gargaarka ayaa bilaabay inay qaybiyaan cunto, biyo nadiif ah iyo teendhooyin.")


@pytest.mark.parametrize("language", [None, "en"])
def test_a_page_the_stop_list_does_not_fit_has_no_stop_word_counts(language):
    # With no list for the page's language (or the list of another one, the language it
    # declares in error), every block would read as a menu does: no stop words.
    from cleaner.features import NO_STOP_LIST
    blocks = _measured(*SOMALI, "Bogga hore", language=language)
    assert [b.features.stopword_density for b in blocks] == [NO_STOP_LIST] * 4


def test_a_page_of_too_few_words_keeps_its_stop_word_counts():
    # Under STOP_LIST_MIN_WORDS the share says nothing of the list: a title and a menu.
    (block,) = _measured("Bogga hore iyo wararka", language="en")
    assert block.features.stopword_density == 0.0


def test_korean_prose_counts_its_particles_as_stop_words():
    # Korean has no stop-word list: the particles and endings that close its words of
    # prose stand in, and the nouns of a menu or a headline have none.
    prose = "서울시가 내년 상반기부터 시내버스와 지하철 기본요금을 각각 150원씩 인상하기로 했다."
    headline = "지하철 노조 파업 예고…출근길 혼잡 우려"
    blocks = measure([Block(index=i, text=t) for i, t in enumerate((prose, headline, "정치 경제 사회 국제 문화"))], "ko")
    t = defaults().thresholds
    assert blocks[0].features.stopword_density >= t.stopwords_high
    assert blocks[1].features.stopword_density < t.stopwords_mid
    assert blocks[2].features.stopword_density < t.stopwords_low


def test_sentence_end_in_devanagari_and_arabic():
    hindi, arabic = _measured("यह योजना अप्रैल से लागू होगी।", "هل ستنجح الخطة؟")
    assert hindi.features.terminal_punctuation and arabic.features.terminal_punctuation


def test_repeats_and_position():
    blocks = _measured("Home", PROSE, "home", MENU, "Home")
    assert [b.features.repeats for b in blocks] == [2, 0, 2, 0, 2]
    assert [b.features.position for b in blocks] == [0.0, 0.25, 0.5, 0.75, 1.0]


def test_a_repeated_block_is_measured_as_itself_in_its_own_place():
    # The same words as a link in a sidebar, as a list item, as plain text in the article:
    # each keeps its own link density, cue and list shape, and its own position.
    blocks = measure([
        Block(index=0, text="Read more", link_chars=9, dom_path="body>div.sidebar>a"),
        Block(index=1, text=PROSE, dom_path="body>article>p"),
        Block(index=2, text="Read more", link_chars=9, dom_path="body>div.sidebar>a"),
        Block(index=3, text="Read more", tag="li", dom_path="body>article>ul>li"),
        Block(index=4, text="Read more", dom_path="body>article>p"),
    ], "en")
    f = [b.features for b in blocks]
    assert [x.link_density for x in f] == [1.0, 0.0, 1.0, 0.0, 0.0]
    assert [x.dom_cue for x in f] == ["navigation", "content", "navigation", "content", "content"]
    assert [x.list_like for x in f] == [False, False, False, True, False]
    assert [x.position for x in f] == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert {x.repeats for x in (f[0], f[2], f[3], f[4])} == {3}


def test_measure_leaves_input_blocks_alone():
    original = [Block(index=0, text=PROSE)]
    measured = measure(original, "en")
    assert original[0].features is None and measured[0].features is not None


def test_link_density_and_dom_cue_measured():
    (block,) = measure([Block(index=0, text="Read more", link_chars=9, dom_path="body>div.sidebar")], "en")
    assert (block.features.link_density, block.features.dom_cue) == (1.0, "navigation")


def test_cjk_words_counted():
    (block,) = _measured("昨日は友達と一緒に公園で桜を見に行きました。とても綺麗でした。", language="ja")
    assert block.features.words > 1
    assert block.features.terminal_punctuation


@pytest.mark.parametrize("line", [
    "ምክር ቤቱ አዲሱን የትራፊክ እቅድ ትናንት አጸደቀ።",  # Ethiopic full stop
    "Քաղաքային խորհուրդը հաստատեց նոր պլանը։",  # Armenian full stop
    "市议会昨晚批准了新的交通计划，「四月一日起实施。」",  # a quotation closed in CJK brackets
    "市議会は新しい交通計画を承認した｡",  # half-width ideographic stop
])
def test_sentence_ends_of_other_scripts(line):
    assert ends_sentence(line)


# A page builder names every module a "widget": the article's own text editor too.
BUILDER_MODULE = "div.elementor-widget.elementor-widget-text-editor>div.elementor-widget-container"
BUILDER_PROSE = ("Our team tested each of the six models on the same hill, in the rain, "
                 "and with a full load of groceries strapped to the deck.")


def test_a_class_that_wraps_most_of_the_prose_is_the_builder_not_a_region():
    """The article's specs list sits in the same kind of "widget" module as its prose:
    the word names every module of the page, so it says nothing of any of them; a page
    whose prose lies elsewhere keeps its sidebar widget as navigation."""
    article = [Block(index=i, text=BUILDER_PROSE, tag="p", dom_path=f"body>div.post>{BUILDER_MODULE}>p")
               for i in range(4)]
    spec = Block(index=4, text="Range: 29.8 miles on one charge", tag="li",
                 dom_path=f"body>div.post>{BUILDER_MODULE}>ul>li")
    sidebar = Block(index=5, text="Range: 29.8 miles on one charge", tag="li",
                    dom_path="body>div.column>div.widget>ul>li")
    built = measure([*article, spec], "en")
    assert built[4].features.dom_cue == "content"
    plain = measure([Block(index=i, text=BUILDER_PROSE, tag="p", dom_path="body>div.post>p") for i in range(4)]
                    + [sidebar], "en")
    assert plain[4].features.dom_cue == "navigation"


def test_a_reference_table_in_a_css_modules_wrapper_is_kept():
    # A docs site built with CSS Modules wraps each table in "mdx-table_root__adKqa": split
    # at its case change, the hash read "ad", and every row of the arguments table went as
    # an advertisement.
    rows = "".join(f"<tr><td>{name}</td><td>{what}</td><td>string</td></tr>" for name, what in [
        ("host", "Specifies the address of the resource to connect to."),
        ("port", "Specifies the port number to use for the connection to the host."),
        ("user", "Specifies the user name for connecting to the remote host."),
        ("host_key", "Specifies the public key from the remote host to verify the connection."),
    ])
    intro = ("Most provisioners require access to the remote resource over SSH or WinRM and expect a nested "
             "connection block with details about how to connect to it. The arguments below are accepted.")
    doc = clean(f"<html><body><main><div class='mdx-content'><h1>Connection block</h1><p>{intro}</p>"
                f"<div class='mdx-table_root__adKqa mdx-content-full-width'><table><tbody>{rows}</tbody></table>"
                f"</div></div></main></body></html>")
    table = [b for b in doc.blocks if b.tag == "tr"]
    assert len(table) == 4 and all(b.label is Label.CONTENT for b in table)
    assert "Specifies the public key from the remote host" in doc.text


def test_links_count_as_links_in_html_and_beside_scraped_texts_prose_only():
    t = defaults().thresholds
    items = [Block(index=i, text=f"Harbour dredging begins as ships wait, part {i}", link_chars=45) for i in range(12)]
    sentence = "The council voted on Tuesday to restore the ferry service to the island after two winters."
    prose = [Block(index=12 + i, text=sentence) for i in range(10)]
    assert not links_tell(items, Kind.TEXT, t)  # a list of links and nothing else: the links are the page
    assert links_tell(items + prose, Kind.TEXT, t)  # 160 words of prose beside them: a menu, related links
    assert links_tell(prose, Kind.TEXT, t)  # no links at all
    assert links_tell(items, Kind.HTML, t)  # HTML's markup says what a link is, prose or none
    # Measured as text, the blocks keep their link characters for what reads them after.
    assert all(b.features.link_density == 0.0 and b.link_chars == 45 for b in measure(items, "en", links=False))
