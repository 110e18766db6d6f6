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
    header = ["system", "input", "P", "R", "F1", *types, "with", "w/out", rate, "MB/s", "×traf", "errors", "empty"]
    reference = (results["systems"].get("trafilatura") or {}).get("docs_per_s")
    out = [header]
    for name, s in results["systems"].items():
        if s.get("status") != "ok":
            out.append([name, s["input"], s.get("status", "?"), *[""] * (len(header) - 3)])
            continue
        rate_cells = [_rate(s.get("docs_per_s")), _num(s.get("mb_per_s"), 1), _ratio(s.get("docs_per_s"), reference)]
        if s.get("scored") is False:  # a speed reference: nothing to score
            out.append([name, s["input"], *["-"] * (3 + len(PAGE_TYPES) + 2), *rate_cells, str(s["errors"]), "-"])
            continue
        w, sn = s["word"], s["snippets"]
        out.append([name, s["input"], _num(w["precision"]), _num(w["recall"]), _num(w["f1"]),
                    *[_num(s["f1_by_page_type"].get(t)) for t in PAGE_TYPES],
                    _num(sn.get("with_found")), _num(sn.get("without_absent")),
                    *rate_cells, str(s["errors"]), str(s["empty_where_truth_nonempty"])])
    return out


def _ratio(rate: Optional[float], reference: Optional[float]) -> str:
    return "-" if not rate or not reference else f"{rate / reference:.2f}"


def stage_lines(results: dict) -> list[str]:
    """pagecleaner's time per page in each stage, one line per input kind."""
    lines = []
    for name, s in results["systems"].items():
        stages = s.get("stage_ms_per_doc")
        if stages:
            total = sum(stages.values()) or 1.0
            parts = ", ".join(f"{stage} {ms:.2f} ({100 * ms / total:.0f}%)" for stage, ms in stages.items())
            lines.append(f"{name} ms/page by stage: {parts}")
    return lines


def notes(results: dict) -> list[str]:
    """Footnotes: what the columns mean, the data, and skipped or failing systems."""
    counts = ", ".join(f"{t} {n}" for t, n in results.get("pages_by_type", {}).items())
    side_by_side = results.get("timing", "").partition(", ")[2]  # "interleaved in 40 rounds"
    timing = (f"docs/s = pages / seconds inside the extraction calls (1 process"
              f"{', the systems ' + side_by_side if side_by_side else ''})"
              if results.get("timing") != "wall-clock" else
              f"docs/s = wall-clock throughput with a pool of {results['jobs']} processes")
    lines = [
        f"{results['pages']} pages of {results['dataset']['split']} ({counts}); {results['date']}.",
        "P/R/F1 = word precision/recall/F1 (mean over pages); per-type columns = word F1; "
        "with = share of `with` snippets found, w/out = share of `without` snippets absent.",
        f"{timing}; MB/s = input megabytes per second; ×traf = docs/s over trafilatura's in this run; "
        "errors = pages on which the system raised (scored as empty); "
        "empty = empty output where the ground truth has text.",
        f"Data: {results['dataset']['citation']}.",
    ]
    lines += stage_lines(results)
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
