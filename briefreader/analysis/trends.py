"""Mentions over time: how often chosen groups and countries were named, per week or month.

Three measures, because each answers a different question:
- `mentions`: how much was written about it;
- `documents`: in how many documents it appears at all;
- `share`: its mentions as a percentage of every mention in that period,
  which separates "more is said about it" from "more was imported".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from briefreader.analysis.counts import Counts
from briefreader.analysis.periods import Period, Unit, period_of, periods_between
from briefreader.analysis.scope import EVERYTHING, Scope, scoped
from briefreader.analysis.tally import EntityKey
from briefreader.domain import EntityKind

Metric = Literal["mentions", "documents", "share"]
METRICS: tuple[Metric, ...] = ("mentions", "documents", "share")


@dataclass(frozen=True, slots=True)
class Series:
    entity: EntityKey
    values: tuple[float, ...]
    mentions: int  # over the whole range, whatever the metric
    documents: int

    @property
    def peak(self) -> int:
        """The index of the period with the highest value (the first of ties)."""
        return max(range(len(self.values)), key=lambda i: (self.values[i], -i), default=0)


@dataclass(frozen=True, slots=True)
class Timeline:
    unit: Unit
    metric: Metric
    periods: tuple[Period, ...]
    series: tuple[Series, ...]
    #: Documents in the scope, and how many of them are placed on their import
    #: day because no publication date is known.
    documents: int
    undated: int

    @property
    def undated_note(self) -> str:
        """What the view must say when import dates stand in for publication dates."""
        if not self.undated:
            return ""
        if self.undated == self.documents:
            return "no document has a publication date: placed by import date"
        return (
            f"{self.undated} of {self.documents} documents have no publication date: "
            "placed by import date"
        )


@dataclass(frozen=True, slots=True)
class EntityTotal:
    entity: EntityKey
    mentions: int
    documents: int


def top_entities(
    counts: Counts,
    kind: EntityKind | None = None,
    *,
    limit: int | None = 10,
    scope: Scope = EVERYTHING,
) -> list[EntityTotal]:
    """The most mentioned entities in the scope, most mentioned first."""
    kind_clause = "AND e.kind = ?" if kind else ""
    if scope.is_everything:  # the totals kept at import: no pass over the counts
        rows = counts.read(
            "SELECT e.kind, e.canonical, t.mentions, t.documents FROM analysis_totals t "
            f"JOIN analysis_entities e ON e.id = t.entity WHERE t.documents > 0 {kind_clause} "
            "ORDER BY t.mentions DESC, t.documents DESC, e.canonical",
            [kind] if kind else [],
        )
        totals = [EntityTotal((row[0], row[1]), row[2], row[3]) for row in rows]
        return totals if limit is None else totals[:limit]
    with scoped(counts, scope) as (where, args):
        rows = counts.read(
            "SELECT e.kind, e.canonical, SUM(c.mentions), COUNT(*) FROM analysis_counts c "
            "JOIN analysis_docs d ON d.n = c.doc JOIN analysis_entities e ON e.id = c.entity "
            f"WHERE {where} {kind_clause} GROUP BY c.entity "
            "ORDER BY SUM(c.mentions) DESC, COUNT(*) DESC, e.canonical",
            [*args, *([kind] if kind else [])],
        )
    totals = [EntityTotal((row[0], row[1]), row[2], row[3]) for row in rows]
    return totals if limit is None else totals[:limit]


def timeline(
    counts: Counts,
    entities: Sequence[EntityKey],
    *,
    unit: Unit = "month",
    metric: Metric = "mentions",
    scope: Scope = EVERYTHING,
) -> Timeline:
    """One series per entity over every period of the scope, empty periods included.

    The periods run from the scope's first document to its last, so series
    of different entities line up and a silence shows as a zero.
    """
    ids = {key: counts.entity_id(key) for key in entities}
    known = [i for i in ids.values() if i is not None]
    with scoped(counts, scope) as (where, args):
        span = counts.read(
            f"SELECT MIN(d.day), MAX(d.day), COUNT(*), SUM(1 - d.dated) FROM analysis_docs d "
            f"WHERE {where}",
            args,
        )[0]
        marks = ",".join("?" * len(known))
        rows = (
            counts.read(
                "SELECT c.entity, d.day, SUM(c.mentions), COUNT(*) FROM analysis_counts c "
                f"JOIN analysis_docs d ON d.n = c.doc WHERE c.entity IN ({marks}) AND {where} "
                "GROUP BY c.entity, d.day",
                [*known, *args],
            )
            if known
            else []
        )
        per_day = (
            counts.read(
                f"SELECT d.day, SUM(d.mentions) FROM analysis_docs d WHERE {where} GROUP BY d.day",
                args,
            )
            if metric == "share"
            else []
        )
    first, last, documents, undated = span
    if first is None:
        return Timeline(unit, metric, (), tuple(Series(k, (), 0, 0) for k in entities), 0, 0)
    periods = periods_between(
        scope.start or date.fromisoformat(first), scope.end or date.fromisoformat(last), unit
    )
    index_of: dict[str, int] = {}
    starts = {p.start: i for i, p in enumerate(periods)}

    def bucket(day: str) -> int:
        found = index_of.get(day)
        if found is None:
            found = index_of[day] = starts[period_of(date.fromisoformat(day), unit).start]
        return found

    mentions = {i: [0] * len(periods) for i in known}
    docs = {i: [0] * len(periods) for i in known}
    for entity, day, count, documents_that_day in rows:
        slot = bucket(day)
        mentions[entity][slot] += count
        docs[entity][slot] += documents_that_day
    totals = [0] * len(periods)
    for day, count in per_day:
        totals[bucket(day)] += count or 0
    series = []
    for key in entities:
        entity = ids[key]
        m = mentions.get(entity, [0] * len(periods)) if entity is not None else [0] * len(periods)
        d = docs.get(entity, [0] * len(periods)) if entity is not None else [0] * len(periods)
        values: list[float]
        if metric == "mentions":
            values = [float(v) for v in m]
        elif metric == "documents":
            values = [float(v) for v in d]
        else:
            values = [100.0 * v / t if t else 0.0 for v, t in zip(m, totals, strict=True)]
        series.append(Series(key, tuple(values), sum(m), sum(d)))
    return Timeline(unit, metric, tuple(periods), tuple(series), documents, undated or 0)


def documents_in(
    counts: Counts, period: Period, entities: Sequence[EntityKey] = (), scope: Scope = EVERYTHING
) -> list[str]:
    """The documents of one period (naming any of `entities`, if given), by day then import.

    What selecting a bar in the timeline puts in the document list.
    """
    narrowed = Scope(
        max(period.start, scope.start) if scope.start else period.start,
        min(period.end, scope.end) if scope.end else period.end,
        scope.doc_ids,
    )
    ids = [i for key in entities if (i := counts.entity_id(key)) is not None]
    with scoped(counts, narrowed) as (where, args):
        if not entities:
            rows = counts.read(
                f"SELECT d.doc_id FROM analysis_docs d WHERE {where} ORDER BY d.day, d.n", args
            )
        elif not ids:
            rows = []
        else:
            marks = ",".join("?" * len(ids))
            rows = counts.read(
                "SELECT DISTINCT d.doc_id, d.day, d.n FROM analysis_docs d "
                f"JOIN analysis_counts c ON c.doc = d.n WHERE c.entity IN ({marks}) AND {where} "
                "ORDER BY d.day, d.n",
                [*ids, *args],
            )
    return [row[0] for row in rows]
