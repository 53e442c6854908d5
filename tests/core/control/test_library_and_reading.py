"""Loading the library for the window, importing from it, and read state kept in the store."""

from __future__ import annotations

from briefreader.control.library import import_files, load_library
from briefreader.control.reading import ReadingSync, offset_paragraph, paragraph_offset
from briefreader.control.state import ReaderState
from briefreader.domain import Document
from briefreader.store import Store


def test_first_run_reads_the_seeds_with_their_entities(data_paths) -> None:
    snapshot = load_library(data_paths, entities=True)
    assert len(snapshot.documents) >= 5
    assert all(doc.story_id for doc in snapshot.documents)
    named = set().union(*snapshot.entities.values())
    assert ("group", "Islamic State Khorasan Province") in named


def test_import_files_adds_and_reports(data_paths, tmp_path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Somalia and al-Shabaab\n\nAl-Shabaab attacked a base in Somalia.\n", "utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    outcome = import_files(data_paths, [tmp_path])
    assert len(outcome.added) == 1
    assert "1 added" in outcome.summary
    assert outcome.skipped  # the empty file, with its reason
    added = next(d for d in outcome.snapshot.documents if d.id == outcome.added[0])
    assert ("country", "Somalia") in outcome.snapshot.entities[added.id]


def test_offsets_and_paragraphs_convert_both_ways() -> None:
    doc = Document(id="d", title="t", body="one\n\ntwo two\n\nthree")
    assert [paragraph_offset(doc, p) for p in range(3)] == [0, 5, 14]
    assert [offset_paragraph(doc, o) for o in (0, 4, 5, 13, 14, 99)] == [0, 0, 1, 1, 2, 2]


def test_reading_sync_writes_only_changes_and_reads_them_back(data_paths) -> None:
    docs = [
        Document(id="a", title="A", body="p0\n\np1\n\np2"),
        Document(id="b", title="B", body="q0\n\nq1"),
    ]
    state = ReaderState(lambda text: [])
    state.set_library(docs, [])
    with Store.open(data_paths) as store:
        sync = ReadingSync(store)
        assert sync.load(docs) == (set(), {})
        state.open("a")
        state.set_paragraph(2)  # the last paragraph: read
        state.open("b")
        assert sync.push(state) is None
        assert store.reading.read_ids() == {"a"}
        assert store.reading.get("a").position == paragraph_offset(docs[0], 2)
        state.toggle_read()  # b read, then unread again
        state.toggle_read()
        state.open("a")
        state.toggle_read()  # a unread
        sync.push(state)
        assert store.reading.read_ids() == set()
    with Store.open(data_paths, read_only=True) as store:
        read, positions = ReadingSync(store).load(docs)
    assert read == set()
    assert positions == {"a": 2}
