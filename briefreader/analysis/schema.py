"""The analysis tables, in a SQLite file of their own beside the library.

They are a cache derived from the documents and the gazetteer, never the
truth: `Counts.sync` rebuilds them whole when the gazetteer or this schema
changes, and fills in what an import added; deleting the file costs one
recount. Each document's title, publisher and dates are copied here so a
view never has to open the library.

- `analysis_docs`: one row per current document: `n` is its number in the
  bitsets, `day` the date the views place it on (its publication date, or
  its import date when `dated` is 0), `published` the library's date as it
  was read (to notice when it changes), `imported` when it was imported
  (UTC, to the second), `title` and `publisher` as the lists show them,
  `slot`/`pbytes` the bytes its paragraphs occupy in its chunk's paragraph
  bitset.
- `analysis_entities`: a small integer per (kind, canonical name).
- `analysis_counts`: per document and entity, the mentions and a bitmask of
  the body paragraphs naming it (little-endian bytes).
- `analysis_totals`: per entity, mentions and documents over the library.
- `analysis_spellings`: per document and entity, how often each spelling.
- `analysis_chunks` and `analysis_bits`: each entity's documents and
  paragraphs as bitsets, cut in chunks of 1,024 document numbers so that an
  import rewrites a few small blobs (see bitsets.py).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: Bump when the tables or what goes into them change: they are then rebuilt.
SCHEMA_VERSION = 3

SCHEMA = """
CREATE TABLE IF NOT EXISTS analysis_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS analysis_docs (
    n INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    day TEXT NOT NULL,
    dated INTEGER NOT NULL,
    published TEXT NOT NULL,
    imported TEXT NOT NULL,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    slot INTEGER NOT NULL,
    pbytes INTEGER NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS analysis_docs_day ON analysis_docs (day);
CREATE INDEX IF NOT EXISTS analysis_docs_imported ON analysis_docs (imported);
CREATE TABLE IF NOT EXISTS analysis_entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    canonical TEXT NOT NULL,
    UNIQUE (kind, canonical)
);
CREATE TABLE IF NOT EXISTS analysis_counts (
    doc INTEGER NOT NULL,
    entity INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    paragraphs BLOB NOT NULL,
    PRIMARY KEY (doc, entity)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS analysis_counts_entity ON analysis_counts (entity, doc, mentions);
CREATE TABLE IF NOT EXISTS analysis_totals (
    entity INTEGER PRIMARY KEY,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS analysis_spellings (
    doc INTEGER NOT NULL,
    entity INTEGER NOT NULL,
    surface TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, entity, surface)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS analysis_spellings_entity ON analysis_spellings (entity);
CREATE TABLE IF NOT EXISTS analysis_chunks (
    chunk INTEGER PRIMARY KEY,
    width INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS analysis_bits (
    entity INTEGER NOT NULL,
    chunk INTEGER NOT NULL,
    documents BLOB NOT NULL,
    paragraphs BLOB NOT NULL,
    PRIMARY KEY (entity, chunk)
) WITHOUT ROWID;
"""

TABLES = (
    "analysis_totals",
    "analysis_bits",
    "analysis_chunks",
    "analysis_spellings",
    "analysis_counts",
    "analysis_entities",
    "analysis_docs",
)


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the counts file (WAL: the window and a CLI command may share it).

    Tables of another schema version are dropped and made anew: they are a
    cache, and the next sync fills them.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS analysis_meta (key TEXT PRIMARY KEY, value TEXT)")
    if get_meta(conn, "schema") != str(SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in TABLES:
                conn.execute(f"DROP TABLE IF EXISTS {table}")
            conn.execute("DELETE FROM analysis_meta")
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            set_meta(conn, "schema", str(SCHEMA_VERSION))
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return conn


def clear(conn: sqlite3.Connection) -> None:
    """Empty every analysis table (inside the caller's transaction)."""
    for table in TABLES:
        conn.execute(f"DELETE FROM {table}")


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM analysis_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO analysis_meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
