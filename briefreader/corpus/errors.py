"""The one exception the corpus raises for input it cannot take."""

from __future__ import annotations


class Rejected(Exception):
    """A file or a byte string that cannot become a document; `str()` says why.

    The importer turns it into a "skipped (path, reason)" entry: one bad file
    never fails an import.
    """
