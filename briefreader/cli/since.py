"""The `since` subcommand: what's new since a briefing or a date.

`briefreader since` alone counts from the briefing changed most recently;
`since "Weekly 12"` from that briefing; `since 2024-03-01` from that day.
"""

from __future__ import annotations

import argparse
from typing import Any

from briefreader.analysis.periods import parse_day
from briefreader.analysis.since import Cut, ShareChange, Since, cut_at, cut_at_briefing, since
from briefreader.cli.counting import CliError, clip, entity_json, open_analysis
from briefreader.cli.dossier import work_store
from briefreader.cli.notes import one_line
from briefreader.cli.output import fail, print_json, print_table
from briefreader.paths import DataPaths
from briefreader.store import NotFoundError, Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "since",
        help="what's new since a briefing or a date: documents, entities, excerpts, notes",
        description=(
            "What came in since a briefing (when it was last changed) or a date: documents "
            "imported or published since, groups and countries seen for the first time, the "
            "ones whose share of mentions rose or fell most, and new excerpts and notes. "
            "Without BRIEFING or DATE, since the briefing changed most recently."
        ),
    )
    parser.add_argument(
        "since", nargs="?", metavar="BRIEFING|DATE", help="a briefing's name or 2024-03-01"
    )
    parser.add_argument(
        "--limit", type=int, default=10, metavar="N", help="entities per list (default 10)"
    )
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    parser.set_defaults(run=run)


def _cut(store: Store | None, text: str | None) -> Cut:
    if text is not None and (day := parse_day(text)) is not None and len(text.strip()) == 10:
        return cut_at(day)
    if store is None:
        raise CliError("there is no briefing yet; give a date (2024-03-01)")
    try:
        return cut_at_briefing(store, text)
    except NotFoundError as error:
        raise CliError(f"{error}; or give a date (2024-03-01)") from error


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        opened = open_analysis(paths)
    except CliError as error:
        return fail(str(error))
    with opened.counts as counts, work_store(paths) as store:
        try:
            cut = _cut(store, args.since)
        except CliError as error:
            return fail(str(error))
        result = since(counts, cut, store=store, limit=max(args.limit, 1))
    if args.json:
        print_json(since_json(result))
    else:
        print_since(result)
    return 0


def _change_json(change: ShareChange) -> dict[str, Any]:
    return {
        **entity_json(change.entity),
        "share_before": round(change.before, 2),
        "share_after": round(change.after, 2),
        "mentions_before": change.mentions_before,
        "mentions_after": change.mentions_after,
    }


def since_json(result: Since) -> dict[str, Any]:
    return {
        "since": result.cut.moment + "Z",
        "label": result.cut.label,
        "older_documents": result.older_documents,
        "documents": [
            {
                "id": d.doc_id,
                "title": d.title,
                "day": d.day,
                "dated": d.dated,
                "imported": d.imported + "Z",
                "imported_since": d.imported_since,
                "published_since": d.published_since,
            }
            for d in result.documents
        ],
        "first_seen": [
            {**entity_json(t.entity), "mentions": t.mentions, "documents": t.documents}
            for t in result.first_seen
        ],
        "rising": [_change_json(c) for c in result.rising],
        "falling": [_change_json(c) for c in result.falling],
        "excerpts": [
            {"id": e.id, "document": e.doc_id, "quote": e.quote, "created": e.created}
            for e in result.excerpts
        ],
        "notes": [
            {"id": n.id, "on": n.target.kind, "text": n.text, "created": n.created}
            for n in result.notes
        ],
    }


def _why(doc: Any) -> str:
    if doc.imported_since and doc.published_since:
        return "published and imported"
    return "published" if doc.published_since else "imported"


def _changes(title: str, changes: tuple[ShareChange, ...]) -> None:
    if not changes:
        return
    print(f"\n{title}:")
    print_table(
        ["", "before", "since", "change"],
        (
            [
                clip(c.entity[1], 36),
                f"{c.before:.1f}%",
                f"{c.after:.1f}%",
                f"{c.change:+.1f} pts",
            ]
            for c in changes
        ),
    )


def print_since(result: Since) -> None:
    print(f"since {result.cut.label}:")
    print(
        f"{len(result.documents)} new documents (against {result.older_documents} older), "
        f"{len(result.excerpts)} new excerpts, {len(result.notes)} new notes"
    )
    if result.documents:
        print()
        print_table(
            ["day", "new because", "title"],
            (
                [
                    d.day if d.dated else f"{d.day} (imported)",
                    _why(d),
                    clip(d.title or "(untitled)", 60),
                ]
                for d in result.documents
            ),
        )
    if result.first_seen:
        seen = ", ".join(f"{t.entity[1]} ({t.mentions})" for t in result.first_seen)
        print(f"\nseen for the first time: {seen}")
    _changes("share of mentions rose most", result.rising)
    _changes("share of mentions fell most", result.falling)
    if result.excerpts:
        print(f"\nnew excerpts ({len(result.excerpts)}):")
        for excerpt in result.excerpts:
            print(f"  “{one_line(excerpt.quote, 90)}”")
    if result.notes:
        print(f"\nnew notes ({len(result.notes)}):")
        for note in result.notes:
            print(f"  [{note.target.kind}] {one_line(note.text, 90)}")
