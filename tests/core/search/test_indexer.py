"""The index as a self-healing, incremental cache."""

from __future__ import annotations

import json
import multiprocessing
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from briefreader.domain import Document
from briefreader.search.indexer import (
    LOCK_NAME,
    MARKER,
    IndexBusyError,
    IndexChanges,
    index_problem,
    is_complete,
    open_index,
    update_index,
)
from briefreader.search.searcher import Searcher
from tests.core.search.conftest import CORPUS, ids


def stored_ids(index_dir: Path) -> set[str]:
    ix = open_index(index_dir)
    assert ix is not None
    with ix.reader() as reader:
        return {fields["id"] for _, fields in reader.iter_docs()}


def test_first_build_adds_everything_and_reports_progress(tmp_path: Path, tagger) -> None:
    calls: list[tuple[int, int]] = []
    changes = update_index(
        tmp_path / "ix", CORPUS, tagger, progress=lambda d, t: calls.append((d, t))
    )
    assert changes.rebuilt == "missing"
    assert set(changes.added) == {d.id for d in CORPUS}
    assert calls[0] == (0, len(CORPUS)) and calls[-1] == (len(CORPUS), len(CORPUS))
    assert stored_ids(tmp_path / "ix") == {d.id for d in CORPUS}
    assert index_problem(tmp_path / "ix") == ""


def test_incremental_update_touches_only_what_changed(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger)
    assert update_index(index_dir, CORPUS, tagger) == IndexChanges()

    changed = replace(CORPUS[0], body=CORPUS[0].body + "\n\nNew paragraph on Herat.", version=2)
    new = Document(id="new", title="Fresh", body="Nangarhar province news.")
    docs = [changed, *CORPUS[1:-1], new]  # the last one is gone
    changes = update_index(index_dir, docs, tagger)
    assert changes == IndexChanges(added=("new",), updated=(changed.id,), removed=(CORPUS[-1].id,))
    assert stored_ids(index_dir) == {d.id for d in docs}
    with Searcher(index_dir) as searcher:
        assert ids(searcher.search("herat")) == {changed.id}
        assert ids(searcher.search("nangarhar")) == {"new"}
        assert ids(searcher.search("elysee")) == set()
        # The old version of the changed document is not found twice.
        assert [h.doc_id for h in searcher.search("kabul").hits] == [changed.id]


def test_notes_join_the_index_as_their_own_kind(tmp_path: Path, tagger) -> None:
    class Note:
        def __init__(self, note_id: int, text: str) -> None:
            self.id, self.text = note_id, text

    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger, notes=[Note(7, "Check the Herat angle with ISKP.")])
    with Searcher(index_dir) as searcher:
        assert ids(searcher.search("herat")) == {"note:7"}
        assert ids(searcher.search("herat", kind="document")) == set()
        # Without a gazetteer the canonical name still works in the field.
        query = 'group:"Islamic State Khorasan Province"'
        assert ids(searcher.search(query, kind="note")) == {"note:7"}
    changes = update_index(index_dir, CORPUS, tagger, notes=[])
    assert changes.removed == ("note:7",)


@pytest.mark.parametrize(
    "damage",
    ["delete_marker", "old_schema", "garbage_toc", "truncate_segments", "empty_dir", "bad_json"],
)
def test_damaged_index_is_rebuilt_silently(tmp_path: Path, tagger, damage: str) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger)
    if damage == "delete_marker":
        (index_dir / MARKER).unlink()
    elif damage == "old_schema":
        (index_dir / MARKER).write_text(json.dumps({"schema_version": 0, "fingerprint": ""}))
    elif damage == "bad_json":
        (index_dir / MARKER).write_text("{not json")
    elif damage == "garbage_toc":
        for toc in index_dir.glob("_MAIN_*.toc"):
            toc.write_bytes(b"\x00garbage" * 10)
    elif damage == "truncate_segments":
        for seg in index_dir.glob("*.seg"):
            seg.write_bytes(seg.read_bytes()[:40])
    elif damage == "empty_dir":
        for path in index_dir.iterdir():
            if path.name != MARKER:
                path.unlink()
    assert index_problem(index_dir) != ""
    assert open_index(index_dir) is None
    with Searcher(index_dir) as searcher:  # searching a damaged index never raises
        assert searcher.search("kabul").hits == ()
    changes = update_index(index_dir, CORPUS, tagger)
    assert changes.rebuilt
    assert stored_ids(index_dir) == {d.id for d in CORPUS}


