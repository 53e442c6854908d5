"""Tell assistive technology what changed: the mode, a counter ("match 3/17"), a result.

A screen reader does not watch the status bar. Each change sends Qt's
accessibility events for the widget showing it: NameChanged (its text is its
name) and an announcement of the new text, polite so it never cuts off
what is being read. Both go through `QAccessible.updateAccessibility`, which
does nothing while no assistive technology listens.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent


def announce(source: QObject, text: str) -> None:
    QAccessible.updateAccessibility(QAccessibleEvent(source, QAccessible.Event.NameChanged))
    if text:
        event = QAccessibleAnnouncementEvent(source, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
