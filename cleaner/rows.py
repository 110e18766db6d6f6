"""What the model that has the last word on each line reads (stacking.py): each block's
own measurements, labels and reasons, its neighbours', where it stands in the page's
shape, and the page's as a whole, as columns of numbers, one a feature (FEATURES). The
same columns are the rows `python -m bench.stack` fits the model on (vectors), so the
fitted model and the shipped code read the page alike.
"""
from __future__ import annotations

import functools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import accumulate, compress, groupby, islice, repeat
from typing import Any

from .phrases import HEADING_TAGS
from .records import CONTENT, Block, Features, group_lines

PHRASES = ("navigation", "related", "comments", "ads", "content")
PHRASE_ALIASES = {"navigation": ("notice",)}  # a notice is navigation's phrase, only surer
CUES = ("landmark", "navigation", "ads", "comments", "content")
TAGS = ("heading", "li", "p", "table", "pre", "line")
TABLE = frozenset({"tr", "th", "td"})
# What the context passes concluded (the revise package) and the strongest of the scorer's reasons.
REASONS = (
    "between_content", "heading_before_content", "short_between_boilerplate", "in_content_container",
    "in_boilerplate_container", "repeated_record", "outside_main_region", "outside_main_container",
    "after_related_heading", "comment_section", "duplicate", "best_of_page", "link_density",
    "navigation_phrase", "ad_phrase", "legal_text", "keyword_run", "title_case",
)
NEIGHBOURS = (-3, -2, -1, 1, 2, 3)
REACH = max(NEIGHBOURS)
# The page as a whole: what kind of page it is changes what its short lines are (a
# thread's many dated posts are its content, a listing's repeated records too).
WHOLE_PAGE = ("page_dates", "page_bylines", "page_records", "page_comments", "page_links", "page_kept",
              "page_repeats", "page_words", "thread_url")
# Where the line stands in the page's shape, which any rendering keeps: how far the
# nearest prose is, how long a run of short lines it sits in, whether it is a heading
# over prose or under one, and how many lines look like it (a menu's items share a
# shape, an article's sentences do not).
SHAPE = ("prose_above", "prose_below", "short_run", "end_-1", "end_+1", "heading_-1", "heading_+1",
         "same_start", "same_shape", "repeats_log", "article_side", "article_gap", "kept_mean_words")
