"""The corpus → entities → stories pipeline as a PySpark job.

    briefreader bulk SOURCE... --into DATA_DIR [--master local[2]]

1. **Read and parse** (map over files): each Spark task reads its files and
   runs the app's own parser (`parse_files`), so ids, text and metadata are
   exactly what an import in the window gives. Skipped files are reported.
2. **Entities** (map over documents): the analyst's gazetteer, loaded once
   per partition, counts every group and country per document
   (`entities.parquet` in the output, for analysis at scale).
3. **Stories** (MinHash LSH): each document's word shingles become a sparse
   vector; `MinHashLSH` proposes pairs whose Jaccard distance is below
   `max_distance`, and each pair is verified with the app's own rule
   (containment of sampled shingles, `same_story`), so the LSH only saves
   comparisons, it never decides. Connected components of the verified pairs
   are the stories (union-find on the driver: the pairs are few), and each
   story's first document in library order is its canonical version, as in
   the app, so story ids match.
4. **Write a library** the desktop app opens (`library.sqlite3` in the same
   schema as corpus/rows.py), streamed from the executors in order.

pyspark is an optional extra (`pip install 'briefreader[spark]'`): it is
imported here only. Spark needs Java (Debian: default-jre-headless).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefreader.bulk import stages
from briefreader.bulk.output import LibraryWriter
from briefreader.corpus.files import discover
from briefreader.corpus.importer import display_path
from briefreader.paths import DataPaths

#: Sparse vector size for MinHash: shingle hashes are folded into this many features.
FEATURES = 1 << 20
#: LSH candidates: pairs with Jaccard distance below this (similarity above 0.1), each then
#: verified by the app's rule. With 12 tables a pair of Jaccard similarity j is proposed
#: with probability 1 - (1 - j)^12: 0.99 at j = 0.3, 0.72 at j = 0.1. A reprint shares
#: most of its text (j well above 0.5); two articles sharing one paragraph in ten may
#: be missed, where the app's exhaustive index would join them.
MAX_DISTANCE = 0.9
HASH_TABLES = 12


@dataclass
class BulkReport:
    files: int = 0
    documents: int = 0
    duplicates: int = 0  # the same article found again (one document, more occurrences)
    stories: int = 0
    multi_version_stories: int = 0
    candidate_pairs: int = 0
    verified_pairs: int = 0
    entity_rows: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        times = ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items())
        return (
            f"{self.documents} documents from {self.files} files "
            f"({len(self.skipped)} skipped, {self.duplicates} duplicates), "
            f"{self.stories} stories ({self.multi_version_stories} with several versions; "
            f"{self.verified_pairs} of {self.candidate_pairs} LSH candidate pairs confirmed), "
            f"{self.entity_rows} entity counts; {times}"
        )


def spark_session(master: str, app_name: str = "briefreader bulk") -> Any:
    """A Spark session whose Python workers run this interpreter (and so this briefreader)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    local = master.startswith("local")
    if local:  # a machine whose own name does not resolve (a fresh container, a chroot)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # made Spark's launcher fail
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master)
    if local:
        builder = builder.config("spark.driver.host", "127.0.0.1")
    return (
        builder.appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.driver.memory", "1g")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )


def run(
    sources: list[Path],
    into: DataPaths,
    *,
    master: str = "local[2]",
    partitions: int | None = None,
    spark: Any = None,
) -> BulkReport:
    """Import `sources` into a new library in `into` with Spark; see the module docstring."""
    report = BulkReport()
    started = time.perf_counter()
    found = list(discover(sources))
    tasks = [(str(f.path), f.format) for f in found if not f.reason]
    report.skipped.extend((display_path(f.path), f.reason) for f in found if f.reason)
    own = spark is None
    spark = spark or spark_session(master)
    try:
        sc = spark.sparkContext
        slices = partitions or max(2, min(len(tasks) // 100 + 1, 400))
        parsed = sc.parallelize(tasks, slices).mapPartitions(stages.parse_files).cache()
        # One light pass (no text) settles library order on the driver: files by path,
        # documents by (file, place in it); an article met again is one more occurrence.
        outline = parsed.map(stages.outline).collect()
        report.skipped.extend((o[1], o[2]) for o in outline if o[0] == "skip")
        file_ids = {p: n for n, p in enumerate(sorted(o[1] for o in outline if o[0] == "file"), 1)}
        report.files = len(file_ids)
        chosen: dict[str, tuple[str, int]] = {}
        for _kind, doc_id, path, index in sorted(
            (o for o in outline if o[0] == "doc"), key=lambda o: (file_ids[o[2]], o[3])
        ):
            chosen.setdefault(doc_id, (path, index))
        ids = list(chosen)
        seq = {doc_id: n for n, doc_id in enumerate(ids, 1)}
        report.documents = len(ids)
        report.duplicates = sum(1 for o in outline if o[0] == "doc") - len(ids)
        picked = sc.broadcast(chosen)
        first = (
            parsed.filter(lambda r: r[0] == "doc" and picked.value[r[1][0]] == (r[1][1], r[1][2]))
            .map(lambda r: r[1])
            .cache()
        )
        report.seconds["parse"] = time.perf_counter() - started

        t = time.perf_counter()
        gazetteer = str(into.user_gazetteer)
        counted = sc.accumulator(0)
        entities = first.mapPartitions(lambda rows: _count_entities(rows, gazetteer, counted))
        columns = "doc_id string, kind string, canonical string, mentions int"
        where = str(into.root / "bulk" / "entities.parquet")
        spark.createDataFrame(entities, columns).write.mode("overwrite").parquet(where)
        report.entity_rows = counted.value
        report.seconds["entities"] = time.perf_counter() - t

        t = time.perf_counter()
        story_of, report.candidate_pairs, report.verified_pairs = _stories(spark, first, ids)
        report.seconds["stories"] = time.perf_counter() - t

        t = time.perf_counter()
        groups = _groups(ids, story_of)
        several = {i for g in groups if len(g) > 1 for i in g}
        versions: dict[str, Any] = {}
        with LibraryWriter(into.library_db) as writer:
            for kind, row in parsed.toLocalIterator():
                if kind == "file":
                    writer.add_file(row, file_ids[row[0]])
                elif kind == "doc":
                    writer.add_occurrence(row, file_ids[row[1]])
                    if chosen[row[0]] == (row[1], row[2]):
                        writer.add_document(row, seq[row[0]], file_ids[row[1]])
                        if row[0] in several:
                            versions[row[0]] = stages.document_of(row)
            for group in groups:
                writer.add_story(group, versions)
        report.stories = len(groups)
        report.multi_version_stories = sum(1 for g in groups if len(g) > 1)
        report.seconds["write"] = time.perf_counter() - t
    finally:
        if own:
            spark.stop()
    report.seconds["total"] = time.perf_counter() - started
    return report


def _count_entities(
    rows: Iterator[stages.DocRow], gazetteer: str, counted: Any
) -> Iterator[tuple[str, str, str, int]]:
    """Entity counts with the analyst's gazetteer, its matcher built once per partition."""
    from briefreader.entities import Matcher, load_gazetteer

    matcher = Matcher(load_gazetteer(Path(gazetteer)))
    for row in stages.entity_counts(rows, matcher.find):
        counted.add(1)
        yield row


def _stories(spark: Any, first: Any, ids: list[str]) -> tuple[dict[str, str], int, int]:
    """Document id -> its story's canonical id, via MinHash LSH candidates and the app's rule."""
    from pyspark.ml.feature import MinHashLSH
    from pyspark.ml.linalg import Vectors, VectorUDT
    from pyspark.sql.types import StringType, StructField, StructType

    dims = FEATURES
    features = first.mapPartitions(lambda rows: stages.story_features(rows, dims)).map(
        lambda f: (f[0], Vectors.sparse(dims, f[1], [1.0] * len(f[1])))
    )
    schema = StructType([StructField("id", StringType()), StructField("features", VectorUDT())])
    frame = spark.createDataFrame(features, schema).cache()
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=HASH_TABLES, seed=7)
    model = model.fit(frame)
    pairs = (
        model.approxSimilarityJoin(frame, frame, MAX_DISTANCE, distCol="distance")
        .selectExpr("datasetA.id AS a", "datasetB.id AS b")
        .where("a < b")
    )
    candidates = pairs.rdd.map(lambda r: (r["a"], r["b"])).cache()
    total = candidates.count()
    # Verify each candidate with the app's own rule, next to the documents' text.
    keyed = first.map(lambda d: (d[0], d))
    verified = (
        candidates.join(keyed)
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .join(keyed)
        .filter(
            lambda kv: stages.same_story(
                stages.document_of(kv[1][0][1]), stages.document_of(kv[1][1])
            )
        )
        .map(lambda kv: (kv[1][0][0], kv[0]))
        .collect()
    )
    frame.unpersist()
    return stages.components(ids, verified), total, len(verified)


def _groups(ids: list[str], story_of: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for doc_id in ids:
        groups.setdefault(story_of[doc_id], []).append(doc_id)
    return list(groups.values())
