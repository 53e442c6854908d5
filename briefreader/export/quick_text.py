"""The page's text object with ReportLab's two busiest text operators done directly.

A highlighted quote switches colour at every highlight and draws each run of
a line as one text operator, tens of thousands of times in a briefing.
`QuickText` writes those operators as ReportLab's `PDFTextObject` does,
without its general case: a plain RGB colour's operator is formatted once
per colour (then only its alpha is set, as before), and a run in an
embedded TrueType font is encoded and written without saving and restoring
the object's state around it. Anything else (CMYK, separations, an enforced
colour space, shaped text, other fonts) is ReportLab's own code.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.textobject import PDFTextObject

try:
    from reportlab.pdfbase.ttfonts import ShapedStr
except ImportError:  # a ReportLab that does not shape: no text is shaped

    class ShapedStr(str):  # type: ignore[no-redef]
        """Stands in for ReportLab's shaped string, which no text then is."""


_RG: dict[tuple[float, float, float], str] = {}
_RG_LIMIT = 4096  # colours remembered; a briefing uses a dozen


class QuickText(PDFTextObject):
    """`PDFTextObject` with quick paths (see the module docstring)."""

    def setFillColor(self, aColor: Any, alpha: Any = None) -> None:
        if alpha is not None or type(aColor) is not Color or self._enforceColorSpace:
            super().setFillColor(aColor, alpha)
            return
        rgb = (aColor.red, aColor.green, aColor.blue)
        op = _RG.get(rgb)
        if op is None:
            op = f"{fp_str(rgb)} rg"
            if len(_RG) < _RG_LIMIT:
                _RG[rgb] = op
        self._fillColorObj = aColor
        self._code.append(op)
        if aColor.alpha is not None:
            self.setFillAlpha(aColor.alpha)

    def _formatText(self, text: Any) -> str:
        font = getFont(self._fontname)
        if not font._dynamicFont or (font.shapable and isinstance(text, ShapedStr)):
            return str(super()._formatText(text))
        canvas = self._canvas
        doc = canvas._doc
        out = []
        for subset, chunk in font.splitString(text, doc):
            if subset != self._curSubset:
                name = font.getSubsetInternalName(subset, doc)
                out.append(f"{name} {fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL")
                self._curSubset = subset
            out.append(f"({canvas._escape(chunk)}) Tj")
        return " ".join(out)
