"""The reader's state without Qt: which documents show, which is open, where the cursor is.

Every command the window binds is a method here that returns `Changes`, so
the whole reading behaviour (stepping documents, paragraphs and mentions,
focus mode, toggles, filters, read state) is tested without a widget, and
the window only redraws what a command says it changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from briefreader.control.changes import NOTHING, Changes, note
from briefreader.control.facets import (
    Corpus,
    EntityKey,
    FacetCounts,
    FacetFilter,
    apply_filter,
    facet_counts,
    story_sizes,
)
from briefreader.control.mentions import DocumentMentions, LocalMention, Matcher, entity_key
from briefreader.domain import Document, EntityKind, Story


class ReaderState:
    def __init__(self, matcher: Matcher) -> None:
        self._matcher = matcher
        self._docs: list[Document] = []
        self._by_id: dict[str, Document] = {}
        self._stories: dict[str, Story] = {}
        self._doc_entities: dict[str, frozenset[EntityKey]] = {}
        self.story_sizes: dict[str, int] = {}
        self.read: set[str] = set()
        self.positions: dict[str, int] = {}
        self.filter = FacetFilter()
        self.visible: list[Document] = []
        self.current: Document | None = None
        self.mentions: DocumentMentions | None = None
        self.paragraph = 0
        self.mention: LocalMention | None = None
        self.hidden_kinds: set[EntityKind] = set()
        self.hidden_entities: set[EntityKey] = set()
        self.selected: EntityKey | None = None
        self.focus_mode = False

    # -- the library -------------------------------------------------------------------

    def set_library(self, documents: Sequence[Document], stories: Iterable[Story]) -> Changes:
        self._docs = list(documents)
        self._by_id = {doc.id: doc for doc in self._docs}
        self._stories = {story.id: story for story in stories}
        self.story_sizes = story_sizes(self._stories.values())
        self.visible = apply_filter(self._corpus(), self.filter)
        return Changes(documents=True, facets=True)

    def set_entities(self, entities: Mapping[str, frozenset[EntityKey]]) -> Changes:
        """What each document names (computed in a worker), for the entity facets."""
        self._doc_entities.update(entities)
        self.visible = apply_filter(self._corpus(), self.filter)
        return Changes(documents=True, facets=True)

    def document(self, doc_id: str) -> Document | None:
        return self._by_id.get(doc_id)

    @property
    def entities_known(self) -> int:
        """For how many documents the named entities are known (they arrive after the text)."""
        return len(self._doc_entities)

    @property
    def documents(self) -> list[Document]:
        return list(self._docs)

    def _corpus(self) -> Corpus:
        return Corpus(self._docs, self._stories, self._doc_entities, frozenset(self.read))

    def counts(self) -> FacetCounts:
        return facet_counts(self._corpus(), self.filter)

    # -- documents ---------------------------------------------------------------------

    def open(self, doc_id: str, mentions: DocumentMentions | None = None) -> Changes:
        doc = self._by_id.get(doc_id)
        if doc is None:
            return note(f"no document {doc_id}")
        if self.current is not None and self.current.id == doc_id:
            return NOTHING
        if self.current is not None:
            self.positions[self.current.id] = self.paragraph
        self.current = doc
        self.mentions = (
            mentions if mentions is not None else DocumentMentions.build(doc, self._matcher)
        )
        keys = frozenset(self.mentions.counts)
        self._doc_entities[doc.id] = self._doc_entities.get(doc.id, frozenset()) | keys
        last = max(self.mentions.paragraph_count - 1, 0)
        self.paragraph = min(max(self.positions.get(doc.id, 0), 0), last)
        self.mention = None
        if self.focus_mode and self.selected not in self.mentions.counts:
            self.focus_mode = False
        if self.focus_mode:
            self._snap_to_visible(forward=True)
        return Changes(current=True, cursor=True, focus=True, selection=True)

    def set_mentions(self, mentions: DocumentMentions) -> Changes:
        """New mentions for the open document (the matcher arrived late), same place."""
        if self.current is None or mentions.doc_id != self.current.id:
            return NOTHING
        self.mentions = mentions
        self.mention = None
        keys = frozenset(mentions.counts)
        self._doc_entities[self.current.id] = self._doc_entities.get(self.current.id, keys) | keys
        return Changes(current=True, cursor=True, selection=True, facets=True)

    def _step_document(self, step: int) -> Changes:
        if not self.visible:
            return note("no documents match the filters")
        ids = [doc.id for doc in self.visible]
        if self.current is None or self.current.id not in ids:
            return self.open(ids[0] if step > 0 else ids[-1])
        index = ids.index(self.current.id) + step
        if not 0 <= index < len(ids):
            return note("no more documents" if step > 0 else "this is the first document")
        return self.open(ids[index])

    def next_document(self) -> Changes:
        return self._step_document(1)

    def previous_document(self) -> Changes:
        return self._step_document(-1)

    def first_document(self) -> Changes:
        return self.open(self.visible[0].id) if self.visible else note("no documents")

    def last_document(self) -> Changes:
        return self.open(self.visible[-1].id) if self.visible else note("no documents")

    def toggle_read(self) -> Changes:
        if self.current is None:
            return NOTHING
        if self.current.id in self.read:
            self.read.discard(self.current.id)
            message = "marked unread"
        else:
            self.read.add(self.current.id)
            message = "marked read"
        self.visible = apply_filter(self._corpus(), self.filter)
        return Changes(read=True, documents=True, facets=True, message=message)

    # -- paragraphs --------------------------------------------------------------------

    @property
    def paragraph_count(self) -> int:
        return self.mentions.paragraph_count if self.mentions is not None else 0

    def visible_paragraphs(self) -> list[int] | None:
        """Paragraphs shown in focus mode, or None when every paragraph shows."""
        if not self.focus_mode or self.mentions is None or self.selected is None:
            return None
        return self.mentions.paragraphs_naming(self.selected)

    def _snap_to_visible(self, *, forward: bool) -> None:
        shown = self.visible_paragraphs()
        if not shown or self.paragraph in shown:
            return
        after = [p for p in shown if p > self.paragraph]
        before = [p for p in shown if p < self.paragraph]
        self.paragraph = (after[0] if after else shown[-1]) if forward or not before else before[-1]

    def set_paragraph(self, index: int) -> Changes:
        count = self.paragraph_count
        if count == 0:
            return NOTHING
        index = min(max(index, 0), count - 1)
        shown = self.visible_paragraphs()
        if shown is not None and shown and index not in shown:
            later = [p for p in shown if p >= index]
            index = later[0] if later else shown[-1]
        if index == self.paragraph and self.mention is None:
            return NOTHING
        self.paragraph = index
        self.mention = None
        return Changes(cursor=True) | self._read_at_end()

    def _read_at_end(self) -> Changes:
        """Reaching the last paragraph reads the document, as turning the last page does."""
        if self.current is None or self.current.id in self.read:
            return NOTHING
        shown = self.visible_paragraphs()
        last = shown[-1] if shown else self.paragraph_count - 1
        if self.focus_mode or self.paragraph < last:
            return NOTHING
        self.read.add(self.current.id)
        self.visible = apply_filter(self._corpus(), self.filter)
        return Changes(read=True, documents=True, facets=True)

    def _step_paragraph(self, step: int) -> Changes:
        if self.paragraph_count == 0:
            return NOTHING
        shown = self.visible_paragraphs()
        order = shown if shown is not None else range(self.paragraph_count)
        following = [p for p in order if (p > self.paragraph if step > 0 else p < self.paragraph)]
        if not following:
            return note("end of the document" if step > 0 else "start of the document")
        return self.set_paragraph(following[0] if step > 0 else following[-1])

    def next_paragraph(self) -> Changes:
        return self._step_paragraph(1)

    def previous_paragraph(self) -> Changes:
        return self._step_paragraph(-1)

    def top(self) -> Changes:
        shown = self.visible_paragraphs()
        return self.set_paragraph(shown[0] if shown else 0)

    def bottom(self) -> Changes:
        shown = self.visible_paragraphs()
        return self.set_paragraph(shown[-1] if shown else self.paragraph_count - 1)

    def current_paragraph_text(self) -> str:
        if self.current is None or not self.paragraph_count:
            return ""
        return self.current.paragraphs[self.paragraph]

    # -- mentions ----------------------------------------------------------------------

    def is_shown(self, key: EntityKey) -> bool:
        return key[0] not in self.hidden_kinds and key not in self.hidden_entities

    def mention_under_cursor(self) -> LocalMention | None:
        """The current mention, else the first shown one in the cursor's paragraph."""
        if self.mention is not None:
            return self.mention
        if self.mentions is None:
            return None
        for item in self.mentions.in_paragraph(self.paragraph):
            if self.is_shown(entity_key(item.mention)):
                return item
        return None

    def _step_mention(self, step: int, key: EntityKey | None) -> Changes:
        if self.mentions is None or not len(self.mentions):
            return note("this document names no group or country")
        shown = self.visible_paragraphs()
        items = [
            item
            for item in self.mentions.items
            if (key is None and self.is_shown(entity_key(item.mention)))
            or (key is not None and entity_key(item.mention) == key)
        ]
        if shown is not None:
            allowed = set(shown)
            items = [item for item in items if item.paragraph in allowed]
        if not items:
            return note(f"no mentions of {key[1]}" if key else "every kind is hidden")
        here = (self.paragraph, self.mention.start if self.mention else -1)
        if step > 0:
            after = [i for i in items if (i.paragraph, i.start) > here]
            target, wrapped = (after[0], False) if after else (items[0], True)
        else:
            if self.mention is None:
                here = (self.paragraph, -1)
            before = [i for i in items if (i.paragraph, i.start) < here]
            target, wrapped = (before[-1], False) if before else (items[-1], True)
        self.paragraph = target.paragraph
        self.mention = target
        number = items.index(target) + 1
        label = f"{target.mention.canonical} ({target.mention.kind}) {number}/{len(items)}"
        if wrapped:
            label += ", wrapped to the " + ("top" if step > 0 else "bottom")
        return Changes(cursor=True, message=label)

    def next_mention(self) -> Changes:
        return self._step_mention(1, None)

    def previous_mention(self) -> Changes:
        return self._step_mention(-1, None)

    def next_entity_mention(self) -> Changes:
        if self.selected is None:
            changes = self.select_entity()
            return (
                changes if self.selected is None else changes | self._step_mention(1, self.selected)
            )
        return self._step_mention(1, self.selected)

    def previous_entity_mention(self) -> Changes:
        if self.selected is None:
            return note("select an entity first (e)")
        return self._step_mention(-1, self.selected)

    def select_entity(self, key: EntityKey | None = None) -> Changes:
        """Select `key`, or the entity under the cursor, or the next one named after it."""
        if key is None:
            item = self.mention_under_cursor()
            if item is None:
                moved = self.next_mention()
                item = self.mention
                if item is None:
                    return moved
            key = entity_key(item.mention)
        if key == self.selected:
            return note(f"{key[1]} ({key[0]}) selected")
        self.selected = key
        changes = Changes(selection=True, message=f"{key[1]} ({key[0]}) selected")
        if self.focus_mode:
            changes |= Changes(focus=True, cursor=True)
            self._snap_to_visible(forward=True)
        return changes

    def toggle_focus_mode(self) -> Changes:
        if self.focus_mode:
            self.focus_mode = False
            return Changes(focus=True, cursor=True, message="focus mode off")
        changes = NOTHING if self.selected is not None else self.select_entity()
        if self.selected is None or self.mentions is None:
            return changes | note("no entity to focus on")
        if self.selected not in self.mentions.counts:
            return changes | note(f"{self.selected[1]} is not named in this document")
        self.focus_mode = True
        self.mention = None
        self._snap_to_visible(forward=True)
        message = f"focus: paragraphs naming {self.selected[1]}"
        return changes | Changes(focus=True, cursor=True, message=message)

    def toggle_kind(self, kind: EntityKind) -> Changes:
        self.hidden_kinds ^= {kind}
        verb = "hidden" if kind in self.hidden_kinds else "shown"
        return Changes(highlights=True, message=f"{kind} highlighting {verb}")

    def toggle_entity(self, key: EntityKey | None = None) -> Changes:
        key = key or self.selected
        if key is None:
            return note("select an entity first (e)")
        self.hidden_entities ^= {key}
        verb = "hidden" if key in self.hidden_entities else "shown"
        return Changes(highlights=True, message=f"{key[1]} {verb}")

    # -- filters -----------------------------------------------------------------------

    def set_filter(self, flt: FacetFilter) -> Changes:
        if flt == self.filter:
            return NOTHING
        self.filter = flt
        self.visible = apply_filter(self._corpus(), flt)
        message = f"{len(self.visible)} of {len(self._docs)} documents"
        return Changes(documents=True, facets=True, message=message)

    def toggle_filter_entity(self, key: EntityKey | None = None) -> Changes:
        key = key or self.selected
        if key is None:
            return note("select an entity first (e)")
        return self.set_filter(self.filter.toggled(key))

    def show_only(self, doc_ids: Iterable[str], label: str) -> Changes:
        """Limit the list to these documents (the other filters still apply)."""
        ids = frozenset(doc_ids)
        if not ids:
            return note(f"no documents: {label}")
        return self.set_filter(replace(self.filter, subset=ids, subset_label=label))

    def cycle_read_filter(self) -> Changes:
        return self.set_filter(self.filter.next_read())

    def toggle_story_versions(self) -> Changes:
        return self.set_filter(replace(self.filter, one_per_story=not self.filter.one_per_story))

    def clear_filters(self) -> Changes:
        return self.set_filter(FacetFilter(order=self.filter.order))

    def cycle_document_order(self) -> Changes:
        """Library order, newest first, oldest first (by publication date; undated last)."""
        changes = self.set_filter(self.filter.next_order())
        described = {"library": "in library order", "newest": "newest first, undated last",
                     "oldest": "oldest first, undated last"}[self.filter.order]  # fmt: skip
        return replace(changes, message=f"documents {described}")
