"""The context passes: blocks judged against their neighbours, containers and the page.

As in jusText's revision after classification: short and unsure blocks follow their
neighbours, then page-level passes find listings, related-link lists, comment sections
and the stretch of the page the article occupies. Each pass returns new blocks and
adds the reason for every label it changes.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from itertools import accumulate, groupby

from .features import read_step, word_count
from .language import stopwords
from .metadata import PAGE_TITLE, TITLE_ECHO
from .options import Options, Thresholds
from .phrases import BULLET
from .records import CONTENT, NAVIGATION, Block, Label, judged, sentence_lines
from .site import line_key

SECTION = re.compile(r"section(?:$|[#.\[])")  # a <section> step of a dom_path
TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}\b")
# A comment's age where its date would be: "28 minutes ago", "hace una hora", "il y a 2 jours".
RELATIVE_TIME = re.compile(
    r"(?:(?:\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago"
    r"|hace (?:\d+|una?) (?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)"
    r"|il y a (?:\d+|une?) (?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|vor (?:\d+|einer|einem) (?:Sekunden?|Minuten?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)"
    r"|(?:\d+|una?|un') ?(?:secondi|minuti?|ore|ora|giorni|giorno|settimane?|mesi|mese|anni|anno) fa"
    r"|há (?:\d+|uma?) (?:segundos?|minutos?|horas?|dias?|semanas?|mes(?:es)?|anos?)"
    r"|\d+ (?:seconden|minuten|uur|dagen|dag|weken|week|maanden|maand|jaar) geleden)\.?",
    re.I)
# A reply's attribution line: "by Brain-Fu (1274756) writes:", "Pete wrote:", "Anna schrieb:".
REPLY_ATTRIBUTION = re.compile(
    r"\b(?:writes|wrote|says|said|schreibt|schrieb|a écrit|escribió|escribe|scrive|ha scritto|написал|napisał|schreef)\s*:\s*$",
    re.I)
PHRASE_REASONS = frozenset({"ad_phrase", "navigation_phrase", "notice", "ad_container"})
# The DOM cues of chrome: a record group under one is a menu, prose under one no page's own.
BOILERPLATE_CUES = frozenset({"landmark", "navigation", "ads", "comments"})
# Boilerplate by phrase, container, links or its site's say: neighbours cannot overrule it.
HARD_REASONS = PHRASE_REASONS | {"link_density", "rule_drop", "site_boilerplate", PAGE_TITLE}


def _decided(blocks: list[Block], options: Options) -> list[bool]:
    """Whether each block can be judged on its own: long enough, or boilerplate by phrase
    or container."""
    words = options.thresholds.context_words
    return [(f := b.features) is not None and (f.words >= words or not HARD_REASONS.isdisjoint(b.reasons))
            for b in blocks]  # (_hard written out: a call fewer for every block of a page)


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


def _hard(block: Block) -> bool:
    return not HARD_REASONS.isdisjoint(block.reasons)


def revise(blocks: list[Block], options: Options, thread: bool = False,
           boilerplate: frozenset[str] = frozenset(), dated: bool = False) -> list[Block]:
    """All context passes in order. On a discussion thread (`thread`, known from the
    URL) the comments are the content and stay; `boilerplate` holds the lines the page's
    site repeats (site.find_boilerplate); `dated`, that the page's markup gives it a
    publication date (a story's header is not its text: _headline_lead)."""
    out = keep_linked_headings(follow_neighbours(blocks, options), options)
    html = bool(out) and bool(out[0].ancestors)
    # Passes relabel blocks but never move them: the record groups are the page's own.
    groups = _record_groups(out)
    records = promote_records(out, options, groups) if html else promote_periodic_records(out, options)
    out = follow_containers(after_related(records, options, groups), options)
    if not thread:
        out = drop_comments(out, options)
    elif html:
        out = drop_post_comments(out, options)
    # In HTML the elements draw the article's bounds; scraped text has only the stretches.
    out = keep_main_container(out, options, groups, dated) if html else keep_main_region(out, options)
    out = drop_article_copies(drop_duplicates(drop_contents_lists(out), options), options)
    if html:
        out = keep_code_captions(out)
    if boilerplate:
        out = drop_site_boilerplate(out, boilerplate)
    return apply_rules(ensure_content(drop_number_runs(out), options))


def keep_code_captions(blocks: list[Block]) -> list[Block]:
    """HTML: the caption of a figure that holds kept code ("Listing 4-1: A variable and
    the scope in which it is valid") is the text's own, named by the prose around it; a
    photo's caption stays out."""
    listings = {b.ancestors[-2] for b in blocks
                if b.tag == "pre" and b.label is CONTENT and _parent_step(b).startswith("figure")}
    if not listings:
        return blocks
    return [_relabel(b, CONTENT, "code_caption", max(b.score, 0.55))
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
                    out[i] = _relabel(out[i], NAVIGATION, "number_run", min(out[i].score, 0.3))
    return out


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
                     and _words(below) >= options.thresholds.context_words
                     or b.tag == "dt" and DEFINITION.search(below.dom_path))):
            out[i] = _relabel(b, CONTENT, "linked_heading", max(b.score, 0.55))
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
            out[i] = _relabel(block, CONTENT, "between_content", max(block.score, 0.6))
        elif next_ok and f.is_heading and not f.repeats and block.label is not CONTENT:
            out[i] = _relabel(block, CONTENT, "heading_before_content", max(block.score, 0.55))
        elif not prev_ok and not next_ok and block.label is CONTENT and block.score < t.sure:
            out[i] = _relabel(block, NAVIGATION, "short_between_boilerplate", min(block.score, 0.4))
    return out


