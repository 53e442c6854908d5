"""The `search` subcommand (being written; see its issue)."""

from __future__ import annotations

import argparse

from briefreader.cli.output import fail
from briefreader.paths import DataPaths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="(not yet available)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    return fail("the search command is not available yet")
