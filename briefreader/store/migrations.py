"""The work database's schema, versioned with `PRAGMA user_version`.

Each `Migration` takes the schema from `version - 1` to `version` inside one
transaction, so a failed migration leaves the previous version untouched. The
caller (`db.open_database`) takes a verified backup before migrating a
database that already holds work. Never edit a released migration: add one.

Notes point at their target polymorphically (`target_kind`, `target_id`)
rather than through foreign keys, because a document lives in another
database (the library); deleting an excerpt or briefing deletes its note in
the same transaction (see excerpts.py / briefings.py) and undo restores both.
Ids use AUTOINCREMENT so a deleted id is never handed to a new row: undo can
put the old row back under its old id, and briefings keep pointing at it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefreader.store.errors import StoreVersionError

_V1 = """
CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('document', 'excerpt', 'briefing', 'memo')),
    target_id TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT 'markdown' CHECK (format IN ('plain', 'markdown')),
    text TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (target_kind, target_id)
);
CREATE TABLE excerpts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    paragraph INTEGER NOT NULL DEFAULT 0,
    comment TEXT NOT NULL DEFAULT '',
    priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'anchored'
        CHECK (status IN ('anchored', 'fuzzy', 'orphaned')),
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX excerpts_doc ON excerpts (doc_id, start);
CREATE TABLE excerpt_entities (
    excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('group', 'country')),
    canonical TEXT NOT NULL,
    first INTEGER NOT NULL,
    PRIMARY KEY (excerpt_id, kind, canonical)
) WITHOUT ROWID;
CREATE INDEX excerpt_entities_name ON excerpt_entities (canonical);
CREATE TABLE excerpt_tags (
    excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    tag TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (excerpt_id, tag)
) WITHOUT ROWID;
CREATE INDEX excerpt_tags_tag ON excerpt_tags (tag);
CREATE TABLE briefings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    title TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    marking TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    grouping TEXT NOT NULL DEFAULT 'manual'
        CHECK (grouping IN ('manual', 'group', 'country', 'source')),
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE briefing_sections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX briefing_sections_briefing ON briefing_sections (briefing_id, position);
CREATE TABLE briefing_items (
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES briefing_sections (id) ON DELETE SET NULL,
    position INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (briefing_id, excerpt_id)
) WITHOUT ROWID;
CREATE INDEX briefing_items_excerpt ON briefing_items (excerpt_id);
CREATE TABLE reading (
    doc_id TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
    updated TEXT NOT NULL
) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int  # the user_version after this migration
    description: str
    sql: str


# Source grading (the Admiralty/NATO system): a source's reliability A-F is
# remembered per publisher (by a folded key, so "The Diplomat" and "diplomat"
# are one) and may be overridden per document; an excerpt's credibility 1-6
# and the named actor of a claim belong to the excerpt. NULL/'' = not graded.
_V2 = """
CREATE TABLE publisher_grades (
    publisher_key TEXT PRIMARY KEY,
    publisher TEXT NOT NULL,
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    updated TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE document_grades (
    doc_id TEXT PRIMARY KEY,
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    updated TEXT NOT NULL
) WITHOUT ROWID;
ALTER TABLE excerpts ADD COLUMN credibility INTEGER CHECK (credibility BETWEEN 1 AND 6);
ALTER TABLE excerpts ADD COLUMN claimant TEXT NOT NULL DEFAULT '';
"""

# Standing queries: a saved search, the moment up to which imports have been
# run against it, and the documents it found since (its inbox). A hit leaves
# the inbox when its document is read or the hit is marked seen.
_V3 = """
CREATE TABLE watches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query TEXT NOT NULL,
    created TEXT NOT NULL,
    checked TEXT NOT NULL
);
CREATE TABLE watch_hits (
    watch_id INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    found TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1)),
    PRIMARY KEY (watch_id, doc_id)
) WITHOUT ROWID;
CREATE INDEX watch_hits_doc ON watch_hits (doc_id);
"""

# Authors, for teams (the same columns exist in the PostgreSQL backend, where
# many analysts share one workspace): who created and last changed each note,
# excerpt and briefing, who set each grade; a note's revision, which the
# editor saves against so two analysts never silently overwrite each other;
# read state keyed by analyst ('' here: one analyst per file).
_V4 = """
ALTER TABLE notes ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE excerpts ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE excerpts ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE publisher_grades ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE document_grades ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
CREATE TABLE reading_by_analyst (
    analyst TEXT NOT NULL DEFAULT '',
    doc_id TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
    updated TEXT NOT NULL,
    PRIMARY KEY (analyst, doc_id)
) WITHOUT ROWID;
INSERT INTO reading_by_analyst (analyst, doc_id, read, position, updated)
    SELECT '', doc_id, read, position, updated FROM reading;
DROP TABLE reading;
ALTER TABLE reading_by_analyst RENAME TO reading;
"""

# How a briefing is printed: which charts it carries ("trend", "matrix",
# comma-separated; '' for none) and whether each section starts a new page.
_V5 = """
ALTER TABLE briefings ADD COLUMN charts TEXT NOT NULL DEFAULT 'trend,matrix';
ALTER TABLE briefings ADD COLUMN section_breaks INTEGER NOT NULL DEFAULT 0
    CHECK (section_breaks IN (0, 1));
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "notes, excerpts, briefings, read state", _V1),
    Migration(2, "reliability grades per publisher and document; credibility and claims", _V2),
    Migration(3, "standing queries and their inbox", _V3),
    Migration(4, "authors, note revisions, read state per analyst", _V4),
    Migration(5, "briefing print options: charts and section page breaks", _V5),
)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def pending(
    conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS
) -> list[Migration]:
    """Migrations not yet applied; raises StoreVersionError for a newer schema."""
    current = schema_version(conn)
    latest = latest_version(migrations)
    if current > latest:
        raise StoreVersionError(
            f"the work database has schema version {current}, but this briefreader only knows "
            f"up to {latest}: it was written by a newer briefreader; update briefreader "
            "(the file was left untouched)"
        )
    return [m for m in migrations if m.version > current]


def migrate(
    conn: sqlite3.Connection,
    migrations: Sequence[Migration] = MIGRATIONS,
    *,
    before: Callable[[Migration], None] | None = None,
) -> list[Migration]:
    """Apply pending migrations in order, each in its own transaction.

    `before(migration)` runs ahead of each one (the store takes a backup
    there); if it raises, nothing more is applied. Returns what was applied.
    """
    applied = []
    for migration in pending(conn, migrations):
        if before is not None:
            before(migration)
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a script into statements (executescript would commit on its own)."""
    statements, buffer = [], ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \n\t;"):
        statements.append(buffer.strip())
    return statements
