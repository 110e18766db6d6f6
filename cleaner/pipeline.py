"""The whole pipeline: decode, split, measure, score, revise, find metadata, assemble."""
from __future__ import annotations

import time
from dataclasses import replace

from . import feeds, markdown_input, metadata, segment
from .dates import parse_date
from .decode import decode, nfc, normalize
from .errors import InputError
from .features import is_thread, links_tell, measure, unjudged, word_count
from .language import detect_language, language_sample
from .options import Options, Phrases
from .records import CONTENT, Block, Decoded, Document, Kind, Label, Metadata
from .rules import default_weight
from .revise import revise
from .revise.article import drop_author_bio, drop_forms, drop_other_articles, keep_legal_prose
from .revise.copies import drop_menu_copies
from .revise.neighbours import drop_post_counters
from .revise.common import ensure_content
from .revise.regions import drop_cut_teasers
from .revise.sections import drop_above_headline, drop_after_copyright, drop_below_footer
from .scoring import score
from .stacking import relabel

KINDS = {"html": Kind.HTML, "text": Kind.TEXT, "markdown": Kind.TEXT}
# Characters of DOM paths and ancestors a page's blocks may hold before it is read as
# text instead: 8 per character of the page (real pages use 2 or 3), and never less than this.
STRUCTURE_BUDGET = 8_000_000


def clean(data: bytes | str, url: str | None = None, options: Options | None = None,
          source: str = "-", timings: dict[str, float] | None = None, charset: str | None = None,
          boilerplate: frozenset[str] = frozenset()) -> Document:
    """Clean one page: raw bytes (any encoding, gzip too) or text, HTML or scraped text.
    `charset` is the encoding a server declared for the bytes, if known; `boilerplate`
    the lines (site.line_key) its site repeats on many pages; `timings`, when given, gets
    the seconds each stage took added to it."""
    options = options or Options()
    lap = Laps(timings)
    decoded, kind, text = prepare(data, options, charset)
    lap("decode")
    blocks, meta, root = split(text, kind, url, options, lap)
    if not blocks:  # an empty file, a page without a word of text: nothing to keep
        return Document(source=source, kind=kind, encoding=decoded.encoding,
                        encoding_method=decoded.method, metadata=meta)
    if len(blocks) > options.limits.max_lines:
        raise InputError(f"more than {options.limits.max_lines:,} lines (the max_lines limit)")
    language = detect_language(language_sample(b.text for b in blocks), meta.language) or meta.language
    lap("language")
    article, thread = meta.page_type == "article", is_thread(url)
    apart = kind is Kind.HTML and _may_set_aside(options)
    links = links_tell(blocks, kind, options.thresholds)
    measured = measure(blocks, language, options, article=article, landmarks=not apart, links=links)
    lap("features")
    page, chrome = _landmarks_apart(measured) if apart else (measured, [])
    judged, judged_meta = _judge(page, chrome, meta, kind, options, thread, boilerplate, lap)
    if chrome and not _has_body(judged):
        # Nothing outside the landmarks makes a body (a page whose text is all in asides or
        # a footer): the page is judged whole, landmarks and all, as any page once was.
        measured = measure(blocks, language, options, article=article, links=links)
        lap("features")
        judged, judged_meta = _judge(measured, [], meta, kind, options, thread, boilerplate, lap)
    blocks, meta = judged, judged_meta
    if meta.author is None and root is not None:
        # The markup's bylines last: a search of the whole tree, for pages whose head and
        # article head name no one.
        author = metadata.author_in_markup(root)
        meta = replace(meta, author=nfc(author) if author else None)
        lap("metadata")
    blocks = keep_legal_prose(drop_author_bio(blocks, meta.author, options, language), language)
    blocks = relabel(blocks, kind, options, thread)
    if thread:
        blocks = ensure_content(drop_post_counters(blocks), options)
    if kind is Kind.TEXT:  # only scraped text's headline is found by its echo of the <title>
        blocks = drop_below_footer(drop_above_headline(blocks, options), options)
        blocks = drop_after_copyright(drop_cut_teasers(blocks, options), options)
    lap("model")
    if not _has_body(blocks):
        summary = metadata.summary(root) if root is not None else markdown_input.front_matter(text)[0].get("summary")
        blocks = blocks + from_summary(summary, len(blocks), language, options)
    meta = replace(meta, language=language, site_name=meta.site_name or metadata.site_from_lines(blocks))
    document = Document(
        source=source, kind=kind, encoding=decoded.encoding, encoding_method=decoded.method,
        metadata=meta, blocks=tuple(blocks), confidence=confidence(blocks),
    )
    lap("assemble")
    return document


