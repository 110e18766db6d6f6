"""Documents in bulk: pages from files, folders, globs and lists of paths, records of JSONL
dumps and WARC archives, one `Item` each, read lazily so any input streams in constant
memory (batch.py cleans them)."""
from __future__ import annotations

import bz2
import fnmatch
import glob as globbing
import gzip
import hashlib
import io
import json
import lzma
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from .unpack import GZIP_MAGIC, http_body
from .errors import InputError
from .sources import Source, iter_sources

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".jsonl.bz2", ".jsonl.xz", ".ndjson", ".ndjson.gz", ".ndjson.zst")
# A JSON document of records (Scrapy's `-o items.json`: an array, an item a line) or one
# record, pretty-printed or not: read by the JSONL reader when named, never found in a
# folder walk (where .json files are package manifests, fixtures' checks...).
JSON_SUFFIXES = (".json", ".json.gz")
JSON_ARRAY = re.compile(rb"\[\s*(?:\{|\]|$)")  # piped: "[{", "[\n  {", or an empty array
# Common Crawl's text extracts are WARC too ("CC-MAIN-...warc.wet.gz"). ARC, the older
# format, is not read (FastWARC reads WARC only).
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.wet", ".warc.wet.gz", ".wet", ".wet.gz")
PAGE_FIELDS = ("html", "text", "content", "raw_content", "markdown")  # tried in turn when --field is not given
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class Item:
    """One document of a batch: a file (read by whoever cleans it) or a record whose
    bytes are already here, with the fields a JSONL record carries through."""

    id: str
    url: str | None = None
    data: bytes | str | None = None
    source: Source | None = None  # a page file, read when it is cleaned
    fields: dict[str, Any] = field(default_factory=dict)  # passed through to JSONL output
    relative: Path | None = None  # output name under -o DIR, before the extension
    charset: str | None = None  # from HTTP headers (WARC)
    problem: str = ""  # known before cleaning: a line that is not JSON, a record without the field

    @property
    def name(self) -> str:
        """How reports name it: the file as given, or the record's id."""
        return self.source.name if self.source is not None else self.id

    def read(self, max_bytes: int | None) -> bytes | str:
        if self.problem:
            raise InputError(self.problem)
        if self.source is not None:
            return self.source.read(max_bytes)
        return self.data if self.data is not None else b""


@dataclass(frozen=True, slots=True)
class Reading:
    """How to read the inputs: which files a folder yields, what JSONL fields mean."""

    glob: str | None = None  # in folders, only names matching this pattern
    input_format: str = "auto"  # auto | page | jsonl | warc
    field: str | None = None  # the JSONL field holding the page
    id_field: str = "id"
    url_field: str = "url"
    # Records that would share an output file (two with one id) get numbered names
    # (id~2, id~3): one name remembered a record, so only when writing a file a document.
    unique_names: bool = False


@dataclass
class Tally:
    """What the readers passed over (WARC records that are not pages)."""

    skipped: int = 0


