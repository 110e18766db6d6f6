"""Passes that need what metadata found (the headline, the author, the language):
other stories in <article>s of their own, forms, the author's note, and a legal
paragraph that is the article's own."""
from __future__ import annotations

import re

from ..features import word_count
from ..language import stopwords
from ..options import Options
from ..phrases import BULLET
from ..records import CONTENT, NAVIGATION, Block
from .common import ensure_content, is_hard, outermost, relabelled, words_of


# Words of kept prose that make an <article> a story of its own (a next story loaded
# ahead may be cut short; a card's teaser runs to a few dozen).
OTHER_ARTICLE_WORDS = 100
OWN_ARTICLE_SHARE = 0.3  # of the kept words, what the headline's <article> holds to bound the story


def drop_other_articles(blocks: list[Block], options: Options, page_title: str | None,
                        thread: bool = False) -> list[Block]:
    """HTML: a news site that scrolls on to the next story has it in the page already,
    an <article> of its own beside the one the page is for, and many sites set the
    teasers of other stories in <article>s too. When the headline, the one the page's
    head names (`page_title`), stands in one <article> with a story's worth of prose,
    what other <article>s hold is other pages', and so is what is kept outside any, when
    the headline's <article> holds a fair share of the text (OWN_ARTICLE_SHARE). On a
    discussion (`thread`), whose posts are <article>s, only those with a headline and a
    story's worth of prose each go. (A blog's front page, whose title is the blog's, is
    left alone.)"""
    title = next((b for b in blocks if b.role == "title"), None)
    if title is None or not page_title or title.text.casefold().strip() != page_title.casefold().strip():
        return blocks
    own = _article_of(title)
    if own is None:
        return blocks
    articles: dict[int, int] = {}  # each kept block's <article>, read from its path once
    words: dict[int, int] = {}
    headed: set[int] = set()
    for i, b in enumerate(blocks):
        f = b.features
        if b.label is CONTENT and f is not None and (article := _article_of(b)) is not None:
            articles[i] = article
            words[article] = words.get(article, 0) + f.words
            if f.is_heading:
                headed.add(article)
    if words.get(own, 0) < OTHER_ARTICLE_WORDS:
        return blocks
    others = {a for a, n in words.items()
              if a != own and (not thread or a in headed and n >= OTHER_ARTICLE_WORDS)}
    # Off a discussion, an <article> that holds a fair share of the text is the story's
    # bounds: what is kept outside it (a sidebar's posts, a testimonial, a promo) is not.
    bounded = not thread and words[own] >= OWN_ARTICLE_SHARE * _body_words(blocks)
    out = []
    for i, b in enumerate(blocks):
        if articles.get(i) in others:
            b = relabelled(b, NAVIGATION, "other_article", min(b.score, 0.4))
        elif bounded and b.label is CONTENT and b.role == "body" and i not in articles:
            b = relabelled(b, NAVIGATION, "outside_article", min(b.score, 0.4))
        out.append(b)
    return out


FORM_SHARE = 0.3  # of an article's kept words, the most a <form> may hold and still be the page's furniture


def drop_forms(blocks: list[Block], article: bool, options: Options, thread: bool = False) -> list[Block]:
    """HTML: on a page whose markup calls it an article, what a <form> holds is a sign-up,
    a quote request or a comment box, not the story; unless the form holds the headline
    or much of the text (some sites wrap the whole page in one form). On other pages a
    form without a line of prose is a control: a listing's filters (colours, sizes,
    price ranges), a product's options; a form with prose is a calculator's or a
    configurator's page, explained in it. (On dev HTML word F1 +0.0002: collection
    +0.0014, product +0.0017, listing +0.0005, service -0.0001.)"""
    if thread:
        return blocks
    forms = {i: f for i, b in enumerate(blocks) if b.label is CONTENT and (f := outermost(b, "form")) is not None}
    if not forms:
        return blocks
    inside: dict[int, int] = {}  # each form's kept words
    prose: set[int] = set()  # the forms holding a kept paragraph
    for i, form in forms.items():
        words = words_of(blocks[i])
        inside[form] = inside.get(form, 0) + words
        if words >= options.thresholds.long_words:
            prose.add(form)
    title = next((b for b in blocks if b.role == "title"), None)
    home = outermost(title, "form") if title is not None else None
    kept = _body_words(blocks)
    chrome = {f for f, n in inside.items()
              if f != home and n <= FORM_SHARE * kept and (article or f not in prose)}
    if not chrome:
        return blocks
    # (The pipeline's ensure_content follows, as for drop_other_articles.)
    return [relabelled(b, NAVIGATION, "in_form", min(b.score, 0.4)) if forms.get(i) in chrome else b
            for i, b in enumerate(blocks)]


