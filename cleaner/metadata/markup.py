"""What a page's markup declares: title, author, date, site name, language and type from
its head and JSON-LD, a byline from its elements (rel=author, itemprop, class "byline"),
its summary."""
from __future__ import annotations

import html
import json
import re
from typing import Any, Iterator

import lxml.etree

from .. import phrases
from ..dates import parse_date
from ..decode import CHARACTER_REFERENCE
from ..records import Metadata
from ..rules import defaults
from ..segment import Element, text_of
from .names import AUTHOR_LABEL, AUTHOR_WORDS, is_author
from .titles import best_headline, site_names


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())  # str.split breaks where \s matches, at a fifth of a regex sub's cost
    if "&" in value and CHARACTER_REFERENCE.search(value):  # escaped twice by the CMS: "TFC8&amp;reg;"
        value = html.unescape(value)
    return value or None


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
    title = best_headline([t for t in titles if t], h1, site_names(site, url))
    author = next((name for name in (meta.get("author"), _name(ld.get("author")), meta.get("article:author"),
                                     meta.get("parsely-author"), meta.get("dc.creator"), meta.get("sailthru.author"))
                   if is_author(name)), None)
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


# A label the byline patterns do not know, before the name: "Authored by: Dr. Jane Doe".
LABEL_BEFORE_NAME = re.compile(r"^(?:authored|article|story|words|posted|published|reported)\s+by\s*:?\s+", re.I)


SAYS = re.compile(r"\s+(?:says|said|writes|wrote)\s*:?$", re.I)


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
        if (1 <= len(name.split()) <= AUTHOR_WORDS and is_author(name)
                and not AUTHOR_LABEL.search(name) and not phrases.DATE.search(name)
                and not defaults().phrases.is_menu(name)):  # "Sign in" under a "username" class
            return name
    return None


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
