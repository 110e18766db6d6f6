"""Rules as data: the built-in defaults.toml and users' --rules files, through the real CLI."""
from __future__ import annotations

import re
import tomllib
from dataclasses import asdict
from importlib import resources

import pytest
from click.testing import CliRunner

from cleaner import Options, RulesError, clean, load_rules
from cleaner.cli import main

PROSE = ("The harbour board met on Monday to agree the new timetable for the winter ferries, "
         "which will run every two hours until the spring storms have passed over the islands.")
PROMO = ("Our shop has a great many fine things for you to look at this winter, and all of them "
         "are ready to ship to your door within a day of your order being placed with us.")
PAGE = f"""<html><head><title>Winter timetable</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Winter timetable agreed</h1><p>{PROSE}</p>
<div class="shop-plug"><p>{PROMO}</p></div>
<p>Back to the harbour office</p>
<table id="fares"><tr><th>Route</th><th>Fare</th></tr><tr><td>Gull</td><td>4</td></tr></table>
<p>{PROSE.replace("Monday", "Friday")}</p></article>
<footer>Harbour Board</footer></body></html>"""


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(*args):
    return CliRunner().invoke(main, list(args))


def test_defaults_are_the_data_file():
    with resources.files("cleaner").joinpath("defaults.toml").open("rb") as f:
        data = tomllib.load(f)
    options = Options()
    assert asdict(options.weights) == data["weights"]
    assert asdict(options.thresholds) == data["thresholds"]
    assert options.phrases.line_navigation.match("Sign in")
    assert "footer" in options.phrases.dom_navigation


def test_rules_file_adds_phrases_and_selectors(tmp_path):
    page = _write(tmp_path, "page.html", PAGE)
    plain = _run("clean", page)
    assert PROMO[:40] in plain.output and "Back to the harbour office" in plain.output
    rules = _write(tmp_path, "rules.toml", """
[navigation]
lines = ["back to the harbour office"]
[selectors]
drop = ["div.shop-plug"]
keep = ["#fares"]
""")
    ruled = _run("clean", "--rules", rules, page)
    assert ruled.exit_code == 0, ruled.output
    assert PROMO[:40] not in ruled.output
    assert "Back to the harbour office" not in ruled.output
    assert PROSE[:40] in ruled.output and "Gull" in ruled.output
    explained = _run("explain", "--rules", rules, "--width", "30", page)
    assert "rule_drop" in explained.output and "rule_keep" in explained.output


def test_rules_file_adds_class_names_of_unseen_text(tmp_path):
    page = _write(tmp_path, "page.html", PAGE.replace("<p>Back to", '<p class="a11y-note">Back to'))
    assert "Back to the harbour office" in _run("clean", page).output
    rules = _write(tmp_path, "unseen.toml", '[dom]\nunseen = ["a11y-note"]\n')
    ruled = _run("clean", "--rules", rules, page)
    assert ruled.exit_code == 0, ruled.output
    assert "Back to the harbour office" not in ruled.output and PROSE[:40] in ruled.output
    assert "sr-only" in load_rules(rules).phrases.dom_unseen  # the built-in names stay


def test_rules_file_overrides_thresholds(tmp_path):
    page = _write(tmp_path, "page.html", PAGE)
    strict = _write(tmp_path, "strict.toml", "[thresholds]\nlong_words = 400\n[weights]\nmedium = -3.0\n")
    options = load_rules(strict)
    assert options.thresholds.long_words == 400 and options.weights.medium == -3.0
    assert options.weights.long == Options().weights.long  # the rest stays as built in

    def prose_scores(doc):
        return [b.score for b in doc.blocks if b.text.startswith("The harbour board")]

    assert prose_scores(clean(PAGE.encode(), options=options)) < prose_scores(clean(PAGE.encode()))
    assert _run("clean", "--rules", strict, page).exit_code == 0


def test_content_rules_keep_a_line(tmp_path):
    page = _write(tmp_path, "page.txt", f"Home\nSign in\n{PROSE}\nMenu\n{PROSE.upper()}\n")
    assert "\nMenu\n" not in _run("clean", page).output
    rules = _write(tmp_path, "keep.toml", '[content]\nlines = ["menu"]\n')
    assert "Menu" in _run("clean", "--rules", rules, page).output


