"""Arabic-script text shaped by HarfBuzz and embedded so that it can be copied back.

Arabic, Persian, Pashto and Urdu letters change form with their neighbours
(initial, medial, final, and ligatures such as lam-alef); those forms are
glyphs with no character of their own. `ShapingFont` shapes a run with
HarfBuzz (uharfbuzz, Apache-2.0) and gives each such glyph a private-use
code point, as ReportLab's own shaping does, but keyed by the glyph *and the
characters it stands for*, and rewrites the font's ToUnicode map so that
each code copies back as those characters. A PDF reader's text extraction
(and search, and copy) then gives the words in logical order, not private
codes: `pdftotext` prints Wilayat Khurasan in Arabic letters as they were
written, which the tests check.

A glyph that is simply a character's own (an isolated letter, a digit) keeps
that character's code, so nothing changes for unshaped text.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, makeToUnicodeCMap

try:
    import uharfbuzz
except ImportError:  # an environment installed before it became a dependency
    uharfbuzz = None

#: Whether Arabic-script text can be shaped; without it fonts.py leaves it undrawable
#: (reported placeholders), as before, and `pip install -e .` brings it.
SHAPING = uharfbuzz is not None

#: Where private codes start; the font's own characters are skipped.
_PRIVATE_START = 0xE000
_PRIVATE_END = 0xF8FF
#: What a glyph copies as when another glyph of the same cluster already carries the text.
_NOTHING = "\u200d"


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str  # the code drawn (the character itself, or a private code)
    advance: float  # in thousandths of the font size (ReportLab's glyph units)
    dx: float  # offset from the pen, same units
    dy: float
    plain: bool  # no offset and the advance is the code's own width


@dataclass(frozen=True, slots=True)
class Shaped:
    glyphs: tuple[Glyph, ...]  # in drawing order, left to right
    width: float  # thousandths of the font size


class ShapingFont(TTFont):
    """A TrueType font ReportLab embeds, plus HarfBuzz shaping (see the module docstring)."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        face = uharfbuzz.Face(uharfbuzz.Blob(self.face._ttf_data))
        self._scale = 1000.0 / face.upem
        self._hb = uharfbuzz.Font(face)
        #: A glyph with no ink and no width (the joiner's), to carry a ligature's other letters.
        self._empty = self.face.charToGlyph.get(0x200D, self.face.charToGlyph.get(0x20, 0))
        self._lock = threading.Lock()
        self._codes: dict[tuple[int, str], int] = {}
        self._texts: dict[int, str] = {}
        self._next = _PRIVATE_START
        self.shape = lru_cache(maxsize=4096)(self._shape)  # type: ignore[method-assign]

    def _shape(self, text: str, rtl: bool) -> Shaped:
        """`text` shaped in one direction; glyphs in drawing order."""
        buffer = uharfbuzz.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        buffer.direction = "rtl" if rtl else "ltr"
        buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
        uharfbuzz.shape(self._hb, buffer, {"kern": True, "liga": True})
        infos, positions = buffer.glyph_infos, buffer.glyph_positions
        starts = sorted({info.cluster for info in infos} | {0})
        ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
        # Each glyph copies back as one character, read in logical order (the
        # rightmost glyph first in right-to-left text): a ligature such as lam-alef
        # copies as its first letter and is followed by an empty glyph for each other
        # one; a glyph beyond a cluster's letters copies as a zero-width joiner.
        reading = list(range(len(infos)))[::-1] if rtl else list(range(len(infos)))
        clusters: dict[int, list[int]] = {}
        for i in reading:
            clusters.setdefault(infos[i].cluster, []).append(i)
        entries: list[tuple[int, str, float, float, float]] = []  # glyph, char, advance, dx, dy
        scale = self._scale
        for cluster, members in clusters.items():
            chars = text[cluster : ends[cluster]]
            for j, i in enumerate(members):
                position = positions[i]
                entries.append(
                    (
                        infos[i].codepoint,
                        chars[j] if j < len(chars) else _NOTHING,
                        position.x_advance * scale,
                        position.x_offset * scale,
                        position.y_offset * scale,
                    )
                )
            entries.extend((self._empty, char, 0.0, 0.0, 0.0) for char in chars[len(members) :])
        if rtl:
            entries.reverse()
        glyphs: list[Glyph] = []
        with self._lock:
            for glyph, char, advance, dx, dy in entries:
                code = self._code(glyph, char, advance)
                own = self.face.charWidths.get(code, advance)
                plain = dx == 0 and dy == 0 and abs(own - advance) < 0.01
                glyphs.append(Glyph(chr(code), advance, dx, dy, plain))
        return Shaped(tuple(glyphs), sum(g.advance for g in glyphs))

    def _code(self, glyph: int, source: str, advance: float) -> int:
        """The code point that draws `glyph` and copies back as `source` (lock held)."""
        face = self.face
        if len(source) == 1 and ord(source) in face.glyphToChar.get(glyph, ()):
            return ord(source)
        key = (glyph, source)
        code = self._codes.get(key)
        if code is None:
            while self._next in face.charToGlyph:
                self._next += 1
            code = self._next
            if code > _PRIVATE_END:
                raise ValueError(f"{self.fontName}: out of private codes for shaped glyphs")
            self._next += 1
            face.charToGlyph[code] = glyph
            face.glyphToChar.setdefault(glyph, []).append(code)
            face.charWidths[code] = advance
            self._codes[key] = code
            self._texts[code] = source
        return code

    def addObjects(self, doc: Any) -> None:
        """ReportLab's font objects, with a ToUnicode map that copies shaped glyphs as text."""
        subsets = [list(subset) for subset in self.state[doc].subsets]
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            base = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX))
            stream = doc.idToObject.get("toUnicodeCMap:" + base.decode("pdfdoc"))
            if stream is None or not any(code in self._texts for code in subset):
                continue
            lines = makeToUnicodeCMap(base.decode("pdfdoc"), subset).split("\n")
            start = lines.index(f"{len(subset)} beginbfchar") + 1
            lines[start : start + len(subset)] = [
                f"<{i:02X}> <{_utf16(self._texts.get(code, chr(code)))}>"
                for i, code in enumerate(subset)
            ]
            stream.content = "\n".join(lines)


def _utf16(text: str) -> str:
    """`text` as the big-endian UTF-16 hex a ToUnicode map holds."""
    return text.encode("utf-16-be").hex().upper()
