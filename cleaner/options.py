"""Every threshold and weight of the scorer, in one place, as data.

The scorer adds up evidence in log-odds: each weight below is how much one observation
moves a block towards content (positive) or boilerplate (negative). A block's score is
the logistic of the sum, so 0.5 is the line between content and not.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float = -0.2
    # Length in words: long runs of prose are the strongest single sign of content.
    long: float = 2.2  # >= long_words
    medium: float = 0.9  # >= medium_words
    short: float = -0.6  # < short_words
    tiny: float = -1.4  # < tiny_words
    terminal_punctuation: float = 0.9
    no_punctuation: float = -0.4  # a medium or longer block with no sentence end
    stopwords_high: float = 1.1
    stopwords_mid: float = 0.4
    stopwords_low: float = -0.9
    capitalised: float = -0.7  # Title Case Menu Items
    keyword_run: float = -2.0  # Long Runs Of Capitalised Labels Without A Sentence
    digits: float = -0.6
    links_high: float = -2.6
    links_mid: float = -1.2
    links_long: float = -1.0
    phrase_navigation: float = -3.5
    phrase_ads: float = -3.5
    dom_navigation: float = -1.6
    dom_ads: float = -2.5
    dom_content: float = 1.0
    repeated: float = -1.2
    repeated_prose: float = -1.5
    legal: float = -5.0  # cookie banners, privacy notices, terms: outweighs long prose
    date: float = -0.8
    byline: float = -0.5
    heading: float = 0.3
    list_item: float = 0.0


@dataclass(frozen=True, slots=True)
class Thresholds:
    # Measuring: which blocks the phrase lists and line shapes are tried on.
    phrase_line_words: int = 12  # whole-line phrases ("Sign in") on blocks this short
    phrase_prefix_words: int = 20  # "Filed under: ..." labels
    phrase_sentence_words: int = 60  # prompts inside a sentence ("Sign up for our newsletter")
    dateline_words: int = 14  # date and byline lines are no longer than this
    legal_min_words: int = 8  # legal vocabulary is counted in prose this long
    # Scoring: length in words.
    long_words: int = 25
    medium_words: int = 10
    short_words: int = 5
    tiny_words: int = 3
    stopwords_high: float = 0.30
    stopwords_mid: float = 0.18
    stopwords_low: float = 0.08
    capitalised_share: float = 0.7
    digit_share: float = 0.3
    links_high: float = 0.5
    links_mid: float = 0.25
    # Legal prose: at least this many terms, and one for every so many words.
    legal_terms: int = 2
    legal_words_per_term: int = 25
    content: float = 0.5  # score at or above which a block is content
    # Context pass: blocks shorter than this take their neighbours' verdict.
    context_words: int = 10
    # Blocks this sure of themselves keep their verdict whatever the neighbours say.
    sure: float = 0.85
    # How far (in blocks) the context pass looks for a decided neighbour.
    reach: int = 12
    # Main-region pass: blocks outside the best region need this score to stay content.
    outside_region: float = 0.99
    # The same for HTML, where the region is the element holding the most content.
    outside_container: float = 0.99
    # The main container is the deepest element holding this share of the page's content.
    main_share: float = 0.75
    # ...unless its own branch of the page adds up to this share of the main container.
    second_region_share: float = 0.15
    # What one line of known chrome takes off a stretch of scraped text.
    chrome_gain: float = 4.0
    # Container pass (HTML): how many ancestor levels to look through, and the share of
    # a container's text that must be content (or boilerplate) to carry a short block.
    container_levels: int = 4
    container_share: float = 0.6
    # Listings (HTML): at least this many blocks on one DOM path, this many words each on
    # average, are records of the page's content rather than a menu.
    records_min: int = 4
    records_words: float = 3.0
    records_many: int = 8  # from this many records on...
    records_many_words: float = 1.0  # ...this many words each will do
    record_score: float = 0.6  # what a record weighs when the main container is chosen
    # Comments are dropped when the rest of the page holds an article at least this long.
    article_words: int = 150
    # ...and, in scraped text, a comments heading counts once this share of the content is above it.
    comments_after_share: float = 0.3
    # An empty result is not an answer: keep blocks within this margin of the best score.
    fallback_margin: float = 0.15


@dataclass(frozen=True, slots=True)
class Options:
    """How to clean a page. Variants come from dataclasses.replace."""

    input_kind: str = "auto"  # auto | html | text
    weights: Weights = field(default_factory=Weights)
    thresholds: Thresholds = field(default_factory=Thresholds)
