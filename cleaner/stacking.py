"""The last word on each line of scraped text: a model fitted to the development set
reads what the scorer and the context passes concluded, about the line, its neighbours
and the page, and keeps or drops it.

The hand-set evidence and passes each see one side of a block; the model weighs them
together (a short line after a comment heading in a listing's card is not the same as
one between two paragraphs). It is a small ensemble of decision trees, fitted by
`python -m bench.stack` with folds grouped by site and shipped as data (`model-text.json`;
HTML has none, as one did no better there held out); `explain` shows its probability as
the score and `model_keep` / `model_drop` as the first reason when it changed a label.
"""
from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import repeat
from pathlib import Path

from .features import HEADING_TAGS
from .options import Options
from .records import Block, Kind, Label, sentence_lines
from .revise import HARD_REASONS, ensure_content

# Evidence the model does not overrule to keep a block: boilerplate by phrase, links, a
# rule or the site (as in revise.py); prose that is legal text, or a run of labels or
# options, however much it looks like the article around it; a headline under a
# "Related" heading (a link to another page until prose resumes).
NEVER_KEPT = HARD_REASONS | {"legal_text", "keyword_run", "unbroken", "after_related_heading", "author_bio"}

HERE = Path(__file__).resolve().parent
PHRASES = ("navigation", "related", "comments", "ads", "content")
CUES = ("landmark", "navigation", "ads", "comments", "content")
TAGS = ("heading", "li", "p", "table", "pre", "line")
TABLE = frozenset({"tr", "th", "td"})
# What the context passes concluded (revise.py) and the strongest of the scorer's reasons.
REASONS = (
    "between_content", "heading_before_content", "short_between_boilerplate", "in_content_container",
    "in_boilerplate_container", "repeated_record", "outside_main_region", "outside_main_container",
    "after_related_heading", "comment_section", "duplicate", "best_of_page", "link_density",
    "navigation_phrase", "ad_phrase", "legal_text", "keyword_run", "title_case",
)
NEIGHBOURS = (-3, -2, -1, 1, 2, 3)
FEATURES = (
    "content", "score", "log_words", "stopwords", "links", "capitals", "digits", "position",
    "sentence_end", "heading", "list_like", "date", "byline", "repeats", "legal", "unbroken",
    "lowercase_start", "kept_before", "kept_words", "blocks", "same_group",
    *(f"phrase_{p}" for p in PHRASES), *(f"cue_{c}" for c in CUES), *(f"tag_{t}" for t in TAGS),
    *(f"reason_{r}" for r in REASONS),
    *(f"content_{d:+d}" for d in NEIGHBOURS), *(f"score_{d:+d}" for d in NEIGHBOURS),
    *(f"words_{d:+d}" for d in NEIGHBOURS),
    "content_window", "words_window",
    # The page as a whole: what kind of page it is changes what its short lines are (a
    # thread's many dated posts are its content, a listing's repeated records too).
    "page_dates", "page_bylines", "page_records", "page_comments", "page_links", "page_kept",
    "page_repeats", "page_words", "thread_url",
    # Where the line stands in the page's shape, which any rendering keeps: how far the
    # nearest prose is, how long a run of short lines it sits in, whether it is a heading
    # over prose or under one, and how many lines look like it (a menu's items share a
    # shape, an article's sentences do not).
    "prose_above", "prose_below", "short_run", "end_-1", "end_+1", "heading_-1", "heading_+1",
    "same_start", "same_shape", "repeats_log", "article_side", "article_gap", "kept_mean_words",
)
DIGIT = re.compile(r"\d")
WINDOW = 6  # blocks either side whose share of content is one feature
PROSE_WORDS = 12  # a line of at least this many words that ends a sentence is prose
SHORT_WORDS = 6  # a line of fewer words is short (a menu item, a label, a button)
# A page of a few lines gives the model no neighbours to read, and it was fitted on whole
# pages: there the passes decide alone.
MIN_LINES = 8
# On a page shorter than this (a reader's copy of one article rather than a whole page),
# the model does not drop the last prose the passes kept: with no footer below it, it
# took an article's last paragraph for a page's closing lines (on the dev set's whole
# pages this moves one page of one rendering).
SHORT_PAGE_LINES = 40
Model = Callable[[Sequence[float]], float]


def _one_hot(names: Sequence[str]) -> dict[str, list[float]]:
    return {name: [float(name == other) for other in names] for name in names}


