"""The page's head among its lines: which line is the headline, which the byline and the
date, in HTML (where the markup may have said already) and in scraped text (where the
lines are all there is); and the site's name from a masthead or copyright line."""
from __future__ import annotations

import re
from dataclasses import replace

from .. import phrases
from ..dates import parse_date
from ..features import is_thread, word_count
from ..records import CONTENT, Block, Label, Metadata
from .names import AUTHOR_LABEL, AUTHOR_WORDS, CITIES, author_from_line, is_author, looks_like_name, poster_before_date
from .titles import (HEADLINE_WORDS, holds_slug, names_site, names_site_apart, same_title, same_words, says_slug, site_names, squash,
                     title_words, url_slug_words, without_site, without_tagline)


CAPTION = re.compile(
    r"\((?:photo|image|picture|credit|source|file|foto)\b|\b(?:photo|image|credit|foto|bild|imagen|immagine"
    r"|crédito|фото|світлина)\s*:|(?:사진|写真|图片|圖片|صورة)\s*[:=：]|getty images|reuters/|ap photo", re.I)
HEADLINE_NEAR = 12  # lines above the article within which position does not matter
BYLINE_REACH = 6  # how far below a headline its byline or date may be
DATE_ABOVE = 2  # how far above the headline a dateline may stand
DATE_BEFORE_PROSE = 30  # how far above the article's first prose scraped text's dateline may stand
DATELINE_WORDS = 14  # a dateline is no longer than this ("Published Dec. 3, 2026, 6:45 p.m. ET")
COPYRIGHT = re.compile(
    r"(?:(?:©|\(c\)|copyright|bản quyền(?: thuộc về)?)\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?(?P<name>[^|.,©]{3,40}?)"
    r"(?:\s+[-–|·]\s+.*|\s*[.,|].*|\s+(?:%s).*|\s+\d{4}(?:\s*[-–]\s*\d{4})?(?:\s*[.,|].*)?)?$" % "|".join((
        # "All rights reserved" after the name with no stop between (Chinese sets a space);
        # or the year after the name ("© Le Quotidien 2026").
        "all rights reserved", "版权所有", "版權所有", "著作権", "alle rechte vorbehalten", "tous droits réservés",
        "todos los derechos reservados", "todos os direitos reservados", "tutti i diritti riservati",
        "все права защищены", "wszelkie prawa zastrzeżone", "alle rechten voorbehouden", "tüm hakları saklıdır",
        "mọi quyền được bảo lưu", r"\S{0,2}icp[备証证]")), re.I)  # or a Chinese site's licence number, "京ICP备..."
# A company's legal form after its name ("Example Media Ltd.", "Gazzetta S.p.A." cut at its first dot).
LEGAL_FORM = re.compile(r"(?:\s+|,\s*)(?:[A-Z]|Inc|Ltd|Limited|LLC|GmbH|AG|SA|SAS|SL|SpA|Srl|BV|NV|Co|Corp|plc|Pty|AB|AS|Oy)\.?$")
MASTHEAD_SMALL_WORDS = frozenset("the of and a an for from on in de la le du des el y der die das".split())
# A rating line ("4.6 out of 5 stars (212)", "4,4 de 5", "Rated 4 stars out of 5", "★★★★☆"):
# a shop's product head has one beside the name, often the longer line.
RATING = re.compile(r"\b[0-5](?:[.,]\d)?\s*(?:out of|of|/|von|sur|de|su|из|z)\s*5\b|(?<![^\W\d])rated\b.{0,20}\bstars?\b|[★☆]", re.I)
# The steps of a breadcrumb trail ("Home » Blog » Headline", "News › Local"): the path to
# the headline, not the headline, however close to the article it stands.
BREADCRUMB = re.compile(r"\S\s+[>»›▸]\s+\S|\S\s+/\s+\S.*\s+/\s+\S")
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÀ-ÖØ-Þ]")
# Between the parts of a dateline: "Jane Doe · May 2", "2026-12-03 来源：晨报 作者：李明" (Chinese
# and Japanese set their labelled parts apart with a space).
PART_SEPARATORS = re.compile(r"\s+[·•|]\s+|\s+(?=(?:作者|记者|記者|撰文)\s*[:：])")


