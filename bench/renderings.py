"""Renderings of the benchmark's HTML made here, beside the two plain-text ones the dataset
ships. Crawlers and LLM pipelines hand over Markdown, and pagecleaner must clean it as
well as plain text: html2text unwrapped (as scrapers configure it) and with its default
wrapping at 78 columns, and markdownify. inscriptis lays a page out as a text browser
does (table cells side by side, list bullets), the nearest stand-in here for what a
browser's copy-paste yields. Each page is converted once and cached under
bench/out/renderings/ (never committed)."""
from __future__ import annotations

import gzip
from pathlib import Path

CACHE = Path(__file__).resolve().parent / "out" / "renderings"
CONVERTERS = ("html2text", "html2text-wrapped", "markdownify", "inscriptis")


def rendering(dataset: Path, converter: str, page_id: str) -> bytes:
    """The page as the converter writes it, UTF-8; rendered on first use, then cached."""
    cached = CACHE / converter / f"{page_id}.txt"
    if cached.exists():
        return cached.read_bytes()
    with gzip.open(dataset / "html" / f"{page_id}.html.gz", "rb") as handle:
        html = _decoded(handle.read())
    text = _render(converter, html).encode("utf-8", errors="replace")
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    tmp.write_bytes(text)
    tmp.replace(cached)
    return text


def _decoded(data: bytes) -> str:
    from cleaner.decode import decode  # the same characters every system is judged against

    return decode(data).text


def _render(converter: str, html: str) -> str:
    if converter in ("html2text", "html2text-wrapped"):
        import html2text

        handler = html2text.HTML2Text()
        if converter == "html2text":
            handler.body_width = 0  # no hard wrapping, as scrapers configure it
        return handler.handle(html)  # else its default: lines wrapped at 78 columns
    if converter == "markdownify":
        import markdownify

        return markdownify.markdownify(html, heading_style="ATX")
    if converter == "inscriptis":
        import inscriptis

        return inscriptis.get_text(html)
    raise ValueError(f"unknown converter {converter!r}; choose from {', '.join(CONVERTERS)}")
