"""Standing queries run on new documents only; batch search counts a list of queries."""

from __future__ import annotations

import pytest

from briefreader.analysis.batch import batch_lines, batch_search
from briefreader.analysis.watch import imported_since, now_utc, run_watches, save_watch
from briefreader.search.query import QueryError
from briefreader.search.sources import open_searcher, update_from_library
from briefreader.store import Store

from .conftest import Built, Spec


@pytest.fixture
def indexed(built: Built):  # type: ignore[no-untyped-def]
    update_from_library(built.paths, library=built.library, procs=1, include_notes=False)
    with open_searcher(built.paths, built.library) as searcher, Store.open(built.paths) as store:
        yield built, searcher, store


def test_a_watch_sees_only_what_is_imported_after_it_was_saved(indexed) -> None:
    built, searcher, store = indexed
    save_watch(store, searcher, "ISKP", "ISIS-K")  # any spelling: the fixture writes ISKP too
    first = run_watches(store, searcher, built.counts)
    assert first.found == {"ISKP": ()} and first.hits == 0
    now = now_utc()
    built.add(
        Spec("new-isk", "New claim", ("Islamic State Khorasan Province claimed it.",), "", now),
        Spec("new-other", "Other", ("Hamas in Gaza.",), "", now),
    )
    update_from_library(built.paths, library=built.library, procs=1, include_notes=False)
    second = run_watches(store, searcher, built.counts)
    assert second.found == {"ISKP": (built.ids["new-isk"],)}
    assert store.watches.unseen_count() == 1
    assert [h.doc_id for h in store.watches.hits("ISKP")] == [built.ids["new-isk"]]
    third = run_watches(store, searcher, built.counts)
    assert store.watches.unseen_count() == 1 and third.changes.watches is False
    # A run that began in the second of the import rechecks that second's documents
    # (import times are whole seconds); what it found before is not new again.
    store.watches.record({store.watches.get("ISKP").id: []}, checked=now)
    again = run_watches(store, searcher, built.counts)
    assert again.found == {"ISKP": ()} and again.hits == 0
    assert store.watches.unseen_count() == 1


def test_a_broken_query_is_refused_or_keeps_its_place(indexed) -> None:
    built, searcher, store = indexed
    with pytest.raises(QueryError):
        save_watch(store, searcher, "bad", "(((")
    store.watches.add("bad", "(((", checked="2024-01-01T00:00:00")  # saved by an older version
    result = run_watches(store, searcher, built.counts)
    assert "bad" in result.failed and "bad" not in result.found
    assert store.watches.get("bad").checked == "2024-01-01T00:00:00"


def test_imported_since_uses_the_import_time(shared: Built) -> None:
    assert set(imported_since(shared.counts, "2024-03-20T09:00:00")) == {
        shared.ids["quiet"],
        shared.ids["sahel"],
        shared.ids["undated"],
    }


def test_batch_lines_skip_blanks_comments_and_repeats() -> None:
    text = "ISIS-K\n\n  # my list\nTaliban\n  taliban  \nTaliban\n\t\n"
    assert batch_lines(text) == ["ISIS-K", "Taliban", "taliban"]


def test_batch_search_counts_documents_and_mentions(indexed) -> None:
    built, searcher, _ = indexed
    rows = batch_search(
        searcher,
        ["IS-K", "Doha", "zzzq", "(((", "Taliban AND Pakistan"],
        built.counts,
        built.matcher.gazetteer,
    )
    isk, doha, nothing, broken, both = rows
    assert (isk.documents, isk.entity, isk.mentions) == (
        3,
        ("group", "Islamic State Khorasan Province"),
        4,
    )
    assert (doha.documents, doha.entity) == (1, None)
    assert nothing.documents == 0 and not nothing.error
    assert broken.error and broken.documents == 0
    assert (both.documents, both.entity) == (2, None)
