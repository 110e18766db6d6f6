"""What a block's place in the page's markup says of it: the cue (landmark, navigation,
ads, comments, content) that its ancestors' tags, ARIA roles and class and id names give,
read a path step at a time and shared by the blocks of a page (features.measure reads it
for each block)."""
from __future__ import annotations

import re
from collections import Counter

from . import phrases
from .memo import remember
from .options import Phrases
from .phrases import ends_sentence
from .records import Block
from .rules import defaults

# Class/id names are split into tokens at -, _, spaces, digits and case changes:
# "siteFooter" -> site, footer.
NAME_BREAK = re.compile(r"[-_\s:/\d.#\[\]]+")  # and at a path step's marks of class, id and role
# NAME_BREAK for an ASCII step: its breaks made spaces by a byte table, then str.split (a
# regex split pays a search and a string a part: four times the cost). ASCII's \s are
# str.split's spaces, \x1c-\x1f with them.
ASCII_NAME_BREAKS = bytes.maketrans(b"-_:/.#[]0123456789\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b" " * 27)
CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# "code-header", "module_header", "card-header", "PricingGridHeader": the header of a
# component (a card's title, a code block's signature, an accordion's question), not the
# page's. The word before it names the component; the page's own header is named for
# the page ("site-header", "main-header", "sticky-header") or by a theme's short prefix
# ("td-header-wrap"). On dev HTML word F1 +0.0006 (collection +0.006, listing +0.001).
COMPONENT_HEADER = re.compile(r"([A-Za-z]{3,})(?:[-_]+header|Header)(?=[.#\[]|$|[-_])")
PAGE_WORDS = frozenset({"site", "page", "main", "global", "sticky", "fixed", "mobile", "desktop", "primary",
                        "navbar", "navigation", "masthead", "banner", "layout", "location"})


def _component_name(match: re.Match[str]) -> str:
    """A component's header read as the component's name; the page's header as it is."""
    return match.group(0) if match.group(1).lower() in PAGE_WORDS else match.group(1)


# A name part with a letter after a digit is a generated hash ("251ad163", "1ft5k6i"):
# split at its digits it would spell "ad" or "ft" by chance.
DIGIT_LETTER = re.compile(r"\d[a-zA-Z]")
ASCII_DIGIT_LETTER = re.compile(r"[0-9][a-zA-Z]")  # the same in ASCII, where \d is 0-9: a cheaper test
# "#receive-and-reply-to-an-inbound-sms", "#how-to-write-a-review": anchors that docs
# and blog engines make from a heading's text (five words or more, or with a small
# word in them), as against component ids like "#comments-area-wrap".
ID_SLUG = re.compile(r"#(?:(?:[a-z]+|\d+)(?:-(?:[a-z]+|\d+)){4,}"
                     r"|(?:(?:[a-z]+|\d+)-)+(?:and|to|the|an?|of|for|your|how|what|is|in|on|with|do|you|why)"
                     r"(?:-(?:[a-z]+|\d+))+)(?=[.#\[]|$)")
# CSS Modules name a class for its file and rule and add a hash of five letters and digits
# after a double underscore ("mdx-table_root__adKqa", "Card_title__xT9pQ"): split at its
# case change the hash would spell "ad" by chance. Only a hash with a capital is told from
# a BEM element ("card__title").
CSS_MODULE_HASH = re.compile(r"__(?=[a-z0-9]*[A-Z])[A-Za-z0-9]{5}(?=[.#\[]|$)")
NAME_PARTS = re.compile(r"([-_\s:/]+)")  # the parts, with what separates them
TAG_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"  # what a path step's tag is written in


TABLE_PARTS = frozenset({"table", "thead", "tbody", "caption"})
# What a <header> (or role=banner) carries up the walk until an article or main above it
# says it heads that; at the top of the walk it is the page's banner, whose mega-menus and
# promos would otherwise pass for content or for a listing's records.
BANNER = "banner"
# The cue carried up from a poster's signature (dom_post_chrome) while the walk looks for
# the post it stands in: a landmark there, navigation if there is none.
SIGNED = "signed"


class CueMemo:
    """What one page's paths made of their cues, shared by its blocks: a page's paths
    share most of their steps, and sibling paths all of them but the last."""

    __slots__ = ("steps", "tails", "builder")

    def __init__(self, builder: frozenset[str] = frozenset()) -> None:
        self.steps: dict[tuple[str, str], tuple[str | None, str]] = {}
        self.tails: dict[tuple[str, str], str] = {}  # (path, cue from below) -> the cue
        self.builder = builder  # navigation tokens that name this page's building blocks


def dom_cue(path: str, p: Phrases | None = None, memo: CueMemo | None = None) -> str:
    """The DOM hint of the block's ancestors: landmark (navigation that outranks what
    is inside), navigation, ads, comments, content or ''.
    The nearest class/id token speaks, unless a landmark above it says otherwise: a
    footer's or a consent dialog's `div.content` is still chrome, while an <article>
    inside a layout element named like a sidebar is still the article. A <header> is
    the page's banner (navigation) unless an article or main lies above it."""
    p = p or defaults().phrases
    memo = memo or CueMemo()
    # The walk from the nearest step up depends only on the path left and the cue
    # carried so far: it stops at the first pair already walked, and every pair on
    # the way gets the same answer.
    walked: list[tuple[str, str]] = []
    cue = ""
    while True:
        key = (path, cue)
        answer = memo.tails.get(key)
        if answer is not None:
            break
        walked.append(key)
        above, _, step = path.rpartition(">")
        seen = memo.steps.get((step, cue))
        if seen is None:
            seen = memo.steps[(step, cue)] = _step_cue(step, cue, p, memo.builder)
        verdict, cue = seen
        if verdict is not None or not above:
            answer = cue if verdict is None else verdict
            break
        path = above
    # A <header> with no article or main above it is the page's banner; a signature
    # outside any post is what the navigation token says of it anywhere.
    if answer in (BANNER, SIGNED):
        answer = "navigation"
    for key in walked:
        memo.tails[key] = answer
    return answer


def _step_cue(step: str, cue: str, p: Phrases, builder: frozenset[str] = frozenset()) -> tuple[str | None, str]:
    """One step of the walk up a path, nearest first: the verdict if this step decides
    it, and the cue carried on to the steps above."""
    tag, role, tokens = read_step(step)
    if cue == SIGNED and not p.dom_posts.isdisjoint(tokens):
        return "landmark", cue  # the post a signature stands in (an <article class="message"> too)
    if tag in phrases.TAG_NAVIGATION or role in phrases.ROLE_NAVIGATION:
        return "landmark", cue
    if tag in phrases.TAG_CONTENT or role in phrases.ROLE_CONTENT:
        if cue in ("", BANNER) and "article" in (tag, role) and _names_one_comment(tokens, p):
            return None, "comments"  # <article id="comment-12">: a reader's comment, named so by the theme
        return "content" if cue in ("", BANNER) else cue, cue
    if (tag == phrases.TAG_BANNER or role == phrases.ROLE_BANNER) and cue in ("", "content"):
        return None, BANNER
    if not tokens:
        return None, cue
    if not p.dom_landmarks.isdisjoint(tokens) or (not p.dom_author.isdisjoint(tokens)
                                                   and not p.dom_author_box.isdisjoint(tokens)):
        return "landmark", cue
    if cue in ("", "content") and not p.dom_post_chrome.isdisjoint(tokens):
        return None, SIGNED
    if cue in ("", "content") and not p.dom_comments.isdisjoint(tokens):
        return None, "comments"  # a review's or comment's "text-content" is still the comment's
    if cue in ("", "content") and not p.dom_reviews.isdisjoint(tokens):
        return None, "reviews"
    if cue:
        return None, cue
    if not p.dom_ads.isdisjoint(tokens):
        return None, "ads"
    # A table's own class names its look ("sticky-header", "striped"), not a region of the
    # page; layout tables name their regions on the cells.
    if (not p.dom_navigation.isdisjoint(tokens) and tag not in TABLE_PARTS
            and not builder.issuperset(p.dom_navigation.intersection(tokens))):
        return None, "navigation"
    if not p.dom_content.isdisjoint(tokens):
        return None, "content"
    return None, cue


def _names_one_comment(tokens: tuple[str, ...], p: Phrases) -> bool:
    """Whether an element's names call it a comment: a comment token in the singular
    ("comment-12", "comment-body", "reply"). A post's status flags name the comments it
    has in the plural (Squarespace's "has-comments", "comments-open")."""
    return any(not token.endswith("s") for token in p.dom_comments.intersection(tokens))


_steps: dict[str, tuple[str, str, tuple[str, ...]]] = {}  # read_step's memo


def read_step(step: str) -> tuple[str, str, tuple[str, ...]]:
    """A path step's tag, ARIA role and class/id tokens. Pages share their steps across
    many paths (and sites across pages), so each is read once a process. (A dict of
    tuples of strings, not an lru_cache of frozensets: the garbage collector stops
    tracking such tuples, where the cache's sets and links were most of the objects
    each of its full collections walked.)"""
    known = _steps.get(step)
    return remember(_steps, step, _read_step(step)) if known is None else known


def _read_step(step: str) -> tuple[str, str, tuple[str, ...]]:
    attrs = step.lstrip(TAG_CHARS)  # the tag is the run of these the step opens with
    tag = step[:len(step) - len(attrs)]
    role = attrs[attrs.rfind("[") + 1:-1].lower() if attrs.endswith("]") else ""
    if "#" in attrs:  # an id made from a heading's words names the text, not the element
        attrs = ID_SLUG.sub("", attrs)
    if "__" in attrs:
        attrs = CSS_MODULE_HASH.sub("", attrs)
    if "eader" in attrs:
        attrs = COMPONENT_HEADER.sub(_component_name, attrs)
    words = attrs  # its class, id and role: NAME_BREAK splits at their marks (. # [ ]) too
    ascii_step = attrs.isascii()  # (what follows only puts spaces for ASCII marks: asked once)
    digit_letter = ASCII_DIGIT_LETTER if ascii_step else DIGIT_LETTER
    if digit_letter.search(words):
        words = attrs.replace(".", " ").replace("#", " ").replace("[", " ").replace("]", " ")
        words = "".join([" " if digit_letter.search(part) else part for part in NAME_PARTS.split(words)])
    runs = words.encode().translate(ASCII_NAME_BREAKS).decode().split() if ascii_step else NAME_BREAK.split(words)
    if words.islower():  # no capital, so no case change (and lower() changes nothing): most steps
        tokens = set(runs)
        tokens.discard("")
        return tag, role, tuple(tokens)
    tokens = set()
    for run in runs:
        if run.islower() or run.isupper():  # no case change inside: the common case
            tokens.add(run.lower())
        elif run:
            tokens.update(t.lower() for t in CASE_CHANGE.split(run) if t)
    return tag, role, tuple(tokens)


# Blocks with at least this many spaces that end a sentence are the page's prose: a
# mega-menu may hold a third of a page's words, but no prose.
PROSE_SPACES = 12


def builder_tokens(blocks: list[Block], p: Phrases, share: float) -> frozenset[str]:
    """Navigation tokens of class names that wrap more than `share` of the page's prose:
    the page builder's word for every module, not a region."""
    chars: Counter[str] = Counter()
    total = 0
    by_path: dict[str, set[str]] = {}  # an article's paragraphs share their path
    for b in blocks:
        if b.text.count(" ") < PROSE_SPACES or not ends_sentence(b.text):
            continue
        n = len(b.text)
        total += n
        found = by_path.get(b.dom_path)
        if found is None:
            found = by_path[b.dom_path] = set()
            for step in b.dom_path.split(">"):
                found.update(p.dom_navigation.intersection(read_step(step)[2]))
        for token in found:
            chars[token] += n
    return frozenset(t for t, n in chars.items() if n > share * total)
