"""The embedded TrueType fonts, and which characters they can draw.

Only TTF fonts are used (never the base-14 fonts), so every character in the
PDF is drawn from a font embedded in it. ReportLab draws a character a font
lacks as an empty box, silently; so before a string is laid out, `FontSet`
splits it into runs: characters the primary face covers, characters only
the fallback face (DejaVu Sans: symbols, arrows, box drawing) covers,
right-to-left text the Arabic-script faces draw, and characters nothing can
draw, which the caller shows as a visible `[U+XXXX]` placeholder and
reports. Invisible formatting characters (category Cf: soft hyphens,
zero-width spaces, bidi controls) have nothing to draw; they are left out
and counted, except the zero-width (non-)joiners that Persian and Urdu
spelling needs between letters.

Arabic, Persian, Pashto and Urdu are drawn in Noto Naskh Arabic (beside the
serif) and Noto Sans Arabic (beside the sans), shaped by HarfBuzz
(shaping.py) and put in right-to-left order by bidi.py; a paragraph holding
such text is laid out by bidi_paragraph.py instead of ReportLab's
left-to-right line breaking. Cyrillic is in the Noto faces themselves.
Other right-to-left scripts (Hebrew, Syriac, Thaana...) have no bundled face
and stay placeholders.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from briefreader.export.shaping import SHAPING, ShapingFont
from briefreader.export.subset_font import SubsetFont
from briefreader.paths import resources_dir

SERIF = "BrSerif"
SERIF_BOLD = "BrSerif-Bold"
SERIF_ITALIC = "BrSerif-Italic"
SERIF_BOLD_ITALIC = "BrSerif-BoldItalic"
SANS = "BrSans"
SANS_BOLD = "BrSans-Bold"
FALLBACK = "BrFallback"
ARABIC_SERIF = "BrArabicSerif"
ARABIC_SERIF_BOLD = "BrArabicSerif-Bold"
ARABIC_SANS = "BrArabicSans"
ARABIC_SANS_BOLD = "BrArabicSans-Bold"

_FILES: dict[str, str] = {
    SERIF: "NotoSerif-Regular.ttf",
    SERIF_BOLD: "NotoSerif-Bold.ttf",
    SERIF_ITALIC: "NotoSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "NotoSerif-BoldItalic.ttf",
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
    FALLBACK: "DejaVuSans.ttf",
}
_ARABIC_FILES: dict[str, str] = {
    ARABIC_SERIF: "NotoNaskhArabic-Regular.ttf",
    ARABIC_SERIF_BOLD: "NotoNaskhArabic-Bold.ttf",
    ARABIC_SANS: "NotoSansArabic-Regular.ttf",
    ARABIC_SANS_BOLD: "NotoSansArabic-Bold.ttf",
}
#: The Arabic-script face drawn beside each face (no italics: Arabic has none).
ARABIC_FACE: dict[str, str] = {
    SERIF: ARABIC_SERIF,
    SERIF_ITALIC: ARABIC_SERIF,
    SERIF_BOLD: ARABIC_SERIF_BOLD,
    SERIF_BOLD_ITALIC: ARABIC_SERIF_BOLD,
    SANS: ARABIC_SANS,
    SANS_BOLD: ARABIC_SANS_BOLD,
    FALLBACK: ARABIC_SANS,
}

RunKind = Literal["primary", "fallback", "rtl", "missing", "invisible"]
_WHITESPACE = frozenset(" \t\n\r\f\v")
_RTL = frozenset({"R", "AL"})
#: Zero-width non-joiner and joiner: part of Persian, Urdu and Pashto spelling.
_JOINERS = frozenset("\u200c\u200d")
_lock = threading.Lock()


def _in_arabic_blocks(code: int) -> bool:
    """Arabic, its supplements and extensions, and its presentation forms."""
    return 0x0600 <= code <= 0x08FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


class FontError(Exception):
    """A bundled font is missing or unreadable: the installation is broken."""


@dataclass(frozen=True, slots=True)
class FontSet:
    """The registered fonts and the code points each family can draw."""

    primary: frozenset[int]  # drawn by every face of both Noto families
    fallback: frozenset[int]  # drawn by DejaVu Sans
    rtl: frozenset[int] = frozenset()  # right-to-left text the Arabic-script faces draw
    _kinds: dict[str, RunKind] = field(default_factory=dict, compare=False, repr=False)

    def can_draw(self, char: str) -> bool:
        return self.kind(char) in ("primary", "fallback", "rtl")

    def kind(self, char: str) -> RunKind:
        """Which face draws `char`, or why none does (worked out once per character)."""
        found = self._kinds.get(char)
        if found is None:
            found = self._kinds[char] = self._kind(char)
        return found

    def _kind(self, char: str) -> RunKind:
        if char in _WHITESPACE:
            return "primary"
        code = ord(char)
        category = unicodedata.category(char)
        if char in _JOINERS and code in self.rtl:
            return "rtl"
        if category == "Cf":  # soft hyphens, zero-width spaces, bidi controls: nothing to draw
            return "invisible"
        if category in ("Cc", "Cs") or code > 0xFFFF:
            # Controls and lone surrogates have no glyph; ReportLab mis-encodes characters
            # beyond the BMP.
            return "missing"
        bidi = unicodedata.bidirectional(char)
        if bidi in _RTL:  # drawn shaped, or not at all: a script without a face comes out unjoined
            return "rtl" if code in self.rtl else "missing"
        if code in self.rtl and (_in_arabic_blocks(code) or bidi in ("AN", "NSM")):
            return "rtl"  # Arabic and Persian digits, punctuation and vowel marks
        if code in self.primary:
            return "primary"
        if code in self.fallback:
            return "fallback"
        return "missing"

    def runs(self, text: str) -> list[tuple[RunKind, str]]:
        """`text` cut into maximal runs of one kind; an all-primary text is one run."""
        if text.isascii() and text.isprintable():
            return [("primary", text)] if text else []
        odd = {c for c in set(text) if self.kind(c) != "primary"}
        if not odd:
            return [("primary", text)]
        out: list[tuple[RunKind, str]] = []
        kind_of = {c: self.kind(c) for c in odd}
        start = 0
        current: RunKind = kind_of.get(text[0], "primary")
        for i, char in enumerate(text):
            kind = kind_of.get(char, "primary")
            if kind != current or kind == "missing":
                if i > start:
                    out.append((current, text[start:i]))
                start, current = i, kind
        out.append((current, text[start:]))
        return out

    def undrawable(self, text: str) -> list[str]:
        """The distinct characters of `text` no embedded font draws, in order of first use."""
        if text.isascii() and text.isprintable():
            return []
        seen: dict[str, None] = {}
        for char in text:
            if char not in seen and self.kind(char) == "missing":
                seen[char] = None
        return list(seen)


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def _cmap(name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


@lru_cache(maxsize=1)
def _registered(directory: str) -> FontSet:
    folder = Path(directory)
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise FontError(f"bundled font missing: {path}")
        try:
            pdfmetrics.registerFont(SubsetFont(name, str(path)))
        except Exception as error:  # reportlab raises bare TTFError/struct errors
            raise FontError(f"cannot read bundled font {path}: {error}") from error
    pdfmetrics.registerFontFamily(
        SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
    )
    # Sans has no italic faces bundled (size); italic sans text uses the serif italic.
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
    )
    # The fallback has one face: bold/italic runs of symbols use it as is.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FALLBACK, bold, italic, FALLBACK)
    for name, filename in _ARABIC_FILES.items() if SHAPING else ():
        path = folder / filename
        if not path.is_file():
            raise FontError(f"bundled font missing: {path}")
        try:
            pdfmetrics.registerFont(ShapingFont(name, str(path)))
        except Exception as error:
            raise FontError(f"cannot read bundled font {path}: {error}") from error
    primary = _cmap(SERIF)
    for name in (SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC, SANS, SANS_BOLD):
        primary &= _cmap(name)
    rtl = _cmap(ARABIC_SERIF) if SHAPING else frozenset()
    for name in (ARABIC_SERIF_BOLD, ARABIC_SANS, ARABIC_SANS_BOLD) if SHAPING else ():
        rtl &= _cmap(name)
    return FontSet(primary=primary, fallback=_cmap(FALLBACK), rtl=rtl)


def load_fonts() -> FontSet:
    """Register the bundled fonts with ReportLab (once per process) and return their coverage."""
    with _lock:
        return _registered(str(fonts_dir()))


def describe(char: str) -> str:
    """`U+0627 ARABIC LETTER ALEF`: how a report names a character."""
    name = unicodedata.name(char, "") if unicodedata.category(char) != "Cs" else ""
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")
