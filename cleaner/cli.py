"""The `pagecleaner` command: a thin layer over the library."""
from __future__ import annotations

import functools
import os
import signal
import sys
import time
from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import click

from . import __version__, batch, corpora, rules, site
from .errors import CleanerError
from .options import INPUT_KINDS, Limits, Options
from .outputs import OutputError, Rejects, Sink, shown, write_atomic
from .records import Label
from .site import SITE_MIN_PAGES, SITE_MIN_SHARE
from .writers import WRITERS

if TYPE_CHECKING:
    from . import fixtures  # imported where `check` runs: a cleaning run never needs it (8 ms of start-up)


class Exit(IntEnum):
    OK = 0
    FAILED = 1  # an input could not be cleaned (the others still were), or a check failed
    USAGE = 2  # bad arguments (click's own code for usage errors)
    INTERRUPTED = 130  # Ctrl-C, as shells report it


LABEL_COLOURS = {Label.CONTENT: "green", Label.NAVIGATION: "blue", Label.ADS: "red"}


class DefaultGroup(click.Group):
    """`pagecleaner page.html` means `pagecleaner clean page.html`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and not sys.stdin.isatty():
            args = ["clean"]
        elif args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["clean", *args]
        return super().parse_args(ctx, args)


input_kind_option = click.option(
    "--input-kind", type=click.Choice(INPUT_KINDS), default="auto", show_default=True,
    help="What the input is: HTML, scraped text, or sniffed from the content. Scraped text "
         "with a few Markdown links, or headings on two levels or a table's rule, is read as "
         "Markdown; `markdown` says so for any text.")
rules_option = click.option(
    "--rules", "rules_files", multiple=True, type=click.Path(dir_okay=False),
    help="A rules file (TOML, the shape of the built-in defaults.toml): phrases and patterns per "
         "label, CSS selectors to drop or keep, weights and thresholds. Repeatable.")
traceback_option = click.option("--traceback", is_flag=True, help="Show the full traceback on errors (for bug reports).")
DEFAULT_LIMITS = Limits()
max_size_option = click.option(
    "--max-size", "max_size_mb", type=click.IntRange(1), default=DEFAULT_LIMITS.max_bytes // 2**20, show_default=True,
    help="Refuse a page larger than this many MB (as read, or once gunzipped); a batch goes on.")
max_lines_option = click.option(
    "--max-lines", type=click.IntRange(1), default=DEFAULT_LIMITS.max_lines, show_default=True,
    help="Refuse a page of more lines (HTML: blocks) than this; a batch goes on.")


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pagecleaner")
def main() -> None:
    """Strip navigation and ads from web pages (HTML or scraped text); keep the article.

    `pagecleaner FILE...` is short for `pagecleaner clean FILE...`.
    """
    # When the reader of a pipe goes away (`pagecleaner pages/ | head`), stop quietly,
    # as other command-line tools do, rather than report every page that follows.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def _readable(value: str | None) -> str | None:
    """An argument as text the outputs can hold: bytes that are not UTF-8 (which Python
    keeps as lone surrogates) become U+FFFD."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if value else value


def _many(given: list[str], reading: corpora.Reading) -> str:
    """What makes the inputs many documents, for the usage error that asks where they go."""
    if len(given) > 1:
        return "several inputs"
    if Path(given[0]).is_dir():
        return f"{given[0]} is a folder of pages"
    name = "stdin" if given[0] == "-" else given[0]
    return f"{name} holds many documents ({corpora.corpus_kind(given[0], reading)})"


def _options(input_kind: str, rules_files: tuple[str, ...], max_size_mb: int | None = None,
             max_lines: int | None = None) -> Options:
    """The built-in rules with the user's rules files over them, and the page limits; a
    bad rules file is a usage error."""
    try:
        options = rules.load(*rules_files, input_kind=input_kind)
    except rules.RulesError as exc:
        raise click.UsageError(str(exc)) from None
    limits = Limits(max_bytes=max_size_mb * 2**20 if max_size_mb else DEFAULT_LIMITS.max_bytes,
                    max_lines=max_lines or DEFAULT_LIMITS.max_lines)
    return replace(options, limits=limits)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-f", "--format", "fmt", type=click.Choice(list(WRITERS)), default="markdown", show_default=True,
              help="Output format (jsonl: one record a document, see the README).")
