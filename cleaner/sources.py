"""Where pages come from: files, directories (recursive) and stdin, one at a time."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .errors import InputError, size_limit

# In a directory, only files that look like pages are taken; named files are always taken.
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".txt", ".text", ".gz", ".bz2", ".xz", ".zst", ""})


@dataclass(frozen=True, slots=True)
class Source:
    """One input: its display name, and its name relative to what the user gave."""

    name: str  # the path as given (or found in a directory), "-" for stdin
    relative: Path  # where its output goes under an output directory, before the extension
    path: Path | None  # None for stdin
    problem: str = ""  # why it cannot be read, found while listing (an unreadable folder)

    def read(self, max_bytes: int | None = None) -> bytes:
        """The page's bytes; past `max_bytes` an InputError, without reading it all."""
        if self.problem:
            raise InputError(self.problem)
        if self.path is None:
            data = sys.stdin.buffer.read(max_bytes + 1 if max_bytes else -1)
            if max_bytes and len(data) > max_bytes:
                raise InputError(f"input larger than {size_limit(max_bytes)}")
            return data
        try:
            if max_bytes and self.path.stat().st_size > max_bytes:
                raise InputError(f"file larger than {size_limit(max_bytes)}")
            # Read no more than the limit allows all the same: a device (/dev/zero) or a
            # file still being written says nothing true of its size.
            with self.path.open("rb") as handle:
                data = handle.read(max_bytes + 1 if max_bytes else -1)
            if max_bytes and len(data) > max_bytes:
                raise InputError(f"file larger than {size_limit(max_bytes)}")
            return data
        except FileNotFoundError:
            raise InputError("no such file") from None
        except IsADirectoryError:
            raise InputError("is a directory") from None
        except PermissionError:
            raise InputError("permission denied") from None
        except OSError as exc:
            raise InputError(exc.strerror or str(exc)) from None


def _is_page(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".") and path.suffix.lower() in PAGE_SUFFIXES


Match = Callable[[Path], "bool | None"]


def iter_sources(inputs: list[str], match: Match | None = None) -> Iterator[Source]:
    """Sources in the order given; a directory yields its pages recursively, sorted
    (`match` may take or leave a file there: True, False, or None for the usual rule)."""
    for given in inputs:
        if given == "-":
            yield Source("-", Path("stdin"), None)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, match)
        else:
            yield Source(given, Path(path.name), path)


def _walk(root: Path, match: Match | None = None) -> Iterator[Source]:
    """The pages under a folder, sorted; hidden files and folders are passed over, links
    to folders are not followed (no loops), and a folder that cannot be listed becomes a
    source that fails with the reason, so the batch reports it and goes on."""
    found: list[Path] = []
    problems: list[OSError] = []
    for folder, folders, files in os.walk(root, onerror=problems.append):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            path = Path(folder) / name
            verdict = match(path) if match is not None else None
            if verdict or (verdict is None and _is_page(path)):
                if not name.startswith(".") and path.is_file():
                    found.append(path)
    for page in sorted(found):
        yield Source(str(page), page.relative_to(root), page)
    for exc in problems:
        where = Path(exc.filename or root)
        yield Source(str(where), where.relative_to(root) if where != root else Path(where.name), where,
                     problem=f"cannot list folder: {exc.strerror or exc}")


def output_name(source: Source, extension: str) -> Path:
    """page.html -> page.md; page.txt.gz -> page.md."""
    name = source.relative
    for _ in range(2):
        if name.suffix.lower() in PAGE_SUFFIXES - {""}:
            name = name.with_suffix("")
    return name.with_name(name.name + extension)
