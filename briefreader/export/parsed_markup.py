"""Paragraph markup parsed once per shape: an excerpt's citation, claim and comment lines.

Every excerpt adds a citation line ("— The Diplomat, 8 Nov 2021, ¶ 3 · <b>B2</b>
[4]"), and many a claim or a comment line, each parsed by ReportLab's
markup parser (html.parser underneath), which was the better part of
building a briefing's story. Those lines differ in their words and their
link targets, not in their tags. `ParsedMarkup` replaces each run of text
and each internal link target (`href="#src4"`) by a placeholder, parses
that shape once, and gives every line of the same shape a copy of its
fragments with the line's own words and targets put back.

The parser treats a run of text as opaque data, one fragment per run, and
keeps a link's target as written, so the fragments are those the line's
own markup gives (tests/core/export/test_parsed_markup.py compares them
field by field). A run holding an entity (`&amp;`, `&nbsp;`) or a `<`
stays in the shape as it is; a shape the placeholders do not come through
exactly (Greek text, bullets, a parse error) is parsed line by line as
before, and so is markup containing a placeholder character.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from briefreader.export.line_breaks import quick_clone

_TAG = re.compile(r"(<[^>]*>)")
_HREF = re.compile(r'(\shref=")(#[^"&<>\s]+)(")')
_MARK = "\ue000"  # a placeholder is this and one more private-use character
_MAX_SHAPES = 2048


def _placeholder(index: int) -> str:
    return _MARK + chr(0xE100 + index)


class ParsedMarkup:
    """Fragments of paragraph markup, parsed once per shape and style (one per export)."""

    def __init__(self) -> None:
        self._shapes: dict[tuple[str, ParagraphStyle], list[Any] | None] = {}

    def text_and_frags(self, markup: str, style: ParagraphStyle) -> tuple[str, list[Any]] | None:
        """(cleaned text, fragments) as `Paragraph(markup, style)` would hold them, or None."""
        text = cleanBlockQuotedText(markup)
        if _MARK in text:
            return None
        values: list[str] = []
        shape: list[str] = []
        for index, part in enumerate(_TAG.split(text)):
            if index % 2:  # a tag
                found = _HREF.search(part)
                if found is not None and len(values) < 200:
                    head, target, tail = found.groups()
                    part = (
                        part[: found.start()]
                        + head
                        + _placeholder(len(values))
                        + tail
                        + part[found.end() :]
                    )
                    values.append(target)
                shape.append(part)
                continue
            core = part.strip(" ")
            if not core or "&" in core or "<" in core or len(values) >= 200:
                shape.append(part)
                continue
            lead = " " if part.startswith(" ") else ""
            trail = " " if part.endswith(" ") else ""
            shape.append(lead + _placeholder(len(values)) + trail)
            values.append(core)
        key = ("".join(shape), style)
        if key in self._shapes:
            template = self._shapes[key]
        else:
            template = _parse_shape(key[0], style, len(values))
            if len(self._shapes) < _MAX_SHAPES:
                self._shapes[key] = template
        if template is None:
            return None
        frags = [_filled(frag, values) for frag in template]
        textTransformFrags(frags, style)
        return text, frags


def _filled(template: Any, values: list[str]) -> Any:
    frag = quick_clone(template)
    text = frag.text
    if _MARK in text:
        at = text.index(_MARK)
        frag.text = text[:at] + values[ord(text[at + 1]) - 0xE100] + text[at + 2 :]
    links = template.__dict__.get("link")
    if links and any(_MARK in target for _, target in links):
        frag.link = [
            (n, values[ord(target[1]) - 0xE100] if target.startswith(_MARK) else target)
            for n, target in links
        ]
    return frag


def _parse_shape(shape: str, style: ParagraphStyle, count: int) -> list[Any] | None:
    """The shape's fragments, if each placeholder comes through once and untouched."""
    parser = ParaParser()
    try:
        _style, frags, bullets = parser.parse(shape, style)
    except Exception:  # let the line's own parse report it
        return None
    if frags is None or bullets:
        return None
    seen: list[str] = []
    for frag in frags:
        attrs = frag.__dict__
        if attrs.get("greek"):
            return None
        text = attrs.get("text")
        if not isinstance(text, str):
            return None
        if text.count(_MARK) > 1:
            return None
        if _MARK in text:
            seen.append(text[text.index(_MARK) : text.index(_MARK) + 2])
        for _, target in attrs.get("link") or ():
            if _MARK in target:
                if len(target) != 2 or not target.startswith(_MARK):
                    return None
                if target not in seen:
                    seen.append(target)
    if sorted(seen) != [_placeholder(i) for i in range(count)]:
        return None
    return list(frags)