def _relabel(block: Block, label: Label, reason: str, score: float) -> Block:
    return judged(block, label, round(score, 3), (reason,) + block.reasons)


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
    return [_relabel(b, NAVIGATION, "outside_main_region", min(b.score, 0.45))
            if not inside[i] and b.label is CONTENT and b.score < t.outside_region else b
            for i, b in enumerate(blocks)]


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
        if f is None or f.words >= short or not HARD_REASONS.isdisjoint(b.reasons):  # (_hard written out)
            continue
        for prefix in prefixes[b.dom_path]:
            if prefix in sure:
                share = content.get(prefix, 0) / total[prefix]
                if share >= t.container_share and b.label is not CONTENT and f.dom_cue != "landmark":
                    out[i] = _relabel(b, CONTENT, "in_content_container", max(b.score, 0.55))
                elif share < 1 - t.container_share and b.label is CONTENT:
                    out[i] = _relabel(b, NAVIGATION, "in_boilerplate_container", min(b.score, 0.45))
                break
    return out


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
                out[i] = _relabel(b, CONTENT, "repeated_record", max(b.score, t.record_score))
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
        if len(positions) < t.records_min:
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
                    out[card[k]] = _relabel(b, CONTENT, "repeated_record", max(b.score, t.record_score))
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
def _record_key(path: str) -> str:
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
        return _record_key(path[:cut]) + _without_unique_names(path[cut:])
    return _without_unique_names(path)


