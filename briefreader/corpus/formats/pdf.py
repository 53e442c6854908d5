"""PDF with a text layer: one document per file, every paragraph with its page.

The library was chosen by measuring, on the same ReportLab-made PDFs the
tests build (tests/fixtures/pdfs.py: two columns, running header and
footer, page numbers, hyphenation, footnotes; and a one-column 302-page
report), on this two-core machine while other work ran:

=================  =========  ====================  ====================  =========
library            licence    302-page report        2 columns drawn        2 columns
                              (pages/s, raw text)    row by row: paras      drawn by
                                                     read whole             column
=================  =========  ====================  ====================  =========
pypdfium2 5.15     Apache-2   56.6 (5.3 s)           21 % (raw order)       100 %
                   / BSD-3                           100 % (+ layout here)
pdfminer.six       MIT        2.4 (125 s)            100 %                  100 %
pdfplumber 0.11    MIT        1.2 (248 s)            21 %                   21 %
=================  =========  ====================  ====================  =========

pdfminer.six reads columns right by its own layout analysis but is 23 times
slower (a 300-page report would take two minutes, against a 10 s target);
pdfplumber, built on it, is slower still and reads lines straight across
the gutter. PDFium (the engine in Chrome) is fast but keeps the content
stream's order, so we take its text runs with their boxes and rebuild the
reading order ourselves (`pdf_layout.py`), which reads all three test sets
whole: on 60 generated reports (10 texts x 1, 2 or 3 columns x drawn by
column or row by row) 58 came out perfect (title, every paragraph whole and
in order, every footnote) and 1,436 of 1,440 paragraphs whole; the misses
are a paragraph that ends exactly at the foot of a page, which the layout
cannot tell from one that goes on. The import of a 299-page report is timed
by tests/benchmarks/test_bench_formats.py (BRIEFREADER_BENCH_SCALE=1).

A PDF without a text layer (a scan) is refused with a message saying it
needs OCR; scanned pages inside a PDF that has text are named in a warning.
An encrypted PDF that needs a password to open, or a damaged one, is refused
with one line saying so; one that is only protected against editing opens.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from briefreader.corpus.dates import pdf_date
from briefreader.corpus.errors import Rejected
from briefreader.corpus.formats import pdf_layout as layout
from briefreader.corpus.formats.form import Block, Meta, Piece, Progress, Read

#: PDFium is not thread-safe; the importer's worker is the only reader, but be sure.
_PDFIUM = threading.Lock()
#: Metadata values that producers fill in when the author wrote nothing.
_JUNK_META = frozenset(
    {"", "untitled", "anonymous", "unknown", "unspecified", "user", "admin", "administrator",
     "owner", "author", "microsoft office user", "windows user", "title", "document", "none"}
)  # fmt: skip


def read(data: bytes, *, name: str = "", progress: Progress | None = None) -> Read:
    import pypdfium2 as pdfium  # a C library: loaded only when a PDF comes

    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise Rejected(_open_error(str(error))) from None
        try:
            meta = _meta(pdf.get_metadata_dict())
            pages, blank = _read_pages(pdf, progress)
        finally:
            pdf.close()
    count = len(pages)
    if count and len(blank) == count:
        raise Rejected(
            f"no text layer: a scanned PDF of {count} page(s) needs OCR before it can be read"
        )
    warnings = []
    if blank:
        warnings.append(f"no text layer on page(s) {_ranges(blank)} (scanned): they need OCR")
    blocks = _blocks(pages)
    if not blocks:
        raise Rejected("no readable text in the PDF")
    return Read((Piece(tuple(blocks), meta, warnings=tuple(warnings)),), "pdf", ("pdf-text",))


def _open_error(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered:
        return "encrypted PDF: it needs a password to open"
    if "security" in lowered:
        return "PDF with an unsupported security handler"
    found = re.search(r"PDFium: ([^)]*)", message)
    why = found.group(1).strip().lower() if found else "unknown error"
    return f"damaged PDF: it cannot be read ({why})"


def _meta(info: dict[str, str]) -> Meta:
    title = info.get("Title", "").strip()
    author = info.get("Author", "").strip()
    if title.lower() in _JUNK_META or title.lower().endswith((".doc", ".docx", ".pdf", ".indd")):
        title = ""
    if title.lower().startswith("microsoft word - "):
        title = ""
    authors = () if author.lower() in _JUNK_META or "@" in author else (author,)
    return Meta(
        authors=authors,
        file_date=pdf_date(info.get("CreationDate", "")),
        fallback_title=title,
    )


def _read_pages(
    pdf: object, progress: Progress | None
) -> tuple[list[list[layout.Line]], list[int]]:
    """Every page's lines (top to bottom), and the pages that have no text at all."""
    pages: list[list[layout.Line]] = []
    blank: list[int] = []
    total = len(pdf)  # type: ignore[arg-type]
    for index in range(total):
        page = pdf[index]  # type: ignore[index]
        text_page = page.get_textpage()
        try:
            runs = _runs(text_page)
            if text_page.count_chars() == 0:
                blank.append(index + 1)
        finally:
            text_page.close()
            page.close()
        pages.append(layout.lines_of(runs, index + 1))
        if progress is not None and (index % 10 == 9 or index + 1 == total):
            progress(index + 1, total)
    return pages, blank


