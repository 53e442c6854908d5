"""The `notes`, `excerpts` and `briefings` subcommands: list the analyst's work.

All open the work database read-only, so they are safe to run while the
window is open (and never create a data directory that is not there). The
excerpt list names each excerpt's source document from the library when it
has one, and flags excerpts that need the analyst's eye:

- `orphaned`: the quote could not be found in its document's current text;
- `fuzzy`: re-anchored to a passage that differs slightly from the quote;
- `stale`: the library holds a newer text for the document than the one the
  excerpt was anchored in (it has not been re-anchored yet);
- `missing`: the library does not hold the document at all;
- `priority`: flagged by the analyst.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
from collections.abc import Callable
from typing import Any

from briefreader.cli.output import fail, print_json, print_table, progress
from briefreader.control.startup import library_failure
from briefreader.corpus.errors import LibraryError
from briefreader.corpus.library import Library, open_library
from briefreader.domain import Document
from briefreader.paths import DataPaths
from briefreader.store import Excerpt, Note, Store, StoreError
from briefreader.workspace.errors import ServerError

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def register(subparsers: argparse._SubParsersAction) -> None:
    notes = subparsers.add_parser(
        "notes",
        help="list the analyst's notes",
        description="List notes on documents, excerpts and briefings, and the memo.",
    )
    notes.add_argument("--json", action="store_true", help="print JSON (full note text)")
    notes.add_argument(
        "--kind",
        choices=("document", "excerpt", "briefing", "memo"),
        help="only notes attached to this kind of thing",
    )
    notes.set_defaults(run=run_notes)

    excerpts = subparsers.add_parser(
        "excerpts",
        help="list excerpts with their quote, source and flags",
        description="List excerpts with quote, source and flags "
        "(orphaned, fuzzy, stale, missing, priority).",
    )
    excerpts.add_argument("--json", action="store_true", help="print JSON")
    excerpts.add_argument(
        "--doc",
        metavar="TITLE",
        help="only excerpts from documents whose title contains TITLE (any case)",
    )
    excerpts.add_argument("--tag", metavar="TAG", help="only excerpts with this tag")
    excerpts.add_argument(
        "--entity", metavar="NAME", help="only excerpts naming this group/country"
    )
    excerpts.add_argument("--priority", action="store_true", help="only priority excerpts")
    excerpts.add_argument("--orphaned", action="store_true", help="only orphaned excerpts")
    excerpts.set_defaults(run=run_excerpts)

    briefings = subparsers.add_parser(
        "briefings",
        help="list briefings (the names `export --briefing` takes)",
        description="List briefings with their title, marking and number of excerpts.",
    )
    briefings.add_argument("--json", action="store_true", help="print JSON")
    briefings.set_defaults(run=run_briefings)


def one_line(text: str, width: int) -> str:
    """Text on one line for a table cell: control characters become spaces."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _open(paths: DataPaths) -> Store:
    return Store.open(paths, read_only=True)


