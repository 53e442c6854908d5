"""Story building: a `Briefing` turned into the Platypus flowables of its PDF.

Order: cover (title, marking, date, author, integrity, key judgements),
contents, one chapter per section with its excerpts as block quotes,
Sources, the appendix of groups and countries, and a note on characters
that could not be drawn, if any. Every string from a document or from the
analyst reaches a Paragraph only through the `MarkupWriter`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from briefreader.domain import Mention
from briefreader.export.canvas import PageInfo
from briefreader.export.chunks import MentionIndex, chunk_spans
from briefreader.export.citations import (
    SourceList,
    citation_markup,
    excerpt_links,
    format_date,
    source_markup,
)
from briefreader.export.flowables import AnchoredParagraph, QuoteParagraph, TocEntry
from briefreader.export.fonts import FALLBACK, describe
from briefreader.export.markup import MARKING, MUTED, MarkupWriter
from briefreader.export.model import Briefing, BriefingExcerpt
from briefreader.export.quote_frags import QuoteFragments
from briefreader.export.styles import BAR, FLAG, Styles

_BULLETS = ("- ", "* ", "• ")
_FLAG_TEXT = {"stale": "STALE", "orphaned": "ORPHANED"}
# Noto lacks U+26A0: our own markup goes through font coverage too (test_units checks).
WARNING_SIGN = f'<font face="{FALLBACK}">⚠</font>'


@dataclass(frozen=True, slots=True)
class PreparedExcerpt:
    number: int
    excerpt: BriefingExcerpt
    mentions: tuple[Mention, ...]


def plain_label(text: str) -> str:
    """`text` safe for PDF strings (outline, metadata): no controls or lone surrogates."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        "\ufffd" if unicodedata.category(c) in ("Cc", "Cs") and not c.isspace() else c
        for c in text
        if unicodedata.category(c) != "Cf"
    )


