"""Corpora through the real command: JSONL and WARC in, records out, workers, resume,
rejects, a failing document mid-batch, site boilerplate and the Dask engine."""
from __future__ import annotations

import gzip
import json
import re
import uuid
import zlib

import pytest
from click.testing import CliRunner

from cleaner.cli import main

from conftest import FIXTURES

SUMMARY = re.compile(r"(\d+) documents?: (\d+) cleaned, (\d+) empty, (\d+) failed in \S+ s \(\S+ docs/s\)(.*)")
MENU = "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
PROMO = ("Our journalism is made possible by readers like you, and every subscription helps us "
         "send reporters to the places where the news is happening today.")
FOOTER = "<footer>Copyright 2025 The Harbour Gazette. All rights reserved.</footer>"


def _article(n: int, promo: bool = False) -> str:
    body = (f"Story {n}: the harbour board met on day {n} and agreed a plan for the ferries, the quay and "
            f"the fish market, which had been closed since the storm of the winter before.")
    more = f"Residents of ward {n} said they were glad of the news and would hold the board to its word."
    extra = f"<p>{PROMO}</p>" if promo else ""
    return (f"<html><head><title>Story {n}</title></head><body>{MENU}<article><h1>Story {n}</h1>"
            f"<p>{body}</p>{extra}<p>{more}</p></article>{FOOTER}</body></html>")


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["clean", *args], input=input)


@pytest.fixture
def dump(tmp_path):
    """A JSONL dump of 30 pages with extra fields, a line that is not JSON in the middle,
    and a record without the page."""
    lines = [json.dumps({"id": f"doc-{n}", "url": f"https://news.example/{n}", "html": _article(n),
                         "crawl": {"batch": 7}, "lang_hint": "en"}) for n in range(30)]
    lines.insert(12, "{not json")
    lines.insert(20, json.dumps({"id": "doc-empty", "url": "https://news.example/x", "other": 1}))
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_in_and_out_with_pass_through_fields_and_failures(dump, tmp_path):
    result = _run(str(dump), "-f", "jsonl", "--workers", "1", "--rejects", str(tmp_path / "rejects.jsonl"))
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 32
    first = records[0]
    assert first["id"] == "doc-0" and first["url"] == "https://news.example/0" and first["title"] == "Story 0"
    assert "harbour board met on day 0" in first["text"] and first["markdown"].startswith("Story 0: the harbour")
    assert first["crawl"] == {"batch": 7} and first["lang_hint"] == "en" and "html" not in first
    assert first["lines"] == {"content": 3, "navigation": 2, "ads": 0}  # menu and footer; title and two paragraphs
    assert records[12] == {"id": f"{dump}:13", "url": None, "error": "line 13 is not JSON (Expecting property name enclosed in double quotes)"}
    assert records[20]["error"].startswith("no html or text or content or raw_content or markdown field")
    assert SUMMARY.fullmatch(result.stderr.splitlines()[-1]).groups()[:4] == ("32", "30", "0", "2")
    assert [json.loads(line)["id"] for line in (tmp_path / "rejects.jsonl").read_text().splitlines()] == [
        f"{dump}:13", "doc-empty"]


def test_json_nested_too_deep_fails_one_record_or_none(tmp_path):
    # Python's JSON parser recurses: a record of arrays 100,000 deep stopped the whole run
    # with a traceback, and a page's JSON-LD nested so lost the page.
    deep = "[" * 100_000 + "]" * 100_000
    ld = '<script type="application/ld+json">{"author":' + deep + "}</script>"
    lines = [json.dumps({"id": "a", "html": _article(1)}), '{"id": "b", "x": ' + deep + "}",
             json.dumps({"id": "c", "html": _article(2).replace("<head>", "<head>" + ld)})]
    dump = tmp_path / "deep.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run(str(dump), "-f", "jsonl", "--workers", "1")
    assert result.exit_code == 1 and "Traceback" not in result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a", f"{dump}:2", "c"]
    assert records[1]["error"] == "line 2 is JSON nested too deep to read"
    assert "harbour board met on day 2" in records[2]["text"] and records[2]["title"] == "Story 2"


