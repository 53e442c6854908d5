"""The `search` subcommand: full-text search from the shell.

On a fresh data directory it first builds what it needs (the library from
the bundled seeds, then the index), with progress on stderr, so the first
`briefreader search ISKP` simply works. Exit status: 0 with results (even
none), 1 when the index cannot be updated (busy, unreadable library), 2 for
a query that cannot be used.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from briefreader.cli.output import fail, gazetteer_problems, print_json, progress
from briefreader.control.search_engine import NOTE_PREFIX, NoteInfo, read_note_infos
from briefreader.corpus.library import Library, open_library
from briefreader.domain import Hit
from briefreader.last_net import without_paths
from briefreader.paths import DataPaths
from briefreader.search.indexer import IndexBusyError, open_index
from briefreader.search.query import QueryError
from briefreader.search.sources import load_matcher, open_searcher, update_from_library
from briefreader.sqlfile.faults import describe_os_error


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="full-text search; any spelling of a group or country finds every other",
        description=(
            'Search the library. Whoosh syntax: AND OR NOT, "phrases", "a b"~3 '
            "(proximity), wildcards (talib*), fuzzy (kabul~), fields (title: publisher: "
            "author: group: country: date:). Any spelling of a group or country "
            "(ISIL-K, IS-K, ISKP...) finds every other."
        ),
    )
    parser.add_argument("query", metavar="QUERY", help="what to search for (quote it)")
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N hits (default 20)"
    )
    parser.set_defaults(run=run)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


class _Progress:
    """Indexing progress on stderr: a line every tenth, not every document."""

    def __init__(self) -> None:
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        tenth = done * 10 // total
        if tenth != self.shown:
            self.shown = tenth
            progress(f"briefreader: indexing {done}/{total} documents")


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    fresh = not paths.library_db.exists()
    if fresh:
        progress("briefreader: building the library from the bundled sample corpus...")
    try:
        library = open_library(paths)
    except Exception as error:
        return fail(f"cannot open the library: {without_paths(str(error))}", 1)
    with library, ExitStack() as stack:
        matcher = load_matcher(paths)
        gazetteer_problems(matcher.gazetteer.problems)
        index_dir = paths.index_dir
        try:
            changes = update_from_library(
                paths, library=library, progress=_Progress(), matcher=matcher
            )
            if changes.rebuilt and not fresh and changes.rebuilt != "missing":
                progress(f"briefreader: search index rebuilt ({changes.rebuilt})")
        except IndexBusyError as error:
            if open_index(paths.index_dir) is None:
                return fail(str(error), 1)
            progress("briefreader: the index is being updated elsewhere; searching it as it is")
        except OSError as error:  # a full disk, a read-only data folder
            why = describe_os_error(error)
            if open_index(paths.index_dir) is not None:
                progress(
                    f"briefreader: the search index cannot be updated ({why}); "
                    "searching it as it is"
                )
            else:
                # Nowhere to keep an index: build one for this search only, in a temporary folder.
                index_dir = Path(
                    stack.enter_context(tempfile.TemporaryDirectory(prefix="briefreader-"))
                )
                progress(
                    f"briefreader: the search index cannot be written ({why}); "
                    "building one for this search"
                )
                try:
                    update_from_library(
                        paths, library=library, index_dir=index_dir, matcher=matcher
                    )
                except OSError as again:
                    return fail(f"cannot build a search index: {describe_os_error(again)}", 1)
        with open_searcher(paths, library, index_dir=index_dir, matcher=matcher) as searcher:
            try:
                results = searcher.search(args.query, limit=args.limit, exact_total=True)
            except QueryError as error:
                return fail(f"unusable query: {error}")
        notes = read_note_infos(paths) if any(_is_note(h) for h in results.hits) else {}
        found = [_Found.of(hit, library, notes) for hit in results.hits]
    if results.notice:
        progress(f"briefreader: {results.notice}")
    if args.json:
        print_json([_as_json(one) for one in found])
    else:
        _print_text(found, results.total)
    return 0


def _is_note(hit: Hit) -> bool:
    return hit.doc_id.startswith(NOTE_PREFIX)


@dataclass(frozen=True)
class _Found:
    """A hit with what a reader needs to know it: its kind and, for a note, what it is on."""

    hit: Hit
    kind: str  # "document" | "note"
    title: str
    source: str  # "publisher, date" for a document; for a note, what it is attached to
    attached_to: str = ""  # a note's: "document", "excerpt", "briefing", "memo"
    document_title: str | None = None

    @classmethod
    def of(cls, hit: Hit, library: Library, notes: dict[str, NoteInfo]) -> _Found:
        get = library.get
        if not _is_note(hit):
            doc = get(hit.doc_id)
            source = ", ".join(x for x in (doc.publisher, doc.date) if x) if doc else ""
            return cls(hit, "document", hit.title or "(untitled)", source)
        info = notes.get(hit.doc_id[len(NOTE_PREFIX) :])
        target = info.target if info is not None else "unknown"
        doc = get(info.doc_id) if info is not None and info.doc_id else None
        doc_title = (doc.title or "(untitled)") if doc is not None else None
        if target == "memo":
            on = "the free memo"
        elif doc_title is not None:
            on = ("an excerpt of " if target == "excerpt" else "") + f"“{doc_title}”"
        else:
            on = f"a {target}" if target != "unknown" else "something since deleted"
        words = " ".join((info.text if info is not None else "").split())
        first = words[:60] + ("…" if len(words) > 60 else "")
        return cls(hit, "note", first or "(empty note)", f"note on {on}", target, doc_title)


def _as_json(found: _Found) -> dict[str, object]:
    hit = found.hit
    entry: dict[str, object] = {
        "type": found.kind,
        "id": hit.doc_id,
        "title": found.title if found.kind == "note" else hit.title,
        "score": round(hit.score, 4),
        "matches": hit.hit_count,
        "snippets": list(hit.snippets),
    }
    if found.kind == "note":
        entry["note"] = {"attached_to": found.attached_to, "document_title": found.document_title}
    return entry


def _marked(text: str, marks: tuple[tuple[int, int], ...]) -> str:
    """Marks as [brackets] for a terminal or a pipe: plain text, never markup."""
    out, pos = [], 0
    for start, end in marks:
        out += [text[pos:start], "[", text[start:end], "]"]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _print_text(found: list[_Found], total: int) -> None:
    shown = f" (showing {len(found)})" if len(found) < total else ""
    plural = "s" if total != 1 else ""
    print(f"{total} matching document{plural} or note{plural}{shown}")
    for rank, one in enumerate(found, 1):
        hit = one.hit
        head = f"Note: {one.title}" if one.kind == "note" else one.title
        print(f"\n{rank}. {head}" + (f"  ({one.source})" if one.source else ""))
        print(
            f"   score {hit.score:.2f}, {hit.hit_count} match{'es' if hit.hit_count != 1 else ''}"
        )
        for snippet, marks in zip(hit.snippets, hit.marks, strict=False):
            print(f"   {_marked(snippet, marks)}")
    sys.stdout.flush()
