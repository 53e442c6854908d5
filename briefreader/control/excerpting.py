"""Keyboard excerpt capture without Qt: which span of the body "this", "this sentence" or a
selection made with keys covers, and the entities inside it.

The reader has a paragraph cursor and a mention cursor, not a text caret, so
spans are built from those: the current paragraph, the current sentence (the
one holding the current mention, else the paragraph's first), or a visual
selection like vim's. A selection has a fixed end (the anchor) and a moving
end (the head); each end is a whole sentence or a whole paragraph, so a
selection never starts or stops in the middle of a word, and the captured
quote is always a readable passage. `o` swaps the ends as in vim.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from briefreader.control.mentions import LocalMention
from briefreader.domain import Document, Mention
from briefreader.store.passages import sentence_at

Span = tuple[int, int]
Unit = Literal["sentence", "paragraph"]


def paragraph_spans(doc: Document) -> list[Span]:
    """Non-empty paragraph spans of the body (offsets into `doc.body`)."""
    return [(s, e) for s, e in doc.paragraph_spans() if e > s]


def paragraph_span(doc: Document, index: int) -> Span | None:
    spans = doc.paragraph_spans()
    if not spans:
        return None
    s, e = spans[min(max(index, 0), len(spans) - 1)]
    return (s, e) if e > s else None


def paragraph_index(doc: Document, offset: int) -> int:
    """The paragraph holding body offset `offset`."""
    starts = [s for s, _ in doc.paragraph_spans()]
    return max(bisect_right(starts, offset) - 1, 0) if starts else 0


def current_sentence(doc: Document, paragraph: int, mention: LocalMention | None) -> Span | None:
    """The sentence the reader is on: the current mention's, else the paragraph's first."""
    span = paragraph_span(doc, paragraph)
    if span is None:
        return None
    offset = span[0]
    if mention is not None and mention.paragraph == paragraph:
        offset = span[0] + mention.start
    return _sentence(doc.body, offset)


def _sentence(text: str, offset: int) -> Span | None:
    s, e = sentence_at(text, offset)
    return (s, e) if e > s else None


def next_sentence(text: str, after: int) -> Span | None:
    """The first sentence starting at or after `after` (across paragraphs)."""
    pos = after
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return None
        span = _sentence(text, pos)
        if span is not None and span[0] >= after:
            return span
        pos = span[1] if span is not None and span[1] > pos else pos + 1
    return None


def previous_sentence(text: str, before: int) -> Span | None:
    """The last sentence ending at or before `before`."""
    pos = before - 1
    while pos >= 0:
        while pos >= 0 and text[pos].isspace():
            pos -= 1
        if pos < 0:
            return None
        span = _sentence(text, pos)
        if span is not None and span[1] <= before:
            return span
        pos = span[0] - 1 if span is not None and span[0] <= pos else pos - 1
    return None


@dataclass(frozen=True, slots=True)
class VisualSelection:
    """A keyboard selection in one document: the anchor stays, the head moves.

    Both ends are whole sentences or paragraphs; the selection runs from the
    earlier start to the later end. Every step returns a new selection (or
    the same one when it cannot move), so the state is easy to test and undo.
    """

    doc: Document
    anchor: Span
    head: Span

    @classmethod
    def start(
        cls,
        doc: Document,
        paragraph: int,
        mention: LocalMention | None = None,
        unit: Unit = "sentence",
    ) -> VisualSelection | None:
        span = (
            current_sentence(doc, paragraph, mention)
            if unit == "sentence"
            else paragraph_span(doc, paragraph)
        )
        return None if span is None else cls(doc, span, span)

    @property
    def span(self) -> Span:
        return (min(self.anchor[0], self.head[0]), max(self.anchor[1], self.head[1]))

    @property
    def text(self) -> str:
        s, e = self.span
        return self.doc.body[s:e]

    @property
    def head_paragraph(self) -> int:
        return paragraph_index(self.doc, self.head[0])

    def describe(self) -> str:
        words = len(self.text.split())
        paragraphs = paragraph_index(self.doc, self.span[1] - 1) - paragraph_index(
            self.doc, self.span[0]
        )
        where = f"{paragraphs + 1} paragraphs" if paragraphs else "1 paragraph"
        return f"{words} words in {where}"

    # -- moving the head ---------------------------------------------------------------

    def extend_sentence(self, step: int) -> VisualSelection:
        """Move the head one sentence forward (step 1) or back (-1)."""
        body = self.doc.body
        if step > 0:
            found = next_sentence(body, self.head[1])
        else:
            found = previous_sentence(body, self.head[0])
        return self if found is None else replace(self, head=found)

    def extend_paragraph(self, step: int) -> VisualSelection:
        """Move the head to the whole next (1) or previous (-1) paragraph."""
        found = self._paragraph_from(self.head, step)
        return self if found is None else replace(self, head=found)

    def _paragraph_from(self, span: Span, step: int) -> Span | None:
        spans = paragraph_spans(self.doc)
        if step > 0:
            later = [p for p in spans if p[0] >= span[1]]
            return later[0] if later else None
        earlier = [p for p in spans if p[1] <= span[0]]
        return earlier[-1] if earlier else None

    def swap(self) -> VisualSelection:
        return replace(self, anchor=self.head, head=self.anchor)

    # -- moving the whole selection ----------------------------------------------------

    def select_sentence(self, step: int) -> VisualSelection:
        """Select only the sentence after (1) or before (-1) the selection."""
        s, e = self.span
        found = next_sentence(self.doc.body, e) if step > 0 else previous_sentence(self.doc.body, s)
        return self if found is None else replace(self, anchor=found, head=found)

    def select_paragraph(self, step: int) -> VisualSelection:
        """Select only the paragraph after (1) or before (-1) the selection."""
        found = self._paragraph_from(self.span, step)
        return self if found is None else replace(self, anchor=found, head=found)


def mentions_in_span(
    items: Iterable[LocalMention | Mention], start: int, end: int
) -> list[Mention]:
    """Mentions lying wholly inside body[start:end], with offsets relative to the quote.

    Takes the reader's mentions (computed once per document, in context), so
    the entities stored with an excerpt are exactly the ones the analyst saw
    highlighted.
    """
    found = []
    for item in items:
        m = item.mention if isinstance(item, LocalMention) else item
        if m.start >= start and m.end <= end:
            found.append(m._replace(start=m.start - start, end=m.end - start))
    return found


def excerpt_paragraphs(doc: Document, start: int, end: int) -> tuple[int, int]:
    """First and last paragraph an excerpt's span covers (for the cursor and margin marks)."""
    return paragraph_index(doc, start), paragraph_index(doc, max(start, end - 1))


def label(span: Span, doc: Document) -> str:
    """A short description of a span for the status bar: where it is and how long."""
    first, last = excerpt_paragraphs(doc, *span)
    where = f"¶ {first + 1}" if first == last else f"¶ {first + 1}–{last + 1}"
    return f"{where}, {len(doc.body[span[0] : span[1]].split())} words"
