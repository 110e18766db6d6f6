"""Title, author, date, site name, language and URL: from HTML head and JSON-LD, or from
the lines of scraped text themselves (headline, byline, "First Published: ...")."""
from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import replace
from typing import Any, Iterator
from urllib.parse import SplitResult, urlsplit

import lxml.etree

from . import phrases
from .dates import parse_date
from .features import is_thread, word_count
from .records import CONTENT, Block, Label, Metadata
from .rules import defaults
from .segment import Element, text_of

CAPTION = re.compile(
    r"\((?:photo|image|picture|credit|source|file|foto)\b|\b(?:photo|image|credit|foto|bild|imagen|immagine"
    r"|crédito|фото|світлина)\s*:|(?:사진|写真|图片|圖片|صورة)\s*[:=：]|getty images|reuters/|ap photo", re.I)
HEADLINE_NEAR = 12  # lines above the article within which position does not matter
BYLINE_REACH = 6  # how far below a headline its byline or date may be
DATE_ABOVE = 2  # how far above the headline a dateline may stand
DATE_BEFORE_PROSE = 30  # how far above the article's first prose scraped text's dateline may stand
DATELINE_WORDS = 14  # a dateline is no longer than this ("Published Dec. 3, 2026, 6:45 p.m. ET")
COPYRIGHT = re.compile(
    r"(?:(?:©|\(c\)|copyright|bản quyền(?: thuộc về)?)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?(?P<name>[^|.,©]{3,40}?)"
    r"(?:\s+[-–|·]\s+.*|\s*[.,|].*|\s+(?:%s).*|\s+\d{4}(?:\s*[-–]\s*\d{4})?(?:\s*[.,|].*)?)?$" % "|".join((
        # "All rights reserved" after the name with no stop between (Chinese sets a space);
        # or the year after the name ("© Le Quotidien 2026").
        "all rights reserved", "版权所有", "版權所有", "著作権", "alle rechte vorbehalten", "tous droits réservés",
        "todos los derechos reservados", "todos os direitos reservados", "tutti i diritti riservati",
        "все права защищены", "wszelkie prawa zastrzeżone", "alle rechten voorbehouden", "tüm hakları saklıdır",
        "mọi quyền được bảo lưu", r"\S{0,2}icp[备証证]")), re.I)  # or a Chinese site's licence number, "京ICP备..."
# A company's legal form after its name ("Example Media Ltd.", "Gazzetta S.p.A." cut at its first dot).
LEGAL_FORM = re.compile(r"(?:\s+|,\s*)(?:[A-Z]|Inc|Ltd|Limited|LLC|GmbH|AG|SA|SAS|SL|SpA|Srl|BV|NV|Co|Corp|plc|Pty|AB|AS|Oy)\.?$")
MASTHEAD_SMALL_WORDS = frozenset("the of and a an for from on in de la le du des el y der die das".split())
# A rating line ("4.6 out of 5 stars (212)", "4,4 de 5", "Rated 4 stars out of 5", "★★★★☆"):
# a shop's product head has one beside the name, often the longer line.
RATING = re.compile(r"\b[0-5](?:[.,]\d)?\s*(?:out of|of|/|von|sur|de|su|из|z)\s*5\b|(?<![^\W\d])rated\b.{0,20}\bstars?\b|[★☆]", re.I)
# The steps of a breadcrumb trail ("Home » Blog » Headline", "News › Local"): the path to
# the headline, not the headline, however close to the article it stands.
BREADCRUMB = re.compile(r"\S\s+[>»›▸]\s+\S|\S\s+/\s+\S.*\s+/\s+\S")
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÀ-ÖØ-Þ]")
# Between the parts of a dateline: "Jane Doe · May 2", "2026-12-03 来源：晨报 作者：李明" (Chinese
# and Japanese set their labelled parts apart with a space).
PART_SEPARATORS = re.compile(r"\s+[·•|]\s+|\s+(?=(?:作者|记者|記者|撰文)\s*[:：])")
# Where a <title> or og:title parts the page's name from the site's: "Headline | Site",
# "Site – Headline", "Topic • Forum"; in Chinese and Japanese also "标题_新闻_腾讯网",
# "标题-新华网", "見出し｜サイト", "見出し　：サイト" (a full-width colon only after a
# space: "外国专家：..." is one headline).
CJK_CHAR = "\u3001-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff5e"
TITLE_PARTS = re.compile(
    r"\s+[|–—•·»-]\s+|\s+::\s+|\s*[|｜]\s*|\s+：\s*"
    rf"|(?<=[{CJK_CHAR}])[_-](?=[{CJK_CHAR}])"
)
# Host labels that name no site ("www.", ".com", ".co.uk").
HOST_NOISE = frozenset("www m en com org net edu gov co uk de fr io".split())
HEADLINE_WORDS = 30  # an <h1> longer than this is not a headline
WORD = re.compile(r"\w+")
CASELESS_NAME_STOPWORDS = 0.3  # a share of stop words a name line in a script without capitals stays under
PLACE_WORDS = 3  # "Jane Doe, New Delhi": the place after a byline's comma
NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
# Datelines after a byline ("Jane Doe New Delhi"): common news cities, cut from the author.
CITIES = re.compile(
    r"\s+(?:new delhi|delhi|mumbai|bengaluru|kolkata|chennai|new york|washington|london|paris|berlin|"
    r"moscow|beijing|tokyo|hong kong|singapore|sydney|los angeles|san francisco|dubai|brussels|"
    r"geneva|toronto|mexico city|madrid|rome|kyiv|islamabad|dhaka|nairobi|lagos|seoul)$",
    re.I,
)
# The headline guess's score (_find_title): a line that holds the URL's slug is the page's
# name for itself, more telling than a heading's shape; a line that ends with a full stop
# is more often the standfirst under the headline than the headline.
SLUG_BONUS = 1.0
SENTENCE_END_PENALTY = 0.4
HEAD_SCAN = 40  # how many lines before the article the headline search looks at
FILE_ENDINGS = frozenset({"html", "htm", "php", "asp", "aspx", "jsp"})  # a URL step's, not its words
MIN_ANCHOR_WORDS = 3  # a <title> this long, echoed on a line of its own, is the headline
TITLE_ECHO = "title_echo"  # the reason that marks a headline found that way
PAGE_TITLE = "page_title"  # the reason that marks scraped text's opening copy of the <title>
# A name line guessed to be the byline (no "By") sits right under the headline.
GUESSED_BYLINE_REACH = 5
NAME_NEAR_DATE = 4  # ...and has a date line this close ("Jane Doe", "Follow", "8 min read", "Oct 4, 2025")
# Words that make a title-case line a heading rather than a name ("How Smart", "Get The
# Look"). Not the page language's stop list: those lists are word counts of whole corpora,
# and hold common first names ("María", "Anna").
NOT_NAMES = frozenset("""
a an and are as at be best by for from get how in is it more my new of on or our the this to top what when where
who why with you your el la los las de del y o en con por para un una cómo qué más le les des du et ou au aux pour
avec comment plus der die das und oder mit für von wie was ein eine mehr il lo gli di e per come più os do da
dos em um uma como mais het een van voor hoe""".split())
HEAD_LINES = 12  # how far after the headline a byline or date may sit
AUTHOR_BOX_LINES = 5  # how far past the article's last line its author box may name the author
LONG_TITLE_WORDS = 20  # a "title" this long, alone on the page, is the post itself


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())  # str.split breaks where \s matches, at a fifth of a regex sub's cost
    if "&" in value and ENTITY.search(value):  # escaped twice by the CMS: "TFC8&amp;reg;"
        value = html.unescape(value)
    return value or None


