"""briefreader:// links, export titles and output file names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefreader.entities import find_mentions
from briefreader.export.links import (
    DocumentLink,
    LinkError,
    doc_link,
    link_key,
    parse_link,
    resolve,
)
from briefreader.export.naming import DestinationError, destination, query_title, slug


def test_a_link_round_trips_by_a_public_key_never_the_internal_id() -> None:
    doc_id = "0b0ad669fe4e6766"
    url = doc_link(doc_id, 12)
    key = link_key(doc_id)
    assert url == f"briefreader://doc/{key}#p12"
    assert doc_id not in url and re.fullmatch(r"[a-z2-7]{12}", key)
    assert not re.search(r"\b[0-9a-f]{16}\b", url)
    assert link_key(doc_id) == key  # stable: the same document, the same link, anywhere
    assert parse_link(url) == DocumentLink(key, 12)
    others = [f"{n:016x}" for n in range(2000)]
    assert resolve(parse_link(url), [*others, doc_id]) == doc_id
    assert resolve(DocumentLink(doc_id), [doc_id]) == doc_id  # links made before keys
    assert resolve(DocumentLink("abcdefghijkl"), others) is None
    assert len({link_key(o) for o in others}) == len(others)
    assert parse_link("  BRIEFREADER://doc/abc/ ") == DocumentLink("abc", None)
    assert DocumentLink("abc", 3).url == "briefreader://doc/abc#p3"


@pytest.mark.parametrize(
    "url",
    [
        "https://doc/abc#p1",
        "briefreader://note/abc",
        "briefreader://doc/",
        "briefreader://doc/abc#12",
        "briefreader://doc/abc#p0",
        "briefreader://doc/abc#p1x",
        "briefreader://doc/..%2Fetc#p1",
        "briefreader://doc/a b",
        "",
    ],
)
def test_anything_else_is_refused_with_what_a_link_looks_like(url: str) -> None:
    with pytest.raises(LinkError, match=r"briefreader://doc/<document>#p<paragraph>"):
        parse_link(url)


def test_a_link_carries_only_plain_ids() -> None:
    with pytest.raises(LinkError):
        doc_link("../../etc/passwd")


def test_a_query_title_names_what_the_query_asks_about() -> None:
    assert query_title("ISKP", find_mentions) == (
        "Islamic State Khorasan Province: what the sources report"
    )
    assert query_title("group:ISKP AND country:Pakistan", find_mentions) == (
        "Islamic State Khorasan Province and Pakistan: what the sources report"
    )
    assert query_title("pine  nuts", find_mentions) == "“pine nuts”: what the sources report"


def test_slug() -> None:
    assert slug("Islamic State Khorasan Province: what…") == "islamic-state-khorasan-province-what"
    assert slug("«»") == "briefing"
    assert len(slug("x" * 200)) == 60


def test_destination_rules(tmp_path: Path) -> None:
    made = destination(None, None, "ISKP: a title", tmp_path)
    assert (made.path, made.format, made.note) == (tmp_path / "iskp-a-title.pdf", "pdf", "")
    assert destination(None, "md", "T", tmp_path).path == tmp_path / "t.md"
    assert destination(tmp_path / "a.DOCX", None, "T", tmp_path).format == "docx"
    assert destination(tmp_path / "a.markdown", None, "T", tmp_path).format == "md"
    assert destination(tmp_path / "a.pdf", "pdf", "T", tmp_path).path == tmp_path / "a.pdf"
    added = destination(tmp_path / "weekly", "docx", "T", tmp_path)
    assert added.path == tmp_path / "weekly.docx" and "writing weekly.docx" in added.note
    odd = destination(tmp_path / "report.v2", None, "T", tmp_path)
    assert odd.path == tmp_path / "report.v2.pdf" and odd.format == "pdf"
    with pytest.raises(DestinationError, match=r"ends in \.pdf but the format asked for is docx"):
        destination(tmp_path / "a.pdf", "docx", "T", tmp_path)
