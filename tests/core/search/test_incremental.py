"""An update costs what changed: listed sources, and the entry lists kept beside segments."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from briefreader.domain import Document
from briefreader.search.entries import EXTENSION, changed, live_entries
from briefreader.search.indexer import IndexChanges, ListedDocuments, update_index
from briefreader.search.searcher import Searcher
from briefreader.search.toc import read_toc


def _untagged(_text: str) -> tuple[list[str], list[str]]:
    return [], []


class Listed:
    """A library-like source that counts what an update reads of it."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.docs = list(docs)
        self.streamed = 0
        self.fetched: list[str] = []

    def __len__(self) -> int:
        return len(self.docs)

    def __iter__(self) -> Iterator[Document]:
        for doc in self.docs:
            self.streamed += 1
            yield doc

    def stories(self) -> list[tuple[str, str]]:
        return [(d.id, d.story_id) for d in self.docs]

    def fetch(self, ids: Sequence[str]) -> Iterator[Document]:
        by_id = {d.id: d for d in self.docs}
        for doc_id in ids:
            self.fetched.append(doc_id)
            if doc_id in by_id:
                yield by_id[doc_id]


def _docs(count: int, start: int = 0) -> list[Document]:
    return [
        Document(id=f"d{n}", title=f"Report {n}", body=f"kabul report number w{n}", story_id="s0")
        for n in range(start, start + count)
    ]


def test_a_listed_source_is_read_only_where_it_changed(tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    docs = _docs(60)
    assert isinstance(Listed(docs), ListedDocuments)
    update_index(index_dir, Listed(docs), _untagged, procs=1, segment_docs=25)

    grown = Listed([*docs, *_docs(1, start=60)])
    assert update_index(index_dir, grown, _untagged, procs=1) == IndexChanges(added=("d60",))
    assert grown.streamed == 0 and grown.fetched == ["d60"]

    # Only the story can change under an id: the document is indexed again.
    moved = Listed([replace(d, story_id="s9") if d.id == "d3" else d for d in grown.docs[1:]])
    changes = update_index(index_dir, moved, _untagged, procs=1)
    assert changes == IndexChanges(updated=("d3",), removed=("d0",))
    assert moved.streamed == 0 and moved.fetched == ["d3"]
    assert update_index(index_dir, moved, _untagged, procs=1) == IndexChanges()

    with Searcher(index_dir) as searcher:
        assert searcher.count("kabul") == 60
        assert searcher.matching_ids("w0") == [] and searcher.matching_ids("w60") == ["d60"]
        assert searcher.search("w3", with_facets=True).facets["story"] == [("s9", 1)]


def test_a_plain_source_still_compares_stamps(tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    docs = _docs(20)
    update_index(index_dir, docs, _untagged, procs=1)
    edited = [replace(d, body=d.body + " herat") if d.id == "d5" else d for d in docs]
    assert update_index(index_dir, edited, _untagged, procs=1) == IndexChanges(updated=("d5",))
    with Searcher(index_dir) as searcher:
        assert searcher.matching_ids("herat") == ["d5"]


def test_segments_keep_their_entry_lists_and_lose_them_with_the_segment(tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, _docs(60), _untagged, procs=1, segment_docs=25)
    storage = FileStorage(str(index_dir))
    toc = read_toc(storage)
    names = {f"{s.segment_id()}.{EXTENSION}" for s in toc.segments}
    assert len(names) == 3 and names <= set(storage.list())
    entries = live_entries(storage, toc)
    assert set(entries.keys(by_story=True)) == {f"d{n}" for n in range(60)}

    # Built again from the stored fields when missing or damaged, same answer.
    first, second, _ = sorted(names)
    storage.delete_file(first)
    (index_dir / second).write_bytes(b'{"version": 2, "ids": ["x"')
    again = live_entries(storage, toc)
    assert again.keys(by_story=False) == entries.keys(by_story=False)
    assert names <= set(storage.list())

    # Mostly deleted segments are rewritten; their lists go with them.
    update_index(index_dir, _docs(10), _untagged, procs=1, segment_docs=25)
    kept = {f"{s.segment_id()}.{EXTENSION}" for s in read_toc(storage).segments}
    assert {n for n in storage.list() if n.endswith(EXTENSION)} == kept
    assert set(live_entries(storage, read_toc(storage)).keys(by_story=True)) == {
        f"d{n}" for n in range(10)
    }


@pytest.mark.parametrize("by_story", [True, False])
def test_changed_keeps_order_and_the_first_of_a_repeated_id(tmp_path: Path, by_story) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, _docs(5), _untagged, procs=1)
    storage = FileStorage(str(index_dir))
    entries = live_entries(storage, read_toc(storage))
    known = entries.keys(by_story=by_story)
    wanted = [("new2", "x"), ("d4", "changed"), ("d1", known["d1"]), ("new1", "y")]
    wanted += [("d1", "a later key never counts"), ("d0", known["d0"]), ("d3", "changed")]
    notes = [("note:1", "n")]
    added, updated, removed = changed(entries, wanted, notes, by_story=by_story)
    assert added == ["new2", "new1", "note:1"]
    assert updated == ["d4", "d3"]
    assert removed == ["d2"]


def test_the_library_lists_ids_and_stories_without_reading_texts(tmp_path: Path) -> None:
    import sqlite3

    from briefreader.corpus.library import open_library
    from briefreader.paths import DataPaths
    from briefreader.search.sources import LibraryDocuments

    with open_library(DataPaths(tmp_path / "data")) as library:
        listed = LibraryDocuments(library)
        assert isinstance(listed, ListedDocuments)
        docs = library.documents()
        assert sorted(listed.stories()) == sorted((d.id, d.story_id) for d in docs)
        wanted = [docs[2].id, "no such id", docs[0].id]
        assert [d.id for d in listed.fetch(wanted)] == [docs[2].id, docs[0].id]
    db = sqlite3.connect(tmp_path / "data" / "library.sqlite3")
    plan = db.execute("EXPLAIN QUERY PLAN SELECT id, story_id FROM documents WHERE current = 1")
    assert "COVERING INDEX" in " ".join(str(row) for row in plan.fetchall())
