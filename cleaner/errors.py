"""Library errors, all under one base class."""


class CleanerError(Exception):
    """Base class of every error the library raises on purpose."""


class NoTextError(CleanerError):
    """The input holds no text at all (empty, or a binary file)."""


class InputError(CleanerError):
    """The input cannot be read (missing, unreadable, a broken gzip stream)."""
