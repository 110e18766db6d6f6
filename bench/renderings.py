"""Renderings of the benchmark's HTML made here, beside the two plain-text ones the dataset
ships. Crawlers and LLM pipelines hand over Markdown, and pagecleaner must clean it as
well as plain text: html2text unwrapped (as scrapers configure it) and with its default
wrapping at 78 columns, and markdownify. inscriptis lays a page out as a text browser
does (table cells side by side, list bullets); "browser" is what a browser's select-all
and copy yields, ``document.body.innerText`` from headless Chromium (Debian's chromium and
chromium-driver, and selenium). "lynx" and "w3m" are the text browsers' dumps (`-dump`,
their default width), as old crawlers and shell scripts still make them: lynx numbers
each link in place and lists the addresses at the end. "pandoc" is Pandoc's own Markdown
(`pandoc -f html -t markdown --wrap none`), which keeps the page's divs as fenced divs.
"html-to-markdown" is the Rust converter of that name (3.x, its defaults), which opens with
the page's <meta> tags as YAML front matter and writes a link's image as its alt text.
"turndown" is the JavaScript converter many crawlers hand their Markdown from (defaults:
setext headings, "*   " bullets, a link around blocks written over several lines; GFM
tables), run by bench/turndown.js under Node.
Each page is converted once and cached under bench/out/renderings/ (never committed); a
cached page is read without the converter.

    python -m bench.renderings browser     # render every dev page up front, with progress
    apt-get install -y lynx w3m pandoc     # for the text browsers' and Pandoc's renderings
"""
from __future__ import annotations

import atexit
import gzip
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

CACHE = Path(__file__).resolve().parent / "out" / "renderings"
CONVERTERS = ("html2text", "html2text-wrapped", "markdownify", "html-to-markdown", "turndown", "inscriptis", "browser",
              "lynx", "w3m", "pandoc")
# The text browsers' commands: the page on stdin, read as UTF-8 HTML, dumped as UTF-8.
DUMPS = {
    "lynx": ["lynx", "-dump", "-stdin", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "utf-8"],
    # Pandoc's own Markdown keeps the page's divs as fenced divs with their classes
    # ("::: {#masthead .site-header}") and attributes on links and spans ("[Home](/){.menu-link}").
    "pandoc": ["pandoc", "--from", "html", "--to", "markdown", "--wrap", "none"],
    "turndown": ["node", str(Path(__file__).resolve().parent / "turndown.js")],
}
DUMP_SECONDS = 60


def rendering(dataset: Path, converter: str, page_id: str) -> bytes:
    """The page as the converter writes it, UTF-8; rendered on first use, then cached."""
    cached = CACHE / converter / f"{page_id}.txt"
    if cached.exists():
        return cached.read_bytes()
    with gzip.open(dataset / "html" / f"{page_id}.html.gz", "rb") as handle:
        html = _decoded(handle.read())
    text = _render(converter, html).encode("utf-8", errors="replace")
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    tmp.write_bytes(text)
    tmp.replace(cached)
    return text


def _decoded(data: bytes) -> str:
    from cleaner.decode import decode  # the same characters every system is judged against

    return decode(data).text


