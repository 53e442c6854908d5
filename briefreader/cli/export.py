"""The `export` subcommand: a stored briefing, or a query, to a PDF.

    briefreader [--data-dir DIR] export --out FILE.pdf (--briefing NAME | --query QUERY)
                [--title T] [--marking M] [--author A]

Exit status: 0 when the PDF was written (warnings about flagged excerpts or
characters the fonts cannot draw go to stderr); 1 when there is nothing to
export (the query matched no paragraph); 2 when the export could not be
made: unknown briefing, unwritable destination, unreadable database. On any
failure an existing file at FILE.pdf is left untouched.

A stored briefing is loaded, mapped and integrity-checked by
`briefreader.export.stored.load_for_export`, the same call the composer uses.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefreader.cli.output import fail, progress
from briefreader.corpus.library import Library, open_library
from briefreader.entities import load_gazetteer
from briefreader.entities.cache import cached_matcher
from briefreader.entities.matcher import Matcher
from briefreader.export.exporter import ExportError, ExportResult, export_briefing
from briefreader.export.integrity import check_integrity
from briefreader.export.model import Briefing
from briefreader.export.query import briefing_from_paragraphs, one_version_per_story
from briefreader.export.stored import load_for_export, locate_with_anchoring, newest_text
from briefreader.paths import DataPaths
from briefreader.store.errors import NotFoundError, StoreError
from briefreader.store.store import Store

EPILOG = (
    "Exit status: 0 written; 1 nothing to export (the query matched nothing); "
    "2 could not export (unknown briefing, unwritable path). "
    "An existing FILE.pdf is only ever replaced by a complete new one."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a briefing, or the paragraphs matching a query, as a PDF",
        description="Export a PDF briefing: cover, contents, quotes with citations, "
        "sources and an appendix of groups and countries.",
        epilog=EPILOG,
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--briefing", metavar="NAME", help="a stored briefing, by name or id")
    source.add_argument(
        "--query",
        metavar="QUERY",
        help="build a briefing from the paragraphs matching QUERY, in the search's query "
        'language (AND OR NOT, "phrases", wildcards, group:, country:, title:; any '
        "spelling of a group or country finds every other), one version per story",
    )
    parser.add_argument("--title", metavar="T", help="title (default: the briefing's own)")
    parser.add_argument("--marking", metavar="M", help="handling marking for every page")
    parser.add_argument("--author", metavar="A", help="author printed on the cover")
    parser.set_defaults(run=run)


def _load_stored(paths: DataPaths, name: str, library: Library, matcher: Matcher) -> Briefing:
    with Store.open(paths, if_locked="read_only", find_mentions=matcher.find) as store:
        return load_for_export(store, library, name)


def _terminal_progress(doing: str = "exporting") -> Callable[[int, int], None] | None:
    """A percentage on stderr when a person is watching; nothing in pipes and logs."""
    if not sys.stderr.isatty():
        return None
    shown = -1

    def show(done: int, total: int) -> None:
        nonlocal shown
        percent = 100 * done // max(total, 1)
        if percent != shown:
            shown = percent
            sys.stderr.write(f"\r\033[K{doing}… {percent}%")
            sys.stderr.flush()

    return show


def _report(result: ExportResult) -> None:
    kib = result.size / 1024
    print(f"{result.path}  {result.pages} pages, {result.excerpts} excerpts, {kib:.0f} KiB")
    if result.stale or result.orphaned:
        progress(
            f"briefreader: warning: {result.stale} stale and {result.orphaned} orphaned "
            "excerpt(s) no longer match their sources; they are marked in the PDF"
        )
    if result.undrawable:
        progress(
            f"briefreader: warning: {len(result.undrawable)} character(s) cannot be drawn "
            "with the embedded fonts and are printed as [U+XXXX]:"
        )
        for item in result.undrawable:
            places = ", ".join(item.places[:5]) + (" …" if len(item.places) > 5 else "")
            progress(f"  {item.description}  ×{item.count}  ({places})")


def _from_query(query: str, library: Library, matcher: Matcher) -> Briefing | None:
    """The paragraphs `query` matches, as a briefing; None (after saying why) if unusable."""
    from briefreader.search.paragraphs import matching_paragraphs  # Whoosh: only for --query
    from briefreader.search.query import QueryError

    documents = one_version_per_story(library.documents(), library.stories())
    try:
        matches = matching_paragraphs(
            query,
            documents,
            matcher.find,
            matcher.gazetteer,
            progress=_terminal_progress("matching paragraphs"),
        )
    except QueryError as error:
        fail(f"cannot use the query: {error}")
        return None
    if matches.notice:
        progress(f"briefreader: note: {matches.notice}")
    return briefing_from_paragraphs(query, documents, matches.by_document, matcher.find)


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    matcher = cached_matcher(load_gazetteer(paths.user_gazetteer), paths.cache_dir)
    try:
        with open_library(paths) as library:
            if args.briefing is not None:
                briefing = _load_stored(paths, args.briefing, library, matcher)
            else:
                briefing = _from_query(args.query, library, matcher)
                if briefing is None:
                    return 2
                if not briefing.excerpts:
                    return fail(f"no paragraph matches {args.query!r}; nothing exported", 1)
                briefing = check_integrity(briefing, newest_text(library), locate_with_anchoring)
    except NotFoundError as error:
        return fail(str(error.args[0]) if error.args else str(error))
    except StoreError as error:
        return fail(str(error))
    overrides = {
        "title": args.title,
        "marking": args.marking,
        "author": args.author,
    }
    briefing = replace(briefing, **{k: v for k, v in overrides.items() if v is not None})
    try:
        result = export_briefing(
            briefing, args.out, progress=_terminal_progress(), find_mentions=matcher.find
        )
    except ExportError as error:
        return fail(str(error))
    finally:
        if sys.stderr.isatty():
            sys.stderr.write("\r\033[K")
    _report(result)
    return 0
