"""The composer's slow work, as plain functions a worker thread runs: check and export.

Both open their own connection to the library (SQLite connections belong to
the thread that made them) and read the briefing through the store, whose
connection is guarded for use from any thread. Both go through
`export.stored.load_for_export`, the call `briefreader export --briefing`
makes, so a flag in the composer and a mark in the PDF always agree.

ReportLab, the gazetteer and the corpus load inside the functions, not at
import: the window imports this module, and its cold start must stay fast.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefreader.control.composer_views import Flag
from briefreader.paths import DataPaths
from briefreader.store import Store

if TYPE_CHECKING:
    from briefreader.export.exporter import ExportResult

#: (done, total) from the exporter.
Progress = Callable[[int, int], None]


def check_briefing(store: Store, paths: DataPaths, briefing_id: int) -> dict[int, Flag]:
    """Each excerpt's integrity against the library, and the characters no PDF font draws."""
    from briefreader.corpus.library import open_library
    from briefreader.export.fonts import describe, load_fonts
    from briefreader.export.stored import load_for_export

    fonts = load_fonts()
    with open_library(paths, seed=False) as library:
        checked = load_for_export(store, library, briefing_id)
    flags: dict[int, Flag] = {}
    for excerpt in checked.excerpts:
        undrawable = tuple(describe(c) for c in fonts.undrawable(excerpt.quote + excerpt.comment))
        flags[int(excerpt.key)] = Flag(excerpt.integrity, excerpt.integrity_note, undrawable)
    return flags


@dataclass(frozen=True, slots=True)
class Stage:
    """Where an export is, for the status bar."""

    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def describe(self) -> str:
        """The exporter counts mentions found, then excerpts laid out, then the file."""
        excerpts = (self.total - 1) // 2
        if self.done >= self.total:
            step = "written"
        elif self.done < excerpts:
            step = f"finding groups and countries {self.done}/{excerpts}"
        elif self.done < 2 * excerpts:
            step = f"laying out excerpts {self.done - excerpts}/{excerpts}"
        else:
            step = "writing pages"
        return f"{self.percent}% · {step}"


def export_to(
    store: Store,
    paths: DataPaths,
    briefing_id: int,
    out: Path,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ExportResult:
    """Export a stored briefing to `out` (atomically). Raises ExportError with a
    one-line message, the store's errors, or ExportCancelled once `cancel` is set."""
    from briefreader.corpus.library import open_library
    from briefreader.entities import find_mentions
    from briefreader.export.exporter import ExportCancelled, export_briefing
    from briefreader.export.stored import load_for_export

    report = progress or (lambda done, total: None)

    def step(done: int, total: int) -> None:
        if cancel is not None and cancel.is_set():
            raise ExportCancelled("export cancelled")
        report(done, total)

    with open_library(paths, seed=False) as library:
        briefing = load_for_export(store, library, briefing_id)
    return export_briefing(briefing, out, progress=step, find_mentions=find_mentions)


def result_lines(result: ExportResult) -> tuple[str, list[str]]:
    """A one-line summary and the warnings an analyst must read before handing it over."""
    kib = max(1, round(result.size / 1024))
    kind = {"pdf": "", "docx": "Word ", "md": "Markdown "}.get(result.format, "")
    pages = f"{result.pages} page{'s' if result.pages != 1 else ''}, " if result.pages else ""
    headline = f"exported {kind}{pages}{result.excerpts} excerpts ({kib} KiB) to {result.path}"
    warnings = []
    flagged = result.stale + result.orphaned
    if flagged:
        kinds = " and ".join(
            f"{n} {kind}"
            for n, kind in ((result.stale, "stale"), (result.orphaned, "orphaned"))
            if n
        )
        tail = (
            "excerpt no longer matches its source; it is"
            if flagged == 1
            else "excerpts no longer match their sources; they are"
        )
        warnings.append(f"{kinds} {tail} marked in the export.")
    for item in result.undrawable:
        places = ", ".join(item.places[:4]) + (" …" if len(item.places) > 4 else "")
        warnings.append(
            f"{item.description} ×{item.count} cannot be drawn by the embedded fonts and is "
            f"printed as [U+{ord(item.char):04X}] ({places})."
        )
    return headline, warnings


def default_export_path(name: str, home: Path, last: Path | None = None) -> Path:
    """Where the export dialog starts: the last path used (so its format too), else
    ~/Documents/<name>.pdf."""
    if last is not None:
        return last
    folder = home / "Documents"
    return (folder if folder.is_dir() else home) / f"{file_stem(name)}.pdf"


def file_stem(name: str) -> str:
    """A briefing name as a file name anyone can type: no separators or odd characters."""
    kept = "".join(c if c.isalnum() or c in " -_." else " " for c in name)
    stem = "-".join(kept.split()).strip(".-") or "briefing"
    return stem[:80]
