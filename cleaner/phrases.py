"""Known boilerplate: phrases, DOM class/id tokens, dates and bylines. Data, not logic.

Phrases are matched against short blocks as a whole (`LINE_*`: the block is nothing but
the phrase, perhaps with a count or an icon name) and against any block as a sentence
(`SENTENCE_*`: prompts that come wrapped in a longer line). They are multilingual on
purpose: the hidden pages are not all English.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE


def _from_word_start(pattern: str, flags: int) -> re.Pattern[str]:
    """Compile a pattern searched anywhere in a block, tried only where a word starts
    (not after a Latin, Greek or Cyrillic letter; CJK has no word breaks): the same
    matches, several times faster than trying at every character."""
    return re.compile(r"(?<![A-Za-z\u00c0-\u024f\u0370-\u04ff])(?:" + pattern + ")", flags)

# Whole-line navigation chrome: menus, account links, share buttons, reading aids.
LINE_NAVIGATION = re.compile(
    r"^(?:[\W\d_]*)(?:"
    r"home|menu|main menu|search|search\w*|close|open|toggle navigation|skip to (?:main )?content|"
    r"skip to main|back to top|top|next|previous|prev|next page|previous page|older posts|newer posts|"
    r"sign ?in|sign ?up|log ?in|log ?out|register|my account|account|profile|register now|"
    r"subscribe|subscribe now|subscribed|subscriber only|follow|follow us|unfollow|"
    r"share|share this|share this (?:article|story|post)|share on \w+|tweet|pin it|email|print|copy link|copy|link copied|"
    r"facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|instagram|youtube|tiktok|threads|bluesky|"
    r"listen to (?:this )?(?:article|story)|listen|play|pause|audio|"
    r"read more|read full (?:article|story)|continue reading|see more|view more|show more|load more|more|"
    r"view all|see all|show all|all|more news|more stories|related|related articles|related posts|related stories|"
    r"you may also like|you might also like|recommended|recommended for you|trending|trending now|popular|most popular|most read|"
    r"explore|explore more|explore news|latest|latest news|top stories|also read|read also|also see|see also|"
    r"comments?|leave a (?:comment|reply)|reply|add comment|\d+ comments?|no comments|"
    r"tags?|topics?|categories|category|filed under|"
    r"privacy(?: policy)?|terms(?: of (?:use|service))?|terms (?:and|&) conditions|cookie policy|cookies|"
    r"accept(?: all)?(?: cookies)?|reject all|manage (?:preferences|cookies|settings)|got it|ok|okay|agree|"
    r"contact(?: us)?|about(?: us)?|careers|advertise(?: with us)?|sitemap|help|faq|rss|newsletters?|"
    r"add to (?:cart|bag|basket|wishlist|wish list)|buy now|buy it now|in stock|out of stock|sold out|sale sold out|"
    r"quantity|qty|regular price|sale price|unit price(?: / per)?|choose options|select options|write a review|"
    r"notify me|checkout|view cart|continue shopping|free shipping|item added to your cart|invalid password|"
    r"select (?:a |your )?(?:size|colou?r|option|style|quantity)s?|please select (?:a |your )?\w+|loading(?:\.\.\.|…)?|"
    r"stock alerts?|size (?:guide|chart)|find your size|(?:delivery|shipping) (?:&|and) returns|returns?|"
    r"(?:standard|express|next[- ]day|free) (?:delivery|shipping)(?: available)?|write a review|"
    r"notification icon|userprofile iconsearch|hamburger icon|search icon|user icon|close icon|\w+ icon|"
    r"anmelden|abmelden|registrieren|suche|teilen|weiterlesen|mehr lesen|mehr|startseite|impressum|datenschutz|"
    r"connexion|se connecter|s'inscrire|rechercher|partager|lire la suite|accueil|mentions légales|"
    r"iniciar sesión|registrarse|buscar|compartir|leer más|inicio|"
    r"войти|регистрация|поиск|поделиться|читать далее|главная|"
    r"add to wishlist|post comment|submit comment|publier le commentaire|publicar comentario|kommentar abschicken|"
    r"añadir al carrito|añadir a la lista de deseos|in den warenkorb|auf die merkliste|ajouter au panier|"
    r"цитировать|ответить|пожаловаться|会員登録|xでポスト|ポスト|ツイート|印刷|"
    r"ログイン|検索|シェア|続きを読む|ホーム|登录|注册|搜索|分享|阅读全文|首页"
    r")(?:[\W\d_]*)$",
    _I,
)
# URLs of discussion pages, where comments and replies are the content.
THREAD_URL = re.compile(
    r"forums?(?:[/.?=_-]|$)|(?:^|[/.])(?:boards?|discuss|discussions?|threads?|t|r|questions?|comments|talk|"
    r"viewtopic|showthread|showtopic)(?:[/.?=_-]|\.php|$)|topic[/=-]\d+",
    _I,
)
# Whole-line headings that open a reader-comment section.
LINE_COMMENTS = re.compile(
    r"^(?:[\W\d_]*)(?:\d+\s+)?(?:comments?|reader comments|leave a (?:comment|reply)|"
    r"join the (?:discussion|conversation)|(?:one|two|three|\d+) thoughts? on .{0,120}|show comments|view comments|"
    r"kommentare|kommentar schreiben|commentaires?|comentarios?|комментари[ийя]|コメント|评论|留言)(?:[\W\d_]*)$",
    _I,
)
# Whole-line headings that open a list of links to other pages.
LINE_RELATED = re.compile(
    r"^(?:[\W\d_]*)(?:read more|more news|more stories|related|related articles|related posts|related stories|"
    r"you may also like|you might also like|recommended|recommended for you|trending|trending now|popular|"
    r"most popular|most read|also read|read also|see also|similar (?:threads|posts|topics|questions)|"
    r"related (?:threads|topics|questions)|more from .{0,40}|latest|latest news|top stories|"
    r"lesen sie auch|das könnte sie auch interessieren|mehr zum thema|lire aussi|à lire aussi|sur le même sujet|"
    r"te puede interesar|lee también|noticias relacionadas|читайте также|похожие статьи|関連記事|相关阅读|相关文章"
    r")(?:[\W\d_]*)$",
    _I,
)
# Short lines that open with a label of site chrome: "Filed under: ...", "Next: ...".
PREFIX_NAVIGATION = re.compile(
    r"^(?:[←→«»<>\s]*)(?:filed under|posted in|tagged(?: with)?|tags|categories|category|share this(?: post| article| story| page)?|"
    r"share|previous(?: post| article| story)?|next(?: post| article| story)?|older|newer|related|see also|"
    r"lire aussi|à lire aussi|lesen sie auch|read also|also read|you (?:might|may) also like|see also|lee también|читайте также|"
    r"schlagwörter|kategorie|étiquettes|catégories|etiquetas|categorías|теги|рубрика|この記事をシェア|シェア|分享到)\s*[:：]",
    _I,
)
# Whole-line advertising and promotion.
LINE_ADS = re.compile(
    r"^(?:[\W\d_]*)(?:"
    r"advertisement|advertisements?|advertising|ads?|sponsored|sponsored content|sponsored by .{0,40}|"
    r"paid (?:post|content|partnership)|partner content|promoted|promotion|presented by .{0,40}|"
    r"story continues below(?: this)? ad(?:vertisement)?|article continues below|continue reading below|"
    r"scroll to continue(?: with content)?|ad feedback|report this ad|"
    r"anzeige|werbung|publicité|publicidad|anuncio|реклама|広告|广告|推广"
    r")(?:[\W\d_]*)$",
    _I,
)
# Prompts that may sit inside longer lines: newsletter, app, social channel, paywall, cookies.
SENTENCE_ADS = _from_word_start(
    r"sign up (?:for|to) (?:our|the)\b.{0,40}newsletter|subscribe to (?:our|the)\b.{0,30}(?:newsletter|channel)|"
    r"get (?:the|our) (?:latest|best|top)?.{0,40}(?:in your inbox|delivered)|"
    r"(?:download|get) (?:our|the) (?:free )?app|available on the app store|get it on google play|"
    r"(?:join|follow) us on (?:telegram|whatsapp|facebook|twitter|instagram|google news)|"
    r"get them on our \w+ channel|never miss (?:a|an|the|another)\b.{0,30}(?:story|update|news)|"
    r"(?:briefing|newsletter|alerts?|updates) (?:on|via) (?:whatsapp|telegram)|"
    r"get (?:the|our) .{0,40}(?:newsletter|briefing) |on our telegram channel|don't miss the most important news|"
    r"enjoyed this\?|(?:notes|updates|stories|recipes|news) by email|(?:delivered|straight) to your inbox|"
    r"member-only story|upgrade to read|subscribe (?:now|today) (?:to|for)|start your free trial|already a subscriber|"
    r"this (?:content|article) is for subscribers|unlock (?:this|full) (?:article|access)|"
    r"we may earn (?:a )?commission|affiliate links?|"
    r"free (?:standard |express )?(?:delivery|shipping|returns) (?:on|for|over) (?:all )?(?:orders|purchases)|"
    r"estimated delivery|\d+[- ]day (?:free )?returns?|return policy|we'?ll (?:notify|email) you|notify me when|"
    r"buy now,? pay later|interest[- ]free (?:payments|instal?lments)|(?:pay in|split into) \d+ (?:interest|payments)|"
    r"reviewers say|customers say|"
    r"join [\d,.]+\s+(?:\w+\s+){0,3}(?:readers|subscribers|cooks|members|people|others)|"
    r"newsletter abonnieren|abonnez-vous à (?:la|notre|nos)|suscríbete a (?:nuestr[oa]s?|la)|подпишитесь на|有料会員",
    _I,
)
SENTENCE_NAVIGATION = _from_word_start(
    r"opens in a new (?:window|tab)|choosing a selection results in a full page refresh|variant sold out or unavailable|"
    r"comments? (?:are|is) moderated|leave a (?:comment|reply)|your email address will not be published|"
    r"deja un comentario|laisser un commentaire|kommentar (?:schreiben|hinterlassen)|оставить комментарий|"
    r"no será publicada|ne sera pas publiée|wird nicht veröffentlicht|"
    r"you must (?:log ?in|sign ?in|be logged in|register)|log in or register to|^page \d+ of \d+|"
    r"required fields are marked|did you (?:make|try) this recipe|powered by \w+|was this (?:page|article) helpful|"
    r"partners can use this purpose|store and/or access information on a device|use limited data to select|"
    r"(?:create|use) profiles (?:for|to select) personalised|measure (?:advertising|content) performance|"
    r"(?:please )?enable javascript|javascript is (?:disabled|required)|we use cookies|this (?:site|website) uses cookies|by (?:continuing|using) (?:to use )?(?:this|our) (?:site|website)|"
    r"accept (?:all )?cookies|cookie (?:settings|preferences)|"
    r"all rights reserved|©|copyright \d{4}|\(c\) \d{4}|"
    r"wir verwenden cookies|nous utilisons des cookies|utilizamos cookies|мы используем (?:файлы )?cookie|"
    r"tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|все права защищены",
    _I,
)

# The vocabulary of cookie banners, privacy notices and terms: prose, but not the page's.
LEGAL = _from_word_start(
    r"\bcookies?\b|\bconsent\b|\bprivacy\b|personal (?:data|information)|third[- ]part(?:y|ies)|"
    r"terms (?:of|and) (?:use|service|conditions|sale)|trademarks?\b|all rights reserved|subsidiar(?:y|ies)|"
    r"\bliab(?:le|ility)\b|\bwarrant(?:y|ies)\b|indemnif|jurisdiction|\bhereby\b|pursuant|\bgdpr\b|\bccpa\b|"
    r"opt[- ]out|storage or access|statistical purposes|legitimate interest|data controller|processing of|"
    r"datenschutz|einwilligung|données personnelles|consentement|datos personales|consentimiento|персональн",
    _I,
)

# Class/id tokens of containers, split on - _ and case changes before matching.
DOM_NAVIGATION = frozenset(
    "nav navbar navigation menu menubar submenu breadcrumb breadcrumbs footer foot sidebar "
    "side aside widget widgets related similar recommended recommendations share sharing social "
    "cookie cookies consent gdpr banner header masthead toolbar pagination "
    "pager paging skip login signin signup account byline-share tags tagcloud topics more "
    "popular trending outbrain taboola disqus modal dialog popup overlay dropdown subnav topbar "
    "bottombar copyright legal newsletter subscribe subscription follow "
    # consent managers, whose dialogs are long legal prose
    "onetrust cmp didomi cookiebot usercentrics truste iubenda termly osano klaro cookieconsent "
    # the same in the languages class names are often written in
    "navegacion navigation pie cabecera barra lateral menue fusszeile kopfzeile seitenleiste "
    "pied entete navigazione piede".split()
)
DOM_ADS = frozenset(
    "ad ads adv advert adverts advertisement advertising adslot adunit adsense dfp gpt "
    "sponsor sponsored sponsors promo promos promoted promotion partner affiliate "
    "commercial teaser publicidad anuncio anuncios werbung anzeige publicite pub pubblicita reklama".split()
)
DOM_CONTENT = frozenset(
    "article content entry post story body text main prose markdown blog single "
    "articlebody postbody entrycontent storybody maincontent richtext answer question "
    "thread message description product recipe instructions ingredients docs documentation "
    "contenido contenu inhalt artikel articulo noticia contenuto articolo".split()
)
# Reader comments: boilerplate under an article, but the content itself on a forum thread.
DOM_COMMENTS = frozenset(
    "comment comments commentlist respond reply replies disqus comentario comentarios "
    "commentaire commentaires kommentar kommentare commento commenti reviews".split()
)
TAG_NAVIGATION = frozenset({"nav", "footer", "aside", "menu", "dialog"})
TAG_CONTENT = frozenset({"article", "main"})

MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
DATE = re.compile(
    rf"\b(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|"
    rf"(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{MONTHS})\.?,?\s+\d{{4}}|"
    rf"\d{{4}}年\d{{1,2}}月\d{{1,2}}日)",
    _I,
)
DATE_LABEL = re.compile(
    r"^(?:first published|published(?: on| at)?|posted(?: on)?|updated(?: on)?|last updated|modified|date|"
    r"veröffentlicht(?: am)?|aktualisiert(?: am)?|publié le|mis à jour le|publicado(?: el)?|actualizado|опубликовано|обновлено)\b\s*:?",
    _I,
)
BYLINE = re.compile(
    r"^(?:by|written by|words by|author:?|posted by|reported by|von|par|por|autor:?|auteur\s*:?|автор:?)\s+"
    r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3})"
    r"(?:\s*(?:,|\||\band\b|&|-|–|—|·).*)?$",
    _I,
)