@click.option("-o", "--output", type=click.Path(dir_okay=True, writable=True),
              help="Output file (one input; .jsonl or .jsonl.gz for --format jsonl) or directory (one file a document).")
@input_kind_option
@rules_option
@click.option("--front-matter", is_flag=True, help="Markdown: start with YAML front matter holding the metadata.")
@click.option("--url", help="The page's URL, recorded in the metadata (single input).", callback=lambda _c, _p, value: _readable(value))
@click.option("--glob", "glob_pattern", help="In folders, take only files whose names match this pattern ('*.html').")
@click.option("--files-from", type=click.Path(allow_dash=True, dir_okay=False),
              help="Read the inputs from this file, one path a line ('-' for stdin).")
@click.option("--input-format", type=click.Choice(["auto", "page", "jsonl", "warc"]), default="auto", show_default=True,
              help="What the inputs are; auto goes by name (.jsonl[.gz|.zst] or .json: records; .warc[.gz] or .warc.wet[.gz]; else a page).")
@click.option("--field", help="JSONL: the field holding the page (default: the first of html, text, content, raw_content, markdown).")
@click.option("--id-field", default="id", show_default=True, help="JSONL: the field holding the document's id.")
@click.option("--url-field", default="url", show_default=True, help="JSONL: the field holding the document's URL.")
@click.option("--no-markdown", is_flag=True, help="JSONL output: leave the markdown field out.")
@click.option("--resume", is_flag=True,
              help="Skip documents whose output exists already (-o DIR), or whose id is in the -o .jsonl file.")
@click.option("--rejects", type=click.Path(dir_okay=False),
              help="Write every document that failed or came out empty here (JSONL: id, url, reason).")
@click.option("-w", "--workers", type=click.IntRange(1), default=None,
              help="Worker processes (default: the machine's cores); output order stays the input order.")
@click.option("--unordered", is_flag=True, help="Write results as they finish instead of in input order.")
@click.option("--progress/--no-progress", default=None,
              help="A progress line on stderr (default: when stderr is a terminal).")
@click.option("--site-boilerplate", is_flag=True,
              help="Lines that recur on many pages of one site are boilerplate (reads the inputs twice).")
@click.option("--site-min-pages", type=click.IntRange(2), default=SITE_MIN_PAGES, show_default=True,
              help="--site-boilerplate: a line must recur on at least this many pages of the site...")
@click.option("--site-min-share", type=click.FloatRange(0.0, 1.0), default=SITE_MIN_SHARE, show_default=True,
              help="...and on at least this share of them.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine's processes, or on a Dask cluster (pip install 'pagecleaner[dask]').")