@functools.lru_cache(maxsize=8192)
def _without_unique_names(path: str) -> str:
    """A path, or a part of one, without the names _record_key leaves out. (Cached: the
    parts after _record_key's cut recur on many paths, ".elementor-widget-container>p"
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


def _record_groups(blocks: list[Block]) -> dict[str, list[int]]:
    """The indices of the HTML blocks on each record key, in page order."""
    groups: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if b.dom_path:
            groups.setdefault(_record_key(b.dom_path), []).append(i)
    return groups


# Menu items in a row that end a related list (see after_related).
MENU_RUN = 3


def after_related(blocks: list[Block], options: Options, groups: dict[str, list[int]]) -> list[Block]:
    """Under a "Read more" / "Related" heading come links to other pages, not the
    article: headline-like blocks there are navigation until prose resumes. A heading
    with none of the page's own prose above it in HTML ("Latest news" under a topic
    page's title) heads the page's own listing: there is no article yet for it to
    relate to."""
    if not any((f := b.features) is not None and f.phrase == "related" and f.dom_cue != "landmark" for b in blocks):
        return blocks  # no heading opens a list: most pages, told in one look
    t = options.thresholds
    # A long run of records on one path is the page's own listing, even under a
    # "Latest news" heading: related boxes hold a few links.
    listed = {i for members in groups.values() if len(members) >= t.records_many for i in members}
    out, in_list, menu_run, prose_seen, article_above = [], False, 0, False, False
    for i, b in enumerate(blocks):
        f = b.features
        if f is None or (in_list and i in listed):
            out.append(b)
            continue
        # Above the article, a run of menu items the scorer already took for chrome means
        # the heading was the top bar's own ("Latest news" among the sections), and the
        # headline under them is the article's. (Below it, a sidebar's "Related" box, tag
        # cloud and archive are chrome alike.)
        menu_run = menu_run + 1 if b.label is not CONTENT and f.words < t.tiny_words else 0
        if f.phrase == "related" and f.dom_cue != "landmark":
            # Inside a landmark ("See also" in a sidebar's contents list) the line heads
            # only what the landmark holds, which is chrome already: not the page below.
            # (HTML only for the article above: scraped text's model learnt the heading's
            # list as it always was.)
            in_list = article_above or not b.dom_path
        elif menu_run >= MENU_RUN and not prose_seen:
            in_list = False
        # A question ends a headline as often as a sentence ("How do I join two files?").
        elif ((f.terminal_punctuation and f.words >= t.medium_words and not b.text.rstrip().endswith("?")
               or f.words >= t.long_words) and f.link_density < t.links_mid
              or f.words >= t.linked_prose_words and f.link_density < t.links_high):
            in_list, prose_seen = False, True  # prose again, not another linked headline
            article_above = article_above or b.label is CONTENT
        elif in_list and b.label is CONTENT and "repeated_record" not in b.reasons:
            b = _relabel(b, NAVIGATION, "after_related_heading", min(b.score, 0.4))
        out.append(b)
    return out


def drop_comments(blocks: list[Block], options: Options) -> list[Block]:
    """Reader comments under an article are not the article, nor customer reviews under
    a product's description; but when nearly all the content sits in comment
    containers, the page is a thread and the comments stay."""
    # Where there is no DOM, a "12 Comments" or "Customer Reviews" heading after the
    # article opens the section.
    heading = _comments_heading(blocks, options)
    if heading is None and not any(b.label is CONTENT and (f := b.features) is not None and f.dom_cue == "comments"
                                   for b in blocks):
        return blocks  # no kept text in a comment section: most pages, told in one look
    cards = _cards_with_reviews(blocks, options)  # a listing's cards keep their review snippets
    def in_section(i: int, b: Block) -> bool:
        return (b.features is not None and b.features.dom_cue == "comments"
                and cards.isdisjoint(b.ancestors)) or (heading is not None and i > heading)
    kept = [(i, b) for i, b in enumerate(blocks) if b.label is CONTENT]
    in_comments = sum(_words(b) for i, b in kept if in_section(i, b))
    elsewhere = sum(_words(b) for _, b in kept) - in_comments
    if not in_comments or elsewhere < options.thresholds.article_words:
        return blocks
    return [_relabel(b, NAVIGATION, "comment_section", min(b.score, 0.4))
            if b.label is CONTENT and in_section(i, b) else b
            for i, b in enumerate(blocks)]


POST_CUES = ("content", "")  # where a post's own prose stands: no comment's, menu's or ad's box


def drop_post_comments(blocks: list[Block], options: Options) -> list[Block]:
    """HTML thread: the comments under each of several posts (a Q&A page's remarks on the
    question and on every answer) are not the thread's posts. A forum whose replies are
    comments has them under the thread, one place; these hang from two posts or more,
    each comment under the nearest element that holds a post's own prose."""
    medium = options.thresholds.medium_words
    comments = [i for i, b in enumerate(blocks)
                if b.label is CONTENT and (f := b.features) is not None and f.dom_cue == "comments"]
    if not comments:
        return blocks  # most threads: told in one look
    prose: set[int] = set()  # the elements that hold a post's own prose (not a comment's, nor a form's)
    for b in blocks:
        if b.label is CONTENT and (f := b.features) is not None and f.dom_cue in POST_CUES and f.words >= medium:
            prose.update(b.ancestors)
    posts: dict[int, int] = {}  # comment -> the post it hangs from
    above: set[int] = set()  # elements above some post: the thread, the page, not a post
    for i in comments:
        chain = blocks[i].ancestors
        at = next((k for k in range(len(chain) - 1, -1, -1) if chain[k] in prose), None)
        if at is not None:
            posts[i] = chain[at]
            above.update(chain[:at])
    hanging = {i: post for i, post in posts.items() if post not in above}
    if len(set(hanging.values())) < 2:
        return blocks  # one post's comments, or a thread's replies: the thread
    out = list(blocks)
    for i in hanging:
        out[i] = _relabel(blocks[i], NAVIGATION, "post_comment", min(blocks[i].score, 0.4))
    return out


def _cards_with_reviews(blocks: list[Block], options: Options) -> set[int]:
    """HTML: the elements that hold a comment or review container beside content of their
    own, where many on one path do (a listing's product cards, each with its review
    snippet): there the snippet is the card's. An article with its comments below is one
    such element, a product page with its reviews another: never many."""
    p, least = options.phrases, options.thresholds.records_min
    marks = p.dom_comments | p.dom_reviews
    holders: dict[int, str] = {}  # the element above each comment container: its record key
    for b in blocks:
        if b.features is None or b.features.dom_cue != "comments" or not b.ancestors:
            continue
        steps = b.dom_path.split(">")
        at = next((k for k, step in enumerate(steps) if not marks.isdisjoint(read_step(step)[2])), 0)
        if at and len(steps) == len(b.ancestors):
            holders.setdefault(b.ancestors[at - 1], _record_key(">".join(steps[:at])))
    if len(holders) < least:
        return set()
    with_content = {serial for b in blocks
                    if b.label is CONTENT and b.features is not None and b.features.dom_cue != "comments"
                    for serial in b.ancestors if serial in holders}
    per_key: dict[str, list[int]] = {}
    for serial in with_content:
        per_key.setdefault(holders[serial], []).append(serial)
    return {serial for serials in per_key.values() if len(serials) >= least for serial in serials}


