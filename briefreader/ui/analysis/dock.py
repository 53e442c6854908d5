"""The analysis pane's dock, placed before its six views exist.

The window places it while it builds (under the reader, hidden), so the saved
layout is restored with it in its place; the views, which no first paint
shows, fill it after the first document has painted (`wiring.attach_analysis`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow


def place_analysis_dock(window: QMainWindow) -> QDockWidget:
    """The empty "Analysis" dock under the reader, hidden until asked for."""
    dock = QDockWidget("Analysis  [8]", window)
    dock.setObjectName("dock-analysis")
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()  # until asked for: the reader keeps the room
    return dock
