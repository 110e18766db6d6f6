"""pagecleaner: strip navigation and ads from web pages, HTML or scraped text.

    from cleaner import clean
    doc = clean(open("page.html", "rb").read())
    print(doc.title, doc.text)

    options = load_rules("my-rules.toml")  # the built-in rules with yours over them
    doc = clean(data, options=options)
"""
import logging

from .errors import CleanerError, InputError, NoTextError
from .options import Limits, Options, Thresholds, Weights
from .pipeline import clean
from .records import Block, Document, Features, Kind, Label, Metadata
from .rules import RulesError
from .rules import load as load_rules

__all__ = [
    "Block", "CleanerError", "Document", "Features", "InputError", "Kind", "Label", "Limits",
    "Metadata", "NoTextError", "Options", "RulesError", "Thresholds", "Weights", "clean", "load_rules",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
