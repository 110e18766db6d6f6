"""Listings: the records a page repeats, on one DOM path in HTML (its paths keyed
without the names that make each card's unique) or at a steady period in scraped text,
are its content, though each is short and mostly a link."""
from __future__ import annotations

import functools
import re
from collections import Counter
from itertools import accumulate

from ..options import Options
from ..records import CONTENT, Block
from .common import BOILERPLATE_CUES, PHRASE_REASONS, relabelled


def promote_records(blocks: list[Block], options: Options, groups: dict[str, list[int]]) -> list[Block]:
    """HTML: many blocks on one DOM path, each a few words long, outside any menu, are
    the records of a listing (results, cards, rows); they are the page's content even
    though each is mostly a link. Menus repeat too, but with one or two words an item,
    so short records count only in long runs (the prices under every product card).
    Links at the foot of an article are not records (_links_after_article), nor is a
    text that most records of a group (or of its own exact path) repeat word for word:
    the cards' badge or button ("New", "Compare", "More options"), where each record
    names its own item (_card_labels).
    Measured trade-off: a shop's mega-menu of one-word links is promoted too."""
    t = options.thresholds
    out = list(blocks)
    prose = _prose_before(blocks, options)
    for members in groups.values():
        if len(members) < t.records_min or _links_after_article(blocks, members, prose, options):
            continue
        first = blocks[members[0]].features
        if first is None or first.dom_cue in BOILERPLATE_CUES:
            continue
        words = [f.words for i in members if (f := blocks[i].features) is not None]
        # A long run of records may be short each (prices, colour counts under every card).
        floor = t.records_words if len(members) < t.records_many else t.records_many_words
        if sum(words) / len(words) < floor:
            continue
        labels = _card_labels(blocks, members, options)
        for i in members:
            b = blocks[i]
            if _may_be_record(b) and (i not in labels or b.cells):
                out[i] = relabelled(b, CONTENT, "repeated_record", max(b.score, t.record_score))
    return out


def _card_labels(blocks: list[Block], members: list[int], options: Options) -> set[int]:
    """The members of a record group that are the cards' label or button, not a record:
    a text that record_label_share of the group reads word for word, or of the members
    on its own exact path. A group's key leaves numbered class names out, and a page
    styled by CSS modules numbers all of them ("compare_tx8l8bez", "price_x6DXw1"), so
    each card's price, button and badge fall into one group whose prices differ; on its
    own path the button reads the same on every card ("Add to Compare"). A date that
    several cards share is still each card's date."""
    t = options.thresholds
    share = t.record_label_share
    texts = [blocks[i].text for i in members]
    paths = [blocks[i].dom_path for i in members]
    said, on_path, said_there = Counter(texts), Counter(paths), Counter(zip(paths, texts))
    labels = set()
    for i, text, path in zip(members, texts, paths):
        there = on_path[path]
        if (said[text] >= share * len(members)
                or there >= t.records_min and said_there[path, text] >= share * there
                and not ((f := blocks[i].features) is not None and f.is_date)):
            labels.add(i)
    return labels


def _prose_before(blocks: list[Block], options: Options) -> tuple[list[int], list[int]]:
    """The words of content prose (blocks of long_words or more) before each block, and
    in all at the end: all of it, and the page's own (not a footer's or a menu's prose,
    such as a copyright notice)."""
    long_words = options.thresholds.long_words
    prose = [f.words if (f := b.features) is not None and f.words >= long_words and b.label is CONTENT else 0
             for b in blocks]
    own = [words if words and (f := b.features) is not None and f.dom_cue not in BOILERPLATE_CUES else 0
           for words, b in zip(prose, blocks)]
    return list(accumulate(prose, initial=0)), list(accumulate(own, initial=0))


def _links_after_article(blocks: list[Block], members: list[int], prose: tuple[list[int], list[int]],
                         options: Options) -> bool:
    """Records that are mostly links, after a whole article with no prose below them: the
    site's other pages (more stories, its footer's columns), not a listing. On all 1,358
    dev pages, word F1 +0.0015 (article +0.0016, collection +0.010, documentation -0.0013)."""
    t = options.thresholds
    every, own = prose  # below the records, a footer's copyright notice is no prose of the page's
    before, after = every[members[0]], own[-1] - own[members[-1] + 1]
    if before < t.article_words or after >= t.long_words:
        return False
    links = [f.link_density for i in members if (f := blocks[i].features) is not None]
    return bool(links) and sum(links) / len(links) >= t.links_high


def _may_be_record(b: Block) -> bool:
    """Not content yet, and no known phrase says it is chrome."""
    return b.label is not CONTENT and PHRASE_REASONS.isdisjoint(b.reasons)


