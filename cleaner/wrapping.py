"""Hard-wrapped scraped text: the column it was wrapped at, and which line breaks are the
wrapper's rather than the page's. lynx and w3m dumps, html2text with its defaults and
e-mail archives break every paragraph into lines of about one width; read line by line,
their sentences would be scored in pieces."""
from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate, repeat

from .phrases import BULLET_MARKS

# A Chinese or Japanese letter: two columns wide, and a wrapper may break between any two.
# (Thai and the other scripts written without spaces are broken at words, which a
# wrapper finds or does not: their lines are read as any others'.)
WIDE_LETTER = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Hard-wrapped text: how it is recognised (see wrap_width).
WRAP_WIDTHS = range(40, 141)  # the columns text is wrapped at in practice (72, 76, 78, 80...)
# ...and in letters, for Chinese and Japanese, whose letters take two columns each (36 to
# 40 letters a line at 72 to 80 columns).
WIDE_WRAP_WIDTHS = range(30, 141)
WRAP_SLACK = 15  # lines a wrapper ended end this close to the width
WRAP_MIN_LINE, WRAP_MIN_LINES = 20, 8  # lines this long, and this many of them, to judge
WRAP_MIN_NEAR = 0.25  # share of them ending that close to the width
# ...and at least this many: the longest lines of any text end near its longest line, so a
# short page's two longest paragraphs of one length are no wrapper's width.
WRAP_MIN_NEAR_LINES = 4
WRAP_TIGHT, WRAP_MIN_TIGHT = 4, 0.15  # and the share of those ending within 4 columns of it
WRAP_MAX_BREAKABLE = 0.05  # share of them longer than the width though they had a space to break at
WRAP_SAMPLE_LINES = 2000
# A line of Chinese or Japanese that a wrapper filled ends this close to the width (a
# double-width letter that did not fit leaves one column), and these end a sentence.
CJK_SLACK = 2
CJK_STOPS = ("。", "！", "？", "」", "』", "”")
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
    wide = not text.isascii() and 2 * sum(1 for line in long if WIDE_LETTER.search(line)) > len(long)
    best, width = 0, 0
    for candidate in WIDE_WRAP_WIDTHS if wide else WRAP_WIDTHS:
        near = up_to[candidate] - up_to[candidate - WRAP_SLACK]
        if near <= best or near < max(len(long) * WRAP_MIN_NEAR, WRAP_MIN_NEAR_LINES):
            continue
        # A wrapper fills lines up to the width: some end right at it, not just near it.
        tight = up_to[candidate] - up_to[candidate - WRAP_TIGHT]
        if tight >= near * WRAP_MIN_TIGHT and _breakable(long, candidate) <= len(long) * WRAP_MAX_BREAKABLE:
            best, width = near, candidate
    return width


def _breakable(lines: list[str], width: int) -> int:
    """Lines longer than `width` with a space at or before it, or a Chinese or Japanese
    letter, which a wrapper breaks between any two: a wrapper would have broken them. (A
    page whose every paragraph is one line of Chinese of about one length is not wrapped
    there.)"""
    return sum(1 for line in lines
               if len(line) > width and (" " in (head := line[:width + 1]).lstrip() or WIDE_LETTER.search(head)))


# A Chinese or Japanese letter, or the ideographic punctuation and full-width forms that
# stand between them: a wrapper's break between two is no space.
WIDE_CHARACTER = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def glue(before: str, after: str) -> str:
    """What joins a line the wrapper broke to the line before it: nothing inside a run of
    Chinese or Japanese ("自去" + "年秋季"), a space anywhere else."""
    last, first = before[-1:], after[:1]
    if last and first and WIDE_CHARACTER.match(last) and WIDE_CHARACTER.match(first):
        return ""
    return " "


def wrapped(previous_raw: str, line: str, width: int) -> bool:
    """Whether the wrapper ended the previous line for want of room (this line's first
    word did not fit after it), rather than at the end of its paragraph. Chinese or
    Japanese, which a wrapper breaks between any two letters, was broken there only
    where the line before is full, and not at a sentence's end (a paragraph of one line
    ends "。" whatever its length). `line` comes stripped, as both readers have it."""
    if width <= 0:
        return False
    previous = previous_raw.rstrip()
    if WIDE_LETTER.match(line):  # (its first character: match looks no further)
        return len(previous) >= width - CJK_SLACK and not previous.endswith(CJK_STOPS)
    return len(previous) + 1 + len(line.split(" ", 1)[0]) > width