def test_gazetteer_change_rebuilds(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger, fingerprint="a")
    assert update_index(index_dir, CORPUS, tagger, fingerprint="a") == IndexChanges()
    assert update_index(index_dir, CORPUS, tagger, fingerprint="b").rebuilt == "gazetteer changed"


def test_leftover_lock_file_from_a_crash_is_not_stale(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS[:2], tagger)
    (index_dir / LOCK_NAME).write_text("pid 99999")  # what a crashed writer leaves
    assert update_index(index_dir, CORPUS, tagger, lock_timeout=0.5).added


HOLDER = textwrap.dedent(
    """
    import sys, time
    from whoosh.filedb.filestore import FileStorage
    lock = FileStorage(sys.argv[1]).lock(sys.argv[2])
    assert lock.acquire(blocking=True)
    print("locked", flush=True)
    time.sleep(60)
    """
)


def _hold_lock(index_dir: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(index_dir), LOCK_NAME], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_busy_index_reports_busy_and_stays_searchable(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger)
    holder = _hold_lock(index_dir)
    try:
        with pytest.raises(IndexBusyError, match="busy") as caught:
            update_index(
                index_dir,
                [*CORPUS, Document(id="x", title="x", body="y")],
                tagger,
                lock_timeout=0.3,
            )
        assert "\n" not in str(caught.value)
        with Searcher(index_dir) as searcher:
            assert ids(searcher.search("kabul")) == {"isk-only"}
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    # The killed holder's lock died with it.
    assert update_index(
        index_dir, [*CORPUS, Document(id="x", title="x", body="y")], tagger, lock_timeout=2
    ).added == ("x",)


def test_searcher_sees_commits_by_another_writer(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS[:2], tagger)
    with Searcher(index_dir) as searcher:
        assert ids(searcher.search("beijing")) == set()
        update_index(index_dir, CORPUS, tagger)
        assert ids(searcher.search("beijing")) == {"pine-nuts"}


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_parallel_build_matches_serial_build(tmp_path: Path, tagger, monkeypatch) -> None:
    import briefreader.search.indexer as indexer
    import briefreader.search.merge as merge

    docs = [
        replace(d, id=f"{d.id}-{n}", body=f"{d.body}\n\nCopy {n} word{n}.")
        for n in range(40)
        for d in CORPUS
    ]
    update_index(tmp_path / "serial", docs, tagger, procs=1)
    monkeypatch.setattr(indexer, "PARALLEL_MIN_DOCS", 10)
    monkeypatch.setattr(merge, "MERGE_FACTOR", 10**9)  # keep every segment the workers wrote
    progress: list[tuple[int, int]] = []
    update_index(
        tmp_path / "par",
        docs,
        tagger,
        procs=2,
        progress=lambda d, t: progress.append((d, t)),
        segment_docs=50,
    )
    assert progress[-1] == (len(docs), len(docs))
    # 240 entries in segments of at most 50, written by two workers.
    segments = FileStorage(str(tmp_path / "par")).open_index()._segments()
    assert 5 <= len(segments) <= 6 and all(s.doc_count() <= 50 for s in segments)
    for query in ["ISIL-K", '"pine nuts"', "word7", "group:ISKP", "tajik*", "café"]:
        with Searcher(tmp_path / "serial") as a, Searcher(tmp_path / "par") as b:
            ra, rb = a.search(query, limit=None), b.search(query, limit=None)
            assert ids(ra) == ids(rb) and ra.total == rb.total
            assert sorted(round(h.score, 6) for h in ra.hits) == sorted(
                round(h.score, 6) for h in rb.hits
            )
    # And the parallel index stays incrementally updatable.
    changes = update_index(tmp_path / "par", docs[:-1], tagger, procs=2)
    assert changes.removed == (docs[-1].id,)


