"""Start-up order: the analyst's work first, then the library.

The notes, excerpts and briefings are the analyst's own and cannot be
imported again; the library can. So the work store is opened first and
whatever the library does next (a damaged file restored from a backup, a
read-only folder, a team server out of reach, or a plain failure) cannot
keep the notes from showing. The window's loading job and the CLI's
commands that need both use this.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from briefreader.control.library import LibrarySnapshot, load_library
from briefreader.corpus.errors import LibraryError
from briefreader.paths import DataPaths
from briefreader.sqlfile.faults import describe_os_error
from briefreader.store import Store
from briefreader.store.errors import StoreError
from briefreader.workspace.errors import ServerError


@dataclass(slots=True)
class Startup:
    """What opening found: the store (or why not) and the library (or why not)."""

    store: Store | None
    store_error: str | None
    snapshot: LibrarySnapshot
    library_error: str | None


def open_store(paths: DataPaths) -> Store | str:
    """The analyst's store, read-only if another briefreader holds it; else why not."""
    try:
        return Store.open(paths, if_locked="read_only")
    except StoreError as error:
        return f"work.sqlite3 could not be opened ({error}); read state kept in ui-state.json"


def library_failure(error: BaseException) -> str:
    """One line for a library that could not be opened at all."""
    if isinstance(error, LibraryError | ServerError):
        return f"the library could not be opened: {error}"
    return f"the library could not be opened ({describe_os_error(error)})"


def open_work_then_library(
    paths: DataPaths, progress: Callable[[str], None] | None = None
) -> Startup:
    """The store first, then the library; a library failure leaves an empty snapshot."""
    opened = open_store(paths)
    store, store_error = (opened, None) if isinstance(opened, Store) else (None, opened)
    try:
        snapshot = load_library(paths, progress=progress)
        error = None
    except (LibraryError, ServerError, OSError, sqlite3.Error) as failure:
        snapshot, error = LibrarySnapshot((), ()), library_failure(failure)
    return Startup(store, store_error, snapshot, error)
