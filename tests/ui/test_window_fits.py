"""Opening panes never makes the window taller than the screen it was sized for.

At 1280x800 the composer column (legend above the briefing form) and the analysis
dock together asked for more height than the window had, and the main window grew
to 916 px: the status bar (mode, inbox count) and the chart's lower half went off
screen. The side columns now keep their full height; the analysis dock sits under
the documents and the reader.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from briefreader.store import Store
from tests.ui.conftest import shown_window


@pytest.mark.parametrize("size", [(1280, 800), (1280, 720), (1920, 1080)])
def test_composer_and_every_analysis_view_fit_the_window(qtbot, data_paths, size) -> None:
    store = Store.open(data_paths)
    try:
        win = shown_window(qtbot, data_paths, store=store)
        win.resize(*size)
        qtbot.waitUntil(lambda: win.size().toTuple() == size)
        for command in (
            "focus-composer",
            "show-timeline",
            "show-comentions",
            "show-since",
            "show-inbox",
            "show-batch",
            "show-dossier",
            "focus-excerpt-bin",
            "search",
        ):
            win.run_command(command)
            for _ in range(5):
                QApplication.processEvents()
            assert win.size().toTuple() == size, command
            bar = win.statusBar()
            assert bar.isVisible() and bar.geometry().bottom() < size[1], command
        analysis = win.docks["analysis"]
        assert analysis.isVisible() and analysis.height() >= 200
        assert win.docks["legend"].geometry().bottom() < analysis.geometry().top() or (
            win.docks["legend"].geometry().left() >= analysis.geometry().right()
        )
    finally:
        store.close()