CASELESS_NAME_STOPWORDS = 0.3  # a share of stop words a name line in a script without capitals stays under


# The headline guess's score (_find_title): a line that holds the URL's slug is the page's
# name for itself, more telling than a heading's shape; a line that ends with a full stop
# is more often the standfirst under the headline than the headline.
SLUG_BONUS = 1.0
SENTENCE_END_PENALTY = 0.4
HEAD_SCAN = 40  # how many lines before the article the headline search looks at


MIN_ANCHOR_WORDS = 3  # a <title> this long, echoed on a line of its own, is the headline
TITLE_ECHO = "title_echo"  # the reason that marks a headline found that way
PAGE_TITLE = "page_title"  # the reason that marks scraped text's opening copy of the <title>
# A name line guessed to be the byline (no "By") sits right under the headline.
GUESSED_BYLINE_REACH = 5
NAME_NEAR_DATE = 4  # ...and has a date line this close ("Jane Doe", "Follow", "8 min read", "Oct 4, 2025")
# Words that make a title-case line a heading rather than a name ("How Smart", "Get The
# Look"). Not the page language's stop list: those lists are word counts of whole corpora,
# and hold common first names ("María", "Anna").
NOT_NAMES = frozenset("""
a an and are as at be best by for from get how in is it more my new of on or our the this to top what when where
who why with you your el la los las de del y o en con por para un una cómo qué más le les des du et ou au aux pour
avec comment plus der die das und oder mit für von wie was ein eine mehr il lo gli di e per come più os do da
dos em um uma como mais het een van voor hoe""".split())
HEAD_LINES = 12  # how far after the headline a byline or date may sit
AUTHOR_BOX_LINES = 5  # how far past the article's last line its author box may name the author
LONG_TITLE_WORDS = 20  # a "title" this long, alone on the page, is the post itself


