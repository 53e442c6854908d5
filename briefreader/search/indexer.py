"""Keeping the index in step with the library: a cache that heals itself.

`update_index` brings the index in `index_dir` to exactly the given
documents (and notes). It rebuilds from scratch, without asking anyone, when
the index is missing, unreadable, from another schema version, or was built
with another gazetteer; otherwise it (re)indexes only the entries whose
stamp changed and deletes the ones that are gone.

Concurrency: one writer at a time, enforced by Whoosh's own lock file
(`MAIN_WRITELOCK`, an `flock`, so a crashed writer's lock dies with it and
is never stale). A second writer waits up to `lock_timeout` seconds and then
raises `IndexBusyError`; readers never wait (Whoosh readers see the last
committed generation), so searching works while another process indexes.

The marker file is written last and removed first, so a build that dies
half-way is seen as "missing" next time and rebuilt.
"""

from __future__ import annotations

import json
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from briefreader.domain import Document
from briefreader.search.parallel import ProgressFn, Tagger, index_in_parallel, parallel_available
from briefreader.search.schema import (
    NOTE_PREFIX,
    SCHEMA_VERSION,
    document_fields,
    make_schema,
    note_fields,
)
from briefreader.search.writer import BulkSegmentWriter

MARKER: Final = "briefreader-index.json"
LOCK_NAME: Final = "MAIN_WRITELOCK"
#: Fewer new entries than this are indexed in-process: starting workers costs more.
PARALLEL_MIN_DOCS: Final = 400
#: Memory for the posting pool per writer process, in MB (postings are
#: sorted in memory; a full build of 80 MB of text needs ~600 MB per worker).
POOL_MB: Final = 1024


class IndexBusyError(RuntimeError):
    """Another process is updating the index; the message is one line."""


class NoteLike(Protocol):
    """What the index needs of a note (`briefreader.store.notes.Note` fits)."""

    @property
    def id(self) -> int | str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class IndexChanges:
    """What an update changed (ids), so views refresh only that."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    rebuilt: str = ""  # why the index was rebuilt from scratch, "" if it was not

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rebuilt)


def _read_marker(index_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((index_dir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_marker(index_dir: Path, fingerprint: str) -> None:
    tmp = index_dir / (MARKER + ".tmp")
    tmp.write_text(
        json.dumps({"schema_version": SCHEMA_VERSION, "fingerprint": fingerprint}),
        encoding="utf-8",
    )
    tmp.replace(index_dir / MARKER)


def index_problem(index_dir: Path, fingerprint: str | None = None) -> str:
    """Why the index cannot be used as it is ("" when it can)."""
    marker = _read_marker(index_dir)
    if marker is None:
        return "missing" if not (index_dir / MARKER).exists() else "unreadable marker"
    if marker.get("schema_version") != SCHEMA_VERSION:
        return f"schema version {marker.get('schema_version')} (this is {SCHEMA_VERSION})"
    if fingerprint is not None and marker.get("fingerprint") != fingerprint:
        return "gazetteer changed"
    # Whoosh leaves a damaged file open when it fails to read it; the file is
    # closed as the exception goes away. The damage is handled (by a
    # rebuild), so the ResourceWarning would only be noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ix = FileStorage(str(index_dir)).open_index()
            with ix.reader() as reader:
                reader.doc_count()
        except Exception as error:  # any damage at all means: rebuild
            problem = f"corrupt ({type(error).__name__})"
        else:
            problem = ""
    return problem


def open_index(index_dir: Path) -> FileIndex | None:
    """The index for reading, or None if there is no usable one (never raises)."""
    if index_problem(index_dir):
        return None
    try:
        return FileStorage(str(index_dir)).open_index()
    except Exception:
        return None


def _acquire(index_dir: Path, timeout: float) -> Any:
    lock = FileStorage(str(index_dir)).lock(LOCK_NAME)
    deadline = time.monotonic() + timeout
    while not lock.acquire(blocking=False):
        if time.monotonic() >= deadline:
            raise IndexBusyError(
                "the search index is busy: another briefreader is updating it; try again shortly"
            )
        time.sleep(0.05)
    return lock


def _clear(index_dir: Path) -> None:
    (index_dir / MARKER).unlink(missing_ok=True)
    for path in index_dir.iterdir():
        if path.name == LOCK_NAME:
            continue
        if path.is_dir():
            for sub in sorted(path.rglob("*"), reverse=True):
                sub.rmdir() if sub.is_dir() else sub.unlink()
            path.rmdir()
        else:
            path.unlink()


def _existing_stamps(ix: FileIndex) -> dict[str, str]:
    with ix.reader() as reader:
        return {fields["id"]: fields.get("stamp", "") for _, fields in reader.iter_docs()}


def update_index(
    index_dir: Path,
    documents: Sequence[Document],
    tagger: Tagger,
    *,
    notes: Iterable[NoteLike] = (),
    fingerprint: str = "",
    progress: ProgressFn | None = None,
    procs: int = 2,
    lock_timeout: float = 10.0,
) -> IndexChanges:
    """Make the index hold exactly `documents` and `notes`; see the module doc.

    `tagger(text)` returns the canonical (groups, countries) a text names.
    `progress(done, total)` is called from this thread as entries are indexed
    (also for "nothing to do": (0, 0)). Safe to call from a worker thread or
    a child process; with `procs` > 1 a large batch is split across that
    many forked worker processes.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = _acquire(index_dir, lock_timeout)
    try:
        problem = index_problem(index_dir, fingerprint)
        if problem:
            _clear(index_dir)
            FileStorage(str(index_dir)).create_index(make_schema())
        ix = FileStorage(str(index_dir)).open_index()
        existing = {} if problem else _existing_stamps(ix)
        wanted = _wanted(documents, notes, tagger)
        changes = _apply(ix, existing, wanted, progress, procs)
        if problem:
            _write_marker(index_dir, fingerprint)
            changes = IndexChanges(changes.added, changes.updated, changes.removed, problem)
        return changes
    finally:
        lock.release()


