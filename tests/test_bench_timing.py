"""The benchmark's per-call timing runs the systems side by side: in rounds over consecutive
chunks of the pages, the systems' order turned each round, so that a change of the machine's
pace during a run falls on every system alike (bench/run.py's schedule)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bench.run import ROUNDS, all_ids, benchmark, chunks, read_input, schedule
from conftest import REPO

DATA = Path(os.environ.get("PAGECLEANER_BENCH") or REPO.parent / "shared" / "bench")
needs_data = pytest.mark.skipif(not (DATA / "score.py").exists(),
                                reason=f"no benchmark data at {DATA} (../shared/bench beside the repository, "
                                       "or PAGECLEANER_BENCH)")

SYSTEMS = ["a", "b", "c"]


def _orders(slots: list) -> list[list[str]]:
    """The systems' order in each round."""
    rounds: dict[int, list[str]] = {}
    for slot in slots:
        rounds.setdefault(slot.round, []).append(slot.system)
    return [rounds[k] for k in sorted(rounds)]


@pytest.mark.parametrize("pages, rounds", [(100, 40), (1358, ROUNDS), (7, 40), (10, 3), (1, 40), (5, 1)])
def test_every_system_runs_on_every_page_exactly_once(pages: int, rounds: int) -> None:
    runs = [(slot.system, page) for slot in schedule(SYSTEMS, chunks(pages, rounds)) for page in slot.chunk]
    assert sorted(runs) == sorted((name, page) for name in SYSTEMS for page in range(pages))


def test_chunks_are_consecutive_near_equal_and_in_page_order() -> None:
    page_chunks = chunks(1358, 40)
    assert len(page_chunks) == 40
    assert page_chunks[0].start == 0 and page_chunks[-1].stop == 1358
    assert all(before.stop == after.start for before, after in zip(page_chunks, page_chunks[1:]))
    assert {len(chunk) for chunk in page_chunks} == {33, 34}


def test_no_more_rounds_than_pages() -> None:
    assert chunks(7, 40) == [range(k, k + 1) for k in range(7)]


def test_rounds_take_the_chunks_in_page_order() -> None:
    slots = list(schedule(SYSTEMS, chunks(100, 10)))
    assert [slot.round for slot in slots] == sorted(slot.round for slot in slots)
    assert all(slot.chunk == range(10 * slot.round, 10 * slot.round + 10) for slot in slots)


def test_the_order_turns_each_round_so_none_always_runs_first() -> None:
    orders = _orders(list(schedule(SYSTEMS, chunks(60, 6))))
    assert orders == [["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"]] * 2
    assert [order[0] for order in orders].count("a") == 2


def test_one_round_runs_the_systems_one_after_another_in_the_given_order() -> None:
    slots = list(schedule(SYSTEMS, chunks(50, 1)))
    assert [(slot.system, slot.chunk) for slot in slots] == [(name, range(0, 50)) for name in SYSTEMS]


def test_no_systems_no_slots() -> None:
    assert list(schedule([], chunks(10, 4))) == []


@needs_data
def test_an_interleaved_run_gives_each_system_every_page_and_a_speed(tmp_path: Path) -> None:
    ids = all_ids(DATA / "wcxb-dev")[:6]
    page_bytes = sum(len(read_input(DATA / "wcxb-dev", "html", page_id) or b"") for page_id in ids)
    results = benchmark(DATA, ["lxml-parse", "pagecleaner-html"], ids, jobs=1, out=tmp_path, rounds=3)
    assert results["timing"] == "per-call, interleaved in 3 rounds"
    for name in ("lxml-parse", "pagecleaner-html"):
        entry = results["systems"][name]
        assert entry["status"] == "ok", entry.get("note")
        assert entry["errors"] == 0
        assert entry["docs_per_s"] > 0
        assert entry["mb_per_s"] * entry["seconds"] * 1e6 == pytest.approx(page_bytes)  # each page read once
    assert results["systems"]["pagecleaner-html"]["stage_ms_per_doc"]["parse"] > 0
    predictions = (tmp_path / "pred-pagecleaner-html.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in predictions] == ids
    assert any(json.loads(line)["text"] for line in predictions)


def test_the_tables_footnote_says_how_the_systems_were_timed():
    from bench.table import notes
    results = {"pages": 3, "dataset": {"split": "wcxb-dev", "citation": "WCXB"}, "date": "today", "jobs": 1,
               "systems": {}, "timing": f"per-call, interleaved in {ROUNDS} rounds"}
    assert f"(1 process, the systems interleaved in {ROUNDS} rounds)" in notes(results)[2]
    assert "(1 process)" in notes({**results, "timing": "per-call"})[2]  # a results.json of the old runner
    assert "pool of 2 processes" in notes({**results, "timing": "wall-clock", "jobs": 2})[2]
