"""What each segment holds (id, stamp, story per document), kept in a small file beside it.

An incremental update compares the library with the index. Reading every
entry's stored fields for that (one zlib block and one pickle per document)
cost ~4-6 s at 100,000 articles, on every update, however small. A segment
never changes once written (deletions live in the TOC), so what it holds is
written once, as three JSON lists, next to it: `<segment id>.entries`.
Whoosh's own file cleaning and `toc.commit` delete it with the segment (it
carries the segment's name).

The file is written when a segment is built or merged; for a segment
written before (or if the file is damaged) it is made from the stored
fields the first time it is needed, with the write lock held.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any, Final

from whoosh.reading import SegmentReader

EXTENSION: Final = "entries"
_VERSION: Final = 2

Row = tuple[str, str, str]  # (id, stamp, story), one per document number


def row_of(stored: dict[str, Any]) -> Row:
    """What is kept of one entry, from its stored fields (or the fields written)."""
    return (str(stored["id"]), str(stored.get("stamp", "")), str(stored.get("story", "") or ""))


def _name(segment: Any) -> str:
    return f"{segment.segment_id()}.{EXTENSION}"


def write_rows(storage: Any, segment: Any, rows: Sequence[Row]) -> None:
    """Keep `rows` (document number order) beside `segment`; call once its files exist."""
    ids, stamps, stories = (
        (list(column) for column in zip(*rows, strict=True)) if rows else ([],) * 3
    )
    data = {"version": _VERSION, "ids": ids, "stamps": stamps, "stories": stories}
    name = _name(segment)
    temp = f"{name}.part"
    out = storage.create_file(temp)
    try:
        out.write(json.dumps(data, separators=(",", ":")).encode("utf-8"))
    finally:
        out.close()
    storage.rename_file(temp, name, safe=False)


@dataclass(frozen=True, slots=True)
class Columns:
    """One segment's documents in number order, deleted ones included."""

    ids: list[str]
    stamps: list[str]
    stories: list[str]


def _read(storage: Any, segment: Any) -> Columns | None:
    name = _name(segment)
    if not storage.file_exists(name):
        return None
    try:
        with storage.open_file(name) as found:
            data = json.loads(found.read().decode("utf-8"))
        columns = Columns(data["ids"], data["stamps"], data["stories"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    count = segment.doc_count_all()
    if data.get("version") != _VERSION or not (
        len(columns.ids) == len(columns.stamps) == len(columns.stories) == count
    ):
        return None
    return columns


def segment_columns(storage: Any, schema: Any, segment: Any) -> Columns:
    """Every document of `segment` (deleted ones included), in number order."""
    found = _read(storage, segment)
    if found is not None:
        return found
    reader = SegmentReader(storage, schema, segment)
    try:
        rows = [row_of(reader.stored_fields(n)) for n in range(reader.doc_count_all())]
    finally:
        reader.close()
    with contextlib.suppress(OSError):
        write_rows(storage, segment, rows)
    ids, stamps, stories = (list(c) for c in zip(*rows, strict=True)) if rows else ([],) * 3
    return Columns(ids, stamps, stories)


@dataclass
class Entries:
    """The index's live entries, segment by segment (the TOC's order)."""

    segments: list[tuple[Columns, list[bool]]] = field(default_factory=list)
    _where: dict[str, tuple[int, int]] | None = None

    def __bool__(self) -> bool:
        return any(any(live) for _, live in self.segments)

    def keys(self, *, by_story: bool) -> dict[str, str]:
        """Live id -> its story (`by_story`) or its stamp."""
        out: dict[str, str] = {}
        for columns, live in self.segments:
            values = columns.stories if by_story else columns.stamps
            out.update(compress(zip(columns.ids, values, strict=True), live))
        return out

    def where(self, entry_id: str) -> tuple[int, int]:
        """(segment number, document number) of a live entry."""
        if self._where is None:
            self._where = {}
            for number, (columns, live) in enumerate(self.segments):
                docnums = compress(range(len(live)), live)
                self._where.update(
                    (entry_id, (number, docnum))
                    for entry_id, docnum in zip(compress(columns.ids, live), docnums, strict=True)
                )
        return self._where[entry_id]


def live_entries(storage: Any, toc: Any) -> Entries:
    """Every live entry of the index whose TOC is `toc`."""
    entries = Entries()
    for segment in toc.segments:
        columns = segment_columns(storage, toc.schema, segment)
        live = [True] * len(columns.ids)
        if segment.has_deletions():
            for docnum in segment.deleted_docs():
                if docnum < len(live):
                    live[docnum] = False
        entries.segments.append((columns, live))
    return entries


def changed(
    entries: Entries,
    documents: Iterable[tuple[str, str]],
    notes: Iterable[tuple[str, str]],
    *,
    by_story: bool,
) -> tuple[list[str], list[str], list[str]]:
    """(added, updated, removed) ids, added and updated in the order wanted.

    `documents` gives each wanted document's id and its story (`by_story`)
    or its stamp, `notes` each note entry's id and stamp; the first of a
    repeated id counts. Set operations over the (id, key) pairs keep the
    comparison of 100,000 entries to a few C-level passes.
    """
    stamps = entries.keys(by_story=False)
    doc_keys = entries.keys(by_story=True) if by_story else stamps
    added: list[str] = []
    updated: list[str] = []
    wanted: set[str] = set()
    for pairs, known in ((list(documents), doc_keys), (list(notes), stamps)):
        want = dict(pairs)
        if len(want) != len(pairs):  # a repeated id: its first key counts
            want = {}
            for entry_id, key in pairs:
                want.setdefault(entry_id, key)
        wanted.update(want)
        new = want.keys() - stamps.keys()
        differ = {entry_id for entry_id, _ in want.items() - known.items()} - new
        if new or differ:
            added.extend(entry_id for entry_id in want if entry_id in new)
            updated.extend(entry_id for entry_id in want if entry_id in differ)
    gone = stamps.keys() - wanted
    removed = [entry_id for entry_id in stamps if entry_id in gone] if gone else []
    return added, updated, removed
