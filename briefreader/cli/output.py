"""Output conventions shared by every subcommand.

Results go to stdout (JSON when asked, else aligned text); progress and
warnings go to stderr so that `--json` output always parses.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def print_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Left-aligned columns, widths from the data, for human eyes only."""
    table = [list(map(str, headers)), *([str(cell) for cell in row] for row in rows)]
    widths = [max(len(row[i]) for row in table) for i in range(len(headers))]
    for row in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def gazetteer_problems(problems: Iterable[str]) -> None:
    """The problems of the analyst's gazetteer.toml on stderr, one line each (never fatal)."""
    for problem in problems:
        progress(f"briefreader: gazetteer: {problem}")


def fail(message: str, status: int = 2) -> int:
    """Print a one-line error and return the exit status to use."""
    print(f"briefreader: {message}", file=sys.stderr)
    return status
