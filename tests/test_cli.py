"""The pagecleaner command through click's CliRunner."""
from __future__ import annotations

import bz2
import json
import lzma
import re

import click
import pytest
from click.testing import CliRunner
import zstandard

from cleaner import clean
from cleaner.cli import main

TITLE = "Ferry service returns to Gull Island"
PARAGRAPHS = [
    "The council voted on Tuesday to restore passenger ferry service to the island after six years "
    "of delays, with more than sixty residents signing up to speak at the meeting.",
    "The city will open bids for an operator in March, and the first sailings are planned for the "
    "summer season if the weather allows it and the vessels pass their inspections.",
]
HTML = (f"<!DOCTYPE html><html><head><title>{TITLE} | Courier</title></head><body>"
        f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>Local News</a></li></ul></nav>"
        f"<article><h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article><footer>© 2025 The Courier</footer></body></html>")
TEXT = "\n".join(["Home", "Sign in", TITLE, *PARAGRAPHS, "Explore News"]) + "\n"


def _run(*args: str, **kw):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kw)


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "in" / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "in" / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "sub" / "deeper" / "c.htm").write_text(HTML, encoding="utf-8")
    (tmp_path / "single.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_clean_file_writes_markdown_to_stdout(page):
    result = _run("clean", str(page))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"# {TITLE}"
    assert PARAGRAPHS[1] in result.stdout and "Local News" not in result.stdout
    assert result.stderr == ""


def test_bare_form_is_clean(page):
    assert _run(str(page)).stdout == _run("clean", str(page)).stdout


@pytest.mark.parametrize("args", [("clean", "--format", "json"), ("clean", "-", "--format", "json")])
def test_stdin(args):
    result = _run(*args, input=HTML.encode())
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["source"], data["title"]) == ("-", TITLE)


def test_directory_and_files_to_output_dir(tree):
    result = _run("clean", str(tree / "single.txt"), str(tree / "in"), "-o", str(tree / "out"))
    assert result.exit_code == 0, result.stderr
    assert _files(tree / "out") == ["a.md", "single.md", "sub/b.md", "sub/deeper/c.md"]


def test_pages_packed_by_bzip2_xz_or_zstd_in_a_folder_are_cleaned_as_the_page_is(tree):
    (tree / "in" / "d.html.bz2").write_bytes(bz2.compress(HTML.encode()))
    (tree / "in" / "e.html.xz").write_bytes(lzma.compress(HTML.encode()))
    (tree / "in" / "f.html.zst").write_bytes(zstandard.ZstdCompressor().compress(HTML.encode()))
    result = _run("clean", str(tree / "in"), "-o", str(tree / "out"))
    assert result.exit_code == 0, result.stderr
    assert {"d.md", "e.md", "f.md"} <= set(_files(tree / "out"))
    plain = (tree / "out" / "a.md").read_text(encoding="utf-8")
    assert all((tree / "out" / name).read_text(encoding="utf-8") == plain for name in ("d.md", "e.md", "f.md"))
    assert PARAGRAPHS[0] in plain


def test_output_dir_uses_format_extension(tree):
    result = _run("clean", str(tree / "in"), "-o", str(tree / "out"), "--format", "json")
    assert result.exit_code == 0
    assert _files(tree / "out") == ["a.json", "sub/b.json", "sub/deeper/c.json"]
    assert json.loads((tree / "out" / "a.json").read_text(encoding="utf-8"))["title"] == TITLE


