"""Cutting quotes into paragraphs ReportLab can lay out in linear time.

ReportLab breaks a paragraph into lines in time that grows with the square
of its length when it has to split it across pages (a 1.3 MB paragraph took
171 s). A quote is first cut at its paragraph separators, then any piece
longer than `MAX_CHUNK` characters is cut at a sentence end, else at a
space, else anywhere, and never inside an entity mention. Consecutive chunks
of one paragraph are set with no space between them, so the cut shows at
most as an early line break.

A long quote dense with one name holds tens of thousands of mentions, so they
are sorted once (`MentionIndex`) and each cut and each chunk looks up only its
own by bisection: handing every chunk the whole list made a 500 KB paragraph
quadratic (42 s to export).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from briefreader.domain import PARAGRAPH_SEPARATOR, Mention

MAX_CHUNK = 3000
_SENTENCE_ENDS = (". ", "? ", "! ", ".” ", '." ', "; ")


class MentionIndex:
    """Mentions sorted by position once, for lookups in logarithmic time."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.ordered]
        #: The furthest end among the mentions up to each index (they may overlap).
        self._reach = list(accumulate((m.end for m in self.ordered), max))

    def containing(self, pos: int) -> Mention | None:
        """The earliest mention with start < pos < end, if any."""
        found = None
        index = bisect_left(self._starts, pos) - 1
        while index >= 0 and self._reach[index] > pos:
            if self.ordered[index].end > pos:
                found = self.ordered[index]
            index -= 1
        return found

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end), in order."""
        return self.ordered[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


def _cut_point(text: str, start: int, limit: int, mentions: MentionIndex) -> int:
    """Where to end the chunk that begins at `start` (exclusive), at most `limit`."""
    window = text[start:limit]
    floor = len(window) // 2
    cut = -1
    for end in _SENTENCE_ENDS:
        found = window.rfind(end, floor)
        if found != -1:
            cut = max(cut, found + len(end))
    if cut == -1:
        found = window.rfind(" ", floor)
        cut = found + 1 if found != -1 else len(window)
    pos = start + cut
    mention = mentions.containing(pos)
    if mention is not None:
        pos = mention.start if mention.start > start else mention.end
    return pos


def chunk_spans(
    text: str, mentions: Sequence[Mention] | MentionIndex = (), max_chunk: int = MAX_CHUNK
) -> list[tuple[int, int, bool]]:
    """(start, end, starts_paragraph) spans covering `text` in order.

    Paragraph separators fall between spans (they are not part of any);
    `starts_paragraph` is False for the continuation chunks of a long one.
    """
    if not isinstance(mentions, MentionIndex):
        mentions = MentionIndex(mentions)
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    for para in text.split(PARAGRAPH_SEPARATOR):
        para_end = pos + len(para)
        first = True
        start = pos
        while para_end - start > max_chunk:
            cut = _cut_point(text, start, start + max_chunk, mentions)
            spans.append((start, cut, first))
            first = False
            start = cut
        if para_end > start or first:
            spans.append((start, para_end, first))
        pos = para_end + len(PARAGRAPH_SEPARATOR)
    return spans
