"""A separate process for the fault tests: it saves, and the parent attacks it.

Run as `python fault_child.py MODE DATA_DIR [SEED]`. Every line it prints is
one fact the parent checks afterwards:

- `save`: saves notes, excerpts and the memo forever; after each commit it
  prints `ACK <kind> <key> <round>` (the parent kills it at a random moment
  and checks that every acknowledged save is in the database).
- `fill`: saves a note, then limits file size (RLIMIT_FSIZE) so the disk is
  "full", and tries a large save; prints the outcome as JSON.
- `small-disk`: run on a tiny tmpfs: saves until the disk is full, then
  reopens and checks every acknowledged save; prints the outcome as JSON.
- `readonly`: opens a data directory the parent made read-only and tries to
  save; prints the outcome as JSON.
- `second`: opens the data directory while another process writes; prints
  what happened as JSON.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
from pathlib import Path

from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store, StoreBusyError, StoreError


def note_text(seed: int, n: int) -> str:
    return f"seed {seed} note {n}: " + "Кабул “quote” — " * (1 + n % 40)


def excerpt_text(seed: int, n: int) -> str:
    return f"Paragraph {n} of round {seed}: the group claimed the attack.\n\nMore text {n}."


def save_forever(paths: DataPaths, seed: int) -> None:
    store = Store.open(paths)
    print("READY", flush=True)
    n = 0
    while True:
        result = store.save_note(NoteTarget.document(f"s{seed}-d{n}"), note_text(seed, n))
        if not result.saved:
            print(f"FAIL {result.error}", flush=True)
            return
        print(f"ACK note s{seed}-d{n} {n}", flush=True)
        text = excerpt_text(seed, n)
        captured = store.excerpts.capture(f"s{seed}-doc", text, 0, text.index("\n"), mentions=[])
        print(f"ACK excerpt {captured.excerpt.id} {n}", flush=True)
        if store.save_note(NoteTarget.memo(), f"memo {seed} {n}").saved:
            print(f"ACK memo {seed} {n}", flush=True)
        n += 1


def fill(paths: DataPaths) -> None:
    store = Store.open(paths)
    store.save_note(NoteTarget.memo(), "saved before the disk filled")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    biggest = max(p.stat().st_size for p in paths.root.glob("work.sqlite3*"))
    resource.setrlimit(resource.RLIMIT_FSIZE, (biggest + 4096, biggest + 4096))
    big = "An analyst's long note. " * 40_000  # ~1 MB
    target = NoteTarget.document("big")
    result = store.save_note(target, big)
    excerpt_error = ""
    try:
        store.excerpts.capture("doc", big, 0, len(big), mentions=[])
    except StoreError as error:
        excerpt_error = str(error)
    print(
        json.dumps(
            {
                "saved": result.saved,
                "error": result.error,
                "pending_kept": store.notes.pending().get(target) == big,
                "excerpt_error": excerpt_error,
            }
        ),
        flush=True,
    )
    os._exit(0)  # skip close(): its retry would hit the limit again


def small_disk(paths: DataPaths) -> None:
    """On a tiny tmpfs: save until the disk is full, then check nothing was lost."""
    store = Store.open(paths)
    ballast = paths.root / "ballast"
    ballast.write_bytes(b"\0" * 96 * 1024)  # freed later, as an analyst would free space
    saved: list[str] = []
    failure = None
    for n in range(10_000):
        key = f"d{n}"
        result = store.save_note(NoteTarget.document(key), note_text(0, n) * 8)
        if not result.saved:
            failure = result
            break
        saved.append(key)
    assert failure is not None, "the disk never filled"
    unsaved = NoteTarget.document(f"d{len(saved)}")
    pending_kept = unsaved in store.notes.pending()
    ballast.unlink()
    retried = store.notes.flush()  # the same connection carries on once space is free
    if retried and retried[0].saved:
        saved.append(unsaved.id)
    store.close()
    reopened = Store.open(paths)
    conn = reopened._db.conn
    outcome = {
        "saved": len(saved),
        "error": failure.error,
        "pending_kept": pending_kept,
        "retry_saved": bool(retried and retried[0].saved),
        "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        "recovered": reopened.recovery is not None,
        "all_there": all(
            reopened.notes.get(NoteTarget.document(k)).text == note_text(0, int(k[1:])) * 8
            for k in saved
        ),
    }
    print(json.dumps(outcome), flush=True)
    reopened.close()


def read_only(paths: DataPaths) -> None:
    store = Store.open(paths)
    target = NoteTarget.memo()
    result = store.save_note(target, "typed in a read-only folder")
    print(
        json.dumps(
            {
                "read_only_reason": store.read_only_reason,
                "saved": result.saved,
                "error": result.error,
                "pending_kept": store.notes.pending().get(target) == "typed in a read-only folder",
                "memo_seen": store.notes.memo().text if store.notes.memo() else None,
            }
        ),
        flush=True,
    )
    store.close()


def second(paths: DataPaths) -> None:
    outcome: dict[str, object] = {}
    try:
        Store.open(paths)
        outcome["busy"] = None
    except StoreBusyError as error:
        outcome["busy"] = str(error)
    with Store.open(paths, if_locked="read_only") as store:
        outcome["read_only_reason"] = store.read_only_reason
        outcome["notes_seen"] = len(store.notes.all())
        outcome["saved"] = store.save_note(NoteTarget.memo(), "from the second instance").saved
        try:
            store.excerpts.capture("x", "intruder text", 0, 8, mentions=[])
            outcome["captured"] = True
        except StoreError:
            outcome["captured"] = False
    print(json.dumps(outcome), flush=True)


def main() -> None:
    mode, root = sys.argv[1], Path(sys.argv[2])
    paths = DataPaths.at(root)
    if mode == "save":
        save_forever(paths, int(sys.argv[3]))
    elif mode == "fill":
        fill(paths)
    elif mode == "small-disk":
        small_disk(paths)
    elif mode == "readonly":
        read_only(paths)
    elif mode == "second":
        second(paths)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