def test_half_a_character_escaped_in_a_record_is_a_replacement_character(tmp_path):
    # JSON may escape half a UTF-16 pair alone; Python reads it into a string that cannot
    # be written as UTF-8, and writing the record's id or a passed-through field raised.
    line = ('{"id": "doc-\\ud800", "url": "https://news.example/\\udc00", "note": ["\\ud83d", "\\ud83d\\ude00"], '
            f'"html": {json.dumps(_article(1))}}}')
    dump = tmp_path / "halves.jsonl"
    dump.write_text(line + "\n", encoding="utf-8")
    result = _run(str(dump), "-f", "jsonl", "--workers", "1")
    assert result.exit_code == 0 and "Traceback" not in result.output
    record = json.loads(result.stdout)
    assert (record["id"], record["url"], record["note"]) == ("doc-\ufffd", "https://news.example/\ufffd", ["\ufffd", "\U0001f600"])
    assert "harbour board met on day 1" in record["text"]


def test_a_json_document_of_records_as_scrapy_writes_it(tmp_path):
    # `scrapy crawl -o items.json`: an array, an item a line; a pretty-printed single record;
    # the same array piped in, with a byte order mark.
    items = [{"id": f"item-{n}", "url": f"https://news.example/{n}", "html": _article(n)} for n in range(3)]
    array = "[\n" + ",\n".join(json.dumps(item) for item in items) + "\n]\n"
    (tmp_path / "items.json").write_text(array, encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(items[1], indent=2), encoding="utf-8")
    (tmp_path / "bad.json").write_text('[{"id": "x", "html": 1}, "text"]', encoding="utf-8")
    result = _run(str(tmp_path / "items.json"), str(tmp_path / "one.json"), "-f", "jsonl", "--workers", "1")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["item-0", "item-1", "item-2", "item-1"]
    assert all(f"harbour board met on day {n}" in r["text"] for n, r in zip([0, 1, 2, 1], records))
    assert records[3]["title"] == "Story 1" and records[3]["url"] == "https://news.example/1"
    piped = _run("-f", "jsonl", "--workers", "1", input="\ufeff\n\n" + array)  # blank lines before it too
    assert [json.loads(line)["id"] for line in piped.stdout.splitlines()] == ["item-0", "item-1", "item-2"]
    bad = _run(str(tmp_path / "bad.json"), "-f", "jsonl", "--workers", "1")
    assert bad.exit_code == 1 and "Traceback" not in bad.output
    errors = [json.loads(line)["error"] for line in bad.stdout.splitlines()]
    assert errors[0].startswith("no html or text") and errors[1] == "record 2 is not a JSON object"


def test_gzipped_jsonl_output_without_markdown_and_the_same_with_workers(dump, tmp_path):
    one, two = tmp_path / "one.jsonl.gz", tmp_path / "two.jsonl.gz"
    assert _run(str(dump), "-f", "jsonl", "-o", str(one), "--no-markdown", "--workers", "1").exit_code == 1
    assert _run(str(dump), "-f", "jsonl", "-o", str(two), "--no-markdown", "--workers", "2").exit_code == 1
    first, second = gzip.decompress(one.read_bytes()), gzip.decompress(two.read_bytes())
    assert first == second and b'"markdown"' not in first and first.count(b"\n") == 32


