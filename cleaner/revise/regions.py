"""Scraped text: the stretches of the page richest in content, from each line's gain
(what its score and length add), and the article's among them; and the feed of other
stories' excerpts under the article. The gains serve HTML's main container too
(containers.py)."""
from __future__ import annotations

import math
import re

from ..options import Options
from ..records import CONTENT, NAVIGATION, Block, sentence_lines
from .common import HARD_REASONS, relabelled, words_of


def _regions(gains: list[float]) -> list[tuple[int, int, float]]:
    """The page's stretches of net content as (first, last, mass): from a block that
    adds content, as far as the running sum peaks before it falls to nothing; the scan
    then starts again after the peak, so a last forum post after a run of chrome is a
    stretch of its own rather than a dip in the one before."""
    regions = []
    i, n = 0, len(gains)
    while i < n:
        running, peak, peak_at, j = 0.0, 0.0, -1, i
        while j < n:
            running += gains[j]
            if running <= 0:
                break
            if running > peak:
                peak, peak_at = running, j
            j += 1
        if peak_at >= 0:
            regions.append((i, peak_at, peak))
            i = peak_at + 1
        else:
            i = j + 1
    return regions


def _line_gains(blocks: list[Block], options: Options) -> list[float]:
    """Each line's gain. The lines of a sentence broken over several (a link on a line
    of its own) are each measured as the whole sentence; their gain is shared among them,
    or "please use" / "this form" / "to report an issue" would count the sentence thrice."""
    lines = sentence_lines(blocks)
    return [gain / (lines[b.group] or 1) for b, gain in zip(blocks, _gains(blocks, options))]


def keep_main_region(blocks: list[Block], options: Options) -> list[Block]:
    """Find the stretches of blocks richest in content (sum of score - 0.5 weighted by
    length) and drop content outside them: sidebars, comments and footers that read like
    prose. The richest stretch is the article; others stay when they weigh a good share
    of it (the posts of a thread, the cards of a listing), and very sure blocks stay."""
    t = options.thresholds
    regions = _regions(_line_gains(blocks, options))
    if not regions:
        return blocks
    best = max(mass for _, _, mass in regions)
    best_end = next(last for _, last, mass in regions if mass == best)
    # Several stretches are the posts of a thread or a listing's cards; a lone one after
    # the article is more often its tail (related posts, an author's bio, a sign-up box).
    several = sum(1 for _, _, mass in regions if t.second_region_share * best <= mass < best) >= 2
    tail = t.second_region_share if several else t.tail_region_share
    inside = [False] * len(blocks)
    for first, last, mass in regions:
        if mass >= (tail if first > best_end else t.second_region_share) * best:
            inside[first:last + 1] = [True] * (last + 1 - first)
    return [relabelled(b, NAVIGATION, "outside_main_region", min(b.score, 0.45))
            if not inside[i] and b.label is CONTENT and b.score < t.outside_region else b
            for i, b in enumerate(blocks)]


def _gains(blocks: list[Block], options: Options) -> list[float]:
    """What each block adds to a region: positive for content, negative for boilerplate,
    more for longer blocks (but less than in proportion, so one long block of sidebar
    prose does not outweigh a run of short menu items). In scraped text, where no
    containers mark where the article ends, known chrome ("Share", "Related",
    "Advertisement") marks the edge of a stretch and costs more."""
    chrome = -options.thresholds.chrome_gain
    return [chrome if not b.dom_path and b.label is not CONTENT and not HARD_REASONS.isdisjoint(b.reasons) else weight
            for b, weight in zip(blocks, block_weights(blocks))]  # (is_hard written out)


def block_weights(blocks: list[Block]) -> list[float]:
    """Each block's gain by its score and length alone (all of _gains in HTML, where every
    block has a path). A column for the page: a call a block cost as much as the sum."""
    sqrt = math.sqrt
    return [(b.score - 0.5) * sqrt(f.words + 1 if (f := b.features) else 1) for b in blocks]


# An excerpt the site cut off: an ellipsis after a word, not after a sentence's stop.
CUT_SHORT = re.compile(r"[^\s.!?。]\s?(?:\.\.\.|…)$")
ELLIPSES = ("...", "…")


def _cut_short(text: str) -> bool:
    """Whether a block's text ends cut off. Its end is looked at first, and the pattern
    tried there alone: a pattern that ends at $ is tried from every character of a line."""
    return text.endswith(ELLIPSES) and CUT_SHORT.search(text, max(0, len(text) - 5)) is not None


def drop_cut_teasers(blocks: list[Block], options: Options) -> list[Block]:
    """Scraped text: excerpts that the site cut to one length ("...was launched on
    Sunday, December 1..."), three or more within a tenth of their median length, below
    the article's body (article_words of kept prose above them that no one cut), are a
    feed of other stories. From one record's length before the first excerpt to the last
    one, what was kept goes: each story's section, headline, author and date with its
    excerpt. A run that holds uncut prose of its own is left alone. No phrase is read, so
    the feed goes in any language; the heading over it ("Also in the news") is known in
    a few. Run after the model, as drop_below_footer is."""
    t = options.thresholds
    fewest = max(2, t.teasers)  # (two at the least, whatever a rules file says: a feed's period is read between them)
    cut = [i for i, b in enumerate(blocks)
           if b.role == "body" and words_of(b) >= t.teaser_words and _cut_short(b.text)]
    if len(cut) < fewest:
        return blocks  # most pages, told in one look
    median = _median([len(blocks[i].text) for i in cut])
    alike = [i for i in cut if abs(len(blocks[i].text) - median) <= t.teaser_length_spread * median]
    if len(alike) < fewest:
        return blocks
    # A record is the lines from one excerpt to the next, most often.
    period = int(_median([later - earlier for earlier, later in zip(alike, alike[1:])]))
    first, last = max(0, alike[0] - period + 1), alike[-1]
    body = sum(b.features.words for b in blocks[:first]
               if b.label is CONTENT and b.features is not None and b.features.terminal_punctuation
               and not _cut_short(b.text))
    if body < t.article_words or any(b.label is CONTENT and words_of(b) >= t.teaser_prose_words
                                     and not _cut_short(b.text) for b in blocks[first:last + 1]):
        return blocks
    return [relabelled(b, NAVIGATION, "cut_teaser", min(b.score, 0.4))
            if first <= i <= last and b.label is CONTENT else b for i, b in enumerate(blocks)]


def _median(values: list[int]) -> float:
    """The middle value, or the mean of the two middle ones (statistics.median, whose
    import costs a one-file run 2 ms of start-up)."""
    ordered = sorted(values)
    return (ordered[(len(ordered) - 1) // 2] + ordered[len(ordered) // 2]) / 2
