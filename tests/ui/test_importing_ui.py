"""Importing from the window: dropped files and folders, the progress bar, the list's order."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from briefreader.ui.common.importing import STEPS
from tests.fixtures.pdfs import report, write_pdf
from tests.ui.conftest import press

TEXT = (
    "Kabul blast claimed by ISKP\n\n"
    "The Islamic State Khorasan Province said it struck Kabul on Tuesday, officials said.\n\n"
    "Pakistan condemned the attack on Tuesday and promised to help the investigation.\n"
)


def _drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = window.rect().center()
    enter = QDragEnterEvent(
        centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(QPoint(centre)), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def test_files_and_folders_dropped_on_the_window_are_imported(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "kabul.txt").write_text(TEXT, encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    single = tmp_path / "single.md"
    single.write_text("# Sahel note\n\n" + "Militants attacked a convoy near Gao. " * 8)
    _drop(window, [folder, single])
    qtbot.waitUntil(lambda: "import:" in window.statusBar().currentMessage(), timeout=60000)
    message = window.statusBar().currentMessage()
    assert "2 added" in message
    assert "inbox/broken.pdf: damaged PDF" in message  # named as dropped, never by path
    assert str(tmp_path) not in message
    titles = {d.title for d in window.state.documents}
    assert {"Kabul blast claimed by ISKP", "Sahel note"} <= titles
    assert not window.importer.bar.isVisible()


def test_a_long_pdf_moves_the_bar_and_the_window_stays_responsive(qtbot, window, tmp_path) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(path, report(random.Random(2), sections=12, paras=12), columns=1)  # ~25 pages
    values: list[int] = []
    window.importer.bar.valueChanged.connect(values.append)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(window.importer.bar.value()))
    timer.start(5)
    window.import_paths([path])
    assert window.importer.bar.isVisible()
    qtbot.waitUntil(lambda: "import:" in window.statusBar().currentMessage(), timeout=120000)
    timer.stop()
    assert "1 added" in window.statusBar().currentMessage()
    assert any(0 < v < STEPS for v in values), values  # it moved inside the one file
    assert len(ticks) >= 5  # the event loop kept turning while the worker read
    assert not window.importer.bar.isVisible()


def test_an_import_while_another_runs_waits_its_turn(qtbot, window, tmp_path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(TEXT.replace("Kabul blast", "Herat blast"), encoding="utf-8")
    window.import_paths([first])
    window.import_paths([second])
    assert "queued" in window.statusBar().currentMessage()
    qtbot.waitUntil(
        lambda: (
            {"Kabul blast claimed by ISKP", "Herat blast claimed by ISKP"}
            <= {d.title for d in window.state.documents}
        ),
        timeout=60000,
    )


def test_o_orders_the_list_by_date(qtbot, window) -> None:
    window.focus_pane("documents")
    press(qtbot, "o")
    dates = [d.date for d in window.state.visible]
    assert dates[0] == "2024-03-01" and dates[1:] == ["", ""]  # undated last
    assert "newest first" in window.statusBar().currentMessage()
    press(qtbot, "o")
    assert "oldest first" in window.statusBar().currentMessage()
    press(qtbot, "o")
    assert "library order" in window.statusBar().currentMessage()


def test_the_status_line_gives_a_pdf_paragraphs_page(qtbot, window) -> None:
    from dataclasses import replace

    from briefreader.ui.common.statusline import position_text
    from tests.ui.conftest import SAMPLE_DOCS, sample_snapshot

    paged = replace(SAMPLE_DOCS[0], id="paged-report", pages=(1, 1, 2, 3, 3))
    window.apply_snapshot(sample_snapshot([*SAMPLE_DOCS[1:], paged]))
    window.open_document("paged-report")
    window.apply(window.state.next_paragraph())
    window.apply(window.state.next_paragraph())
    assert position_text(window.state).startswith("¶ 3/5  p. 2")
