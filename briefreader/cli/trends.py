"""The `trends` and `cooccur` subcommands: mentions over time, and who appears with whom.

Both read the per-document counts kept in the library (counting whatever an
import added first), never the text, so they answer in well under a second
on a large library.
"""

from __future__ import annotations

import argparse
from typing import Any

from briefreader.analysis.cooccur import COUNT_BY, Matrix, documents_behind, matrix
from briefreader.analysis.periods import UNITS
from briefreader.analysis.tally import EntityKey
from briefreader.analysis.trends import METRICS, Timeline, timeline, top_entities
from briefreader.cli.counting import (
    CliError,
    add_period_arguments,
    clip,
    entities_named,
    entity_json,
    open_analysis,
    scope_of,
)
from briefreader.cli.documents import document_rows, print_document_rows
from briefreader.cli.output import fail, print_json, print_table, progress
from briefreader.paths import DataPaths


def register(subparsers: argparse._SubParsersAction) -> None:
    trends = subparsers.add_parser(
        "trends",
        help="mentions of groups or countries per week or month",
        description=(
            "How often groups or countries were mentioned per week or month, by the "
            "documents' publication dates (import dates for documents without one; the "
            "output says how many). Any spelling names an entity. Without NAME, the most "
            "mentioned groups."
        ),
    )
    trends.add_argument("names", nargs="*", metavar="NAME", help="groups or countries")
    trends.add_argument("--by", choices=UNITS, default="month", help="period (default: month)")
    trends.add_argument(
        "--metric",
        choices=METRICS,
        default="mentions",
        help="mentions, documents naming it, or share of all mentions in %% (default: mentions)",
    )
    trends.add_argument(
        "--top", type=_positive, default=5, metavar="N", help="without NAME: the N most mentioned"
    )
    trends.add_argument(
        "--kind", choices=("group", "country"), default="group", help="without NAME: which kind"
    )
    add_period_arguments(trends)
    trends.add_argument("--json", action="store_true", help="print the series as JSON")
    trends.set_defaults(run=run_trends)

    cooccur = subparsers.add_parser(
        "cooccur",
        help="how often groups appear with countries or with other groups",
        description=(
            "A table of co-mentions: the documents (or paragraphs) naming both a row and a "
            "column. Rows and columns are the most mentioned entities of a kind, or the ones "
            "named with --row/--column. With --cell ROW COLUMN, list the documents behind "
            "one cell instead."
        ),
    )
    cooccur.add_argument(
        "--rows", choices=("groups", "countries"), default="groups", help="default: groups"
    )
    cooccur.add_argument(
        "--columns", choices=("groups", "countries"), default="countries", help="default: countries"
    )
    cooccur.add_argument("--row", action="append", default=[], metavar="NAME", help="a row entity")
    cooccur.add_argument(
        "--column", action="append", default=[], metavar="NAME", help="a column entity"
    )
    cooccur.add_argument("--by", choices=COUNT_BY, default="document", help="default: document")
    cooccur.add_argument(
        "--top", type=_positive, default=12, metavar="N", help="entities per axis (default 12)"
    )
    cooccur.add_argument(
        "--cell", nargs=2, metavar=("ROW", "COLUMN"), help="list the documents behind one cell"
    )
    add_period_arguments(cooccur)
    cooccur.add_argument("--json", action="store_true", help="print the table as JSON")
    cooccur.set_defaults(run=run_cooccur)


