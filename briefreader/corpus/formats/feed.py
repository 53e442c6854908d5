"""RSS and Atom feed files (feedparser), and OPML subscription lists.

Each entry of a feed is one document: its title, its link (the document's
URL), its date and author as the entry states them, and its content (or its
summary) cleaned as a web page is. The feed's title is the publisher, unless
the entry names its own source (an aggregator's feed). Re-importing a feed
that has grown adds only the entries that are new: an entry already in the
library has the same content and so the same id, and an entry whose text
changed becomes a new version of the one with the same link (the importer
matches documents by URL).

A title marked as HTML (Atom's type="html", "Djibo &amp;amp; the
blockade") is read as the text it shows ("Djibo & the blockade"). An Atom
entry without an author has its feed's (RFC 4287 4.2.1); an RSS channel's
managing editor is no entry's author.

The date is read from the entry's own text ("Mon, 08 Nov 2021 23:30 +0430"),
in the time zone it was written in; feedparser's parsed time is UTC and can
fall on the next day, so it only stands in when the text cannot be read.

An OPML file lists feeds; briefreader does not fetch from the web, so the
list becomes one document naming each feed with its address, and a warning
says the entries themselves come from importing the saved feed files.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from briefreader.corpus.dates import rfc2822_date, struct_date
from briefreader.corpus.errors import Rejected
from briefreader.corpus.formats.form import Block, Meta, Piece, Progress, Read
from briefreader.corpus.formats.html import html_blocks, parse

_OPML = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<opml\b", re.S)
_TAGS = re.compile(r"<[a-zA-Z/!]")


def read(data: bytes, *, name: str = "", progress: Progress | None = None) -> Read:
    if _OPML.match(data.lstrip(b"\xef\xbb\xbf")):
        return _opml(data)
    import feedparser  # only when a feed comes

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version"):
        raise Rejected("not a feed: neither RSS nor Atom could be read in it")
    if not parsed.entries:
        raise Rejected("a feed with no entries")
    feed = parsed.feed
    publisher = _title(feed)
    atom = str(parsed.get("version", "")).startswith("atom")
    inherited = _authors(feed) if atom else []
    entries = parsed.entries
    found: list[Piece] = []
    for number, entry in enumerate(entries, 1):
        if (piece := _entry(entry, publisher, inherited)) is not None:
            found.append(piece)
        if progress is not None and (number % 100 == 0 or number == len(entries)):
            progress(number, len(entries))
    pieces = tuple(found)
    if not pieces:
        raise Rejected(f"a feed of {len(parsed.entries)} entries, none with any text")
    warnings = ()
    skipped = len(parsed.entries) - len(pieces)
    if skipped:
        warnings = (f"{skipped} feed entr{'y' if skipped == 1 else 'ies'} without text left out",)
    return Read(pieces, "utf-8", (f"feed:{parsed.get('version') or 'feed'}",), warnings)


def _entry(entry: Any, publisher: str, inherited: list[str]) -> Piece | None:
    content = entry.get("content") or []
    html = max((c.get("value", "") for c in content), key=len, default="") or entry.get(
        "summary", ""
    )
    blocks = _blocks(html)
    title = _title(entry)
    if not blocks:
        return None  # a title alone is a link, not a document
    source = entry.get("source") or {}
    authors = _authors(entry) or inherited
    date = (
        rfc2822_date(entry.get("published", ""))
        or rfc2822_date(entry.get("updated", ""))
        or struct_date(entry.get("published_parsed"))
        or struct_date(entry.get("updated_parsed"))
    )
    link = entry.get("link", "")
    meta = Meta(
        title=title,
        authors=tuple(a for a in authors if a),
        publisher=_title(source) or publisher,
        date=date,
        url=link if link.startswith(("http://", "https://")) else "",
    )
    return Piece(tuple(blocks), meta)


def _authors(item: Any) -> list[str]:
    authors = [_clean(a.get("name", "")) for a in item.get("authors") or [] if a.get("name")]
    if not authors and item.get("author"):
        authors = [_clean(item["author"])]
    return [a for a in authors if a]


def _title(item: Any) -> str:
    """An entry's or a feed's title as text, whether the feed marked it as text or HTML."""
    title = str(item.get("title", ""))
    kind = (item.get("title_detail") or {}).get("type", "")
    if kind in {"text/html", "application/xhtml+xml"}:
        title = unescape(re.sub(r"<[^>]*>", "", title))
    return _clean(title)


def _blocks(html: str) -> list[Block]:
    if not html.strip():
        return []
    if not _TAGS.search(html):  # plain text in an RSS description
        return [Block("paragraph", p) for p in re.split(r"\n\s*\n", html) if p.strip()]
    return html_blocks(parse(html))


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _opml(data: bytes) -> Read:
    from lxml import etree

    try:
        root = etree.fromstring(
            data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        )
    except etree.XMLSyntaxError as error:
        raise Rejected(f"damaged OPML list: {error}") from None
    title = _clean(root.findtext("head/title") or "") or "Feed list"
    feeds: list[Block] = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or ""
        label = _clean(outline.get("title") or outline.get("text") or "")
        site = outline.get("htmlUrl") or ""
        if url:
            about = f" ({site})" if site else ""
            feeds.append(Block("paragraph", f"{label or url}: {url}{about}"))
    if not feeds:
        raise Rejected("an OPML list that names no feeds")
    warning = (
        f"OPML list of {len(feeds)} feed(s): briefreader does not fetch from the web; "
        "import the saved feed files for their entries"
    )
    return Read((Piece(tuple(feeds), Meta(title=title)),), "utf-8", ("opml",), (warning,))
