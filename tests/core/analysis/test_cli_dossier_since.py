"""`briefreader dossier` and `briefreader since` on a real data directory."""

from __future__ import annotations

import json

import pytest

from briefreader.app import main
from briefreader.store import Store
from briefreader.store.notes import NoteTarget

from .conftest import Built


def run(built: Built, *args: str) -> int:
    return main(["--data-dir", str(built.paths.root), *args])


@pytest.fixture
def with_work(built: Built) -> Built:
    """The built library plus an excerpt, a note and a briefing in the analyst's store."""
    doc = built.library.get(built.ids["kabul"])
    assert doc is not None
    with Store.open(built.paths) as store:
        start = doc.body.index("ISKP")
        store.excerpts.capture(doc.id, doc.body, start, start + 47)
        store.save_note(NoteTarget.document(doc.id), "Check the ISIS-K claim.")
        store.briefings.create("Weekly 1")
    return built


def test_dossier_json_by_another_spelling(with_work: Built, capsys) -> None:
    assert run(with_work, "dossier", "Islamic", "State", "Khorasan", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["kind"], result["name"]) == ("group", "Islamic State Khorasan Province")
    assert result["mentions"] == 4 and result["documents_count"] == 3
    assert {s["text"] for s in result["spellings"]} == {
        "ISIS-K",
        "ISKP",
        "Islamic State Khorasan Province",
    }
    assert result["relatives"] == [
        {"relation": "branch of", "kind": "group", "name": "Islamic State", "mentions": 0}
    ]
    assert result["first_seen"]["day"] == "2024-01-08" and result["last_seen"]["dated"] is False
    assert [e["quote"][:4] for e in result["excerpts"]] == ["ISKP"]
    assert result["excerpts"][0]["paragraph"] == 1  # counted from 1, as the window does
    assert [n["text"] for n in result["notes"]] == ["Check the ISIS-K claim."]


def test_dossier_text_never_shows_a_path(with_work: Built, capsys) -> None:
    assert run(with_work, "dossier", "iskp", "--limit", "2") == 0
    out = capsys.readouterr().out
    assert out.startswith("Islamic State Khorasan Province (group)\n4 mentions in 3 documents")
    assert "first seen 2024-01-08, last seen 2024-06-03 (imported)" in out
    assert "branch of Islamic State" in out
    assert "documents, newest first (2 of 3)" in out
    assert "“ISKP claimed" in out and "Check the ISIS-K claim." in out
    assert str(with_work.folder) not in out and str(with_work.paths.root) not in out


def test_dossier_of_an_unknown_name(built: Built, capsys) -> None:
    assert run(built, "dossier", "Talibn") == 2
    assert "did you mean Taliban" in capsys.readouterr().err


def test_since_a_date(built: Built, capsys) -> None:
    assert run(built, "since", "2024-03-01", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["since"] == "2024-03-01T00:00:00Z" and result["label"] == "2024-03-01"
    assert [d["title"] for d in result["documents"]] == [
        "Notes from Tashkent",
        "Pine nut prices",
        "JNIM and the Sahel",
    ]
    assert result["older_documents"] == 2
    assert result["first_seen"][0]["name"] == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert {c["name"] for c in result["falling"]} >= {"Taliban", "Pakistan"}


def test_since_the_latest_briefing_by_default(with_work: Built, capsys) -> None:
    assert run(with_work, "since") == 0
    out = capsys.readouterr().out
    assert out.startswith("since the briefing “Weekly 1” (last changed ")
    # Everything was imported in 2024, before the briefing was made: nothing is new, except
    # the excerpt and the note made just before it.
    assert "0 new documents (against 5 older)" in out
    assert run(with_work, "since", "weekly 1", "--json") == 0
    assert json.loads(capsys.readouterr().out)["documents"] == []


def test_since_without_briefings(built: Built, capsys) -> None:
    assert run(built, "since") == 2
    assert "no briefing yet; give a date" in capsys.readouterr().err


def test_since_an_unknown_briefing(with_work: Built, capsys) -> None:
    assert run(with_work, "since", "Weekly 9") == 2
    err = capsys.readouterr().err
    assert "no briefing called 'Weekly 9'" in err and "Weekly 1" in err