@click.option("--scheduler", help="--engine dask: the scheduler's address (default: a local cluster).")
@max_size_option
@max_lines_option
@traceback_option
def clean(inputs: tuple[str, ...], fmt: str, output: str | None, input_kind: str, rules_files: tuple[str, ...],
          front_matter: bool, url: str | None, glob_pattern: str | None, files_from: str | None, input_format: str,
          field: str | None, id_field: str, url_field: str, no_markdown: bool, resume: bool, rejects: str | None,
          workers: int | None, unordered: bool, progress: bool | None, site_boilerplate: bool,
          site_min_pages: int, site_min_share: float, engine: str, scheduler: str | None, max_size_mb: int,
          max_lines: int, traceback: bool) -> None:
    """Clean pages: files, folders (recursive), globs, JSONL and JSON dumps, WARC archives, or stdin
    ('-', or nothing when piped)."""
    started = time.perf_counter()  # the summary's clock: the site-boilerplate pass included
    options = _options(input_kind, rules_files, max_size_mb, max_lines)
    reading = corpora.Reading(glob_pattern, input_format, field, id_field, url_field)
    try:
        given = corpora.expand(inputs, files_from)
    except CleanerError as exc:
        raise click.UsageError(str(exc)) from None
    if not given:
        if sys.stdin.isatty() or files_from == "-":
            raise click.UsageError("no input: give files or directories, or pipe a page into stdin")
        given = ["-"]
    one_page = (len(given) == 1 and not Path(given[0]).is_dir()
                and corpora.corpus_kind(given[0], reading) == "page")
    out_dir = Path(output) if output and (not one_page and fmt != "jsonl" or Path(output).is_dir()
                                          or output.endswith(("/", os.sep))) else None
    reading = replace(reading, unique_names=out_dir is not None)  # a file a document: no two on one name
    if not one_page and output is None and fmt != "jsonl":
        raise click.UsageError(f"{_many(given, reading)}: give -o DIR for one file each, or use --format jsonl")
    if site_boilerplate and "-" in given:
        raise click.UsageError("--site-boilerplate reads the inputs twice: give files, not stdin")
    run = Sink(fmt, out_dir, output, resume, lambda line: click.echo(line, err=True))
    tally = corpora.Tally()
    items: Iterator[corpora.Item] = corpora.iter_items(given, reading, tally)
    if url and one_page:  # --url names the one page given
        items = (replace(item, url=url) for item in items)
    if resume:
        items = (item for item in items if not run.done(item))
    boilerplate: dict[str, frozenset[str]] = {}
    if site_boilerplate:
        boilerplate = site.find_boilerplate(batch.pages(corpora.iter_items(given, reading), options), options,
                                            site_min_pages, site_min_share)
    show = progress if progress is not None else (not one_page and sys.stderr.isatty())
    total = None
    if show and "-" not in given and all(corpora.corpus_kind(g, reading) == "page" for g in given):
        # Page files only: a folder is listed (and sorted) whole anyway, so the total is
        # known up front and the progress line can give an ETA. Streams have no total.
        listed = list(items)
        items, total = iter(listed), len(listed)
    meter = Progress(show, total=total)
    try:
        with run, Rejects(rejects) as rejected:
            renderer = functools.partial(batch.render, fmt=fmt, front_matter=front_matter,
                                         markdown=not no_markdown)
            results = _results(items, options, workers or os.cpu_count() or 1, not unordered, engine, scheduler,
                               boilerplate, renderer, traceback)
            for item, result in results:
                if isinstance(result, CleanerError):
                    run.fail(item, result)
                    rejected.add(item, str(result))
                elif run.write(item, result) and result.empty:
                    rejected.add(item, "empty: no content found")
                meter.tick(run.failed)
    except KeyboardInterrupt:
        # Outputs are written whole or not at all (write_atomic): what was done stands.
        click.echo("\ninterrupted: outputs written so far are complete; run again (with --resume) to finish",
                   err=True)
        sys.exit(Exit.INTERRUPTED)
    except OutputError as exc:  # the -o JSONL file or the rejects file cannot be opened
        raise click.UsageError(str(exc)) from None
    except CleanerError as exc:  # the engine failed
        click.echo(f"\nError: {exc}", err=True)
        sys.exit(Exit.FAILED)
    meter.clear()
    if not one_page:
        seconds = time.perf_counter() - started
        done = run.cleaned + run.empty + run.failed
        notes = (f", {run.resumed} already done" if run.resumed else "") + \
                (f", {tally.skipped} archive records skipped (not HTML or text)" if tally.skipped else "")
        click.echo(f"{done} document{'' if done == 1 else 's'}: {run.cleaned} cleaned, {run.empty} empty, "
                   f"{run.failed} failed in {seconds:.1f} s ({done / seconds if seconds else 0:.1f} docs/s){notes}",
                   err=True)
        if not done and not run.resumed and not tally.skipped:
            # A folder of nothing the cleaner reads is more likely a wrong path (or files
            # named unlike pages) than a job done: say where nothing was found.
            for folder in (g for g in given if Path(g).is_dir()):
                looked = (f"no file matches --glob {reading.glob}" if reading.glob else
                          "looked for .html, .htm, .txt, JSONL and WARC files and the like; --glob picks others")
                click.echo(f"warning: no pages in {folder} ({looked})", err=True)
    sys.exit(Exit.FAILED if run.failed else Exit.OK)


