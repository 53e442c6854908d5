"""Lines of mixed left-to-right and right-to-left text: pieces, line breaks, drawing.

A text (with a look per character: face, size, colours, underline, link)
is cut into *pieces*, each one embedding level, one face and one look, with
spaces as pieces of their own. Arabic-script pieces are shaped by HarfBuzz
in their direction (shaping.py), which also joins the letters and mirrors
brackets; a right-to-left piece in a Latin face (brackets, punctuation) is
reversed and mirrored here. Lines are broken between words in logical
order, from the pieces' shaped widths, and each line is drawn with its
pieces in visual order (bidi.py). Characters a look's face lacks are drawn
in the Arabic-script face beside it, or in the fallback face.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas

from briefreader.export.bidi import bidi_class, mirrored, resolve, visual_order
from briefreader.export.fonts import ARABIC_FACE, ARABIC_SERIF, FALLBACK
from briefreader.export.shaping import Shaped, ShapingFont

_SPACES = frozenset(" \t")
#: Left-to-right and right-to-left marks: they steer the order and draw nothing.
_MARKS = frozenset("\u200e\u200f")
_ATTACHED = frozenset({"NSM", "BN"})  # marks and joiners go with the letter before them
_RTL_TYPES = frozenset({"R", "AL", "AN"})


@dataclass(frozen=True, slots=True)
class Look:
    """How a character is drawn; None colours leave the canvas's as they are."""

    font: str
    size: float
    color: Any = None
    back: Any = None
    underlines: tuple[tuple[Any, float, float], ...] = ()  # colour, width, offset (points)
    link: str = ""


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    look: Look
    face: str
    level: int
    space: bool
    width: float  # points
    shaped: Shaped | None


def _covers(face: str, char: str) -> bool:
    return ord(char) in pdfmetrics.getFont(face).face.charToGlyph


def _faces(text: str, looks: Sequence[Look]) -> list[str]:
    """The face each character is drawn in."""
    faces: list[str] = []
    previous = ""
    for char, look in zip(text, looks, strict=True):
        kind = bidi_class(char)
        arabic = ARABIC_FACE.get(look.font, ARABIC_SERIF)
        if char in _MARKS:
            face = ""
        elif char in _SPACES:
            face = look.font
        elif kind in _ATTACHED and previous and _covers(previous, char):
            face = previous
        elif kind in _RTL_TYPES and _covers(arabic, char):
            face = arabic
        elif _covers(look.font, char):
            face = look.font
        elif _covers(arabic, char):
            face = arabic
        else:
            face = FALLBACK
        faces.append(face)
        previous = face
    return faces


def pieces_of(text: str, looks: Sequence[Look], base: int | None = None) -> tuple[int, list[Piece]]:
    """The paragraph's level and its pieces in logical order."""
    level, levels = resolve(text, base)
    faces = _faces(text, looks)
    pieces: list[Piece] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text):
            same = (
                levels[i] == levels[start]
                and faces[i] == faces[start]
                and looks[i] == looks[start]
                and (text[i] in _SPACES) == (text[start] in _SPACES)
            )
            if same:
                continue
        pieces.append(_piece(text[start:i], looks[start], faces[start], levels[start]))
        start = i
    return level, pieces


def _piece(text: str, look: Look, face: str, level: int) -> Piece:
    if not face:  # marks only
        return Piece(text, look, face, level, False, 0.0, None)
    font = pdfmetrics.getFont(face)
    space = text[0] in _SPACES
    if isinstance(font, ShapingFont) and not space:
        shaped = font.shape(text, level % 2 == 1)
        return Piece(text, look, face, level, space, shaped.width * look.size / 1000, shaped)
    return Piece(text, look, face, level, space, stringWidth(text, face, look.size), None)


def break_lines(pieces: Sequence[Piece], first: float, rest: float) -> list[list[int]]:
    """Lines as lists of piece indices, broken between words to fit `first`, then `rest`.

    A word wider than a whole line gets a line of its own (and runs over);
    spaces at a line's ends are left out.
    """
    lines: list[list[int]] = []
    line: list[int] = []
    width = 0.0
    spaces: list[int] = []
    i = 0
    while i < len(pieces):
        if pieces[i].space:
            spaces.append(i)
            i += 1
            continue
        end = i
        while end < len(pieces) and not pieces[end].space:
            end += 1
        word = list(range(i, end))
        word_width = sum(pieces[j].width for j in word)
        gap = sum(pieces[j].width for j in spaces)
        limit = first if not lines else rest
        if line and width + gap + word_width > limit + 1e-6:
            lines.append(line)
            line, width = word, word_width
        elif line:
            line += spaces + word
            width += gap + word_width
        else:
            line, width = word, word_width
        spaces = []
        i = end
    if line:
        lines.append(line)
    return lines


def line_width(pieces: Sequence[Piece], line: Sequence[int]) -> float:
    return sum(pieces[i].width for i in line)


def draw_line(
    canvas: Canvas, pieces: Sequence[Piece], line: Sequence[int], x: float, y: float
) -> None:
    """Draw one line's pieces in visual order, starting at `x` on baseline `y`."""
    order = visual_order([pieces[i].level for i in line])
    for position in order:
        piece = pieces[line[position]]
        _draw_piece(canvas, piece, x, y)
        x += piece.width


def _draw_piece(canvas: Canvas, piece: Piece, x: float, y: float) -> None:
    if not piece.face:
        return
    look = piece.look
    size = look.size
    if look.back is not None:
        ascent, descent = getAscentDescent(look.font, size)
        canvas.setFillColor(look.back)
        canvas.rect(x, y + descent, piece.width, ascent - descent, stroke=0, fill=1)
    if look.color is not None:
        canvas.setFillColor(look.color)
    if piece.shaped is not None:
        _draw_shaped(canvas, piece.shaped, piece.face, size, x, y)
    elif not piece.space:
        canvas.setFont(piece.face, size)
        canvas.drawString(x, y, mirrored(piece.text) if piece.level % 2 else piece.text)
    for colour, width, offset in look.underlines:
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(width)
        canvas.line(x, y + offset, x + piece.width, y + offset)
    if look.link:
        ascent, descent = getAscentDescent(look.font, size)
        rect = (x, y + descent, x + piece.width, y + ascent)
        if look.link.startswith("#"):
            canvas.linkRect("", look.link[1:], rect, relative=1)
        else:
            canvas.linkURL(look.link, rect, relative=1)


def _draw_shaped(
    canvas: Canvas, shaped: Shaped, face: str, size: float, x: float, y: float
) -> None:
    """Glyphs at HarfBuzz's positions; plain runs go out as one string."""
    text = canvas.beginText()
    text.setFont(face, size)
    scale = size / 1000
    pen = x
    cursor: tuple[float, float] | None = None
    pending: list[str] = []
    for glyph in shaped.glyphs:
        gx, gy = pen + glyph.dx * scale, y + glyph.dy * scale
        if not (glyph.plain and cursor and abs(cursor[0] - gx) < 1e-3 and cursor[1] == gy):
            if pending:
                text.textOut("".join(pending))
                pending = []
            text.setTextOrigin(gx, gy)
        pending.append(glyph.char)
        own = pdfmetrics.getFont(face).face.charWidths.get(ord(glyph.char), glyph.advance)
        cursor = (gx + own * scale, gy)
        pen += glyph.advance * scale
    if pending:
        text.textOut("".join(pending))
    canvas.drawText(text)
