"""Real faults under the CLI: a read-only data folder (a read-only bind mount) and a
full disk (a small tmpfs), each seen only by a child process in its own mount
namespace. chmod does not stop root, so the folder really is mounted read-only.

Every command must end in one clear line (never a traceback), exit non-zero
only where it failed, and lose nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store
from tests.core.safety.reports import write_reports

CHILD = Path(__file__).with_name("cli_child.py")


def _namespace(script: str, root: Path) -> tuple[str, ...] | None:
    """A prefix running a command in a mount namespace set up by `script`, or None."""
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        return None
    prefix = (unshare, "-m", "sh", "-c", script.replace("ROOT", f'"{root}"'), "sh")
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else None


def run_child(prefix: tuple[str, ...], steps: list[dict], tmp_path: Path) -> list[dict]:
    script = tmp_path / "steps.json"
    script.write_text(json.dumps(steps), encoding="utf-8")
    proc = subprocess.run(
        [*prefix, sys.executable, str(CHILD), str(script)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def fingerprint(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def one_clear_line(result: dict) -> str:
    """The command's last stderr line; never a traceback, never a local path."""
    err = result["err"]
    assert "Traceback" not in err, err
    assert "/tmp" not in err and "pytest-of" not in err, err
    return err.strip().splitlines()[-1] if err.strip() else ""


def make_work(paths: DataPaths, sources: Path) -> str:
    """A library of the reports, a note and an excerpt; returns the note's text."""
    with open_library(paths, seed=False) as library:
        library.import_paths([sources])
        doc = library.documents()[0]
    with Store.open(paths) as store:
        store.save_note(NoteTarget.memo(), "the day's work: keep it")
        store.excerpts.capture(doc.id, doc.body, 0, 30)
    return "the day's work: keep it"


def test_a_read_only_data_folder_still_shows_everything(tmp_path: Path) -> None:
    root = tmp_path / "data"
    paths = DataPaths.at(root)
    write_reports(tmp_path / "reports", 9, seed=3)
    write_reports(tmp_path / "more", 3, seed=4, start=9)
    memo = make_work(paths, tmp_path / "reports")
    prefix = _namespace(
        'mount --bind ROOT ROOT && mount -o remount,bind,ro ROOT && exec "$@"', root
    )
    if prefix is None:
        pytest.skip("a read-only bind mount needs root and mount namespaces")
    before = fingerprint(root)
    out = tmp_path / "out"
    out.mkdir()
    data = ["--data-dir", str(root)]
    results = run_child(
        prefix,
        [
            {"run": [*data, "notes"]},
            {"run": [*data, "excerpts", "--json"]},
            {"run": [*data, "docs", "--json"]},
            {"run": [*data, "search", "attack"]},  # no index yet, and none can be written
            {"run": [*data, "export", "--query", "attack", "--out", str(out / "b.pdf")]},
            {"run": [*data, "docs", str(tmp_path / "more")]},
            {"run": [*data, "backup", "now"]},
        ],
        tmp_path,
    )
    notes, excerpts, docs, search, export, imported, backup = results
    for shown in (notes, excerpts, docs, search, export):
        one_clear_line(shown)
        assert shown["status"] == 0, shown
    assert memo in notes["out"]
    assert "the library is read-only" in notes["err"]
    assert len(json.loads(excerpts["out"])) == 1
    assert len(json.loads(docs["out"])) == 9
    assert "matching document" in search["out"] and "building one for this search" in search["err"]
    assert (out / "b.pdf").read_bytes().startswith(b"%PDF")
    assert imported["status"] == 1
    assert "nothing was imported: the library is read-only" in one_clear_line(imported)
    assert backup["status"] == 1 and "could not write a backup" in one_clear_line(backup)
    assert fingerprint(root) == before  # not one byte written