# A character reference left in text the parser has already unescaped once.
ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5});")


def _meta(root: Element) -> dict[str, str]:
    """Every <meta> name/property with its content, first one winning, names lower-cased."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key and key not in found and (content := _clean(el.get("content"))):
            found[key] = content
    return found


def _json_ld(root: Element) -> Iterator[dict[str, Any]]:
    """Every object in the page's JSON-LD, @graph entries included."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)  # raw line breaks inside strings are common
        except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")  # a list of objects, or one; anything else is no graph
                stack.extend(g for g in (graph if isinstance(graph, list) else [graph]) if isinstance(g, dict))
            elif isinstance(item, list):
                stack.extend(item)


# JSON-LD types that describe the page's own content, articles first: a WebPage object
# comes before the article in many pages' @graph, and names no author or date.
LD_KINDS = {"BlogPosting": 0, "Report": 0, "Recipe": 1, "Product": 1, "QAPage": 1, "DiscussionForumPosting": 1,
            "WebPage": 2}
LD_FIELDS = ("headline", "name", "author", "datePublished", "dateCreated", "publisher")


def _json_ld_fields(root: Element) -> dict[str, Any]:
    """The fields the page's JSON-LD gives its content, each from the first object of
    the likeliest type that has it, and under "@type" that type ("article" for any kind
    of article)."""
    ranked = []
    named: dict[str, dict[str, Any]] = {}  # objects by their @id, which others point to
    for n, item in enumerate(_json_ld(root)):
        if isinstance(item.get("@id"), str):
            named.setdefault(item["@id"], item)
        kinds = item.get("@type")
        ranks = [0 if kind.endswith("Article") else LD_KINDS.get(kind, 9)
                 for kind in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(kind, str)]
        if ranks and min(ranks) < 9:
            ranked.append((min(ranks), n, item))
    fields: dict[str, Any] = {}
    ranked.sort(key=lambda r: r[:2])
    if ranked:
        rank, _, item = ranked[0]
        kinds = item["@type"]
        # A list of types may hold more than names ({"@id": ...}): the first name speaks.
        names = [kind for kind in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(kind, str)]
        fields["@type"] = "article" if rank == 0 else names[0].lower()
    for _, _, item in ranked:
        for key in LD_FIELDS:
            if fields.get(key) is None:
                fields[key] = _resolved(item.get(key), named) if key == "author" else item.get(key)
    return fields


def _resolved(value: Any, named: dict[str, dict[str, Any]]) -> Any:
    """A reference to a person elsewhere in the page's graph ({"@id": ".../#author"}, as
    Yoast SEO writes an article's author) as that person. A reference to an organisation
    stays unread: a site's own name is no byline."""
    if isinstance(value, list):
        return [_resolved(v, named) for v in value]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        target = named.get(value["@id"], {})
        kinds = target.get("@type")
        if "Person" in (kinds if isinstance(kinds, list) else [kinds]):
            return target
    return value


def _name(value: Any) -> str | None:
    """A person or organisation name from JSON-LD: a string, an object, or a list of them."""
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        return _clean(value.get("name"))
    text = _clean(value)
    return None if text is None or text.startswith("http") else text


def from_html(root: Element, url: str | None) -> Metadata:
    meta = _meta(root)
    ld = _json_ld_fields(root)
    h1 = next((" ".join(_heading_text(h).split()) for h in root.iter("h1")), None)
    title_tag = next(root.iterdescendants("title"), None)
    page_title = _clean(text_of(title_tag)) if title_tag is not None else None
    site = meta.get("og:site_name") or _name(ld.get("publisher")) or meta.get("application-name")
    canonical = next((link.get("href") for link in root.iter("link")
                      if (link.get("rel") or "").lower() == "canonical" and link.get("href", "").startswith("http")), None)
    url = url or canonical or meta.get("og:url")
    titles = [meta.get("og:title"), _clean(ld.get("headline")), meta.get("twitter:title"), page_title]
    title = _headline([t for t in titles if t], h1, _site_names(site, url))
    author = next((name for name in (meta.get("author"), _name(ld.get("author")), meta.get("article:author"),
                                     meta.get("parsely-author"), meta.get("dc.creator"), meta.get("sailthru.author"))
                   if _is_author(name)), None)
    # The first that reads as a date: a CMS may write one its own way ("Thu, 09/25/2025 - 11:38").
    dates = (meta.get("article:published_time"), _clean(ld.get("datePublished")), meta.get("datepublished"),
             meta.get("publish-date"), meta.get("pubdate"), meta.get("date"), meta.get("dc.date"),
             meta.get("dc.date.issued"), meta.get("sailthru.date"), _clean(ld.get("dateCreated")))
    published = next((found for raw in dates if raw and (found := parse_date(raw))), None) or _time_element(root)
    language = _clean(root.get("lang")) or meta.get("og:locale") or meta.get("content-language")
    declared = (meta.get("og:type") or "").lower()
    return Metadata(
        title=_clean(title),
        author=_clean(author) if author and not author.startswith("http") else None,
        date=published,
        site_name=_clean(site),
        language=language.replace("_", "-").split("-")[0].lower() if language else None,
        url=url,
        # An article if either says so: a CMS gives every page the same og:type.
        page_type="article" if "article" in (declared, ld.get("@type")) else declared or ld.get("@type"),
    )


