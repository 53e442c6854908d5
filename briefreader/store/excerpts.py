"""Excerpts: capture, tag, comment, flag, delete, re-anchor; all undoable.

Capture takes the document's current text and the offsets of the passage
(a paragraph, a sentence or a keyboard selection: the reader works out which)
and stores the quote as a TextQuoteSelector with the content hash of the text,
so it can be found again when the text changes (`reanchor`). An excerpt that
cannot be found is flagged "orphaned", never deleted.

Every mutation returns a `Changes` report and is one undo step.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from briefreader.domain import PARAGRAPH_SEPARATOR, Mention
from briefreader.store.anchoring import (
    DEFAULT_CONTEXT,
    quote_selector,
)
from briefreader.store.backend import Backend
from briefreader.store.changes import Changes
from briefreader.store.db import timestamp
from briefreader.store.errors import NotFoundError
from briefreader.store.excerpt_rows import (
    CLAIMANT,
    COMMENT,
    CREDIBILITY,
    PRIORITY,
    UPDATED,
    UPDATED_BY,
    EntityRow,
    Excerpt,
    ExcerptSnapshot,
    ExcerptStatus,
    load_excerpts,
    read_snapshot,
    stamped,
    with_column,
    write_snapshot,
)
from briefreader.store.grades import CREDIBILITY as CREDIBILITY_GRADES
from briefreader.store.passages import paragraph_at
from briefreader.store.reanchoring import reanchored
from briefreader.store.undo import Operation, Put, batch

Runner = Callable[[Callable[[sqlite3.Connection], Operation | None]], Changes]
MentionFinder = Callable[[str], Sequence[Mention]]
Order = Literal["document", "recent"]
_SPACES = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """The same hash as `Document.content_hash`: SHA-256 of the body."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_tag(tag: str) -> str:
    return _SPACES.sub(" ", tag).strip()


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, without empties or case-insensitive duplicates, sorted."""
    kept: dict[str, str] = {}
    for tag in tags:
        clean = normalise_tag(tag)
        if clean:
            kept.setdefault(clean.casefold(), clean)
    return tuple(sorted(kept.values(), key=str.casefold))


def entity_rows(mentions: Iterable[Mention]) -> tuple[EntityRow, ...]:
    """One row per distinct entity, with the offset of its first mention."""
    first: dict[tuple[str, str], int] = {}
    for m in mentions:
        key = (m.kind, m.canonical)
        first[key] = min(first.get(key, m.start), m.start)
    return tuple(sorted((k, c, pos) for (k, c), pos in first.items()))


class Captured(NamedTuple):
    excerpt: Excerpt
    changes: Changes


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    """What `reanchor` did: ids by outcome, plus the change report."""

    unchanged: tuple[int, ...]
    moved: tuple[int, ...]  # found exactly, at new offsets
    fuzzy: tuple[int, ...]  # found approximately: review these
    orphaned: tuple[int, ...]  # not found: kept, flagged
    changes: Changes


def _put(
    label: str, excerpt_id: int, before: ExcerptSnapshot | None, after: ExcerptSnapshot | None
) -> Put:
    return Put(label, excerpt_id, before, after, write_snapshot, read=read_snapshot, who=_author)


def _author(snap: ExcerptSnapshot | None) -> str:
    return snap.row[UPDATED_BY] if snap else ""


def default_find_mentions(text: str) -> Sequence[Mention]:
    """The bundled gazetteer's matcher, imported on the first excerpt that needs it.

    Not at import: opening the store is on the window's start-up path, and the
    matching code would add a quarter of its import time there for nothing.
    """
    from briefreader.entities import find_mentions  # here: see above

    return find_mentions(text)


class Excerpts:
    """The excerpts repository; reached as `Store.excerpts`."""

    def __init__(
        self, db: Backend, run: Runner, find_mentions: MentionFinder | None = None
    ) -> None:
        self._db = db
        self._run = run
        self._find: MentionFinder = find_mentions or default_find_mentions

    # -- reading ---------------------------------------------------------
    def get(self, excerpt_id: int) -> Excerpt:
        with self._db.reading() as conn:
            found = load_excerpts(conn, "WHERE e.id = ?", (excerpt_id,))
        if not found:
            raise NotFoundError("that excerpt is no longer in the work database")
        return found[0]

    def list(
        self,
        *,
        doc_id: str | None = None,
        tag: str | None = None,
        entity: str | None = None,
        priority: bool | None = None,
        status: ExcerptStatus | None = None,
        order: Order = "document",
    ) -> list[Excerpt]:
        """Excerpts matching every filter given (the excerpt bin's query).

        `entity` is a canonical group or country name; `tag` matches without
        regard to case. "document" order is by document then offset,
        "recent" newest first.
        """
        clauses, args = [], []
        if doc_id is not None:
            clauses.append("e.doc_id = ?")
            args.append(doc_id)
        if tag is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM excerpt_tags t WHERE t.excerpt_id = e.id AND t.tag = ?)"
            )
            args.append(normalise_tag(tag))
        if entity is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM excerpt_entities n WHERE n.excerpt_id = e.id "
                "AND n.canonical = ?)"
            )
            args.append(entity)
        if priority is not None:
            clauses.append("e.priority = ?")
            args.append(int(priority))
        if status is not None:
            clauses.append("e.status = ?")
            args.append(status)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        where += (
            " ORDER BY e.doc_id, e.start, e.id"
            if order == "document"
            else " ORDER BY e.created DESC, e.id DESC"
        )
        with self._db.reading() as conn:
            return load_excerpts(conn, where, args)

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use with its excerpt count, alphabetically."""
        with self._db.reading() as conn:
            rows = conn.execute("SELECT tag, COUNT(*) FROM excerpt_tags GROUP BY tag").fetchall()
        return sorted(((t, n) for t, n in rows), key=lambda p: p[0].casefold())

    def entities(self) -> list[tuple[str, str, int]]:
        """(kind, canonical, excerpt count) for every entity mentioned in an excerpt."""
        with self._db.reading() as conn:
            return conn.execute(
                "SELECT kind, canonical, COUNT(*) FROM excerpt_entities GROUP BY kind, canonical "
                "ORDER BY kind, canonical"
            ).fetchall()

    def documents(self) -> list[tuple[str, int]]:
        """(document id, excerpt count) for every document with excerpts."""
        with self._db.reading() as conn:
            return conn.execute(
                "SELECT doc_id, COUNT(*) FROM excerpts GROUP BY doc_id ORDER BY doc_id"
            ).fetchall()

    # -- capture ---------------------------------------------------------
    def capture(
        self,
        doc_id: str,
        text: str,
        start: int,
        end: int,
        *,
        tags: Iterable[str] = (),
        comment: str = "",
        priority: bool = False,
        mentions: Sequence[Mention] | None = None,
        context: int = DEFAULT_CONTEXT,
    ) -> Captured:
        """Store `text[start:end]` of document `doc_id` as a new excerpt.

        `mentions` are the group/country mentions inside the quote (offsets
        relative to the quote); when None they are found in the quote's
        paragraph(s) with briefreader.entities.find_mentions (or the finder
        given to the Store), keeping those inside the quote.
        """
        selector = quote_selector(text, start, end, context)
        found = self._mentions_in(text, start, end) if mentions is None else mentions
        now = timestamp()
        tag_names = clean_tags(tags)
        holder: list[int] = []

        def build(conn: sqlite3.Connection) -> Operation:
            excerpt_id = self._db.next_id(conn, "excerpts")
            holder[:] = [excerpt_id]  # the build may run again (a retried transaction)
            row = (
                excerpt_id, doc_id, content_hash(text), start, end,
                selector.exact, selector.prefix, selector.suffix,
                text.count(PARAGRAPH_SEPARATOR, 0, start), comment, int(priority),
                "anchored", now, now, None, "", self._db.author, self._db.author,
            )  # fmt: skip
            snap = ExcerptSnapshot(row, entity_rows(found), tag_names, None, ())
            return _put("capture excerpt", excerpt_id, None, snap)

        changes = self._run(build)
        return Captured(self.get(holder[0]), changes)

    def _mentions_in(self, text: str, start: int, end: int) -> list[Mention]:
        """Mentions inside text[start:end], relative to it, found in context.

        The matcher judges ambiguous spellings by their surroundings
        (capitals, sentence starts), so it reads the whole paragraph(s)
        around the quote, not the quote alone.
        """
        ctx_start = min(start, paragraph_at(text, start)[0])
        ctx_end = max(end, paragraph_at(text, max(start, end - 1))[1])
        shift = ctx_start - start
        return [
            m._replace(start=m.start + shift, end=m.end + shift)
            for m in self._find(text[ctx_start:ctx_end])
            if m.start + ctx_start >= start and m.end + ctx_start <= end
        ]

    # -- editing ---------------------------------------------------------
    def _edit(
        self,
        label: str,
        ids: Iterable[int],
        change: Callable[[ExcerptSnapshot], ExcerptSnapshot | None],
    ) -> Changes:
        wanted = list(dict.fromkeys(ids))

        def build(conn: sqlite3.Connection) -> Operation | None:
            ops: list[Operation] = []
            for excerpt_id in wanted:
                before = read_snapshot(conn, excerpt_id)
                if before is None:
                    raise NotFoundError("that excerpt is no longer in the work database")
                after = change(before)
                if after is not None and after != before:
                    after = stamped(after, timestamp(), self._db.author)
                ops.append(_put(label, excerpt_id, before, after))
            return batch(label, ops)

        return self._run(build)

    def set_comment(self, excerpt_id: int, comment: str) -> Changes:
        """The analyst's comment on the excerpt (plain text or Markdown)."""
        return self._edit("edit comment", [excerpt_id], lambda s: with_column(s, COMMENT, comment))

    def set_priority(self, ids: Iterable[int], priority: bool = True) -> Changes:
        return self._edit(
            "flag priority" if priority else "clear priority",
            ids,
            lambda s: with_column(s, PRIORITY, int(priority)),
        )

    def toggle_priority(self, excerpt_id: int) -> Changes:
        return self.set_priority([excerpt_id], not self.get(excerpt_id).priority)

    def set_credibility(self, ids: Iterable[int], credibility: int | None) -> Changes:
        """Grade the information in excerpts 1 (confirmed) to 6 (cannot be judged); None clears."""
        if credibility is not None and credibility not in CREDIBILITY_GRADES:
            raise ValueError(f"credibility is graded 1 to 6, not {credibility!r}")
        label = "clear credibility" if credibility is None else f"grade credibility {credibility}"
        return self._edit(label, ids, lambda s: with_column(s, CREDIBILITY, credibility))

    def set_claim(self, ids: Iterable[int], claimant: str) -> Changes:
        """Mark excerpts as a claim by a named actor ("ISKP via Amaq"); "" unmarks them."""
        name = " ".join(claimant.split())
        label = f"mark as claim by {name}" if name else "unmark claim"
        return self._edit(label, ids, lambda s: with_column(s, CLAIMANT, name))

    def claimants(self) -> list[tuple[str, int]]:
        """Every named claimant in use with its excerpt count, for completion."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT claimant, COUNT(*) FROM excerpts WHERE claimant != '' GROUP BY claimant"
            ).fetchall()
        return sorted(((c, n) for c, n in rows), key=lambda p: p[0].casefold())

    def add_tags(self, ids: Iterable[int], tags: Iterable[str]) -> Changes:
        new = clean_tags(tags)

        def add(s: ExcerptSnapshot) -> ExcerptSnapshot:
            return replace(s, tags=clean_tags((*s.tags, *new)))

        return self._edit("add tag", ids, add)

    def remove_tags(self, ids: Iterable[int], tags: Iterable[str]) -> Changes:
        gone = {normalise_tag(t).casefold() for t in tags}
        return self._edit(
            "remove tag",
            ids,
            lambda s: replace(s, tags=tuple(t for t in s.tags if t.casefold() not in gone)),
        )

    def rename_tag(self, old: str, new: str) -> Changes:
        """Rename a tag on every excerpt (merging into `new` if it exists)."""
        old_key, new_name = normalise_tag(old).casefold(), normalise_tag(new)
        if not new_name:
            raise ValueError("a tag name cannot be empty")
        ids = [e.id for e in self.list(tag=old)]

        def rename(s: ExcerptSnapshot) -> ExcerptSnapshot:
            kept = [t for t in s.tags if t.casefold() not in {old_key, new_name.casefold()}]
            return replace(s, tags=tuple(sorted((*kept, new_name), key=str.casefold)))

        return self._edit("rename tag", ids, rename)

    def delete(self, ids: Iterable[int]) -> Changes:
        """Delete excerpts with their note and briefing places (undo restores all)."""
        return self._edit("delete excerpt", ids, lambda _s: None)

    def refresh_entities(self, find_mentions: MentionFinder | None = None) -> Changes:
        """Recompute every excerpt's entities (after the gazetteer changed)."""
        finder = find_mentions or self._find
        ids = [e.id for e in self.list()]
        return self._edit(
            "refresh entities", ids, lambda s: replace(s, entities=entity_rows(finder(s.row[5])))
        )

    # -- re-anchoring ----------------------------------------------------
    def reanchor(self, doc_id: str, text: str, *, new_doc_id: str | None = None) -> ReanchorReport:
        """Find every excerpt of `doc_id` again in `text`, its document's new text.

        Pass `new_doc_id` when the new text is a new version with its own id:
        the excerpts move to it. Excerpts found exactly get new offsets,
        ones found approximately are flagged "fuzzy", the rest "orphaned";
        all keep their quote. One undo step.
        """
        target = new_doc_id or doc_id
        new_hash = content_hash(text)
        outcome: dict[str, list[int]] = {"unchanged": [], "moved": [], "fuzzy": [], "orphaned": []}

        def build(conn: sqlite3.Connection) -> Operation | None:
            for ids in outcome.values():
                ids.clear()  # the build may run again (a retried transaction)
            ops: list[Operation] = []
            rows = conn.execute("SELECT id FROM excerpts WHERE doc_id = ? ORDER BY id", (doc_id,))
            for (excerpt_id,) in rows.fetchall():
                before = read_snapshot(conn, excerpt_id)
                assert before is not None
                after, kind = reanchored(before, text, target, new_hash)
                outcome[kind].append(excerpt_id)
                if after != before:
                    after = stamped(after, after.row[UPDATED], self._db.author)
                    ops.append(_put("re-anchor excerpts", excerpt_id, before, after))
            return batch("re-anchor excerpts", ops)

        changes = self._run(build)
        return ReanchorReport(
            *(tuple(outcome[k]) for k in ("unchanged", "moved", "fuzzy", "orphaned")), changes
        )