class _Entry:
    """One entry to index; its fields are built lazily (tagging costs)."""

    __slots__ = ("doc", "note", "stamp", "tagger")

    def __init__(
        self, stamp: str, tagger: Tagger, doc: Document | None, note: NoteLike | None
    ) -> None:
        self.stamp, self.tagger, self.doc, self.note = stamp, tagger, doc, note

    def fields(self) -> dict[str, Any]:
        if self.doc is not None:
            groups, countries = self.tagger(self.doc.title + "\n\n" + self.doc.body)
            return document_fields(self.doc, groups, countries)
        assert self.note is not None
        groups, countries = self.tagger(self.note.text)
        return note_fields(str(self.note.id), self.note.text, groups=groups, countries=countries)


def _wanted(
    documents: Sequence[Document], notes: Iterable[NoteLike], tagger: Tagger
) -> dict[str, _Entry]:
    from briefreader.search.schema import document_stamp, stamp_of

    wanted = {doc.id: _Entry(document_stamp(doc), tagger, doc, None) for doc in documents}
    for note in notes:
        wanted[f"{NOTE_PREFIX}{note.id}"] = _Entry(stamp_of(("", note.text)), tagger, None, note)
    return wanted


def _apply(
    ix: FileIndex,
    existing: dict[str, str],
    wanted: dict[str, _Entry],
    progress: ProgressFn | None,
    procs: int,
) -> IndexChanges:
    added = tuple(i for i in wanted if i not in existing)
    updated = tuple(i for i, e in wanted.items() if i in existing and existing[i] != e.stamp)
    removed = tuple(i for i in existing if i not in wanted)
    todo = [wanted[i] for i in (*added, *updated)]
    report: Callable[[int, int], None] = progress or (lambda done, total: None)
    if not (todo or removed):
        report(0, 0)
        return IndexChanges()
    writer = BulkSegmentWriter(ix, _lk=False, limitmb=POOL_MB)
    try:
        for doc_id in (*updated, *removed):
            writer.delete_by_term("id", doc_id)
        if len(todo) >= PARALLEL_MIN_DOCS and procs > 1 and parallel_available():
            index_in_parallel(writer, [e.fields for e in todo], procs, report, POOL_MB)
        else:
            report(0, len(todo))
            for n, entry in enumerate(todo, 1):
                writer.add_document(**entry.fields())
                if n % 25 == 0 or n == len(todo):
                    report(n, len(todo))
            writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return IndexChanges(added, updated, removed)
