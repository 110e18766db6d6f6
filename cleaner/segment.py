"""Split a page into blocks: scraped text into lines, HTML into DOM blocks with their cues."""
from __future__ import annotations

import functools
import re
from html import unescape
from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

import lxml.etree

from . import dumps, markdown_input, wrapping
from .markdown_input import Line
from .decode import INVISIBLE, nfc
from .memo import remember
from .options import Phrases, Selectors
from .phrases import BULLET, BYLINE, HEADING_TAGS, PERMALINK_GLYPHS, ends_sentence, is_glyph, without_permalink
from .records import Block, Kind
from .rules import defaults

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

# Elements whose text is never page content.
SKIPPED = frozenset(
    "script style template svg math iframe object embed canvas head title "
    "button select option datalist textarea input".split()
)
LIST_TAGS = frozenset(("ul", "ol", "menu"))
# Elements the walk does more with than open and close: lists, links, headings, rows, <pre>.
TRACKED_TAGS = LIST_TAGS | {"a", "tr", "pre"} | HEADING_TAGS
# Elements that start a new block.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav "
    "ol p pre section summary table tbody td tfoot th thead tr ul br caption".split()
)
# A table cell holding any of these is layout, not data: the row is not kept as one block.
LAYOUT_INSIDE_CELL = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "pre", "blockquote")

# Whitespace runs become one space with " ".join(text.split()): str.split breaks where
# \s matches, four times as fast as a regex sub.
INVISIBLE_START = re.compile(r"<(script|style|template|svg|head|noscript)\b|<!--", re.I)
BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|td|th|section|article|header|footer|nav|ul|ol|table|blockquote|pre)\b[^>]*>", re.I)
ANY_TAG = re.compile(r"<[^>]*>")
LOST_TEXT_CHECK = 2000  # pages whose blocks hold this many characters are taken as parsed
LOST_TEXT_SHARE = 0.2
# Line-breaking converters cut sentences at inline elements: the next line then starts
# in lower case or with punctuation, or this one ends on a comma or a function word.
# The characters such a line starts with, as a set: a lookup costs a third of a regex match.
CONTINUATION_FIRST = frozenset(",.;:!?)]»”’%" + "".join(
    chr(c) for first, last in (("a", "z"), ("ß", "ö"), ("ø", "ÿ"), ("а", "я")) for c in range(ord(first), ord(last) + 1)))
# The function words in lower case or capitalised, not in capitals: "6:45 p.m. ET" ends
# on a time zone, not on French "et".
OPEN_WORDS = ("a an the of to in on for and or but by with at from as is are was were be that this these our "
              "your their his her its via into than de la le les des du el los las y et und der die das den "
              "dem mit von zu и в на с").split()
OPEN_END = re.compile(r"(?:[,(\[«“‘–—-]|\b(?:%s))$" % "|".join(OPEN_WORDS + [w.capitalize() for w in OPEN_WORDS]))
# How far from its end a line can match OPEN_END: its longest word, and a final newline
# that $ may stand before (\b still sees the character before where the search starts).
OPEN_END_REACH = max(map(len, OPEN_WORDS)) + 1
# The characters a line that matches OPEN_END can end with (a newline too, which $ may
# stand before): a set lookup rules out many lines before the regex is asked.
OPEN_END_LAST = frozenset(",([«“‘–—-\n" + "".join(w[-1] for w in OPEN_WORDS + [w.capitalize() for w in OPEN_WORDS]))
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


