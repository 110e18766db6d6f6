"""Site-level boilerplate: a line that recurs on many pages of one site (its menu, its
promo strip, its footer) is boilerplate, whatever a single page makes of it.

A first pass over a batch splits every page into lines (no scoring) and counts, per
site, on how many pages each line appears; the count is bounded, so a long batch holds
at most MAX_LINES_PER_SITE lines a site. A site is the URL's host, or for files without
a URL the folder they sit in.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .errors import CleanerError
from .metadata import host_of
from .options import Options

SITE_MIN_PAGES = 3  # a line must recur on at least this many pages of the site
SITE_MIN_SHARE = 0.5  # and on at least this share of them
MAX_LINES_PER_SITE = 200_000  # past this, lines seen on one page only are forgotten


def site_of(url: str | None, path: Path | None) -> str:
    host = host_of(url)
    if host:
        return host.removeprefix("www.")
    return str(path.parent) if path is not None else ""


def line_key(text: str) -> str:
    return " ".join(text.lower().split())


def page_lines(data: bytes | str, options: Options) -> set[str]:
    """The distinct lines (HTML: blocks) of a page, as keys."""
    from . import pipeline  # the pipeline's own first steps, without the scoring

    _, kind, text = pipeline.prepare(data, options)
    blocks, _, _ = pipeline.split(text, kind, None, options)
    return {line_key(b.text) for b in blocks}


def find_boilerplate(pages: Iterable[tuple[str, bytes | str]], options: Options, min_pages: int = SITE_MIN_PAGES,
                     min_share: float = SITE_MIN_SHARE) -> dict[str, frozenset[str]]:
    """For each site of (site, page) pairs, the lines that recur on at least `min_pages`
    of its pages and on at least `min_share` of them. Pages that cannot be read are
    passed over (the cleaning pass reports them)."""
    seen: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = {}
    for where, data in pages:
        try:
            lines = page_lines(data, options)
        except CleanerError:
            continue
        seen[where] += 1
        count = counts.setdefault(where, Counter())
        count.update(lines)
        if len(count) > MAX_LINES_PER_SITE:
            for line in [line for line, n in count.items() if n == 1]:
                del count[line]
    return {where: frozenset(line for line, n in count.items() if n >= min_pages and n >= min_share * seen[where])
            for where, count in counts.items()}
