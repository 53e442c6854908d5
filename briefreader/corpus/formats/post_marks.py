"""What a post's markup says about it: its date, its authors, the block that holds them.

Read from a post of a listing page or from a one-article page
(`listing.py`): the date from a `<time>` marked published (or the first
that is not an update time), `itemprop=datePublished`, or a short element
whose class names a date; the authors from `rel=author`,
`itemprop=author`, h-card `p-author`, `vcard fn`, or a short element whose
class names an author or byline, never inside replies, comments or related
posts. Every mark is gathered in one pass over the post's elements, as
bs4's searches are slow on long pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import Tag

from briefreader.corpus.byline import byline_author
from briefreader.corpus.dates import find_date, iso_date

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DATE_CLASS = re.compile(
    r"(?:^|[-_])(?:date|dates|time|timestamp|published|posted-on|dt)(?:$|[-_])", re.IGNORECASE
)
#: A class naming an author or byline, as a whole word of it ("post-card-byline-content").
_AUTHOR_CLASS = re.compile(
    r"(?:^|[-_])(?:author|authors|byline|by-line|writer|contributor|contributors)(?:$|[-_])",
    re.IGNORECASE,
)
_NOT_AUTHOR_CLASS = re.compile(r"avatar|image|photo|img|bio|box|description|about", re.I)
#: Where a date or a reading time starts in a byline ("Hodan Warsame Feb 3, 2022 • 4 min").
_DATE_START = re.compile(
    r"\s(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)|\s[|·•]"
)
_META_WORDS = 30  # a block of post metadata is short
_ASIDE_NAMES = re.compile(r"comment|repl(?:y|ies)|respon|related|discussion|disqus")


@dataclass(slots=True)
class Marks:
    """What a post's markup marks, gathered in one pass (bs4's searches are slow)."""

    heading: Tag | None = None
    times: list[Tag] = field(default_factory=list)
    published: Tag | None = None  # itemprop=datePublished
    dated: list[Tag] = field(default_factory=list)  # a class naming a date
    authors: list[Tag] = field(default_factory=list)  # author marks, outermost, no replies


def marks_of(node: Tag) -> Marks:
    marks = Marks()
    for element in node.descendants:
        if not isinstance(element, Tag):
            continue
        if element.name in HEADINGS:
            marks.heading = marks.heading or element
            continue
        if element.name == "time":
            marks.times.append(element)
        itemprop = str(element.get("itemprop") or "")
        if marks.published is None and itemprop.lower() == "datepublished":
            marks.published = element
        classes = element.get("class") or []
        if classes and _DATE_CLASS.search(" ".join(classes)):
            marks.dated.append(element)
        if author_mark(element):
            marks.authors.append(element)
    marks.authors = _outermost_authors(marks.authors, node)
    return marks


def post_date(marks: Marks) -> tuple[str, Tag | None]:
    """The post's publication date as its markup states it, and the element stating it."""
    for time in marks.times:
        names = " ".join([*(time.get("class") or []), str(time.get("itemprop") or "")]).lower()
        found = iso_date(time.get("datetime") or time.get_text())
        if found and re.search(r"publish|pubdate|dt-published|entry-date|posted", names):
            return found, time
    for time in marks.times:
        names = " ".join(time.get("class") or []).lower()
        if "updated" in names or "modified" in names:
            continue
        if found := iso_date(time.get("datetime") or time.get_text()):
            return found, time
    stated = marks.published
    if stated is not None:
        found = iso_date(stated.get("content") or stated.get("datetime") or stated.get_text())
        if found:
            return found, stated
    for element in marks.dated:
        text = element.get_text(" ", strip=True)
        if len(text.split()) <= 12 and (found := find_date(text)):
            return found, element
    return "", None


def author_mark(element: Tag) -> bool:
    """`rel=author`, `itemprop=author`, a class naming an author or byline, a vCard's name."""
    classes = element.get("class") or []
    return (
        "author" in (element.get("rel") or [])
        or element.get("itemprop") == "author"
        or any(_AUTHOR_CLASS.search(c) and not _NOT_AUTHOR_CLASS.search(c) for c in classes)
        or ("fn" in classes and element.find_parent(class_="vcard") is not None)
    )


def _outermost_authors(marked: list[Tag], node: Tag) -> list[Tag]:
    found: list[Tag] = []
    for element in marked:
        if any(parent is e for parent in element.parents for e in found):
            continue
        if not any(_aside(parent) for parent in _up_to(element, node)):
            found.append(element)
    return found


def _up_to(element: Tag, top: Tag) -> list[Tag]:
    """`element` and its ancestors below `top`."""
    chain = [element]
    for parent in element.parents:
        if parent is top:
            break
        chain.append(parent)
    return chain


def _aside(tag: Tag) -> bool:
    """Replies, comments and related posts: their authors are not the article's."""
    names = " ".join([str(tag.get("id") or ""), *(tag.get("class") or [])]).lower()
    return bool(_ASIDE_NAMES.search(names))


def post_authors(marked: list[Tag]) -> tuple[tuple[str, ...], list[Tag]]:
    names: list[str] = []
    nodes: list[Tag] = []
    for element in marked:
        text = " ".join(element.get_text(" ", strip=True).split())
        if not text or len(text.split()) > 12:
            continue  # an author box with a bio is text, not a byline
        found = _names(element, text)
        if found:
            names.extend(n for n in found if n not in names)
            nodes.append(element)
    return tuple(names), nodes


def _names(element: Tag, text: str) -> list[str]:
    """The names an author element gives: its schema.org names, its links, else its text."""
    parts = [
        " ".join(part.get_text(" ", strip=True).split())
        for part in element.find_all(attrs={"itemprop": "name"}) or element.find_all("a")
    ]
    if element.get("itemprop") == "name" or (element.name == "a" and not parts):
        parts = [text]
    names = [n for part in parts if (n := _as_byline(part))]
    if names:
        return [name for found in names for name in found.split(", ")]
    found = _as_byline(text[: m.start()] if (m := _DATE_START.search(text)) else text)
    return found.split(", ") if found else []


def _as_byline(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    lead = re.match(r"(?i)^(?:by|posted by|written by|words by|author:)\b", text)
    return byline_author(text if lead else f"By {text}")


def meta_block(element: Tag, post: Tag) -> Tag | None:
    """The largest short block around `element` inside `post` holding no heading."""
    block: Tag | None = None
    current: Tag | None = element
    while current is not None and current is not post:
        if current.name in HEADINGS or len(current.get_text(" ", strip=True).split()) > _META_WORDS:
            break
        if current.find(HEADINGS) is not None:
            break
        block = current
        current = current.parent
    return block
