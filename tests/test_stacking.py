"""The fitted model's pass: its rows, its data file, and what it may and may not overrule."""
from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from cleaner import Label, Options, clean, load_rules
from cleaner.rows import FEATURES, vectors
from cleaner.stacking import HERE, NEVER_KEPT, load

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _model(tmp_path: Path, trees: list[dict], baseline: float = 0.0, features=FEATURES) -> str:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"features": list(features), "baseline": baseline, "trees": trees}))
    return str(path)


def _split_on(feature: str, below: float, above: float, at: float = 0.5) -> dict:
    """One tree: `below` when the feature is at most `at`, `above` otherwise."""
    return {"feature": [FEATURES.index(feature), 0, 0], "threshold": [at, 0.0, 0.0], "left": [1, 0, 0],
            "right": [2, 0, 0], "leaf": [False, True, True], "value": [0.0, below, above]}


def _leaf(value: float) -> dict:
    return {"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "leaf": [True], "value": [value]}


def test_every_block_gets_a_row_of_every_feature():
    doc = clean((FIXTURES / "blog-en.html").read_bytes(), options=Options(model=""))
    rows = vectors(list(doc.blocks))
    assert len(rows) == len(doc.blocks) > 10
    assert all(len(row) == len(FEATURES) and all(math.isfinite(v) for v in row) for row in rows)
    content = FEATURES.index("content")
    assert [row[content] for row in rows] == [float(b.label is Label.CONTENT) for b in doc.blocks]


def test_a_model_file_becomes_the_function_it_describes(tmp_path):
    model = load(_model(tmp_path, [_split_on("content", -3.0, 3.0), _leaf(0.5)], baseline=-0.5))
    row = [0.0] * len(FEATURES)
    assert model(row) == pytest.approx(1 / (1 + math.exp(3.0)))
    row[FEATURES.index("content")] = 1.0
    assert model(row) == pytest.approx(1 / (1 + math.exp(-3.0)))


def test_a_model_that_reads_an_unknown_feature_is_refused(tmp_path):
    path = _model(tmp_path, [_leaf(0.0)], features=[*FEATURES, "moon_phase"])
    with pytest.raises(ValueError, match="moon_phase"):
        load(path)


def test_the_model_has_the_last_word_on_the_body(tmp_path):
    page = (FIXTURES / "blog-en.html").read_bytes()
    before = clean(page, options=Options(model=""))
    # A model that keeps only what the passes dropped turns the page inside out.
    inside_out = _model(tmp_path, [_split_on("content", 6.0, -6.0)])
    after = clean(page, options=Options(model=inside_out))
    body = [(b, a) for b, a in zip(before.blocks, after.blocks) if b.role == "body" and a.role == "body"]
    vetoed = [a for b, a in body if b.label is not Label.CONTENT and not NEVER_KEPT.isdisjoint(b.reasons)]
    flipped = [(b, a) for b, a in body if a not in vetoed and "best_of_page" not in a.reasons]
    assert flipped and all((b.label is Label.CONTENT) != (a.label is Label.CONTENT) for b, a in flipped)
    assert any(a.reasons[0] == "model_drop" for _, a in flipped)
    assert any(a.reasons[0] == "model_keep" for _, a in flipped)
    # Chrome known by its own words or links stays chrome whatever surrounds it.
    assert vetoed and all(a.label is not Label.CONTENT for a in vetoed)
    assert any(a.text == "Advertisement" for a in vetoed)


def test_rules_keep_their_last_word_and_model_zero_turns_it_off(tmp_path):
    page = (FIXTURES / "blog-en.html").read_bytes()
    drop_all = _model(tmp_path, [_leaf(-9.0)])
    rules = tmp_path / "rules.toml"
    rules.write_text('[selectors]\nkeep = ["div.entry-content"]\n')
    doc = clean(page, options=replace(load_rules(str(rules)), model=drop_all))
    kept = [b for b in doc.blocks if b.rule == "keep"]
    assert kept and all(b.label is Label.CONTENT and "model_drop" not in b.reasons for b in kept)
    off = tmp_path / "off.toml"
    off.write_text("[thresholds]\nmodel = 0\n")
    assert clean(page, options=replace(load_rules(str(off)), model=drop_all)).text == clean(page, options=Options(model="")).text


def test_the_shipped_model_loads_and_reads_only_known_features():
    path = HERE / "model-text.json"
    spec = json.loads(path.read_text())
    assert set(spec["features"]) <= set(FEATURES) and spec["trees"]
    assert 0.0 <= load(str(path))([0.0] * len(FEATURES)) <= 1.0
    assert not (HERE / "model-html.json").exists()  # HTML has none: held out it did no better


def test_a_content_rule_outranks_the_model(tmp_path):
    page = "Menu\n\nThe harbour board met on Monday to agree the new winter timetable for the ferries.\n"
    rules = tmp_path / "rules.toml"
    rules.write_text('[content]\nlines = ["menu"]\n')
    doc = clean(page, options=replace(load_rules(str(rules)), input_kind="text", model=_model(tmp_path, [_leaf(-9.0)])))
    menu = next(b for b in doc.blocks if b.text == "Menu")
    assert menu.label is Label.CONTENT and "model_drop" not in menu.reasons


def test_a_page_of_a_few_lines_is_left_to_the_passes(tmp_path):
    # Found by the Markdown round-trip property: on a three-line page the model, fitted on
    # whole pages, dropped the only paragraph.
    page = ("0\n)\nThe council voted on Tuesday to restore passenger ferry service to the island after "
            "six years of delays, and residents welcomed the decision.")
    drop_all = Options(input_kind="text", model=_model(tmp_path, [_leaf(-9.0)]))
    assert clean(page, options=drop_all).text == clean(page, options=Options(input_kind="text", model="")).text
    assert "ferry service" in clean(page, options=drop_all).text


def test_a_missing_or_broken_model_file_is_one_clear_error(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    for path in (tmp_path / "missing.json", broken):
        with pytest.raises(ValueError, match="not a model file"):
            load(str(path))


def test_a_model_file_of_the_wrong_shape_is_one_clear_error(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"features": list(FEATURES), "baseline": 0.0, "trees": [{"leaf": [False]}]}))
    with pytest.raises(ValueError, match="not a model file"):
        load(str(path))


