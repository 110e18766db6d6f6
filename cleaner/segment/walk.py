"""The HTML tree into blocks: one walk that opens a block at each block element and
gives it its text, its DOM path and ancestors, its links' share and its cells, and
reads each element's cue (a nav's, a footer's, a comment box's) as it passes."""
from __future__ import annotations

import functools
import re
from typing import Any, TypeAlias

import lxml.etree

from ..decode import INVISIBLE, nfc
from ..memo import remember
from ..options import Selectors
from ..phrases import HEADING_TAGS, is_glyph
from ..records import NO_CELLS, NO_GROUP, UNSCORED, Block
from .parse import Element, text_of

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
            # Whitespace runs become one space: str.split breaks where \s matches, four times as
            # fast as a regex sub.
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
