"""The quick text encoding of the embedded fonts writes the very bytes ReportLab's loop writes."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from briefreader.entities import find_mentions
from briefreader.export import subset_font
from briefreader.export.exporter import export_briefing
from briefreader.export.fonts import SANS, SERIF, load_fonts
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection, Citation

_VOLATILE = re.compile(rb"/ID\s*\[<[0-9a-f]+><[0-9a-f]+>\]|/(?:Creation|Mod)Date \([^)]*\)")

#: More than 256 distinct characters, so the fonts need a second subset.
MANY = "".join(chr(c) for c in range(0x0410, 0x0450)) + "".join(
    chr(c) for c in range(0x00C0, 0x0180) if chr(c).isalpha()
)
QUOTES = (
    "Plain ASCII about ISKP in Kabul.",
    "Typographic “quotes” — dashes… and a no-break\u00a0space in Afghanistan.",
    f"Cyrillic and accents: {MANY[:60]} then {MANY[60:]} in Pakistan.",
    "Греческий: αβγδ εζηθ, then ☂ → symbols from the fallback face.",
    "Plain ASCII again, after the new characters: Taliban\u00a0and\u00a0ISKP.",
)


def _briefing() -> Briefing:
    excerpts = tuple(
        BriefingExcerpt(
            q,
            citation=Citation(document_id=f"d{i}", title=f"Заголовок {i}", publisher="Reuters"),
            comment=f"Комментарий {i}: “{q[:20]}”",
        )
        for i, q in enumerate(QUOTES * 3)
    )
    return Briefing(title="Кодировка — subsets", sections=(BriefingSection("Только", excerpts),))


def _export(path: Path) -> bytes:
    export_briefing(_briefing(), path, find_mentions=find_mentions)
    return _VOLATILE.sub(b"", path.read_bytes())


def test_the_pdf_is_the_same_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    quick = _export(tmp_path / "quick.pdf")
    monkeypatch.setattr(subset_font.SubsetFont, "splitString", TTFont.splitString)
    own = _export(tmp_path / "reportlab.pdf")
    assert quick == own


def test_each_string_encodes_as_reportlab_encodes_it() -> None:
    """String by string, in one document, with codes assigned as it goes."""
    load_fonts()
    texts = ["", " ", "\u00a0", *QUOTES, MANY, MANY[::-1], "ASCII only", "\u00a0a\u00a0", "☂"]
    for name in (SERIF, SANS):
        font = pdfmetrics.getFont(name)
        assert isinstance(font, subset_font.SubsetFont)
        ours, theirs = Canvas(io.BytesIO())._doc, Canvas(io.BytesIO())._doc
        quick = 0
        for text in texts * 3:
            state: Any = font.state.get(ours)
            known = getattr(state, "_quick_table", None) if state is not None else None
            quick += bool(known and text and known[1].issuperset(text))
            assert font.splitString(text, ours) == TTFont.splitString(font, text, theirs), text
        assert font.state[ours].assignments == font.state[theirs].assignments
        assert quick >= len(texts)