def split_lines(text: str, phrases: Phrases | None = None, markdown: bool = False) -> list[Block]:
    """One block per non-blank line of scraped text. A line that carries on the sentence
    of the line before (a converter broke it at a link or a bold word) shares its group;
    a whole line of menu words (Phrases.is_menu) never does. In hard-wrapped
    text, the lines a wrapper broke a paragraph into are one line again (wrapping.py).
    Text is read as Markdown when `markdown` says so or its marks show it
    (markdown_input.is_markdown); there headings, list items and table rows start their
    own group."""
    is_menu = (phrases or defaults().phrases).is_menu
    references = -1 if markdown else dumps.references_start(text)
    if references >= 0:
        text = text[:references]  # a text browser's list of the links' addresses
    width = wrapping.wrap_width(text)
    lines: Iterator[tuple[Line | None, bool]]
    if markdown or markdown_input.is_markdown(text):
        lines = ((line, False) for line in markdown_input.read(text, width))  # read joins wrapped lines itself
    else:
        lines = _plain_lines(text, width, dump=references >= 0)
    blocks: list[Block] = []
    # The lines a wrapper broke off the last block: the wrapper's line breaks, not the
    # page's, so the paragraph is one line again, as Markdown's reader joins it (once it
    # is whole: joined line by line, a long paragraph would be copied once a line).
    tail: list[Line] = []
    group, previous_text, previous_tag, blank = 0, "", "line", True
    for line, wrapped in lines:
        if line is None:
            blank = True
            continue
        if wrapped and not blank and blocks and blocks[-1].tag in ("line", "li"):
            tail.append(line)
            continue
        if tail:
            previous_text, previous_tag = _join_tail(blocks, tail)
        # The line's fields unpacked at once: a named tuple's field read by name is an
        # attribute lookup each (five of them a line cost 3% of the split).
        text, tag, link_chars, ordered, cells = line
        if blank or not (wrapped or (tag == previous_tag == "line" and _continues(previous_text, text, is_menu))):
            group = len(blocks)
        # Built as the tuple it is, as _BlockCollector.flush builds HTML's blocks (Block's
        # own __new__ takes keywords, at three times the cost): no DOM path, no rule.
        blocks.append(tuple.__new__(Block, (len(blocks), text, tag, NO_PATH, NO_ANCESTORS, link_chars,
                                            group, cells, ordered, NO_RULE) + UNSCORED))
        previous_text, previous_tag, blank = text, tag, False
    if tail:
        _join_tail(blocks, tail)
    return blocks


def _join_tail(blocks: list[Block], tail: list[Line]) -> tuple[str, str]:
    """The last block with the wrapped lines after it joined on (the tail is emptied); its
    text and tag, which the next line is compared with."""
    last = blocks[-1]
    blocks[-1] = last = last._replace(text=" ".join([last.text, *(line.text for line in tail)]),
                                      link_chars=last.link_chars + sum(line.link_chars for line in tail))
    tail.clear()
    return last.text, last.tag


# A code fence in plain text: backticks only (a line of tildes is as often a divider).
CODE_FENCE = re.compile(r"^\s{0,3}```[^`]*$")


# The fields of a plain line after its text, tag and links, at Line's defaults.
assert Line._fields[:3] == ("text", "tag", "link_chars")
PLAIN_LINE_REST = tuple(Line._field_defaults[name] for name in Line._fields[3:])


def _plain_lines(text: str, width: int, dump: bool = False) -> Iterator[tuple[Line | None, bool]]:
    """Each line of plain scraped text (None when blank), and whether a wrapper broke it
    off the line before. A text browser's `dump` is read back (dumps.py)."""
    previous_raw = ""
    code: list[str] | None = None  # inside a ``` fence: its lines are one block, as <pre> is
    for raw in text.split("\n"):
        if "```" in raw and CODE_FENCE.match(raw):  # (a substring search rules out most lines)
            if code is not None and (block := markdown_input.code_block(code)):
                yield block, False
            code = [] if code is None else None
            yield None, False
            continue
        if code is not None:
            code.append(raw)
            continue
        if "\t" in raw and (row := _tab_row(raw)) is not None:
            yield row, False
            previous_raw = raw
            continue
        line = " ".join(raw.split())
        if not line:
            yield None, False
            continue
        if line.endswith(PERMALINK_GLYPHS):  # (asked here: a call a line cost 1.5% of the split)
            line = without_permalink(line)
            if not line:
                continue  # a heading's permalink glyph alone on its line: no line of the page
        shown, links, item = line, 0, False
        if dump:
            item = dumps.is_item(raw)
            shown, links = dumps.unmark(line, item)
            if not shown:
                continue  # a line of form controls alone is no line of the page
        # The wrapper measured the line as it stood (a dump's with its link numbers).
        wrapped = bool(width) and wrapping.wrapped(previous_raw, line, width) and not (item or BULLET.match(shown))
        # Built as the tuple it is: a named tuple's own __new__ is a Python function, a call
        # that cost 3% of the split.
        yield tuple.__new__(Line, (shown, "li" if item else "line", links) + PLAIN_LINE_REST), wrapped
        previous_raw = raw
    if code is not None:  # a fence left open to the end: its lines are lines after all
        for raw in code:
            line = " ".join(raw.split())
            yield (Line(line) if line else None), False


