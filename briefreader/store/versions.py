"""Keep excerpts on the newest version of their document.

When a changed file is imported again, the library stores the new text as a
new version with a new id (`ImportReport.superseded` lists the old ids).
Excerpts still point at the old version; `follow_new_versions` re-anchors
them in the newest one by quote and context. Excerpts found there move to it
(exactly: "anchored"; approximately: "fuzzy"), the rest stay on the old
version flagged "orphaned", where their quote can still be read in context.
Call it after every import (the GUI's import worker and `briefreader docs`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from briefreader.domain import Document
from briefreader.store.changes import NO_CHANGES
from briefreader.store.excerpts import Excerpts, ReanchorReport
from briefreader.store.grades import Grades


class VersionSource(Protocol):
    """What this needs of `briefreader.corpus.library.Library`."""

    def versions(self, doc_id: str) -> Sequence[Document]: ...


def follow_new_versions(
    excerpts: Excerpts,
    library: VersionSource,
    doc_ids: Iterable[str] | None = None,
    *,
    grades: Grades | None = None,
) -> ReanchorReport:
    """Re-anchor excerpts of documents that have a newer version.

    `doc_ids` limits the check (pass `ImportReport.superseded`); None checks
    every document that has excerpts. One undo step per document moved.
    With `grades`, a superseded document's own reliability grade moves to its
    newest version too (only for `doc_ids`: grades are not listed per document).
    """
    wanted = None if doc_ids is None else set(doc_ids)
    outcome: dict[str, list[int]] = {"unchanged": [], "moved": [], "fuzzy": [], "orphaned": []}
    changes = NO_CHANGES
    for doc_id in wanted if grades is not None and wanted is not None else ():
        versions = library.versions(doc_id)
        if versions and versions[-1].id != doc_id:
            changes = changes | grades.follow_version(doc_id, versions[-1].id)
    for doc_id, _count in excerpts.documents():
        if wanted is not None and doc_id not in wanted:
            continue
        versions = library.versions(doc_id)
        if not versions or versions[-1].id == doc_id:
            continue
        newest = versions[-1]
        report = excerpts.reanchor(doc_id, newest.body, new_doc_id=newest.id)
        for kind in outcome:
            outcome[kind].extend(getattr(report, kind))
        changes = changes | report.changes
    return ReanchorReport(
        *(tuple(outcome[k]) for k in ("unchanged", "moved", "fuzzy", "orphaned")), changes
    )
