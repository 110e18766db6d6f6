"""The parts of a page a heading opens that are not the article: a "Related" list,
the comments and reviews, and in scraped text what stands above the headline, below
the footer's own heading or after the last copyright notice."""
from __future__ import annotations

import re
from itertools import accumulate

from ..cues import read_step
from ..metadata import TITLE_ECHO
from ..options import Options
from ..records import CONTENT, NAVIGATION, Block
from .common import ensure_content, outermost, relabelled, words_of
from .listings import record_key


TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}\b")
# A comment's age where its date would be: "28 minutes ago", "hace una hora", "il y a 2 jours".
RELATIVE_TIME = re.compile(
    r"(?:(?:\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago"
    r"|hace (?:\d+|una?) (?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)"
    r"|il y a (?:\d+|une?) (?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|vor (?:\d+|einer|einem) (?:Sekunden?|Minuten?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)"
    r"|(?:\d+|una?|un') ?(?:secondi|minuti?|ore|ora|giorni|giorno|settimane?|mesi|mese|anni|anno) fa"
    r"|há (?:\d+|uma?) (?:segundos?|minutos?|horas?|dias?|semanas?|mes(?:es)?|anos?)"
    r"|\d+ (?:seconden|minuten|uur|dagen|dag|weken|week|maanden|maand|jaar) geleden)\.?",
    re.I)
# A reply's attribution line: "by Brain-Fu (1274756) writes:", "Pete wrote:", "Anna schrieb:",
# and a blog platform's "Pete says:" as it is translated ("Anna sagt:", "Jean dit :").
REPLY_ATTRIBUTION = re.compile(
    r"\b(?:writes|wrote|says|said|schreibt|schrieb|a écrit|escribió|escribe|scrive|ha scritto|написал|napisał|schreef"
    r"|sagt|dit|dice|disse|diz|zegt|pisze|говорит)\s*:\s*$",
    re.I)


# Menu items in a row that end a related list (see after_related).
MENU_RUN = 3


def after_related(blocks: list[Block], options: Options, groups: dict[str, list[int]]) -> list[Block]:
    """Under a "Read more" / "Related" heading come links to other pages, not the
    article: headline-like blocks there are navigation until prose resumes. A heading
    with none of the page's own prose above it in HTML ("Latest news" under a topic
    page's title) heads the page's own listing: there is no article yet for it to
    relate to."""
    if not any((f := b.features) is not None and f.phrase == "related" and f.dom_cue != "landmark" for b in blocks):
        return blocks  # no heading opens a list: most pages, told in one look
    t = options.thresholds
    # A long run of records on one path is the page's own listing, even under a
    # "Latest news" heading: related boxes hold a few links.
    listed = {i for members in groups.values() if len(members) >= t.records_many for i in members}
    out, in_list, menu_run, prose_seen, article_above = [], False, 0, False, False
    for i, b in enumerate(blocks):
        f = b.features
        if f is None or (in_list and i in listed):
            out.append(b)
            continue
        # Above the article, a run of menu items the scorer already took for chrome means
        # the heading was the top bar's own ("Latest news" among the sections), and the
        # headline under them is the article's. (Below it, a sidebar's "Related" box, tag
        # cloud and archive are chrome alike.)
        menu_run = menu_run + 1 if b.label is not CONTENT and f.words < t.tiny_words else 0
        if f.phrase == "related" and f.dom_cue != "landmark":
            # Inside a landmark ("See also" in a sidebar's contents list) the line heads
            # only what the landmark holds, which is chrome already: not the page below.
            # (HTML only for the article above: scraped text's model learnt the heading's
            # list as it always was.)
            in_list = article_above or not b.dom_path
        elif menu_run >= MENU_RUN and not prose_seen:
            in_list = False
        # A question ends a headline as often as a sentence ("How do I join two files?").
        elif ((f.terminal_punctuation and f.words >= t.medium_words and not b.text.rstrip().endswith("?")
               or f.words >= t.long_words) and f.link_density < t.links_mid
              or f.words >= t.linked_prose_words and f.link_density < t.links_high):
            in_list, prose_seen = False, True  # prose again, not another linked headline
            article_above = article_above or b.label is CONTENT
        elif in_list and b.label is CONTENT and "repeated_record" not in b.reasons:
            b = relabelled(b, NAVIGATION, "after_related_heading", min(b.score, 0.4))
        out.append(b)
    return out


