"""Hard-wrapped scraped text: the column it was wrapped at, and which line breaks are the
wrapper's rather than the page's. lynx and w3m dumps, html2text with its defaults and
e-mail archives break every paragraph into lines of about one width; read line by line,
their sentences would be scored in pieces."""
from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate, repeat

from .phrases import BULLET_MARKS

# Hard-wrapped text: how it is recognised (see wrap_width).
WRAP_WIDTHS = range(40, 141)  # the columns text is wrapped at in practice (72, 76, 78, 80...)
WRAP_SLACK = 15  # lines a wrapper ended end this close to the width
WRAP_MIN_LINE, WRAP_MIN_LINES = 20, 8  # lines this long, and this many of them, to judge
WRAP_MIN_NEAR = 0.25  # share of them ending that close to the width
# ...and at least this many: the longest lines of any text end near its longest line, so a
# short page's two longest paragraphs of one length are no wrapper's width.
WRAP_MIN_NEAR_LINES = 4
WRAP_TIGHT, WRAP_MIN_TIGHT = 4, 0.15  # and the share of those ending within 4 columns of it
WRAP_MAX_BREAKABLE = 0.05  # share of them longer than the width though they had a space to break at
WRAP_SAMPLE_LINES = 2000
# List items (Markdown's + too), headings, table rows.
UNWRAPPED = re.compile(rf"\s*(?:[{BULLET_MARKS}+]|\d{{1,3}}[.)]|#|\|)\s")


def wrap_width(text: str) -> int:
    """The column scraped text was hard-wrapped at (lynx and w3m dumps, html2text's
    default), or 0. Wrapped text has many lines ending a little short of one width and
    none longer that could have been broken there. List items, table rows and lines with
    Markdown links are left out: converters do not wrap all of them."""
    lines = text.split("\n", WRAP_SAMPLE_LINES)[:WRAP_SAMPLE_LINES]
    long = [line.rstrip() for line in lines
            if len(line.strip()) >= WRAP_MIN_LINE and "](" not in line and not UNWRAPPED.match(line)]
    if len(long) < WRAP_MIN_LINES:
        return 0
    lengths = Counter(map(len, long))
    # up_to[n]: lines of length n or less, so a window of lengths is one subtraction.
    # (get, not the Counter's [] whose missing lengths each call its __missing__.)
    up_to = list(accumulate(map(lengths.get, range(WRAP_WIDTHS.stop), repeat(0))))
    best, width = 0, 0
    for candidate in WRAP_WIDTHS:
        near = up_to[candidate] - up_to[candidate - WRAP_SLACK]
        if near <= best or near < max(len(long) * WRAP_MIN_NEAR, WRAP_MIN_NEAR_LINES):
            continue
        # A wrapper fills lines up to the width: some end right at it, not just near it.
        tight = up_to[candidate] - up_to[candidate - WRAP_TIGHT]
        if tight >= near * WRAP_MIN_TIGHT and _breakable(long, candidate) <= len(long) * WRAP_MAX_BREAKABLE:
            best, width = near, candidate
    return width


def _breakable(lines: list[str], width: int) -> int:
    """Lines longer than `width` with a space at or before it: a wrapper would have broken them."""
    return sum(1 for line in lines if len(line) > width and " " in line[:width + 1].lstrip())


def wrapped(previous_raw: str, line: str, width: int) -> bool:
    """Whether the wrapper ended the previous line for want of room (this line's first
    word did not fit after it), rather than at the end of its paragraph."""
    return width > 0 and len(previous_raw.rstrip()) + 1 + len(line.split(" ", 1)[0]) > width
