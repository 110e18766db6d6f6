"""Scraped text written in Markdown, as HTML-to-Markdown converters and crawlers hand it over.

Their syntax is structure the scorer can use, and noise the output must not keep: a
menu is a list of `[label](url)` links, so each line's link text is counted as links
(what link density is in HTML); `#` lines are headings, `*`/`1.` lines list items and
`| a | b |` lines table rows. What is left is the plain text a reader sees: link
targets, image references, emphasis marks and escapes go.

Pandoc's Markdown keeps more of the page: its divs, as fenced divs that carry their
classes and ids (`::: {#masthead .site-header}` ... `:::`), and attributes on links,
images, spans and headings (`[Home](/){.menu-link}`, `[Menu]{.label}`). A fence is a
break between blocks, and the attributes go. (Reading the fences' classes as DOM cues,
as HTML's are read, did no better on the dev set's pages: 0.813 against 0.814.)
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from itertools import islice
from typing import NamedTuple

from .decode import CHARACTER_REFERENCE
from .phrases import without_permalink
from .wrapping import glue, wrapped

# [text](target "title"), with one level of brackets inside the text ("[a [b]](url)") and
# of parentheses inside the target; an image is the same with a "!" before it.
_BRACKETED = r"(?:[^\[\]]|\[[^\[\]]*\])*"
# A title's quotes may hold quotes (html2text writes title="Chanel "Afterdark"" as it is):
# a quote closes the title only where ")" follows it.
_TARGET = r"\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"(?:[^\"\n]|\"(?!\s*\)))*\"|'[^']*'))?\s*\)"
# What follows a Pandoc attribute block's "{#id", "{.class" or "{key=": a quoted value may
# hold braces (onclick="jQuery.ajax({...})").
_ATTRIBUTE_BODY = r'(?:[^{}\n"]|"(?:[^"\\\n]|\\.)*")*\}'
LINK = re.compile(rf"\[({_BRACKETED})\]{_TARGET}")
# An image's target that is no URL of the plain kind: an inline SVG's data (quotes and
# spaces in it) or a srcset's list ("a.jpg 1x, b.jpg 2x"), up to the first ")".
IMAGE = re.compile(rf"!\[{_BRACKETED}\](?:{_TARGET}|\([^()\n]*\))")
REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
# A link around blocks (a card: image, title, teaser), as turndown, html2text and
# markdownify write it over several lines: a "[" that no "]" closes, the blocks, then a
# "](target)" that closes no "[" of its line, opening the line or after its last text
# (with Pandoc's attributes after it, if any).
LINK_CLOSE = re.compile(rf"\]{_TARGET}(?:\{{\s*(?:[#.:]|[\w-]+=){_ATTRIBUTE_BODY})?")
BLOCK_LINK_LINES = 40  # the most lines one such link may hold
AUTOLINK = re.compile(r"<(?<!(?<!\\)\\<)((?:https?|ftp|mailto):[^<>\s]+)>")
# Crawl4AI's Markdown with citations puts "⟨1⟩" where a link was, and the targets under
# "## References": the marks are no words of the text.
CITATION = re.compile(r"⟨\d{1,4}⟩")
# HTML left in Markdown by converters that pass through what they do not know; not after a
# backslash ("\<b>" is the text "<b>": a converter escapes the page's own angle brackets),
# unless that backslash is escaped itself ("\\<b>" is a backslash, then a tag). The "<" is
# matched first and the backslash looked back at from there: a pattern that opens with a
# lookbehind is tried at every character of the line (fifty times as slow).
INLINE_TAG = re.compile(r"<(?<!(?<!\\)\\<)/?(br|p|div|span|sup|sub|b|i|em|strong|u|s|small|mark|font|abbr|cite|code|kbd|del|ins|a|img)\b[^<>]*>", re.I)
BREAKING_TAGS = frozenset({"br", "p", "div"})
LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
FENCE = re.compile(r"^\s{0,3}(?:```|~~~)[^`]*$")  # an info string may follow, never a backtick
QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
ITEM = re.compile(r"^\s*(?:([*+-])|(\d{1,9})[.)])\s+")
TABLE_PIPE = re.compile(r"(?<!\\)\|")
# Possessive runs: a line of spaces is read once (its two optional runs of space, before
# and after a "|", split it every way, quadratic, where there is no "|").
TABLE_SEPARATOR = re.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)++\|?\s*$")
# Bold and italic marks at the edge of a word. They are removed one by one, not paired:
# pairing needs a search to the end of the line from every opening mark (quadratic on a
# hostile line of "*a*a*a..."), and a mark between two words (snake_case, 2*3) is not one.
# Each alternative opens with its mark and looks behind it from there (an opening mark has
# no word or mark before it, a closing one no space): a pattern that opens with a mark is
# scanned for fast, one that opens with a lookbehind is tried at every position of a line.
EMPHASIS = re.compile(r"\*(?<![\w*]\*)\*{0,2}(?=[^\s*])|\*(?<=[^\s*]\*)\*{0,2}(?![\w*])"
                      r"|_(?<![\w_]_)_{0,2}(?=[^\s_])|_(?<=[^\s_]_)_{0,2}(?![\w_])")
EMPTY_EMPHASIS = re.compile(r"(?<!\S)(?:\*\*|__)(?!\S)")
CODE_SPAN = re.compile(r"`+([^`]*)`+")
ESCAPABLE = "\\`*_{}[]()#+-.!|>~<'\"$%&,/:;=?@^"  # all ASCII punctuation (Pandoc escapes quotes too)
ESCAPE = re.compile(rf"\\([{re.escape(ESCAPABLE)}])")
# A line of nothing but tags, as Markdown holds an HTML block's (`<div class="card">`).
# Each tag or comment is read once (atomic, possessive): a line of many comments would
# otherwise be split every possible way before it failed.
TAG_LINE = re.compile(r"^\s*(?:(?></?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--.*?-->)\s*)++$")
# Pandoc's fenced div: opened with attributes or a bare class name, closed without.
# Possessive runs: a line of many colons is read once, not backtracked into (quadratic).
FENCED_DIV = re.compile(r"^\s*+:{3,}+\s*+(?:\{.*\}|[^\s:{}]++)?\s*+:*+\s*+$")  # values may hold braces
# Attributes after a link's or an image's target, a code span or a heading: {#id .class key=value}.
# The pattern opens with its brace, which the regex engine finds fast on long lines (a
# data: URI); where it stands is told apart in _attribute.
ATTRIBUTES = re.compile(r"\{\s*(?:([#.])|:|[\w-]+=)" + _ATTRIBUTE_BODY)
BRACKET = re.compile(r"[\[\]](?<!\\.)")  # an escaped bracket is text
SPAN_END = re.compile(r"\]\{\s*(?:[#.:]|[\w-]+=)" + _ATTRIBUTE_BODY)  # the "]{.class}" that closes a [span]
PARKED = 0x10FF00  # plane 16, where icon fonts do not put their glyphs
UNPARK = {PARKED + ord(c): c for c in ESCAPABLE}

# Lines that open a block of their own (heading, quote, fence, list item, table row,
# setext underline), never the rest of a wrapped line.
BLOCK_START = re.compile("|".join(f"(?:{p.pattern})" for p in (HEADING, QUOTE, FENCE, ITEM, SETEXT_UNDERLINE))
                         + r"|^\s*\|")

# Markdown's own marks: a link to a URL, an ATX heading. Code comments open with "# "
# too, so a heading sign alone does not make a text Markdown; links do.
LINK_SIGN = re.compile(r"\]\((?:https?:|/|#|mailto:|data:)")
HEADING_SIGN = re.compile(r"^#{1,6} \S", re.M)
MIN_LINKS = 3
# Markdown without links (a converter told to leave them out): headings set apart by
# blank lines, as Markdown writes them, one of them below the first level; or a table's
# rule under its header row ("|---|---|"). A code comment ("# install it") or a root
# shell's prompt ("# systemctl restart nginx") opens with one "#", and a scraped page's
# code often stands line by line between blank lines.
# The line is read once: a look for a word in it, then the line taken whole and never given
# back (as "[^\n]*\S[^\n]*" it was split at every word in turn when no blank line followed:
# a line of 20,000 "# " took 6 s).
HEADING_BLOCK = re.compile(r"\n[ \t]*\n(#{1,6}) (?=[^\n]*\S)[^\n]*+(?=\n[ \t]*(?:\n|\Z)|\Z)")  # (read after "\n\n")
MIN_HEADINGS = 2
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)


# A header of fields before the page: YAML front matter (Markdown exporters, pagecleaner's
# own output) or the "Title: / URL Source: / Markdown Content:" lines of reader services.
YAML_FENCE = "---"
# A key may join names with colons ("meta-og:title: ...", as html-to-markdown writes the
# page's <meta> tags): a colon between two names belongs to the key.
FIELD = re.compile(r"^([A-Za-z][\w .-]{0,40}?(?::[\w.-]{1,40}){0,4})\s*:\s*(.*?)\s*$")
READER_END = "Markdown Content:"
HEADER_LINES = 60
FIELD_NAMES = {"title": "title", "url": "url", "url source": "url", "source": "url", "canonical": "url",
               "date": "date", "published": "date", "published time": "date", "author": "author",
               "og:title": "title", "og:url": "url", "article:published_time": "date",
               # The page's own summary, for a page whose body the converter left empty.
               "description": "summary", "og:description": "summary", "twitter:description": "summary"}


class Line(NamedTuple):
    """One line of Markdown read as plain text and what its syntax said of it."""

    text: str
    tag: str = "line"  # "line", h1..h6, li, tr/th (table rows) or "pre" (inside a code fence)
    link_chars: int = 0
    ordered: bool = False
    cells: tuple[str, ...] = ()


def is_markdown(text: str) -> bool:
    """Whether scraped text is written in Markdown: a few links to URLs, or one and a
    heading (plain text rarely has `](http`); with no link, headings standing apart or a
    table's rule."""
    links = len(list(islice(LINK_SIGN.finditer(text), MIN_LINKS)))
    if links >= MIN_LINKS or (links > 0 and HEADING_SIGN.search(text) is not None):
        return True
    # (Each pattern only where its first characters stand: a scan in C, most texts have none.)
    if "\n#" in text or text.startswith("#"):
        levels = [len(heading.group(1)) for heading in HEADING_BLOCK.finditer("\n\n" + text)]
        if len(levels) >= MIN_HEADINGS and max(levels) > 1:
            return True
    return "---" in text and "|" in text and TABLE_RULE.search(text) is not None


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The fields of a header before the page (title, url, date, author, summary, where
    given) and the text after it; ({}, text) when the text opens with none."""
    first = text[:text.find("\n")].strip() if "\n" in text else ""
    if first == YAML_FENCE:
        start, closing = 1, YAML_FENCE
    elif first.startswith("Title:"):
        start, closing = 0, READER_END
    else:
        return {}, text
    lines = text.split("\n", HEADER_LINES)
    end = next((n for n in range(1, min(len(lines), HEADER_LINES)) if lines[n].strip() == closing), None)
    header = [line for line in lines[start:end] if line.strip()]
    # Only a header of fields (YAML lists and folded values indented under them) is one:
    # a page may well open with a rule, a menu and another rule.
    if end is None or not all(FIELD.match(line) or line[:1].isspace() for line in header):
        return {}, text
    fields: dict[str, str] = {}
    for line in header:
        if (field := FIELD.match(line)) and (name := FIELD_NAMES.get(field.group(1).lower().removeprefix("meta-"))):
            fields.setdefault(name, field.group(2).strip("\"'"))
    if not fields.get("url", "").startswith(("http://", "https://")):
        fields.pop("url", None)  # pagecleaner's own "source" is a file name
    return {k: v for k, v in fields.items() if v}, "\n".join(lines[end + 1:])


def read(text: str, width: int = 0) -> Iterator[Line | None]:
    """Each line of the text as plain text with its structure; None where a blank line
    (or a line of pure syntax: a rule, a fence, a table's separator) breaks the flow.
    Text hard-wrapped at `width` (wrapping.wrap_width) is first joined back into lines."""
    lines = unwrap(text.split("\n"), width) if width else text.split("\n")
    if "](" in text:
        _cut_block_links(lines)
    table = False
    code: list[str] | None = None  # the lines of the open code fence, as HTML's <pre> is one block
    for n, raw in enumerate(lines):
        if FENCE.match(raw):
            if code is not None and (block := code_block(code)):
                yield block
            code = [] if code is None else None
            yield None
            continue
        if code is not None:
            code.append(raw)
            continue
        if not raw or raw.isspace():  # a blank line, a quarter of a converter's: no syntax to read
            table = False
            yield None
            continue
        if ":::" in raw and FENCED_DIV.match(raw) or "<" in raw and TAG_LINE.match(raw):
            yield None
            continue
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if TABLE_SEPARATOR.match(raw):
            table = True  # the rows that follow, up to a blank line, are the table's
            yield None
            continue
        if not raw.strip():
            table = False
        if RULE.match(raw) or LINK_DEFINITION.match(raw):
            yield None
        elif SETEXT_UNDERLINE.match(raw):
            continue  # its heading was read with the line above
        elif "|" in raw and TABLE_SEPARATOR.match(following):
            yield _row(raw, "th")
        elif table and "|" in raw or _is_table_row(raw):
            yield _row(raw, "tr")
        elif (line := read_line(raw)) is not None and line.tag == "line" and SETEXT_UNDERLINE.match(following):
            yield line._replace(tag="h1" if following.strip()[0] == "=" else "h2")
        else:
            yield line
    if code is not None and (block := code_block(code)):  # a fence left open to the end
        yield block


def _cut_block_links(lines: list[str]) -> None:
    """Links written over several lines lose their opening "[" and closing "](target)",
    cut from their lines in place. What they hold is not counted as link text: a card
    linked whole is a listing's record as often as a teaser for another page."""
    for n, raw in enumerate(lines):
        if "](" not in raw or (close := _unopened_close(raw)) is None:
            continue
        for m in range(n - 1, max(-1, n - BLOCK_LINK_LINES), -1):
            if (at := _unclosed_bracket(lines[m])) >= 0:
                image = lines[m][at - 1:at] == "!"  # an image's text written over lines: a figure's caption
                lines[m] = lines[m][:at - image] + lines[m][at + 1:]
                lines[n] = raw[:close.start()] + raw[close.end():]
                break
            if "](" in lines[m] and _unopened_close(lines[m]):
                break  # another link's end: this one has no start of its own


def _unopened_close(line: str) -> re.Match[str] | None:
    """The first "](target)" of the line whose "]" closes no "[" before it, if any."""
    depth = 0
    for bracket in BRACKET.finditer(line):
        if bracket.group() == "[":
            depth += 1
        elif depth:
            depth -= 1
        elif close := LINK_CLOSE.match(line, bracket.start()):
            return close
    return None


def _unclosed_bracket(line: str) -> int:
    """Where the last "[" no "]" closes stands in the line, or -1."""
    if "[" not in line:
        return -1
    opened: list[int] = []
    for bracket in BRACKET.finditer(line):
        if bracket.group() == "[":
            opened.append(bracket.start())
        elif opened:
            opened.pop()
    return opened[-1] if opened else -1


def code_block(lines: list[str]) -> Line | None:
    """The lines between two code fences as one block, as HTML's <pre> is; None for none."""
    if not any(line.strip() for line in lines):
        return None
    return Line("\n".join(line.rstrip() for line in lines).strip("\n"), tag="pre")


def unwrap(lines: list[str], width: int) -> list[str]:
    """Lines a wrapper broke joined again: a line continues the one before when that one
    was ended for want of room and this one opens no block of its own (heading, item,
    row, quote, fence). A word or URL broken after a hyphen is joined without a space."""
    # Each line's pieces, joined once at the end: a paragraph of n wrapped lines is not
    # copied once a line (quadratic).
    out: list[list[str]] = []
    previous = ""  # the last physical line, as the wrapper measured it
    for raw in lines:
        line = raw.strip()
        if out and line and previous.strip() and wrapped(previous, line, width) and not BLOCK_START.match(raw):
            pieces = out[-1]
            pieces[-1] = pieces[-1].rstrip()
            hyphen = pieces[-1].endswith("-") and pieces[-1][-2:-1].isalnum()
            pieces += ("" if hyphen else glue(pieces[-1], line), line)
        else:
            out.append([raw])
        previous = raw
    return ["".join(pieces) for pieces in out]


def read_line(raw: str) -> Line | None:
    """One line of Markdown as plain text: its block syntax read, inline syntax removed."""
    tag, ordered = "line", False
    # (QUOTE and HEADING find their mark within a line's first four characters, or nowhere:
    # most lines are asked that alone.)
    line = QUOTE.sub("", raw) if ">" in raw[:4] else raw
    if item := ITEM.match(line):
        tag, ordered, line = "li", item.group(2) is not None, line[item.end():]
    # A heading, or a card's title in a list item ("* ## [Name](url)"):
    if "#" in line[:4] and (heading := HEADING.match(line)):
        tag, line = f"h{len(heading.group(1))}", heading.group(2)
    text, links = inline(line)
    text = without_permalink(text)  # "# Middleware[¶](#middleware)"
    if tag[0] == "h":  # a linked heading is a card's or a post's title, not a menu entry
        links = 0
    return Line(text, tag, links, ordered) if text else None


def _row(raw: str, tag: str) -> Line | None:
    """A table row, its cells split at the pipes that are not escaped."""
    parsed = [inline(cell) for cell in TABLE_PIPE.split(raw.strip().strip("|"))]
    cells = tuple(text for text, _ in parsed)
    if not any(cells):
        return None
    return Line(" | ".join(c for c in cells if c), tag=tag, link_chars=sum(n for _, n in parsed), cells=cells)


def _is_table_row(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) > 2 and stripped.startswith("|") and stripped.endswith("|")


def inline(text: str) -> tuple[str, int]:
    """Text without inline syntax, and how many of its characters were link text.
    Each pattern runs only where its mark occurs: most lines have none."""
    if "⟨" in text:
        text = CITATION.sub("", text)
    if "{" in text:  # Pandoc's attributes
        text = ATTRIBUTES.sub(_attribute, text)
    if "![" in text:
        text = IMAGE.sub(" ", text)
    links = 0

    def link_text(match: re.Match[str]) -> str:
        nonlocal links
        shown = match.group(1)
        # A card's link may hold links of its own (its colour swatches, its tags), which
        # one pass leaves whole inside its text: they are the card's text too.
        while "](" in shown and (inner := LINK.sub(_shown, shown)) != shown:
            shown = inner
        links += len(_plain(shown))
        return shown + _apart(match)

    if "]{" in text:  # before the links: a link's text may be spans in spans ("[[[Brand]{.b}[Name]{.n}]{.t}](url)")
        text = _unwrap_spans(text)
    if "](" in text:
        text = LINK.sub(link_text, text)
    if "][" in text:
        text = REFERENCE_LINK.sub(link_text, text)
    if "<" in text:
        text = AUTOLINK.sub(link_text, text)
        text = INLINE_TAG.sub(lambda m: " " if m.group(1).lower() in BREAKING_TAGS else "", text)
    text = _plain(text)
    return text, min(links, len(text))


def _shown(link: re.Match[str]) -> str:
    return link.group(1) + _apart(link)


def _apart(link: re.Match[str]) -> str:
    """A space after a link that another link follows with nothing between ("[Black](/b)[Blue](/u)",
    a card's colour swatches, a row of tags): they are separate words on the page."""
    return " " if link.string.startswith("[", link.end()) and link.group(1)[-1:].isalnum() else ""


def _unwrap_spans(text: str) -> str:
    """Pandoc's spans, `[text]{.class}`, as their text, however deep they nest (menus
    nest a dozen): one pass over the brackets, each "[" matched to its "]"."""
    opens: list[int] = []  # where the open brackets stand
    cuts: list[tuple[int, int]] = []  # the spans of text to leave out
    for bracket in BRACKET.finditer(text):
        at = bracket.start()
        if text[at] == "[":
            opens.append(at)
        elif opens:
            start = opens.pop()
            if closing := SPAN_END.match(text, at):
                cuts += [(start, start + 1), (at, closing.end())]
    if not cuts:
        return text
    cuts.sort()
    kept, last = [], 0
    for cut_start, cut_end in cuts:
        if cut_start >= last:  # a "[" inside an attribute value ("]{title='[x'}") was cut already
            kept.append(text[last:cut_start])
            last = cut_end
    kept.append(text[last:])
    return "".join(kept)


def _attribute(match: re.Match[str]) -> str:
    """Nothing for attributes after a link's or image's target or a code span, or at the
    end of a heading ("# Title {#top}"); braces anywhere else are text."""
    start, text = match.start(), match.string
    before = text[start - 1:start]
    if before in (")", "`") or (match.group(1) and before.isspace() and not text[match.end():].strip()):
        return ""
    return match.group()


def _character(reference: re.Match[str]) -> str:
    """A character reference as Markdown reads it outside code: its character ("&nbsp;",
    "&amp;", "&#8217;", which a converter leaves where the page's text had them)."""
    return unescape(reference.group())


def _plain(text: str) -> str:
    parked = "\\" in text
    if parked:  # escaped marks wait in the private use area, out of the emphasis pattern's sight
        text = ESCAPE.sub(lambda m: chr(PARKED + ord(m.group(1))), text)
        if text.endswith("\\") and text[:-1].strip():
            text = text[:-1]  # a hard line break: Pandoc's "\" after a line's text
    # (After the escapes: "\&amp;" is text.) Code spans lose their marks and keep their text
    # as written, character references and all.
    if "`" in text:
        parts = CODE_SPAN.split(text)  # with its group: text, code, text, code, ..., text
        text = "".join(CHARACTER_REFERENCE.sub(_character, part) if k % 2 == 0 and "&" in part else part
                       for k, part in enumerate(parts))
    elif "&" in text:
        text = CHARACTER_REFERENCE.sub(_character, text)
    if "*" in text or "_" in text:
        text = EMPTY_EMPHASIS.sub(" ", EMPHASIS.sub("", text))
    return " ".join((text.translate(UNPARK) if parked else text).split())