def find_roles(blocks: list[Block], meta: Metadata, guess: bool) -> tuple[list[Block], Metadata]:
    """Find the headline, byline and date among the lines around the article's start and
    mark them with a role, so the body can leave them out; fill in what metadata lacks."""
    content = [i for i, b in enumerate(blocks) if b.label is CONTENT]
    if not content:
        return blocks, meta
    # The article proper starts at its first paragraph of prose; the headline is above it.
    first = next((i for i in content if _is_prose(blocks[i])), content[0])
    out = list(blocks)
    titled = _opening_title(blocks, meta.url) if guess else None  # the line and the title it gives
    anchor = _headline_below(blocks, meta.url) if guess and not meta.title else None
    headline = True  # whether the line at title_at is the headline, or only where the head starts
    if anchor is not None:
        title_at: int | None = anchor
    else:
        known = meta.title or (_echoed_title(blocks, first, meta.url) if guess else None)
        title_at = _find_title(blocks, first, known, guess, meta.url)
        opening = titled if not known else None
        if opening and (title_at is None or title_at == 0 or not _headline_confirmed(blocks, title_at, opening)):
            # A guess weaker than the page's own <title>: that is the title. The guessed
            # line stays in the body, but the article's head is still looked for under it.
            meta = replace(meta, title=without_tagline(opening))
            headline = title_at == 0
    if title_at is not None and headline:
        if not meta.title:
            title = blocks[title_at].text
            meta = replace(meta, title=without_tagline(title) if guess and title_at == 0 and meta.url else title)
        # A link post's long title is the whole post: with no other content it stays
        # the body too, rather than leave the page to its best scraps of chrome.
        alone = all(i == title_at for i in content)
        if not (alone and _is_long_title(blocks[title_at])):
            # An echo of the opening <title> says so, for revise.sections.drop_above_headline.
            echo = (TITLE_ECHO,) if title_at == anchor else ()
            out[title_at] = blocks[title_at]._replace(role="title", label=Label.CONTENT,
                                                      reasons=echo + blocks[title_at].reasons)
    # The article head: the few lines after the headline, before the prose gets going.
    head_start = title_at + 1 if title_at is not None else max(0, first - 3)
    prose, bylined = 0, False
    for i in range(head_start, min(len(blocks), head_start + HEAD_LINES)):
        b, f = out[i], out[i].features
        if f is None:
            continue
        if b.label is CONTENT and f.words >= 20 and f.terminal_punctuation:
            prose += 1
            if prose == 2:
                break
        if f.words > DATELINE_WORDS:
            continue
        # Where the markup gave no date, a date under the headline is the article's
        # dateline even where the scorer took its line for chrome ("2026-12-03 09:30
        # Source: ..."). With no headline found, the head is a guess: not there.
        dateline = title_at is not None and not meta.date
        if f.is_date and (phrases.DATE_LABEL.match(b.text) or b.label is CONTENT or guess or dateline):
            meta = meta if meta.date else replace(meta, date=parse_date(b.text))
            # "August 9, 2025 · Jane Doe · 12 comments": a date line may name the author too.
            names = [n for part in PART_SEPARATORS.split(b.text) if (n := author_from_line(part.strip()))]
            if not names:  # a copy may drop the marks between them: "By Jane Doe December 2, 2025"
                parts = PART_SEPARATORS.split(phrases.DATE.sub(" · ", b.text))
                names = [n for part in parts if phrases.BYLINE.match(p := part.strip()) and (n := author_from_line(p))]
            if not names and guess and is_thread(meta.url) and (poster := poster_before_date(b.text)):
                names = [poster]  # a thread's first post: "amondale (Amondale) November 8, 2024, 7:33pm"
            if names and not meta.author:
                meta = replace(meta, author=names[0])
            out[i] = b._replace(role="date", label=Label.CONTENT)
        elif (not bylined and not f.phrase
              # A table's header row ("Name Price Stock") is no one's name.
              and (f.is_byline or title_at is not None and i - title_at <= GUESSED_BYLINE_REACH
                   and _bare_name(out, i, meta.author, guess))
              and (name := author_from_line(b.text, caseless=guess))):
            meta = meta if meta.author else replace(meta, author=name)
            out[i] = b._replace(role="byline", label=Label.CONTENT)
            # Between the headline and the byline sit the dek, which is the article's,
            # and photo captions and keyword lines, which are not.
            for j in range(head_start, i):
                if out[j].label is CONTENT and out[j].role == "body" and _is_head_matter(out[j]):
                    out[j] = out[j]._replace(role="header")
            bylined = True  # a date line may still follow
    if not meta.author:
        # "Written by" on a line of its own, the name on the next: the author, though the
        # lines keep their labels (the scraped-text model was fitted on them as they are).
        labelled = (_name_under_label(out, i) for i in range(head_start, min(len(out), head_start + HEAD_LINES)))
        meta = replace(meta, author=next((name for name in labelled if name), None))
    if guess and not meta.author:
        # Scraped text's byline may stand far from the headline found, or under the article.
        meta = replace(meta, author=_labelled_author(out, max(content) + AUTHOR_BOX_LINES))
    if title_at is not None and not meta.date:
        out, meta = _date_above(out, title_at, meta)
    # "First Published: ..." lines anywhere after the headline belong to the metadata.
    for i in range(head_start, len(out)):
        f = out[i].features
        if f and f.is_date and phrases.DATE_LABEL.match(out[i].text):
            meta = meta if meta.date else replace(meta, date=parse_date(out[i].text))
            out[i] = out[i]._replace(role="date", label=Label.CONTENT)
    if guess and not meta.date:
        meta = replace(meta, date=_day_above_prose(out, first))
    if titled and len(out) > 1 and out[0].role == "body":
        # The converter's copy of the <title> ("Headline | Site") names the page, it is
        # not a line of it: the headline, if the page shows one, stands under it.
        out[0] = out[0]._replace(label=Label.NAVIGATION, score=min(out[0].score, 0.3),
                                 reasons=(PAGE_TITLE,) + out[0].reasons)
    if len(out) == 1:
        # A page of one line (a rendering that kept only the page's title) is its title
        # or date and its body both: the line is not left out of the text. A sentence
        # pasted alone is no headline, though: its full stop says so.
        out[0] = out[0]._replace(role="body")
        if guess and meta.title == out[0].text and out[0].text.endswith("."):
            meta = replace(meta, title=None)
    return out, meta


