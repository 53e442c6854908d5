"""The `bulk` subcommand: import a large corpus with Apache Spark into a new library.

    briefreader bulk SOURCE... --into DATA_DIR [--master local[4] | spark://host:7077]

Runs briefreader.bulk.pipeline (needs the `spark` extra and Java) and prints
what it did; the desktop app then opens DATA_DIR with `--data-dir`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefreader.cli.output import fail, print_json, progress
from briefreader.paths import DataPaths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bulk",
        help="import a large corpus with Apache Spark into a new library (needs pyspark, Java)",
        description=(
            "Parse, tag and cluster files or folders on Spark (local mode or a cluster) and "
            "write a new library that briefreader --data-dir DIR opens."
        ),
    )
    parser.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="files or folders")
    parser.add_argument("--into", type=Path, required=True, metavar="DIR", help="a new data dir")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    parser.add_argument("--partitions", type=int, default=None, help="Spark tasks for parsing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, _paths: DataPaths) -> int:
    missing = [str(p) for p in args.sources if not p.exists()]
    if missing:
        return fail(f"no such file or folder: {', '.join(missing)}")
    into = DataPaths.at(args.into)
    if into.library_db.exists():
        return fail(f"{into.root} already has a library; bulk import writes a new one")
    try:
        import pyspark  # noqa: F401  (the optional extra)

        from briefreader.bulk import pipeline
    except ImportError:
        return fail("bulk import needs PySpark: pip install 'briefreader[spark]' (and Java)")
    progress(f"starting Spark ({args.master})…")
    report = pipeline.run(list(args.sources), into, master=args.master, partitions=args.partitions)
    if args.json:
        print_json({**report.__dict__, "skipped": [list(s) for s in report.skipped]})
    else:
        print(report.summary())
        for path, why in report.skipped[:20]:
            progress(f"skipped {path}: {why}")
    return 0
