"""Internal links written by `QuickLink` are the bytes ReportLab writes for them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from briefreader.entities import find_mentions
from briefreader.export import pdf_links
from briefreader.export.canvas import BriefingCanvas
from briefreader.export.exporter import export_briefing
from tests.core.export.sample import seed_briefing

_VOLATILE = re.compile(rb"/ID\s*\[<[0-9a-f]+><[0-9a-f]+>\]|/(?:Creation|Mod)Date \([^)]*\)")


def _export(path: Path) -> bytes:
    export_briefing(seed_briefing(40, sections=3), path, find_mentions=find_mentions)
    return _VOLATILE.sub(b"", path.read_bytes())


def test_the_pdf_is_the_same_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = []
    original = pdf_links.QuickLink.format

    def counting(self: pdf_links.QuickLink, document: object) -> bytes:
        written.append(self)
        return original(self, document)

    monkeypatch.setattr(pdf_links.QuickLink, "format", counting)
    quick = _export(tmp_path / "quick.pdf")
    assert len(written) > 80  # citations, sources and the appendix link
    monkeypatch.setattr(BriefingCanvas, "linkRect", Canvas.linkRect)
    own = _export(tmp_path / "reportlab.pdf")
    assert quick == own
