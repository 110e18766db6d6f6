"""Title, author, date, site name, language and URL: from HTML head and JSON-LD, or from
the lines of scraped text themselves (headline, byline, "First Published: ...").

markup.py reads what the markup declares, roles.py finds the headline, byline and date
among the page's lines (and the site's name in its masthead or copyright line); both
lean on titles.py (a headline without the site's name, titles compared, a URL's slug)
and names.py (whether a text is a person's name, and the name a byline gives).
"""
from __future__ import annotations

from .markup import author_in_markup, from_html, summary
from .names import author_from_line
from .roles import PAGE_TITLE, TITLE_ECHO, find_roles, site_from_lines
from .titles import host_of

__all__ = ["PAGE_TITLE", "TITLE_ECHO", "author_from_line", "author_in_markup", "find_roles", "from_html",
           "host_of", "site_from_lines", "summary"]