# ASCII's ten digits, and the characters past ASCII, where other digits are (_have_digits).
ASCII_DIGIT = re.compile(r"[0-9]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
FIRST_CHARACTER = operator.itemgetter(slice(0, 1))
WINDOW = 6  # blocks either side whose share of content is one feature
PROSE_WORDS = 12  # a line of at least this many words that ends a sentence is prose
SHORT_WORDS = 6  # a line of fewer words is short (a menu item, a label, a button)
# What a block without features reads in the columns that look at it (its row is then
# zeroed whole).
UNMEASURED = Features(0, 0, False, 0.0, 0.0, 0.0, 0.0, False, 0.0, 0, "", "", 0, False, False, False, False)


class Page:
    """What a page's columns are read from: its blocks' labels, scores and lengths as
    lists, and what several columns share, worked out once and only if one is asked for."""

    def __init__(self, blocks: Sequence[Block], thread: bool) -> None:
        self.thread, self.n = thread, len(blocks)
        # Each field of the blocks, then of their Features, as a column: transpositions in
        # C, not an attribute read a block for each field a column needs.
        self.of_blocks: dict[str, tuple[Any, ...]] = dict(zip(Block._fields, list(zip(*blocks)) or repeat(())))
        of_blocks = self.of_blocks
        self.measured = of_blocks["features"]
        self.groups, self.texts, self.raw_tags = of_blocks["group"], of_blocks["text"], of_blocks["tag"]
        self.reasons: Sequence[tuple[str, ...]] = of_blocks["reasons"]
        self.all_measured = None not in self.measured  # (none unmeasured reach here in practice)
        measured = self.measured if self.all_measured else [f or UNMEASURED for f in self.measured]
        self.fields: dict[str, tuple[Any, ...]] = dict(zip(Features._fields, list(zip(*measured)) or repeat(())))
        self.kept = [1.0 if label is CONTENT else 0.0 for label in of_blocks["label"]]
        self.scores = list(of_blocks["score"])
        self.words = list(map(float, self.fields["words"]))
        self.logs = list(map(math.log1p, self.words))
        self.kept_words = sum(map(operator.mul, self.words, self.kept))

    @functools.cached_property
    def window_sizes(self) -> list[int]:
        """How many other blocks each block's window holds (1 at least): up to WINDOW above
        and below, fewer near the page's ends."""
        n = self.n
        above = [*range(min(WINDOW, n)), *repeat(WINDOW, max(n - WINDOW, 0))]
        return [size or 1 for size in map(operator.add, above, reversed(above))]

    @functools.cached_property
    def tags(self) -> list[str]:
        return ["heading" if tag in HEADING_TAGS else "table" if tag in TABLE else tag for tag in self.raw_tags]

    @functools.cached_property
    def repeated(self) -> list[float]:
        """1 for a block whose text another block repeats."""
        return [float(r > 0) for r in self.fields["repeats"]]

    @functools.cached_property
    def reason_flags(self) -> dict[str, list[float]]:
        """REASONS' columns: 1 where the block gives the reason. One pass over the blocks'
        few reasons each, not a search of every block's for each reason the model reads."""
        flags = {reason: [0.0] * self.n for reason in REASONS}
        for i, reasons in enumerate(self.reasons):
            for reason in reasons:
                if reason in flags:
                    flags[reason][i] = 1.0
        return flags

    @functools.cached_property
    def sentences(self) -> set[int]:
        """The groups of the lines one sentence runs across (a converter broke it at links)."""
        return {group for group, lines in group_lines(self.groups).items() if lines > 1}

    @functools.cached_property
    def whole(self) -> list[float]:
        """WHOLE_PAGE's values."""
        return _page(self) + [float(self.thread)]

    @functools.cached_property
    def shape(self) -> list[Sequence[float]]:
        """SHAPE's columns."""
        return _shape(self)


Column = Callable[[Page], Sequence[float]]


def _own(field: str) -> Column:
    """A measurement of the block's own, as a number."""
    return lambda page: list(map(float, page.fields[field]))


def _one_hot(values: Callable[[Page], Sequence[str]], name: str, *aliases: str) -> Column:
    """1 where the block's value is `name` (or one of its aliases)."""
    same = frozenset((name, *aliases))
    return lambda page: [float(v in same) for v in values(page)]


def _reason(reason: str) -> Column:
    return lambda page: page.reason_flags[reason]


def _neighbour(values: Callable[[Page], list[float]], d: int) -> Column:
    """The value of the block `d` lines away; -1 past either end of the page."""
    def column(page: Page) -> list[float]:
        edge = [-1.0] * REACH
        return (edge + values(page) + edge)[REACH + d:REACH + d + page.n]
    return column


def _window(values: Callable[[Page], list[float]]) -> Column:
    """The mean value of the WINDOW blocks either side (not the block's own)."""
    def column(page: Page) -> list[float]:
        v, n = values(page), page.n
        sums = list(accumulate(v, initial=0.0))
        # Each window's sums to its end and to its start, the page's ends clamping them: a
        # slice of the sums each, not a lookup a block; then (end - start - own) / size,
        # mapped in C.
        ends = sums[WINDOW + 1:] + [sums[n]] * min(WINDOW, n)
        starts = [0.0] * WINDOW + sums[:max(n - WINDOW, 0)]
        return list(map(operator.truediv, map(operator.sub, map(operator.sub, ends, starts), v), page.window_sizes))
    return column


def _kept_before(page: Page) -> list[float]:
    """The share of the page's kept words above the block."""
    total = page.kept_words or 1.0
    before = accumulate(map(operator.mul, page.words, page.kept), initial=0.0)
    return [b / total for b in islice(before, page.n)]


def _same_group(page: Page) -> list[float]:
    """1 for a line of a sentence the converter broke over several lines."""
    groups = page.groups
    return [float(group >= 0 and (group != i or following == i))
            for i, group, following in zip(range(page.n), groups, groups[1:] + (-1,))]


def _constant(value: Callable[[Page], float]) -> Column:
    return lambda page: [value(page)] * page.n


def _of_whole_page(k: int) -> Column:
    return _constant(lambda page: page.whole[k])


def _of_shape(k: int) -> Column:
    return lambda page: page.shape[k]


# Each feature as a function of the page giving its column: the model reads a few of
# them (load), the fitting all (vectors).
COLUMNS: dict[str, Column] = {
    "content": lambda page: page.kept, "score": lambda page: page.scores, "log_words": lambda page: page.logs,
    "stopwords": _own("stopword_density"), "links": _own("link_density"), "capitals": _own("capitalised_share"),
    "digits": _own("digit_share"), "position": _own("position"), "sentence_end": _own("terminal_punctuation"),
    "heading": _own("is_heading"), "list_like": _own("list_like"), "date": _own("is_date"),
    "byline": _own("is_byline"), "repeats": lambda page: page.repeated,
    "legal": _own("legal_terms"), "unbroken": _own("unbroken"), "lowercase_start": _own("starts_lowercase"),
    "kept_before": _kept_before, "kept_words": _constant(lambda page: math.log1p(page.kept_words or 1.0)),
    "blocks": _constant(lambda page: math.log1p(page.n)), "same_group": _same_group,
    **{f"phrase_{p}": _one_hot(lambda page: page.fields["phrase"], p, *PHRASE_ALIASES.get(p, ())) for p in PHRASES},
    **{f"cue_{c}": _one_hot(lambda page: page.fields["dom_cue"], c) for c in CUES},
    **{f"tag_{t}": _one_hot(lambda page: page.tags, t) for t in TAGS},
    **{f"reason_{r}": _reason(r) for r in REASONS},
    **{f"content_{d:+d}": _neighbour(lambda page: page.kept, d) for d in NEIGHBOURS},
    **{f"score_{d:+d}": _neighbour(lambda page: page.scores, d) for d in NEIGHBOURS},
    **{f"words_{d:+d}": _neighbour(lambda page: page.logs, d) for d in NEIGHBOURS},
    "content_window": _window(lambda page: page.kept), "words_window": _window(lambda page: page.logs),
    **{name: _of_whole_page(k) for k, name in enumerate(WHOLE_PAGE)},
    **{name: _of_shape(k) for k, name in enumerate(SHAPE)},
}
FEATURES = tuple(COLUMNS)


def columns(blocks: Sequence[Block], thread: bool = False, names: Sequence[str] = FEATURES) -> list[Sequence[float]]:
    """The named FEATURES of each block, a column a feature: its own measurements and
    labels, its neighbours', and the page's (`thread`: its URL names a discussion, where
    the passes keep the comments). Blocks without features (none reach here) read zeros."""
    return page_columns(Page(blocks, thread), names)


def page_columns(page: Page, names: Sequence[str]) -> list[Sequence[float]]:
    out = [COLUMNS[name](page) for name in names]
    unmeasured = {i for i, f in enumerate(page.measured) if f is None} if not page.all_measured else ()
    if unmeasured:
        out = [[0.0 if i in unmeasured else v for i, v in enumerate(column)] for column in out]
    return out


def vectors(blocks: Sequence[Block], thread: bool = False) -> list[list[float]]:
    """One row of FEATURES for each block (what the model is fitted on)."""
    return [list(row) for row in zip(*columns(blocks, thread))]


def _shape(page: Page) -> list[Sequence[float]]:
    """SHAPE's columns: the (log) distance in lines to the nearest prose above and below,
    the length of the run of short lines it is in, whether its neighbours end a sentence
    or head prose, the share of the page's other lines with its first word or its shape
    (length, full stop, capital, digits), how often its text recurs, where it stands
    against the kept prose (before -1, within 0, after 1, and how far), and the mean
    length of a kept line. None of it needs tags: a rendering the model never saw keeps
    its lines' lengths and order."""
    kept, words, n = page.kept, page.words, page.n
    ends = list(map(float, page.fields["terminal_punctuation"]))
    prose = [w >= PROSE_WORDS and e > 0 for w, e in zip(words, ends)]
    short = [0 < w < SHORT_WORDS for w in words]
    # A heading: a few words with no full stop, not lowercase, over a line of prose (the
    # scraped text has no tags to say so).
    heading = [0 < w <= PROSE_WORDS and not e and not lower and prose_below
               for w, e, lower, prose_below in zip(words, ends, page.fields["starts_lowercase"], prose[1:] + [False])]
    # The columns of distances and run lengths are log1p of small whole numbers: read
    # from one table, and built a stretch at a time (between two lines of prose the
    # distance above counts 1, 2, 3...), not a line at a time.
    log1p = math.log1p
    logs = list(map(log1p, range(n + 1)))
    far = log1p(float(n))  # no prose on that side
    at = list(compress(range(n), prose))  # the lines of prose
    if at:
        above, below = [far] * (at[0] + 1), logs[at[0]:0:-1]
        for here, after in zip(at, at[1:]):
            above += logs[1:after - here + 1]
            below += logs[after - here:0:-1]
        above += logs[1:n - at[-1]]
        below += [far] * (n - at[-1])
    else:
        above, below = [far] * n, [far] * n
    run: list[float] = []
    for is_short, lines in groupby(short):
        length = len(list(lines))
        run += [logs[length] if is_short else 0.0] * length
    texts = page.texts
    starts = [(text.split(None, 1) or [""])[0].lower() for text in texts]
    # A line's shape as a tuple of columns zipped in C; a length class worked out once
    # for each length the page has. Its parts are the measured whole numbers and
    # booleans, not the model's floats of them: those hash as themselves, where a
    # float's hash is worked out at each lookup (the same shapes, one to one).
    word_counts = page.fields["words"]
    length_class = {w: min(int(math.log2(w + 1)), 6) for w in set(word_counts)}
    capitals = map(str.isupper, map(FIRST_CHARACTER, texts))
    shapes = list(zip(map(length_class.__getitem__, word_counts), page.fields["terminal_punctuation"], capitals,
                      _have_digits(page)))
    others = max(n - 1, 1)
    # The share of the other lines each first word and each shape has, once a distinct one.
    start_share = {start: (count - 1) / others for start, count in Counter(starts).items()}
    shape_share = {shape: (count - 1) / others for shape, count in Counter(shapes).items()}
    kept_prose = list(map(operator.mul, kept, prose))  # 1.0 for a line of prose the passes kept
    first, final = (kept_prose.index(1.0), n - 1 - kept_prose[::-1].index(1.0)) if 1.0 in kept_prose else (n, -1)
    kept_lines = sum(kept)
    mean_kept = math.log1p(page.kept_words / kept_lines) if kept_lines else 0.0
    headings = list(map(float, heading))
    if first < n:  # before, within or after the prose, and how far from it
        side = [-1.0] * first + [0.0] * (final + 1 - first) + [1.0] * (n - 1 - final)
        gap = [*logs[first:0:-1], *[0.0] * (final + 1 - first), *logs[1:n - final]]
    else:
        side, gap = [-1.0] * n, [-1.0] * n
    return [
        above, below, run,
        [-1.0] + ends[:-1], ends[1:] + [-1.0],  # the ends of the lines above and below
        [0.0] + headings[:-1], headings[1:] + [0.0],
        list(map(start_share.__getitem__, starts)), list(map(shape_share.__getitem__, shapes)),
        list(map(log1p, page.fields["repeats"])), side, gap, [mean_kept] * n,
    ]


def _have_digits(page: Page) -> list[bool]:
    """Whether each line holds a digit (str.isdigit). Its features' digit share says so
    without a scan of the text: they were measured on a text that holds the line's (its
    own, an identical line's, or its sentence's, where the converter broke one over
    several lines), so a share of 0 means none, and a share above 0 of a line in no such
    sentence (measured as itself) means some. Only the lines with a share in such a
    sentence, and any without features, are searched:
    the ASCII digits in C, then, in a text without any, the non-ASCII characters one by
    one (other scripts' digits, superscripts and circled digits: "²", "①")."""
    # The shares compared in C: most lines have none (an unmeasured line's UNMEASURED
    # neither), and only those with one are looked at again.
    have = list(map(operator.gt, page.fields["digit_share"], repeat(0)))
    sentences, groups, texts = page.sentences, page.groups, page.texts
    for i in compress(range(page.n), have):  # (compress has read have[i] when it is set)
        if groups[i] in sentences:
            have[i] = _has_digit(texts[i])
    if not page.all_measured:
        for i in compress(range(page.n), map(operator.is_, page.measured, repeat(None))):
            have[i] = _has_digit(texts[i])
    return have


def _has_digit(text: str) -> bool:
    return ASCII_DIGIT.search(text) is not None or (
        not text.isascii() and any(map(str.isdigit, NON_ASCII.findall(text))))


def _page(page: Page) -> list[float]:
    """The page's shares of dated, signed, repeated-record, comment and repeated blocks,
    its mean link density, the share kept and the mean (log) length of a block (blocks
    without features, none in practice, count only in the denominator)."""
    n, fields = page.n or 1, page.fields
    reasons: Sequence[tuple[str, ...]] = page.reasons
    if not page.all_measured:
        reasons = [r if f is not None else () for f, r in zip(page.measured, reasons)]
    # Sums of columns, in C; an unmeasured block's row of UNMEASURED adds nothing.
    dates, bylines, repeats = sum(fields["is_date"]), sum(fields["is_byline"]), sum(page.repeated)
    links = sum(fields["link_density"])
    records = sum(map(operator.contains, reasons, repeat("repeated_record")))
    comments = sum([cue == "comments" or "comment_section" in r for cue, r in zip(fields["dom_cue"], reasons)])
    return [dates / n, bylines / n, records / n, comments / n, links / n, sum(page.kept) / n, repeats / n,
            sum(page.logs) / n]
