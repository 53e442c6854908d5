"""Opening the counts of a data directory, brought up to date first.

The CLI and the window both start here: open (and on a fresh data
directory, seed) the library, load the analyst's gazetteer through the
matcher cache, and sync the counts so that a view never reads stale ones.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefreader.analysis.counts import Counts, SyncProgress, SyncReport
from briefreader.corpus.library import Library, open_library
from briefreader.entities import Gazetteer, Matcher
from briefreader.entities.cache import fingerprint, matcher_for_files
from briefreader.paths import DataPaths


@dataclass(frozen=True, slots=True)
class Opened:
    counts: Counts
    matcher: Matcher
    sync: SyncReport

    @property
    def gazetteer(self) -> Gazetteer:
        return self.matcher.gazetteer


def load_matcher(paths: DataPaths) -> Matcher:
    """The analyst's matcher (bundled gazetteer plus their additions), from the cache.

    A current cache is unpickled without parsing the gazetteer's files first.
    """
    return matcher_for_files(paths.user_gazetteer, paths.cache_dir)


def counts_path(paths: DataPaths) -> Path:
    """Where a data directory keeps its counts: a cache, rebuilt when deleted."""
    return paths.cache_dir / "analysis.sqlite3"


def open_counts_cache(paths: DataPaths) -> Counts:
    """The counts file, or counts in memory when it cannot be kept (a read-only data
    folder, a full disk): they are a cache, so every view still works, counted afresh."""
    try:
        return Counts.open(counts_path(paths))
    except (OSError, sqlite3.OperationalError):
        return Counts.open(Path(":memory:"))


def sync_counts(
    counts: Counts, library: Library, matcher: Matcher, progress: SyncProgress | None = None
) -> SyncReport:
    """The import hook: count what the library gained, with this matcher."""
    return counts.sync(library, matcher.find, fingerprint(matcher.gazetteer), progress)


def open_counts(
    paths: DataPaths,
    *,
    seed: bool = True,
    matcher: Matcher | None = None,
    progress: SyncProgress | None = None,
) -> Opened:
    """The data directory's counts, synced; the caller closes `Opened.counts`."""
    matcher = matcher or load_matcher(paths)
    with open_library(paths, seed=seed) as library:
        counts = open_counts_cache(paths)
        try:
            report = sync_counts(counts, library, matcher, progress)
        except (OSError, sqlite3.OperationalError):
            # The counts file opened but cannot take the new counts (a full disk).
            counts.close()
            counts = Counts.open(Path(":memory:"))
            report = sync_counts(counts, library, matcher, progress)
        except BaseException:
            counts.close()
            raise
    return Opened(counts, matcher, report)
