"""The `workspace` subcommand: set up a team workspace, add analysts, check it.

What an IT department runs, once per team, as a role that may create
schemas and roles (never as an analyst):

    briefreader --workspace postgresql://admin@db/team workspace setup
    briefreader --workspace postgresql://admin@db/team workspace add-analyst alice
    briefreader --workspace postgresql://admin@db/team workspace add-analyst carol --read-only

and what anyone can run to see where they stand:

    briefreader --workspace postgresql://alice@db/team workspace status

Passwords are typed at a hidden prompt (or read from the first line of
standard input with --password-stdin), hashed on this machine before they
reach the server, and never printed; the server's address is shown without
its password.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from briefreader.cli.output import fail, print_json
from briefreader.paths import DataPaths
from briefreader.workspace.errors import ServerError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "workspace",
        help="set up a team workspace on PostgreSQL, add analysts, show its status",
        description=(
            "Team workspaces live on a PostgreSQL server named with --workspace (or "
            "BRIEFREADER_WORKSPACE, or workspace.toml in the data directory)."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    setup = actions.add_parser(
        "setup",
        help="create or upgrade the workspace's tables and group roles (administrators)",
    )
    setup.set_defaults(run=run_setup)
    add = actions.add_parser(
        "add-analyst",
        help="give an analyst their own login role (administrators)",
        description="Create NAME as a login role able to write (or only read) the workspace.",
    )
    add.add_argument("name", metavar="NAME", help="the analyst's role name, e.g. alice")
    add.add_argument("--read-only", action="store_true", help="may read but not change")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (for scripts)",
    )
    add.add_argument(
        "--no-password",
        action="store_true",
        help="set no password (the server authenticates otherwise: Kerberos, certificates)",
    )
    add.set_defaults(run=run_add_analyst)
    status = actions.add_parser("status", help="who you are there, and what it holds")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(run=run_status)


def _need_workspace(paths: DataPaths) -> str | None:
    if paths.workspace is None:
        return "no team workspace given: use --workspace postgresql://… (see --help)"
    return None


def run_setup(args: argparse.Namespace, paths: DataPaths) -> int:
    if (problem := _need_workspace(paths)) is not None:
        return fail(problem)
    from briefreader.store.postgres.setup import setup_workspace

    assert paths.workspace is not None
    try:
        applied = setup_workspace(paths.workspace)
    except ServerError as error:
        return fail(f"setting up {paths.workspace.display} failed: {error}")
    done = ", ".join(f"{name} +{n}" for name, n in applied.items() if n) or "already up to date"
    print(f"workspace {paths.workspace.display} is set up ({done})")
    return 0


def _read_password(args: argparse.Namespace) -> str | None:
    if args.no_password:
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(f"password for {args.name}: ")
    if first != getpass.getpass("again: "):
        raise ValueError("the two passwords differ; nothing was changed")
    return first


def run_add_analyst(args: argparse.Namespace, paths: DataPaths) -> int:
    if (problem := _need_workspace(paths)) is not None:
        return fail(problem)
    from briefreader.workspace.admin import add_analyst
    from briefreader.workspace.connection import Connection

    assert paths.workspace is not None
    try:
        password = _read_password(args)
    except (ValueError, EOFError, KeyboardInterrupt) as error:
        return fail(str(error) or "no password given; nothing was changed")
    if password is not None and not password:
        return fail("an empty password is not allowed; nothing was changed")
    try:
        conn = Connection(paths.workspace, application_name="briefreader setup")
        try:
            add_analyst(conn, args.name, password, read_only=args.read_only)
        finally:
            conn.close()
    except ServerError as error:
        return fail(f"could not add {args.name}: {error}")
    kind = "read only" if args.read_only else "read and write"
    print(f"{args.name} can now log in to {paths.workspace.display} ({kind})")
    return 0


def run_status(args: argparse.Namespace, paths: DataPaths) -> int:
    if (problem := _need_workspace(paths)) is not None:
        return fail(problem)
    from briefreader.workspace.connection import Connection
    from briefreader.workspace.schema import SCHEMA, version_of

    assert paths.workspace is not None
    try:
        conn = Connection(paths.workspace, application_name="briefreader status", schema=SCHEMA)
        try:
            info = _status(conn, version_of)
        finally:
            conn.close()
    except ServerError as error:
        return fail(str(error))
    info["workspace"] = paths.workspace.display
    if args.json:
        print_json(info)
        return 0
    print(f"workspace  {info['workspace']}")
    print(f"you        {info['role']} ({'read and write' if info['writer'] else 'read only'})")
    print(f"tables     {', '.join(f'{k} v{v}' for k, v in info['versions'].items())}")
    if info["versions"].get("library"):
        print(f"library    {info['documents']} documents")
    if info["versions"].get("work"):
        print(f"work       {info['notes']} notes, {info['excerpts']} excerpts")
    return 0


def _status(conn: Any, version_of: Any) -> dict[str, Any]:
    role = conn.execute("SELECT current_user").fetchone()[0]
    versions = {c: version_of(conn, c) for c in ("workspace", "library", "work")}
    info: dict[str, Any] = {"role": role, "versions": versions, "writer": False}
    if versions["library"]:
        info["documents"] = conn.execute(
            "SELECT COUNT(*) FROM documents WHERE current = 1"
        ).fetchone()[0]
    if versions["work"]:
        info["notes"] = conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
        info["excerpts"] = conn.execute("SELECT COUNT(*) FROM excerpts").fetchone()[0]
        info["writer"] = bool(
            conn.execute("SELECT has_table_privilege('notes', 'INSERT')").fetchone()[0]
        )
    return info
