"""Documents as the analysis subcommands list them: day, title, publisher, never a path.

The day is the publication date, or the import date marked "(imported)"
when the document names none, so a reader of the output can tell them apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefreader.analysis.counts import Counts
from briefreader.cli.counting import clip
from briefreader.cli.output import print_table
from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths


def document_rows(
    paths: DataPaths, counts: Counts, doc_ids: Sequence[str], extra: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """One JSON-friendly row per document, in the order given."""
    facts = {f.doc_id: f for f in counts.documents().values()}
    rows = []
    with open_library(paths, seed=False) as library:
        for doc_id in doc_ids:
            doc = library.get(doc_id)
            if doc is None:
                continue
            fact = facts.get(doc_id)
            rows.append(
                {
                    "id": doc.id,
                    "title": doc.title,
                    "publisher": doc.publisher,
                    "date": doc.date,
                    "day": fact.day if fact else "",
                    "dated": bool(fact and fact.dated),
                    "file": doc.file_name,
                    "url": doc.url,
                    **(extra.get(doc_id, {}) if extra else {}),
                }
            )
    return rows


def day_label(row: dict[str, Any]) -> str:
    return row["day"] if row["dated"] else f"{row['day']} (imported)"


def print_document_rows(rows: Sequence[dict[str, Any]], *extra: str) -> None:
    """A narrow table: day, title, publisher, then any `extra` columns."""
    if not rows:
        return
    print_table(
        ["day", "title", "publisher", *extra],
        (
            [
                day_label(r),
                clip(r["title"] or "(untitled)", 60),
                clip(r["publisher"], 24),
                *(str(r.get(name, "")) for name in extra),
            ]
            for r in rows
        ),
    )