def _tab_row(raw: str) -> Line | None:
    """A line whose cells are set apart by tabs, as a browser's copy-paste gives a table
    row: a row of its own, never a sentence running on. Tabs that only indent are not cells."""
    cells = tuple(" ".join(cell.split()) for cell in raw.strip().split("\t"))
    filled = [cell for cell in cells if cell]
    if len(filled) < 2:
        return None
    # The text keeps the page's words as they stand (a space for each run of tabs); the
    # cells carry the table to the writers.
    return Line(" ".join(filled), tag="tr", cells=cells)


# A byline is a name or two after its label: "di Marco Rossi", "by Jane Doe and Li Wei".
BYLINE_WORDS = 6


# A forum user's handle alone on its line: a word with an underscore or an @, or letters
# and then digits ("mike77"; not a version, "v1.15").
HANDLE = re.compile(r"^(?:@?[^\W\d_]+(?:_[^\W_]+)+|@[^\W\d_]\w*|[^\W\d_]{2,}\d{2,})$")


def _ends_open(text: str) -> bool:
    """Whether the text ends on OPEN_END, looked for near its end only: a search for a
    pattern that ends at $ tries every character of a long line as its start."""
    return text[-1:] in OPEN_END_LAST and OPEN_END.search(text, max(0, len(text) - OPEN_END_REACH)) is not None


def _continues(previous: str, line: str, is_menu: Callable[[str], bool]) -> bool:
    # The line's start or the line above's end first: most lines stop there.
    if not (line[:1] in CONTINUATION_FIRST or _ends_open(previous)) or ends_sentence(previous):
        return False
    # A byline written in lower case ("di Marco Rossi") under a standfirst starts a line
    # of its own: it does not carry on the standfirst's sentence.
    if len(line.split()) <= BYLINE_WORDS and BYLINE.match(line):
        return False
    # Nor does a user name ("klaus_r", "@jdoe", "mike77") over a forum post, unless the
    # line above is a sentence's open start ("Call the" / "read_csv" / "function").
    if HANDLE.match(line) and not _ends_open(previous):
        return False
    # Menu items, whatever word they end on ("Sign in" / "Write"): asked last, as the
    # menu pattern is the longest and most lines have stopped at the tests above.
    return not (is_menu(previous) or is_menu(line))


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


# Path steps _cue remembers: only those whose attributes are this short (a framework's
# kilobytes of classes are not kept).
STEP_KEY_CHARS = 500
_steps: dict[tuple[Any, str | None, str | None, str | None], str] = {}


def _cue(el: Element, names: str | None) -> str:
    """The element's path step (see _step), given its class attribute as the walk read
    it. Pages repeat their steps (every item of a list, every card of a feed) and sites
    theirs across pages, so each is built once a process: a look-up costs the attribute
    reads alone. (A dict of tuples of strings, which the garbage collector stops tracking.)"""
    ident, role = el.get("id"), el.get("role")
    key = (el.tag, ident, names, role)
    step = _steps.get(key)
    if step is None:
        step = _step(*key)
        if len(ident or "") + len(names or "") + len(role or "") <= STEP_KEY_CHARS:
            remember(_steps, key, step)
    return step


def _step(tag: Any, ident: str | None, names: str | None, role: str | None) -> str:
    """`tag`, `tag.class`, `tag#id` as one path step; class/id tokens are the DOM cues."""
    step = tag if isinstance(tag, str) else ""
    if ident:
        step += "#" + ident.strip().replace(" ", "_")[:60]
    classes = (names or "").split()
    if classes:
        step += "." + ".".join([c[:60] for c in classes[:6]])  # a list joins faster than a generator
    if role:
        step += "[" + role.strip()[:30] + "]"
    return step


