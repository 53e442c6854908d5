"""Filtering the document list by entities, story and read state, with a count per value.

Entity values combine with AND: choosing ISKP and Pakistan keeps documents
naming both. Every count answers "how many documents would the list show if
I added this value", so a value with count 0 is a dead end the analyst can
see before choosing it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from briefreader.domain import Document, EntityKind, Story

ReadFilter = Literal["all", "unread", "read"]
READ_FILTERS: tuple[ReadFilter, ...] = ("all", "unread", "read")
#: The list's order: as imported, or by publication date (undated documents last).
Order = Literal["library", "newest", "oldest"]
ORDERS: tuple[Order, ...] = ("library", "newest", "oldest")
#: An entity as the analyst sees it: its kind and its one canonical name.
EntityKey = tuple[EntityKind, str]


@dataclass(frozen=True, slots=True)
class FacetFilter:
    entities: frozenset[EntityKey] = frozenset()
    one_per_story: bool = False
    read: ReadFilter = "all"
    #: Only these documents (a timeline's period, a co-mention cell, what is new
    #: since a briefing...), named by `subset_label`; None: no such limit.
    subset: frozenset[str] | None = None
    subset_label: str = ""
    order: Order = "library"  # not a filter: clearing the filters keeps it

    @property
    def is_empty(self) -> bool:
        return (
            not self.entities
            and not self.one_per_story
            and self.read == "all"
            and self.subset is None
        )

    def toggled(self, entity: EntityKey) -> FacetFilter:
        return replace(self, entities=self.entities ^ {entity})

    def with_row(self, key: object) -> FacetFilter:
        """The filter after the analyst toggles one row of the facets pane.

        Rows are keyed ``("read", value)``, ``("story", one_per_story)`` or an
        entity key; anything else leaves the filter as it is.
        """
        if not isinstance(key, tuple) or len(key) != 2:
            return self
        if key[0] == "subset":
            return replace(self, subset=None, subset_label="")
        if key[0] == "read" and key[1] in READ_FILTERS:
            return replace(self, read=key[1])
        if key[0] == "story":
            return replace(self, one_per_story=bool(key[1]))
        if key[0] in ("group", "country") and isinstance(key[1], str):
            return self.toggled((key[0], key[1]))
        return self

    def next_order(self) -> FacetFilter:
        index = ORDERS.index(self.order)
        return replace(self, order=ORDERS[(index + 1) % len(ORDERS)])

    def next_read(self) -> FacetFilter:
        index = READ_FILTERS.index(self.read)
        return replace(self, read=READ_FILTERS[(index + 1) % len(READ_FILTERS)])


@dataclass(frozen=True, slots=True)
class FacetCounts:
    """What the facets panel shows: each value and how many documents it keeps."""

    entities: tuple[tuple[EntityKey, int], ...] = ()
    read: tuple[tuple[ReadFilter, int], ...] = ()
    stories: tuple[tuple[bool, int], ...] = ()  # (one_per_story, count)
    total: int = 0
    shown: int = 0
    selected: frozenset[EntityKey] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Corpus:
    """The documents and what is known about them, as the filter needs it."""

    documents: Sequence[Document]
    stories: Mapping[str, Story]
    entities: Mapping[str, frozenset[EntityKey]]  # doc id -> entities it names
    read: frozenset[str] = frozenset()


def _one_per_story(docs: Iterable[Document], stories: Mapping[str, Story]) -> list[Document]:
    """The first version of each story still in `docs` (its canonical one when present)."""
    chosen: dict[str, Document] = {}
    order: list[str] = []
    for doc in docs:
        story = stories.get(doc.story_id)
        key = doc.story_id if story is not None and len(story.document_ids) > 1 else doc.id
        current = chosen.get(key)
        if current is None:
            chosen[key] = doc
            order.append(key)
        elif story is not None and doc.id == story.canonical_id:
            chosen[key] = doc
    return [chosen[key] for key in order]


def _matches(doc: Document, corpus: Corpus, flt: FacetFilter, *, skip: str = "") -> bool:
    if flt.subset is not None and doc.id not in flt.subset:
        return False
    if (
        skip != "entities"
        and flt.entities
        and not flt.entities <= corpus.entities.get(doc.id, set())
    ):
        return False
    if skip != "read" and flt.read != "all":
        return (doc.id in corpus.read) == (flt.read == "read")
    return True


def apply_filter(corpus: Corpus, flt: FacetFilter) -> list[Document]:
    """The documents the list shows under `flt`, in its order (library order by default)."""
    kept = [doc for doc in corpus.documents if _matches(doc, corpus, flt)]
    shown = _one_per_story(kept, corpus.stories) if flt.one_per_story else kept
    if flt.order == "library":
        return shown
    dated = sorted(
        (d for d in shown if d.date), key=lambda d: d.date, reverse=flt.order == "newest"
    )
    return dated + [d for d in shown if not d.date]


def facet_counts(corpus: Corpus, flt: FacetFilter) -> FacetCounts:
    shown = apply_filter(corpus, flt)
    counter: Counter[EntityKey] = Counter()
    for doc in shown:
        counter.update(corpus.entities.get(doc.id, ()))
    for selected in flt.entities:  # a chosen value stays visible even when nothing is left
        counter.setdefault(selected, len(shown))
    entities = tuple(sorted(counter.items(), key=lambda item: (item[0][0], -item[1], item[0][1])))

    without_read = [doc for doc in corpus.documents if _matches(doc, corpus, flt, skip="read")]
    if flt.one_per_story:
        without_read = _one_per_story(without_read, corpus.stories)
    n_read = sum(doc.id in corpus.read for doc in without_read)
    read = (("all", len(without_read)), ("unread", len(without_read) - n_read), ("read", n_read))

    every = [doc for doc in corpus.documents if _matches(doc, corpus, flt)]
    stories = ((False, len(every)), (True, len(_one_per_story(every, corpus.stories))))
    return FacetCounts(
        entities=entities,
        read=read,
        stories=stories,
        total=len(corpus.documents),
        shown=len(shown),
        selected=flt.entities,
    )


def story_sizes(stories: Iterable[Story]) -> dict[str, int]:
    """Document id -> number of versions of its story, for the list's badge."""
    sizes: dict[str, int] = {}
    for story in stories:
        for doc_id in story.document_ids:
            sizes[doc_id] = len(story.document_ids)
    return sizes
