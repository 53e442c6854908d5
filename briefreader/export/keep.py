"""An excerpt kept together: its claim line, quote, short citation and comment.

Platypus's `KeepTogether` would do for short excerpts, but a long quote must
still be allowed to run over a page, and then its citation must not start
the next page alone. `ExcerptBlock` measures its parts once (they are
`CachedParagraph`s), moves whole to the next page when it is no taller than
`KEEP_WHOLE` and does not fit, and otherwise splits inside the quote so that
at least two of its lines go over with the citation.

The block is also where the excerpt is anchored: the first part to be drawn
sets the bookmark the Sources and the appendix link to, adds the outline
entry, records its page and reports progress.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable

from briefreader.export.canvas import PageInfo
from briefreader.export.flowables import QuoteParagraph

#: Blocks up to this height (points) are never split: they move to the next page.
KEEP_WHOLE = 220.0
#: Quote lines that go over with the citation when a long excerpt splits.
TAIL_LINES = 2
#: Space between one excerpt and the next.
EXCERPT_GAP = 9.0


def _gap(above: Flowable, below: Flowable) -> float:
    return float(above.getSpaceAfter()) + float(below.getSpaceBefore())


class ExcerptBlock(Flowable):
    """One excerpt's flowables laid out as a unit (see the module docstring)."""

    def __init__(
        self,
        parts: Sequence[Flowable],
        *,
        key: str = "",
        outline: str = "",
        info: PageInfo | None = None,
        on_draw: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.parts = list(parts)
        self.key, self.outline, self.info, self.on_draw = key, outline, info, on_draw
        self._heights: list[float] = []
        self._width = -1.0

    # -- measuring -----------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._width:
            self._heights = [float(p.wrap(availWidth, availHeight)[1]) for p in self.parts]
            self._width = availWidth
        total = sum(self._heights)
        total += sum(_gap(a, b) for a, b in zip(self.parts, self.parts[1:], strict=False))
        self.width, self.height = availWidth, total
        return availWidth, total

    def getSpaceBefore(self) -> float:
        own = float(self.parts[0].getSpaceBefore()) if self.parts else 0.0
        return max(own, EXCERPT_GAP) if self.key else own

    def getSpaceAfter(self) -> float:
        return float(self.parts[-1].getSpaceAfter()) if self.parts else 0.0

    # -- splitting -------------------------------------------------------------
    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        if self.height <= KEEP_WHOLE:
            return []  # whole, on the next page
        first: list[Flowable] = []
        rest: list[Flowable] = []
        used = 0.0
        for index, part in enumerate(self.parts):
            gap = _gap(self.parts[index - 1], part) if index else 0.0
            height = float(part.wrap(availWidth, availHeight)[1])
            if used + gap + height <= availHeight:
                first.append(part)
                used += gap + height
                continue
            room = availHeight - used - gap
            pieces = part.split(availWidth, room) if isinstance(part, QuoteParagraph) else []
            if len(pieces) == 2:
                first.append(pieces[0])
                rest = [pieces[1], *self.parts[index + 1 :]]
            else:
                rest = list(self.parts[index:])
            break
        first, rest = self._keep_tail(first, rest, availWidth)
        if not any(isinstance(p, QuoteParagraph) for p in first) or not rest:
            return []
        head = ExcerptBlock(
            first, key=self.key, outline=self.outline, info=self.info, on_draw=self.on_draw
        )
        return [head, ExcerptBlock(rest)]

    @staticmethod
    def _keep_tail(
        first: list[Flowable], rest: list[Flowable], width: float
    ) -> tuple[list[Flowable], list[Flowable]]:
        """Move quote lines over so that the citation never starts a page alone."""
        if not rest or isinstance(rest[0], QuoteParagraph) or not first:
            return first, rest
        last = first[-1]
        if not isinstance(last, QuoteParagraph):
            return first, rest
        lines = last.lines
        if lines > TAIL_LINES + 1:
            keep = (lines - TAIL_LINES) * last.style.leading
            pieces = last.split(width, keep)
            if len(pieces) == 2:
                return [*first[:-1], pieces[0]], [pieces[1], *rest]
        return first[:-1], [last, *rest]

    # -- drawing ---------------------------------------------------------------
    def draw(self) -> None:
        canvas = self.canv
        if self.key and self.info is not None:
            canvas.bookmarkHorizontal(self.key, 0, self.height + 4)
            if self.outline:
                canvas.addOutlineEntry(self.outline, self.key, 1, closed=True)
            self.info.pages.setdefault(self.key, canvas.getPageNumber())
            if self.on_draw is not None:
                self.on_draw()
        y = self.height
        previous: Flowable | None = None
        for part in self.parts:
            if previous is not None:
                y -= _gap(previous, part)
            _, height = part.wrap(self.width, self.height)
            y -= height
            part.drawOn(canvas, 0, y)
            previous = part