# An element the walk is inside: (tag, el, its class attribute, serial, rule), the rule
# being the innermost selector's. The serial identifies the element (path steps repeat;
# serials do not). A plain tuple: a page opens thousands of elements, and an object with
# attributes costs four times as much to make.
Opened: TypeAlias = "tuple[str, Element | None, str | None, int, str]"
# A skipped element's entry: no tag, so the walk does nothing at its end but read its tail.
SKIPPED_OPEN: Opened = ("", None, None, -1, "")
# Serial -> (DOM path, ancestors' serials) of the open elements that have them.
Places: TypeAlias = dict[int, tuple[str, tuple[int, ...]]]
# (Parent's DOM path, step) -> DOM path: a page's paths, one copy of each.
Paths: TypeAlias = dict[tuple[str, str], str]


def _place(stack: list[Opened], places: Places, paths: Paths) -> tuple[str, tuple[int, ...]]:
    """The DOM path and the ancestors' serials (its own last) of the innermost open
    element (the stack's last). Each is built from its parent's, only when a block inside
    asks (most elements never hold a block's text), and kept in `places`."""
    placed = places.get(stack[-1][3])
    if placed is not None:
        return placed
    first = len(stack) - 1  # the outermost element with no place yet
    while first and stack[first - 1][3] not in places:
        first -= 1
    path, ancestors = places[stack[first - 1][3]] if first else ("", ())
    for _tag, el, names, serial, _rule in stack[first:]:
        step = _cue(el, names)
        # The many siblings of a list or a feed share one copy of their path, looked up by
        # its parent's path and its step, two strings whose hashes are kept: no path is
        # joined and hashed again, as sys.intern had them.
        joined = paths.get((path, step))
        if joined is None:
            joined = paths[path, step] = path + ">" + step if path else step
        path = joined
        ancestors += (serial,)
        places[serial] = (path, ancestors)
    return path, ancestors


def _join(parts: list[str]) -> str:
    """The text of inline elements in a row. Where one element's text ends in a lowercase
    letter and the next starts with a capital ("The North Face" "Wawona 6 Tent"), the page
    sets them apart with styling, not spaces: keep them apart. (A drop cap, "T" "he", is
    capital then lowercase and stays joined.) The parts are never empty: the walk keeps
    only the texts that are there."""
    out = parts[0]
    for part in parts[1:]:
        if out[-1].islower() and part[0].isupper():
            out += " "
        out += part
    return out


def _styled_apart(before: str, after: str) -> bool:
    """Whether two words from sibling elements are set apart only by styling: both sides
    are letters or digits, and the first is no drop cap ("T" "he")."""
    return len(before) > 1 and before[-1].isalnum() and after[0].isalnum()


class StructureTooLarge(Exception):
    """The blocks' DOM paths would take more memory than the page is worth (thousands of
    blocks hundreds of levels deep): the caller reads the page as text instead."""


EDGE_SPACE = " " + INVISIBLE  # what a block's text does not start or end with
BOX_TAGS = BLOCK_TAGS - {"br"}  # the elements whose tag a block takes: a <br> holds no text
# What flush fills in a block it builds by position, in Block's order; the rest are defaults.
BUILT_FIELDS = ("index", "text", "tag", "dom_path", "ancestors", "link_chars", "group", "cells", "ordered", "rule")
assert Block._fields[:len(BUILT_FIELDS)] == BUILT_FIELDS
NO_GROUP, NO_CELLS = Block._field_defaults["group"], Block._field_defaults["cells"]
NO_PATH, NO_ANCESTORS, NO_RULE = (Block._field_defaults[name] for name in ("dom_path", "ancestors", "rule"))
UNSCORED = tuple(Block._field_defaults[name] for name in Block._fields[len(BUILT_FIELDS):])


