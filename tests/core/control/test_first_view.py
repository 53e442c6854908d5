"""The document the window reopens on keeps its mentions for the next start's first paint."""

from __future__ import annotations

import json
import os
from dataclasses import replace

from briefreader.control.first_view import (
    FILE_NAME,
    FirstView,
    matcher_key,
    read_first_view,
    save_first_view,
)
from briefreader.domain import Document
from briefreader.entities import find_mentions
from briefreader.paths import DataPaths

BODY = (
    "The Islamic State Khorasan Province claimed the attack.\n\n"
    "Pakistan blamed Tehrik-i-Taliban Pakistan; ISIS-K denied it."
)
TITLE = "ISKP and the Taliban in Kabul"
STANDFIRST = "Why China worries about Afghanistan"


def _doc(body: str = BODY) -> Document:
    return Document(id="doc-1", title=TITLE, standfirst=STANDFIRST, body=body, source="report.txt")


def _keep(data_paths: DataPaths, doc: Document) -> FirstView:
    save_first_view(
        data_paths, doc, find_mentions(doc.body), [doc.title, "", doc.standfirst], find_mentions
    )
    view = read_first_view(data_paths)
    assert view is not None
    return view


def test_the_kept_view_finds_what_the_matcher_found_in_each_text(data_paths: DataPaths) -> None:
    doc = _doc()
    view = _keep(data_paths, doc)
    assert view.knows(doc)
    for text in (doc.body, doc.title, doc.standfirst):
        assert view.find(text) == find_mentions(text), text
    assert {m.canonical for m in view.find(doc.body)} >= {
        "Islamic State Khorasan Province",
        "Pakistan",
    }
    assert view.find("Hamas and Hezbollah in Lebanon") == []  # a text it never saw
    assert view.find("") == []


def test_another_document_or_an_edited_text_is_not_known(data_paths: DataPaths) -> None:
    doc = _doc()
    view = _keep(data_paths, doc)
    assert not view.knows(replace(doc, id="doc-2"))
    edited = _doc(BODY.replace("claimed", "denied"))
    assert not view.knows(edited)
    assert view.find(edited.body) == []
    assert not view.knows(_doc(BODY[:20]))


def test_an_edited_gazetteer_makes_the_kept_view_stale(data_paths: DataPaths) -> None:
    doc = _doc()
    _keep(data_paths, doc)
    before = matcher_key(data_paths)
    data_paths.user_gazetteer.write_text('[[group]]\nname = "Example Front"\n', encoding="utf-8")
    assert matcher_key(data_paths) != before
    assert read_first_view(data_paths) is None
    _keep(data_paths, doc)
    stat = data_paths.user_gazetteer.stat()  # the same size, touched: edited all the same
    os.utime(data_paths.user_gazetteer, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert read_first_view(data_paths) is None


def test_a_damaged_file_is_no_view(data_paths: DataPaths) -> None:
    doc = _doc()
    _keep(data_paths, doc)
    path = data_paths.cache_dir / FILE_NAME
    good = json.loads(path.read_text(encoding="utf-8"))
    sha = next(iter(good["found"]))
    bad_rows = (
        [[5, 2, "group", "ISKP", "x"]],  # ends before it starts
        [[0, 5, "person", "ISKP", "x"]],  # not a kind the matcher finds
        [[0, 5, "group", "ISKP"]],  # a field missing
        [["0", 5, "group", "ISKP", "x"]],
        "not a list",
        None,
    )
    for rows in bad_rows:
        path.write_text(json.dumps({**good, "found": {sha: rows}}), encoding="utf-8")
        assert read_first_view(data_paths) is None, rows
    for found in ([], "x", None):
        path.write_text(json.dumps({**good, "found": found}), encoding="utf-8")
        assert read_first_view(data_paths) is None, found
    for text in ("", "{", "[]", "null", '{"doc_id": "doc-1"}'):
        path.write_text(text, encoding="utf-8")
        assert read_first_view(data_paths) is None, text
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert read_first_view(data_paths) is None


def test_a_span_beyond_the_text_is_never_returned(data_paths: DataPaths) -> None:
    doc = _doc()
    view = _keep(data_paths, doc)
    sha = next(k for k, v in view.found.items() if v and v[0].surface in TITLE)
    far = view.found[sha][0]._replace(start=len(TITLE) + 5, end=len(TITLE) + 9)
    damaged = FirstView(view.doc_id, view.key, {**view.found, sha: (far,)})
    assert damaged.find(TITLE) == []


def test_saving_never_raises_and_leaves_no_temporary_file(data_paths: DataPaths) -> None:
    doc = _doc()
    _keep(data_paths, doc)
    assert [p.name for p in data_paths.cache_dir.iterdir()] == [FILE_NAME]
    data_paths.cache_dir.joinpath(FILE_NAME).unlink()
    data_paths.cache_dir.rmdir()
    data_paths.cache_dir.write_text("a file where the folder should be", encoding="utf-8")
    save_first_view(data_paths, doc, find_mentions(doc.body), [], find_mentions)  # swallowed
    assert read_first_view(data_paths) is None
