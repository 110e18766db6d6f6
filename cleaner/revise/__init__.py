"""The context passes: blocks judged against their neighbours, containers and the page.

As in jusText's revision after classification: short and unsure blocks follow their
neighbours, then page-level passes find listings, related-link lists, comment sections
and the stretch of the page the article occupies. Each pass returns new blocks and
adds the reason for every label it changes (common.relabelled).

The passes by what they read: neighbours.py (the blocks beside a block), listings.py
(records repeated on a path or at a period), sections.py (what a heading opens:
related links, comments, a footer; and what a copyright notice closes), containers.py
(HTML's elements: the article's container), regions.py (scraped text's stretches of
content, and a feed of cut excerpts under the article), copies.py (text said twice),
and article.py (what needs the page's headline and author, run once metadata has found
them). `revise` runs the passes that need neither the headline nor the model's word; the
pipeline runs the rest after those (article.py's, and the last passes over scraped text
and threads: drop_above_headline, drop_below_footer, drop_cut_teasers,
drop_after_copyright, drop_post_counters).
"""
from __future__ import annotations

from ..options import Options
from ..records import CONTENT, NAVIGATION, Block
from ..site import line_key
from .common import ensure_content, relabelled
from .containers import follow_containers, keep_main_container
from .copies import drop_article_copies, drop_contents_lists, drop_duplicates
from .listings import promote_periodic_records, promote_records, record_groups
from .neighbours import drop_number_runs, follow_neighbours, keep_code_captions, keep_linked_headings
from .regions import keep_main_region
from .sections import after_related, drop_comments, drop_post_comments


def revise(blocks: list[Block], options: Options, thread: bool = False,
           boilerplate: frozenset[str] = frozenset(), dated: bool = False) -> list[Block]:
    """All context passes in order. On a discussion thread (`thread`, known from the
    URL) the comments are the content and stay; `boilerplate` holds the lines the page's
    site repeats (site.find_boilerplate); `dated`, that the page's markup gives it a
    publication date (a story's header is not its text: containers._headline_lead)."""
    out = keep_linked_headings(follow_neighbours(blocks, options), options)
    html = bool(out) and bool(out[0].ancestors)
    # Passes relabel blocks but never move them: the record groups are the page's own.
    groups = record_groups(out)
    records = promote_records(out, options, groups) if html else promote_periodic_records(out, options)
    out = follow_containers(after_related(records, options, groups), options)
    if not thread:
        out = drop_comments(out, options)
    elif html:
        out = drop_post_comments(out, options)
    # In HTML the elements draw the article's bounds; scraped text has only the stretches.
    out = keep_main_container(out, options, groups, dated, thread) if html else keep_main_region(out, options)
    out = drop_article_copies(drop_duplicates(drop_contents_lists(out), options), options)
    if html:
        out = keep_code_captions(out)
    if boilerplate:
        out = drop_site_boilerplate(out, boilerplate)
    return apply_rules(ensure_content(drop_number_runs(out), options))


def apply_rules(blocks: list[Block]) -> list[Block]:
    """A rules file's selectors have the last word: no context pass overrules them."""
    return [relabelled(b, CONTENT if b.rule == "keep" else NAVIGATION, f"rule_{b.rule}", b.score)
            if b.rule and (b.label is CONTENT) != (b.rule == "keep") else b for b in blocks]


def drop_site_boilerplate(blocks: list[Block], lines: frozenset[str]) -> list[Block]:
    """Lines the page's site repeats on many of its pages (site.find_boilerplate) are its
    chrome: navigation, whatever this page made of them."""
    return [relabelled(b, NAVIGATION, "site_boilerplate", min(b.score, 0.2))
            if b.label is CONTENT and line_key(b.text) in lines else b
            for b in blocks]
