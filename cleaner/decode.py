"""Bytes to text: unwrapped (unpack.py: gzip, bzip2, xz, zstd, MIME), then read by its BOM,
the page's own declaration, UTF-8, or a guess; and the text normalised.

Detection is kept apart from decoding so each step can be tested with byte literals,
and the result always says which encoding was used and how it was chosen.
"""
from __future__ import annotations

import codecs
import functools
import re
import unicodedata

from .errors import InputError, NoTextError, size_limit
from .language import WORD, any_stopword
from .records import Decoded
from .unpack import GZIP_LAYERS, GZIP_MAGIC, MAX_GUNZIPPED, gunzip, mime_page, unpack

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset=...>, <meta http-equiv content="...; charset=...">, <?xml encoding=...?>
DECLARATION = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
DECLARATION_WINDOW = 4096
CHARDET_SAMPLE = 64 * 1024
# chardet's filters backtrack over a run of ASCII letters once per letter: a 20,000-letter
# run took it 40 s. Such a run says nothing of the encoding, so chardet sees its start only.
LETTER_RUN = re.compile(rb"([A-Za-z]{32})[A-Za-z]+")
# ISO-2022-JP switches between ASCII and JIS X 0208 with escape sequences.
ESCAPES_2022 = re.compile(rb"\x1b\$[@B]|\x1b\([BJ]")
# Western European code pages, and the Latin-script ones that share most of their letters.
WESTERN = frozenset({"cp1252", "iso8859-15"})
NEIGHBOURS = ("cp1250", "iso8859-2", "cp1254", "cp1257")
# Control bytes other than tab, newline, carriage return, form feed, escape: a sign of
# binary data when they are more than a few in a hundred (random bytes hold 9%).
BINARY_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x1B)) + bytes(range(0x1C, 0x20))
BINARY_SHARE = 0.05
# What images, PDFs, archives and programs start with.
BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04", b"\x7fELF", b"MZ",
                b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"BM", b"II*\x00", b"MM\x00*", b"7z\xbc\xaf",
                b"Rar!", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"\x1a\x45\xdf\xa3", b"wOFF", b"wOF2")
# Control characters other than tab, newline, form feed and carriage return, C1 controls
# too, and lone surrogates: a stray NUL is dropped, no escape sequence reaches a terminal
# through the output, and every output can be written as UTF-8.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# The same C0 controls, as characters and as bytes: the ones the HTML parser chokes on (a
# NUL ends its input); and lone surrogates, which only a str handed to decode can hold and
# no parser or writer takes.
C0_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")
C0_BYTES = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0E, 0x20)) + b"\x7f"
# Characters that show nothing and join nothing: a zero-width space, a word joiner, and a
# byte order mark left inside a page (server-side includes leave them between blocks).
INVISIBLE = "\u200b\u2060\ufeff"
# A line of nothing but spaces and zero-width ones (normalize has made the no-break kinds
# plain by then); it starts with its newline, a literal the regex engine can skip to, which
# is many times faster than trying (?m)^ everywhere.
SPACES_ONLY_LINE = re.compile(rf"\n[ \t{INVISIBLE}]+(?=\n|\Z)")
# A character reference ("&amp;", "&#8217;", "&#x2014;") with its ";", in text that was read
# once already: a CMS's second escaping in a <meta> value, Markdown's own escaping. A bare
# "&copy=2" in a URL's query is text.
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _codec(name: str) -> str | None:
    """The Python codec for a declared charset name, or None if unknown or no text
    encoding: Python's "base64", "rot13" and "zlib" are codecs too, and "undefined"
    refuses every byte."""
    try:
        info = codecs.lookup(name.strip().lower())
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        return None
    found = info.name
    if not getattr(info, "_is_text_encoding", True) or found == "undefined":
        return None
    # A declaration is read in ASCII, so the charset it names must keep ASCII as it is
    # (UTF-16 and UTF-32 are told by their bytes, not by a <meta>). Browsers know no
    # others: EBCDIC made a page of ASCII gibberish, and under UTF-7 "+ADw-script+AD4-"
    # is a <script> that hides text, or slips markup in.
    if not found.startswith(("utf-16", "utf-32")) and not _keeps_ascii(found):
        return None
    # Browsers read latin-1 declarations as windows-1252; so do we.
    return "cp1252" if found in {"latin-1", "iso8859-1", "ascii"} else found


