"""One document's entity counts, worked out once from the matcher's mentions.

This is the only place in `analysis` that looks at text: everything else
reads the rows this produces. A tally counts the mentions a reader sees
(title, standfirst and body), remembers which body paragraphs name each
entity (for co-mentions per paragraph) and how each was spelt (for the
dossier's "every spelling seen").
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from briefreader.domain import Document, EntityKind, Mention

#: The entity a count belongs to: (kind, canonical name), as the facets key it.
EntityKey = tuple[EntityKind, str]

MentionFinder = Callable[[str], Sequence[Mention]]


@dataclass(slots=True)
class EntityTally:
    """How one document names one entity."""

    mentions: int = 0
    #: Bit i set: body paragraph i names the entity.
    paragraphs: int = 0
    spellings: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class DocumentTally:
    doc_id: str
    paragraph_count: int
    entities: dict[EntityKey, EntityTally]

    @property
    def mentions(self) -> int:
        return sum(t.mentions for t in self.entities.values())


def spelling(surface: str) -> str:
    """A surface form as the dossier lists it: runs of whitespace made one space."""
    return " ".join(surface.split())


def tally_document(doc: Document, find: MentionFinder) -> DocumentTally:
    """Count what `find` sees in the document's title, standfirst and body.

    The heading parts are matched separately so a name can never run from
    the title into the first paragraph, and so body offsets stay body offsets.
    """
    entities: dict[EntityKey, EntityTally] = {}

    def add(mention: Mention) -> EntityTally:
        key: EntityKey = (mention.kind, mention.canonical)
        entry = entities.get(key)
        if entry is None:
            entry = entities[key] = EntityTally()
        entry.mentions += 1
        entry.spellings[spelling(mention.surface)] += 1
        return entry

    for heading in (doc.title, doc.standfirst):
        if heading:
            for mention in find(heading):
                add(mention)
    spans = doc.paragraph_spans()
    starts = [start for start, _ in spans]
    if doc.body:
        for mention in find(doc.body):
            entry = add(mention)
            index = bisect_right(starts, mention.start) - 1
            if index >= 0:
                entry.paragraphs |= 1 << index
    return DocumentTally(doc.id, len(spans), entities)
