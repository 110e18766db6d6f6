"""Language detection from stop words (jusText's lists) and scripts, and the stop lists themselves."""
from __future__ import annotations

import importlib.util
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# jusText list name -> ISO 639-1 code: the lists read whole, which the vote tells apart (detect_language).
STOPLISTS = {
    "Afrikaans": "af", "Arabic": "ar", "Bulgarian": "bg", "Catalan": "ca", "Croatian": "hr",
    "Czech": "cs", "Danish": "da", "Dutch": "nl", "English": "en", "Estonian": "et",
    "Finnish": "fi", "French": "fr", "Galician": "gl", "German": "de", "Greek": "el",
    "Hebrew": "he", "Hindi": "hi", "Hungarian": "hu", "Icelandic": "is", "Indonesian": "id",
    "Italian": "it", "Latvian": "lv", "Lithuanian": "lt", "Malay": "ms", "Norwegian_Bokmal": "no",
    "Persian": "fa", "Polish": "pl", "Portuguese": "pt", "Romanian": "ro", "Russian": "ru",
    "Serbian": "sr", "Slovak": "sk", "Slovenian": "sl", "Spanish": "es", "Swedish": "sv",
    "Tagalog": "tl", "Turkish": "tr", "Ukrainian": "uk", "Vietnamese": "vi", "Welsh": "cy",
}
# The lists of 22 more languages, read to their commonest words (SHORT_LIST_WORDS). Those
# written in a script of their own are known by it (OWN_SCRIPTS); those in Latin script
# vote, Maltese aside (LATIN_SHORT_LISTS); the others, and Maltese, are believed where the
# page declares them and its words bear it out: lists close to a bigger neighbour's
# (Belarusian, Kazakh and Macedonian beside Russian and Bulgarian, Marathi and Nepali
# beside Hindi, Urdu beside Persian).
SHORT_LISTS = {
    "Albanian": "sq", "Armenian": "hy", "Azerbaijani": "az", "Basque": "eu", "Belarusian": "be",
    "Bengali": "bn", "Georgian": "ka", "Gujarati": "gu", "Irish": "ga", "Kannada": "kn",
    "Kazakh": "kk", "Macedonian": "mk", "Malayalam": "ml", "Maltese": "mt", "Marathi": "mr",
    "Nepali": "ne", "Swahili": "sw", "Tamil": "ta", "Telugu": "te", "Urdu": "ur", "Uzbek": "uz",
    "Yoruba": "yo",
}
# Every language with a list, and those known by their script alone.
LISTED = frozenset(STOPLISTS.values()) | frozenset(SHORT_LISTS.values())
BY_SCRIPT = frozenset(("ja", "zh", "ko", "th"))
# Codes pages declare for a language of the lists, old or other than jusText's.
DECLARED_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "fil": "tl", "sh": "sr"}
# An ISO 639 code of a language (not "und", "mul" or "zxx", which name none).
LANGUAGE_CODE = re.compile(r"(?!und$|mul$|zxx$)[a-z]{2,3}")
# The words of a SHORT_LISTS list that are taken, the commonest: the function words, about
# as many as English's list holds. Further down, the lists drawn from Wikipedia hold its
# nouns (Tamil's 6,349 words make 15 of the 19 words of a news sentence stop words).
SHORT_LIST_WORDS = 500
# The Latin-script ones. Drawn from Wikipedia, they hold English's commonest words too
# (Uzbek's all twenty): with those, an English page of labels came out Romanian in the
# vote, and they are left out. All but Maltese vote: its "meta" is every key of a Markdown
# converter's front matter.
LATIN_SHORT_LISTS = frozenset(("az", "eu", "ga", "mt", "sq", "sw", "uz", "yo"))
VOTERS = (*STOPLISTS.values(), *sorted(LATIN_SHORT_LISTS - {"mt"}))  # the lists of the vote (detect_language)
# Languages without spaces between words, told apart by script.
HIRAGANA_KATAKANA = re.compile(r"[\u3040-\u30ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
THAI = re.compile(r"[\u0e00-\u0e7f]")
# Scripts that one language of the lists writes alone (Bengali's shared with Assamese), as
# character ranges: a page written mostly in one is in that language.
OWN_SCRIPT_RANGES = {"hy": "\u0530-\u058f", "bn": "\u0980-\u09ff", "gu": "\u0a80-\u0aff", "ta": "\u0b80-\u0bff",
                     "te": "\u0c00-\u0c7f", "kn": "\u0c80-\u0cff", "ml": "\u0d00-\u0d7f", "ka": "\u10a0-\u10ff"}
OWN_SCRIPTS = {language: re.compile(f"[{letters}]") for language, letters in OWN_SCRIPT_RANGES.items()}
ANY_SCRIPT = re.compile(f"[\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af{''.join(OWN_SCRIPT_RANGES.values())}]")
# Characters that play the part of stop words in running Chinese and Japanese prose.
CJK_FUNCTION_CHARS = frozenset("的了是在和有我也不就都这那他她它们个之与而为以及或但所被把从对到说要会能可着过还没很得地吗呢吧啊のにはをがでとも")
# The last syllables of Korean particles and verb endings (은/는, 을/를, 에서, 했다...):
# most words of running Korean prose end in one, the nouns of menus and headlines seldom.
KOREAN_ENDINGS = frozenset("은는이가을를의에도로와과고며서다게면터지한된할던인요")
# A word: word characters with the combining marks inside it. The regex engine counts
# neither the vowel signs of Indic scripts, Thai, Lao, Tibetan, Burmese and Khmer nor
# Arabic and Hebrew points as word characters, which cut "दिसंबर" into three pieces and
# "السُّورِيُّ" into four, and no stop word matched a piece. (Devanagari's danda, "।", ends
# a sentence and stays out.)
MARKS = ("\u0300-\u036f\u0483-\u0487\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
         "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
         "\u0900-\u0963\u0966-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
         "\u0f71-\u0f84\u102b-\u103e\u1056-\u1059\u17b4-\u17d3")  # as a character class's body
WORD = re.compile(f"[\\w{MARKS}]+")
SAMPLE_WORDS = 3000
ENGLISH_AT_SIGHT = 0.3  # the share of English stop words that settles the vote at once
DECLARED_AT_SIGHT = 0.1  # the share of the declared language's stop words that confirms it
MIN_VOTES = 3  # stop words a language needs on the page, at the least
SAMPLE_CHARS = 15000  # about 2,500 words: plenty to tell the language; a long page is not scanned whole


def language_sample(texts: Iterable[str]) -> str:
    """The page's first lines, up to SAMPLE_CHARS characters, as one text."""
    taken, size = [], 0
    for text in texts:
        taken.append(text)
        size += len(text) + 1
        if size >= SAMPLE_CHARS:
            break
    return " ".join(taken)


@lru_cache(maxsize=None)
def stopwords(language: str | None) -> frozenset[str]:
    """The stop words of a language by ISO code (empty when unknown). jusText's files are
    read straight from its package folder: importing jusText would cost a start-up
    tenth of a second (it pulls in urllib and http) for nothing else used of it."""
    name = next((n for n, code in (*STOPLISTS.items(), *SHORT_LISTS.items()) if code == language), None)
    if name is None:
        return frozenset()
    data = (_stoplist_folder() / f"{name}.txt").read_bytes().decode("utf-8")
    # Lowered whole, then split: the same words (lowering makes and takes no line break)
    # at a third of the cost of lowering each; all the lists are most of a short run's start.
    words = data.lower().splitlines()
    if name in SHORT_LISTS:  # the commonest words only (the lists run from the commonest down)
        words = words[:SHORT_LIST_WORDS]
        if language in LATIN_SHORT_LISTS:
            english = stopwords("en")
            words = [word for word in words if word not in english]
        else:
            # Written in another script, they hold English words too ("the", "of", "and" in
            # Marathi's): an English phrase on the page would count as their stop words. (The
            # 40 lists read whole keep theirs, as they always have: Hindi's and Bulgarian's
            # count a page's English titles under a Hindi or Bulgarian menu.)
            words = [word for word in words if not word.isascii()]
    return frozenset(words)


@lru_cache(maxsize=1)
def any_stopword() -> frozenset[str]:
    """Every voting stop list's words in one set (62,000 of them): the words that vote for a
    language, and that tell which reading of a page's bytes spells real words."""
    return frozenset().union(*(stopwords(code) for code in VOTERS))


@lru_cache(maxsize=1)
def _stoplist_folder() -> Path:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jusText (for its stop lists) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "stoplists"


def script_language(text: str) -> str | None:
    """ja / zh / ko / th, or a language of OWN_SCRIPTS, when the text is mostly written in
    that script."""
    if not ANY_SCRIPT.search(text):  # most pages: one scan instead of four
        return None
    kana, han = len(HIRAGANA_KATAKANA.findall(text)), len(HAN.findall(text))
    if kana > 20 and kana * 10 > han:
        return "ja"
    if han > 50 and han > len(WORD.findall(text)):
        return "zh"
    if len(HANGUL.findall(text)) > 50:
        return "ko"
    if len(THAI.findall(text)) > 100:
        return "th"
    words = None
    for language, script in OWN_SCRIPTS.items():
        letters = len(script.findall(text))
        if letters > 50:
            words = len(WORD.findall(text)) if words is None else words
            if letters > words:  # a word of these scripts is several letters: most of the words are in it
                return language
    return None


# Punctuation that ends or opens a word ("end.", "(so", "“quoted”"): no word character,
# no mark, so a token stripped of it splits into the same words.
WORD_EDGES = ".,:;!?()\"'’“”"


def _words(text: str) -> list[str]:
    """WORD.findall(text) at half the cost: most tokens between spaces are a word whole
    (letters and digits alone), or one once the punctuation at its ends is stripped, and
    only the others go to the regex. No word spans two tokens: a space is neither a word
    character nor a mark."""
    words: list[str] = []
    for token in text.split():
        if token.isalnum():
            words.append(token)
        elif (inner := token.strip(WORD_EDGES)).isalnum():
            words.append(inner)
        else:
            words += WORD.findall(inner)
    return words


def _stopword_count(words: list[str], language: str | None) -> int:
    """How many of the words are the language's stop words: a set lookup a word, in C,
    at half what counting each word first costs."""
    return sum(map(stopwords(language).__contains__, words))


def detect_language(text: str, declared: str | None = None) -> str | None:
    """The page's main language as an ISO 639-1 code, or None when unsure. The language
    the page `declared` (<html lang>) is believed when its stop words make up a tenth of
    the words or more: a page of short labels (colours, sizes, names) has few stop
    words of any language, and some lists are long enough to catch them by chance."""
    script = script_language(text)
    if script:
        return script
    words = _words(text.lower())[:SAMPLE_WORDS]
    declared = DECLARED_ALIASES.get(declared or "", declared)
    if declared in LISTED and _stopword_count(words, declared) >= DECLARED_AT_SIGHT * max(1, len(words)):
        return declared
    # Most pages are English, and one where English stop words make up a third of the
    # words is English: told so without reading the other 39 lists of the vote (30 ms a process).
    english = _stopword_count(words, "en")
    if english >= ENGLISH_AT_SIGHT * max(1, len(words)):
        return "en"
    if declared and declared not in LISTED and declared not in BY_SCRIPT and LANGUAGE_CODE.fullmatch(declared):
        # A language no list knows (Somali, Amharic, Khmer): the vote would find only the
        # words its text shares with other languages by chance.
        return declared
    if len(words) < MIN_VOTES:
        return None  # too few words to outvote chance: the other lists are not read
    counts = Counter(words)
    voters = any_stopword()
    distinct = {word for word in counts if word in voters}  # the few words any language would vote for
    # Each stop word on the page votes, split between the lists that hold it: some lists
    # are long and hold English words too ("the", "and", "new" are Finnish stop words in
    # jusText's list), and a page of English labels must not come out Finnish. (An index
    # of each word's languages would be quicker, but costs a one-file run 40 ms to build.)
    shared = {code: stopwords(code) & distinct for code in VOTERS}
    lists = Counter(word for found in shared.values() for word in found)
    best, share, hits = None, 0.0, 0
    for code, found in shared.items():
        votes = sum(counts[word] / lists[word] for word in found)
        if votes > share:
            best, share, hits = code, votes, sum(counts[word] for word in found)
    if best != "en" and english * 2 >= hits:
        # English's short list against a long one drawn from Wikipedia, which holds English
        # words of its own (Finnish's "you", "best", "city"): a page of English labels and
        # names gives such a list more words than English's, but not twice as many, where a
        # page in that language gives English's a fifth of them or fewer.
        best, hits = "en", english
    return best if hits >= max(MIN_VOTES, len(words) // 20) else None
