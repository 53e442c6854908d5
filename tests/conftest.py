"""Suite-wide guards: no test ever touches the analyst's real data directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefreader.paths import DataPaths
from tests.pg_server import PgServer


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