def drop_comments(blocks: list[Block], options: Options) -> list[Block]:
    """Reader comments under an article are not the article, nor customer reviews under
    a product's description; but when nearly all the content sits in comment
    containers, the page is a thread and the comments stay."""
    # Where there is no DOM, or markup that names no comment box, a "12 Comments" or
    # "Customer Reviews" heading after the article opens the section.
    heading = _comments_heading(blocks, options)
    if heading is None and not any(b.label is CONTENT and (f := b.features) is not None and f.dom_cue == "comments"
                                   for b in blocks):
        return blocks  # no kept text in a comment section: most pages, told in one look
    cards = _cards_with_reviews(blocks, options)  # a listing's cards keep their review snippets
    def in_section(i: int, b: Block) -> bool:
        return (b.features is not None and b.features.dom_cue == "comments"
                and cards.isdisjoint(b.ancestors)) or (heading is not None and i > heading)
    kept = [(i, b) for i, b in enumerate(blocks) if b.label is CONTENT]
    in_comments = sum(words_of(b) for i, b in kept if in_section(i, b))
    elsewhere = sum(words_of(b) for _, b in kept) - in_comments
    if not in_comments or elsewhere < options.thresholds.article_words:
        return blocks
    return [relabelled(b, NAVIGATION, "comment_section", min(b.score, 0.4))
            if b.label is CONTENT and in_section(i, b) else b
            for i, b in enumerate(blocks)]


POST_CUES = ("content", "")  # where a post's own prose stands: no comment's, menu's or ad's box


def drop_post_comments(blocks: list[Block], options: Options) -> list[Block]:
    """HTML thread: the comments under each of several posts (a Q&A page's remarks on the
    question and on every answer) are not the thread's posts. A forum whose replies are
    comments has them under the thread, one place; these hang from two posts or more,
    each comment under the nearest element that holds a post's own prose."""
    medium = options.thresholds.medium_words
    comments = [i for i, b in enumerate(blocks)
                if b.label is CONTENT and (f := b.features) is not None and f.dom_cue == "comments"]
    if not comments:
        return blocks  # most threads: told in one look
    prose: set[int] = set()  # the elements that hold a post's own prose (not a comment's, nor a form's)
    for b in blocks:
        if b.label is CONTENT and (f := b.features) is not None and f.dom_cue in POST_CUES and f.words >= medium:
            prose.update(b.ancestors)
    posts: dict[int, int] = {}  # comment -> the post it hangs from
    above: set[int] = set()  # elements above some post: the thread, the page, not a post
    for i in comments:
        chain = blocks[i].ancestors
        at = next((k for k in range(len(chain) - 1, -1, -1) if chain[k] in prose), None)
        if at is not None:
            posts[i] = chain[at]
            above.update(chain[:at])
    hanging = {i: post for i, post in posts.items() if post not in above}
    if len(set(hanging.values())) < 2:
        return blocks  # one post's comments, or a thread's replies: the thread
    out = list(blocks)
    for i in hanging:
        out[i] = relabelled(blocks[i], NAVIGATION, "post_comment", min(blocks[i].score, 0.4))
    return out


def _cards_with_reviews(blocks: list[Block], options: Options) -> set[int]:
    """HTML: the elements that hold a comment or review container beside content of their
    own, where many on one path do (a listing's product cards, each with its review
    snippet): there the snippet is the card's. An article with its comments below is one
    such element, a product page with its reviews another: never many."""
    p, least = options.phrases, options.thresholds.records_min
    marks = p.dom_comments | p.dom_reviews
    holders: dict[int, str] = {}  # the element above each comment container: its record key
    for b in blocks:
        if b.features is None or b.features.dom_cue != "comments" or not b.ancestors:
            continue
        steps = b.dom_path.split(">")
        at = next((k for k, step in enumerate(steps) if not marks.isdisjoint(read_step(step)[2])), 0)
        if at and len(steps) == len(b.ancestors):
            holders.setdefault(b.ancestors[at - 1], record_key(">".join(steps[:at])))
    if len(holders) < least:
        return set()
    with_content = {serial for b in blocks
                    if b.label is CONTENT and b.features is not None and b.features.dom_cue != "comments"
                    for serial in b.ancestors if serial in holders}
    per_key: dict[str, list[int]] = {}
    for serial in with_content:
        per_key.setdefault(holders[serial], []).append(serial)
    return {serial for serials in per_key.values() if len(serials) >= least for serial in serials}


# Words a heading of the rules' lists ([comments] reviews, [navigation] footer) may have, as
# measured: a line of a sentence broken over lines counts the sentence's, and is no heading.
HEADING_WORDS = 6
# A line of at most this many words, none a digit, is a menu's or tabs' item.
MENU_ITEM_WORDS = 3


def _headings(blocks: list[Block], pattern: re.Pattern[str]) -> list[int]:
    """The lines that are, whole, a heading `pattern` names (short: no sentence's line)."""
    match = pattern.fullmatch
    return [i for i, b in enumerate(blocks)
            if (f := b.features) is not None and f.words <= HEADING_WORDS and match(b.text) is not None]


