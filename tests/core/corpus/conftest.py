from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.corpus.library import Library
from briefreader.paths import DataPaths, seeds_dir


@pytest.fixture(scope="session")
def seeds() -> Path:
    return seeds_dir()


@pytest.fixture
def library(data_paths: DataPaths):
    lib = Library.open(data_paths.library_db)
    yield lib
    lib.close()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, seeds: Path):
    """One library holding the seed corpus, shared by read-only tests."""
    lib = Library.open(tmp_path_factory.mktemp("seeded") / "library.sqlite3")
    report = lib.import_paths([seeds])
    yield lib, report
    lib.close()
