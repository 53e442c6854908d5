"""The index is checked by its version stamp, sizes and checksums, never by "it opened"."""

from __future__ import annotations

import json
import random
from pathlib import Path

from briefreader.search.indexer import MARKER, index_problem, open_index, update_index
from briefreader.search.searcher import Searcher
from tests.core.search.conftest import CORPUS, ids


def _segments(index_dir: Path) -> list[Path]:
    return sorted(index_dir.glob("*.seg"))


def test_the_marker_records_every_file_with_size_and_checksum(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger)
    marker = json.loads((index_dir / MARKER).read_text())
    kept = [*_segments(index_dir), *index_dir.glob("*.entries"), *index_dir.glob("_MAIN_*.toc")]
    names = {p.name for p in kept}
    assert set(marker["files"]) == names
    assert all(size == (index_dir / n).stat().st_size for n, (size, _) in marker["files"].items())
    assert index_problem(index_dir, thorough=True) == ""


def test_flipped_bytes_whoosh_would_open_are_caught_and_rebuilt(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger)
    with Searcher(index_dir) as searcher:
        before = ids(searcher.search("kabul"))
    rnd = random.Random(3)
    for _ in range(5):
        segment = rnd.choice(_segments(index_dir))
        data = bytearray(segment.read_bytes())
        data[rnd.randrange(len(data))] ^= 1 << rnd.randrange(8)
        segment.write_bytes(bytes(data))
        assert index_problem(index_dir, thorough=True) == "damaged: a checksum differs"
        changes = update_index(index_dir, CORPUS, tagger)
        assert changes.rebuilt == "damaged: a checksum differs"
        with Searcher(index_dir) as searcher:
            assert ids(searcher.search("kabul")) == before


def test_a_cut_or_missing_file_is_caught_when_opening(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger)
    segment = _segments(index_dir)[0]
    segment.write_bytes(segment.read_bytes()[:-1])
    assert index_problem(index_dir) == "damaged: a file changed size"
    assert open_index(index_dir) is None
    update_index(index_dir, CORPUS, tagger)
    _segments(index_dir)[0].unlink()
    assert index_problem(index_dir) == "damaged: a file is missing"


def test_files_an_update_merged_away_are_expected_gone(tmp_path: Path, tagger) -> None:
    """A reader during another process's update sees a newer table of contents
    than the record, and the merged files gone: that is no damage."""
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger)
    marker = json.loads((index_dir / MARKER).read_text())
    marker["files"]["MAIN_merged_away.seg"] = [10, "0" * 32]
    marker["generation"] -= 1
    (index_dir / MARKER).write_text(json.dumps(marker))
    assert index_problem(index_dir, thorough=True) == ""
    marker["generation"] += 1
    (index_dir / MARKER).write_text(json.dumps(marker))
    assert index_problem(index_dir) == "damaged: a file is missing"


def test_a_file_where_the_index_folder_belongs_is_replaced(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    index_dir.write_text("not an index")
    assert open_index(index_dir) is None
    changes = update_index(index_dir, CORPUS, tagger)
    assert changes.rebuilt == "a file stood where its folder belongs"
    with Searcher(index_dir) as searcher:
        assert ids(searcher.search("kabul"))
    index_dir.rename(tmp_path / "elsewhere")
    index_dir.symlink_to(tmp_path / "nowhere")  # a broken link
    assert (
        update_index(index_dir, CORPUS, tagger).rebuilt == "a file stood where its folder belongs"
    )


def test_an_index_from_before_the_record_is_used_and_gets_one(tmp_path: Path, tagger) -> None:
    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger)
    marker = json.loads((index_dir / MARKER).read_text())
    legacy = {"schema_version": marker["schema_version"], "fingerprint": marker["fingerprint"]}
    (index_dir / MARKER).write_text(json.dumps(legacy))
    assert index_problem(index_dir, thorough=True) == ""
    assert not update_index(index_dir, CORPUS, tagger).changed
    assert "files" in json.loads((index_dir / MARKER).read_text())


def test_a_large_index_is_checked_by_size_only(tmp_path: Path, tagger, monkeypatch) -> None:
    """Checksums cost a read of every file: above THOROUGH_BYTES an update compares sizes."""
    from briefreader.search import integrity

    index_dir = tmp_path / "ix"
    update_index(index_dir, CORPUS, tagger)
    read: list[str] = []
    digest = integrity._digest
    monkeypatch.setattr(integrity, "_digest", lambda path: read.append(path.name) or digest(path))
    assert index_problem(index_dir, thorough=True) == "" and read  # small: every file read
    read.clear()
    monkeypatch.setattr(integrity, "THOROUGH_BYTES", 100)
    assert index_problem(index_dir, thorough=True) == "" and not read
    segment = _segments(index_dir)[0]
    segment.write_bytes(segment.read_bytes()[:-1])  # a size still tells a cut file
    assert index_problem(index_dir, thorough=True) == "damaged: a file changed size"