def _outline_text(text: str, limit: int = 80) -> str:
    """A one-line, plain label for the PDF outline (never markup)."""
    flat = " ".join(plain_label(text[: limit * 4]).split())  # a long quote: look at its start
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class StoryBuilder:
    """Builds the flowables of one briefing; one instance per export."""

    def __init__(
        self,
        briefing: Briefing,
        writer: MarkupWriter,
        info: PageInfo,
        styles: Styles,
        mentions_of: Callable[[str], Sequence[Mention]],
        tick: Callable[[], None],
    ) -> None:
        self.briefing = briefing
        self.w = writer
        self.info = info
        self.s = styles
        self._mentions_of = mentions_of
        self._quotes = QuoteFragments(writer)
        self._tick = tick  # called once per excerpt drawn
        self.sources = SourceList.of(briefing)
        self.prepared: list[list[PreparedExcerpt]] = []
        # Room for the label and three lines of quote, else the excerpt starts a new page.
        self._keep = styles.label.leading + styles.label.spaceBefore + 3 * styles.quote.leading

    # -- helpers ---------------------------------------------------------
    def _heading(self, markup: str, key: str, outline: str, level: int = 0) -> AnchoredParagraph:
        style = self.s.h1 if level == 0 else self.s.h2
        return AnchoredParagraph(markup, style).anchor(
            key, _outline_text(outline), level, self.info
        )

    def _toc(self, key: str, markup: str, sub: bool = False) -> TocEntry:
        self.info.toc_keys.append(key)
        style = self.s.toc_sub if sub else self.s.toc
        return TocEntry(Paragraph(markup, style), key)

    def _paragraphs(self, text: str, place: str) -> list[Flowable]:
        """Analyst prose (summary, comments): blank-line paragraphs, bullets."""
        self.w.place = place
        out: list[Flowable] = []
        for block in text.replace("\r\n", "\n").split("\n\n"):
            lines = [line for line in block.split("\n") if line.strip()]
            if not lines:
                continue
            if all(line.lstrip().startswith(_BULLETS) for line in lines):
                for line in lines:
                    item = line.lstrip()[2:].strip()
                    out.append(Paragraph(self.w.plain(item), self.s.bullet, bulletText="•"))
            else:
                out.append(Paragraph(self.w.plain(" ".join(lines)), self.s.body))
        return out

    # -- parts -------------------------------------------------------------
    def prepare(self, progress: Callable[[int], None]) -> None:
        """Find mentions for every excerpt (the expensive, pre-layout step)."""
        number = 0
        for section in self.briefing.sections:
            items = []
            for excerpt in section.excerpts:
                number += 1
                found = excerpt.mentions
                if found is None:
                    found = tuple(self._mentions_of(excerpt.quote))
                items.append(PreparedExcerpt(number, excerpt, tuple(found)))
                progress(number)
            self.prepared.append(items)

    def cover(self) -> list[Flowable]:
        b, s, w = self.briefing, self.s, self.w
        w.place = "cover"
        out: list[Flowable] = [Spacer(1, 36)]
        out.append(Paragraph("BRIEFING", s.cover_kicker))
        out.append(
            AnchoredParagraph(w.plain(b.title or "Untitled briefing"), s.cover_title).anchor(
                "cover", _outline_text(b.title or "Untitled briefing"), 0, self.info
            )
        )
        meta: list[tuple[str, str]] = []
        if b.marking:
            meta.append(("Handling", f'<font color="{MARKING}"><b>{w.plain(b.marking)}</b></font>'))
        if b.date:
            meta.append(("Date", w.plain(format_date(b.date))))
        if b.author:
            meta.append(("Author", w.plain(b.author)))
        n, m = len(b.excerpts), len(self.sources.numbers)
        meta.append(("Scope", f"{n} excerpt{'s' * (n != 1)} from {m} source{'s' * (m != 1)}"))
        flagged = [e for e in b.excerpts if e.integrity in ("stale", "orphaned")]
        checked = sum(1 for e in b.excerpts if e.integrity != "unchecked")
        if checked:
            stale = sum(1 for e in flagged if e.integrity == "stale")
            orphaned = len(flagged) - stale
            text = f"{checked} quotes checked against their sources"
            text += f": {stale} stale, {orphaned} orphaned (marked in the text)" if flagged else ""
            meta.append(("Integrity", text))
        for label, value in meta:
            out.append(
                Paragraph(f'<font color="{MUTED}">{label}</font>\u2003{value}', s.cover_meta)
            )
        if b.summary.strip():
            out.append(Spacer(1, 22))
            out.append(self._heading("Key judgements", "summary", "Key judgements"))
            out.extend(self._paragraphs(b.summary, "summary"))
        out.append(PageBreak())
        return out

    def contents(self) -> list[Flowable]:
        out: list[Flowable] = [self._heading("Contents", "contents", "Contents")]
        if self.briefing.summary.strip():
            out.append(self._toc("summary", "Key judgements"))
        for index, section in enumerate(self.briefing.sections, start=1):
            self.w.place = f"section {index} title"
            count = len(section.excerpts)
            title = self.w.plain(section.title or f"Section {index}")
            label = f'{title} <font color="{MUTED}" size="8.5">({count})</font>'
            out.append(self._toc(f"sec{index}", f"{index}.\u2002{label}"))
        if self.sources.numbers:
            out.append(self._toc("sources", "Sources"))
        out.append(self._toc("appendix", "Appendix: groups and countries"))
        out.append(PageBreak())
        return out

    def excerpt(self, item: PreparedExcerpt, section: int) -> list[Flowable]:
        s, w, e = self.s, self.w, item.excerpt
        w.place = f"excerpt {item.number}"
        label = f'<a name="ex{item.number}"/>EXCERPT {item.number}'
        if e.integrity in _FLAG_TEXT:
            label += f'  <font color="{FLAG[e.integrity]}">· {_FLAG_TEXT[e.integrity]}</font>'
        outline = f"{item.number}. " + _outline_text(e.quote, 60)
        # CondPageBreak, not keepWithNext: keeping the label with its quote that way
        # makes Platypus lay the quote out twice, the biggest cost in a long briefing.
        out: list[Flowable] = [
            CondPageBreak(self._keep),
            AnchoredParagraph(label, s.label).anchor(
                f"x{item.number}", outline, 1, self.info, self._tick
            ),
        ]
        if e.integrity in _FLAG_TEXT:
            note = e.integrity_note or "the quote could not be verified"
            out.append(
                Paragraph(
                    f'<font color="{FLAG[e.integrity]}">{WARNING_SIGN} {_FLAG_TEXT[e.integrity]}: '
                    f"{w.plain(note)}.</font>",
                    s.flag,
                )
            )
        bar = BAR[e.integrity]
        mentions = MentionIndex(item.mentions)
        for start, end, first in chunk_spans(e.quote, mentions):
            style = s.quote if first else s.quote_cont
            text = e.quote[start:end]
            inside = mentions.within(start, end)
            frags = self._quotes.fragments(text, inside, start, style)
            if frags is None:
                para = QuoteParagraph(w.highlighted(text, inside, offset=start), style)
            else:
                para = QuoteParagraph(text, style, frags=frags)
            para.bar = bar
            out.append(para)
        out.append(Paragraph(citation_markup(e.citation, self.sources, w), s.citation))
        blocks = [" ".join(b.split()) for b in e.comment.replace("\r\n", "\n").split("\n\n")]
        blocks = [b for b in blocks if b]
        for index, block in enumerate(blocks):
            if index == 0:
                out.append(Paragraph(f"<b>Analyst comment</b>\u2003{w.plain(block)}", s.comment))
            else:
                out.append(Paragraph(w.plain(block), s.comment_cont))
        return out

    def sections(self) -> list[Flowable]:
        out: list[Flowable] = []
        for index, (section, items) in enumerate(
            zip(self.briefing.sections, self.prepared, strict=True), start=1
        ):
            self.w.place = f"section {index} title"
            title = section.title or f"Section {index}"
            out.append(self._heading(f"{index}.\u2002{self.w.plain(title)}", f"sec{index}", title))
            if not items:
                out.append(Paragraph("<i>No excerpts in this section.</i>", self.s.note))
            for item in items:
                out.extend(self.excerpt(item, index))
            out.append(PageBreak())
        return out

    def source_list(self) -> list[Flowable]:
        if not self.sources.numbers:
            return []
        out: list[Flowable] = [self._heading("Sources", "sources", "Sources")]
        for doc_id in self.sources.numbers:
            self.w.place = f"source {self.sources.numbers[doc_id]}"
            first, *more = source_markup(doc_id, self.sources, self.w)
            out.append(Paragraph(first, self.s.source))
            out.extend(Paragraph(part, self.s.source_cont) for part in more)
        out.append(PageBreak())
        return out

    def appendix(self) -> list[Flowable]:
        out: list[Flowable] = [
            self._heading("Appendix: groups and countries", "appendix", "Appendix")
        ]
        index: dict[tuple[str, str], list[int]] = {}
        spellings: dict[tuple[str, str], dict[str, None]] = {}
        for items in self.prepared:
            for item in items:
                for m in item.mentions:
                    numbers = index.setdefault((m.kind, m.canonical), [])
                    if not numbers or numbers[-1] != item.number:
                        numbers.append(item.number)
                    spellings.setdefault((m.kind, m.canonical), {})[" ".join(m.surface.split())] = (
                        None
                    )
        if not index:
            out.append(Paragraph("No group or country is named in these excerpts.", self.s.body))
        for kind, heading in (("group", "Groups"), ("country", "Countries")):
            names = sorted((n for k, n in index if k == kind), key=str.casefold)
            if not names:
                continue
            out.append(
                self._heading(heading, f"app_{kind}", f"Appendix: {heading.lower()}", level=1)
            )
            for name in names:
                self.w.place = f"appendix: {name}"
                numbers = index[(kind, name)]
                first, *more = excerpt_links(numbers)
                noun = "excerpt" if len(numbers) == 1 else "excerpts"
                # How the excerpts spell it, when not (only) as the canonical name.
                written = [w for w in spellings[(kind, name)] if w != name][:8]
                also = f" (written {self.w.plain(', '.join(written))})" if written else ""
                out.append(
                    Paragraph(
                        f"<b>{self.w.plain(name)}</b>{also}\u2002"
                        f'<font color="{MUTED}">{len(numbers)} {noun}:</font> {first}',
                        self.s.index,
                    )
                )
                out.extend(Paragraph(part, self.s.index_cont) for part in more)
        return out

    def undrawable_note(self) -> list[Flowable]:
        """Say in the PDF itself which characters are shown as placeholders."""
        found = self.w.undrawable
        if not found.counts:
            return []
        out: list[Flowable] = [CondPageBreak(120)]
        out.append(
            self._heading("Characters that could not be printed", "undrawable", "Characters", 1)
        )
        out.append(
            Paragraph(
                "The embedded fonts cannot draw these characters. Each is shown in the text as "
                "[U+code]. Right-to-left scripts "
                "(Arabic, Hebrew) are among them: the PDF engine cannot order or join them.",
                self.s.note,
            )
        )
        for char, count in found.counts.items():
            where = ", ".join(found.places.get(char, [])[:8])
            out.append(
                Paragraph(
                    f"{describe(char)} × {count} ({self.w.plain(where)})",
                    self.s.note,
                )
            )
        return out

    def build(self) -> list[Flowable]:
        story = self.cover() + self.contents() + self.sections() + self.source_list()
        story += self.appendix()
        # Last, so that it sees every character converted above.
        story += self.undrawable_note()
        return story
