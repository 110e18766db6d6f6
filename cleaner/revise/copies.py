"""Text said twice: a table of contents whose entries name the headings below, a
paragraph cloned in another place, a whole second copy of the article in one block."""
from __future__ import annotations

import re

from ..features import word_count
from ..options import Options
from ..records import CONTENT, NAVIGATION, Block, sentence_lines
from .common import relabelled


# A section's number and a heading's anchor mark, which one of the two copies may lack.
SECTION_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.):]?\s+)|\s*[¶#§🔗]\s*$")


def drop_contents_lists(blocks: list[Block]) -> list[Block]:
    """A link that names a heading further down the page is an entry of the page's own
    table of contents: the reader meets the heading where it stands, and the list of
    links that leads there is navigation (else the heading, said second, went as its
    duplicate)."""
    later: set[str] = set()  # the kept headings' texts, from the page's end up
    out = list(blocks)
    for i in range(len(out) - 1, -1, -1):
        b, f = out[i], out[i].features
        if b.label is not CONTENT or f is None:
            continue
        if f.is_heading:
            later.add(SECTION_NUMBER.sub("", b.text).casefold())
        elif f.link_density >= 0.5 and later and SECTION_NUMBER.sub("", b.text).casefold() in later:
            out[i] = relabelled(b, NAVIGATION, "table_of_contents", min(b.score, 0.45))
    return out


# A list of links is a copy of the page's menu when at least this many of its kept items,
# and three quarters of them, say what the links of a landmark (a <nav>, a footer) say.
# (A page's own list of links may name a few of the menu's sections: a docs page's
# "What's next", a shop's categories. On dev HTML, 3 items and a half moved 17 pages,
# -0.06 summed; these 4 pages, +0.017, and the probes' pages +0.08 hashed, +0.29 bare.)
MENU_COPY_ITEMS = 6
MENU_LINK_WORDS = 6  # a menu link's words at most


def drop_menu_copies(blocks: list[Block]) -> list[Block]:
    """HTML: the menu written out again outside any landmark (the mobile menu of an
    off-canvas panel, or one a page builder writes into the main column) is still the
    menu. The blocks set aside as a landmark's (`navigation_landmark`) give the menu's
    links; a list of links kept as content whose items name them is its copy. Run with
    the set-aside blocks in place."""
    menu = {b.text.casefold() for b in blocks
            if b.label is NAVIGATION and (f := b.features) is not None and f.dom_cue == "landmark" and _menu_link(b)}
    if not menu:
        return blocks
    lists: dict[str, list[int]] = {}  # a list's path -> its kept links (siblings share their path)
    for i, b in enumerate(blocks):
        if b.label is CONTENT and _menu_link(b):
            lists.setdefault(b.dom_path, []).append(i)
    copies: set[int] = set()
    for links in lists.values():
        named = sum(blocks[i].text.casefold() in menu for i in links)
        if named >= MENU_COPY_ITEMS and 4 * named >= 3 * len(links):
            copies.update(links)
    if not copies:
        return blocks
    return [relabelled(b, NAVIGATION, "menu_copy", min(b.score, 0.4)) if i in copies else b
            for i, b in enumerate(blocks)]


def _menu_link(b: Block) -> bool:
    """A short line that is mostly a link: what a menu's items are."""
    return (f := b.features) is not None and f.link_density >= 0.5 and f.words <= MENU_LINK_WORDS


# An element's id names one element, not a kind of place: docs repeat a step in each
# tab panel, an API reference the same parameter under each method's section, and
# sections that differ only in their ids are one place said again.
ELEMENT_ID = re.compile(r"#[^.>\[]*")


def drop_duplicates(blocks: list[Block], options: Options) -> list[Block]:
    """A paragraph kept twice in different places is a clone (the mobile and desktop
    versions of one description, a teaser of the article beside it): the reader gets it
    once, where it first appears. The same text in the same place is the page's own
    repetition (the same terms under each offer, the same step in each tab panel, the
    same parameter under each method of an API reference; ids aside) and
    stays; scraped text has no places, so there every second copy goes."""
    medium = options.thresholds.medium_words
    judged = [i for i, b in enumerate(blocks)
              if b.label is CONTENT and (f := b.features) is not None and f.words >= medium]
    # Scraped text wrapped at a column breaks one paragraph into lines where the column
    # falls, which differ from copy to copy: a sentence's lines are compared as one.
    # (Gathered for the sentences of judged lines only: most lines are not judged.)
    wanted = {group for i in judged if (group := blocks[i].group) >= 0}
    sentences: dict[int, list[str]] = {}
    if wanted:
        for b in blocks:
            if b.group in wanted and not b.dom_path:
                sentences.setdefault(b.group, []).append(b.text)
    first_path: dict[str, str] = {}
    places: dict[str, str] = {}  # each path without its ids, read once
    copies: dict[int, bool] = {}  # a sentence's lines, judged once: whether they are a copy
    out = list(blocks)
    for i in judged:
        b = blocks[i]
        lines = sentences.get(b.group, ())
        if len(lines) > 1:
            if b.group not in copies:
                key = " ".join(lines).casefold()
                copies[b.group] = key in first_path
                first_path.setdefault(key, "")
            copy = copies[b.group]
        else:
            key = b.text.casefold()
            place = places.get(b.dom_path)
            if place is None:
                place = places[b.dom_path] = ELEMENT_ID.sub("", b.dom_path)
            copy = key in first_path and (first_path[key] != place or not b.dom_path)
            first_path.setdefault(key, place)
        if copy:
            out[i] = relabelled(b, NAVIGATION, "duplicate", min(b.score, 0.45))
    return out


def drop_article_copies(blocks: list[Block], options: Options) -> list[Block]:
    """A long block that holds many other kept paragraphs is a second copy of the article
    in one piece (a Markdown or print version in a <pre>, a page's HTML pasted as one
    line), which drop_duplicates, block against block, cannot see: it is found by the
    openings of the other paragraphs inside it. A summary that quotes a few paragraphs,
    or a code sample that grows from the one before, holds far fewer. Only paragraphs
    are sources: the short lines of code samples recur from one sample to the next."""
    t = options.thresholds
    # Most pages have no block long enough (a line of a sentence has no more words of its
    # own than the sentence it carries): one look, not a count of the sentences' lines.
    copy_words = t.copy_words
    if not any(b.label is CONTENT and (f := b.features) and f.words >= copy_words for b in blocks):
        return blocks
    # A line of a sentence run over lines carries the sentence's measurements: it counts
    # by its own words (else each of 100,000 such lines was searched for every paragraph's
    # opening, and a citation's "]." line was an opening found everywhere). A line alone
    # in its group was measured as itself.
    lines = sentence_lines(blocks)
    kept = [(i, word_count(b.text) if lines[b.group] > 1 else b.features.words)
            for i, b in enumerate(blocks) if b.label is CONTENT and b.features]
    long = [i for i, words in kept if words >= copy_words]
    if not long:
        return blocks
    # Only the first few words of each paragraph are split off: most paragraphs are long.
    n = t.copy_opening_words
    openings = {i: " ".join(blocks[i].text.split(None, n)[:n]).casefold()
                for i, words in kept if words >= t.copy_source_words}
    if len(openings) <= t.copy_sources:
        return blocks
    out = list(blocks)
    for i in long:
        text = " ".join(blocks[i].text.casefold().split())
        if len({opening for j, opening in openings.items() if j != i and opening in text}) >= t.copy_sources:
            out[i] = relabelled(blocks[i], NAVIGATION, "duplicate", min(blocks[i].score, 0.45))
    return out
