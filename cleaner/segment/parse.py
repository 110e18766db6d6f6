"""HTML into a tree: told from scraped text (sniff), parsed by libxml2 with what it
cannot take made safe first (thousands of attributes, a streamed page's moved parts),
and checked for text the parser lost."""
from __future__ import annotations

import re
from html import unescape
from typing import Any, TypeAlias

import lxml.etree

from .. import markdown_input
from ..records import Block, Kind

# Comments go at parse time: the tree walk never visits them, and the text that follows
# one (a server-rendered page's `<!--[--> 6-person`) would be lost with them.
# Nothing looks elements up by id (XPath's id(), getElementById): libxml2 is spared the
# table of every id on the page (parsing 5% faster).
PARSE_OPTIONS: dict[str, Any] = {"remove_comments": True, "remove_pis": True, "collect_ids": False}
PARSER = lxml.etree.HTMLParser(**PARSE_OPTIONS)
# The plain etree parser, not lxml.html's: that one calls back into Python to choose a
# class for every element the walk touches, and nothing here needs its methods.
Element: TypeAlias = lxml.etree._Element
text_of = lxml.etree.XPath("string()")  # an element's text with its descendants'


INVISIBLE_START = re.compile(r"<(script|style|template|svg|head|noscript)\b|<!--", re.I)
BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|td|th|section|article|header|footer|nav|ul|ol|table|blockquote|pre)\b[^>]*>", re.I)
ANY_TAG = re.compile(r"<[^>]*>")
LOST_TEXT_CHECK = 2000  # pages whose blocks hold this many characters are taken as parsed
LOST_TEXT_SHARE = 0.2


# Comments before the first tag, each read once, atomically (a comment ends at its first
# "-->"; left free to run on into the next, n comments cost 2^n tries: see feeds.FEED_START).
LEADING_COMMENTS = r"\A\s*(?:(?><!--.*?-->)\s*)*"
HTML_START = re.compile(
    LEADING_COMMENTS + r"<(?:!doctype\s+html|\?xml|html|head|body|meta|title|link|frameset|!--|"
    r"(?:p|div|span|section|article|main|header|footer|nav|aside|h[1-6]|table|ul|ol|dl|form|script|style|a|br|img|svg)"
    r"(?:>|/>|\s+[a-z/]))",
    re.I | re.S,
)  # a page, or a fragment that opens with an element: scraped text does not start with "<p>".
# Only the tag's name is read: its attributes may run to kilobytes (a framework's state).
HTML_TAG = re.compile(r"</?(html|head|body|div|p|span|a|br|li|ul|td|tr|table|meta|script|link|img|h[1-6])\b[^>]*>", re.I)


# The start of a whole page, not a fragment: Markdown never opens with these.
PAGE_START = re.compile(LEADING_COMMENTS + r"<(?:!doctype\s+html|\?xml|html|head|body|frameset)\b", re.I | re.S)


def _markdown_with_html(text: str) -> bool:
    """Markdown (links and a heading of its own) whose tags mostly stand on lines of
    their own, as its HTML blocks do; an HTML fragment has its tags inside its lines of
    text (`<p>Text <a>link</a></p>`)."""
    if not (markdown_input.is_markdown(text) and markdown_input.HEADING_SIGN.search(text)):
        return False
    tagged = [line for line in text.splitlines() if "<" in line and HTML_TAG.search(line)]
    return sum(1 for line in tagged if markdown_input.TAG_LINE.match(line)) * 2 >= len(tagged)


def sniff(text: str) -> Kind:
    """HTML when the text starts like a page, or starts with a tag or is thick with tags
    and is not Markdown holding HTML blocks (a README's centred logo, the divs Pandoc's
    GitHub Markdown passes through); scraped text otherwise."""
    head = text[:20000]
    if PAGE_START.match(head):
        return Kind.HTML
    if not HTML_START.match(text[:2048]):
        tags = len(HTML_TAG.findall(head))
        if tags < 8 or tags * 40 <= len(head.splitlines()) * 10:
            return Kind.TEXT
    return Kind.TEXT if _markdown_with_html(head) else Kind.HTML


