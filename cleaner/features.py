"""Measure each block: length, punctuation, stop words, links, phrases, position, and the
DOM cue that cues.py reads from its path.

Measurements only; every threshold that turns them into a verdict lives in options.py.
"""
from __future__ import annotations

import re
from collections import Counter

from . import phrases
from .language import CJK_FUNCTION_CHARS, HAN, HANGUL, HIRAGANA_KATAKANA, KOREAN_ENDINGS, MARKS, WORD, stopwords
from .cues import CueMemo, builder_tokens, dom_cue
from .options import Options, Phrases, Thresholds
from .phrases import BULLET, CLOSERS, HEADING_TAGS, ends_sentence
from .records import Block, Features, Kind
from .rules import defaults

# What breaks prose into clauses (and cells into a row). Thai, Lao, Khmer and Burmese
# mark clauses with spaces only, so their text is never taken for a run of labels.
CLAUSE_BREAK = re.compile(r"[.,;:!?|。，、；！？،।؟۔]")
SPACE_PUNCTUATED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
# How each language's stop words are counted: by character, by word ending, by function
# word inside unspaced text, or by word.
SCRIPTS = {"zh": "chars", "ja": "chars", "ko": "endings", "th": "thai", "ar": "pointed", "fa": "pointed",
           "ur": "pointed", "he": "pointed"}

# Pages whose stop words are counted from a list of words (not from the script's function
# characters or endings: see _stopword_density).
WORD_LISTS = frozenset(("", "pointed"))
# A stop list that finds fewer than this share of the words of a page's blocks is not the
# list of the page's language (a language with no list, or a page that declares one it is
# not in): its counts say nothing of a block, neither prose nor chrome. English prose runs
# to 40% and more; of the dev pages, from HTML and in eleven renderings, the one richest
# in labels (a shop's 10,000 words of part names) has 2-3%, under the bar in one rendering,
# and pages in a language with no list (the dev pages with every letter enciphered) 0-1%.
STOP_LIST_MIN_SHARE = 0.025
STOP_LIST_MIN_WORDS = 50  # on a page of fewer words, the counts stand as they are
NO_STOP_LIST = -1.0  # a block's stopword_density where the page's stop list does not fit

# Any letter of HAN, HIRAGANA_KATAKANA or SPACE_PUNCTUATED: the scripts that write words without spaces.
UNSPACED_RANGES = "\u4e00-\u9fff\u3040-\u30ff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"  # a class's body
UNSPACED_SCRIPT = re.compile(f"[{UNSPACED_RANGES}]")
# Arabic's short vowels and Hebrew's points, which a vocalised text writes and stop lists do not.
POINTS = re.compile("[\u064b-\u065f\u0670\u0591-\u05c7]")
UNPOINTED = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, *range(0x0591, 0x05C8)])
# Thai, Lao, Khmer and Burmese put no spaces between words (a space ends a clause): a word
# is counted for about every five of their letters (Thai news prose: 66 letters, 13 words).
UNSPACED_LETTERS_PER_WORD = 5
UNMARKED_SENTENCE_WORDS = 20  # about 100 letters; Thai headlines run to 50-80
# Thai's most frequent function words (that, and, in, of, can, is, will, ...): they make
# up a third to a half of the words of prose, next to none of a menu's. Found inside the
# unspaced text, longest first; a hit inside a longer word now and then does no harm to a share.
THAI_FUNCTION_WORDS = re.compile("|".join(sorted((
    "ที่ และ ใน ของ ได้ เป็น จะ ว่า การ มี ให้ ไป มา แต่ กับ จาก โดย นี้ ซึ่ง เพื่อ หรือ ก็ ไม่ อยู่ แล้ว ยัง "
    "ความ คือ ต้อง เมื่อ อย่าง ถึง ทั้ง นั้น เขา เรา กว่า ขึ้น ด้วย เพราะ ถ้า แม้ ตาม ระหว่าง สำหรับ ต่อ อีก").split(),
    key=len, reverse=True)))
