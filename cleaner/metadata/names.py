"""People's names: whether a text is an author's name (not "admin" or a date), and the
name a byline line gives ("By Jane Doe, New Delhi")."""
from __future__ import annotations

import re
import unicodedata

from .. import phrases


PLACE_WORDS = 3  # "Jane Doe, New Delhi": the place after a byline's comma
NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
# Datelines after a byline ("Jane Doe New Delhi"): common news cities, cut from the author.
CITIES = re.compile(
    r"\s+(?:new delhi|delhi|mumbai|bengaluru|kolkata|chennai|new york|washington|london|paris|berlin|"
    r"moscow|beijing|tokyo|hong kong|singapore|sydney|los angeles|san francisco|dubai|brussels|"
    r"geneva|toronto|mexico city|madrid|rome|kyiv|islamabad|dhaka|nairobi|lagos|seoul)$",
    re.I,
)


AUTHOR_WORDS = 5
NOT_AUTHORS = frozenset("undefined null none name admin author authors unknown anonymous guest".split())
# A byline's label alone ("Written by", "Follow the author", "Article by:", "Jun 2 Written
# By": cut from the name after it), or a reply's "Jane says:".
AUTHOR_LABEL = re.compile(r"^(?:written|posted|published|edited|reviewed)$|\bthe author\b|\bby:?$", re.I)


# What a template leaves where a name should be: a key of its own ("page.head.extra.author"),
# the tail of a byline whose name is lost (", USA TODAY"), a number (a profile's id). (An
# e-mail address may be all the name a post gives: it stays.)
NOT_A_NAME = re.compile(r"^[\w-]{2,}(?:\.[\w-]{2,}){2,}$|^[,;:.|/–—-]|^[\W\d_]+$")  # the last: no letter at all


def is_author(name: str | None) -> bool:
    """A name as the head or the markup gives it, not a placeholder a template left
    ("undefined", NOT_A_NAME) or a link."""
    return (bool(name) and not name.startswith("http") and name.casefold() not in NOT_AUTHORS  # type: ignore[union-attr]
            and not NOT_A_NAME.search(name))  # type: ignore[arg-type]


# A forum's user name: one token of letters, digits and the marks handles use, with a
# letter in it ("hayley.p", "xJewishNinjax", "b.scherer"), and the display name some
# forums add in brackets ("amondale (Amondale)").
POSTER = re.compile(r"^(?=[\w.-]*[^\W\d_])([\w.-]{2,40})(?:\s+\([^()]{1,60}\))?$")


def poster_before_date(text: str) -> str | None:
    """The user name a thread's post header gives before its date ("hayley.p 2 May 2025
    18:48"): the one token before the date, not a label ("Posted", "Updated")."""
    date = phrases.DATE.search(text)
    if date is None:
        return None
    poster = POSTER.match(text[:date.start()].strip())
    if poster is None or phrases.DATE_LABEL.match(poster.group(1)) or not is_author(poster.group(1)):
        return None
    return poster.group(1)


def name_word(word: str, caseless: bool) -> bool:
    """A capitalised word; with `caseless`, a word of a script without capitals too
    (Devanagari, Arabic, Hebrew), whose vowel signs are marks, not letters."""
    if NAME_WORD.match(word) and word[0].isupper():
        return True
    return caseless and word[0].isalpha() and not word[0].islower() and not word[0].isupper() and all(
        c.isalpha() or unicodedata.category(c)[0] == "M" for c in word)


def looks_like_name(text: str, caseless: bool = False) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and all(name_word(w, caseless) for w in words)


def author_from_line(text: str, caseless: bool = False) -> str | None:
    """'By Jane Doe, Reuters' -> 'Jane Doe'; 'Jane Doe New Delhi' or 'Jane Doe, Boston'
    -> 'Jane Doe'."""
    m = phrases.BYLINE.match(text)
    if m:
        return (m.group("name") or m.group("reporter")).strip()
    name, comma, place = text.partition(",")
    # "Name, Place": the dateline's place after the one comma (a keyword line has more).
    if comma and "," not in place and 1 <= len(place.split()) <= PLACE_WORDS and all(
            name_word(w, caseless) for w in place.split()):
        text = name
    if looks_like_name(text, caseless):
        name = CITIES.sub("", text).strip()
        # Names are rarely longer than three words; the rest is a dateline place.
        return " ".join(name.split()[:2]) if len(name.split()) > 3 else name
    return None