def test_a_full_disk_stops_commands_with_one_line_and_loses_nothing(tmp_path: Path) -> None:
    root = tmp_path / "small"
    root.mkdir()
    prefix = _namespace('mount -t tmpfs -o size=8m tmpfs ROOT && exec "$@"', root)
    if prefix is None:
        pytest.skip("mounting a tmpfs needs root and mount namespaces")
    write_reports(tmp_path / "reports", 6, seed=5)
    write_reports(tmp_path / "more", 60, seed=6, start=6)
    data = ["--data-dir", str(root / "data")]
    results = run_child(
        prefix,
        [
            {"run": [*data, "docs", str(tmp_path / "reports")]},
            {"run": [*data, "docs", "--json"]},
            {"fill": str(root), "leave": 48 * 1024},
            {"run": [*data, "docs", str(tmp_path / "more")]},  # runs out part way
            {"run": [*data, "search", "attack"]},  # the index build meets the full disk
            {"run": [*data, "backup", "now"]},
            {"run": [*data, "notes"]},
            {"unfill": str(root)},
            {"run": [*data, "docs", "--json"]},
            {"run": [*data, "docs", str(tmp_path / "more")]},  # with space again, it goes on
            {"run": [*data, "docs", "--json"]},
        ],
        tmp_path,
    )
    first, listed, _fill, stopped, search, backup, notes, _unfill, after, resumed, final = results
    assert first["status"] == 0 and listed["status"] == 0
    before_ids = [d["id"] for d in json.loads(listed["out"])]
    assert len(before_ids) == 6
    line = one_clear_line(stopped)
    assert stopped["status"] == 1
    assert "the import stopped at more/report-" in line and "the disk is full" in line, line
    kept = (
        int(re.search(r"the (\d+) file\(s\) before it", line).group(1)) if "file(s)" in line else 0
    )
    assert search["status"] in (0, 1)
    one_clear_line(search)
    assert backup["status"] == 1 and "disk is full" in one_clear_line(backup)
    assert notes["status"] == 0
    said = one_clear_line(notes)
    assert said == "" or "the library is read-only" in said  # it may open read-only now
    # Nothing lost: every document from before, plus exactly the files stored before the stop.
    after_ids = [d["id"] for d in json.loads(after["out"])]
    assert after_ids[:6] == before_ids and len(after_ids) == 6 + kept
    assert "damaged" not in after["err"]  # the library was never hurt
    assert resumed["status"] == 0, resumed["err"]
    assert len(json.loads(final["out"])) == 66


def test_a_cut_in_half_library_under_every_command(tmp_path: Path) -> None:
    """No command shows a traceback; the first one restores, the rest read it whole."""
    root = tmp_path / "data"
    paths = DataPaths.at(root)
    write_reports(tmp_path / "reports", 9, seed=7)
    memo = make_work(paths, tmp_path / "reports")
    with open_library(paths, seed=False) as library:
        expected = [d.id for d in library.documents()]
    data = paths.library_db.read_bytes()
    paths.library_db.write_bytes(data[: len(data) // 2])
    out = tmp_path / "b.pdf"
    results = run_child(
        (),
        [
            {"run": ["--data-dir", str(root), "notes"]},
            {"run": ["--data-dir", str(root), "excerpts"]},
            {"run": ["--data-dir", str(root), "search", "attack"]},
            {"run": ["--data-dir", str(root), "export", "--query", "attack", "--out", str(out)]},
            {"run": ["--data-dir", str(root), "docs", "--json"]},
        ],
        tmp_path,
    )
    notes = results[0]
    assert notes["status"] == 0 and memo in notes["out"]
    assert "The library was damaged" in notes["err"] and "was restored" in notes["err"]
    for result in results:
        one_clear_line(result)
        assert result["status"] == 0, result
    assert [d["id"] for d in json.loads(results[-1]["out"])] == expected
    assert list(root.glob("library.sqlite3.corrupt-*"))
    with sqlite3.connect(paths.library_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
