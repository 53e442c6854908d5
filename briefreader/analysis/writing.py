"""Writing the analysis tables: one counted document in, a replaced one out, a date moved.

Every function here runs inside the caller's transaction, so the rows and
the bitsets they feed never disagree, whatever process is interrupted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence

from briefreader.analysis.bitsets import BitsWriter, allocate
from briefreader.analysis.periods import placement, utc_second
from briefreader.analysis.tally import DocumentTally, EntityKey
from briefreader.corpus.rows import Listed
from briefreader.domain import Document

EntityIds = Callable[[sqlite3.Connection, EntityKey], int]


def insert(
    db: sqlite3.Connection,
    counted: Sequence[tuple[Document, str, DocumentTally]],
    entity_id: EntityIds,
) -> int:
    """Write counted documents (document, its import time, tally); return how many.

    A document another process counted meanwhile is skipped.
    """
    bits = BitsWriter()
    n = db.execute("SELECT COALESCE(MAX(n), -1) FROM analysis_docs").fetchone()[0]
    added = 0
    for doc, listed_imported, tally in counted:
        if db.execute("SELECT 1 FROM analysis_docs WHERE doc_id = ?", (doc.id,)).fetchone():
            continue
        n += 1
        imported = utc_second(doc.imported_at or listed_imported)
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


def remove_gone(db: sqlite3.Connection, current: set[str]) -> int:
    """Drop documents the library no longer lists as current (replaced, or gone)."""
    gone = [
        row
        for row in db.execute("SELECT n, slot, pbytes, doc_id FROM analysis_docs")
        if row[3] not in current
    ]
    if not gone:
        return 0
    bits = BitsWriter()
    for n, slot, pbytes, _ in gone:
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


def redate(db: sqlite3.Connection, listing: Mapping[str, Listed]) -> int:
    """Follow documents whose date (or publisher) the library now gives differently.

    The ingestion learns to find dates in more sources over time; a document
    it dates later moves from its import day to its publication date.
    """
    changed = 0
    rows = db.execute("SELECT n, doc_id, imported, published, publisher FROM analysis_docs")
    for n, doc_id, imported, published, publisher in rows.fetchall():
        listed = listing.get(doc_id)
        if listed is None or (listed.date, listed.publisher) == (published, publisher):
            continue
        day, dated = placement(listed.date, imported)
        db.execute(
            "UPDATE analysis_docs SET day = ?, dated = ?, published = ?, publisher = ? WHERE n = ?",
            (day, int(dated), listed.date, listed.publisher, n),
        )
        changed += 1
    return changed