def promote_periodic_records(blocks: list[Block], options: Options) -> list[Block]:
    """Scraped text: a listing's cards come out as the same few lines again and again,
    one line of them the same on every card ("Compare", "Add to cart", "Honoree") at a
    steady period. The lines between those markers that vary from card to card (names,
    prices, teasers) are the records: content, as promote_records finds them in HTML.
    A menu with a separator between its items repeats too, but one word a record."""
    t = options.thresholds
    at: dict[str, list[int]] = {}
    marker_words = t.record_marker_words
    for i, b in enumerate(blocks):
        if (f := b.features) is not None and f.words <= marker_words:
            at.setdefault(b.text.lower(), []).append(i)
    out = list(blocks)
    for positions in at.values():
        if len(positions) < max(2, t.records_min):  # (two at the least: the period is read between them)
            continue
        gaps = [b - a for a, b in zip(positions, positions[1:])]
        period = max(set(gaps), key=gaps.count)
        if not 2 <= period <= t.record_max_lines or gaps.count(period) < t.record_regularity * len(gaps):
            continue
        cards = [range(a + 1, b) for a, b in zip(positions, positions[1:]) if b - a == period]
        fields = [[blocks[i] for i in card] for card in cards]
        # Fields that read the same on every card ("Sponsored", a button) are chrome too.
        varying = [k for k in range(period - 1) if len({card[k].text for card in fields}) > 1]
        words = [sum(f.words for k in varying if (f := card[k].features) is not None) for card in fields]
        if not varying or sum(words) / len(words) < t.records_words:
            continue
        for card in cards:
            for k in varying:
                b = out[card[k]]
                # A card's dateline ("News · 17.12.2024") stays what it was, as under an article.
                if _may_be_record(b) and not (b.features is not None and b.features.is_date):
                    out[card[k]] = relabelled(b, CONTENT, "repeated_record", max(b.score, t.record_score))
    return out


# Numbered class names. Possessive: the run after a "." is scanned once to its first
# digit, never backtracked (the same matches as a backtracking `[^.\[#]*\d`, a third
# faster on long paths). The run may cross a ">" into the next step, as it always has.
UNIQUE_CLASS = re.compile(r"\.[^.\[#\d]*+\d[^.\[#]*+")
# The same for an ASCII path, where \d is [0-9]: a range is tested in the set itself,
# \d is a call into Unicode's tables for every character (twice as fast on real paths).
UNIQUE_CLASS_ASCII = re.compile(r"\.[^.\[#0-9]*+[0-9][^.\[#]*+")
# Ids that are bare numbers, or a catalogue's opaque keys in capitals and digits (an
# ASIN "B0GRC32G8X", an ISBN "125033781X"): a database's row, not a place on the page;
# and ids that end in a small number, places in a list ("p13n-asin-index-0",
# "slide_12"), as against a database's ("post-48213"). Applied after UNIQUE_CLASS, which
# never removes a "#" or the digits after one (apart, the two run a third faster than
# one alternation of both). Each pattern after UNIQUE_CLASS takes a whole id or class
# name or nothing, so their order makes no difference: the two kinds of id are one
# pattern, which reads the path once.
LIST_ID = re.compile(r"#(?:\d++|(?=[0-9A-Z]*\d)[0-9A-Z]{8,}+|[^.\[#>]*[-_]\d{1,2})(?=[.#\[>]|$)")
# Class names of one or two characters: what CSS-in-JS compilers write ("aw", "q", "fv"),
# one per style rule, so two cards that differ by a margin differ in them.
ATOMIC_NAME = re.compile(r"\.[^.\[#>]{1,2}(?=[.\[#>]|$)")
# Class names that show or hide an element at a screen width: utility-CSS variants
# ("sm:block", "md:hidden"; looked for only in paths with a colon, one in sixteen, as the
# search reads every class name through) and display utilities ("hidden", "block",
# "d-none", "d-lg-block", "hidden-xs"). A grid shows its first cards on a phone and the
# rest from a wider screen up, so cards of one grid differ by them alone.
VARIANT_CLASS = re.compile(r"\.[^.\[#>:]+:[^.\[#>]*(?=[.\[#>]|$)")
DISPLAY_CLASS = re.compile(
    r"\.(?:hidden|block|d-none|d(?:-[a-z]{2,3})?-(?:none|block|flex|grid|inline|inline-block)"
    r"|(?:hidden|visible)-[a-z]{2,3}(?:-[a-z]+)?)(?=[.\[#>]|$)"
)