def _results(items: Iterator[corpora.Item], options: Options, workers: int, ordered: bool, engine: str,
             scheduler: str | None, boilerplate: dict[str, frozenset[str]], renderer: batch.Renderer,
             raise_bugs: bool) -> Iterator[tuple[corpora.Item, Any]]:
    if engine == "dask":
        from .dask_engine import clean_on_dask

        return clean_on_dask(items, options, scheduler, workers, boilerplate, renderer, raise_bugs)
    return batch.clean_all(items, options, workers, ordered, boilerplate=boilerplate, renderer=renderer,
                             raise_bugs=raise_bugs)


class Progress:
    """A progress line on stderr: documents, docs/s, errors (and ETA when the total is known)."""

    def __init__(self, show: bool, total: int | None) -> None:
        self.show, self.total, self.count = show, total, 0
        self.started = self.last = time.perf_counter()

    def tick(self, errors: int) -> None:
        self.count += 1
        now = time.perf_counter()
        if not self.show or (self.count > 1 and now - self.last < 0.2):  # the first at once, then 5 a second
            return
        self.last = now
        rate = self.count / (now - self.started)
        eta = f", ETA {(self.total - self.count) / rate:.0f} s" if self.total and rate else ""
        click.echo(f"\r{self.count} documents, {rate:.1f} docs/s, {errors} errors{eta}\x1b[K", err=True, nl=False)

    def clear(self) -> None:
        if self.show:
            click.echo("\r\x1b[K", err=True, nl=False)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@input_kind_option
@rules_option
@click.option("--width", type=int, default=70, show_default=True, help="Characters of each line's text to show.")
@click.option("--site-boilerplate", is_flag=True, help="As for clean: lines recurring across the site's pages given.")
@traceback_option
def explain(inputs: tuple[str, ...], input_kind: str, rules_files: tuple[str, ...], width: int,
            site_boilerplate: bool, traceback: bool) -> None:
    """Show every line with its label, score and the reasons that decided it."""
    options = _options(input_kind, rules_files)
    given = list(inputs) or (["-"] if not sys.stdin.isatty() else [])
    if not given:
        raise click.UsageError("no input: give files or directories, or pipe a page into stdin")
    reading = corpora.Reading()
    boilerplate = (site.find_boilerplate(batch.pages(corpora.iter_items(given, reading), options), options)
                   if site_boilerplate and "-" not in given else {})
    failed = 0
    for item, doc in batch.clean_all(corpora.iter_items(given, reading), options, boilerplate=boilerplate,
                                       raise_bugs=traceback):
        name = shown(item.name)
        if isinstance(doc, CleanerError):
            failed += 1
            click.echo(f"Error: {name}: {doc}", err=True)
            continue
        click.echo(f"# {name}: {doc.kind.value}, {doc.encoding} ({doc.encoding_method}), "
                   f"confidence {doc.confidence:.2f}")
        for b in doc.blocks:
            text = b.text.replace("\n", " ")
            text = text if len(text) <= width else text[: width - 1] + "…"
            role = "" if b.role == "body" else f"[{b.role}] "
            row = f"{b.index:4d}  {b.label.value:<10} {b.score:5.2f}  {','.join(b.reasons[:3]):<38} {role}{text}"
            click.echo(click.style(row, fg=LABEL_COLOURS[b.label]))
    sys.exit(Exit.FAILED if failed else Exit.OK)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--update", is_flag=True,
              help="Write the current output as the expected output of each failing fixture (only the "
                   "fixtures named, when pages are named); passing fixtures are never touched.")
