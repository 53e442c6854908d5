"""Indexing in a child process: progress arrives, results come back."""

from __future__ import annotations

from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.search.background import IndexJob, build_in_child
from briefreader.search.indexer import IndexChanges, index_problem


def test_build_in_child_reports_progress_and_changes(data_paths: DataPaths) -> None:
    open_library(data_paths).close()  # seed the library here; the child indexes it
    events: list[tuple[int, int]] = []
    changes = build_in_child(data_paths, lambda d, t: events.append((d, t)))
    assert changes.rebuilt == "missing" and changes.added
    assert events and events[-1][0] == events[-1][1] == len(changes.added)
    assert index_problem(data_paths.index_dir) == ""
    # A second run finds nothing to do.
    assert build_in_child(data_paths) == IndexChanges()


def test_poll_never_blocks_and_cancel_leaves_a_usable_state(data_paths: DataPaths) -> None:
    open_library(data_paths).close()
    job = IndexJob.start(data_paths)
    assert isinstance(job.poll(), list)  # returns at once
    job.cancel()
    assert job.finished
    # Whatever the child managed, the next update repairs or completes it.
    build_in_child(data_paths)
    assert index_problem(data_paths.index_dir) == ""
