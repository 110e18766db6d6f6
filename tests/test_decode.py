"""decode(): bytes to normalised text, with the encoding used and how it was chosen."""
from __future__ import annotations

import bz2
import codecs
import gzip
import lzma
import subprocess
import sys

import pytest
import zstandard

from cleaner import InputError, NoTextError, Options, clean
from cleaner.decode import decode

RUSSIAN = (
    "Москва — столица России, крупнейший по численности населения город страны. "
    "Город расположен на реке Москве в центре Восточно-Европейской равнины. "
    "Здесь находятся органы государственной власти и многие музеи."
)


def _codec(name: str) -> str:
    return codecs.lookup(name).name


def test_utf8_bytes():
    d = decode("café à la crème, naïve".encode("utf-8"))
    assert (d.text, _codec(d.encoding)) == ("café à la crème, naïve", "utf-8")


def test_meta_charset_windows_1252_is_declared():
    data = b'<html><head><meta charset="windows-1252"></head><body><p>\x93Caf\xe9\x94 costs \x805</p></body></html>'
    d = decode(data)
    assert (_codec(d.encoding), d.method) == ("cp1252", "declared")
    assert "“Café” costs €5" in d.text


def test_http_equiv_content_type_charset():
    data = (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'
            b"</head><body><p>Za\xbf\xf3\xb3\xe6 g\xea\xb6l\xb1 ja\xbc\xf1</p></body></html>")
    d = decode(data)
    assert (_codec(d.encoding), d.method) == ("iso8859-2", "declared")
    assert "Zażółć gęślą jaźń" in d.text


def test_xml_declaration_encoding():
    d = decode(b'<?xml version="1.0" encoding="windows-1252"?><html><body><p>caf\xe9</p></body></html>')
    assert (_codec(d.encoding), d.method) == ("cp1252", "declared")
    assert "café" in d.text


@pytest.mark.parametrize("charset", ["base64", "rot13", "zlib", "hex", "undefined"])
def test_a_declared_codec_that_is_no_text_encoding_is_ignored(charset):
    # Python knows these names as codecs, but they turn bytes into bytes (or refuse all)
    data = f'<html><head><meta charset="{charset}"></head><body><p>café naïve</p></body></html>'.encode()
    d = decode(data)
    assert _codec(d.encoding) == "utf-8" and d.method != "declared"
    assert "café naïve" in d.text
    assert "café naïve" in decode(data, charset=charset).text  # nor from the server


def test_a_charset_with_a_nul_in_it_is_ignored():
    assert "café" in decode("<p>café</p>".encode(), charset="utf-8\x00").text


def test_stale_latin1_declaration_over_utf8_bytes():
    data = b'<html><head><meta charset="iso-8859-1"></head><body><p>' + "café naïve".encode() + b"</p></body></html>"
    d = decode(data)
    assert _codec(d.encoding) == "utf-8"
    assert d.method != "declared"
    assert "café naïve" in d.text


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_byte_order_marks(bom, codec):
    d = decode(bom + "Grüße aus Köln".encode(codec))
    assert d.method == "bom"
    assert d.text == "Grüße aus Köln"  # the BOM itself is not part of the text


def test_undeclared_cp1251_is_guessed():
    d = decode(RUSSIAN.encode("cp1251"))
    assert d.method == "chardet"
    assert _codec(d.encoding) in {"cp1251", "koi8-r", "iso8859-5", "mac-cyrillic", "cp866"}
    assert d.text == RUSSIAN


def test_gzip_magic_bytes():
    d = decode(gzip.compress("A page that was stored compressed.".encode()))
    assert d.method.startswith("gzip+")
    assert d.text == "A page that was stored compressed."


def test_gzip_inside_gzip_is_unwrapped():
    # A .gz page a server sent gzip-encoded again, saved as it came.
    d = decode(gzip.compress(gzip.compress("A page compressed twice.".encode())))
    assert d.text == "A page compressed twice."