_KINDS = {"groups": "group", "countries": "country"}


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run_trends(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        scope = scope_of(args)
        opened = open_analysis(paths)
    except CliError as error:
        return fail(str(error))
    with opened.counts as counts:
        try:
            entities = entities_named(opened.gazetteer, args.names)
        except CliError as error:
            return fail(str(error))
        if not entities:
            top = top_entities(counts, args.kind, limit=args.top, scope=scope)
            entities = [t.entity for t in top]
        result = timeline(counts, entities, unit=args.by, metric=args.metric, scope=scope)
    if args.json:
        if result.undated_note:
            progress(f"briefreader: {result.undated_note}")
        print_json(_timeline_json(result))
    else:
        _print_timeline(result)
    return 0


def _timeline_json(result: Timeline) -> dict[str, Any]:
    return {
        "unit": result.unit,
        "metric": result.metric,
        "documents": result.documents,
        "undated": result.undated,
        "note": result.undated_note,
        "periods": [
            {"label": p.label, "start": p.start.isoformat(), "end": p.end.isoformat()}
            for p in result.periods
        ],
        "series": [
            {
                **entity_json(s.entity),
                "values": [round(v, 2) if result.metric == "share" else int(v) for v in s.values],
                "mentions": s.mentions,
                "documents": s.documents,
            }
            for s in result.series
        ],
    }


def _print_timeline(result: Timeline) -> None:
    if not result.series:
        print("no groups or countries in these documents")
        return
    print(f"{result.metric} per {result.unit}, {result.documents} documents")
    headers = ["period", *(clip(s.entity[1], 18) for s in result.series)]

    def cell(value: float) -> str:
        return f"{value:.1f}%" if result.metric == "share" else str(int(value))

    rows = [
        [period.label, *(cell(s.values[i]) for s in result.series)]
        for i, period in enumerate(result.periods)
        if any(s.values[i] for s in result.series)
    ]
    rows.append(["all mentions", *(str(s.mentions) for s in result.series)])
    rows.append(["all documents", *(str(s.documents) for s in result.series)])
    print_table(headers, rows)
    empty = len(result.periods) + 2 - len(rows)
    if empty:
        print(f"({empty} {result.unit}s with no mention not shown)")
    if result.undated_note:
        print(f"note: {result.undated_note}")


def run_cooccur(args: argparse.Namespace, paths: DataPaths) -> int:
    try:
        scope = scope_of(args)
        opened = open_analysis(paths)
    except CliError as error:
        return fail(str(error))
    with opened.counts as counts:
        try:
            rows: list[EntityKey] | str = (
                entities_named(opened.gazetteer, args.row) or _KINDS[args.rows]
            )
            columns: list[EntityKey] | str = (
                entities_named(opened.gazetteer, args.column) or _KINDS[args.columns]
            )
            cell = entities_named(opened.gazetteer, args.cell) if args.cell else None
        except CliError as error:
            return fail(str(error))
        if cell is not None:
            if len(cell) != 2:
                return fail("--cell names the same entity twice")
            ids = documents_behind(counts, cell[0], cell[1], count_by=args.by, scope=scope)
            listed = document_rows(paths, counts, ids)
        else:
            table = matrix(
                counts,
                rows,  # type: ignore[arg-type]
                columns,  # type: ignore[arg-type]
                count_by=args.by,
                limit=args.top,
                scope=scope,
            )
    if cell is not None:
        if args.json:
            print_json(listed)
        else:
            print(f"{len(listed)} documents name both {cell[0][1]} and {cell[1][1]}")
            print_document_rows(listed)
        return 0
    if args.json:
        print_json(_matrix_json(table))
    else:
        _print_matrix(table)
    return 0


def _matrix_json(table: Matrix) -> dict[str, Any]:
    def axis(totals: Any) -> list[dict[str, Any]]:
        return [
            {**entity_json(t.entity), "mentions": t.mentions, "documents": t.documents}
            for t in totals
        ]

    return {
        "count_by": table.count_by,
        "documents": table.documents,
        "rows": axis(table.rows),
        "columns": axis(table.columns),
        "cells": [list(row) for row in table.cells],
    }


def _print_matrix(table: Matrix) -> None:
    unit = "documents" if table.count_by == "document" else "paragraphs"
    print(f"{unit} naming both, over {table.documents} documents")
    if not table.rows or not table.columns:
        print("no groups or countries in these documents")
        return
    headers = ["", *(f"[{i}]" for i in range(1, len(table.columns) + 1))]
    rows = [
        [clip(r.entity[1], 28), *("-" if v is None else str(v) for v in line)]
        for r, line in zip(table.rows, table.cells, strict=True)
    ]
    print_table(headers, rows)
    print()
    for i, column in enumerate(table.columns, 1):
        print(f"[{i}] {column.entity[1]}")
