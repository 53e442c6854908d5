"""Cutting quotes into paragraphs ReportLab can lay out in linear time.

ReportLab breaks a paragraph into lines in time that grows with the square
of its length when it has to split it across pages (a 1.3 MB paragraph took
171 s). A quote is first cut at its paragraph separators, then any piece
longer than `MAX_CHUNK` characters is cut at a sentence end, else at a
space, else anywhere, and never inside an entity mention. Consecutive chunks
of one paragraph are set with no space between them, so the cut shows at
most as an early line break.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefreader.domain import PARAGRAPH_SEPARATOR, Mention

MAX_CHUNK = 3000
_SENTENCE_ENDS = (". ", "? ", "! ", ".” ", '." ', "; ")


def _inside_mention(pos: int, mentions: Sequence[Mention]) -> Mention | None:
    for mention in mentions:
        if mention.start < pos < mention.end:
            return mention
    return None


def _cut_point(text: str, start: int, limit: int, mentions: Sequence[Mention]) -> int:
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
    mention = _inside_mention(pos, mentions)
    if mention is not None:
        pos = mention.start if mention.start > start else mention.end
    return pos


def chunk_spans(
    text: str, mentions: Sequence[Mention] = (), max_chunk: int = MAX_CHUNK
) -> list[tuple[int, int, bool]]:
    """(start, end, starts_paragraph) spans covering `text` in order.

    Paragraph separators fall between spans (they are not part of any);
    `starts_paragraph` is False for the continuation chunks of a long one.
    """
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