def _comments_heading(blocks: list[Block], options: Options) -> int | None:
    """Where the comment section of scraped text opens, if it does after a full article:
    at a "12 Comments" or "Customer Reviews" heading, or at the first of a run of comment
    headers (a name line over a date line), unless one heads the first post too: then
    the page is a thread.
    A heading with no run of headers at or just after it must also come after most of
    the page's content (a "Comments" link in the page header opens nothing), except an
    HTML heading that counts them ("59 Comments"): a blog's readers may write more than
    its author.
    In HTML the comment containers say where the section is; where the markup names
    none (_markup_opener), only a comments or reviews heading can."""
    if not blocks:
        return None
    t = options.thresholds
    openers = {i for i, b in enumerate(blocks) if b.features is not None and b.features.phrase == "comments"}
    openers.update(i for i in _headings(blocks, options.phrases.line_reviews) if not _in_menu(blocks, i))
    counted: set[int] = set()  # HTML headings that count what they head: "59 Comments on …"
    if blocks[0].dom_path:
        openers, headers = _markup_opener(blocks, openers, options), []
        counted = {i for i in openers if _counted_heading(blocks[i])}
    else:
        headers = [i for i in range(len(blocks) - 1) if _comment_header(blocks, i)]
    if not headers and not openers:
        return None  # nothing below could open the section: most pages, in one pass
    total = sum(b.features.words for b in blocks if b.features and b.label is CONTENT)
    later = {h: len(headers) - n for n, h in enumerate(headers)}  # headers from here to the end
    seen = 0
    for i, b in enumerate(blocks):
        if b.features is None:
            continue
        opens_run = later.get(i, 0) >= t.comment_headers
        # `later` falls from header to header: a run starting within the next three blocks.
        # (Looked for only while headers remain: a page without one has none to look at.)
        run_here = opens_run or bool(later) and any(later.get(j, 0) >= t.comment_headers for j in range(i + 1, i + 4))
        after_article = seen >= t.article_words and (run_here or i in counted or seen >= total * t.comments_after_share)
        if i in later and not after_article and not b.features.is_byline:
            later = {}  # a post signed like the replies: a thread, where replies are content
        if after_article and (i in openers or opens_run):
            return i
        if b.label is CONTENT:
            seen += b.features.words
    return None


def _markup_opener(blocks: list[Block], openers: set[int], options: Options) -> set[int]:
    """HTML whose markup names no comment box (no class or id to read, or generated ones):
    its one comments or reviews line ("36 Comments", "Customer Reviews") that is no link
    opens the section. A listing's cards each say "5 comments", and a "Leave a comment"
    link leads to the form, often with the article's postscript after it. Where several
    such lines are headings that say different things ("Reviews" over a tab, "29 reviews
    for Nörd Zero" over the reviews in it), the last opens it: cards say the same, bar the
    count; and the last that counts, not a "Leave a comment" over the form under the
    comments. (Every 4th dev page with its class and id attributes removed: word F1
    +0.0008, articles +0.002; the last of several, product 0.530 -> 0.549 on two pages;
    the last that counts, over all 1,358 such pages, +0.65 summed on three. The dev pages
    as they are: the reviews headings, product +0.0018 on one page.)"""
    # (A comment form's "Comments:" field is no heading.)
    openers = {i for i in openers if outermost(blocks[i], "form") is None and not blocks[i].text.endswith(":")}
    if len(openers) > 1 and all((f := blocks[i].features) is not None and f.is_heading for i in openers) \
            and len({_without_counts(blocks[i].text) for i in openers}) == len(openers):
        # The last that counts what it heads: "59 Comments on …" over the comments, not the
        # "Leave a comment" over the form that follows them.
        counted = {i for i in openers if _counted_heading(blocks[i])}
        openers = {max(counted or openers)}
    if len(openers) != 1 or any((f := b.features) is not None and f.dom_cue == "comments" for b in blocks):
        return set()
    (i,) = openers
    f = blocks[i].features
    return openers if f is not None and f.link_density < options.thresholds.links_high else set()


COUNT = re.compile(r"\d[\d,.]*")


def _counted_heading(b: Block) -> bool:
    """A heading that counts what it heads: "59 Comments", "29 reviews for Nörd Zero"."""
    return (f := b.features) is not None and f.is_heading and COUNT.search(b.text) is not None


def _without_counts(text: str) -> str:
    """A line as it reads on every card it stands on: "5 comments" and "12 comments" alike."""
    return COUNT.sub("", text).casefold().strip()