def test_a_line_is_placed_against_the_prose_around_it():
    prose = ["The council voted on Tuesday to close the old library on the corner of the high street next year.",
             "Residents who spoke at the meeting said that the building had served the town for more than a century.",
             "A new library will open in the school, which the council says will be cheaper to run and easier to reach."]
    text = "\n".join(["Home", "News", "Sport", "About us", "Library to close", *prose, "Share this", "Contact"])
    blocks = list(clean(text, options=Options(input_kind="text", model="")).blocks)
    rows = {b.text: dict(zip(FEATURES, row)) for b, row in zip(blocks, vectors(blocks))}
    menu, middle, after = rows["Sport"], rows[prose[1]], rows["Contact"]
    # A menu item: in a run of short lines before the article, its first prose three lines down.
    assert menu["article_side"] == -1 and menu["prose_below"] == pytest.approx(math.log1p(3))
    assert menu["short_run"] > 0 and menu["same_shape"] > middle["same_shape"]
    assert middle["article_side"] == 0 and middle["prose_above"] == middle["prose_below"] == pytest.approx(math.log1p(1))
    assert after["article_side"] == 1 and after["end_+1"] == -1  # the page's last line
    assert rows[prose[0]]["heading_-1"] == 1  # under its headline


ARTICLE = [
    "The council voted on Tuesday to restore the ferry service to the island, which stopped running two winters "
    "ago when the old boat failed its inspection.",
    "A new boat was ordered from a yard on the mainland last spring, and the first crossings are planned for the "
    "week before Easter if the sea trials go well.",
    "Islanders had travelled by a private launch in the meantime, at three times the old fare, and the school had "
    "to move its exams to the mainland for a whole term.",
]


@pytest.mark.parametrize("tail", [[], ["Share"]])
def test_a_short_copy_of_one_article_keeps_its_last_paragraph(tail):
    # A reader's copy of one article, from the menu to its end: with no footer below it,
    # the shipped model took the last paragraph for the page's closing lines.
    menu = ["Home", "News", "Sport", "Business", "Opinion", "Culture", "Travel", "Weather"]
    page = "\n\n".join(menu + ["Ferry service returns"] + ARTICLE + tail)
    doc = clean(page.encode(), options=Options(input_kind="text"))
    for paragraph in ARTICLE:
        assert paragraph in doc.text
    assert "Weather" not in doc.text


def test_a_sentence_cut_across_lines_is_kept_or_dropped_whole(tmp_path):
    # Converters break a sentence at its links; the model reads each line in its place,
    # but the sentence's lines share one verdict: their mean, weighted by length.
    prose = ["The council voted on Tuesday to restore the ferry service to the island after six years of delays.",
             "Residents who spoke at the meeting said the crossing had been their only link to the hospital."]
    paragraphs = [prose[i % 2] + f" Point {i}." for i in range(16)]
    sentence = ["The new timetable, which", "the harbour office",
                "published on Friday, adds two sailings on weekdays and one on Sundays."]
    text = "\n\n".join(paragraphs[:8] + ["\n".join(sentence)] + paragraphs[8:]) + "\n"
    # A model that drops the first half of the page and keeps the second, cutting the
    # sentence after its first line.
    halves = _model(tmp_path, [_split_on("position", -6.0, 6.0, at=0.47)])
    doc = clean(text, options=Options(model=halves))
    lines = [b for b in doc.blocks if b.text in sentence]
    assert len(lines) == 3 and len({b.group for b in lines}) == 1
    assert [b.label for b in lines] == [Label.CONTENT] * 3
    assert len({b.score for b in lines}) == 1
    assert " ".join(sentence) in doc.text.replace("\n", " ")
    assert paragraphs[0] not in doc.text and paragraphs[-1] in doc.text
