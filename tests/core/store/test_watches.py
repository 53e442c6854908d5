"""Standing queries in the store: saved, edited, deleted with undo, and their inbox."""

from __future__ import annotations

import pytest

from briefreader.paths import DataPaths
from briefreader.store import NotFoundError, Store


def test_a_watch_is_saved_listed_and_found_by_any_case(store: Store) -> None:
    changes = store.watches.add("ISKP in China", "ISIS-K AND china", checked="2024-01-01T00:00:00")
    assert changes.watches
    (watch,) = store.watches.list()
    assert (watch.name, watch.query, watch.checked) == (
        "ISKP in China",
        "ISIS-K AND china",
        "2024-01-01T00:00:00",
    )
    assert (watch.hits, watch.unseen) == (0, 0)
    assert store.watches.get("iskp in china").id == watch.id
    with pytest.raises(ValueError, match="already"):
        store.watches.add("iskp IN china", "x", checked="2024-01-01T00:00:00")
    with pytest.raises(ValueError, match="name and a query"):
        store.watches.add("  ", "x", checked="2024-01-01T00:00:00")
    with pytest.raises(NotFoundError):
        store.watches.get("nothing")


def test_hits_wait_until_read_or_seen(store: Store) -> None:
    store.watches.add("a", "taliban", checked="2024-01-01T00:00:00")
    store.watches.add("b", "kabul", checked="2024-01-01T00:00:00")
    a, b = store.watches.list()
    assert store.watches.record({a.id: ["d1", "d2"]}, checked="2024-02-01T00:00:00").watches
    store.watches.record({b.id: ["d2", "d3"]}, checked="2024-02-01T00:00:00")
    assert not store.watches.record({a.id: ["d1"]}, checked="2024-03-01T00:00:00")  # known
    assert store.watches.get("a").checked == "2024-03-01T00:00:00"
    assert store.watches.unseen_count() == 3  # d2 counts once
    store.reading.set_read(["d2"])
    assert store.watches.unseen_count() == 2
    assert {h.doc_id for h in store.watches.hits(unseen_only=True)} == {"d1", "d3"}
    assert [h.doc_id for h in store.watches.hits("b")] == ["d2", "d3"]
    assert not store.watches.hits("b")[0].unseen
    store.watches.mark_seen(["d1"])
    assert store.watches.unseen_count() == 1
    assert store.watches.mark_seen().watches
    assert store.watches.unseen_count() == 0
    assert not store.watches.mark_seen()
    assert {w.name: (w.hits, w.unseen) for w in store.watches.list()} == {
        "a": (2, 0),
        "b": (2, 0),
    }


def test_delete_and_undo_bring_back_the_hits(store: Store) -> None:
    store.watches.add("a", "taliban", checked="2024-01-01T00:00:00")
    watch = store.watches.get("a")
    store.watches.record({watch.id: ["d1", "d2"]}, checked="2024-02-01T00:00:00")
    store.watches.mark_seen(["d1"])
    store.watches.remove("A")
    assert store.watches.list() == [] and store.watches.unseen_count() == 0
    assert store.history.undo_label == "delete the standing query 'a'"
    assert store.undo().watches
    assert store.watches.get("a") == watch.__class__(
        watch.id, "a", "taliban", watch.created, "2024-02-01T00:00:00", 2, 1
    )
    store.redo()
    assert store.watches.list() == []


def test_edit_renames_or_changes_the_query(store: Store) -> None:
    store.watches.add("a", "taliban", checked="2024-01-01T00:00:00")
    store.watches.edit("a", name="Taliban", query="taliban OR ttp")
    assert [(w.name, w.query) for w in store.watches.list()] == [("Taliban", "taliban OR ttp")]
    assert not store.watches.edit("Taliban", name="Taliban")
    store.undo()
    assert [(w.name, w.query) for w in store.watches.list()] == [("a", "taliban")]


def test_a_run_for_a_deleted_watch_records_nothing(store: Store) -> None:
    store.watches.add("a", "taliban", checked="2024-01-01T00:00:00")
    watch_id = store.watches.get("a").id
    store.watches.remove("a")
    assert not store.watches.record({watch_id: ["d1"]}, checked="2024-02-01T00:00:00")


def test_watches_survive_reopening(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.watches.add("a", "taliban", checked="2024-01-01T00:00:00")
        store.watches.record({store.watches.get("a").id: ["d1"]}, checked="2024-02-01T00:00:00")
    with Store.open(data_paths, read_only=True) as store:
        assert store.watches.get("a").unseen == 1
