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
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc


class QuickLink(pdfdoc.LinkAnnotation):
    """A `LinkAnnotation` of the plain kind an internal link is, formatted quickly."""

    def format(self, document: Any) -> bytes:
        rect = self.Rect
        if self.otherkw or rl_config.pdfMultiLine or self.Border is not _NO_BORDER:
            return super().format(document)
        if self.Contents == "" and all(type(v) in (float, int) for v in rect) and len(rect) == 4:
            contents = b"()"
            rect_bytes = b"[ " + fp_str(*rect).encode("ascii") + b" ]"
        else:
            fmt = pdfdoc.format
            contents = fmt(pdfdoc.PDFString(self.Contents, 1), document)
            rect_bytes = fmt(rect if isinstance(rect, str) else pdfdoc.PDFArray(rect), document)
        return b"".join(
            (
                b"<<\n/Border [ 0 0 0 ] /Contents ",
                contents,
                b" /Dest ",
                _destination(self.Destination, document),
                b" /Rect ",
                rect_bytes,
                b" /Subtype /Link /Type /Annot\n>>",
            )
        )


def _destination(destination: Any, document: Any) -> bytes:
    """The destination as ReportLab formats it, formatted once however many links point to it.

    Its bytes depend only on the page it is bound to and its position,
    which are fixed by the time the file is written; the first formatting
    is ReportLab's own (it gives the page its object number).
    """
    known = getattr(destination, "_quick_bytes", None)
    page, where = destination.page, destination.fmt
    if known is not None and known[0] is document and known[1] is page and known[2] is where:
        return bytes(known[3])
    written = pdfdoc.format(destination, document)
    destination._quick_bytes = (document, page, where, written)
    return bytes(written)


#: The border of every quick link: none (`_annFormat` with no thickness, colour or dash).
_NO_BORDER = pdfdoc.PDFArray([0, 0, 0])


def quick_link(canvas: Any, contents: str, destination_name: str, rect: Any, relative: int) -> Any:
    """`canvas.linkRect(contents, destination_name, rect, relative=relative)`, as a `QuickLink`."""
    kw: dict[str, Any] = {
        "Rect": canvas._absRect(rect, relative),
        "Contents": contents,
        "Destination": canvas._bookmarkReference(destination_name),
    }
    kw["Border"] = _NO_BORDER  # what _annFormat sets for no thickness, colour or dash
    return canvas._addAnnotation(QuickLink(**kw), None, 1)
