"""HTML to blocks with a real parser, and what the page says about itself.

Blocks (paragraphs, headings, list items, table cells) become separate
blocks, so the splitter sees the same shape it sees in a plain-text file.
Scripts, styles, navigation chrome and forms are dropped before any text is
read, and entities are decoded by the parser, never by string replacement.

Footnotes: a reference (`militants<sup><a href="#fn1">1</a></sup>`) becomes a
marker set apart from its word ("militants[1]"), and the notes themselves
(an element whose id, class or role says footnotes or endnotes, or notes
with ids such as `fn1`/`ftn1`) become footnote blocks, numbered.

A listing page (an archive, a topic page, a newsletter template) whose
posts sit in repeated containers becomes one piece per post, each with the
author, date and link its markup states (`listing.py`).

The head gives the metadata: the site's name, the canonical URL (or
og:url), the authors and the publication date (`dates.py` reads meta
tags, JSON-LD and `<time>`).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import replace

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.element import NavigableString, PageElement

from briefreader.corpus.dates import iso_date, jsonld_date, meta_date
from briefreader.corpus.decode import decode_bytes
from briefreader.corpus.formats.boilerplate import prune
from briefreader.corpus.formats.form import Block, BlockKind, Meta, Piece, Progress, Read
from briefreader.corpus.formats.listing import issue_date, listing_posts, single_post

_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "tr",
        "td",
        "th",
        "dd",
        "dt",
        "address",
        "hr",
        "ul",
        "ol",
        "dl",
        "body",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_WS = re.compile(r"[ \t\r\n\f\v]+")
_NOTES_CONTAINER = re.compile(r"foot-?notes?|end-?notes?|fn-?list", re.I)
_NOTE_ID = re.compile(r"^(?:fn|ftn|_ftn|footnote|endnote|en|note)[-_:]?(\d{1,3})$", re.I)
_REF_HREF = re.compile(r"^#(?:_?ftn|fn|footnote|endnote|en|note)[-_:]?\d", re.I)
_BACKLINK_HREF = re.compile(r"^#(?:_?ftnref|fnref|ref|footnote-ref|fnr)", re.I)
_MARKER = re.compile(r"^\[?(\d{1,3})\]?$")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)

#: "Headline | Site", "Headline - Site", "Headline — Site": the site is the short last part.
_TITLE_SITE = re.compile(r"\s[|–—-]\s(?P<site>[^|–—]{2,60})$")
_SITE_META = ("og:site_name", "application-name")


def declared_charset(data: bytes) -> str:
    """The charset an HTML page declares in its first few kilobytes, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else ""


def read(data: bytes, *, name: str = "", progress: Progress | None = None) -> Read:
    """One page to split: its blocks and what its head states."""
    decoded = decode_bytes(data, declared=declared_charset(data))
    soup = parse(decoded.text)
    meta = page_meta(soup)
    return Read(
        html_pieces(soup, meta),
        decoded.encoding,
        ("html-to-text",),
        decoded.warnings,
    )


def parse(html: str) -> BeautifulSoup:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html.replace("\x00", ""), "lxml")


def html_head(html: str) -> tuple[str, str]:
    """The page's title (without a trailing " | Site") and the site's name, either may be ""."""
    meta = page_meta(parse(html))
    return meta.fallback_title, meta.publisher


def page_meta(soup: BeautifulSoup) -> Meta:
    """What the page's head (and its `<time>` elements) state about it.

    The title stands in when the body names none; the site name is the
    publisher of a page that holds a single article and names no other.
    """
    metas = _metas(soup)
    node = soup.find("title")
    title = _WS.sub(" ", node.get_text()).strip() if node else ""
    site = next((metas[k] for k in _SITE_META if metas.get(k)), "")
    found = _TITLE_SITE.search(title)
    if found and len(found.group("site").split()) <= 5:
        tail = found.group("site").strip()
        if not site or tail == site:
            site = site or tail
            title = title[: found.start()].strip()
    scripts = [s.get_text() for s in soup.find_all("script", attrs={"type": "application/ld+json"})]
    date = meta_date(metas) or jsonld_date(scripts) or _time_date(soup)
    return Meta(
        authors=_authors(metas),
        publisher=site,
        date=date,
        url=_url(soup, metas),
        fallback_title=title,
    )


