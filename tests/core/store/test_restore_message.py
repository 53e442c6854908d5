"""A damaged work database's restore message stays one short line, however much SQLite found."""

from __future__ import annotations

import random
from pathlib import Path

from briefreader.paths import DataPaths
from briefreader.sqlfile.checks import summarise_check
from briefreader.store import NoteTarget, Store


def test_many_findings_become_the_first_and_a_count() -> None:
    rows = [
        "*** in database main ***\nOn tree page 230 cell 5: invalid page number 9\n"
        + "\n".join(f"On tree page {n} cell 1: Rowid {n} out of order" for n in range(120)),
        "Page 179: btreeInitPage() returns error code 11",
    ]
    assert summarise_check(rows) == (
        "On tree page 230 cell 5: invalid page number 9, and 121 more problems"
    )
    assert summarise_check(["row 3 missing from index x"]) == "row 3 missing from index x"
    assert len(summarise_check(["x" * 5000])) <= 120


def test_the_restore_message_of_a_badly_damaged_database_is_short(tmp_path: Path) -> None:
    data_paths = DataPaths.at(tmp_path / "data").ensure()  # the analyst's own SQLite file
    with Store.open(data_paths) as store:
        for number in range(400):
            store.notes.save(NoteTarget.document(f"doc{number:04d}"), f"note {number} " * 40)
    raw = bytearray(data_paths.work_db.read_bytes())
    rnd = random.Random(5)
    for _ in range(30):
        at = rnd.randrange(len(raw) // 3, len(raw) - 200)
        raw[at : at + 200] = rnd.randbytes(200)
    data_paths.work_db.write_bytes(bytes(raw))
    with Store.open(data_paths) as store:
        assert store.recovery is not None
        message = store.recovery.message
    assert "\n" not in message and len(message) < 400, message
    assert "set aside as work.sqlite3.corrupt-" in message
