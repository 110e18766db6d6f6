"""The `pagecleaner` command: a thin layer over the library."""
from __future__ import annotations

import io
import os
import signal
import sys
import time
from contextlib import nullcontext
from dataclasses import replace
from enum import IntEnum
from pathlib import Path
from typing import Iterator

import click

from . import __version__, fixtures, rules
from .errors import CleanerError
from .options import Limits, Options
from .outputs import write_atomic
from .pipeline import clean as clean_page
from .records import Document, Label
from .sources import Source, iter_sources, output_names
from .writers import EXTENSIONS, WRITERS, Writer


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


def _report(source: Source, exc: Exception, traceback: bool) -> None:
    if traceback:
        raise exc
    message = str(exc) or exc.__class__.__name__
    click.echo(f"Error: {_shown(source.name)}: {message}", err=True)


def _shown(name: str) -> str:
    """A name with a newline or a terminal escape in it is quoted: a report stays one line."""
    return name if name.isprintable() else repr(name)


def _clean_one(job: tuple[Source, Options, str | None, bool]) -> Document | CleanerError:
    """One page, in this process or a worker; failures come back as values. An error
    that is not the library's own is a bug: it is reported like any other failure (one
    line, the batch goes on) unless --traceback asks to see it."""
    source, options, url, traceback = job
    try:
        return clean_page(source.read(options.limits.max_bytes), url=url, options=options, source=source.name)
    except CleanerError as exc:
        return exc
    except (Exception, RecursionError) as exc:
        if traceback:
            raise
        return CleanerError(f"internal error ({type(exc).__name__}: {exc}); please report it, "
                            "--traceback shows where")


class _Batch:
    """Cleans sources in order, in `workers` processes when there are many; a source
    that fails is reported on stderr as one line and counted, and the batch goes on."""

    def __init__(self, options: Options, url: str | None, traceback: bool, workers: int = 1) -> None:
        self.options, self.url, self.traceback, self.workers = options, url, traceback, workers
        self.failed = 0

    def fail(self, source: Source, exc: Exception) -> None:
        self.failed += 1
        _report(source, exc, self.traceback)

    def clean(self, sources: list[Source]) -> Iterator[tuple[Source, Document]]:
        jobs = [(source, self.options, self.url, self.traceback) for source in sources]
        parallel = self.workers > 1 and len(sources) > 1 and all(s.path is not None for s in sources)
        if parallel:
            from concurrent.futures import ProcessPoolExecutor  # a start-up cost only batches pay
        with ProcessPoolExecutor(self.workers) if parallel else nullcontext() as pool:
            results = pool.map(_clean_one, jobs, chunksize=4) if pool else map(_clean_one, jobs)
            for source, result in zip(sources, results):
                if isinstance(result, CleanerError):
                    self.fail(source, result)
                else:
                    yield source, result

    @property
    def exit_code(self) -> Exit:
        return Exit.FAILED if self.failed else Exit.OK


def _sources(inputs: tuple[str, ...]) -> list[Source]:
    if not inputs:
        if sys.stdin.isatty():
            raise click.UsageError("no input: give files or directories, or pipe a page into stdin")
        inputs = ("-",)
    sources = list(iter_sources(list(inputs)))
    if not sources:
        raise click.UsageError("no pages found in the given directories (looked for .html, .htm, .txt, .gz)")
    return sources


input_kind_option = click.option(
    "--input-kind", type=click.Choice(["auto", "html", "text"]), default="auto", show_default=True,
    help="What the input is: HTML, scraped plain text, or sniffed from the content.")
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
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=True, writable=True),
              help="Output file (one input) or directory (several inputs: one file each).")
