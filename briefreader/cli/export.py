"""The `export` subcommand: a stored briefing, or a query, to PDF, Word or Markdown.

    briefreader [--data-dir DIR] export (--briefing NAME | --query QUERY)
                [--out FILE] [--format pdf|docx|md] [--title T] [--author A]
                [--date D] [--marking M] [--charts trend,matrix|none] [--section-breaks]

Exit status: 0 when the file was written (warnings about flagged excerpts or
characters the fonts cannot draw go to stderr); 1 when there is nothing to
export (the query matched no paragraph); 2 when the export could not be
made: unknown briefing, unwritable destination, a file name that contradicts
--format, unreadable database. On any failure an existing file at FILE is
left untouched.

A stored briefing is loaded, mapped and integrity-checked by
`briefreader.export.stored.load_for_export`, the same call the composer uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefreader.cli.output import fail, gazetteer_problems, progress
from briefreader.corpus.library import Library, open_library
from briefreader.entities.cache import matcher_for_files
from briefreader.entities.matcher import Matcher
from briefreader.export.exporter import ExportError, ExportResult, export_briefing
from briefreader.export.integrity import check_integrity
from briefreader.export.model import CHARTS, Briefing, ChartName
from briefreader.export.naming import DestinationError, destination, query_title
from briefreader.export.query import briefing_from_paragraphs, one_version_per_story
from briefreader.export.results import FORMATS
from briefreader.export.stored import (
    load_for_export,
    locate_with_anchoring,
    newest_text,
    with_grades,
)
from briefreader.paths import DataPaths
from briefreader.store.errors import NotFoundError, StoreError
from briefreader.store.store import Store

EPILOG = (
    "Exit status: 0 written; 1 nothing to export (the query matched nothing); "
    "2 could not export (unknown briefing, unwritable path, a file name that contradicts "
    "--format). An existing FILE is only ever replaced by a complete new one."
)


def _charts(value: str) -> tuple[ChartName, ...]:
    names = {part.strip().lower() for part in value.split(",") if part.strip()}
    if names in ({"none"}, set()):
        return ()
    unknown = names - set(CHARTS)
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown chart {', '.join(sorted(unknown))} (use trend, matrix, both or none)"
        )
    return tuple(c for c in CHARTS if c in names)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a briefing, or the paragraphs matching a query, as PDF, Word or Markdown",
        description="Export a briefing: first page with the scope and key judgements, charts, "
        "quotes with short citations and grades, sources and an index of groups and "
        "countries. PDF to hand over, Word (.docx) to edit, Markdown for note tools "
        "(its citations link back to the paragraph with briefreader:// links).",
        epilog=EPILOG,
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--briefing", metavar="NAME", help="a stored briefing, by name or id")
    source.add_argument(
        "--query",
        metavar="QUERY",
        help="build a briefing from the paragraphs matching QUERY, in the search's query "
        'language (AND OR NOT, "phrases", wildcards, group:, country:, title:, date:; any '
        "spelling of a group or country finds every other), one version per story",
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="the file to write; its ending (.pdf, .docx, .md) picks the format, and one is "
        "added when missing (default: a name made from the title, in the current folder)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="pdf to hand over, docx to edit in Word, md for note tools "
        "(default: from the --out ending, else pdf)",
    )
    parser.add_argument(
        "--title",
        metavar="T",
        help="the title (default: the briefing's own; for a query, one naming the groups and "
        "countries it asks about)",
    )
    parser.add_argument("--author", metavar="A", help="the author printed on the first page")
    parser.add_argument(
        "--date",
        metavar="D",
        help="the briefing's date, e.g. 2024-05-01 (default: the briefing's own, else today)",
    )
    parser.add_argument(
        "--marking",
        metavar="M",
        help="handling marking for the first page and every page's header and footer, "
        "e.g. OFFICIAL-SENSITIVE",
    )
    parser.add_argument(
        "--charts",
        type=_charts,
        metavar="LIST",
        help="charts to draw: trend (the groups over time), matrix (groups × countries), "
        "both as trend,matrix, or none (default: the briefing's choice; both for a query)",
    )
    parser.add_argument(
        "--section-breaks",
        action="store_true",
        default=None,
        help="start each section on a new page (default: sections follow on)",
    )
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
    pages = f"{result.pages} pages, " if result.format == "pdf" else ""
    # The file's name, not its folders: the analyst chose them, or it is the current one.
    print(f"{result.path.name}  {pages}{result.excerpts} excerpts, {kib:.0f} KiB")
    if result.stale or result.orphaned:
        progress(
            f"briefreader: warning: {result.stale} stale and {result.orphaned} orphaned "
            "excerpt(s) no longer match their sources; they are marked in the export"
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
    return briefing_from_paragraphs(
        query, documents, matches.by_document, matcher.find, library=library
    )


def _options(args: argparse.Namespace, briefing: Briefing, matcher: Matcher) -> Briefing:
    """The command line's choices over the briefing's own."""
    title = args.title
    if title is None and args.query is not None:
        title = query_title(args.query, matcher.find)
    changes: dict[str, object] = {
        "title": title,
        "marking": args.marking,
        "author": args.author,
        "date": args.date,
        "charts": args.charts,
        "section_breaks": args.section_breaks,
    }
    briefing = replace(briefing, **{k: v for k, v in changes.items() if v is not None})
    if not briefing.date.strip():
        briefing = replace(briefing, date=dt.date.today().isoformat())
    return briefing


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    matcher = matcher_for_files(paths.user_gazetteer, paths.cache_dir)
    gazetteer_problems(matcher.gazetteer.problems)
    try:
        with open_library(paths) as library:
            if args.briefing is not None:
                briefing = _load_stored(paths, args.briefing, library, matcher)
            else:
                found = _from_query(args.query, library, matcher)
                if found is None:
                    return 2
                if not found.excerpts:
                    return fail(f"no paragraph matches {args.query!r}; nothing exported", 1)
                with Store.open(paths, read_only=True) as store:
                    found = with_grades(found, store.grades.book())
                briefing = check_integrity(found, newest_text(library), locate_with_anchoring)
    except NotFoundError as error:
        return fail(str(error.args[0]) if error.args else str(error))
    except StoreError as error:
        return fail(str(error))
    briefing = _options(args, briefing, matcher)
    try:
        where = destination(args.out, args.format, briefing.title, Path.cwd())
    except DestinationError as error:
        return fail(str(error))
    if where.note:
        progress(f"briefreader: note: {where.note}")
    try:
        result = export_briefing(
            briefing,
            where.path,
            format=where.format,
            progress=_terminal_progress(),
            find_mentions=matcher.find,
        )
    except ExportError as error:
        return fail(str(error))
    finally:
        if sys.stderr.isatty():
            sys.stderr.write("\r\033[K")
    _report(result)
    return 0
