"""Headless commands. Each module registers one or more subcommands.

A module exposes `register(subparsers)`, which adds its parsers and sets
`run=<function(args, paths) -> exit status>` as their default. The order here
is the order `briefreader --help` lists them in.
"""

from __future__ import annotations

from types import ModuleType

from briefreader.cli import (
    backup,
    bulk,
    docs,
    dossier,
    entities,
    export,
    gazetteer,
    notes,
    open_link,
    search,
    since,
    trends,
    watch,
    workspace,
)

SUBCOMMANDS: tuple[ModuleType, ...] = (
    docs,
    entities,
    gazetteer,
    search,
    notes,
    export,
    open_link,
    dossier,
    trends,
    since,
    watch,
    workspace,
    backup,
    bulk,
)
