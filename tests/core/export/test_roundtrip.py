"""Property: whatever text an excerpt holds, the PDF gives it back.

Every character the embedded fonts can draw is extracted exactly; every one
they cannot is shown as its `[U+XXXX]` placeholder (and reported);
invisible formatting characters are left out. Whitespace is compared
squeezed out, since line breaks (and long-word wrapping) add or drop it.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.export.exporter import export_briefing
from briefreader.export.fonts import load_fonts
from briefreader.export.markup import placeholder
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection, Citation
from tests.core.export.pdftools import body_text, needs_tools, squeeze

pytestmark = needs_tools
FONTS = load_fonts()

# Weighted towards what reporting contains, but any code point can appear.
TYPICAL = st.sampled_from(
    list("abcXYZ019 .,;:!?()-'\"<>&/\n\t")
    + list("éàçñøßÉÖ“”‘’—–…«»€£°")
    + list("ЖжЁёИсламскоегосударство")
    + list("αβγΩ→✓★∑≠")
    + ["中", "א", "ا", "\U0001f600", "\u00ad", "\u200b", "\x00", "\x07", "\ufeff"]
)
ANY = st.characters(codec="utf-8", exclude_categories=("Cs",))
TEXT = st.text(st.one_of(TYPICAL, TYPICAL, ANY), min_size=1, max_size=120)


def expected(text: str) -> str:
    out = []
    for char in text:
        kind = FONTS.kind(char)
        if kind == "missing":
            out.append(placeholder(char))
        elif kind != "invisible":
            out.append(char)
    return squeeze("".join(out))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=TEXT)
def test_excerpt_text_round_trips(tmp_path: Path, text: str) -> None:
    quote = f"QSTART {text} QEND"
    briefing = Briefing(
        "Round trip", (BriefingSection("S", (BriefingExcerpt(quote, Citation("d")),)),)
    )
    out = tmp_path / "rt.pdf"  # each example replaces the last one's file
    result = export_briefing(briefing, out, find_mentions=lambda t: [])
    body = squeeze(body_text(out, "Round trip"))
    start = body.index("QSTART") + len("QSTART")
    got = body[start : body.index("QEND", start)]
    if any(FONTS.kind(c) == "rtl" for c in text):
        # Right-to-left runs are drawn in visual order, and -raw reads the content
        # stream: the same characters, in another order (logical order is checked
        # with pdftotext's bidi reading in test_rtl_pdf.py).
        # pdftotext wraps each right-to-left word in embedding marks (U+202B, U+202C).
        got = "".join(c for c in got if c not in "\u202a\u202b\u202c\u202d\u202e")
        assert sorted(got) == sorted(expected(text))
    else:
        assert got == expected(text)
    missing = {c for c in text if FONTS.kind(c) == "missing"}
    assert {u.char for u in result.undrawable} == missing