def _body_words(blocks: list[Block]) -> int:
    """The words of the body blocks kept as content."""
    return sum(words_of(b) for b in blocks if b.label is CONTENT and b.role == "body")


def _article_of(b: Block) -> int | None:
    """The serial of the outermost <article> the block stands in, if any."""
    return outermost(b, "article")


# What an author's note says of its author after the name: "Jane Doe is a freelance
# writer...", "Jane Doe, CFP, has covered...", in the languages the bylines are read in.
BIO_VERB = re.compile(
    r"(?:,[^,.]{1,40},)?\s+(?:is|was|has|writes|covers|joined|serves|lives|holds|brings|began|worked|"
    r"founded|started|runs|leads|owns|works|teaches|studied|graduated|grew up|loves|enjoys|speciali[sz]es|"
    r"ist|war|schreibt|arbeitet|est|a été|écrit|travaille|es|fue|escribe|trabaja|è|scrive|lavora|é|escreve|trabalha|"
    r"schrijft|werkt|jest|pisze|är|skriver|er|je|este|adalah|là|является|работает|пишет)\b")
BIO_MORE = 2  # paragraphs after the note's first that may go on with it
BIO_LINE_WORDS = 6  # a line of the note's box that names the author: "About Jane Doe"
AUTHORS_APART = re.compile(r"\s*(?:,|&|\band\b)\s*")  # "Jane Doe, John Roe and Ann Poe"


# How far (in blocks) keep_legal_prose looks for the prose around a legal paragraph, and
# how long that prose and the paragraph must be; and the share of the paragraph's words
# (CONTENT_WORD) the rest of the kept text must share.
LEGAL_PROSE_REACH = 3
LEGAL_PROSE_WORDS = 20
LEGAL_PARAGRAPH_WORDS = 15
LEGAL_COHESION = 0.2
CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")  # words of four letters or more: what a text is about


def keep_legal_prose(blocks: list[Block], language: str | None = None) -> list[Block]:
    """A paragraph that talks like a privacy notice or terms of use ("pursuant",
    "third-party vendors", "liability") between two kept paragraphs of prose that do not,
    and on their subject, is the article's, written on a legal matter (an LLC's filing,
    a VPN's logging policy, an insurer's cover). A consent dialog that a converter wrote
    into the middle of a story shares none of its words; a site's privacy policy stands
    among more of its own kind. Run before the model, which leaves such a paragraph kept
    (it never brings legal text back itself)."""
    candidates = [i for i, b in enumerate(blocks)
                  if "legal_text" in b.reasons and b.label is not CONTENT and b.role == "body"
                  and b.features is not None and b.features.words >= LEGAL_PARAGRAPH_WORDS and not is_hard(b)
                  and _plain_prose_near(blocks, range(i - 1, max(-1, i - 1 - LEGAL_PROSE_REACH), -1))
                  and _plain_prose_near(blocks, range(i + 1, min(len(blocks), i + 1 + LEGAL_PROSE_REACH)))]
    stops = stopwords(language)
    if not candidates or not stops:
        # Nearly every page has no legal paragraph between plain ones; and without the
        # language's stop words, its function words ("your", "with") would pass for a
        # shared subject.
        return blocks
    kept = {w for b in blocks if b.label is CONTENT and b.role == "body" for w in _content_words(b.text, stops)}
    out = list(blocks)
    for i in candidates:
        words = _content_words(blocks[i].text, stops)
        if words and len(words & kept) >= LEGAL_COHESION * len(words):
            out[i] = relabelled(blocks[i], CONTENT, "legal_in_prose", max(blocks[i].score, 0.5))
    return out


