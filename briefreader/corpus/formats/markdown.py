"""Markdown to the blocks the splitter reads.

We do not render Markdown; we only remove its markup so that a heading reads
as a title line, emphasis markers and link targets disappear and images
(which carry no readable text besides their alt text) become captions.
Footnotes are kept: a definition (`[^1]: Text`, with indented continuation
lines) becomes a numbered footnote block, and a reference (`word[^1]`) a
marker set apart from its word ("word[1]"). Named notes (`[^isw]`) are
numbered in the order they are defined.
"""

from __future__ import annotations

import re

from briefreader.corpus.decode import decode_bytes
from briefreader.corpus.formats.form import Block, Piece, Progress, Read
from briefreader.corpus.formats.text import text_blocks

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_SETEXT = re.compile(r"^(.+)\n[=-]{3,}\s*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]*)`")
_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+", re.MULTILINE)
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: A footnote definition and its continuation lines (indented, or wrapped without a blank).
_NOTE_DEF = re.compile(
    r"^\s{0,3}\[\^(?P<label>[^\]\s]+)\]:[ \t]*(?P<text>.*(?:\n(?:[ \t]+\S.*|(?![ \t]*\n)"
    r"(?!\s{0,3}\[\^)(?!\s{0,3}#)[^\n]*\S.*))*)",
    re.MULTILINE,
)
_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")


def read(data: bytes, *, name: str = "", progress: Progress | None = None) -> Read:
    decoded = decode_bytes(data)
    text, notes = split_footnotes(decoded.text)
    blocks = [*text_blocks(markdown_to_text(text)), *notes]
    return Read(
        (Piece(tuple(blocks), split=True),),
        decoded.encoding,
        ("markdown-to-text",),
        decoded.warnings,
    )


def split_footnotes(text: str) -> tuple[str, list[Block]]:
    """The text with its footnote definitions taken out (as blocks) and references marked."""
    numbers: dict[str, int] = {}
    notes: list[Block] = []

    def take(match: re.Match[str]) -> str:
        label = match.group("label")
        number = numbers.setdefault(label, len(numbers) + 1)
        body = " ".join(markdown_to_text(match.group("text")).split())
        if body:
            notes.append(Block("footnote", f"{number} {body}", number=number))
        return ""

    text = _NOTE_DEF.sub(take, text)
    if not numbers:
        return text, []

    def mark(match: re.Match[str]) -> str:
        number = numbers.get(match.group(1))
        return f"[{number}]" if number else match.group(0)

    return _NOTE_REF.sub(mark, text), notes


def markdown_to_text(text: str) -> str:
    text = _HTML_COMMENT.sub("", text)
    text = _REF_DEF.sub("", text)
    text = _RULE.sub("", text)
    text = _SETEXT.sub(lambda m: m.group(1), text)
    text = _HEADING.sub(lambda m: m.group(1), text)
    text = _IMAGE.sub(lambda m: f"\n\nImage: {m.group(1)}\n\n" if m.group(1) else "", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF_LINK.sub(lambda m: m.group(1), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text)
    text = _QUOTE.sub("", text)
    return _BULLET.sub("• ", text)
