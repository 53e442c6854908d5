"""Word (.docx) files: one document, with headings, footnotes and endnotes.

python-docx opens the package, names each paragraph's style and reads the
core properties (author, created, title). The body is walked in order,
tables included, each row as one line with its cells apart ("Jilib | 120"):
"Title" and "Heading n" paragraphs are headings, "Caption" ones captions,
the rest paragraphs. python-docx does not read footnotes, so
`word/footnotes.xml` and `word/endnotes.xml` are read here: each note a
footnote block, and its reference in the text a marker set apart from the
word ("militants[1]"), footnotes and endnotes numbered in one sequence in the
order the text cites them.

A .docx is a zip: before anything is unpacked, the sizes its directory
declares are checked, so a zip bomb (a few kilobytes that unpack to
gigabytes) is refused in one line instead of filling the memory.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from briefreader.corpus.dates import datetime_date
from briefreader.corpus.errors import Rejected
from briefreader.corpus.formats.form import Block, BlockKind, Meta, Piece, Progress, Read

#: Unpacked, a Word file larger than this is not a document anyone wrote.
MAX_UNPACKED = 256 * 1024 * 1024
#: Nor is one that unpacks to more than this many times its packed size.
MAX_RATIO = 200
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The creation stamp of python-docx's blank template: a file made with it, its date
#: never set, says 23 December 2013, which is no date of the document's.
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)
_JUNK_AUTHORS = frozenset(
    {"", "python-docx", "user", "windows user", "microsoft office user", "admin", "author",
     "administrator", "owner", "unknown", "anonymous"}
)  # fmt: skip


def read(data: bytes, *, name: str = "", progress: Progress | None = None) -> Read:
    check_package(data)
    import docx  # python-docx pulls in lxml trees: only when a Word file comes

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises a zoo of errors on damaged files
        raise Rejected(f"damaged Word file: it cannot be read ({type(error).__name__})") from None
    notes = _notes(document)
    numbers: dict[tuple[str, str], int] = {}
    # Style ids are translated in a localised Word ("berschrift1"); names are not.
    styles = {style.style_id: (style.name or "").lower() for style in document.styles}
    blocks = [
        block for element in _body(document) for block in _blocks(element, styles, notes, numbers)
    ]
    ordered = sorted(numbers.items(), key=lambda item: item[1])
    blocks.extend(
        Block("footnote", f"{number} {notes[key]}", number=number)
        for key, number in ordered
        if notes.get(key)
    )
    if not any(block.text.strip() for block in blocks):
        raise Rejected("no text in the Word file")
    properties = document.core_properties
    author = (properties.author or "").strip()
    meta = Meta(
        authors=() if author.lower() in _JUNK_AUTHORS else (author,),
        file_date=(
            datetime_date(properties.created) if properties.created != _TEMPLATE_CREATED else ""
        ),
        fallback_title=(properties.title or "").strip(),
    )
    return Read((Piece(tuple(blocks), meta),), "docx", ("docx-text",))


def check_package(data: bytes) -> None:
    """Refuse a damaged zip, a zip that is no Word file, and a zip bomb."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise Rejected("damaged Word file: not a readable zip package") from None
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise Rejected("not a Word document (a zip without word/document.xml)")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * max(len(data), 1) + 10_000_000:
        raise Rejected(
            f"refused: the Word file would unpack to {unpacked / 1_048_576:,.0f} MB from "
            f"{len(data) / 1024:,.0f} KB (a zip bomb?); the limit is "
            f"{MAX_UNPACKED // 1_048_576} MB"
        )


def _body(document: Any) -> Iterator[Any]:
    """Paragraphs of the body in order, and each row of a table (as its `w:tr`)."""
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            yield element
        elif element.tag == f"{_W}tbl":
            yield from element.iter(f"{_W}tr")


def _blocks(
    element: Any,
    styles: dict[str, str],
    notes: dict[tuple[str, str], str],
    numbers: dict[tuple[str, str], int],
) -> list[Block]:
    if element.tag == f"{_W}tr":
        # A table row reads as one line, its cells apart: "Jilib | 120 cases".
        cells = [
            " ".join(t for p in cell.iter(f"{_W}p") if (t := _text(p, notes, numbers)))
            for cell in element.iterchildren(f"{_W}tc")
        ]
        text = " | ".join(c for c in cells if c)
        return [Block("paragraph", text)] if text else []
    text = _text(element, notes, numbers).strip()
    if not text:
        return []
    return [Block(_kind(styles.get(element.style or "", "")), text)]


def _kind(style: str) -> BlockKind:
    if style == "title" or style.startswith("heading"):
        return "heading"
    if style == "caption":
        return "caption"
    return "paragraph"


def _text(
    element: Any, notes: dict[tuple[str, str], str], numbers: dict[tuple[str, str], int]
) -> str:
    """A paragraph's text with note references as "[n]" markers."""
    out: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{_W}t" and node.text:
            out.append(node.text)
        elif tag in {f"{_W}tab", f"{_W}br", f"{_W}cr"}:
            out.append(" ")
        elif tag in {f"{_W}footnoteReference", f"{_W}endnoteReference"}:
            kind = "foot" if tag.endswith("footnoteReference") else "end"
            key = (kind, str(node.get(f"{_W}id")))
            if key in notes:
                number = numbers.setdefault(key, len(numbers) + 1)
                out.append(f"[{number}]")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
    return " ".join("".join(out).split())


def _notes(document: Any) -> dict[tuple[str, str], str]:
    """("foot"|"end", id) -> the note's text, for the notes a reader can see."""
    from lxml import etree

    notes: dict[tuple[str, str], str] = {}
    for part in document.part.package.iter_parts():
        partname = str(part.partname)
        if partname not in {"/word/footnotes.xml", "/word/endnotes.xml"}:
            continue
        kind = "foot" if "footnotes" in partname else "end"
        try:
            root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError:
            continue
        for note in root:
            if note.get(f"{_W}type") in {"separator", "continuationSeparator",
                                         "continuationNotice"}:  # fmt: skip
                continue
            text = " ".join(
                "".join(t.text or "" for t in p.iter(f"{_W}t")).strip() for p in note.iter(f"{_W}p")
            ).strip()
            if text:
                notes[(kind, str(note.get(f"{_W}id")))] = " ".join(text.split())
    return notes
