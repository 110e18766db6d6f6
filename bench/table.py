"""Format a results record (see run.benchmark) as a plain-text or Markdown table."""
from __future__ import annotations

from typing import Optional

from .run import PAGE_TYPES

SHORT = {"article": "art", "forum": "forum", "product": "prod", "collection": "coll",
         "listing": "list", "documentation": "docs", "service": "serv"}


def _num(x: Optional[float], digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def _rate(x: Optional[float]) -> str:
    if x is None:
        return "-"
    return f"{x:.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def rows(results: dict, markdown: bool = False) -> list[list[str]]:
    """Header plus one row of cells per system."""
    rate = "docs/s (wall)" if results.get("timing") == "wall-clock" else "docs/s"
    types = PAGE_TYPES if markdown else [SHORT[t] for t in PAGE_TYPES]
    header = ["system", "input", "P", "R", "F1", *types, "with", "w/out", rate, "errors", "empty"]
    out = [header]
    for name, s in results["systems"].items():
        if s.get("status") != "ok":
            out.append([name, s["input"], s.get("status", "?"), *[""] * (len(header) - 3)])
            continue
        w, sn = s["word"], s["snippets"]
        out.append([name, s["input"], _num(w["precision"]), _num(w["recall"]), _num(w["f1"]),
                    *[_num(s["f1_by_page_type"].get(t)) for t in PAGE_TYPES],
                    _num(sn.get("with_found")), _num(sn.get("without_absent")),
                    _rate(s.get("docs_per_s")), str(s["errors"]), str(s["empty_where_truth_nonempty"])])
    return out


def notes(results: dict) -> list[str]:
    """Footnotes: what the columns mean, the data, and skipped or failing systems."""
    counts = ", ".join(f"{t} {n}" for t, n in results.get("pages_by_type", {}).items())
    timing = ("docs/s = pages / seconds inside the extraction calls (1 process)"
              if results.get("timing") != "wall-clock" else
              f"docs/s = wall-clock throughput with a pool of {results['jobs']} processes")
    lines = [
        f"{results['pages']} pages of {results['dataset']['split']} ({counts}); {results['date']}.",
        "P/R/F1 = word precision/recall/F1 (mean over pages); per-type columns = word F1; "
        "with = share of `with` snippets found, w/out = share of `without` snippets absent.",
        f"{timing}; errors = pages on which the system raised (scored as empty); "
        "empty = empty output where the ground truth has text.",
        f"Data: {results['dataset']['citation']}.",
    ]
    for name, s in results["systems"].items():
        if s.get("note"):
            lines.append(f"{name}: {s['note']}")
    return lines


def format_table(results: dict, markdown: bool = False) -> str:
    """The side-by-side table with its footnotes."""
    table = rows(results, markdown)
    if markdown:
        lines = ["| " + " | ".join(r) + " |" for r in table]
        lines.insert(1, "|" + "|".join(["---", "---"] + ["---:"] * (len(table[0]) - 2)) + "|")
        return "\n".join(lines + [""] + [f"- {n}" for n in notes(results)])
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    lines = ["  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
             for r in table]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines + [""] + notes(results))