def _heading_text(heading: Element) -> str:
    """A heading's words without its link to its own place: Sphinx's and MkDocs' "¶", a
    theme's "#" or "🔗" at either end, there to copy the link, not to be read."""
    text = text_of(heading).strip()
    for link in heading.iter("a"):
        glyph = text_of(link).strip()
        if glyph and link.get("href", "").startswith("#") and phrases.is_glyph(glyph) and glyph != text:
            text = text.removesuffix(glyph) if text.endswith(glyph) else text.removeprefix(glyph)
    return text


def _author_elements(root: Element) -> Iterator[Element]:
    """The elements that may hold a byline, in document order: rel="author" links,
    schema.org's itemprop, and the class names themes give bylines ("author-name",
    "c-byline__author", "username"). A walk in Python that stops at the first byline
    found costs half what an XPath over the whole tree did: libxml2's string functions
    on every class attribute were the slow part. Most pages that get here name no
    author anywhere, and are not walked (_may_hold_byline, which reads the same rules)."""
    if not _may_hold_byline(root):
        return
    # Broken markup can leave the document more than one top element (a second <html>).
    tops = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    for top in tops:
        for el in top.iter(lxml.etree.Element):
            # An lxml get() costs about what keys() does (each builds Python strings): the
            # names first, then only the values the element has (a class, an href, seldom
            # a rel or itemprop), rather than four lookups an element. And three substring
            # tests cost a third of a regex search for "author|byline|username".
            keys = el.keys()
            if not keys:
                continue
            names = el.get("class") if "class" in keys else None
            # (BYLINE_CLASS_WORDS written out: a map an element cost 0.4% of a page.)
            if (names and ("author" in names or "byline" in names or "username" in names)
                    or ("rel" in keys or "itemprop" in keys) and "author" in (el.get("rel"), el.get("itemprop"))):
                yield el
            elif "href" in keys and "/" in (href := el.get("href")) and _links_to_its_author_page(el, href):
                yield el


# Each attribute's values over the whole page, as plain strings: one pass of libxml2's over
# the tree each, the tests below then run on the values joined (0.8 ms on a page of 300 KB,
# against 1.8 for a walk in Python). They were EXSLT str:concat joins, as fast, but lxml 6
# leaves about 100 bytes of Python objects behind at every such call: cleaning a stream of
# 100,000 pages in one process grew by 48 MB.
ALL_VALUES = {name: lxml.etree.XPath(f"//@{name}", smart_strings=False) for name in ("class", "rel", "itemprop", "href")}


def _may_hold_byline(root: Element) -> bool:
    """Whether any element's class, rel, itemprop or href can pass _author_elements'
    tests: what each test looks for in one value is in the values joined."""
    classes = "\n".join(ALL_VALUES["class"](root))
    return (any(map(classes.__contains__, BYLINE_CLASS_WORDS))
            or "author" in "\n".join(ALL_VALUES["rel"](root)) or "author" in "\n".join(ALL_VALUES["itemprop"](root))
            or AUTHOR_PAGE_PART.search("\n".join(ALL_VALUES["href"](root))) is not None)


# What class names that mark a byline hold ("author-name", "c-byline__author", "username").
BYLINE_CLASS_WORDS = ("author", "byline", "username")
# An author's page on a site: ".../author/jane-doe/", "/authors/jane-doe", "/contributor/a._j._neal";
# the part up to the name, which any link to one holds (and so the page's links joined).
AUTHOR_PAGE_PART = re.compile(r"/(?:authors?|contributors?|writers?)/", re.I)
AUTHOR_PAGE = re.compile(AUTHOR_PAGE_PART.pattern + r"([^/?#]+)/?(?:[?#]|$)", re.I)


def _links_to_its_author_page(el: Element, href: str) -> bool:
    """A link whose text is the name its author page is named for ("Trevor Jackins" to
    /authors/trevor-jackins): a byline without a class that says so. The name must match,
    so a menu's "Our writers" or an author's other links do not."""
    page = AUTHOR_PAGE.search(href)
    return page is not None and _alnum(text_of(el)) == _alnum(page.group(1))


def _alnum(text: str) -> str:
    """Letters and digits only, case folded: "A. J. Neal" and "a._j._neal" say the same."""
    return "".join(filter(str.isalnum, text.casefold()))


AUTHOR_WORDS = 5
NOT_AUTHORS = frozenset("undefined null none name admin author authors unknown anonymous guest".split())
# A byline's label alone ("Written by", "Follow the author", "Article by:", "Jun 2 Written
# By": cut from the name after it), or a reply's "Jane says:".
AUTHOR_LABEL = re.compile(r"^(?:written|posted|published|edited|reviewed)$|\bthe author\b|\bby:?$", re.I)
# A label the byline patterns do not know, before the name: "Authored by: Dr. Jane Doe".
LABEL_BEFORE_NAME = re.compile(r"^(?:authored|article|story|words|posted|published|reported)\s+by\s*:?\s+", re.I)
# What a template leaves where a name should be: a key of its own ("page.head.extra.author"),
# the tail of a byline whose name is lost (", USA TODAY"), a number (a profile's id). (An
# e-mail address may be all the name a post gives: it stays.)
NOT_A_NAME = re.compile(r"^[\w-]{2,}(?:\.[\w-]{2,}){2,}$|^[,;:.|/–—-]|^[\W\d_]+$")  # the last: no letter at all
SAYS = re.compile(r"\s+(?:says|said|writes|wrote)\s*:?$", re.I)


