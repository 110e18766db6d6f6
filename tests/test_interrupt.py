"""Interruptions: a batch stopped by Ctrl-C or killed outright never leaves a truncated
output file, and running the same command again completes the job."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

PROSE = "The river rose all night and by morning the old bridge was closed to traffic. "
# Pages long enough that the batch takes several seconds on two cores: a loaded machine
# must not let it finish before the test has seen its first outputs and stopped it.
PARAGRAPHS = 100


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(1200):
        body = "".join(f"<p>Page {i}, paragraph {j}. {PROSE * 3}</p>" for j in range(PARAGRAPHS))
        (folder / f"page{i:04}.html").write_text(f"<html><body><article>{body}</article></body></html>")
    return folder


def _command(pages, out):
    return [sys.executable, "-m", "cleaner", "clean", str(pages), "-o", str(out)]


def _as_at_a_terminal() -> None:
    """Ctrl-C as a terminal delivers it. A test run started in the background (`cmd &` in
    a script, nohup) hands its children SIGINT ignored, and Python then installs no
    KeyboardInterrupt handler: the batch would run to its end whatever the test sends."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_outputs(out, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and len(list(out.glob("*.md"))) >= count:
            return
        time.sleep(0.02)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL])
def test_a_stopped_batch_leaves_only_whole_files_and_a_rerun_finishes(tmp_path, pages, stop):
    out = tmp_path / "out"
    process = subprocess.Popen(_command(pages, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_as_at_a_terminal)
    _wait_for_outputs(out, 20, process)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=60)
    written = sorted(out.glob("*.md"))
    assert 20 <= len(written) < 1200, "the batch should have been stopped part way"
    if stop == signal.SIGINT:
        assert process.returncode == 130
        assert "interrupted" in stderr and "Traceback" not in stderr
        assert not list(out.glob(".*.tmp"))  # the file being written when Ctrl-C came was removed
    for path in written:  # every file there is whole: its page's last paragraph is in it
        number = int(path.stem.removeprefix("page"))
        assert f"Page {number}, paragraph {PARAGRAPHS - 1}." in path.read_text(encoding="utf-8")
    rerun = subprocess.run(_command(pages, out), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert len(list(out.glob("*.md"))) == 1200