def test_folder_output_named_from_ids_and_resume(dump, tmp_path):
    out = tmp_path / "out"
    first = _run(str(dump), "-o", str(out), "--workers", "2")
    assert first.exit_code == 1
    files = sorted(p.name for p in (out / "dump").iterdir())
    assert len(files) == 30 and "doc-7.md" in files
    (out / "dump" / "doc-7.md").unlink()
    again = _run(str(dump), "-o", str(out), "--resume", "--workers", "1")
    summary = SUMMARY.fullmatch(again.stderr.splitlines()[-1])
    assert summary.groups()[:4] == ("3", "1", "0", "2") and "29 already done" in summary.group(5)
    assert (out / "dump" / "doc-7.md").exists()


def test_resume_a_jsonl_output(dump, tmp_path):
    out = tmp_path / "clean.jsonl"
    _run(str(dump), "-f", "jsonl", "-o", str(out), "--workers", "1")
    kept = out.read_text(encoding="utf-8").splitlines()[:10]
    out.write_text("\n".join(kept) + "\n", encoding="utf-8")  # as if stopped after ten
    _run(str(dump), "-f", "jsonl", "-o", str(out), "--resume", "--workers", "1")
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 32


def test_resume_after_a_run_stopped_mid_line(dump, tmp_path):
    # Killed while writing: the last line is cut short. A byte that is not UTF-8 is in
    # the file too. What --resume appends must not be glued to the cut line.
    out = tmp_path / "clean.jsonl"
    _run(str(dump), "-f", "jsonl", "-o", str(out), "--workers", "1")
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:10]) + b"\xff\xfe\n" + lines[10][:25])
    result = _run(str(dump), "-f", "jsonl", "-o", str(out), "--resume", "--workers", "1")
    assert result.exit_code == 1 and "Traceback" not in result.output  # the dump's two bad records fail
    records = [json.loads(line) for line in out.read_text(encoding="utf-8", errors="replace").splitlines()
               if line != "\ufffd\ufffd"]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == 32


def test_resume_after_a_run_stopped_mid_gzip_stream(dump, tmp_path):
    out = tmp_path / "clean.jsonl.gz"
    _run(str(dump), "-f", "jsonl", "-o", str(out), "--workers", "1")
    data = out.read_bytes()
    out.write_bytes(data[:len(data) // 2])  # no gzip end: readers stop at the break
    result = _run(str(dump), "-f", "jsonl", "-o", str(out), "--resume", "--workers", "1")
    assert "Traceback" not in result.output
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        ids = [json.loads(line)["id"] for line in handle]
    assert len(ids) == len(set(ids)) == 32


def test_records_sharing_an_id_each_get_a_file(tmp_path):
    # A dump with one id twice (the same URL crawled twice): the second must not overwrite
    # the first's file. Numbered names follow input order, so --resume finds them again.
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": ident, "html": _article(n)}) + "\n"
                            for n, ident in enumerate(["same", "other", "same", "same"])), encoding="utf-8")
    out = tmp_path / "out"
    first = _run(str(dump), "-o", str(out), "--workers", "1")
    assert first.exit_code == 0, first.output
    files = sorted(p.name for p in (out / "dump").iterdir())
    assert files == ["other.md", "same.md", "same~2.md", "same~3.md"]
    assert [(out / "dump" / name).read_text(encoding="utf-8").splitlines()[0] for name in files] == [
        "# Story 1", "# Story 0", "# Story 2", "# Story 3"]
    again = _run(str(dump), "-o", str(out), "--resume", "--workers", "1")
    assert "4 already done" in again.stderr


