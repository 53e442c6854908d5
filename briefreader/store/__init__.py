"""The analyst's store: notes, excerpts, briefings, read state, undo, backups.

No Qt. Everything lives in `DataPaths.work_db` (SQLite: WAL, synchronous=FULL,
foreign keys on, schema versioned with `user_version`), with verified,
rotating backups in `DataPaths.backups_dir`.

Opening::

    store = Store.open(paths)                          # the one writer
    store = Store.open(paths, if_locked="read_only")   # second instance: look, don't touch
    store = Store.open(paths, read_only=True)          # CLI listings
    store.recovery         # Recovery | None: show .message if set (damaged db restored)
    store.read_only_reason # str | None: why edits cannot be saved (status bar)
    store.close()          # retries unsaved notes, checkpoints, releases the lock

`Store.open` raises StoreBusyError (another instance, if_locked="raise"),
StoreVersionError (newer schema), StoreCorruptError (damaged, nothing to
restore) or StoreError; `str(error)` is a one-line message for the analyst.

Notes (`store.notes`, targets are `NoteTarget.document(doc_id)`,
`.excerpt(id)`, `.briefing(id)`, `.memo()`)::

    store.save_note(target, text, format=None) -> NoteSave   # never raises on a failed
        # write: NoteSave(saved=False, error=...), text kept in store.notes.pending()
    store.notes.flush() -> list[NoteSave]   # retry pending: call on focus change/switch/quit
    store.notes.get(target) -> Note | None; .memo(); .all(kind=None); .delete(target)
    store.iter_notes() -> Iterator[Note]    # Note(id, target, text, format, created, updated)

Autosave for the notes panel (no Qt; never cancelled by navigation)::

    saver = autosave.Autosaver(store.notes)        # delay 0.75 s
    saver.edited(target, text)   # every keystroke
    saver.tick()                 # from a QTimer (e.g. every 250 ms, or seconds_until_due())
    saver.flush()                # focus change, document switch, quit
    saver.failures               # {target: error} for edits that could not be saved

Excerpts (`store.excerpts`)::

    .capture(doc_id, text, start, end, *, tags=(), comment="", priority=False,
             mentions=None) -> Captured(excerpt, changes)
    .get(id) -> Excerpt; .list(doc_id=, tag=, entity=, priority=, status=, order=)
    .set_comment(id, text); .set_priority(ids, flag); .toggle_priority(id)
    .add_tags(ids, tags); .remove_tags(ids, tags); .rename_tag(old, new); .delete(ids)
    .set_credibility(ids, 1..6 | None); .set_claim(ids, "ISKP via Amaq" | "")
    .tags() / .entities() / .documents() / .claimants()   # facets for the excerpt bin
    .reanchor(doc_id, new_text, new_doc_id=None) -> ReanchorReport
    Excerpt: id, doc_id, content_hash, start, end, selector (exact/prefix/suffix),
             quote, paragraph, entities (EntityRef kind/canonical), tags, comment,
             priority, status ("anchored" | "fuzzy" | "orphaned"), created, updated,
             credibility (1-6 | None), claimant ("" = not a claim)

Reliability grades (`store.grades`; the Admiralty A-F, see grades.py)::

    .set_publisher(publisher, "B" | None)    # remembered for every document of it
    .set_documents(doc_ids, "D" | None)      # a document's own grade, over its publisher's
    .reliability(doc_id, publisher) -> Reliability(grade, origin "document"|"publisher"|"")
    .book() -> GradeBook   # every grade at once: .reliability(doc_id, publisher)
    .publisher(name) / .document(doc_id) -> str | None; .follow_version(old_id, new_id)
    grades.RELIABILITY / grades.CREDIBILITY: the codes' meanings, for legends

After an import: `versions.follow_new_versions(store.excerpts, library,
ImportReport.superseded) -> ReanchorReport` moves excerpts to the newest version.

Keyboard capture spans (pure): `passages.paragraph_at(text, offset)`,
`passages.sentence_at(text, offset)`, `passages.sentences(text, start, end)`
-> (start, end), whitespace trimmed; feed them to `excerpts.capture`.

Anchoring (pure, also used by the exporter's integrity check)::

    anchoring.anchor(text, TextQuoteSelector, hint=old_start) -> Anchor(start, end, exact,
        similarity) | None        # None: orphaned; exact and start == old start: intact

Briefings (`store.briefings`; refs are an id or a name)::

    .create(name, title=, author=, date=, marking=, summary=, grouping="manual")
        -> Created(briefing, changes)   # grouping: "manual" | "group" | "country" | "source"
    .update(ref, **fields); .delete(ref); .list() -> list[BriefingSummary]
    .add(ref, excerpt_ids, section_id=None); .remove(ref, ids); .set_comment(ref, id, text)
    .move(ref, excerpt_id, delta); .reorder(ref, ids); .set_section(ref, ids, section_id)
    .add_section(ref, title) -> SectionAdded(section_id, changes); .rename_section;
    .remove_section; .move_section
    store.load_briefing(name_or_id, document_title=None) -> Briefing   # frozen, one call:
        Briefing(id, name, title, author, date, marking, summary, grouping,
                 sections: (BriefingSection(key, title, items, id),), created, updated, note)
        BriefingItem(excerpt: Excerpt, comment, position, section_id)

Read state (`store.reading`)::

    .get(doc_id) -> ReadingState(doc_id, read, position, updated); .all(); .read_ids()
    .set_read(doc_ids, read=True) -> Changes; .set_position(doc_id, offset) -> Changes

Undo: `store.undo()` / `store.redo()` -> Changes (NO_CHANGES if nothing to do);
`store.history.undo_label` / `.redo_label` name the step for menus.

Every mutating call returns `Changes(notes, excerpts, briefings, documents, tags, grades)`
(frozensets of ids; falsy when nothing changed). Mutations raise
StoreReadOnlyError or StoreWriteError (database unchanged) when they cannot save,
except `save_note`, which reports in its result. Backups: taken at most hourly
after writes and at start-up, before each migration, and by `store.backup_now()`.
"""