def _metas(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            found.setdefault(key.strip().lower(), _WS.sub(" ", content).strip())
    return found


def _time_date(soup: BeautifulSoup) -> str:
    """The first `<time>` marked as the publication time, else the only one on the page."""
    times = soup.find_all("time")
    for node in times:
        marks = " ".join([*(node.get("class") or []), str(node.get("itemprop") or "")])
        if re.search(r"publish|pubdate|entry-date|posted", marks, re.I) or node.has_attr("pubdate"):
            return iso_date(node.get("datetime") or node.get_text())
    if len(times) == 1:
        return iso_date(times[0].get("datetime") or times[0].get_text())
    return ""


def _authors(metas: dict[str, str]) -> tuple[str, ...]:
    for key in ("author", "article:author", "citation_author", "dc.creator", "parsely-author"):
        value = metas.get(key, "")
        if value and not value.startswith(("http://", "https://")):
            return tuple(a.strip() for a in re.split(r"\s*(?:;|,| and )\s*", value) if a.strip())
    return ()


def _url(soup: BeautifulSoup, metas: dict[str, str]) -> str:
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        if "canonical" in rel and str(link["href"]).startswith(("http://", "https://")):
            return str(link["href"]).strip()
    url = metas.get("og:url", "")
    return url if url.startswith(("http://", "https://")) else ""


def html_to_text(html: str) -> str:
    """The readable text of an HTML page, paragraphs separated by blank lines."""
    return "\n\n".join(block.text for block in html_blocks(parse(html)))


def html_blocks(soup: BeautifulSoup) -> list[Block]:
    """The page's blocks in reading order (the soup loses its dropped elements)."""
    _clean(soup)
    return _collect(soup)


def html_pieces(soup: BeautifulSoup, meta: Meta) -> tuple[Piece, ...]:
    """The page to split: one piece per post of a listing (`listing.py`), else the whole page.

    A post's own markup gives its authors, date and link; the page's
    publisher stands for all, and a date the file only carries (an
    e-mail's) dates a post that states none, after the issue line's.
    """
    _clean(soup)
    posts = listing_posts(soup)
    if not posts:
        if not meta.authors or not meta.date:
            stated = single_post(soup)
            meta = replace(
                meta, authors=meta.authors or stated.authors, date=meta.date or stated.date
            )
        return (Piece(tuple(_collect(soup)), meta, split=True),)
    issued = issue_date(posts[0].node) or meta.issued
    return tuple(
        Piece(
            tuple(_collect(post.node)),
            Meta(
                authors=post.authors,
                publisher=meta.publisher,
                date=post.date,
                file_date=meta.file_date,
                url=post.link,
                fallback_title=post.title,
                issued=issued,
            ),
            split=True,
        )
        for post in posts
    )


def _clean(soup: BeautifulSoup) -> None:
    for name in _DROP:
        for node in soup.find_all(name):
            node.decompose()
    prune(soup)


def _collect(node: Tag) -> list[Block]:
    collector = _Collector()
    collector.walk(node)
    collector.boundary()
    return collector.blocks


class _Collector:
    """Text between block boundaries becomes one block of the kind in force there.

    Inside one footnote everything is that note's text (its paragraphs
    joined), so a note written as `<li id="fn1"><p>…</p></li>` stays one note.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buffer: list[str] = []
        self._kinds: list[tuple[BlockKind, str, int, int]] = [("paragraph", "", 0, 0)]
        self._notes_depth = 0  # inside an element that holds the notes
        self._in_note = False
        self._notes = 0  # footnotes read so far, to number those that give no number

    def boundary(self) -> None:
        text = _WS.sub(" ", "".join(self._buffer)).strip()
        self._buffer.clear()
        if not text:
            return
        kind, link, number, level = self._kinds[-1]
        if kind == "footnote":
            number = number or self._notes + 1
            self._notes = number
            words = text.split()
            if words[0].strip("[].)") == str(number):
                words = words[1:]
            text = " ".join([str(number), *words])
        self.blocks.append(Block(kind, text, link=link, number=number, level=level))

    def walk(self, node: Tag) -> None:
        """Collect `node`'s text, depth first, without recursion.

        Pages can nest elements thousands deep (generated or hostile markup);
        a recursive walk stopped at about 330 levels with a RecursionError.
        Each open element's exit work waits on this stack instead.
        """
        stack: list[tuple[Tag, Iterator[PageElement], Callable[[], None] | None]] = [
            (node, iter(node.children), None)
        ]
        while stack:
            parent, children, leave = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if leave is not None:
                    leave()
            elif isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment, CDATA or doctype
                    self._buffer.append(str(child))
            elif isinstance(child, Tag):
                entered = self._enter(parent, child)
                if entered is not None:
                    stack.append((child, iter(child.children), entered))

    def _enter(self, parent: Tag, child: Tag) -> Callable[[], None] | None:
        """Start on `child`: None if its content is not read, else what to do after it."""
        if child.name == "br":
            self._buffer.append("\n" if parent.name == "pre" else " ")
            return None
        if child.name == "hr":  # a rule between stories, read as plain text's "* * *"
            self.boundary()
            self.blocks.append(Block("paragraph", "* * *"))
            return None
        if _is_backlink(child):
            return None
        marker = _reference_number(child)
        if marker:
            self._buffer.append(f"[{marker}]")
            return None
        if self._in_note:
            self._buffer.append(" ")
            return _nothing
        container = _is_notes_container(child)
        kind = self._kind_of(child)
        block = child.name in _BLOCKS or kind is not None or container
        note = kind is not None and kind[0] == "footnote"
        if block:
            self.boundary()
            self._kinds.append(kind or self._kinds[-1])
        self._notes_depth += container
        self._in_note = note

        def leave() -> None:
            self._in_note = False
            self._notes_depth -= container
            if block:
                self.boundary()
                self._kinds.pop()

        return leave

    def _kind_of(self, tag: Tag) -> tuple[BlockKind, str, int, int] | None:
        note = _NOTE_ID.match(str(tag.get("id") or ""))
        if note and tag.name in {"li", "p", "div", "aside"}:
            return ("footnote", "", int(note.group(1)), 0)
        if self._notes_depth and tag.name in {"li", "p"}:
            return ("footnote", "", 0, 0)
        if tag.name in _HEADINGS:
            return ("heading", _only_link(tag), 0, int(tag.name[1]))
        if tag.name == "figcaption":
            return ("caption", "", 0, 0)
        return None


def _nothing() -> None:
    """Nothing to do after an element inside a footnote (the note's state holds)."""


def _is_notes_container(tag: Tag) -> bool:
    if tag.name not in {"div", "section", "ol", "ul", "aside", "footer"}:
        return False
    role = str(tag.get("role") or "")
    if role in {"doc-endnotes", "doc-footnotes"}:
        return True
    names = " ".join([str(tag.get("id") or ""), *(tag.get("class") or [])])
    return bool(_NOTES_CONTAINER.search(names)) and bool(tag.find(["li", "p"]))


def _reference_number(tag: Tag) -> str:
    """The number of a footnote reference (`<sup><a href="#fn1">1</a></sup>`), else ""."""
    if tag.name not in {"sup", "a"}:
        return ""
    text = tag.get_text().strip()
    match = _MARKER.match(text)
    if not match:
        return ""
    anchor = tag if tag.name == "a" else tag.find("a")
    href = str(anchor.get("href") or "") if isinstance(anchor, Tag) else ""
    role = str(anchor.get("role") or "") if isinstance(anchor, Tag) else ""
    classes = " ".join(anchor.get("class") or []) if isinstance(anchor, Tag) else ""
    if (
        _REF_HREF.match(href)
        or role == "doc-noteref"
        or re.search(r"footnote|fnref|noteref", classes, re.I)
    ):
        return match.group(1)
    return ""


def _is_backlink(tag: Tag) -> bool:
    if tag.name != "a":
        return False
    href = str(tag.get("href") or "")
    text = tag.get_text().strip()
    return bool(_BACKLINK_HREF.match(href)) or (
        href.startswith("#") and text in {"↩", "↩︎", "^", "↑", "[return]"}
    )


def _only_link(tag: Tag) -> str:
    """Where a heading points when all of its text is one link (an archive's post title)."""
    anchors = tag.find_all("a", href=True)
    if len(anchors) != 1:
        return ""
    href = str(anchors[0]["href"]).strip()
    if not href.startswith(("http://", "https://")):
        return ""
    return href if anchors[0].get_text().strip() == tag.get_text().strip() else ""