@pytest.mark.parametrize("text, message", [
    ("[bogus]\nx = 1\n", "unknown section [bogus]"),
    ("[thresholds]\nlong_wordz = 3\n", "unknown key 'long_wordz'"),
    ("[weights]\nbias = 'high'\n", "must be a number"),
    ("[thresholds]\nlong_words = 2.5\n", "whole number"),
    ("[navigation]\nlines = ['((']\n", "bad pattern"),
    ("[navigation]\nlines = 'home'\n", "list of strings"),
    ("[selectors]\ndrop = ['div[[']\n", "bad CSS selector"),
    ("[navigation\n", "not valid TOML"),
    pytest.param("a = " + "[" * 50_000 + "]" * 50_000 + "\n", "not valid TOML (nested too deep)", id="nested-too-deep"),
    # TOML has inf and nan; a threshold is never negative, and a share never past 1.
    ("[thresholds]\nlong_words = inf\n", "long_words must be a number, not inf"),
    ("[thresholds]\ncontent = nan\n", "content must be a number, not nan"),
    ("[weights]\nlong = -inf\n", "long must be a number, not -inf"),
    ("[thresholds]\nlong_words = -5\n", "long_words must be 0 or more, not -5"),
    ("[thresholds]\nmodel = 7\n", "model must be from 0 to 1, not 7"),
])
def test_bad_rules_are_one_clear_usage_error(tmp_path, text, message):
    rules = _write(tmp_path, "bad.toml", text)
    page = _write(tmp_path, "page.html", PAGE)
    result = _run("clean", "--rules", rules, page)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    with pytest.raises(RulesError, match="bad.toml"):
        load_rules(rules)


def test_missing_rules_file(tmp_path):
    result = _run("clean", "--rules", str(tmp_path / "none.toml"), _write(tmp_path, "p.html", PAGE))
    assert result.exit_code == 2 and "cannot read rules" in result.output


@pytest.mark.parametrize("pattern", ["brought to you by acme", "Brought to you by ACME", "brought to you by \\w+"])
def test_sentence_patterns_match_whatever_the_case(tmp_path, pattern):
    # Sentence patterns are searched in lower-cased text; a user's pattern with capitals
    # must still match, and a lower-case one must match a shouted line.
    from cleaner.features import phrase_kind

    options = load_rules(_write(tmp_path, "ads.toml", f'[ads]\nsentences = ["{pattern.replace(chr(92), chr(92) * 2)}"]\n'))
    for line in ("This feature was BROUGHT TO YOU BY ACME today.", "This feature was brought to you by Acme."):
        assert phrase_kind(line, 8, options.thresholds, options.phrases) == "ads"
    assert phrase_kind("This feature was written by our own staff.", 8, options.thresholds, options.phrases) == ""


@pytest.mark.parametrize("pattern", [", a paid partnership", "(?:, a|as a) paid partnership", "— paid partnership"])
def test_a_sentence_pattern_may_open_with_a_mark(tmp_path, pattern):
    # Sentence patterns are tried where a word starts; one that opens with a comma or a
    # dash stands right after a word, and must match there all the same.
    from cleaner.features import phrase_kind

    options = load_rules(_write(tmp_path, "mark.toml", f'[ads]\nsentences = ["{pattern}"]\n'))
    line = "Meet Gullwing, a paid partnership with the harbour board — paid partnership."
    assert phrase_kind(line, 10, options.thresholds, options.phrases) == "ads"
    assert phrase_kind("We paid for the partnership ourselves.", 6, options.thresholds, options.phrases) == ""


def test_a_pattern_with_alternatives_of_its_own_keeps_them(tmp_path):
    # Phrase lists are merged into one regex on shared leading letters; "ad|sponsor"
    # must still mean either word, not "ad" followed by an optional "sponsor".
    options = load_rules(_write(tmp_path, "alt.toml", '[ads]\nlines = ["promo|sponsor"]\n'))
    from cleaner.features import phrase_kind

    assert phrase_kind("Sponsor", 1, options.thresholds, options.phrases) == "ads"
    assert phrase_kind("Promo", 1, options.thresholds, options.phrases) == "ads"


def test_patterns_that_compile_alone_but_not_together_are_one_rules_error(tmp_path):
    # Three kinds of line are one pattern with a named group a kind: a user's group
    # of the same name compiles on its own, and must still fail as a RulesError.
    path = _write(tmp_path, "groups.toml", '[ads]\nlines = ["(?P<related>promo)"]\n')
    with pytest.raises(RulesError, match="groups.toml.*cannot be combined"):
        load_rules(path)


LEADING_GROUPS = [
    # (a user's pattern, lines it must match, lines it must not)
    ("(?:please |kindly )?turn on flimflams", ["Please turn on flimflams", "kindly turn on flimflams", "Turn on flimflams"],
     ["Please turn on", "flimflams"]),
    ("(?:les )?(?:articles )?les plus lus", ["Les plus lus", "Articles les plus lus", "les articles les plus lus"],
     ["les articles"]),
    ("(?:ab|cd)+ promo", ["abcd promo", "cd promo"], ["promo"]),
    ("(?:great )??deals inside", ["Great deals inside", "deals inside"], ["great inside"]),
    ("(?:inscrivez-vous|abonnez-vous) à la lettre", ["Abonnez-vous à la lettre"], ["vous à la lettre"]),
]