# The items of a line of chrome: what lies between spaces and separators (| · • /).
CHROME_ITEM = re.compile(r"[^\s|·•/]+")


def _all_navigation(text: str, p: Phrases) -> bool:
    """A line made of nothing but menu words: "Quote  Reply  Report", "Home | News"."""
    first = CHROME_ITEM.search(text)
    if first is None or not p.is_menu(first.group()):  # most lines: told by their first word
        return False
    rest = CHROME_ITEM.findall(text, first.end())
    return len(rest) >= 1 and all(map(p.is_menu, rest))


# Characters a phrase's words may run to, on average: a block of a few "words" that is
# thousands of characters long (a run of digits, a hash, a base64 string) holds no phrase,
# and some phrases' patterns take time quadratic in the length of what they are tried on.
PHRASE_WORD_CHARS = 25


def phrase_kind(text: str, words: int, t: Thresholds | None = None, p: Phrases | None = None,
                lowered: str | None = None) -> str:
    """Which kind of known phrase the block is, if any: boilerplate, or content a user's
    rules name. Whole-line phrases are tried on short blocks only: a long block that
    starts like a menu item is prose. `lowered` is the text in lower case, if the caller
    has it."""
    t = t or defaults().thresholds
    p = p or defaults().phrases
    words = max(words, len(text) // PHRASE_WORD_CHARS)  # as long as that many words
    if words <= t.phrase_line_words:
        if p.line_content and p.line_content.match(text):
            return "content"
        line = p.line_kinds.match(text)
        if line:
            return line.lastgroup or ""
        if p.is_menu(text) or _all_navigation(text, p):
            return "navigation"
    lowered = text.lower() if lowered is None else lowered  # what the sentence patterns are made for
    if p.sentence_content and p.sentence_content.search(lowered):
        return "content"
    if words <= t.phrase_prefix_words and p.prefix_navigation.match(text):
        return "navigation"
    if words <= t.phrase_sentence_words and p.sentence_any.search(lowered):
        if p.sentence_ads.search(lowered):
            return "ads"
        if p.sentence_navigation.search(lowered):
            return "notice" if _all_notices(lowered, p) else "navigation"
    return ""


# Where a block's sentences part: after a stop, before the next one's first letter.
SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+(?=\W*\w)")


def _all_notices(lowered: str, p: Phrases) -> bool:
    """Whether a block of two sentences or more is boilerplate in every one: a site's
    notice ("JavaScript is disabled. For a better experience, please enable JavaScript"),
    whatever container it stands in. One sentence that only mentions a phrase ("powered
    by AI") may be prose; a run of them is not."""
    sentences = SENTENCE_GAP.split(lowered)
    return len(sentences) >= 2 and all(p.sentence_navigation.search(s) for s in sentences)


def word_count(text: str) -> int:
    """Words in a text, Chinese and Japanese counted by characters (see _word_count)."""
    return _word_count(text, WORD.findall(text))


def _word_count(text: str, tokens: list[str]) -> int:
    if text.isascii():
        return len(tokens)
    if not UNSPACED_SCRIPT.search(text):
        return len(tokens)  # accents and curly quotes only: no token to look into (one scan, not three)
    # Chinese and Japanese run words together: count about one word per two characters;
    # Thai, Lao, Khmer and Burmese one per UNSPACED_LETTERS_PER_WORD letters.
    cjk = len(HAN.findall(text)) + len(HIRAGANA_KATAKANA.findall(text))
    unspaced = len(SPACE_PUNCTUATED.findall(text))
    spaced = sum(1 for t in tokens if not (HAN.search(t) or HIRAGANA_KATAKANA.search(t) or SPACE_PUNCTUATED.search(t)))
    return max(len(tokens), spaced + cjk // 2 + unspaced // UNSPACED_LETTERS_PER_WORD)


def _stopword_density(text: str, tokens: list[str], stops: frozenset[str], words: int, script: str,
                      lowered: bool = False) -> float:
    """The share of the words that are stop words; `lowered`: the tokens are in lower case already."""
    if script == "chars":  # Chinese and Japanese: function characters, not words
        chars = len(HAN.findall(text)) + len(HIRAGANA_KATAKANA.findall(text))
        return 2.5 * sum(1 for ch in text if ch in CJK_FUNCTION_CHARS) / chars if chars else 0.0
    if script == "thai":
        return min(1.0, len(THAI_FUNCTION_WORDS.findall(text)) / words) if words else 0.0
    if script == "endings":
        # Korean: particles and verb endings close half to three quarters of the words of
        # prose, a fifth at most of a headline's or a menu's; scaled to the stop-word range.
        hangul = [t for t in tokens if HANGUL.match(t)]
        return 0.6 * sum(1 for t in hangul if t[-1] in KOREAN_ENDINGS) / len(hangul) if hangul else 0.0
    if not stops or not words:
        return 0.0
    if script == "pointed" and POINTS.search(text):  # stop lists write Arabic and Hebrew bare
        tokens = [token.translate(UNPOINTED) for token in tokens]
    return sum(map(stops.__contains__, tokens if lowered else map(str.lower, tokens))) / words


# WORD for ASCII text, where \w is these: a range is tested in the set itself, \w is a
# call into Unicode's tables for every character (WORD's marks are never ASCII).
ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")
# Where an ASCII word starts with a capital, or with a digit or "_" (no letter): the
# character is tested first (a fast scan in C), the character before it only then.
ASCII_CAPITAL_INITIAL = re.compile(r"[A-Z](?<![A-Za-z0-9_].)")
ASCII_NONLETTER_INITIAL = re.compile(r"[0-9_](?<![A-Za-z0-9_].)")
# ASCII has only these ten digits: one regex scan finds them all, twice as fast as ten
# str.counts.
ASCII_DIGIT = re.compile(r"[0-9]")


# A character past ASCII that ASCII_WORD would not read as WORD does: a word's letter,
# digit or mark, or a letter of a script that runs its words together (_word_count). The
# character is tested for being past ASCII first (a fast scan in C), for the rest only then.
WORDLIKE_PAST_ASCII = re.compile(f"[^\\x00-\\x7f](?<=[\\w{MARKS}{UNSPACED_RANGES}])")

# Outside ASCII, str.isdigit also holds for other scripts' digits and for superscripts:
# in a text with a curly quote or an accent, only such characters are tried one by one.
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _digits(text: str) -> int:
    ascii_digits = len(ASCII_DIGIT.findall(text))
    if text.isascii():
        return ascii_digits
    return ascii_digits + sum(map(str.isdigit, NON_ASCII.findall(text)))


def measure_one(block: Block, position: float, repeats: int, stops: frozenset[str], script: str,
                cue: str = "", options: Options | None = None, lowered: str | None = None) -> Features:
    """The block's features; `lowered` is its text in lower case, if the caller has it."""
    options = options or defaults()
    text = block.text
    return _measured(text, block.tag, block.link_chars, block.dom_path, position, repeats, stops, script, cue,
                     options.thresholds, options.phrases, text.lower() if lowered is None else lowered)


def _measured(text: str, tag: str, link_chars: int, dom_path: str, position: float, repeats: int,
              stops: frozenset[str], script: str, cue: str, t: Thresholds, p: Phrases, lowered: str) -> Features:
    """measure_one on the block's fields as measure has them unpacked (a named tuple's
    field read by name is an attribute lookup each). `lowered` is read by the sentence
    phrases and the legal terms."""
    if text.isascii() or not WORDLIKE_PAST_ASCII.search(text):
        # Words of ASCII letters only: past ASCII at most curly quotes, dashes or no-break
        # spaces (four in five English blocks that have any). Lower-casing keeps every
        # letter where it was, so the lower-case text's words are the words lower-cased,
        # as the stop lists are written. Words that start with a capital, and with no
        # letter, are counted by regex, not a Python loop.
        tokens = ASCII_WORD.findall(lowered)
        words = len(tokens)
        if "".join(tokens).isalpha():  # no digit or "_", which stand only in words: five blocks in six
            letters, digits = words, 0
        else:
            letters = words - len(ASCII_NONLETTER_INITIAL.findall(text))
            digits = len(ASCII_DIGIT.findall(text))
        capitals = len(ASCII_CAPITAL_INITIAL.findall(text))
        stopword_density = _stopword_density(text, tokens, stops, words, script, lowered=True)
    else:
        tokens = WORD.findall(text)
        words = _word_count(text, tokens)
        # Words that start with a letter, and with a capital (counted in C, not a Python loop).
        initials = "".join([token[0] for token in tokens])
        letters = sum(map(str.isalpha, initials))
        capitals = sum(map(str.isupper, initials))
        stopword_density = _stopword_density(text, tokens, stops, words, script)
        digits = _digits(text) if not text.isalpha() else 0
    chars = len(text)
    is_date = _is_dateline(text, words, digits, t)
    phrase = phrase_kind(text, words, t, p, lowered)
    if is_date and not phrase and phrases.DATE_LABEL.match(text):
        phrase = "navigation"  # a dateline that names its kind ("Updated: ..."): the page's stamp, not its story
    # Built as the tuple it is, in the order of Features' fields: a namedtuple's own
    # __new__ is a Python function that binds nineteen arguments.
    return tuple.__new__(Features, (
        words,
        chars,
        _ends_sentence(text, words),  # terminal_punctuation
        stopword_density,
        capitals / letters if letters else 0.0,  # capitalised_share
        digits / chars if chars else 0.0,  # digit_share
        link_chars / chars if chars else 0.0,  # link_density
        text[:1].islower(),  # starts_lowercase
        position,
        repeats,
        phrase,
        cue,  # dom_cue
        # Only prose can be legal prose, and only short lines are bylines.
        len(p.legal.findall(lowered)) if words >= t.legal_min_words else 0,  # legal_terms
        is_date,
        _is_byline(text, words, t),
        tag in HEADING_TAGS,  # is_heading
        tag == "li" or bool(BULLET.match(text)),  # list_like
        # (only a text that opens with a bracket can be data: most blocks make no call)
        tag != "pre" and (words >= t.unbroken_words and _unbroken(text, words, t)
                          or text[:1] in "{[" and _is_data(text, dom_path)),  # unbroken
        tag == "pre",  # code
    ))


def _is_dateline(text: str, words: int, digits: int, t: Thresholds) -> bool:
    """A short line in a date's shape. Every date shape has four digits or more: most
    lines need no search."""
    return words <= t.dateline_words and digits >= 4 and phrases.DATE.search(text) is not None


def _is_byline(text: str, words: int, t: Thresholds) -> bool:
    """A short line in a byline's shape ("By Jane Doe")."""
    return words <= t.dateline_words and phrases.BYLINE.match(text) is not None


def _ends_sentence(text: str, words: int) -> bool:
    """Whether a line ends like a sentence: with a mark, or, in Thai and Lao, which mark
    none, as a line longer than a headline that ends in their letters."""
    if ends_sentence(text):
        return True
    if words < UNMARKED_SENTENCE_WORDS:
        return False
    last = text.rstrip(CLOSERS + " \t\n\r")[-1:]  # one character, not a scan of the line
    return "\u0e00" <= last <= "\u0eff"


# A JSON object or array of objects as an HTML block's whole text: a shop's state data left
# in a hidden <div>, not prose. A docs page shows its examples in a <pre> (never judged);
# a line of scraped text may be one of those, so only HTML blocks are.
DATA_BLOB = re.compile(r'\[?\s*\{\s*"[^"\n]{1,80}"\s*:')


def _is_data(text: str, dom_path: str) -> bool:
    return (bool(dom_path) and text[:1] in "{[" and text[-1:] in "}]"
            and text.count('":') >= 3 and DATA_BLOB.match(text) is not None)


def _unbroken(text: str, words: int, t: Thresholds) -> bool:
    return words > t.words_per_break * (len(CLAUSE_BREAK.findall(text)) + 1) and not SPACE_PUNCTUATED.search(text)


def is_thread(url: str | None) -> bool:
    """Whether the URL names a discussion page (a forum topic, a Q&A question)."""
    return url is not None and phrases.THREAD_URL.search(url) is not None


def links_tell(blocks: list[Block], kind: Kind, t: Thresholds) -> bool:
    """Whether the page's link marks tell boilerplate from content. HTML's always do (on
    dev, read as text they cost product pages 0.03). Scraped text's (Markdown's links, a
    text browser's numbered references) do on a page with prose of its own outside links
    (t.article_words of it in sentences of t.medium_words or more): there they are its
    menus and "Related" headlines. On a page without, they are the page itself, a
    listing's or a collection's items, to be read as its plain text shows them (on dev,
    every Markdown and lynx rendering up: listings +0.01 to +0.03, collections up to +0.04)."""
    if kind is Kind.HTML:
        return True
    if not any(b.link_chars for b in blocks):
        return True  # no link marks to read (most plain text): nothing to weigh
    prose = 0
    for b in blocks:
        if b.link_chars * 2 < len(b.text) and ends_sentence(b.text):
            words = word_count(b.text)
            prose += words if words >= t.medium_words else 0
            if prose >= t.article_words:
                return True
    return False


def measure(blocks: list[Block], language: str | None, options: Options | None = None,
            article: bool = False, landmarks: bool = True, links: bool = True) -> list[Block]:
    """Blocks with their features filled in (new blocks; the input is left as it was).
    Lines of scraped text that one sentence runs across are measured as that sentence,
    so a link cut out of a paragraph reads as part of the paragraph. On a page whose
    markup says it is an `article`, "review" containers hold the article (a buyer's
    guide's reviewed products); anywhere else they are customer reviews: comments.
    With `landmarks` False, a block inside a landmark (a nav, footer or aside, a menu, a
    consent dialog) is placed and given its shape only, not read as prose (`unjudged`,
    _placed_only): the pipeline sets such blocks aside as navigation. Where the stop list
    finds almost none of the words read (STOP_LIST_MIN_SHARE), the page is not in its
    language, and every block's stopword_density is NO_STOP_LIST: not known. With `links`
    False, links count as text (links_tell); the blocks keep their link_chars."""
    options = options or defaults()
    reviews = "" if article else "comments"
    stops = stopwords(language)
    script = SCRIPTS.get(language or "", "")
    lowered = [b.text.lower() for b in blocks]  # lowered once: counted, then looked up
    counts = Counter(lowered)
    last = max(1, len(blocks) - 1)
    members: dict[int, list[Block]] = {}
    for b in blocks:
        if b.group >= 0:
            members.setdefault(b.group, []).append(b)
    memo = CueMemo(builder_tokens(blocks, options.phrases, options.thresholds.builder_share))
    sentences: dict[int, Features] = {}  # a sentence's lines share its measurements
    # A quarter of a page's blocks say again what one before them said ("Reply", "Share",
    # a card's "Read more"): one that matches it in text, tag, links and cue is measured once.
    seen: dict[tuple[str, str, int, str], Features] = {}
    cues: dict[str, str] = {"": ""}  # by path: siblings share theirs (scraped text has none)
    t, p = options.thresholds, options.phrases
    out = []
    read = stopped = 0.0  # the words of the blocks read as prose, and of those the stop words
    for b, low in zip(blocks, lowered):
        # The fields unpacked at once: a named tuple's field read by name is an attribute
        # lookup each, and the block is rebuilt from them with its features.
        index, text, tag, path, ancestors, link_chars, group, cells, ordered, rule, _, label, score, reasons, role = b
        linked = link_chars if links else 0
        position, repeats = index / last, counts[low] - 1
        cue = cues.get(path)
        if cue is None:
            cue = cues[path] = dom_cue(path, p, memo)
        if cue == "reviews":
            cue = reviews
        placed_only = not landmarks and unjudged(cue, path, rule)
        if placed_only:
            f = _placed_only(text, tag, linked, position, repeats, t)
        elif group >= 0 and len(members[group]) > 1:
            if group not in sentences:
                whole = " ".join([m.text for m in members[group]])
                first = members[group][0]
                sentences[group] = _measured(whole, first.tag, first.link_chars if links else 0, first.dom_path,
                                             position, 0, stops, script, cue, t, p, whole.lower())
            f = _placed(sentences[group], position, repeats)
        elif repeats:
            key = (text, tag, linked, cue)
            earlier = seen.get(key)
            if earlier is None:
                f = seen[key] = _measured(text, tag, linked, path, position, repeats, stops, script, cue, t, p, low)
            else:
                f = _placed(earlier, position, repeats)
        else:
            f = _measured(text, tag, linked, path, position, repeats, stops, script, cue, t, p, low)
        out.append(tuple.__new__(Block, (index, text, tag, path, ancestors, link_chars, group, cells, ordered, rule,
                                         f, label, score, reasons, role)))
        if not placed_only:  # (a landmark's block set aside unread has no stop words counted)
            read += f.words
            stopped += f.words * f.stopword_density
    if script in WORD_LISTS and read >= STOP_LIST_MIN_WORDS and stopped < STOP_LIST_MIN_SHARE * read:
        return [b._replace(features=measured._replace(stopword_density=NO_STOP_LIST))
                if (measured := b.features) is not None else b for b in out]
    return out


def unjudged(cue: str, path: str, rule: str) -> bool:
    """Whether an HTML block may go unread and unjudged, as navigation: it sits in a
    landmark, which outweighs any prose, and no rules file's selector picked it. A figure's
    caption is judged all the same (a code listing's is the text's: revise.neighbours.keep_code_captions)."""
    return cue == "landmark" and not rule and "figcaption" not in path


def _placed_only(text: str, tag: str, link_chars: int, position: float, repeats: int, t: Thresholds) -> Features:
    """A landmark's block, not read as prose: its length, links, place and cue, and the
    shapes the search for the article's byline and date reads (an author box's "Last
    updated: August 1, 2025"). No phrase, stop-word or case counts: nothing scores it."""
    words, chars = word_count(text), len(text)
    short = words <= t.dateline_words
    return tuple.__new__(Features, (
        words, chars, _ends_sentence(text, words), 0.0, 0.0, 0.0, link_chars / chars if chars else 0.0, False,
        position, repeats, "", "landmark", 0,
        short and _is_dateline(text, words, _digits(text), t), _is_byline(text, words, t),
        tag in HEADING_TAGS, False, False, False))


# Where _placed puts a block's place, for tuples built by slicing: a namedtuple's _replace
# goes through a dict of its keywords. (measure unpacks a block into these fields, in order.)
POSITION_AT = Features._fields.index("position")
assert Features._fields[POSITION_AT:POSITION_AT + 2] == ("position", "repeats")
assert Block._fields == ("index", "text", "tag", "dom_path", "ancestors", "link_chars", "group", "cells", "ordered",
                         "rule", "features", "label", "score", "reasons", "role")


def _placed(features: Features, position: float, repeats: int) -> Features:
    """The measurements of an identical block, or of a sentence's first line, for a
    block at another place."""
    return tuple.__new__(Features, (*features[:POSITION_AT], position, repeats, *features[POSITION_AT + 2:]))