# A byline's label on a line of its own, the name on the next: "Written by", "Article by:",
# a forum thread's "Thread starter" (XenForo's, over the opening post's user name), or
# "Author" (a search form's field too: the name after it must look like one).
LONE_BYLINE_LABEL = re.compile(r"^(?:(?:written|posted|published|reported|article|story|words)\s+)?(?P<by>by|thread\s+starter)\s*:?$"
                               r"|^(?:author|autor|auteur|autore|autorin|yazar|автор)\s*:?$", re.I)


def _name_under_label(blocks: list[Block], i: int) -> str | None:
    """The author's name on the line after a lone byline label (LONE_BYLINE_LABEL)."""
    label = LONE_BYLINE_LABEL.match(blocks[i].text)
    if label is None or i + 1 >= len(blocks):
        return None
    text, f = blocks[i + 1].text, blocks[i + 1].features
    if f is None or f.words > AUTHOR_WORDS or f.phrase or f.is_date or not (label.group("by") or looks_like_name(text)):
        return None
    name = author_from_line("By " + text)
    # A code listing's "GROUP BY" over "DEFAULT", or a table's "By" over "C-": a name has
    # a lower-case letter or more than one word.
    if not name or not any(map(str.islower, name)) and len(name.split()) < 2:
        return None
    return name if is_author(name) and not AUTHOR_LABEL.search(name) else None


def _labelled_author(blocks: list[Block], end: int) -> str | None:
    """The name under the lone byline labels (LONE_BYLINE_LABEL) of the lines above
    `end`, when they all name the same one: an article's byline away from the headline,
    or its author box after the text. A listing's "by" under each book, or a thread's
    under each post, names many, none of them the page's author."""
    names = [name for i in range(min(end, len(blocks))) if (name := _name_under_label(blocks, i))]
    return names[0] if names and len(set(names)) == 1 else None


def _day_above_prose(blocks: list[Block], first: int) -> str | None:
    """Scraped text's dateline where no headline was found over it, or it stands apart
    from the headline (a date over the headline, a byline and a share bar between): the
    day the date lines just above the article's first prose give, when they all give
    one. Under the prose stand a thread's replies and other stories, each with its own."""
    days = {day for b in blocks[max(0, first - DATE_BEFORE_PROSE):first]
            if (f := b.features) is not None and f.is_date and f.words <= DATELINE_WORDS and (day := parse_date(b.text))}
    return days.pop() if len(days) == 1 else None


def _bare_name(blocks: list[Block], i: int, author: str | None, guess: bool) -> bool:
    """A line just under the headline that is a byline without a "By": in scraped text a
    name that looks like one (_may_be_name); anywhere, the name the markup gave, alone."""
    b = blocks[i]
    return (guess and not b.cells and _may_be_name(blocks, i)
            or author is not None and squash(b.text) == squash(author))


def _date_above(blocks: list[Block], title_at: int, meta: Metadata) -> tuple[list[Block], Metadata]:
    """Some sites set the dateline over the headline, under the section's name: with no
    date found below the headline, a date line just above it dates the page."""
    for i in range(title_at - 1, max(-1, title_at - 1 - DATE_ABOVE), -1):
        f = blocks[i].features
        if f is not None and f.is_date and f.words <= DATELINE_WORDS and (date := parse_date(blocks[i].text)):
            dated = list(blocks)
            dated[i] = blocks[i]._replace(role="date", label=Label.CONTENT)
            return dated, replace(meta, date=date)
    return blocks, meta


