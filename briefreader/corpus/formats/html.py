"""HTML to blocks with a real parser, and what the page says about itself.

Blocks (paragraphs, headings, list items, table cells) become separate
blocks, so the splitter sees the same shape it sees in a plain-text file.
Scripts, styles, navigation chrome and forms are dropped before any text is
read, and entities are decoded by the parser, never by string replacement.

Footnotes become markers set apart from their word and numbered footnote
blocks (`html_blocks.py`, which walks the element tree).

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
from dataclasses import replace

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

from briefreader.corpus.dates import iso_date, jsonld_date, meta_date
from briefreader.corpus.decode import decode_bytes
from briefreader.corpus.formats.boilerplate import prune
from briefreader.corpus.formats.form import Block, Meta, Piece, Progress, Read
from briefreader.corpus.formats.html_blocks import collect_blocks
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
_WS = re.compile(r"[ \t\r\n\f\v]+")
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
    return collect_blocks(soup)


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
        return (Piece(tuple(collect_blocks(soup)), meta, split=True),)
    issued = issue_date(posts[0].node) or meta.issued
    return tuple(
        Piece(
            tuple(collect_blocks(post.node)),
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
