"""Library errors, all under one base class."""


class CleanerError(Exception):
    """Base class of every error the library raises on purpose."""


class NoTextError(CleanerError):
    """The input is binary data, not a page (an empty page is not an error: it cleans to nothing)."""


class InputError(CleanerError):
    """The input cannot be read (missing, unreadable, a broken gzip stream) or is past a limit."""


def size_limit(limit: int) -> str:
    """How a size limit reads in a message: "the 256 MB limit"."""
    return f"the {limit / 1024 / 1024:g} MB limit"
