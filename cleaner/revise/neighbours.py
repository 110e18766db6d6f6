"""Passes that judge a block by the blocks beside it: a short line follows the decided
blocks around it, a linked heading the text under it, a code listing's caption its
listing; a run of bare numbers is a control."""
from __future__ import annotations

import re
from itertools import groupby

from ..options import Options
from ..records import CONTENT, NAVIGATION, Block
from .common import HARD_REASONS, relabelled, words_of


def _decided(blocks: list[Block], options: Options) -> list[bool]:
    """Whether each block can be judged on its own: long enough, or boilerplate by phrase
    or container."""
    words = options.thresholds.context_words
    return [(f := b.features) is not None and (f.words >= words or not HARD_REASONS.isdisjoint(b.reasons))
            for b in blocks]  # (is_hard written out: a call fewer for every block of a page)


def _nearest_decided(decided: list[bool], options: Options) -> tuple[list[int], list[int]]:
    """For each block, the nearest neighbour before and after it that is `decided` (-1:
    none within reach). Other short blocks are passed over, so a run of short lines (a
    list of ingredients) is judged by what brackets it. One sweep each way, rather than
    a search per block."""
    reach = options.thresholds.reach
    n = len(decided)
    before, after = [-1] * n, [-1] * n
    last = -reach - 1  # out of every block's reach until a decided block is met
    for i, sure in enumerate(decided):
        if i - last <= reach:
            before[i] = last
        if sure:
            last = i
    last = n + reach
    for i in range(n - 1, -1, -1):
        if last - i <= reach:
            after[i] = last
        if decided[i]:
            last = i
    return before, after


def keep_code_captions(blocks: list[Block]) -> list[Block]:
    """HTML: the caption of a figure that holds kept code ("Listing 4-1: A variable and
    the scope in which it is valid") is the text's own, named by the prose around it; a
    photo's caption stays out."""
    listings = {b.ancestors[-2] for b in blocks
                if b.tag == "pre" and b.label is CONTENT and _parent_step(b).startswith("figure")}
    if not listings:
        return blocks
    return [relabelled(b, CONTENT, "code_caption", max(b.score, 0.55))
            if b.label is not CONTENT and b.dom_path.rpartition(">")[2].startswith("figcaption")
            and len(b.ancestors) >= 2 and b.ancestors[-2] in listings else b
            for b in blocks]


def _parent_step(b: Block) -> str:
    """The step of a block's path above its own element."""
    return b.dom_path.rsplit(">", 2)[-2] if ">" in b.dom_path else ""


# A line that is a number and nothing else: a size, a day, a rating's step, a page.
BARE_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?")
NUMBER_RUN = 3  # bare numbers in a row that make a picker, not the text
NUMBER_CELLS = frozenset({"td", "th", "pre"})  # a table's column of figures is its content


def drop_number_runs(blocks: list[Block]) -> list[Block]:
    """Numbers alone on their lines, several in a row, are a control: a shoe's sizes, a
    calendar's days, a rating's five stars, a pager. Tables' cells are left alone."""
    # (The first character is tried before the pattern: most lines are not numbers.)
    numbers = [i for i, b in enumerate(blocks)
               if b.text[:1].isdigit() and b.tag not in NUMBER_CELLS and BARE_NUMBER.fullmatch(b.text)]
    if len(numbers) < NUMBER_RUN:
        return blocks
    out = list(blocks)
    # Consecutive indices share their distance from their place in the list: one run each.
    for _, pairs in groupby(enumerate(numbers), key=lambda pair: pair[1] - pair[0]):
        run = [i for _, i in pairs]
        if len(run) >= NUMBER_RUN:
            for i in run:
                if out[i].label is CONTENT:
                    out[i] = relabelled(out[i], NAVIGATION, "number_run", min(out[i].score, 0.3))
    return out


# A count alone on its line: a post's number ("#12"), a member's posts or points
# ("41,210", "1.2K"); and what such a line starts with (a set lookup rules out most lines
# before the pattern is tried).
COUNTER = re.compile(r"#?\d[\d,.]*[kKmM]?")
COUNTER_FIRST = frozenset("#0123456789")


def drop_post_counters(blocks: list[Block]) -> list[Block]:
    """On a discussion thread, a count alone on its line is a post's header or its
    author's tally, not what anyone wrote (on the dev threads, from bs4 text, 802 such
    lines outside the truth against 133 in it); tables' cells are left alone. Run after
    the model, which reads a line among the post's words as one of them."""
    return [relabelled(b, NAVIGATION, "post_counter", min(b.score, 0.3))
            if b.label is CONTENT and b.text[:1] in COUNTER_FIRST and b.tag not in NUMBER_CELLS
            and COUNTER.fullmatch(b.text) else b for b in blocks]


LINK_ONLY = frozenset({"link_density"})  # the only hard reason of a linked heading


def keep_linked_headings(blocks: list[Block], options: Options) -> list[Block]:
    """A heading that is a link, between kept text and over a paragraph, heads a part of
    the text: a listicle's "1. Harvard Business School" linked to the school. A menu's
    links are not headings, and a teaser's linked headline sits among other teasers.
    A definition list's term heads its kept definition, however short and whatever
    stands above it ("WebSocket.send()" over "Enqueues data to be transmitted."): a
    reference's entries link to their own pages."""
    out = list(blocks)
    for i in range(1, len(blocks) - 1):
        b, below = blocks[i], blocks[i + 1]
        if (b.label is not CONTENT and below.label is CONTENT and b.features is not None
                and HARD_REASONS.intersection(b.reasons) == LINK_ONLY
                and (b.features.is_heading and out[i - 1].label is CONTENT
                     and words_of(below) >= options.thresholds.context_words
                     or b.tag == "dt" and DEFINITION.search(below.dom_path))):
            out[i] = relabelled(b, CONTENT, "linked_heading", max(b.score, 0.55))
    return out


DEFINITION = re.compile(r">dd(?=[.#\[>]|$)")  # a step of a path into a definition list's <dd>


def follow_neighbours(blocks: list[Block], options: Options) -> list[Block]:
    """Short blocks follow the decided blocks around them: a subheading between two
    paragraphs stays, a short line between menus goes."""
    t = options.thresholds
    out = list(blocks)
    decided = _decided(blocks, options)
    before, after = _nearest_decided(decided, options)
    for i, block in enumerate(blocks):
        f = block.features
        if f is None or decided[i]:
            continue
        if "figcaption" in block.dom_path and block.label is not CONTENT:
            continue  # a photo's caption between two paragraphs is still not the text
        prev_ok = before[i] >= 0 and blocks[before[i]].label is CONTENT
        next_ok = after[i] >= 0 and blocks[after[i]].label is CONTENT
        if prev_ok and next_ok:
            out[i] = relabelled(block, CONTENT, "between_content", max(block.score, 0.6))
        elif next_ok and f.is_heading and not f.repeats and block.label is not CONTENT:
            out[i] = relabelled(block, CONTENT, "heading_before_content", max(block.score, 0.55))
        elif not prev_ok and not next_ok and block.label is CONTENT and block.score < t.sure:
            out[i] = relabelled(block, NAVIGATION, "short_between_boilerplate", min(block.score, 0.4))
    return out
