"""What an export reports back, whatever the format; the errors it raises."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Format = Literal["pdf", "docx", "md"]
FORMATS: tuple[Format, ...] = ("pdf", "docx", "md")
#: The file name ending of each format.
SUFFIX: dict[Format, str] = {"pdf": ".pdf", "docx": ".docx", "md": ".md"}


class ExportError(Exception):
    """The export failed for a reason the user can act on; str() is one line."""


class ExportCancelled(Exception):
    """Raise from a progress callback to stop an export."""


@dataclass(frozen=True, slots=True)
class UndrawableChar:
    """A character no embedded font could draw, shown as `[U+XXXX]` in the PDF."""

    char: str
    description: str  # "U+0627 ARABIC LETTER ALEF"
    count: int
    places: tuple[str, ...]  # e.g. ("excerpt 3", "source 2")


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    pages: int  # 0 for formats the reader's program paginates (DOCX, Markdown)
    excerpts: int
    size: int  # bytes
    undrawable: tuple[UndrawableChar, ...]
    stale: int
    orphaned: int
    invisible: int = 0  # formatting characters (soft hyphens, zero-width spaces) left out
    format: Format = "pdf"
