"""Split a page into blocks: scraped text into lines, HTML into DOM blocks with their cues.

parse.py tells HTML from scraped text and parses it; walk.py walks the tree into
blocks; lines.py splits scraped text (plain, Markdown, a dump) into lines.
"""
from __future__ import annotations

from .lines import split_lines
from .parse import XML_DECLARATION, Element, parse_html, parser_lost_text, sniff, strip_tags, text_of
from .walk import StructureTooLarge, split_html

__all__ = ["XML_DECLARATION", "Element", "StructureTooLarge", "parse_html", "parser_lost_text", "sniff", "split_html",
           "split_lines", "strip_tags", "text_of"]
