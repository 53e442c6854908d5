"""Excerpts follow a re-imported, edited article to its new version."""

from __future__ import annotations

from pathlib import Path

from briefreader.corpus.library import Library
from briefreader.paths import DataPaths
from briefreader.store import Store
from briefreader.store.versions import follow_new_versions

ORIGINAL = (
    "Kabul attack claimed by ISKP\n\n"
    "Islamic State Khorasan Province claimed the attack in Kabul on Monday.\n\n"
    "The Taliban denied that security had failed.\n\n"
    "A spokesman blamed fighters who had crossed from Pakistan.\n"
)


def test_excerpts_move_to_the_new_version(data_paths: DataPaths, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ORIGINAL, encoding="utf-8")
    with Library.open(data_paths.library_db) as library, Store.open(data_paths) as store:
        library.import_paths([article])
        old = library.documents()[0]
        ids = {}
        for quote in [
            "The Taliban denied that security had failed.",
            "claimed the attack in Kabul on Monday",
            "A spokesman blamed fighters who had crossed from Pakistan.",
        ]:
            start = old.body.index(quote)
            ids[quote] = store.excerpts.capture(old.id, old.body, start, start + len(quote))
        article.write_text(
            ORIGINAL.replace("on Monday", "early on Monday morning").replace(
                "A spokesman blamed fighters who had crossed from Pakistan.\n",
                "Officials gave no further details.\n",
            ),
            encoding="utf-8",
        )
        imported = library.import_paths([article])
        assert imported.superseded == (old.id,)
        new = library.documents()[0]
        assert new.id != old.id

        report = follow_new_versions(store.excerpts, library, imported.superseded)
        taliban = store.excerpts.get(ids["The Taliban denied that security had failed."].excerpt.id)
        monday = store.excerpts.get(ids["claimed the attack in Kabul on Monday"].excerpt.id)
        gone = store.excerpts.get(
            ids["A spokesman blamed fighters who had crossed from Pakistan."].excerpt.id
        )
        assert report.moved == (taliban.id,)
        assert (taliban.doc_id, taliban.content_hash) == (new.id, new.content_hash)
        assert new.body[taliban.start : taliban.end] == taliban.quote
        assert monday.status == "fuzzy" and monday.doc_id == new.id
        assert gone.status == "orphaned" and gone.doc_id == old.id
        assert old.body[gone.start : gone.end] == gone.quote  # readable on the old version
        # Nothing more to do the second time.
        again = follow_new_versions(store.excerpts, library)
        assert not again.changes
