"""`Searcher.matching_ids`: every matching document, and the same when narrowed to a few."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from briefreader.domain import Document
from briefreader.search.indexer import update_index
from briefreader.search.query import QueryError
from briefreader.search.searcher import Searcher

from .conftest import CORPUS

QUERIES = [
    "ISIL-K",
    "kabul",
    "attack AND kabul",
    "kabul OR café OR paris",
    '"Kabul airport"',
    "group:ISKP",
    "country:Afghanistan",
    "NOT kabul",
    "atta*",
    "publisher:guardian",
    "pakistan AND (threat OR responsibility)",
]


def test_narrowed_is_the_full_answer_restricted(searcher: Searcher) -> None:
    every = [d.id for d in CORPUS]
    for query in QUERIES:
        full = set(searcher.matching_ids(query))
        assert full == {
            hit.doc_id for hit in searcher.search(query, limit=None, kind="document").hits
        }
        for size in (1, 2, 4):
            for among in itertools.combinations(every, size):
                assert set(searcher.matching_ids(query, among=among)) == full & set(among), (
                    query,
                    among,
                )
    assert searcher.matching_ids("kabul", among=[]) == []
    assert searcher.matching_ids("kabul", among=["not-a-document"]) == []


def test_deleted_and_replaced_documents_never_match(
    tmp_path: Path, tagger, searcher: Searcher
) -> None:
    index_dir = tmp_path / "index"
    update_index(index_dir, CORPUS, tagger, procs=1)
    changed = Document(id="isk-v2", title="Kabul", body="Kabul again, and the ISK.")
    kept = [d for d in CORPUS if d.id != "isk-only"]
    update_index(index_dir, [*kept, changed], tagger, procs=1)
    with Searcher(index_dir) as fresh:
        assert "isk-only" not in fresh.matching_ids("kabul")
        assert fresh.matching_ids("kabul", among=["isk-only", "isk-v2"]) == ["isk-v2"]


def test_an_unusable_query_raises(searcher: Searcher) -> None:
    with pytest.raises(QueryError):
        searcher.matching_ids("(((", among=["isk-only"])


def test_narrowed_across_segments_is_the_full_answer_restricted(tmp_path: Path, tagger) -> None:
    """Documents spread over several segments (as imports leave them) are all asked."""
    from whoosh.index import open_dir

    index_dir = tmp_path / "index"
    for end in range(2, len(CORPUS) + 1, 2):  # one commit, one segment, per two documents
        update_index(index_dir, CORPUS[:end], tagger, procs=1)
    with open_dir(str(index_dir)).reader() as reader:
        assert len(reader.leaf_readers()) > 1
    every = [d.id for d in CORPUS]
    with Searcher(index_dir) as fresh:
        for query in QUERIES:
            full = set(fresh.matching_ids(query))
            for among in itertools.combinations(every, 3):
                assert set(fresh.matching_ids(query, among=among)) == full & set(among), (
                    query,
                    among,
                )
