"""Where the window's fixed panes sit on a first start: one table, then the saved layout.

Four docks frame the reader: the document list and the filters on the left,
the legend and the notes on the right. The right column keeps its full
height and the analysis dock (placed by its feature) sits under the reader:
composer and analysis stacked needed over 800 px and the window outgrew the
screen. Once the analyst moves them, `Session.restore_layout` puts them back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea

#: name -> (title with its key, area); the widgets come from the window.
PLACES: dict[str, tuple[str, Qt.DockWidgetArea]] = {
    "documents": ("Documents  [1]", LEFT),
    "facets": ("Filters  [4]", LEFT),
    "legend": ("Legend  [3]", RIGHT),
    "notes": ("Notes  [5]", RIGHT),
}
#: Starting widths of the two columns and heights of their docks, in pixels.
WIDTHS = {"documents": 300, "legend": 400}
HEIGHTS = {"documents": 430, "facets": 330, "legend": 340, "notes": 420}


def place_docks(window: QMainWindow, widgets: dict[str, QWidget]) -> dict[str, QDockWidget]:
    """A dock for each of `widgets` (keyed as `PLACES`), in its place and starting size."""
    docks: dict[str, QDockWidget] = {}
    for name, (title, area) in PLACES.items():
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widgets[name])
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        window.addDockWidget(area, dock)
        docks[name] = dock
    window.setCorner(Qt.Corner.BottomRightCorner, RIGHT)
    window.resizeDocks([docks[n] for n in WIDTHS], list(WIDTHS.values()), Qt.Orientation.Horizontal)
    window.resizeDocks([docks[n] for n in HEIGHTS], list(HEIGHTS.values()), Qt.Orientation.Vertical)
    return docks
