"""Read state and reading position per document."""

from __future__ import annotations

from briefreader.paths import DataPaths
from briefreader.store import ReadingState, Store


def test_unknown_document_is_unread_at_the_top(store: Store) -> None:
    assert store.reading.get("doc-a") == ReadingState("doc-a")


def test_mark_read_reports_only_real_changes(store: Store) -> None:
    assert store.reading.set_read(["a", "b"]).documents == {"a", "b"}
    assert not store.reading.set_read(["a"])
    assert store.reading.set_read(["a", "c"]).documents == {"c"}
    assert store.reading.read_ids() == {"a", "b", "c"}
    assert store.reading.set_read(["b"], read=False).documents == {"b"}
    assert store.reading.read_ids() == {"a", "c"}


def test_position_is_saved_cheaply_and_survives_reopen(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        assert store.reading.set_position("doc-a", 1234).documents == {"doc-a"}
        assert not store.reading.set_position("doc-a", 1234)
        store.reading.set_read(["doc-a"])
    with Store.open(data_paths) as store:
        state = store.reading.get("doc-a")
        assert (state.read, state.position) == (True, 1234)
        assert set(store.reading.all()) == {"doc-a"}
