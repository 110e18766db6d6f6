"""bench.probes' changes to a page: class names hashed or removed, letters enciphered, the rest as it was."""
from __future__ import annotations

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