def test_same_stem_inputs_do_not_overwrite_each_other(tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "page.txt").write_text(TEXT, encoding="utf-8")
    result = _run("clean", str(tmp_path / "page.html"), str(tmp_path / "page.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code != 0 or len(_files(tmp_path / "out")) == 2


def test_several_inputs_need_output_dir(tree):
    result = _run("clean", str(tree / "single.txt"), str(tree / "in" / "a.html"))
    assert result.exit_code == 2
    assert "-o" in result.stderr
    assert result.stdout == ""


def test_jsonl_one_line_per_input(tree):
    result = _run("clean", str(tree / "single.txt"), str(tree / "in"), "--format", "jsonl")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert [json.loads(line)["id"] for line in lines][0] == str(tree / "single.txt")


def test_missing_file_among_good_ones(tree):
    missing = str(tree / "missing.html")
    result = _run("clean", str(tree / "single.txt"), missing, str(tree / "in" / "a.html"), "-o", str(tree / "out"))
    assert result.exit_code == 1
    error, summary = result.stderr.splitlines()
    assert error == f"Error: {missing}: no such file"
    assert re.fullmatch(r"3 documents: 2 cleaned, 0 empty, 1 failed in \d+\.\d s \([\d.]+ docs/s\)", summary)
    assert _files(tree / "out") == ["a.md", "single.md"]


def test_folder_without_pages_is_named(tmp_path):
    """A folder of nothing the cleaner reads (a wrong path, or pages named unlike pages)
    is said to be empty of pages, not passed over as a job done."""
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "report.pdf").write_bytes(b"%PDF-1.7")
    result = _run("clean", str(tmp_path / "scans"), "--format", "jsonl")
    assert result.exit_code == 0 and result.stdout == ""
    summary, warning = result.stderr.splitlines()
    assert summary.startswith("0 documents: 0 cleaned")
    assert warning.startswith(f"warning: no pages in {tmp_path / 'scans'} (looked for .html")
    picked = _run("clean", str(tmp_path / "scans"), "--glob", "*.htm", "--format", "jsonl")
    assert picked.stderr.splitlines()[-1] == f"warning: no pages in {tmp_path / 'scans'} (no file matches --glob *.htm)"
    found = _run("clean", str(tmp_path / "scans"), "--glob", "*.pdf", "--format", "jsonl")
    assert "warning" not in found.stderr  # the PDF is read (and fails as binary): not a folder of nothing


def test_binary_file(tmp_path):
    path = tmp_path / "image.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    result = _run("clean", str(path))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "binary" in result.stderr
    assert "Traceback" not in result.output


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = _run("clean", str(path))
    # An empty page is a valid page with nothing to keep: empty output, no error.
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_output_file_for_one_input(page, tmp_path):
    target = tmp_path / "result" / "clean.md"
    result = _run("clean", str(page), "-o", str(target))
    assert (result.exit_code, result.stdout) == (0, "")
    assert target.read_text(encoding="utf-8").startswith(f"# {TITLE}\n")
    assert _files(target.parent) == ["clean.md"]  # no temporary files left behind


def test_output_with_trailing_slash_is_a_directory(page, tmp_path):
    result = _run("clean", str(page), "-o", str(tmp_path / "newdir") + "/")
    assert result.exit_code == 0
    assert (tmp_path / "newdir" / "page.md").is_file()


def test_explain_lists_every_line(page):
    doc = clean(page.read_bytes())
    result = _run("explain", str(page))
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.startswith(f"# {page}: html")
    assert [int(row.split()[0]) for row in rows] == [b.index for b in doc.blocks]
    assert [row.split()[1] for row in rows] == [b.label.value for b in doc.blocks]
    assert rows[0].split()[1] == "navigation" and rows[0].endswith("Home")
    assert "\x1b[" not in result.stdout


def test_input_kind_text_on_html(page):
    result = _run("clean", "--input-kind", "text", "--format", "json", str(page))
    data = json.loads(result.stdout)
    assert data["kind"] == "text"
    assert any("<p>" in line["text"] for line in data["lines"])


@pytest.mark.parametrize("name", sorted(main.commands))
def test_help_mentions_every_option(name):
    command = main.commands[name]
    result = _run(name, "--help")
    assert result.exit_code == 0
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts:
                assert re.search(rf"(?<![\w-]){re.escape(opt)}\b", result.stdout), opt


def test_workers_give_the_same_output_in_the_same_order(tree):
    args = ["clean", str(tree / "single.txt"), str(tree / "in"), str(tree / "missing.html"), "--format", "jsonl"]
    one, two = _run(*args), _run(*args, "--workers", "2")
    assert (one.exit_code, two.exit_code) == (1, 1)  # the missing file fails in both
    assert two.stdout == one.stdout and len(two.stdout.splitlines()) == 5  # the missing one: {"id", "url", "error"}
    untimed = [re.sub(r" in \d+\.\d s .*$", "", line) for line in one.stderr.splitlines()]
    assert untimed == [re.sub(r" in \d+\.\d s .*$", "", line) for line in two.stderr.splitlines()]
    assert untimed[-1] == "5 documents: 4 cleaned, 0 empty, 1 failed"


def test_url_option_reaches_the_metadata(page):
    result = _run("clean", str(page), "--url", "https://news.example/ferry", "--format", "json")
    assert json.loads(result.stdout)["url"] == "https://news.example/ferry"


def test_template_filler_text_is_dropped(tmp_path):
    # A theme's demo block left in the page: "Lorem ipsum" is filler, never the article,
    # however much it reads like prose between the article's paragraphs.
    filler = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
              "incididunt ut labore et dolore magna aliqua. Quis ipsum suspendisse ultrices gravida.")
    html = HTML.replace("</article>", f"<p>{filler}</p></article>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code == 0
    assert PARAGRAPHS[1] in result.output
    assert "Lorem ipsum" not in result.output


@pytest.mark.parametrize("kind", ["html", "text"])
def test_a_line_that_is_only_an_image_address_is_dropped(tmp_path, kind):
    # A gallery's or a shop's image data printed as text; a link to a page stays.
    image = "https://cdn.example.com/images/stencil/160x160/ferry/gull-island-ferry-dock-2025_large.jpg?c=2"
    page = "https://council.example.gov/minutes/2025-03-ferry-vote"
    if kind == "html":
        body = HTML.replace(f"<p>{PARAGRAPHS[1]}</p>", f"<div>{image}</div><p>{PARAGRAPHS[1]}</p><p>{page}</p>")
    else:
        body = TEXT.replace(PARAGRAPHS[1], f"{image}\n{PARAGRAPHS[1]}\n{page}")
    path = tmp_path / f"page.{'html' if kind == 'html' else 'txt'}"
    path.write_text(body, encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code == 0
    assert all(p in result.output for p in PARAGRAPHS)
    assert image not in result.output and "gull-island-ferry-dock" not in result.output
    if kind == "html":
        assert page in result.output


@pytest.mark.parametrize("chrome", [
    "Listen to this article 5 min", "Up Next", "Don't Miss", "Subscribe to continue reading",
    "Already have an account? Sign in", "Share via Email", "Copy URL", "Jump to recipe",
    "Photo: Getty Images", "(Photo by Ana Ruiz/Getty Images)", "Updated 3 hours ago",
    "Do not sell or share my personal information", "Load more comments",
    "Article continues below this ad", "Advertisement - Scroll to continue", "Continue reading the main story",
    "Supported by", "Support our journalism", "Become a member", "Skip advert", "Sign up here.", "Gift this article",
    "Save article", "Contact the author", "Report an error", "Corrections policy", "Comments are closed.",
])
def test_news_site_chrome_inside_the_article_is_dropped(tmp_path, chrome):
    html = HTML.replace(f"<p>{PARAGRAPHS[1]}</p>", f"<p>{chrome}</p><p>{PARAGRAPHS[1]}</p>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code == 0
    assert all(p in result.output for p in PARAGRAPHS)
    assert chrome not in result.output


def test_old_layout_table_page_keeps_its_paragraphs_apart_and_drops_its_menu(tmp_path):
    # A hand-written page of the 1990s: a table lays it out, <br><br> breaks its paragraphs.
    menu = "<br>".join(f"<a href='/{name.lower()}'>{name}</a>" for name in ("Home", "Guestbook", "Links", "Webring"))
    page = tmp_path / "old.html"
    page.write_text("<html><head><title>Gull Island ferry</title></head><body><table><tr>"
                    f"<td width=120>{menu}</td><td>{'<br><br>'.join(PARAGRAPHS)}</td></tr></table>"
                    "</body></html>", encoding="latin-1")
    result = _run("clean", str(page))
    assert result.exit_code == 0
    paragraphs = result.stdout.strip().split("\n\n")
    assert PARAGRAPHS[0] in paragraphs and PARAGRAPHS[1] in paragraphs
    assert "Guestbook" not in result.stdout and "|" not in result.stdout


def test_a_newsletter_email_laid_out_in_one_cell_rows_keeps_its_letter_not_its_footer(tmp_path):
    # An HTML e-mail: nested tables of one cell a row, the letter in one of them with
    # <br><br> between its paragraphs, the "view in browser" and unsubscribe rows around it.
    letter = ["Hello friends,", *PARAGRAPHS, "See you on the water,<br>Ana"]
    rows = ["View this email in your browser", f"<h1>{TITLE}</h1>", "<br><br>".join(letter),
            "You are receiving this email because you subscribed to our newsletter. "
            "<a href='#'>Unsubscribe</a> | <a href='#'>Update preferences</a><br>Harbour Club, 1 Pier Road"]
    page = tmp_path / "letter.html"
    page.write_text("<html><body><table width='100%'><tr><td align='center'><table width='600'>"
                    + "".join(f"<tr><td style='font-size:16px'>{row}</td></tr>" for row in rows)
                    + "</table></td></tr></table></body></html>", encoding="utf-8")
    result = _run("clean", str(page))
    assert result.exit_code == 0
    assert PARAGRAPHS[0] in result.stdout and PARAGRAPHS[1] in result.stdout
    assert "browser" not in result.stdout and "Unsubscribe" not in result.stdout and "|" not in result.stdout


@pytest.mark.parametrize("space", ["\u00a0", " \u200b"], ids=["no-break", "zero-width-after"])
@pytest.mark.parametrize("fixture", ["news-pt.txt", "product-es.txt", "recipe-en.txt"])
def test_scraped_text_with_other_spaces_cleans_as_with_plain_ones(tmp_path, fixture, space):
    """A converter that writes "&nbsp;" out as U+00A0 (BeautifulSoup does), or leaves a
    page's zero-width spaces beside its spaces: the lines are judged, and come out, as the
    same page with plain spaces."""
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "fixtures" / fixture).read_text(encoding="utf-8")
    plain, other = tmp_path / "plain.txt", tmp_path / "other.txt"
    plain.write_text(text, encoding="utf-8")
    other.write_text(text.replace(" ", space), encoding="utf-8")
    results = [_run(str(path), "--format", "json") for path in (plain, other)]
    assert all(r.exit_code == 0 for r in results)
    first, second = (json.loads(r.output) for r in results)
    assert [(line["label"], line["text"]) for line in first["lines"]] == [
        (line["label"], line["text"]) for line in second["lines"]]
    assert first["markdown"] == second["markdown"] and first["markdown"].strip()
