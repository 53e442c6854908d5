"""Fault tests with real processes: kill -9 mid-save, full disk, read-only folder,
a second instance. Nothing here mocks the store; the child is fault_child.py."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store
from tests.core.store.fault_child import excerpt_text, note_text

# The SQLite file's own machinery: lock, pragmas, backups, recovery, disk faults.
pytestmark = pytest.mark.backends("sqlite")

CHILD = Path(__file__).with_name("fault_child.py")
KILLS = 50


def child(mode: str, root: Path, *extra: str, prefix: tuple[str, ...] = ()) -> subprocess.Popen:
    return subprocess.Popen(
        [*prefix, sys.executable, str(CHILD), mode, str(root), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def verify_acks(paths: DataPaths, acks: list[str], seed: int) -> int:
    """Every acknowledged save is there, exactly; returns how many were checked."""
    with Store.open(paths) as store:
        assert store.recovery is None, store.recovery.message
        last_memo = -1
        for line in acks:
            _ack, kind, key, n = line.split()
            if kind == "note":
                note = store.notes.get(NoteTarget.document(key))
                assert note is not None, f"acknowledged note {key} lost"
                assert note.text == note_text(seed, int(n))
            elif kind == "excerpt":
                excerpt = store.excerpts.get(int(key))
                text = excerpt_text(seed, int(n))
                assert excerpt.quote == text[: text.index("\n")]
            elif kind == "memo":
                last_memo = int(n)
        if last_memo >= 0:
            memo = store.notes.memo().text.split()
            # The memo holds the last acknowledged text, or a later one whose
            # commit landed just before the kill (never an earlier one).
            if memo[1] == str(seed):
                assert int(memo[2]) >= last_memo
            else:
                pytest.fail(f"memo from another round after round {seed}: {memo}")
    return len(acks)


def kill_rounds(root: Path, seeds: list[int], rng: random.Random) -> list[int]:
    paths = DataPaths.at(root)
    counts = []
    for seed in seeds:
        proc = child("save", root, str(seed))
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.strip() == "READY", first + proc.stderr.read()
        # Wait for the first save to be acknowledged: the child is then at work
        # (on a loaded machine it can take longer than the random delay to get
        # there, and a kill before any save tests nothing).
        started = proc.stdout.readline()
        assert started.startswith("ACK "), started + proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(proc.pid, signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        # A line cut off by the kill is not an acknowledgement.
        lines = [started, *out.splitlines(keepends=True)]
        acks = [line for line in lines if line.endswith("\n")]
        acks = [line for line in acks if line.startswith("ACK ")]
        assert integrity(paths.work_db) == "ok"
        counts.append(verify_acks(paths, acks, seed))
        assert integrity(paths.work_db) == "ok"
    return counts


@pytest.mark.slow
def test_kill_9_while_saving_never_loses_an_acknowledged_save(tmp_path: Path) -> None:
    """50 kills at random moments, two data directories side by side (2 cores)."""
    rng = random.Random(6)
    roots = [tmp_path / "a", tmp_path / "b"]
    seeds = list(range(KILLS))
    with ThreadPoolExecutor(2) as pool:
        results = list(
            pool.map(
                kill_rounds,
                roots,
                [seeds[0::2], seeds[1::2]],
                [random.Random(rng.random()), random.Random(rng.random())],
            )
        )
    counts = results[0] + results[1]
    assert len(counts) == KILLS
    assert all(c >= 1 for c in counts)  # every kill landed while the child was saving
    assert sum(counts) > KILLS  # most rounds acknowledged several saves before dying


def test_full_disk_reports_keeps_the_edit_and_earlier_data(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.document("old"), "earlier work")
    proc = child("fill", data_paths.root)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    outcome = json.loads(out)
    assert not outcome["saved"]
    assert "nothing was saved" in outcome["error"] or "full" in outcome["error"]
    assert "kept in memory" in outcome["error"]
    assert outcome["pending_kept"]
    assert outcome["excerpt_error"]
    assert integrity(data_paths.work_db) == "ok"
    with Store.open(data_paths) as store:
        assert store.recovery is None
        assert store.notes.get(NoteTarget.document("old")).text == "earlier work"
        assert store.notes.memo().text == "saved before the disk filled"
        assert store.notes.get(NoteTarget.document("big")) is None
        assert store.excerpts.list() == []


def test_small_tmpfs_fills_up_without_losing_a_saved_note(tmp_path: Path) -> None:
    """A real "no space left on device", on a 512 KiB tmpfs in a private mount namespace."""
    root = tmp_path / "small"
    root.mkdir()
    unshare = shutil.which("unshare")
    script = f'mount -t tmpfs -o size=512k tmpfs "{root}" && exec "$@"'
    prefix = (str(unshare), "-m", "sh", "-c", script, "sh")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("mounting a tmpfs needs root and unshare")
    if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here")
    proc = child("small-disk", root, prefix=prefix)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    outcome = json.loads(out)
    assert outcome["saved"] > 5
    assert "is full" in outcome["error"] and "kept in memory" in outcome["error"]
    assert outcome["pending_kept"]
    assert outcome["retry_saved"]  # once space is freed, the kept edit saves
    assert outcome["integrity"] == "ok" and not outcome["recovered"]
    assert outcome["all_there"]


def _read_only_prefix(root: Path) -> tuple[str, ...] | None:
    """How to run a child that sees `root` read-only, or None if we can't here."""
    if os.geteuid() != 0:
        return ()
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    script = f'mount --bind "{root}" "{root}" && mount -o remount,bind,ro "{root}" && exec "$@"'
    probe = subprocess.run(
        [unshare, "-m", "sh", "-c", script, "sh", "true"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        return None
    return (unshare, "-m", "sh", "-c", script, "sh")


def test_read_only_folder_reports_keeps_the_edit_and_earlier_data(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "earlier work")
    before = data_paths.work_db.read_bytes()
    prefix = _read_only_prefix(data_paths.root)
    if prefix is None:
        pytest.skip("cannot make a read-only folder here (root without mount namespaces)")
    modes = {p: p.stat().st_mode for p in [data_paths.root, *data_paths.root.rglob("*")]}
    if not prefix:  # not root: permissions are enough
        for path in modes:
            path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        proc = child("readonly", data_paths.root, prefix=prefix)
        out, err = proc.communicate(timeout=60)
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
    assert proc.returncode == 0, err
    outcome = json.loads(out)
    assert "cannot be written" in outcome["read_only_reason"]
    assert not outcome["saved"] and "kept in memory" in outcome["error"]
    assert outcome["pending_kept"]
    assert outcome["memo_seen"] == "earlier work"  # the work is still readable
    assert data_paths.work_db.read_bytes() == before
    assert integrity(data_paths.work_db) == "ok"


def test_second_instance_while_the_first_writes_changes_nothing(data_paths: DataPaths) -> None:
    writer = child("save", data_paths.root, "7")
    assert writer.stdout is not None
    try:
        assert writer.stdout.readline().strip() == "READY"
        for _ in range(20):
            assert writer.stdout.readline().startswith("ACK")
        second = child("second", data_paths.root)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        for _ in range(20):  # the writer carries on undisturbed
            assert writer.stdout.readline().startswith("ACK")
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.communicate(timeout=30)
    outcome = json.loads(out)
    assert "already using" in outcome["busy"]
    assert "read-only" in outcome["read_only_reason"]
    assert outcome["notes_seen"] > 0
    assert outcome["saved"] is False and outcome["captured"] is False
    assert integrity(data_paths.work_db) == "ok"
    with Store.open(data_paths) as store:
        assert all(e.doc_id == "s7-doc" for e in store.excerpts.list())
        assert store.notes.memo().text.startswith("memo 7 ")
