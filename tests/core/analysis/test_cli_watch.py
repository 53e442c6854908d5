"""`briefreader watch ...` and `briefreader batch` on a real data directory."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from briefreader.app import main
from briefreader.paths import DataPaths


def run(paths: DataPaths, *args: str) -> int:
    return main(["--data-dir", str(paths.root), *args])


def test_a_standing_query_from_saving_to_the_inbox(data_paths, tmp_path: Path, capsys) -> None:
    assert run(data_paths, "watch", "add", "Sahel", "JNIM OR Mali", "--json") == 0
    out, err = capsys.readouterr()
    assert "documents imported from now on" in err
    assert json.loads(out)["query"] == "JNIM OR Mali"
    assert run(data_paths, "watch", "run", "--json") == 0
    first = json.loads(capsys.readouterr().out)
    assert first["found"] == {"Sahel": []} and first["unread"] == 0
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "a.txt").write_text("Attack in Mali\n\nJNIM fighters struck.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Pine nuts\n\nPrices rose.\n", encoding="utf-8")
    assert run(data_paths, "docs", str(folder)) == 0  # an import runs the standing queries
    assert "standing queries: 1 new matches; 1 documents waiting" in capsys.readouterr().err
    assert run(data_paths, "watch", "run") == 0  # nothing new since
    assert capsys.readouterr().out == "Sahel: 0 new\n1 documents waiting in the inbox\n"
    assert run(data_paths, "watch", "inbox", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["title"] == "Attack in Mali" and row["watches"] == ["Sahel"]
    assert run(data_paths, "watch", "inbox") == 0
    out = capsys.readouterr().out
    assert "Attack in Mali" in out and "Sahel" in out and str(folder) not in out
    assert run(data_paths, "watch", "list") == 0
    assert "JNIM OR Mali" in capsys.readouterr().out
    assert run(data_paths, "watch", "seen") == 0
    assert capsys.readouterr().out == "1 documents taken out of the inbox\n"
    assert run(data_paths, "watch", "inbox") == 0
    assert capsys.readouterr().out == "the inbox is empty\n"
    assert run(data_paths, "watch", "remove", "sahel") == 0
    assert run(data_paths, "watch", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_an_import_without_standing_queries_builds_no_index(data_paths, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "a.txt").write_text("Attack in Mali\n\nJNIM fighters struck.\n", encoding="utf-8")
    assert run(data_paths, "docs", str(folder)) == 0
    index = data_paths.index_dir
    assert not index.exists() or not any(index.iterdir())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["watch", "add", "bad", "((("], "no words"),
        (["watch", "remove", "nothing"], "no standing query 'nothing'"),
        (["watch", "inbox", "nothing"], "no standing query 'nothing'"),
    ],
)
def test_mistakes_are_one_line_and_exit_two(data_paths, capsys, args, message) -> None:
    assert run(data_paths, *args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_batch_from_stdin_and_from_a_file(data_paths, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("ISIS-K\nTaliban\n# comment\nzzzq\n"))
    assert run(data_paths, "batch", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["query"] for r in rows] == ["ISIS-K", "Taliban", "zzzq"]
    assert rows[0]["entity"] == {"kind": "group", "name": "Islamic State Khorasan Province"}
    assert rows[0]["documents"] >= 4 and rows[0]["mentions"] > rows[0]["documents"]
    assert rows[2] == {"query": "zzzq", "documents": 0}
    names = tmp_path / "names.txt"
    names.write_text("Daesh\n(((\n", encoding="utf-8")
    assert run(data_paths, "batch", str(names)) == 0
    out = capsys.readouterr().out
    assert "Islamic State" in out and "error" in out
    empty = tmp_path / "empty.txt"
    empty.write_text("\n# nothing\n", encoding="utf-8")
    assert run(data_paths, "batch", str(empty)) == 2
    assert "no queries" in capsys.readouterr().err
