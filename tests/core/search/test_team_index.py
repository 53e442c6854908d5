"""Two analysts' machines on one shared library: each keeps its own Whoosh index, and a
document one of them imports reaches the other's index without a rebuild."""

from __future__ import annotations

import time
from pathlib import Path

from briefreader.corpus.library import open_library
from briefreader.search.sources import open_searcher, update_from_library
from tests.team import Team

REPORTS = {
    "herat.md": (
        "# Checkpoint raid near Herat\n\n"
        "Gunmen loyal to the Islamic State Khorasan Province attacked a checkpoint "
        "outside Herat on Tuesday, officials said.\n\nThe Taliban said two guards died.\n"
    ),
    "sahel.txt": (
        "JNIM fighters ambush convoy in central Mali\n\n"
        "Fighters of Jama'at Nusrat al-Islam wal-Muslimin ambushed a supply convoy "
        "near Mopti, the army said.\n"
    ),
}
LATER = (
    "Shabaab mortar fire hits Mogadishu port\n\n"
    "Al-Shabaab claimed mortar rounds that struck the port of Mogadishu; "
    "no casualties were reported by the harbour master, Abdiwali Farah.\n"
)


def test_a_document_one_analyst_imports_reaches_the_others_index_incrementally(
    team: Team, tmp_path: Path
) -> None:
    alice, bob = team.paths("alice", tmp_path), team.paths("bob", tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in REPORTS.items():
        (inbox / name).write_text(text, encoding="utf-8")
    with open_library(alice) as library:
        assert len(library.import_paths([inbox]).added) == 2

    first = update_from_library(bob, include_notes=False)
    assert first.rebuilt == "missing" and len(first.added) == 2  # bob's first index: built

    later = tmp_path / "later"
    later.mkdir()
    (later / "mogadishu.txt").write_text(LATER, encoding="utf-8")
    with open_library(alice) as library:
        (new_id,) = library.import_paths([later]).added

    started = time.perf_counter()
    changes = update_from_library(bob, include_notes=False)
    took = time.perf_counter() - started
    assert changes.added == (new_id,) and changes.rebuilt == ""  # only the new one
    assert not changes.updated and not changes.removed
    with open_library(bob) as library, open_searcher(bob, library) as searcher:
        (hit,) = searcher.search("Abdiwali harbour").hits
        assert hit.doc_id == new_id
        assert searcher.search("Mopti convoy").total == 1  # the earlier ones still there
    assert update_from_library(bob, include_notes=False).changed is False
    # alice's own index, built from the same library, has all three too
    assert len(update_from_library(alice, include_notes=False).added) == 3
    print(f"\nbob's index took in alice's import in {took * 1000:.0f} ms (3 documents)")
