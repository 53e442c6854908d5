"""An HTML element tree walked into blocks: paragraphs, headings, captions, footnotes.

Text between block boundaries becomes one block of the kind in force there.
Footnotes: a reference (`militants<sup><a href="#fn1">1</a></sup>`) becomes a
marker set apart from its word ("militants[1]"), and the notes themselves (an
element whose id, class or role says footnotes or endnotes, or notes with ids
such as `fn1`/`ftn1`) become footnote blocks, numbered.

The walk keeps its own stack instead of recursing: pages can nest elements
thousands deep (generated or hostile markup), and a recursive walk stopped at
about 330 levels with a RecursionError.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bs4 import Tag
from bs4.element import NavigableString, PageElement

from briefreader.corpus.formats.form import Block, BlockKind

_WS = re.compile(r"[ \t\r\n\f\v]+")
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
_NOTES_CONTAINER = re.compile(r"foot-?notes?|end-?notes?|fn-?list", re.I)
_NOTE_ID = re.compile(r"^(?:fn|ftn|_ftn|footnote|endnote|en|note)[-_:]?(\d{1,3})$", re.I)
_REF_HREF = re.compile(r"^#(?:_?ftn|fn|footnote|endnote|en|note)[-_:]?\d", re.I)
_BACKLINK_HREF = re.compile(r"^#(?:_?ftnref|fnref|ref|footnote-ref|fnr)", re.I)
_MARKER = re.compile(r"^\[?(\d{1,3})\]?$")


def collect_blocks(node: Tag) -> list[Block]:
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
