"""Indexing in a child process: progress arrives, results come back."""

from __future__ import annotations

import errno

import pytest

from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.search.background import IndexJob, IndexJobError, build_in_child
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


def _disk_full(*, progress) -> None:  # type: ignore[no-untyped-def]
    raise OSError(errno.ENOSPC, "No space left on device", "/home/analyst/data/index/_MAIN_3.seg")


def _broken(*, progress) -> None:  # type: ignore[no-untyped-def]
    raise ValueError("cannot read /home/analyst/data/index/_MAIN_3.toc: bad header")


def test_a_failed_update_says_why_without_a_path() -> None:
    """The window shows this line in its status bar: never a local path."""
    with pytest.raises(IndexJobError) as full:
        IndexJob.start_call(_disk_full).wait()
    assert str(full.value) == "indexing failed: the disk is full"
    with pytest.raises(IndexJobError) as broken:
        IndexJob.start_call(_broken).wait()
    assert "/home" not in str(broken.value) and "_MAIN_3.toc: bad header" in str(broken.value)