class _BlockCollector:
    """Accumulates inline text until the next block boundary."""

    def __init__(self, budget: int | None = None) -> None:
        self.budget = budget  # characters of paths and ancestors the blocks may hold
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.places: Places = {}
        self.paths: Paths = {}

    def flush(self, stack: list[Opened], ordered: bool) -> None:
        """Emit the text gathered so far as a block of the innermost open element."""
        parts = self.parts
        if not parts:
            return
        raw = parts[0] if len(parts) == 1 else _join(parts)
        if raw.isascii() and raw.isprintable() and "  " not in raw and raw[0] != " " and raw[-1] != " ":
            text = raw  # most blocks: one space between words, nothing for nfc to do
        else:
            text = " ".join(raw.split())
            if not (text.isascii() and text.isprintable()):
                text = nfc(text).strip(EDGE_SPACE)  # (ASCII holds no invisible character to strip)
        if text and stack:
            tag = stack[-1][0]  # the tag of the block element the text sits in: most often the innermost
            if tag not in BOX_TAGS:
                tag = next((opened[0] for opened in reversed(stack) if opened[0] in BOX_TAGS), "div")
            path, ancestors = _place(stack, self.places, self.paths)
            # Built as the tuple it is: Block's own __new__ takes keywords, and a page makes
            # hundreds of blocks. Fields up to `rule` in order, the rest at their defaults.
            self.blocks.append(tuple.__new__(Block, (
                len(self.blocks), text, tag, path, ancestors, min(self.link_chars, len(text)),
                NO_GROUP, NO_CELLS, ordered and tag == "li", stack[-1][4]) + UNSCORED))
            if self.budget is not None:  # (emit's, on the fields at hand: no call, no field read by name)
                self.spend(path, ancestors)
        parts.clear()
        self.link_chars = 0

    def emit(self, block: Block) -> None:
        self.blocks.append(block)
        if self.budget is not None:
            self.spend(block.dom_path, block.ancestors)

    def spend(self, path: str, ancestors: tuple[int, ...]) -> None:
        """Take a new block's path and ancestors off the budget (see StructureTooLarge)."""
        assert self.budget is not None
        self.budget -= len(path) + 8 * len(ancestors)
        if self.budget < 0:
            raise StructureTooLarge


def split_html(root: Element, selectors: Selectors | None = None, budget: int | None = None,
               unseen: frozenset[str] = frozenset()) -> list[Block]:
    """One block per paragraph-like element, in document order, with its DOM path (and
    the rule of the innermost element a `selectors` drop or keep selector picked).
    Elements with a class name in `unseen` (screen-reader-only text) are skipped.
    Raises StructureTooLarge past `budget` characters of paths and ancestors."""
    body = root.find("body")
    start = body if body is not None else root
    marks = _marks(root, selectors) if selectors else {}
    is_unseen = _ClassTest(unseen)
    names_of = _TagNames()
    out = _BlockCollector(budget)
    # The open elements, outermost first. A skipped one closes at the next event: a flush
    # never finds it on the stack.
    stack: list[Opened] = []
    links = 0  # open <a> elements
    headings = 0  # open h1-h6
    permalinks: set[int] = set()  # serials of <a>s in a heading that link to a place on the page
    lists: list[bool] = []  # open lists, True for <ol>
    walker = lxml.etree.iterwalk(start, events=("start", "end"))
    parts = out.parts  # the collector's own list (flush empties it in place): read inline
    # Whether the parts hold more than whitespace. The whitespace between tags before a
    # block's first word is never kept: the block would strip it (and most blocks are
    # then one part, which needs no _join).
    ink = False
    # Whether an element closed since the last text with no tail of its own: text that an
    # element opens with then sits beside the closed one's only through styling
    # ("<span>id</span><span>string</span>", a field and its type in generated markup).
    closed_bare = False
    for serial, (event, el) in enumerate(walker):
        if event == "start":
            tag = names_of[el.tag]  # lxml makes a new string at each reading: read it once
            names = el.get("class")  # read once: the unseen check and the path step both want it
            if (not tag or tag in SKIPPED and not (tag == "template" and _is_shadow_root(el))
                    or unseen and names and is_unseen[names]):
                walker.skip_subtree()
                stack.append(SKIPPED_OPEN)  # its end event pops it and adds the tail
                continue
            if ink and tag in BLOCK_TAGS:
                out.flush(stack, bool(lists and lists[-1]))
                ink = False
            rule = (marks.get(el) or (stack[-1][4] if stack else "")) if marks else ""
            stack.append((tag, el, names, serial, rule))
            if tag not in TRACKED_TAGS:
                pass  # most elements: asked once rather than for each kind below
            elif tag in LIST_TAGS:
                lists.append(tag == "ol")
            elif tag == "a":
                # A heading's link to its own place ("#browser-compatibility") is there to be
                # copied, not followed: its text is the heading's, not a link's; and where it
                # is only a glyph (Sphinx's and MkDocs' "¶", a theme's "#" or "🔗") it is no
                # part of the heading's words.
                if headings and el.get("href", "").startswith("#"):
                    if is_glyph(text_of(el)):
                        walker.skip_subtree()
                        stack[-1] = SKIPPED_OPEN  # its end event adds only the tail
                        continue
                    permalinks.add(serial)
                else:
                    links += 1
            elif tag in HEADING_TAGS:
                headings += 1
            elif _emit_whole(el, tag, stack, out):  # a <tr> or a <pre>
                walker.skip_subtree()
                continue
            text = el.text
            if not text:
                continue
            if closed_bare and parts and _styled_apart(parts[-1], text):
                parts.append(" ")
        else:
            tag = stack[-1][0]  # every end event has its start's entry
            if ink and tag in BLOCK_TAGS:
                out.flush(stack, bool(lists and lists[-1]))
                ink = False
            if tag not in TRACKED_TAGS:
                pass
            elif tag in LIST_TAGS and lists:
                lists.pop()
            elif tag == "a" and links and stack[-1][3] not in permalinks:
                links -= 1
            elif tag in HEADING_TAGS and headings:
                headings -= 1
            stack.pop()
            text = el.tail
            if not text:
                closed_bare = True
                continue
        closed_bare = False
        if ink or not text.isspace():
            parts.append(text)
            ink = True
        if links:
            out.link_chars += len(text.strip())
    return out.blocks  # (what follows the last element's end belongs to no element: no block)


