"""The briefing composer without Qt: which briefing is open, what is under the cursor, edits.

The store is the truth: every operation here is one store call (so one undo
step) followed by a reload of the briefing, and returns a `ComposerChanges`
saying what a view must redraw. Commands take no arguments (a key runs
them), so the composer keeps its own cursor: the item or section the view
has current. Integrity flags (stale, orphaned, characters the PDF fonts
cannot draw) come from a check that runs in a worker (`composer_jobs`);
they are kept per excerpt and survive reorders, which never change them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from briefreader.control.composer_views import (
    DETAIL_FIELDS,
    EVERYTHING,
    GROUPING_LABELS,
    NO_BRIEFING,
    NO_STORE,
    ComposerChanges,
    Flag,
    ItemView,
    SectionView,
    check_summary,
    matching,
    section_views,
    told,
)
from briefreader.store import Briefing, Changes, Excerpt, Store, StoreError
from briefreader.store.briefing_rows import GROUPINGS, Grouping


@dataclass
class Composer:
    """The open briefing, the composer's cursor, and every edit as a store call."""

    store: Store | None = None
    title_of: Callable[[str], str] = lambda doc_id: ""
    briefing: Briefing | None = None
    sections: tuple[SectionView, ...] = ()
    flags: dict[int, Flag] = field(default_factory=dict)
    current_item: int | None = None  # an excerpt id
    current_section: str | None = None  # a section key (the item's, or a header's)
    check_generation: int = 0
    grade_of: Callable[[Excerpt], str] = lambda excerpt: ""  # "B2", as the export prints it

    # -- reading -----------------------------------------------------------------------

    @property
    def briefing_id(self) -> int | None:
        return self.briefing.id if self.briefing is not None else None

    def list_briefings(self) -> list[tuple[int, str, int]]:
        """(id, name, item count) of every briefing, most recently changed first."""
        if self.store is None:
            return []
        return [(s.id, s.name, s.items) for s in self.store.briefings.list()]

    def section(self, key: str | None) -> SectionView | None:
        return next((s for s in self.sections if s.key == key), None)

    def item(self, excerpt_id: int | None) -> ItemView | None:
        for section in self.sections:
            for item in section.items:
                if item.excerpt_id == excerpt_id:
                    return item
        return None

    def section_of(self, excerpt_id: int) -> SectionView | None:
        return next(
            (s for s in self.sections if any(i.excerpt_id == excerpt_id for i in s.items)), None
        )

    def set_cursor(self, excerpt_id: int | None, section_key: str | None = None) -> None:
        """What the view has current: an item (its section follows) or a section header."""
        self.current_item = excerpt_id
        found = self.section_of(excerpt_id) if excerpt_id is not None else None
        self.current_section = found.key if found is not None else section_key

    def candidates(self, query: str = "") -> list[Excerpt]:
        """Excerpts not yet in the briefing that match every word of `query`."""
        if self.store is None:
            return []
        have = set(self.briefing.excerpt_ids) if self.briefing else set()
        pool = [e for e in self.store.excerpts.list(order="recent") if e.id not in have]
        return matching(pool, query, self.title_of)

    # -- loading -----------------------------------------------------------------------

    def _load(self, briefing_id: int | None) -> None:
        if self.store is None or briefing_id is None:
            self.briefing, self.sections = None, ()
            self.current_item = self.current_section = None
            return
        self.briefing = self.store.load_briefing(briefing_id, document_title=self.title_of)
        self.sections = section_views(self.briefing, self.title_of, self.flags, self.grade_of)
        if self.current_item is not None and self.item(self.current_item) is None:
            self.current_item = None
        if self.current_item is not None:
            self.set_cursor(self.current_item)
        elif self.section(self.current_section) is None:
            first = self.sections[0] if self.sections else None
            self.set_cursor(first.items[0].excerpt_id if first and first.items else None)

    def select(self, ref: int | str) -> ComposerChanges:
        """Open another briefing (by id or name)."""
        if self.store is None:
            return told(NO_STORE)
        try:
            briefing = self.store.load_briefing(ref)
        except StoreError as error:
            return told(str(error))
        if briefing.id != self.briefing_id:
            self.flags.clear()
            self.check_generation += 1
            self.current_item = self.current_section = None
        self._load(briefing.id)
        n = len(briefing.excerpt_ids)
        message = f"briefing {briefing.name!r}: {n} excerpt{'s' if n != 1 else ''}"
        return replace(EVERYTHING, needs_check=True, message=message)

    def reload(self, changes: Changes | None = None) -> ComposerChanges:
        """Re-read after a change made elsewhere (undo, redo, a deleted excerpt, an import).

        With `changes`, reloads only when they touch this briefing or its excerpts.
        """
        if self.store is None or self.briefing is None:
            return ComposerChanges(briefings=bool(changes is None or changes.briefings))
        mine = set(self.briefing.excerpt_ids)
        if changes is not None and not (
            self.briefing.id in changes.briefings or mine & changes.excerpts
        ):
            return ComposerChanges(briefings=bool(changes.briefings))
        gone = self.briefing.id not in {b[0] for b in self.list_briefings()}
        self._load(None if gone else self.briefing.id)
        added = set(self.briefing.excerpt_ids) - set(self.flags) if self.briefing else set()
        return replace(EVERYTHING, needs_check=bool(added))

    def open_latest(self) -> ComposerChanges:
        """Open the most recently changed briefing, if there is one."""
        briefings = self.list_briefings()
        return self.select(briefings[0][0]) if briefings else ComposerChanges(briefings=True)

    # -- the operation pattern ---------------------------------------------------------

    def _edit(
        self, change: Callable[[Store, int], Changes], done: ComposerChanges
    ) -> ComposerChanges:
        if self.store is None:
            return told(NO_STORE)
        if self.briefing is None:
            return told(NO_BRIEFING)
        try:
            changes = change(self.store, self.briefing.id)
        except StoreError as error:
            return told(str(error))
        if not changes:
            return told(done.message) if done.message else ComposerChanges()
        self._load(self.briefing_id)
        return done | ComposerChanges(store=changes)

    # -- the briefing itself -----------------------------------------------------------

    def create(self, name: str, *, today: date | None = None) -> ComposerChanges:
        """A new briefing; it takes author and marking from the last one changed."""
        if self.store is None:
            return told(NO_STORE)
        latest = self.list_briefings()
        inherit = self.store.load_briefing(latest[0][0]) if latest else None
        try:
            created = self.store.briefings.create(
                name,
                date=(today or date.today()).isoformat(),
                author=inherit.author if inherit else "",
                marking=inherit.marking if inherit else "",
            )
        except StoreError as error:
            return told(str(error))
        opened = self.select(created.briefing.id)
        return opened | ComposerChanges(
            briefings=True, store=created.changes, message=f"created briefing {name.strip()!r}"
        )

    def rename(self, name: str) -> ComposerChanges:
        clean = " ".join(name.split())
        return self._edit(
            lambda s, b: s.briefings.update(b, name=clean),
            ComposerChanges(briefings=True, details=True, message=f"renamed to {clean!r}"),
        )

    def delete(self) -> ComposerChanges:
        """Delete the open briefing (its excerpts stay); undo brings it back."""
        if self.briefing is None or self.store is None:
            return told(NO_BRIEFING if self.store else NO_STORE)
        name = self.briefing.name
        try:
            changes = self.store.briefings.delete(self.briefing.id)
        except StoreError as error:
            return told(str(error))
        self._load(None)
        kept = "its excerpts are kept; Ctrl+Z brings it back"
        return replace(EVERYTHING, store=changes, message=f"deleted briefing {name!r} ({kept})")

    def set_field(self, name: str, value: str) -> ComposerChanges:
        """Change one of `DETAIL_FIELDS` (no change, no undo step)."""
        if name not in DETAIL_FIELDS:
            raise ValueError(f"not a briefing field: {name}")
        if self.briefing is not None and getattr(self.briefing, name) == value:
            return ComposerChanges()
        return self._edit(
            lambda s, b: s.briefings.update(b, **{name: value}),
            ComposerChanges(briefings=name == "title", details=True),
        )

    def set_grouping(self, grouping: Grouping) -> ComposerChanges:
        return self._edit(
            lambda s, b: s.briefings.update(b, grouping=grouping),
            ComposerChanges(
                details=True,
                items=True,
                cursor=True,
                message=f"sections {GROUPING_LABELS[grouping]}",
            ),
        )

    def cycle_grouping(self) -> ComposerChanges:
        if self.briefing is None:
            return told(NO_BRIEFING)
        now = GROUPINGS.index(self.briefing.grouping)
        return self.set_grouping(GROUPINGS[(now + 1) % len(GROUPINGS)])

    # -- items -------------------------------------------------------------------------

    def add(self, excerpt_ids: Iterable[int]) -> ComposerChanges:
        """Append excerpts (into the current section when it is one of the analyst's own)."""
        ids = list(dict.fromkeys(excerpt_ids))
        if not ids:
            return told("no excerpt chosen")
        section = self.section(self.current_section)
        target = section.section_id if section is not None else None
        have = set(self.briefing.excerpt_ids) if self.briefing else set()
        new = [i for i in ids if i not in have]
        result = self._edit(
            lambda s, b: s.briefings.add(b, ids, section_id=target),
            ComposerChanges(
                items=True,
                briefings=True,
                cursor=True,
                needs_check=True,
                message=f"added {len(new)} excerpt{'s' if len(new) != 1 else ''}"
                + (f" to {section.title!r}" if target is not None and section else ""),
            ),
        )
        if result.store and new:
            self.set_cursor(new[0])
        return result

    def remove_current(self) -> ComposerChanges:
        """Remove the current item from the briefing, or the current (own) section."""
        if self.current_item is not None:
            eid = self.current_item
            section = self.section_of(eid)
            ids = [i.excerpt_id for i in section.items] if section else [eid]
            here = ids.index(eid)
            after = ids[here + 1] if here + 1 < len(ids) else (ids[here - 1] if here else None)
            result = self._edit(
                lambda s, b: s.briefings.remove(b, [eid]),
                ComposerChanges(
                    items=True, briefings=True, cursor=True, message="removed from the briefing"
                ),
            )
            if result.store:
                self.set_cursor(after, section.key if section else None)
            return result
        section = self.section(self.current_section)
        if section is None or section.section_id is None:
            return told("nothing to remove here: pick an excerpt or one of your own sections")
        sid = section.section_id
        return self._edit(
            lambda s, b: s.briefings.remove_section(b, sid),
            ComposerChanges(
                items=True,
                cursor=True,
                message=f"removed section {section.title!r} (its excerpts moved out of it)",
            ),
        )

    def set_comment(self, text: str) -> ComposerChanges:
        """The analyst's comment on the current excerpt, in this briefing."""
        eid = self.current_item
        if eid is None:
            return told("pick an excerpt to comment on")
        item = self.item(eid)
        if item is not None and item.comment == text:
            return ComposerChanges()
        return self._edit(
            lambda s, b: s.briefings.set_comment(b, eid, text),
            ComposerChanges(items=True, message="comment saved"),
        )

    def move(self, delta: int) -> ComposerChanges:
        """Move the current item within its section, or the current own section."""
        if self.current_item is not None:
            eid = self.current_item
            section = self.section_of(eid)
            ids = [i.excerpt_id for i in section.items] if section else []
            here = ids.index(eid) if eid in ids else 0
            if not 0 <= here + delta < len(ids):
                return told("already first in its section" if delta < 0 else "already last")
            return self._edit(
                lambda s, b: s.briefings.move(b, eid, delta),
                ComposerChanges(items=True, cursor=True),
            )
        section = self.section(self.current_section)
        if section is None or section.section_id is None:
            return told("only excerpts and your own sections can be moved")
        own = [s.section_id for s in self.sections if s.section_id is not None]
        here = own.index(section.section_id)
        if not 0 <= here + delta < len(own):
            return told("already the first section" if delta < 0 else "already the last section")
        sid = section.section_id
        return self._edit(
            lambda s, b: s.briefings.move_section(b, sid, delta),
            ComposerChanges(items=True, cursor=True),
        )

    def move_to_section(self, delta: int) -> ComposerChanges:
        """Put the current item into the previous (-1) or next (+1) section (by hand only)."""
        if self.briefing is None:
            return told(NO_BRIEFING)
        if self.briefing.grouping != "manual":
            return told("sections are computed: choose grouping by hand (o) to move between them")
        eid = self.current_item
        if eid is None:
            return told("pick an excerpt to move")
        keys = [s.key for s in self.sections]
        here = self.section_of(eid)
        index = keys.index(here.key) if here is not None else 0
        if not 0 <= index + delta < len(keys):
            return told("no section " + ("above" if delta < 0 else "below") + "; add one with S")
        target = self.sections[index + delta]
        result = self._edit(
            lambda s, b: s.briefings.set_section(b, [eid], target.section_id),
            ComposerChanges(items=True, cursor=True, message=f"moved to {target.title!r}"),
        )
        self.set_cursor(eid)
        return result

    # -- the analyst's own sections ----------------------------------------------------

    def add_section(self, title: str) -> ComposerChanges:
        clean = " ".join(title.split())
        if not clean:
            return told("a section needs a title")
        if self.store is None or self.briefing is None:
            return told(NO_STORE if self.store is None else NO_BRIEFING)
        try:
            if self.briefing.grouping != "manual":
                self.store.briefings.update(self.briefing.id, grouping="manual")
            added = self.store.briefings.add_section(self.briefing.id, clean)
        except StoreError as error:
            return told(str(error))
        self._load(self.briefing.id)
        self.set_cursor(None, f"section:{added.section_id}")
        return ComposerChanges(
            details=True, items=True, cursor=True, store=added.changes, message=f"section {clean!r}"
        )

    def rename_section(self, title: str) -> ComposerChanges:
        section = self.section(self.current_section)
        if section is None or section.section_id is None:
            return told("only your own sections can be renamed")
        clean = " ".join(title.split())
        sid = section.section_id
        return self._edit(
            lambda s, b: s.briefings.rename_section(b, sid, clean),
            ComposerChanges(items=True, message=f"section renamed to {clean!r}"),
        )

    # -- integrity ---------------------------------------------------------------------

    def begin_check(self) -> tuple[int, int] | None:
        """(generation, briefing id) for a check to run in a worker; None if nothing to check."""
        if self.briefing is None or self.store is None:
            return None
        self.check_generation += 1
        return self.check_generation, self.briefing.id

    def apply_flags(self, generation: int, flags: dict[int, Flag]) -> ComposerChanges:
        """Take a finished check's flags, unless a newer check or another briefing superseded it."""
        if generation != self.check_generation or self.briefing is None:
            return ComposerChanges()
        self.flags = dict(flags)
        self._load(self.briefing.id)
        return ComposerChanges(items=True, flags=True, message=check_summary(flags))
