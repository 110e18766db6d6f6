"""bench.probes' changes to a page: class names hashed or removed, letters enciphered, the rest as it was."""
from __future__ import annotations

import json

import lxml.html
import pytest

from bench import probes

PAGE = (b'<html><head><style>.nav{color:red}</style></head><body><nav class="site-nav main">Home</nav>'
        b'<article id="story" class="post-body"><p title="Harbour">The ferry returns in May.</p></article>'
        b'<script>var ferry = 1;</script></body></html>')


def test_hashed_classes_say_nothing_of_the_box_and_keep_the_rest():
    root = lxml.html.fromstring(probes.hash_classes(PAGE))
    nav, article = root.find(".//nav"), root.find(".//article")
    assert len(nav.get("class").split()) == 2 and "nav" not in nav.get("class")
    assert article.get("class") != "post-body" and article.get("id") == "story"
    assert root.text_content().count("The ferry returns in May.") == 1
    # The same name hashes alike wherever it stands: a page's repeated cards still share theirs.
    cards = lxml.html.fromstring(probes.hash_classes(b'<div><p class="card">a</p><p class="card">b</p></div>'))
    first, second = cards.xpath("//p/@class")
    assert first == second != "card"


def test_bare_markup_has_no_class_or_id_and_keeps_tags_roles_and_text():
    root = lxml.html.fromstring(probes.bare_markup(PAGE.replace(b"<nav ", b'<nav role="navigation" ')))
    assert not root.xpath("//@class | //@id")
    assert root.find(".//nav").get("role") == "navigation" and root.find(".//article") is not None
    assert root.find(".//p").text == "The ferry returns in May." and root.find(".//p").get("title") == "Harbour"


def test_enciphered_text_keeps_its_shape_and_scripts_keep_their_code():
    root = lxml.html.fromstring(probes.encipher_html(PAGE))
    text = root.find(".//p").text
    assert text == "The ferry returns in May.".translate(probes.ENCIPHER) and text != "The ferry returns in May."
    assert [len(w) for w in text.split()] == [3, 5, 7, 2, 4]
    assert root.find(".//p").get("title") == "Harbour".translate(probes.ENCIPHER)
    assert root.find(".//script").text == "var ferry = 1;" and ".nav{color:red}" in root.find(".//style").text


def test_the_probes_refuse_a_folder_without_the_benchmark(tmp_path, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exc:
        probes.main(["--data", str(tmp_path)])
    assert exc.value.code != 0
    assert "benchmark data not found" in capsys.readouterr().err


def test_the_probes_change_the_page_where_it_stands_and_nothing_else():
    # Written out again from a parsed tree, a page libxml2 cannot follow lost its article
    # (a commented-out tag, here with a quote in it): the probes rewrite the bytes in place.
    page = (b'<!-- <img alt="<?php echo $alt ?>" class="x"> --><div class="wrap [&>p]:mb-0" id="main">'
            b'<p title="Caf&eacute; &amp; bar">Fish &amp; chips</p>'
            b"<script>el.className = 'nav'; if (a > b) {}</script></div>")
    assert probes.bare_markup(page) == (
        b'<!-- <img alt="<?php echo $alt ?>" class="x"> --><div>'
        b'<p title="Caf&eacute; &amp; bar">Fish &amp; chips</p>'
        b"<script>el.className = 'nav'; if (a > b) {}</script></div>")
    hashed = probes.hash_classes(page)
    assert b'class="wrap' not in hashed and b'id="main"' in hashed and hashed.count(b"class=") == 2
    enciphered = probes.encipher_html(page)
    assert b"Fish &amp; chips".translate(probes.ENCIPHER_BYTES) not in enciphered  # (the entity too would change)
    assert b"Fish".translate(probes.ENCIPHER_BYTES) + b" &amp; " + b"chips".translate(probes.ENCIPHER_BYTES) in enciphered
    assert b"Caf".translate(probes.ENCIPHER_BYTES) + b"&eacute; &amp; " in enciphered
    assert b"el.className = 'nav'" in enciphered and b'class="x"' in enciphered


def test_the_model_fit_reads_an_enciphered_rendering_and_scores_it_against_the_truth_enciphered_alike(tmp_path):
    pytest.importorskip("numpy", reason="bench.stack fits with numpy: the bench extra")
    from bench import stack

    data = tmp_path / "data"
    (data / probes.DATASET / "text" / "bs4").mkdir(parents=True)
    (data / probes.DATASET / "ground-truth").mkdir()
    (data / probes.DATASET / "text" / "bs4" / "0001.txt").write_text("Home\nThe ferry returns in May.\n", encoding="utf-8")
    record = {"url": "https://example.org/ferry", "ground_truth": {"title": "Ferry", "main_content": "The ferry returns in May.",
                                                                   "with": ["ferry returns"], "without": ["Home"]}}
    (data / probes.DATASET / "ground-truth" / "0001.json").write_text(json.dumps(record), encoding="utf-8")
    dataset = str(data / probes.DATASET)
    plain = stack._read(dataset, "text/bs4", "0001")
    enciphered = stack._read(dataset, "enciphered/text/bs4", "0001")
    assert plain == b"Home\nThe ferry returns in May.\n"
    assert enciphered == "Home\nThe ferry returns in May.\n".translate(probes.ENCIPHER).encode() != plain
    assert stack._kind("enciphered/text/bs4") == "text" and stack._kind("enciphered/html") == "html"
    folder = probes.enciphered_truth(tmp_path / "scored", ["0001"], data)
    truth = json.loads((folder / "ground-truth" / "0001.json").read_text(encoding="utf-8"))["ground_truth"]
    assert truth["main_content"] == "The ferry returns in May.".translate(probes.ENCIPHER)
    assert truth["with"] == ["ferry returns".translate(probes.ENCIPHER)] and truth["without"] == ["Home".translate(probes.ENCIPHER)]
    # A rendering the data does not have reads as nothing, enciphered or not.
    assert stack._read(dataset, "enciphered/text/htmltext", "0001") is None