def _is_author(name: str | None) -> bool:
    """A name as the head or the markup gives it, not a placeholder a template left
    ("undefined", NOT_A_NAME) or a link."""
    return (bool(name) and not name.startswith("http") and name.casefold() not in NOT_AUTHORS  # type: ignore[union-attr]
            and not NOT_A_NAME.search(name))  # type: ignore[arg-type]


def author_in_markup(root: Element) -> str | None:
    """The first byline the markup names, for pages whose head and article head name no
    author: a short line of text ("By Jane Doe", "jdoe"), not an author's bio or a list
    of authors."""
    for el in _author_elements(root):
        text = LABEL_BEFORE_NAME.sub("", " ".join(text_of(el).split()))
        if not text or len(text) > 60:
            continue
        byline = phrases.BYLINE.match(text)
        name = SAYS.sub("", (byline.group("name") or byline.group("reporter")) if byline else text).strip()
        if (1 <= len(name.split()) <= AUTHOR_WORDS and _is_author(name)
                and not AUTHOR_LABEL.search(name) and not phrases.DATE.search(name)
                and not defaults().phrases.is_menu(name)):  # "Sign in" under a "username" class
            return name
    return None


def _headline(titles: list[str], h1: str | None, sites: set[str]) -> str | None:
    """The page's headline. The head's titles (og:title, JSON-LD, <title>) carry the
    site's name ("Headline | Site"), which is cut off; the <h1> is the headline as the
    reader sees it, and wins when it says the same as one of them (a page's first <h1>
    is sometimes its logo or a section's name, which none of them says)."""
    own = [_without_site(t, sites) for t in titles]
    if h1 and len(h1.split()) <= HEADLINE_WORDS and any(_same_title(h1, t) for t in own):
        # Some themes print the whole <title> as the <h1> ("Headline | Site"): the site goes.
        return _without_site(h1, sites) if sites else h1
    return own[0] if own else h1 or None


def host_of(url: str | None) -> str:
    """The URL's host name, lower case; "" for none, or for a URL that does not parse."""
    parts = _url_parts(url)
    return (parts.hostname or "") if parts else ""


def _url_parts(url: str | None) -> SplitResult | None:
    """The URL split into its parts; None for none, or for one that does not parse
    ("http://[::1" from a page's canonical link)."""
    try:
        return urlsplit(url) if url else None
    except ValueError:
        return None


def _site_names(site: str | None, url: str | None) -> set[str]:
    """What the site may call itself in a title, squashed (lower case, no spaces): its
    declared name and the labels of its host ("news.example.co.uk" -> news, example)."""
    names = {_squash(site)} if site else set()
    host = host_of(url)
    names.update(_squash(label) for label in host.split(".") if label not in HOST_NOISE)
    return {name for name in names if name}


def _squash(text: str) -> str:
    return "".join(WORD.findall(text.casefold()))


def _without_site(title: str, sites: set[str]) -> str:
    """'Headline | Site' -> 'Headline', 'Site – Headline' -> 'Headline': the parts that
    name the site go (the whole title stays when every part does). Where the site's name
    is not known (a file without its URL), the longest part is the headline."""
    parts = [part for part in TITLE_PARTS.split(title) if part.strip()]
    if len(parts) < 2:
        return title
    if not sites:
        return max(parts, key=len).strip()
    kept = [part for part in parts if not _names_site(part, sites)]
    if not kept:
        return parts[0].strip()
    # From the first kept part to the last, with whatever separated them.
    return title[title.index(kept[0]):title.rindex(kept[-1]) + len(kept[-1])].strip()


# The most words the last part of a <title> has when it names the site or gives its
# tagline ("| Mountain Bike Reviews Forum", "- Professional Tutoring").
SITE_PART_WORDS = 6


def _without_tagline(title: str) -> str:
    """Scraped text's opening <title> line (known for one by the page's URL) without a last
    part the URL did not tell for the site's name: a short part after a title separator,
    not opening in lower case ("The No. 1 workout of 2024 — and 5 trends to expect" goes on
    with its headline). Without a URL the opening line may be a logo's or a menu's."""
    separator = next(reversed(list(TITLE_PARTS.finditer(title))), None)
    if separator is None:
        return title
    last, head = title[separator.end():].strip(), title[:separator.start()].strip()
    if not last or not head or len(last.split()) > SITE_PART_WORDS or last[:1].islower():
        return title
    return head


# A forum's user name: one token of letters, digits and the marks handles use, with a
# letter in it ("hayley.p", "xJewishNinjax", "b.scherer"), and the display name some
# forums add in brackets ("amondale (Amondale)").
POSTER = re.compile(r"^(?=[\w.-]*[^\W\d_])([\w.-]{2,40})(?:\s+\([^()]{1,60}\))?$")


def _poster_before_date(text: str) -> str | None:
    """The user name a thread's post header gives before its date ("hayley.p 2 May 2025
    18:48"): the one token before the date, not a label ("Posted", "Updated")."""
    date = phrases.DATE.search(text)
    if date is None:
        return None
    poster = POSTER.match(text[:date.start()].strip())
    if poster is None or phrases.DATE_LABEL.match(poster.group(1)) or not _is_author(poster.group(1)):
        return None
    return poster.group(1)


def _names_site(part: str, sites: set[str]) -> bool:
    """A title part that is the site's name, or holds it with a word or two more
    ("Walmart.com", "The Verge", "Example News")."""
    squashed = _squash(part)
    return any(squashed == name or (len(name) >= 4 and name in squashed and len(squashed) <= len(name) + 12)
               or (len(squashed) >= 4 and squashed in name) for name in sites)


def _same_title(a: str, b: str, strict: bool = False) -> bool:
    """Two titles that say the same: one holds the other, or they share half their words.
    `strict`: the one held must be most of the other (a line of text, not an <h1>, which
    is a headline by its tag)."""
    return _same_words(_title_words(a), _title_words(b), strict)


def _title_words(title: str) -> str:
    """A title's words, case folded, a space apart: what _same_words compares."""
    return " ".join(WORD.findall(title.casefold()))


def _same_words(x: str, y: str, strict: bool = False) -> bool:
    """_same_title of two titles' words."""
    if not x or not y:
        return False
    if x in y or y in x:
        return not strict or min(len(x), len(y)) >= 0.6 * max(len(x), len(y))
    wx, wy = set(x.split()), set(y.split())
    return len(wx & wy) >= 0.5 * len(wx | wy)


