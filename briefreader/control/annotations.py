"""The analyst's excerpt, tag and undo actions over the store, as outcomes for the window.

Every action returns an `Outcome`: the store's `Changes` (so the notes panel
and the excerpt bin redraw only what moved) and one sentence for the status
bar. A store that cannot save (read-only second instance, full disk) never
raises into the window: the outcome says why, and nothing changed.
Note text is not handled here: the notes panel drives `store.autosave.Autosaver`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from briefreader.control.excerpting import Span, label
from briefreader.domain import Document, Mention
from briefreader.paths import DataPaths
from briefreader.store import NO_CHANGES, Changes, Excerpt, Store
from briefreader.store.errors import StoreError
from briefreader.store.excerpts import ReanchorReport, clean_tags
from briefreader.store.versions import follow_new_versions

NO_STORE = "the work database is not open yet, so nothing can be saved"


@dataclass(frozen=True, slots=True)
class Outcome:
    changes: Changes = NO_CHANGES
    message: str = ""
    excerpt_id: int | None = None  # the excerpt the action made or touched, to select it
    ok: bool = True


def _failed(message: str) -> Outcome:
    return Outcome(NO_CHANGES, message, None, False)


def _name(store: Store, excerpt_id: int) -> str:
    """The excerpt as messages name it (its first words); read before the action
    runs, so that a deleted excerpt is still named."""
    return store.excerpts.get(excerpt_id).name


class Annotations:
    """Excerpt actions on one store (None until the store is open)."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store

    def _act(self, what: str, action: Callable[[Store], Outcome]) -> Outcome:
        if self.store is None:
            return _failed(NO_STORE)
        try:
            return action(self.store)
        except StoreError as error:
            return _failed(f"could not {what}: {error}")

    # -- capture -----------------------------------------------------------------------

    def capture(
        self,
        doc: Document,
        span: Span,
        mentions: Sequence[Mention] | None,
        *,
        tags: Iterable[str] = (),
        comment: str = "",
        priority: bool = False,
    ) -> Outcome:
        start, end = span
        if end <= start:
            return _failed("nothing to capture here")

        def run(store: Store) -> Outcome:
            captured = store.excerpts.capture(
                doc.id,
                doc.body,
                start,
                end,
                tags=tags,
                comment=comment,
                priority=priority,
                mentions=mentions,
            )
            excerpt = captured.excerpt
            names = ", ".join(e.canonical for e in excerpt.entities[:3])
            message = f"{excerpt.name} captured ({label(span, doc)})"
            if names:
                message += f": {names}" + ("…" if len(excerpt.entities) > 3 else "")
            return Outcome(captured.changes, message, excerpt.id)

        return self._act("capture the excerpt", run)

    # -- editing -----------------------------------------------------------------------

    def add_tags(self, excerpt_id: int, tags: Iterable[str]) -> Outcome:
        names = clean_tags(tags)
        if not names:
            return Outcome(message="no tag given")

        def run(store: Store) -> Outcome:
            name = _name(store, excerpt_id)
            changes = store.excerpts.add_tags([excerpt_id], names)
            return Outcome(changes, f"{name} tagged {', '.join(names)}", excerpt_id)

        return self._act("tag the excerpt", run)

    def remove_tags(self, excerpt_id: int, tags: Iterable[str]) -> Outcome:
        names = clean_tags(tags)
        if not names:
            return Outcome(message="no tag given")

        def run(store: Store) -> Outcome:
            name = _name(store, excerpt_id)
            changes = store.excerpts.remove_tags([excerpt_id], names)
            return Outcome(changes, f"removed {', '.join(names)} from {name}", excerpt_id)

        return self._act("remove the tag", run)

    def set_comment(self, excerpt_id: int, comment: str) -> Outcome:
        def run(store: Store) -> Outcome:
            name = _name(store, excerpt_id)
            changes = store.excerpts.set_comment(excerpt_id, comment.strip())
            said = "saved" if comment.strip() else "removed"
            return Outcome(changes, f"comment on {name} {said}", excerpt_id)

        return self._act("save the comment", run)

    def toggle_priority(self, excerpt_id: int) -> Outcome:
        def run(store: Store) -> Outcome:
            changes = store.excerpts.toggle_priority(excerpt_id)
            now = store.excerpts.get(excerpt_id)
            state = "flagged priority" if now.priority else "no longer priority"
            return Outcome(changes, f"{now.name} {state}", excerpt_id)

        return self._act("flag the excerpt", run)

    def delete(self, excerpt_id: int) -> Outcome:
        def run(store: Store) -> Outcome:
            name = _name(store, excerpt_id)
            changes = store.excerpts.delete([excerpt_id])
            return Outcome(changes, f"{name} deleted (Ctrl+Z brings it back)", None)

        return self._act("delete the excerpt", run)

    # -- undo --------------------------------------------------------------------------

    def undo(self) -> Outcome:
        def run(store: Store) -> Outcome:
            step = store.history.undo_label
            if step is None:
                return Outcome(message="nothing to undo")
            return Outcome(store.undo(), f"undone: {step}")

        return self._act("undo", run)

    def redo(self) -> Outcome:
        def run(store: Store) -> Outcome:
            step = store.history.redo_label
            if step is None:
                return Outcome(message="nothing to redo")
            return Outcome(store.redo(), f"redone: {step}")

        return self._act("redo", run)

    def excerpt(self, excerpt_id: int) -> Excerpt | None:
        if self.store is None:
            return None
        try:
            return self.store.excerpts.get(excerpt_id)
        except StoreError:
            return None

    # -- new versions ------------------------------------------------------------------

    def follow_versions(self, paths: DataPaths, superseded: Sequence[str]) -> Outcome:
        """Move excerpts of re-imported articles to their newest version (run in a worker).

        The library is opened here, in the calling thread, and the corpus
        package imported only now, so the window never pays for it at start-up.
        """
        if not superseded:
            return Outcome()

        def run(store: Store) -> Outcome:
            corpus = importlib.import_module("briefreader.corpus.library")
            library = corpus.open_library(paths, seed=False)
            try:
                report = follow_new_versions(
                    store.excerpts, library, superseded, grades=store.grades
                )
            finally:
                library.close()
            return Outcome(report.changes, versions_message(report))

        return self._act("move excerpts to the new versions", run)


def versions_message(report: ReanchorReport) -> str:
    """What following new versions did, for the status bar ('' when nothing moved)."""
    parts = [
        f"{len(ids)} {name}"
        for name, ids in (
            ("moved", report.moved),
            ("found approximately (review them: fuzzy)", report.fuzzy),
            ("orphaned (quote no longer in the text)", report.orphaned),
        )
        if ids
    ]
    return ("excerpts on new versions: " + "; ".join(parts)) if parts else ""