# Words a heading of the rules' lists ([comments] reviews, [navigation] footer) may have, as
# measured: a line of a sentence broken over lines counts the sentence's, and is no heading.
HEADING_WORDS = 6
# A line of at most this many words, none a digit, is a menu's or tabs' item.
MENU_ITEM_WORDS = 3


def _headings(blocks: list[Block], pattern: re.Pattern[str]) -> list[int]:
    """Scraped text: the lines that are, whole, a heading `pattern` names."""
    match = pattern.fullmatch
    return [i for i, b in enumerate(blocks)
            if (f := b.features) is not None and f.words <= HEADING_WORDS and match(b.text) is not None]


def _comments_heading(blocks: list[Block], options: Options) -> int | None:
    """Where the comment section of scraped text opens, if it does after a full article:
    at a "12 Comments" or "Customer Reviews" heading, or at the first of a run of comment
    headers (a name line over a date line), unless one heads the first post too: then
    the page is a thread.
    A heading with no run of headers at or just after it must also come after most of
    the page's content (a "Comments" link in the page header opens nothing)."""
    if not blocks or blocks[0].dom_path:
        return None  # HTML has its comment containers instead
    t = options.thresholds
    headers = [i for i in range(len(blocks) - 1) if _comment_header(blocks, i)]
    openers = {i for i, b in enumerate(blocks) if b.features is not None and b.features.phrase == "comments"}
    openers.update(i for i in _headings(blocks, options.phrases.line_reviews) if not _in_menu(blocks, i))
    if not headers and not openers:
        return None  # nothing below could open the section: most pages, in one pass
    total = sum(b.features.words for b in blocks if b.features and b.label is CONTENT)
    later = {h: len(headers) - n for n, h in enumerate(headers)}  # headers from here to the end
    seen = 0
    for i, b in enumerate(blocks):
        if b.features is None:
            continue
        opens_run = later.get(i, 0) >= t.comment_headers
        # `later` falls from header to header: a run starting within the next three blocks.
        # (Looked for only while headers remain: a page without one has none to look at.)
        run_here = opens_run or bool(later) and any(later.get(j, 0) >= t.comment_headers for j in range(i + 1, i + 4))
        after_article = seen >= t.article_words and (run_here or seen >= total * t.comments_after_share)
        if i in later and not after_article and not b.features.is_byline:
            later = {}  # a post signed like the replies: a thread, where replies are content
        if after_article and (i in openers or opens_run):
            return i
        if b.label is CONTENT:
            seen += b.features.words
    return None


def _in_menu(blocks: list[Block], i: int) -> bool:
    """Whether a "Reviews" heading is one of a menu's or tabs' items ("Overview", "Specs",
    "Reviews"), not a section's: the two lines above it are such items too."""
    return all((f := b.features) is not None and f.words <= MENU_ITEM_WORDS and not f.digit_share
               for b in blocks[max(0, i - 2):i])


def _comment_header(blocks: list[Block], i: int) -> bool:
    """A commenter's name ("Emma", "Pete says:") over the comment's date and time
    ("December 18, 2025, 9:46 pm"): a listing's entries have dates, but rarely the minute."""
    name, date = blocks[i].features, blocks[i + 1].features
    if name is None or date is None:
        return False
    text = blocks[i].text
    # (The attribution ends in a colon: a line without one is not searched.)
    if name.words <= 10 and not name.repeats and ":" in text and REPLY_ATTRIBUTION.search(text):
        return True  # each reply names its own writer: "One tester said:" eight times is a quote's lead-in
    if not 1 <= name.words <= 5 or name.is_date:
        return False  # not a name: most lines, told before the date line is searched
    # A comment's age in place of its date; the line above is a name, not a menu word
    # ("More") or another card's age.
    dated = (date.is_date and date.words <= 10 and TIME_OF_DAY.search(blocks[i + 1].text) is not None
             or RELATIVE_TIME.fullmatch(blocks[i + 1].text.strip()) is not None and not name.phrase
             and RELATIVE_TIME.fullmatch(text.strip()) is None)
    return dated and (not name.terminal_punctuation or text.rstrip().endswith(":"))


def _gains(blocks: list[Block], options: Options) -> list[float]:
    """What each block adds to a region: positive for content, negative for boilerplate,
    more for longer blocks (but less than in proportion, so one long block of sidebar
    prose does not outweigh a run of short menu items). In scraped text, where no
    containers mark where the article ends, known chrome ("Share", "Related",
    "Advertisement") marks the edge of a stretch and costs more."""
    chrome = -options.thresholds.chrome_gain
    return [chrome if not b.dom_path and b.label is not CONTENT and not HARD_REASONS.isdisjoint(b.reasons) else weight
            for b, weight in zip(blocks, _weights(blocks))]  # (_hard written out)


