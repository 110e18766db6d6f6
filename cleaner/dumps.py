"""Text-browser dumps with numbered links (lynx -dump, links, elinks): the page laid out
as a text browser shows it, each link numbered where it stands ("[12]Home") and the
addresses listed at the end under "References". Read back, the list goes, the numbers go
and say where the links were, the browser's own words for form controls go ("(BUTTON)",
"[ ]"), and so do the file names it shows for images with no alt text ("[39.jpg]"); the
bullets it draws by depth (* + o # @) mark list items."""
from __future__ import annotations

import re

LINK_MARK = re.compile(r"\[\d{1,5}\]")
MIN_MARKS = 5  # numbered links before the list, for a text to be read as a dump
# The list at the end: "References", then "  12. https://..." lines (any scheme: file:,
# tel:, mailto:), which lynx may split under "Visible links:" and "Hidden links:".
REFERENCES = "\nReferences\n"
REFERENCE_LINE = re.compile(r"\s*(?:\d{1,5}\.\s+[a-zA-Z][\w+.-]*:\S*.*|(?:Visible|Hidden) links:\s*)")
# Addresses may hold spaces, and now and then a line break: most lines, not all, are entries.
REFERENCE_SHARE = 0.9
# What a text browser writes for form controls and frames, not the page's words.
CONTROLS = re.compile(r"\((?:BUTTON|submit|reset)\)|\[(?:[ X]|BUTTON[^\]]{0,20}|_{3,})\]|^IFRAME:\s*\S*$")
# An image with no alt text, which lynx names by its file ("[39.jpg]", "[hero-banner.webp]"):
# no word of the page's.
IMAGE_NAME = re.compile(r"\[[^\]\s]{1,80}\.(?:jpe?g|png|gif|webp|svg|avif|bmp)(?:\?[^\]\s]*)?\]", re.I)
# lynx's bullets, by depth: *, then +, o, #, @; always indented, and followed by the item.
DEPTH_BULLET = re.compile(r" {2,}[*+o#@] (?=\S)")
# Where a link's words end, read from the text alone: at the next link, at a clause
# break, or after this many words (link texts are short).
LINK_END = re.compile(r"[.,;:!?]\s|\[\d{1,5}\]")
LINK_WORDS = 5


def references_start(text: str) -> int:
    """Where the dump's list of link addresses begins, or -1 when the text is not a dump
    with numbered links (a page's own "References" heading has prose or citations after
    it, not a list of addresses alone)."""
    start = text.rfind(REFERENCES)
    if start < 0 or len(LINK_MARK.findall(text, 0, start)) < MIN_MARKS:
        return -1
    rest = [line for line in text[start + len(REFERENCES):].split("\n") if line.strip()]
    entries = sum(1 for line in rest if REFERENCE_LINE.fullmatch(line))
    if not rest or not REFERENCE_LINE.fullmatch(rest[0]) or entries < REFERENCE_SHARE * len(rest):
        return -1
    return start


def is_item(raw: str) -> bool:
    """A list item as lynx draws it: an indented bullet of its depth."""
    return DEPTH_BULLET.match(raw) is not None


def unmark(line: str, item: bool) -> tuple[str, int]:
    """A dump's line without its link numbers, bullet and control words, and how many of
    its characters were links."""
    if item:
        line = line[2:]  # the bullet and its space (the line is already stripped)
    line = CONTROLS.sub("", line)
    if "." in line:
        line = IMAGE_NAME.sub("", line)
    link_chars, parts, pos = 0, [], 0
    for mark in LINK_MARK.finditer(line):
        parts.append(line[pos:mark.start()])
        pos = mark.end()
        end = LINK_END.search(line, pos)
        words = line[pos:end.start() if end else len(line)].split()[:LINK_WORDS]
        link_chars += sum(map(len, words)) + max(0, len(words) - 1)
    parts.append(line[pos:])
    text = " ".join("".join(parts).split())
    return text, min(link_chars, len(text))
