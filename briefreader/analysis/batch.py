"""Batch search: a pasted list of names or queries, and how many documents each finds.

Each line is a query as the search bar takes it, so a group's name finds it
under any spelling. A line that names a group or country also gets its
mention count from the counts, which says more than a document count when
an entity is named fifty times in one report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefreader.analysis.counts import Counts
from briefreader.analysis.names import UnknownEntityError, resolve
from briefreader.analysis.tally import EntityKey
from briefreader.entities import Gazetteer

if TYPE_CHECKING:  # the search index (Whoosh) loads only when a query runs
    from briefreader.search.searcher import Searcher

#: More lines than anyone pastes by hand; a longer list is cut, and says so.
MAX_LINES = 500


@dataclass(frozen=True, slots=True)
class BatchRow:
    query: str
    documents: int
    entity: EntityKey | None = None  # when the line names a group or country
    mentions: int = 0  # of that entity, over the library
    error: str = ""  # why the line could not run


def batch_lines(text: str) -> list[str]:
    """The queries in pasted text: one per line, blank lines and '#' comments skipped, once each."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return list(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


def batch_search(
    searcher: Searcher, queries: Iterable[str], counts: Counts, gazetteer: Gazetteer
) -> list[BatchRow]:
    """One row per query, in the order given."""
    from briefreader.search.query import QueryError

    rows = []
    for query in list(queries)[:MAX_LINES]:
        try:
            documents = len(searcher.matching_ids(query))
        except QueryError as error:
            rows.append(BatchRow(query, 0, error=str(error)))
            continue
        entity, mentions = _entity(query, counts, gazetteer)
        rows.append(BatchRow(query, documents, entity, mentions))
    return rows


def _entity(query: str, counts: Counts, gazetteer: Gazetteer) -> tuple[EntityKey | None, int]:
    try:
        entity = resolve(gazetteer, query.strip('"'))
    except UnknownEntityError:
        return None, 0
    entity_id = counts.entity_id(entity)
    if entity_id is None:
        return entity, 0
    rows = counts.read("SELECT mentions FROM analysis_totals WHERE entity = ?", (entity_id,))
    return entity, int(rows[0][0]) if rows else 0
