"""The page's bytes out of what wraps them: gzip (a gzip inside a gzip too), bzip2, xz and
zstd streams; a WARC body's HTTP chunks and deflate; a MIME message's (an .mhtml file's)
HTML part. Each is read up to a size limit, so that a compression bomb is refused, not
expanded."""
from __future__ import annotations

import bz2
import lzma
import re
import zlib

from .errors import InputError, size_limit

GZIP_MAGIC = b"\x1f\x8b"
MAX_GUNZIPPED = 256 * 1024 * 1024  # a bomb guard: no real page is this large
GZIP_LAYERS = 3  # gzip inside gzip is unwrapped this many times at most


def gunzip(data: bytes, limit: int = MAX_GUNZIPPED) -> bytes:
    """Decompress gzip data, refusing streams that expand beyond `limit` bytes."""
    return _decompress(data, limit, 16 + zlib.MAX_WBITS, "gzip")


def _decompress(data: bytes, limit: int, wbits: int, name: str) -> bytes:
    """One zlib format (gzip, zlib or raw deflate, by `wbits`) decompressed, refusing a
    stream that expands beyond `limit` bytes (a bomb guard: decompression stops there, it
    is not done first and measured after)."""
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, limit)
    except zlib.error as exc:
        raise InputError(f"broken {name} stream ({exc})") from None
    if inflater.unconsumed_tail:
        raise InputError(f"{name} stream expands beyond {size_limit(limit)}")
    if not inflater.eof:
        raise InputError(f"truncated {name} stream (the file was cut off)")
    return out


# A page saved with another compressor than gzip, told by its magic bytes: bzip2 and xz
# (as dumps are shipped) by the standard library, zstd by the zstandard package if it is
# there. Each is unpacked at most once, after any gzip layers.
BZIP2_MAGIC, XZ_MAGIC, ZSTD_MAGIC = b"BZh", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd"
# What follows bzip2's "BZh" and its level: a block's magic, or the end of an empty stream
# (so that a text that happens to start "BZh9" is not taken for one).
BZIP2_FIRST_BLOCK = (b"1AY&SY", b"\x17rE8P\x90")


def unpack(data: bytes, limit: int = MAX_GUNZIPPED) -> tuple[bytes, str]:
    """Data compressed with bzip2, xz or zstd decompressed, and the compressor's name ("" for
    data none of them wrote), refusing a stream that expands beyond `limit` bytes."""
    if data.startswith(BZIP2_MAGIC) and data[4:10] in BZIP2_FIRST_BLOCK and data[3:4] in b"123456789":
        return _unpack(bz2.BZ2Decompressor(), data, limit, "bzip2"), "bzip2"
    if data.startswith(XZ_MAGIC):
        return _unpack(lzma.LZMADecompressor(lzma.FORMAT_XZ), data, limit, "xz"), "xz"
    if data.startswith(ZSTD_MAGIC):
        try:
            import zstandard
        except ImportError:
            raise InputError("a zstd-compressed page: reading it needs the zstandard package (pip install zstandard)") from None
        try:
            # A reader stops at the limit; it says nothing of a frame cut short, which the
            # decompressor object then tells (its output known to be within the limit).
            if len(zstandard.ZstdDecompressor().stream_reader(data).read(limit + 1)) > limit:
                raise InputError(f"zstd stream expands beyond {size_limit(limit)}")
            unpacker = zstandard.ZstdDecompressor().decompressobj()
            out = unpacker.decompress(data)
        except zstandard.ZstdError as exc:
            raise InputError(f"broken zstd stream ({exc})") from None
        if not unpacker.eof:
            raise InputError("truncated zstd stream (the file was cut off)")
        return out, "zstd"
    return data, ""


def _unpack(decompressor: bz2.BZ2Decompressor | lzma.LZMADecompressor, data: bytes, limit: int, name: str) -> bytes:
    """One bzip2 or xz stream decompressed, stopping at `limit` bytes (a bomb guard)."""
    try:
        out = decompressor.decompress(data, max_length=limit)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        raise InputError(f"broken {name} stream ({exc})") from None
    if not decompressor.eof:
        if not decompressor.needs_input:  # it stopped at the limit with more to give
            raise InputError(f"{name} stream expands beyond {size_limit(limit)}")
        raise InputError(f"truncated {name} stream (the file was cut off)")
    return out


def inflate(data: bytes, limit: int = MAX_GUNZIPPED) -> bytes:
    """An HTTP body sent with 'Content-Encoding: deflate': zlib data, as the standard says,
    or the bare deflate stream some servers send instead (told apart by zlib's header)."""
    zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
    return _decompress(data, limit, zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS, "deflate")


CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")


def unchunk(body: bytes) -> bytes:
    """An HTTP body sent in chunks (a line with the chunk's length in hex, the chunk, and so
    on to a length of 0) joined into one. A body that does not start as chunks do (a
    crawler joined them already, and kept the header) is returned as it is; a cut-off one
    gives what it holds."""
    parts, at = [], 0
    while at < len(body):
        end = body.find(b"\n", at)
        size = body[at:end].split(b";", 1)[0].strip() if end >= 0 else b""
        if not CHUNK_SIZE.fullmatch(size):
            break
        length = int(size, 16)
        if not length:
            break
        parts.append(body[end + 1:end + 1 + length])
        at = end + 1 + length
        at += 2 if body.startswith(b"\r\n", at) else 1 if body.startswith(b"\n", at) else 0
    return b"".join(parts) if parts else body


def http_body(body: bytes, transfer_encoding: str | None, content_encoding: str | None) -> bytes:
    """An HTTP response body as a WARC keeps it (as the server sent it), made the page's
    bytes: joined when the crawler left it in chunks, inflated when sent 'deflate'. gzip
    stays for decode(), which reads it wherever it comes from; a coding Python cannot
    read ('br', 'zstd') is an InputError that says so."""
    if "chunked" in (transfer_encoding or "").lower():
        body = unchunk(body)
    coding = (content_encoding or "").strip().lower()
    if coding == "deflate":
        return inflate(body)
    if coding not in ("", "identity", "gzip", "x-gzip"):
        raise InputError(f"body compressed as {coding!r}, which cannot be read here")
    return body


# A page a browser saved as one file (.mhtml, .mht) or a mailed one (.eml) is a MIME
# message: header lines, a blank line, then parts, the page's HTML among them, usually in
# quoted-printable. Told by a header block that declares MIME or a content type.
MIME_HEADERS = re.compile(rb"\A(?:[A-Za-z][\w-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+\r?\n")
MIME_DECLARED = re.compile(rb"^(?:mime-version:|content-type:\s*(?:multipart/|text/html))", re.I | re.M)


def mime_page(data: bytes) -> tuple[bytes, str | None] | None:
    """The page inside a MIME message: its first text/html part (else text/plain), freed
    of its transfer encoding, with the part's charset. None when `data` is no such message."""
    if not data[:1].isalpha():  # a header's name first: never an HTML page, seldom text
        return None
    headers = MIME_HEADERS.match(data[:16384])
    if headers is None or not MIME_DECLARED.search(headers.group()):
        return None
    import email  # only MIME input needs it
    message = email.message_from_bytes(data)
    for wanted in ("text/html", "text/plain"):
        for part in message.walk():
            if part.get_content_type() == wanted:
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and payload.strip():
                    return payload, part.get_content_charset()
    return None
