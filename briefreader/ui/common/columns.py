"""Table columns sized to their content and to the room there is, the text column taking the rest.

Fixed widths cut every column to a dozen characters in a narrow dock and
leave gaps in a wide one. Here each side column gets what its content asks
(measured on the rows Qt samples), capped at a share of the view's width,
and the stretching column (the quote) gets everything else, wrapping over
a few lines, so it always has most of the room.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView


def fit_columns(
    view: QTableView | QTreeView, caps: Mapping[int, float], *, stretch: int = 0, most: float = 0.5
) -> None:
    """Side columns to their content, at most `caps[column]` of the width and together at
    most `most` of it (shrunk in proportion); `stretch` gets the rest."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    model = view.model()
    if model is None:
        return
    width = view.viewport().width()
    # A squeezed header shows "Gra…", never "rad" cut on both sides.
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    wanted: dict[int, int] = {}
    for column in range(model.columnCount()):
        if column != stretch:
            want = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            wanted[column] = min(want, int(width * caps.get(column, 0.2)))
    total = sum(wanted.values())
    scale = min(1.0, width * most / total) if total else 1.0
    for column, want in wanted.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(int(want * scale), header.minimumSectionSize()))
