"""Where pages come from: files, directories (recursive) and stdin, one at a time."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import InputError

# In a directory, only files that look like pages are taken; named files are always taken.
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".gz", ""})
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """One input: its display name, and its name relative to what the user gave."""

    name: str  # the path as given (or found in a directory), "-" for stdin
    relative: Path  # where its output goes under an output directory, before the extension
    path: Path | None  # None for stdin

    def read(self) -> bytes:
        if self.path is None:
            return sys.stdin.buffer.read()
        try:
            if self.path.stat().st_size > MAX_BYTES:
                raise InputError("file larger than 512 MB")
            return self.path.read_bytes()
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


def iter_sources(inputs: list[str]) -> Iterator[Source]:
    """Sources in the order given; a directory yields its pages recursively, sorted."""
    for given in inputs:
        if given == "-":
            yield Source("-", Path("stdin"), None)
            continue
        path = Path(given)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if _is_page(p) and not _hidden(p, path)):
                yield Source(str(found), found.relative_to(path), found)
        else:
            yield Source(given, Path(path.name), path)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def output_names(sources: list[Source], extension: str) -> dict[str, Path]:
    """Output paths for a batch; inputs that would share one (page.html, page.txt) keep
    their own suffix instead (page.html.md, page.txt.md), so nothing is overwritten."""
    names = {s.name: output_name(s, extension) for s in sources}
    seen: dict[Path, int] = {}
    for path in names.values():
        seen[path] = seen.get(path, 0) + 1
    return {s.name: (s.relative.with_name(s.relative.name + extension) if seen[names[s.name]] > 1 else names[s.name])
            for s in sources}


def output_name(source: Source, extension: str) -> Path:
    """page.html -> page.md; page.txt.gz -> page.md."""
    name = source.relative
    for _ in range(2):
        if name.suffix.lower() in PAGE_SUFFIXES - {""}:
            name = name.with_suffix("")
    return name.with_name(name.name + extension)
