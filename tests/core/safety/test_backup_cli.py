"""`briefreader backup [list|now|restore N]` and the last net under every command."""

from __future__ import annotations

import json
import sqlite3

import pytest

from briefreader.app import main
from briefreader.cli import notes as notes_cli
from briefreader.control.backup_files import status_text
from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store
from tests.core.safety.reports import write_reports


def run(capsys: pytest.CaptureFixture[str], paths: DataPaths, *args: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(paths.root), *args])
    out, err = capsys.readouterr()
    assert str(paths.root) not in out + err  # a file's name, never where it lives
    return status, out, err


@pytest.fixture
def work(data_paths: DataPaths, tmp_path) -> DataPaths:
    write_reports(tmp_path / "reports", 4, seed=11)
    with open_library(data_paths, seed=False) as library:
        library.import_paths([tmp_path / "reports"])
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "version one")
    return data_paths


def test_list_now_and_restore(work: DataPaths, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, work, "backup", "now")
    assert status == 0
    assert "backed up the notes" in out and "backed up the library" in out and "verified" in out
    status, out, _ = run(capsys, work, "backup", "list", "--json")
    listed = json.loads(out)
    assert status == 0 and {b["store"] for b in listed} == {"notes", "library"}
    assert all(b["verified"] and b["size"] > 0 for b in listed)
    assert [b["number"] for b in listed] == list(range(1, len(listed) + 1))
    assert listed == sorted(listed, key=lambda b: b["taken"], reverse=True)
    status, out, _ = run(capsys, work, "backup")
    assert status == 0 and out.splitlines()[0].split() == [
        "N",
        "taken",
        "of",
        "why",
        "size",
        "verified",
    ]

    with Store.open(work) as store:
        store.save_note(NoteTarget.memo(), "version two, regretted")
    notes_backup = next(b for b in listed if b["store"] == "notes" and b["reason"] == "manual")
    status, out, _ = run(capsys, work, "backup", "restore", str(notes_backup["number"]))
    assert status == 0, out
    assert "restored the notes" in out and "kept as work.sqlite3.replaced-" in out
    with Store.open(work, read_only=True) as store:
        assert store.notes.memo().text == "version one"
    replaced = next(work.root.glob("work.sqlite3.replaced-*[0-9]Z"))
    with sqlite3.connect(replaced) as conn:  # the regretted version is kept, not deleted
        texts = [row[0] for row in conn.execute("SELECT text FROM notes")]
    assert "version two, regretted" in texts


def test_restore_refuses_a_bad_number_and_a_file_in_use(
    work: DataPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, work, "backup", "now")
    status, _, err = run(capsys, work, "backup", "restore", "99")
    assert status == 1 and "there is no backup 99" in err
    status, _, err = run(capsys, work, "backup", "restore")
    assert status == 2 and "say which backup" in err
    status, out, _ = run(capsys, work, "backup", "list", "--json")
    number = next(b["number"] for b in json.loads(out) if b["store"] == "notes")
    with Store.open(work):  # the window has the notes open
        status, _, err = run(capsys, work, "backup", "restore", str(number))
    assert status == 1 and "close it, then restore again" in err
    assert len(err.strip().splitlines()) == 1


def test_the_status_bar_text_says_the_last_backup_or_its_failure(work: DataPaths) -> None:
    text, problem = status_text(work)
    assert text.startswith("backup ") and not problem
    text, problem = status_text(work, None, "could not write a backup of library.sqlite3 (x)")
    assert problem and text == "backup failed: could not write a backup of library.sqlite3 (x)"
    empty = DataPaths.at(work.root / "elsewhere")
    assert status_text(empty) == ("no backup yet", False)


def test_an_unexpected_error_is_one_line_and_exit_2(
    data_paths: DataPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_args: object, _paths: object) -> int:
        raise KeyError(f"{data_paths.root}/secret/place")

    monkeypatch.setattr(notes_cli, "run_notes", broken)
    monkeypatch.delenv("BRIEFREADER_DEBUG", raising=False)
    status, _, err = run(capsys, data_paths, "notes")
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("briefreader: internal error (KeyError") and "BRIEFREADER_DEBUG=1" in err
    monkeypatch.setenv("BRIEFREADER_DEBUG", "1")
    status = main(["--data-dir", str(data_paths.root), "notes"])
    err = capsys.readouterr().err
    assert status == 2 and "Traceback" in err and "KeyError" in err


def test_a_full_disk_error_reaching_the_net_says_so(
    data_paths: DataPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_args: object, _paths: object) -> int:
        raise OSError(28, "No space left on device", f"{data_paths.root}/index/x")

    monkeypatch.setattr(notes_cli, "run_notes", full)
    status, _, err = run(capsys, data_paths, "notes")
    assert (
        status == 1
        and err == "briefreader: stopped: the disk is full; what was saved before is kept\n"
    )
