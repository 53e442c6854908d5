"""The `watch` and `batch` subcommands: standing queries and their inbox, and batch search.

`watch add NAME QUERY` saves a search; `watch run` brings the index up to
date and runs every saved search against what was imported since it last
ran (the window does this after each import); `watch list` and `watch
inbox` show what is waiting. `batch` counts the hits of a list of queries.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from briefreader.analysis.batch import batch_lines, batch_search
from briefreader.analysis.watch import run_watches, save_watch
from briefreader.cli.counting import CliError, clip, entity_json, open_analysis
from briefreader.cli.documents import document_rows, print_document_rows
from briefreader.cli.output import fail, print_json, print_table, progress
from briefreader.corpus.library import open_library
from briefreader.paths import DataPaths
from briefreader.search.indexer import IndexBusyError
from briefreader.search.query import QueryError
from briefreader.search.searcher import Searcher
from briefreader.search.sources import open_searcher, update_from_library
from briefreader.store import NotFoundError, Store, StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "watch",
        help="standing queries: saved searches run on every import, with an inbox",
        description=(
            "Standing queries. A saved search runs again on every import (in the window) "
            "or on `watch run`; the documents it finds wait in the inbox until read."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="save a search as a standing query")
    add.add_argument("name", metavar="NAME", help="what to call it")
    add.add_argument("query", metavar="QUERY", help="the search, as the search bar takes it")
    add.add_argument("--json", action="store_true", help="print the saved query as JSON")
    add.set_defaults(run=run_add)
    listing = actions.add_parser("list", help="the standing queries with their hit counts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)
    run = actions.add_parser("run", help="run every standing query on new documents")
    run.add_argument("--json", action="store_true", help="print JSON")
    run.set_defaults(run=run_run)
    inbox = actions.add_parser("inbox", help="the documents waiting in the inbox")
    inbox.add_argument("name", nargs="?", metavar="NAME", help="only this standing query's")
    inbox.add_argument("--all", action="store_true", help="also the hits already read or seen")
    inbox.add_argument("--json", action="store_true", help="print JSON")
    inbox.set_defaults(run=run_inbox)
    seen = actions.add_parser("seen", help="empty the inbox without reading the documents")
    seen.set_defaults(run=run_seen)
    remove = actions.add_parser("remove", help="delete a standing query and its hits")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(run=run_remove)

    batch = subparsers.add_parser(
        "batch",
        help="hit counts for a list of names or queries (one per line)",
        description=(
            "Batch search: one query per line (a group's or country's name finds every "
            "spelling), read from FILE or from standard input; prints how many documents "
            "each finds and, for a name, how often it is mentioned."
        ),
    )
    batch.add_argument("file", nargs="?", type=Path, metavar="FILE", help="default: stdin")
    batch.add_argument("--json", action="store_true", help="print JSON")
    batch.set_defaults(run=run_batch)


@contextmanager
def writable_store(paths: DataPaths) -> Iterator[Store]:
    try:
        store = Store.open(paths)
    except StoreError as error:
        raise CliError(str(error)) from error
    try:
        yield store
    finally:
        store.close()


@contextmanager
def indexed_searcher(paths: DataPaths) -> Iterator[Searcher]:
    """A searcher over an index brought up to date with the library first."""
    with open_library(paths) as library:
        try:
            update_from_library(paths, library=library)
        except IndexBusyError as error:
            raise CliError(f"{error}; try again when it is done") from error
        with open_searcher(paths, library) as searcher:
            yield searcher


def run_after_import(paths: DataPaths) -> None:
    """Run the standing queries on what `docs` just imported, as the window does.

    Nothing happens without a saved query, so an import costs no index
    update for an analyst who keeps none. A query that fails, or an index
    another process is building, is reported on stderr and never fails the
    import: the documents stay unchecked and the next run sees them.
    """
    try:
        with writable_store(paths) as store:
            if not store.watches.list():
                return
            opened = open_analysis(paths)
            with opened.counts as counts, indexed_searcher(paths) as searcher:
                result = run_watches(store, searcher, counts)
            unseen = store.watches.unseen_count()
    except CliError as error:
        progress(f"briefreader: standing queries not run: {error} (run `briefreader watch run`)")
        return
    for name, why in result.failed.items():
        progress(f"briefreader: standing query {name!r} did not run: {why}")
    found = sum(len(ids) for ids in result.found.values())
    progress(
        f"briefreader: standing queries: {found} new matches; {unseen} documents waiting "
        "in the inbox (`briefreader watch inbox`)"
    )


def run_add(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        with (
            writable_store(paths) as store,
            open_library(paths) as library,
            open_searcher(paths, library) as searcher,
        ):
            save_watch(store, searcher, args.name, args.query)
            saved = store.watches.get(args.name)
    except (CliError, QueryError, ValueError) as error:
        return fail(str(error))
    progress("briefreader: saved; documents imported from now on will be checked against it")
    if args.json:
        print_json({"name": saved.name, "query": saved.query, "checked": saved.checked + "Z"})
    return 0


def run_list(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        with writable_store(paths) as store:
            watches = store.watches.list()
    except CliError as error:
        return fail(str(error))
    rows = [
        {
            "name": w.name,
            "query": w.query,
            "hits": w.hits,
            "unread": w.unseen,
            "checked": w.checked + "Z",
        }
        for w in watches
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("no standing queries: save one with `briefreader watch add NAME QUERY`")
    else:
        print_table(
            ["name", "query", "hits", "unread", "last run (UTC)"],
            (
                [
                    clip(r["name"], 24),
                    clip(r["query"], 40),
                    r["hits"],
                    r["unread"],
                    r["checked"][:16],
                ]
                for r in rows
            ),
        )
    return 0


def run_run(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        opened = open_analysis(paths)
        with opened.counts as counts, writable_store(paths) as store:
            with indexed_searcher(paths) as searcher:
                result = run_watches(store, searcher, counts)
            unseen = store.watches.unseen_count()
    except CliError as error:
        return fail(str(error))
    for name, why in result.failed.items():
        progress(f"briefreader: {name!r} did not run: {why}")
    if args.json:
        print_json(
            {
                "checked": result.checked + "Z",
                "found": {name: list(ids) for name, ids in result.found.items()},
                "failed": result.failed,
                "unread": unseen,
            }
        )
    else:
        for name, ids in result.found.items():
            print(f"{name}: {len(ids)} new")
        print(f"{unseen} documents waiting in the inbox")
    return 1 if result.failed else 0


def run_inbox(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        opened = open_analysis(paths)
        with opened.counts as counts, writable_store(paths) as store:
            hits = store.watches.hits(args.name, unseen_only=not args.all)
            found_by: dict[str, list[str]] = {}
            for hit in hits:
                found_by.setdefault(hit.doc_id, []).append(hit.watch)
            extra = {doc_id: {"watches": names} for doc_id, names in found_by.items()}
            rows = document_rows(paths, counts, list(found_by), extra)
    except (CliError, NotFoundError) as error:
        return fail(str(error))
    if args.json:
        print_json(rows)
    elif not rows:
        print("the inbox is empty")
    else:
        for row in rows:
            row["found by"] = ", ".join(row["watches"])
        print_document_rows(rows, "found by")
    return 0


def run_seen(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        with writable_store(paths) as store:
            before = store.watches.unseen_count()
            store.watches.mark_seen()
    except CliError as error:
        return fail(str(error))
    print(f"{before} documents taken out of the inbox")
    return 0


def run_remove(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        with writable_store(paths) as store:
            store.watches.remove(args.name)
    except (CliError, NotFoundError) as error:
        return fail(str(error))
    return 0


def run_batch(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        text = args.file.read_text(encoding="utf-8") if args.file else sys.stdin.read()
    except (OSError, UnicodeDecodeError) as error:
        return fail(f"cannot read {args.file}: {error}")
    queries = batch_lines(text)
    if not queries:
        return fail("no queries: give one per line")
    try:
        opened = open_analysis(paths)
        with opened.counts as counts, indexed_searcher(paths) as searcher:
            rows = batch_search(searcher, queries, counts, opened.gazetteer)
    except CliError as error:
        return fail(str(error))
    if args.json:
        print_json([_batch_json(row) for row in rows])
        return 0
    print_table(
        ["query", "documents", "mentions", "means"],
        (
            [
                clip(row.query, 40),
                "error" if row.error else row.documents,
                row.mentions if row.entity else "",
                row.error or (row.entity[1] if row.entity else ""),
            ]
            for row in rows
        ),
    )
    return 0


def _batch_json(row: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"query": row.query, "documents": row.documents}
    if row.entity:
        out["entity"] = entity_json(row.entity)
        out["mentions"] = row.mentions
    if row.error:
        out["error"] = row.error
    return out
