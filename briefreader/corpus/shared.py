"""The shared library: the team's documents on its PostgreSQL server.

Same tables, same SQL and same import rules as the analyst's own library
(library.py, importer.py, rows.py): only the connection differs. A document
imported by anyone is there for everyone as soon as the import commits, and
each import is announced in the workspace journal so open windows reload
their document list and bring their local search index up to date (the
index stays a cache on each machine; see search/sources.py).

Who imported a file and when is kept with it (`files.imported_by`, filled by
the server as the analyst's role). The shared library is not filled with
the bundled sample documents: a team's library holds what its analysts bring.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from briefreader.corpus.files import DEFAULT_MAX_BYTES
from briefreader.corpus.library import Library, Progress
from briefreader.corpus.report import ImportReport
from briefreader.workspace import journal, schema
from briefreader.workspace.connection import Connection
from briefreader.workspace.errors import PermissionDenied
from briefreader.workspace.settings import Workspace

#: The library's tables on the server: rows.py's SCHEMA in PostgreSQL's words.
STEPS: tuple[schema.Step, ...] = (
    schema.Step(
        1,
        "files, documents, versions, stories",
        """
        CREATE TABLE files (
            id BIGSERIAL PRIMARY KEY,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            version INTEGER NOT NULL,
            size BIGINT NOT NULL,
            content BYTEA NOT NULL,
            cleaned TEXT NOT NULL,
            encoding TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL DEFAULT current_user,
            UNIQUE (path, sha256)
        );
        CREATE TABLE documents (
            seq BIGSERIAL PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            article TEXT NOT NULL,
            version INTEGER NOT NULL,
            current INTEGER NOT NULL DEFAULT 1,
            file_id BIGINT NOT NULL REFERENCES files (id),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            meta TEXT NOT NULL,
            story_id TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX documents_article ON documents (article, version);
        CREATE INDEX documents_current ON documents (current, seq);
        CREATE TABLE occurrences (
            doc_id TEXT NOT NULL,
            file_id BIGINT NOT NULL REFERENCES files (id),
            source_index INTEGER NOT NULL,
            PRIMARY KEY (doc_id, file_id, source_index)
        );
        CREATE INDEX occurrences_file ON occurrences (file_id);
        CREATE TABLE fingerprints (doc_id TEXT PRIMARY KEY, hashes BYTEA NOT NULL);
        -- rowid: SQLite's implicit insertion order, which stories are listed in.
        CREATE TABLE stories (
            rowid BIGSERIAL,
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            document_ids TEXT NOT NULL,
            differing TEXT NOT NULL
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    ),
)


class SharedLibrary(Library):
    """A `Library` on the team's server (see the module docstring)."""

    def __init__(self, connection: Connection, client: str = journal.PROCESS_CLIENT) -> None:
        super().__init__(connection)  # type: ignore[arg-type]
        self._conn = connection
        self._client = client
        role, may_add = connection.execute(
            "SELECT current_user, has_table_privilege('files', 'INSERT')"
        ).fetchone()
        #: Why this analyst cannot add documents (a reader's role); None if they can.
        self.read_only_reason: str | None = (
            None
            if may_add
            else f"your role ({role}) may read the team's library but not add to it; "
            "ask your administrator for write access"
        )

    def ensure_seeded(self, seeds: Path) -> ImportReport | None:
        return None

    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: Progress | None = None,
        parts: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        if self.read_only_reason is not None:
            raise PermissionDenied(self.read_only_reason)
        report = super().import_paths(paths, max_bytes=max_bytes, progress=progress, parts=parts)
        changed = (*report.added, *report.new_versions)
        if changed or report.stories_changed:
            with self._lock:
                journal.record(
                    self._conn,
                    self._client,
                    "library",
                    {"documents": list(changed), "superseded": list(report.superseded)},
                )
        return report


def open_shared_library(workspace: Workspace) -> SharedLibrary:
    """The team's library (creating its tables if this role may). Raises ServerError."""
    conn = Connection(workspace, application_name="briefreader library", schema=schema.SCHEMA)
    try:
        schema.ensure(conn, "workspace", schema.BASE)
        schema.ensure(conn, "library", STEPS)
    except BaseException:
        conn.close()
        raise
    return SharedLibrary(conn)
