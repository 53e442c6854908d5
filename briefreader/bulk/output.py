"""Writing the bulk job's result as a library file the desktop app opens.

The same tables and columns as the app's own library (corpus/rows.py), so
`briefreader --data-dir DIR` opens it like any other: documents in library
order, each file's bytes and cleaned text, where each article was found, and
stories with the paragraphs where each version differs from the canonical one
(computed by the app's own `make_story`).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Any

from briefreader.bulk.stages import DocRow, FileRow, document_of
from briefreader.corpus.cluster import fingerprint, make_story
from briefreader.corpus.rows import SCHEMA, SCHEMA_VERSION, pack_fingerprint


class LibraryWriter:
    """Fills a new, empty library file in one transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        if self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone():
            self._db.close()
            raise FileExistsError(f"{path} already holds a library; bulk import needs a new one")
        self._db.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
        )
        self._db.execute("BEGIN IMMEDIATE")

    # Rows arrive in whatever order Spark delivers them; the ids given (file ids
    # by path, document `seq` by library order) put them in the app's order.
    def add_file(self, row: FileRow, file_id: int) -> None:
        path, sha, size, content, cleaned, encoding, imported_at = row
        self._db.execute(
            "INSERT INTO files (id, path, sha256, version, size, content, cleaned, encoding, "
            "imported_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)",
            (file_id, path, sha, size, content, cleaned, encoding, imported_at),
        )

    def add_occurrence(self, row: DocRow, file_id: int) -> None:
        self._db.execute(
            "INSERT INTO occurrences (doc_id, file_id, source_index) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (row[0], file_id, row[2]),
        )

    def add_document(self, row: DocRow, seq: int, file_id: int) -> None:
        doc_id, _path, _index, title, body, meta = row
        self._db.execute(
            "INSERT INTO documents (seq, id, article, version, current, file_id, title, body, "
            "meta) VALUES (?, ?, ?, 1, 1, ?, ?, ?, ?)",
            (seq, doc_id, doc_id, file_id, title, body, meta),
        )
        self._db.execute(
            "INSERT INTO fingerprints (doc_id, hashes) VALUES (?, ?)",
            (doc_id, pack_fingerprint(fingerprint(document_of(row)))),
        )

    def add_story(self, members: list[str], documents: dict[str, Any]) -> None:
        if len(members) == 1:
            row = self._db.execute(
                "SELECT id, title FROM documents WHERE id = ?", (members[0],)
            ).fetchone()
            from briefreader.domain import Document

            story = make_story([Document(id=row[0], title=row[1], body="")])
        else:
            story = make_story([documents[i] for i in members])
        self._db.execute(
            "INSERT INTO stories (id, title, document_ids, differing) VALUES (?, ?, ?, ?)",
            (story.id, story.title, json.dumps(story.document_ids), json.dumps(story.differing)),
        )
        self._db.executemany(
            "UPDATE documents SET story_id = ? WHERE id = ?", [(story.id, i) for i in members]
        )

    def __enter__(self) -> LibraryWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._db.execute("ROLLBACK" if kind else "COMMIT")
        self._db.close()
