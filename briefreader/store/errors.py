"""The store's failures, each with a message an analyst can act on.

Every error carries a complete, one-line, human sentence in `str(error)`, so
the CLI can print it after "briefreader: " and the GUI can show it in a dialog
or status bar without rewording it.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class: something about the analyst's work database went wrong."""


class StoreBusyError(StoreError):
    """Another briefreader already holds the work database for writing."""


class StoreReadOnlyError(StoreError):
    """A write was attempted on a store opened read-only; nothing was changed."""


class StoreWriteError(StoreError):
    """A write failed (disk full, read-only disk, I/O error); nothing was changed.

    The transaction was rolled back, so the database holds exactly what it held
    before the call. Callers keep the user's edit in memory and retry.
    """


class StoreOfflineError(StoreWriteError):
    """The team's server cannot be reached; nothing was changed there.

    Writes made meanwhile wait in this machine's outbox (outbox.py) and are
    sent when the server answers again.
    """


class StoreConflictError(StoreError):
    """Another analyst changed the same thing first; nothing was changed.

    Raised by undo and redo when the step would overwrite someone else's
    later change (undo is per analyst: it only takes back one's own steps).
    """


class StoreVersionError(StoreError):
    """The database was written by a newer briefreader with an unknown schema."""


class StoreCorruptError(StoreError):
    """The database is damaged and no good backup could be restored."""


class NotFoundError(StoreError, KeyError):
    """A note, excerpt or briefing named by the caller does not exist."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not found"