def summary(root: Element) -> str | None:
    """The page's own account of its content, for pages whose body is drawn by scripts:
    a JSON-LD articleBody or description, else the meta description."""
    for item in _json_ld(root):
        for key in ("articleBody", "text", "description"):
            if text := _clean(item.get(key)):
                return text
    meta = _meta(root)
    return meta.get("og:description") or meta.get("description") or meta.get("twitter:description")


def _time_element(root: Element) -> str | None:
    for el in root.iter("time"):
        value = el.get("datetime") or text_of(el)
        if value and (found := parse_date(value)):
            return found
    return None


def _name_word(word: str, caseless: bool) -> bool:
    """A capitalised word; with `caseless`, a word of a script without capitals too
    (Devanagari, Arabic, Hebrew), whose vowel signs are marks, not letters."""
    if NAME_WORD.match(word) and word[0].isupper():
        return True
    return caseless and word[0].isalpha() and not word[0].islower() and not word[0].isupper() and all(
        c.isalpha() or unicodedata.category(c)[0] == "M" for c in word)


def _looks_like_name(text: str, caseless: bool = False) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and all(_name_word(w, caseless) for w in words)


def author_from_line(text: str, caseless: bool = False) -> str | None:
    """'By Jane Doe, Reuters' -> 'Jane Doe'; 'Jane Doe New Delhi' or 'Jane Doe, Boston'
    -> 'Jane Doe'."""
    m = phrases.BYLINE.match(text)
    if m:
        return (m.group("name") or m.group("reporter")).strip()
    name, comma, place = text.partition(",")
    # "Name, Place": the dateline's place after the one comma (a keyword line has more).
    if comma and "," not in place and 1 <= len(place.split()) <= PLACE_WORDS and all(
            _name_word(w, caseless) for w in place.split()):
        text = name
    if _looks_like_name(text, caseless):
        name = CITIES.sub("", text).strip()
        # Names are rarely longer than three words; the rest is a dateline place.
        return " ".join(name.split()[:2]) if len(name.split()) > 3 else name
    return None


def find_roles(blocks: list[Block], meta: Metadata, guess: bool) -> tuple[list[Block], Metadata]:
    """Find the headline, byline and date among the lines around the article's start and
    mark them with a role, so the body can leave them out; fill in what metadata lacks."""
    content = [i for i, b in enumerate(blocks) if b.label is CONTENT]
    if not content:
        return blocks, meta
    # The article proper starts at its first paragraph of prose; the headline is above it.
    first = next((i for i in content if _is_prose(blocks[i])), content[0])
    out = list(blocks)
    titled = _opening_title(blocks, meta.url) if guess else None  # the line and the title it gives
    anchor = _headline_below(blocks, meta.url) if guess and not meta.title else None
    headline = True  # whether the line at title_at is the headline, or only where the head starts
    if anchor is not None:
        title_at: int | None = anchor
    else:
        known = meta.title or (_echoed_title(blocks, first, meta.url) if guess else None)
        title_at = _find_title(blocks, first, known, guess, meta.url)
        opening = titled if not known else None
        if opening and (title_at is None or title_at == 0 or not _headline_confirmed(blocks, title_at, opening)):
            # A guess weaker than the page's own <title>: that is the title. The guessed
            # line stays in the body, but the article's head is still looked for under it.
            meta = replace(meta, title=_without_tagline(opening))
            headline = title_at == 0
    if title_at is not None and headline:
        if not meta.title:
            title = blocks[title_at].text
            meta = replace(meta, title=_without_tagline(title) if guess and title_at == 0 and meta.url else title)
        # A link post's long title is the whole post: with no other content it stays
        # the body too, rather than leave the page to its best scraps of chrome.
        alone = all(i == title_at for i in content)
        if not (alone and _is_long_title(blocks[title_at])):
            # An echo of the opening <title> says so, for revise.sections.drop_above_headline.
            echo = (TITLE_ECHO,) if title_at == anchor else ()
            out[title_at] = blocks[title_at]._replace(role="title", label=Label.CONTENT,
                                                      reasons=echo + blocks[title_at].reasons)
    # The article head: the few lines after the headline, before the prose gets going.
    head_start = title_at + 1 if title_at is not None else max(0, first - 3)
    prose, bylined = 0, False
    for i in range(head_start, min(len(blocks), head_start + HEAD_LINES)):
        b, f = out[i], out[i].features
        if f is None:
            continue
        if b.label is CONTENT and f.words >= 20 and f.terminal_punctuation:
            prose += 1
            if prose == 2:
                break
        if f.words > DATELINE_WORDS:
            continue
        # Where the markup gave no date, a date under the headline is the article's
        # dateline even where the scorer took its line for chrome ("2026-12-03 09:30
        # Source: ..."). With no headline found, the head is a guess: not there.
        dateline = title_at is not None and not meta.date
        if f.is_date and (phrases.DATE_LABEL.match(b.text) or b.label is CONTENT or guess or dateline):
            meta = meta if meta.date else replace(meta, date=parse_date(b.text))
            # "August 9, 2025 · Jane Doe · 12 comments": a date line may name the author too.
            names = [n for part in PART_SEPARATORS.split(b.text) if (n := author_from_line(part.strip()))]
            if not names:  # a copy may drop the marks between them: "By Jane Doe December 2, 2025"
                parts = PART_SEPARATORS.split(phrases.DATE.sub(" · ", b.text))
                names = [n for part in parts if phrases.BYLINE.match(p := part.strip()) and (n := author_from_line(p))]
            if not names and guess and is_thread(meta.url) and (poster := _poster_before_date(b.text)):
                names = [poster]  # a thread's first post: "amondale (Amondale) November 8, 2024, 7:33pm"
            if names and not meta.author:
                meta = replace(meta, author=names[0])
            out[i] = b._replace(role="date", label=Label.CONTENT)
        elif (not bylined and not f.phrase
              # A table's header row ("Name Price Stock") is no one's name.
              and (f.is_byline or title_at is not None and i - title_at <= GUESSED_BYLINE_REACH
                   and _bare_name(out, i, meta.author, guess))
              and (name := author_from_line(b.text, caseless=guess))):
            meta = meta if meta.author else replace(meta, author=name)
            out[i] = b._replace(role="byline", label=Label.CONTENT)
            # Between the headline and the byline sit the dek, which is the article's,
            # and photo captions and keyword lines, which are not.
            for j in range(head_start, i):
                if out[j].label is CONTENT and out[j].role == "body" and _is_head_matter(out[j]):
                    out[j] = out[j]._replace(role="header")
            bylined = True  # a date line may still follow
    if not meta.author:
        # "Written by" on a line of its own, the name on the next: the author, though the
        # lines keep their labels (the scraped-text model was fitted on them as they are).
        labelled = (_name_under_label(out, i) for i in range(head_start, min(len(out), head_start + HEAD_LINES)))
        meta = replace(meta, author=next((name for name in labelled if name), None))
    if guess and not meta.author:
        # Scraped text's byline may stand far from the headline found, or under the article.
        meta = replace(meta, author=_labelled_author(out, max(content) + AUTHOR_BOX_LINES))
    if title_at is not None and not meta.date:
        out, meta = _date_above(out, title_at, meta)
    # "First Published: ..." lines anywhere after the headline belong to the metadata.
    for i in range(head_start, len(out)):
        f = out[i].features
        if f and f.is_date and phrases.DATE_LABEL.match(out[i].text):
            meta = meta if meta.date else replace(meta, date=parse_date(out[i].text))
            out[i] = out[i]._replace(role="date", label=Label.CONTENT)
    if guess and not meta.date:
        meta = replace(meta, date=_day_above_prose(out, first))
    if titled and len(out) > 1 and out[0].role == "body":
        # The converter's copy of the <title> ("Headline | Site") names the page, it is
        # not a line of it: the headline, if the page shows one, stands under it.
        out[0] = out[0]._replace(label=Label.NAVIGATION, score=min(out[0].score, 0.3),
                                 reasons=(PAGE_TITLE,) + out[0].reasons)
    if len(out) == 1:
        # A page of one line (a rendering that kept only the page's title) is its title
        # or date and its body both: the line is not left out of the text. A sentence
        # pasted alone is no headline, though: its full stop says so.
        out[0] = out[0]._replace(role="body")
        if guess and meta.title == out[0].text and out[0].text.endswith("."):
            meta = replace(meta, title=None)
    return out, meta


