"""Document text to ReportLab paragraph markup, safely.

Every string that reaches a `Paragraph` passes through here. Text is escaped
(`&`, `<`, `>`), so `<font>`, `<img src=...>`, `<a href>`, `<link>` or
`&entity;` in a document are printed literally and can neither restyle the
page, embed a local file, nor add a link. The only markup in the output is
what this module writes itself: entity highlights, fallback-font runs and
placeholders for characters no embedded font can draw.

Undrawable characters are never dropped silently: each is shown as a small
grey `[U+XXXX]` and recorded, with where it occurred, in `Undrawable` for
the export result. Invisible formatting characters are left out and counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from briefreader.domain import EntityKind, Mention
from briefreader.export.bidi import has_rtl
from briefreader.export.fonts import FALLBACK, FontSet
from briefreader.export.palette import EntityLook


def css(hex_colour: str) -> str:
    """ "#rrggbb" as "rgb(r,g,b)": ReportLab parses the latter ~6x faster, per use.

    Markup colours are parsed every time a paragraph is built; with thousands
    of highlighted excerpts the hex form alone costs a noticeable share.
    """
    value = int(hex_colour.lstrip("#"), 16)
    return f"rgb({value >> 16},{(value >> 8) & 255},{value & 255})"


PLACEHOLDER_COLOUR = css("#6b7280")
LINK = css("#1d3a5f")
MUTED = css("#5b6270")
MARKING = css("#a4161a")


def placeholder(char: str) -> str:
    """The visible stand-in for a character no font can draw."""
    return f"[U+{ord(char):04X}]"


@dataclass
class Undrawable:
    """Characters no embedded font could draw: char -> places it occurred."""

    places: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, char: str, place: str) -> None:
        self.counts[char] = self.counts.get(char, 0) + 1
        where = self.places.setdefault(char, [])
        if place and (not where or where[-1] != place) and len(where) < 50:
            where.append(place)


class MarkupWriter:
    """Turns untrusted text into safe paragraph markup for one export.

    Not thread-safe: one writer per export (it accumulates `undrawable`).
    """

    def __init__(self, fonts: FontSet, looks: dict[EntityKind, EntityLook], dotted: str) -> None:
        self._fonts = fonts
        self.undrawable = Undrawable()
        self.invisible = 0  # formatting characters left out (nothing to draw)
        self.place = ""  # where the text being converted sits, for reports
        self._open: dict[EntityKind, str] = {}
        self._close: dict[EntityKind, str] = {}
        for kind, look in looks.items():
            opening = f'<span backColor="{css(look.background)}" color="{css(look.foreground)}">'
            closing = "</span>"
            if look.bold:
                opening, closing = opening + "<b>", "</b>" + closing
            if look.italic:
                opening, closing = opening + "<i>", "</i>" + closing
            if look.underline == "solid":
                opening += f'<u color="{css(look.foreground)}" width="0.7">'
                closing = "</u>" + closing
            elif look.underline == "dotted":
                # The canvas draws underlines in this exact colour dotted (see canvas.py).
                opening += f'<u color="{css(dotted)}" width="0.9">'
                closing = "</u>" + closing
            self._open[kind], self._close[kind] = opening, closing

    @property
    def fonts(self) -> FontSet:
        return self._fonts

    def tags(self, kind: EntityKind) -> tuple[str, str]:
        """The opening and closing markup of a `kind` highlight."""
        return self._open[kind], self._close[kind]

    def plain(self, text: str) -> str:
        """Escaped markup for `text`, with fallback runs and placeholders."""
        if text.isascii() and text.isprintable():
            return escape(text)
        parts: list[str] = []
        for kind, run in self._fonts.runs(text):
            if kind in ("primary", "rtl"):  # right-to-left runs: faces chosen at layout
                parts.append(escape(run))
            elif kind == "fallback":
                parts.append(f'<font face="{FALLBACK}">{escape(run)}</font>')
            elif kind == "invisible":
                self.invisible += len(run)
            else:
                for char in run:
                    self.undrawable.add(char, self.place)
                    parts.append(
                        f'<font face="{FALLBACK}" size="7" color="{PLACEHOLDER_COLOUR}">'
                        f"{placeholder(char)}</font>"
                    )
        return "".join(parts)

    def field(self, text: str) -> str:
        """`plain(text)` for a field of the briefing's own (English) sentence.

        A left-to-right mark follows a field holding right-to-left text, so the
        words after it stay in the sentence's order: an Arabic publisher followed
        by ", 1 Mar 2024" would otherwise pull the "1" into its run and read
        "1 ," before the name.
        """
        return self.plain(text) + ("\u200e" if has_rtl(text) else "")

    def highlighted(self, text: str, mentions: Iterable[Mention], offset: int = 0) -> str:
        """`text` with each mention wrapped in its kind's look (see `highlight_pieces`)."""
        parts: list[str] = []
        for kind, piece in highlight_pieces(text, mentions, offset):
            if kind is None:
                parts.append(self.plain(piece))
            else:
                parts.append(f"{self._open[kind]}{self.plain(piece)}{self._close[kind]}")
        return "".join(parts)


def highlight_pieces(
    text: str, mentions: Iterable[Mention], offset: int = 0
) -> list[tuple[EntityKind | None, str]]:
    """`text` cut into plain pieces (kind None) and mentions, in order.

    `mentions` carry offsets into a larger string of which `text` starts
    at `offset`; overlapping or out-of-range mentions are skipped.
    """
    pieces: list[tuple[EntityKind | None, str]] = []
    pos = 0
    end_of_text = len(text)
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        start, end = mention.start - offset, mention.end - offset
        if start < pos or end > end_of_text or start >= end:
            continue
        pieces.append((None, text[pos:start]))
        pieces.append((mention.kind, text[start:end]))
        pos = end
    pieces.append((None, text[pos:]))
    return pieces
