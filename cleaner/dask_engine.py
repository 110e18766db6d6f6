"""Running a batch on a Dask cluster (`--engine dask`): the items go in partitions to the
workers, are cleaned there, and come back in input order, a bounded number of partitions
in flight. And `clean_records`, the building block for a Dask pipeline of your own.

Dask is optional: `pip install 'pagecleaner[dask]'`.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .batch import Renderer, clean_item, error_record, record, site
from .corpora import Item, Reading, item_of
from .errors import CleanerError
from .options import Options

PARTITION = 32  # items a task: big enough to hide the round trip, small enough to spread


class DaskMissing(CleanerError):
    pass


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissing("--engine dask needs Dask: pip install 'pagecleaner[dask]'") from None
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def _clean_partition(items: list[Item], options: Options, lines: list[frozenset[str]],
                     renderer: Renderer | None, raise_bugs: bool) -> list[Any]:
    return [clean_item(item, options, boilerplate, renderer, raise_bugs) for item, boilerplate in zip(items, lines)]


def clean_on_dask(items: Iterable[Item], options: Options, scheduler: str | None, workers: int,
                  boilerplate: dict[str, frozenset[str]] | None = None, renderer: Renderer | None = None,
                  raise_bugs: bool = False) -> Iterator[tuple[Item, Any]]:
    """The same results as batch.clean_all, in the same order, computed on a cluster
    (a local one of `workers` processes without a scheduler address). File inputs are
    read by the workers: they must see the same paths."""
    client, cluster = _client(scheduler, workers)
    boilerplate = boilerplate or {}
    in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})) or 2 * workers)
    try:
        pending: deque = deque()
        for batch in _partitions(items):
            lines = [boilerplate.get(site(item), frozenset()) for item in batch]
            pending.append((batch, client.submit(_clean_partition, batch, options, lines, renderer, raise_bugs, pure=False)))
            if len(pending) >= in_flight:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _partitions(items: Iterable[Item]) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) == PARTITION:
            yield batch
            batch = []
    if batch:
        yield batch


def _collect(entry: tuple[list[Item], Any]) -> Iterator[tuple[Item, Any]]:
    batch, future = entry
    yield from zip(batch, future.result())


def clean_records(records: Iterable[dict[str, Any]], field: str = "html", id_field: str = "id",
                  url_field: str = "url", options: Options | None = None, markdown: bool = True) -> list[dict[str, Any]]:
    """Clean a partition of JSON-like records (a Dask bag's, or a dataframe's as dicts):
    each gives the record `pagecleaner clean --format jsonl` writes, or {"id", "url",
    "error"}. For example: `bag.map_partitions(clean_records, field="text")`."""
    options, reading = options or Options(), Reading(field=field, id_field=id_field, url_field=url_field)
    out = []
    for n, rec in enumerate(records):
        item = item_of(rec, reading, str(n))
        result = clean_item(item, options)
        out.append(error_record(item, str(result)) if isinstance(result, CleanerError) else record(item, result, markdown))
    return out
