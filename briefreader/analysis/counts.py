"""Per-document entity counts, kept in the library so that no view re-scans text.

`Counts.sync(matcher)` is the one hook: called after an import it counts the
documents the import added (and drops the versions it replaced); called on
an existing library it backfills whatever is missing; called after the
gazetteer changed (the analyst added spellings) it recounts everything,
because every count may differ. It is cheap when there is nothing to do, so
callers may call it whenever they are unsure.

The reading side is deliberately thin: the view modules (trends, cooccur,
dossier, since) ask `Counts.read` for rows; this module only keeps the
tables right and maps entity keys to their small integer ids.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefreader.analysis import schema, writing
from briefreader.analysis.tally import EntityKey, MentionFinder, tally_document
from briefreader.corpus.rows import document_from_row
from briefreader.domain import Document

#: Documents counted per transaction: small enough that progress moves and a
#: reader on another thread never waits long, large enough to commit rarely.
BATCH = 200

SyncProgress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What a sync changed, so a view knows whether to redraw."""

    added: int = 0
    removed: int = 0
    redated: int = 0
    rebuilt: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.redated or self.rebuilt)


@dataclass(frozen=True, slots=True)
class DocFacts:
    """Where the views place one document."""

    n: int
    doc_id: str
    day: str
    dated: bool
    imported: str
    mentions: int


class Counts:
    """The analysis tables of one library file; thread-safe like `Library`."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.RLock()
        #: Entity ids met in the current write transaction.
        self._ids: dict[EntityKey, int] = {}
        #: `PRAGMA data_version` after our last sync: while it stays the same,
        #: no other connection (an import, another process) changed the file.
        self._seen_version: int | None = None

    @classmethod
    def open(cls, library_db: Path) -> Counts:
        return cls(schema.connect(library_db))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Counts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------

    def read(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of one query over the analysis and library tables."""
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    @contextmanager
    def locked(self) -> Iterator[sqlite3.Connection]:
        """The connection, for several statements no other thread may come between."""
        with self._lock:
            yield self._db

    def entity_id(self, key: EntityKey) -> int | None:
        """The small integer the tables use for an entity (None: never counted).

        Not cached: another process recounting with a changed gazetteer
        numbers the entities anew.
        """
        rows = self.read("SELECT id FROM analysis_entities WHERE kind = ? AND canonical = ?", key)
        return rows[0][0] if rows else None

    def entity_key(self, entity_id: int) -> EntityKey:
        (row,) = self.read(
            "SELECT kind, canonical FROM analysis_entities WHERE id = ?", (entity_id,)
        )
        return (row[0], row[1])

    def documents(self) -> dict[int, DocFacts]:
        """Every counted document by its number."""
        rows = self.read("SELECT n, doc_id, day, dated, imported, mentions FROM analysis_docs")
        return {r[0]: DocFacts(r[0], r[1], r[2], bool(r[3]), r[4], r[5]) for r in rows}

    def numbers_of(self, doc_ids: Sequence[str]) -> set[int]:
        """The document numbers of these ids (ids not counted are left out)."""
        wanted = set(doc_ids)
        rows = self.read("SELECT n, doc_id FROM analysis_docs")
        return {n for n, doc_id in rows if doc_id in wanted}

    def pending(self) -> int:
        """Current documents not counted yet (0 once a sync has run)."""
        row = self.read(
            "SELECT COUNT(*) FROM documents WHERE current = 1 "
            "AND id NOT IN (SELECT doc_id FROM analysis_docs)"
        )
        return int(row[0][0])

    # -- keeping the tables right -------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            self._ids = {}
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def sync(
        self, find: MentionFinder, fingerprint: str, progress: SyncProgress | None = None
    ) -> SyncReport:
        """Bring the tables in step with the library's current documents.

        `fingerprint` names the gazetteer and matcher `find` comes from (see
        `entities.cache.fingerprint`); when it differs from the one the
        counts were made with, every document is counted again.
        """
        stamp = f"{schema.SCHEMA_VERSION}:{fingerprint}"
        rebuilt = False
        with self._transaction() as db:
            if schema.get_meta(db, "fingerprint") != stamp:
                schema.clear(db)
                schema.set_meta(db, "fingerprint", stamp)
                rebuilt = True
            elif self._seen_version == _data_version(db):
                return SyncReport()  # nobody wrote to the library since our last sync
            removed = writing.remove_superseded(db)
            redated = writing.redate(db)
        todo = [
            row[0]
            for row in self.read(
                "SELECT id FROM documents WHERE current = 1 "
                "AND id NOT IN (SELECT doc_id FROM analysis_docs) ORDER BY seq"
            )
        ]
        added = 0
        for start in range(0, len(todo), BATCH):
            batch = self._load(todo[start : start + BATCH])
            counted = [(doc, imported, tally_document(doc, find)) for doc, imported in batch]
            with self._transaction() as db:
                added += writing.insert(db, counted, self._entity_in)
            if progress is not None:
                progress(min(start + BATCH, len(todo)), len(todo))
        with self._lock:
            self._seen_version = _data_version(self._db)
        return SyncReport(added, removed, redated, rebuilt)

    def _load(self, doc_ids: Sequence[str]) -> list[tuple[Document, str]]:
        """The documents (with their file's import time) in the order of `doc_ids`."""
        marks = ",".join("?" * len(doc_ids))
        rows = self.read(
            "SELECT d.id, d.title, d.body, d.story_id, d.version, d.meta, f.imported_at "
            f"FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id IN ({marks})",
            doc_ids,
        )
        by_id = {row[0]: (document_from_row(row[:6]), row[6]) for row in rows}
        return [by_id[doc_id] for doc_id in doc_ids if doc_id in by_id]

    def _entity_in(self, db: sqlite3.Connection, key: EntityKey) -> int:
        entity = self._ids.get(key)
        if entity is None:
            db.execute(
                "INSERT OR IGNORE INTO analysis_entities (kind, canonical) VALUES (?, ?)", key
            )
            entity = db.execute(
                "SELECT id FROM analysis_entities WHERE kind = ? AND canonical = ?", key
            ).fetchone()[0]
            self._ids[key] = entity
        return entity


def _data_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA data_version").fetchone()[0])
