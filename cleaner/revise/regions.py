"""Scraped text: the stretches of the page richest in content, from each line's gain
(what its score and length add), and the article's among them. The gains serve HTML's
main container too (containers.py)."""
from __future__ import annotations

import math

from ..options import Options
from ..records import CONTENT, NAVIGATION, Block, sentence_lines
from .common import HARD_REASONS, relabelled


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
