"""Throughput against workers: the dev set packed as JSONL and as WARC, cleaned by the
command with 1, 2 and all cores' worker processes (and on a local Dask cluster).

    python -m bench.scaling [--data PATH] [--limit N] [--dask] [--out results.json]

The JSONL and WARC files are built here, in a temporary folder, from
../shared/bench/wcxb-dev (nothing is committed). Every run's output must be the same,
byte for byte, as the one-worker run's; the table says so. It also times reading the WARC
with FastWARC and with warcio (when installed), the reason pagecleaner reads WARCs with
FastWARC.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from .__main__ import DEFAULT_DATA
from .run import DATASET, all_ids, load_pages, read_input


def pack(data: Path, ids: list[str], folder: Path) -> tuple[Path, Path]:
    """The pages as one JSONL file (id, url, html) and one gzipped WARC of responses."""
    dataset = data / DATASET
    jsonl, warc = folder / "wcxb-dev.jsonl", folder / "wcxb-dev.warc.gz"
    with jsonl.open("w", encoding="utf-8") as lines, warc.open("wb") as archive:
        for page in load_pages(dataset, ids):
            html = read_input(dataset, "html", page.id) or b""
            lines.write(json.dumps({"id": page.id, "url": page.url, "html": html.decode("utf-8", "replace")}) + "\n")
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html) + html
            head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, page.id)}>\r\n"
                    f"WARC-Target-URI: {page.url or 'urn:page:' + page.id}\r\nWARC-Date: 2025-01-01T00:00:00Z\r\n"
                    f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
            archive.write(gzip.compress(head + http + b"\r\n\r\n"))
    return jsonl, warc


def run(corpus: Path, out: Path, workers: int, engine: str = "local") -> float:
    """Seconds for the command to clean the corpus to a JSONL file."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cleaner", "clean", str(corpus), "-f", "jsonl", "-o", str(out),
                    "--workers", str(workers), "--engine", engine], check=False, capture_output=True)
    return time.perf_counter() - started


def read_speed(warc: Path) -> dict[str, float | None]:
    """Records a second, reading the gzipped WARC's HTTP responses whole."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    out: dict[str, float | None] = {}
    started, count = time.perf_counter(), 0
    with warc.open("rb") as handle:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True):
            record.reader.read()
            count += 1
    out["fastwarc"] = count / (time.perf_counter() - started)
    try:
        from warcio.archiveiterator import ArchiveIterator as WarcioIterator
    except ImportError:
        out["warcio"] = None
        return out
    started, count = time.perf_counter(), 0
    with warc.open("rb") as handle:
        for record in WarcioIterator(handle):
            if record.rec_type == "response":
                record.content_stream().read()
                count += 1
    out["warcio"] = count / (time.perf_counter() - started)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.scaling", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="folder holding wcxb-dev/ (default ../shared/bench)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--dask", action="store_true", help="also run on a local Dask cluster of all cores")
    parser.add_argument("--out", type=Path, default=None, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    data = (args.data or Path(os.environ.get("PAGECLEANER_BENCH") or DEFAULT_DATA)).resolve()
    if not (data / DATASET / "html").is_dir():
        print(f"bench.scaling: no {data / DATASET}/html (set --data or PAGECLEANER_BENCH)", file=sys.stderr)
        sys.exit(2)
    ids = all_ids(data / DATASET)[: args.limit]
    cores = os.cpu_count() or 1
    counts = sorted({1, min(2, cores), cores})
    rows, results = [], {"pages": len(ids), "cores": cores, "runs": []}
    with tempfile.TemporaryDirectory(prefix="pagecleaner-scaling-") as tmp:
        jsonl, warc = pack(data, ids, Path(tmp))
        results["warc_read_records_per_s"] = read_speed(warc)
        for corpus in (jsonl, warc):
            reference = None
            plan = [("local", n) for n in counts] + ([("dask", cores)] if args.dask else [])
            for engine, workers in plan:
                out = Path(tmp) / f"out-{corpus.name}-{engine}-{workers}.jsonl"
                seconds = run(corpus, out, workers, engine)
                body = out.read_bytes() if out.exists() else b""
                reference = body if reference is None else reference
                entry = {"input": corpus.name, "engine": engine, "workers": workers, "seconds": round(seconds, 1),
                         "docs_per_s": round(len(ids) / seconds, 1), "same_output": body == reference}
                results["runs"].append(entry)
                rows.append(entry)
                print(f"{entry['input']:<18} {engine:<6} {workers:>2} workers  {entry['docs_per_s']:>7.1f} docs/s  "
                      f"{entry['seconds']:>6.1f} s  same output: {entry['same_output']}", flush=True)
    speeds = results["warc_read_records_per_s"]
    print("WARC reading, records/s: " + ", ".join(f"{k} {v:.0f}" if v else f"{k} not installed" for k, v in speeds.items()))
    if args.out:
        args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
