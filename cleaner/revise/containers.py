"""HTML: what the elements say. A short block follows the container it stands in; the
deepest element that holds nearly all the content is the article's, and what stands
outside it goes unless it is sure of itself or a strong branch of its own."""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..options import Options, Thresholds
from ..records import CONTENT, NAVIGATION, Block
from .common import BOILERPLATE_CUES, HARD_REASONS, outermost, relabelled, words_of
from .regions import block_weights


SECTION = re.compile(r"section(?:$|[#.\[])")  # a <section> step of a dom_path


def _containers(paths: Iterable[str], limit: int) -> dict[str, list[str]]:
    """Each path's ancestors' paths, nearest first, at most `limit` of them. Sibling
    paths share one chain, found once for their parent (rather than walked up for each);
    an ancestor's path is cut once a page and shared by every chain through it: one
    string, its hash computed once for all the sums keyed by it."""
    parents: dict[str, str] = {}
    below: dict[str, list[str]] = {}  # by a parent's path: its children's chain
    containers: dict[str, list[str]] = {}
    for path in paths:
        end = path.rfind(">")
        if end < 0 or limit < 1:
            containers[path] = []  # the top step (or no level asked for)
            continue
        up = path[:end]
        chain = below.get(up)
        if chain is None:
            chain = below[up] = [up]
            step = up
            while len(chain) < limit:
                above = parents.get(step)
                if above is None:
                    end = step.rfind(">")
                    if end < 0:
                        break  # the top step
                    above = parents[step] = step[:end]
                chain.append(above)
                step = above
        containers[path] = chain
    return containers


def follow_containers(blocks: list[Block], options: Options) -> list[Block]:
    """HTML only: a short block whose nearest container holding sure content is mostly
    content is content too (the author and date of a forum post, a caption in the
    article body); one in a container of boilerplate is not. Same-path siblings count
    as one container, so every post of a thread votes for the others. An article's vote
    does not reach into its footer or asides (landmarks)."""
    t = options.thresholds
    # Characters in all, characters of content, and any sure content: summed per path
    # first, as a page's blocks share a third as many paths, then per container.
    own: dict[str, list[int]] = {}
    for b in blocks:
        if not b.dom_path:
            return blocks  # scraped text has no containers
        sums = own.get(b.dom_path)
        if sums is None:
            sums = own[b.dom_path] = [0, 0, 0]
        sums[0] += len(b.text)
        if b.label is CONTENT:
            sums[1] += len(b.text)
            if b.score >= t.sure:
                sums[2] = 1
    prefixes = _containers(own, t.container_levels)
    content: dict[str, int] = {}
    total: dict[str, int] = {}
    sure: set[str] = set()
    for path, (chars, kept, certain) in own.items():
        for prefix in prefixes[path]:
            total[prefix] = total.get(prefix, 0) + chars
        if kept:  # (most paths hold no content: `content` is read with a default of 0)
            for prefix in prefixes[path]:
                content[prefix] = content.get(prefix, 0) + kept
        if certain:
            sure.update(prefixes[path])
    out = list(blocks)
    short = t.context_words
    for i, b in enumerate(blocks):
        f = b.features
        if f is None or f.words >= short or not HARD_REASONS.isdisjoint(b.reasons):  # (is_hard written out)
            continue
        for prefix in prefixes[b.dom_path]:
            if prefix in sure:
                share = content.get(prefix, 0) / total[prefix]
                if share >= t.container_share and b.label is not CONTENT and f.dom_cue != "landmark":
                    out[i] = relabelled(b, CONTENT, "in_content_container", max(b.score, 0.55))
                elif share < 1 - t.container_share and b.label is CONTENT:
                    out[i] = relabelled(b, NAVIGATION, "in_boilerplate_container", min(b.score, 0.45))
                break
    return out


