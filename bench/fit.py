"""Fit the scorer's evidence weights to the development benchmark, and judge them held out.

    python -m bench.fit                       # HTML pages; cache and rules file under /tmp/fit/
    python -m bench.fit --text --every 2      # also the two scraped-text renderings, every 2nd page

Each block's evidence (scoring.evidence) is recorded once per page, with a label: whether
the block's words belong to the page's ground truth. The weight sum is linear in which
observations fired, so an L2-regularised logistic regression on those one-hot rows gives
weights in the scorer's own units (log-odds). They are judged where it counts, end to end:
the context passes read the scores against fixed thresholds (`sure`, `record_score`,
`outside_container`...), so each held-out fold is cleaned in full with the hand-set and the
fitted weights and scored by the benchmark's word F1. Folds are grouped by domain: pages of
one site share templates, and a site on both sides of a split would flatter the fit. The
fit on all pages is written as a rules file for `pagecleaner --rules` (--out).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import numpy as np

from cleaner import Block, Options, Weights, clean, load_rules, segment
from cleaner.decode import decode
from cleaner.features import measure
from cleaner.language import detect_language
from cleaner.pipeline import KINDS, split
from cleaner.scoring import evidence

from .run import DATASET, PAGE_TYPES, all_ids, read_input

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "bench"
CACHE = Path("/tmp/fit")
RENDERINGS = {"html": "html", "text/bs4": "text", "text/htmltext": "text"}  # folder -> input_kind
FIELDS = [f.name for f in fields(Weights)]  # FIELDS[0] is the bias: the column that always fires
FOLDS = 5
HEAD = 4  # a block's first words must appear in this order in the truth, not just anywhere
# Score every block with each weight set to its field's own index: the weights that come
# back name the fields that fired, so the columns follow scoring.py without a copied table.
PROBE = replace(Options(), weights=Weights(*map(float, range(len(FIELDS)))))

Words = Callable[[str], list[str]]
Prf = Callable[[Counter, Counter], tuple[float, float, float]]


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    page_type: str
    domain: str
    truth: str


@dataclass
class Matrix:
    """One row per block: which evidence fired (X), the label (y), the block's words, its page."""

    X: np.ndarray
    y: np.ndarray
    words: np.ndarray
    page: np.ndarray
    names: dict[str, str]  # Weights field -> evidence name


