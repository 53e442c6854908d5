"""What the corpus raises: input it cannot take, and a library file it cannot use."""

from __future__ import annotations


class Rejected(Exception):
    """A file or a byte string that cannot become a document; `str()` says why.

    The importer turns it into a "skipped (path, reason)" entry: one bad file
    never fails an import.
    """


class LibraryError(Exception):
    """The library file itself cannot be used as asked; `str()` is one line for the analyst.

    Its messages never hold a local path: the file is named, never where it lives.
    """


class LibraryReadOnlyError(LibraryError):
    """An import was asked of a library opened read-only; nothing was changed."""


class LibraryWriteError(LibraryError):
    """A write failed (disk full, read-only disk, I/O error); what was committed is kept."""


class LibraryDamagedError(LibraryError):
    """The library file is damaged; the next start sets it aside and restores a backup."""
