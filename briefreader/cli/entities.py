"""The `entities` subcommand: which groups and countries each file names.

It reads each file, decodes it (byte-order mark, strict UTF-8, then the
corpus's flagged fallbacks) and matches the decoded text as it is: no
repair, no normalisation, so every offset indexes exactly the text a script
gets by decoding the same bytes. The analyst's gazetteer additions in the
data directory are used.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from briefreader.cli.output import fail, gazetteer_problems, print_json, print_table, progress
from briefreader.corpus.decode import Undecodable, decode_bytes
from briefreader.domain import Mention
from briefreader.entities.cache import matcher_for_files
from briefreader.paths import DataPaths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "entities",
        help="list the groups and countries each file names, with offsets",
        description=(
            "Find every militant group and country each file names. Offsets are "
            "character offsets into the file's decoded text, exactly as stored: this "
            "command applies no cleanup."
        ),
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="text files to read")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print [{"file", "mentions": [{"start", "end", "text", "kind", "canonical"}]}]',
    )
    parser.set_defaults(run=run)


def read_text(path: Path) -> str:
    """The file's text, decoded but otherwise untouched ("" for an empty file)."""
    data = path.read_bytes()
    if not data:
        return ""
    decoded = decode_bytes(data)
    for warning in decoded.warnings:
        progress(f"{path}: {warning}")
    return decoded.text


def mention_json(mention: Mention) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.surface,
        "kind": mention.kind,
        "canonical": mention.canonical,
    }


def _print_listing(path: str, mentions: list[Mention]) -> None:
    kinds = Counter(m.kind for m in mentions)
    distinct = len({(m.kind, m.canonical) for m in mentions})
    print(
        f"{path}: {len(mentions)} mentions of {distinct} entities "
        f"({kinds['group']} group, {kinds['country']} country)"
    )
    if mentions:
        rows = [
            (m.start, m.end, m.kind, m.canonical, " ".join(m.surface.split())) for m in mentions
        ]
        print_table(("start", "end", "kind", "canonical", "text"), rows)
    print()


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    matcher = matcher_for_files(paths.user_gazetteer, paths.cache_dir)
    gazetteer_problems(matcher.gazetteer.problems)
    results: list[dict[str, Any]] = []
    status = 0
    for path in args.files:
        try:
            text = read_text(path)
        except (OSError, Undecodable) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            status = fail(f"{path}: {reason}", 1)
            results.append({"file": str(path), "error": str(reason), "mentions": []})
            continue
        mentions = matcher.find(text)
        if args.json:
            results.append({"file": str(path), "mentions": [mention_json(m) for m in mentions]})
        else:
            _print_listing(str(path), mentions)
    if args.json:
        print_json(results)
    sys.stdout.flush()
    return status
