"""Fuzz the cleaner: mutated pages, for as long as you like, looking for anything the
library should not do.

    python -m bench.fuzz [--seconds 600] [--seed N] [--crashes DIR]

Seeds are the project's fixtures and a few generated pages; each round takes one, mutates
it (flipped and inserted bytes, stray tags and entities, cuts and splices, byte order
marks, deep nesting, gzip) and cleans it as auto, HTML and text. A finding is any of:
an exception that is not a CleanerError, an output that cannot be written as UTF-8,
JSON that does not parse, or two runs on the same bytes that differ. Each finding is
saved with its traceback under --crashes, and the run exits 1 if there was any.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
import time
import traceback
from pathlib import Path

from cleaner import CleanerError, Options, clean
from cleaner.writers import WRITERS, to_dict

REPO = Path(__file__).resolve().parent.parent
SNIPPETS = [
    b"<p>", b"</p>", b"<div class='nav'>", b"</div>", b"<script>", b"</script>", b"<style>", b"<!--", b"-->",
    b"<table><tr><td>", b"<pre>", b"<br>", b"<a href='file:///etc/passwd'>", b"</a>", b"<textarea>",
    b"<![CDATA[", b"]]>", b"<?xml version='1.0' encoding='utf-16'?>", b"<meta charset='shift_jis'>",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", b"&e;", b"&#xD800;", b"&#x110000;", b"&#0;",
    b"&amp;", b"&nbsp;", b"\x00", b"\x1b[2J", b"\r", b"\r\n", b"\xff", b"\xc3", b"\xe2\x80", b"\xef\xbb\xbf",
    "Москва — столица. 東京の天気。 שלום עולם.".encode(), b"Sign in", b"Advertisement", b"\n" * 5,
    # Markdown: links, images, emphasis, tables, fences, setext lines, escapes, a wrapped column.
    b"[Home](https://x.example/) ", b"![a](b.png)", b"[![a](b.png)](https://x.example/)", b"](", b"[", b"**", b"_",
    b"\n| a | b |\n|---|---|\n", b"\n```\n", b"\n====\n", b"\n# ", b"\n  * ", b"\\*", b"<https://x.example/>",
    b"\n" + (b"wrapped words " * 5 + b"\n") * 30,
    b"[12]", b"\nReferences\n\n   1. https://x.example/\n", b"\n     o ", b"(BUTTON)", b"[ ]", b"\n  \xe2\x98\x86 ",
]
OPTIONS = [Options(), Options(input_kind="html"), Options(input_kind="text"), Options(input_kind="markdown")]


def seeds() -> list[bytes]:
    found = [p.read_bytes() for p in sorted((REPO / "fixtures").iterdir())
             if p.suffix in (".html", ".txt") and not p.name.startswith(".")]
    prose = "The council voted on Tuesday to restore the ferry service to the island. "
    found.append(f"<html><body><nav>Home News</nav><article><h1>Ferry</h1><p>{prose * 5}</p></article></body></html>".encode())
    found.append(("Home\nNews\nSign in\n" + prose * 3 + "\nShare this article\n").encode())
    # Feeds (cleaner/feeds.py): RSS with escaped and CDATA markup, and Atom with xhtml content.
    found.append((f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                  f"<channel><title>Valley</title><item><title>Ferry</title><description>&lt;p&gt;{prose}&lt;/p&gt;"
                  f"</description><content:encoded><![CDATA[<p>{prose * 2}</p>]]></content:encoded></item></channel></rss>"
                  ).encode())
    found.append((f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Quay</title><entry><title type="html">A &amp;amp; B'
                  f'</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{prose}</p></div></content>'
                  f"</entry></feed>").encode())
    # A page saved by a browser as one MIME file (.mhtml), in quoted-printable.
    found.append(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
                 b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                 + f"<html><body><article><p>{prose * 3}</p></article></body></html>".encode().replace(b"=", b"=3D")
                 + b"\r\n--B--\r\n")
    # Thai, which has no spaces between words (features.py counts its letters).
    found.append(("หน้าแรก\nข่าว\n\n" + "สภาเมืองอนุมัติแผนการจราจรใหม่สำหรับเขตเมืองเก่าเมื่อคืนนี้ และแผนนี้จะมีผลบังคับใช้ " * 3).encode())
    # A text browser's dump (cleaner/dumps.py): numbered links, depth bullets, form
    # controls, and the list of the links' addresses at the end.
    found.append(("     * [1]Home\n          + [2]News\n               o [3]Sport\n   (BUTTON) [4]Sign in [ ]\n\n   "
                  + prose * 3 + "[5]Read more\n\nReferences\n\n" + "".join(f"  {n}. https://x.example/{n}\n" for n in range(1, 6))
                  + "\n   Hidden links:\n  6. file:///a b\n").encode())
    return found


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to eight random edits of the bytes."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        where = rng.randint(0, len(out))
        kind = rng.randrange(9)
        if kind == 0 and out:  # flip bytes
            for _ in range(rng.randint(1, 16)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif kind == 1:  # insert a snippet
            out[where:where] = rng.choice(SNIPPETS)
        elif kind == 2:  # cut a stretch
            out[where:where + rng.randint(1, 2000)] = b""
        elif kind == 3 and out:  # repeat a stretch
            start = rng.randrange(len(out))
            out[where:where] = out[start:start + rng.randint(1, 500)] * rng.randint(1, 50)
        elif kind == 4:  # deep nesting
            depth = rng.choice([10, 300, 5000])
            out[where:where] = b"<div>" * depth + b"deep text" + b"</div>" * rng.randint(0, depth)
        elif kind == 5:  # random bytes
            out[where:where] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif kind == 6:  # truncate
            del out[where:]
        elif kind == 7:  # re-encode what decodes as text
            text = bytes(out).decode("utf-8", errors="replace")
            out = bytearray(text.encode(rng.choice(["utf-16", "utf-16-be", "cp1252", "shift_jis", "gb18030"]),
                                        errors="replace"))
        elif rng.random() < 0.2:  # now and then a long line
            out[where:where] = b"word " * rng.randint(1000, 100_000)
    if rng.random() < 0.05:
        return gzip.compress(bytes(out))
    return bytes(out)


def check(data: bytes, twice: bool = True) -> str | None:
    """What went wrong with these bytes, or None (`twice`: also clean them a second time
    and compare)."""
    for options in OPTIONS:
        try:
            doc = clean(data, options=options)
        except CleanerError:
            continue
        except Exception:  # noqa: BLE001 (anything else is what we are looking for)
            return traceback.format_exc()
        for name, writer in WRITERS.items():
            out = io.StringIO()
            writer(doc, out, True)
            try:
                out.getvalue().encode("utf-8")
                if name == "json":
                    json.loads(out.getvalue())
            except ValueError as exc:
                return f"{name} output: {exc!r}"
        if twice and to_dict(clean(data, options=options)) != to_dict(doc):
            return "two runs on the same bytes differ"
    return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600, help="how long to run (default 600)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"), help="where findings go")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    rng, pool = random.Random(seed), seeds()
    started, rounds, findings = time.monotonic(), 0, 0
    while time.monotonic() - started < args.seconds:
        data = mutate(rng.choice(pool), rng)
        problem = check(data, twice=rounds % 10 == 0)
        rounds += 1
        if problem:
            findings += 1
            args.crashes.mkdir(parents=True, exist_ok=True)
            stem = args.crashes / f"finding-{seed}-{rounds}"
            stem.with_suffix(".bin").write_bytes(data)
            stem.with_suffix(".txt").write_text(problem, encoding="utf-8")
            print(f"finding {findings}: {stem}.bin: {problem.strip().splitlines()[-1]}", file=sys.stderr)
        elif rng.random() < 0.02 and len(data) < 200_000:
            pool.append(data)  # an input that passed becomes a seed for further mutation
        if rounds % 200 == 0:
            print(f"{rounds} inputs, {findings} findings, {time.monotonic() - started:.0f} s", file=sys.stderr)
    print(f"seed {seed}: {rounds} inputs in {time.monotonic() - started:.0f} s, {findings} findings")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