def _warc_record(kind: str, uri: str, payload: bytes, ctype: str = "application/http; msgtype=response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + uri)}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def _http(ctype: str, body: bytes) -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


@pytest.mark.parametrize("compressed", [False, True])
def test_warc_responses_with_their_charset_ids_and_urls(tmp_path, compressed):
    russian = "<html><body><article><p>Москва - столица России, и это очень большой город с долгой историей.</p></article></body></html>"
    records = [
        _warc_record("warcinfo", "", b"software: test\r\n", "application/warc-fields"),
        _warc_record("request", "https://ru.example/1", b"GET /1 HTTP/1.1\r\nHost: ru.example\r\n\r\n",
                     "application/http; msgtype=request"),
        _warc_record("response", "https://ru.example/1", _http("text/html; charset=windows-1251", russian.encode("cp1251"))),
        _warc_record("response", "https://ru.example/logo.png", _http("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)),
        _warc_record("response", "https://news.example/2", _http("text/html", _article(2).encode())),
    ]
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if compressed else b"".join(records))
    result = _run(str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["url"] for d in docs] == ["https://ru.example/1", "https://news.example/2"]
    assert docs[0]["id"] == f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'responsehttps://ru.example/1')}>"
    assert "Москва - столица России" in docs[0]["text"] and "Story 2" == docs[1]["title"]
    assert result.stderr.splitlines()[-1].endswith("1 archive records skipped (not HTML or text)")


def _chunks(body: bytes, size: int = 40) -> bytes:
    return b"".join(b"%x\r\n" % len(body[i:i + size]) + body[i:i + size] + b"\r\n"
                    for i in range(0, len(body), size)) + b"0\r\n\r\n"


@pytest.mark.parametrize("encoding", ["chunked", "gzip-chunked", "already-joined"])
def test_warc_bodies_kept_in_chunks_are_joined(tmp_path, encoding):
    # Crawlers that keep the server's bytes leave a chunked body in chunks (gzipped under
    # them, too); Common Crawl joins them and keeps the header.
    page = _article(3).encode()
    body = {"chunked": _chunks(page), "gzip-chunked": _chunks(gzip.compress(page)), "already-joined": page}[encoding]
    extra = "Content-Encoding: gzip\r\n" if encoding == "gzip-chunked" else ""
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{extra}Transfer-Encoding: chunked\r\n\r\n").encode()
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_record("response", "https://news.example/3", http + body))
    result = _run(str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    plain = tmp_path / "page.html"
    plain.write_bytes(page)
    doc, expected = json.loads(result.stdout), json.loads(_run(str(plain), "-f", "jsonl").stdout)
    assert doc["title"] == "Story 3" and doc["text"] == expected["text"]


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "bare-deflate"])
def test_warc_bodies_sent_deflated_are_inflated(tmp_path, wbits):
    page = _article(4).encode()
    packer = zlib.compressobj(wbits=wbits)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n\r\n"
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_record("response", "https://news.example/4", http + packer.compress(page) + packer.flush()))
    result = _run(str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Story 4"


def test_warc_body_in_an_unknown_compression_is_a_one_line_error(tmp_path):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n"
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_record("response", "https://news.example/5", http + bytes(range(256)))
                     + _warc_record("response", "https://news.example/6", _http("text/html", _article(6).encode())))
    result = _run(str(path), "-f", "jsonl")
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert docs[0]["error"] == "body compressed as 'br', which cannot be read here" and docs[1]["title"] == "Story 6"
    assert "Traceback" not in result.output


def test_glob_and_files_from(tmp_path):
    (tmp_path / "site").mkdir()
    for n in range(3):
        (tmp_path / "site" / f"p{n}.html").write_text(_article(n))
    (tmp_path / "site" / "notes.txt").write_text("Not a page to clean here.")
    by_glob = _run(str(tmp_path / "site"), "--glob", "*.html", "-f", "jsonl")
    assert [json.loads(line)["title"] for line in by_glob.stdout.splitlines()] == ["Story 0", "Story 1", "Story 2"]
    listing = f"{tmp_path / 'site' / 'p2.html'}\n{tmp_path / 'site' / 'p0.html'}\n"
    from_list = _run("--files-from", "-", "-f", "jsonl", input=listing)
    assert [json.loads(line)["title"] for line in from_list.stdout.splitlines()] == ["Story 2", "Story 0"]


