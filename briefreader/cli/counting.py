"""What the analysis subcommands share: opening the counts, reading names and dates.

Counting a library for the first time takes a while (every document is
matched once), so it reports progress on stderr; afterwards a command only
counts what was imported since.
"""

from __future__ import annotations

import argparse
import sqlite3
from datetime import date

from briefreader.analysis.names import UnknownEntityError, resolve
from briefreader.analysis.opening import Opened, open_counts
from briefreader.analysis.periods import parse_day, period_of
from briefreader.analysis.scope import Scope
from briefreader.analysis.tally import EntityKey
from briefreader.cli.output import progress
from briefreader.entities import Gazetteer
from briefreader.paths import DataPaths
from briefreader.sqlfile.faults import describe_os_error


class CliError(Exception):
    """A problem with the command line or the data directory, said in one line."""


def open_analysis(paths: DataPaths) -> Opened:
    """The counts of `paths`, synced, with progress on stderr for a long first count."""
    shown = -1

    def step(done: int, total: int) -> None:
        nonlocal shown
        tenth = done * 10 // max(total, 1)
        if total >= 500 and tenth != shown:
            shown = tenth
            progress(f"briefreader: counting groups and countries {done}/{total}")

    try:
        opened = open_counts(paths, progress=step)
    except (OSError, sqlite3.Error) as error:
        raise CliError(f"cannot count groups and countries: {describe_os_error(error)}") from error
    for problem in opened.gazetteer.problems:
        progress(f"briefreader: gazetteer: {problem}")
    return opened


def entities_named(gazetteer: Gazetteer, names: list[str]) -> list[EntityKey]:
    try:
        return list(dict.fromkeys(resolve(gazetteer, name) for name in names))
    except UnknownEntityError as error:
        raise CliError(str(error)) from error


def add_period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="only documents from this day or month on (2024-03-01, 2024-03)",
    )
    parser.add_argument(
        "--to", dest="end", metavar="DATE", help="only documents up to this day or month"
    )


def scope_of(args: argparse.Namespace) -> Scope:
    start = _bound(args.start, end=False) if args.start else None
    end = _bound(args.end, end=True) if args.end else None
    if start and end and end < start:
        raise CliError("--to is before --from")
    return Scope(start, end)


def _bound(text: str, *, end: bool) -> date:
    day = parse_day(text)
    if day is None:
        raise CliError(f"not a date: {text!r} (write 2024-03-01 or 2024-03)")
    if end and len(text.strip()) == 7:  # a month: up to its last day
        return period_of(day, "month").end
    return day


def entity_json(key: EntityKey) -> dict[str, str]:
    return {"kind": key[0], "name": key[1]}


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
