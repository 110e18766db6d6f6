"""What the context passes share: the evidence no neighbour overrules, how a pass
relabels a block (its reason first), and the promise that a page with text keeps some."""
from __future__ import annotations

import functools

from ..metadata import PAGE_TITLE
from ..options import Options
from ..records import CONTENT, Block, Label, judged


PHRASE_REASONS = frozenset({"ad_phrase", "navigation_phrase", "notice", "ad_container"})
# The DOM cues of chrome: a record group under one is a menu, prose under one no page's own.
BOILERPLATE_CUES = frozenset({"landmark", "navigation", "ads", "comments"})
# Boilerplate by phrase, container, links or its site's say: neighbours cannot overrule it.
HARD_REASONS = PHRASE_REASONS | {"link_density", "rule_drop", "site_boilerplate", PAGE_TITLE}


def is_hard(block: Block) -> bool:
    return not HARD_REASONS.isdisjoint(block.reasons)


def relabelled(block: Block, label: Label, reason: str, score: float) -> Block:
    """The block with a new label and score, `reason` first among its reasons (once: a
    pass that runs twice, or the fallback after the model, names it again)."""
    reasons = block.reasons
    if reason in reasons:
        reasons = tuple(r for r in reasons if r != reason)
    return judged(block, label, round(score, 3), (reason,) + reasons)


def words_of(b: Block) -> int:
    """A block's words (0 before it is measured)."""
    return b.features.words if b.features is not None else 0


def outermost(b: Block, tag: str, role: str | None = None) -> int | None:
    """The serial of the outermost element of this tag (or, given one, of this ARIA role)
    the block stands in, if any."""
    at = _first_step(b.dom_path, tag, role)
    return b.ancestors[at] if at is not None and at < len(b.ancestors) else None


@functools.lru_cache(maxsize=4096)
def _first_step(path: str, tag: str, role: str | None) -> int | None:
    """Where the first step of this tag (or role) stands in a path, if anywhere: read once
    for the many blocks on a path."""
    # Most paths hold no such step: a look for the tag after a step's '>' (a bare
    # substring test also found "platform" and "information" in class names).
    marked = f"[{role}]" if role else None
    if ">" + tag not in path and not path.startswith(tag) and (marked is None or marked not in path):
        return None
    for at, step in enumerate(path.split(">")):
        if step == tag or step.startswith((tag + ".", tag + "#", tag + "[")) or marked and step.endswith(marked):
            return at
    return None


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
    return [relabelled(b, CONTENT, "best_of_page", b.score)
            if b.role == "body" and b.score >= floor and b.score > 0 and not is_hard(b) else b for b in blocks]
