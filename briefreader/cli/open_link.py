"""The `open` subcommand: show the paragraph a briefreader:// link names.

    briefreader [--data-dir DIR] open [URL]

A Markdown hand-off links each citation to its paragraph
(`briefreader://doc/<key>#p<n>`); the desktop file registers the scheme, so a
click in a note tool runs this command. When a window is open on the same
data directory the link goes to it (it shows the paragraph and comes to the
front); otherwise this command becomes that window, started on the link.
Without URL it raises the open window, or starts one.

Exit status: 0 shown (or the window, started here, closed normally);
1 no document in the library has the link; 2 not a briefreader link, or the
window cannot start (no display).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from briefreader.cli.output import fail
from briefreader.control.link_channel import ERROR, OPENED, send
from briefreader.corpus.library import open_library
from briefreader.export.links import DocumentLink, LinkError, parse_link, resolve
from briefreader.paths import DataPaths

EPILOG = (
    "Exit status: 0 shown; 1 no document in this library has the link; 2 not a "
    "briefreader link, or no window could start. A window already open on the same data "
    "directory shows the link; otherwise one starts on it."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "open",
        help="show the paragraph a briefreader:// link names (links in Markdown exports)",
        description="Show the document and paragraph a briefreader://doc/<key>#p<n> link "
        "names, in the window already open on this data directory, or in a new one.",
        epilog=EPILOG,
    )
    parser.add_argument(
        "url",
        nargs="?",
        metavar="URL",
        help="a link like briefreader://doc/k3f9q2m7x4ab#p12 (as a Markdown export writes "
        "them); without one, the open window comes to the front (or one starts)",
    )
    parser.set_defaults(run=run)


def _known(paths: DataPaths, link: DocumentLink) -> bool:
    """Whether this library has the linked document (asked before starting a window)."""
    with open_library(paths) as library:
        ids = [listed.id for listed in library.listing()]
        return resolve(link, ids) is not None or library.get(link.key) is not None


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    link: DocumentLink | None = None
    if args.url:
        try:
            link = parse_link(args.url)
        except LinkError as error:
            return fail(str(error))
    try:
        answer = send(paths, link.url if link else "")
    except OSError as error:
        answer = None
        reason = error.strerror or str(error)
        print(f"briefreader: the open window did not answer ({reason}); starting another")
    if answer is not None:
        if answer.startswith(f"{ERROR} "):
            return fail(answer.removeprefix(f"{ERROR} "), 1)
        print(f"briefreader: {answer.removeprefix(f'{OPENED} ')} in the open window")
        return 0
    if link is not None and not _known(paths, link):
        return fail("no document in this library has that link (was it imported here?)", 1)
    start: Callable[[str | None], int] | None = getattr(args, "start_window", None)
    if start is None:
        return fail("no window is open and none can be started from here")
    return start(link.url if link else None)
