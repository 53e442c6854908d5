"""The index built from a real library, gazetteer and work store."""

from __future__ import annotations

from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.search.indexer import IndexChanges
from briefreader.search.sources import gazetteer_fingerprint, open_searcher, update_from_library
from briefreader.store import Store
from briefreader.store.notes import NoteTarget


def test_library_and_notes_are_searchable_together(data_paths: DataPaths) -> None:
    with open_library(data_paths) as library:
        doc = library.documents()[0]
        with Store.open(data_paths) as store:
            assert store.save_note(NoteTarget.document(doc.id), "Ask Ajmal about Herat.").saved
        changes = update_from_library(data_paths, library=library)
        assert changes.rebuilt == "missing"
        assert len(changes.added) == len(library.documents()) + 1
        with open_searcher(data_paths, library) as searcher:
            (hit,) = searcher.search("ajmal herat").hits
            assert hit.doc_id.startswith("note:") and hit.snippets
            assert "Herat" in hit.snippets[0]
            assert searcher.search("ISIL-K", kind="document").total >= 4
        assert update_from_library(data_paths, library=library) == IndexChanges()


def test_user_gazetteer_change_rebuilds_with_the_new_spelling(data_paths: DataPaths) -> None:
    with open_library(data_paths) as library:
        update_from_library(data_paths, library=library)
        before = gazetteer_fingerprint(data_paths)
        data_paths.user_gazetteer.write_text(
            'group = [{ canonical = "Pine Nut Cartel", aliases = ["pine nut traders"] }]\n',
            encoding="utf-8",
        )
        assert gazetteer_fingerprint(data_paths) != before
        changes = update_from_library(data_paths, library=library)
        assert changes.rebuilt == "gazetteer changed"