PHRASE_ROWS, CUE_ROWS, TAG_ROWS = _one_hot(PHRASES), _one_hot(CUES), _one_hot(TAGS)
PHRASE_ROWS["notice"] = PHRASE_ROWS["navigation"]  # a notice is navigation's, only surer
REASON_AT = {reason: k for k, reason in enumerate(REASONS)}
REACH = max(NEIGHBOURS)


def vectors(blocks: Sequence[Block], thread: bool = False) -> list[list[float]]:
    """One row of FEATURES for each block: its own measurements and labels, its
    neighbours', and the page's (`thread`: its URL names a discussion, where the passes
    keep the comments). Blocks without features (none reach here) get zeros."""
    n = len(blocks)
    kept = [1.0 if b.label is Label.CONTENT else 0.0 for b in blocks]
    scores = [b.score for b in blocks]
    words = [float(b.features.words) if b.features else 0.0 for b in blocks]
    logs = [math.log1p(w) for w in words]
    kept_words = sum(w * k for w, k in zip(words, kept))
    total = kept_words or 1.0
    page = _page(blocks, kept, logs) + [float(thread)]
    edge = [-1.0] * REACH  # past either end of the page
    # Each block's neighbours' labels, scores and lengths in NEIGHBOURS' order: one slice of
    # the padded list an offset, zipped into rows in C, rather than six slices a row.
    neighbours = list(zip(*(padded[REACH + d:REACH + d + n] for padded in
                            (edge + kept + edge, edge + scores + edge, edge + logs + edge) for d in NEIGHBOURS)))
    kept_sums, log_sums = _prefix_sums(kept), _prefix_sums(logs)
    no_phrase, no_cue, no_tag = [0.0] * len(PHRASES), [0.0] * len(CUES), [0.0] * len(TAGS)
    no_reasons = [0.0] * len(REASONS)
    page_size, total_size = math.log1p(n), math.log1p(total)
    shape = _shape(blocks, kept, words, kept_words)
    rows, before = [], 0.0
    for i, b in enumerate(blocks):
        f = b.features
        if f is None:
            rows.append([0.0] * len(FEATURES))
            continue
        tag = "heading" if b.tag in HEADING_TAGS else "table" if b.tag in TABLE else b.tag
        reasons = no_reasons[:]
        for reason in b.reasons:
            at = REASON_AT.get(reason)
            if at is not None:
                reasons[at] = 1.0
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        near = hi - lo - 1 or 1
        row = [
            kept[i], scores[i], logs[i], f.stopword_density, f.link_density, f.capitalised_share,
            f.digit_share, f.position, float(f.terminal_punctuation), float(f.is_heading),
            float(f.list_like), float(f.is_date), float(f.is_byline), float(f.repeats > 0),
            float(f.legal_terms), float(f.unbroken), float(f.starts_lowercase),
            before / total, total_size, page_size,
            float(b.group >= 0 and (b.group != i or (i + 1 < n and blocks[i + 1].group == i))),
            *PHRASE_ROWS.get(f.phrase, no_phrase), *CUE_ROWS.get(f.dom_cue, no_cue),
            *TAG_ROWS.get(tag, no_tag), *reasons,
            *neighbours[i],
            (kept_sums[hi] - kept_sums[lo] - kept[i]) / near, (log_sums[hi] - log_sums[lo] - logs[i]) / near,
            *page, *shape[i],
        ]
        rows.append(row)
        before += words[i] * kept[i]
    return rows


