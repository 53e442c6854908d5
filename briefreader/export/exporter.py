"""The export entry point: a `Briefing` to a PDF, DOCX or Markdown file, atomically.

`export_briefing` may run on a worker thread: it touches no global state but
ReportLab's font registry (registered once, under a lock) and reports
progress through `progress(done, total)`. To cancel, raise from `progress`
(e.g. `ExportCancelled`): the partial file is removed and any existing file
at the destination is left exactly as it was.

The file is written to a temporary file beside the destination, flushed to
disk and renamed over it with `os.replace`, so a reader of the destination
sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from briefreader.export.markdown import render_markdown
from briefreader.export.model import Briefing
from briefreader.export.naming import format_of
from briefreader.export.pdf_document import render_pdf
from briefreader.export.prepare import MentionFinder, prepare
from briefreader.export.results import (
    ExportCancelled,
    ExportError,
    ExportResult,
    Format,
    UndrawableChar,
)
from briefreader.export.word import render_docx

Progress = Callable[[int, int], None]

__all__ = [
    "ExportCancelled",
    "ExportError",
    "ExportResult",
    "UndrawableChar",
    "export_briefing",
    "format_of",
]


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
    remove_stale_parts(parent)
    try:
        fd, name = tempfile.mkstemp(
            dir=parent, prefix=f".{out.name}.{os.getpid()}.", suffix=PART_SUFFIX
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"cannot write {out}: {reason.lower()}") from error
    return fd, Path(name)


PART_SUFFIX = ".part"
#: `.NAME.PID.RANDOM.part`: the file an export writes before renaming it into place.
_PART = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.part$")


def remove_stale_parts(folder: Path) -> int:
    """Delete the unfinished files of exports whose process is gone; how many went.

    An export writes `.NAME.PID.RANDOM.part` and renames it when done, so a
    killed export (kill -9, a power cut) leaves that file behind. The next
    export into the folder removes every such file whose process no longer
    runs; one another briefreader is still writing is left alone.
    """
    removed = 0
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            found = _PART.match(path.name)
            if found is None or _running(int(found.group(1))):
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, as another user's process
        return True
    return True


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


def export_briefing(
    briefing: Briefing,
    out: Path | str,
    *,
    format: Format | None = None,
    progress: Progress | None = None,
    find_mentions: MentionFinder | None = None,
) -> ExportResult:
    """Write `briefing` at `out`; raises `ExportError` with a one-line message.

    `format` defaults to what the file name ends in, else PDF. Progress runs
    from 0 to `2 * excerpts + 1`: finding mentions, laying out each excerpt,
    writing the file.
    """
    out = Path(out).expanduser().absolute()
    kind: Format = format or format_of(out) or "pdf"
    report: Progress = progress or (lambda done, total: None)
    finder = find_mentions or default_mention_finder()
    fd, temp = _open_temp(out)
    try:
        with os.fdopen(fd, "wb") as handle:
            if kind == "pdf":
                result = render_pdf(briefing, handle, out, report, finder)
            else:
                result = _render_text(briefing, handle, out, kind, report, finder)
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


def _render_text(
    briefing: Briefing,
    handle: IO[bytes],
    out: Path,
    kind: Format,
    report: Progress,
    finder: MentionFinder,
) -> ExportResult:
    """DOCX or Markdown: the same preparation as the PDF, another renderer."""
    n = len(briefing.excerpts)
    total = 2 * n + 1
    report(0, total)
    prepared = prepare(briefing, finder, lambda done: report(done, total))
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        report(n + done, total)

    if kind == "docx":
        render_docx(prepared, handle, tick)
    else:
        handle.write(render_markdown(prepared).encode("utf-8"))
        report(2 * n, total)
    report(total, total)
    excerpts = briefing.excerpts
    return ExportResult(
        path=out,
        pages=0,
        excerpts=n,
        size=handle.tell(),
        undrawable=(),
        stale=sum(1 for e in excerpts if e.integrity == "stale"),
        orphaned=sum(1 for e in excerpts if e.integrity == "orphaned"),
        format=kind,
    )
