"""Mentions over time, from the counts, checked against what the fixture's texts say."""

from __future__ import annotations

from datetime import date

from briefreader.analysis.periods import period_of
from briefreader.analysis.scope import Scope
from briefreader.analysis.trends import documents_in, timeline, top_entities

from .conftest import Built

ISKP = ("group", "Islamic State Khorasan Province")
TALIBAN = ("group", "Taliban")
PAKISTAN = ("country", "Pakistan")


def test_monthly_mentions_with_empty_months_and_the_import_day_stand_in(shared: Built) -> None:
    result = timeline(shared.counts, [ISKP, TALIBAN], unit="month")
    assert [p.label for p in result.periods] == [
        "2024-01",
        "2024-02",
        "2024-03",
        "2024-04",
        "2024-05",
        "2024-06",
    ]
    isk, taliban = result.series
    assert isk.values == (3.0, 0.0, 0.0, 0.0, 0.0, 1.0)  # June: the undated, by its import day
    assert taliban.values == (3.0, 0.0, 0.0, 0.0, 0.0, 0.0)  # a title mention counts too
    assert (isk.mentions, isk.documents) == (4, 3)
    assert (result.documents, result.undated) == (5, 1)
    assert result.undated_note == (
        "1 of 5 documents have no publication date: placed by import date"
    )


def test_documents_and_share_metrics(shared: Built) -> None:
    docs = timeline(shared.counts, [ISKP], unit="month", metric="documents")
    assert docs.series[0].values[0] == 2.0
    share = timeline(shared.counts, [ISKP, PAKISTAN], unit="month", metric="share")
    everything = shared.counts.read(
        "SELECT SUM(mentions) FROM analysis_docs WHERE day BETWEEN '2024-01-01' AND '2024-01-31'"
    )[0][0]
    assert share.series[0].values[0] == 100.0 * 3 / everything
    assert share.series[1].values[0] == 100.0 * 2 / everything
    assert share.series[0].values[1] == 0.0  # a month with no mention at all is 0, not an error


def test_weekly_buckets_follow_iso_weeks(shared: Built) -> None:
    result = timeline(shared.counts, [ISKP], unit="week", scope=Scope(end=date(2024, 1, 31)))
    by_label = dict(zip((p.label for p in result.periods), result.series[0].values, strict=True))
    assert by_label["2024-W02"] == 1.0  # Doha, Monday 8 January
    assert by_label["2024-W03"] == 2.0  # Kabul, Saturday 20 January
    assert result.periods[-1].end >= date(2024, 1, 31)


def test_a_scope_narrows_to_the_listed_documents(shared: Built) -> None:
    scope = Scope(doc_ids=frozenset({shared.ids["kabul"], shared.ids["undated"]}))
    result = timeline(shared.counts, [ISKP], unit="month", scope=scope)
    assert result.series[0].mentions == 3 and result.documents == 2


def test_unknown_or_absent_entities_give_zero_series(shared: Built) -> None:
    result = timeline(shared.counts, [("group", "Hamas")], unit="month")
    assert result.series[0].values == (0.0,) * len(result.periods)
    empty = timeline(shared.counts, [ISKP], scope=Scope(start=date(2030, 1, 1)))
    assert empty.periods == () and empty.series[0].mentions == 0


def test_top_entities_rank_by_mentions(shared: Built) -> None:
    groups = top_entities(shared.counts, "group", limit=3)
    assert groups[0].entity == ISKP and groups[0].mentions == 4
    assert all(t.entity[0] == "group" for t in groups)
    assert [t.mentions for t in groups] == sorted((t.mentions for t in groups), reverse=True)
    january = top_entities(shared.counts, scope=Scope(date(2024, 1, 1), date(2024, 1, 31)))
    assert {t.entity for t in january} >= {ISKP, TALIBAN, PAKISTAN}
    assert ("group", "Jama'at Nusrat al-Islam wal-Muslimin") not in {t.entity for t in january}


def test_selecting_a_period_lists_its_documents(shared: Built) -> None:
    january = period_of(date(2024, 1, 15), "month")
    assert documents_in(shared.counts, january) == [shared.ids["doha"], shared.ids["kabul"]]
    march = period_of(date(2024, 3, 1), "month")
    assert documents_in(shared.counts, march) == [shared.ids["sahel"], shared.ids["quiet"]]
    assert documents_in(shared.counts, march, [ISKP]) == []
    assert documents_in(shared.counts, january, [("group", "Hamas")]) == []
