"""The notes panel's place in the window (the "Notes [5]" dock): the notes panel itself.

Kept as a name of its own so the window's construction does not change:
the panel (note, excerpts, memo) is `briefreader.ui.notes.panel.NotesPanel`.
"""

from __future__ import annotations

from briefreader.ui.notes.panel import NotesPanel


class NotesArea(NotesPanel):
    """The open document's note and excerpts, and the free memo."""