def keep_main_container(blocks: list[Block], options: Options, groups: dict[str, list[int]],
                        dated: bool = False, thread: bool = False) -> list[Block]:
    """HTML: the deepest element that still holds nearly all of the page's content is
    the article's container (<body> holds everything; the article's own element nearly
    everything, and tighter). Content outside it stays when it is sure of itself, or
    when the branch it sits in is a strong region of its own (the second column of a
    service page, a listing split in two grids); the rest is sidebar and footer prose.
    Where an article outweighs the teaser cards around it, the cards weigh nothing in
    that choice, and the ones outside the article go. On an undated page, the header
    over the container stays with it (_headline_lead). The page's one <main>, where it holds
    a good share of the content, bounds the container (_marked_main). On a discussion
    (`thread`) the replies' cards are no teasers."""
    t = options.thresholds
    # On a discussion thread a reply comes as a card too, its poster's name its link: only a
    # headline's length of link makes a teaser there ("mcrouse Admin" over a reply is none).
    cards = _teaser_cards(blocks, groups, t.card_words, THREAD_TEASER_WORDS if thread else TEASER_LINK_WORDS)
    if cards:
        racks: dict[int, int] = {}  # words kept in each grid of cards
        for i, rack in cards.items():
            b = blocks[i]
            if b.label is CONTENT and b.features is not None:
                racks[rack] = racks.get(rack, 0) + b.features.words
        # The words kept outside the cards: all kept words less the cards' (one pass over
        # the cards, one sum over the blocks).
        kept = sum([f.words for b in blocks if b.label is CONTENT and (f := b.features) is not None])
        article = kept - sum(racks.values())
        if article < t.card_dominance * max(racks.values(), default=0):
            cards = {}  # the cards are the page: a listing
    held: dict[int, float] = {}  # content under each element: the positive gains only
    mass: dict[int, float] = {}  # content less boilerplate: what a branch is worth
    parent: dict[int, int] = {}
    weights = block_weights(blocks)
    for n, b in enumerate(blocks):
        chain = b.ancestors
        if not chain:
            continue
        gain, own = 0.0 if n in cards else weights[n], chain[-1]
        held[own] = held.get(own, 0.0) + (gain if gain > 0.0 else 0.0)
        mass[own] = mass.get(own, 0.0) + gain
        for i in range(len(chain) - 1, 0, -1):  # the tree above, each element once
            if chain[i] in parent:
                break
            parent[chain[i]] = chain[i - 1]
    # Sums flow up the tree once: an element's serial is larger than its ancestors', so
    # its children's sums are in when it passes its own up (and it holds one already).
    for serial in sorted(parent, reverse=True):
        up = parent[serial]
        held[up] = held.get(up, 0.0) + held[serial]
        mass[up] = mass.get(up, 0.0) + mass[serial]
    total = max(held.values(), default=0.0)
    if not total:
        return blocks
    floor = t.main_share * total
    main = max((serial for serial, kept in held.items() if kept >= floor), key=lambda s: _depth(s, parent))
    marked = _marked_main(blocks)
    if marked is not None and held.get(marked, 0.0) >= MARKED_MAIN_SHARE * total and _within(marked, main, parent):
        main = marked
    inside = next(b for b in blocks if main in b.ancestors)
    top = inside.ancestors.index(main)
    # A section inside a section is part of one document (the chapters of a docs page,
    # each under its heading): the outermost of them holds the article.
    steps = inside.dom_path.split(">")
    while top > 1 and SECTION.match(steps[top]) and SECTION.match(steps[top - 1]):
        top -= 1
    main, chain = inside.ancestors[top], inside.ancestors[: top + 1]
    lead = set() if dated else _headline_lead(blocks, main, chain, t)
    out = []
    for n, b in enumerate(blocks):
        if b.label is CONTENT and main not in b.ancestors and n not in lead:
            if n in cards:
                b = relabelled(b, NAVIGATION, "teaser_card", min(b.score, 0.45))
            elif b.score < t.outside_container:
                root = _branch(b.ancestors, chain)
                if root is None or mass[root] < t.second_region_share * mass[main]:
                    b = relabelled(b, NAVIGATION, "outside_main_container", min(b.score, 0.45))
        out.append(b)
    return out


# The words of link a card needs to be a teaser, and on a thread's page, where a reply's
# linked poster name is none. (Class-free forum pages, every 4th dev page: 0.8707 -> 0.8716,
# forums 0.797 -> 0.810; the dev pages as they are: two forum pages moved, +0.07 summed.)
TEASER_LINK_WORDS = 2
THREAD_TEASER_WORDS = 3

# The page's one <main> (or role=main) element, where it holds this share of the content
# or more, bounds the article's container: the spec's "main content of the body". A page
# whose menus and promos outside it read like content (a side drawer's, with no class name
# that says so) would have the container drawn around both. (Dev pages: 5 pages moved,
# all up, +0.17 summed; every 4th dev page with class and id attributes removed: +0.0009.)
MARKED_MAIN_SHARE = 0.4


def _marked_main(blocks: list[Block]) -> int | None:
    """The serial of the page's <main> (or role=main) element, if it has exactly one. The
    blocks inside the one found already are not looked up again (most of a page's)."""
    found: set[int] = set()
    for b in blocks:
        if found and not found.isdisjoint(b.ancestors):
            continue
        serial = outermost(b, "main", role="main")
        if serial is not None:
            found.add(serial)
            if len(found) > 1:
                return None
    return found.pop() if found else None


def _within(serial: int, top: int, parent: dict[int, int]) -> bool:
    """Whether the element is `top` or below it."""
    while serial != top:
        if serial not in parent:
            return False
        serial = parent[serial]
    return True


def _depth(serial: int, parent: dict[int, int]) -> int:
    """How many elements stand above this one (asked of the few that hold nearly all)."""
    depth = 0
    while serial in parent:
        serial, depth = parent[serial], depth + 1
    return depth


