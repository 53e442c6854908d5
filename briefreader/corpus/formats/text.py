"""Plain text: decode, then cut into blocks at blank lines for the splitter.

Line endings are made plain first (CR LF, CR, U+2028/2029, NEL), so that a
blank line is found whatever system wrote the file; everything else about
the text is left to the shared repair step.
"""

from __future__ import annotations

import re

from briefreader.corpus.decode import decode_bytes
from briefreader.corpus.formats.form import Block, Piece, Progress, Read

_LINE_SEPARATORS = re.compile("\r\n?|[\u2028\u2029\x85]")
BLANK_LINE = re.compile(r"\n\s*\n")


def read(data: bytes, *, name: str = "", progress: Progress | None = None) -> Read:
    decoded = decode_bytes(data)
    return Read(
        (Piece(tuple(text_blocks(decoded.text)), split=True),),
        decoded.encoding,
        (),
        decoded.warnings,
    )


def text_blocks(text: str) -> list[Block]:
    """Paragraph blocks, one per run of lines between blank lines (lines kept)."""
    text = _LINE_SEPARATORS.sub("\n", text)
    return [Block("paragraph", chunk) for chunk in BLANK_LINE.split(text) if chunk.strip()]
