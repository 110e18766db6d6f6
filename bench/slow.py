"""Look for pages built to be slow: one unit (a tag, a comment, a digit, a mark...) repeated
at each of several places of a page, and pages made of one shape repeated (rows, cells,
list items, JSON-LD objects...).

    python -m bench.slow [--limit 2] [--jobs 2] [--places line,para] [--repeats 30,20000]

A unit repeated 30 times finds patterns whose time doubles with each repeat (a comment
that may run on into the next); 20,000 times, patterns quadratic in a line's length. Each
place runs in a child process (a regex cannot be interrupted); a finding is a page that
took more than --limit seconds a megabyte (a page under one counts as one), a place that
did not finish in --timeout, or a traceback. Exits 1 if there was any.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

PROSE = ("The council voted on Tuesday to extend the library's opening hours, after a year of "
         "petitions from parents and students.")
UNITS = ["<!--a-->", "<a>", "<a ", "</a>", " ", "\t", "\u00a0", "a", "A", "1", "a ", "1 ", "a b ", "a, ", "#", "# ",
         "*", "**", "_", "[", "]", "[a]", "](", "(", ")", "{", "}", "{.a}", ":", "::", "|", "| ", "-", "--", "—",
         ".", ". ", ",", "\\", "`", "~", "!", "![", "<", ">", "&", "&amp;", "=", '"', "'", "/", "http://", "@",
         "\n", "a\n", "a-", "a.", "a:", "1a", "-a", "_a", "#a", ".a", "·", "•", "»", "中", "ا", "<br>", "<p>",
         "\\[", "[[", "]{", "\r", "1,", "1.", "1-", "$1 "]
PREFIXES = ["", "#", "<", "[", "- ", "* ", "1. ", "> ", "|", ":::", "<!--", "http://", "By "]
# Where the unit goes: the page's start, its <title>, a paragraph, attributes, the head's
# metadata, a line of scraped text, a line of Markdown.
PLACES = {
    "start": lambda s: f"{s}\n{PROSE}\n",
    "html_start": lambda s: f"{s}<html><head><title>T</title></head><body><p>{PROSE}</p></body></html>",
    "title": lambda s: f"<html><head><title>{s}</title></head><body><p>{PROSE}</p></body></html>",
    "para": lambda s: f"<html><body><p>{PROSE}</p><p>{s}</p><div class='byline'>By {s}</div></body></html>",
    "attr": lambda s: f"<html><body><div id='{s}' class='{s}' role='tabpanel'><p>{PROSE}</p></div></body></html>",
    "meta": lambda s: (f"<html><head><meta name='author' content='{s}'><meta property='article:published_time' "
                       f"content='{s}'><meta property='og:site_name' content='{s}'></head><body><p>{PROSE}</p></body></html>"),
    "line": lambda s: f"{PROSE}\n\n{s}\n\nBy {s}\n\n{PROSE}\n",
    "md": lambda s: f"# Title\n\n[a](http://x.example/) [b](http://x.example/) [c](http://x.example/)\n\n{PROSE}\n\n{s}\n",
}
N = 50_000
SHAPES = {
    "rows": f"<table>{'<tr><td>a</td><td>b</td></tr>' * N}</table><p>{PROSE}</p>",
    "cells": f"<table><tr>{'<td>a b</td>' * N}</tr></table><p>{PROSE}</p>",
    "nested_tables": "<table><tr><td>" * 2000 + PROSE + "</td></tr></table>" * 2000,
    "pre_br": f"<pre>{'x<br>' * N}</pre><p>{PROSE}</p>",
    "cell_br_rows": f"<table>{'<tr><td>a<br>b</td><td>c</td></tr>' * N}</table><p>{PROSE}</p>",
    "cell_br": f"<table><tr><td>{'x<br>' * N}</td><td>{PROSE}</td></tr></table>",
    "list_items": f"<ul>{'<li>item</li>' * N}</ul><p>{PROSE}</p>",
    "links": f"<p>{'<a href=x>l</a> ' * N}</p><p>{PROSE}</p>",
    "headings": f"{'<h1>Title here</h1>' * N}<p>{PROSE}</p>",
    "bylines": f"{'<div class=author>By Jane Doe</div>' * N}<p>{PROSE}</p>",
    "hidden": f"{'<div hidden><p>x</p></div>' * N}<p>{PROSE}</p>",
    "attributes": f"<div {' '.join(f'a{i}={i}' for i in range(N))}><p>{PROSE}</p></div>",
    "json_ld": '<html><head><script type="application/ld+json">' + '{"a":' * 5000 + "1" + "}" * 5000
               + f"</script></head><body><p>{PROSE}</p></body></html>",
    "md_table": "| a | b |\n|---|---|\n" + "| x | y |\n" * N + f"\n{PROSE}\n",
    "md_items": "".join(f"- [item {i}](http://x.example/{i})\n" for i in range(N)) + f"\n{PROSE}\n",
    "text_bylines": "By Jane Doe\n" * N + f"{PROSE}\n",
    "wrapped_paragraph": f"{PROSE}\n\n" + ("word " * 15 + "\n") * N,
    "md_wrapped_paragraph": "[a](http://x.example/) " * 3 + "\n\n" + ("word " * 15 + "\n") * N,
    "feed": "<?xml version='1.0'?><rss><channel><title>t</title>"
            + "<item><title>x</title><description>&lt;p&gt;y&lt;/p&gt;</description></item>" * 20_000 + "</channel></rss>",
}


def pages(place: str, repeats: list[int]):
    """(what, page) for each prefix, unit and count at one place, or each shape."""
    if place == "shapes":
        yield from SHAPES.items()
        return
    for prefix in PREFIXES:
        for unit in UNITS:
            for n in repeats:
                yield f"{place}: {prefix!r} + {unit!r} * {n}", PLACES[place](prefix + unit * n + "x")


def probe(place: str, repeats: list[int], limit: float) -> None:
    """Clean every page of one place; print a JSON line for each slower than `limit`
    seconds a megabyte."""
    from cleaner import CleanerError, clean

    for what, page in pages(place, repeats):
        started = time.perf_counter()
        try:
            clean(page)
        except CleanerError:
            pass
        seconds = time.perf_counter() - started
        megabytes = len(page.encode()) / 2**20
        if seconds > limit * max(1.0, megabytes):
            print(json.dumps({"page": what, "seconds": round(seconds, 2), "MB": round(megabytes, 2)}), flush=True)


def run_place(place: str, args: argparse.Namespace) -> list[str]:
    command = [sys.executable, "-m", "bench.slow", "--child", place, "--limit", str(args.limit),
               "--repeats", ",".join(map(str, args.repeats))]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired as exc:
        found = (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        return [*found.splitlines(), json.dumps({"place": place, "timeout": args.timeout})]
    if done.returncode:
        return [*done.stdout.splitlines(), json.dumps({"place": place, "error": done.stderr.strip()[-500:]})]
    return done.stdout.splitlines()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.slow", description=__doc__.splitlines()[0])
    parser.add_argument("--places", default=",".join([*PLACES, "shapes"]), help="comma list (default: all)")
    parser.add_argument("--repeats", type=lambda s: [int(x) for x in s.split(",")], default=[30, 20_000])
    parser.add_argument("--limit", type=float, default=2.0, help="seconds a page may take a MB (default 2)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds a place may take (default 1800)")
    parser.add_argument("--jobs", type=int, default=2, help="places run at once (default 2)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        probe(args.child, args.repeats, args.limit)
        return
    places = args.places.split(",")
    unknown = [p for p in places if p not in PLACES and p != "shapes"]
    if unknown:
        parser.error(f"unknown places: {', '.join(unknown)} (known: {', '.join([*PLACES, 'shapes'])})")
    findings = 0
    with ThreadPoolExecutor(args.jobs) as pool:
        for place, lines in zip(places, pool.map(lambda p: run_place(p, args), places)):
            findings += len(lines)
            print(f"{place}: {len(lines)} finding(s)", *lines, sep="\n  " if lines else "", file=sys.stderr)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
