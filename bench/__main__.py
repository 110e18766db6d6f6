"""Command line: ``python -m bench [--data PATH] [--systems a,b] [--limit N] [--jobs N] [--rounds N] [--out DIR]``."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .run import DATASET, ROUNDS, all_ids, benchmark
from .systems import SYSTEMS
from .table import format_table

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench"
DEFAULT_OUT = Path(__file__).resolve().parent / "out"


def fail(message: str) -> None:
    """Print one line to stderr and exit with status 2."""
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(2)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None,
                        help=f"folder holding score.py and {DATASET}/ (default: $PAGECLEANER_BENCH or {DEFAULT_DATA})")
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help="comma-separated systems (default: all): " + ", ".join(SYSTEMS))
    parser.add_argument("--limit", type=int, default=None, help="only the first N page ids (sorted)")
    parser.add_argument("--ids-file", type=Path, default=None, help="only the page ids listed in this file, one a line")
    parser.add_argument("--jobs", type=int, default=1,
                        help="processes per system (default 1; >1 reports wall-clock throughput)")
    parser.add_argument("--rounds", type=int, default=ROUNDS,
                        help=f"with --jobs 1, run the systems side by side in this many rounds, each on its "
                             f"chunk of the pages (default {ROUNDS}; 1 runs them one after another)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for the README)")
    parser.add_argument("--from-results", type=Path, default=None, metavar="RESULTS_JSON",
                        help="do not run anything; print the table from an earlier results.json")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.from_results:
        if not args.from_results.is_file():
            fail(f"no results file at {args.from_results}")
        print(format_table(json.loads(args.from_results.read_text(encoding="utf-8")), args.markdown))
        return

    data = (args.data or Path(os.environ.get("PAGECLEANER_BENCH") or DEFAULT_DATA)).resolve()
    if not (data / DATASET / "ground-truth").is_dir() or not (data / "score.py").is_file():
        fail(f"benchmark data not found: looked for {data / 'score.py'} and {data / DATASET}/ground-truth/ "
             "(set --data or PAGECLEANER_BENCH)")

    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown or not names:
        fail(f"unknown systems {unknown}; choose from {', '.join(SYSTEMS)}")

    ids = all_ids(data / DATASET)
    if args.ids_file:
        wanted = [line.strip() for line in args.ids_file.read_text().splitlines() if line.strip()]
        missing = sorted(set(wanted) - set(ids))
        if missing:
            fail(f"{len(missing)} ids in {args.ids_file} are not in the dataset, e.g. {missing[:3]}")
        ids = sorted(set(wanted))
    if args.limit is not None:
        ids = ids[: args.limit]
    if not ids:
        fail("no pages selected")

    if str(REPO_ROOT) not in sys.path:  # so `cleaner` imports when run from elsewhere
        sys.path.insert(0, str(REPO_ROOT))
    results = benchmark(data, names, ids, max(1, args.jobs), args.out.resolve(), max(1, args.rounds))
    print(format_table(results, args.markdown))
    print(f"[bench] wrote {args.out.resolve() / 'results.json'}", file=sys.stderr)


if __name__ == "__main__":
    main()
