"""Systems under test: one small adapter each, input bytes (and the page URL) in, text out.

Every adapter is built by a ``load()`` function that does its imports lazily, so a package
that is not installed (or ``cleaner`` not importable yet) only skips that system.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Optional

Extractor = Callable[[bytes, Optional[str]], str]


@dataclass(frozen=True)
class System:
    """A named extractor, the input rendering it reads and the package it comes from."""

    name: str
    # "html", "text/bs4" or "text/htmltext" (a folder of the dataset), or a rendering made
    # by bench.renderings: "markdown/<converter>", "rendered/<converter>" (plain text:
    # inscriptis, or the browser's copy-paste)
    input: str
    package: str  # distribution name, for the version record
    load: Callable[[], Extractor]  # imports the package; raises if it is unusable
    scored: bool = True  # False for speed references that extract nothing (parsing alone)


class StagedExtractor:
    """pagecleaner as an extractor that also adds up the seconds of each pipeline stage
    (decode, parse, segment, ..., write) over the pages it cleans."""

    def __init__(self, input_kind: str) -> None:
        from cleaner import Options, clean

        self.clean, self.options = clean, Options(input_kind=input_kind)
        self.timings: dict[str, float] = {}

    def __call__(self, data: bytes, url: Optional[str]) -> str:
        doc = self.clean(data, url=url, options=self.options, timings=self.timings)
        started = time.perf_counter()
        text = doc.text or ""
        self.timings["write"] = self.timings.get("write", 0.0) + time.perf_counter() - started
        return text


def _pagecleaner(input_kind: str) -> Callable[[], Extractor]:
    return lambda: StagedExtractor(input_kind)


def _trafilatura() -> Extractor:
    import trafilatura

    def extract(data: bytes, url: Optional[str]) -> str:
        return trafilatura.extract(data, url=url) or ""

    return extract


# Elements after which readability's HTML summary gets a line break when flattened to text.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
}


def html_to_text(html: str) -> str:
    """Flatten an HTML fragment to text, one line per block element (empty lines dropped)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag in ("td", "th"):
            el.tail = " " + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _readability() -> Extractor:
    from readability import Document

    def extract(data: bytes, url: Optional[str]) -> str:
        return html_to_text(Document(data).summary())

    return extract


def _justext() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def extract(data: bytes, url: Optional[str]) -> str:
        paragraphs = justext.justext(data, stoplist)
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return extract


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def extract(data: bytes, url: Optional[str]) -> str:
        html = bytes_to_str(data, detect_encoding(data))
        return extract_plain_text(html, main_content=True) or ""

    return extract


def _lxml_parse() -> Extractor:
    """Parsing alone, the floor under any lxml-based cleaner: a speed reference."""
    import lxml.html

    def extract(data: bytes, url: Optional[str]) -> str:
        lxml.html.document_fromstring(data)
        return ""

    return extract


def _lexbor_parse() -> Extractor:
    """Parsing alone with Lexbor (selectolax), an HTML5 parser in C: how much a faster
    parser than libxml2 could save a cleaner, as a speed reference."""
    from selectolax.lexbor import LexborHTMLParser

    def extract(data: bytes, url: Optional[str]) -> str:
        LexborHTMLParser(data)
        return ""

    return extract


def _c4_lines() -> Extractor:
    """datatrove's C4QualityFilter with its line rules only (no page-level rejection):
    the simplest line filter for scraped text, a speed and quality reference."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    lines_only = C4QualityFilter(filter_lorem_ipsum=False, filter_curly_bracket=False, min_num_sentences=-1)

    def extract(data: bytes, url: Optional[str]) -> str:
        doc = Document(text=data.decode("utf-8", errors="replace"), id=url or "")
        return doc.text if lines_only.filter(doc) is True else ""

    return extract


SYSTEMS: dict[str, System] = {
    s.name: s
    for s in [
        System("pagecleaner-html", "html", "pagecleaner", _pagecleaner("html")),
        System("pagecleaner-text-bs4", "text/bs4", "pagecleaner", _pagecleaner("text")),
        System("pagecleaner-text-htmltext", "text/htmltext", "pagecleaner", _pagecleaner("text")),
        System("pagecleaner-md-html2text", "markdown/html2text", "pagecleaner",
               _pagecleaner("text")),
        System("pagecleaner-md-html2text-wrapped", "markdown/html2text-wrapped", "pagecleaner",
               _pagecleaner("text")),
        System("pagecleaner-md-markdownify", "markdown/markdownify", "pagecleaner",
               _pagecleaner("text")),
        System("pagecleaner-md-html-to-markdown", "markdown/html-to-markdown", "pagecleaner",
               _pagecleaner("text")),
        System("pagecleaner-md-turndown", "markdown/turndown", "pagecleaner", _pagecleaner("text")),
        System("pagecleaner-text-inscriptis", "rendered/inscriptis", "pagecleaner",
               _pagecleaner("text")),
        System("pagecleaner-text-browser", "rendered/browser", "pagecleaner", _pagecleaner("text")),
        System("pagecleaner-text-lynx", "rendered/lynx", "pagecleaner", _pagecleaner("text")),
        System("pagecleaner-text-w3m", "rendered/w3m", "pagecleaner", _pagecleaner("text")),
        System("pagecleaner-md-pandoc", "markdown/pandoc", "pagecleaner", _pagecleaner("text")),
        System("trafilatura", "html", "trafilatura", _trafilatura),
        System("readability", "html", "readability-lxml", _readability),
        System("justext", "html", "jusText", _justext),
        System("resiliparse", "html", "Resiliparse", _resiliparse),
        System("c4-lines-bs4", "text/bs4", "datatrove", _c4_lines),
        System("c4-lines-htmltext", "text/htmltext", "datatrove", _c4_lines),
        System("c4-lines-md-html2text", "markdown/html2text", "datatrove", _c4_lines),
        System("c4-lines-inscriptis", "rendered/inscriptis", "datatrove", _c4_lines),
        System("c4-lines-browser", "rendered/browser", "datatrove", _c4_lines),
        System("lxml-parse", "html", "lxml", _lxml_parse, scored=False),
        System("lexbor-parse", "html", "selectolax", _lexbor_parse, scored=False),
    ]
}


def package_version(system: System) -> Optional[str]:
    """The installed version of the system's package, or None if unknown."""
    from importlib import metadata

    try:
        return metadata.version(system.package)
    except metadata.PackageNotFoundError:
        pass
    if system.package == "pagecleaner":  # not pip-installed: ask the module itself
        try:
            import cleaner

            return getattr(cleaner, "__version__", None)
        except Exception:
            return None
    return None
