"""What other analysts did, as events a window can redraw from.

`Store.watch(on_event)` calls `on_event(TeamEvent)` from a background
thread (a GUI hands it to its own thread): when another analyst changed
notes, excerpts, briefings or grades (`changes`, and `authors`), added
documents to the shared library (`library`), when the server went away or
came back (`connected`), and when changes kept on this machine were sent
(`sent`, `refused`, `waiting`). With the analyst's own SQLite file nobody
else writes, and `watch` reports nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from briefreader.store.changes import NO_CHANGES, Changes

if TYPE_CHECKING:  # the journal needs the driver, which the analyst's own files do not
    from briefreader.workspace.journal import Entry


@dataclass(frozen=True, slots=True)
class TeamEvent:
    changes: Changes = NO_CHANGES  # what others changed: redraw these
    library: tuple[str, ...] = ()  # documents others added to the shared library
    superseded: tuple[str, ...] = ()  # old versions those replaced
    authors: tuple[str, ...] = ()  # who made them, in order of first change
    at: str = ""  # when the last of them was made (server time, ISO 8601 UTC)
    connected: bool | None = None  # the server came back (True) or went away (False)
    sent: int = 0  # changes kept on this machine that were just sent
    refused: tuple[str, ...] = ()  # queued changes the server refused, one sentence each
    waiting: int = 0  # changes still waiting for the server

    def describe(self) -> str:
        """One line for a status bar."""
        if self.connected is False:
            return "the team server cannot be reached; changes are kept on this machine"
        parts = []
        if self.sent:
            parts.append(f"{self.sent} change{'s' if self.sent != 1 else ''} sent to the server")
        if self.refused:
            parts.append(f"{len(self.refused)} refused: " + "; ".join(self.refused))
        who = ", ".join(self.authors)
        if self.library:
            count = len(self.library)
            parts.append(f"{who} added {count} document{'s' if count != 1 else ''}")
        if self.changes:
            parts.append(f"updated by {who}")
        if self.connected and not parts:
            parts.append("the team server is back")
        return "; ".join(parts)


class Watching(Protocol):
    def stop(self) -> None: ...


class NotWatching:
    """What `watch` returns where nobody else writes (the analyst's own file)."""

    def stop(self) -> None:
        return None


def event_from(entries: Iterable[Entry]) -> TeamEvent:
    """One event for a batch of other clients' journal rows."""
    changes, library, superseded, authors, at = NO_CHANGES, [], [], [], ""
    for entry in entries:
        if entry.author not in authors:
            authors.append(entry.author)
        at = entry.at
        if entry.kind == "work":
            changes = changes | Changes.from_dict(entry.payload)
        elif entry.kind == "library":
            library.extend(str(d) for d in entry.payload.get("documents", []))
            superseded.extend(str(d) for d in entry.payload.get("superseded", []))
    return TeamEvent(changes, tuple(dict.fromkeys(library)), tuple(superseded), tuple(authors), at)
