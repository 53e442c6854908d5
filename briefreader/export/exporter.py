"""The export entry point: a `Briefing` to a PDF file, atomically.

`export_briefing` may run on a worker thread: it touches no global state but
ReportLab's font registry (registered once, under a lock) and reports
progress through `progress(done, total)`. To cancel, raise from `progress`
(e.g. `ExportCancelled`): the partial file is removed and any existing PDF
at the destination is left exactly as it was.

The PDF is written to a temporary file beside the destination, flushed to
disk and renamed over it with `os.replace`, so a reader of the destination
sees the old PDF or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import SimpleDocTemplate

from briefreader import __version__
from briefreader.domain import Mention
from briefreader.export.canvas import BriefingCanvas, PageInfo
from briefreader.export.citations import format_date
from briefreader.export.fonts import SANS, FontError, describe, load_fonts
from briefreader.export.markup import MarkupWriter
from briefreader.export.model import Briefing
from briefreader.export.palette import load_palette
from briefreader.export.pdf import StoryBuilder, plain_label
from briefreader.export.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_SIZE, styles

Progress = Callable[[int, int], None]
MentionFinder = Callable[[str], Sequence[Mention]]


class ExportError(Exception):
    """The export failed for a reason the user can act on; str() is one line."""


class ExportCancelled(Exception):
    """Raise from a progress callback to stop an export."""


@dataclass(frozen=True, slots=True)
class UndrawableChar:
    """A character no embedded font could draw, shown as `[U+XXXX]` in the PDF."""

    char: str
    description: str  # "U+0627 ARABIC LETTER ALEF"
    count: int
    places: tuple[str, ...]  # e.g. ("excerpt 3", "source 2")


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    pages: int
    excerpts: int
    size: int  # bytes
    undrawable: tuple[UndrawableChar, ...]
    stale: int
    orphaned: int
    invisible: int = 0  # formatting characters (soft hyphens, zero-width spaces) left out


def default_mention_finder() -> MentionFinder:
    """The entity matcher over the bundled gazetteer."""
    from briefreader.entities import find_mentions

    return find_mentions


def _open_temp(out: Path) -> tuple[int, Path]:
    """Create the temporary file first, so an unwritable destination fails fast."""
    if out.is_dir():
        raise ExportError(f"cannot write {out}: it is a folder")
    parent = out.parent
    if parent.exists() and not parent.is_dir():
        raise ExportError(f"cannot write {out}: {parent} is not a folder")
    if not parent.is_dir():
        raise ExportError(f"cannot write {out}: the folder {parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(dir=parent, prefix=f".{out.name}.", suffix=".part")
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write {out}: {reason.lower()}") from error
    return fd, Path(name)


def _umask() -> int:
    """The process umask, read without `os.umask` (which sets it, racing other threads)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0o022
    for line in status.splitlines():
        if line.startswith("Umask:"):
            return int(line.split()[1], 8)
    return 0o022


def _file_mode(out: Path) -> int:
    """Keep an existing PDF's permissions; else what a plain `open()` would give."""
    with contextlib.suppress(OSError):
        return out.stat().st_mode & 0o7777
    return 0o666 & ~_umask()


def _keywords(briefing: Briefing, builder: StoryBuilder) -> str:
    if briefing.keywords:
        return ", ".join(briefing.keywords)
    seen: dict[str, None] = {}
    for items in builder.prepared:
        for item in items:
            for mention in item.mentions:
                seen.setdefault(mention.canonical, None)
    return ", ".join(list(seen)[:40])


def export_briefing(
    briefing: Briefing,
    out: Path | str,
    *,
    progress: Progress | None = None,
    find_mentions: MentionFinder | None = None,
) -> ExportResult:
    """Write `briefing` as a PDF at `out`; raises `ExportError` with a one-line message.

    Progress runs from 0 to `2 * excerpts + 1`: finding mentions, laying out
    each excerpt, writing the file.
    """
    out = Path(out).expanduser().absolute()
    fd, temp = _open_temp(out)
    try:
        with os.fdopen(fd, "wb") as handle:
            result = _render(briefing, handle, out, progress, find_mentions)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(_file_mode(out))
        temp.replace(out)  # atomic rename (os.replace)
    except OSError as error:
        temp.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write {out}: {reason.lower()}") from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return result


def _render(
    briefing: Briefing,
    handle: Any,
    out: Path,
    progress: Progress | None,
    find_mentions: MentionFinder | None,
) -> ExportResult:
    try:
        fonts = load_fonts()
    except FontError as error:
        raise ExportError(str(error)) from error
    n = len(briefing.excerpts)
    total = 2 * n + 1
    report: Progress = progress or (lambda done, total: None)
    looks = load_palette()
    country_fg = int(looks["country"].foreground[1:], 16)
    dotted = f"#{country_fg ^ 1:06x}"  # a colour nothing else uses: the dotted-underline cue
    writer = MarkupWriter(fonts, looks, dotted)
    footer = " · ".join(p for p in (briefing.title, format_date(briefing.date)) if p.strip())
    info = PageInfo(
        fonts=fonts,
        marking=" ".join(briefing.marking.split()),
        footer_left=" ".join(footer.split()),
        dotted=colors.HexColor(dotted),
    )
    laid_out = 0

    def tick() -> None:
        nonlocal laid_out
        laid_out += 1
        report(n + laid_out, total)

    finder = find_mentions or default_mention_finder()
    builder = StoryBuilder(briefing, writer, info, styles(), finder, tick)
    report(0, total)
    builder.prepare(lambda done: report(done, total))
    story = builder.build()
    doc = SimpleDocTemplate(
        handle,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=plain_label(briefing.title or "Untitled briefing"),
        author=plain_label(briefing.author),
        subject=plain_label(briefing.subject or f"Briefing: {briefing.marking}".rstrip(": ")),
        keywords=plain_label(_keywords(briefing, builder)),
        creator=f"briefreader {__version__}",
        lang="en",
    )
    canvases: list[BriefingCanvas] = []

    def make_canvas(*args: Any, **kwargs: Any) -> BriefingCanvas:
        kwargs["initialFontName"] = SANS  # else ReportLab declares an unembedded Helvetica
        canvas = BriefingCanvas(*args, page_info=info, **kwargs)
        canvases.append(canvas)
        return canvas

    doc.build(story, canvasmaker=partial(make_canvas))
    pages = canvases[-1].getPageNumber() - 1 if canvases else 0
    report(total, total)
    found = writer.undrawable
    undrawable = tuple(
        UndrawableChar(char, describe(char), count, tuple(found.places.get(char, ())))
        for char, count in found.counts.items()
    )
    excerpts = briefing.excerpts
    return ExportResult(
        path=out,
        pages=pages,
        excerpts=n,
        size=handle.tell(),
        undrawable=undrawable,
        stale=sum(1 for e in excerpts if e.integrity == "stale"),
        orphaned=sum(1 for e in excerpts if e.integrity == "orphaned"),
        invisible=writer.invisible,
    )