ASCII_PROBE = bytes(range(0x20, 0x7f)) + b"\t\r\n"


@functools.lru_cache(maxsize=64)
def _keeps_ascii(codec: str) -> bool:
    try:
        return ASCII_PROBE.decode(codec) == ASCII_PROBE.decode("ascii")
    except UnicodeError:
        return False


def _decodes(data: bytes, encoding: str) -> bool:
    return _decoded(data, encoding) is not None


def _decoded(data: bytes, encoding: str) -> str | None:
    """The bytes read strictly under the encoding (as decode's reading with replacement
    reads them, where this succeeds), or None where a byte does not fit."""
    try:
        return data.decode(encoding)
    except UnicodeError:
        return None


def _credible(data: bytes, declared: str) -> str | None:
    """The text, if a declaration is credible: the bytes decode under it. UTF-16 declared
    in a page readable as ASCII is always a lie, and a legacy single-byte charset declared
    over bytes that are valid UTF-8 with non-ASCII in them is a stale template."""
    if declared.startswith(("utf-16", "utf-32")) or (text := _decoded(data, declared)) is None:
        return None
    if declared != "utf-8" and not data.isascii() and _decodes(data, "utf-8"):
        return None
    return text


# Characters no language writes side by side: three or more Latin-1 or Latin Extended
# characters in a row ("íÏÓË×Á", "Åìµþ¤Î": Cyrillic or Japanese bytes read as Latin), or
# Latin and Cyrillic letters in one word ("cafй": French read as Cyrillic).
GARBLED = re.compile(r"[\u0080-\u024f]{3,}|[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _misread(data: bytes, declared: str) -> bool:
    """Whether a single-byte code page the page declares turns its text to garbage (a
    template's stale <meta charset> over text in another code page): then the bytes
    themselves are asked. Multi-byte declarations prove themselves by decoding."""
    if data.isascii() or not _single_byte(declared):
        return False
    text = data[:CHARDET_SAMPLE].decode(declared, errors="replace")
    foreign = len(NON_ASCII.findall(text))
    garbled = sum(len(m.group()) for m in GARBLED.finditer(text))
    return foreign >= 6 and garbled * 2 > foreign


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken sequences (a page cut and pasted together, one bad byte)
    stays UTF-8, and the rest reads right; the broken bytes are read as
    _windows_1252_bytes has them. Text in a legacy code page has next to no valid
    multi-byte sequences."""
    text = data[:CHARDET_SAMPLE].decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    return len(NON_ASCII.findall(text)) - broken > 2 * broken


def _windows_1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """The error handler UTF-8 with broken bytes is decoded with: a lone byte UTF-8
    cannot read is windows-1252's character (text pasted in from a legacy page: "the
    mayor\x92s caf\xe9" reads "the mayor’s café", not "the mayor�s caf�"); a cut
    multi-byte sequence, or a byte windows-1252 leaves undefined, is U+FFFD."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return (bad.decode("cp1252", errors="replace") if len(bad) == 1 else "\ufffd"), error.end


codecs.register_error("pagecleaner-windows-1252", _windows_1252_bytes)


@functools.lru_cache(maxsize=None)
def _single_byte(encoding: str) -> bool:
    """Whether every byte is a character of its own (UTF-8 and the CJK codes join them)."""
    return len(b"\xc3\xa9\xe6\x97\xa5".decode(encoding, errors="replace")) == 5


def _wide_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly Latin script has a zero in every other byte, and of another
    alphabet that block's number; UTF-32 text of any script has its two high bytes zero,
    and its lowest not."""
    if len(head) < 16 or b"\x00" not in head:
        return None
    quads = len(head) // 4
    zeros = [head[k::4].count(0) for k in range(4)]
    if zeros[2] > quads * 0.9 and zeros[3] > quads * 0.9 and zeros[0] < quads * 0.5:
        return "utf-32-le"
    if zeros[0] > quads * 0.9 and zeros[1] > quads * 0.9 and zeros[3] < quads * 0.5:
        return "utf-32-be"
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > pairs * 0.4 and even < pairs * 0.05:
        return "utf-16-le"
    if even > pairs * 0.4 and odd < pairs * 0.05:
        return "utf-16-be"
    # An alphabet of one Unicode block (Cyrillic, Greek, Hebrew, Arabic, Devanagari, Thai):
    # every high byte is zero (spaces, digits) or that block's number; the low bytes vary.
    for high, low, name in ((head[1::2], head[0::2], "utf-16-le"), (head[0::2], head[1::2], "utf-16-be")):
        block = max(range(1, 0x20), key=high.count)
        if high.count(block) > pairs * 0.3 and high.count(0) + high.count(block) > pairs * 0.95 and len(set(low)) >= 16:
            return name
    return None


def detect_encoding(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Return (encoding, method) for the bytes; never fails. `charset` is what the
    server said (an HTTP Content-Type): it outranks the page's own declaration, as in
    a browser, when the bytes bear it out."""
    encoding, method, _text = _detect(data, charset)
    return encoding, method


def _detect(data: bytes, charset: str | None) -> tuple[str, str, str | None]:
    """detect_encoding's answer, and the text where telling it took reading all the bytes
    under that encoding (most pages: UTF-8, declared or not), which decode then need not
    read again (a whole page's decoding, a third of the time of decode)."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, "bom", None
    wide = _wide_without_bom(data[:DECLARATION_WINDOW])
    unit = 4 if wide and wide.startswith("utf-32") else 2
    if wide and _decodes(data[: len(data) // unit * unit], wide):
        return wide, f"utf-{8 * unit}-pattern", None
    told = _codec(charset) if charset else None
    if told and (text := _credible(data, told)) is not None and not _misread(data, told):
        return told, "http", text
    match = DECLARATION.search(data[:DECLARATION_WINDOW])
    if match:
        declared = _codec((match.group(1) or match.group(2)).decode("ascii", "ignore"))
        # A declaration is credible only if the bytes decode under it; UTF-16 declared
        # in an ASCII-readable page is always a lie (the page could not be read to find it).
        if declared and (text := _credible(data, declared)) is not None and not _misread(data, declared):
            return declared, "declared", text
    if data.isascii() and ESCAPES_2022.search(data[:CHARDET_SAMPLE]) and _decodes(data, "iso2022_jp"):
        return "iso2022_jp", "escape-sequences", None  # seven-bit Japanese, which reads as ASCII too, to no sense
    if (text := _decoded(data, "utf-8")) is not None:
        return "utf-8", "utf-8", text
    if _mostly_utf8(data):
        return "utf-8", "utf-8-with-errors", None
    return (*_guess(data), None)


def _guess(data: bytes) -> tuple[str, str]:
    """The encoding of bytes no one declared and UTF-8 cannot read: chardet's guess or
    charset_normalizer's, whichever turns more of the words with letters beyond ASCII
    into words of some language's stop list (a wrong code page makes "déjà" "dďjŕ" and
    "się" "siê") and leaves fewer symbols inside words; chardet's when they tie.
    chardet takes Polish, Czech and Turkish for Western European and cannot read Arabic
    code pages; charset_normalizer takes French and Portuguese for Central European."""
    # Only such pages need these: start-up stays quick.
    import chardet
    from charset_normalizer import from_bytes

    # The bytes alone: chardet 7 takes a page's own declaration at its word, and by now
    # that declaration is missing or known not to hold.
    sample = LETTER_RUN.sub(rb"\1", DECLARATION.sub(b"", data[:CHARDET_SAMPLE]))
    guess, best = chardet.detect(sample), from_bytes(sample).best()
    named = [(guess.get("encoding"), "chardet"), (best.encoding if best else None, "charset-normalizer")]
    if any(_codec(name or "") in WESTERN for name, _ in named):
        # Both take Central European and Turkish text for Western now and then: the
        # neighbouring code pages are read too.
        named += [(name, "code-page") for name in NEIGHBOURS]
    found = list(dict.fromkeys((codec, method) for name, method in named
                               if name and (codec := _codec(name)) and _decodes(data, codec)))
    if not found:
        return "utf-8", "fallback"
    scores = [_plausibility(sample.decode(codec, errors="replace")) for codec, _ in found]
    return found[scores.index(max(scores))]  # the first of equals: chardet's


# A symbol between two letters ("gę¶lą": ISO-8859-2's "ś" read as windows-1250).
SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f](?=[^\W\d_])")


def _plausibility(text: str) -> tuple[int, int]:
    """How many of the words with letters beyond ASCII are some language's stop words,
    then how few symbols stand inside words."""
    known = any_stopword()
    words = sum(1 for word in WORD.findall(text.lower()) if not word.isascii() and word in known)
    return words, -len(SYMBOL_IN_WORD.findall(text))


# UTF-8 that was read as windows-1252 or Latin-1 and saved as UTF-8 again ("doesnâ€™t",
# "NOMADÂ®", "EspaÃ±ol"): valid UTF-8, so no decoding can see it. A lead byte's letter
# (Â to ï) before what a continuation byte reads as in those code pages is the sign;
# ftfy undoes it there, and leaves text that only looks like it ("CAFÉ»") alone.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
# Written to open with one character class, the lead letter, and the lead's kind then
# looked back at: the regex engine skips to such a letter by the class alone, where a
# pattern opening with alternatives is tried at every character (four times the cost).
MOJIBAKE = re.compile(f"[\u00c2-\u00ef](?:(?<=[\u00c2-\u00df])[{_CONTINUATION}]|(?<=[\u00e0-\u00ef])[{_CONTINUATION}]{{2}})")
MOJIBAKE_LINE = 100_000  # longer lines are left as they are: ftfy's time grows with the line


def unmojibake(text: str) -> str:
    """Text with mojibake undone, line by line where its sign occurs."""
    if text.isascii() or not MOJIBAKE.search(text):
        return text
    from ftfy import fix_encoding  # imported for the first page that needs it

    text = C0_CONTROLS.sub("", text)  # gone before this on some paths: the same lines on all
    return "\n".join(fix_encoding(line) if len(line) <= MOJIBAKE_LINE and MOJIBAKE.search(line) else line
                     for line in text.split("\n"))


def strip_controls(text: str) -> str:
    return CONTROLS.sub("", text) if CONTROLS.search(text) else text


# Spaces of other widths between words read as plain ones: the no-break space ("&nbsp;" as a
# converter writes it out), the narrow one (French typography's before "?", a formatted
# time's before "PM"), the thin and the figure space, CJK's ideographic space. The phrases
# and menu words are written with plain spaces, and HTML's blocks have theirs made plain as
# their text is taken out of the tree. Each is looked for in turn, a scan in C: a regex's
# class of them reads a page of text past ASCII fifteen times as slowly, str.translate
# slower still; the rarer widths are not worth a scan of every page.
WIDE_SPACES = "\u00a0\u202f\u2009\u2007\u3000"
# A zero-width space (or word joiner, or byte order mark) beside a space or a line's end
# parts nothing the space does not: dropped, so that "Read \u200bmore" is the phrase
# "Read more". Inside a word it stays, as the page has it.
STRAY_INVISIBLE = re.compile(f"(?<=[ \t\n])[{INVISIBLE}]+|[{INVISIBLE}]+(?=[ \t\n]|\\Z)")


def normalize(text: str) -> str:
    """NFC, one kind of newline, no control characters, the common spaces of other widths
    plain ones (WIDE_SPACES), and lines holding only spaces made blank."""
    text = strip_controls(unmojibake(text))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _without_stray_invisibles(_plain_spaces(unicodedata.normalize("NFC", text)))
    return SPACES_ONLY_LINE.sub("\n", "\n" + text)[1:]


def nfc(text: str) -> str:
    """NFC, without control characters, for a short piece of text (a block, a title): HTML
    is normalised piece by piece as it comes out of the tree (its markup never, a tenth of
    the work), which also catches what character references (&#x1b;) put there."""
    if text.isascii() and text.isprintable():
        return text  # most blocks: no mojibake, no control character, nothing to compose
    text = strip_controls(unmojibake(text))
    return text if text.isascii() else _without_stray_invisibles(unicodedata.normalize("NFC", text))


def _plain_spaces(text: str) -> str:
    for space in WIDE_SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


def _without_stray_invisibles(text: str) -> str:
    if "\u200b" in text or "\u2060" in text or "\ufeff" in text:  # (three scans in C, not the pattern's)
        return STRAY_INVISIBLE.sub("", text)
    return text


def _is_binary(data: bytes) -> bool:
    if data.startswith(BINARY_MAGIC) or data[8:12] in (b"WEBP", b"AVI ", b"WAVE") or data[4:8] == b"ftyp":
        return True
    sample = data[:CHARDET_SAMPLE]
    if not _holds_any(sample, BINARY_BYTES):
        return False  # most pages: no such byte to count
    return len(sample) - len(sample.translate(None, BINARY_BYTES)) > BINARY_SHARE * len(sample)


def _holds_any(data: bytes, values: bytes) -> bool:
    """Whether any of the byte values occurs in the data: a memchr for each, a quarter of
    the instructions bytes.translate spends deleting them all to compare lengths."""
    return any(value in data for value in values)


def decode(data: bytes | str, normalise: bool = True, max_bytes: int = MAX_GUNZIPPED,
           charset: str | None = None) -> Decoded:
    """Turn input bytes (or an already decoded string) into text, normalised (see
    `normalize`) unless the caller will normalise the pieces it takes out of it (it then
    gets the text without the C0 controls that would stop a parser). Empty input gives
    empty text; binary data and input past `max_bytes` raise."""
    if len(data) > max_bytes:
        raise InputError(f"input larger than {size_limit(max_bytes)}")
    if isinstance(data, str):  # (a str's C1 controls wait for nfc too: they may be mojibake's)
        text = C0_CONTROLS.sub("", data.lstrip("\ufeff"))
        return Decoded(normalize(text) if normalise else text, "unicode", "unicode")
    prefix = ""
    for _ in range(GZIP_LAYERS):  # a .gz file a server sent gzip-encoded again comes twice wrapped
        if not data.startswith(GZIP_MAGIC):
            break
        data, prefix = gunzip(data, max_bytes), "gzip+"
    data, packer = unpack(data, max_bytes)
    prefix += packer + "+" if packer else ""
    if (page := mime_page(data)) is not None:
        data, charset, prefix = page[0], page[1] or charset, prefix + "mime+"
    encoding, method, read = _detect(data, charset)
    if method not in ("bom", "utf-16-pattern", "utf-32-pattern") and _is_binary(data):
        raise NoTextError("no text found (binary file?)")
    errors = "pagecleaner-windows-1252" if method == "utf-8-with-errors" else "replace"
    text = (data.decode(encoding, errors=errors) if read is None else read).lstrip("\ufeff")
    # Checked on the bytes, five times faster than on the text: most pages have none. Gone
    # before the mojibake is looked for, on every path: a C0 control between a lead letter
    # and its continuation ("Â\x1f\x80") would hide it from normalize and not from nfc.
    if _holds_any(data, C0_BYTES):
        text = C0_CONTROLS.sub("", text)  # C1 controls wait for nfc: they may be mojibake's
    return Decoded(normalize(text) if normalise else text, encoding, prefix + method)
