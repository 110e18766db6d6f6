"""Shapes the scorer recognises in code: thread URLs, dates, datelines and bylines.

The lists of known boilerplate (phrases, patterns, class/id tokens) are data: they live
in defaults.toml, where users' rules files extend them.
"""
from __future__ import annotations

import os
import re

from .dates import MONTH_NUMBERS
from .language import MARKS

_I = re.IGNORECASE

# URLs of discussion pages, where comments and replies are the content.
THREAD_URL = re.compile(
    r"forums?(?:[/.?=_-]|$)|(?:^|[/.])(?:boards?|discuss|discussions?|threads?|t|r|questions?|comments|talk|"
    r"viewtopic|showthread|showtopic)(?:[/.?=_-]|\.php|$)|topic[/=-]\d+",
    _I,
)

# Devanagari's danda and double danda, the Arabic question mark, Urdu's, Burmese, Khmer,
# Ethiopic, Armenian and Tibetan full stops, and full-width and half-width CJK stops.
SENTENCE_ENDERS = ".!?…。！？:;।॥؟۔။។።፧։།．｡"
CLOSERS = "'\"”’»)]」』）】〕》〉"


def ends_sentence(text: str) -> bool:
    """Whether a line ends like a sentence (closing quotes and brackets allowed)."""
    body = text.rstrip(CLOSERS)
    return bool(body) and body[-1] in SENTENCE_ENDERS


# A bulleted or numbered line of scraped text. Text browsers draw a bullet for each depth
# of a list (w3m: • □ ☆ ○ ■).
BULLET_MARKS = "-*•·▪►‣◦□☆○■●◆▸➤✓✔"
BULLET = re.compile(rf"^(?:[{BULLET_MARKS}]|\d{{1,3}}[.)])\s+")