def _weights(blocks: list[Block]) -> list[float]:
    """Each block's gain by its score and length alone (all of _gains in HTML, where every
    block has a path). A column for the page: a call a block cost as much as the sum."""
    sqrt = math.sqrt
    return [(b.score - 0.5) * sqrt(f.words + 1 if (f := b.features) else 1) for b in blocks]


def keep_main_container(blocks: list[Block], options: Options, groups: dict[str, list[int]],
                        dated: bool = False) -> list[Block]:
    """HTML: the deepest element that still holds nearly all of the page's content is
    the article's container (<body> holds everything; the article's own element nearly
    everything, and tighter). Content outside it stays when it is sure of itself, or
    when the branch it sits in is a strong region of its own (the second column of a
    service page, a listing split in two grids); the rest is sidebar and footer prose.
    Where an article outweighs the teaser cards around it, the cards weigh nothing in
    that choice, and the ones outside the article go. On an undated page, the header
    over the container stays with it (_headline_lead)."""
    t = options.thresholds
    cards = _teaser_cards(blocks, groups, t.card_words)
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
    weights = _weights(blocks)
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
                b = _relabel(b, NAVIGATION, "teaser_card", min(b.score, 0.45))
            elif b.score < t.outside_container:
                root = _branch(b.ancestors, chain)
                if root is None or mass[root] < t.second_region_share * mass[main]:
                    b = _relabel(b, NAVIGATION, "outside_main_container", min(b.score, 0.45))
        out.append(b)
    return out


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
    return _words(b) < t.medium_words and PRICE.search(b.text) is not None


def _teaser_cards(blocks: list[Block], groups: dict[str, list[int]], card_words: int) -> dict[int, int]:
    """Blocks inside teaser cards, each with the element that holds its card and the
    card's siblings (a grid, a carousel): three or more sibling containers, each holding
    a few short blocks on the same paths (a teaser's kicker, linked headline and
    summary), as against paragraphs that are themselves the repeated siblings. A card
    leads elsewhere, so one of its blocks is mostly link."""
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
    for i, b in enumerate(blocks):
        if b.features is None or carded.isdisjoint(b.ancestors):
            continue
        root = min(carded.intersection(b.ancestors))  # the outermost card: serials grow with depth
        under[i] = root
        words[root] = words.get(root, 0) + b.features.words
        if b.features.words >= 2 and b.features.link_density >= 0.5:
            linked.add(root)
    return {i: roots[root] for i, root in under.items() if root in linked and words[root] <= card_words}


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
            out[i] = _relabel(b, NAVIGATION, "table_of_contents", min(b.score, 0.45))
    return out


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
            out[i] = _relabel(b, NAVIGATION, "duplicate", min(b.score, 0.45))
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
            out[i] = _relabel(blocks[i], NAVIGATION, "duplicate", min(blocks[i].score, 0.45))
    return out


# Words of kept prose that make an <article> a story of its own (a next story loaded
# ahead may be cut short; a card's teaser runs to a few dozen).
OTHER_ARTICLE_WORDS = 100
OWN_ARTICLE_SHARE = 0.3  # of the kept words, what the headline's <article> holds to bound the story


def drop_other_articles(blocks: list[Block], options: Options, page_title: str | None,
                        thread: bool = False) -> list[Block]:
    """HTML: a news site that scrolls on to the next story has it in the page already,
    an <article> of its own beside the one the page is for, and many sites set the
    teasers of other stories in <article>s too. When the headline, the one the page's
    head names (`page_title`), stands in one <article> with a story's worth of prose,
    what other <article>s hold is other pages', and so is what is kept outside any, when
    the headline's <article> holds a fair share of the text (OWN_ARTICLE_SHARE). On a
    discussion (`thread`), whose posts are <article>s, only those with a headline and a
    story's worth of prose each go. (A blog's front page, whose title is the blog's, is
    left alone.)"""
    title = next((b for b in blocks if b.role == "title"), None)
    if title is None or not page_title or title.text.casefold().strip() != page_title.casefold().strip():
        return blocks
    own = _article_of(title)
    if own is None:
        return blocks
    articles: dict[int, int] = {}  # each kept block's <article>, read from its path once
    words: dict[int, int] = {}
    headed: set[int] = set()
    for i, b in enumerate(blocks):
        f = b.features
        if b.label is CONTENT and f is not None and (article := _article_of(b)) is not None:
            articles[i] = article
            words[article] = words.get(article, 0) + f.words
            if f.is_heading:
                headed.add(article)
    if words.get(own, 0) < OTHER_ARTICLE_WORDS:
        return blocks
    others = {a for a, n in words.items()
              if a != own and (not thread or a in headed and n >= OTHER_ARTICLE_WORDS)}
    # Off a discussion, an <article> that holds a fair share of the text is the story's
    # bounds: what is kept outside it (a sidebar's posts, a testimonial, a promo) is not.
    bounded = not thread and words[own] >= OWN_ARTICLE_SHARE * _body_words(blocks)
    out = []
    for i, b in enumerate(blocks):
        if articles.get(i) in others:
            b = _relabel(b, NAVIGATION, "other_article", min(b.score, 0.4))
        elif bounded and b.label is CONTENT and b.role == "body" and i not in articles:
            b = _relabel(b, NAVIGATION, "outside_article", min(b.score, 0.4))
        out.append(b)
    return out