# A byline's label on a line of its own, the name on the next: "Written by", "Article by:",
# a forum thread's "Thread starter" (XenForo's, over the opening post's user name), or
# "Author" (a search form's field too: the name after it must look like one).
LONE_BYLINE_LABEL = re.compile(r"^(?:(?:written|posted|published|reported|article|story|words)\s+)?(?P<by>by|thread\s+starter)\s*:?$"
                               r"|^(?:author|autor|auteur|autore|autorin|yazar|автор)\s*:?$", re.I)


def _name_under_label(blocks: list[Block], i: int) -> str | None:
    """The author's name on the line after a lone byline label (LONE_BYLINE_LABEL)."""
    label = LONE_BYLINE_LABEL.match(blocks[i].text)
    if label is None or i + 1 >= len(blocks):
        return None
    text, f = blocks[i + 1].text, blocks[i + 1].features
    if f is None or f.words > AUTHOR_WORDS or f.phrase or f.is_date or not (label.group("by") or _looks_like_name(text)):
        return None
    name = author_from_line("By " + text)
    # A code listing's "GROUP BY" over "DEFAULT", or a table's "By" over "C-": a name has
    # a lower-case letter or more than one word.
    if not name or not any(map(str.islower, name)) and len(name.split()) < 2:
        return None
    return name if _is_author(name) and not AUTHOR_LABEL.search(name) else None


def _labelled_author(blocks: list[Block], end: int) -> str | None:
    """The name under the lone byline labels (LONE_BYLINE_LABEL) of the lines above
    `end`, when they all name the same one: an article's byline away from the headline,
    or its author box after the text. A listing's "by" under each book, or a thread's
    under each post, names many, none of them the page's author."""
    names = [name for i in range(min(end, len(blocks))) if (name := _name_under_label(blocks, i))]
    return names[0] if names and len(set(names)) == 1 else None


def _day_above_prose(blocks: list[Block], first: int) -> str | None:
    """Scraped text's dateline where no headline was found over it, or it stands apart
    from the headline (a date over the headline, a byline and a share bar between): the
    day the date lines just above the article's first prose give, when they all give
    one. Under the prose stand a thread's replies and other stories, each with its own."""
    days = {day for b in blocks[max(0, first - DATE_BEFORE_PROSE):first]
            if (f := b.features) is not None and f.is_date and f.words <= DATELINE_WORDS and (day := parse_date(b.text))}
    return days.pop() if len(days) == 1 else None


def _bare_name(blocks: list[Block], i: int, author: str | None, guess: bool) -> bool:
    """A line just under the headline that is a byline without a "By": in scraped text a
    name that looks like one (_may_be_name); anywhere, the name the markup gave, alone."""
    b = blocks[i]
    return (guess and not b.cells and _may_be_name(blocks, i)
            or author is not None and _squash(b.text) == _squash(author))


def _date_above(blocks: list[Block], title_at: int, meta: Metadata) -> tuple[list[Block], Metadata]:
    """Some sites set the dateline over the headline, under the section's name: with no
    date found below the headline, a date line just above it dates the page."""
    for i in range(title_at - 1, max(-1, title_at - 1 - DATE_ABOVE), -1):
        f = blocks[i].features
        if f is not None and f.is_date and f.words <= DATELINE_WORDS and (date := parse_date(blocks[i].text)):
            dated = list(blocks)
            dated[i] = blocks[i]._replace(role="date", label=Label.CONTENT)
            return dated, replace(meta, date=date)
    return blocks, meta


def site_from_lines(blocks: list[Block]) -> str | None:
    """The site's name from scraped lines: a copyright line ("© 2025 Example Media"), or
    else the masthead, a short capitalised line above the headline."""
    for b in reversed(blocks[-60:]):
        if len(b.text) < 120 and (m := COPYRIGHT.search(b.text)):
            name = LEGAL_FORM.sub("", m.group("name").strip(" -–"))
            # "Copyright © 2004 - 2026 by" with the name on the next line names no one here.
            if name and not name.lower().startswith("all rights") and name.lower() != "by":
                return name
    title_at = next((i for i, b in enumerate(blocks) if b.role == "title"), None)
    for b in blocks[:title_at]:
        f = b.features
        if f and not f.phrase and not f.is_date and _looks_like_masthead(b.text):
            return b.text
    return None


