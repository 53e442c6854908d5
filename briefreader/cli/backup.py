"""The `backup` subcommand: list, take and restore backups of the notes and the library.

`briefreader backup` (or `backup list`) numbers every backup newest first;
`backup now` takes one of each file; `backup restore N` puts backup N back,
setting the current file aside first (renamed, never deleted). Files are
named, never where they live.
"""

from __future__ import annotations

import argparse

from briefreader.cli.output import fail, print_json, print_table
from briefreader.control.backup_files import (
    SERVER_KEEPS_BACKUPS,
    BackupCommandError,
    listing,
    restore,
    take_now,
    when,
)
from briefreader.paths import DataPaths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="list, take or restore verified backups of the notes and the library",
        description=(
            "Both the analyst's work (notes, excerpts, briefings) and the library are backed "
            "up automatically: hourly while in use, before a schema upgrade (notes) and before "
            "every import (library), each copy checked before it counts. 'list' numbers them "
            "newest first; 'now' takes one of each; 'restore N' puts backup N back, setting "
            "the current file aside first (renamed, never deleted)."
        ),
    )
    parser.add_argument(
        "action",
        nargs="?",
        default="list",
        choices=("list", "now", "restore"),
        help="what to do (default: list)",
    )
    parser.add_argument("number", nargs="?", type=int, metavar="N", help="for restore: which")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def _size(size: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        if args.action == "now":
            return _now(args, paths)
        if args.action == "restore":
            if args.number is None:
                return fail("say which backup to restore: briefreader backup restore N")
            return _restore(args, paths)
        if args.number is not None:
            return fail("only restore takes a number")
        return _list(args, paths)
    except BackupCommandError as error:
        return fail(str(error), 1)


def _list(args: argparse.Namespace, paths: DataPaths) -> int:
    if paths.workspace is not None:
        print(SERVER_KEEPS_BACKUPS)
        return 0
    found = listing(paths)
    if args.json:
        print_json(
            [
                {
                    "number": item.number,
                    "taken": item.info.taken.isoformat(),
                    "store": item.what,
                    "reason": item.info.reason,
                    "size": item.info.size,
                    "verified": item.verified,
                    "file": item.info.path.name,
                }
                for item in found
            ]
        )
        return 0
    if not found:
        print("no backups yet")
        return 0
    print_table(
        ("N", "taken", "of", "why", "size", "verified"),
        (
            (
                item.number,
                when(item.info.taken),
                item.what,
                item.info.reason,
                _size(item.info.size),
                "yes" if item.verified else "DAMAGED",
            )
            for item in found
        ),
    )
    return 0


def _now(args: argparse.Namespace, paths: DataPaths) -> int:
    taken = take_now(paths)
    if args.json:
        print_json(
            [{"store": "notes" if t.stem == "work" else t.stem, "file": t.path.name} for t in taken]
        )
        return 0
    for info in taken:
        what = "notes" if info.stem == "work" else info.stem
        print(f"backed up the {what} ({_size(info.size)}, verified): {info.path.name}")
    return 0


def _restore(args: argparse.Namespace, paths: DataPaths) -> int:
    done = restore(paths, args.number)
    info = done.listed.info
    aside = f"; the file it replaced was kept as {done.set_aside_as}" if done.set_aside_as else ""
    if args.json:
        print_json(
            {
                "restored": info.path.name,
                "store": done.listed.what,
                "taken": info.taken.isoformat(),
                "set_aside_as": done.set_aside_as,
            }
        )
        return 0
    print(f"restored the {done.listed.what} from backup {args.number} ({when(info.taken)}){aside}")
    return 0
