"""One excerpt as a PDF block: claim line, numbered quote, short citation, comment.

No label line: the excerpt's number sits in the gutter beside its first
line, the citation is one short line ("— The Diplomat, 8 Nov 2021, ¶ 3 ·
B2  [4]"), and the full reference is given once, in Sources. The parts go
into one `ExcerptBlock`, which keeps them on one page (see keep.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from briefreader.export.canvas import PageInfo
from briefreader.export.chunks import MentionIndex, chunk_spans
from briefreader.export.citations import SourceList
from briefreader.export.flowables import CachedParagraph, QuoteParagraph
from briefreader.export.fonts import FALLBACK
from briefreader.export.keep import ExcerptBlock
from briefreader.export.markup import MarkupWriter
from briefreader.export.parsed_markup import ParsedMarkup
from briefreader.export.pdf_sources import citation_markup
from briefreader.export.prepare import PreparedExcerpt
from briefreader.export.quote_frags import QuoteFragments
from briefreader.export.styles import BAR, FLAG, Styles

_FLAG_TEXT = {"stale": "STALE", "orphaned": "ORPHANED"}
# Noto lacks U+26A0: our own markup goes through font coverage too (test_units checks).
WARNING_SIGN = f'<font face="{FALLBACK}">⚠</font>'


@dataclass
class ExcerptPrinter:
    """What every excerpt block of one export shares."""

    writer: MarkupWriter
    styles: Styles
    sources: SourceList
    info: PageInfo
    quotes: QuoteFragments
    tick: Callable[[], None]
    parsed: ParsedMarkup = field(default_factory=ParsedMarkup)

    def _line(self, markup: str, style: ParagraphStyle, direction: str = "auto") -> CachedParagraph:
        """A claim, flag, citation or comment line, its markup parsed once per shape."""
        parsed = self.parsed.text_and_frags(markup, style)
        if parsed is None:
            return CachedParagraph(markup, style, direction=direction)
        text, frags = parsed
        return CachedParagraph(text, style, direction=direction, frags=frags)

    def block(self, item: PreparedExcerpt, outline: str) -> ExcerptBlock:
        s, w, e = self.styles, self.writer, item.excerpt
        w.place = f"excerpt {item.number}"
        parts: list[Flowable] = []
        if e.claimant.strip():
            parts.append(
                self._line(f"CLAIM · {w.plain(' '.join(e.claimant.split()))}", s.claim, "ltr")
            )
        if e.integrity in _FLAG_TEXT:
            note = e.integrity_note or "the quote could not be verified"
            parts.append(
                self._line(
                    f'<font color="{FLAG[e.integrity]}">{WARNING_SIGN} {_FLAG_TEXT[e.integrity]}: '
                    f"{w.plain(note)}.</font>",
                    s.flag,
                )
            )
        bar = BAR[e.integrity]
        first_chunk = True
        mentions = MentionIndex(item.mentions)  # sorted once; each chunk looks up its own
        for start, end, starts_paragraph in chunk_spans(e.quote, mentions):
            style = s.quote if first_chunk else s.quote_para if starts_paragraph else s.quote_cont
            text = e.quote[start:end]
            inside = mentions.within(start, end)
            frags = self.quotes.fragments(text, inside, start, style)
            if frags is None:
                para = QuoteParagraph(w.highlighted(text, inside, offset=start), style)
            else:
                para = QuoteParagraph(text, style, frags=frags)
            para.bar = bar
            if first_chunk:
                para.number = str(item.number)
            first_chunk = False
            parts.append(para)
        parts.append(
            self._line(
                citation_markup(e.citation, e.credibility, self.sources, w), s.citation, "ltr"
            )
        )
        blocks = [" ".join(b.split()) for b in e.comment.replace("\r\n", "\n").split("\n\n")]
        for index, block in enumerate(b for b in blocks if b):
            if index == 0:
                markup = f"<b>Analyst comment</b>\u2003{w.plain(block)}"
                parts.append(self._line(markup, s.comment, "ltr"))
            else:
                parts.append(self._line(w.plain(block), s.comment_cont))
        return ExcerptBlock(
            parts, key=f"ex{item.number}", outline=outline, info=self.info, on_draw=self.tick
        )
