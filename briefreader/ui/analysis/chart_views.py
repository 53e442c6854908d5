"""The timeline and the co-mention matrix views: a chart or a heat table, and what they say.

Both count the whole library; Return (or f) hands the chosen period's or
cell's documents to the document list as its filter.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from briefreader.analysis.cooccur import Matrix
from briefreader.analysis.trends import Timeline
from briefreader.ui.analysis.chart import TimelineChart
from briefreader.ui.analysis.heat import HeatTable, MatrixModel
from briefreader.ui.analysis.view_base import AnalysisView

_METRIC_WORDS = {
    "mentions": "mentions",
    "documents": "documents naming it",
    "share": "share of all mentions (%)",
}


class TimelineView(AnalysisView):
    title = "Timeline"
    command = "show-timeline"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("timeline-view", parent)
        self.chart = TimelineChart(self)
        self.layout_.addWidget(self.chart, 1)
        self.timeline: Timeline | None = None
        self.show_message("Timeline", "Counting…")

    def focus_widget(self) -> QWidget:
        return self.chart

    def show_timeline(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.heading.setText(f"{_METRIC_WORDS[timeline.metric].capitalize()} per {timeline.unit}")
        self.summary.setText(
            f"{timeline.documents} documents. ←/→ choose a {timeline.unit}, Return "
            "lists its documents, a adds a group or country, x removes one, w weeks or "
            "months, m what is counted."
        )
        self.chart.set_timeline(timeline)


class MatrixView(AnalysisView):
    title = "Co-mentions"
    command = "show-comentions"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("matrix-view", parent)
        self.model = MatrixModel(self)
        self.table = HeatTable(self.model, self)
        self.layout_.addWidget(self.table, 1)
        self.matrix: Matrix | None = None
        self.show_message("Co-mentions", "Counting…")

    def focus_widget(self) -> QWidget:
        return self.table

    def show_matrix(self, matrix: Matrix, acronyms: dict[str, str]) -> None:
        self.matrix = matrix
        columns = matrix.columns[0].entity[0] if matrix.columns else "country"
        unit = "documents" if matrix.count_by == "document" else "paragraphs"
        self.heading.setText(
            f"Groups × {'countries' if columns == 'country' else 'groups'}: {unit} naming both"
        )
        self.summary.setText(
            f"Over {matrix.documents} documents. Return lists a cell's documents, "
            "c countries or groups, p per document or per paragraph."
        )
        current = self.table.currentIndex()
        self.model.set_matrix(matrix, acronyms)
        if self.model.rowCount() and self.model.columnCount():
            row = min(max(current.row(), 0), self.model.rowCount() - 1)
            column = min(max(current.column(), 0), self.model.columnCount() - 1)
            self.table.setCurrentIndex(self.model.index(row, column))
