"""A small library written by the tests: known entities, paragraphs, dates and import times.

Documents are real files imported through the real importer; their
publication dates and import times are then set in the library's rows, so
the tests do not depend on how the ingestion finds dates (which changes).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefreader.analysis.counts import Counts
from briefreader.analysis.opening import counts_path, sync_counts
from briefreader.corpus.library import Library, open_library
from briefreader.entities import Matcher, load_gazetteer
from briefreader.paths import DataPaths


@dataclass(frozen=True)
class Spec:
    name: str  # the file's stem, and a handle for the test
    title: str
    paragraphs: tuple[str, ...]
    date: str = ""  # publication date, "" for none
    imported: str = "2024-06-01T09:00:00"


CORPUS: tuple[Spec, ...] = (
    Spec(
        "doha",
        "Taliban envoys in Doha",
        (
            "The Taliban sent envoys to Doha, Qatar, on Monday.",
            "Pakistan said the talks could help against ISIS-K.",
            "Nothing else was agreed.",
        ),
        date="2024-01-08",
        imported="2024-01-09T08:00:00",
    ),
    Spec(
        "kabul",
        "Blast in Kabul",
        (
            "ISKP claimed the bombing in Kabul, Afghanistan.",
            "The Islamic State Khorasan Province statement named no target.",
            "The Taliban blamed Pakistan.",
        ),
        date="2024-01-20",
        imported="2024-01-21T08:00:00",
    ),
    Spec(
        "sahel",
        "JNIM and the Sahel",
        (
            "JNIM fighters attacked a base in Mali.",
            "Burkina Faso reported clashes with the Islamic State Sahel Province.",
        ),
        date="2024-03-02",
        imported="2024-04-01T08:00:00",  # a backlog imported late
    ),
    Spec(
        "undated",
        "Notes from Tashkent",
        (
            "Uzbekistan hosted a meeting on Afghanistan.",
            "The Islamic Movement of Uzbekistan was not discussed; ISIS-K was.",
        ),
        imported="2024-06-03T12:30:00",
    ),
    Spec(
        "quiet",
        "Pine nut prices",
        ("Prices rose again this spring.", "Traders expect more of the same."),
        date="2024-03-20",
        imported="2024-03-20T09:00:00",
    ),
)


def write_file(folder: Path, spec: Spec) -> Path:
    path = folder / f"{spec.name}.txt"
    path.write_text(spec.title + "\n\n" + "\n\n".join(spec.paragraphs) + "\n", encoding="utf-8")
    return path


def set_dates(library_db: Path, specs: Sequence[Spec]) -> dict[str, str]:
    """Give each document its spec's date and import time; return name -> document id."""
    import sqlite3

    ids: dict[str, str] = {}
    with sqlite3.connect(library_db) as db:
        for spec in specs:
            row = db.execute(
                "SELECT d.id, d.meta, d.file_id FROM documents d JOIN files f ON f.id = d.file_id "
                "WHERE f.path LIKE ? AND d.current = 1",
                (f"%/{spec.name}.txt",),
            ).fetchone()
            assert row is not None, spec.name
            meta = json.loads(row[1])
            meta["date"] = spec.date
            meta["imported_at"] = (
                spec.imported
            )  # the document's own import time, as the importer sets it
            db.execute("UPDATE documents SET meta = ? WHERE id = ?", (json.dumps(meta), row[0]))
            db.execute("UPDATE files SET imported_at = ? WHERE id = ?", (spec.imported, row[2]))
            ids[spec.name] = row[0]
    return ids


@dataclass
class Built:
    paths: DataPaths
    library: Library
    counts: Counts
    ids: dict[str, str]
    matcher: Matcher
    folder: Path

    def add(self, *specs: Spec) -> dict[str, str]:
        """Import more documents, date them, and sync the counts (the import hook)."""
        files = [write_file(self.folder, spec) for spec in specs]
        self.library.import_paths(files)
        self.ids.update(set_dates(self.paths.library_db, specs))
        sync_counts(self.counts, self.library, self.matcher)
        return self.ids


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    return Matcher(load_gazetteer(None))


def build(tmp: Path, matcher: Matcher, specs: Sequence[Spec] = CORPUS) -> Built:
    paths = DataPaths.at(tmp / "data").ensure()
    folder = tmp / "files"
    folder.mkdir()
    library = open_library(paths, seed=False)
    library.import_paths([write_file(folder, spec) for spec in specs])
    ids = set_dates(paths.library_db, specs)
    counts = Counts.open(counts_path(paths))
    sync_counts(counts, library, matcher)
    return Built(paths, library, counts, ids, matcher, folder)


@pytest.fixture
def built(tmp_path: Path, matcher: Matcher) -> Iterator[Built]:
    result = build(tmp_path, matcher)
    yield result
    result.counts.close()
    result.library.close()


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory, matcher: Matcher) -> Iterator[Built]:
    """One built library for the read-only tests of a module."""
    result = build(tmp_path_factory.mktemp("analysis"), matcher)
    yield result
    result.counts.close()
    result.library.close()
