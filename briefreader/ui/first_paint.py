"""The window's first highlighted paint: when it happens, and what waits for it.

A cold start is measured to it (the start-up benchmark) and the work that
would compete with it waits for it: indexing, the late panes, the matcher
when the last session's kept view (`control.first_view`) highlights the
first document. The reader reports each paint; the first one that shows
highlighting, from the matcher or the kept view, is the one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from briefreader.control.first_view import FirstView
from briefreader.domain import Document


class FirstPaint(QObject):
    #: Emitted once, when the first document has been painted highlighted.
    painted = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.done = False
        #: perf_counter of the first paint of any text, highlighted or not (the benchmark's).
        self.text_at: float | None = None
        #: The last session's kept view, until the matcher arrives.
        self.kept_view: FirstView | None = None
        #: Whether the document shown now is highlighted from the kept view.
        self.from_kept = False

    def opening(self, doc: Document | None, *, matcher_ready: bool) -> None:
        """The window opens `doc` first: is it the one the kept view highlights?"""
        kept = self.kept_view
        self.from_kept = bool(kept and doc and not matcher_ready and kept.knows(doc))

    def reader_painted(self, *, matcher_ready: bool) -> None:
        if self.text_at is None:
            self.text_at = time.perf_counter()
        if (matcher_ready or self.from_kept) and not self.done:
            self.done = True
            QTimer.singleShot(0, self.painted.emit)

    def after(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the first document shows highlighted (now, if it has)."""
        if self.done:
            callback()
        else:
            self.painted.connect(callback, Qt.ConnectionType.SingleShotConnection)