@click.option("--junit", "junit_path", type=click.Path(dir_okay=False),
              help="Also write a JUnit XML report to this file (for CI systems to display).")
@click.option("--github", is_flag=True, help="Also print GitHub Actions error annotations for failing fixtures.")
@click.option("--init", "init_dir", type=click.Path(file_okay=False),
              help="Create fixtures in this folder from the pages given: each page copied, with its expected output.")
@rules_option
def check(paths: tuple[str, ...], update: bool, junit_path: str | None, github: bool, init_dir: str | None,
          rules_files: tuple[str, ...]) -> None:
    """Check saved pages against their expected output: PATHS are fixture folders or pages
    (default: fixtures/). Beside each page NAME.html|.htm|.txt: NAME.expected.md and/or
    NAME.expected.json, and optionally NAME.expect.toml|.json with expectations."""
    from . import fixtures

    options = _options("auto", rules_files)
    if init_dir is not None:
        _init_fixtures(Path(init_dir), [Path(p) for p in paths], options)
        return
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise click.UsageError(f"no such fixture folder or page: {missing[0]}")
    found = fixtures.find([Path(p) for p in paths or ("fixtures",)])
    if not found:
        raise click.UsageError(f"no fixture pages (.html, .htm, .txt) in {', '.join(paths or ('fixtures',))}")
    outcomes, updated = [], 0
    for fixture in found:
        outcome = fixtures.check(fixture, options)
        if update and not outcome.passed:
            try:
                written = fixtures.update(fixture, options)
            except CleanerError as exc:
                click.echo(f"Error: {fixture.page}: {exc}", err=True)
            else:
                updated += 1
                click.echo(f"UPDATED {fixture.page} ({', '.join(p.name for p in written)})")
                # Found again from its page: its expected files may be new since it was found.
                outcome = fixtures.check(fixtures.fixture_of(fixture.page), options)
        outcomes.append(outcome)
        _report_fixture(outcome)
    failed = sum(not o.passed for o in outcomes)
    click.echo(f"{len(outcomes) - failed} passed, {failed} failed" + (f" ({updated} updated)" if update else ""))
    if junit_path:
        try:
            write_atomic(Path(junit_path), fixtures.junit(outcomes))
        except OSError as exc:
            raise click.UsageError(f"cannot write {junit_path}: {exc.strerror or exc}") from None
    if github:
        for line in fixtures.github_annotations(outcomes):
            click.echo(line)
    sys.exit(Exit.FAILED if failed else Exit.OK)


def _report_fixture(outcome: fixtures.Outcome) -> None:
    """One line per fixture; for a failure, what broke and the diff (coloured on a terminal)."""
    if outcome.passed:
        click.echo(f"PASS {outcome.fixture.page}")
        return
    click.echo(f"FAIL {outcome.fixture.page}: {'; '.join(outcome.problems)}")
    colours = {"+": "green", "-": "red", "@": "cyan"}
    for diff in outcome.diffs:
        for line in diff.splitlines():
            click.echo(click.style(line, fg=colours.get(line[:1])) if not line.startswith(("+++", "---")) else line)


def _init_fixtures(folder: Path, pages: list[Path], options: Options) -> None:
    if not pages:
        raise click.UsageError("--init needs the pages to make fixtures of: pagecleaner check --init DIR PAGE...")
    absent = [p for p in pages if not p.is_file()]
    if absent:
        raise click.UsageError(f"no such page: {absent[0]}")
    from . import fixtures

    try:
        written = fixtures.init(folder, pages, options)
    except CleanerError as exc:
        raise click.UsageError(str(exc)) from None
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(pages)} fixtures in {folder}; check them with: pagecleaner check {folder}")
