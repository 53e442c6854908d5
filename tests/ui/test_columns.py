"""Side columns fitted to a narrow dock: the quote keeps most of the room, and a squeezed
header reads "Gra…" (elided at the right), never "rad" cut on both sides."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from briefreader.ui.common.columns import fit_columns


def test_narrow_side_columns_elide_their_headers_and_the_quote_keeps_the_room(qtbot) -> None:
    model = QStandardItemModel(3, 5)
    model.setHorizontalHeaderLabels(["Quote", "Source", "Grade", "Tags", "Flags"])
    for row in range(3):
        model.setItem(row, 0, QStandardItem("As it stands, the Islamic Emirate is turning " * 3))
        model.setItem(row, 1, QStandardItem("Jihadis will remain a threat under the Taliban"))
        model.setItem(row, 2, QStandardItem("B2"))
        model.setItem(row, 3, QStandardItem("ISKP, China, priority read"))
        model.setItem(row, 4, QStandardItem("priority"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(380, 300)
    view.show()
    qtbot.waitExposed(view)
    fit_columns(view, {1: 0.24, 2: 0.12, 3: 0.18, 4: 0.12}, stretch=0)
    header = view.horizontalHeader()
    assert header.textElideMode() == Qt.TextElideMode.ElideRight
    widths = [header.sectionSize(c) for c in range(5)]
    assert widths[0] > max(widths[1:]) and widths[0] >= sum(widths) * 0.4
    grade = header.fontMetrics().horizontalAdvance("Grade")
    assert widths[2] < grade + 12  # squeezed below its label: so the eliding matters