def _shape(blocks: Sequence[Block], kept: list[float], words: list[float],
           kept_words: float) -> list[tuple[float, ...]]:
    """Each block's FEATURES from prose_above on: the (log) distance in lines to the
    nearest prose above and below, the length of the run of short lines it is in, whether
    its neighbours end a sentence or head prose, the share of the page's other lines with
    its first word or its shape (length, full stop, capital, digits), how often its text
    recurs, where it stands against the kept prose (before -1, within 0, after 1, and how
    far), and the mean length of a kept line. None of it needs tags: a rendering the model
    never saw keeps its lines' lengths and order."""
    n = len(blocks)
    ends = [float(b.features is not None and b.features.terminal_punctuation) for b in blocks]
    lower = [b.features is not None and b.features.starts_lowercase for b in blocks]
    prose = [w >= PROSE_WORDS and e > 0 for w, e in zip(words, ends)]
    short = [0 < w < SHORT_WORDS for w in words]
    # A heading: a few words with no full stop, not lowercase, over a line of prose (the
    # scraped text has no tags to say so).
    heading = [0 < words[i] <= PROSE_WORDS and not ends[i] and not lower[i] and i + 1 < n and prose[i + 1]
               for i in range(n)]
    far = float(n)  # no prose on that side
    above, last = [far] * n, -1
    for i in range(n):
        above[i] = i - last if last >= 0 else far
        if prose[i]:
            last = i
    below, last = [far] * n, -1
    for i in reversed(range(n)):
        below[i] = last - i if last >= 0 else far
        if prose[i]:
            last = i
    run = [0.0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j]:
            j += 1
        for k in range(i, j):
            run[k] = float(j - i)
        i = max(j, i + 1)
    starts = [(b.text.split(maxsplit=1) or [""])[0].lower() for b in blocks]
    shapes = [(min(int(math.log2(w + 1)), 6), e, b.text[:1].isupper(), _has_digit(b.text))
              for w, e, b in zip(words, ends, blocks)]
    start_counts, shape_counts = Counter(starts), Counter(shapes)
    body = [i for i in range(n) if kept[i] and prose[i]]
    first, final = (body[0], body[-1]) if body else (n, -1)
    kept_lines = sum(kept)
    mean_kept = math.log1p(kept_words / kept_lines) if kept_lines else 0.0
    others = max(n - 1, 1)
    log1p = math.log1p
    # Built a column at a time and zipped into rows in C: a list of thirteen a row cost
    # more than the measurements in it.
    columns = (
        map(log1p, above), map(log1p, below), map(log1p, run),
        [-1.0] + ends[:-1], ends[1:] + [-1.0],  # the ends of the lines above and below
        [0.0] + [float(h) for h in heading[:-1]], [float(h) for h in heading[1:]] + [0.0],
        [(start_counts[start] - 1) / others for start in starts], [(shape_counts[s] - 1) / others for s in shapes],
        [log1p(b.features.repeats if b.features else 0) for b in blocks],
        [-1.0 if i < first else 1.0 if i > final else 0.0 for i in range(n)],  # before, within or after the prose
        [log1p(first - i if i < first else i - final if i > final else 0) if body else -1.0 for i in range(n)],
        repeat(mean_kept, n),
    )
    return list(zip(*columns))


def _has_digit(text: str) -> bool:
    if DIGIT.search(text):  # one scan in C finds the decimal digits, nearly all there are
        return True
    # str.isdigit also counts superscripts and circled digits ("²", "①"), which \d does not.
    return not text.isascii() and any(map(str.isdigit, text))


def _prefix_sums(values: list[float]) -> list[float]:
    sums = [0.0]
    for v in values:
        sums.append(sums[-1] + v)
    return sums


def _page(blocks: Sequence[Block], kept: list[float], logs: list[float]) -> list[float]:
    """The page's shares of dated, signed, repeated-record, comment and repeated blocks,
    its mean link density, the share kept and the mean (log) length of a block."""
    n = len(blocks) or 1
    dates = bylines = records = comments = repeats = 0
    links = 0.0
    for b in blocks:
        f = b.features
        if f is None:
            continue
        dates += f.is_date
        bylines += f.is_byline
        repeats += f.repeats > 0
        links += f.link_density
        records += "repeated_record" in b.reasons
        comments += f.dom_cue == "comments" or "comment_section" in b.reasons
    return [dates / n, bylines / n, records / n, comments / n, links / n, sum(kept) / n, repeats / n, sum(logs) / n]


def relabel(blocks: list[Block], kind: Kind, options: Options, thread: bool = False) -> list[Block]:
    """The model's verdict on each body block. A rules file's selectors and content lines
    and the site's own boilerplate keep the last word, and so do blocks outside the body;
    a block that is boilerplate by strong evidence of its own (NEVER_KEPT: "Advertisement",
    "Listen to This Article", a cookie notice) is not brought back by what surrounds it,
    and a short page's last paragraph is not dropped (SHORT_PAGE_LINES). Like the
    passes, the model never leaves a page with text empty (ensure_content)."""
    threshold = options.thresholds.model
    path = _model_path(options.model, kind)
    if path is None or threshold <= 0 or len(blocks) < MIN_LINES:
        return blocks  # a rules file's `model = 0` turns the model off
    model = load(path)
    out = list(blocks)
    last = _last_prose(blocks, options) if len(blocks) < SHORT_PAGE_LINES else -1
    probabilities = _by_sentence(blocks, [model(row) for row in vectors(blocks, thread)])
    for i, b in enumerate(blocks):
        if b.role != "body" or b.rule or b.features is None or "site_boilerplate" in b.reasons:
            continue
        p = round(probabilities[i], 3)
        keep = p >= threshold
        if keep and b.label is not Label.CONTENT and not NEVER_KEPT.isdisjoint(b.reasons):
            continue
        if not keep and "content_phrase" in b.reasons:
            continue  # a line a rules file names as content
        if not keep and i == last:
            continue  # a short page's last paragraph
        if keep == (b.label is Label.CONTENT):
            out[i] = b._replace(score=p)
        elif keep:
            out[i] = b._replace(label=Label.CONTENT, score=p, reasons=("model_keep",) + b.reasons)
        else:
            label = Label.ADS if b.label is Label.ADS or "ad_phrase" in b.reasons else Label.NAVIGATION
            out[i] = b._replace(label=label, score=p, reasons=("model_drop",) + b.reasons)
    return ensure_content(out, options)


