"""Highlighted quotes as ReportLab fragments, without the markup parser.

A briefing spends about a fifth of its export in ReportLab's paragraph
parser (html.parser underneath), most of it on the quotes. A quote's markup
is only text and entity highlights, so its fragments are built here instead:
for each paragraph style and entity kind, the parser runs once on the very
markup `MarkupWriter.highlighted` writes, and every quote's fragments are
clones of those, with the quote's own text. The page comes out byte for byte
as the markup would make it (tests/core/export/test_quote_frags.py draws
both). A quote that needs another font or a placeholder anywhere keeps the
markup path, which also reports the characters it could not draw, and so
does one with "&", "<" or ">", where the parser splits its text runs.

Document text never becomes markup on this path, so there is nothing to
escape: a fragment's text is printed as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from briefreader.domain import EntityKind, Mention
from briefreader.export.line_breaks import quick_clone
from briefreader.export.markup import MarkupWriter, highlight_pieces

#: Template text for the parser: plain, highlighted, plain.
_BEFORE, _INSIDE, _AFTER = "a", "b", "c"


class QuoteFragments:
    """Builds quote fragments for one export (see the module docstring)."""

    def __init__(self, writer: MarkupWriter) -> None:
        self._writer = writer
        self._plain: dict[ParagraphStyle, Any] = {}
        self._marked: dict[tuple[ParagraphStyle, EntityKind], Any] = {}

    def fragments(
        self, text: str, mentions: Iterable[Mention], offset: int, style: ParagraphStyle
    ) -> list[Any] | None:
        """The fragments `Paragraph(writer.highlighted(...), style)` would hold.

        None when the text needs the markup path: a run in the fallback
        font, a placeholder or an invisible character, or a character that
        markup escapes.
        """
        if "&" in text or "<" in text or ">" in text:
            return None  # the parser cuts its runs there: fewer, longer runs print differently
        if any(kind != "primary" for kind, _ in self._writer.fonts.runs(text)):
            return None
        pieces = highlight_pieces(text, mentions, offset)
        frags = []
        underlines = 0  # the parser numbers every underline in a paragraph
        for kind, cleaned in _cleaned(pieces):
            template = self._template(style, kind)
            frag = quick_clone(template)
            frag.text = cleaned
            if template.us_lines:
                lines = [(underlines + i, *line[1:]) for i, line in enumerate(template.us_lines)]
                underlines += len(lines)
                frag.us_lines = lines
            frags.append(frag)
        textTransformFrags(frags, style)
        return frags

    def _template(self, style: ParagraphStyle, kind: EntityKind | None) -> Any:
        if style not in self._plain:
            self._plain[style] = self._parse(style, None)[0]
        if kind is None:
            return self._plain[style]
        marked = self._marked.get((style, kind))
        if marked is None:
            marked = self._marked[(style, kind)] = self._parse(style, kind)[1]
        return marked

    def _parse(self, style: ParagraphStyle, kind: EntityKind | None) -> list[Any]:
        if kind is None:
            markup = _BEFORE + _INSIDE + _AFTER
        else:
            opening, closing = self._writer.tags(kind)
            markup = f"{_BEFORE}{opening}{_INSIDE}{closing}{_AFTER}"
        _style, frags, _bullet = ParaParser().parse(markup, style)
        expected = [_BEFORE + _INSIDE + _AFTER] if kind is None else [_BEFORE, _INSIDE, _AFTER]
        if frags is None or [f.text for f in frags] != expected:
            raise RuntimeError(f"unexpected fragments for the {kind or 'plain'} template")
        return list(frags)


def _cleaned(
    pieces: list[tuple[EntityKind | None, str]],
) -> list[tuple[EntityKind | None, str]]:
    """The pieces' whitespace as ReportLab's `cleanBlockQuotedText` leaves it.

    That cleaner runs over the whole markup: every run of whitespace becomes
    one space and the paragraph is stripped at both ends. A run never
    spans two pieces (a mention neither starts nor ends with whitespace).
    """
    out: list[tuple[EntityKind | None, str]] = []
    for kind, text in pieces:
        core = " ".join(text.split())
        if not core:
            if text and out:
                out.append((kind, " "))
            continue
        lead = " " if text[0].isspace() and out else ""
        trail = " " if text[-1].isspace() else ""
        out.append((kind, lead + core + trail))
    while out and out[-1][1] == " ":
        out.pop()
    if out and out[-1][1].endswith(" "):
        out[-1] = (out[-1][0], out[-1][1][:-1])
    return out
