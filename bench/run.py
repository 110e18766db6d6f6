"""Load pages, run each system on them (timed), write predictions, score with score.py."""
from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Optional

from . import renderings
from .systems import SYSTEMS, Extractor, System, package_version

DATASET = "wcxb-dev"
PAGE_TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]
CITATION = "WCXB (Web Content eXtraction Benchmark), Murrough Foley, 2026, CC-BY-4.0"
PROGRESS_EVERY = 100  # pages, for a pool's progress lines
# --jobs 1 runs the systems side by side in this many rounds, each on its own consecutive
# chunk of pages (34 of the 1,358 dev pages, 10 of 400), so that a change of the machine's
# pace, which comes over minutes, falls on every system alike. A chunk rather than a page
# a turn keeps a system's caches warm between its calls: page by page, lxml-parse (3 ms a
# page) read about 6% slower against trafilatura than in chunks of 10.
ROUNDS = 40
PROGRESS_LINES = 8  # about this many progress lines on stderr in a --jobs 1 run


@dataclass(frozen=True)
class Page:
    """One benchmark page: id, URL (may be None), page type, and whether its truth has text."""

    id: str
    url: Optional[str]
    page_type: Optional[str]
    truth_nonempty: bool


@dataclass
class Run:
    """What one system produced: texts by id, seconds, errors."""

    texts: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    bytes: int = 0  # input read by the system
    errors: int = 0
    error_example: Optional[str] = None

    def record(self, page_id: str, text: str, error: Optional[str]) -> None:
        self.texts[page_id] = text
        if error:
            self.errors += 1
            self.error_example = self.error_example or f"{page_id}: {error}"


@dataclass(frozen=True)
class Slot:
    """One turn of the interleaved schedule: a system's run over one chunk of page indexes."""

    round: int
    system: str
    chunk: range


