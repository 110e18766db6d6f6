"""Scraped text into blocks: a block a line, the lines of one sentence broken over several
(a converter's wrapped column, a link on a line of its own) sharing a group; Markdown
and dumps are read as what they are."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .. import dumps, markdown_input, wrapping
from ..markdown_input import Line
from ..options import Phrases
from ..phrases import BULLET, BYLINE, PERMALINK_GLYPHS, ends_sentence, without_permalink
from ..records import NO_ANCESTORS, NO_PATH, NO_RULE, UNSCORED, Block
from ..rules import defaults

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
    pieces = [last.text]
    for line in tail:
        pieces += (wrapping.glue(pieces[-1], line.text), line.text)
    blocks[-1] = last = last._replace(text="".join(pieces),
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
