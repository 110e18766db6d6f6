"""Documents to Markdown, JSON, JSONL or plain text. Writers only format."""
from __future__ import annotations

import json
import re
from typing import Any, Callable, TextIO

from .phrases import BULLET
from .records import Block, Document, Kind

HEADING_LEVELS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
MARKDOWN_LEAD = re.compile(r"^(#{1,6}\s|>|[-+*]\s)")
# CommonMark reads up to nine digits and a '.' or ')' as a numbered item ("1984. A year").
ORDERED_LEAD = re.compile(r"^(\d{1,9})([.)]\s)")
NUMBERED = re.compile(r"^\d{1,3}[.)]\s+")
# '<' before a letter, '/', '!' or '?' opens raw HTML in Markdown: a page's text that shows
# "<script>" or "<!--" must not turn into live markup (or hide the rest of the document).
HTML_OPENING = re.compile(r"<(?=[A-Za-z/!?])")
HEADING_MAX_WORDS = 14
# Two sentences in one line ("A train at Sarlat. Photo: J. Martin"): a caption or a
# blurb, not a heading. A capital before the mark is an initial or "U.S.", no sentence end.
SENTENCE_INSIDE = re.compile(r"[^\W\d_](?<![A-Z])[.!?]\s+[^\W\d_]")


def _escape(text: str) -> str:
    """Keep a paragraph from reading as Markdown syntax it never was."""
    text = _inline(text)
    if MARKDOWN_LEAD.match(text):
        return "\\" + text
    return ORDERED_LEAD.sub(r"\1\\\2", text, count=1)


def _inline(text: str) -> str:
    """Text shown as text inside any Markdown line: no raw HTML."""
    return HTML_OPENING.sub(r"\\<", text) if "<" in text else text


def _is_text_heading(body: tuple[Block, ...], i: int) -> bool:
    """A short unpunctuated line of scraped text with prose after it reads as a subheading;
    a date does not (a listing's "7 March 2025" over its next headline)."""
    b = body[i]
    f = b.features
    if f is None or not 1 <= f.words <= HEADING_MAX_WORDS or f.list_like or f.is_date:
        return False
    if f.terminal_punctuation and not b.text.endswith("?"):  # "Next stop: Moscow?" is a heading
        return False
    if b.text.endswith((",", ";")) or f.starts_lowercase or SENTENCE_INSIDE.search(b.text):
        return False
    following = body[i + 1] if i + 1 < len(body) else None
    return (following is not None and following.features is not None and not following.features.is_heading
            and following.features.words > f.words + 5)


def _is_item(doc: Document, b: Block) -> bool:
    return b.tag == "li" or (doc.kind is Kind.TEXT and b.features is not None and b.features.list_like)


def _is_ordered(doc: Document, b: Block) -> bool:
    return b.ordered or (doc.kind is Kind.TEXT and bool(NUMBERED.match(b.text)))


def _table(rows: list[Block]) -> list[str]:
    width = max(len(r.cells) for r in rows)
    lines = []
    for n, row in enumerate(rows):
        cells = [_inline(c).replace("|", "\\|") for c in row.cells] + [""] * (width - len(row.cells))
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + " --- |" * width)
    return lines


def markdown_body(doc: Document, title: str | None = None) -> str:
    """The body as Markdown: headings, lists, quotes, code and tables kept. A first
    paragraph that is the `title` the caller writes above it is left out."""
    body = doc.paragraphs
    if title and body and body[0].text == title:
        body = body[1:]
    parts: list[str] = []
    i = 0
    while i < len(body):
        b = body[i]
        if b.cells:  # a run of table rows becomes one table
            j = i
            while j < len(body) and body[j].cells:
                j += 1
            parts.append("\n".join(_table(list(body[i:j]))))
            i = j
            continue
        if _is_item(doc, b):
            j, ordered = i, _is_ordered(doc, b)
            items: list[str] = []
            while j < len(body) and _is_item(doc, body[j]) and _is_ordered(doc, body[j]) == ordered:
                marker = f"{len(items) + 1}." if ordered else "-"
                items.append(f"{marker} {_inline(BULLET.sub('', body[j].text))}")
                j += 1
            parts.append("\n".join(items))
            i = j
            continue
        if b.tag in HEADING_LEVELS:
            parts.append("#" * HEADING_LEVELS[b.tag] + " " + _inline(b.text))
        elif doc.kind is Kind.TEXT and _is_text_heading(body, i):
            parts.append("## " + _inline(b.text))
        elif b.tag == "pre":
            fence = "````" if "```" in b.text else "```"
            parts.append(f"{fence}\n{b.text}\n{fence}")
        elif b.tag == "blockquote" or "blockquote" in b.dom_path.split(">")[-3:]:
            parts.append("> " + _inline(b.text))
        else:
            parts.append(_escape(b.text))
        i += 1
    return "\n\n".join(parts)


def to_markdown(doc: Document, front_matter: bool = False) -> str:
    out = []
    if front_matter:
        out.append(_front_matter(doc))
    if doc.title:
        out.append(f"# {_inline(doc.title)}")
    body = markdown_body(doc, doc.title)  # a headline also in the body is written once
    if body:
        out.append(body)
    return "\n\n".join(out) + "\n" if out else ""  # nothing to keep: an empty file, not a blank line


def _front_matter(doc: Document) -> str:
    fields = {k: v for k, v in metadata_dict(doc).items() if v is not None}
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()] + ["---"]
    return "\n".join(lines)


def metadata_dict(doc: Document) -> dict[str, Any]:
    m = doc.metadata
    return {"title": m.title, "author": m.author, "date": m.date, "site_name": m.site_name,
            "language": m.language, "url": m.url, "source": doc.source}


def to_dict(doc: Document) -> dict[str, Any]:
    return {
        **metadata_dict(doc),
        "kind": doc.kind.value,
        "encoding": {"name": doc.encoding, "method": doc.encoding_method},
        "confidence": doc.confidence,
        "text": doc.text,
        "markdown": markdown_body(doc),
        "lines": [
            {"index": b.index, "text": b.text, "label": b.label.value, "score": b.score,
             "reasons": list(b.reasons), "role": b.role, "tag": b.tag}
            for b in doc.blocks
        ],
    }


def write_markdown(doc: Document, out: TextIO, front_matter: bool = False) -> None:
    out.write(to_markdown(doc, front_matter))


def write_json(doc: Document, out: TextIO, front_matter: bool = False) -> None:
    out.write(json.dumps(to_dict(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def write_jsonl(doc: Document, out: TextIO, front_matter: bool = False) -> None:
    out.write(json.dumps(to_dict(doc), ensure_ascii=False, sort_keys=True) + "\n")


def write_text(doc: Document, out: TextIO, front_matter: bool = False) -> None:
    text = doc.text
    out.write(text + "\n" if text else "")


Writer = Callable[[Document, TextIO, bool], None]
WRITERS: dict[str, Writer] = {
    "markdown": write_markdown, "json": write_json, "jsonl": write_jsonl, "text": write_text,
}
EXTENSIONS = {"markdown": ".md", "json": ".json", "jsonl": ".jsonl", "text": ".txt"}
