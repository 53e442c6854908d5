"""The team's shared library: one import, every analyst sees it, told by the journal."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from briefreader.corpus.library import open_library
from briefreader.corpus.shared import SharedLibrary, open_shared_library
from briefreader.workspace import journal, parse_workspace
from briefreader.workspace.errors import PermissionDenied
from briefreader.workspace.schema import SCHEMA, SchemaError
from tests.team import ANALYSTS, Team

REPORT = (
    "<html><head><title>Raid near Herat</title></head><body>"
    "<h1>Raid near Herat</h1><p>Security forces in Afghanistan said ISKP fighters "
    "attacked a checkpoint near Herat on Tuesday.</p>"
    "<p>The Taliban blamed the group for three deaths.</p></body></html>"
)


def _file(tmp_path: Path, name: str = "raid.html", text: str = REPORT) -> Path:
    path = tmp_path / "incoming" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_document_imported_by_one_analyst_is_there_for_the_others(
    team: Team, tmp_path: Path
) -> None:
    with open_shared_library(team.workspace("alice")) as alice:
        report = alice.import_paths([_file(tmp_path)])
        assert len(report.added) == 1
    with open_shared_library(team.workspace("bob")) as bob:
        docs = bob.documents()
        assert [d.title for d in docs] == ["Raid near Herat"]
        assert "ISKP fighters" in docs[0].body
        assert bob.original_bytes(docs[0].id) == REPORT.encode()
    with open_shared_library(team.workspace("carol")) as carol:  # readers read
        assert [d.id for d in carol.documents()] == [docs[0].id]
    rows = team.server.sql(f"SELECT imported_by FROM {SCHEMA}.files", dbname=team.dbname)
    assert rows == [("alice",)]


def test_the_data_directory_setting_opens_the_shared_library_unseeded(
    team: Team, tmp_path: Path
) -> None:
    library = open_library(team.paths("bob", tmp_path))
    try:
        assert isinstance(library, SharedLibrary)
        assert library.documents() == []  # the team's library holds only what analysts bring
    finally:
        library.close()
    assert not (tmp_path / "bob" / "library.sqlite3").exists()


def test_the_window_import_path_reaches_the_team_library_with_a_progress_bar(
    team: Team, tmp_path: Path
) -> None:
    """The window imports through control.library.import_files, which asks for page-level
    progress (`parts`); the team library must take it like the local one does."""
    from briefreader.control.library import import_files

    fractions: list[float] = []
    outcome = import_files(team.paths("alice", tmp_path), [_file(tmp_path)], None, fractions.append)
    assert [d.title for d in outcome.snapshot.documents] == ["Raid near Herat"]
    assert outcome.added and fractions and all(0 <= f <= 1 for f in fractions)


def test_an_import_is_announced_to_listeners_within_a_second(team: Team, tmp_path: Path) -> None:
    arrived: list[journal.Entry] = []
    got = threading.Event()

    def on_entries(entries: list[journal.Entry]) -> None:
        arrived.extend(entries)
        got.set()

    listener = journal.Listener(
        team.workspace("bob"), SCHEMA, journal.new_client_id(), 0, on_entries
    ).start()
    try:
        assert listener.connected.wait(10)
        with open_shared_library(team.workspace("alice")) as alice:
            report = alice.import_paths([_file(tmp_path)])
        assert got.wait(1.0), "no journal entry within a second of the import"
    finally:
        listener.stop()
    (entry,) = arrived
    assert entry.kind == "library" and entry.author == "alice"
    assert entry.payload["documents"] == list(report.added)


def test_a_reader_cannot_import_and_is_told_why(team: Team, tmp_path: Path) -> None:
    with (
        open_shared_library(team.workspace("carol")) as carol,
        pytest.raises(PermissionDenied) as caught,
    ):
        carol.import_paths([_file(tmp_path)])
    message = str(caught.value)
    assert "carol" in message and "read" in message
    assert ANALYSTS["carol"][0] not in message
    with open_shared_library(team.workspace("alice")) as alice:
        assert alice.documents() == []


def test_a_workspace_nobody_set_up_names_who_can_fix_it(team: Team) -> None:
    bare = team.server.fresh_database("bare")
    url = team.server.url(bare, "bob", ANALYSTS["bob"][0])
    team.server.sql(f'GRANT CONNECT ON DATABASE "{bare}" TO bob')
    with pytest.raises(SchemaError) as caught:
        open_shared_library(parse_workspace(url))
    assert "briefreader workspace setup" in str(caught.value)
    assert ANALYSTS["bob"][0] not in str(caught.value)
