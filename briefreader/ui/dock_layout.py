"""Where the window's fixed panes sit on a first start: one table, then the saved layout.

Four docks frame the reader: the document list and the filters on the left,
the legend and the notes on the right. The right column keeps its full
height and the analysis dock (placed by its feature) sits under the reader:
composer and analysis stacked needed over 800 px and the window outgrew the
screen. Once the analyst moves them, `Session.restore_layout` puts them back.

A window made wider gives the reader's surplus to the side columns (`WideWindow`).
QMainWindow hands every pixel a resize adds to the central widget, and the reader
stops its text at a measure (about 75 characters) and centres it: at 1920x1080 it
kept some 600 px of blank margin while the document list, the legend and the
composer's tables stayed at their 1280x800 widths, cropped. So the reader's
surplus beyond its measure, less some slack, goes to the left and right columns,
2:3, up to a cap on each. It never takes from the reader's measure, never
narrows a column (a smaller window squeezes the reader first, as before), and
ignores the resizes of a window not yet shown: a restored layout stays as saved,
unless its columns are still at their first-start widths, or it leaves the reader
less than its measure (saved on a larger screen).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QDockWidget, QMainWindow, QWidget

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


def place_docks(
    window: QMainWindow, widgets: dict[str, QWidget], reader: QAbstractScrollArea
) -> dict[str, QDockWidget]:
    """A dock for each of `widgets` (keyed as `PLACES`), in its place and starting size;
    the side columns take `reader`'s surplus when the window is widened."""
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
    WideWindow(window, reader)
    return docks


#: Blank margin the reader keeps beside its measure, in pixels.
SLACK = 80
#: How the surplus is shared (left, right) and how wide each column may grow.
SHARES = (2, 3)
CAPS = (520, 760)
SIDES = (LEFT, RIGHT)


class WideWindow(QObject):
    def __init__(self, window: QMainWindow, reader: QAbstractScrollArea) -> None:
        """`reader` centres its text with viewport margins (`ReaderView._apply_measure`)."""
        super().__init__(window)
        self._window = window
        self._reader = reader
        #: What each column was lent of the reader's surplus, and its width after.
        self._lent: dict[QDockWidget, tuple[int, int]] = {}
        self._shown = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True  # opened wide with the first-start columns: widen them too
            QTimer.singleShot(0, self, self._first_show)
        if watched is self._window and isinstance(event, QResizeEvent) and watched.isVisible():
            old, new = event.oldSize().width(), event.size().width()
            if new > old > 0:  # once the layout has taken the new size
                QTimer.singleShot(0, self, self.give_surplus)
            elif 0 < new < old and self._lent:
                QTimer.singleShot(0, self, lambda: self.take_back(old - new))
        return False

    def _first_show(self) -> None:
        """Columns at their first-start widths take a wide window's surplus; a restored
        layout wider than this screen allows (saved on a larger one) gives the reader
        its measure back, its columns going no narrower than at a first start."""
        docks = [d for d in self.columns() if d is not None]
        widths = [d.width() for d in docks]
        if widths == list(WIDTHS.values()):
            self.give_surplus()
            return
        margins = self._reader.viewportMargins()
        if len(docks) == len(WIDTHS) and margins.left() + margins.right() == 0:
            self._resize(docks, [min(w, b) for w, b in zip(widths, WIDTHS.values(), strict=True)])

    def columns(self) -> list[QDockWidget | None]:
        """A shown, docked dock of each side column (a column is as wide as its docks)."""
        found: dict[Qt.DockWidgetArea, QDockWidget] = {}
        for dock in self._window.findChildren(QDockWidget):
            area = self._window.dockWidgetArea(dock)
            if area in SIDES and area not in found and dock.isVisible() and not dock.isFloating():
                found[area] = dock
        return [found.get(area) for area in SIDES]

    def give_surplus(self) -> None:
        margins = self._reader.viewportMargins()  # the blank beside the reader's measure
        surplus = margins.left() + margins.right() - SLACK

        docks = self.columns()
        shown = [(d, share, cap) for d, share, cap in zip(docks, SHARES, CAPS, strict=True) if d]
        if surplus <= 0 or not shown:
            return
        total = sum(share for _, share, _ in shown)
        widths = [
            max(d.width(), min(cap, d.width() + surplus * share // total))
            for d, share, cap in shown
        ]
        for (dock, _, _), width in zip(shown, widths, strict=True):
            lent = self._lent.get(dock, (0, 0))[0] + width - dock.width()
            self._lent[dock] = (lent, width)
        self._resize([d for d, _, _ in shown], widths)

    def take_back(self, narrower: int) -> None:
        """The window narrowed: the columns return what they were lent, up to `narrower`."""
        total = sum(lent for lent, _ in self._lent.values())
        back = min(narrower, total)
        if back <= 0:
            return
        docks, widths = [], []
        for dock, (lent, width) in list(self._lent.items()):
            returned = min(lent, round(back * lent / total))
            docks.append(dock)
            widths.append(max(width - returned, 0))
            self._lent[dock] = (lent - returned, width - returned)
            if lent == returned:
                del self._lent[dock]
        self._resize(docks, widths)

    def _resize(self, docks: list[QDockWidget], widths: list[int]) -> None:
        if widths != [d.width() for d in docks]:
            self._window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