class _ClassTest(dict[str, bool]):
    """Whether a class attribute holds one of `names` (`test[attribute]`), each attribute
    read once a page: a page repeats its class attributes (every item of a list), and
    splitting one costs more than looking it up."""

    def __init__(self, names: frozenset[str]) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, attribute: str) -> bool:
        found = self[attribute] = not self.names.isdisjoint(attribute.split())
        return found


class _TagNames(dict[Any, str]):
    """An element's tag as lxml gives it -> its name in lower case ("" for a comment or a
    processing instruction). A page repeats a few dozen tags: each is lowered once, and
    the name the walk compares is one string whose hash is kept."""

    def __missing__(self, tag: Any) -> str:
        name = self[tag] = tag.lower() if isinstance(tag, str) else ""
        return name


def _is_shadow_root(el: Element) -> bool:
    """A declarative shadow root (<template shadowrootmode="open">): the browser shows
    what it holds, and web components rendered on the server put their text there."""
    return el.get("shadowrootmode") is not None or el.get("shadowroot") is not None


def _marks(root: Element, selectors: Selectors) -> dict[Element, str]:
    """The elements a rules file's selectors pick; keep wins over drop on the same element.
    (lxml hands out the same element object while a reference is held, so the walk finds them.)"""
    marks: dict[Element, str] = {}
    for rule, chosen in (("drop", selectors.drop), ("keep", selectors.keep)):
        for selector in chosen:
            for el in _css(selector)(root):
                marks[el] = rule
    return marks


@functools.cache
def _css(selector: str):  # type: ignore[no-untyped-def]
    from lxml.cssselect import CSSSelector  # only rules files with selectors need cssselect

    return CSSSelector(selector)


# Inside <pre>, these break the line as a newline would (code viewers wrap each line in one).
PRE_LINE_TAGS = frozenset("div p li tr".split())
# Highlighters wrap each line in a <span> their stylesheet shows as a block (Shiki's
# `line`, Prism's `token-line`, CodeMirror's `cm-line`), often with no newline between.
LINE_CLASS = re.compile(r"(?:^|[\s-])line(?:\s|$)")
HAS_LINE_BREAKS = lxml.etree.XPath(
    "boolean(.//br|.//div|.//p|.//li|.//tr|.//span[contains(@class, 'line')])")


