"""Feeds: one document per entry, with title, link, date and author; OPML lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.corpus.errors import Rejected
from briefreader.corpus.library import Library
from briefreader.corpus.parse import parse_bytes
from tests.fixtures.feeds import Entry, atom, many, prose, rss


@pytest.mark.parametrize(
    ("write", "date"),
    [(rss, "Mon, 08 Nov 2021 23:30:00 -0500"), (atom, "2021-11-08T23:30:00-05:00")],
    ids=["rss", "atom"],
)
def test_each_entry_is_a_document_with_its_title_link_date_and_author(write, date: str) -> None:
    entries = [
        Entry("a1", "ISKP claims Kunduz mosque bombing", prose(1), date, "Bill Roggio"),
        Entry("a2", "Taliban raid a hideout in Nangarhar", prose(2), date),
    ]
    parsed = parse_bytes(write("Threat Monitor", entries), fmt="feed", name="monitor.xml")
    first, second = parsed.documents
    assert first.title == "ISKP claims Kunduz mosque bombing"
    assert first.url.endswith("/a1")
    assert first.author == "Bill Roggio"
    assert first.publisher == "Threat Monitor"
    # The date the entry states, in its own time zone (UTC would say the 9th).
    assert first.date == "2021-11-08"
    assert first.paragraphs == prose(1)
    assert first.file_name == second.file_name == "monitor.xml"
    assert second.title == "Taliban raid a hideout in Nangarhar" and second.author == ""


def test_reimporting_a_grown_feed_adds_only_the_new_entries(
    tmp_path: Path, library: Library
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    feed = inbox / "monitor.rss"
    feed.write_bytes(rss("Threat Monitor", many(5)))
    assert len(library.import_paths([feed]).added) == 5
    # The next day: two new entries on top, the oldest dropped off the end.
    feed.write_bytes(rss("Threat Monitor", many(5, start=2)))
    again = library.import_paths([feed])
    assert len(again.added) == 2 and not again.new_versions
    assert len(library.documents()) == 7  # what the feed no longer carries stays
    # The same feed saved under another name with an entry corrected.
    edited = many(5, start=2)
    edited[0] = Entry(
        edited[0].guid, edited[0].title, (*edited[0].paragraphs, "Update: two arrests.")
    )
    (inbox / "monitor-copy.rss").write_bytes(rss("Threat Monitor", edited))
    third = library.import_paths([inbox / "monitor-copy.rss"])
    assert not third.added and len(third.new_versions) == 1
    assert len(library.documents()) == 7


def test_a_large_feed_imports_with_progress(tmp_path: Path, library: Library) -> None:
    feed = tmp_path / "big.xml"
    feed.write_bytes(rss("Threat Monitor", many(1500)))
    steps: list[str] = []
    report = library.import_paths([feed], progress=lambda d, t, name: steps.append(name))
    assert len(report.added) == 1500
    assert "big.xml, 1,500/1,500" in steps and "big.xml, 100/1,500" in steps


def test_entries_without_text_are_left_out_and_a_feed_of_none_is_refused() -> None:
    entries = [Entry("x", "Only a title", ()), *many(2)]
    parsed = parse_bytes(rss("M", entries), fmt="feed")
    assert len(parsed.documents) == 2
    assert parsed.warnings == ("1 feed entry without text left out",)
    with pytest.raises(Rejected, match="none with any text"):
        parse_bytes(rss("M", [Entry("x", "Only a title", ())]), fmt="feed")
    with pytest.raises(Rejected, match="not a feed"):
        parse_bytes(b"<?xml version='1.0'?><catalogue><book/></catalogue>", fmt="feed")


def test_an_opml_list_names_its_feeds() -> None:
    opml = (
        b"<?xml version='1.0'?><opml version='2.0'><head><title>Sahel sources</title></head>"
        b"<body><outline text='Sahel'><outline text='Menastream' type='rss' "
        b"xmlUrl='https://menastream.example/feed' htmlUrl='https://menastream.example'/>"
        b"<outline text='Critical Threats' type='rss' xmlUrl='https://ct.example/rss'/>"
        b"</outline></body></opml>"
    )
    parsed = parse_bytes(opml, fmt="feed", name="sources.opml")
    (doc,) = parsed.documents
    assert doc.title == "Sahel sources"
    assert doc.paragraphs == (
        "Menastream: https://menastream.example/feed (https://menastream.example)",
        "Critical Threats: https://ct.example/rss",
    )
    assert "does not fetch from the web" in parsed.warnings[0]


def test_html_titles_read_as_text_and_atom_entries_inherit_the_feeds_author() -> None:
    atom = (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>Sahel Blog</title><author><name>A\xc3\xafcha Diallo</name></author>"
        b'<entry><title type="html">Djibo &amp;amp; the &lt;em&gt;blockade&lt;/em&gt;</title>'
        b'<link rel="alternate" href="https://example.org/djibo"/><id>tag:x,2021:1</id>'
        b"<updated>2021-11-07T10:00:00Z</updated><summary>Residents of Djibo say the blockade "
        b"has tightened since October, with convoys attacked on every road.</summary></entry>"
        b"<entry><title>Convoys</title><author><name>Omar Said</name></author>"
        b'<link href="https://example.org/c"/><id>tag:x,2021:2</id>'
        b"<updated>2021-11-08T10:00:00Z</updated><summary>The army says convoys will resume "
        b"next week under escort, though drivers doubt it.</summary></entry></feed>"
    )
    docs = parse_bytes(atom, fmt="feed", name="sahel.atom").documents
    assert [(d.title, d.author) for d in docs] == [
        ("Djibo & the blockade", "Aïcha Diallo"),
        ("Convoys", "Omar Said"),
    ]
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Long War Journal</title>'
        b"<managingEditor>ed@example.org (Jane Editor)</managingEditor>"
        b"<item><title>Courts in Jilib</title><link>https://example.org/a</link>"
        b"<description>Traders say the courts now settle most land disputes.</description>"
        b"</item></channel></rss>"
    )
    (doc,) = parse_bytes(rss, fmt="feed", name="lwj.xml").documents
    assert doc.author == ""  # a channel's managing editor wrote no entry
