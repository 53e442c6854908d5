"""The Spark job, for real, in PySpark's local mode (Java from Debian's packages).

A few hundred reports go through `briefreader.bulk.pipeline` and through the
app's own importer; the library the job writes must be the one the app
would have made: the same documents in the same order, the same stories
(MinHash LSH proposes, the app's rule decides), entity counts as the
matcher gives them, and the app opens it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from briefreader.corpus.library import Library, open_library
from briefreader.entities import find_mentions
from briefreader.paths import DataPaths
from tests.core.bulk.corpus import write_corpus

COUNT = 240


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory):
    from briefreader.bulk import pipeline

    root = tmp_path_factory.mktemp("bulk")
    source = write_corpus(root / "incoming", COUNT, root)
    out = DataPaths.at(root / "out")
    spark = pipeline.spark_session("local[2]")
    try:
        report = pipeline.run([source], out, spark=spark)
        mine = Library.open(root / "app" / "library.sqlite3")
        mine.import_paths([source])
        entities = spark.read.parquet(str(out.root / "bulk" / "entities.parquet")).collect()
    finally:
        spark.stop()
    yield report, out, mine, entities
    mine.close()


@pytest.mark.slow
def test_the_job_writes_the_library_the_app_would_have_made(job) -> None:
    report, out, mine, _source = job
    theirs = Library.open(out.library_db)
    try:
        app_docs, job_docs = mine.documents(), theirs.documents()
        assert [d.id for d in job_docs] == [d.id for d in app_docs]
        assert [d.body for d in job_docs] == [d.body for d in app_docs]
        assert report.documents == len(app_docs) and report.files == COUNT + COUNT // 25
        assert report.duplicates == COUNT // 25
        app_stories = {s.id: frozenset(s.document_ids) for s in mine.stories()}
        job_stories = {s.id: frozenset(s.document_ids) for s in theirs.stories()}
        assert job_stories == app_stories
        assert report.multi_version_stories >= COUNT // 10  # the reprints were found
        differing = {s.id: s.differing for s in theirs.stories() if len(s.document_ids) > 1}
        assert differing == {s.id: s.differing for s in mine.stories() if len(s.document_ids) > 1}
        doc = job_docs[0]
        assert theirs.original_bytes(doc.id) == mine.original_bytes(doc.id)
    finally:
        theirs.close()
    print(f"\nbulk job on {COUNT} reports: {report.summary()}")


@pytest.mark.slow
def test_entity_counts_are_the_matchers(job) -> None:
    report, _out, mine, entities = job
    got: dict[str, Counter] = {}
    for row in entities:
        got.setdefault(row["doc_id"], Counter())[(row["kind"], row["canonical"])] = row["mentions"]
    assert report.entity_rows == len(entities) > 0
    for doc in mine.documents()[:40]:
        text = "\n\n".join(p for p in (doc.title, doc.standfirst, doc.body) if p)
        expected = Counter((m.kind, m.canonical) for m in find_mentions(text))
        assert got.get(doc.id, Counter()) == expected, doc.title


@pytest.mark.slow
def test_the_desktop_app_opens_what_the_job_wrote(job) -> None:
    from briefreader.control.library import load_library

    _report, out, mine, _source = job
    snapshot = load_library(out, seed=False)
    assert len(snapshot.documents) == len(mine.documents())
    assert {len(s.document_ids) for s in snapshot.stories} >= {1, 2}
    with open_library(out, seed=False) as library:
        assert library.get(snapshot.documents[0].id) is not None


def test_the_cli_refuses_a_missing_source_or_an_existing_library(tmp_path: Path, capsys) -> None:
    from briefreader.app import main

    assert main(["bulk", str(tmp_path / "nowhere"), "--into", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    (tmp_path / "src").mkdir()
    used = DataPaths.at(tmp_path / "used").ensure()
    Library.open(used.library_db).close()
    assert main(["bulk", str(tmp_path / "src"), "--into", str(used.root)]) == 2
    assert "already has a library" in capsys.readouterr().err
