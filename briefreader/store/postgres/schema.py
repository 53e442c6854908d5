"""The work tables on the team's server, step for step the SQLite migrations.

Step N here is `migrations.MIGRATIONS[N - 1]` in PostgreSQL's words, so the
two backends hold the same columns in the same order (a test compares
them). The differences are the dialect's: identity sequences instead of
AUTOINCREMENT, and a case-insensitive ICU collation (`nocase`) where SQLite
says COLLATE NOCASE, so tag and briefing names compare the same way.
Add a step whenever a migration is added.
"""

from __future__ import annotations

from briefreader.workspace.schema import Step

_V1 = """
CREATE COLLATION IF NOT EXISTS nocase (
    provider = icu, locale = 'und-u-ks-level2', deterministic = false
);
CREATE TABLE notes (
    id BIGSERIAL PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('document', 'excerpt', 'briefing', 'memo')),
    target_id TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT 'markdown' CHECK (format IN ('plain', 'markdown')),
    text TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (target_kind, target_id)
);
CREATE TABLE excerpts (
    id BIGSERIAL PRIMARY KEY,
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
    excerpt_id BIGINT NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('group', 'country')),
    canonical TEXT NOT NULL,
    first INTEGER NOT NULL,
    PRIMARY KEY (excerpt_id, kind, canonical)
);
CREATE INDEX excerpt_entities_name ON excerpt_entities (canonical);
CREATE TABLE excerpt_tags (
    excerpt_id BIGINT NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    tag TEXT NOT NULL COLLATE nocase,
    PRIMARY KEY (excerpt_id, tag)
);
CREATE INDEX excerpt_tags_tag ON excerpt_tags (tag);
CREATE TABLE briefings (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE nocase,
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
    id BIGSERIAL PRIMARY KEY,
    briefing_id BIGINT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX briefing_sections_briefing ON briefing_sections (briefing_id, position);
CREATE TABLE briefing_items (
    briefing_id BIGINT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    excerpt_id BIGINT NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    section_id BIGINT REFERENCES briefing_sections (id) ON DELETE SET NULL,
    position INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (briefing_id, excerpt_id)
);
CREATE INDEX briefing_items_excerpt ON briefing_items (excerpt_id);
CREATE TABLE reading (
    doc_id TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
    updated TEXT NOT NULL
);
"""

_V2 = """
CREATE TABLE publisher_grades (
    publisher_key TEXT PRIMARY KEY,
    publisher TEXT NOT NULL,
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    updated TEXT NOT NULL
);
CREATE TABLE document_grades (
    doc_id TEXT PRIMARY KEY,
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    updated TEXT NOT NULL
);
ALTER TABLE excerpts ADD COLUMN credibility INTEGER CHECK (credibility BETWEEN 1 AND 6);
ALTER TABLE excerpts ADD COLUMN claimant TEXT NOT NULL DEFAULT '';
"""

_V3 = """
CREATE TABLE watches (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE nocase,
    query TEXT NOT NULL,
    created TEXT NOT NULL,
    checked TEXT NOT NULL
);
CREATE TABLE watch_hits (
    watch_id BIGINT NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    found TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1)),
    PRIMARY KEY (watch_id, doc_id)
);
CREATE INDEX watch_hits_doc ON watch_hits (doc_id);
"""

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
ALTER TABLE reading ADD COLUMN analyst TEXT NOT NULL DEFAULT '';
ALTER TABLE reading DROP CONSTRAINT reading_pkey;
ALTER TABLE reading ADD PRIMARY KEY (analyst, doc_id);
"""

_V5 = """
ALTER TABLE briefings ADD COLUMN charts TEXT NOT NULL DEFAULT 'trend,matrix';
ALTER TABLE briefings ADD COLUMN section_breaks INTEGER NOT NULL DEFAULT 0
    CHECK (section_breaks IN (0, 1));
"""

STEPS: tuple[Step, ...] = (
    Step(1, "notes, excerpts, briefings, read state", _V1),
    Step(2, "reliability grades per publisher and document; credibility and claims", _V2),
    Step(3, "standing queries and their inbox", _V3),
    Step(4, "authors, note revisions, read state per analyst", _V4),
    Step(5, "briefing print options: charts and section page breaks", _V5),
)
