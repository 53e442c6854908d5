"""The bulk writer writes exactly what Whoosh's own writer writes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from briefreader.search.schema import document_fields, make_schema
from briefreader.search.writer import BulkSegmentWriter
from tests.core.search.conftest import CORPUS

DOCS = [
    replace(d, id=f"{d.id}-{n}", body=(d.body + f" extra{n % 7}") * (1 + n % 5))
    for n in range(60)
    for d in CORPUS
]


def build(folder: Path, writer_class: type[SegmentWriter], tagger: Any, **kwargs: Any) -> Any:
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(make_schema())
    writer = writer_class(ix, **kwargs)
    for doc in DOCS:
        writer.add_document(**document_fields(doc, *tagger(doc.body)))
    handed_over = getattr(writer, "_grouped", "stock") is None
    writer.commit()
    return FileStorage(str(folder)).open_index(), handed_over


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


# At 0.05 MB the bulk writer hands over to Whoosh's pool mid-batch, which
# then spills sorted runs to disk: both paths must agree with Whoosh too.
@pytest.mark.parametrize("limitmb", [256, 0.05])
def test_bulk_writer_matches_whoosh(tmp_path: Path, tagger, limitmb: float) -> None:
    stock = snapshot(build(tmp_path / "stock", SegmentWriter, tagger, limitmb=limitmb)[0])
    ix, handed_over = build(tmp_path / "bulk", BulkSegmentWriter, tagger, limitmb=limitmb)
    assert handed_over == (limitmb < 1)
    bulk = snapshot(ix)
    assert bulk["terms"] == stock["terms"]
    assert bulk["infos"] == stock["infos"]
    assert bulk["postings"] == stock["postings"]
    assert bulk["lengths"] == stock["lengths"]
    assert bulk["stored"] == stock["stored"]
    assert bulk["total"] == stock["total"]