def load_pages(dataset: Path, every: int) -> list[Page]:
    """Every `every`-th page with a known main text (score.py skips the others too)."""
    meta = json.loads((dataset / "metadata.json").read_text(encoding="utf-8"))["files"]
    pages = []
    for page_id in all_ids(dataset)[::every]:
        doc = json.loads((dataset / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
        truth, url = doc["ground_truth"].get("main_content"), doc.get("url") or None
        if truth is not None:
            host = (urlsplit(url).hostname if url else None) or meta[page_id]["domain"]
            pages.append(Page(page_id, url, meta[page_id]["page_type"], host.removeprefix("www."), truth))
    return pages


def folds(pages: list[Page]) -> np.ndarray:
    """A fold per page, no domain in two: big domains first, each to the smallest fold;
    the many one-page domains in a fixed pseudo-random order (crc32, not Python's salted hash)."""
    sizes = Counter(p.domain for p in pages)
    fill, where = [0] * FOLDS, {}
    for domain in sorted(sizes, key=lambda d: (-sizes[d], zlib.crc32(d.encode()))):
        where[domain] = k = fill.index(min(fill))
        fill[k] += sizes[domain]
    return np.array([where[p.domain] for p in pages])


def measured(data: bytes, url: str | None, options: Options) -> list[Block]:
    """clean()'s stages up to scoring (decode, split, measure), with its own functions."""
    decoded = decode(data)
    kind = KINDS.get(options.input_kind) or segment.sniff(decoded.text)
    blocks, meta = split(decoded.text, kind, url, options)
    language = detect_language(" ".join(b.text for b in blocks[:2000])) or meta.language
    return measure(blocks, language, options)


def belongs(tokens: list[str], truth: Counter, grams: set[tuple[str, ...]]) -> bool:
    """Most of the block's words are in the truth's multiset, and its first words run
    there in order (so a menu of common words does not pass for prose)."""
    inside = sum((Counter(tokens) & truth).values())
    return 2 * inside > len(tokens) and tuple(tokens[:HEAD]) in grams


def extract(dataset: Path, rendering: str, pages: list[Page], words: Words) -> Matrix:
    """The labelled evidence of every block of every page, cached under /tmp/fit/ by the
    cleaner's source and the page list (a changed cleaner is measured again)."""
    digest = hashlib.sha256(rendering.encode())
    for path in sorted((REPO / "cleaner").glob("*.[pt]*")):
        digest.update(path.read_bytes())
    digest.update(" ".join(p.id for p in pages).encode())
    cached = CACHE / f"blocks-{rendering.replace('/', '-')}-{digest.hexdigest()[:12]}.npz"
    if cached.exists():
        z = np.load(cached)
        return Matrix(z["X"], z["y"], z["words"], z["page"], json.loads(str(z["names"])))
    options = replace(Options(), input_kind=RENDERINGS[rendering])
    rows, labels, sizes, owners, names = [], [], [], [], {}
    for i, page in enumerate(pages):
        truth_tokens = words(page.truth)
        truth = Counter(truth_tokens)
        grams = {tuple(truth_tokens[j:j + n]) for n in range(1, HEAD + 1) for j in range(len(truth_tokens))}
        try:
            blocks = measured(read_input(dataset, rendering, page.id) or b"", page.url, options)
        except Exception:  # no text to learn from (clean() raises on it too)
            continue
        for b in blocks:
            row = np.zeros(len(FIELDS), np.int8)
            row[0] = 1
            assert b.features is not None
            for name, index in evidence(b.features, PROBE):
                row[int(index)] = 1
                names[FIELDS[int(index)]] = name
            tokens = words(b.text)
            rows.append(row), labels.append(bool(tokens) and belongs(tokens, truth, grams))
            sizes.append(len(tokens)), owners.append(i)
    m = Matrix(np.array(rows), np.array(labels), np.array(sizes), np.array(owners), names)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(cached, X=m.X, y=m.y, words=m.words, page=m.page, names=json.dumps(names))
    return m


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> dict[str, float]:
    """Weighted logistic regression with an L2 penalty (not on the bias), by Newton's
    method. Fields that never fire in X are left out: they keep their hand-set weight."""
    active = np.flatnonzero(w @ X > 0)
    A = X[:, active].astype(float)
    penalty = np.where(active == 0, 0.0, l2)
    beta = np.zeros(len(active))
    for _ in range(100):
        p = 0.5 * (1 + np.tanh(0.5 * (A @ beta)))  # the logistic, without overflow
        gradient = A.T @ (w * (p - y)) + penalty * beta
        hessian = (A.T * (w * p * (1 - p))) @ A + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return {FIELDS[j]: float(b) for j, b in zip(active, beta)}


def scaled(fitted: dict[str, float], X: np.ndarray, w: np.ndarray) -> dict[str, float]:
    """The fitted weights, bias too, times one factor that gives the blocks' log-odds the
    hand-set weights' mean size: the same verdicts at 0.5, but as sure of themselves as
    the thresholds of the context passes (`sure`, `outside_container`) were set for."""
    hand = Options().weights
    def mean_size(weights: dict[str, float]) -> float:
        z = X @ np.array([weights.get(f, getattr(hand, f)) for f in FIELDS])
        return float(np.abs(z) @ w / w.sum())
    factor = mean_size({f: getattr(hand, f) for f in FIELDS}) / mean_size(fitted)
    return {f: v * factor for f, v in fitted.items()}


def options_with(weights: dict[str, float], input_kind: str) -> Options:
    base = Options()
    return replace(base, input_kind=input_kind, weights=replace(base.weights, **weights))


def end_to_end(dataset: Path, rendering: str, pages: list[Page], options: Options,
               words: Words, prf: Prf) -> np.ndarray:
    """Word (precision, recall, F1) of the full clean() per page; a page that raises is empty."""
    out = []
    for page in pages:
        try:
            text = clean(read_input(dataset, rendering, page.id) or b"", url=page.url, options=options).text
        except Exception:
            text = ""
        out.append(prf(Counter(words(text)), Counter(words(page.truth))))
    return np.array(out)


def report(rendering: str, pages: list[Page], fold: np.ndarray, f1: dict[str, np.ndarray]) -> None:
    """Mean word F1 per fold, overall and per page type, the variants side by side, and
    the paired difference to the default with its 95% interval over pages."""
    variants = list(f1)
    print(f"\n{rendering}: held-out word F1, {len(pages)} pages")
    print(f"{'':15}{'pages':>6}" + "".join(f"{v:>9}" for v in variants))
    types = np.array([p.page_type for p in pages])
    subsets = [(f"fold {k + 1}", fold == k) for k in range(FOLDS)] + [("all", fold >= 0)]
    for name, chosen in subsets + [(t, types == t) for t in PAGE_TYPES]:
        print(f"{name:15}{chosen.sum():>6}" + "".join(f"{f1[v][chosen, 2].mean():9.3f}" for v in variants))
    for v in variants[1:]:
        delta = f1[v][:, 2] - f1[variants[0]][:, 2]
        half = 1.96 * delta.std(ddof=1) / np.sqrt(len(delta))
        print(f"{v} - {variants[0]}: {delta.mean():+.4f} ± {half:.4f} (95%, paired over pages); "
              f"P {f1[v][:, 0].mean():.3f} R {f1[v][:, 1].mean():.3f} against "
              f"P {f1[variants[0]][:, 0].mean():.3f} R {f1[variants[0]][:, 1].mean():.3f}; "
              f"{(delta > 0.001).sum()} pages better, {(delta < -0.001).sum()} worse")


def write_rules(path: Path, weights: dict[str, float], note: str) -> None:
    lines = [f"# {line}" for line in note.splitlines()] + ["[weights]"]
    lines += [f"{name} = {weights[name]:.3f}" for name in FIELDS if name in weights]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_rules(path)  # the file must be one `pagecleaner --rules` accepts


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.fit", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None,
                        help=f"folder holding score.py and {DATASET}/ (default: $PAGECLEANER_BENCH or {DEFAULT_DATA})")
    parser.add_argument("--text", action="store_true",
                        help="also fit on and evaluate the text/bs4 and text/htmltext renderings")
    parser.add_argument("--every", type=int, default=1, help="only every N-th page (sorted ids) (default 1: all)")
    parser.add_argument("--l2", type=float, default=1.0,
                        help="L2 penalty; each page's blocks weigh 1 in all, so this is in pages (default 1)")
    parser.add_argument("--write", choices=("fitted", "scaled"), default="fitted",
                        help="which all-pages fit goes to --out (default fitted)")
    parser.add_argument("--out", type=Path, default=CACHE / "fitted-weights.toml",
                        help=f"rules file to write (default {CACHE / 'fitted-weights.toml'})")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    data = (args.data or Path(os.environ.get("PAGECLEANER_BENCH") or DEFAULT_DATA)).resolve()
    dataset = data / DATASET
    if not (data / "score.py").is_file():
        sys.exit(f"bench.fit: no score.py in {data} (set --data or PAGECLEANER_BENCH)")
    sys.path.insert(0, str(data))
    from score import prf, words  # the benchmark's own tokens and F1

    renderings = ["html", "text/bs4", "text/htmltext"] if args.text else ["html"]
    pages = load_pages(dataset, args.every)
    fold = folds(pages)
    started = time.perf_counter()
    matrices = {r: extract(dataset, r, pages, words) for r in renderings}
    print(f"[fit] evidence of {len(pages)} pages x {len(renderings)} inputs: "
          f"{sum(len(m.y) for m in matrices.values())} blocks, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    names = {f: n for m in matrices.values() for f, n in m.names.items()}
    # Blocks weigh their words, and each page (of each input) 1 in all: F1 is a mean over pages.
    X = np.concatenate([m.X for m in matrices.values()])
    y = np.concatenate([m.y for m in matrices.values()]).astype(float)
    w = np.concatenate([m.words / np.maximum(np.bincount(m.page, m.words)[m.page], 1) for m in matrices.values()])
    block_fold = np.concatenate([fold[m.page] for m in matrices.values()])

    fits, seconds = [], []
    for k in range(FOLDS):
        train = block_fold != k
        t0 = time.perf_counter()
        fitted = fit(X[train], y[train], w[train], args.l2)
        seconds.append(time.perf_counter() - t0)
        fits.append({"fitted": fitted, "scaled": scaled(fitted, X[train], w[train])})
    print(f"[fit] {FOLDS} fits on {int((block_fold != 0).sum())} blocks or so: "
          f"{np.mean(seconds):.2f} s each", file=sys.stderr)

    results = {}
    for rendering in renderings:
        kind = RENDERINGS[rendering]
        f1 = {"default": end_to_end(dataset, rendering, pages, options_with({}, kind), words, prf)}
        for variant in ("fitted", "scaled"):
            f1[variant] = np.zeros((len(pages), 3))
            for k in range(FOLDS):
                held = np.flatnonzero(fold == k)
                options = options_with(fits[k][variant], kind)
                f1[variant][held] = end_to_end(dataset, rendering, [pages[i] for i in held], options, words, prf)
            print(f"[fit] {rendering}: {variant} cleaned, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        report(rendering, pages, fold, f1)
        results[rendering] = {v: float(a[:, 2].mean()) for v, a in f1.items()}

    t0 = time.perf_counter()
    final = fit(X, y, w, args.l2)
    final_scaled = scaled(final, X, w)
    print(f"\nall pages: fit in {time.perf_counter() - t0:.2f} s; weights (log-odds), folds' range of the fit")
    hand = Options().weights
    print(f"{'field':22}{'evidence':20}{'hand-set':>9}{'fitted':>9}{'scaled':>9}{'folds':>16}")
    for field in FIELDS:
        if field in final:
            spread = [f["fitted"][field] for f in fits if field in f["fitted"]]
            print(f"{field:22}{names.get(field, '(always)'):20}{getattr(hand, field):9.2f}{final[field]:9.2f}"
                  f"{final_scaled[field]:9.2f}{min(spread):8.2f}..{max(spread):.2f}".replace("..", " .. ", 1))
    kept = [f for f in FIELDS if f not in final]
    print(f"not fired, hand-set value kept: {', '.join(kept)}")

    chosen = final if args.write == "fitted" else final_scaled
    held_out = "; ".join(f"{r}: " + ", ".join(f"{v} {s:.3f}" for v, s in res.items()) for r, res in results.items())
    write_rules(args.out, chosen, f"Evidence weights ({args.write}) fitted by bench/fit.py on {len(pages)} pages of "
                f"{DATASET} ({', '.join(renderings)}), l2 = {args.l2}.\nHeld-out word F1 (5 folds by domain): "
                f"{held_out}.\nUse: pagecleaner --rules {args.out.name} page.html")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