def corpus_kind(path: str, reading: Reading) -> str:
    if reading.input_format != "auto":
        return reading.input_format
    if path == "-":
        return _piped_kind()
    name = path.lower()
    if name.endswith(JSONL_SUFFIXES + JSON_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "page"


def _piped_kind() -> str:
    """What stdin holds, from the bytes waiting in it (peeked, not read): a WARC archive
    ("WARC/1.1" first, gzipped or not), JSONL or a JSON document (a JSON object or array
    of objects first; no page starts with "{" or "[{"), else a page. A pipe that has not
    filled yet reads as a page, as before."""
    head = _peek(sys.stdin.buffer, SNIFF_BYTES)
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
        except zlib.error:
            return "page"
    if head.startswith(b"WARC/"):
        return "warc"
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return "jsonl" if head.startswith(b"{") or JSON_ARRAY.match(head) else "page"


SNIFF_BYTES = 512


def _peek(stream: Any, size: int) -> bytes:
    """The first bytes waiting in a stream, left there for whoever reads it."""
    if hasattr(stream, "peek"):  # a pipe's buffered reader
        return bytes(stream.peek(size)[:size])
    if stream.seekable():  # a file, or the bytes a test hands over
        at = stream.tell()
        head = stream.read(size)
        stream.seek(at)
        return bytes(head)
    return b""


def expand(inputs: Iterable[str], files_from: str | None = None) -> list[str]:
    """The inputs as given, wildcards expanded (for shells that did not), and the paths
    listed one a line in `files_from` ('-' for stdin)."""
    out: list[str] = []
    for given in inputs:
        if given != "-" and globbing.has_magic(given) and not Path(given).exists():
            out.extend(sorted(globbing.glob(given, recursive=True)) or [given])
        else:
            out.append(given)
    if files_from:
        try:
            handle: IO[str] = sys.stdin if files_from == "-" else open(files_from, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{files_from}: cannot read the list of inputs ({exc.strerror or exc})") from None
        with handle:
            out.extend(line.rstrip("\n") for line in handle if line.strip())
    return out


def iter_items(inputs: list[str], reading: Reading, tally: Tally | None = None) -> Iterator[Item]:
    """Every document of the inputs, in order, read lazily."""
    tally = tally or Tally()
    for source in iter_sources(inputs, match=_matcher(reading)):
        kind = corpus_kind(source.name, reading)
        if kind == "page" or source.problem:
            yield Item(id=source.name, source=source, relative=source.relative)
        elif kind == "jsonl":
            yield from _jsonl(source, reading)
        else:
            yield from _warc(source, reading, tally)


def _matcher(reading: Reading):  # type: ignore[no-untyped-def]
    """Which files a folder yields: pages and corpus files, or what --glob names."""
    if reading.glob:
        return lambda path: fnmatch.fnmatch(path.name, reading.glob)
    return lambda path: path.name.lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES) or None


def _open(source: Source) -> IO[bytes]:
    if source.path is None:
        piped = sys.stdin.buffer
        return gzip.GzipFile(fileobj=piped) if _peek(piped, 2) == GZIP_MAGIC else piped  # type: ignore[return-value]
    try:
        raw: IO[bytes] = open(source.path, "rb")
    except OSError as exc:
        raise InputError(f"{source.name}: {exc.strerror or exc}") from None
    name = source.name.lower()
    if name.endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if name.endswith(".bz2"):
        return bz2.BZ2File(raw)  # type: ignore[return-value]
    if name.endswith(".xz"):
        return lzma.LZMAFile(raw)  # type: ignore[return-value]
    if name.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise InputError(f"{source.name}: reading .zst needs the zstandard package (pip install zstandard)") from None
        return zstandard.ZstdDecompressor().stream_reader(raw)  # type: ignore[no-any-return]
    return raw


def _stream_errors() -> tuple[type[Exception], ...]:
    """What a broken or cut compressed stream raises; zstandard's own error only once a
    .zst file has brought the module in (it is optional, and slow to import)."""
    zstd = sys.modules.get("zstandard")
    return (OSError, EOFError, ValueError, lzma.LZMAError) + ((zstd.ZstdError,) if zstd is not None else ())


def _jsonl(source: Source, reading: Reading) -> Iterator[Item]:
    """One item per line of a JSONL file, or per record of a JSON document (one that
    opens with "[" or with a "{" alone on its line); a line or document that cannot be
    read is an item that fails."""
    try:
        handle = _open(source)
    except InputError as exc:
        yield Item(id=source.name, problem=str(exc).split(": ", 1)[-1], relative=source.relative)
        return
    stem = _stem(source.relative)
    names = Names(reading.unique_names)
    with handle:
        lines = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace")
        try:
            first = True
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                if first and (line.lstrip().startswith("[") or line.strip() == "{"):
                    yield from map(names.claim, _json_document(line + lines.read(), source, stem, reading))
                    return
                first = False
                yield names.claim(_record(line, number, source, stem, reading))
        except _stream_errors() as exc:  # a truncated .gz, a broken stream
            yield Item(id=f"{source.name}:end", problem=f"cannot read on: {exc}", relative=stem / "end")


def _json_document(text: str, source: Source, stem: Path, reading: Reading) -> Iterator[Item]:
    """The records of a JSON document read whole: an array of objects, or one object."""
    try:
        data = _json(text)
    except ValueError as exc:
        yield Item(id=source.name, problem=f"not JSON ({getattr(exc, 'msg', exc)}, line {getattr(exc, 'lineno', '?')})",
                   relative=stem)
        return
    except RecursionError:
        yield Item(id=source.name, problem="JSON nested too deep to read", relative=stem)
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, 1):
        where = f"{source.name}:{number}"
        if isinstance(record, dict):
            yield item_of(record, reading, where, stem)
        else:
            yield Item(id=where, problem=f"record {number} is not a JSON object", relative=stem / str(number))


