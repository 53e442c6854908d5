"""`briefreader [--data-dir DIR] docs [PATH ...] [--json] [--text]`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefreader.app import main
from briefreader.paths import seeds_dir


def _docs(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(data), "docs", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_first_run_lists_the_seeded_library_as_json(capsys, tmp_path: Path) -> None:
    status, out, err = _docs(capsys, tmp_path / "data", "--json")
    assert status == 0
    rows = json.loads(out)
    assert len(rows) == 10
    assert "first run" in err
    keys = {"id", "title", "author", "publisher", "file", "words", "story", "repairs", "warnings"}
    assert all(keys <= row.keys() for row in rows)
    assert all("text" not in row for row in rows)
    pine = next(r for r in rows if r["title"].startswith("Why Is Beijing"))
    assert pine["author"] == "Ajmal Waziri, Raffaello Pantucci"
    assert pine["publisher"] == "The Diplomat"
    assert "mojibake:mac_roman" in pine["repairs"]
    assert pine["file"].startswith("000_") and pine["file"].endswith(".txt")
    assert [name[:3] for name in pine["also_in"]] == ["004"]
    assert len(pine["sha256"]) == 64 and pine["imported_at"].endswith("+00:00")
    # No local path anywhere in what is shown.
    assert str(tmp_path) not in out and str(seeds_dir()) not in out
    assert len({r["story"] for r in rows}) == 9
    # A second run lists the same library without importing anything.
    status, again, err = _docs(capsys, tmp_path / "data", "--json")
    assert json.loads(again) == rows and "first run" not in err


def test_paths_import_and_list_only_their_documents(capsys, tmp_path: Path, seeds: Path) -> None:
    data = tmp_path / "data"
    _docs(capsys, data, "--json")  # seeds the library
    extra = tmp_path / "extra.md"
    extra.write_text(
        "# A new article\n\nThe **ministry** said the convoy was hit near the border, and "
        "officials blamed ISKP for the attack.\n\nMore detail followed on Monday.\n"
    )
    status, out, err = _docs(capsys, data, str(extra), "--json", "--text")
    assert status == 0
    (row,) = json.loads(out)
    assert row["title"] == "A new article"
    assert row["text"].startswith("The ministry said")
    assert "1 added" in err and "[1/1]" in err
    status, out, _ = _docs(capsys, data, str(next(seeds.glob("003_*"))), "--json")
    assert [r["title"] for r in json.loads(out)] == ["IS-K attack reveals Taliban’s vulnerability"]
    status, out, _ = _docs(capsys, data, "--json")
    assert len(json.loads(out)) == 11


def test_text_output_is_a_table_and_text_adds_the_body(capsys, tmp_path: Path, seeds: Path) -> None:
    status, out, _ = _docs(capsys, tmp_path / "d", str(next(seeds.glob("001_*"))))
    assert status == 0
    header, row = out.splitlines()
    assert header.split()[:4] == ["title", "author", "publisher", "date"]
    assert "Salman Rafi She…" in row  # cut to its column, the whole name in --text and --json
    status, out, _ = _docs(capsys, tmp_path / "d", str(next(seeds.glob("001_*"))), "--text")
    assert "date: 2021-11-08" in out
    assert "Ever since coming into power" in out


def test_skips_and_warnings_go_to_stderr_and_json_still_parses(capsys, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("Title line\n\n" + "words in a sentence. " * 20)
    status, out, err = _docs(capsys, tmp_path / "data", str(tmp_path / "in"), "--json")
    assert status == 0
    assert len(json.loads(out)) == 1
    assert "empty.txt: empty file" in err


def test_missing_paths_fail_with_one_line(capsys, tmp_path: Path) -> None:
    status, out, err = _docs(capsys, tmp_path / "data", str(tmp_path / "nope.txt"))
    assert status == 2
    assert "no such file or folder" in err
    assert out.strip() == ""


def test_the_console_entry_point_runs_docs_headless(tmp_path: Path, seeds: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefreader",
            "--data-dir",
            str(tmp_path),
            "docs",
            "--json",
            str(next(seeds.glob("002_*"))),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert row["title"].startswith("Isis-K: the jihadis")
    assert "PySide6" not in result.stderr


def test_the_table_fits_100_columns_and_names_no_internal_id(capsys, tmp_path: Path) -> None:
    from briefreader.cli.docs import _print_rows

    long = {
        "id": "ea4840e1a438fedf",
        "story": "7c68b67dbd1a54ff",
        "title": "A very long headline about the Islamic State Khorasan Province and its "
        "recruitment across Central Asia, South Asia and beyond",
        "author": "Firstname Lastname, Second Author and Third Author",
        "publisher": "The International Review of Strategic and Security Studies",
        "date": "2021-11-08",
        "file": "some-file.html",
        "words": 123456,
        "warnings": ["one"],
    }
    short = {**long, "title": "Short", "author": "", "publisher": "X", "date": None, "warnings": []}
    _print_rows([long, short], with_text=False)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert all(len(line) <= 100 for line in lines), [len(line) for line in lines]
    assert "…" in lines[1] and "A very long headline" in lines[1]
    assert "undated" in lines[2]
    assert not any(long["id"] in line or long["story"] in line for line in lines)
    status, out, _ = _docs(capsys, tmp_path / "d")  # the seeded library, as a table
    assert status == 0
    assert all(len(line) <= 100 for line in out.splitlines())
