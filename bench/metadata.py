"""Metadata: how often the title, author and date a cleaner gives match the ground truth's.

    python -m bench.metadata [--data PATH] [--limit N] [--jobs N] [--out DIR] [--renderings a,b]

WCXB's truth names each page's title, author and publish date (or None). pagecleaner
(on the HTML, and on the dataset's two scraped-text renderings, where the lines alone
must say what the head said) and trafilatura (``bare_extraction`` with metadata, HTML)
run on the same pages;
a field counts as right when both are empty, or both are set and agree: titles word for
word (case and punctuation aside), authors when one name holds the other ("Jane Doe" in
"Jane Doe, Reuters"), dates on the day. Title token F1 is reported beside the exact rate,
since annotators sometimes keep a subtitle the page's own title leaves out. A separate
run from ``python -m bench``: trafilatura's metadata would slow the timed default call.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Optional

from .__main__ import DEFAULT_DATA, DEFAULT_OUT, REPO_ROOT, fail
from .renderings import CONVERTERS, RenderingError, usable
from .run import CITATION, DATASET, PAGE_TYPES, all_ids, read_input

FIELDS = ("title", "author", "date")
WORD = re.compile(r"\w+")
EMPTY = ("", "none", "null")


def words(value: Any) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", str(value)).casefold()) if value is not None else []


def is_empty(value: Any) -> bool:
    return value is None or str(value).strip().lower() in EMPTY


def agrees(field: str, found: Any, truth: Any) -> bool:
    if is_empty(truth) or is_empty(found):
        return is_empty(truth) and is_empty(found)
    if field == "date":
        return str(found)[:10] == str(truth)[:10]
    a, b = " ".join(words(found)), " ".join(words(truth))
    return a == b or (field == "author" and bool(a) and bool(b) and (a in b or b in a))


def token_f1(found: Any, truth: Any) -> float:
    a, b = set(words(found)), set(words(truth))
    if not a or not b:
        return float(a == b)
    shared = len(a & b)
    return 2 * shared / (len(a) + len(b))


def _pagecleaner(input_kind: str) -> Callable[[bytes, Optional[str]], dict[str, Any]]:
    def found(data: bytes, url: Optional[str]) -> dict[str, Any]:
        from cleaner import Options, clean

        meta = clean(data, url=url, options=Options(input_kind=input_kind)).metadata
        return {"title": meta.title, "author": meta.author, "date": meta.date}

    return found


def _trafilatura(data: bytes, url: Optional[str]) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    found = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    return {"title": found.get("title"), "author": found.get("author"), "date": found.get("date")}


# name -> (the input it reads: "html" or a text rendering's folder, what it finds)
SYSTEMS = {
    "pagecleaner-html": ("html", _pagecleaner("html")),
    "pagecleaner-text-bs4": ("text/bs4", _pagecleaner("text")),
    "pagecleaner-text-htmltext": ("text/htmltext", _pagecleaner("text")),
    "trafilatura": ("html", _trafilatura),
}
# The name of pagecleaner on one of bench.renderings' renderings (--renderings).
RENDERED = "pagecleaner-rendered-"


def _system(name: str) -> tuple[str, Callable[[bytes, Optional[str]], dict[str, Any]]]:
    if name.startswith(RENDERED):
        return f"rendered/{name[len(RENDERED):]}", _pagecleaner("text")
    return SYSTEMS[name]


def _one(task: tuple[str, str, Path]) -> tuple[str, dict[str, Any]]:
    system, page_id, dataset = task
    kind, find = _system(system)
    data = read_input(dataset, kind, page_id)
    url = json.loads((dataset / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8")).get("url")
    try:
        return page_id, find(data, url) if data is not None else {}
    except Exception:  # a crash on one page counts as nothing found
        return page_id, {}


def truth_of(dataset: Path, page_id: str) -> tuple[Optional[str], dict[str, Any]]:
    """The page type and the truth's title, author and date."""
    doc = json.loads((dataset / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
    truth = doc.get("ground_truth") or {}
    page_type = ((doc.get("_internal") or {}).get("page_type") or {}).get("primary")
    return page_type, {"title": truth.get("title"), "author": truth.get("author"), "date": truth.get("publish_date")}


def score(found: dict[str, dict[str, Any]], truths: dict[str, tuple[Optional[str], dict[str, Any]]]) -> dict[str, Any]:
    """Share of pages right on each field, overall and per page type, and title token F1."""
    right: Counter[tuple[str, str]] = Counter()
    pages: Counter[str] = Counter()
    title_f1 = 0.0
    for page_id, (page_type, truth) in truths.items():
        mine = found.get(page_id, {})
        for kind in ("all", page_type or "unknown"):
            pages[kind] += 1
            for field in FIELDS:
                right[(kind, field)] += agrees(field, mine.get(field), truth[field])
        title_f1 += token_f1(mine.get("title"), truth["title"])
    return {
        "pages": pages["all"],
        "fields": {field: right[("all", field)] / pages["all"] for field in FIELDS},
        "title_token_f1": title_f1 / pages["all"],
        "per_type": {kind: {field: right[(kind, field)] / pages[kind] for field in FIELDS}
                     for kind in PAGE_TYPES if pages[kind]},
    }


def table(results: dict[str, dict[str, Any]]) -> str:
    head = "| system | pages | title | title token F1 | author | date | " + " | ".join(
        f"{kind} t/a/d" for kind in PAGE_TYPES) + " |"
    rows = [head, "|" + "---|" * (5 + len(PAGE_TYPES) + 1)]
    for name, r in results.items():
        f = r["fields"]
        per = " | ".join("/".join(f"{r['per_type'][kind][field]:.2f}" for field in FIELDS)
                         if kind in r["per_type"] else "–" for kind in PAGE_TYPES)
        rows.append(f"| {name} | {r['pages']} | {f['title']:.3f} | {r['title_token_f1']:.3f} | "
                    f"{f['author']:.3f} | {f['date']:.3f} | {per} |")
    return "\n".join(rows) + f"\n\nShare of pages where the field agrees with the truth (both empty counts). Data: {CITATION}."


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.metadata", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help=f"folder holding {DATASET}/ (default {DEFAULT_DATA})")
    parser.add_argument("--limit", type=int, default=None, help="only the first N page ids (sorted)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: one a core)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--renderings", default="",
                        help="also pagecleaner on these of bench.renderings' renderings, comma-separated "
                             f"({', '.join(CONVERTERS)}): most open with the body, not the <title>")
    args = parser.parse_args(argv)
    converters = [name for name in args.renderings.split(",") if name]
    unknown = sorted(set(converters) - set(CONVERTERS))
    if unknown:
        fail(f"unknown rendering {', '.join(unknown)} (known: {', '.join(CONVERTERS)})")
    for name in converters:
        try:
            usable(name)
        except (RenderingError, ImportError) as exc:
            fail(f"cannot read the {name} rendering: {exc}")
    data = (args.data or Path(os.environ.get("PAGECLEANER_BENCH") or DEFAULT_DATA)).resolve()
    dataset = data / DATASET
    if not (dataset / "ground-truth").is_dir():
        fail(f"benchmark data not found: looked for {dataset}/ground-truth/ (set --data or PAGECLEANER_BENCH)")
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    ids = all_ids(dataset)[: args.limit]
    truths = {page_id: truth_of(dataset, page_id) for page_id in ids}
    results = {}
    with multiprocessing.get_context("spawn").Pool(max(1, args.jobs)) as pool:
        for system in [*SYSTEMS, *(RENDERED + name for name in converters)]:
            print(f"[bench.metadata] {system}: {len(ids)} pages", file=sys.stderr)
            found = dict(pool.imap_unordered(_one, [(system, page_id, dataset) for page_id in ids], chunksize=8))
            results[system] = score(found, truths)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "metadata.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"[bench.metadata] wrote {args.out / 'metadata.json'}", file=sys.stderr)


if __name__ == "__main__":
    main()
