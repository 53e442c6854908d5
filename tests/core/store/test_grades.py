"""Reliability grades per publisher and document; credibility and claims per excerpt."""

from __future__ import annotations

import sqlite3

import pytest

from briefreader.paths import DataPaths
from briefreader.store import CREDIBILITY, RELIABILITY, Reliability, Store
from briefreader.store.grades import publisher_key
from briefreader.store.migrations import MIGRATIONS
from tests.core.store.conftest import ARTICLE, span


def capture(store: Store, quote: str, doc_id: str = "doc-a") -> int:
    start, end = span(ARTICLE, quote)
    return store.excerpts.capture(doc_id, ARTICLE, start, end).excerpt.id


def test_the_admiralty_codes_are_all_there() -> None:
    assert list(RELIABILITY) == list("ABCDEF")
    assert list(CREDIBILITY) == [1, 2, 3, 4, 5, 6]
    assert RELIABILITY["F"].startswith("reliability cannot") and "cannot" in CREDIBILITY[6]


def test_publisher_key_folds_case_spacing_and_a_leading_the() -> None:
    assert publisher_key("The  Diplomat") == publisher_key("diplomat") == "diplomat"
    assert publisher_key("The") == "the"  # a publisher called just "The" stays itself
    assert publisher_key("Theatre Weekly") == "theatre weekly"