def _headline_lead(blocks: list[Block], main: int, chain: tuple[int, ...], t: Thresholds) -> set[int]:
    """The page's headline (its <h1>) and what stands between it and the main container,
    when an element at most headline_levels above the container holds the headline too:
    the header of a manual's page or a service page (title, opening paragraphs) beside
    its body is the text's opening, though the body alone weighs enough to be chosen.
    A header with a date line is a news story's (headline, standfirst, byline), one
    with a price a product's buy box: neither is the text."""
    first = next((i for i, b in enumerate(blocks) if main in b.ancestors), 0)
    head = next((i for i in range(first - 1, -1, -1) if blocks[i].tag == "h1"), None)
    if head is None or blocks[head].label is not CONTENT:
        return set()
    if not set(blocks[head].ancestors).intersection(chain[-1 - t.headline_levels:-1]):
        return set()
    header = {i: f for i in range(head, first) if (f := blocks[i].features) is not None}
    if any(f.is_date or _price_tag(blocks[i], t) for i, f in header.items()):
        return set()
    # Not what the header's markup names as chrome (a toolbar's result count and sort order).
    return {i for i, f in header.items() if f.dom_cue not in BOILERPLATE_CUES}


# A price: a currency sign or code and an amount, either way round ("$129.00", "19,99 €").
PRICE = re.compile(r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|CHF)\b)\s?\d|\d\s?(?:[€£]|zł|\b(?:USD|EUR|GBP|CHF|kr)\b)")


def _price_tag(b: Block, t: Thresholds) -> bool:
    """A short line with a price in it: a product's buy box, not a text's opening."""
    return words_of(b) < t.medium_words and PRICE.search(b.text) is not None


# Rows of data (not mostly links) that make a box a table's, not a teaser card's.
CARD_TABLE_ROWS = 3


def _teaser_cards(blocks: list[Block], groups: dict[str, list[int]], card_words: int,
                  link_words: int = TEASER_LINK_WORDS) -> dict[int, int]:
    """Blocks inside teaser cards, each with the element that holds its card and the
    card's siblings (a grid, a carousel): three or more sibling containers, each holding
    a few short blocks on the same paths (a teaser's kicker, linked headline and
    summary), as against paragraphs that are themselves the repeated siblings. A card
    leads elsewhere, so one of its blocks is mostly link, of `link_words` words or more;
    and it holds no table of data (CARD_TABLE_ROWS rows not mostly links): on a product
    page in bare markup, the box of spec tables beside the description sits among the
    tabs' and pictures' boxes on the same paths. (Every 4th dev page with its class and id
    attributes removed: product 0.518 -> 0.530; the dev pages as they are: none moved.)"""
    roots: dict[int, int] = {}  # the cards' own elements, and the element holding them
    for members in groups.values():
        if len(members) < 3:
            continue
        chains = [blocks[i].ancestors for i in members]
        # Where a member's path parts from its neighbours' is where its card begins. Most
        # neighbours are siblings, apart at their own step under one parent: told without
        # the call.
        split = [-1] + [len(a) - 1 if len(a) == len(b) > 1 and a[-2] == b[-2] and a[-1] != b[-1]
                        else _divergence(a, b) for a, b in zip(chains, chains[1:])] + [-1]
        for chain, before, after in zip(chains, split, split[1:]):
            depth = before if before > after else after  # apart from both neighbours
            if 0 < depth < len(chain) - 1:
                roots[chain[depth]] = chain[depth - 1]
    carded = set(roots)
    if not carded:
        return {}  # no grid on the page: no block's ancestors need looking through
    words: dict[int, int] = {}
    linked: set[int] = set()
    under: dict[int, int] = {}
    rows: dict[int, int] = {}
    for i, b in enumerate(blocks):
        if b.features is None or carded.isdisjoint(b.ancestors):
            continue
        root = min(carded.intersection(b.ancestors))  # the outermost card: serials grow with depth
        under[i] = root
        words[root] = words.get(root, 0) + b.features.words
        if b.cells and b.features.link_density < 0.5:  # a row of data, not of links
            rows[root] = rows.get(root, 0) + 1
        if b.features.words >= link_words and b.features.link_density >= 0.5:
            linked.add(root)
    return {i: roots[root] for i, root in under.items()
            if root in linked and words[root] <= card_words and rows.get(root, 0) < CARD_TABLE_ROWS}


def _divergence(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    """The depth at which two ancestor chains part (-1 if one holds the other). Chains
    that part stay apart below, so the walk goes up from the bottom, where siblings
    part after a step or two."""
    shared = depth = min(len(a), len(b))
    while depth and a[depth - 1] != b[depth - 1]:
        depth -= 1
    return -1 if depth == shared else depth


def _branch(ancestors: tuple[int, ...], chain: tuple[int, ...]) -> int | None:
    """The first of a block's ancestors off the main container's line of descent: the
    root of the branch the block sits in (None for text right on that line)."""
    for mine, main_line in zip(ancestors, chain):
        if mine != main_line:
            return mine
    return None
