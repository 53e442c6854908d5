"""The few custom flowables a briefing needs beyond ReportLab's own."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph

from briefreader.export.bidi_paragraph import BidiParagraph
from briefreader.export.canvas import NUMBER_BOX, PageInfo, toc_form
from briefreader.export.fonts import SANS_BOLD
from briefreader.export.styles import BAR_X, MUTED

NUMBER_COLOUR = MUTED


class CachedParagraph(BidiParagraph):
    """A paragraph that breaks its lines once per width.

    Keeping an excerpt together means measuring it before placing it; plain
    Paragraphs would break their lines again at every `wrap`, doubling the
    cost of a long briefing. Line breaking depends on the width only.
    """

    _wrapped_at: float = -1.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_at and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size

    def deepcopy(self) -> CachedParagraph:
        """A faithful copy for nothing. BalancedColumns (the appendix) copies its content
        for every trial split, through this method when a flowable has one: a paragraph's
        fragments and broken lines are only ever replaced, never changed in place, so a
        shallow copy keeps them apart; copy.deepcopy took a quarter of a 500-excerpt export."""
        return copy.copy(self)

    # split() is Paragraph's: its first part carries a provisional line list (of
    # the wrong kind for single-font text) that only its own wrap() replaces, so
    # the parts start uncached.

    @property
    def lines(self) -> int:
        return len(self.blPara.lines) if hasattr(self, "blPara") else 0


class QuoteParagraph(CachedParagraph):
    """A block-quote paragraph with a rule down its left side and its number beside it.

    The rule's colour shows the excerpt's integrity (grey, amber, red). Long
    quotes are cut into several of these with no space between, so the rule
    runs on unbroken. `number` is printed in the gutter at the first line of
    the excerpt's first paragraph only.
    """

    bar: colors.Color = colors.grey
    number: str = ""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        for index, part in enumerate(parts):
            if isinstance(part, QuoteParagraph):
                part.bar = self.bar
                part.number = self.number if index == 0 else ""
        return parts

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.bar)
        canvas.setLineWidth(2.2)
        canvas.line(BAR_X, 0, BAR_X, self.height)
        if self.number:
            canvas.setFillColor(NUMBER_COLOUR)
            canvas.setFont(SANS_BOLD, 7.5)
            canvas.drawRightString(BAR_X - 5, self.height - self.style.leading + 3.5, self.number)
        canvas.restoreState()
        super().draw()


class AnchoredParagraph(BidiParagraph):
    """A paragraph that, where it lands, becomes a bookmark and an outline entry.

    It records its page under `key` for the contents and may call `on_draw`
    (progress reporting). Only the first part of a split paragraph anchors.
    """

    key: str = ""
    outline: str = ""
    level: int = 0
    info: PageInfo | None = None
    on_draw: Callable[[], None] | None = None

    def anchor(
        self,
        key: str,
        outline: str,
        level: int,
        info: PageInfo,
        on_draw: Callable[[], None] | None = None,
    ) -> AnchoredParagraph:
        self.key, self.outline, self.level, self.info, self.on_draw = (
            key,
            outline,
            level,
            info,
            on_draw,
        )
        return self

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        if parts and isinstance(parts[0], AnchoredParagraph) and self.info is not None:
            parts[0].anchor(self.key, self.outline, self.level, self.info, self.on_draw)
        for part in parts[1:]:  # a right-to-left part is a copy: only the first anchors
            if isinstance(part, AnchoredParagraph):
                part.key = ""
        return parts

    def draw(self) -> None:
        if self.key and self.info is not None:
            canvas = self.canv
            canvas.bookmarkHorizontal(self.key, 0, self.height + 4)
            if self.outline:
                canvas.addOutlineEntry(self.outline, self.key, self.level, closed=self.level > 0)
            self.info.pages.setdefault(self.key, canvas.getPageNumber())
            if self.on_draw is not None:
                self.on_draw()
        super().draw()


class TocEntry(Flowable):
    """A contents line: title, dot leaders, a page number known only at save time."""

    def __init__(self, paragraph: Paragraph, key: str) -> None:
        super().__init__()
        self._para = paragraph
        self._key = key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        _, self.height = self._para.wrap(availWidth, availHeight)
        return availWidth, self.height

    def getSpaceBefore(self) -> float:
        return self._para.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self._para.getSpaceAfter()

    def draw(self) -> None:
        canvas = self.canv
        para = self._para
        para.drawOn(canvas, 0, 0)
        lines = len(para.blPara.lines)
        style = para.style
        baseline = self.height - style.fontSize - (lines - 1) * style.leading
        canvas.saveState()
        canvas.translate(self.width - NUMBER_BOX, baseline)
        canvas.doForm(toc_form(self._key))
        canvas.restoreState()
        canvas.linkRect("", self._key, (0, 0, self.width, self.height), relative=1, thickness=0)