def _runs(text_page: Any) -> list[layout.Run]:
    """The page's text runs with their boxes and font sizes.

    PDFium gives the page's text with a line break at each of its own lines,
    and rectangles for any range of characters. Each line's rectangles are
    asked for separately; a line with one rectangle is one run, and only a
    line with several (two columns' lines at one height, a footnote marker)
    asks where each rectangle starts. Asking for the text inside every box
    instead, or where every box starts, scans the whole page each time.
    """
    import pypdfium2.raw as pdfium_c

    raw = text_page.raw
    text = text_page.get_text_range()
    if len(text) != text_page.count_chars():  # characters outside the BMP: no 1:1 indexes
        return _runs_by_position(text_page, text)
    runs: list[layout.Run] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        count = pdfium_c.FPDFText_CountRects(raw, start, end - start)
        rects = [text_page.get_rect(i) for i in range(count)]
        starts = [start]
        for x0, y0, _x1, y1 in rects[1:]:
            found = pdfium_c.FPDFText_GetCharIndexAtPos(raw, x0 + 0.3, (y0 + y1) / 2, 2.0, 2.0)
            starts.append(found if starts[-1] < found < end else -1)
        if -1 in starts:
            runs.extend(
                _run(text_page, rect, text_page.get_text_bounded(*rect), -1) for rect in rects
            )
            continue
        for k, rect in enumerate(rects):
            stop = starts[k + 1] if k + 1 < len(starts) else end
            runs.append(_run(text_page, rect, text[starts[k] : stop], starts[k]))
    return runs


_LINE = re.compile(r"[^\r\n]+")


def _run(text_page: Any, rect: tuple[float, float, float, float], text: str, at: int) -> layout.Run:
    import pypdfium2.raw as pdfium_c

    size = pdfium_c.FPDFText_GetFontSize(text_page.raw, at) if at >= 0 else 0.0
    return layout.Run(*rect, text.replace("\ufffe", "\x02").replace("\r\n", " "), size)


def _runs_by_position(text_page: Any, text: str) -> list[layout.Run]:
    """Each rectangle's text by its own box: slower, for pages whose indexes do not match."""
    count = text_page.count_rects()
    return [
        _run(text_page, rect, text_page.get_text_bounded(*rect), -1)
        for rect in (text_page.get_rect(i) for i in range(count))
    ]


def _blocks(pages: list[list[layout.Line]]) -> list[Block]:
    layout.drop_running_furniture(pages)
    size = layout.body_size([line for lines in pages for line in lines])
    body: list[layout.Line] = []
    notes: list[layout.Line] = []
    for lines in pages:
        ordered = layout.reading_order(lines, size)
        kept, page_notes = layout.split_notes(ordered, size)
        body.extend(kept)
        notes.extend(page_notes)
    return [*layout.paragraphs(body, size), *layout.notes_blocks(notes)]


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    out: list[str] = []
    start = prev = numbers[0]
    for number in [*numbers[1:], 0]:
        if number == prev + 1:
            prev = number
            continue
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
        start = prev = number
    return ", ".join(out)
