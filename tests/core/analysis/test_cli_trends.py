"""`briefreader trends` and `briefreader cooccur` on a real data directory."""

from __future__ import annotations

import json

import pytest

from briefreader.app import main

from .conftest import Built


def run(built: Built, *args: str) -> int:
    return main(["--data-dir", str(built.paths.root), *args])


def test_trends_json_by_any_spelling(shared: Built, capsys) -> None:
    assert run(shared, "trends", "ISIS-K", "pakistani", "--json") == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert [s["name"] for s in result["series"]] == ["Islamic State Khorasan Province", "Pakistan"]
    assert result["periods"][0] == {"label": "2024-01", "start": "2024-01-01", "end": "2024-01-31"}
    assert result["series"][0]["values"] == [3, 0, 0, 0, 0, 1]
    assert (result["documents"], result["undated"]) == (5, 1)
    assert "placed by import date" in result["note"] and "placed by import date" in err


def test_trends_text_says_which_documents_have_no_date(shared: Built, capsys) -> None:
    assert run(shared, "trends", "--by", "week", "--kind", "country", "--top", "2") == 0
    out = capsys.readouterr().out
    assert out.startswith("mentions per week, 5 documents")
    assert "2024-W02" in out and "weeks with no mention not shown" in out
    assert "note: 1 of 5 documents have no publication date" in out
    assert str(shared.paths.root) not in out


def test_trends_share_and_a_period(shared: Built, capsys) -> None:
    assert run(shared, "trends", "Taliban", "--metric", "share", "--to", "2024-02", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert [p["label"] for p in result["periods"]] == ["2024-01", "2024-02"]
    assert 0 < result["series"][0]["values"][0] < 100


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["trends", "Talibann"], "did you mean Taliban"),
        (["trends", "--from", "March"], "not a date"),
        (["trends", "--from", "2024-03", "--to", "2024-01"], "--to is before --from"),
        (["cooccur", "--cell", "ISKP", "ISIS-K"], "same entity twice"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(shared: Built, capsys, args, message) -> None:
    assert run(shared, *args) == 2
    out, err = capsys.readouterr()
    assert out == "" and message in err and len(err.strip().splitlines()) == 1


def test_cooccur_json_table(shared: Built, capsys) -> None:
    assert run(shared, "cooccur", "--top", "3", "--json") == 0
    table = json.loads(capsys.readouterr().out)
    assert table["count_by"] == "document" and table["documents"] == 5
    assert all(r["kind"] == "group" for r in table["rows"])
    assert all(c["kind"] == "country" for c in table["columns"])
    assert len(table["cells"]) == len(table["rows"])
    names = [r["name"] for r in table["rows"]]
    columns = [c["name"] for c in table["columns"]]
    isk, pakistan = names.index("Islamic State Khorasan Province"), columns.index("Pakistan")
    assert table["cells"][isk][pakistan] == 2


def test_cooccur_groups_by_groups_per_paragraph_text(shared: Built, capsys) -> None:
    assert (
        run(shared, "cooccur", "--rows", "groups", "--columns", "groups", "--by", "paragraph") == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("paragraphs naming both, over 5 documents")
    assert "[1] Islamic State Khorasan Province" in out


def test_cooccur_cell_lists_documents_without_paths(shared: Built, capsys) -> None:
    assert run(shared, "cooccur", "--cell", "ISKP", "Afghan") == 0
    out = capsys.readouterr().out
    assert out.startswith("2 documents name both Islamic State Khorasan Province and Afghanistan")
    assert "Blast in Kabul" in out and "2024-06-03 (imported)" in out
    assert str(shared.folder) not in out
    assert run(shared, "cooccur", "--cell", "ISKP", "Afghan", "--by", "paragraph", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["title"] == "Blast in Kabul" and row["dated"] and row["day"] == "2024-01-20"
