"""What's new since the last briefing (or since a date).

The cut is a moment. For a date it is that day's start (UTC); for a briefing
it is when the briefing was last changed, which is when the analyst last
worked on it, normally when it went out. A document is new when it was
imported after the cut or published on or after its day, so a backlog
imported late and a fresh article both show. Against the rest of the
library this gives the entities seen for the first time, and the ones whose
share of all mentions rose or fell most.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from briefreader.analysis.counts import Counts
from briefreader.analysis.periods import utc_second
from briefreader.analysis.tally import EntityKey
from briefreader.analysis.trends import EntityTotal
from briefreader.store import Excerpt, Note, NotFoundError, Store


@dataclass(frozen=True, slots=True)
class Cut:
    moment: str  # UTC, "YYYY-MM-DDTHH:MM:SS"
    label: str  # what the view says it is counting from

    @property
    def day(self) -> str:
        return self.moment[:10]


def cut_at(day: date) -> Cut:
    return Cut(f"{day.isoformat()}T00:00:00", day.isoformat())


def cut_at_briefing(store: Store, ref: str | None = None) -> Cut:
    """The cut for a briefing named `ref` (any case), or for the latest one.

    Raises `NotFoundError` when there is no such briefing (or none at all).
    """
    summaries = store.briefings.list()
    if ref is None:
        if not summaries:
            raise NotFoundError("there is no briefing yet; give a date instead")
        chosen = summaries[0]  # most recently changed first
    else:
        wanted = ref.strip().casefold()
        chosen = next((s for s in summaries if s.name.casefold() == wanted), None)
        if chosen is None:
            names = ", ".join(s.name for s in summaries[:5]) or "none yet"
            raise NotFoundError(f"there is no briefing called {ref!r} (briefings: {names})")
    moment = utc_second(chosen.updated)
    return Cut(moment, f"the briefing “{chosen.name}” (last changed {moment[:16]} UTC)")


@dataclass(frozen=True, slots=True)
class NewDocument:
    doc_id: str
    title: str
    day: str
    dated: bool
    imported: str
    #: Why it is new: imported after the cut, published since, or both.
    imported_since: bool
    published_since: bool


@dataclass(frozen=True, slots=True)
class ShareChange:
    entity: EntityKey
    before: float  # percent of all mentions in the older documents
    after: float  # percent of all mentions in the new documents
    mentions_before: int
    mentions_after: int

    @property
    def change(self) -> float:
        """Percentage points gained (negative: lost)."""
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class Since:
    cut: Cut
    #: Newest first (by day, then by import).
    documents: tuple[NewDocument, ...]
    #: Entities no older document names, most mentioned first.
    first_seen: tuple[EntityTotal, ...]
    #: Share changes of entities named before too (first-seen ones are above).
    rising: tuple[ShareChange, ...]
    falling: tuple[ShareChange, ...]
    excerpts: tuple[Excerpt, ...]
    notes: tuple[Note, ...]
    older_documents: int

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(d.doc_id for d in self.documents)


def since(counts: Counts, cut: Cut, *, store: Store | None = None, limit: int = 10) -> Since:
    """Everything new after `cut`; `limit` bounds the entity lists."""
    new_clause = "(d.imported >= ? OR (d.dated = 1 AND d.day >= ?))"
    args = (cut.moment, cut.day)
    rows = counts.read(
        f"SELECT d.doc_id, d.title, d.day, d.dated, d.imported, d.n FROM analysis_docs d "
        f"WHERE {new_clause} ORDER BY d.day DESC, d.n DESC",
        args,
    )
    documents = tuple(
        NewDocument(
            doc_id,
            title,
            day,
            bool(dated),
            imported,
            imported >= cut.moment,
            bool(dated) and day >= cut.day,
        )
        for doc_id, title, day, dated, imported, _ in rows
    )
    older = counts.read(f"SELECT COUNT(*) FROM analysis_docs d WHERE NOT {new_clause}", args)[0][0]
    # The new side from the new documents' rows (few, usually); the older side
    # is the library's totals less the new side, so no pass over every row.
    new_side = counts.read(
        "SELECT e.kind, e.canonical, SUM(c.mentions), COUNT(*) FROM analysis_docs d "
        "JOIN analysis_counts c ON c.doc = d.n JOIN analysis_entities e ON e.id = c.entity "
        f"WHERE {new_clause} GROUP BY c.entity",
        args,
    )
    after = {(kind, name): (mentions, docs) for kind, name, mentions, docs in new_side}
    before: dict[EntityKey, tuple[int, int]] = {}
    for kind, name, mentions, docs in counts.read(
        "SELECT e.kind, e.canonical, t.mentions, t.documents FROM analysis_totals t "
        "JOIN analysis_entities e ON e.id = t.entity"
    ):
        new_mentions, new_docs = after.get((kind, name), (0, 0))
        if docs - new_docs > 0:
            before[(kind, name)] = (mentions - new_mentions, docs - new_docs)
    first = sorted(
        (EntityTotal(key, m, d) for key, (m, d) in after.items() if key not in before),
        key=lambda t: (-t.mentions, -t.documents, t.entity[1]),
    )
    changes = _share_changes(before, after) if after and before else []
    rising = [c for c in changes if c.change > 0 and c.entity in before][:limit]
    falling = sorted((c for c in changes if c.change < 0), key=lambda c: c.change)[:limit]
    excerpts: tuple[Excerpt, ...] = ()
    notes: tuple[Note, ...] = ()
    if store is not None:
        excerpts = tuple(
            e for e in store.excerpts.list(order="recent") if utc_second(e.created) >= cut.moment
        )
        notes = tuple(n for n in store.notes.all() if utc_second(n.created) >= cut.moment)
    return Since(
        cut, documents, tuple(first[:limit]), tuple(rising), tuple(falling), excerpts, notes, older
    )


def _share_changes(
    before: dict[EntityKey, tuple[int, int]], after: dict[EntityKey, tuple[int, int]]
) -> list[ShareChange]:
    """Every entity's share of mentions before and after, biggest gain first."""
    total_before = sum(m for m, _ in before.values())
    total_after = sum(m for m, _ in after.values())
    out = []
    for key in set(before) | set(after):
        m_before = before.get(key, (0, 0))[0]
        m_after = after.get(key, (0, 0))[0]
        out.append(
            ShareChange(
                key,
                100.0 * m_before / total_before if total_before else 0.0,
                100.0 * m_after / total_after if total_after else 0.0,
                m_before,
                m_after,
            )
        )
    return sorted(out, key=lambda c: (-c.change, c.entity[1]))
