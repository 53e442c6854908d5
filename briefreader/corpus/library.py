"""The library: imported files and their documents, in one SQLite file.

It keeps each file's original bytes and cleaned text, each document's
cleaned text and metadata under its content-derived id, and every version:
a changed file at the same path gives its changed articles a new version,
and `documents()` lists only the newest version of each article, while
`get()` still finds the old ones (notes and excerpts may point at them).
Importing the same bytes from the same path again adds nothing.

One connection serves every thread, guarded by a lock, so the GUI can import
on a worker thread while the UI thread reads. WAL lets another process (the
CLI) read at the same time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from briefreader.corpus.cluster import cluster, containment, shingles
from briefreader.corpus.errors import Rejected
from briefreader.corpus.files import DEFAULT_MAX_BYTES, Found, discover, read_capped
from briefreader.corpus.parse import parse_bytes
from briefreader.corpus.report import ImportReport
from briefreader.corpus.rows import COLUMNS, SCHEMA, SCHEMA_VERSION, document_from_row, meta_json
from briefreader.domain import Document, Story
from briefreader.paths import DataPaths, seeds_dir

Progress = Callable[[int, int, str], None]


class Library:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path) -> Library:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            path, check_same_thread=False, timeout=30, isolation_level=None
        )
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA foreign_keys=ON")
        connection.executescript(SCHEMA)
        connection.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
        )
        return cls(connection)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- reading -----------------------------------------------------------

    def is_empty(self) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    def documents(self) -> list[Document]:
        """The newest version of each article, in the order they were imported."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {COLUMNS} FROM documents AS d WHERE current = 1 ORDER BY "
                "(SELECT MIN(seq) FROM documents AS a WHERE a.article = d.article), seq"
            ).fetchall()
        return [document_from_row(row) for row in rows]

    def get(self, doc_id: str) -> Document | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {COLUMNS} FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()
        return document_from_row(row) if row else None

    def versions(self, doc_id: str) -> list[Document]:
        """Every version of the article `doc_id` belongs to, oldest first."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {COLUMNS} FROM documents WHERE article = "
                "(SELECT article FROM documents WHERE id = ?) ORDER BY version",
                (doc_id,),
            ).fetchall()
        return [document_from_row(row) for row in rows]

    def sources(self, doc_id: str) -> list[str]:
        """Every file the document was found in (exact duplicates share an id)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT DISTINCT f.path FROM occurrences o JOIN files f ON f.id = o.file_id "
                "WHERE o.doc_id = ? ORDER BY f.id",
                (doc_id,),
            ).fetchall()
        return [row[0] for row in rows]

    def original_bytes(self, doc_id: str) -> bytes | None:
        """The bytes of the file the document was first imported from."""
        with self._lock:
            row = self._db.execute(
                "SELECT f.content FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = ?",
                (doc_id,),
            ).fetchone()
        return bytes(row[0]) if row else None

    def stories(self) -> list[Story]:
        """Stories in library order; each lists its versions and the files they came from."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, title, document_ids, differing FROM stories ORDER BY rowid"
            ).fetchall()
            found_in: dict[str, list[str]] = {}
            for doc_id, path in self._db.execute(
                "SELECT DISTINCT o.doc_id, f.path FROM occurrences o "
                "JOIN files f ON f.id = o.file_id ORDER BY o.doc_id, f.id"
            ):
                found_in.setdefault(doc_id, []).append(path)
        stories = []
        for row in rows:
            ids = tuple(json.loads(row[2]))
            stories.append(
                Story(
                    id=row[0],
                    title=row[1],
                    document_ids=ids,
                    differing={k: tuple(v) for k, v in json.loads(row[3]).items()},
                    sources={i: tuple(found_in.get(i, ())) for i in ids},
                )
            )
        return stories

    def story(self, story_id: str) -> Story | None:
        return next((s for s in self.stories() if s.id == story_id), None)

    # -- importing ---------------------------------------------------------

    def ensure_seeded(self, seeds: Path) -> ImportReport | None:
        """Import `seeds` if the library has never imported anything."""
        with self._lock:
            if not self.is_empty():
                return None
            return self.import_paths([seeds])

    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import files and folders; one bad file never fails the rest."""
        found = list(discover(paths))
        acc = _Accumulator()
        for done, item in enumerate(found, start=1):
            if progress is not None:
                progress(done, len(found), str(item.path))
            if item.reason:
                acc.skipped.append((str(item.path), item.reason))
                continue
            try:
                self._import_file(item, max_bytes, acc)
            except Rejected as error:
                acc.skipped.append((str(item.path), str(error)))
        stories_changed: tuple[str, ...] = ()
        if acc.added or acc.new_versions:
            stories_changed = self._recluster()
        return acc.report(stories_changed)

    def _import_file(self, item: Found, max_bytes: int, acc: _Accumulator) -> None:
        data = read_capped(item.path, max_bytes)
        path = str(item.path.resolve())
        sha = hashlib.sha256(data).hexdigest()
        with self._lock:
            known = self._db.execute(
                "SELECT id, version = (SELECT MAX(version) FROM files WHERE path = ?) "
                "FROM files WHERE path = ? AND sha256 = ?",
                (path, path, sha),
            ).fetchone()
            if known and known[1]:  # the bytes this path last held: nothing to do
                ids = [
                    r[0]
                    for r in self._db.execute(
                        "SELECT doc_id FROM occurrences WHERE file_id = ? ORDER BY source_index",
                        (known[0],),
                    )
                ]
                acc.files_read += 1
                acc.unchanged.extend(ids)
                acc.documents.extend(ids)
                return
        parsed = parse_bytes(data, source=path, fmt=item.format)
        acc.files_read += 1
        for warning in parsed.warnings:
            acc.warnings.append((path, warning))
        if item.guessed_format:
            acc.warnings.append((path, "unknown file type; read as plain text"))
        with self._transaction() as db:
            previous = db.execute(
                "SELECT id, version FROM files WHERE path = ? ORDER BY version DESC LIMIT 1",
                (path,),
            ).fetchone()
            version = previous[1] + 1 if previous else 1
            if known:  # reverted to bytes it held before: that file is the newest again
                file_id = known[0]
                db.execute("UPDATE files SET version = ? WHERE id = ?", (version, file_id))
            else:
                file_id = db.execute(
                    "INSERT INTO files (path, sha256, version, size, content, cleaned, "
                    "encoding, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        path,
                        sha,
                        version,
                        len(data),
                        data,
                        parsed.text,
                        parsed.encoding,
                        datetime.now(UTC).isoformat(timespec="seconds"),
                    ),
                ).lastrowid
            assert file_id is not None
            old = self._current_documents_of(previous[0]) if previous else []
            for doc in parsed.documents:
                self._store(db, doc, file_id, old, acc)

    def _current_documents_of(self, file_id: int) -> list[Document]:
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM documents WHERE current = 1 AND id IN "
            "(SELECT doc_id FROM occurrences WHERE file_id = ?)",
            (file_id,),
        ).fetchall()
        return [document_from_row(row) for row in rows]

    def _store(
        self,
        db: sqlite3.Connection,
        doc: Document,
        file_id: int,
        old: list[Document],
        acc: _Accumulator,
    ) -> None:
        acc.documents.append(doc.id)
        db.execute(
            "INSERT OR IGNORE INTO occurrences (doc_id, file_id, source_index) VALUES (?, ?, ?)",
            (doc.id, file_id, doc.source_index),
        )
        existing = db.execute(
            "SELECT article, current FROM documents WHERE id = ?", (doc.id,)
        ).fetchone()
        if existing and existing[1]:
            acc.unchanged.append(doc.id)
            return
        if existing:  # an older version came back (a file was reverted)
            article = existing[0]
            superseded = db.execute(
                "SELECT id FROM documents WHERE article = ? AND current = 1", (article,)
            ).fetchall()
            db.execute("UPDATE documents SET current = 0 WHERE article = ?", (article,))
            db.execute("UPDATE documents SET current = 1 WHERE id = ?", (doc.id,))
            acc.new_versions.append(doc.id)
            acc.superseded.extend(row[0] for row in superseded)
            return
        predecessor = _predecessor(doc, old)
        if predecessor is not None:
            old.remove(predecessor)
            row = db.execute(
                "SELECT article, (SELECT MAX(version) FROM documents d2 WHERE d2.article = "
                "d.article) FROM documents d WHERE id = ?",
                (predecessor.id,),
            ).fetchone()
            article, version = row[0], row[1] + 1
            db.execute("UPDATE documents SET current = 0 WHERE article = ?", (article,))
            acc.new_versions.append(doc.id)
            acc.superseded.append(predecessor.id)
        else:
            article, version = doc.id, 1
            acc.added.append(doc.id)
        db.execute(
            "INSERT INTO documents (id, article, version, current, file_id, title, body, meta) "
            "VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
            (doc.id, article, version, file_id, doc.title, doc.body, meta_json(doc)),
        )

    def _recluster(self) -> tuple[str, ...]:
        """Recompute stories over the current documents; return the ones that changed."""
        with self._lock:
            documents = self.documents()
            result = cluster(documents)
            before = {s.id: s.document_ids for s in self.stories()}
            with self._transaction() as db:
                db.execute("DELETE FROM stories")
                db.executemany(
                    "INSERT INTO stories (id, title, document_ids, differing) VALUES (?, ?, ?, ?)",
                    [
                        (s.id, s.title, json.dumps(s.document_ids), json.dumps(s.differing))
                        for s in result.stories
                    ],
                )
                db.executemany(
                    "UPDATE documents SET story_id = ? WHERE id = ?",
                    [(story_id, doc_id) for doc_id, story_id in result.story_of.items()],
                )
        return tuple(s.id for s in result.stories if before.get(s.id) != s.document_ids)


