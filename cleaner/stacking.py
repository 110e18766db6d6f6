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
from collections.abc import Callable, Sequence
from itertools import compress, count, repeat
from pathlib import Path
from typing import NamedTuple

from .options import Options
from .records import ADS, CONTENT, JUDGED_AT, NAVIGATION, Block, Kind
from .revise.common import HARD_REASONS, ensure_content
from .rows import FEATURES, Page, page_columns

# Evidence the model does not overrule to keep a block: boilerplate by phrase, links, a
# rule or the site (as in the revise passes); prose that is legal text, or a run of labels or
# options, however much it looks like the article around it; a headline under a
# "Related" heading (a link to another page until prose resumes).
NEVER_KEPT = HARD_REASONS | {"legal_text", "keyword_run", "unbroken", "after_related_heading", "author_bio"}
# ...and what it never drops: a line a rules file names as content, the article's own legal paragraph.
NEVER_DROPPED = frozenset({"content_phrase", "legal_in_prose"})

HERE = Path(__file__).resolve().parent
# A page of a few lines gives the model no neighbours to read, and it was fitted on whole
# pages: there the passes decide alone.
MIN_LINES = 8
# On a page shorter than this (a reader's copy of one article rather than a whole page),
# the model does not drop the last prose the passes kept: with no footer below it, it
# took an article's last paragraph for a page's closing lines (on the dev set's whole
# pages this moves one page of one rendering).
SHORT_PAGE_LINES = 40

def relabel(blocks: list[Block], kind: Kind, options: Options, thread: bool = False) -> list[Block]:
    """The model's verdict on each body block. A rules file's selectors and content lines
    and the site's own boilerplate keep the last word, and so do blocks outside the body;
    a block that is boilerplate by strong evidence of its own (NEVER_KEPT: "Advertisement",
    "Listen to This Article", a cookie notice) is not brought back by what surrounds it,
    nor are a rules file's content lines and the article's own legal paragraphs dropped
    (NEVER_DROPPED), nor a short page's last paragraph (SHORT_PAGE_LINES). Like the
    passes, the model never leaves a page with text empty (ensure_content)."""
    threshold = options.thresholds.model
    path = _model_path(options.model, kind)
    if path is None or threshold <= 0 or len(blocks) < MIN_LINES:
        return blocks  # a rules file's `model = 0` turns the model off
    model = load(path)
    last = _last_prose(blocks, options) if len(blocks) < SHORT_PAGE_LINES else -1
    page = Page(blocks, thread)
    of_blocks = page.of_blocks
    # The blocks' judgements as columns, set where the model has its say, and the blocks
    # built again from the columns at the end: one tuple a block made in C, not a copy of
    # each block through judged() and a read of its fields one attribute at a time.
    labels, scores, reasons = list(of_blocks["label"]), list(of_blocks["score"]), list(page.reasons)
    probabilities = _by_sentence(page, model.page_probabilities(page))
    for i, role, rule, measured, why, label, p in zip(count(), of_blocks["role"], of_blocks["rule"], page.measured,
                                                      page.reasons, of_blocks["label"], probabilities):
        if role != "body" or rule or measured is None or "site_boilerplate" in why:
            continue
        p = round(p, 3)
        keep = p >= threshold
        if keep and label is not CONTENT and not NEVER_KEPT.isdisjoint(why):
            continue
        if not keep and not NEVER_DROPPED.isdisjoint(why):
            continue
        if not keep and i == last:
            continue  # a short page's last paragraph
        scores[i] = p  # nearly every line: the same label, the model's score
        if keep != (label is CONTENT):
            if keep:
                labels[i], reasons[i] = CONTENT, ("model_keep",) + why
            else:
                labels[i] = ADS if label is ADS or "ad_phrase" in why else NAVIGATION
                reasons[i] = ("model_drop",) + why
    fields = [*(of_blocks[name] for name in Block._fields[:JUDGED_AT]), labels, scores, reasons,
              *(of_blocks[name] for name in Block._fields[JUDGED_AT + 3:])]
    return ensure_content(list(map(tuple.__new__, repeat(Block), zip(*fields))), options)


