"""How to clean a page: every weight, threshold, phrase and selector, as typed records.

The values live in data, not here: `defaults.toml` beside this module holds the
built-in rules, and a user's rules file (`--rules`) has the same shape (rules.py reads
both). The scorer adds up evidence in log-odds: each weight is how much one observation
moves a block towards content (positive) or boilerplate (negative); a block's score is
the logistic of the sum, so 0.5 is the line between content and not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .memo import remember


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float
    long: float
    medium: float
    short: float
    tiny: float
    terminal_punctuation: float
    no_punctuation: float
    stopwords_high: float
    stopwords_mid: float
    stopwords_low: float
    capitalised: float
    keyword_run: float
    unbroken: float
    digits: float
    links_high: float
    links_mid: float
    links_long: float
    phrase_navigation: float
    notice: float
    phrase_ads: float
    phrase_content: float
    rule: float
    dom_navigation: float
    dom_landmark: float
    dom_ads: float
    dom_content: float
    repeated: float
    repeated_prose: float
    legal: float
    date: float
    byline: float
    heading: float


@dataclass(frozen=True, slots=True)
class Thresholds:
    phrase_line_words: int
    phrase_prefix_words: int
    phrase_sentence_words: int
    dateline_words: int
    legal_min_words: int
    long_words: int
    unbroken_words: int
    words_per_break: int
    medium_words: int
    short_words: int
    tiny_words: int
    stopwords_high: float
    stopwords_mid: float
    stopwords_low: float
    capitalised_share: float
    digit_share: float
    links_high: float
    links_mid: float
    legal_terms: int
    legal_words_per_term: int
    content: float
    context_words: int
    sure: float
    reach: int
    outside_region: float
    outside_container: float
    main_share: float
    second_region_share: float
    headline_levels: int
    tail_region_share: float
    chrome_gain: float
    container_levels: int
    container_share: float
    records_min: int
    records_words: float
    records_many: int
    records_many_words: float
    record_score: float
    record_label_share: float
    record_marker_words: int
    record_max_lines: int
    record_regularity: float
    card_dominance: float
    builder_share: float
    card_words: int
    linked_prose_words: int
    copy_words: int
    copy_sources: int
    copy_opening_words: int
    copy_source_words: int
    article_words: int
    comments_after_share: float
    comment_headers: int
    teaser_words: int
    teasers: int
    teaser_length_spread: float
    teaser_prose_words: int
    copyright_words: int
    fallback_margin: float
    summary_words: int
    model: float


@dataclass(frozen=True, slots=True)
class Phrases:
    """Known boilerplate (and users' known content), compiled from the rules' lists."""

    line_navigation: re.Pattern[str]  # a whole line of menu words (also single menu words)
    # Whole lines of ads, comments or related links: one pattern whose named group
    # (`lastgroup`) says which, tried in that order, before line_navigation (the menu
    # words are compiled once: they are most of the rules' start-up).
    line_kinds: re.Pattern[str]
    prefix_navigation: re.Pattern[str]
    sentence_navigation: re.Pattern[str]
    sentence_ads: re.Pattern[str]
    # Either kind of sentence: one search rules out most blocks before the kinds are told apart.
    sentence_any: re.Pattern[str]
    line_content: re.Pattern[str] | None  # None when no rules name content: most runs
    # The sentence_* and legal patterns are searched in the lower-cased text (see rules._anywhere).
    sentence_content: re.Pattern[str] | None
    # Headings over customer reviews (fullmatch), which open scraped text's comment section.
    line_reviews: re.Pattern[str]
    line_footer: re.Pattern[str]  # headings that name the page's footer (fullmatch): scraped text ends there
    line_copyright: re.Pattern[str]  # a copyright notice (search the lower-cased line): scraped text ends at the last
    legal: re.Pattern[str]
    dom_navigation: frozenset[str]
    dom_landmarks: frozenset[str]  # navigation that outranks any name inside it
    dom_author: frozenset[str]  # the word "author", in the languages class names are written in
    dom_author_box: frozenset[str]  # with an author word in one class, a landmark
    dom_post_chrome: frozenset[str]  # inside a post (dom_posts above it), a landmark
    dom_posts: frozenset[str]
    dom_ads: frozenset[str]
    dom_content: frozenset[str]
    dom_comments: frozenset[str]
    dom_reviews: frozenset[str]
    dom_unseen: frozenset[str]  # class names of screen-reader-only text: skipped
    # Which texts line_navigation matches, filled as lines are split and measured: pages
    # repeat their menus, and lines share their words, first words most ("The", "How").
    menu_words: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def is_menu(self, text: str) -> bool:
        """Whether the text is a whole line of menu words (line_navigation), each text
        matched once a process (memo.remember bounds what is kept)."""
        verdict = self.menu_words.get(text)
        if verdict is None:
            verdict = remember(self.menu_words, text, self.line_navigation.match(text) is not None)
        return verdict


@dataclass(frozen=True, slots=True)
class Selectors:
    """CSS selectors whose elements' blocks are dropped or kept whatever they score."""

    drop: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()


def _default(part: str) -> Any:
    from .rules import defaults  # rules.py builds these records: imported when first needed

    return getattr(defaults(), part)


@dataclass(frozen=True, slots=True)
class Limits:
    """What one page may cost: a page of more than `max_bytes` (as given, or once
    gunzipped) or more than `max_lines` lines (HTML: blocks) is refused with an InputError,
    and a batch goes on with the next. Markup nested deeper than libxml2's 256 levels is
    read as text instead (see pipeline.split), so nesting costs no more than its size."""

    max_bytes: int = 256 * 1024 * 1024
    max_lines: int = 250_000  # about 1.7 KB of memory a line or block at most: 400 MB


# What the input is: sniffed, HTML, scraped text, or scraped text read as Markdown.
INPUT_KINDS = ("auto", "html", "text", "markdown")


@dataclass(frozen=True, slots=True)
class Options:
    """How to clean a page. `rules.load(path)` gives the options of a rules file;
    variants come from dataclasses.replace."""

    input_kind: str = "auto"  # one of INPUT_KINDS
    weights: Weights = field(default_factory=lambda: _default("weights"))
    thresholds: Thresholds = field(default_factory=lambda: _default("thresholds"))
    phrases: Phrases = field(default_factory=lambda: _default("phrases"))
    selectors: Selectors = field(default_factory=Selectors)
    limits: Limits = field(default_factory=Limits)
    # The fitted model that has the last word on each block (stacking.py): "default" for
    # the one shipped for the input's kind, a path for another, "" for none.
    model: str = "default"