@input_kind_option
@rules_option
@click.option("--front-matter", is_flag=True, help="Markdown: start with YAML front matter holding the metadata.")
@click.option("--url", help="The page's URL, recorded in the metadata (single input).")
@click.option("-w", "--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes for many inputs (output order stays the input order).")
@max_size_option
@max_lines_option
@traceback_option
def clean(inputs: tuple[str, ...], fmt: str, output: str | None, input_kind: str, rules_files: tuple[str, ...],
          front_matter: bool, url: str | None, workers: int, max_size_mb: int, max_lines: int,
          traceback: bool) -> None:
    """Clean pages: files, directories (recursive) or stdin ('-', or nothing when piped)."""
    options = _options(input_kind, rules_files, max_size_mb, max_lines)
    sources = _sources(inputs)
    many = len(sources) > 1 or any(Path(i).is_dir() for i in inputs)
    out_dir = Path(output) if output and (many or Path(output).is_dir() or output.endswith(("/", os.sep))) else None
    if many and output is None and fmt != "jsonl":
        raise click.UsageError("several inputs: give -o DIR for one file each, or use --format jsonl")
    writer = WRITERS[fmt]
    targets = output_names(sources, EXTENSIONS[fmt])
    batch = _Batch(options, url, traceback, workers)
    show_progress = many and sys.stderr.isatty()
    started, cleaned, empty = time.perf_counter(), 0, 0
    try:
        for n, (source, doc) in enumerate(batch.clean(sources), 1):
            if show_progress:
                click.echo(f"\r{n}/{len(sources)} {_shown(source.name)[-60:]}\x1b[K", err=True, nl=False)
            if _write(doc, source, writer, front_matter, out_dir, output, targets, batch):
                cleaned, empty = cleaned + bool(doc.body), empty + (not doc.body)
    except KeyboardInterrupt:
        # Outputs are written whole or not at all (write_atomic): what was done stands.
        click.echo("\ninterrupted: outputs written so far are complete; run again to finish", err=True)
        sys.exit(Exit.INTERRUPTED)
    if many:  # one summary line, over the progress line on a terminal
        summary = (f"{len(sources)} pages: {cleaned} cleaned, {empty} empty, {batch.failed} failed "
                   f"in {time.perf_counter() - started:.1f} s")
        click.echo(f"\r{summary}\x1b[K" if show_progress else summary, err=True)
    sys.exit(batch.exit_code)


def _write(doc: Document, source: Source, writer: Writer, front_matter: bool, out_dir: Path | None,
           output: str | None, targets: dict[str, Path], batch: _Batch) -> bool:
    """One document's output: a file under out_dir, the one output file, or stdout.
    False when it could not be written (reported, and counted as a failure)."""
    buffer = io.StringIO()
    writer(doc, buffer, front_matter)
    text = buffer.getvalue()
    try:
        if out_dir is not None:
            write_atomic(out_dir / targets[source.name], text)
        elif output:
            write_atomic(Path(output), text)
        else:
            click.echo(text, nl=False)
    except OSError as exc:
        batch.fail(source, CleanerError(f"cannot write output: {exc.strerror or exc}"))
        return False
    return True


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@input_kind_option
@rules_option
@click.option("--width", type=int, default=70, show_default=True, help="Characters of each line's text to show.")
@traceback_option
def explain(inputs: tuple[str, ...], input_kind: str, rules_files: tuple[str, ...], width: int,
            traceback: bool) -> None:
    """Show every line with its label, score and the reasons that decided it."""
    batch = _Batch(_options(input_kind, rules_files), None, traceback)
    for source, doc in batch.clean(_sources(inputs)):
        click.echo(f"# {source.name}: {doc.kind.value}, {doc.encoding} ({doc.encoding_method}), "
                   f"confidence {doc.confidence:.2f}")
        for b in doc.blocks:
            text = b.text.replace("\n", " ")
            text = text if len(text) <= width else text[: width - 1] + "…"
            role = "" if b.role == "body" else f"[{b.role}] "
            row = f"{b.index:4d}  {b.label.value:<10} {b.score:5.2f}  {','.join(b.reasons[:3]):<38} {role}{text}"
            click.echo(click.style(row, fg=LABEL_COLOURS[b.label]))
    sys.exit(batch.exit_code)


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
                outcome = fixtures.check(fixture_of_page(fixture), options)
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


def fixture_of_page(fixture: fixtures.Fixture) -> fixtures.Fixture:
    return fixtures.fixture_of(fixture.page)  # its expected files may be new since it was found


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
    try:
        written = fixtures.init(folder, pages, options)
    except CleanerError as exc:
        raise click.UsageError(str(exc)) from None
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(pages)} fixtures in {folder}; check them with: pagecleaner check {folder}")
