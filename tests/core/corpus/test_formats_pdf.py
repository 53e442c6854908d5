"""PDF import on ReportLab-made reports: reading order, furniture, hyphens, notes, pages."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import pytest

from briefreader.corpus.errors import Rejected
from briefreader.corpus.library import Library
from briefreader.corpus.parse import parse_bytes
from tests.fixtures.pdfs import HEADER, Truth, report, scanned_pdf, write_pdf


def _pdf(tmp_path: Path, name: str, **options: object) -> tuple[bytes, Truth]:
    path = tmp_path / name
    truth = write_pdf(path, report(random.Random(7), sections=5, paras=6), **options)  # type: ignore[arg-type]
    return path.read_bytes(), truth


def _unmarked(text: str) -> str:
    return re.sub(r"\[\d{1,3}\]", "", text)


@pytest.mark.parametrize("order", ["columns", "rows"])
def test_a_two_column_report_reads_in_column_order(tmp_path: Path, order: str) -> None:
    data, truth = _pdf(
        tmp_path, "report.pdf", order=order, author="Jane Doe", created="D:20211108120000+05'00'"
    )
    (doc,) = parse_bytes(data, fmt="pdf", name="report.pdf").documents
    assert doc.title == truth.title
    body = [_unmarked(p) for p in doc.paragraphs]
    # Every paragraph whole, in the order written, on the page it starts on.
    assert body == truth.paragraphs[1:]
    assert list(doc.pages) == truth.pages[1:]
    assert truth.page_count >= 3 and max(doc.pages) == truth.page_count
    # Running header and page numbers are gone; broken words are whole again.
    assert HEADER not in doc.body and "—" not in doc.body
    assert "\x02" not in doc.body
    for word in truth.hyphenated:
        assert word in doc.body
    # Footnotes stay footnotes, their markers set apart from the word.
    assert list(doc.footnotes) == truth.notes
    assert re.search(r"[a-z]\.\[1\]", doc.body)
    assert doc.author == "Jane Doe"
    assert doc.date == "2021-11-08"  # from the PDF's creation date: the text states none


def test_a_scanned_pdf_needs_ocr_and_is_never_an_empty_document(tmp_path: Path) -> None:
    scanned_pdf(tmp_path / "scan.pdf", pages=3)
    with pytest.raises(Rejected, match=r"no text layer.*3 page.*needs OCR"):
        parse_bytes((tmp_path / "scan.pdf").read_bytes(), fmt="pdf")


def test_scanned_pages_inside_a_text_pdf_are_named(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    data, truth = _pdf(tmp_path, "text.pdf")
    scanned_pdf(tmp_path / "scan.pdf", pages=2)
    merged = pdfium.PdfDocument.new()
    merged.import_pages(pdfium.PdfDocument(data))
    merged.import_pages(pdfium.PdfDocument(tmp_path / "scan.pdf"))
    buffer = io.BytesIO()
    merged.save(buffer)
    parsed = parse_bytes(buffer.getvalue(), fmt="pdf")
    first, last = truth.page_count + 1, truth.page_count + 2
    assert parsed.warnings == (f"no text layer on page(s) {first}-{last} (scanned): they need OCR",)
    assert len(parsed.documents) == 1


def test_an_owner_password_alone_does_not_stop_reading(tmp_path: Path) -> None:
    data, truth = _pdf(tmp_path, "locked.pdf", encrypt=("", "owner-secret"))
    (doc,) = parse_bytes(data, fmt="pdf").documents
    assert [_unmarked(p) for p in doc.paragraphs] == truth.paragraphs[1:]


def test_a_folder_of_bad_pdfs_gives_one_line_each_and_imports_the_good_one(
    tmp_path: Path, library: Library
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    good, _truth = _pdf(folder, "good.pdf")
    _pdf(folder, "encrypted.pdf", encrypt=("user-secret", "owner-secret"))
    scanned_pdf(folder / "scanned.pdf")
    (folder / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (folder / "garbage.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    (folder / "renamed.txt").write_bytes(good)  # a PDF whatever its name says
    report = library.import_paths([folder])
    reasons = {Path(path).name: why for path, why in report.skipped}
    assert reasons["encrypted.pdf"] == "encrypted PDF: it needs a password to open"
    assert reasons["scanned.pdf"].startswith("no text layer")
    assert "needs OCR" in reasons["scanned.pdf"]
    assert reasons["garbage.pdf"].startswith("damaged PDF")
    assert all("\n" not in why for why in reasons.values())
    titles = [d.title for d in library.documents()]
    assert titles.count("Central Asia: Annual Threat Assessment") >= 1
    docs = library.documents()
    assert {d.file_name for d in docs} >= {"good.pdf"}
    assert all(d.sha256 and d.imported_at for d in docs)
    # A truncated file is either refused as damaged or read as far as it goes.
    if "truncated.pdf" in reasons:
        assert reasons["truncated.pdf"].startswith(("damaged PDF", "no readable text"))


def test_a_names_hyphen_at_a_line_end_stays_and_a_broken_word_is_joined(tmp_path: Path) -> None:
    """PDFium reports a hyphen at a line end as a break (U+0002) even when it is a name's:
    "al-" + "Qaida" became "alQaida", "IS-" + "K" became "ISK"."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lines = [
        "Member States reported that relations between the Taliban and al-",
        "Qaida remain close, and that the anti-",
        "government militias resist the reorgani-",
        "sation of the group that IS-",
        "K fighters joined after the COVID-",
        "19 lockdowns, while Tehrik-e-",
        "Taliban Pakistan attacks from the border provinces rose sharply.",
    ]
    path = tmp_path / "lines.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 11)
    for n, line in enumerate(lines):
        page.drawString(72, 760 - 15 * n, line)
    page.save()
    (doc,) = parse_bytes(path.read_bytes(), fmt="pdf", name="lines.pdf").documents
    body = " ".join(doc.body.split())
    for kept in ("al-Qaida", "anti-government", "IS-K fighters", "COVID-19", "Tehrik-e-Taliban"):
        assert kept in body, (kept, body)
    assert "reorganisation" in body and "\x02" not in body
