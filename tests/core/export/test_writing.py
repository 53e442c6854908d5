"""Atomic writing, clear errors for unwritable paths, progress from a worker thread."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from briefreader.export.exporter import ExportCancelled, ExportError, export_briefing
from tests.core.export.pdftools import needs_tools, qpdf_check
from tests.core.export.sample import seed_briefing

BRIEFING = seed_briefing(12, sections=2)


def no_mentions(text: str) -> list:
    return []


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_cancelled_export_leaves_existing_pdf_untouched(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"%PDF-1.4 the analyst's previous export")
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done > total // 2:  # cancel in the middle of layout
            raise ExportCancelled

    with pytest.raises(ExportCancelled):
        export_briefing(BRIEFING, out, progress=progress, find_mentions=no_mentions)
    assert out.read_bytes() == b"%PDF-1.4 the analyst's previous export"
    assert leftovers(tmp_path) == []
    assert seen


def test_failing_build_leaves_existing_pdf_untouched(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")

    def broken(text: str) -> list:
        raise RuntimeError("matcher crashed")

    unmatched = BRIEFING.map_excerpts(lambda e: replace(e, mentions=None))
    with pytest.raises(RuntimeError, match="matcher crashed"):
        export_briefing(unmatched, out, find_mentions=broken)
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


@needs_tools
def test_success_replaces_the_file_and_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")
    out.chmod(0o640)
    result = export_briefing(BRIEFING, out, find_mentions=no_mentions)
    assert out.read_bytes().startswith(b"%PDF-")
    assert result.size == out.stat().st_size
    assert (out.stat().st_mode & 0o777) == 0o640
    assert leftovers(tmp_path) == []
    assert "No syntax or stream encoding errors" in qpdf_check(out)


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "new.pdf"
    export_briefing(BRIEFING, out, find_mentions=no_mentions)
    umask = os.umask(0)
    os.umask(umask)
    assert (out.stat().st_mode & 0o777) == (0o666 & ~umask)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing/dir/x.pdf", "does not exist"),
        ("a-file/x.pdf", "is not a folder"),
        (".", "it is a folder"),
    ],
)
def test_unwritable_paths_give_one_line_messages(tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(ExportError) as caught:
        export_briefing(BRIEFING, tmp_path / target, find_mentions=no_mentions)
    text = str(caught.value)
    assert message in text and "\n" not in text and text.startswith("cannot write ")


def test_permission_denied(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/sys/briefreader-test.pdf")  # read-only even for root
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        target = locked / "x.pdf"
    with pytest.raises(ExportError, match=r"^cannot write .*: (permission denied|read-only)"):
        export_briefing(BRIEFING, target, find_mentions=no_mentions)


def test_progress_from_a_worker_thread(tmp_path: Path) -> None:
    out = tmp_path / "thread.pdf"
    calls: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            export_briefing(BRIEFING, out, progress=lambda d, t: calls.append((d, t)))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert not errors and out.exists()
    total = 2 * len(BRIEFING.excerpts) + 1
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    done = [d for d, _ in calls]
    assert done == sorted(done) and all(t == total for _, t in calls)