def _render(converter: str, html: str) -> str:
    if converter in ("html2text", "html2text-wrapped"):
        import html2text

        handler = html2text.HTML2Text()
        if converter == "html2text":
            handler.body_width = 0  # no hard wrapping, as scrapers configure it
        return handler.handle(html)  # else its default: lines wrapped at 78 columns
    if converter == "markdownify":
        import markdownify

        return markdownify.markdownify(html, heading_style="ATX")
    if converter == "html-to-markdown":
        from html_to_markdown import convert

        result = convert(html)  # 3.x gives a result with the Markdown as .content; 2.x a str
        return result if isinstance(result, str) else str(result.content)
    if converter == "inscriptis":
        import inscriptis

        return inscriptis.get_text(html)
    if converter == "browser":
        return _browser().text(html)
    if converter in DUMPS:
        try:
            done = subprocess.run(DUMPS[converter], input=html.encode("utf-8"), capture_output=True,
                                  timeout=DUMP_SECONDS, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            raise RenderingError(f"{converter} could not dump the page: {exc}") from exc
        return done.stdout.decode("utf-8", errors="replace")
    raise ValueError(f"unknown converter {converter!r}; choose from {', '.join(CONVERTERS)}")


# The module each converter needs, but the browser's (Chromium, chromedriver and selenium).
MODULES = {"html2text": "html2text", "html2text-wrapped": "html2text", "markdownify": "markdownify",
           "html-to-markdown": "html_to_markdown", "inscriptis": "inscriptis"}


def usable(converter: str) -> None:
    """Raise, saying what is missing, if the converter cannot run and none of its pages is
    cached (a cached rendering is read without it)."""
    if any((CACHE / converter).glob("*.txt")):
        return
    if converter == "browser":
        _chromium_paths()
    elif converter == "turndown":
        if shutil.which("node") is None or subprocess.run(
                ["node", "-e", "require('turndown'); require('turndown-plugin-gfm')"], capture_output=True).returncode:
            raise RenderingError("the turndown rendering needs Node and `npm install turndown turndown-plugin-gfm` "
                                 "where Node finds them (NODE_PATH)")
    elif converter in DUMPS:
        if shutil.which(converter) is None:
            raise RenderingError(f"the {converter} rendering needs {converter}: apt-get install -y {converter}")
    else:
        __import__(MODULES[converter])


# --- browser: headless Chromium, driven by selenium -------------------------------------------
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
INSTALL = "apt-get install -y chromium chromium-driver && pip install selenium"
# No network here: without these flags Chromium waits on connections it cannot make.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1366,900", "--host-resolver-rules=MAP * ~NOTFOUND")
LOAD_SECONDS = 10  # a page not loaded by then is read as it stands
# innerText skips what content-visibility:auto leaves unpainted (off-screen sections), which
# select-all + copy does give: lay it all out first (20 of the 34 dev pages that use it gain text).
INNER_TEXT = """
const all = document.createElement("style");
all.textContent = "* { content-visibility: visible !important }";
document.documentElement.appendChild(all);
return (document.body || document.documentElement).innerText || "";
"""
DOCTYPE = re.compile(r"\A\s*<!doctype[^>]*>", re.IGNORECASE)
_open: Optional["Browser"] = None


class RenderingError(OSError):
    """A page the browser could not render (an OSError, so the bench counts the page as an
    error rather than stopping)."""


def _chromium_paths() -> tuple[str, str]:
    chromium, chromedriver = shutil.which("chromium") or CHROMIUM, shutil.which("chromedriver") or CHROMEDRIVER
    found = (importlib.util.find_spec("selenium") is not None
             and Path(chromium).is_file() and Path(chromedriver).is_file())
    if not found:
        raise RenderingError(f"the browser rendering needs Chromium, chromedriver and selenium: {INSTALL}")
    return chromium, chromedriver


def _browser() -> "Browser":
    global _open
    if _open is None:
        _open = Browser(*_chromium_paths())
        atexit.register(_open.close)
    return _open


class Browser:
    """One headless Chromium for every page (starting it takes seconds), restarted if it dies.
    JavaScript is off: offline, a page's own scripts made the text differ from run to run
    (2 of 78 pages; one lost 95% of its words). The cost: <noscript> notes show, and text
    that only scripts reveal stays hidden (15 dev pages lose most of their text)."""

    def __init__(self, chromium: str, chromedriver: str) -> None:
        self.paths, self.driver = (chromium, chromedriver), None
        self.folder = Path(tempfile.mkdtemp(prefix="pagecleaner-browser-"))

    def text(self, html: str) -> str:
        """The page's innerText, loaded from a file (as a saved page opens)."""
        page = self.folder / "page.html"
        match = DOCTYPE.match(html)  # the charset goes after the doctype, to keep standards mode
        cut = match.end() if match else 0
        page.write_text("\ufeff" + html[:cut] + '<meta charset="utf-8">' + html[cut:], encoding="utf-8")
        try:
            return self._read(page)
        except Exception:  # the browser died or hung: one more try in a fresh one
            self.quit()
        try:
            return self._read(page)
        except Exception as err:
            self.quit()
            raise RenderingError(f"Chromium could not render the page: {str(err).strip().splitlines()[0]}") from err

    def _read(self, page: Path) -> str:
        from selenium.common.exceptions import TimeoutException

        driver = self.driver or self._start()
        driver.get("about:blank")  # the same file name again must load anew
        try:
            driver.get(page.as_uri())
        except TimeoutException:  # rare: read what has loaded, and say so
            print(f"[renderings] browser: not loaded in {LOAD_SECONDS} s, read as it stood", file=sys.stderr)
            driver.execute_script("window.stop()")
        return driver.execute_script(INNER_TEXT)

    def _start(self) -> Any:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = self.paths[0]
        for flag in FLAGS + (f"--user-data-dir={tempfile.mkdtemp(dir=self.folder)}",):
            options.add_argument(flag)
        options.page_load_strategy = "eager"  # the DOM is enough; never wait for subresources
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        driver = webdriver.Chrome(options=options, service=Service(self.paths[1]))
        driver.set_page_load_timeout(LOAD_SECONDS)
        driver.set_script_timeout(LOAD_SECONDS)
        driver.execute_cdp_cmd("Network.enable", {})  # offline: any web request fails at once
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
        self.driver = driver
        return driver

    def quit(self) -> None:
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:
                pass
            self.driver = None

    def close(self) -> None:
        self.quit()
        shutil.rmtree(self.folder, ignore_errors=True)


def main(argv: list[str]) -> None:
    """Render (and cache) every page of the dev set with one converter, printing progress."""
    from .__main__ import DEFAULT_DATA

    converter = argv[0] if argv else "browser"
    if converter not in CONVERTERS:
        sys.exit(f"usage: python -m bench.renderings [CONVERTER [DATA]]\nconverters: {', '.join(CONVERTERS)}")
    dataset = (Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA) / "wcxb-dev"
    ids = sorted(p.name[: -len(".html.gz")] for p in (dataset / "html").glob("*.html.gz"))
    started = time.perf_counter()
    for done, page_id in enumerate(ids, 1):
        rendering(dataset, converter, page_id)
        if done % 50 == 0 or done == len(ids):
            print(f"[renderings] {converter}: {done}/{len(ids)} pages, {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
