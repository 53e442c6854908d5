"""The quick line breaker gives exactly ReportLab's lines, and the same PDF."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import PIL.Image
import pytest
from reportlab.lib.abag import ABag
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from briefreader.entities import find_mentions
from briefreader.export import bidi_paragraph, line_breaks
from briefreader.export.exporter import export_briefing
from briefreader.export.fonts import SANS, SANS_BOLD, SERIF, SERIF_BOLD, load_fonts
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection
from tests.core.export.sample import seed_briefing

_VOLATILE = re.compile(rb"/ID\s*\[<[0-9a-f]+><[0-9a-f]+>\]|/(?:Creation|Mod)Date \([^)]*\)")

ODD_QUOTES = (
    "ISKP's   attack on the Taliban's  Kabul office;(ISKP)and Pakistan.",
    " ".join(["Afghanistan"] * 3 + ["Pakistan-Afghanistan-Iran-Iraq-Syria-Turkey"] * 4),
    "A" * 400 + " in Afghanistan",  # a word wider than the line: ReportLab's path
    "Taliban\u00a0and\u00a0ISKP in\u00a0Kabul and Tehran, Iran.",
    "Soft\u00adhyphenated ISKP in Syria",
    "  \n  ",
)


def _briefing() -> Briefing:
    seeds = seed_briefing(120, sections=3).map_excerpts(lambda e: replace(e, mentions=None))
    odd = tuple(
        BriefingExcerpt(q, comment=f"Comment {i} on <b>{q[:30]}</b> & more")
        for i, q in enumerate(ODD_QUOTES)
    )
    return replace(seeds, sections=(*seeds.sections, BriefingSection("Odd", odd)))


def _export(path: Path) -> bytes:
    export_briefing(_briefing(), path, find_mentions=find_mentions)
    return _VOLATILE.sub(b"", path.read_bytes())


def test_the_pdf_is_the_same_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    used = []
    original = line_breaks.break_frag_lines

    def counting(paragraph: Any, width: Any) -> Any:
        lines = original(paragraph, width)
        used.append(lines is not None)
        return lines

    monkeypatch.setattr(bidi_paragraph, "break_frag_lines", counting)
    quick = _export(tmp_path / "quick.pdf")
    assert sum(used) > 200 and not all(used)  # both paths were taken
    monkeypatch.setattr(bidi_paragraph, "break_frag_lines", lambda *args: None)
    own = _export(tmp_path / "reportlab.pdf")
    assert quick == own


# -- random paragraphs, field by field ------------------------------------------------------------

_TEXT = (
    "the Taliban ISKP Kabul attack, claimed (Amaq) it's 2021 — “quoted” a an of Khorasan "
    "province's fighters; Pakistan/Afghanistan border U.S. e.g. x"
)
_WORDS = _TEXT.split()


def _random_markup(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 60)):
        word = rng.choice(_WORDS)
        tag = rng.random()
        if tag < 0.12:
            word = f"<b>{word}</b>"
        elif tag < 0.2:
            word = f'<span backColor="rgb(250,230,200)" color="rgb(120,30,0)">{word}</span>'
        elif tag < 0.26:
            word = f'<u color="rgb(0,0,200)" width="0.7">{word}</u>'
        elif tag < 0.3:
            word = f'<font size="{rng.choice((7, 9, 12))}">{word}</font>'
        elif tag < 0.33:
            word = f'<font face="{SANS_BOLD}">{word}</font>'
        elif tag < 0.36:
            word = f"<i>{word}</i>"
        elif tag < 0.38:
            word = f'<a name="here{rng.randint(1, 9)}"/>{word}'
        elif tag < 0.385:
            word += "<br/>"  # ReportLab's path
        glue = rng.choice((" ", " ", " ", "  ", "", "\u00a0", "\n"))
        parts.append(word + glue)
    return rng.choice(("", " ", "<b> </b>")) + "".join(parts)


def _style(rng: random.Random) -> ParagraphStyle:
    return ParagraphStyle(
        "random",
        fontName=rng.choice((SERIF, SANS)),
        fontSize=rng.choice((8.5, 9, 10, 11.3)),
        leading=13,
        leftIndent=rng.choice((0, 24)),
        rightIndent=rng.choice((0, 4)),
        firstLineIndent=rng.choice((0, 0, -20, 12)),
        spaceShrinkage=rng.choice((0.05, 0.05, 0, 0.2)),
        splitLongWords=rng.choice((1, 0)),
        bulletFontName=SERIF_BOLD,
    )


def _frag(frag: Any) -> dict[str, Any]:
    """A fragment's fields; an anchor's definition (no __eq__ of its own) as its fields."""
    return {k: vars(v) if isinstance(v, ABag) else v for k, v in vars(frag).items()}


def _line(line: Any) -> dict[str, Any]:
    out = dict(vars(line))
    out["words"] = [_frag(w) for w in line.words]
    return out


def _frag_word(word: Any) -> tuple[Any, ...]:
    return (type(word), word[0], *((_frag(f), text) for f, text in word[1:]))


def _broken(paragraph: Paragraph, widths: list[float]) -> tuple[Any, ...]:
    lines = paragraph.blPara.lines
    return (
        [_line(line) for line in lines] if paragraph.blPara.kind == 1 else lines,
        paragraph.blPara.kind,
        [_frag_word(w) for w in paragraph.frags] if paragraph.blPara.kind == 1 else None,
        paragraph._width_max,
        paragraph.height,
        widths,
    )


def test_random_paragraphs_break_exactly_as_reportlab_breaks_them() -> None:
    """Fresh paragraphs, then the same broken again at another width (their
    fragments are words by then, as when a frame measures a paragraph twice)."""
    load_fonts()
    rng = random.Random(15)
    quick = again = 0
    for _ in range(700):
        markup, style = _random_markup(rng), _style(rng)
        bullet = rng.choice((None, None, "•", "10."))
        theirs = Paragraph(markup, style, bulletText=bullet)
        ours = Paragraph(markup, style, bulletText=bullet)
        for round_ in range(2):
            width = rng.choice((40.0, 90.0, 180.5, 300.0, 451.3))
            their_widths = [width - 12, width]
            our_widths = list(their_widths)
            theirs.blPara = theirs.breakLines(their_widths)
            lines = line_breaks.break_frag_lines(ours, our_widths)
            if lines is None:
                ours.blPara = ours.breakLines(our_widths)
            else:
                quick += round_ == 0
                again += round_ == 1
                ours.blPara = lines
            assert _broken(ours, our_widths) == _broken(theirs, their_widths), markup
    assert quick > 250 and again > 250


def test_paragraphs_it_cannot_break_are_left_to_reportlab(tmp_path: Path) -> None:
    load_fonts()
    image = tmp_path / "dot.png"
    PIL.Image.new("RGB", (2, 2)).save(image)
    style = ParagraphStyle("s", fontName=SERIF, fontSize=10, leading=13, splitLongWords=1)
    assert line_breaks.break_frag_lines(Paragraph("plain words only", style), [200, 200]) is None
    for markup in (
        "a <b>b</b> c<br/>d",
        f'a <b>b</b> <img src="{image}" width="10" height="10"/>c',
        "a <b>b</b> soft\u00adhyphen",
        "a <b>b</b> " + "x" * 200,
    ):
        assert line_breaks.break_frag_lines(Paragraph(markup, style), [100, 100]) is None, markup
    shaped = ParagraphStyle("t", parent=style, shaping=1)
    assert line_breaks.break_frag_lines(Paragraph("a <b>b</b>", shaped), [100, 100]) is None


def test_a_reportlab_without_the_helpers_breaks_every_line_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_fonts()
    style = ParagraphStyle("s", fontName=SERIF, fontSize=10, leading=13)
    mixed = "a <b>b</b> c"
    assert line_breaks.break_frag_lines(Paragraph(mixed, style), [100, 100]) is not None
    monkeypatch.setattr(line_breaks, "AVAILABLE", False)
    assert line_breaks.break_frag_lines(Paragraph(mixed, style), [100, 100]) is None
