"""Writing the analysis tables: one counted document in, a replaced one out, a date moved.

Every function here runs inside the caller's transaction, so the rows and
the bitsets they feed never disagree, whatever process is interrupted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from briefreader.analysis.bitsets import BitsWriter, allocate
from briefreader.analysis.periods import placement, utc_second
from briefreader.analysis.tally import DocumentTally, EntityKey
from briefreader.domain import Document

EntityIds = Callable[[sqlite3.Connection, EntityKey], int]


def insert(
    db: sqlite3.Connection,
    counted: Sequence[tuple[Document, str, DocumentTally]],
    entity_id: EntityIds,
) -> int:
    """Write counted documents (document, the file's import time, tally); return how many.

    A document another process counted meanwhile is skipped.
    """
    bits = BitsWriter()
    n = db.execute("SELECT COALESCE(MAX(n), -1) FROM analysis_docs").fetchone()[0]
    added = 0
    for doc, file_imported, tally in counted:
        if db.execute("SELECT 1 FROM analysis_docs WHERE doc_id = ?", (doc.id,)).fetchone():
            continue
        n += 1
        imported = utc_second(doc.imported_at or file_imported)
        day, dated = placement(doc.date, imported)
        pbytes = (tally.paragraph_count + 7) // 8
        slot = allocate(db, n, pbytes)
        db.execute(
            "INSERT INTO analysis_docs (n, doc_id, day, dated, published, imported, title, "
            "publisher, slot, pbytes, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                n,
                doc.id,
                day,
                int(dated),
                doc.date,
                imported,
                doc.title,
                doc.publisher,
                slot,
                pbytes,
                tally.mentions,
            ),
        )
        for key, entry in tally.entities.items():
            entity = entity_id(db, key)
            paragraphs = entry.paragraphs.to_bytes(pbytes, "little")
            db.execute(
                "INSERT INTO analysis_counts (doc, entity, mentions, paragraphs) "
                "VALUES (?, ?, ?, ?)",
                (n, entity, entry.mentions, paragraphs),
            )
            db.executemany(
                "INSERT INTO analysis_spellings (doc, entity, surface, mentions) "
                "VALUES (?, ?, ?, ?)",
                [(n, entity, surface, count) for surface, count in entry.spellings.items()],
            )
            bits.add(entity, n, slot, paragraphs)
            _add_total(db, entity, entry.mentions, 1)
        added += 1
    bits.flush(db)
    return added


def remove_superseded(db: sqlite3.Connection) -> int:
    """Drop documents that are no longer current (replaced by a new version, or gone)."""
    gone = [
        row
        for row in db.execute(
            "SELECT n, slot, pbytes FROM analysis_docs "
            "WHERE doc_id NOT IN (SELECT id FROM documents WHERE current = 1)"
        )
    ]
    if not gone:
        return 0
    bits = BitsWriter()
    for n, slot, pbytes in gone:
        rows = db.execute("SELECT entity, mentions FROM analysis_counts WHERE doc = ?", (n,))
        for entity, mentions in rows.fetchall():
            bits.remove(entity, n, slot, pbytes)
            _add_total(db, entity, -mentions, -1)
        db.execute("DELETE FROM analysis_counts WHERE doc = ?", (n,))
        db.execute("DELETE FROM analysis_spellings WHERE doc = ?", (n,))
        db.execute("DELETE FROM analysis_docs WHERE n = ?", (n,))
    bits.flush(db)
    return len(gone)


def _add_total(db: sqlite3.Connection, entity: int, mentions: int, documents: int) -> None:
    db.execute(
        "INSERT INTO analysis_totals (entity, mentions, documents) VALUES (?, ?, ?) "
        "ON CONFLICT (entity) DO UPDATE SET mentions = mentions + excluded.mentions, "
        "documents = documents + excluded.documents",
        (entity, mentions, documents),
    )


def redate(db: sqlite3.Connection) -> int:
    """Follow documents whose date (or publisher) the library now gives differently.

    The ingestion learns to find dates in more sources over time; a document
    it dates later moves from its import day to its publication date. Only
    rows that differ are read back into Python.
    """
    rows = db.execute(
        "SELECT a.n, a.imported, COALESCE(json_extract(d.meta, '$.date'), ''), "
        "COALESCE(json_extract(d.meta, '$.publisher'), '') "
        "FROM analysis_docs a JOIN documents d ON d.id = a.doc_id "
        "WHERE COALESCE(json_extract(d.meta, '$.date'), '') != a.published "
        "OR COALESCE(json_extract(d.meta, '$.publisher'), '') != a.publisher"
    ).fetchall()
    for n, imported, published, publisher in rows:
        day, dated = placement(published, imported)
        db.execute(
            "UPDATE analysis_docs SET day = ?, dated = ?, published = ?, publisher = ? WHERE n = ?",
            (day, int(dated), published, publisher, n),
        )
    return len(rows)
