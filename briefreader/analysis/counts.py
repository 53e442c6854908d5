"""Per-document entity counts, kept beside the library so that no view re-scans text.

`Counts.sync(library, find, fingerprint)` is the one hook: called after an
import it counts the documents the import added (and drops the versions it
replaced); called on an existing library it backfills whatever is missing;
called after the gazetteer changed (the analyst added spellings) it
recounts everything, because every count may differ. With nothing to do it
costs one listing of the library (no text is read), so callers may call it
whenever they are unsure.

The counts live in a SQLite file of their own in the data directory's cache
(`opening.counts_path`), keyed by document id, not in the library's file:
with a team workspace the library is on the team's server while the
gazetteer, and so the counts, are each analyst's own; and a cache that can
be deleted and rebuilt does not belong in a file that is backed up.

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
from briefreader.corpus.library import Library

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
    title: str
    publisher: str


class Counts:
    """The analysis tables of one library file; thread-safe like `Library`."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.RLock()
        #: Entity ids met in the current write transaction.
        self._ids: dict[EntityKey, int] = {}

    @classmethod
    def open(cls, path: Path) -> Counts:
        """The counts kept in `path` (created empty if missing; fill them with `sync`)."""
        return cls(schema.connect(path))

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
        rows = self.read(
            "SELECT n, doc_id, day, dated, imported, mentions, title, publisher FROM analysis_docs"
        )
        return {r[0]: DocFacts(r[0], r[1], r[2], bool(r[3]), *r[4:]) for r in rows}

    def document_entities(self) -> dict[str, frozenset[EntityKey]]:
        """Every counted document's entities (what the facets filter on)."""
        named: dict[str, set[EntityKey]] = {}
        for doc_id, kind, canonical in self.read(
            "SELECT d.doc_id, e.kind, e.canonical FROM analysis_counts c "
            "JOIN analysis_docs d ON d.n = c.doc JOIN analysis_entities e ON e.id = c.entity"
        ):
            named.setdefault(doc_id, set()).add((kind, canonical))
        found = {doc_id: frozenset(keys) for doc_id, keys in named.items()}
        for doc_id in self.counted() - found.keys():
            found[doc_id] = frozenset()
        return found

    def counted(self) -> set[str]:
        """The ids of every counted document."""
        return {row[0] for row in self.read("SELECT doc_id FROM analysis_docs")}

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
        self,
        library: Library,
        find: MentionFinder,
        fingerprint: str,
        progress: SyncProgress | None = None,
    ) -> SyncReport:
        """Bring the tables in step with the library's current documents.

        `fingerprint` names the gazetteer and matcher `find` comes from (see
        `entities.cache.fingerprint`); when it differs from the one the
        counts were made with, every document is counted again.
        """
        stamp = f"{schema.SCHEMA_VERSION}:{fingerprint}"
        listing = {listed.id: listed for listed in library.listing()}
        with self._transaction() as db:
            rebuilt = schema.get_meta(db, "fingerprint") != stamp
            if rebuilt:
                schema.clear(db)
                schema.set_meta(db, "fingerprint", stamp)
            removed = writing.remove_gone(db, set(listing))
            redated = writing.redate(db, listing)
        counted_ids = self.counted()
        todo = [doc_id for doc_id in listing if doc_id not in counted_ids]
        added = 0
        for start in range(0, len(todo), BATCH):
            counted = []
            for doc_id in todo[start : start + BATCH]:
                doc = library.get(doc_id)
                if doc is not None:
                    counted.append((doc, listing[doc_id].imported_at, tally_document(doc, find)))
            with self._transaction() as db:
                added += writing.insert(db, counted, self._entity_in)
            if progress is not None:
                progress(min(start + BATCH, len(todo)), len(todo))
        return SyncReport(added, removed, redated, rebuilt)

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
