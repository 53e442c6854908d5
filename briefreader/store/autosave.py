"""Autosave for note editors: saved within a second, never cancelled.

Zotero loses notes when navigation cancels the debounce timer that would have
saved them (zotero#2278, #3405). Here the pending edit is data, not a timer:
`edited()` records the newest text per note, `tick()` (called by any timer,
e.g. a QTimer every 250 ms) saves edits that have rested for `delay`
seconds, and `flush()` saves every pending edit at once; the GUI calls it on
focus change, document switch and quit. Switching documents therefore never
drops an edit: the old document's text is still pending and is saved by the
flush (or the next tick), whichever comes first.

A failed save keeps the text here *and* in `Notes.pending()`, and is retried
on the next tick; `failures` holds the last error per note for the UI.

In a team workspace an editor passes the note it started from (`base`), so
a save merges with, or stops at, another analyst's change instead of
overwriting it. A conflict is not retried (retrying cannot resolve it): it
moves to `conflicts` for the editor to show, and its text stays in
`Notes.pending()` until the analyst chooses (`resolved`).
No Qt: the panel wires a timer and focus events to these three calls.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from briefreader.store.notes import NoteBase, NoteConflict, NoteFormat, Notes, NoteSave, NoteTarget

#: Seconds an edit rests before it is saved (the issue asks for within 1 s).
DEFAULT_DELAY = 0.75
#: Seconds between retries of a save that failed.
RETRY_DELAY = 5.0


@dataclass(slots=True)
class _Edit:
    text: str
    format: NoteFormat | None
    due: float
    base: NoteBase | None = None


class Autosaver:
    """Pending note edits and when each is due to be saved."""

    def __init__(
        self,
        notes: Notes,
        *,
        delay: float = DEFAULT_DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._notes = notes
        self._delay = delay
        self._clock = clock
        self._edits: dict[NoteTarget, _Edit] = {}
        self._lock = threading.Lock()
        #: The last error per note whose save failed; cleared when it saves.
        self.failures: dict[NoteTarget, str] = {}
        #: Saves stopped by another analyst's change to the same lines, until resolved.
        self.conflicts: dict[NoteTarget, NoteConflict] = {}

    def edited(
        self,
        target: NoteTarget,
        text: str,
        *,
        format: NoteFormat | None = None,
        base: NoteBase | None = None,
    ) -> None:
        """The editor for `target` now holds `text` (call on every change); `base` is
        the note the editor started from (None: the last save wins)."""
        with self._lock:
            self._edits[target] = _Edit(text, format, self._clock() + self._delay, base)

    def resolved(self, target: NoteTarget) -> None:
        """The analyst chose how to end `target`'s conflict (the editor saves anew)."""
        with self._lock:
            self.conflicts.pop(target, None)
            self.failures.pop(target, None)

    def pending(self) -> dict[NoteTarget, str]:
        with self._lock:
            return {target: edit.text for target, edit in self._edits.items()}

    def seconds_until_due(self) -> float | None:
        """When the next save is due (None: nothing pending), for a one-shot timer."""
        with self._lock:
            if not self._edits:
                return None
            return max(0.0, min(e.due for e in self._edits.values()) - self._clock())

    def tick(self) -> list[NoteSave]:
        """Save every edit that has rested long enough."""
        now = self._clock()
        with self._lock:
            due = [(t, e) for t, e in self._edits.items() if e.due <= now]
        return [self._save(target, edit) for target, edit in due]

    def flush(self) -> list[NoteSave]:
        """Save every pending edit now (focus change, document switch, quit)."""
        with self._lock:
            waiting = list(self._edits.items())
        return [self._save(target, edit) for target, edit in waiting]

    def _save(self, target: NoteTarget, edit: _Edit) -> NoteSave:
        result = self._notes.save(target, edit.text, format=edit.format, base=edit.base)
        with self._lock:
            current = self._edits.get(target)
            if result.saved or result.queued:  # queued: on disk in the outbox, sent later
                self.failures.pop(target, None)
                if current is edit:  # not edited again while saving
                    del self._edits[target]
            elif result.conflict is not None:
                self.conflicts[target] = result.conflict
                self.failures[target] = result.error
                if current is edit:  # waits for the analyst, not for a retry
                    del self._edits[target]
            else:
                self.failures[target] = result.error
                if current is edit:
                    current.due = self._clock() + RETRY_DELAY
        return result
