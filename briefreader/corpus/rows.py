"""How documents are laid out in the library's SQLite file.

The schema, and the conversion between a row and a `Document`: fields with
their own column (id, title, body, story, version) and the rest in one JSON
column, so adding an optional field to `Document` needs no migration.
"""

from __future__ import annotations

import dataclasses
import json
from array import array
from pathlib import PurePath
from typing import Any, NamedTuple

from briefreader.domain import Document

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    version INTEGER NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    cleaned TEXT NOT NULL,
    encoding TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (path, sha256)
);
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    article TEXT NOT NULL,
    version INTEGER NOT NULL,
    current INTEGER NOT NULL DEFAULT 1,
    file_id INTEGER NOT NULL REFERENCES files (id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    meta TEXT NOT NULL,
    story_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS documents_article ON documents (article, version);
-- ids and stories without reading past the text (the search index's listing)
CREATE INDEX IF NOT EXISTS documents_story ON documents (current, id, story_id);
CREATE TABLE IF NOT EXISTS occurrences (
    doc_id TEXT NOT NULL,
    file_id INTEGER NOT NULL REFERENCES files (id),
    source_index INTEGER NOT NULL,
    PRIMARY KEY (doc_id, file_id, source_index)
);
CREATE INDEX IF NOT EXISTS occurrences_file ON occurrences (file_id);
CREATE TABLE IF NOT EXISTS fingerprints (
    doc_id TEXT PRIMARY KEY,
    hashes BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    document_ids TEXT NOT NULL,
    differing TEXT NOT NULL
);
"""
#: Document fields kept in the `meta` JSON column (the rest have columns).
META_FIELDS = tuple(
    f.name
    for f in dataclasses.fields(Document)
    if f.name not in {"id", "title", "body", "story_id", "version"}
)

COLUMNS = "id, title, body, story_id, version, meta"


def document_from_row(row: tuple[Any, ...]) -> Document:
    meta = json.loads(row[5])
    fields = {
        name: tuple(value) if isinstance(value, list) else value
        for name, value in meta.items()
        if name in META_FIELDS
    }
    if not fields.get("file_name") and fields.get("source"):
        # Imported before provenance was kept: the name is all of the path that may be shown.
        fields["file_name"] = PurePath(fields["source"]).name
    return Document(id=row[0], title=row[1], body=row[2], story_id=row[3], version=row[4], **fields)


class Listed(NamedTuple):
    """A current document as a listing knows it: no text, only what places it."""

    id: str
    title: str
    date: str
    publisher: str
    imported_at: str  # the document's own import time, else its file's


#: What an index kept beside the library compares (ids name content; stories change).
ID_AND_STORY = "SELECT id, story_id FROM documents WHERE current = 1"
LISTING = (
    "SELECT d.id, d.title, d.meta, f.imported_at FROM documents d "
    "JOIN files f ON f.id = d.file_id WHERE d.current = 1"
)


def listed_from_row(row: tuple[Any, ...]) -> Listed:
    meta = json.loads(row[2])
    return Listed(
        row[0],
        row[1],
        meta.get("date") or "",
        meta.get("publisher") or "",
        meta.get("imported_at") or row[3],
    )


def meta_json(doc: Document) -> str:
    return json.dumps({name: getattr(doc, name) for name in META_FIELDS})


#: Library order, for a row of `documents AS d`: an article where its first version came,
#: its versions in turn (`Library.documents`, and the stories made after an import).
LIBRARY_ORDER = "(SELECT MIN(seq) FROM documents AS a WHERE a.article = d.article), d.seq"


def pack_fingerprint(hashes: set[int]) -> bytes:
    return array("I", sorted(hashes)).tobytes()


def unpack_fingerprint(blob: bytes) -> set[int]:
    values = array("I")
    values.frombytes(blob)
    return set(values)