def _by_sentence(page: Page, probabilities: list[float]) -> list[float]:
    """Each line's probability, the lines one sentence runs across (a group) sharing their
    mean, weighted by length: a sentence a link cut in three is kept or dropped whole."""
    shared, groups, texts = page.sentences, page.groups, page.texts
    if not shared:
        return probabilities
    # The lines of those sentences, found in C: most lines are in none, and only these
    # are looked at again.
    lines = list(compress(range(page.n), map(shared.__contains__, groups)))
    sums: dict[int, list[float]] = {}  # a sentence's length-weighted probabilities, and its length
    for i in lines:
        total = sums.setdefault(groups[i], [0.0, 0.0])
        total[0] += probabilities[i] * len(texts[i])
        total[1] += len(texts[i])
    out = probabilities[:]
    for i in lines:
        weighted, length = sums[groups[i]]
        out[i] = weighted / max(length, 1.0)
    return out


def _last_prose(blocks: list[Block], options: Options) -> int:
    """The index of the last body block the passes kept, if it is prose (long, ending a
    sentence); -1 if not."""
    i = max((i for i, b in enumerate(blocks) if b.label is CONTENT and b.role == "body"), default=-1)
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


class Model(NamedTuple):
    """A model file, loaded: the FEATURES its trees read, and the sum of their leaves as
    a function of those features, in that order."""

    reads: tuple[str, ...]
    tree_sum: Callable[..., float]

    def probabilities(self, blocks: Sequence[Block], thread: bool = False) -> list[float]:
        """Each block's probability of being content."""
        return self.page_probabilities(Page(blocks, thread))

    def page_probabilities(self, page: Page) -> list[float]:
        """Each of the page's blocks' probability of being content. The trees read the
        columns they need, not rows of every feature."""
        read = page_columns(page, self.reads)
        # (A model of leaves alone reads no column.)
        sums = map(self.tree_sum, *read) if read else repeat(self.tree_sum(), page.n)
        # (_probability written out: a call a block cost as much again as its arithmetic)
        return [1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0 for z in sums]

    def __call__(self, row: Sequence[float]) -> float:
        """The probability of one row of FEATURES."""
        return _probability(self.tree_sum(*(row[FEATURES.index(name)] for name in self.reads)))


def _probability(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@functools.cache
def load(path: str) -> Model:
    """The model in a file written by bench.stack: its trees become nested conditional
    expressions in one function, compiled once per process."""
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
        # The features the trees read are the function's arguments: local names, and
        # their columns mapped over in C (Model.probabilities). The sum is one
        # expression, the trees' leaves added in their order (the same float, bit for
        # bit, as adding them one by one): the running total stays on the interpreter's
        # stack rather than being stored and loaded again for each tree.
        terms = [_expression(tree, 0, column) for tree in spec["trees"]]
        lines = [f"def tree_sum({', '.join(f'x{k}' for k in used)}):", f"    return ({float(spec['baseline'])!r}"]
        lines += [f"        + {term}" for term in terms] + ["    )"]
    except (KeyError, IndexError, TypeError) as exc:
        raise ValueError(f"{path}: not a model file bench.stack wrote ({exc!r})") from exc
    # Only numbers from the file reach the source (float() and list indices in
    # _expression), so it holds no code of its own.
    namespace: dict[str, object] = {"inf": math.inf}
    exec(compile("\n".join(lines), path, "exec"), namespace)
    tree_sum = namespace["tree_sum"]
    assert callable(tree_sum)
    return Model(tuple(FEATURES[k] for k in used), tree_sum)


def _expression(tree: dict[str, list], node: int, column: list[int]) -> str:
    """One tree as nested conditional expressions giving its leaf's value."""
    if tree["leaf"][node]:
        return repr(float(tree["value"][node]))
    left, right = _expression(tree, tree["left"][node], column), _expression(tree, tree["right"][node], column)
    return f"({left} if x{column[tree['feature'][node]]} <= {float(tree['threshold'][node])!r} else {right})"
