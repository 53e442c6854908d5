"""`briefreader search` end to end on a real data directory."""

from __future__ import annotations

import json

import pytest

from briefreader.app import main
from briefreader.paths import DataPaths


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> DataPaths:
    """A data directory the first search built (library from the seeds, then the index)."""
    paths = DataPaths.at(tmp_path_factory.mktemp("cli") / "data")
    assert main(["--data-dir", str(paths.root), "search", "kabul", "--json"]) == 0
    return paths


def test_fresh_data_dir_is_built_with_progress_on_stderr(tmp_path, capsys) -> None:
    root = tmp_path / "fresh"
    assert main(["--data-dir", str(root), "search", "ISIL-K", "--json", "--limit", "3"]) == 0
    out, err = capsys.readouterr()
    hits = json.loads(out)
    assert 1 <= len(hits) <= 3
    for hit in hits:
        assert set(hit) == {"type", "id", "title", "score", "matches", "snippets"}
        assert isinstance(hit["snippets"], list) and all(
            isinstance(s, str) for s in hit["snippets"]
        )
    assert "library" in err and "indexing" in err
    assert (root / "index").is_dir() and (root / "library.sqlite3").is_file()


def test_alias_search_finds_documents_with_other_spellings(seeded, capsys) -> None:
    assert (
        main(["--data-dir", str(seeded.root), "search", "ISIL-K", "--json", "--limit", "50"]) == 0
    )
    hits = json.loads(capsys.readouterr().out)
    text = " ".join(s for hit in hits for s in hit["snippets"]) + " ".join(h["title"] for h in hits)
    assert "ISIL-K" not in text  # the seeds never write it...
    assert len(hits) >= 4  # ...yet every ISKP article is found
    assert any(spelling in text for spelling in ("IS-K", "Isis-K", "ISKP", "ISK"))


def test_no_results_is_exit_zero(seeded, capsys) -> None:
    assert main(["--data-dir", str(seeded.root), "search", "zzzyqx", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("query", ['"', "*", "()", "   "])
def test_unusable_query_is_exit_two_with_one_line(seeded, capsys, query: str) -> None:
    assert main(["--data-dir", str(seeded.root), "search", query]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    # One line about the query (an index rebuild notice may precede it if the
    # gazetteer changed since the index was built).
    lines = err.splitlines()
    assert lines[-1].startswith("briefreader: unusable query: ")
    assert all(line.startswith("briefreader: ") for line in lines)


def test_hostile_query_falls_back_and_says_so(seeded, capsys) -> None:
    assert main(["--data-dir", str(seeded.root), "search", "NOT NOT kabul", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) and "plain terms" in err


def test_text_output_shows_marks_in_brackets(seeded, capsys) -> None:
    assert main(["--data-dir", str(seeded.root), "search", "pine", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "matching document" in out and "[pine]" in out.lower()


def test_limit_must_be_positive(seeded, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(seeded.root), "search", "kabul", "--limit", "0"])
    assert caught.value.code == 2


def test_every_hit_has_a_type_and_a_match_count(seeded, capsys) -> None:
    assert main(["--data-dir", str(seeded.root), "search", "kabul", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all(h["type"] == "document" for h in hits)
    assert all(isinstance(h["matches"], int) and h["matches"] >= 1 for h in hits)


def test_a_note_hit_says_what_the_note_is_on_never_its_id(tmp_path, capsys) -> None:
    from briefreader.corpus.library import open_library
    from briefreader.store import NoteTarget, Store

    paths = DataPaths.at(tmp_path / "data")
    assert main(["--data-dir", str(paths.root), "search", "kabul", "--json"]) == 0
    capsys.readouterr()
    with open_library(paths, seed=False) as library:
        doc = library.documents()[0]
    with Store.open(paths) as store:
        store.save_note(NoteTarget.document(doc.id), "Zanzibarian lead: ask the desk on Monday.")
        store.save_note(NoteTarget.memo(), "Memo: the Zanzibarian question stays open.")
    assert main(["--data-dir", str(paths.root), "search", "zanzibarian", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    notes = {h["note"]["attached_to"]: h for h in hits if h["type"] == "note"}
    assert set(notes) == {"document", "memo"}
    assert notes["document"]["note"]["document_title"] == doc.title
    assert notes["document"]["title"].startswith("Zanzibarian lead")
    assert all(h["matches"] >= 1 for h in hits)
    assert main(["--data-dir", str(paths.root), "search", "zanzibarian"]) == 0
    out = capsys.readouterr().out
    assert f"Note: Zanzibarian lead: ask the desk on Monday.  (note on “{doc.title}”)" in out
    assert "(note on the free memo)" in out
    assert "note:" not in out and "(untitled)" not in out


@pytest.mark.parametrize(
    ("query", "says"),
    [("titl:china", "did you mean title:?"), ('"pine nuts', "never closed")],
)
def test_a_slip_in_the_query_is_said_not_answered_with_nothing(seeded, capsys, query, says):
    assert main(["--data-dir", str(seeded.root), "search", query]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert says in err and err.strip().startswith("briefreader: unusable query:")