def test_site_boilerplate_drops_what_a_site_repeats(tmp_path):
    (tmp_path / "site").mkdir()
    for n in range(6):
        (tmp_path / "site" / f"story{n}.html").write_text(_article(n, promo=True))
    alone = _run(str(tmp_path / "site"), "-f", "jsonl", "--workers", "1")
    assert all(PROMO in json.loads(line)["text"] for line in alone.stdout.splitlines())  # one page cannot tell
    together = _run(str(tmp_path / "site"), "-f", "jsonl", "--workers", "1", "--site-boilerplate")
    texts = [json.loads(line)["text"] for line in together.stdout.splitlines()]
    assert len(texts) == 6 and not any(PROMO in t for t in texts)
    assert all(f"harbour board met on day {n}" in t for n, t in enumerate(texts))
    explained = CliRunner().invoke(main, ["explain", str(tmp_path / "site"), "--site-boilerplate", "--width", "200"])
    assert any("site_boilerplate" in line and PROMO[:40] in line for line in explained.stdout.splitlines())


def test_a_single_jsonl_page_file_and_stdin(tmp_path):
    result = _run("--input-format", "jsonl", "-f", "jsonl",
                  input=json.dumps({"id": "a", "text": "Home\nShare\n" + PROMO + "\n"}) + "\n")
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "a"


def test_dask_engine_gives_the_same_output_as_one_process(tmp_path):
    pytest.importorskip("distributed")
    lines = [json.dumps({"id": f"d{n}", "url": f"https://news.example/{n}", "html": _article(n)}) for n in range(300)]
    lines.insert(150, "not json")
    dump = tmp_path / "big.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = _run(str(dump), "-f", "jsonl", "--workers", "1")
    dask = _run(str(dump), "-f", "jsonl", "--engine", "dask", "--workers", "2")
    assert dask.exit_code == local.exit_code == 1, dask.output
    assert dask.stdout == local.stdout and dask.stdout.count("\n") == 301


def test_clean_records_is_the_building_block_for_a_dask_pipeline():
    from cleaner.dask_engine import clean_records

    records = [{"id": "a", "url": "https://news.example/a", "html": _article(1), "keep": True}, {"id": "b"}]
    out = clean_records(records, field="html", markdown=False)
    assert out[0]["title"] == "Story 1" and out[0]["keep"] is True and "markdown" not in out[0]
    assert out[1] == {"id": "b", "url": None, "error": "no html field with a page in it"}
    db = pytest.importorskip("dask.bag")
    bag = db.from_sequence(records * 4, npartitions=2).map_partitions(clean_records, field="html")
    assert [r["id"] for r in bag.compute(scheduler="sync")] == ["a", "b"] * 4


def test_progress_line_with_an_eta_for_a_folder_of_pages(tmp_path):
    (tmp_path / "site").mkdir()
    for n in range(40):
        (tmp_path / "site" / f"p{n}.html").write_text(_article(n))
    result = _run(str(tmp_path / "site"), "-f", "jsonl", "--workers", "1", "--progress")
    assert result.exit_code == 0
    assert re.search(r"\r\d+ documents, [\d.]+ docs/s, 0 errors, ETA \d+ s", result.stderr), result.stderr[:300]


