"""Arabic, Persian, Pashto, Urdu and Russian in the PDF: drawn, shaped, in order, copyable.

Checked as a reviewer would: `pdftotext` gives each quote back in logical
order (so search and copy work), `pdftotext -bbox` shows where the words
stand (a right-to-left paragraph reads from the right margin, its first
word rightmost), `pdffonts` shows the Arabic-script faces embedded, and
`qpdf --check` finds nothing wrong. The texts are written here, in several
reporting styles; none comes from the seeds.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from briefreader.entities import find_mentions
from briefreader.export.bidi import has_rtl
from briefreader.export.exporter import ExportResult, export_briefing
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection, Citation
from tests.core.export.pdftools import fonts_of, needs_tools, qpdf_check, run

pytestmark = needs_tools

ARABIC = (
    "أعلنت ولاية خراسان مسؤوليتها عن الهجوم في كابل يوم الجمعة، وقال بيان نشرته وكالة "
    "أعماق إن مقاتلي داعش خراسان استهدفوا عناصر من حركة طالبان قرب المطار في عام 2024."
)
PERSIAN = (
    "دولت اسلامی خراسان مسئولیت حمله را بر عهده گرفت؛ سخنگوی طالبان گفت که نیروهای "
    "امنیتی می\u200cخواهند منطقه را پاکسازی کنند."
)
PASHTO = "د تحریک طالبان پاکستان ویاند وویل چې ډله به خپل ګډ عملیات دوام ورکړي او ښځې به خوندي وي."
URDU = "تحریک طالبان پاکستان نے پشاور میں حملے کی ذمہ داری قبول کر لی ہے۔"
RUSSIAN = "ИГИЛ взяла на себя ответственность за нападение в Кабуле; «Талибан» осудил его."
MIXED = "The statement named ولاية خراسان (ISKP) as the attacker and blamed Pakistan."
QUOTES = (ARABIC, PERSIAN, PASHTO, URDU, RUSSIAN, MIXED)
TITLE = "إحاطة: ولاية خراسان"
_MARKS = re.compile("[\u202a-\u202e\u200e\u200f]")
_PUNCTUATION = re.compile(r"[\W_]+")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    citation = Citation("d1", "تقرير عن ولاية خراسان", "الجزيرة", "", "2024-03-01", 2)
    excerpts = tuple(
        BriefingExcerpt(q, citation, comment="ملاحظة المحلل: مهم.", key=str(i))
        for i, q in enumerate(QUOTES)
    )
    briefing = Briefing(TITLE, (BriefingSection("القسم الأول", excerpts),))
    out = tmp_path_factory.mktemp("rtl") / "rtl.pdf"
    return export_briefing(briefing, out, find_mentions=find_mentions)


def letters(text: str) -> str:
    """Letters and digits only, in order: pdftotext sets a full stop after a number at the
    end of a right-to-left sentence before the number; the order of the words is what
    matters."""
    return _PUNCTUATION.sub("", text)


def logical_text(pdf: Path) -> str:
    """pdftotext's reading (not -raw: that is content-stream order), as `letters`."""
    return letters(run("pdftotext", "-enc", "UTF-8", str(pdf), "-"))


def readable(word: str) -> str:
    """A word as -bbox prints it (glyphs left to right), put back in reading order."""
    word = _MARKS.sub("", word)
    return word[::-1] if has_rtl(word) else word


def words(pdf: Path, page: int = 1) -> list[tuple[float, float, float, str]]:
    """(x_min, x_max, y_min, word) for each word pdftotext finds on `page`."""
    xml = run(
        "pdftotext", "-bbox", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(pdf), "-"
    )
    root = ElementTree.fromstring(
        re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
    )
    return [
        (
            float(w.get("xMin", 0)),
            float(w.get("xMax", 0)),
            float(w.get("yMin", 0)),
            readable(w.text or ""),
        )
        for w in root.iter("word")
    ]


def test_every_script_is_drawn_and_nothing_is_reported(exported: ExportResult) -> None:
    assert exported.undrawable == ()
    assert "[U+" not in run("pdftotext", "-enc", "UTF-8", str(exported.path), "-")


def test_each_quote_reads_back_in_logical_order(exported: ExportResult) -> None:
    text = logical_text(exported.path)
    # Not MIXED: on a page mostly in Arabic, pdftotext reads every line right to left and
    # puts an English line's Arabic name first (where its words stand is checked below).
    for quote in (ARABIC, PERSIAN, PASHTO, URDU, RUSSIAN, TITLE, "تقرير عن ولاية خراسان"):
        assert letters(quote) in text, quote[:30]


def test_the_arabic_script_faces_are_embedded(exported: ExportResult) -> None:
    fonts = fonts_of(exported.path)
    names = {f["name"].split("+", 1)[-1] for f in fonts}
    assert {"NotoNaskhArabic-Regular", "NotoSansArabic-Regular"} <= names, names
    assert all(f["emb"] == "yes" and f["type"].startswith("TrueType") for f in fonts)
    assert "No syntax or stream encoding errors found" in qpdf_check(exported.path)


