"""Fixtures for the store tests: a real Store on each backend.

Every test here that takes `data_paths` (or `store`) runs twice: on the
analyst's own SQLite file and on a team workspace on the test's PostgreSQL
server (as alice, a writer). Tests about one backend's own machinery (the
SQLite file's lock, backups, recovery, disk faults) say so with
`@pytest.mark.backends("sqlite")`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefreader.paths import DataPaths
from briefreader.store import Store

BACKENDS = ("sqlite", "postgres")

ARTICLE = (
    "Islamic State Khorasan Province (ISKP) claimed the attack in Kabul on Monday. "
    "Officials in Afghanistan said twelve people died.\n\n"
    "The Taliban denied that security had failed. A spokesman blamed fighters from Pakistan.\n\n"
    "Analysts said IS-K has recruited in Tajikistan for years."
)


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("backends")
        metafunc.parametrize("backend", only.args if only else BACKENDS)


@pytest.fixture
def data_paths(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> DataPaths:
    """A fresh data directory; on "postgres", working in a fresh team workspace as alice."""
    if backend == "sqlite":
        return DataPaths.at(tmp_path / "data").ensure()
    team = request.getfixturevalue("team")
    return team.paths("alice", tmp_path)


@pytest.fixture
def store(data_paths: DataPaths) -> Iterator[Store]:
    opened = Store.open(data_paths)
    yield opened
    opened.close()
