"""Rules as data: the built-in defaults.toml and users' rules files, read into Options.

A rules file has the shape of defaults.toml. Its [weights] and [thresholds] values
replace the defaults; its lists (phrases, patterns, DOM tokens, selectors) are added to
them. Everything is checked when the file is read, so a typo is one clear error before
any page is cleaned, not a surprise in the middle of a batch.
"""
from __future__ import annotations

import math
import re
import tomllib
from dataclasses import fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from .errors import CleanerError
from .options import Options, Phrases, Selectors, Thresholds, Weights

NUMBERS = {"weights": Weights, "thresholds": Thresholds}
LISTS = {
    "navigation": ("lines", "prefixes", "sentences", "footer", "copyright"),
    "ads": ("lines", "sentences"),
    "comments": ("lines", "reviews"),
    "related": ("lines",),
    "legal": ("terms",),
    "content": ("lines", "sentences"),
    "dom": ("navigation", "landmarks", "author", "author_box", "post_chrome", "posts", "ads", "content", "comments",
            "reviews", "unseen"),
    "selectors": ("drop", "keep"),
}
NEVER = re.compile(r"(?!)")
ESCAPE = re.compile(r"\\.", re.S)  # \W, \S, \. ...: capitals in escapes are not letters to match


class RulesError(CleanerError):
    """A rules file cannot be read or says something the cleaner cannot use."""