def test_a_right_to_left_quote_runs_from_the_right_margin(exported: ExportResult) -> None:
    found = words(exported.path)
    first = next(w for w in found if w[3] == "أعلنت")  # the quote's first word
    line = [w for w in found if abs(w[2] - first[2]) < 2]
    assert first[1] == max(w[1] for w in line)  # rightmost on its line
    in_quote = [w for w in line if w[3] in ARABIC.split()]
    assert first[1] > 450  # against the right margin of an A4 page (595 pt)
    assert [w[3] for w in sorted(in_quote, key=lambda w: -w[0])][:4] == ARABIC.split()[:4]


def test_an_arabic_name_in_english_keeps_its_place(exported: ExportResult) -> None:
    found = words(exported.path)
    named = next(w for w in found if w[3] == "named")
    line = sorted((w for w in found if abs(w[2] - named[2]) < 2), key=lambda w: w[0])
    order = [w[3] for w in line]
    start = order.index("named")
    # Left to right: "named", the name read from the right (خراسان left of ولاية), "(ISKP)".
    assert order[start : start + 4] == ["named", "خراسان", "ولاية", "(ISKP)"]


def test_a_long_right_to_left_quote_splits_across_pages(tmp_path: Path) -> None:
    quote = " ".join([ARABIC] * 40)
    briefing = Briefing("Long", (BriefingSection("S", (BriefingExcerpt(quote),)),))
    out = tmp_path / "long.pdf"
    result = export_briefing(briefing, out, find_mentions=lambda text: [])
    assert result.pages >= 3
    text = logical_text(out)
    assert text.count(letters(ARABIC)) >= 38  # a page break may cut a copy or two
    assert text.count("ولايةخراسان") == 40


def test_a_latin_only_briefing_is_laid_out_as_before(tmp_path: Path) -> None:
    """No right-to-left letter: ReportLab's own paragraphs, byte for byte."""
    from reportlab.platypus import Paragraph

    from briefreader.export.bidi_paragraph import BidiParagraph
    from briefreader.export.fonts import load_fonts
    from briefreader.export.styles import styles

    load_fonts()
    style = styles().body
    markup = "ISKP attacked <b>Kabul</b>; Pakistan — “curly” ИГИЛ."
    ours, theirs = BidiParagraph(markup, style), Paragraph(markup, style)
    assert ours.wrap(300, 500) == theirs.wrap(300, 500)
    assert repr(ours.blPara.lines) == repr(theirs.blPara.lines)


def test_word_marks_right_to_left_quotes_and_runs(tmp_path: Path) -> None:
    import zipfile

    briefing = Briefing(
        "W", (BriefingSection("S", (BriefingExcerpt(ARABIC), BriefingExcerpt(MIXED))),)
    )
    out = tmp_path / "rtl.docx"
    export_briefing(briefing, out, find_mentions=find_mentions)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", xml, re.S)
    arabic = next(p for p in paragraphs if "أعلنت" in p)
    mixed = next(p for p in paragraphs if "The statement named" in p)
    assert "<w:bidi/>" in arabic and "<w:bidi/>" not in mixed
    runs = re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", mixed, re.S)
    assert any("<w:rtl/>" in r and "ولاية خراسان" in r for r in runs)
    assert not any("<w:rtl/>" in r and "statement" in r for r in runs)


def test_a_citation_stays_an_english_line_around_an_arabic_publisher(
    exported: ExportResult,
) -> None:
    found = words(exported.path)
    month = next(w for w in found if w[3] == "Mar")  # "— الجزيرة, 1 Mar 2024, ¶ 2  [1]"
    # The Arabic face is taller: its words' boxes start a few points higher.
    line = sorted((w for w in found if abs(w[2] - month[2]) < 6), key=lambda w: w[0])
    order = [w[3].strip(",") for w in line]
    assert order[: order.index("Mar") + 1] == ["—", "الجزيرة", "1", "Mar"]


def test_arabic_signs_and_presentation_forms_come_back(tmp_path: Path) -> None:
    """Neutral signs and precomposed forms are drawn by the Arabic faces, not dropped."""
    quote = "QSTART \u0606\u0607 \ufefb \ufdf2 \u0660\u0661 QEND"
    out = tmp_path / "signs.pdf"
    briefing = Briefing("Signs", (BriefingSection("S", (BriefingExcerpt(quote),)),))
    result = export_briefing(briefing, out, find_mentions=lambda text: [])
    assert result.undrawable == ()
    raw = run("pdftotext", "-raw", "-enc", "UTF-8", str(out), "-")
    got = _MARKS.sub("", raw.split("QSTART", 1)[1].split("QEND", 1)[0])
    assert sorted("".join(got.split())) == sorted("".join(quote[7:-5].split()))