# Elements whose text is never the article's, whatever is named inside them. A photo's
# caption is the page's, not the article's (WCXB's annotators leave captions out: on the
# dev pages, caption words kept outnumbered those in the truth 6 to 1, on 99 sites).
TAG_NAVIGATION = frozenset({"nav", "footer", "aside", "menu", "dialog", "figcaption"})
TAG_CONTENT = frozenset({"article", "main"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# ARIA landmark roles that say the same; and its menu widgets, as <menu> does, and search
# landmark: on a page with no class names to read (utility CSS, CSS-in-JS) a mega-menu may
# be known by its roles alone (every 4th dev page with its class and id attributes removed:
# word F1 0.8678 -> 0.8686; all dev pages as they are: one page moved, -0.004).
ROLE_NAVIGATION = frozenset({"navigation", "contentinfo", "complementary", "dialog", "alertdialog",
                             "menu", "menubar", "menuitem", "search"})
ROLE_CONTENT = frozenset({"main", "article"})
# A <header> heads the article or main it sits in; with neither above it, it is the page's
# banner, as is an element with the ARIA role (cues.dom_cue).
TAG_BANNER, ROLE_BANNER = "header", "banner"


def word_trie(words: list[str]) -> str:
    """Distinct lower-case words as one alternation merged on their shared leading
    letters ("ma(?:r(?:ch|s|zo)?|y)"). The regex engine then tries the few letters a
    word can start with, not every word in turn: the date search, which tries the 400
    month names wherever a word starts, runs five times faster. (Whether a text has a
    match does not depend on the order of the alternatives.)"""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    alternatives = []
    for first, rests in sorted(groups.items()):
        shared = first + os.path.commonprefix(rests)  # "janv", "janu": "jan", then "v" or "u"
        rests = [rest[len(shared) - 1:] for rest in rests]
        if len(rests) == 1:
            alternatives.append(re.escape(shared))
        elif shared:
            optional = "?" if "" in rests else ""  # the word ends here, or goes on
            alternatives.append(f"{re.escape(shared)}(?:{word_trie([r for r in rests if r])}){optional}")
    return "|".join(alternatives)


# Every month name and abbreviation dates.py reads (Thai's have dots: "ธ.ค.").
MONTHS = word_trie(sorted(MONTH_NUMBERS))
# A date line's date; Spanish and Portuguese put "de" between day, month and year ("3 de
# marzo de 2025"), Korean writes 년 월 일 where Chinese and Japanese write 年月日,
# Vietnamese "ngày 3 tháng 12 năm 2025", Hungarian "2025. december 3.", Thai "3 ธ.ค. 2568".
DATE = re.compile(
    rf"\b(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|"
    rf"(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?:{MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}|"
    rf"\d{{4}}\s?[年년]\s?\d{{1,2}}\s?[月월]\s?\d{{1,2}}\s?[日일]|ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}},?\s+năm\s+\d{{4}}|\d{{4}}\.\s+(?:{MONTHS})\s+\d{{1,2}}\.)",
    _I,
)
DATE_LABEL = re.compile(
    r"^(?:first published|published(?: on| at)?|posted(?: on)?|updated(?: on)?|last updated|modified|date|"
    r"veröffentlicht(?: am)?|aktualisiert(?: am)?|publié le|mis à jour le|publicado(?: el| em)?|actualizado|atualizado(?: em)?|"
    r"pubblicato(?: il)?|aggiornato(?: il| alle)?|gepubliceerd(?: op)?|bijgewerkt(?: op)?|opublikowano|zaktualizowano|"
    r"yayınlanma(?: tarihi)?|güncelleme(?: tarihi)?|publicerad|uppdaterad|diterbitkan|diperbarui|cập nhật|"
    r"publikováno|aktualizováno|опубликовано|обновлено|опубліковано|оновлено|"
    r"입력|수정|기사입력|公開日|更新日|发布时间|發布時間|更新时间|發佈時間|تاريخ النشر|آخر تحديث|प्रकाशित)\b\s*:?",
    _I,
)
# "By Jane Doe", in several languages; in Chinese and Japanese with a space or a colon after
# the label ("记者 李明", "作者：张三"; "作者简介" is a heading). Where the word is also an
# everyday one (Italian "di", Dutch "door", Swedish "av", Danish "af", Greek "Του"/"Της"),
# only in the case written and before a capital.
# Korean names the reporter first: "[서울=연합뉴스] 김민수 기자".
# A lower-case gerund after "by" is a sentence ("By continuing, you agree..."), not a name.
BYLINE = re.compile(
    r"^(?:(?:(?i:by|written by|words by|author:?|posted by|reported by|von|par|por:?|autor:?|auteur\s*:?|автор:?|текст:?|"
    r"yazan|yazar:?|autore:?|testo di|oleh:?|penulis:?|tác giả:?|bởi|szerző:?|teksti:?|kirjoittanut|kirjoittaja:?|"
    r"skrevet af|skrevet av|napisał[a]?:?|napsal[a]?:?|autorius:?|από (?:τον|την)|بقلم:?|كتبت?:|מאת|लेखक:?|"
    r"írta:?|muhabir:?|redactor:?|reporter:?|โดย)\s+"
    r"|(?:di|door|av|af)\s+(?=[A-ZÀ-ÖØ-ÞĀ-Ž])"
    # Greek names the author in the genitive after "of the": "Της Μαρίας Παπαδοπούλου"
    r"|(?:Του|Της)\s+(?=[Α-ΩΆ-Ώ])"
    # Chinese and Japanese: "作者：张三", "记者 李明", "文/王小明"
    r"|(?:作者|记者|記者|撰文|责任编辑|責任編輯|编辑|編輯)(?:\s*[:：]\s*|\s+)|文\s*[/／]\s*)"
    # A name's letters, with the vowel signs (Thai, Devanagari) the regex engine calls no word characters.
    rf"(?P<name>(?![a-z]+ing\b)[^\W\d_][\w{MARKS}.'’-]*(?:\s+[^\W\d_][\w{MARKS}.'’-]*){{0,3}})"
    r"(?:\s*(?:,|\||\b(?i:and)\b|&|-|–|—|·).*)?"
    r"|(?:\[[^\]]{1,30}\]\s*)?(?P<reporter>[가-힣]{2,4}) ?기자(?:\s.*)?)$"
)


# What a converter leaves of a heading's link to its own place (Sphinx's and MkDocs'
# "¶", a theme's "🔗"), after the heading or on a line of its own: a glyph, no words.
PERMALINK_GLYPHS = ("¶", "🔗")


def without_permalink(text: str) -> str:
    """The text without a heading's permalink glyph at its end ("Middleware ¶")."""
    return text[:-1].rstrip() if text.endswith(PERMALINK_GLYPHS) else text


def is_glyph(text: str) -> bool:
    """Whether a link's text is a glyph, no word (a permalink's "¶", "#", "🔗")."""
    return not any(map(str.isalnum, text))
