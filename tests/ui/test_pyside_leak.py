"""PySide6 6.12.0 on Python 3.11 leaks a None reference per void call and aborts near 5,000.

pyproject pins PySide6 below 6.12 on 3.11; this test makes 200,000 such calls
and must survive, so a bad pin fails here rather than in an analyst's hands.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget


def test_two_hundred_thousand_void_calls_survive(qtbot) -> None:
    document = QTextDocument("x" * 100)
    cursor = QTextCursor(document)
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for i in range(100_000):
        cursor.setPosition(i % 100)
        widget.resize(100 + i % 7, 100)
    leaked = sys.getrefcount(None) - before
    assert leaked < 1000, f"None refcount grew by {leaked}"