from __future__ import annotations

from briefreader.store.anchoring import Anchor, TextQuoteSelector, anchor, quote_selector
from briefreader.store.briefing_rows import (
    Briefing,
    BriefingItem,
    BriefingSection,
    BriefingSummary,
    Grouping,
)
from briefreader.store.changes import NO_CHANGES, Changes
from briefreader.store.errors import (
    NotFoundError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreReadOnlyError,
    StoreVersionError,
    StoreWriteError,
)
from briefreader.store.excerpt_rows import EntityRef, Excerpt, ExcerptStatus
from briefreader.store.excerpts import Captured, ReanchorReport
from briefreader.store.grades import CREDIBILITY, RELIABILITY, GradeBook, Reliability
from briefreader.store.notes import Note, NoteSave, NoteTarget
from briefreader.store.opening import Recovery
from briefreader.store.readstate import ReadingState
from briefreader.store.store import Store

__all__ = [
    "CREDIBILITY",
    "NO_CHANGES",
    "RELIABILITY",
    "Anchor",
    "Briefing",
    "BriefingItem",
    "BriefingSection",
    "BriefingSummary",
    "Captured",
    "Changes",
    "EntityRef",
    "Excerpt",
    "ExcerptStatus",
    "GradeBook",
    "Grouping",
    "NotFoundError",
    "Note",
    "NoteSave",
    "NoteTarget",
    "ReadingState",
    "ReanchorReport",
    "Recovery",
    "Reliability",
    "Store",
    "StoreBusyError",
    "StoreCorruptError",
    "StoreError",
    "StoreReadOnlyError",
    "StoreVersionError",
    "StoreWriteError",
    "TextQuoteSelector",
    "anchor",
    "quote_selector",
]