def read(path: str | Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise RulesError(f"{path}: cannot read rules ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: not valid TOML ({exc})") from None
    except RecursionError:
        raise RulesError(f"{path}: not valid TOML (nested too deep)") from None


def merge(base: dict[str, Any], extra: dict[str, Any], source: str) -> dict[str, Any]:
    """`base` with `extra` laid over it: numbers replaced, lists extended."""
    out = {section: dict(values) for section, values in base.items()}
    for section, values in extra.items():
        if section not in NUMBERS and section not in LISTS:
            raise RulesError(f"{source}: unknown section [{section}] (known: {', '.join([*NUMBERS, *LISTS])})")
        if not isinstance(values, dict):
            raise RulesError(f"{source}: [{section}] must be a table")
        for key, value in values.items():
            if section in NUMBERS:
                out[section][key] = _number(section, key, value, out[section].get(key), source)
            else:
                if key not in LISTS[section]:
                    raise RulesError(f"{source}: unknown key {key!r} in [{section}] (known: {', '.join(LISTS[section])})")
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise RulesError(f"{source}: [{section}] {key} must be a list of strings")
                out[section][key] = [*out[section].get(key, []), *value]
    return out


# Thresholds that are shares or probabilities: from 0 to 1. Every threshold is 0 or more
# (counts of words, lines or levels, shares, scores); only weights may be negative.
SHARES = frozenset({
    "stopwords_high", "stopwords_mid", "stopwords_low", "capitalised_share", "digit_share", "links_high", "links_mid",
    "content", "sure", "outside_region", "outside_container", "main_share", "second_region_share", "tail_region_share",
    "container_share", "record_score", "record_regularity", "comments_after_share", "fallback_margin", "model",
    "teaser_length_spread",
})


def _number(section: str, key: str, value: Any, default: Any, source: str) -> float | int:
    if default is None:
        raise RulesError(f"{source}: unknown key {key!r} in [{section}]")
    # TOML has inf and nan: neither is a weight or a threshold.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RulesError(f"{source}: [{section}] {key} must be a number, not {value!r}")
    if section == "thresholds" and not 0 <= value <= (1 if key in SHARES else math.inf):
        bounds = "from 0 to 1" if key in SHARES else "0 or more"
        raise RulesError(f"{source}: [thresholds] {key} must be {bounds}, not {value!r}")
    if isinstance(default, int) and not isinstance(default, bool):
        if value != int(value):
            raise RulesError(f"{source}: [{section}] {key} must be a whole number, not {value!r}")
        return int(value)
    return float(value)


def _combined(before: str, patterns: list[str], after: str, flags: int, source: str,
              unbounded: list[str] | None = None) -> re.Pattern[str]:
    """The patterns merged into one alternation between `before` and `after`, compiled
    once (compiling is most of start-up: each pattern is compiled alone only to name
    the one at fault); the `unbounded` ones go without `before`."""
    branches = [f"{before}(?:{_trie(_heads(patterns))})"] if patterns else []
    if unbounded:
        branches.append(_trie(_heads(unbounded)))
    return _compile(f"(?:{'|'.join(branches)}){after}", flags, patterns + (unbounded or []), source)


def _compile(merged: str, flags: int, patterns: list[str], source: str) -> re.Pattern[str]:
    """The merged pattern, compiled; if it does not compile, an error that names the first
    of its `patterns` that does not compile alone, or says they cannot be combined."""
    try:
        return re.compile(merged, flags)
    except re.error as merged_exc:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise RulesError(f"{source}: bad pattern {pattern!r} ({exc})") from None
        raise RulesError(f"{source}: the patterns cannot be combined ({merged_exc})") from None


# "\\bcookies?" starts with a word boundary, then a literal: the boundary is checked after
# the first letter instead ("c" not after a word character), so the phrase joins the trie.
BOUNDARY_HEAD = re.compile(r"\\b(?=[^\W\d_])")


def _heads(patterns: list[str]) -> list[tuple[str, str]]:
    """Each pattern as (literal head, rest), one for each word a leading group of plain
    alternatives offers: "(?:download|get) the app" is "download the app" and "get the
    app", which join the trie. A pattern with no literal head is tried at every
    character; on scraped lines those few took half of the search."""
    return [_split_head(expanded) for pattern in patterns for expanded in _leading_words(pattern)]


def _leading_words(pattern: str) -> list[str]:
    """The pattern once for each alternative of a leading "(?:a|b|c)" (and once without
    it, if it is optional), each read the same way in turn, when that gives one of them
    a literal head: "(?:alerts?|updates) on" is "alerts? on" and "updates on",
    "(?:(?:envío|entrega)s? gratis|...)" is "envíos? gratis", "entregas? gratis"...; else
    the pattern as it is. (The union of the alternatives matches what the group did.)"""
    if not pattern.startswith("(?:"):
        return [pattern]
    bars, end = _group_scan(pattern[3:])
    if end < 0:
        return [pattern]
    body, rest = pattern[3:3 + end], pattern[3 + end + 1:]
    if rest[:1] in ("*", "+", "{") or rest[:2] in ("??", "?+"):
        return [pattern]  # repeated, or optional lazily or possessively: left whole
    words = [body[start:stop] for start, stop in zip([0] + [b + 1 for b in bars], bars + [len(body)])]
    optional = rest[:1] == "?"
    rest = rest[1:] if optional else rest  # optional: the words, or what follows them
    if all(word and _literal_head(word) == word for word in words):  # plain words
        expanded = [word + rest for word in words]
    else:
        expanded = [each for word in words for each in _leading_words(word + rest)]
        if not any(_split_head(each)[0] for each in expanded):
            return [pattern]
    return expanded + (_leading_words(rest) if rest else [pattern]) if optional else expanded


def _group_scan(body: str) -> tuple[list[int], int]:
    """The places of the "|"s at the top of a group's body (or of a whole pattern), and
    of the ")" that closes the group (-1 for none); escapes and character classes skipped."""
    bars: list[int] = []
    depth, i, in_class = 0, 0, False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 2 if body[i + 1:i + 2] == "]" else 3 if body[i + 1:i + 3] == "^]" else 1
            continue  # a "]" right after the opening "[" (or "[^") is a literal
        elif ch == "(":
            depth += 1
        elif ch == ")":
            if not depth:
                return bars, i
            depth -= 1
        elif ch == "|" and not depth:
            bars.append(i)
        i += 1
    return bars, -1


def _split_head(pattern: str) -> tuple[str, str]:
    """The pattern as its literal head and the rest."""
    if BOUNDARY_HEAD.match(pattern) and not _has_top_level_bar(pattern):
        head = _literal_head(pattern[2:])
        if head:
            return head[0], r"(?<!\w.)" + pattern[3:]
    head = _literal_head(pattern)
    return head, pattern[len(head):]


REGEX_SYNTAX = frozenset("\\.^$*+?{}[]|()")


def _literal_head(pattern: str) -> str:
    """The plain characters a pattern starts with ("sign " of "sign ?in" stops before
    the "n" its "?" makes optional); "" for a pattern with alternatives of its own at
    the top ("ad|sponsor"), whose head is not shared by all of them."""
    if _has_top_level_bar(pattern):
        return ""
    n = 0
    while n < len(pattern) and pattern[n] not in REGEX_SYNTAX and len(pattern[n].lower()) == 1:
        if n + 1 < len(pattern) and pattern[n + 1] in "?*+{":
            break
        n += 1
    return pattern[:n]


def _has_top_level_bar(pattern: str) -> bool:
    return bool(_group_scan(pattern)[0])


def _trie(items: list[tuple[str, str]]) -> str:
    """One alternation of (literal head, rest) patterns, merged on shared leading
    characters: the regex engine then tries a handful of branches where a word starts
    instead of every phrase in the list."""
    branches: list[str] = []
    groups: dict[str, list[tuple[str, str]]] = {}
    for head, rest in items:
        if not head:
            branches.append(f"(?:{rest})")
        else:
            groups.setdefault(head[0].lower(), []).append((head[1:], rest))
    for first, members in groups.items():
        if len(members) == 1:
            head, rest = members[0]
            branches.append(re.escape(first + head) + (f"(?:{rest})" if rest else ""))
        else:
            branches.append(re.escape(first) + "(?:" + _trie(members) + ")")
    return "|".join(branches)


# What may stand around a whole-line phrase: counts, icons, punctuation.
LINE_EDGE = r"[\W\d_]"
# How much of it may stand before a phrase that opens with a mark or a class: each run
# is given back one character at a time to try the phrases again, so a line of ten
# thousand digits and commas ("1,1,1,...") cost seconds before this bound.
OPEN_EDGE = 20


def _edged(patterns: list[str]) -> str:
    """The phrases as one alternation with what may stand around them. A phrase that
    opens with a letter can start only where the marks before it end (IGNORECASE matches
    a letter to letters alone, but for ι: see FOLDS_WITH_A_MARK), so the marks are taken
    whole for those ("*+"), not given back one by one to try every phrase again after
    each shorter run of them (on lines of digits and marks, "1960-1969(13,236)", that
    took 5-20 times a line's usual search); the others (a class, an escape, a mark at
    their head) get every run, as before. The marks after a phrase must reach the
    line's end, so they are never given back."""
    items = _heads(patterns)
    lettered = [(head, rest) for head, rest in items if _opens_with_letter(head)]
    others = [(head, rest) for head, rest in items if not _opens_with_letter(head)]
    branches = [f"{LINE_EDGE}*+(?:{_trie(lettered)})"] if lettered else []
    branches += [f"{LINE_EDGE}{{0,{OPEN_EDGE}}}(?:{_trie(others)})"] if others else []
    return f"(?:{'|'.join(branches)}){LINE_EDGE}*+"


# Greek iota and its capital: IGNORECASE matches them to U+0345, a combining mark that
# LINE_EDGE takes. Every other letter matches letters alone (checked over all of Unicode).
FOLDS_WITH_A_MARK = frozenset("\u0399\u03b9\u1fbe")


def _opens_with_letter(head: str) -> bool:
    return head[:1].isalpha() and head[:1] not in FOLDS_WITH_A_MARK


def _line(patterns: list[str], source: str) -> re.Pattern[str]:
    """The whole line is the phrase, perhaps with counts, icons or punctuation around it."""
    if not patterns:
        return NEVER
    return _compile(f"^{_edged(patterns)}$", re.I, patterns, source)


def _heading(patterns: list[str], source: str) -> re.Pattern[str]:
    """The whole line is the heading, with at most a count in brackets after it
    ("Reviews (12)"): a count before it ("(0) 0 reviews") is a card's, not a heading."""
    if not patterns:
        return NEVER
    return _compile(rf"(?:{'|'.join(patterns)})(?:\s*\(\d[\d,.]*\))?", re.I, patterns, source)


def _searched(patterns: list[str], source: str) -> re.Pattern[str]:
    """Searched in the lower-cased line: each pattern says where it must stand (`^`).
    Patterns without capitals of their own then need no IGNORECASE, which makes the
    search several times faster."""
    if not patterns:
        return NEVER
    flags = re.I if any(_has_capitals(p) for p in patterns) else 0
    return _compile("|".join(f"(?:{pattern})" for pattern in patterns), flags, patterns, source)


def _line_kinds(kinds: dict[str, list[str]], source: str) -> re.Pattern[str]:
    """Whole lines of each kind as one pattern, a named group a kind, tried in the order
    given: a line both lists name goes to the first. Each group holds its own edges, so
    every way of matching one kind is tried before the next kind is."""
    groups = [f"(?P<{kind}>{_edged(patterns)})" for kind, patterns in kinds.items() if patterns]
    if not groups:
        return NEVER
    every = [pattern for patterns in kinds.values() for pattern in patterns]
    return _compile("^(?:" + "|".join(groups) + ")$", re.I, every, source)


def _prefix(patterns: list[str], source: str) -> re.Pattern[str]:
    """The line opens with a label and a colon ("Filed under: ...", "Share this article:
    Facebook"), or is the label alone ("Share this article")."""
    if not patterns:
        return NEVER
    return _combined(r"^(?:[←→«»<>\s]*)", patterns, r"\s*(?:[:：]|$)", re.I, source)


def _anywhere(patterns: list[str], source: str) -> re.Pattern[str]:
    """Searched anywhere, but tried only where a word starts (not after a Latin, Greek
    or Cyrillic letter; CJK has no word breaks): the same matches, several times faster
    than trying at every character. It is meant for the lower-cased text: patterns
    without capitals of their own then need no IGNORECASE, which halves the search."""
    if not patterns:
        return NEVER
    flags = re.I if any(_has_capitals(p) for p in patterns) else 0
    # One that may open with a mark (", a weekly newsletter", "©") is tried wherever it
    # stands: a mark follows a word as often as not.
    words: list[str] = []
    marked: list[str] = []
    for pattern in patterns:
        (marked if any(MARK_HEAD.match(each) for each in _leading_words(pattern)) else words).append(pattern)
    return _combined(r"(?<![A-Za-z\u00c0-\u024f\u0370-\u04ff])", words, "", flags, source, marked)


# A pattern's first character when it is a plain mark: neither a word's letter nor regex syntax.
MARK_HEAD = re.compile(r"[^\w\s\\.^$*+?{}\[\]|()]")


def _has_capitals(pattern: str) -> bool:
    letters = ESCAPE.sub("", pattern)
    return letters != letters.lower()


def _selectors(selectors: list[str], source: str) -> tuple[str, ...]:
    if selectors:
        from cssselect import SelectorError
        from lxml.cssselect import CSSSelector

        for selector in selectors:
            try:
                CSSSelector(selector)
            except SelectorError as exc:
                raise RulesError(f"{source}: bad CSS selector {selector!r} ({exc})") from None
    return tuple(selectors)


# Greek set in capitals drops its accents ("ΔΙΑΦΗΜΙΣΗ" for "διαφήμιση"), as section labels
# and ad slots often are: an accented vowel of a phrase matches the bare one too.
GREEK_ACCENTS = {"ά": "[άα]", "έ": "[έε]", "ή": "[ήη]", "ί": "[ίιϊΐ]", "ό": "[όο]", "ύ": "[ύυϋΰ]", "ώ": "[ώω]"}


def _unaccented_greek(pattern: str) -> str:
    """The pattern with each accented Greek vowel outside a character class made a class
    of it and its bare form."""
    if GREEK_ACCENTS.keys().isdisjoint(pattern):
        return pattern
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
        out.append(GREEK_ACCENTS[ch] if ch in GREEK_ACCENTS and not in_class and not escaped else ch)
    return "".join(out)


def build(data: dict[str, Any], source: str, input_kind: str = "auto") -> Options:
    """Options from merged rules data, every value checked."""
    numbers = {}
    for section, record in NUMBERS.items():
        values = data.get(section, {})
        missing = [f.name for f in fields(record) if f.name not in values]
        if missing:
            raise RulesError(f"{source}: [{section}] lacks {', '.join(missing)}")
        numbers[section] = record(**values)

    def get(section: str, key: str) -> list[str]:
        return list(data.get(section, {}).get(key, []))

    def text(section: str, key: str) -> list[str]:
        return [_unaccented_greek(pattern) for pattern in get(section, key)]

    nav, ads = "navigation", "ads"
    phrases = Phrases(
        line_navigation=_line(text(nav, "lines"), source),
        line_kinds=_line_kinds({kind: text(kind, "lines") for kind in (ads, "comments", "related")}, source),
        prefix_navigation=_prefix(text(nav, "prefixes"), source),
        sentence_navigation=_anywhere(text(nav, "sentences"), source),
        sentence_ads=_anywhere(text(ads, "sentences"), source),
        sentence_any=_anywhere(text(ads, "sentences") + text(nav, "sentences"), source),
        line_content=_line(text("content", "lines"), source) if get("content", "lines") else None,
        sentence_content=_anywhere(text("content", "sentences"), source) if get("content", "sentences") else None,
        line_reviews=_heading(text("comments", "reviews"), source),
        line_footer=_heading(text(nav, "footer"), source),
        line_copyright=_searched(text(nav, "copyright"), source),
        legal=_anywhere(text("legal", "terms"), source),
        dom_navigation=frozenset(t.lower() for t in get("dom", nav)),
        dom_landmarks=frozenset(t.lower() for t in get("dom", "landmarks")),
        dom_author=frozenset(t.lower() for t in get("dom", "author")),
        dom_author_box=frozenset(t.lower() for t in get("dom", "author_box")),
        dom_post_chrome=frozenset(t.lower() for t in get("dom", "post_chrome")),
        dom_posts=frozenset(t.lower() for t in get("dom", "posts")),
        dom_ads=frozenset(t.lower() for t in get("dom", ads)),
        dom_content=frozenset(t.lower() for t in get("dom", "content")),
        dom_comments=frozenset(t.lower() for t in get("dom", "comments")),
        dom_reviews=frozenset(t.lower() for t in get("dom", "reviews")),
        dom_unseen=frozenset(get("dom", "unseen")),  # as CSS matches classes: case and all
    )
    selectors = Selectors(drop=_selectors(get("selectors", "drop"), source),
                          keep=_selectors(get("selectors", "keep"), source))
    return Options(input_kind=input_kind, weights=numbers["weights"], thresholds=numbers["thresholds"],
                   phrases=phrases, selectors=selectors)


@cache
def _default_data() -> dict[str, Any]:
    with open(Path(__file__).with_name("defaults.toml"), "rb") as f:
        return tomllib.load(f)


@cache
def defaults() -> Options:
    """The built-in rules, read once per process."""
    return build(_default_data(), "defaults.toml")


def default_weight(name: str) -> float:
    """A weight as the built-in rules set it (read without building their options)."""
    return float(_default_data()["weights"][name])


def load(*paths: str | Path, input_kind: str = "auto") -> Options:
    """The built-in rules with each rules file laid over them, in order. With none, the
    built-in options themselves, whose phrases are compiled once a process."""
    if not paths:
        return replace(defaults(), input_kind=input_kind)
    data = _default_data()
    for path in paths:
        data = merge(data, read(path), str(path))
    return build(data, ", ".join(map(str, paths)) or "defaults.toml", input_kind)
