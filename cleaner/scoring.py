"""Features to labels: each block judged on its own, from the evidence it carries.

Every observation adds a weight from `Options` in log-odds; the block's score is the
logistic of the sum. The context passes that follow live in the revise package.
"""
from __future__ import annotations

import math
from operator import itemgetter
from typing import Any

from .options import Options
from .records import ADS, CONTENT, JUDGED_AT, NAVIGATION, Block, Features, Label, judged

AD_REASONS = frozenset({"ad_phrase", "ad_container"})
WEIGHT = itemgetter(1)
Verdict = tuple[Label, float, tuple[str, ...]]  # label, score, reasons: as a Block holds them
Verdicts = dict[tuple[tuple[str, float], ...], Verdict]  # by the evidence found
# All that evidence() reads of a block's features, taken in one call (a named tuple's
# field read is a descriptor call, several times a local's cost). Blocks alike in these
# bring the same evidence: score() looks for it once for each such set.
READS = ("words", "terminal_punctuation", "stopword_density", "capitalised_share", "digit_share", "link_density",
         "repeats", "phrase", "dom_cue", "legal_terms", "is_date", "is_byline", "is_heading", "unbroken", "code")
_read = itemgetter(*map(Features._fields.index, READS))
Read = tuple[Any, ...]  # the READS of one block's features


def evidence(f: Features, options: Options) -> list[tuple[str, float]]:
    """The observations that move a block towards content (+) or boilerplate (-)."""
    return _evidence(_read(f), options)


def _evidence(read: Read, options: Options) -> list[tuple[str, float]]:
    w, t = options.weights, options.thresholds
    found: list[tuple[str, float]] = []
    (words, terminal_punctuation, stopword_density, capitalised_share, digit_share, link_density, repeats, phrase,
     dom_cue, legal_terms, is_date, is_byline, is_heading, unbroken, code) = read
    if words >= t.long_words:
        found.append(("long", w.long))
    elif words >= t.medium_words:
        found.append(("medium_length", w.medium))
    elif words < t.tiny_words:
        found.append(("very_short", w.tiny))
    elif words < t.short_words:
        found.append(("short", w.short))
    if not code:  # code's words are not sentences: its shape says nothing of what it is
        _add_prose_shape(read, options, found)
    if link_density >= t.links_high and words >= t.medium_words:
        # A linked headline: a teaser in a listing, or a related link in a sidebar; the
        # container and region passes tell which.
        found.append(("linked_headline", w.links_long))
    elif link_density >= t.links_high:
        found.append(("link_density", w.links_high))
    elif link_density >= t.links_mid:
        found.append(("some_links", w.links_mid))
    if not code and legal_terms >= t.legal_terms and legal_terms * t.legal_words_per_term >= words:
        found.append(("legal_text", w.legal))
    if phrase == "ads":
        found.append(("ad_phrase", w.phrase_ads))
    elif phrase == "notice":
        found.append(("notice", w.notice))
    elif phrase in ("navigation", "related", "comments"):
        found.append(("navigation_phrase", w.phrase_navigation))
    elif phrase == "content":
        found.append(("content_phrase", w.phrase_content))
    if dom_cue == "ads":
        found.append(("ad_container", w.dom_ads))
    elif dom_cue == "landmark":
        found.append(("navigation_landmark", w.dom_landmark))
    elif dom_cue == "navigation":
        found.append(("navigation_container", w.dom_navigation))
    elif dom_cue == "content":
        found.append(("content_container", w.dom_content))
    if repeats and words < t.medium_words:
        found.append(("repeated", w.repeated))
    elif repeats:
        # The same paragraph twice: a carousel's clones, a teaser repeated in a sidebar.
        found.append(("repeated_prose", w.repeated_prose))
    if is_date:
        found.append(("date", w.date))
    if is_byline:
        found.append(("byline", w.byline))
    if is_heading:
        found.append(("heading", w.heading))
    return found


def _add_prose_shape(read: Read, options: Options, found: list[tuple[str, float]]) -> None:
    """What a block's words say as prose (sentences, stop words, capitals, digits), added
    to `found`: evidence() runs for every block, so no list of its own."""
    w, t = options.weights, options.thresholds
    (words, terminal_punctuation, stopword_density, capitalised_share, digit_share, link_density, _, _, _, _, _, _,
     is_heading, unbroken, _) = read
    if terminal_punctuation and words >= t.tiny_words:
        found.append(("sentence_end", w.terminal_punctuation))
    elif not terminal_punctuation and words >= t.medium_words:
        found.append(("no_sentence_end", w.no_punctuation))
    if words >= t.tiny_words and stopword_density >= 0.0:  # (not where the page's stop list does not fit)
        if stopword_density >= t.stopwords_high:
            found.append(("stopwords", w.stopwords_high))
        elif stopword_density >= t.stopwords_mid:
            found.append(("some_stopwords", w.stopwords_mid))
        elif stopword_density < t.stopwords_low and words >= t.short_words:
            found.append(("few_stopwords", w.stopwords_low))
    if capitalised_share >= t.capitalised_share and 2 <= words < t.long_words:
        found.append(("title_case", w.capitalised))
    elif (capitalised_share >= t.capitalised_share and words >= t.long_words
          and not terminal_punctuation and link_density < t.links_mid and not is_heading):
        # Long, unpunctuated and capitalised: a run of menu or filter labels, not prose.
        found.append(("keyword_run", w.keyword_run))
    if unbroken:
        found.append(("unbroken", w.unbroken))
    if digit_share >= t.digit_share:
        found.append(("digits", w.digits))


def _label(score: float, reasons: tuple[str, ...], options: Options) -> Label:
    if score >= options.thresholds.content:
        return CONTENT
    return NAVIGATION if AD_REASONS.isdisjoint(reasons) else ADS


def score_one(block: Block, options: Options, verdicts: Verdicts | None = None) -> Block:
    """The block judged on its evidence; `verdicts` remembers what each set of evidence
    came to, for the other blocks of the page."""
    assert block.features is not None, "measure() before score()"
    return judged(block, *_verdict_of(_read(block.features), block.rule, options, {} if verdicts is None else verdicts))


def _verdict_of(read: Read, rule: str, options: Options, verdicts: Verdicts) -> Verdict:
    """The verdict on a block's READS and rules-file `rule`, weighed once for each
    evidence found (in `verdicts`)."""
    found = _evidence(read, options)
    if rule:  # a rules file's selector picked the block's element
        found.append((f"rule_{rule}", options.weights.rule * (1 if rule == "keep" else -1)))
    key = tuple(found)
    verdict = verdicts.get(key)
    if verdict is None:
        verdict = verdicts[key] = _verdict(found, options)
    return verdict


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
    menu's items, a sentence's lines, a line and its repeats): it is found once for
    blocks alike in what it reads, and weighed once."""
    verdicts: Verdicts = {}
    alike: dict[tuple[Read, str], Verdict] = {}  # by the READS and the rule
    out = []
    new = tuple.__new__
    for b in blocks:
        features, rule = b.features, b.rule
        assert features is not None, "measure() before score()"
        key = (_read(features), rule)
        verdict = alike.get(key)
        if verdict is None:
            verdict = alike[key] = _verdict_of(*key, options, verdicts)
        # records.judged written out: a call fewer for every block of a page
        out.append(new(Block, (*b[:JUDGED_AT], *verdict, *b[JUDGED_AT + 3:])))
    return out
