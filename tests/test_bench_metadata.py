"""bench.metadata's opt-in renderings: pagecleaner on a rendering that opens with the page's
body (a text browser's, a browser's copy), where the title has to be guessed."""
from __future__ import annotations

import pytest

from bench import metadata


def test_a_rendering_is_read_from_its_own_folder_as_scraped_text() -> None:
    kind, _ = metadata._system(metadata.RENDERED + "browser")
    assert kind == "rendered/browser"
    assert metadata._system("pagecleaner-text-bs4")[0] == "text/bs4"


def test_an_unknown_rendering_is_refused_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        metadata.main(["--renderings", "inscriptis,no-such-converter", "--limit", "1"])
    assert exc.value.code != 0
    assert "unknown rendering no-such-converter" in capsys.readouterr().err