def test_a_publisher_grade_is_remembered_and_reaches_its_documents(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        changes = store.grades.set_publisher("The Diplomat", "b")
        assert changes.grades and not changes.documents
        assert store.grades.publisher("diplomat") == "B"
        assert store.grades.reliability("doc-1", "THE DIPLOMAT") == Reliability("B", "publisher")
        assert store.grades.reliability("doc-1", "Foreign Policy") == Reliability()
        assert store.grades.reliability("doc-1", "") == Reliability()
        assert not store.grades.set_publisher("Diplomat", "B")  # no change, no undo step
    with Store.open(data_paths) as store:
        assert store.grades.publisher("The Diplomat") == "B"
        book = store.grades.book()
        assert book.publishers == {"diplomat": ("The Diplomat", "B")}
        assert book.reliability("doc-9", "diplomat") == Reliability("B", "publisher")


def test_a_document_grade_overrides_its_publisher_and_can_be_removed(store: Store) -> None:
    store.grades.set_publisher("Reuters", "A")
    changes = store.grades.set_documents(["doc-1", "doc-2"], "D")
    assert changes.documents == {"doc-1", "doc-2"} and changes.grades
    assert store.grades.reliability("doc-1", "Reuters") == Reliability("D", "document")
    assert store.grades.reliability("doc-3", "Reuters") == Reliability("A", "publisher")
    assert store.grades.book().reliability("doc-2", "reuters") == Reliability("D", "document")
    assert store.grades.set_documents(["doc-1"], None).documents == {"doc-1"}
    assert store.grades.reliability("doc-1", "Reuters") == Reliability("A", "publisher")
    assert store.grades.document("doc-1") is None and store.grades.document("doc-2") == "D"
    # A grade without a publisher must be set on the document itself.
    with pytest.raises(ValueError, match="without a publisher"):
        store.grades.set_publisher("  ", "B")
    assert store.grades.set_documents(["doc-4"], "C").documents == {"doc-4"}
    assert store.grades.reliability("doc-4", "") == Reliability("C", "document")


def test_clearing_a_publisher_grade_forgets_it(store: Store) -> None:
    store.grades.set_publisher("AP", "B")
    assert store.grades.set_publisher("ap", None).grades
    assert store.grades.publisher("AP") is None and store.grades.book().publishers == {}


@pytest.mark.parametrize("bad", ["G", "", "AB", "1", " "])
def test_reliability_outside_a_to_f_is_refused(store: Store, bad: str) -> None:
    with pytest.raises(ValueError, match="A to F"):
        store.grades.set_publisher("AP", bad)
    with pytest.raises(ValueError, match="A to F"):
        store.grades.set_documents(["doc-1"], bad)
    assert store.grades.book().publishers == {} and store.grades.book().documents == {}


def test_grades_undo_and_redo_as_one_step_each(store: Store) -> None:
    store.grades.set_publisher("AP", "B")
    store.grades.set_publisher("AP", "E")
    store.grades.set_documents(["x", "y"], "A")
    assert store.history.undo_label == "grade document A"
    assert store.undo().documents == {"x", "y"}
    assert store.grades.book().documents == {}
    store.undo()
    assert store.grades.publisher("AP") == "B"
    store.undo()
    assert store.grades.publisher("AP") is None
    store.redo()
    store.redo()
    assert store.grades.publisher("AP") == "E"


def test_credibility_and_claim_round_trip_and_undo(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        a = capture(store, "claimed the attack in Kabul")
        b = capture(store, "The Taliban denied that security had failed.")
        fresh = store.excerpts.get(a)
        assert (fresh.credibility, fresh.claimant) == (None, "")
        changes = store.excerpts.set_credibility([a, b], 3)
        assert changes.excerpts == {a, b}
        assert store.excerpts.set_claim([a], "  ISKP   via Amaq ").excerpts == {a}
        store.briefings.create("weekly")
        store.briefings.add("weekly", [a, b])
    with Store.open(data_paths) as store:
        got = store.excerpts.get(a)
        assert (got.credibility, got.claimant) == (3, "ISKP via Amaq")
        assert store.excerpts.get(b).claimant == ""
        items = store.load_briefing("weekly").items
        assert [(i.excerpt.credibility, i.excerpt.claimant) for i in items] == [
            (3, "ISKP via Amaq"),
            (3, ""),
        ]
        assert store.excerpts.claimants() == [("ISKP via Amaq", 1)]
        store.excerpts.set_credibility([a], None)
        assert store.excerpts.get(a).credibility is None
        store.undo()
        assert store.excerpts.get(a).credibility == 3
        store.excerpts.set_claim([a], "")
        assert store.excerpts.get(a).claimant == "" and store.excerpts.claimants() == []


@pytest.mark.parametrize("bad", [0, 7, -1])
def test_credibility_outside_one_to_six_is_refused(store: Store, bad: int) -> None:
    a = capture(store, "claimed the attack in Kabul")
    with pytest.raises(ValueError, match="1 to 6"):
        store.excerpts.set_credibility([a], bad)
    assert store.excerpts.get(a).credibility is None


def test_a_deleted_excerpt_comes_back_with_its_grade_and_claim(store: Store) -> None:
    a = capture(store, "claimed the attack in Kabul")
    store.excerpts.set_credibility([a], 5)
    store.excerpts.set_claim([a], "Amaq")
    store.excerpts.delete([a])
    store.undo()
    got = store.excerpts.get(a)
    assert (got.credibility, got.claimant) == (5, "Amaq")


def test_reanchoring_keeps_grade_and_claim(store: Store) -> None:
    a = capture(store, "claimed the attack in Kabul")
    store.excerpts.set_credibility([a], 2)
    store.excerpts.set_claim([a], "Amaq")
    store.excerpts.reanchor("doc-a", "A new lead.\n\n" + ARTICLE, new_doc_id="doc-a2")
    got = store.excerpts.get(a)
    assert (got.doc_id, got.credibility, got.claimant) == ("doc-a2", 2, "Amaq")


def test_a_document_grade_follows_its_new_version(store: Store) -> None:
    store.grades.set_documents(["old"], "E")
    assert store.grades.follow_version("old", "new").documents == {"new"}
    assert store.grades.document("new") == "E"
    store.grades.set_documents(["newer"], "B")
    assert not store.grades.follow_version("new", "newer")  # its own grade wins
    assert store.grades.document("newer") == "B"


@pytest.mark.backends("sqlite")  # the SQLite file's own migration
def test_a_version_one_database_is_migrated_keeping_its_excerpts(data_paths: DataPaths) -> None:
    with Store.open(data_paths, migrations=MIGRATIONS[:1]):
        pass
    conn = sqlite3.connect(data_paths.work_db)
    conn.execute(
        'INSERT INTO excerpts (doc_id, content_hash, start, "end", exact, created, updated) '
        "VALUES ('doc-a', 'h', 0, 5, 'Hello', 't', 't')"
    )
    conn.commit()
    conn.close()
    with Store.open(data_paths) as store:
        (old,) = store.excerpts.list()
        assert (old.quote, old.credibility, old.claimant) == ("Hello", None, "")
        store.excerpts.set_credibility([old.id], 1)
        store.grades.set_publisher("AP", "A")
        assert store.excerpts.get(old.id).credibility == 1
    conn = sqlite3.connect(data_paths.work_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == MIGRATIONS[-1].version
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE excerpts SET credibility = 9")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO publisher_grades (publisher_key, publisher, reliability, updated) "
            "VALUES ('x', 'x', 'Z', 't')"
        )
    conn.close()