FORM_SHARE = 0.3  # of an article's kept words, the most a <form> may hold and still be the page's furniture


def drop_forms(blocks: list[Block], article: bool, options: Options, thread: bool = False) -> list[Block]:
    """HTML: on a page whose markup calls it an article, what a <form> holds is a sign-up,
    a quote request or a comment box, not the story; unless the form holds the headline
    or much of the text (some sites wrap the whole page in one form). On other pages a
    form without a line of prose is a control: a listing's filters (colours, sizes,
    price ranges), a product's options; a form with prose is a calculator's or a
    configurator's page, explained in it. (On dev HTML word F1 +0.0002: collection
    +0.0014, product +0.0017, listing +0.0005, service -0.0001.)"""
    if thread:
        return blocks
    forms = {i: f for i, b in enumerate(blocks) if b.label is CONTENT and (f := _outermost(b, "form")) is not None}
    if not forms:
        return blocks
    inside: dict[int, int] = {}  # each form's kept words
    prose: set[int] = set()  # the forms holding a kept paragraph
    for i, form in forms.items():
        words = _words(blocks[i])
        inside[form] = inside.get(form, 0) + words
        if words >= options.thresholds.long_words:
            prose.add(form)
    title = next((b for b in blocks if b.role == "title"), None)
    home = _outermost(title, "form") if title is not None else None
    kept = _body_words(blocks)
    chrome = {f for f, n in inside.items()
              if f != home and n <= FORM_SHARE * kept and (article or f not in prose)}
    if not chrome:
        return blocks
    # (The pipeline's ensure_content follows, as for drop_other_articles.)
    return [_relabel(b, NAVIGATION, "in_form", min(b.score, 0.4)) if forms.get(i) in chrome else b
            for i, b in enumerate(blocks)]


def _body_words(blocks: list[Block]) -> int:
    """The words of the body blocks kept as content."""
    return sum(_words(b) for b in blocks if b.label is CONTENT and b.role == "body")


def _outermost(b: Block, tag: str) -> int | None:
    """The serial of the outermost element of this tag the block stands in, if any."""
    at = _first_step(b.dom_path, tag)
    return b.ancestors[at] if at is not None and at < len(b.ancestors) else None


@functools.lru_cache(maxsize=4096)
def _first_step(path: str, tag: str) -> int | None:
    """Where the first step of this tag stands in a path, if anywhere: read once for the
    many blocks on a path."""
    # Most paths hold no such step: a look for the tag after a step's '>' (a bare
    # substring test also found "platform" and "information" in class names).
    if ">" + tag not in path and not path.startswith(tag):
        return None
    for at, step in enumerate(path.split(">")):
        if step == tag or step.startswith((tag + ".", tag + "#", tag + "[")):
            return at
    return None


def _article_of(b: Block) -> int | None:
    """The serial of the outermost <article> the block stands in, if any."""
    return _outermost(b, "article")


# What an author's note says of its author after the name: "Jane Doe is a freelance
# writer...", "Jane Doe, CFP, has covered...", in the languages the bylines are read in.
BIO_VERB = re.compile(
    r"(?:,[^,.]{1,40},)?\s+(?:is|was|has|writes|covers|joined|serves|lives|holds|brings|began|worked|"
    r"founded|started|runs|leads|owns|works|teaches|studied|graduated|grew up|loves|enjoys|speciali[sz]es|"
    r"ist|war|schreibt|arbeitet|est|a été|écrit|travaille|es|fue|escribe|trabaja|è|scrive|lavora|é|escreve|trabalha|"
    r"schrijft|werkt|jest|pisze|är|skriver|er|je|este|adalah|là|является|работает|пишет)\b")
BIO_MORE = 2  # paragraphs after the note's first that may go on with it
BIO_LINE_WORDS = 6  # a line of the note's box that names the author: "About Jane Doe"
AUTHORS_APART = re.compile(r"\s*(?:,|&|\band\b)\s*")  # "Jane Doe, John Roe and Ann Poe"


