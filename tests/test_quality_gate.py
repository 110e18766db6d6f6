"""A pinned quality floor on a slice of the development benchmark (WCXB dev, in
../shared/bench beside the repository; skipped where it is absent). The benchmark runner
scores with the dataset's own score.py. Raise the floors when the scorer improves; a change
that drops below them has made the cleaner worse on real pages."""
from __future__ import annotations


import pytest

from conftest import REPO

DATA = REPO.parent / "shared" / "bench"
EVERY = 20  # every 20th page: 68 pages of all seven types, a few seconds a run
FLOORS = {  # word F1 measured on this slice, less a margin for harmless changes
    "pagecleaner-html": 0.81,
    "pagecleaner-text-bs4": 0.78,
    "pagecleaner-text-htmltext": 0.79,
}

pytestmark = pytest.mark.skipif(not (DATA / "score.py").exists(), reason="no ../shared/bench here")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from bench.run import all_ids, benchmark

    ids = all_ids(DATA / "wcxb-dev")[::EVERY]
    return benchmark(DATA, list(FLOORS), ids, jobs=1, out=tmp_path_factory.mktemp("gate"))


@pytest.mark.parametrize("system", list(FLOORS))
def test_word_f1_stays_above_its_floor(results: dict, system: str) -> None:
    entry = results["systems"][system]
    assert entry["status"] == "ok", entry.get("note")
    assert entry["errors"] == 0
    assert entry["word"]["f1"] >= FLOORS[system]
