"""Features to labels: each block judged on its own, from the evidence it carries.

Every observation adds a weight from `Options` in log-odds; the block's score is the
logistic of the sum. The context passes that follow live in revise.py.
"""
from __future__ import annotations

import math
from operator import itemgetter

from .options import Options
from .records import ADS, CONTENT, NAVIGATION, Block, Features, Label, judged

AD_REASONS = frozenset({"ad_phrase", "ad_container"})
WEIGHT = itemgetter(1)
Verdict = tuple[Label, float, tuple[str, ...]]  # label, score, reasons: as a Block holds them
Verdicts = dict[tuple[tuple[str, float], ...], Verdict]  # by the evidence found


def evidence(f: Features, options: Options) -> list[tuple[str, float]]:
    """The observations that move a block towards content (+) or boilerplate (-)."""
    w, t = options.weights, options.thresholds
    found: list[tuple[str, float]] = []
    words = f.words  # read by most tests: a local, not a field lookup each time
    if words >= t.long_words:
        found.append(("long", w.long))
    elif words >= t.medium_words:
        found.append(("medium_length", w.medium))
    elif words < t.tiny_words:
        found.append(("very_short", w.tiny))
    elif words < t.short_words:
        found.append(("short", w.short))
    if not f.code:  # code's words are not sentences: its shape says nothing of what it is
        _add_prose_shape(f, options, found)
    if f.link_density >= t.links_high and words >= t.medium_words:
        # A linked headline: a teaser in a listing, or a related link in a sidebar; the
        # container and region passes tell which.
        found.append(("linked_headline", w.links_long))
    elif f.link_density >= t.links_high:
        found.append(("link_density", w.links_high))
    elif f.link_density >= t.links_mid:
        found.append(("some_links", w.links_mid))
    if not f.code and f.legal_terms >= t.legal_terms and f.legal_terms * t.legal_words_per_term >= words:
        found.append(("legal_text", w.legal))
    if f.phrase == "ads":
        found.append(("ad_phrase", w.phrase_ads))
    elif f.phrase == "notice":
        found.append(("notice", w.notice))
    elif f.phrase in ("navigation", "related", "comments"):
        found.append(("navigation_phrase", w.phrase_navigation))
    elif f.phrase == "content":
        found.append(("content_phrase", w.phrase_content))
    if f.dom_cue == "ads":
        found.append(("ad_container", w.dom_ads))
    elif f.dom_cue == "landmark":
        found.append(("navigation_landmark", w.dom_landmark))
    elif f.dom_cue == "navigation":
        found.append(("navigation_container", w.dom_navigation))
    elif f.dom_cue == "content":
        found.append(("content_container", w.dom_content))
    if f.repeats and words < t.medium_words:
        found.append(("repeated", w.repeated))
    elif f.repeats:
        # The same paragraph twice: a carousel's clones, a teaser repeated in a sidebar.
        found.append(("repeated_prose", w.repeated_prose))
    if f.is_date:
        found.append(("date", w.date))
    if f.is_byline:
        found.append(("byline", w.byline))
    if f.is_heading:
        found.append(("heading", w.heading))
    return found


def _add_prose_shape(f: Features, options: Options, found: list[tuple[str, float]]) -> None:
    """What a block's words say as prose (sentences, stop words, capitals, digits), added
    to `found`: evidence() runs for every block, so no list of its own."""
    w, t = options.weights, options.thresholds
    words = f.words
    if f.terminal_punctuation and words >= t.tiny_words:
        found.append(("sentence_end", w.terminal_punctuation))
    elif not f.terminal_punctuation and words >= t.medium_words:
        found.append(("no_sentence_end", w.no_punctuation))
    if words >= t.tiny_words:
        if f.stopword_density >= t.stopwords_high:
            found.append(("stopwords", w.stopwords_high))
        elif f.stopword_density >= t.stopwords_mid:
            found.append(("some_stopwords", w.stopwords_mid))
        elif f.stopword_density < t.stopwords_low and words >= t.short_words:
            found.append(("few_stopwords", w.stopwords_low))
    if f.capitalised_share >= t.capitalised_share and 2 <= words < t.long_words:
        found.append(("title_case", w.capitalised))
    elif (f.capitalised_share >= t.capitalised_share and words >= t.long_words
          and not f.terminal_punctuation and f.link_density < t.links_mid and not f.is_heading):
        # Long, unpunctuated and capitalised: a run of menu or filter labels, not prose.
        found.append(("keyword_run", w.keyword_run))
    if f.unbroken:
        found.append(("unbroken", w.unbroken))
    if f.digit_share >= t.digit_share:
        found.append(("digits", w.digits))


def _label(score: float, reasons: tuple[str, ...], options: Options) -> Label:
    if score >= options.thresholds.content:
        return CONTENT
    return NAVIGATION if AD_REASONS.isdisjoint(reasons) else ADS


def score_one(block: Block, options: Options, verdicts: Verdicts | None = None) -> Block:
    """The block judged on its evidence; `verdicts` remembers what each set of evidence
    came to, for the other blocks of the page."""
    assert block.features is not None, "measure() before score()"
    found = evidence(block.features, options)
    if block.rule:  # a rules file's selector picked the block's element
        found.append((f"rule_{block.rule}", options.weights.rule * (1 if block.rule == "keep" else -1)))
    verdicts = {} if verdicts is None else verdicts
    key = tuple(found)
    verdict = verdicts.get(key)
    if verdict is None:
        verdict = verdicts[key] = _verdict(found, options)
    return judged(block, *verdict)


def _verdict(found: list[tuple[str, float]], options: Options) -> Verdict:
    """The label, score and reasons the evidence comes to."""
    z = options.weights.bias + sum([weight for _, weight in found])
    score = 1.0 / (1.0 + math.exp(-z))
    # The reasons that pushed the way the block went, strongest first: the largest
    # weights of content, the most negative of boilerplate (a stable sort either way).
    is_content = score >= options.thresholds.content
    toward = [item for item in found if (item[1] > 0) == is_content]
    toward.sort(key=WEIGHT, reverse=is_content)
    reasons = tuple([name for name, _ in toward]) or ("no_evidence",)  # nothing spoke: the prior decided
    return _label(score, reasons, options), round(score, 3), reasons


def score(blocks: list[Block], options: Options) -> list[Block]:
    """Each block judged on its own. A page's blocks often bring the same evidence (a
    menu's items, a sentence's lines, a line and its repeats): it is weighed once."""
    verdicts: Verdicts = {}
    return [score_one(b, options, verdicts) for b in blocks]
