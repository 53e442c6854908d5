"""What the analysis views show, worked out off the UI thread and handed to the views.

The settings each view keeps (the dossier's entity, the timeline's entities,
unit and measure, the matrix's columns and count, the since view's cut) live
here; each view is recomputed in a job when it is shown and the library has
changed since, or when a setting changes. The counts are a file of their own
(analysis/opening.py), brought up to date by the import and the start-up
jobs; this only reads them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject

from briefreader.analysis.batch import BatchRow, batch_search
from briefreader.analysis.cooccur import CountBy, Matrix, matrix
from briefreader.analysis.counts import Counts
from briefreader.analysis.dossier import Dossier, dossier
from briefreader.analysis.opening import load_matcher, open_counts_cache
from briefreader.analysis.periods import Unit
from briefreader.analysis.since import Cut, Since, cut_at, cut_at_briefing, since
from briefreader.analysis.tally import EntityKey
from briefreader.analysis.trends import Metric, Timeline, timeline, top_entities
from briefreader.entities import Matcher
from briefreader.store import NotFoundError, Store
from briefreader.ui.common.host import Host

Progress = Callable[[str], None]


@dataclass
class Settings:
    """What each view was asked to show."""

    dossier: EntityKey | None = None
    timeline: list[EntityKey] = field(default_factory=list)  # empty: the top five groups
    unit: Unit = "month"
    metric: Metric = "mentions"
    columns: str = "country"
    count_by: CountBy = "document"
    since: str | None = None  # a briefing's name or an ISO day; None: the latest briefing
    batch: list[str] = field(default_factory=list)


class AnalysisData(QObject):
    """The counts and the gazetteer, opened once, and one job per view at a time."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.main_window())
        self.host = host
        self.settings = Settings()
        self._counts: Counts | None = None
        self._matcher: Matcher | None = None
        self._lock = threading.Lock()  # two views' jobs may open them at once

    # -- what every computation needs (called in workers) ---------------------------------

    def counts(self) -> Counts:
        with self._lock:
            if self._counts is None:
                self._counts = open_counts_cache(self.host.paths)
            return self._counts

    def matcher(self) -> Matcher:
        with self._lock:
            if self._matcher is None:
                self._matcher = load_matcher(self.host.paths)
            return self._matcher

    def close(self) -> None:
        with self._lock:
            if self._counts is not None:
                self._counts.close()
                self._counts = None

    # -- the views' answers ---------------------------------------------------------------

    def dossier(self, entity: EntityKey) -> Dossier:
        matcher = self.matcher()
        return dossier(
            self.counts(), entity, matcher.gazetteer, store=self.host.store(), find=matcher.find
        )

    def timeline(self) -> Timeline:
        s = self.settings
        entities = s.timeline or [t.entity for t in top_entities(self.counts(), "group", limit=5)]
        return timeline(self.counts(), entities, unit=s.unit, metric=s.metric)

    def matrix(self) -> tuple[Matrix, dict[str, str]]:
        s = self.settings
        table = matrix(
            self.counts(),
            "group",
            s.columns,
            count_by=s.count_by,
            limit=15,  # type: ignore[arg-type]
        )
        return table, self.acronyms([t.entity for t in (*table.rows, *table.columns)])

    def acronyms(self, entities: list[EntityKey]) -> dict[str, str]:
        """Short names for long headers: each entity's first acronym, where it has one."""
        gazetteer = self.matcher().gazetteer
        found = {}
        for _, name in entities:
            entity = gazetteer.by_canonical(name)
            if entity is not None and entity.acronyms:
                found[name] = entity.acronyms[0]
        return found

    def cut(self, store: Store | None) -> Cut:
        """Where "since" counts from: the chosen briefing or day, else the latest briefing,
        else the last thirty days."""
        chosen = self.settings.since
        if chosen and len(chosen) == 10 and chosen[4] == "-":
            return cut_at(datetime.fromisoformat(chosen).date())
        if store is not None:
            try:
                return cut_at_briefing(store, chosen)
            except NotFoundError:
                if chosen:
                    raise
        month_ago = (datetime.now(UTC) - timedelta(days=30)).date()
        return Cut(cut_at(month_ago).moment, f"{month_ago.isoformat()} (no briefing yet)")

    def since(self) -> Since:
        store = self.host.store()
        return since(self.counts(), self.cut(store), store=store)

    def batch(self, searcher: object) -> list[BatchRow]:
        return batch_search(
            searcher,  # type: ignore[arg-type]
            self.settings.batch,
            self.counts(),
            self.matcher().gazetteer,
        )

    def entity_names(self) -> list[str]:
        """Every canonical name, for the entity prompt's completion."""
        return sorted(e.canonical for e in self.matcher().gazetteer.entities)
