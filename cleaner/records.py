"""The records that flow through the pipeline: plain, frozen, typed."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter
from typing import Any, NamedTuple


class Label(str, Enum):
    """What a block is. A str-valued enum so JSON stays plain strings."""

    CONTENT = "content"
    NAVIGATION = "navigation"
    ADS = "ads"


# Label's members as plain names, for the loops over blocks: on Python 3.11 a member read
# through its class goes through the metaclass's attribute hook (EnumType has a
# __getattr__), about 0.25 µs a read against 0.015 µs for a module's name.
CONTENT, NAVIGATION, ADS = Label.CONTENT, Label.NAVIGATION, Label.ADS


class Kind(str, Enum):
    """What the input is."""

    HTML = "html"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and how it was chosen."""

    text: str
    encoding: str
    method: str  # "bom", "declared", "chardet", "fallback", "unicode" (str given), "gzip+..." prefix


class Features(NamedTuple):
    """Measurements of one block. No thresholds here: scoring owns those.
    Features and Block are named tuples rather than frozen dataclasses: a page has
    hundreds of blocks, each rebuilt by several passes, and a tuple is built (and
    `_replace`d) three to four times faster."""

    words: int
    chars: int
    terminal_punctuation: bool
    stopword_density: float  # features.NO_STOP_LIST (-1) where the page's stop list does not fit it
    capitalised_share: float
    digit_share: float
    link_density: float
    starts_lowercase: bool
    position: float  # 0 at the top of the page, 1 at the bottom
    repeats: int  # other blocks on the page with the same text
    phrase: str  # "" or the kind of boilerplate phrase matched: "navigation" / "related" / "ads"
    dom_cue: str  # "" or the DOM hint: "landmark" / "navigation" / "ads" / "comments" / "content"
    # (a "review" container is "comments", or "" on a page that says it is an article)
    legal_terms: int  # words of cookie, privacy and terms vocabulary
    is_date: bool
    is_byline: bool
    is_heading: bool  # tag or shape says heading
    list_like: bool  # bullet or list item
    unbroken: bool = False  # long, with hardly a comma or full stop: a list run together, not prose
    code: bool = False  # preformatted (<pre>, a Markdown code fence): not prose, so not judged as prose


class Block(NamedTuple):
    """One line of scraped text or one block of an HTML page."""

    index: int  # type: ignore[assignment]  # its place on the page; shadows tuple.index, unused here
    text: str
    tag: str = "line"  # "line" for scraped text; p, h1..h6, li, tr, pre, blockquote, div... for HTML
    dom_path: str = ""  # ancestor tags with their class/id tokens, outermost first
    ancestors: tuple[int, ...] = ()  # the same ancestors as serial numbers: which element, not which kind
    link_chars: int = 0
    group: int = -1  # scraped text: index of the first line of the sentence this line continues
    cells: tuple[str, ...] = ()  # table rows: one entry per cell
    ordered: bool = False  # list items of an <ol>
    rule: str = ""  # "drop" / "keep": a rules file's CSS selector decided the block
    features: Features | None = None
    label: Label = Label.CONTENT
    score: float = 0.0  # how likely the block is content, 0..1
    reasons: tuple[str, ...] = ()
    role: str = "body"  # "body", or "title" / "byline" / "date" for content kept out of the body


_BLOCK_FIELDS = {name: i for i, name in enumerate(Block._fields)}


def _replace_block(self: Block, **changes: Any) -> Block:
    """Block._replace at twice the speed: every pass rebuilds every block of a page, and
    the generated method goes through a dict of all fifteen fields each time."""
    values = list(self)
    for name, value in changes.items():
        values[_BLOCK_FIELDS[name]] = value
    return tuple.__new__(Block, values)


Block._replace = _replace_block  # type: ignore[method-assign, assignment]

# A block's judgement, label, score and reasons, stands side by side in it.
JUDGED_AT = Block._fields.index("label")
assert Block._fields[JUDGED_AT:JUDGED_AT + 3] == ("label", "score", "reasons")


def judged(block: Block, label: Label, score: float, reasons: tuple[str, ...]) -> Block:
    """The block with a new judgement: the copy the scorer, every pass and the model make
    of nearly every block, built from its slices (a third faster than _replace's keywords)."""
    fields = list(block)  # (a list set in place: cheaper than joining slices of the tuple)
    fields[JUDGED_AT:JUDGED_AT + 3] = label, score, reasons
    return tuple.__new__(Block, fields)


# What the splitters (segment's HTML walk and line splitter) fill in a block they build by
# position, in Block's order; the rest are defaults.
BUILT_FIELDS = ("index", "text", "tag", "dom_path", "ancestors", "link_chars", "group", "cells", "ordered", "rule")
assert Block._fields[:len(BUILT_FIELDS)] == BUILT_FIELDS
NO_GROUP, NO_CELLS = Block._field_defaults["group"], Block._field_defaults["cells"]
NO_PATH, NO_ANCESTORS, NO_RULE = (Block._field_defaults[name] for name in ("dom_path", "ancestors", "rule"))
UNSCORED = tuple(Block._field_defaults[name] for name in Block._fields[len(BUILT_FIELDS):])


GROUP = attrgetter("group")


def sentence_lines(blocks: Iterable[Block]) -> Counter[int]:
    """How many lines each sentence runs over, by group (a converter broke it at links);
    0 for a block in no group. A line of a sentence of several lines carries the whole
    sentence's measurements, so passes that count lines share them out."""
    return group_lines(map(GROUP, blocks))


def group_lines(groups: Iterable[int]) -> Counter[int]:
    """sentence_lines from the blocks' groups alone (a column of them)."""
    lines = Counter(groups)  # counted in C; then the few distinct groups below 0 (no group) left out
    for group in [group for group in lines if group < 0]:
        del lines[group]
    return lines


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 publication date
    site_name: str | None = None
    language: str | None = None  # ISO 639-1
    url: str | None = None
    page_type: str | None = None  # what the page declares it is: "article", "product"... (og:type, JSON-LD)


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned page: metadata, every block with its label, and the kept body."""

    source: str
    kind: Kind
    encoding: str
    encoding_method: str
    metadata: Metadata
    blocks: tuple[Block, ...] = field(default=())
    confidence: float = 0.0

    @property
    def body(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.label is CONTENT and b.role == "body")

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        """The body with lines that continue one sentence joined back into one block, and
        without those that hold no word or number: a bullet a renderer wrote on a line of
        its own ("•", its item on the next line) is layout the scorer read, not text."""
        # Each paragraph's first block and its pieces, joined once: a sentence of n lines
        # is not copied once a line.
        merged: list[tuple[Block, list[str]]] = []
        for b in self.body:
            if merged and b.group >= 0 and b.group == merged[-1][0].group:
                merged[-1][1].extend(("" if b.text[:1] in ",.;:!?)]»”’" else " ", b.text))
            else:
                merged.append((b, [b.text]))
        paragraphs = (b._replace(text="".join(pieces)) if len(pieces) > 1 else b for b, pieces in merged)
        return tuple(b for b in paragraphs if b.tag == "pre" or any(map(str.isalnum, b.text)))

    @property
    def text(self) -> str:
        """The body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(b.text for b in self.paragraphs)

    # Shortcuts so callers need not reach into metadata.
    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def author(self) -> str | None:
        return self.metadata.author

    @property
    def date(self) -> str | None:
        return self.metadata.date
