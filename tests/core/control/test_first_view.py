"""The document the window reopens on keeps its mentions for the next start's first paint."""

from __future__ import annotations

import json
import os
from dataclasses import replace

from briefreader.control.first_view import (
    FILE_NAME,
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


def _doc(body: str = BODY) -> Document:
    return Document(id="doc-1", title="An attack", body=body, source="report.txt")


def test_the_kept_mentions_come_back_for_the_same_text(data_paths: DataPaths) -> None:
    doc = _doc()
    found = find_mentions(doc.body)
    assert {m.canonical for m in found} >= {"Islamic State Khorasan Province", "Pakistan"}
    save_first_view(data_paths, doc, found)
    view = read_first_view(data_paths)
    assert view is not None
    assert view.mentions_for(doc) == tuple(found)


def test_another_document_or_an_edited_text_gets_none(data_paths: DataPaths) -> None:
    doc = _doc()
    save_first_view(data_paths, doc, find_mentions(doc.body))
    view = read_first_view(data_paths)
    assert view is not None
    assert view.mentions_for(replace(doc, id="doc-2")) is None
    assert view.mentions_for(_doc(BODY.replace("claimed", "denied"))) is None
    assert view.mentions_for(_doc(BODY[:20])) is None


def test_an_edited_gazetteer_makes_the_kept_view_stale(data_paths: DataPaths) -> None:
    doc = _doc()
    save_first_view(data_paths, doc, find_mentions(doc.body))
    before = matcher_key(data_paths)
    data_paths.user_gazetteer.write_text('[[group]]\nname = "Example Front"\n', encoding="utf-8")
    assert matcher_key(data_paths) != before
    assert read_first_view(data_paths) is None
    save_first_view(data_paths, doc, find_mentions(doc.body))
    assert read_first_view(data_paths) is not None
    stat = data_paths.user_gazetteer.stat()  # the same size, touched: edited all the same
    os.utime(data_paths.user_gazetteer, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert read_first_view(data_paths) is None


def test_a_damaged_file_is_no_view(data_paths: DataPaths) -> None:
    doc = _doc()
    save_first_view(data_paths, doc, find_mentions(doc.body))
    path = data_paths.cache_dir / FILE_NAME
    good = json.loads(path.read_text(encoding="utf-8"))
    bad_rows = (
        [[5, 2, "group", "ISKP", "x"]],  # ends before it starts
        [[0, 5, "person", "ISKP", "x"]],  # not a kind the matcher finds
        [[0, 5, "group", "ISKP"]],  # a field missing
        [["0", 5, "group", "ISKP", "x"]],
        "not a list",
    )
    for rows in bad_rows:
        path.write_text(json.dumps({**good, "mentions": rows}), encoding="utf-8")
        assert read_first_view(data_paths) is None, rows
    for text in ("", "{", "[]", "null", '{"doc_id": "doc-1"}'):
        path.write_text(text, encoding="utf-8")
        assert read_first_view(data_paths) is None, text
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert read_first_view(data_paths) is None


def test_saving_never_raises_and_leaves_no_temporary_file(data_paths: DataPaths) -> None:
    doc = _doc()
    save_first_view(data_paths, doc, find_mentions(doc.body))
    assert [p.name for p in data_paths.cache_dir.iterdir()] == [FILE_NAME]
    data_paths.cache_dir.joinpath(FILE_NAME).unlink()
    data_paths.cache_dir.rmdir()
    data_paths.cache_dir.write_text("a file where the folder should be", encoding="utf-8")
    save_first_view(data_paths, doc, find_mentions(doc.body))  # an OSError, swallowed
    assert read_first_view(data_paths) is None