class Names:
    """The output names the records of one corpus file have taken, when asked to keep
    them apart: a record whose name is taken gets the next numbered one. Hashes only,
    so that a dump of millions of records costs little memory."""

    def __init__(self, unique: bool) -> None:
        self.unique = unique
        self.taken: set[int] = set()

    def claim(self, item: Item) -> Item:
        if not self.unique or item.relative is None:
            return item
        base, n = item.relative, 1
        name = str(base)
        while hash(name) in self.taken:
            n += 1
            name = f"{base}~{n}"
        self.taken.add(hash(name))
        return item if n == 1 else replace(item, relative=base.with_name(f"{base.name}~{n}"))


def _record(line: str, number: int, source: Source, stem: Path, reading: Reading) -> Item:
    where = f"{source.name}:{number}"
    try:
        record = _json(line)
    except ValueError as exc:
        return Item(id=where, problem=f"line {number} is not JSON ({getattr(exc, 'msg', exc)})", relative=stem / str(number))
    except RecursionError:  # arrays in arrays thousands deep: Python's parser recurses
        return Item(id=where, problem=f"line {number} is JSON nested too deep to read", relative=stem / str(number))
    if not isinstance(record, dict):
        return Item(id=where, problem=f"line {number} is not a JSON object", relative=stem / str(number))
    return item_of(record, reading, where, stem)


# JSON may escape half of a UTF-16 pair alone ("\ud800"): Python reads it into a string
# that cannot be written as UTF-8, so the record's id or a field passed through would
# fail the output. Such halves become U+FFFD, as a browser shows them.
LONE_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _json(text: str) -> Any:
    """The JSON text's value, lone surrogate halves made U+FFFD; raises as json.loads does
    (and RecursionError, nested past the parser's depth)."""
    data = json.loads(text)
    return _without_surrogates(data) if "\\u" in text and LONE_SURROGATE_ESCAPE.search(text) else data


def _without_surrogates(value: Any) -> Any:
    """The JSON value with every surrogate left in its strings replaced (a pair escaped
    as two halves was already read as one character)."""
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def item_of(record: dict[str, Any], reading: Reading, where: str, stem: Path | None = None) -> Item:
    """The item a JSON record describes: its page in `reading.field` (or the first of
    PAGE_FIELDS holding one), its id (`where` when it has none), its URL, and every other
    field to pass through; a record without a page is an item that fails."""
    key = reading.field or next((f for f in PAGE_FIELDS if isinstance(record.get(f), (str, bytes))), None)
    page = record.get(key) if key else None
    raw_id = record.get(reading.id_field)
    ident = str(raw_id) if raw_id not in (None, "") else where
    url = record.get(reading.url_field)
    url = url if isinstance(url, str) else None
    fields = {k: v for k, v in record.items() if k != key}
    relative = stem / safe_name(ident) if stem is not None else None
    if not isinstance(page, (str, bytes)):
        wanted = reading.field or " or ".join(PAGE_FIELDS)
        return Item(id=ident, url=url, fields=fields, problem=f"no {wanted} field with a page in it", relative=relative)
    return Item(id=ident, url=url, data=page, fields=fields, relative=relative)


