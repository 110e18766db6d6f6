"""Fit the scorer's evidence weights to the development benchmark, and judge them held out.

    python -m bench.fit                   # HTML; evidence cache and rules file under /tmp/fit/
    python -m bench.fit --text            # the same weights on the two scraped-text renderings too
    python -m bench.fit --pool --every 2  # fit on all three renderings; every 2nd page

Each block's evidence (scoring.evidence) is recorded once per page with a label: whether
the block's words belong to the page's ground truth. The weight sum is linear in which
observations fired, so an L2-regularised logistic regression on those one-hot rows gives
weights in the scorer's own units (log-odds). They are judged where it counts, end to end:
the context passes read the scores against fixed thresholds (`sure`, `record_score`...), so
each held-out fold is cleaned in full with the hand-set and the fitted weights and scored by
the benchmark's word F1. Folds are grouped by domain: a site's pages share a template, and a
site on both sides of a split would flatter the fit. The fit on all pages is written as a
rules file for `pagecleaner --rules` (--out).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import numpy as np

from cleaner import Block, CleanerError, Options, Weights, clean, load_rules, segment
from cleaner.decode import decode
from cleaner.features import links_tell, measure
from cleaner.language import detect_language
from cleaner.pipeline import KINDS, split
from cleaner.scoring import evidence

from .run import DATASET, PAGE_TYPES, all_ids, read_input

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "bench"
CACHE = Path("/tmp/fit")
RENDERINGS = {"html": "html", "text/bs4": "text", "text/htmltext": "text"}  # folder -> input_kind
FIELDS = [f.name for f in fields(Weights)]  # FIELDS[0] is the bias, the column that always fires
HAND = Options().weights
FOLDS = 5
HEAD = 4  # a block's first words must run in this order in the truth, not just occur in it
L2 = 1.0
# Score with every weight set to its field's index: the weights that come back name the
# fields that fired, so the columns follow scoring.py without a copy of its table.
PROBE = replace(Options(), weights=Weights(*map(float, range(len(FIELDS)))))

Words = Callable[[str], list[str]]
Prf = Callable[[Counter[str], Counter[str]], tuple[float, float, float]]


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    page_type: str
    domain: str
    truth: str


@dataclass(frozen=True)
class Matrix:
    """One row per block: the evidence that fired (X), the label (y), its words, its page."""

    X: np.ndarray
    y: np.ndarray
    words: np.ndarray
    page: np.ndarray
    names: dict[str, str]  # Weights field -> evidence name

    def weights(self) -> np.ndarray:
        """A block weighs its words, a page 1 in all: word F1 is a mean over pages."""
        return np.asarray(self.words / np.maximum(np.bincount(self.page, self.words)[self.page], 1))


def load_pages(dataset: Path, every: int) -> list[Page]:
    """Every `every`-th page whose main text is known (score.py skips the others too)."""
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
    """A fold per page, no domain in two: big domains first, each to the smallest fold; the
    many one-page domains in a fixed pseudo-random order (crc32: Python's hash is salted)."""
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
    blocks, meta, _ = split(decoded.text, kind, url, options)  # (the parsed page is for pages left empty)
    language = detect_language(" ".join(b.text for b in blocks[:2000])) or meta.language
    return measure(blocks, language, options, links=links_tell(blocks, kind, options.thresholds))


def belongs(tokens: list[str], truth: Counter[str], heads: set[tuple[str, ...]]) -> bool:
    """Most of the block's words are in the truth's multiset, and its first words run there
    in order (a menu of common words has its words in the truth, but not in its order)."""
    return 2 * sum((Counter(tokens) & truth).values()) > len(tokens) and tuple(tokens[:HEAD]) in heads


def extract(dataset: Path, rendering: str, pages: list[Page], words: Words) -> Matrix:
    """The labelled evidence of every block of every page, cached under /tmp/fit/ by the
    source of the cleaner and of this script, and the pages (a change is measured again)."""
    digest = hashlib.sha256(f"{rendering} {HEAD} {' '.join(p.id for p in pages)}".encode())
    code = (REPO / "cleaner").glob("*.py"), (REPO / "cleaner").glob("*.toml"), [Path(__file__)]
    for path in sorted(p for paths in code for p in paths):
        digest.update(path.read_bytes())
    cached = CACHE / f"blocks-{rendering.replace('/', '-')}-{digest.hexdigest()[:12]}.npz"
    if cached.exists():
        z = np.load(cached)
        return Matrix(z["X"], z["y"], z["words"], z["page"], json.loads(str(z["names"])))
    options = replace(Options(), input_kind=RENDERINGS[rendering])
    rows, labels, sizes, owners, names = [], [], [], [], {}
    for i, page in enumerate(pages):
        truth = words(page.truth)
        counts = Counter(truth)
        heads = {tuple(truth[j:j + n]) for n in range(1, HEAD + 1) for j in range(len(truth))}
        try:
            blocks = measured(read_input(dataset, rendering, page.id) or b"", page.url, options)
        except CleanerError:  # no text: nothing to learn from (clean() raises too)
            continue
        for b in blocks:
            assert b.features is not None
            row = np.zeros(len(FIELDS), np.int8)
            row[0] = 1
            for name, index in evidence(b.features, PROBE):
                assert index == int(index), f"{name}: evidence must be a weight as it is, not {index}"
                row[int(index)] = 1
                names[FIELDS[int(index)]] = name
            tokens = words(b.text)
            rows.append(row)
            labels.append(bool(tokens) and belongs(tokens, counts, heads))
            sizes.append(len(tokens))
            owners.append(i)
    m = Matrix(np.array(rows), np.array(labels), np.array(sizes), np.array(owners), names)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(cached, X=m.X, y=m.y, words=m.words, page=m.page, names=json.dumps(names))
    return m


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> dict[str, float]:
    """Weighted logistic regression, L2 penalty on all but the bias, by Newton's method.
    Fields that never fire in X get no fitted value: they keep their hand-set weight."""
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


def blends(fitted: dict[str, float], X: np.ndarray, w: np.ndarray) -> dict[str, dict[str, float]]:
    """The fit and two blends with the hand-set weights. `scaled`: the fit, bias too, times
    the factor that gives the blocks' log-odds the hand-set weights' mean size (the same
    verdicts at 0.5, but as sure as the context passes' thresholds were set for).
    `halfway`: the mean of the fit and the hand-set weights."""
    def size(weights: dict[str, float]) -> float:
        return float(np.abs(X @ np.array([weights.get(f, getattr(HAND, f)) for f in FIELDS])) @ w / w.sum())
    factor = size({}) / size(fitted)
    return {"fitted": fitted, "scaled": {f: v * factor for f, v in fitted.items()},
            "halfway": {f: (v + getattr(HAND, f)) / 2 for f, v in fitted.items()}}


def options_with(weights: dict[str, float], input_kind: str) -> Options:
    return replace(Options(), input_kind=input_kind, weights=replace(HAND, **weights))


def end_to_end(dataset: Path, rendering: str, pages: list[Page], options: Options,
               words: Words, prf: Prf) -> np.ndarray:
    """Word precision, recall and F1 of the full clean() per page (one it refuses is empty)."""
    out = []
    for page in pages:
        try:
            text = clean(read_input(dataset, rendering, page.id) or b"", url=page.url, options=options).text
        except CleanerError:
            text = ""
        out.append(prf(Counter(words(text)), Counter(words(page.truth))))
    return np.array(out)


def interval(delta: np.ndarray, domains: list[str]) -> float:
    """Half-width of the 95% interval of a mean difference over pages, a domain's pages
    drawn together (cluster-robust: one site's pages tend to win or lose together)."""
    _, group = np.unique(domains, return_inverse=True)
    return 1.96 * float(np.sqrt((np.bincount(group, delta - delta.mean()) ** 2).sum())) / len(delta)


def report(rendering: str, pages: list[Page], fold: np.ndarray, scores: dict[str, np.ndarray]) -> None:
    """Mean word F1 per fold, overall and per page type, the variants side by side; then
    each variant's difference to the default."""
    variants = list(scores)
    print(f"\n{rendering}: held-out word F1, {len(pages)} pages")
    print(f"{'':15}{'pages':>6}" + "".join(f"{v:>9}" for v in variants))
    types = np.array([p.page_type for p in pages])
    subsets = [(f"fold {k + 1}", fold == k) for k in range(FOLDS)] + [("all", fold >= 0)]
    for name, chosen in subsets + [(t, types == t) for t in PAGE_TYPES]:
        print(f"{name:15}{chosen.sum():>6}" + "".join(f"{scores[v][chosen, 2].mean():9.3f}" for v in variants))
    base = scores[variants[0]]
    for v in variants[1:]:
        delta = scores[v][:, 2] - base[:, 2]
        print(f"{v} - {variants[0]}: {delta.mean():+.4f} ± {interval(delta, [p.domain for p in pages]):.4f} "
              f"(95%, by domain); P {scores[v][:, 0].mean():.3f} R {scores[v][:, 1].mean():.3f} "
              f"(default P {base[:, 0].mean():.3f} R {base[:, 1].mean():.3f}); "
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
                        help="also clean the text/bs4 and text/htmltext renderings with the same weights "
                             "(one rules file serves every input)")
    parser.add_argument("--pool", action="store_true", help="fit on the text renderings' blocks too (implies --text)")
    parser.add_argument("--every", type=int, default=1, help="only every N-th page, by sorted id (default 1: all)")
    parser.add_argument("--l2", type=float, default=L2,
                        help=f"L2 penalty, in pages: each page's blocks weigh 1 in all (default {L2})")
    parser.add_argument("--write", choices=("fitted", "scaled", "halfway"), default="fitted",
                        help="which fit on all pages goes to --out (default fitted)")
    parser.add_argument("--out", type=Path, default=CACHE / "fitted-weights.toml",
                        help=f"rules file to write (default {CACHE / 'fitted-weights.toml'})")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    data = (args.data or Path(os.environ.get("PAGECLEANER_BENCH") or DEFAULT_DATA)).resolve()
    if not (data / "score.py").is_file() or not (data / DATASET / "ground-truth").is_dir():
        sys.exit(f"bench.fit: no score.py and {DATASET}/ in {data} (set --data or PAGECLEANER_BENCH)")
    sys.path.insert(0, str(data))
    from score import prf, words  # the benchmark's own tokens and F1

    dataset = data / DATASET
    evaluated = list(RENDERINGS) if args.text or args.pool else ["html"]
    fitted_on = evaluated if args.pool else ["html"]
    pages = load_pages(dataset, args.every)
    fold = folds(pages)
    started = time.perf_counter()
    matrices = [extract(dataset, r, pages, words) for r in fitted_on]
    X = np.concatenate([m.X for m in matrices])
    y = np.concatenate([m.y for m in matrices]).astype(float)
    w = np.concatenate([m.weights() for m in matrices])
    block_fold = np.concatenate([fold[m.page] for m in matrices])
    print(f"[fit] evidence of {len(pages)} pages ({', '.join(fitted_on)}): {len(y)} blocks, "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)

    per_fold, seconds = [], []
    for k in range(FOLDS):
        train = block_fold != k
        t0 = time.perf_counter()
        per_fold.append(blends(fit(X[train], y[train], w[train], args.l2), X[train], w[train]))
        seconds.append(time.perf_counter() - t0)

    summary = []
    for rendering in evaluated:
        kind = RENDERINGS[rendering]
        scores = {"default": end_to_end(dataset, rendering, pages, options_with({}, kind), words, prf)}
        for variant in per_fold[0]:
            scores[variant] = np.zeros((len(pages), 3))
            for k in range(FOLDS):
                held = np.flatnonzero(fold == k)
                options = options_with(per_fold[k][variant], kind)
                scores[variant][held] = end_to_end(dataset, rendering, [pages[i] for i in held], options, words, prf)
            print(f"[fit] {rendering}: {variant} cleaned ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        report(rendering, pages, fold, scores)
        summary.append(f"{rendering}: " + ", ".join(f"{v} {s[:, 2].mean():.3f}" for v, s in scores.items()))

    t0 = time.perf_counter()
    final = blends(fit(X, y, w, args.l2), X, w)
    print(f"\nfitting: {np.mean(seconds):.2f} s a fold, {time.perf_counter() - t0:.2f} s on all "
          f"{len(y)} blocks (l2 = {args.l2}); weights in log-odds, the range is the {FOLDS} folds' fits")
    names = {f: n for m in matrices for f, n in m.names.items()}
    print(f"{'field':22}{'evidence':22}{'hand-set':>9}{'fitted':>9}{'scaled':>9}{'halfway':>9}   folds")
    for field in FIELDS:
        if field in final["fitted"]:
            spread = [f["fitted"][field] for f in per_fold if field in f["fitted"]]
            print(f"{field:22}{names.get(field, '(always)'):22}{getattr(HAND, field):9.2f}"
                  + "".join(f"{final[v][field]:9.2f}" for v in ("fitted", "scaled", "halfway"))
                  + f"   {min(spread):.2f} to {max(spread):.2f}")
    print(f"never fired, hand-set weight kept: {', '.join(f for f in FIELDS if f not in final['fitted'])}")

    note = (f"Evidence weights fitted by bench/fit.py (--write {args.write}) on {len(pages)} pages of {DATASET} "
            f"({', '.join(fitted_on)}), l2 = {args.l2}.\nHeld-out word F1 (5 folds by domain): "
            + ";\n  ".join(summary) + f".\nUse: pagecleaner --rules {args.out.name} page.html")
    write_rules(args.out, final[args.write], note)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
