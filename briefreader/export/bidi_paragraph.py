"""A paragraph that lays out right-to-left text itself, and otherwise is ReportLab's.

`BidiParagraph` parses its markup as any `Paragraph` does. When the text
holds no right-to-left letter it is a plain Paragraph in every respect (the
same bytes on the page). When it does, its fragments are laid out by
bidi_layout.py: the paragraph takes the direction of its first strong
letter (an Arabic quote runs from the right margin, an English one quoting
an Arabic name from the left), lines break between words, and each line is
drawn in visual order with the highlights, underlines and links the
fragments carry. Splitting across pages keeps the lines already broken.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import Paragraph

from briefreader.export.bidi import has_rtl, paragraph_level
from briefreader.export.bidi_layout import (
    Look,
    Piece,
    break_lines,
    draw_line,
    line_width,
    pieces_of,
)
from briefreader.export.line_breaks import break_frag_lines

_BREAKS = re.compile("[\n\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class _Laid:
    """Lines of one paragraph: the pieces of its block and the indices of the line's."""

    lines: tuple[tuple[list[Piece], list[int]], ...]
    level: int


class _BlPara:
    """What CachedParagraph and the keep rules read of a laid-out paragraph."""

    def __init__(self, lines: int) -> None:
        self.lines = [None] * lines


def _dimension(value: Any, size: float, default: float) -> float:
    """ReportLab's underline width or offset: "0.7", "-0.125*F" (F: the font size)."""
    text = str(value).strip()
    try:
        if text.endswith("*F"):
            return float(text[:-2]) * size
        return float(text)
    except ValueError:
        return default


def _look(frag: Any) -> Look:
    size = float(frag.fontSize)
    underlines = tuple(
        (
            line[2] if len(line) > 2 and line[2] is not None else frag.textColor,
            _dimension(line[3] if len(line) > 3 else "", size, 0.05 * size),
            _dimension(line[4] if len(line) > 4 else "", size, -0.125 * size),
        )
        for line in getattr(frag, "us_lines", ()) or ()
        if len(line) > 1 and line[1] == "underline"
    )
    links = getattr(frag, "link", None) or []
    return Look(
        font=frag.fontName,
        size=size,
        color=frag.textColor,
        back=getattr(frag, "backColor", None),
        underlines=underlines,
        link=str(links[0][1]) if links else "",
    )


class BidiParagraph(Paragraph):
    """A Paragraph that also lays out right-to-left text (see the module docstring).

    `direction="ltr"` keeps a paragraph left-to-right whatever it quotes: a
    citation, a source entry or an index line is the briefing's own English
    sentence around an Arabic title, and reads wrongly if the title turns it.
    """

    _laid: _Laid | None = None
    direction: str = "auto"

    def __init__(
        self, text: str, style: Any, *args: Any, direction: str = "auto", **kwargs: Any
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        self.direction = direction

    _fixed: bool = False  # a part of a split: its lines are already broken

    def _has_rtl(self) -> bool:
        found = getattr(self, "_rtl_found", None)
        if found is None:
            found = any(has_rtl(getattr(f, "text", "") or "") for f in self.frags)
            self._rtl_found = found
        return found

    def _blocks(self) -> list[tuple[str, list[Look]]]:
        """The fragments' text and looks, cut at line breaks."""
        blocks: list[tuple[str, list[Look]]] = [("", [])]
        self._anchors: tuple[str, ...] = ()  # laid out again at another width: not twice
        for frag in self.frags:
            defn = getattr(frag, "cbDefn", None)
            if defn is not None:  # <a name="..."/>: a link target, set where the paragraph starts
                if getattr(defn, "kind", "") == "anchor":
                    self._anchors = (*getattr(self, "_anchors", ()), str(defn.name))
                continue
            if getattr(frag, "lineBreak", False):
                blocks.append(("", []))
                continue
            look = _look(frag)
            for i, part in enumerate(_BREAKS.split(getattr(frag, "text", "") or "")):
                if i:
                    blocks.append(("", []))
                text, looks = blocks[-1]
                blocks[-1] = (text + part, looks + [look] * len(part))
        return blocks

    def _lay_out(self, width: float) -> _Laid:
        style = self.style
        blocks = self._blocks()
        level = 0 if self.direction == "ltr" else paragraph_level("".join(t for t, _ in blocks))
        lines: list[tuple[list[Piece], list[int]]] = []
        for text, looks in blocks:
            _, pieces = pieces_of(text, looks, level)
            first = width - (style.firstLineIndent if not lines else 0)
            broken = break_lines(pieces, first, width) or [[]]
            lines.extend((pieces, line) for line in broken)
        return _Laid(tuple(lines), level)

    def breakLines(self, width: Any) -> Any:
        """ReportLab's lines; a simple mixed-style paragraph's at less cost (line_breaks.py)."""
        lines = break_frag_lines(self, width)
        return lines if lines is not None else super().breakLines(width)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if not self._has_rtl():
            return super().wrap(availWidth, availHeight)
        style = self.style
        if not self._fixed or self._laid is None:
            self._laid = self._lay_out(availWidth - style.leftIndent - style.rightIndent)
        self.width = availWidth
        self.height = len(self._laid.lines) * style.leading
        self.blPara = _BlPara(len(self._laid.lines))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if not self._has_rtl():
            return super().split(availWidth, availHeight)
        if self._laid is None or self.width != availWidth:
            self.wrap(availWidth, availHeight)
        assert self._laid is not None
        fits = int((availHeight + 1e-6) // self.style.leading)
        lines = self._laid.lines
        if fits <= 0:
            return []
        if fits >= len(lines):
            return [self]
        return [self._part(lines[:fits], 0), self._part(lines[fits:], fits)]

    def _part(self, lines: tuple[Any, ...], start: int) -> BidiParagraph:
        part = copy.copy(self)
        assert self._laid is not None
        part._laid = _Laid(lines, self._laid.level)
        part._fixed = True
        part._first_line = getattr(self, "_first_line", 0) + start
        part.height = len(lines) * self.style.leading
        part.blPara = _BlPara(len(lines))
        return part

    def draw(self) -> None:
        if not self._has_rtl():
            super().draw()
            return
        assert self._laid is not None
        canvas, style = self.canv, self.style
        if style.backColor is not None:
            canvas.saveState()
            canvas.setFillColor(style.backColor)
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            canvas.restoreState()
        canvas.saveState()
        left = style.leftIndent
        width = self.width - style.leftIndent - style.rightIndent
        rtl = self._laid.level % 2 == 1
        y = self.height - style.fontSize
        whole_first = getattr(self, "_first_line", 0) == 0
        if whole_first:
            for name in getattr(self, "_anchors", ()):
                canvas.bookmarkHorizontal(name, 0, self.height)
        for number, (pieces, line) in enumerate(self._laid.lines):
            indent = style.firstLineIndent if number == 0 and whole_first else 0.0
            used = line_width(pieces, line)
            if style.alignment == TA_CENTER:
                x = left + (width - used) / 2
            elif rtl or style.alignment == TA_RIGHT:
                x = left + width - used - (indent if rtl else 0)
            else:
                x = left + indent
            draw_line(canvas, pieces, line, x, y)
            if number == 0 and whole_first and self.bulletText:
                self._draw_bullet(y)
            y -= style.leading
        canvas.restoreState()

    def _draw_bullet(self, y: float) -> None:
        style = self.style
        bullet = self.bulletText if isinstance(self.bulletText, str) else "•"
        self.canv.setFont(style.bulletFontName, style.bulletFontSize)
        self.canv.setFillColor(style.textColor)
        self.canv.drawString(style.bulletIndent, y, bullet)
