"""The `dossier` subcommand: everything about one group or country, by any spelling.

Reads the counts (never the documents' text) and, when the analyst's work
database exists, their excerpts and notes, read-only.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from briefreader.analysis.dossier import Companion, Dossier, DossierDocument, dossier
from briefreader.cli.counting import CliError, clip, entities_named, entity_json, open_analysis
from briefreader.cli.notes import one_line
from briefreader.cli.output import fail, print_json, print_table, progress
from briefreader.paths import DataPaths
from briefreader.store import Store, StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "dossier",
        help="everything about one group or country: spellings, relatives, documents, excerpts",
        description=(
            "The dossier of a group or country, named by any spelling: every spelling seen "
            "with counts, its relatives in the gazetteer, first and last seen, the groups and "
            "countries most often named with it, its documents newest first, and the excerpts "
            "and notes that mention it."
        ),
    )
    parser.add_argument("name", nargs="+", metavar="NAME", help="a group or country, any spelling")
    parser.add_argument(
        "--limit", type=int, default=20, metavar="N", help="documents listed (default 20, 0: all)"
    )
    parser.add_argument("--json", action="store_true", help="print the dossier as JSON")
    parser.set_defaults(run=run)


@contextmanager
def work_store(paths: DataPaths) -> Iterator[Store | None]:
    """The analyst's store, read-only, or None when there is none (or it cannot be read)."""
    if not paths.work_db.exists():
        yield None
        return
    try:
        store = Store.open(paths, read_only=True)
    except StoreError as error:
        progress(f"briefreader: excerpts and notes left out: {error}")
        yield None
        return
    try:
        yield store
    finally:
        store.close()


def run(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        opened = open_analysis(paths)
    except CliError as error:
        return fail(str(error))
    with opened.counts as counts:
        try:
            (entity,) = entities_named(opened.gazetteer, [" ".join(args.name)])
        except CliError as error:
            return fail(str(error))
        with work_store(paths) as store:
            result = dossier(
                counts, entity, opened.gazetteer, store=store, find=opened.matcher.find
            )
    if args.json:
        print_json(dossier_json(result, args.limit))
    else:
        print_dossier(result, args.limit)
    return 0


def _document_json(doc: DossierDocument) -> dict[str, Any]:
    return {
        "id": doc.doc_id,
        "title": doc.title,
        "publisher": doc.publisher,
        "day": doc.day,
        "dated": doc.dated,
        "mentions": doc.mentions,
    }


def _companions_json(companions: tuple[Companion, ...]) -> list[dict[str, Any]]:
    return [{**entity_json(c.entity), "documents": c.documents} for c in companions]


def dossier_json(result: Dossier, limit: int) -> dict[str, Any]:
    shown = result.documents if limit <= 0 else result.documents[:limit]
    return {
        **entity_json(result.entity),
        "mentions": result.mentions,
        "documents_count": len(result.documents),
        "undated": result.undated,
        "first_seen": _document_json(result.first_seen) if result.first_seen else None,
        "last_seen": _document_json(result.last_seen) if result.last_seen else None,
        "spellings": [
            {"text": s.text, "mentions": s.mentions, "documents": s.documents}
            for s in result.spellings
        ],
        "unseen_spellings": list(result.unseen_spellings),
        "relatives": [
            {"relation": r.relation, **entity_json(r.entity), "mentions": r.mentions}
            for r in result.relatives
        ],
        "groups_with": _companions_json(result.groups_with),
        "countries_with": _companions_json(result.countries_with),
        "documents": [_document_json(d) for d in shown],
        "excerpts": [
            {
                "id": e.id,
                "document": e.doc_id,
                "quote": e.quote,
                "paragraph": e.paragraph + 1,
                "comment": e.comment,
                "tags": list(e.tags),
                "created": e.created,
            }
            for e in result.excerpts
        ],
        "notes": [
            {"id": n.id, "on": n.target.kind, "text": n.text, "updated": n.updated}
            for n in result.notes
        ],
    }


def _day(doc: DossierDocument) -> str:
    return doc.day if doc.dated else f"{doc.day} (imported)"


def _names(companions: tuple[Companion, ...]) -> str:
    return ", ".join(f"{c.entity[1]} ({c.documents})" for c in companions) or "none"


def print_dossier(result: Dossier, limit: int) -> None:
    kind, name = result.entity
    print(f"{name} ({kind})")
    if not result.documents:
        print("not mentioned in any document of the library yet")
    else:
        first, last = result.first_seen, result.last_seen
        assert first is not None and last is not None
        print(
            f"{result.mentions} mentions in {len(result.documents)} documents; "
            f"first seen {_day(first)}, last seen {_day(last)}"
        )
        if result.undated:
            print(f"({result.undated} of them have no publication date: placed by import date)")
        seen = ", ".join(f"{s.text} {s.mentions}" for s in result.spellings)
        print(f"spellings seen: {seen}")
    if result.unseen_spellings:
        print(f"known spellings not seen yet: {len(result.unseen_spellings)}")
    for relative in result.relatives:
        print(f"{relative.relation} {relative.entity[1]} ({relative.mentions} mentions)")
    if result.documents:
        print(f"groups most often with it (documents): {_names(result.groups_with)}")
        print(f"countries most often with it (documents): {_names(result.countries_with)}")
        shown = result.documents if limit <= 0 else result.documents[:limit]
        print(f"\ndocuments, newest first ({len(shown)} of {len(result.documents)}):")
        print_table(
            ["day", "mentions", "title", "publisher"],
            (
                [_day(d), d.mentions, clip(d.title or "(untitled)", 56), clip(d.publisher, 24)]
                for d in shown
            ),
        )
    if result.excerpts:
        print(f"\nexcerpts ({len(result.excerpts)}):")
        for excerpt in result.excerpts:
            print(f"  “{one_line(excerpt.quote, 90)}”")
    if result.notes:
        print(f"\nnotes ({len(result.notes)}):")
        for note in result.notes:
            print(f"  [{note.target.kind}] {one_line(note.text, 90)}")
