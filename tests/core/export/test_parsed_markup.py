"""Markup parsed once per shape gives the fragments the line's own parse gives, and the same PDF."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.abag import ABag
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefreader.entities import find_mentions
from briefreader.export import parsed_markup
from briefreader.export.exporter import export_briefing
from briefreader.export.fonts import SANS, load_fonts
from briefreader.export.model import BriefingExcerpt, BriefingSection, Citation
from tests.core.export.sample import seed_briefing

_VOLATILE = re.compile(rb"/ID\s*\[<[0-9a-f]+><[0-9a-f]+>\]|/(?:Creation|Mod)Date \([^)]*\)")


def _export(path: Path) -> bytes:
    seeds = seed_briefing(60, sections=2)
    odd = tuple(
        BriefingExcerpt(
            "ISKP in Kabul.",
            citation=Citation(document_id=f"odd{i}", title="T", publisher=publisher, paragraph=i),
            comment=comment,
            claimant=claimant,
            integrity=integrity,  # type: ignore[arg-type]
            integrity_note="text changed",
        )
        for i, (publisher, comment, claimant, integrity) in enumerate(
            (
                ("Fish & Chips <Weekly>", "A & B <i>not</i> markup\n\nSecond  block.", "", "ok"),
                ("\u00a0Spaced\u00a0 Out  ", "  leading and trailing  ", "ISKP & Amaq", "stale"),
                ("Рейтер", "Комментарий — “quoted”", "Талибан", "orphaned"),
                ("", "", "", "ok"),
            )
        )
    )
    briefing = replace(seeds, sections=(*seeds.sections, BriefingSection("Odd", odd)))
    export_briefing(briefing, path, find_mentions=find_mentions)
    return _VOLATILE.sub(b"", path.read_bytes())


def test_the_pdf_is_the_same_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = []
    original = parsed_markup.ParsedMarkup.text_and_frags

    def counting(self: Any, markup: str, style: Any) -> Any:
        found = original(self, markup, style)
        answers.append(found is not None)
        return found

    monkeypatch.setattr(parsed_markup.ParsedMarkup, "text_and_frags", counting)
    quick = _export(tmp_path / "quick.pdf")
    assert sum(answers) > 60
    monkeypatch.setattr(parsed_markup.ParsedMarkup, "text_and_frags", lambda *args: None)
    own = _export(tmp_path / "parser.pdf")
    assert quick == own


# -- random markup of a few shapes, with other words each time -----------------------------------

_TEXT = "ISKP Kabul the of Reuters — “quoted” ¶ 3 B2 [4] Amaq x"
_WORDS = (*_TEXT.split(), "\u00a0", "  ")


def _words(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 6)))


def _shape(rng: random.Random) -> list[str]:
    """A markup shape as pieces; "W" pieces are filled with random words."""
    pieces = []
    for _ in range(rng.randint(1, 7)):
        kind = rng.random()
        if kind < 0.3:
            pieces += ["W"]
        elif kind < 0.45:
            pieces += ["<b>", "W", "</b>"]
        elif kind < 0.55:
            pieces += ['<font color="rgb(91,98,112)" size="8">', "W", "</font>"]
        elif kind < 0.7:
            pieces += ['<a href="#H" color="rgb(29,58,95)">', "W", "</a>"]
        elif kind < 0.75:
            pieces += ['<a name="src7"/>']
        elif kind < 0.82:
            pieces += [" &amp; ", "W"]
        elif kind < 0.86:
            pieces += ["&nbsp;&nbsp;"]
        elif kind < 0.9:
            pieces += ["<br/>"]
        elif kind < 0.93:
            pieces += ["<greek>", "abc", "</greek>"]
        else:
            pieces += ["<i>", "W", " </i> "]
    return pieces


def _fill(shape: list[str], rng: random.Random) -> str:
    out = []
    for piece in shape:
        if piece == "W":
            out.append(rng.choice(("", " ", "\n")) + _words(rng) + rng.choice(("", " ", "  ")))
        else:
            out.append(piece.replace("#H", f"#ex{rng.randint(1, 999)}"))
    return "".join(out)


def _frag(frag: Any) -> dict[str, Any]:
    return {k: vars(v) if isinstance(v, ABag) else v for k, v in vars(frag).items()}


def test_random_lines_parse_as_the_parser_parses_them() -> None:
    load_fonts()
    rng = random.Random(15)
    style = ParagraphStyle("line", fontName=SANS, fontSize=8.5, leading=11)
    upper = ParagraphStyle("upper", parent=style, textTransform="uppercase")
    parsed = parsed_markup.ParsedMarkup()
    quick = 0
    for _ in range(150):
        shape, chosen = _shape(rng), rng.choice((style, style, upper))
        for _ in range(4):
            markup = _fill(shape, rng)
            theirs = Paragraph(markup, chosen)
            ours = parsed.text_and_frags(markup, chosen)
            if ours is None:
                continue
            quick += 1
            text, frags = ours
            assert text == theirs.text, markup
            assert [_frag(f) for f in frags] == [_frag(f) for f in theirs.frags], markup
    assert quick > 300
