"""Where the current paragraph or sentence starts and ends: pure text functions.

Excerpts are captured from the keyboard: "this paragraph", "this sentence"
(or a selection made with keys). The reader knows only the cursor offset, so
these functions turn an offset into the (start, end) span to capture, with
surrounding whitespace left out. Sentence boundaries are found with a small
heuristic that knows the abbreviations of news prose ("Gen.", "U.S.", "Mr.",
initials, "approx. five") and closing quotes after a full stop, which is what
analysts' sources are full of.
"""

from __future__ import annotations

import re

from briefreader.domain import PARAGRAPH_SEPARATOR

_ABBREVIATIONS = frozenset(
    (
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "eg",
        "ie",
        "al",
        "approx",
        "est",
        "no",
        "nos",
        "vol",
        "fig",
        "ca",
        "cf",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    )
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_at(text: str, offset: int) -> tuple[int, int]:
    """The paragraph containing `offset` (paragraphs are separated by a blank line)."""
    offset = max(0, min(offset, len(text)))
    start = text.rfind(PARAGRAPH_SEPARATOR, 0, offset)
    start = 0 if start == -1 else start + len(PARAGRAPH_SEPARATOR)
    end = text.find(PARAGRAPH_SEPARATOR, offset)
    end = len(text) if end == -1 else end
    return _trim(text, start, end)


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    if match.group(0)[0] != ".":
        return True  # ! ? … end a sentence whatever precedes them
    word = _WORD_BEFORE.search(text, 0, match.start())
    token = word.group(1).lower().rstrip(".") if word else ""
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    following = text[match.end() :].lstrip()
    return not (following and following[0].islower())


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence containing `offset`, within its paragraph."""
    p_start, p_end = paragraph_at(text, offset)
    offset = max(p_start, min(offset, p_end))
    start, end = p_start, p_end
    for match in _BOUNDARY.finditer(text, p_start, p_end):
        if not _is_boundary(text, match):
            continue
        if match.end() <= offset:
            start = match.end()
        else:
            end = match.end()
            break
    return _trim(text, start, end)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every sentence span in text[start:end], in order (for stepping by sentence)."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        s, e = sentence_at(text, pos)
        if e <= pos:
            nxt = text.find(PARAGRAPH_SEPARATOR, pos)
            pos = end if nxt == -1 else nxt + len(PARAGRAPH_SEPARATOR)
            continue
        if s >= start and e <= end and (not spans or spans[-1] != (s, e)):
            spans.append((s, e))
        pos = e + 1
    return spans