def _pre_text(el: Element, br: str = "\n") -> str:
    """A <pre>'s text with its line breaks: a <br> (written as `br`) or a per-line <div>
    is a newline that string() would drop, gluing `import os<br>import re` into one line."""
    if not HAS_LINE_BREAKS(el):
        return text_of(el)
    parts: list[str] = []
    def walk(node: Element) -> None:
        parts.append(node.text or "")
        for child in node:
            name = child.tag.lower() if isinstance(child.tag, str) else ""
            if name == "br":
                parts.append(br)
            elif name and name not in SKIPPED:
                start = len(parts)
                walk(child)
                if _is_line(name, child) and not _ends_line(parts, start) and not (child.tail or "").startswith("\n"):
                    parts.append("\n")
            parts.append(child.tail or "")
    walk(el)
    return "".join(parts)


def _is_line(name: str, el: Element) -> bool:
    """Whether an element inside <pre> holds one line of it."""
    return name in PRE_LINE_TAGS or name == "span" and LINE_CLASS.search(el.get("class") or "") is not None


def _ends_line(parts: list[str], start: int) -> bool:
    """Whether the text a line element gave (parts from `start`) ends in its own newline
    (Chroma puts it in an inner span's text). An empty line element gave none: it is a
    blank line, and gets its newline."""
    for part in reversed(parts[start:]):
        if part:
            return part.endswith("\n")
    return False


# A cell that breaks its text into paragraphs (a blank line: <br><br>), or into lines and
# runs this long, holds an article or a menu, not a datum: an old page's layout table.
LAYOUT_CELL_CHARS = 200
BREAK = "\x00"  # a <br> in a cell's text while it is read: decoded text holds no NUL
BLANK_LINE = re.compile(r"\x00\s*\x00")


def _cell_texts(cells: list[Element], broken: bool) -> tuple[str, ...] | None:
    """Each cell's text on one line, a <br> read as a space ("Main St.<br>Springfield"
    is not "Main St.Springfield"); None when a cell is layout: a blank line in it, or
    lines and LAYOUT_CELL_CHARS."""
    if not broken:  # no <br> in the row: the common case
        return tuple(nfc(" ".join(text_of(c).split())) for c in cells)
    texts = []
    for c in cells:
        lines = _pre_text(c, br=BREAK)  # the plain string() where the cell has no <br>
        text = " ".join(lines.replace(BREAK, " ").split())
        if BREAK in lines and (len(text) >= LAYOUT_CELL_CHARS or BLANK_LINE.search(lines)):
            return None
        texts.append(nfc(text))
    return tuple(texts)


def _holds(el: Element, tags: tuple[str, ...]) -> bool:
    """Whether an element below `el` has one of these tags: lxml looks in C and stops at
    the first, where an XPath query made a list of every one (a layout row holds hundreds)."""
    return next(el.iterdescendants(*tags), None) is not None


def _emit_whole(el, tag: str, stack: list[Opened], out: _BlockCollector) -> bool:
    """Emit a data-table row (two cells or more) or a <pre> as one block; False for
    layout rows."""
    if tag == "pre":
        text = nfc(_pre_text(el).replace("\r\n", "\n").replace("\r", "\n").strip("\n"))
        if text.strip():
            path, ancestors = _place(stack, out.places, out.paths)
            out.emit(Block(index=len(out.blocks), text=text, tag="pre", dom_path=path,
                           ancestors=ancestors, rule=stack[-1][4]))
        return True
    cells = [c for c in el if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
    # A row of one cell is a table used for layout (an e-mail's, an old page's): there is
    # no row of data to keep together, only the blocks the cell holds. A cell spanning
    # columns heads a section of a data table ("Summer" over its rows): it stays a row.
    lone = len(cells) == 1 and cells[0].get("colspan", "1").strip() in ("", "1")
    if not cells or lone or _holds(el, LAYOUT_INSIDE_CELL):
        return False
    texts = _cell_texts(cells, _holds(el, ("br",)))
    if texts is None:
        return False
    if any(texts):
        link_chars = sum(len(text_of(a).strip()) for a in el.iter("a"))
        header = all(c.tag.lower() == "th" for c in cells)
        path, ancestors = _place(stack, out.places, out.paths)
        out.emit(Block(
            index=len(out.blocks), text=" | ".join(texts), tag="th" if header else "tr",
            dom_path=path, ancestors=ancestors, link_chars=link_chars, cells=texts,
            rule=stack[-1][4],
        ))
    return True