def _by_sentence(blocks: list[Block], probabilities: list[float]) -> list[float]:
    """Each line's probability, the lines one sentence runs across (a group) sharing their
    mean, weighted by length: a sentence a link cut in three is kept or dropped whole."""
    lines = sentence_lines(blocks)
    sums: dict[int, list[float]] = {}  # a sentence's length-weighted probabilities, and its length
    for b, p in zip(blocks, probabilities):
        if lines[b.group] > 1:
            total = sums.setdefault(b.group, [0.0, 0.0])
            total[0] += p * len(b.text)
            total[1] += len(b.text)
    if not sums:
        return probabilities
    return [sums[b.group][0] / max(sums[b.group][1], 1.0) if b.group in sums else p
            for b, p in zip(blocks, probabilities)]


def _last_prose(blocks: list[Block], options: Options) -> int:
    """The index of the last body block the passes kept, if it is prose (long, ending a
    sentence); -1 if not."""
    i = max((i for i, b in enumerate(blocks) if b.label is Label.CONTENT and b.role == "body"), default=-1)
    f = blocks[i].features if i >= 0 else None
    return i if f is not None and f.words >= options.thresholds.long_words and f.terminal_punctuation else -1


@functools.cache  # asked once a page: the file system is asked once a process
def _model_path(name: str, kind: Kind) -> str | None:
    """The model file to use: the one shipped for the input's kind (HTML has none: held
    out, a model did no better there than the passes alone), a user's, or none."""
    if name != "default":
        return name or None
    shipped = HERE / f"model-{kind.value}.json"
    return str(shipped) if shipped.exists() else None


@functools.cache
def load(path: str) -> Model:
    """The model in a file written by bench.stack, as one function of a feature row: its
    trees become nested comparisons, compiled once per process."""
    try:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: not a model file bench.stack wrote ({exc})") from exc
    try:
        missing = [name for name in spec["features"] if name not in FEATURES]
        if missing:
            raise ValueError(f"{path}: the model reads features this version does not measure: {', '.join(missing)}")
        column = [FEATURES.index(name) for name in spec["features"]]  # the file's columns in ours
        used = sorted({column[f] for tree in spec["trees"] for f, leaf in zip(tree["feature"], tree["leaf"]) if not leaf})
        # The features the trees read, as local names: each is read from the row once,
        # not once per comparison.
        lines = ["def tree_sum(x):", "    s = %r" % float(spec["baseline"])]
        lines += [f"    x{k} = x[{k}]" for k in used]
        for tree in spec["trees"]:
            _emit(tree, 0, 1, lines, column)
    except (KeyError, IndexError, TypeError) as exc:
        raise ValueError(f"{path}: not a model file bench.stack wrote ({exc!r})") from exc
    lines.append("    return s")
    # Only numbers from the file reach the source (float() and list indices in _emit), so
    # it holds no code of its own.
    namespace: dict[str, object] = {"inf": math.inf}
    exec(compile("\n".join(lines), path, "exec"), namespace)
    tree_sum = namespace["tree_sum"]
    assert callable(tree_sum)

    def probability(row: Sequence[float]) -> float:
        z = tree_sum(row)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    return probability


def _emit(tree: dict[str, list], node: int, depth: int, lines: list[str], column: list[int]) -> None:
    """One tree as nested ifs adding its leaf's value to `s`."""
    pad = "    " * depth
    if tree["leaf"][node]:
        lines.append(f"{pad}s += {float(tree['value'][node])!r}")
        return
    lines.append(f"{pad}if x{column[tree['feature'][node]]} <= {float(tree['threshold'][node])!r}:")
    _emit(tree, tree["left"][node], depth + 1, lines, column)
    lines.append(f"{pad}else:")
    _emit(tree, tree["right"][node], depth + 1, lines, column)
