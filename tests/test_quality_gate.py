"""A pinned quality floor on a slice of the development benchmark (WCXB dev, in
../shared/bench beside the repository; skipped where it is absent). The floors live in
bench/floors.toml; the benchmark runner scores with the dataset's own score.py. A change
that drops below them has made the cleaner worse on real pages."""
from __future__ import annotations

import subprocess
import tomllib

import pytest

from conftest import REPO

DATA = REPO.parent / "shared" / "bench"
FLOORS_FILE = REPO / "bench" / "floors.toml"
GATE = tomllib.loads(FLOORS_FILE.read_text(encoding="utf-8"))
FLOORS: dict[str, float] = GATE["floors"]

needs_data = pytest.mark.skipif(not (DATA / "score.py").exists(), reason="no ../shared/bench beside the repository")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from bench.run import all_ids, benchmark

    ids = all_ids(DATA / "wcxb-dev")[:: GATE["every"]]
    return benchmark(DATA, list(FLOORS), ids, jobs=1, out=tmp_path_factory.mktemp("gate"))


@needs_data
@pytest.mark.parametrize("system", list(FLOORS))
def test_word_f1_stays_above_its_floor(results: dict, system: str) -> None:
    entry = results["systems"][system]
    assert entry["status"] == "ok", entry.get("note")
    assert entry["errors"] == 0
    assert entry["word"]["f1"] >= FLOORS[system], f"{system}: word F1 {entry['word']['f1']:.3f} < floor {FLOORS[system]}"


def _committed_floors() -> dict[str, float] | None:
    try:
        shown = subprocess.run(["git", "show", "HEAD:bench/floors.toml"], cwd=REPO, capture_output=True,
                               text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return tomllib.loads(shown.stdout)["floors"] if shown.returncode == 0 else None


def test_a_lowered_floor_says_why() -> None:
    committed = _committed_floors()
    if committed is None:
        pytest.skip("not a git checkout with bench/floors.toml committed")
    lowered = GATE.get("lowered", {})
    for system, floor in committed.items():
        now = FLOORS.get(system)
        assert now is not None or system in lowered, f"the floor of {system} was removed without a reason in [lowered]"
        assert now is None or now >= floor or system in lowered, (
            f"the floor of {system} went down ({floor} -> {now}): give the reason in [lowered]")
