"""Change reports: what a mutating call changed, so views redraw only that.

Modelled on Anki's OpChanges: every write (and every undo or redo) returns a
`Changes` naming the kinds of thing that moved and their ids. A notes panel
showing excerpt 12 refreshes when `12 in changes.excerpts`; a document list
re-reads read state only for `changes.documents`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids of what changed; empty sets mean that kind of thing did not move.

    - `notes`: note ids (created, edited or deleted).
    - `excerpts`: excerpt ids (captured, edited, re-anchored, deleted).
    - `briefings`: briefing ids (metadata, sections, items, order).
    - `documents`: document ids whose read state or reading position changed.
    - `tags`: the set of tag names in use may have changed (refresh tag lists).
    - `grades`: a reliability grade changed (a publisher's grade reaches
      documents the store cannot name: redraw every grade shown).
    - `watches`: a standing query or its inbox changed (redraw the inbox and
      its count).
    """

    notes: frozenset[int] = frozenset()
    excerpts: frozenset[int] = frozenset()
    briefings: frozenset[int] = frozenset()
    documents: frozenset[str] = frozenset()
    tags: bool = False
    grades: bool = False
    watches: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            notes=self.notes | other.notes,
            excerpts=self.excerpts | other.excerpts,
            briefings=self.briefings | other.briefings,
            documents=self.documents | other.documents,
            tags=self.tags or other.tags,
            grades=self.grades or other.grades,
            watches=self.watches or other.watches,
        )

    def __bool__(self) -> bool:
        return bool(
            self.notes
            or self.excerpts
            or self.briefings
            or self.documents
            or self.tags
            or self.grades
            or self.watches
        )

    def as_dict(self) -> dict[str, object]:
        """JSON-friendly form (sorted ids), for the CLI and for logging."""
        return {
            "notes": sorted(self.notes),
            "excerpts": sorted(self.excerpts),
            "briefings": sorted(self.briefings),
            "documents": sorted(self.documents),
            "tags": self.tags,
            "grades": self.grades,
            "watches": self.watches,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Changes:
        """The inverse of `as_dict` (another analyst's changes, read from the journal)."""

        def ids(key: str) -> list[object]:
            value = data.get(key, [])
            return list(value) if isinstance(value, list) else []

        return cls(
            notes=frozenset(int(i) for i in ids("notes")),  # type: ignore[call-overload]
            excerpts=frozenset(int(i) for i in ids("excerpts")),  # type: ignore[call-overload]
            briefings=frozenset(int(i) for i in ids("briefings")),  # type: ignore[call-overload]
            documents=frozenset(str(i) for i in ids("documents")),
            tags=bool(data.get("tags")),
            grades=bool(data.get("grades")),
            watches=bool(data.get("watches")),
        )


NO_CHANGES = Changes()
