"""Suite-wide guards: no test ever touches the analyst's real data directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefreader.paths import DataPaths
from tests.pg_server import PgServer
from tests.team import Team, make_roles


@pytest.fixture(autouse=True, scope="session")
def _isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point platformdirs' defaults at a throwaway folder for the whole run."""
    home = tmp_path_factory.mktemp("xdg")
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_CACHE_HOME"] = str(home / "cache")
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    """A fresh, empty data directory for one test."""
    return DataPaths.at(tmp_path / "data").ensure()


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One real PostgreSQL server for the whole run (Debian's package; see tests/pg_server.py).

    Started only when a test asks for it. Not installed is a failure, never a
    skip: the README's test command installs it.
    """
    server = PgServer.start()
    try:
        yield server
    finally:
        server.destroy()


@pytest.fixture(scope="session")
def team_server(pg_server: PgServer) -> PgServer:
    """The test server with the analysts' roles (alice, bob: writers; carol: reader)."""
    make_roles(pg_server)
    return pg_server


@pytest.fixture(scope="session")
def _team_database(team_server: PgServer) -> Team:
    from briefreader.store.postgres.setup import setup_workspace

    team = Team(team_server, team_server.fresh_database("team"))
    setup_workspace(team.admin_workspace())
    return team


@pytest.fixture
def team(_team_database: Team) -> Team:
    """An empty team workspace, set up as `briefreader workspace setup` does.

    One database serves the session; each test starts with every table
    emptied and every sequence reset (much faster than a new database), and
    with no connection left over from the test before.
    """
    _team_database.reset()
    return _team_database
