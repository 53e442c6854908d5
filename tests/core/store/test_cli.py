"""`briefreader notes` and `briefreader excerpts`, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys

from briefreader.app import main
from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.store import NoteTarget, Store


def workspace_args(paths: DataPaths) -> list[str]:
    """The options that open `paths` as a user would type them (team workspace or not)."""
    return ["--data-dir", str(paths.root)] + (
        ["--workspace", paths.workspace.conninfo] if paths.workspace else []
    )


def run(capsys, paths: DataPaths, *args: str) -> tuple[int, str, str]:
    status = main([*workspace_args(paths), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_empty_data_dir_lists_nothing_and_creates_nothing(tmp_path, capsys) -> None:
    paths = DataPaths.at(tmp_path / "fresh")
    assert run(capsys, paths, "notes")[:2] == (0, "no notes\n")
    assert run(capsys, paths, "excerpts", "--json")[:2] == (0, "[]\n")
    assert not paths.root.exists()


def test_notes_listing(data_paths: DataPaths, capsys) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.document("doc-a"), "line one\nline two\x1b[31m")
        store.save_note(NoteTarget.memo(), "the memo")
    status, out, _ = run(capsys, data_paths, "notes", "--json")
    notes = json.loads(out)
    assert status == 0
    assert all(n["target"]["title"] is None for n in notes)  # no library: no titles
    assert {(n["target"]["kind"], n["text"]) for n in notes} == {
        ("document", "line one\nline two\x1b[31m"),
        ("memo", "the memo"),
    }
    status, out, _ = run(capsys, data_paths, "notes")
    assert "a document not in the library" in out and "line one line two" in out
    assert "doc-a" not in out  # a content id means nothing to a reader
    assert "\x1b" not in out  # no terminal escapes from note text
    status, out, _ = run(capsys, data_paths, "notes", "--kind", "memo", "--json")
    assert [n["text"] for n in json.loads(out)] == ["the memo"]


def test_excerpts_listing_with_sources_and_flags(data_paths: DataPaths, capsys, tmp_path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Kabul attack claimed by ISKP\n\n"
        "Islamic State Khorasan Province claimed the attack in Kabul on Monday.\n\n"
        "The Taliban denied that security had failed.\n",
        encoding="utf-8",
    )
    with open_library(data_paths, seed=False) as library:
        library.import_paths([article])
        doc = library.documents()[0]
    body = doc.body
    quote = "The Taliban denied that security had failed."
    start = body.index(quote)
    with Store.open(data_paths) as store:
        good = store.excerpts.capture(doc.id, body, start, start + len(quote)).excerpt
        store.excerpts.set_priority([good.id])
        stale = store.excerpts.capture(doc.id, body + "\n\nAdded.", 0, 10).excerpt
        missing = store.excerpts.capture("not-in-library", "some other text", 0, 4).excerpt
        orphan = store.excerpts.capture("doc-x", "a quote that will vanish", 2, 20).excerpt
        store.excerpts.reanchor("doc-x", "entirely new words")
        store.save_note(NoteTarget.document(doc.id), "a note on the article")
    status, out, _ = run(capsys, data_paths, "notes", "--json")
    assert json.loads(out)[0]["target"]["title"] == doc.title
    assert doc.title[:20] in run(capsys, data_paths, "notes")[1]
    status, out, _ = run(capsys, data_paths, "excerpts", "--json")
    assert status == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[good.id]["flags"] == ["priority"]
    assert rows[good.id]["quote"] == quote
    assert rows[good.id]["source"]["title"] == doc.title
    assert rows[good.id]["source"]["doc_id"] == doc.id
    # paragraphs count from 1, as the window (¶ 2/5), the PDF's citations and links do
    assert rows[good.id]["source"]["paragraph"] == good.paragraph + 1 >= 1
    assert {"kind": "group", "canonical": "Taliban"} in rows[good.id]["entities"]
    assert rows[stale.id]["flags"] == ["stale"]
    assert rows[missing.id]["flags"] == ["missing"]
    assert rows[missing.id]["source"]["title"] is None
    assert rows[orphan.id]["flags"] == ["orphaned", "missing"]
    status, out, _ = run(capsys, data_paths, "excerpts")
    assert "priority" in out and doc.title[:20] in out and "The Taliban denied" in out
    status, out, _ = run(capsys, data_paths, "excerpts", "--orphaned", "--json")
    assert [r["id"] for r in json.loads(out)] == [orphan.id]
    status, out, _ = run(capsys, data_paths, "excerpts", "--entity", "Taliban", "--json")
    assert [r["id"] for r in json.loads(out)] == [good.id]
    table = run(capsys, data_paths, "excerpts")[1]
    for internal in (doc.id, "not-in-library", "doc-x"):
        assert internal not in table
    assert "(not in the library)" in table
    header = table.splitlines()[0].split()
    assert "id" not in header and header[:2] == ["#", "flags"]
    # --doc takes words of the title, in any case; a script's id still works
    for chosen in ("kabul ATTACK", doc.title, doc.id):
        status, out, _ = run(capsys, data_paths, "excerpts", "--doc", chosen, "--json")
        assert status == 0 and {r["id"] for r in json.loads(out)} == {good.id, stale.id}, chosen
    status, out, _ = run(capsys, data_paths, "excerpts", "--doc", "no such title")
    assert (status, out) == (
        0,
        "no excerpts from a document whose title contains “no such title”\n",
    )


def test_notes_name_what_they_are_on_in_words(data_paths: DataPaths, capsys) -> None:
    with Store.open(data_paths) as store:
        excerpt = store.excerpts.capture(
            "doc-a", "The Taliban denied that security had failed.", 0, 44
        ).excerpt
        store.briefings.create("weekly", title="The week")
        briefing = next(b for b in store.briefings.list() if b.name == "weekly")
        store.save_note(NoteTarget.excerpt(excerpt.id), "check the denial")
        store.save_note(NoteTarget.briefing(briefing.id), "send on Friday")
    status, out, _ = run(capsys, data_paths, "notes")
    assert status == 0
    assert "excerpt “The Taliban denied that" in out
    assert "briefing weekly" in out
    assert out.splitlines()[0].split()[:3] == ["attached", "to", "updated"]
    for internal in (f"excerpt {excerpt.id}", f"briefing {briefing.id}", "doc-a"):
        assert internal not in out


def test_listing_works_while_the_app_holds_the_store(data_paths: DataPaths) -> None:
    with Store.open(data_paths) as store:
        store.save_note(NoteTarget.memo(), "held")
        result = subprocess.run(
            [sys.executable, "-m", "briefreader", *workspace_args(data_paths), "notes"],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert "held" in result.stdout


def test_briefings_listing(data_paths: DataPaths, capsys) -> None:
    assert run(capsys, data_paths, "briefings")[1] == "no briefings\n"
    with Store.open(data_paths) as store:
        excerpt = store.excerpts.capture("doc-a", "The Taliban denied it.", 0, 11).excerpt
        store.briefings.create("weekly", title="The week", marking="SECRET")
        store.briefings.add("weekly", [excerpt.id])
    status, out, _ = run(capsys, data_paths, "briefings", "--json")
    assert status == 0
    [row] = json.loads(out)
    assert (row["name"], row["title"], row["marking"], row["excerpts"]) == (
        "weekly",
        "The week",
        "SECRET",
        1,
    )
    assert "weekly" in run(capsys, data_paths, "briefings")[1]
