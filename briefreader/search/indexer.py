"""Keeping the index in step with the library: a cache that heals itself and resumes.

`update_index` brings the index in `index_dir` to exactly the given
documents (and notes). It rebuilds from scratch, without asking anyone, when
the index is unreadable, from another schema version, or was built with
another gazetteer; otherwise it (re)indexes only the entries whose stamp
changed and deletes the ones that are gone. A source whose ids name their
content (`ListedDocuments`, the library) is compared by ids and stories
from a listing, against the entry lists kept beside the segments
(`entries.py`), and only the documents to index are read: adding one
article to 100,000 costs ~0.3 s of CPU, not a pass over every text.

A build commits every finished segment (see `parallel.py`), so:

- searching works on the part already indexed;
- a build that stops half-way (crash, power cut, the app closed) resumes
  where it stopped: the next update finds those entries indexed and adds
  only the rest. `BUILDING` names the schema version and gazetteer the
  partial index was started with; `MARKER` is written when an update has
  finished, and an index with neither is rebuilt.

Concurrency: one writer at a time, enforced by Whoosh's own lock file
(`MAIN_WRITELOCK`, an `flock`, so a crashed writer's lock dies with it and
is never stale). A second writer waits up to `lock_timeout` seconds and then
raises `IndexBusyError`; readers never wait (Whoosh readers see the last
committed generation), so searching works while another process indexes.
"""

from __future__ import annotations

import json
import shutil
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol, runtime_checkable

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from briefreader.domain import Document
from briefreader.search.entries import Entries, changed, live_entries
from briefreader.search.integrity import damage, make_room, record
from briefreader.search.merge import merge_small
from briefreader.search.parallel import (
    Item,
    ProgressFn,
    Tagger,
    index_parallel,
    index_serial,
    parallel_available,
)
from briefreader.search.schema import (
    NOTE_PREFIX,
    SCHEMA_VERSION,
    document_stamp,
    make_schema,
    stamp_of,
)
from briefreader.search.segment import SEGMENT_DOCS
from briefreader.search.toc import INDEX_NAME, clean_orphans, commit, read_toc

MARKER: Final = "briefreader-index.json"
BUILDING: Final = "briefreader-index.building.json"
LOCK_NAME: Final = "MAIN_WRITELOCK"
#: Fewer new entries than this are indexed in-process: starting workers costs more.
PARALLEL_MIN_DOCS: Final = 400
#: Up to this many changed documents are read one by one (`ListedDocuments.fetch`);
#: more are picked out of one pass over the library.
FETCH_MAX: Final = 2_000


class IndexBusyError(RuntimeError):
    """Another process is updating the index; the message is one line."""


class NoteLike(Protocol):
    """What the index needs of a note (`briefreader.store.notes.Note` fits)."""

    @property
    def id(self) -> int | str: ...
    @property
    def text(self) -> str: ...


class Documents(Sized, Iterable[Document], Protocol):
    """What the index is built from: re-iterable, with a length (a list, or a
    stream over the library that never holds every document at once)."""


@runtime_checkable
class ListedDocuments(Documents, Protocol):
    """Documents whose ids name their content, as the library's do (a content id
    over title and body; a changed text is another id, and nothing but the
    story is ever changed under an id). An update then compares ids and stories
    from a listing, and reads only the documents it indexes: adding one
    article to 100,000 no longer reads and hashes every text."""

    def stories(self) -> Iterable[tuple[str, str]]:
        """(id, story id) of every document, without their texts."""
        ...

    def fetch(self, ids: Sequence[str]) -> Iterable[Document]:
        """The documents with these ids, in that order (a missing one is left out)."""
        ...


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


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_json(path: Path, fingerprint: str, files: dict[str, Any] | None = None) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(
        json.dumps({"schema_version": SCHEMA_VERSION, "fingerprint": fingerprint, **(files or {})}),
        encoding="utf-8",
    )
    tmp.replace(path)


def index_problem(
    index_dir: Path, fingerprint: str | None = None, *, thorough: bool = False
) -> str:
    """Why the index cannot be used as it is ("" when it can, a partial build included).

    Checks the version stamp, then the files against their recorded sizes
    (and checksums if `thorough`; see `integrity.py`), then that Whoosh
    can open it.
    """
    marker = _read_json(index_dir / MARKER) or _read_json(index_dir / BUILDING)
    if marker is None:
        if (index_dir / MARKER).exists():
            return "unreadable marker"
        return "missing"
    if marker.get("schema_version") != SCHEMA_VERSION:
        return f"schema version {marker.get('schema_version')} (this is {SCHEMA_VERSION})"
    if fingerprint is not None and marker.get("fingerprint") != fingerprint:
        return "gazetteer changed"
    if (index_dir / MARKER).exists() and (damaged := damage(index_dir, marker, thorough=thorough)):
        return damaged
    # Whoosh leaves a damaged file open when it fails to read it; the file is
    # closed as the exception goes away. The damage is handled (by a
    # rebuild), so the ResourceWarning would only be noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ix = FileStorage(str(index_dir)).open_index(INDEX_NAME)
            with ix.reader() as reader:
                reader.doc_count()
        except Exception as error:  # any damage at all means: rebuild
            problem = f"corrupt ({type(error).__name__})"
        else:
            problem = ""
    return problem


def is_complete(index_dir: Path) -> bool:
    """False while a build is under way or was interrupted (the index is then partial)."""
    return (index_dir / MARKER).exists() and not (index_dir / BUILDING).exists()


def open_index(index_dir: Path) -> FileIndex | None:
    """The index for reading, or None if there is no usable one (never raises)."""
    if index_problem(index_dir):
        return None
    try:
        return FileStorage(str(index_dir)).open_index(INDEX_NAME)
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