def _in_menu(blocks: list[Block], i: int) -> bool:
    """Whether a "Reviews" heading is one of a menu's or tabs' items ("Overview", "Specs",
    "Reviews"), not a section's: the two lines above it are such items too."""
    return all((f := b.features) is not None and f.words <= MENU_ITEM_WORDS and not f.digit_share
               for b in blocks[max(0, i - 2):i])


def _comment_header(blocks: list[Block], i: int) -> bool:
    """A commenter's name ("Emma", "Pete says:") over the comment's date and time
    ("December 18, 2025, 9:46 pm"): a listing's entries have dates, but rarely the minute."""
    name, date = blocks[i].features, blocks[i + 1].features
    if name is None or date is None:
        return False
    text = blocks[i].text
    # (The attribution ends in a colon: a line without one is not searched.)
    if name.words <= 10 and not name.repeats and ":" in text and REPLY_ATTRIBUTION.search(text):
        return True  # each reply names its own writer: "One tester said:" eight times is a quote's lead-in
    if not 1 <= name.words <= 5 or name.is_date:
        return False  # not a name: most lines, told before the date line is searched
    # A comment's age in place of its date; the line above is a name, not a menu word
    # ("More") or another card's age.
    dated = (date.is_date and date.words <= 10 and TIME_OF_DAY.search(blocks[i + 1].text) is not None
             or RELATIVE_TIME.fullmatch(blocks[i + 1].text.strip()) is not None and not name.phrase
             and RELATIVE_TIME.fullmatch(text.strip()) is None)
    return dated and (not name.terminal_punctuation or text.rstrip().endswith(":"))


def drop_above_headline(blocks: list[Block], options: Options) -> list[Block]:
    """Scraped text: what was kept above the headline that the text's opening <title>
    names again (metadata marks it `title_echo`) is the page's, not the article's: a
    mega-menu's product blurbs, a promo. Run last, so that the passes and the model
    judged the page whole."""
    at = next((i for i, b in enumerate(blocks) if b.role == "title" and TITLE_ECHO in b.reasons), None)
    if at is None:
        return blocks
    return ensure_content([relabelled(b, NAVIGATION, "above_headline", min(b.score, 0.4))
                           if i < at and b.label is CONTENT and b.role == "body" else b
                           for i, b in enumerate(blocks)], options)


def drop_below_footer(blocks: list[Block], options: Options) -> list[Block]:
    """Scraped text: below a heading that names the page's footer ("Footer", "Site
    footer", "Footer navigation": a screen reader's label of the landmark, which a
    converter writes out) all is the footer's, once the page's own text stands above it
    (as a comment section's heading must). Run last, as the landmark is set aside in HTML."""
    headings = _headings(blocks, options.phrases.line_footer)
    if not headings:
        return blocks  # most pages, told in one look
    t = options.thresholds
    above = [0, *accumulate(words_of(b) if b.label is CONTENT else 0 for b in blocks)]  # kept words above each line
    # Not a "Skip to footer" target up top, nor a "Footer" section of a page about layouts.
    at = next((i for i in headings if above[i] >= t.article_words and above[i] >= above[-1] * t.comments_after_share),
              None)
    if at is None:
        return blocks
    return ensure_content([relabelled(b, NAVIGATION, "below_footer", min(b.score, 0.4))
                           if i > at and b.label is CONTENT else b
                           for i, b in enumerate(blocks)], options)


def drop_after_copyright(blocks: list[Block], options: Options) -> list[Block]:
    """Scraped text: what was kept after the page's last copyright notice ("© 2026 Example
    Ltd.", "All rights reserved") is no part of the page a reader sees: a hidden dialog's
    form, a script's leftovers, a converter's list of the page's links. Only once the
    page's own text stands above the notice (article_words, and more than below it), and
    no prose was kept below it: a notice under a table or a photo's credit in the article
    has the article's paragraphs after it. Run last, as drop_below_footer is."""
    t = options.thresholds
    notice = options.phrases.line_copyright.search
    at = next((i for i in range(len(blocks) - 1, -1, -1)
               if (f := blocks[i].features) is not None and f.words <= t.copyright_words
               and notice(blocks[i].text.lower())), None)
    if at is None:
        return blocks  # most pages' text, in one look
    above = sum(words_of(b) for b in blocks[:at] if b.label is CONTENT)
    below = [b for b in blocks[at + 1:] if b.label is CONTENT]
    if above < t.article_words or sum(map(words_of, below)) > above or any(
            (f := b.features) is not None and f.words >= t.long_words and f.terminal_punctuation for b in below):
        return blocks
    return [relabelled(b, NAVIGATION, "after_copyright", min(b.score, 0.4))
            if i > at and b.label is CONTENT else b for i, b in enumerate(blocks)]