@pytest.mark.parametrize("pattern, matching, other", LEADING_GROUPS)
def test_a_leading_group_of_words_means_what_it_says(tmp_path, pattern, matching, other):
    # A leading "(?:a|b)" of plain words is spread into one phrase a word, so the merged
    # pattern can try it by its first letters; an optional group also stands for its absence,
    # and a repeated one is left whole.
    from cleaner.features import phrase_kind

    options = load_rules(_write(tmp_path, "lead.toml", f'[ads]\nlines = ["{pattern}"]\nsentences = ["{pattern}"]\n'))
    for line in matching:
        assert phrase_kind(line, 4, options.thresholds, options.phrases) == "ads", line
    for line in other:
        assert phrase_kind(line, 4, options.thresholds, options.phrases) == "", line


def test_default_phrases_that_start_with_words_are_tried_by_their_words():
    # A phrase without a literal head is tried at every character of every line (on dev
    # pages those few took half of the phrase search). Every default phrase that opens with
    # a group of plain words, optional or not, gets a head; what is left starts with a class,
    # an escape or an anchor.
    from cleaner.rules import _heads

    data = tomllib.loads(resources.files("cleaner").joinpath("defaults.toml").read_text(encoding="utf-8"))
    for section, keys in data.items():
        for key, patterns in keys.items():
            if key not in ("lines", "sentences", "prefixes", "terms"):
                continue
            for head, rest in _heads(patterns):
                if not head and rest.startswith("(?:"):
                    words = rest[3:rest.index(")")].split("|")
                    assert not all(word.replace(" ", "").isalnum() for word in words), (section, key, rest)


def test_edges_taken_whole_before_a_letter_match_what_every_run_of_them_matches():
    # _edged takes the marks before a phrase that opens with a letter whole ("*+"): the
    # same lines must match as when every shorter run of them is tried too. ι is the one
    # letter IGNORECASE matches to a mark (U+0345), so its phrases keep every run.
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cleaner.rules import LINE_EDGE, _edged, _heads, _trie

    patterns = ["ads?", "ιδέα", "Ιx", "реклама", "广告", "à lire", "\\d+ thoughts", "-x", "©", "kelvin", "ſt", "ab|1c"]
    edged = re.compile(f"^{_edged(patterns)}$", re.I)
    every_run = re.compile(f"^{LINE_EDGE}*(?:{_trie(_heads(patterns))}){LINE_EDGE}*+$", re.I)
    pieces = ["ad", "ads", "ιδέα", "ΙΔΈΑ", "\u0345", "\u1fbe", "ιx", "реклама", "广告", "à lire", "À LIRE", "3 thoughts",
              "-x", "©", "\u212aelvin", "st", "ST", "1c", "ab", "1", "2", "-", "(", ")", ",", " ", "_", "é", "a"]

    @settings(max_examples=1000, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=8).map("".join) | st.text(max_size=12))
    def check(line):
        assert (edged.match(line) is None) == (every_run.match(line) is None), line

    check()


# Pages of every kind the passes read: a scraped story, a blog and a forum thread in HTML,
# a scraped listing (cards at a period), and a scraped feed of cut excerpts.
FIXTURE_PAGES = ["news-en-seedlike.txt", "blog-en.html", "forum-en.html", "listing-de.txt"]
FEED = "\n\n".join([PROSE] * 8 + [f"Story {k} of the week about the harbour and the ferry that will..." for k in range(4)])


def _threshold_values():
    from dataclasses import fields

    from cleaner.rules import SHARES
    thresholds = Options().thresholds
    for field in fields(thresholds):
        default = getattr(thresholds, field.name)
        values = (0, 1, 2) if isinstance(default, int) else (0.0, 1.0) if field.name in SHARES else (0.0, 1.0, 1000.0)
        for value in values:
            yield field.name, value


def test_every_threshold_at_its_bounds_cleans_every_kind_of_page():
    # A rules file may set any threshold anywhere in its bounds: a count of 0 or 1 where a
    # pass reads a period between two of something once crashed it (records_min, teasers).
    from dataclasses import replace
    folder = resources.files("cleaner").parent / "fixtures"
    pages = [(folder / name).read_bytes() for name in FIXTURE_PAGES] + [FEED.encode()]
    base = Options()
    failed = []
    for name, value in _threshold_values():
        options = replace(base, thresholds=replace(base.thresholds, **{name: value}))
        for page in pages:
            try:
                clean(page, url="https://forum.example.org/t/harbour/12", options=options)
            except Exception as exc:  # collected: one report names every threshold that fails
                failed.append(f"{name} = {value}: {exc!r}")
    assert not failed, "\n".join(failed)


def test_a_rules_file_asking_for_a_single_teaser_cleans_the_page(tmp_path):
    # One excerpt, cut short, under the story: no feed to read a period from.
    rules = _write(tmp_path, "rules.toml", "[thresholds]\nteasers = 1\n")
    page = _write(tmp_path, "story.txt", "\n\n".join([PROSE] * 8 + ["Another story about the harbour ferry that the council says will..."]))
    result = _run("--rules", rules, page)
    assert result.exit_code == 0, result.output
    assert PROSE in result.output