def test_a_crawlers_markdown_field_is_read_as_markdown(tmp_path):
    page = (FIXTURES / "news-en-markdown.txt").read_text(encoding="utf-8")
    dump = tmp_path / "crawl.jsonl"
    dump.write_text(json.dumps({"url": "https://harbourgazette.example/kelp", "markdown": page}) + "\n", encoding="utf-8")
    result = _run(str(dump), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["title"].startswith("Kelp forests") and record["url"] == "https://harbourgazette.example/kelp"
    assert "](" not in record["markdown"] and "North breakwater" in record["text"]


@pytest.mark.parametrize("cut", ["in the body", "in the HTTP head"])
def test_warc_record_cut_short_by_the_archive_end_is_a_failure_not_a_page(tmp_path, cut):
    whole = _warc_record("response", "https://news.example/7", _http("text/html", _article(7).encode()))
    last = _warc_record("response", "https://news.example/8", _http("text/html", _article(8).encode()))
    at = last.index(b"<html") + 200 if cut == "in the body" else last.index(b"Content-Type: text/html") + 8
    path = tmp_path / "cut.warc"
    path.write_bytes(whole + last[:at])
    result = _run(str(path), "-f", "jsonl")
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert docs[0]["title"] == "Story 7"
    assert docs[1]["url"] == "https://news.example/8" and "truncated?" in docs[1]["error"] and "text" not in docs[1]
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines()[-1].startswith("2 documents: 1 cleaned, 0 empty, 1 failed")


def test_warc_records_without_a_record_id_are_named_by_their_place(tmp_path):
    # A hand-made archive may leave out WARC-Record-ID: its records are named like JSONL
    # lines, "crawl.warc:2", in the output and in the one-line error, never "".
    records = [_warc_record("response", f"https://news.example/{n}", _http("text/html", _article(n).encode()))
               for n in (1, 2)]
    records = [re.sub(rb"WARC-Record-ID: [^\r]*\r\n", b"", r) for r in records]
    path = tmp_path / "crawl.warc"
    path.write_bytes(records[0] + records[1][:-100])
    result = _run(str(path), "-f", "jsonl")
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == [f"{path}:1", f"{path}:2"]
    assert f"Error: {path}:2: the archive ends inside this record" in result.stderr


@pytest.mark.parametrize("name", ["CC-MAIN-20260101-00000.warc.wet.gz", "crawl.warc.wet"])
def test_a_common_crawl_wet_file_is_an_archive_of_text_records(tmp_path, name):
    # WET files hold each page's extracted text in a `conversion` record: one document a
    # record, not the whole archive (headers and all) cleaned as one page of text.
    text = "\n".join(["Home", "News", "Sport", "Ferry returns to Gull Island",
                      "The council voted on Tuesday night to bring back the winter ferry between the two "
                      "harbours, three years after the service was cut to save money.",
                      "Councillors said the crossing would run twice a day from November, and that fares "
                      "would stay at last summer's prices until the spring.", "Privacy Policy"]).encode()
    records = [_warc_record("warcinfo", "", b"software: test\r\n", "application/warc-fields")] + [
        _warc_record("conversion", f"https://news.example/{n}", text, "text/plain") for n in (1, 2)]
    path = tmp_path / name
    data = b"".join(records)
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    result = _run(str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["url"] for d in docs] == ["https://news.example/1", "https://news.example/2"]
    assert all(d["title"] == "Ferry returns to Gull Island" and "WARC" not in d["text"]
               and d["text"].startswith("The council voted") for d in docs)


def _compress(data: bytes, suffix: str) -> bytes:
    if suffix == "zst":
        import zstandard
        return zstandard.ZstdCompressor().compress(data)
    import bz2, lzma
    return {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}[suffix](data)


@pytest.mark.parametrize("suffix", ["gz", "bz2", "xz", "zst"])
def test_jsonl_dumps_compressed_four_ways_are_read_and_a_corrupt_one_is_one_line(tmp_path, suffix):
    lines = "".join(json.dumps({"id": f"p{n}", "html": _article(n)}) + "\n" for n in (1, 2)).encode()
    good, bad = tmp_path / f"pages.jsonl.{suffix}", tmp_path / f"broken.jsonl.{suffix}"
    good.write_bytes(_compress(lines, suffix))
    bad.write_bytes(b"not a compressed stream at all, just bytes")
    result = _run(str(good), str(bad), "-f", "jsonl")
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d.get("title") for d in docs[:2]] == ["Story 1", "Story 2"]
    assert docs[2]["id"] == f"{bad}:end" and "cannot read on" in docs[2]["error"]
    assert result.exit_code == 1 and "Traceback" not in result.output
