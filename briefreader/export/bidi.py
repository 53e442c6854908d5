"""The Unicode bidirectional algorithm (UAX #9), as much as a briefing needs.

ReportLab lays text out left to right. Its own right-to-left support needs
`rlbidi`, which is not on PyPI, and even with it, it reorders only
paragraphs of one style (paragraph.py switches it off for highlighted,
multi-fragment text: `bidiSort = False #doBidi`). So the PDF export resolves
directions itself: `resolve` gives every character its embedding level
(rules P2-P3, W1-W7, N1-N2, I1-I2), and `visual_order` puts a line's pieces
in the order they are drawn (rule L2). Explicit embeddings and isolates
(X1-X10) are not needed: document text reaches the PDF with its formatting
characters left out (fonts.py), so they never occur here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

#: Characters drawn as their mirror image in right-to-left text (rule L4). Arabic
#: runs are mirrored by HarfBuzz; this covers neutrals drawn in a Latin face.
MIRRORS: dict[str, str] = {
    a: b
    for pair in (
        "()",
        "[]",
        "{}",
        "<>",
        "\u00ab\u00bb",
        "\u2039\u203a",
        "\u2045\u2046",
        "\u207d\u207e",
        "\u208d\u208e",
        "\u3008\u3009",
        "\u27e8\u27e9",
        "\u2264\u2265",
    )
    for a, b in (pair, pair[::-1])
}
_STRONG = {"L": "L", "R": "R", "AL": "R"}
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "BN"})
_RTL_CLASSES = frozenset({"R", "AL", "AN"})


def bidi_class(char: str) -> str:
    """The character's bidirectional type; unassigned characters count as left-to-right."""
    kind = unicodedata.bidirectional(char) or "L"
    if kind in ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"):
        return "BN"  # not expected here (see the module docstring); harmless as a neutral
    return kind


def has_rtl(text: str) -> bool:
    """Whether `text` needs this layout: a right-to-left letter, an Arabic digit, or any
    character of the Arabic blocks (signs such as U+0606 are neutral, but only the
    Arabic-script faces draw them).

    Every paragraph of an export asks, and English text with typographic quotes
    and dashes is not ASCII: each distinct character is looked up once, not
    every character of the text.
    """
    return not text.isascii() and any(map(_rtl_char, set(text)))


@lru_cache(maxsize=4096)
def _rtl_char(char: str) -> bool:
    return bidi_class(char) in _RTL_CLASSES or _arabic_block(ord(char))


def _arabic_block(code: int) -> bool:
    return 0x0590 <= code <= 0x08FF or 0xFB1D <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def paragraph_level(text: str) -> int:
    """1 when the first strong character is right-to-left, else 0 (rules P2, P3)."""
    for char in text:
        kind = bidi_class(char)
        if kind in ("R", "AL"):
            return 1
        if kind == "L":
            return 0
    return 0


def resolve(text: str, base: int | None = None) -> tuple[int, list[int]]:
    """The paragraph's level and each character's embedding level."""
    level = paragraph_level(text) if base is None else base
    sos = "R" if level % 2 else "L"
    types = [bidi_class(c) for c in text]
    _weak(types, sos)
    _neutral(types, sos)
    levels = []
    for kind in types:
        if level % 2 == 0:
            levels.append(level + (1 if kind == "R" else 2 if kind in ("AN", "EN") else 0))
        else:
            levels.append(level + (1 if kind in ("L", "AN", "EN") else 0))
    return level, levels


def _weak(types: list[str], sos: str) -> None:
    """Rules W1-W7, in place."""
    previous = sos
    for i, kind in enumerate(types):  # W1: a mark takes its base's type
        if kind == "NSM":
            types[i] = previous
        elif kind != "BN":
            previous = kind
    strong = sos
    for i, kind in enumerate(types):  # W2, W3
        if kind in ("L", "R", "AL"):
            strong = kind
            if kind == "AL":
                types[i] = "R"
        elif kind == "EN" and strong == "AL":
            types[i] = "AN"
    for i in range(1, len(types) - 1):  # W4: one separator between two numbers
        before, kind, after = types[i - 1], types[i], types[i + 1]
        if kind == "ES" and before == after == "EN":
            types[i] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    i = 0
    while i < len(types):  # W5: terminators next to a European number
        if types[i] != "ET":
            i += 1
            continue
        end = i
        while end < len(types) and types[end] == "ET":
            end += 1
        if (i > 0 and types[i - 1] == "EN") or (end < len(types) and types[end] == "EN"):
            types[i:end] = ["EN"] * (end - i)
        i = end
    strong = sos
    for i, kind in enumerate(types):  # W6, W7
        if kind in ("ES", "ET", "CS"):
            types[i] = "ON"
        elif kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[i] = "L"


def _neutral(types: list[str], sos: str) -> None:
    """Rules N1-N2, in place: neutrals between two like directions take it, else the base."""
    i = 0
    while i < len(types):
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        end = i
        while end < len(types) and types[end] in _NEUTRAL:
            end += 1
        before = _STRONG.get(types[i - 1], "R") if i > 0 else sos
        after = _STRONG.get(types[end], "R") if end < len(types) else sos
        types[i:end] = [before if before == after else sos] * (end - i)
        i = end


def visual_order(levels: Sequence[int]) -> list[int]:
    """Indices of a line's pieces in drawing order, left to right (rule L2).

    From the highest level down to the lowest odd one, every maximal run at
    that level or above is reversed.
    """
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(level for level in levels if level % 2) if any(x % 2 for x in levels) else 0
    if not lowest_odd:
        return order
    for floor in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < floor:
                i += 1
                continue
            end = i
            while end < len(order) and levels[order[end]] >= floor:
                end += 1
            order[i:end] = order[i:end][::-1]
            i = end
    return order


def mirrored(text: str) -> str:
    """`text` drawn right to left in a face that does not shape: reversed, brackets mirrored."""
    return "".join(MIRRORS.get(c, c) for c in reversed(text))