def site_from_lines(blocks: list[Block]) -> str | None:
    """The site's name from scraped lines: a copyright line ("© 2025 Example Media"), or
    else the masthead, a short capitalised line above the headline."""
    for b in reversed(blocks[-60:]):
        if len(b.text) < 120 and (m := COPYRIGHT.search(b.text)):
            name = LEGAL_FORM.sub("", m.group("name").strip(" -–"))
            # "Copyright © 2004 - 2026 by" with the name on the next line names no one here.
            if name and not name.lower().startswith("all rights") and name.lower() != "by":
                return name
    title_at = next((i for i, b in enumerate(blocks) if b.role == "title"), None)
    for b in blocks[:title_at]:
        f = b.features
        if f and not f.phrase and not f.is_date and _looks_like_masthead(b.text):
            return b.text
    return None


def _looks_like_masthead(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and not any(ch.isdigit() for ch in text) and all(
        w[0].isupper() or w.lower() in MASTHEAD_SMALL_WORDS for w in words) and words[0][0].isupper()


def _may_be_name(blocks: list[Block], i: int) -> bool:
    """A line with no "By" that may still be a byline: one with a news dateline ("Jane
    Doe New Delhi"), or one written in title case, without function words or a full stop
    (unlike "DOWNLOAD THE REPORT", "How Smart", "Get Designer Ready.") that sits where
    bylines do: near a date line, or under the lead photo's caption. A heading in title
    case ("Custom Web Development") under the headline has neither."""
    b, f = blocks[i], blocks[i].features
    if CITIES.search(b.text):
        return True
    near = blocks[max(0, i - NAME_NEAR_DATE):i] + blocks[i + 1:i + 1 + NAME_NEAR_DATE]
    # Where the script has no capitals, only function words tell a phrase from a name;
    # a place after the name may be in the stop list ("Amit Sharma, New Delhi" in Hindi).
    caseless = not any(ch.isupper() for ch in b.text)
    return (f is not None and not b.text.isupper() and not b.text.rstrip().endswith(".")
            and NOT_NAMES.isdisjoint(b.text.lower().split())
            and not (caseless and f.stopword_density >= CASELESS_NAME_STOPWORDS)
            and (any(_is_byline_or_date(n) for n in near)
                 or any(CAPTION.search(n.text) for n in blocks[max(0, i - 2):i])))


def _is_byline_or_date(b: Block) -> bool:
    f = b.features
    return f is not None and (f.is_byline or f.is_date)


def _is_long_title(b: Block) -> bool:
    return b.features is not None and b.features.words >= LONG_TITLE_WORDS and b.features.stopword_density > 0


def _is_head_matter(b: Block) -> bool:
    """A photo caption or a line of keywords (no stop words), as against a dek."""
    return CAPTION.search(b.text) is not None or (b.features is not None and b.features.stopword_density <= 0)


def _is_prose(b: Block) -> bool:
    return b.features is not None and b.features.words >= 20 and b.features.terminal_punctuation


def _headline_below(blocks: list[Block], url: str | None) -> int | None:
    """Where scraped text that opens with the page's <title> ("Headline | Site") has the
    headline again on a line of its own, with prose within the article head's dozen lines
    under it (a byline and a dateline broken over several lines may come first): the
    headline's index. Not in the page's last fifth, where a link to the page itself in
    a footer or a comment would pass for it; a shop's mega-menu may fill the first half."""
    opening = blocks[0].text
    if len(opening.split()) > HEADLINE_WORDS:
        return None
    sites = site_names(None, url)
    own = without_site(opening, sites)
    if len(own.split()) < MIN_ANCHOR_WORDS or names_site(own, sites):
        return None  # "Products", "Blog": a menu's item as much as a headline; or a masthead
    wanted, longest = squash(own), 2 * len(own) + 20  # no need to squash lines far longer
    at = next((i for i in range(1, len(blocks) * 4 // 5 + 1) if len(wanted) <= len(blocks[i].text) <= longest
               and squash(blocks[i].text) == wanted and _own_line(blocks, i)), None)
    if at is None or not any(map(_is_prose, blocks[at + 1:at + 1 + HEAD_LINES])):
        return None
    return at


def _opening_title(blocks: list[Block], url: str | None) -> str | None:
    """The page's <title> without the site's name, where scraped text opens with it (a
    converter that keeps the <head>'s title writes it first): a first line that names
    the site in a part of its own ("Headline | Site") or says what the URL's last step
    says ("/products/magnetic-project-mat"). A rendering that starts with the body
    opens with a menu, a logo or a "Skip to content", which do neither. Without the URL
    nothing tells them apart: None."""
    line = blocks[0]
    if line.features is None or line.features.phrase or len(line.text.split()) > HEADLINE_WORDS:
        return None
    sites = site_names(None, url)
    if names_site_apart(line.text, sites) or says_slug(line.text, url):
        return without_site(line.text, sites)
    return None


def _headline_confirmed(blocks: list[Block], at: int, opening: str) -> bool:
    """Whether a guessed headline holds up beside the page's <title>: it says the same,
    or a byline or a date follows it, as under an article's headline."""
    return same_title(blocks[at].text, opening) or _byline_or_date_below(blocks, at)


def _byline_or_date_below(blocks: list[Block], i: int) -> bool:
    """Whether a byline or a date line follows the line within BYLINE_REACH lines."""
    return any(_is_byline_or_date(b) for b in blocks[i + 1:i + 1 + BYLINE_REACH])


def _own_line(blocks: list[Block], i: int) -> bool:
    """Not a piece of a sentence a link broke over lines."""
    b = blocks[i]
    return b.group < 0 or b.group == b.index and not (i + 1 < len(blocks) and blocks[i + 1].group == b.group)


def _echoed_title(blocks: list[Block], first: int, url: str | None) -> str | None:
    """Scraped text often opens with the page's <title> ("Headline | Site") and has the
    headline again above the article: that line, when there is one. The line must say
    nearly all the title does (a menu's "Home" is in many titles too)."""
    opening = blocks[0].text if blocks else ""
    if len(opening.split()) > HEADLINE_WORDS:
        return None
    sites = site_names(None, url)
    titled = names_site_apart(opening, sites)
    if not (_may_be_title(blocks[0]) or titled):
        return None
    own = without_site(opening, sites)
    if len(own.split()) < MIN_ANCHOR_WORDS and not (titled or says_slug(opening, url)):
        return None  # "Forums", "Blog": a menu's first item, echoed by "Forum" or "Blogs" under it
    wanted = title_words(own)  # once, not once a line
    echoes = [b.text for b in blocks[1: first + HEAD_SCAN]
              if b.text != opening and same_words(title_words(b.text), wanted, strict=True)]
    exact = [text for text in echoes if squash(text) == squash(own)]
    return next(iter(exact or echoes), None)


def _may_be_title(b: Block) -> bool:
    """Whether a rendering's first line may be the page's <title>: not a list's item or a
    menu's ("* Home", "+ About Us", "Skip to content"), nor a date (a listing's first
    item's, whose next items' dates would echo it), which a rendering that opens with the
    body has there. (One that names the site in a part of its own is the <title>,
    whatever phrase it holds: "Category:Programming languages - Wikipedia".)"""
    f = b.features
    return f is None or not (f.phrase or f.is_date or _is_list_item(b))


def _is_list_item(b: Block) -> bool:
    """A bulleted or numbered line, or inscriptis's second-level item ("+ About Us"; the
    "+" is not among the bullets the features know, which the text model was fitted on)."""
    return b.features is not None and b.features.list_like or b.text.startswith("+ ")


def _find_title(blocks: list[Block], first: int, known: str | None, guess: bool,
                url: str | None = None) -> int | None:
    """The headline: the known title if it is on the page, else (for scraped text, which
    has no markup to say so) the likeliest heading just before the article starts."""
    if known:
        wanted = known.lower().strip()
        found = [i for i, b in enumerate(blocks[: first + HEAD_SCAN]) if b.text.lower().strip() == wanted]
        if found:
            # A menu item may carry the page's name too (a docs site's tree): the <h1>
            # wins, then a line kept as content, then the first.
            return min(found, key=lambda i: (blocks[i].tag != "h1", blocks[i].label is not CONTENT, i))
    if not guess:
        return next((i for i, b in enumerate(blocks[: first + HEAD_SCAN]) if b.tag == "h1"), None)
    best, best_score = None, 0.0
    sites, slug_words = site_names(None, url), url_slug_words(url)  # once a page, not once a line
    scored: dict[int, int] = {}  # the lines that may be the headline, and their words
    for i in range(max(0, first - HEAD_SCAN), min(len(blocks), first + 1)):
        b, f = blocks[i], blocks[i].features
        words = len(b.text.split())  # the line's own, not its sentence group's
        if not b.text.isascii():  # Thai or Chinese put few spaces between words, if any
            words = max(words, word_count(b.text))
        if f is None or f.phrase or f.is_date or f.link_density > 0.5 or words > 30 or b.cells:
            continue  # (a table's row, a header row too, is no headline)
        slug = holds_slug(b.text, slug_words) and not names_site_apart(b.text, sites)
        if words < 3 and not slug:
            continue  # a menu's item or a label, unless it says what the URL says ("Standing desks")
        if _is_list_item(b) and not f.is_heading or BREADCRUMB.search(b.text):
            continue  # a menu's item ("* Local news"; a numbered heading, "5. Data Structures", may be one), a trail
        if b.text.endswith((".", "!")) and words > 12 or CAPTION.search(b.text) or RATING.search(b.text):
            continue  # a sentence, a photo caption or a product's rating, not a headline
        if not _own_line(blocks, i):
            continue  # a piece of a sentence broken over lines
        score = min(words, 12) / 12 + (1.0 if f.is_heading else 0.0) + (0.5 if b.tag == "h1" else 0.0)
        score -= 0.6 if words > 20 or SENTENCE_BREAK.search(b.text) else 0.0  # a standfirst, not a headline
        score -= SENTENCE_END_PENALTY if b.text.endswith(".") and not b.text.endswith("..") else 0.0
        # The headline sits near the article, above its standfirst: among close lines
        # the first good one wins, farther up lines lose a little for each step.
        score -= 0.02 * max(0, first - i - HEADLINE_NEAR)
        if _byline_or_date_below(blocks, i):
            score += 0.5  # and a byline or a date follows it
        if slug:
            score += SLUG_BONUS
        scored[i] = words
        if score > best_score:
            best, best_score = i, score
    # A standfirst sits between the headline and the byline and runs longer than the
    # headline: the line above it, shorter, is the headline. (The line above must be
    # content: a menu item or a section label stands there too. Under the standfirst
    # comes the byline, or a bare name and then the dateline.)
    above = best - 1 if best is not None else -1
    if (above in scored and scored[above] < scored[above + 1] and blocks[above].label is CONTENT
            and any(_is_byline_or_date(b) for b in blocks[above + 2:above + 4])):
        return above
    if best is not None:
        # A line that ends with another candidate's words after two or more capitalised
        # ones is that line with a trail in front ("Home Glossary Mobile App What is a
        # Mobile App?", a breadcrumb whose marks a copy dropped): the other is the headline.
        chosen = blocks[best].text
        return next((i for i in scored if i != best and chosen.endswith(" " + blocks[i].text)
                     and _is_trail(chosen[:-len(blocks[i].text)])), best)
    return best


def _is_trail(text: str) -> bool:
    """Two or more words, each capitalised (or a mark between them): "Home Glossary", "Blog /"."""
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return len(words) >= 2 and all(w[0].isupper() for w in words)