def strip_tags(html: str) -> str:
    """The text of a page without a parser: invisible elements dropped, block tags made
    line breaks, other tags removed, entities decoded."""
    html = _drop_invisible(html)
    html = BLOCK_TAG.sub("\n", html)
    return unescape(ANY_TAG.sub("", html))


def _drop_invisible(html: str) -> str:
    """The page without scripts, styles, comments and the like. One pass, each element's
    end looked up from its start: a lazy `<script>.*?</script>` regex would rescan the
    rest of the page from every unclosed start tag (quadratic on a hostile page). As in a
    browser, an element that is never closed hides the rest of the page."""
    lower, kept, pos = html.lower(), [], 0
    while (start := INVISIBLE_START.search(html, pos)) is not None:
        kept.append(html[pos:start.start()])
        if start.group(1):
            end = lower.find(f"</{start.group(1).lower()}", start.end())
            end = lower.find(">", end) + 1 if end >= 0 else 0
        else:
            end = lower.find("-->", start.end())
            end = end + 3 if end >= 0 else 0
        if end <= 0:
            return " ".join(kept)
        kept.append(" ")
        pos = end
    kept.append(html[pos:])
    return "".join(kept)


def parser_lost_text(blocks: list[Block], html: str) -> bool:
    """Whether the parsed blocks hold far less text than the page does."""
    kept = sum(len(b.text) for b in blocks)
    if kept >= LOST_TEXT_CHECK:
        return False  # the common case, decided without scanning the page again
    raw = len(" ".join(strip_tags(html).split()))
    return raw > 0 and kept < raw * LOST_TEXT_SHARE


# lxml refuses str input that carries an encoding declaration: it is stripped first.
XML_DECLARATION = re.compile(r"\A\ufeff?\s*<\?xml[^>]*\?>")
# The same parser for the page encoded as UTF-8. lxml hands libxml2 a str as UCS-4 (any
# page with a character past Latin-1), which it converts first; UTF-8 bytes parse a
# tenth faster, to the same tree. The encoding is given, so a <meta charset> cannot
# override it: the text is decoded already.
UTF8_PARSER = lxml.etree.HTMLParser(encoding="utf-8", **PARSE_OPTIONS)


def parse_html(text: str) -> Element | None:
    """The page's tree, or None when libxml2 makes none of it."""
    text = _cap_attributes(XML_DECLARATION.sub("", text))
    try:
        data, parser = _parser_input(text)
        root = lxml.etree.fromstring(data, parser=parser)
    except (lxml.etree.LxmlError, ValueError):
        return None
    if root is not None:
        _parse_raw_markup(root)
        _place_streamed(root)
    return root


# libxml2 checks each attribute of an element against every one before it: an element of
# 40,000 attributes (270 KB) takes it 2 s, of 100,000 18 s. No page needs a thousand; past
# that the rest are dropped before parsing. Only a stretch this long without a '>' can
# hold a tag of over about 5,000 attributes (a tag shorter than that parses in 0.05 s).
MAX_ATTRIBUTES = 1000
LONG_TAG_CHARS = 32_768
_ATTRIBUTE = r"""\s++[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'<>=`]++))?+"""
MANY_ATTRIBUTES = re.compile(rf"(<[A-Za-z][^\s/<>]*+(?:{_ATTRIBUTE}){{{MAX_ATTRIBUTES}}})(?:{_ATTRIBUTE})*+")