def _killed_build(index_dir: Path, procs: int) -> None:
    """Build 200 documents in segments of 20 and SIGKILL the writer after 110."""
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[3])!r})
        from pathlib import Path
        import briefreader.search.indexer as indexer
        from briefreader.domain import Document
        indexer.PARALLEL_MIN_DOCS = 10
        docs = [Document(id=str(i), title="t", body=f"kabul w{{i}} " * 50) for i in range(200)]
        def progress(done, total):
            if done >= 110:
                os.kill(os.getpid(), signal.SIGKILL)
        indexer.update_index(
            Path({str(index_dir)!r}), docs, lambda t: ([], []), progress=progress,
            procs={procs}, segment_docs=20,
        )
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], check=False, timeout=120)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("procs", [1, 2])
def test_a_build_killed_half_way_is_searchable_and_resumes(tmp_path: Path, procs: int) -> None:
    index_dir = tmp_path / "ix"
    _killed_build(index_dir, procs)
    # What was committed before the kill is there, and searchable.
    assert open_index(index_dir) is not None and not is_complete(index_dir)
    indexed = stored_ids(index_dir)
    assert 20 <= len(indexed) <= 180
    with Searcher(index_dir) as searcher:
        some = sorted(indexed)[0]
        assert ids(searcher.search(f"w{some}")) == {some}
    # The next update adds only the rest, and cleans up after the dead writer.
    docs = [Document(id=str(i), title="t", body=f"kabul w{i} " * 50) for i in range(200)]
    changes = update_index(index_dir, docs, lambda t: ([], []), lock_timeout=5)
    assert not changes.rebuilt and not changes.updated
    assert set(changes.added) == {d.id for d in docs} - indexed
    assert stored_ids(index_dir) == {d.id for d in docs} and is_complete(index_dir)
    assert not list(index_dir.glob("*.tmp"))  # the dead writer's scratch files are gone
    live = {s.segment_id() for s in FileStorage(str(index_dir)).open_index()._segments()}
    assert {p.name.split(".")[0] for p in index_dir.glob("MAIN_*.*")} <= {*live, LOCK_NAME}


def test_a_changed_gazetteer_during_a_partial_build_starts_over(tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    _killed_build(index_dir, 1)
    assert index_problem(index_dir, "another") == "gazetteer changed"
    changes = update_index(index_dir, CORPUS, lambda t: ([], []), fingerprint="another")
    assert changes.rebuilt == "gazetteer changed" and len(changes.added) == len(CORPUS)
    assert stored_ids(index_dir) == {d.id for d in CORPUS}


def test_adding_one_article_at_a_time_keeps_few_segments(tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    docs: list[Document] = []
    counts = []
    for n in range(40):
        docs.append(Document(id=f"d{n}", title="t", body=f"kabul w{n}"))
        update_index(index_dir, docs, lambda t: ([], []), procs=1)
        counts.append(len(FileStorage(str(index_dir)).open_index()._segments()))
    # Tiers of about the same size merge four at a time: never one segment per article.
    assert max(counts) <= 7 and counts[-1] < 7
    assert stored_ids(index_dir) == {d.id for d in docs}
    with Searcher(index_dir) as searcher:
        assert searcher.search("kabul").total == 40
        assert ids(searcher.search("w39")) == {"d39"}


def test_a_mostly_deleted_segment_is_rewritten(tmp_path: Path) -> None:
    index_dir = tmp_path / "ix"
    docs = [Document(id=f"d{n}", title="t", body=f"kabul w{n}") for n in range(30)]
    update_index(index_dir, docs, lambda t: ([], []), procs=1)
    update_index(index_dir, docs[:10], lambda t: ([], []), procs=1)
    (segment,) = FileStorage(str(index_dir)).open_index()._segments()
    assert segment.doc_count_all() == 10 and not segment.deleted_count()
