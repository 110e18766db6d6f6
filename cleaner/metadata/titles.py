"""Titles, site names and URLs: a page's headline among its <title>, <h1> and
og:title once the site's name and tagline are cut off, and whether two titles, or a
title and a URL's slug, say the same."""
from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit


# Where a <title> or og:title parts the page's name from the site's: "Headline | Site",
# "Site – Headline", "Topic • Forum"; in Chinese and Japanese also "标题_新闻_腾讯网",
# "标题-新华网", "見出し｜サイト", "見出し　：サイト" (a full-width colon only after a
# space: "外国专家：..." is one headline).
CJK_CHAR = "\u3001-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff5e"
TITLE_PARTS = re.compile(
    r"\s+[|–—•·»-]\s+|\s+::\s+|\s*[|｜]\s*|\s+：\s*"
    rf"|(?<=[{CJK_CHAR}])[_-](?=[{CJK_CHAR}])"
)
# Host labels that name no site ("www.", ".com", ".co.uk").
HOST_NOISE = frozenset("www m en com org net edu gov co uk de fr io".split())
HEADLINE_WORDS = 30  # an <h1> longer than this is not a headline
WORD = re.compile(r"\w+")


FILE_ENDINGS = frozenset({"html", "htm", "php", "asp", "aspx", "jsp"})  # a URL step's, not its words


def best_headline(titles: list[str], h1: str | None, sites: set[str]) -> str | None:
    """The page's headline. The head's titles (og:title, JSON-LD, <title>) carry the
    site's name ("Headline | Site"), which is cut off; the <h1> is the headline as the
    reader sees it, and wins when it says the same as one of them (a page's first <h1>
    is sometimes its logo or a section's name, which none of them says)."""
    own = [without_site(t, sites) for t in titles]
    if h1 and len(h1.split()) <= HEADLINE_WORDS and any(same_title(h1, t) for t in own):
        # Some themes print the whole <title> as the <h1> ("Headline | Site"): the site goes.
        return without_site(h1, sites) if sites else h1
    return own[0] if own else h1 or None


def host_of(url: str | None) -> str:
    """The URL's host name, lower case; "" for none, or for a URL that does not parse."""
    parts = _url_parts(url)
    return (parts.hostname or "") if parts else ""


def _url_parts(url: str | None) -> SplitResult | None:
    """The URL split into its parts; None for none, or for one that does not parse
    ("http://[::1" from a page's canonical link)."""
    try:
        return urlsplit(url) if url else None
    except ValueError:
        return None


def site_names(site: str | None, url: str | None) -> set[str]:
    """What the site may call itself in a title, squashed (lower case, no spaces): its
    declared name and the labels of its host ("news.example.co.uk" -> news, example)."""
    names = {squash(site)} if site else set()
    host = host_of(url)
    names.update(squash(label) for label in host.split(".") if label not in HOST_NOISE)
    return {name for name in names if name}


def squash(text: str) -> str:
    return "".join(WORD.findall(text.casefold()))


def without_site(title: str, sites: set[str]) -> str:
    """'Headline | Site' -> 'Headline', 'Site – Headline' -> 'Headline': the parts that
    name the site go (the whole title stays when every part does). Where the site's name
    is not known (a file without its URL), the longest part is the headline."""
    parts = [part for part in TITLE_PARTS.split(title) if part.strip()]
    if len(parts) < 2:
        return title
    if not sites:
        return max(parts, key=len).strip()
    kept = [part for part in parts if not names_site(part, sites)]
    if not kept:
        return parts[0].strip()
    # From the first kept part to the last, with whatever separated them.
    return title[title.index(kept[0]):title.rindex(kept[-1]) + len(kept[-1])].strip()


# The most words the last part of a <title> has when it names the site or gives its
# tagline ("| Mountain Bike Reviews Forum", "- Professional Tutoring").
SITE_PART_WORDS = 6


def without_tagline(title: str) -> str:
    """Scraped text's opening <title> line (known for one by the page's URL) without a last
    part the URL did not tell for the site's name: a short part after a title separator,
    not opening in lower case ("The No. 1 workout of 2024 — and 5 trends to expect" goes on
    with its headline). Without a URL the opening line may be a logo's or a menu's."""
    separator = next(reversed(list(TITLE_PARTS.finditer(title))), None)
    if separator is None:
        return title
    last, head = title[separator.end():].strip(), title[:separator.start()].strip()
    if not last or not head or len(last.split()) > SITE_PART_WORDS or last[:1].islower():
        return title
    return head


def names_site(part: str, sites: set[str]) -> bool:
    """A title part that is the site's name, or holds it with a word or two more
    ("Walmart.com", "The Verge", "Example News")."""
    squashed = squash(part)
    return any(squashed == name or (len(name) >= 4 and name in squashed and len(squashed) <= len(name) + 12)
               or (len(squashed) >= 4 and squashed in name) for name in sites)


def same_title(a: str, b: str, strict: bool = False) -> bool:
    """Two titles that say the same: one holds the other, or they share half their words.
    `strict`: the one held must be most of the other (a line of text, not an <h1>, which
    is a headline by its tag)."""
    return same_words(title_words(a), title_words(b), strict)


def title_words(title: str) -> str:
    """A title's words, case folded, a space apart: what same_words compares."""
    return " ".join(WORD.findall(title.casefold()))


def same_words(x: str, y: str, strict: bool = False) -> bool:
    """same_title of two titles' words."""
    if not x or not y:
        return False
    if x in y or y in x:
        return not strict or min(len(x), len(y)) >= 0.6 * max(len(x), len(y))
    wx, wy = set(x.split()), set(y.split())
    return len(wx & wy) >= 0.5 * len(wx | wy)


def says_slug(text: str, url: str | None) -> bool:
    """Whether a line holds the words of the URL's last path step ("mens-wool-runners")."""
    return holds_slug(text, url_slug_words(url))


def url_slug_words(url: str | None) -> frozenset[str]:
    """The words of the URL's last path step (numbers, ids and hashes, and file endings aside)."""
    parts = _url_parts(url)
    step = next((part for part in reversed(parts.path.split("/")) if part), "") if parts else ""
    return frozenset(w for w in WORD.findall(step.casefold().replace("_", " ")) if w.isalpha()) - FILE_ENDINGS


def holds_slug(text: str, slug: frozenset[str]) -> bool:
    """Two of the slug's words, or half of a slug of fewer."""
    if not slug:
        return False
    shared = len(slug.intersection(WORD.findall(text.casefold())))
    return shared >= 2 or shared >= len(slug) / 2


def names_site_apart(text: str, sites: set[str]) -> bool:
    """Whether a line names the site in a part of its own ("Headline | Site")."""
    parts = [part for part in TITLE_PARTS.split(text) if part.strip()]
    return len(parts) >= 2 and any(names_site(part, sites) for part in parts)
