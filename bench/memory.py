"""Memory: peak RSS cleaning one very large page, and RSS over a long stream of pages.

    python -m bench.memory [--page-mb 50] [--docs 100000]

Both run in fresh child processes so one does not inherit the other's heap. The pages
are generated here (prose with menus, class names that vary from page to page so the
caches keyed on them fill up), nothing is read from the dataset.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("the of and a to in is you that it he was for on are as with his they at be this have from or one "
         "had by word but not what all were we when your can said there use an each which she do how their if "
         "will up other about out many then them these so some her would make like him into time has look two "
         "more write go see number no way could people my than first water been call who its now find long "
         "down day did get come made may part").split()


def page(rng: random.Random, size: int) -> str:
    """An article of about `size` characters between a menu and a footer."""
    variant = rng.randrange(1_000_000)  # class names differ from page to page, as across sites
    parts = [f"<html><head><title>Page {variant}</title></head><body>"
             f"<nav class='menu-{variant}'><ul>"
             + "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(12))
             + f"</ul></nav><article class='post-{variant}'>"]
    written = 0
    while written < size:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 80)))
        block = f"<p class='para-{rng.randrange(50)}'>{words.capitalize()}.</p>\n"
        parts.append(block)
        written += len(block)
    parts.append("</article><footer>Copyright 2026 Example. All rights reserved.</footer></body></html>")
    return "".join(parts)


def run_measured(argv: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    """Run the command with these arguments in a child process; its result and its peak
    RSS in MB. The child reports its own VmHWM, which starts afresh at exec (getrusage's
    maxrss would also count the pages it shared with its parent when forked)."""
    child = ("import runpy, sys\n"
             f"sys.argv = ['pagecleaner', *{argv!r}]\n"
             "try:\n    runpy.run_module('cleaner', run_name='__main__')\n"
             "finally:\n    print(next(line.split()[1] for line in open('/proc/self/status')"
             " if line.startswith('VmHWM')), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
    lines = proc.stderr.strip().splitlines()
    peak_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout, "\n".join(lines[:-1])), peak_kb / 1024


def big_page(megabytes: int) -> dict:
    """Clean one generated page of about `megabytes` MB with the command."""
    with tempfile.TemporaryDirectory(prefix="pagecleaner-mem-") as tmp:
        path = Path(tmp) / "big.html"
        path.write_text(page(random.Random(1), megabytes * 1_000_000), encoding="utf-8")
        started = time.perf_counter()
        proc, peak_mb = run_measured([str(path), "-o", str(Path(tmp) / "big.md")])
        return {"input_mb": round(path.stat().st_size / 1e6, 1), "peak_rss_mb": round(peak_mb),
                "seconds": round(time.perf_counter() - started, 1), "exit": proc.returncode,
                "stderr": proc.stderr[:300]}


STREAM = """
import json, random, sys
from bench.memory import page
from cleaner import clean
docs, samples = int(sys.argv[1]), []
rng = random.Random(2)
pages = [page(rng, rng.randint(2_000, 20_000)) for _ in range(500)]
def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmRSS"))
for n in range(1, docs + 1):
    clean(pages[n % len(pages)].replace("Page", f"Page {n}", 1), url=f"https://example.org/{n}")
    if n % max(1, docs // 10) == 0:
        samples.append([n, rss_mb()])
print(json.dumps(samples))
"""


def stream(docs: int) -> dict:
    """Clean `docs` pages one after another in one process; RSS sampled ten times."""
    root = Path(__file__).resolve().parent.parent
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", STREAM, str(docs)], capture_output=True, text=True, cwd=root)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:]}
    samples = json.loads(proc.stdout)
    return {"docs": docs, "seconds": round(time.perf_counter() - started), "rss_mb_by_docs": samples,
            "growth_mb_after_first_tenth": samples[-1][1] - samples[0][1]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__.splitlines()[0])
    parser.add_argument("--page-mb", type=int, default=50, help="size of the large page (default 50)")
    parser.add_argument("--docs", type=int, default=100_000, help="pages in the stream (default 100000)")
    args = parser.parse_args(argv)
    results = {"big_page": big_page(args.page_mb), "stream": stream(args.docs)}
    print(json.dumps(results, indent=1).replace("\n   ", " ").replace("\n  ]", "]"))


if __name__ == "__main__":
    main()
