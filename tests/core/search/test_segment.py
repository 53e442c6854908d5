"""The segment writer and the merger write exactly what Whoosh's own writer writes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from briefreader.search.merge import merge_segments
from briefreader.search.schema import document_fields, make_schema
from briefreader.search.segment import SegmentBuilder
from briefreader.search.toc import INDEX_NAME, commit, read_toc
from tests.core.search.conftest import CORPUS

DOCS = [
    replace(d, id=f"{d.id}-{n}", body=(d.body + f" extra{n % 7}") * (1 + n % 5))
    for n in range(60)
    for d in CORPUS
]


def stock_index(folder: Path, docs: list[Any], tagger: Any) -> Any:
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(make_schema())
    writer = SegmentWriter(ix)
    for doc in docs:
        writer.add_document(**document_fields(doc, *tagger(doc.body)))
    writer.commit()
    return FileStorage(str(folder)).open_index()


def built_index(folder: Path, batches: list[list[Any]], tagger: Any) -> Any:
    folder.mkdir()
    storage = FileStorage(str(folder))
    ix = storage.create_index(make_schema(), indexname=INDEX_NAME)
    segments = []
    for batch in batches:
        builder = SegmentBuilder(storage, INDEX_NAME, ix.schema)
        for doc in batch:
            builder.add(document_fields(doc, *tagger(doc.body)))
        segments.append(builder.finish())
        commit(storage, segments)
    return storage.open_index(INDEX_NAME)


def snapshot(ix: Any) -> dict[str, Any]:
    with ix.reader() as reader:
        terms = list(reader.all_terms())
        postings = {}
        infos = {}
        for field, term in terms:
            postings[(field, term)] = list(_items(reader.postings(field, term)))
            info = reader.term_info(field, term)
            infos[(field, term)] = (
                info.weight(),
                info.doc_frequency(),
                info.min_length(),
                info.max_length(),
                info.max_weight(),
                info.min_id(),
                info.max_id(),
            )
        lengths = {
            (doc, field): reader.doc_field_length(doc, field)
            for doc in range(reader.doc_count_all())
            for field in ("title", "body", "author", "publisher", "group", "country")
        }
        stored = [dict(fields) for _, fields in reader.iter_docs()]
        return {
            "terms": terms,
            "postings": postings,
            "infos": infos,
            "lengths": lengths,
            "stored": stored,
            "total": {f: reader.field_length(f) for f in ("title", "body")},
        }


def _items(matcher: Any) -> Any:
    while matcher.is_active():
        yield matcher.id(), matcher.weight(), matcher.value()
        matcher.next()


def test_segment_builder_writes_what_whoosh_writes(tmp_path: Path, tagger) -> None:
    stock = snapshot(stock_index(tmp_path / "stock", DOCS, tagger))
    built = snapshot(built_index(tmp_path / "built", [DOCS], tagger))
    for key in ("terms", "infos", "postings", "lengths", "stored", "total"):
        assert built[key] == stock[key], key


@pytest.mark.parametrize("deleted", [(), (0, 7, 100, 249, 358, 359)])
def test_merged_segments_hold_what_one_segment_of_the_live_documents_holds(
    tmp_path: Path, tagger, deleted: tuple[int, ...]
) -> None:
    batches = [DOCS[:100], DOCS[100:101], DOCS[101:250], DOCS[250:]]
    ix = built_index(tmp_path / "parts", batches, tagger)
    storage = ix.storage
    toc = read_toc(storage)
    offsets = [0, 100, 101, 250]
    for docnum in deleted:
        number = max(i for i, o in enumerate(offsets) if o <= docnum)
        toc.segments[number].delete_document(docnum - offsets[number])
    merged = merge_segments(storage, toc.schema, toc.segments)
    commit(storage, [merged], retired=toc.segments)
    live = [d for n, d in enumerate(DOCS) if n not in deleted]
    expected = snapshot(stock_index(tmp_path / "stock", live, tagger))
    got = snapshot(storage.open_index(INDEX_NAME))
    # Lengths are carried over as Whoosh stores them (one byte), so the total
    # field lengths are sums of those, as in Whoosh's own merge.
    for key in ("terms", "infos", "postings", "lengths", "stored"):
        assert got[key] == expected[key], key
    assert sorted(p.name for p in tmp_path.joinpath("parts").glob("*.seg")) == [
        f"{merged.segment_id()}.seg"
    ]