def open_library(paths: DataPaths, *, seed: bool = True) -> Library:
    """The analyst's library, filled from the bundled seeds on first run."""
    paths.ensure()
    library = Library.open(paths.library_db)
    if seed:
        library.ensure_seeded(seeds_dir())
    return library


def _predecessor(doc: Document, old: list[Document]) -> Document | None:
    """The older version of `doc` among the articles its file held before."""
    for candidate in old:
        if candidate.title == doc.title:
            return candidate
    new = shingles(doc.body)
    best = max(old, key=lambda c: containment(new, shingles(c.body)), default=None)
    if best is not None and containment(new, shingles(best.body)) >= 0.5:
        return best
    return None


@dataclasses.dataclass
class _Accumulator:
    added: list[str] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    new_versions: list[str] = dataclasses.field(default_factory=list)
    superseded: list[str] = dataclasses.field(default_factory=list)
    documents: list[str] = dataclasses.field(default_factory=list)
    skipped: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    warnings: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    files_read: int = 0

    def report(self, stories_changed: tuple[str, ...]) -> ImportReport:
        return ImportReport(
            added=tuple(dict.fromkeys(self.added)),
            unchanged=tuple(i for i in dict.fromkeys(self.unchanged) if i not in self.added),
            new_versions=tuple(dict.fromkeys(self.new_versions)),
            superseded=tuple(dict.fromkeys(self.superseded)),
            documents=tuple(dict.fromkeys(self.documents)),
            skipped=tuple(self.skipped),
            warnings=tuple(self.warnings),
            stories_changed=stories_changed,
            files_read=self.files_read,
        )