@functools.lru_cache(maxsize=8192)
def record_key(path: str) -> str:
    """A DOM path without numbered class names: CMSs mark every card with its own
    ("elementor-element-6e4d78d", "post-123"), and the cards of a listing should still
    fall on one path. Ids stay unless they are bare numbers (a news aggregator's rows,
    "tr#47289357") or end in a list's index ("index-0"): a forum's posts, each with its
    own "post-48213" id, are not records whose every line is content. Atomic class names
    go too (ATOMIC_NAME): on a page styled by a CSS-in-JS compiler the cards' paths
    differ by them alone; and so do the classes that show an element at some screen
    widths only (VARIANT_CLASS, DISPLAY_CLASS)."""
    # Each pattern takes a whole name or nothing, a name running from its '.' or '#' to
    # the next '.', '#' or '[' (or '>', for all but UNIQUE_CLASS): so a path cut before a
    # '.' is keyed as its two parts joined. Cut before the last step, the part before is
    # what the path shares with its siblings, keyed once for all of them, and each path
    # adds a short string (a page's paths run to hundreds of characters, and each
    # pattern reads a path through).
    end = path.rfind(">")
    cut = path.rfind(".", 0, end) if end > 0 else -1
    if cut > 0:
        return record_key(path[:cut]) + _without_unique_names(path[cut:])
    return _without_unique_names(path)


@functools.lru_cache(maxsize=8192)
def _without_unique_names(path: str) -> str:
    """A path, or a part of one, without the names record_key leaves out. (Cached: the
    parts after record_key's cut recur on many paths, ".elementor-widget-container>p"
    on every widget of a page; a third of them on the dev pages.)"""
    numbered = UNIQUE_CLASS_ASCII if path.isascii() else UNIQUE_CLASS
    path = numbered.sub("", path)
    if "#" in path:  # the id pattern opens with one
        path = LIST_ID.sub("", path)
    path = ATOMIC_NAME.sub("", path)
    if ":" in path:
        path = VARIANT_CLASS.sub("", path)
    if ".hidden" in path or ".block" in path or ".d-" in path or ".visible-" in path:  # DISPLAY_CLASS's openings
        path = DISPLAY_CLASS.sub("", path)
    return path


def record_groups(blocks: list[Block]) -> dict[str, list[int]]:
    """The indices of the HTML blocks on each record key, in page order. The page's style
    names (_style_names) stay in the keys, written without their digits."""
    styles = _style_names(blocks)
    keys: dict[str, str] = {}  # path -> its key: the blocks of a list share their path
    steps: dict[str, str] = {}  # a step -> the same with its style names written without digits
    groups: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        path = b.dom_path
        if path:
            key = keys.get(path)
            if key is None:
                key = keys[path] = record_key(_styled(path, styles, steps) if styles else path)
            groups.setdefault(key, []).append(i)
    return groups


def _styled(path: str, styles: dict[str, str], steps: dict[str, str]) -> str:
    """The path with the page's style names written without digits, a step at a time
    (the page's paths share most of their steps: each is rewritten once)."""
    parts = path.split(">")
    for k, step in enumerate(parts):
        styled = steps.get(step)
        if styled is None:
            styled = steps[step] = CLASS_NAME.sub(lambda name: styles.get(name.group(), name.group()), step) \
                if "." in step else step
        parts[k] = styled
    return ">".join(parts)


# A class name with a digit that this many elements of a page bear is the name of a style
# (a CSS module's "Card_title__3xK9a", a CSS-in-JS compiler's "css-1q2w3e"), not a card's
# own ("post-48213"): on a page whose every name is such, record_key would leave the bare
# tags, and a menu's links, the footer's and the cards' would fall in one group. (Every
# 4th dev page with its class names hashed: word F1 0.8627 -> 0.8702, collection +0.052,
# forum +0.025, documentation +0.014; all dev pages as they are: -0.0001.)
STYLE_ELEMENTS = 10
CLASS_NAME = re.compile(r"(?<=\.)[^.\[#>]+")
DIGIT = re.compile(r"\d")
WITHOUT_DIGITS = str.maketrans("0123456789", "abcdefghij")


def _style_names(blocks: list[Block]) -> dict[str, str]:
    """The page's class names with a digit that STYLE_ELEMENTS elements or more bear, each
    to the name record_key will keep (its digits written as letters). Each element is read
    once, from the first block inside it (its serial among a block's ancestors)."""
    bearers: Counter[str] = Counter()
    read: set[int] = set()
    numbered: dict[str, list[str]] = {}  # a path step -> its class names with a digit: siblings share steps
    for b in blocks:
        ancestors = b.ancestors
        # Its elements from the innermost out, to the first one read with an earlier block:
        # all above that were read then too. (Most blocks add one element or two.)
        k = len(ancestors)
        while k and ancestors[k - 1] not in read:
            k -= 1
        new = len(ancestors) - k
        path = b.dom_path
        if not new or path.count(">") + 1 != len(ancestors):
            continue  # nothing new, or a path cut short: its steps and serials do not pair
        for serial, step in zip(ancestors[k:], path.rsplit(">", new)[-new:]):
            read.add(serial)
            names = numbered.get(step)
            if names is None:
                names = numbered[step] = [n for n in CLASS_NAME.findall(step) if DIGIT.search(n)] if "." in step else []
            if names:
                bearers.update(names)
    return {name: name.translate(WITHOUT_DIGITS) for name, n in bearers.items() if n >= STYLE_ELEMENTS}
