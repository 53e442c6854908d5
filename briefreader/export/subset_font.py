"""A TrueType font whose text encoding costs one `str.translate` once its characters are known.

ReportLab embeds a TrueType font as subsets of 256 codes and encodes every
string drawn with it character by character in Python (`splitString`):
which subset, which code, a new code for a character seen the first time.
A briefing draws tens of thousands of strings, nearly all of them in
characters the first page already used. `SubsetFont` encodes such a string
with a translation table of the codes already given in the first subset,
which is exactly what the loop would produce; a string with a character the
table lacks (new, or in a later subset) goes through ReportLab's loop,
which assigns its code as before, and the table is remade when codes have
been added.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

_NBSP, _SPACE = 0xA0, 0x20


class SubsetFont(TTFont):
    """`TTFont` with a quick path through `splitString` (see the module docstring)."""

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        state = self.state.get(doc)
        if state is None or not isinstance(text, str):
            return super().splitString(text, doc, encoding)
        assignments = state.assignments
        known = getattr(state, "_quick_table", None)
        if known is None or known[0] != len(assignments):
            known = state._quick_table = _first_subset(assignments)
        _count, chars, table = known
        if not text:
            return []
        if not chars.issuperset(text):
            return super().splitString(text, doc, encoding)
        return [(0, text.translate(table).encode("latin-1"))]


def _first_subset(assignments: dict[int, int]) -> tuple[int, frozenset[str], dict[int, int]]:
    """(how many codes, characters with a code in subset 0, their translation table)."""
    table = {code: n for code, n in assignments.items() if n < 256}
    if _SPACE in table:  # the loop draws a no-break space as a space
        table[_NBSP] = table[_SPACE]
    else:
        table.pop(_NBSP, None)  # reached only through the space's code
    return len(assignments), frozenset(map(chr, table)), table