def run_notes(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        store = _open(paths)
    except StoreError as error:
        return fail(str(error))
    try:
        notes = store.notes.all(args.kind)
        labels = _work_labels(store, notes)
    finally:
        store.close()
    sources = _Sources(paths)
    try:
        titles = {
            n.target.id: (sources.lookup(n.target.id)[0] or None)
            for n in notes
            if n.target.kind == "document"
        }
    finally:
        sources.close()
    title_of = {doc_id: doc.title for doc_id, doc in titles.items() if doc is not None}
    if args.json:
        print_json([note_json(n, title_of.get(n.target.id)) for n in notes])
        return 0
    if not notes:
        print("no notes")
        return 0
    print_table(
        ("attached to", "updated", "text"),
        (
            (
                one_line(attached_to(n, title_of, labels), 44),
                n.updated[:16].replace("T", " "),
                one_line(n.text, 60),
            )
            for n in notes
        ),
    )
    return 0


def _work_labels(store: Store, notes: list[Note]) -> dict[tuple[str, str], str]:
    """What an excerpt or a briefing a note is on is called: its quote's first words, its name."""
    labels: dict[tuple[str, str], str] = {}
    if any(n.target.kind == "briefing" for n in notes):
        for summary in store.briefings.list():
            labels["briefing", str(summary.id)] = summary.name
    for note in notes:
        if note.target.kind == "excerpt":
            try:
                labels["excerpt", note.target.id] = store.excerpts.get(int(note.target.id)).quote
            except (StoreError, ValueError):
                continue
    return labels


def attached_to(note: Note, title_of: dict[str, str], labels: dict[tuple[str, str], str]) -> str:
    """What a note is on, in words a user knows: never a store id or a content id."""
    kind, target = note.target.kind, note.target.id
    if kind == "memo":
        return "memo"
    if kind == "document":
        return (
            f"document “{title_of[target]}”"
            if target in title_of
            else "a document not in the library"
        )
    label = labels.get((kind, target))
    if label is None:
        return f"a deleted {kind}"
    return f"briefing {label}" if kind == "briefing" else f"excerpt “{one_line(label, 30)}”"


def note_json(note: Note, title: str | None = None) -> dict[str, Any]:
    return {
        "id": note.id,
        "target": {"kind": note.target.kind, "id": note.target.id, "title": title},
        "format": note.format,
        "text": note.text,
        "created": note.created,
        "updated": note.updated,
    }


class _Sources:
    """Titles and freshness of documents, from the library if there is one."""

    def __init__(self, paths: DataPaths) -> None:
        self._library: Library | None = None
        if paths.workspace is not None or paths.library_db.exists():
            # The notes are listed whatever the library's state: a damaged one is
            # restored (or shown from a backup), one that cannot be opened at all
            # only costs the titles, said in one line.
            try:
                self._library = open_library(paths, seed=False)
            except (LibraryError, ServerError, OSError, sqlite3.Error) as error:
                progress(f"briefreader: {library_failure(error)}; listed without titles")
        self._cache: dict[str, tuple[Document | None, bool]] = {}

    def lookup(self, doc_id: str) -> tuple[Document | None, bool]:
        """(the document or None, whether a newer version exists)."""
        if doc_id not in self._cache:
            doc = self._library.get(doc_id) if self._library else None
            newer = False
            if doc is not None and self._library is not None:
                versions = self._library.versions(doc_id)
                newer = bool(versions) and versions[-1].id != doc_id
            self._cache[doc_id] = (doc, newer)
        return self._cache[doc_id]

    @property
    def known(self) -> bool:
        return self._library is not None

    def close(self) -> None:
        if self._library is not None:
            self._library.close()


def flags(
    excerpt: Excerpt, lookup: Callable[[str], tuple[Document | None, bool]] | None
) -> list[str]:
    found: list[str] = []
    if excerpt.status in ("orphaned", "fuzzy"):
        found.append(excerpt.status)
    if lookup is not None:
        doc, newer = lookup(excerpt.doc_id)
        if doc is None:
            found.append("missing")
        elif newer or doc.content_hash != excerpt.content_hash:
            found.append("stale")
    if excerpt.priority:
        found.append("priority")
    return found


def run_excerpts(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        store = _open(paths)
    except StoreError as error:
        return fail(str(error))
    try:
        excerpts = store.excerpts.list(
            tag=args.tag,
            entity=args.entity,
            priority=True if args.priority else None,
            status="orphaned" if args.orphaned else None,
        )
    finally:
        store.close()
    sources = _Sources(paths)
    try:
        lookup = sources.lookup if sources.known else None
        if args.doc is not None:
            excerpts = _from_documents(excerpts, args.doc, lookup)
            if not excerpts and not args.json:
                print(
                    f"no excerpts from a document whose title contains “{one_line(args.doc, 60)}”"
                )
                return 0
        rows = [
            (e, *(lookup(e.doc_id) if lookup else (None, False)), flags(e, lookup))
            for e in excerpts
        ]
    finally:
        sources.close()
    if args.json:
        print_json([excerpt_json(e, doc, f) for e, doc, _newer, f in rows])
        return 0
    if not rows:
        print("no excerpts")
        return 0
    print_table(
        ("#", "flags", "source", "¶", "quote"),
        (
            (
                n,
                ",".join(f) or "-",
                one_line(doc.title if doc else "(not in the library)", 32),
                e.paragraph + 1,
                one_line(e.quote, 64),
            )
            for n, (e, doc, _newer, f) in enumerate(rows, start=1)
        ),
    )
    return 0


def _from_documents(
    excerpts: list[Excerpt],
    words: str,
    lookup: Callable[[str], tuple[Document | None, bool]] | None,
) -> list[Excerpt]:
    """The excerpts from documents whose title contains `words`, any case. A script's
    document id (from `docs --json`) still works."""
    wanted = " ".join(words.split()).casefold()

    def chosen(excerpt: Excerpt) -> bool:
        if excerpt.doc_id == words:
            return True
        doc = lookup(excerpt.doc_id)[0] if lookup is not None else None
        return doc is not None and wanted in " ".join(doc.title.split()).casefold()

    return [e for e in excerpts if chosen(e)]


def excerpt_json(excerpt: Excerpt, doc: Document | None, found_flags: list[str]) -> dict[str, Any]:
    return {
        "id": excerpt.id,
        "quote": excerpt.quote,
        "prefix": excerpt.selector.prefix,
        "suffix": excerpt.selector.suffix,
        "source": {
            "doc_id": excerpt.doc_id,
            "title": doc.title if doc else None,
            "publisher": doc.publisher if doc else None,
            "author": doc.author if doc else None,
            "date": doc.date if doc else None,
            "paragraph": excerpt.paragraph + 1,  # from 1, as the window, the PDF and links count
            "start": excerpt.start,
            "end": excerpt.end,
            "content_hash": excerpt.content_hash,
        },
        "flags": found_flags,
        "status": excerpt.status,
        "priority": excerpt.priority,
        "entities": [{"kind": r.kind, "canonical": r.canonical} for r in excerpt.entities],
        "tags": list(excerpt.tags),
        "comment": excerpt.comment,
        "created": excerpt.created,
        "updated": excerpt.updated,
    }


def run_briefings(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        store = _open(paths)
    except StoreError as error:
        return fail(str(error))
    try:
        briefings = [store.load_briefing(summary.id) for summary in store.briefings.list()]
    finally:
        store.close()
    if args.json:
        print_json(
            [
                {
                    "id": b.id,
                    "name": b.name,
                    "title": b.title,
                    "author": b.author,
                    "date": b.date,
                    "marking": b.marking,
                    "grouping": b.grouping,
                    "excerpts": len(b.items),
                    "sections": [s.title for s in b.sections],
                    "updated": b.updated,
                }
                for b in briefings
            ]
        )
        return 0
    if not briefings:
        print("no briefings")
        return 0
    print_table(
        ("name", "excerpts", "marking", "title"),
        (
            (one_line(b.name, 30), len(b.items), one_line(b.marking, 24), one_line(b.title, 50))
            for b in briefings
        ),
    )
    return 0
