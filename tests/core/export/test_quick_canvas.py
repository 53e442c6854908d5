"""The canvas's quick links and text object write the bytes ReportLab writes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from briefreader.entities import find_mentions
from briefreader.export import pdf_links, quick_text
from briefreader.export.canvas import BriefingCanvas
from briefreader.export.exporter import export_briefing
from tests.core.export.sample import seed_briefing

_VOLATILE = re.compile(rb"/ID\s*\[<[0-9a-f]+><[0-9a-f]+>\]|/(?:Creation|Mod)Date \([^)]*\)")


def _export(path: Path) -> bytes:
    export_briefing(seed_briefing(40, sections=3), path, find_mentions=find_mentions)
    return _VOLATILE.sub(b"", path.read_bytes())


def _counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[Any]:
    calls: list[Any] = []
    original = getattr(owner, name)

    def counting(self: Any, *args: Any) -> Any:
        calls.append(args)
        return original(self, *args)

    monkeypatch.setattr(owner, name, counting)
    return calls


def test_links_are_the_same_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = _counting(monkeypatch, pdf_links.QuickLink, "format")
    quick = _export(tmp_path / "quick.pdf")
    assert len(written) > 80  # citations, sources and the appendix link
    monkeypatch.setattr(BriefingCanvas, "linkRect", Canvas.linkRect)
    own = _export(tmp_path / "reportlab.pdf")
    assert quick == own


def test_text_is_the_same_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _counting(monkeypatch, quick_text.QuickText, "_formatText")
    coloured = _counting(monkeypatch, quick_text.QuickText, "setFillColor")
    quick = _export(tmp_path / "quick.pdf")
    assert len(drawn) > 500 and len(coloured) > 300
    monkeypatch.setattr(BriefingCanvas, "beginText", Canvas.beginText)
    monkeypatch.setattr(BriefingCanvas, "stringWidth", Canvas.stringWidth)
    own = _export(tmp_path / "reportlab.pdf")
    assert quick == own


def test_colours_other_than_plain_rgb_are_reportlabs(tmp_path: Path) -> None:
    ours = BriefingCanvas(str(tmp_path / "a.pdf"), page_info=None)  # type: ignore[arg-type]
    theirs = Canvas(str(tmp_path / "b.pdf"))
    for colour, alpha in (
        (colors.CMYKColor(0.1, 0.2, 0.3, 0.4), None),
        (colors.Color(0.2, 0.4, 0.6, alpha=0.5), None),
        (colors.Color(0.2, 0.4, 0.6), 0.25),
        ((0.1, 0.2, 0.3), None),
        ("#336699", None),
    ):
        a, b = ours.beginText(), theirs.beginText()
        a.setFillColor(colour, alpha)
        b.setFillColor(colour, alpha)
        assert a.getCode() == b.getCode()