def _content_words(text: str, stops: frozenset[str]) -> set[str]:
    return {w for w in CONTENT_WORD.findall(text.lower()) if w not in stops}


def _plain_prose_near(blocks: list[Block], near: range) -> bool:
    """Whether the first paragraph of prose in `near` is kept body text with no legal
    vocabulary of its own."""
    for j in near:
        b, f = blocks[j], blocks[j].features
        if f is not None and f.words >= LEGAL_PROSE_WORDS:
            return b.label is CONTENT and b.role == "body" and f.legal_terms == 0
    return False


def drop_author_bio(blocks: list[Block], author: str | None, options: Options,
                    language: str | None = None) -> list[Block]:
    """An author's note ("Jane Doe is a freelance writer living in...") is the page's
    furniture, not the article: a kept paragraph that opens with the name of the page's
    author (metadata) and goes on to say what the author is or does. A name of one word
    ("admin", "Staff") is too common to tell a note from a sentence about someone."""
    names = [n for n in AUTHORS_APART.split(author or "") if len(n.split()) >= 2]
    if not names:
        return blocks
    # Notes as often call the author by the given name alone ("Jane is a freelance writer");
    # not a publication's article ("The Commercial Appeal"), which is no one's name.
    stops = stopwords(language)
    names += [given for n in names if len(given := n.split()[0]) >= 3 and given[0].isupper()
              and given.lower() not in stops]
    body = [i for i, b in enumerate(blocks) if b.label is CONTENT and b.role == "body"]
    # (Tested name by name rather than compiled into one pattern a page: compiling the
    # verbs' alternation cost more than the whole pass.)
    notes = {i for i in body for n in names if blocks[i].text.startswith(n) and BIO_VERB.match(blocks[i].text, len(n))}
    if not notes:
        return blocks
    openers = frozenset(notes)
    # The note's box: the name over it, "More about Jane Doe" under it (but not "1. Jane
    # Doe", a ranked list's entry).
    notes |= {j for k, i in enumerate(body) if i in notes for j in body[max(k - 2, 0):k + 3]
              if word_count(blocks[j].text) <= BIO_LINE_WORDS and _names(blocks[j].text, names)
              and not BULLET.match(blocks[j].text)}
    # A note may run on for a paragraph or two that name the author again ("When she's
    # not writing, Jane ...").
    # Only from a note's opening paragraph: a run of paragraphs that each name the author
    # is a story about someone of that name, which the test below then keeps.
    for k, i in enumerate(body):
        if i in openers:
            for j in body[k + 1:k + 1 + BIO_MORE]:
                if not _names(blocks[j].text, names):
                    break
                notes.add(j)
    # Named elsewhere in the body, in prose or as a ranked entry ("1. Jane Doe"), the
    # author is what the page is about (a listicle ranking its own writer's firm first),
    # not who wrote it. A byline ("Jane Doe and John Roe | Columnists") or a photo's
    # credit ("Photo by Jane Doe") names the writer, not the subject.
    if any(_mentioned(blocks[i].text, names) for i in body
           if i not in notes and (words_of(blocks[i]) >= MENTION_WORDS or BULLET.match(blocks[i].text))):
        return blocks
    return ensure_content([relabelled(b, NAVIGATION, "author_bio", min(b.score, 0.4)) if i in notes else b
                           for i, b in enumerate(blocks)], options)


def _names(text: str, names: list[str]) -> bool:
    return any(n in text for n in names)


# What comes before a name that credits it with the page's words or pictures.
CREDIT = re.compile(r"(?:\bby|©|\bphoto(?:graph)?s?|\bcredits?|\bimages?)\W*$", re.I)
MENTION_WORDS = 10  # a paragraph, not a byline ("Jane Doe and John Roe | Columnists")


def _mentioned(text: str, names: list[str]) -> bool:
    """Whether a text names one of `names` other than in a credit."""
    for n in names:
        at = text.find(n)
        while at >= 0:
            if not CREDIT.search(text, max(0, at - 16), at):
                return True
            at = text.find(n, at + 1)
    return False
