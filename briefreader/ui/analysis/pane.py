"""The analysis pane: one dock, six views on tabs, and which view is showing.

The dock sits under the reader, wide enough for a chart and a matrix. Each
tab's title carries its key (shown in analysis mode), and `owns` tells the
window when the keyboard is in analysis mode.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget, QWidget

from briefreader.ui.analysis.chart_views import MatrixView, TimelineView
from briefreader.ui.analysis.dossier_view import DossierView
from briefreader.ui.analysis.list_views import BatchView, InboxView, SinceView
from briefreader.ui.analysis.view_base import AnalysisView

#: The key that shows each view in analysis mode, for its tab.
TAB_KEYS = {
    "show-dossier": "D",
    "show-timeline": "L",
    "show-comentions": "C",
    "show-since": "S",
    "show-inbox": "I",
    "show-batch": "B",
}


class AnalysisPane:
    def __init__(self, window: QMainWindow, dock: QDockWidget) -> None:
        """The views, in `dock` (placed by `dock.place_analysis_dock`)."""
        self.dossier = DossierView()
        self.timeline = TimelineView()
        self.matrix = MatrixView()
        self.since = SinceView()
        self.inbox = InboxView()
        self.batch = BatchView()
        self.views: tuple[AnalysisView, ...] = (
            self.dossier,
            self.timeline,
            self.matrix,
            self.since,
            self.inbox,
            self.batch,
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("analysis-tabs")
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys switch views, not the tab bar
        for view in self.views:
            self.tabs.addTab(view, f"{view.title}  [{TAB_KEYS[view.command]}]")
        self.dock = dock
        dock.setWidget(self.tabs)
        self.inbox_label = QLabel()
        self.inbox_label.setObjectName("inbox-count")
        self.inbox_label.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addPermanentWidget(self.inbox_label)

    def current(self) -> AnalysisView:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, AnalysisView)
        return widget

    def view_for(self, command: str) -> AnalysisView:
        return next(v for v in self.views if v.command == command)

    def show(self, view: AnalysisView) -> None:
        """Show the dock on `view` and put the keyboard in it."""
        if not self.dock.isVisible():
            self.dock.show()
            window = self.dock.parentWidget()
            if isinstance(window, QMainWindow) and not self.dock.isFloating():
                window.resizeDocks(
                    [self.dock], [max(window.height() * 9 // 20, 320)], Qt.Orientation.Vertical
                )
        self.dock.raise_()
        self.tabs.setCurrentWidget(view)
        view.focus_widget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step(self, delta: int) -> AnalysisView:
        index = (self.tabs.currentIndex() + delta) % len(self.views)
        view = self.views[index]
        self.show(view)
        return view

    def owns(self, widget: QWidget | None) -> bool:
        """Whether the focused widget is in the pane (analysis mode)."""
        while widget is not None:
            if widget is self.dock:
                return True
            widget = widget.parentWidget()
        return False

    def set_inbox_count(self, unseen: int) -> None:
        text = f"inbox {unseen}" if unseen else ""
        self.inbox_label.setText(text)
        self.inbox_label.setAccessibleName(
            f"{unseen} documents waiting in the standing queries' inbox"
        )
        self.inbox_label.setToolTip(
            "documents found by standing queries, not read yet (I in the analysis pane)"
        )