# How far (in blocks) keep_legal_prose looks for the prose around a legal paragraph, and
# how long that prose and the paragraph must be; and the share of the paragraph's words
# (CONTENT_WORD) the rest of the kept text must share.
LEGAL_PROSE_REACH = 3
LEGAL_PROSE_WORDS = 20
LEGAL_PARAGRAPH_WORDS = 15
LEGAL_COHESION = 0.2
CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more: what a text is about


def keep_legal_prose(blocks: list[Block], language: str | None = None) -> list[Block]:
    """A paragraph that talks like a privacy notice or terms of use ("pursuant",
    "third-party vendors", "liability") between two kept paragraphs of prose that do not,
    and on their subject, is the article's, written on a legal matter (an LLC's filing,
    a VPN's logging policy, an insurer's cover). A consent dialog that a converter wrote
    into the middle of a story shares none of its words; a site's privacy policy stands
    among more of its own kind. Run before the model, which leaves such a paragraph kept
    (it never brings legal text back itself)."""
    candidates = [i for i, b in enumerate(blocks)
                  if "legal_text" in b.reasons and b.label is not CONTENT and b.role == "body"
                  and b.features is not None and b.features.words >= LEGAL_PARAGRAPH_WORDS and not _hard(b)
                  and _plain_prose_near(blocks, range(i - 1, max(-1, i - 1 - LEGAL_PROSE_REACH), -1))
                  and _plain_prose_near(blocks, range(i + 1, min(len(blocks), i + 1 + LEGAL_PROSE_REACH)))]
    stops = stopwords(language)
    if not candidates or not stops:
        # Nearly every page has no legal paragraph between plain ones; and without the
        # language's stop words, its function words ("your", "with") would pass for a
        # shared subject.
        return blocks
    kept = {w for b in blocks if b.label is CONTENT and b.role == "body" for w in _content_words(b.text, stops)}
    out = list(blocks)
    for i in candidates:
        words = _content_words(blocks[i].text, stops)
        if words and len(words & kept) >= LEGAL_COHESION * len(words):
            out[i] = _relabel(blocks[i], CONTENT, "legal_in_prose", max(blocks[i].score, 0.5))
    return out


def _content_words(text: str, stops: frozenset[str]) -> set[str]:
    return {w for w in CONTENT_WORD.findall(text.lower()) if w not in stops}


def _plain_prose_near(blocks: list[Block], near: range) -> bool:
    """Whether the first paragraph of prose in `near` is kept body text with no legal
    vocabulary of its own."""
    for j in near:
        b, f = blocks[j], blocks[j].features
        if f is not None and f.words >= LEGAL_PROSE_WORDS:
            return b.label is CONTENT and b.role == "body" and f.legal_terms == 0
    return False


def drop_author_bio(blocks: list[Block], author: str | None, options: Options,
                    language: str | None = None) -> list[Block]:
    """An author's note ("Jane Doe is a freelance writer living in...") is the page's
    furniture, not the article: a kept paragraph that opens with the name of the page's
    author (metadata) and goes on to say what the author is or does. A name of one word
    ("admin", "Staff") is too common to tell a note from a sentence about someone."""
    names = [n for n in AUTHORS_APART.split(author or "") if len(n.split()) >= 2]
    if not names:
        return blocks
    # Notes as often call the author by the given name alone ("Jane is a freelance writer");
    # not a publication's article ("The Commercial Appeal"), which is no one's name.
    stops = stopwords(language)
    names += [given for n in names if len(given := n.split()[0]) >= 3 and given[0].isupper()
              and given.lower() not in stops]
    body = [i for i, b in enumerate(blocks) if b.label is CONTENT and b.role == "body"]
    # (Tested name by name rather than compiled into one pattern a page: compiling the
    # verbs' alternation cost more than the whole pass.)
    notes = {i for i in body for n in names if blocks[i].text.startswith(n) and BIO_VERB.match(blocks[i].text, len(n))}
    if not notes:
        return blocks
    openers = frozenset(notes)
    # The note's box: the name over it, "More about Jane Doe" under it (but not "1. Jane
    # Doe", a ranked list's entry).
    notes |= {j for k, i in enumerate(body) if i in notes for j in body[max(k - 2, 0):k + 3]
              if word_count(blocks[j].text) <= BIO_LINE_WORDS and _names(blocks[j].text, names)
              and not BULLET.match(blocks[j].text)}
    # A note may run on for a paragraph or two that name the author again ("When she's
    # not writing, Jane ...").
    # Only from a note's opening paragraph: a run of paragraphs that each name the author
    # is a story about someone of that name, which the test below then keeps.
    for k, i in enumerate(body):
        if i in openers:
            for j in body[k + 1:k + 1 + BIO_MORE]:
                if not _names(blocks[j].text, names):
                    break
                notes.add(j)
    # Named elsewhere in the body, in prose or as a ranked entry ("1. Jane Doe"), the
    # author is what the page is about (a listicle ranking its own writer's firm first),
    # not who wrote it. A byline ("Jane Doe and John Roe | Columnists") or a photo's
    # credit ("Photo by Jane Doe") names the writer, not the subject.
    if any(_mentioned(blocks[i].text, names) for i in body
           if i not in notes and (_words(blocks[i]) >= MENTION_WORDS or BULLET.match(blocks[i].text))):
        return blocks
    return ensure_content([_relabel(b, NAVIGATION, "author_bio", min(b.score, 0.4)) if i in notes else b
                           for i, b in enumerate(blocks)], options)


