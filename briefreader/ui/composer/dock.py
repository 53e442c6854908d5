"""The composer's dock, placed before its content exists.

The window places it while it builds (a tab behind the notes), so the saved
layout is restored with it in its place; the composer itself, which no first
paint shows, fills it after the first document has painted
(`wiring.attach_composer`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from briefreader.ui.common.host import Host


def place_composer_dock(host: Host) -> QDockWidget:
    """The empty "Briefing" dock, tabbed with the excerpt bin and the notes (notes in front)."""
    window = host.main_window()
    dock = QDockWidget("Briefing  [7]", window)
    dock.setObjectName("dock-composer")
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    docks = host.docks
    beside = docks.get("excerpts") or docks.get("notes")
    if beside is not None:
        window.tabifyDockWidget(beside, dock)
        docks.get("notes", beside).raise_()
    docks["composer"] = dock
    return dock
