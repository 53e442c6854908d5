"""The `docs` subcommand: import files or folders and list documents.

`briefreader docs` lists the whole library (filling it from the bundled
seeds on first run); `briefreader docs PATH ...` imports the paths and lists
only the documents found in them. Progress, skips and warnings go to stderr,
so `--json` output on stdout always parses.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path, PurePath
from typing import Any

from briefreader.cli.output import fail, print_json, print_table, progress
from briefreader.cli.watch import run_after_import
from briefreader.corpus.files import DEFAULT_MAX_BYTES
from briefreader.corpus.library import Library, open_library
from briefreader.corpus.report import ImportReport
from briefreader.domain import Document
from briefreader.paths import DataPaths, seeds_dir
from briefreader.store.errors import StoreError
from briefreader.store.store import Store
from briefreader.store.versions import follow_new_versions
from briefreader.workspace.errors import ServerError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "docs",
        help="import files or folders and list their documents; without paths, list the library",
        description=(
            "Import text, Markdown, HTML, PDF, Word (.docx), RSS/Atom/OPML feeds, e-mail "
            "(.eml, mbox) and Telegram channel exports (result.json), folders recursively, "
            "into the library and list the documents found in them. Without PATH, list every "
            "document in the library."
        ),
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders")
    parser.add_argument("--json", action="store_true", help="print one JSON list of objects")
    parser.add_argument("--text", action="store_true", help="include each document's cleaned text")
    parser.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_MAX_BYTES / (1024 * 1024),
        metavar="MB",
        help="skip files larger than this (default: %(default)g)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    if args.max_mb <= 0:
        return fail("--max-mb must be positive")
    try:
        library = open_library(paths, seed=False)
        if not args.paths and (seeded := library.ensure_seeded(seeds_dir())) is not None:
            progress(f"first run: imported the bundled sample corpus ({seeded.summary()})")
    except (OSError, sqlite3.Error, ServerError) as error:
        where = paths.workspace.display if paths.workspace else paths.root
        return fail(f"cannot open the library in {where}: {error}")
    with library:
        if args.paths:
            missing = [p for p in args.paths if not p.exists() and not p.is_symlink()]
            try:
                report = library.import_paths(
                    args.paths, max_bytes=int(args.max_mb * 1024 * 1024), progress=_progress
                )
            except ServerError as error:  # a reader's role, or the server gone mid-import
                return fail(f"import stopped: {error}")
            _print_report(report)
            if report.superseded:
                _follow_new_versions(paths, library, report)
            if report.documents:
                run_after_import(paths)
            documents = [d for i in report.documents if (d := library.get(i)) is not None]
            if missing and len(missing) == len(args.paths):
                return fail("nothing to import: no such file or folder")
        else:
            documents = library.documents()
        rows = [_row(library, doc, with_text=args.text) for doc in documents]
    if args.json:
        print_json(rows)
    else:
        _print_rows(rows, with_text=args.text)
    return 0


def _follow_new_versions(paths: DataPaths, library: Library, report: ImportReport) -> None:
    """Move the analyst's excerpts onto the new versions this import created.

    Without this, excerpts would keep pointing at text that a changed file has
    replaced. When another briefreader holds the store, the move waits: the
    window re-checks every document with excerpts when it opens the store.
    """
    try:
        store = Store.open(paths)
    except StoreError as error:
        progress(f"excerpts not moved to the new versions yet: {error}")
        return
    try:
        moved = follow_new_versions(store.excerpts, library, report.superseded, grades=store.grades)
    finally:
        store.close()
    total = len(moved.moved) + len(moved.fuzzy) + len(moved.orphaned)
    if total:
        progress(
            f"excerpts on changed documents: {len(moved.moved)} moved, "
            f"{len(moved.fuzzy)} re-anchored approximately (review them), "
            f"{len(moved.orphaned)} orphaned (kept on the old version)"
        )


def _progress(done: int, total: int, path: str) -> None:
    progress(f"[{done}/{total}] {path}")


def _print_report(report: ImportReport) -> None:
    for path, reason in report.skipped:
        progress(f"skipped {path}: {reason}")
    for path, message in report.warnings:
        progress(f"warning {path}: {message}")
    progress(report.summary())


def _row(library: Library, doc: Document, *, with_text: bool) -> dict[str, Any]:
    # Local paths are never shown: the file's name, and the names of the other files it is in.
    others = [s for s in library.sources(doc.id) if s != doc.source]
    row: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "author": doc.author,
        "publisher": doc.publisher,
        "date": doc.date,
        "file": doc.file_name,
        "url": doc.url,
        "sha256": doc.sha256,
        "imported_at": doc.imported_at,
        "also_in": [PurePath(s).name for s in others],
        "source_index": doc.source_index,
        "pages": [min(doc.pages), max(doc.pages)] if doc.pages else [],
        "words": doc.words,
        "story": doc.story_id,
        "version": doc.version,
        "encoding": doc.encoding,
        "repairs": list(doc.repairs),
        "warnings": list(doc.warnings),
        "standfirst": doc.standfirst,
        "intro": doc.intro,
        "footnotes": len(doc.footnotes),
        "captions": len(doc.captions),
    }
    if with_text:
        row["text"] = doc.body
        row["footnote_text"] = list(doc.footnotes)
        row["caption_text"] = list(doc.captions)
        row["bios"] = list(doc.bios)
    return row


#: The table's columns and the width each is cut to (with an ellipsis): 99 columns with
#: the two spaces between them, so the table fits a 100-column terminal; every field
#: in full, the internal ids included, is in --json and --text.
TABLE_COLUMNS = (("title", 38), ("author", 16), ("publisher", 16), ("date", 10), ("words", 5))
TABLE_WIDTH = 100


def _print_rows(rows: list[dict[str, Any]], *, with_text: bool) -> None:
    if not with_text:
        print_table(
            [name for name, _width in TABLE_COLUMNS] + ["warn"],
            (
                [
                    *(_clip(_cell(r, name), width) for name, width in TABLE_COLUMNS),
                    len(r["warnings"]) or "",
                ]
                for r in rows
            ),
        )
        return
    for r in rows:
        print(f"== {r['title']}")
        for key in ("author", "publisher", "date", "file", "url", "words", "version"):
            if r[key] not in ("", None):
                print(f"{key}: {r[key]}")
        for key in ("also_in", "repairs", "warnings"):
            if r[key]:
                print(f"{key}: {'; '.join(r[key])}")
        if r["standfirst"]:
            print(f"standfirst: {r['standfirst']}")
        if r["intro"]:
            print(f"intro: {r['intro']}")
        print()
        print(r["text"])
        if r["footnote_text"]:
            print("\nNotes:")
            print("\n".join(r["footnote_text"]))
        print()


def _cell(row: dict[str, Any], name: str) -> str:
    value = row[name]
    if name == "date":
        return str(value or "undated")
    return " ".join(str(value if value is not None else "").split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