def drop_above_headline(blocks: list[Block], options: Options) -> list[Block]:
    """Scraped text: what was kept above the headline that the text's opening <title>
    names again (metadata marks it `title_echo`) is the page's, not the article's: a
    mega-menu's product blurbs, a promo. Run last, so that the passes and the model
    judged the page whole."""
    at = next((i for i, b in enumerate(blocks) if b.role == "title" and TITLE_ECHO in b.reasons), None)
    if at is None:
        return blocks
    return ensure_content([_relabel(b, NAVIGATION, "above_headline", min(b.score, 0.4))
                           if i < at and b.label is CONTENT and b.role == "body" else b
                           for i, b in enumerate(blocks)], options)


def drop_below_footer(blocks: list[Block], options: Options) -> list[Block]:
    """Scraped text: below a heading that names the page's footer ("Footer", "Site
    footer", "Footer navigation": a screen reader's label of the landmark, which a
    converter writes out) all is the footer's, once the page's own text stands above it
    (as a comment section's heading must). Run last, as the landmark is set aside in HTML."""
    headings = _headings(blocks, options.phrases.line_footer)
    if not headings:
        return blocks  # most pages, told in one look
    t = options.thresholds
    above = [0, *accumulate(_words(b) if b.label is CONTENT else 0 for b in blocks)]  # kept words above each line
    # Not a "Skip to footer" target up top, nor a "Footer" section of a page about layouts.
    at = next((i for i in headings if above[i] >= t.article_words and above[i] >= above[-1] * t.comments_after_share),
              None)
    if at is None:
        return blocks
    return ensure_content([_relabel(b, NAVIGATION, "below_footer", min(b.score, 0.4))
                           if i > at and b.label is CONTENT else b
                           for i, b in enumerate(blocks)], options)


def _names(text: str, names: list[str]) -> bool:
    return any(n in text for n in names)


# What comes before a name that credits it with the page's words or pictures.
CREDIT = re.compile(r"(?:\bby|©|\bphoto(?:graph)?s?|\bcredits?|\bimages?)\W*$", re.I)
MENTION_WORDS = 10  # a paragraph, not a byline ("Jane Doe and John Roe | Columnists")


def _words(b: Block) -> int:
    """A block's words (0 before it is measured)."""
    return b.features.words if b.features is not None else 0


def _mentioned(text: str, names: list[str]) -> bool:
    """Whether a text names one of `names` other than in a credit."""
    for n in names:
        at = text.find(n)
        while at >= 0:
            if not CREDIT.search(text, max(0, at - 16), at):
                return True
            at = text.find(n, at + 1)
    return False


def ensure_content(blocks: list[Block], options: Options) -> list[Block]:
    """A page with text never comes out empty: with no content found, keep the blocks
    that scored best (the top of the score range), so the user sees the likeliest part.
    Run again once the headline is known, it finds a body for a page whose only content
    was its headline."""
    # (Most pages have kept text: one look, stopped at its first block.)
    if any(b.label is CONTENT and b.role == "body" for b in blocks):
        return blocks
    body = [b for b in blocks if b.role == "body"]
    if not body:
        return blocks
    top = max(b.score for b in body)
    floor = top - options.thresholds.fallback_margin
    return [_relabel(b, CONTENT, "best_of_page", b.score)
            if b.role == "body" and b.score >= floor and b.score > 0 and not _hard(b) else b for b in blocks]


def apply_rules(blocks: list[Block]) -> list[Block]:
    """A rules file's selectors have the last word: no context pass overrules them."""
    return [_relabel(b, CONTENT if b.rule == "keep" else NAVIGATION, f"rule_{b.rule}", b.score)
            if b.rule and (b.label is CONTENT) != (b.rule == "keep") else b for b in blocks]


def drop_site_boilerplate(blocks: list[Block], lines: frozenset[str]) -> list[Block]:
    """Lines the page's site repeats on many of its pages (site.find_boilerplate) are its
    chrome: navigation, whatever this page made of them."""
    return [_relabel(b, NAVIGATION, "site_boilerplate", min(b.score, 0.2))
            if b.label is CONTENT and line_key(b.text) in lines else b
            for b in blocks]