def test_broken_gzip_stream():
    with pytest.raises(InputError, match="gzip"):
        decode(b"\x1f\x8b\x08\x00 this is not deflate data at all")


def test_truncated_gzip_stream():
    whole = gzip.compress(("A long page. " * 200).encode())
    with pytest.raises(InputError):
        decode(whole[: len(whole) // 2])


PACKERS = {"bzip2": bz2.compress, "xz": lzma.compress, "zstd": lambda data: zstandard.ZstdCompressor().compress(data)}


@pytest.mark.parametrize("packer", PACKERS)
def test_a_page_packed_by_another_compressor_is_unpacked(packer):
    page = "<p>Une page enregistrée compressée, comme les archives en sont livrées.</p>".encode()
    d = decode(PACKERS[packer](page))
    assert d.text == page.decode()
    assert d.method.startswith(f"{packer}+")


@pytest.mark.parametrize("packer", PACKERS)
def test_a_cut_or_broken_packed_page_is_one_clear_error(packer):
    whole = PACKERS[packer](("A long page. " * 2000).encode())
    with pytest.raises(InputError, match=packer):
        decode(whole[: len(whole) // 2])


@pytest.mark.parametrize("packer", PACKERS)
def test_a_packed_page_stops_unpacking_at_the_size_limit(packer):
    bomb = PACKERS[packer](b"<p>" + b"a" * 5_000_000)
    with pytest.raises(InputError, match="expands beyond"):
        decode(bomb, max_bytes=1_000_000)


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", "", "  \n "])
def test_empty_input_is_empty_text(data):
    assert decode(data).text.strip() == ""


@pytest.mark.parametrize("data", [bytes(range(256)) * 50, b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000])
def test_binary_input(data):
    with pytest.raises(NoTextError, match="binary"):
        decode(data)


def test_nfc_normalisation():
    d = decode("Cafe\u0301 au lait".encode())
    assert d.text == "Caf\u00e9 au lait"


def test_nbsp_only_lines_become_blank():
    d = decode("first line\n\u00a0\u00a0 \nsecond line".encode())
    assert d.text.split("\n") == ["first line", "", "second line"]


def test_spaces_of_other_widths_become_plain_spaces():
    # No-break, narrow no-break, thin, figure and ideographic spaces: the ones pages use.
    wide = ["\u00a0", "\u202f", "\u2009", "\u2007", "\u3000"]
    d = decode(("Read" + "more".join(wide) + "now").encode())
    assert d.text == "Read" + "more".join(" " * len(wide)) + "now"


def test_zero_width_spaces_beside_spaces_go_and_inside_words_stay():
    d = decode("Read \u200bmore\u200b\nSign\u2060 in\nab\u200bsofort".encode())
    assert d.text == "Read more\nSign in\nab\u200bsofort"


def test_str_input_is_accepted():
    d = decode("\ufeffAlready decoded text")
    assert (d.text, d.method) == ("Already decoded text", "unicode")


@pytest.mark.parametrize("codec, text", [
    ("utf-16-le", "Plain text saved as UTF-16 without a byte order mark.\nA second line of it.\n"),
    ("utf-16-be", "Plain text saved as UTF-16 without a byte order mark.\nA second line of it.\n"),
    ("utf-32-le", "Plain text saved as UTF-32 without a byte order mark.\nA second line of it.\n"),
    ("utf-32-be", "Plain text saved as UTF-32 without a byte order mark.\nA second line of it.\n"),
    ("utf-16-le", RUSSIAN + "\n"),
    ("utf-16-be", "Καλημέρα κόσμε, αυτό είναι ελληνικό κείμενο χωρίς σημάδι σειράς byte.\n"),
    ("utf-16-le", "שלום עולם, זה טקסט בעברית שנשמר בלי סימן סדר בתים.\n"),
    ("utf-32-le", RUSSIAN + "\n"),
    ("utf-32-be", "東京は日本の首都です。人口は約千四百万人です。\n"),
])
def test_utf16_and_utf32_without_bom_are_recognised(codec, text):
    decoded = decode(text.encode(codec))
    assert (decoded.encoding, decoded.method) == (codec, f"{codec[:6]}-pattern")
    assert decoded.text == text


# Undeclared text in a legacy code page, as old news sites served it: the guess is the
# reading of the bytes that spells words.
UNDECLARED = [
    ("cp1256", "وافق المجلس البلدي مساء أمس على خطة المرور الجديدة لوسط المدينة القديمة، والتي ستدخل حيز "
               "التنفيذ في اليوم الأول من أبريل بعد أشهر من النقاش مع السكان."),
    ("cp1254", "Belediye meclisi dün akşam tarihi şehir merkezi için yeni trafik planını onayladı ve plan, "
               "sakinlerle aylar süren görüşmelerin ardından nisan ayının ilk gününde yürürlüğe girecek."),
    ("iso8859_2", "Rada miasta przyjęła wczoraj wieczorem nowy plan ruchu dla starego miasta, który wejdzie w "
                  "życie pierwszego kwietnia po miesiącach rozmów z mieszkańcami. Według radnego nowe zasady "
                  "zmniejszą ruch tranzytowy o około jedną trzecią i pozwolą poszerzyć chodniki."),
    ("cp1250", "Rada miasta przyjęła wczoraj wieczorem nowy plan ruchu dla starego miasta, który wejdzie w "
               "życie pierwszego kwietnia po miesiącach rozmów z mieszkańcami. Według radnego nowe zasady "
               "zmniejszą ruch tranzytowy o około jedną trzecią i pozwolą poszerzyć chodniki."),
    ("cp1252", "Le conseil municipal a adopté hier soir le nouveau plan de circulation pour la vieille ville, qui "
               "entrera en vigueur le premier avril après des mois de discussions avec les habitants. « C'est une "
               "très bonne nouvelle », a déclaré l'élu."),
    ("cp1252", "A câmara municipal aprovou ontem à noite o novo plano de trânsito para o centro histórico, que "
               "entra em vigor no primeiro dia de abril depois de meses de discussão com os moradores."),
    ("iso2022_jp", "市議会は昨夜、旧市街の新しい交通計画を承認した。住民との数か月にわたる話し合いを経て、四月一日から実施される。"),
]


@pytest.mark.parametrize("encoding, text", UNDECLARED)
def test_an_undeclared_legacy_page_is_read_in_its_code_page(encoding, text):
    page = f"<html><head><title>Stadt</title></head><body><nav><a href='/'>Home</a></nav><p>{text}</p></body></html>"
    assert text in decode(page.encode(encoding)).text


def _mojibake(text: str, codec: str) -> bytes:
    """The page's text saved as UTF-8 after a tool read its UTF-8 in `codec` (the five
    bytes windows-1252 leaves undefined read as Latin-1, as browsers and ftfy read them)."""
    data = text.encode("utf-8")
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in data).encode("utf-8")


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mojibake_is_undone_in_html_and_text(codec):
    article = ("Pet insurance doesn’t have to be a wallet-buster — it costs “less than you think”. "
               "Español, São Paulo, NOMAD® and Français all read as their writers wrote them.")
    broken = _mojibake(article, codec).decode("utf-8")
    assert "doesn’t" not in broken  # the test's own premise
    html = f"<html><head><meta charset='utf-8'><title>NOMAD® guide</title></head><body><article><p>{broken}</p></article></body></html>"
    doc = clean(html.encode("utf-8"))
    assert doc.text.strip() == article
    assert clean(broken.encode("utf-8")).text.strip() == article


def test_mojibake_in_a_str_is_undone_as_in_bytes():
    # A JSONL record's text reaches clean() as a str: its C1 controls ("Ã\x89", É read as
    # Latin-1) are mojibake's to undo, as in bytes, not controls to strip before the repair.
    page = "Le CAFÃ\x89 du port ouvre ses portes à nouveau ce printemps, a annoncé la mairie mardi soir."
    fixed = page.replace("Ã\x89", "É")
    assert decode(page).text == fixed
    assert clean(page, options=Options(input_kind="text")).text == fixed == clean(page.encode()).text
    assert "\ud800" not in decode("a\ud800b", normalise=False).text


def test_a_control_character_inside_mojibake_is_read_past_alike_on_every_path():
    # "doesnâ€™t" with a stray control inside it: the text the cleaner reads, and the
    # text decode gives, are one and the same (the mojibake undone in both).
    broken = _mojibake("doesn’t", "cp1252").decode("utf-8")
    page = f"The ferry {broken[:6]}\x1f{broken[6:]} run in winter, the council said on Tuesday night.".encode()
    decoded = decode(page).text
    assert decoded == "The ferry doesn’t run in winter, the council said on Tuesday night."
    assert clean(page, options=Options(input_kind="text")).text == decoded


@pytest.mark.parametrize("text", [
    "Il a dit « CAFÉ» et puis l'ÉTÉ» s'en alla.", "NÃO SÃO PAULO, ÂNGULO RETO", "Ægir og Þór fóru í ÐÍS",
    "Größe: ÄÖÜ ß „Über“", "Привет, мир — ¿Qué tal? ¡Olé!",
])
def test_text_that_only_looks_like_mojibake_is_left_alone(text):
    assert decode(text.encode("utf-8")).text == text


@pytest.mark.parametrize("charset", ["utf-7", "UTF7"])
def test_a_utf7_declaration_is_not_honoured_as_browsers_do_not(charset):
    # Under UTF-7 "+ADw-script+AD4-" reads as "<script>": a page could hide its text from
    # the cleaner (or show markup) that no browser would. The bytes are read as UTF-8.
    page = (f'<html><head><meta charset="{charset}"></head><body><p>+ADw-b+AD4-Ferry+ADw-/b+AD4- '
            'The council voted on Tuesday night to bring back the winter ferry.</p></body></html>').encode()
    d = decode(page)
    assert d.method != "declared" and "+ADw-b+AD4-Ferry" in d.text
    doc = clean(page)
    assert doc.text.startswith("+ADw-b+AD4-Ferry+ADw-/b+AD4- The council voted")


@pytest.mark.parametrize("charset", ["ebcdic-cp-us", "cp500", "cp1026"])
def test_a_charset_that_does_not_keep_ascii_is_not_believed(charset):
    # An EBCDIC declaration over a page written in ASCII (the declaration itself is
    # ASCII): read as declared, every letter was gibberish.
    page = (f'<html><head><meta charset="{charset}"></head><body><p>The council voted on Tuesday '
            'night to bring back the winter ferry.</p></body></html>').encode()
    assert clean(page).text == "The council voted on Tuesday night to bring back the winter ferry."


def test_lone_windows_1252_bytes_in_utf8_text_are_read_as_their_characters(tmp_path):
    # A UTF-8 page with a paragraph pasted in from a windows-1252 one: its curly quote and
    # accented letter come through, not as U+FFFD; a multi-byte sequence cut short still
    # shows as one (there is nothing to read it as).
    prose = "The council voted on Tuesday to restore the ferry — it’s the island’s lifeline, residents said. "
    pasted = b"The mayor\x92s office said the boat\x92s inspection passed, and caf\xe9 owners cheered on Wednesday."
    cut = b"Fares stay at two dollars \xe2\x80 for now, the council said on Tuesday, and for the whole of next year."
    page = tmp_path / "page.txt"
    page.write_bytes((prose * 3).encode() + b"\n\n" + pasted + b"\n\n" + cut + b"\n")
    decoded = decode(page.read_bytes())
    assert decoded.method == "utf-8-with-errors"
    assert "The mayor’s office said the boat’s inspection passed, and café owners" in decoded.text
    assert "two dollars \ufffd for now" in decoded.text
    out = subprocess.run([sys.executable, "-m", "cleaner", str(page)], capture_output=True, text=True, check=True).stdout
    assert "The mayor’s office" in out and "\ufffd" not in out.split("\n\n")[1]
