"""What an operation changed, so a view redraws only that (Anki's OpChanges idea).

Every command on the reader state returns a `Changes`; the window looks at
its flags and refreshes the list, the reading pane, the legend or the facets
only when they moved. `message` is a one-line note for the status bar
("no more mentions of ISKP", "wrapped to the top").
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Changes:
    documents: bool = False  # the list's rows (library or filter) changed
    current: bool = False  # another document is open
    cursor: bool = False  # the paragraph cursor or the current mention moved
    highlights: bool = False  # a kind or an entity was shown or hidden
    focus: bool = False  # focus mode or its entity changed: other paragraphs show
    selection: bool = False  # the selected entity changed
    facets: bool = False  # facet values or their counts changed
    read: bool = False  # a document's read state changed
    message: str = ""

    def __or__(self, other: Changes) -> Changes:
        values = {
            f.name: getattr(self, f.name) or getattr(other, f.name)
            for f in fields(self)
            if f.name != "message"
        }
        message = "; ".join(m for m in (self.message, other.message) if m)
        return Changes(**values, message=message)

    @property
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


NOTHING = Changes()


def note(message: str) -> Changes:
    """Nothing changed, but the analyst should be told why."""
    return Changes(message=message)