def _looks_like_masthead(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and not any(ch.isdigit() for ch in text) and all(
        w[0].isupper() or w.lower() in MASTHEAD_SMALL_WORDS for w in words) and words[0][0].isupper()


def _may_be_name(blocks: list[Block], i: int) -> bool:
    """A line with no "By" that may still be a byline: one with a news dateline ("Jane
    Doe New Delhi"), or one written in title case, without function words or a full stop
    (unlike "DOWNLOAD THE REPORT", "How Smart", "Get Designer Ready.") that sits where
    bylines do: near a date line, or under the lead photo's caption. A heading in title
    case ("Custom Web Development") under the headline has neither."""
    b, f = blocks[i], blocks[i].features
    if CITIES.search(b.text):
        return True
    near = blocks[max(0, i - NAME_NEAR_DATE):i] + blocks[i + 1:i + 1 + NAME_NEAR_DATE]
    # Where the script has no capitals, only function words tell a phrase from a name;
    # a place after the name may be in the stop list ("Amit Sharma, New Delhi" in Hindi).
    caseless = not any(ch.isupper() for ch in b.text)
    return (f is not None and not b.text.isupper() and not b.text.rstrip().endswith(".")
            and NOT_NAMES.isdisjoint(b.text.lower().split())
            and not (caseless and f.stopword_density >= CASELESS_NAME_STOPWORDS)
            and (any(_is_byline_or_date(n) for n in near)
                 or any(CAPTION.search(n.text) for n in blocks[max(0, i - 2):i])))


def _is_byline_or_date(b: Block) -> bool:
    f = b.features
    return f is not None and (f.is_byline or f.is_date)


def _is_long_title(b: Block) -> bool:
    return b.features is not None and b.features.words >= LONG_TITLE_WORDS and b.features.stopword_density > 0


def _is_head_matter(b: Block) -> bool:
    """A photo caption or a line of keywords (no stop words), as against a dek."""
    return CAPTION.search(b.text) is not None or (b.features is not None and not b.features.stopword_density)


def _is_prose(b: Block) -> bool:
    return b.features is not None and b.features.words >= 20 and b.features.terminal_punctuation


def _headline_below(blocks: list[Block], url: str | None) -> int | None:
    """Where scraped text that opens with the page's <title> ("Headline | Site") has the
    headline again on a line of its own, with prose within the article head's dozen lines
    under it (a byline and a dateline broken over several lines may come first): the
    headline's index. Not in the page's last fifth, where a link to the page itself in
    a footer or a comment would pass for it; a shop's mega-menu may fill the first half."""
    opening = blocks[0].text
    if len(opening.split()) > HEADLINE_WORDS:
        return None
    sites = _site_names(None, url)
    own = _without_site(opening, sites)
    if len(own.split()) < MIN_ANCHOR_WORDS or _names_site(own, sites):
        return None  # "Products", "Blog": a menu's item as much as a headline; or a masthead
    wanted, longest = _squash(own), 2 * len(own) + 20  # no need to squash lines far longer
    at = next((i for i in range(1, len(blocks) * 4 // 5 + 1) if len(wanted) <= len(blocks[i].text) <= longest
               and _squash(blocks[i].text) == wanted and _own_line(blocks, i)), None)
    if at is None or not any(map(_is_prose, blocks[at + 1:at + 1 + HEAD_LINES])):
        return None
    return at


def _opening_title(blocks: list[Block], url: str | None) -> str | None:
    """The page's <title> without the site's name, where scraped text opens with it (a
    converter that keeps the <head>'s title writes it first): a first line that names
    the site in a part of its own ("Headline | Site") or says what the URL's last step
    says ("/products/magnetic-project-mat"). A rendering that starts with the body
    opens with a menu, a logo or a "Skip to content", which do neither. Without the URL
    nothing tells them apart: None."""
    line = blocks[0]
    if line.features is None or line.features.phrase or len(line.text.split()) > HEADLINE_WORDS:
        return None
    sites = _site_names(None, url)
    if _names_site_apart(line.text, sites) or _says_slug(line.text, url):
        return _without_site(line.text, sites)
    return None


def _says_slug(text: str, url: str | None) -> bool:
    """Whether a line holds the words of the URL's last path step ("mens-wool-runners")."""
    return _holds_slug(text, _slug_words(url))


def _slug_words(url: str | None) -> frozenset[str]:
    """The words of the URL's last path step (numbers, ids and hashes, and file endings aside)."""
    parts = _url_parts(url)
    step = next((part for part in reversed(parts.path.split("/")) if part), "") if parts else ""
    return frozenset(w for w in WORD.findall(step.casefold().replace("_", " ")) if w.isalpha()) - FILE_ENDINGS


def _holds_slug(text: str, slug: frozenset[str]) -> bool:
    """Two of the slug's words, or half of a slug of fewer."""
    if not slug:
        return False
    shared = len(slug.intersection(WORD.findall(text.casefold())))
    return shared >= 2 or shared >= len(slug) / 2


def _headline_confirmed(blocks: list[Block], at: int, opening: str) -> bool:
    """Whether a guessed headline holds up beside the page's <title>: it says the same,
    or a byline or a date follows it, as under an article's headline."""
    return _same_title(blocks[at].text, opening) or _byline_or_date_below(blocks, at)


def _byline_or_date_below(blocks: list[Block], i: int) -> bool:
    """Whether a byline or a date line follows the line within BYLINE_REACH lines."""
    return any(_is_byline_or_date(b) for b in blocks[i + 1:i + 1 + BYLINE_REACH])


def _own_line(blocks: list[Block], i: int) -> bool:
    """Not a piece of a sentence a link broke over lines."""
    b = blocks[i]
    return b.group < 0 or b.group == b.index and not (i + 1 < len(blocks) and blocks[i + 1].group == b.group)


def _echoed_title(blocks: list[Block], first: int, url: str | None) -> str | None:
    """Scraped text often opens with the page's <title> ("Headline | Site") and has the
    headline again above the article: that line, when there is one. The line must say
    nearly all the title does (a menu's "Home" is in many titles too)."""
    opening = blocks[0].text if blocks else ""
    if len(opening.split()) > HEADLINE_WORDS:
        return None
    sites = _site_names(None, url)
    titled = _names_site_apart(opening, sites)
    if not (_may_be_title(blocks[0]) or titled):
        return None
    own = _without_site(opening, sites)
    if len(own.split()) < MIN_ANCHOR_WORDS and not (titled or _says_slug(opening, url)):
        return None  # "Forums", "Blog": a menu's first item, echoed by "Forum" or "Blogs" under it
    wanted = _title_words(own)  # once, not once a line
    echoes = [b.text for b in blocks[1: first + HEAD_SCAN]
              if b.text != opening and _same_words(_title_words(b.text), wanted, strict=True)]
    exact = [text for text in echoes if _squash(text) == _squash(own)]
    return next(iter(exact or echoes), None)


def _may_be_title(b: Block) -> bool:
    """Whether a rendering's first line may be the page's <title>: not a list's item or a
    menu's ("* Home", "+ About Us", "Skip to content"), which a rendering that opens with
    the body has there. (One that names the site in a part of its own is the <title>,
    whatever phrase it holds: "Category:Programming languages - Wikipedia".)"""
    f = b.features
    return f is None or not (f.phrase or _is_list_item(b))


def _is_list_item(b: Block) -> bool:
    """A bulleted or numbered line, or inscriptis's second-level item ("+ About Us"; the
    "+" is not among the bullets the features know, which the text model was fitted on)."""
    return b.features is not None and b.features.list_like or b.text.startswith("+ ")


def _names_site_apart(text: str, sites: set[str]) -> bool:
    """Whether a line names the site in a part of its own ("Headline | Site")."""
    parts = [part for part in TITLE_PARTS.split(text) if part.strip()]
    return len(parts) >= 2 and any(_names_site(part, sites) for part in parts)


def _find_title(blocks: list[Block], first: int, known: str | None, guess: bool,
                url: str | None = None) -> int | None:
    """The headline: the known title if it is on the page, else (for scraped text, which
    has no markup to say so) the likeliest heading just before the article starts."""
    if known:
        wanted = known.lower().strip()
        found = [i for i, b in enumerate(blocks[: first + HEAD_SCAN]) if b.text.lower().strip() == wanted]
        if found:
            # A menu item may carry the page's name too (a docs site's tree): the <h1>
            # wins, then a line kept as content, then the first.
            return min(found, key=lambda i: (blocks[i].tag != "h1", blocks[i].label is not CONTENT, i))
    if not guess:
        return next((i for i, b in enumerate(blocks[: first + HEAD_SCAN]) if b.tag == "h1"), None)
    best, best_score = None, 0.0
    sites, slug_words = _site_names(None, url), _slug_words(url)  # once a page, not once a line
    scored: dict[int, int] = {}  # the lines that may be the headline, and their words
    for i in range(max(0, first - HEAD_SCAN), min(len(blocks), first + 1)):
        b, f = blocks[i], blocks[i].features
        words = len(b.text.split())  # the line's own, not its sentence group's
        if not b.text.isascii():  # Thai or Chinese put few spaces between words, if any
            words = max(words, word_count(b.text))
        if f is None or f.phrase or f.is_date or f.link_density > 0.5 or words > 30 or b.cells:
            continue  # (a table's row, a header row too, is no headline)
        slug = _holds_slug(b.text, slug_words) and not _names_site_apart(b.text, sites)
        if words < 3 and not slug:
            continue  # a menu's item or a label, unless it says what the URL says ("Standing desks")
        if _is_list_item(b) and not f.is_heading or BREADCRUMB.search(b.text):
            continue  # a menu's item ("* Local news"; a numbered heading, "5. Data Structures", may be one), a trail
        if b.text.endswith((".", "!")) and words > 12 or CAPTION.search(b.text) or RATING.search(b.text):
            continue  # a sentence, a photo caption or a product's rating, not a headline
        if not _own_line(blocks, i):
            continue  # a piece of a sentence broken over lines
        score = min(words, 12) / 12 + (1.0 if f.is_heading else 0.0) + (0.5 if b.tag == "h1" else 0.0)
        score -= 0.6 if words > 20 or SENTENCE_BREAK.search(b.text) else 0.0  # a standfirst, not a headline
        score -= SENTENCE_END_PENALTY if b.text.endswith(".") and not b.text.endswith("..") else 0.0
        # The headline sits near the article, above its standfirst: among close lines
        # the first good one wins, farther up lines lose a little for each step.
        score -= 0.02 * max(0, first - i - HEADLINE_NEAR)
        if _byline_or_date_below(blocks, i):
            score += 0.5  # and a byline or a date follows it
        if slug:
            score += SLUG_BONUS
        scored[i] = words
        if score > best_score:
            best, best_score = i, score
    # A standfirst sits between the headline and the byline and runs longer than the
    # headline: the line above it, shorter, is the headline. (The line above must be
    # content: a menu item or a section label stands there too. Under the standfirst
    # comes the byline, or a bare name and then the dateline.)
    above = best - 1 if best is not None else -1
    if (above in scored and scored[above] < scored[above + 1] and blocks[above].label is CONTENT
            and any(_is_byline_or_date(b) for b in blocks[above + 2:above + 4])):
        return above
    if best is not None:
        # A line that ends with another candidate's words after two or more capitalised
        # ones is that line with a trail in front ("Home Glossary Mobile App What is a
        # Mobile App?", a breadcrumb whose marks a copy dropped): the other is the headline.
        chosen = blocks[best].text
        return next((i for i in scored if i != best and chosen.endswith(" " + blocks[i].text)
                     and _is_trail(chosen[:-len(blocks[i].text)])), best)
    return best


def _is_trail(text: str) -> bool:
    """Two or more words, each capitalised (or a mark between them): "Home Glossary", "Blog /"."""
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return len(words) >= 2 and all(w[0].isupper() for w in words)
