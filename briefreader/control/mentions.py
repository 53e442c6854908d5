"""The mentions of one open document, arranged for stepping and counting.

Built once per document (possibly in a worker for a large one) from the
entity matcher's output over the document body: the reader steps through
them, the legend counts them, and the highlighter looks them up per
paragraph with paragraph-relative offsets so it never scans the whole text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefreader.control.facets import EntityKey
from briefreader.domain import Document, Mention

Matcher = Callable[[str], list[Mention]]


def entity_key(mention: Mention) -> EntityKey:
    return (mention.kind, mention.canonical)


@dataclass(frozen=True, slots=True)
class LocalMention:
    """A mention located inside one paragraph (offsets relative to it)."""

    paragraph: int
    start: int
    end: int
    mention: Mention


class DocumentMentions:
    """Sorted mentions of one document, with their paragraphs and per-entity counts."""

    def __init__(self, doc: Document, mentions: Sequence[Mention]) -> None:
        self.doc_id = doc.id
        spans = doc.paragraph_spans()
        starts = [start for start, _ in spans]
        self.paragraph_count = len(spans)
        ordered = sorted(mentions, key=lambda m: (m.start, m.end))
        located: list[LocalMention] = []
        for m in ordered:
            index = bisect_right(starts, m.start) - 1
            if index < 0:
                continue
            para_start, para_end = spans[index]
            end = min(m.end, para_end)  # a match never runs across paragraphs in the view
            located.append(LocalMention(index, m.start - para_start, end - para_start, m))
        self.items: tuple[LocalMention, ...] = tuple(located)
        self._by_paragraph: dict[int, list[LocalMention]] = {}
        for item in located:
            self._by_paragraph.setdefault(item.paragraph, []).append(item)
        self.counts: Counter[EntityKey] = Counter(entity_key(m) for m in ordered)

    @classmethod
    def build(cls, doc: Document, matcher: Matcher) -> DocumentMentions:
        return cls(doc, matcher(doc.body) if doc.body else [])

    def in_paragraph(self, paragraph: int) -> list[LocalMention]:
        return self._by_paragraph.get(paragraph, [])

    def paragraphs_naming(self, key: EntityKey) -> list[int]:
        return sorted({i.paragraph for i in self.items if entity_key(i.mention) == key})

    def legend(self) -> list[tuple[EntityKey, int]]:
        """Entities of this document, groups first, most mentioned first."""
        return sorted(self.counts.items(), key=lambda kv: (kv[0][0] != "group", -kv[1], kv[0][1]))

    def __len__(self) -> int:
        return len(self.items)