def _judge(page: list[Block], chrome: list[Block], meta: Metadata, kind: Kind, options: Options, thread: bool,
           boilerplate: frozenset[str], lap: Laps) -> tuple[list[Block], Metadata]:
    """Score the page's blocks and revise them in context; then, with the blocks set
    aside (`chrome`) in their places again, find the headline, byline and date lines (an
    author box's date is the article's) and the page's title, author and date they give."""
    blocks = score(page, options)
    lap("score")
    blocks = revise(blocks, options, thread=thread, boilerplate=boilerplate, dated=meta.date is not None)
    blocks, meta = metadata.find_roles(_in_order(blocks, chrome), meta, guess=kind is Kind.TEXT)
    if kind is Kind.HTML:
        blocks = drop_menu_copies(drop_other_articles(blocks, options, meta.title, thread))
        blocks = drop_forms(blocks, meta.page_type == "article", options, thread)
    blocks = ensure_content(blocks, options)
    lap("revise")
    return blocks, meta


def _may_set_aside(options: Options) -> bool:
    """Whether a landmark's blocks can be labelled navigation unjudged: a landmark weighs
    as heavily as the built-in rules have it (it outweighs any prose), and no rules file
    names content by its words, which a landmark's lines might say."""
    phrases = options.phrases
    return (options.weights.dom_landmark <= default_weight("dom_landmark")
            and phrases.line_content is None and phrases.sentence_content is None)


# What a landmark's block says for itself when it is set aside unjudged.
LANDMARK_REASONS = ("navigation_landmark",)


