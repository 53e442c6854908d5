"""Which documents a view counts: a period, and optionally the list's current filter.

Every view takes one `Scope`. The period is a range of days (the documents'
placement, see periods.py); `doc_ids`, when given, narrows to the documents
the document list shows, so that a matrix or a timeline can answer "among
what I am looking at".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from briefreader.analysis.counts import Counts


@dataclass(frozen=True, slots=True)
class Scope:
    start: date | None = None
    end: date | None = None
    doc_ids: frozenset[str] | None = None

    @property
    def is_everything(self) -> bool:
        return self.start is None and self.end is None and self.doc_ids is None

    def describe(self) -> str:
        """The scope in words, for a view's heading ("" for the whole library)."""
        parts = []
        if self.start and self.end:
            parts.append(f"{self.start.isoformat()} to {self.end.isoformat()}")
        elif self.start:
            parts.append(f"from {self.start.isoformat()}")
        elif self.end:
            parts.append(f"up to {self.end.isoformat()}")
        if self.doc_ids is not None:
            parts.append(f"{len(self.doc_ids)} filtered documents")
        return ", ".join(parts)


EVERYTHING = Scope()


@contextmanager
def scoped(counts: Counts, scope: Scope, alias: str = "d") -> Iterator[tuple[str, list[Any]]]:
    """A SQL condition on `alias` (an `analysis_docs` row) selecting the scope, with its args.

    A document filter goes through a temporary table rather than thousands
    of bound parameters; the counts' lock is held meanwhile so no other
    thread's query sees or changes that table.
    """
    clauses: list[str] = ["1"]
    args: list[Any] = []
    if scope.start is not None:
        clauses.append(f"{alias}.day >= ?")
        args.append(scope.start.isoformat())
    if scope.end is not None:
        clauses.append(f"{alias}.day <= ?")
        args.append(scope.end.isoformat())
    with counts.locked() as db:
        if scope.doc_ids is not None:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS scope_docs (doc_id TEXT PRIMARY KEY)")
            db.execute("DELETE FROM temp.scope_docs")
            db.executemany(
                "INSERT OR IGNORE INTO temp.scope_docs (doc_id) VALUES (?)",
                ((doc_id,) for doc_id in scope.doc_ids),
            )
            clauses.append(f"{alias}.doc_id IN (SELECT doc_id FROM temp.scope_docs)")
        yield " AND ".join(clauses), args
