"""Standing queries: saved searches run again on every import, their hits kept in an inbox.

The queries are the search bar's (any spelling of a group finds every other),
run by the search index against only the documents imported since the query
last ran, so a run costs milliseconds whatever the library's size. Run them
after the index has taken in an import: a document not yet indexed cannot
match, and the watch would move past it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from briefreader.analysis.counts import Counts
from briefreader.store import Changes, Store

if TYPE_CHECKING:  # the search index (Whoosh) loads only when a query runs
    from briefreader.search.searcher import Searcher


def now_utc() -> str:
    """Now, as the counts write import times ("YYYY-MM-DDTHH:MM:SS", UTC)."""
    return datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def save_watch(store: Store, searcher: Searcher, name: str, query: str) -> Changes:
    """Save a standing query; it will see the documents imported from now on.

    Raises `QueryError` for a query the search bar could not run either, and
    ValueError for a missing or taken name.
    """
    searcher.parse(query)
    return store.watches.add(name, query, checked=now_utc())


def imported_since(counts: Counts, moment: str) -> list[str]:
    """The documents imported at or after `moment` (a second's imports are all rechecked)."""
    return [
        row[0]
        for row in counts.read("SELECT doc_id FROM analysis_docs WHERE imported >= ?", (moment,))
    ]


@dataclass(frozen=True, slots=True)
class WatchRun:
    """What one run of every standing query found."""

    checked: str
    #: Watch name -> the documents it matched among those imported since its last run,
    #: less those it had found before (a run rechecks the second its last run began in).
    found: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Watch name -> why it could not run (its query no longer parses...).
    failed: dict[str, str] = field(default_factory=dict)
    changes: Changes = field(default_factory=Changes)

    @property
    def hits(self) -> int:
        return sum(len(ids) for ids in self.found.values())


def run_watches(store: Store, searcher: Searcher, counts: Counts) -> WatchRun:
    """Run every standing query against what was imported since it last ran.

    Import times are whole seconds, so a run rechecks the documents imported
    in the second its last run began (one imported just after that run read
    the list would be missed otherwise); a document the watch found then is
    not found "new" again.

    A watch whose query fails keeps its place, so it sees those documents
    once it is fixed. The hits of all watches are saved in one transaction.
    """
    from briefreader.search.query import QueryError

    started = now_utc()
    watches = store.watches.list()
    if not watches:
        return WatchRun(started)
    recent = counts.read(
        "SELECT doc_id, imported FROM analysis_docs WHERE imported >= ?",
        (min(w.checked for w in watches),),
    )
    found: dict[str, tuple[str, ...]] = {}
    failed: dict[str, str] = {}
    hits: dict[int, list[str]] = {}
    for watch in watches:
        candidates = [doc_id for doc_id, imported in recent if imported >= watch.checked]
        try:
            ids = searcher.matching_ids(watch.query, among=candidates) if candidates else []
        except QueryError as error:
            failed[watch.name] = str(error)
            continue
        before = store.watches.found_already(watch.id, ids) if ids else set()
        found[watch.name] = tuple(doc_id for doc_id in ids if doc_id not in before)
        hits[watch.id] = ids
    changes = store.watches.record(hits, checked=started)
    return WatchRun(started, found, failed, changes)