def _landmarks_apart(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The page's blocks to judge, and those inside its landmarks (a nav, footer or aside,
    a menu, a consent dialog: 38% of a dev page's blocks), labelled navigation unjudged.
    The scorer's landmark weight outweighs any prose, and the context passes had brought
    back 0.4% of these blocks, more often wrongly than not (on all 1,358 dev pages from
    HTML, word F1 +0.0002 without them; 108 pages move, 64 up). features.unjudged tells
    which: a block a rules file's selector picked, or a figure's caption, is judged."""
    page: list[Block] = []
    chrome: list[Block] = []
    for b in blocks:
        if b.features is not None and unjudged(b.features.dom_cue, b.dom_path, b.rule):
            chrome.append(b._replace(label=Label.NAVIGATION, score=0.0, reasons=LANDMARK_REASONS))
        else:
            page.append(b)
    return page, chrome


def _in_order(judged: list[Block], chrome: list[Block]) -> list[Block]:
    """The judged blocks and those set aside, in the page's order again. (Blocks keep
    their index, the place on the page, through every pass.)"""
    return sorted(judged + chrome, key=_index) if chrome else judged


def _index(block: Block) -> int:
    return block.index


def prepare(data: bytes | str, options: Options, charset: str | None = None) -> tuple[Decoded, Kind, str]:
    """The page decoded, what kind it is, and its text to split: scraped text is
    normalised whole, HTML block by block as its text is taken out of the tree."""
    decoded = decode(data, normalise=False, max_bytes=options.limits.max_bytes, charset=charset)
    if options.input_kind in ("auto", "html") and feeds.is_feed(decoded.text):
        page = feeds.feed_to_html(decoded.text)
        if page is not None:
            return decoded, Kind.HTML, page
    kind = KINDS.get(options.input_kind) or segment.sniff(decoded.text)
    return decoded, kind, decoded.text if kind is Kind.HTML else normalize(decoded.text)


class Laps:
    """Adds the time since the last lap to a named stage; does nothing without a dict."""

    __slots__ = ("timings", "last")

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter() if timings is not None else 0.0

    def __call__(self, stage: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
            self.last = now


def split(text: str, kind: Kind, url: str | None, options: Options,
          lap: Laps | None = None) -> tuple[list[Block], Metadata, segment.Element | None]:
    """The page's blocks in reading order, the metadata its markup declares, and the
    parsed HTML (None for scraped text), where its own summary can be found should its
    body hold no content."""
    phrases = options.phrases
    lap = lap or Laps(None)
    root = None
    if kind is Kind.TEXT or not text.strip():
        fields, text = markdown_input.front_matter(text)
        blocks = segment.split_lines(text, phrases, markdown=options.input_kind == "markdown")
        if not blocks:  # a header and nothing under it: the summary it gives, as for HTML
            blocks = _summary_lines(fields.get("summary"), options)
        meta = Metadata(url=url or fields.get("url"), title=fields.get("title"), author=fields.get("author"),
                        date=parse_date(fields["date"]) if "date" in fields else None)
        lap("segment")
        return blocks, meta, root
    root = segment.parse_html(text)
    if root is None:  # markup libxml2 makes no tree of: its text is still text
        return _as_text(text, phrases), Metadata(url=url), None
    lap("parse")
    try:
        blocks = segment.split_html(root, options.selectors, budget=max(STRUCTURE_BUDGET, 8 * len(text)),
                                    unseen=options.phrases.dom_unseen)
    except segment.StructureTooLarge:  # thousands of blocks hundreds of levels deep: memory first
        return _as_text(text, phrases), Metadata(url=url), None
    lap("segment")
    meta = metadata.from_html(root, url)
    meta = replace(meta, **{name: nfc(value) for name in ("title", "author", "site_name")
                            if (value := getattr(meta, name))})
    lap("metadata")
    if segment.parser_lost_text(blocks, text):
        # libxml2 gives up on very deep or broken markup: read the page as text instead.
        blocks = _as_text(text, phrases)
    if not blocks:
        # A page drawn by scripts has no text of its own; its summary is what it says.
        blocks = _summary_lines(metadata.summary(root), options)
    lap("segment")
    return blocks, meta, root


def _as_text(html: str, phrases: Phrases) -> list[Block]:
    """The lines of a page read without a parser: its tags stripped."""
    return segment.split_lines(normalize(segment.strip_tags(html)), phrases)


def _summary_lines(text: str | None, options: Options) -> list[Block]:
    """The lines of the page's own summary, or none when it is only a tagline
    ("Smarter shopping, better living!"): too short to stand for the page's text."""
    text = normalize(text or "")
    if word_count(text) < options.thresholds.summary_words:
        return []
    return segment.split_lines(text, options.phrases)


def from_summary(text: str | None, start: int, language: str | None, options: Options) -> list[Block]:
    """The page's summary as content, for a page whose body holds none (a truncated page,
    one whose posts are drawn by scripts)."""
    return [b._replace(index=start + b.index, group=start + b.group, label=Label.CONTENT, score=0.5,
                    reasons=("page_summary",)) for b in measure(_summary_lines(text, options), language, options)]


def _has_body(blocks: list[Block]) -> bool:
    return any(b.label is CONTENT and b.role == "body" for b in blocks)


def confidence(blocks: list[Block]) -> float:
    """How sure the cleaner is of the whole result: the length-weighted decisiveness of
    the labels, lowered when little content was found."""
    total = sum(len(b.text) for b in blocks)
    if not total:
        return 0.0
    decisiveness = sum(abs(2 * b.score - 1) * len(b.text) for b in blocks) / total
    kept = sum(len(b.text.split()) for b in blocks if b.label is CONTENT and b.role == "body")
    return round(decisiveness * min(1.0, kept / 100), 3)
