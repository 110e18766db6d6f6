"""RSS and Atom feeds as pages: a feed is a listing of its items, each a headline, a date
and a summary whose HTML the feed carries escaped. Read as HTML, a feed's <title>s are
dropped (a page's <title> is not its text), its <link>s lose their URLs to the text and
the summaries come out as markup ("<p>The council voted..."); so a feed is turned into
the HTML page it stands for, and that page is cleaned as any other."""
from __future__ import annotations

import re
from html import escape

import lxml.etree

from .segment import XML_DECLARATION

# The root element of RSS 2.0/0.9x, RSS 1.0 (RDF) and Atom, after any XML declaration,
# comments, processing instructions (stylesheets) and doctype. Each of those is matched
# atomically (a comment ends at its first "-->"): left free to run on into the next, a
# page opening with n comments costs 2^n tries (30 comments: minutes).
FEED_START = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?><!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>)\s*)*+"
    r"<(?:rss\b|rdf:RDF\b|feed\b[^>]*http://www\.w3\.org/2005/Atom)", re.S | re.I)
# Entities are not resolved and nothing is fetched: a feed is data from elsewhere.
PARSER = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
# Where each field of an item may be, by local name, best first.
ITEM_TAGS = ("item", "entry")
TITLE = ("title",)
DATE = ("pubDate", "published", "updated", "date")
BODY = ("encoded", "content", "description", "summary")  # content:encoded holds the whole post


def is_feed(text: str) -> bool:
    """Whether the text is an RSS or Atom feed (from how it starts)."""
    return FEED_START.match(text[:4096]) is not None


# A character reference to a UTF-16 surrogate (&#xD800;): libxml2, recovering, keeps it as
# bytes no Python string can hold, and reading that element's text raises.
NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _surrogate_replaced(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else match.group(0)


def feed_to_html(text: str) -> str | None:
    """The page a feed stands for: its title and description, then one <article> per
    item. None when the XML does not parse into a tree."""
    text = XML_DECLARATION.sub("", text)
    if "&#" in text:
        text = NUMERIC_REFERENCE.sub(_surrogate_replaced, text)
    try:
        root = lxml.etree.fromstring(text, parser=PARSER)
    except (lxml.etree.LxmlError, ValueError):
        return None
    if root is None:
        return None
    # Entities a feed declares itself are left unresolved (an external one would read a
    # file): their references are dropped, not shown as "&name;".
    lxml.etree.strip_elements(root, lxml.etree.Entity, with_tail=False)
    channel = _first_child(root, ("channel",))
    channel = root if channel is None else channel
    title = _text(channel, TITLE)
    parts = [f"<html><head><title>{escape(title)}</title></head><body>"]
    if title:
        parts.append(f"<h1>{escape(title)}</h1>")
    about = _text(channel, ("description", "subtitle"))
    if about:
        parts.append(f"<p>{escape(about)}</p>")
    for item in (el for el in root.iter() if _local(el) in ITEM_TAGS):
        parts.append("<article>")
        headline, date = _text(item, TITLE), _text(item, DATE)
        if headline:  # not a link: in a feed the headline is the item's, not a teaser for elsewhere
            parts.append(f"<h2>{headline if _is_markup(item, TITLE) else escape(headline)}</h2>")
        if date:
            parts.append(f"<p><time>{escape(date)}</time></p>")
        body = _body(item)
        if body:
            # The summary's markup is the item's own (escaped in the feed, or CDATA): it is
            # parsed as HTML with the rest of the page.
            parts.append(body)
        parts.append("</article>")
    parts.append("</body></html>")
    return "".join(parts)


def _local(el: lxml.etree._Element) -> str:
    """An element's name without its namespace or prefix ('{...content/}encoded' -> 'encoded').
    Not lxml's QName: recovered XML can hold a prefix bound to no namespace ('content:encoded')."""
    return el.tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1] if isinstance(el.tag, str) else ""


def _first_child(el: lxml.etree._Element, names: tuple[str, ...]) -> lxml.etree._Element | None:
    for name in names:
        for child in el:
            if _local(child) == name:
                return child
    return None


def _text(el: lxml.etree._Element, names: tuple[str, ...]) -> str:
    """The text of the first child with one of these names (tried in order) that has any."""
    for name in names:
        for child in el:
            if _local(child) == name:
                text = "".join(child.itertext()).strip()
                if text:
                    return text
    return ""


def _is_markup(el: lxml.etree._Element, names: tuple[str, ...]) -> bool:
    """Whether Atom says the field holds HTML (type="html"), escaped inside the text."""
    child = _first_child(el, names)
    return child is not None and child.get("type") == "html"


def _body(item: lxml.etree._Element) -> str:
    """An item's HTML: escaped in the text (RSS, Atom's type="html"), or, in Atom's
    type="xhtml", as elements of its own."""
    for name in BODY:
        for child in item:
            if _local(child) != name:
                continue
            if child.get("type") == "xhtml" and len(child):
                # Atom wraps the markup in one <div>: its children are the item's.
                inner = child[0] if len(child) == 1 and _local(child[0]) == "div" else child
                return (inner.text or "") + "".join(
                    lxml.etree.tostring(el, method="html", encoding="unicode") for el in inner)
            text = "".join(child.itertext()).strip()
            if text:
                return text
    return ""
