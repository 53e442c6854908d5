"""Untrusted document text: markup injection, huge paragraphs, long words, odd characters."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefreader.domain import Mention
from briefreader.export.exporter import export_briefing
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection, Citation
from briefreader.export.styles import PAGE_SIZE
from tests.core.export.pdftools import body_text, needs_tools, normalise, squeeze, text_of

pytestmark = needs_tools

INJECTIONS = [
    '<font color="red" size="40">BIG</font>',
    '<img src="/etc/passwd" width="100" height="100"/>',
    '<a href="https://evil.example/x">click</a>',
    '<link href="file:///etc/shadow">link</link>',
    "&amp; &lt;b&gt; &#x41; &nbsp; &unknown; &",
    "<b>unclosed <i> tags <para> <br/> <seq/> <onDraw name=x/>",
    "]]><!-- comment --><![CDATA[ x ]]>",
    '<span backColor="#000000">hidden</span> </para>',
]


def one(quote: str, **fields: object) -> Briefing:
    citation = fields.pop("citation", Citation("d1", "Title"))
    excerpt = BriefingExcerpt(quote, citation, **fields)  # type: ignore[arg-type]
    return Briefing("Safety", (BriefingSection("S", (excerpt,)),))


def no_mentions(text: str) -> list[Mention]:
    return []


@pytest.mark.parametrize("payload", INJECTIONS)
def test_markup_in_document_text_prints_literally(tmp_path: Path, payload: str) -> None:
    citation = Citation("d1", f"Title {payload}", publisher=payload, author=payload)
    briefing = Briefing(
        title=f"Brief {payload}",
        sections=(
            BriefingSection(
                f"Section {payload}",
                (BriefingExcerpt(f"Before {payload} after.", citation, comment=payload),),
            ),
        ),
        author=payload,
        marking=payload,
        summary=payload,
    )
    out = tmp_path / "inject.pdf"
    export_briefing(briefing, out, find_mentions=no_mentions)
    text = normalise(text_of(out))
    assert normalise(f"Before {payload} after.") in text
    assert text.count(normalise(payload)) >= 6  # quote, comment, title, marking, summary, ...
    raw = out.read_bytes()
    assert b"/URI" not in raw, "a link was taken from document text"
    assert b"/Subtype /Image" not in raw, "an image was embedded from document text"
    assert b"root:" not in raw


def test_every_link_is_internal(tmp_path: Path) -> None:
    out = tmp_path / "links.pdf"
    export_briefing(one(" ".join(INJECTIONS)), out, find_mentions=no_mentions)
    raw = out.read_bytes()
    assert re.findall(rb"/S /URI|/URI \(", raw) == []
    assert b"/Launch" not in raw and b"/JavaScript" not in raw


def test_huge_paragraph_exports_in_linear_time(tmp_path: Path) -> None:
    """250 KB in one paragraph: cut into chunks, so it takes seconds, not minutes."""
    sentence = "ISKP fighters crossed the border near Torkham on Tuesday, officials said. "
    quote = sentence * (250_000 // len(sentence))
    out = tmp_path / "huge.pdf"
    mentions = [
        Mention(m.start(), m.end(), "group", "ISKP", "ISKP") for m in re.finditer("ISKP", quote)
    ]
    result = export_briefing(one(quote, mentions=tuple(mentions)), out)
    assert result.pages > 30
    assert normalise(quote) in normalise(body_text(out, "Safety"))


def _word_boxes(pdf: Path) -> list[tuple[float, float, str]]:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(a), float(b), w)
        for a, b, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)', html
        )
    ]


def test_long_words_wrap_inside_the_page(tmp_path: Path) -> None:
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 40
    url = "https://example.org/" + "a/b-c_d" * 200
    quote = f"Start {word} middle {url} end."
    out = tmp_path / "long.pdf"
    export_briefing(one(quote, comment=word), out, find_mentions=no_mentions)
    assert squeeze(quote) in squeeze(body_text(out, "Safety"))
    width = PAGE_SIZE[0]
    for _, x_max, text in _word_boxes(out):
        assert x_max <= width - 20, f"{text[:30]}… runs off the page at {x_max}"


def test_undrawable_characters_are_reported_and_shown(tmp_path: Path) -> None:
    quote = "Chinese 中国, Hebrew שלום, emoji 😀, a bell \x07 and a soft\u00adhyphen."
    out = tmp_path / "chars.pdf"
    result = export_briefing(one(quote), out, find_mentions=no_mentions)
    reported = {u.char for u in result.undrawable}
    # Hebrew: no bundled face (Arabic script has one: test_rtl_pdf.py).
    assert {"中", "国", "ש", "ל", "😀", "\x07"} <= reported
    assert "\u00ad" not in reported and result.invisible == 1
    assert all("excerpt 1" in u.places for u in result.undrawable)
    text = normalise(text_of(out))
    assert "Chinese [U+4E2D][U+56FD]" in text
    assert "emoji [U+1F600]" in text
    assert "softhyphen" in text
    assert "U+4E2D CJK UNIFIED IDEOGRAPH-4E2D × 1 (excerpt 1)" in text  # the note in the PDF
