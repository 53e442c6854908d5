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

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from briefreader.corpus.errors import (
    LibraryError,
    LibraryReadOnlyError,
    LibraryWriteError,
    Rejected,
)
from briefreader.corpus.files import DEFAULT_MAX_BYTES, Found, discover
from briefreader.corpus.formats import SUFFIXES
from briefreader.corpus.importer import (
    Accumulator,
    Replay,
    display_path,
    import_file,
    transaction,
)
from briefreader.corpus.library_guard import GuardedLock, KeptOriginalError
from briefreader.corpus.originals import Original
from briefreader.corpus.report import ImportReport, stopped_message
from briefreader.corpus.rows import (
    COLUMNS,
    ID_AND_STORY,
    LIBRARY_ORDER,
    LISTING,
    SCHEMA,
    SCHEMA_VERSION,
    Listed,
    document_from_row,
    listed_from_row,
)
from briefreader.corpus.story_update import add_to_stories, cluster_all
from briefreader.domain import Document, Story
from briefreader.paths import DataPaths, seeds_dir
from briefreader.workspace.errors import ServerError

if TYPE_CHECKING:
    from briefreader.corpus.library_file import Safety

Progress = Callable[[int, int, str], None]


class Library:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = GuardedLock()
        #: Why nothing can be imported (read-only folder, damaged file shown from a
        #: backup, a reader's role on the team's server), for the status bar; None if it can.
        self.read_only_reason: str | None = None
        #: What opening did about a damaged file (set aside, restored, rebuilt); show it once.
        self.recovery: str | None = None
        #: The file's safety (backups before imports, kept originals); None on the server.
        self.safety: Safety | None = None

    @property
    def read_only_notice(self) -> str | None:
        """`read_only_reason` as a sentence of its own, for a status line."""
        reason = self.read_only_reason
        return f"the library is read-only: {reason}" if reason else None

    @property
    def backup_error(self) -> str | None:
        """The last automatic library backup's failure, if it failed."""
        return self.safety.backup_error if self.safety is not None else None

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
            if self.safety is not None:
                self.safety.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, transaction(self._db) as db:
            yield db

    # -- reading -----------------------------------------------------------

    def is_empty(self) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    def documents(self) -> list[Document]:
        """The newest version of each article, in the order they were imported."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {COLUMNS} FROM documents AS d WHERE current = 1 ORDER BY {LIBRARY_ORDER}"
            ).fetchall()
        return [document_from_row(row) for row in rows]

    def listing(self) -> list[Listed]:
        """Each current document's id, title, date, publisher and import time, not its text.

        What a cache kept beside the library (the analysis counts) compares
        itself with after an import: reading every body would cost far more.
        """
        with self._lock:
            rows = self._db.execute(LISTING).fetchall()
        return [listed_from_row(row) for row in rows]

    def document_stories(self) -> list[tuple[str, str]]:
        """Each current document's id and story id: all that can change under an id."""
        with self._lock:
            return self._db.execute(ID_AND_STORY).fetchall()

    def document_count(self) -> int:
        """How many articles `documents()` would list."""
        with self._lock:
            (count,) = self._db.execute(
                "SELECT COUNT(*) FROM documents WHERE current = 1"
            ).fetchone()
        return int(count)

    def iter_documents(self, page: int = 256) -> Iterator[Document]:
        """The newest version of each article, a page at a time, in the order rows
        were written: for work over the whole library (indexing 100,000 articles)
        that must not hold every text in memory at once. The lock is held per page."""
        last = -1
        while True:
            with self._lock:
                rows = self._db.execute(
                    f"SELECT seq, {COLUMNS} FROM documents WHERE current = 1 AND seq > ? "
                    "ORDER BY seq LIMIT ?",
                    (last, page),
                ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            for row in rows:
                yield document_from_row(row[1:])

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
                "SELECT f.path FROM occurrences o JOIN files f ON f.id = o.file_id "
                "WHERE o.doc_id = ? GROUP BY f.path ORDER BY MIN(f.id)",
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
                "SELECT o.doc_id, f.path FROM occurrences o JOIN files f ON f.id = o.file_id "
                "GROUP BY o.doc_id, f.path ORDER BY o.doc_id, MIN(f.id)"
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
        """Import `seeds` if the library has never imported anything (and can)."""
        with self._lock:
            if self.read_only_reason is not None or not self.is_empty():
                return None
            return self.import_paths([seeds])

    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Progress | None = None,
        parts: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Import files and folders; one bad file never fails the rest.

        Files are named in the report and the progress as they sit under the
        paths given ("inbox/reports/a.pdf"), never by their absolute path.
        `progress` hears (file number, files, name); inside a long file the
        name says how far the reader is ("a.pdf, 120/500"), and `parts` hears
        the same as numbers (pages or entries done, in all), for a bar.
        """
        if self.read_only_reason is not None:
            raise LibraryReadOnlyError(f"nothing was imported: {self.read_only_notice}")
        found = list(discover(paths))
        acc = Accumulator()
        keep, stored = None, 0
        if self.safety is not None and found:
            with self._lock:
                self.safety.before_import(self._db)
            keep = self.safety.keep
        for done, item in enumerate(found, start=1):
            shown = shown_name(item.path, paths)
            if progress is not None:
                progress(done, len(found), shown)
            if item.reason:
                acc.skipped.append((shown, item.reason))
                continue

            def step(part: int, count: int, done: int = done, shown: str = shown) -> None:
                if parts is not None:
                    parts(part, count)
                if progress is not None:
                    progress(done, len(found), f"{shown}, {part:,}/{count:,}")

            try:
                import_file(
                    self._db, self._lock, item, max_bytes, acc,
                    shown=shown, progress=step, keep=keep,
                )  # fmt: skip
                stored += 1
            except Rejected as error:
                acc.skipped.append((shown, str(error)))
            except (sqlite3.Error, OSError) as error:
                if isinstance(error, OSError) and not isinstance(error, KeptOriginalError):
                    acc.skipped.append((shown, f"cannot be read: {error.strerror or error}"))
                    continue
                # The library itself cannot take it (disk full, unwritable): not this
                # file's fault, and the files before it are in and stay in.
                raise LibraryWriteError(stopped_message(error, shown, stored)) from error
            except (ServerError, LibraryError):
                raise  # the library itself is broken or gone: not this file's fault
            except Exception as error:
                # A bug met on one odd file must not lose the rest of the import;
                # the report names the file and the error so it can be fixed.
                acc.skipped.append((shown, f"internal error: {type(error).__name__}: {error}"))
        stories_changed: tuple[str, ...] = ()
        if acc.added or acc.new_versions:
            stories_changed = self._restory(acc)
        return acc.report(stories_changed)

    def _restory(self, acc: Accumulator) -> tuple[str, ...]:
        """Stories after an import: the new articles' only, if that is all it brought."""
        if not acc.new_versions and not acc.superseded:
            with self._lock:
                added = [d for d in map(self.get, dict.fromkeys(acc.added)) if d is not None]
                changed = add_to_stories(self._db, added, self._fetch)
            if changed is not None:
                return changed
        return self._recluster()

    def _fetch(self, doc_ids: Sequence[str]) -> dict[str, Document]:
        return {doc.id: doc for doc in map(self.get, doc_ids) if doc is not None}

    def _recluster(self) -> tuple[str, ...]:
        """Recompute stories over the current documents; return the ones that changed."""
        with self._lock:
            return cluster_all(self._db, self.documents())

    def replay(self, originals: Sequence[Original]) -> ImportReport:
        """Import kept originals again, under their first path and time (after a restore)."""
        acc = Accumulator()
        for original in originals:
            suffix = PurePath(original.path).suffix.lower()
            item = Found(Path(original.path), SUFFIXES.get(suffix, "text"))
            name = PurePath(original.path).name
            try:
                data = original.read()
                replay = Replay(original.path, data, original.imported_at)
                import_file(self._db, self._lock, item, len(data) + 1, acc, replay=replay)
            except (Rejected, OSError, ValueError) as error:
                acc.skipped.append((name, str(error)))
        stories_changed: tuple[str, ...] = ()
        if acc.added or acc.new_versions:
            stories_changed = self._restory(acc)
        return acc.report(stories_changed)


def shown_name(path: Path, roots: Sequence[Path]) -> str:
    """`path` as the analyst knows it: under the folder they gave, else its own name."""
    for root in roots:
        try:
            relative = path.relative_to(root)
        except ValueError:
            continue
        named = PurePath(root.name or display_path(root)) / relative
        return display_path(Path(named)) if str(relative) != "." else display_path(path.name)
    return display_path(Path(path.name))


def open_library(paths: DataPaths, *, seed: bool = True) -> Library:
    """The analyst's library, filled from the bundled seeds on first run; or, with a
    team workspace, the team's shared library (see shared.py). The analyst's own
    file is checked, recovered or opened read-only as library_file.py says.
    Raises ServerError when the team's server cannot be used, LibraryDamagedError
    when a damaged file can neither be restored nor shown from a backup."""
    if paths.workspace is not None:
        from briefreader.corpus.shared import open_shared_library  # the driver, only here

        return open_shared_library(paths.workspace)
    from briefreader.corpus.library_file import open_library_file  # it builds on Library

    library = open_library_file(paths)
    if seed:
        library.ensure_seeded(seeds_dir())
    return library
