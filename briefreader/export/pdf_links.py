"""Internal link annotations written straight to bytes, the bytes ReportLab writes.

The appendix links every excerpt number to its excerpt and every citation
links to its source, so a briefing holds thousands of link annotations.
ReportLab writes each one by building a dictionary of name objects,
checking its keys, sorting them and formatting each entry, which was more
than half of the time it spent saving a 500-excerpt PDF. `QuickLink` writes
the same six entries, in the same (sorted) order, each value formatted by
ReportLab's own `format`; anything unusual (a colour, a dash, extra
entries, multi-line output) is written by ReportLab.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import _annFormat


class QuickLink(pdfdoc.LinkAnnotation):
    """A `LinkAnnotation` of the plain kind an internal link is, formatted quickly."""

    def format(self, document: Any) -> bytes:
        if self.otherkw or rl_config.pdfMultiLine:
            return super().format(document)
        fmt = pdfdoc.format
        rect = self.Rect if isinstance(self.Rect, str) else pdfdoc.PDFArray(self.Rect)
        return b"".join(
            (
                b"<<\n/Border ",
                fmt(self.Border, document),
                b" /Contents ",
                fmt(pdfdoc.PDFString(self.Contents, 1), document),
                b" /Dest ",
                fmt(self.Destination, document),
                b" /Rect ",
                fmt(rect, document),
                b" /Subtype /Link /Type /Annot\n>>",
            )
        )


def quick_link(canvas: Any, contents: str, destination_name: str, rect: Any, relative: int) -> Any:
    """`canvas.linkRect(contents, destination_name, rect, relative=relative)`, as a `QuickLink`."""
    kw: dict[str, Any] = {
        "Rect": canvas._absRect(rect, relative),
        "Contents": contents,
        "Destination": canvas._bookmarkReference(destination_name),
    }
    _annFormat(kw, None, 0, None)
    return canvas._addAnnotation(QuickLink(**kw), None, 1)
