"""`load_for_export`: what the composer and the CLI both export from."""

from __future__ import annotations

from briefreader.corpus.library import open_library
from briefreader.export.stored import load_for_export
from briefreader.paths import DataPaths
from briefreader.store.store import Store


def test_stored_briefing_maps_citations_comments_and_flags(data_paths: DataPaths) -> None:
    with open_library(data_paths) as library:
        doc = library.documents()[0]
        start, end = doc.paragraph_spans()[2]
        with Store.open(data_paths) as store:
            kept = store.excerpts.capture(doc.id, doc.body, start, end, comment="general").excerpt
            shifted = "x" * 9 + doc.body
            moved = store.excerpts.capture(doc.id, shifted, start + 9, end + 9).excerpt
            store.briefings.create("b", title="T", marking="M", summary="S")
            store.briefings.add("b", [kept.id, moved.id])
            store.briefings.set_comment("b", kept.id, "said in this briefing")
            briefing = load_for_export(store, library, "b")
    first, second = briefing.excerpts
    assert (briefing.title, briefing.marking, briefing.summary) == ("T", "M", "S")
    assert first.key == str(kept.id) and first.comment == "said in this briefing"
    assert first.quote == doc.body[start:end] and first.integrity == "ok"
    assert first.citation is not None and first.citation.paragraph == 3
    assert first.citation.title == doc.title and first.citation.document_id == doc.id
    assert second.integrity == "stale" and "another place" in second.integrity_note
