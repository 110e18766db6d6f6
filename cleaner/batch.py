"""Cleaning documents in bulk: each item cleaned and rendered where it is cleaned (only
its output travels back from a worker), in worker processes with a bounded number in
flight so that memory stays flat, in input order; and the JSONL record of each."""
from __future__ import annotations

import io
import itertools
import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass
from typing import Any, Callable

from .corpora import Item
from .errors import CleanerError
from .options import Options
from .pipeline import clean
from .records import Document, Label


def site(item: Item) -> str:
    from .site import site_of

    return site_of(item.url, item.source.path if item.source else None)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A document's output, made where it was cleaned: only this travels back from a
    worker, not the document with every line."""

    text: str
    empty: bool


Renderer = Callable[[Item, Document], Any]


def render(item: Item, doc: Document, fmt: str, front_matter: bool = False, markdown: bool = True) -> Rendered:
    """The output of one document in a format: a JSONL record line, or a writer's text."""
    from .writers import WRITERS

    if fmt == "jsonl":
        text = json.dumps(record(item, doc, markdown), ensure_ascii=False) + "\n"
    else:
        buffer = io.StringIO()
        WRITERS[fmt](doc, buffer, front_matter)
        text = buffer.getvalue()
    return Rendered(text, not doc.body)


def clean_item(item: Item, options: Options, boilerplate: frozenset[str] = frozenset(),
               renderer: Renderer | None = None, raise_bugs: bool = False) -> Any:
    """One item cleaned (and rendered, given a `renderer`); failures come back as values.
    An error that is not the library's own is a bug: one failure like the others, unless
    `raise_bugs` (--traceback) wants to see it."""
    try:
        doc = clean(item.read(options.limits.max_bytes), url=item.url, options=options, source=item.name,
                    charset=item.charset, boilerplate=boilerplate)
        return renderer(item, doc) if renderer is not None else doc
    except CleanerError as exc:
        return exc
    except Exception as exc:
        if raise_bugs:
            raise
        return CleanerError(f"internal error ({type(exc).__name__}: {exc}); please report it, "
                            "--traceback shows where")


def _clean_job(job: tuple[Item, Options, frozenset[str], Renderer | None, bool]) -> Any:
    return clean_item(*job)


def clean_all(items: Iterable[Item], options: Options, workers: int = 1, ordered: bool = True,
              window: int = 0, boilerplate: dict[str, frozenset[str]] | None = None,
              renderer: Renderer | None = None, raise_bugs: bool = False) -> Iterator[tuple[Item, Any]]:
    """Clean items in `workers` processes, at most `window` (default 4 per worker) in
    flight, so memory stays flat over any number of items; results come in input order
    unless `ordered` is False. `boilerplate` holds each site's recurring lines; with a
    `renderer` (a picklable function) each result is its output, made in the worker."""
    boilerplate = boilerplate or {}

    def lines(item: Item) -> frozenset[str]:
        return boilerplate.get(site(item), frozenset()) if boilerplate else frozenset()

    items = iter(items)
    # A batch too short to repay starting processes is cleaned here (the same results).
    first = [item for _, item in zip(range(2 * workers if workers > 1 else 0), items)]
    if workers <= 1 or len(first) < 2 * workers:
        for item in itertools.chain(first, items):
            yield item, clean_item(item, options, lines(item), renderer, raise_bugs)
        return
    from concurrent.futures import ProcessPoolExecutor  # a start-up cost only batches pay

    window = window or 4 * workers
    with ProcessPoolExecutor(workers, initializer=_die_with_parent) as pool:
        pending: deque = deque()
        for item in itertools.chain(first, items):
            pending.append((item, pool.submit(_clean_job, (item, options, lines(item), renderer, raise_bugs))))
            while len(pending) >= window:
                yield from _drain(pending, ordered)
        while pending:
            yield from _drain(pending, ordered)


def _die_with_parent() -> None:
    """Workers end when the process that started them is killed (Linux): otherwise a
    `kill -9` of the command would leave them cleaning pages for nobody."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except OSError:
            pass


def _drain(pending: deque, ordered: bool) -> Iterator[tuple[Item, Any]]:
    """The oldest result (in order), or every one that is ready (unordered)."""
    if ordered:
        item, future = pending.popleft()
        yield item, future.result()
        return
    done, _ = wait([f for _, f in pending], return_when=FIRST_COMPLETED)
    for entry in [e for e in pending if e[1] in done]:
        pending.remove(entry)
        yield entry[0], entry[1].result()


def pages(items: Iterable[Item], options: Options) -> Iterator[tuple[str, bytes | str]]:
    """(site, page) for each item that can be read: what the site-boilerplate pass counts."""
    for item in items:
        try:
            yield site(item), item.read(options.limits.max_bytes)
        except CleanerError:
            continue


def record(item: Item, doc: Document, markdown: bool = True) -> dict[str, Any]:
    """The JSONL record of a cleaned document: id, url, metadata, text, Markdown, lines
    per label, and the input record's other fields (where their names are free)."""
    from .writers import markdown_body

    m = doc.metadata
    counts = {label.value: 0 for label in Label}
    for b in doc.blocks:
        counts[b.label.value] += 1
    out: dict[str, Any] = {"id": item.id, "url": item.url or m.url, "title": m.title, "author": m.author,
                           "date": m.date, "site_name": m.site_name, "language": m.language, "text": doc.text}
    if markdown:
        out["markdown"] = markdown_body(doc)
    out["lines"] = counts
    for key, value in item.fields.items():
        out.setdefault(key, value)
    return out


def error_record(item: Item, error: str) -> dict[str, Any]:
    return {"id": item.id, "url": item.url, "error": error}