def update_index(
    index_dir: Path,
    documents: Documents,
    tagger: Tagger,
    *,
    notes: Iterable[NoteLike] = (),
    fingerprint: str = "",
    progress: ProgressFn | None = None,
    procs: int = 2,
    lock_timeout: float = 10.0,
    segment_docs: int = SEGMENT_DOCS,
) -> IndexChanges:
    """Make the index hold exactly `documents` and `notes`; see the module doc.

    `tagger(text)` returns the canonical (groups, countries) a text names.
    `progress(done, total)` is called from this thread as entries are indexed
    (also for "nothing to do": (0, 0)). Safe to call from a worker thread or
    a child process; with `procs` > 1 a large batch is split across that
    many forked worker processes.
    """
    displaced = make_room(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = _acquire(index_dir, lock_timeout)
    try:
        problem = displaced or index_problem(index_dir, fingerprint, thorough=True)
        checked = None if problem else _read_json(index_dir / MARKER)
        storage = FileStorage(str(index_dir))
        if problem:
            _clear(index_dir)
            storage.create_index(make_schema(), indexname=INDEX_NAME)
            _write_json(index_dir / BUILDING, fingerprint)
            existing = Entries()
        else:
            # No writer can be running: whatever a dead one left goes.
            clean_orphans(storage)
            _remove_temp(index_dir)
            existing = live_entries(storage, read_toc(storage))
        note_items = [(str(note.id), note.text) for note in notes]
        changes = _apply(
            str(index_dir),
            documents,
            note_items,
            existing,
            tagger,
            progress or (lambda done, total: None),
            procs,
            segment_docs,
        )
        merge_small(storage)
        _write_json(index_dir / MARKER, fingerprint, record(index_dir, checked))
        (index_dir / BUILDING).unlink(missing_ok=True)
        _remove_temp(index_dir)
        if problem:
            changes = IndexChanges(changes.added, changes.updated, changes.removed, problem)
        return changes
    finally:
        lock.release()


def _note_stamp(text: str) -> str:
    return stamp_of(("", text))


def _apply(
    folder: str,
    documents: Documents,
    notes: list[tuple[str, str]],
    existing: Entries,
    tagger: Tagger,
    report: ProgressFn,
    procs: int,
    segment_docs: int,
) -> IndexChanges:
    added: list[str] = []
    updated: list[str] = []
    removed: list[str] = []
    todo: set[str] | None = None  # None: everything (a fresh build needs no comparing)
    total = len(documents) + len(notes)
    listed = isinstance(documents, ListedDocuments)
    if existing:
        added, updated, removed = changed(
            existing,
            documents.stories() if listed else _stamps(documents),  # type: ignore[attr-defined]
            [(f"{NOTE_PREFIX}{note_id}", _note_stamp(text)) for note_id, text in notes],
            by_story=listed,
        )
        todo = set(added) | set(updated)
        total = len(todo)
        if not (todo or removed):
            report(0, 0)
            return IndexChanges()
    storage = FileStorage(folder)
    segments = list(read_toc(storage).segments)
    for entry_id in (*updated, *removed):
        number, docnum = existing.where(entry_id)
        segments[number].delete_document(docnum)

    def on_segment(segment: Any, _docs: int) -> None:
        segments.append(segment)
        commit(storage, segments)

    if todo is not None and listed and len(todo) <= FETCH_MAX:
        items = _fetched(documents, notes, [*added, *updated], todo)
    else:
        items = _items(documents, notes, todo, added if todo is None else None)
    if total >= PARALLEL_MIN_DOCS and procs > 1 and parallel_available():
        index_parallel(
            folder,
            items,
            total,
            tagger,
            procs=procs,
            report=report,
            on_segment=on_segment,
            segment_docs=segment_docs,
        )
    else:
        index_serial(
            folder,
            items,
            total,
            tagger,
            report=report,
            on_segment=on_segment,
            segment_docs=segment_docs,
        )
    commit(storage, segments)  # the deletions, if no segment was added
    return IndexChanges(tuple(added), tuple(updated), tuple(removed))


def _fetched(
    documents: Documents, notes: list[tuple[str, str]], ids: list[str], todo: set[str]
) -> Iterator[Item]:
    """The changed entries only: documents read by id, then notes."""
    assert isinstance(documents, ListedDocuments)
    doc_ids = [entry_id for entry_id in ids if not entry_id.startswith(NOTE_PREFIX)]
    yield from documents.fetch(doc_ids)
    for note_id, text in notes:
        if f"{NOTE_PREFIX}{note_id}" in todo:
            yield note_id, text


def _stamps(documents: Documents) -> Iterator[tuple[str, str]]:
    """Every document's id and stamp (reading every text)."""
    for doc in documents:
        yield doc.id, document_stamp(doc)


def _items(
    documents: Documents,
    notes: list[tuple[str, str]],
    todo: set[str] | None,
    added: list[str] | None,
) -> Iterator[Item]:
    """The entries to index, read as they are needed; `todo` None means all of them,
    whose ids then go to `added` as they pass."""
    seen: set[str] = set()
    for doc in documents:
        if (todo is None or doc.id in todo) and doc.id not in seen:
            seen.add(doc.id)
            if added is not None:
                added.append(doc.id)
            yield doc
    for note_id, text in notes:
        entry_id = f"{NOTE_PREFIX}{note_id}"
        if (todo is None or entry_id in todo) and entry_id not in seen:
            seen.add(entry_id)
            if added is not None:
                added.append(entry_id)
            yield note_id, text


def _remove_temp(index_dir: Path) -> None:
    """Remove the writers' scratch folders (only ever called with the write lock held
    and no worker running)."""
    for path in index_dir.glob("*.tmp"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
