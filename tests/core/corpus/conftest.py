"""Library fixtures; `library` and `seeded` run every test on both backends:
the analyst's own SQLite file and the team's shared library on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.corpus.library import Library
from briefreader.paths import DataPaths, seeds_dir
from tests.team import Team

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(scope="session")
def seeds() -> Path:
    return seeds_dir()


def _shared(team: Team, analyst: str = "alice") -> Library:
    from briefreader.corpus.shared import open_shared_library

    return open_shared_library(team.workspace(analyst))


@pytest.fixture(params=BACKENDS)
def library(request: pytest.FixtureRequest, data_paths: DataPaths):
    if request.param == "sqlite":
        lib = Library.open(data_paths.library_db)
    else:
        lib = _shared(request.getfixturevalue("team"))
    yield lib
    lib.close()


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, seeds: Path):
    """One library holding the seed corpus, shared by read-only tests."""
    if request.param == "sqlite":
        lib = Library.open(tmp_path_factory.mktemp("seeded") / "library.sqlite3")
    else:
        from briefreader.store.postgres.setup import setup_workspace

        server = request.getfixturevalue("team_server")
        team = Team(server, server.fresh_database("seeded"))
        setup_workspace(team.admin_workspace())
        lib = _shared(team)
    report = lib.import_paths([seeds])
    yield lib, report
    lib.close()
