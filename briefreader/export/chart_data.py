"""What a briefing's charts count, when the caller did not count it from the library.

This is the switch point DESIGN.md names: charts are drawn from plain
`Trend` and `CoMentions` values (model.py). A caller with the library's
analysis (briefreader.analysis) may fill `Briefing.trend` and
`Briefing.co_mentions`; otherwise `charts_for` counts the briefing's own
excerpts, which needs nothing but the excerpts and their sources' dates.

- Trend: the briefing's most-named groups, mentions per month (quarter or
  year over long spans) by the date of the source each excerpt quotes.
- Co-mentions: the most-named groups × the most-named countries, cells
  counting the excerpts that name both.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from briefreader.domain import Mention
from briefreader.export.model import Briefing, BriefingExcerpt, CoMentions, Trend, TrendSeries

TREND_GROUPS = 5
MATRIX_ROWS = 8
MATRIX_COLUMNS = 8


def _period(day: dt.date, unit: str) -> tuple[int, int]:
    if unit == "month":
        return day.year, day.month
    if unit == "quarter":
        return day.year, (day.month - 1) // 3 + 1
    return day.year, 1


def _label(key: tuple[int, int], unit: str) -> str:
    year, part = key
    if unit == "month":
        return f"{dt.date(year, part, 1):%b %Y}"
    if unit == "quarter":
        return f"Q{part} {year}"
    return str(year)


def _next(key: tuple[int, int], unit: str) -> tuple[int, int]:
    year, part = key
    last = {"month": 12, "quarter": 4, "year": 1}[unit]
    return (year + 1, 1) if part >= last else (year, part + 1)


def _unit_for(first: dt.date, last: dt.date) -> str:
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return "month" if months <= 36 else "quarter" if months <= 120 else "year"


def _day(excerpt: BriefingExcerpt) -> dt.date | None:
    if excerpt.citation is None:
        return None
    try:
        return dt.date.fromisoformat(excerpt.citation.date.strip())
    except ValueError:
        return None


def trend_of(items: Sequence[tuple[BriefingExcerpt, Sequence[Mention]]]) -> Trend | None:
    """Mentions of the most-named groups per period; None when nothing dated names a group."""
    named: Counter[str] = Counter()
    dated: list[tuple[dt.date, Counter[str]]] = []
    undated = 0
    for excerpt, mentions in items:
        groups = Counter(m.canonical for m in mentions if m.kind == "group")
        if not groups:
            continue
        named.update(groups)
        day = _day(excerpt)
        if day is None:
            undated += 1
        else:
            dated.append((day, groups))
    if not dated:
        return None
    top = [name for name, _ in sorted(named.items(), key=lambda p: (-p[1], p[0]))][:TREND_GROUPS]
    first = min(d for d, _ in dated)
    last = max(d for d, _ in dated)
    unit = _unit_for(first, last)
    keys = [_period(first, unit)]
    while keys[-1] != _period(last, unit):
        keys.append(_next(keys[-1], unit))
    slot = {key: i for i, key in enumerate(keys)}
    counts = {name: [0] * len(keys) for name in top}
    for day, groups in dated:
        index = slot[_period(day, unit)]
        for name in top:
            counts[name][index] += groups.get(name, 0)
    return Trend(
        periods=tuple(_label(k, unit) for k in keys),
        series=tuple(TrendSeries(name, tuple(counts[name])) for name in top),
        basis=f"Mentions in this briefing's excerpts, per {unit} of the quoted source's date",
        undated=undated,
    )


def co_mentions_of(items: Sequence[tuple[BriefingExcerpt, Sequence[Mention]]]) -> CoMentions | None:
    """Excerpts naming each top group together with each top country; None if no pair."""
    rows: Counter[str] = Counter()
    columns: Counter[str] = Counter()
    sets: list[tuple[set[str], set[str]]] = []
    for _excerpt, mentions in items:
        groups = {m.canonical for m in mentions if m.kind == "group"}
        countries = {m.canonical for m in mentions if m.kind == "country"}
        rows.update(groups)
        columns.update(countries)
        if groups and countries:
            sets.append((groups, countries))
    if not sets:
        return None
    top_rows = [n for n, _ in sorted(rows.items(), key=lambda p: (-p[1], p[0]))][:MATRIX_ROWS]
    top_columns = [n for n, _ in sorted(columns.items(), key=lambda p: (-p[1], p[0]))][
        :MATRIX_COLUMNS
    ]
    cells = [[0] * len(top_columns) for _ in top_rows]
    for groups, countries in sets:
        for r, group in enumerate(top_rows):
            if group in groups:
                for c, country in enumerate(top_columns):
                    if country in countries:
                        cells[r][c] += 1
    return CoMentions(
        rows=tuple(top_rows),
        columns=tuple(top_columns),
        cells=tuple(tuple(row) for row in cells),
        basis="Excerpts in this briefing naming both the group and the country",
    )


def charts_for(
    briefing: Briefing, items: Sequence[tuple[BriefingExcerpt, Sequence[Mention]]]
) -> Briefing:
    """`briefing` with the data of every chart it asks for and does not carry yet."""
    trend, co = briefing.trend, briefing.co_mentions
    if "trend" in briefing.charts and trend is None:
        trend = trend_of(items)
    if "matrix" in briefing.charts and co is None:
        co = co_mentions_of(items)
    return replace(briefing, trend=trend, co_mentions=co)