def _cap_attributes(text: str) -> str:
    """The page with no tag of more than MAX_ATTRIBUTES attributes. Looking for a long
    stretch without a '>' costs a few rfinds a page; only such a stretch is searched."""
    pieces, done, start = [], 0, 0
    while True:
        window_end = start + LONG_TAG_CHARS
        if window_end >= len(text):
            break
        last = text.rfind(">", start, window_end)
        if last >= 0:  # every stretch before it is shorter
            start = last + 1
            continue
        end = text.find(">", window_end)
        end = len(text) if end < 0 else end
        if MANY_ATTRIBUTES.search(text, start, end):  # most such stretches are a script's data
            pieces += [text[done:start], MANY_ATTRIBUTES.sub(r"\1", text[start:end])]
            done = end
        start = end
    return "".join(pieces) + text[done:] if pieces else text


# React's streamed HTML: a part that finished late is sent at the end of the page in a
# hidden <div id="S:4">, and a script call, $RC("B:4","S:4") (a Suspense boundary's
# content) or $RS("S:5","P:5") (a segment's), moves it to its <template id="B:4"> in the
# text. Before the move the article's code samples, a listing's cards, sit after the
# footer.
# (A boundary's fallback, a spinner, runs to a closing comment the parser has dropped: it
# stays, and is mostly empty.)
STREAMED_MOVE = re.compile(r'\$R[CS]\("([^"]+)","([^"]+)"\)')


def _place_streamed(root: Element) -> None:
    """Each streamed part put where the page's scripts would put it (see STREAMED_MOVE).
    Asked of the tree, as _parse_raw_markup asks: a page with no <template> costs one walk
    of its elements in C (about 0.2 ms), where a search of its text for the calls read
    all of it in Python."""
    if next(root.iter("template"), None) is None:
        return
    moves = [move for script in root.iter("script") if script.text and "$R" in script.text
             for move in STREAMED_MOVE.findall(script.text)]
    if not moves:
        return
    places = {el.get("id"): el for el in root.iter("template", "div") if el.get("id", "")[1:2] == ":"}
    for first, second in moves:  # $RC names the place first, $RS the part
        target, source = places.get(first), places.get(second)
        if source is not None and source.tag == "template":
            target, source = source, target
        if (target is None or source is None or target.getparent() is None or source.getparent() is None
                or any(el is source for el in target.iterancestors())):
            continue  # a part that would hold its own place: a broken page's, left as it is
        for name in ("hidden", "id"):
            source.attrib.pop(name, None)
        _keep_tail(source)  # what followed the hidden part stays where it was
        source.tail, target.tail = target.tail, None  # and what followed the template follows the part
        target.addnext(source)
        target.getparent().remove(target)


def _keep_tail(el: Element) -> None:
    """Leave the text after an element where it is, before the element moves."""
    if el.tail:
        before, parent = el.getprevious(), el.getparent()
        if before is not None:
            before.tail = (before.tail or "") + el.tail
        elif parent is not None:
            parent.text = (parent.text or "") + el.tail
        el.tail = None


def _parser_input(text: str) -> tuple[str | bytes, lxml.etree.HTMLParser]:
    """The page as UTF-8 for UTF8_PARSER; as the str it is where lxml has a say of its
    own (an XML declaration left, which it refuses) or UTF-8 cannot hold it (a lone
    surrogate)."""
    if not text.startswith("<?xml"):
        try:
            return text.encode("utf-8"), UTF8_PARSER
        except UnicodeEncodeError:
            pass
    return text, PARSER


def _parse_raw_markup(root: Element) -> None:
    """Parse the raw text of <noframes> and <noembed> into elements of their own.
    libxml2 keeps what they hold as one raw string, its tags and all; a frameset page's
    <noframes> is the only text it has. (Asking the tree costs next to nothing when the
    page has neither: lxml finds the names missing from the document's dictionary. A
    case-blind search of the page's text took 2% of the time of a page.)"""
    for el in root.iter("noframes", "noembed"):
        if not (el.text and "<" in el.text):
            continue
        try:
            parsed = lxml.etree.fromstring(f"<html><body>{el.text}</body></html>", parser=PARSER)
        except (lxml.etree.LxmlError, ValueError):
            continue  # left as the text it is
        holder = parsed.find("body") if parsed is not None else None
        if holder is not None:
            el.text = holder.text
            el.extend(list(holder))
