"""pagecleaner: strip navigation and ads from web pages, HTML or scraped text.

    from cleaner import clean
    doc = clean(open("page.html", "rb").read())
    print(doc.title, doc.text)
"""
import logging

from .errors import CleanerError, InputError, NoTextError
from .options import Options, Thresholds, Weights
from .pipeline import clean
from .records import Block, Document, Features, Kind, Label, Metadata

__all__ = [
    "Block", "CleanerError", "Document", "Features", "InputError", "Kind", "Label",
    "Metadata", "NoTextError", "Options", "Thresholds", "Weights", "clean",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
