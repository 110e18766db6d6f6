"""Writing results: whole files or nothing (a temporary file renamed into place), and
where a batch's results go (a JSONL stream, a folder of files, stdout; rejects)."""
from __future__ import annotations

import gzip
import json
import os
import secrets
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .batch import Rendered, error_record
from .corpora import Item, safe_name
from .errors import CleanerError
from .sources import output_name
from .writers import EXTENSIONS


class OutputError(CleanerError):
    """An output (a JSONL file, a rejects file) cannot be opened for writing."""


def shown(name: str) -> str:
    """A name with a newline or a terminal escape in it is quoted: a report stays one line."""
    return name if name.isprintable() else repr(name)


def write_atomic(path: Path, text: str) -> None:
    """Write text to path so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:  # created inside the try: a Ctrl-C at any moment still removes it
        # "replace": text that cannot be UTF-8 (a lone surrogate from a library caller) is
        # marked, not a reason to lose the whole file.
        with open(tmp, "x", encoding="utf-8", errors="replace", newline="\n") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class Sink:
    """Where a batch's results go: a JSONL stream (stdout or a file), a folder of files,
    one file or stdout, with the counts of what was written. `report` gets the one-line
    error messages."""

    def __init__(self, fmt: str, out_dir: Path | None, output: str | None, resume: bool,
                 report: Callable[[str], None]) -> None:
        self.fmt, self.out_dir, self.output, self.report = fmt, out_dir, output, report
        self.streaming = fmt == "jsonl" and out_dir is None  # one JSONL stream, not a file a document
        self.cleaned = self.empty = self.failed = self.resumed = 0
        self.names: dict[Path, str] = {}  # page files' output names taken, by whom
        self.stream: Any = None
        self.resume = resume
        self.seen: set[str] = set()

    def __enter__(self) -> Sink:
        if self.streaming:
            if self.resume and self.output and Path(self.output).exists():
                self.seen = ids_in(Path(self.output))
            self.stream = open_stream(self.output, append=bool(self.seen))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None and self.stream is not sys.stdout:
            self.stream.close()

    def done(self, item: Item) -> bool:
        """Whether --resume may skip the item: its output is there already."""
        if self.streaming:
            found = item.id in self.seen
        else:
            found = self.out_dir is not None and (self.out_dir / self._target(item)).exists()
        self.resumed += found
        return found

    def _target(self, item: Item) -> Path:
        """Where a document's file goes under -o DIR. Records are named from their ids
        (two that share one were numbered apart as they were read: corpora.Names); page
        files from their names, and two pages that would share one (page.html and
        page.txt) keep their suffixes."""
        extension = EXTENSIONS[self.fmt]
        if item.source is None:
            base = item.relative or Path(safe_name(item.id))
            return base.with_name(base.name + extension)
        base = output_name(item.source, "")
        target = base.with_name(base.name + extension)
        if self.names.setdefault(target, item.id) != item.id:
            target = item.source.relative.with_name(item.source.relative.name + extension)
        return target

    def fail(self, item: Item, exc: Exception) -> None:
        self.failed += 1
        self.report(f"Error: {shown(item.name)}: {exc}")
        if self.stream is not None:
            self._emit(json.dumps(error_record(item, str(exc)), ensure_ascii=False) + "\n")

    def write(self, item: Item, out: Rendered) -> bool:
        """One document's output; False when it could not be written (reported, counted)."""
        try:
            if self.stream is not None:
                self._emit(out.text)
            elif self.out_dir is not None:
                write_atomic(self.out_dir / self._target(item), out.text)
            elif self.output:
                write_atomic(Path(self.output), out.text)
            else:
                self._emit(out.text, sys.stdout)
        except OSError as exc:
            self.failed += 1
            self.report(f"Error: {shown(item.name)}: cannot write output: {exc.strerror or exc}")
            return False
        if out.empty:
            self.empty += 1
        else:
            self.cleaned += 1
        return True

    def _emit(self, text: str, stream: Any = None) -> None:
        stream = stream or self.stream
        stream.write(text)
        if stream is sys.stdout:
            stream.flush()  # a reader down the pipe gets each document as it is done


def open_stream(output: str | None, append: bool) -> Any:
    """stdout, or the -o file (gzipped for .gz); a file is written in place: a JSONL
    stream is appended to by --resume, so a temporary file and a rename would not do."""
    if not output:
        return sys.stdout
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name.endswith(".gz"):
            return gzip.open(path, "at" if append else "wt", encoding="utf-8")
        return open(path, "a" if append else "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None


def ids_in(path: Path) -> set[str]:
    """The ids already in a JSONL output, for --resume. A run that was stopped may have
    left a last line cut short, or a gzip stream without its end: that tail is cut off
    the file here (its documents are done again), so that what --resume appends is not
    glued to it, or, in a .gz, written after a break no reader gets past."""
    packed = path.name.endswith(".gz")
    opener: Any = gzip.open if packed else open
    ids: set[str] = set()
    whole: list[str] = []  # the complete lines, should the file need writing again
    cut = False
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as handle:
            for line in handle:
                if not line.endswith("\n"):
                    cut = True  # the last line, cut short
                    break
                whole.append(line)
                try:
                    ids.add(str(json.loads(line)["id"]))
                except (ValueError, KeyError, TypeError, RecursionError):
                    continue
    except (OSError, EOFError, zlib.error):  # a gzip stream cut off, or no gzip at all
        cut = True
    if cut:
        _rewrite(path, whole, packed)
    return ids


def _rewrite(path: Path, lines: list[str], packed: bool) -> None:
    """The JSONL output with only its complete lines, put in place in one step."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with (gzip.open(tmp, "wt", encoding="utf-8", newline="") if packed
              else open(tmp, "w", encoding="utf-8", newline="")) as out:
            out.writelines(lines)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot repair {path} for --resume: {exc.strerror or exc}") from None


class Rejects:
    """--rejects: one JSON line for every document that failed or came out empty."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: Any = None

    def __enter__(self) -> Rejects:
        if self.path:
            try:
                self.handle = open(self.path, "w", encoding="utf-8", newline="\n")
            except OSError as exc:
                raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()

    def add(self, item: Item, reason: str) -> None:
        if self.handle is not None:
            self.handle.write(json.dumps({"id": item.id, "url": item.url, "reason": reason}, ensure_ascii=False) + "\n")