def _warc(source: Source, reading: Reading, tally: Tally) -> Iterator[Item]:
    """One item per response, resource or conversion record (a WET file's extracted text)
    of HTML or text; others are counted."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # only WARC input needs it

    try:
        raw: Any = open(source.path, "rb") if source.path is not None else _Unseekable(sys.stdin.buffer)
    except OSError as exc:
        yield Item(id=source.name, problem=exc.strerror or str(exc), relative=source.relative)
        return
    stem = _stem(source.relative)
    names = Names(reading.unique_names)
    with raw:
        try:
            for number, record in enumerate(ArchiveIterator(
                    raw, record_types=WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion,
                    parse_http=True), 1):
                item = _warc_item(record, stem, f"{source.name}:{number}")
                if item is None:
                    tally.skipped += 1
                else:
                    yield names.claim(item)
        # A broken archive: say so, keep what was read. FastWARC's Rust side reports some
        # faults as a panic, which Python raises as a BaseException.
        except BaseException as exc:  # noqa: BLE001
            if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            yield Item(id=f"{source.name}:end", problem=f"cannot read on in the archive: {exc}", relative=stem / "end")


class _Unseekable:
    """A pipe as FastWARC reads a stream: it asks where it is (tell), which a pipe cannot
    answer (OSError 'Illegal seek', a panic in FastWARC); this counts the bytes read."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream, self.position = stream, 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.position += len(data)
        return data

    def tell(self) -> int:
        return self.position

    def close(self) -> None:
        pass  # stdin stays open for whoever reads it next

    def __enter__(self) -> _Unseekable:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _warc_item(record: Any, stem: Path, where: str) -> Item | None:
    """The record's page, None for a record that holds none (an image, a script), or a
    failed item for one the archive cut short: a page with its end missing would be
    cleaned as if it were whole. A record without a WARC-Record-ID (a hand-made
    archive's) is named by its place among the archive's page records ("crawl.warc:3"),
    as a JSONL line is by its line."""
    ident = record.record_id or where
    url, relative = record.headers.get("WARC-Target-URI"), stem / safe_name(ident)
    http = record.http_headers
    headers = http if http is not None else record.headers
    content_type = headers.get("Content-Type") or ""
    # An HTTP message whose head FastWARC could not read (falsy) may be one cut short there.
    headless = not http and (record.headers.get("Content-Type") or "").lower().startswith("application/http")
    if not headless and not re.search(r"html|text/plain|xml", content_type, re.I):
        return None
    payload = record.reader.read()
    if len(payload) < record.content_length:  # a crawler's own cut (WARC-Truncated) keeps the length right
        return Item(id=ident, url=url, relative=relative, problem=(
            f"the archive ends inside this record ({len(payload):,} of {record.content_length:,} bytes; truncated?)"))
    if headless:
        return None  # whole, but no HTTP head to say what it holds
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    try:
        body = http_body(payload, headers.get("Transfer-Encoding"), headers.get("Content-Encoding"))
    except InputError as exc:
        return Item(id=ident, url=url, problem=str(exc), relative=relative)
    return Item(id=ident, url=url, data=body, relative=relative, charset=charset.group(1) if charset else None)


def _stem(relative: Path) -> Path:
    name = relative.name
    for suffix in sorted(JSONL_SUFFIXES + WARC_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return relative.with_name(name[: -len(suffix)])
    return relative


def safe_name(ident: str) -> str:
    """A file name for an id: unsafe characters replaced, long ids shortened; when that
    changed the id, a short hash of it keeps two ids from sharing a name."""
    name = UNSAFE.sub("_", ident).strip("._")[:80]
    if name != ident or not name:
        name = f"{name or 'doc'}-{hashlib.sha1(ident.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"
    return name