def chunks(pages: int, rounds: int) -> list[range]:
    """The page indexes cut into consecutive ranges of near-equal size, one a round."""
    rounds = max(1, min(rounds, pages))
    return [range(k * pages // rounds, (k + 1) * pages // rounds) for k in range(rounds)]


def schedule(systems: list[str], page_chunks: list[range]) -> Iterator[Slot]:
    """Round k runs every system on chunk k, the systems' order turned by k places, so that
    none always runs first."""
    if not systems:
        return
    for k, chunk in enumerate(page_chunks):
        turn = k % len(systems)
        for name in systems[turn:] + systems[:turn]:
            yield Slot(k, name, chunk)


def all_ids(dataset: Path) -> list[str]:
    """Every page id of the dataset, sorted."""
    return sorted(p.stem for p in (dataset / "ground-truth").glob("*.json"))


def load_pages(dataset: Path, ids: list[str]) -> list[Page]:
    """Read URL, page type and truth emptiness for the given ids."""
    pages = []
    for page_id in ids:
        doc = json.loads((dataset / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
        main = (doc.get("ground_truth") or {}).get("main_content")
        page_type = ((doc.get("_internal") or {}).get("page_type") or {}).get("primary")
        pages.append(Page(page_id, doc.get("url") or None, page_type, bool((main or "").strip())))
    return pages


def read_input(dataset: Path, kind: str, page_id: str) -> Optional[bytes]:
    """The page bytes a system reads (gunzipped HTML, a text rendering of the dataset or a
    Markdown rendering made by bench.renderings); None if unreadable."""
    try:
        if kind == "html":
            with gzip.open(dataset / "html" / f"{page_id}.html.gz", "rb") as handle:
                return handle.read()
        if kind.startswith(("markdown/", "rendered/")):
            return renderings.rendering(dataset, kind.split("/", 1)[1], page_id)
        return (dataset / kind / f"{page_id}.txt").read_bytes()
    except OSError:
        return None


def _describe(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}"[:300]


def _progress(system: System, done: int, total: int, run: Run, started: float) -> None:
    print(f"[bench] {system.name}: {done}/{total} pages, {run.seconds:.1f} s in extraction, "
          f"{run.errors} errors ({time.perf_counter() - started:.0f} s elapsed)",
          file=sys.stderr, flush=True)


def _round_progress(rounds_done: int, rounds: int, pages_done: int, total: int, started: float) -> None:
    print(f"[bench] round {rounds_done}/{rounds}: {pages_done}/{total} pages by every system "
          f"({time.perf_counter() - started:.0f} s elapsed)", file=sys.stderr, flush=True)


# --- worker side of --jobs N>1 (module-level so the Pool can pickle it) -------------------------
_worker_extract: Optional[Extractor] = None


def _init_worker(name: str) -> None:
    global _worker_extract
    _worker_extract = SYSTEMS[name].load()


def _work(item: tuple[str, Optional[bytes], Optional[str]]) -> tuple[str, str, Optional[str], int]:
    page_id, data, url = item
    if data is None:
        return page_id, "", "input file missing or unreadable", 0
    assert _worker_extract is not None, "the pool's initializer loads it"
    try:
        return page_id, _worker_extract(data, url) or "", None, len(data)
    except Exception as err:  # a failing page counts as empty output
        return page_id, "", _describe(err), len(data)


def extract_timed(extract: Extractor, dataset: Path, input_kind: str, page: Page, run: Run) -> None:
    """Run one extraction call on one page, adding its seconds (reading excluded) to the run."""
    data = read_input(dataset, input_kind, page.id)
    if data is None:
        run.record(page.id, "", "input file missing or unreadable")
        return
    run.bytes += len(data)
    text, error = "", None
    t0 = time.perf_counter()
    try:
        text = extract(data, page.url) or ""
    except Exception as err:  # a failing page counts as empty output
        error = _describe(err)
    run.seconds += time.perf_counter() - t0
    run.record(page.id, text, error)


def run_interleaved(systems: dict[str, tuple[System, Extractor]], dataset: Path, pages: list[Page],
                    rounds: int = ROUNDS) -> dict[str, Run]:
    """Run the systems side by side in rounds (see ROUNDS); time only the extraction calls."""
    runs = {name: Run() for name in systems}
    page_chunks = chunks(len(pages), rounds)
    progress_every = max(1, len(page_chunks) // PROGRESS_LINES)  # rounds
    started = time.perf_counter()
    for done, slot in enumerate(schedule(list(systems), page_chunks), 1):
        system, extract = systems[slot.system]
        for page in pages[slot.chunk.start:slot.chunk.stop]:
            extract_timed(extract, dataset, system.input, page, runs[slot.system])
        rounds_done = slot.round + 1
        last_of_round = done % len(systems) == 0
        if last_of_round and (rounds_done % progress_every == 0 or rounds_done == len(page_chunks)):
            _round_progress(rounds_done, len(page_chunks), slot.chunk.stop, len(pages), started)
    return runs


def run_pooled(system: System, dataset: Path, pages: list[Page], jobs: int) -> Run:
    """Run one system over the pages in a pool of processes, timed by the wall clock."""
    run, total, started = Run(), len(pages), time.perf_counter()

    def items() -> Iterator[tuple[str, Optional[bytes], Optional[str]]]:
        for page in pages:
            yield page.id, read_input(dataset, system.input, page.id), page.url

    with multiprocessing.Pool(jobs, initializer=_init_worker, initargs=(system.name,)) as pool:
        t0 = time.perf_counter()
        for done, (page_id, text, error, size) in enumerate(pool.imap_unordered(_work, items(), chunksize=4), 1):
            run.record(page_id, text, error)
            run.bytes += size
            run.seconds = time.perf_counter() - t0  # wall clock
            if done % PROGRESS_EVERY == 0 or done == total:
                _progress(system, done, total, run, started)
    return run


def write_predictions(path: Path, pages: list[Page], run: Run) -> None:
    """One {"id", "text"} JSON line per page, in page order."""
    with path.open("w", encoding="utf-8") as handle:
        for page in pages:
            handle.write(json.dumps({"id": page.id, "text": run.texts.get(page.id, "")}) + "\n")


def score(score_py: Path, dataset: Path, pred: Path, out: Path, name: str) -> tuple[Optional[dict], Path, str]:
    """Call score.py on one prediction file; return (summary or None, per-doc path, message)."""
    summary_path, per_doc = out / f"score-{name}.json", out / f"perdoc-{name}.jsonl"
    proc = subprocess.run(
        [sys.executable, str(score_py), str(dataset), str(pred),
         "--json", str(summary_path), "--per-doc", str(per_doc)],
        capture_output=True, text=True)
    (out / f"score-{name}.txt").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    if proc.returncode != 0 or not summary_path.exists():
        return None, per_doc, f"score.py failed ({proc.returncode}): {(proc.stderr or proc.stdout).strip()[:300]}"
    return json.loads(summary_path.read_text(encoding="utf-8")), per_doc, ""


def subset_dataset(dataset: Path, ids: list[str], tmp: Path) -> Path:
    """A dataset folder holding only the chosen ids' ground truth (symlinks), for score.py."""
    folder = tmp / DATASET
    (folder / "ground-truth").mkdir(parents=True)
    for page_id in ids:
        os.symlink(dataset / "ground-truth" / f"{page_id}.json", folder / "ground-truth" / f"{page_id}.json")
    return folder


def empty_where_truth(per_doc: Path, pages: list[Page]) -> int:
    """Pages whose output score.py found empty although the ground truth has text."""
    nonempty = {p.id for p in pages if p.truth_nonempty}
    with per_doc.open(encoding="utf-8") as handle:
        return sum(1 for line in handle
                   if (row := json.loads(line))["empty"] and row["id"] in nonempty)


def speed(run: Run, pages: list[Page], stages: Optional[dict[str, float]]) -> dict:
    """Docs/s, MB/s and, for pagecleaner, milliseconds per page in each stage."""
    out: dict = {
        "docs_per_s": len(pages) / run.seconds if run.seconds > 0 else None,
        "mb_per_s": run.bytes / 1e6 / run.seconds if run.seconds > 0 else None,
        "seconds": run.seconds,
    }
    if stages:
        out["stage_ms_per_doc"] = {name: 1000 * sec / len(pages) for name, sec in stages.items()}
    return out


def summarize(run: Run, summary: dict, empty_nonempty: int, pages: list[Page]) -> dict:
    """The numbers for one system's table row, taken from score.py's --json summary."""
    word = summary.get("word") or {}
    snippets = summary.get("snippets") or {}
    by_type = summary.get("by_page_type") or {}
    if not by_type and len(types := {p.page_type for p in pages}) == 1:
        by_type = {types.pop(): summary}  # score.py omits the breakdown for a single type
    return {
        "word": {k: word.get(k) for k in ("precision", "recall", "f1")},
        "f1_by_page_type": {t: ((by_type.get(t) or {}).get("word") or {}).get("f1") for t in PAGE_TYPES},
        "docs_by_page_type": {t: (by_type.get(t) or {}).get("docs") for t in PAGE_TYPES},
        "shingle_f1": (summary.get("shingle") or {}).get("f1"),
        "snippets": {k: snippets.get(k) for k in ("with_found", "without_absent", "f1")},
        "errors": run.errors,
        "error_example": run.error_example,
        "empty_where_truth_nonempty": empty_nonempty,
        "empty": summary.get("empty"),
    }


def load_systems(names: list[str], entries: dict, versions: dict) -> dict[str, tuple[System, Extractor]]:
    """Load the named systems, giving each an entry in the results; those that fail to load
    (not installed, no converter for their rendering) are marked skipped and left out."""
    loaded = {}
    for name in names:
        system = SYSTEMS[name]
        entry = entries[name] = {"input": system.input, "package": system.package}
        try:
            if system.input.startswith(("markdown/", "rendered/")):
                renderings.usable(system.input.split("/", 1)[1])  # its converter, or its cache
            extract = system.load()
        except Exception as err:  # not installed / not importable yet: skip
            entry.update(status="skipped", note=f"not available: {_describe(err)}")
            print(f"[bench] {name}: skipped ({entry['note']})", file=sys.stderr, flush=True)
            continue
        entry["version"] = versions[system.package] = package_version(system)
        loaded[name] = (system, extract)
    return loaded


def run_all(systems: dict[str, tuple[System, Extractor]], dataset: Path, pages: list[Page], jobs: int,
            rounds: int) -> dict[str, Run]:
    """Side by side in rounds with one process (per-call timing), else a pool per system in turn."""
    if jobs <= 1:
        print(f"[bench] {', '.join(systems)}: side by side on {len(pages)} pages in "
              f"{len(chunks(len(pages), rounds))} rounds", file=sys.stderr, flush=True)
        return run_interleaved(systems, dataset, pages, rounds)
    runs = {}
    for name, (system, _) in systems.items():
        print(f"[bench] {name}: running on {len(pages)} pages ({system.input})", file=sys.stderr, flush=True)
        runs[name] = run_pooled(system, dataset, pages, jobs)
    return runs


def score_system(system: System, run: Run, entry: dict, pages: list[Page], score_py: Path,
                 score_dataset: Path, out: Path) -> None:
    """Write the system's predictions, score them with score.py and fill in its entry."""
    pred = out / f"pred-{system.name}.jsonl"
    write_predictions(pred, pages, run)
    summary, per_doc, message = score(score_py, score_dataset, pred, out, system.name)
    if summary is None:
        entry.update(status="score-failed", note=message, errors=run.errors, seconds=run.seconds)
        print(f"[bench] {system.name}: {message}", file=sys.stderr, flush=True)
        return
    entry.update(status="ok", **summarize(run, summary, empty_where_truth(per_doc, pages), pages))
    if run.error_example:
        entry["note"] = f"{run.errors} pages raised, e.g. {run.error_example}"
        print(f"[bench] {system.name}: {entry['note']}", file=sys.stderr, flush=True)


def benchmark(data: Path, names: list[str], ids: list[str], jobs: int, out: Path, rounds: int = ROUNDS) -> dict:
    """Run the chosen systems on the chosen pages, score them, and return the results record."""
    dataset = data / DATASET
    score_py = data / "score.py"
    out.mkdir(parents=True, exist_ok=True)
    pages = load_pages(dataset, ids)
    meta = json.loads((dataset / "metadata.json").read_text(encoding="utf-8"))
    results: dict = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "dataset": {"name": meta.get("name"), "version": meta.get("version"), "split": DATASET,
                    "license": meta.get("license"), "citation": CITATION, "path": str(dataset)},
        "pages": len(pages),
        "pages_by_type": {t: sum(p.page_type == t for p in pages) for t in PAGE_TYPES},
        "jobs": jobs,
        "timing": (f"per-call, interleaved in {len(chunks(len(pages), rounds))} rounds" if jobs <= 1
                   else "wall-clock"),
        "versions": {"python": platform.python_version()},
        "command": "python -m bench " + " ".join(sys.argv[1:]),
        "systems": {},
    }
    try:
        from importlib.metadata import version
        results["versions"]["lxml"] = version("lxml")
    except Exception:
        pass

    systems = load_systems(names, results["systems"], results["versions"])
    runs = run_all(systems, dataset, pages, jobs, rounds)
    with tempfile.TemporaryDirectory(prefix="pagecleaner-bench-") as tmp:
        full = len(ids) == len(all_ids(dataset))
        score_dataset = dataset if full else subset_dataset(dataset, ids, Path(tmp))
        for name, (system, extract) in systems.items():
            run, entry = runs[name], results["systems"][name]
            entry.update(speed(run, pages, getattr(extract, "timings", None) if jobs <= 1 else None))
            if system.scored:
                score_system(system, run, entry, pages, score_py, score_dataset, out)
            else:
                entry.update(status="ok", scored=False, errors=run.errors)
    (out / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return results
