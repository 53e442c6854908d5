"""The index's table of contents: which segments it holds, changed one commit at a time.

Whoosh keeps the list of segments (and each segment's deleted documents) in
a numbered TOC file; a reader sees the newest complete one. The build adds
each finished segment with its own commit, so searching sees the part
already indexed, and a build that stops half-way keeps what it committed.

Whoosh's own commit deletes every segment file the new TOC does not name,
which would delete the files a worker is still writing. `commit` here only
deletes what it is told is gone (and older TOC files); `clean_orphans`
removes a dead writer's leftovers when no writer can be running.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from typing import Any, Final

from whoosh.index import TOC, clean_files

from briefreader.search import mapped

INDEX_NAME: Final = "MAIN"

mapped.install()  # every module that opens the index imports this one


def read_toc(storage: Any) -> Any:
    return TOC.read(storage, INDEX_NAME)


def commit(storage: Any, segments: Sequence[Any], *, retired: Iterable[Any] = ()) -> int:
    """Make `segments` the index's segment list; returns the new generation.

    The caller holds the index's write lock. `retired` are segments whose
    documents now live elsewhere (merged): their files are deleted.
    """
    current = read_toc(storage)
    generation = current.generation + 1
    TOC(current.schema, list(segments), generation).write(storage, INDEX_NAME)
    pattern = TOC._pattern(INDEX_NAME)
    for name in list(storage):
        found = pattern.match(name)
        if found and int(found.group(1)) < generation:
            _delete(storage, name)
    gone = {segment.segment_id() for segment in retired}
    if gone:
        for name in list(storage):
            if any(name.startswith(f"{segid}.") for segid in gone):
                _delete(storage, name)
    return generation


def clean_orphans(storage: Any) -> None:
    """Delete files no committed segment owns (call only with no writer running)."""
    toc = read_toc(storage)
    clean_files(storage, INDEX_NAME, toc.generation, toc.segments)


def _delete(storage: Any, name: str) -> None:
    # A reader on a platform that locks open files keeps it; cleaned later.
    with contextlib.suppress(OSError):
        storage.delete_file(name)
