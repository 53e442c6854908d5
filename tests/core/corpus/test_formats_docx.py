"""Word files: headings, paragraphs, tables, footnotes and endnotes, properties, bombs."""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from pathlib import Path

import pytest

from briefreader.corpus.errors import Rejected
from briefreader.corpus.library import Library
from briefreader.corpus.parse import parse_bytes
from tests.fixtures.docs import DocxSpec, Para, write_docx

LONG = (
    "Officials in the province said the group had moved its fighters south over the winter, "
    "and that the district centres were now surrounded for most of each week."
)


def _docx(spec: DocxSpec) -> bytes:
    buffer = io.BytesIO()
    write_docx(buffer, spec)
    return buffer.getvalue()


SPEC = DocxSpec(
    paras=[
        Para("Jihadist Financing in the Sahel", style="Title"),
        Para(LONG, footnote="UN Panel of Experts, S/2021/714, para. 33."),
        Para("Taxation of trade", style="Heading 1"),
        Para(LONG.replace("province", "region"), endnote="Interview, Bamako, 3 May 2021."),
        Para("A fuel depot near Gao. Photo: the author", style="Caption"),
        Para(LONG.replace("winter", "summer"), footnote="Ibid., para. 41."),
    ],
    author="Amina Traoré",
    created=dt.datetime(2021, 11, 8, 9, 30, tzinfo=dt.UTC),
    title="Sahel financing (draft)",
    table=[["Group", "Revenue"], ["JNIM", "taxes on trade and livestock"]],
)


def test_a_word_file_keeps_its_structure_notes_and_properties() -> None:
    (doc,) = parse_bytes(_docx(SPEC), fmt="docx", name="sahel.docx").documents
    assert doc.title == "Jihadist Financing in the Sahel"
    assert doc.author == "Amina Traoré"
    assert doc.date == "2021-11-08"
    assert doc.file_name == "sahel.docx"
    assert doc.paragraphs[0] == LONG + "[1]"
    assert "Taxation of trade" in doc.paragraphs  # a heading stays in the body
    assert doc.paragraphs[2].endswith("each week.[2]")
    assert doc.paragraphs[3].endswith("each week.[3]")
    assert doc.captions == ("A fuel depot near Gao. Photo: the author",)
    assert doc.footnotes == (
        "1 UN Panel of Experts, S/2021/714, para. 33.",
        "2 Interview, Bamako, 3 May 2021.",
        "3 Ibid., para. 41.",
    )
    assert "JNIM" in doc.body and "taxes on trade and livestock" in doc.body
    # A table's row is one line with its cells apart, not a paragraph per cell.
    assert "Group | Revenue" in doc.paragraphs
    assert "JNIM | taxes on trade and livestock" in doc.paragraphs


def test_the_title_property_stands_in_when_the_text_has_no_heading() -> None:
    spec = DocxSpec(paras=[Para(LONG), Para(LONG)], title="Weekly Sahel notes")
    (doc,) = parse_bytes(_docx(spec), fmt="docx").documents
    assert doc.title == "Weekly Sahel notes"
    assert doc.author == ""  # python-docx's own default author is not a person


@functools.cache
def _bomb() -> bytes:
    good = _docx(SPEC)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            out.writestr(info, source.read(info.filename))
        # 64 MB of zeros deflates to about 64 KB: a thousandfold.
        with out.open("word/media/padding.bin", "w", force_zip64=True) as padding:
            chunk = b"\0" * (1 << 20)
            for _ in range(64):
                padding.write(chunk)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: _docx(SPEC)[:2000], "damaged Word file"),
        (lambda: b"PK\x03\x04" + b"\0" * 100, "damaged Word file"),
        (_bomb, "zip bomb"),
    ],
    ids=["truncated", "garbage", "bomb"],
)
def test_bad_word_files_are_refused_in_one_line(make, reason: str) -> None:
    with pytest.raises(Rejected, match=reason) as caught:
        parse_bytes(make(), fmt="docx")
    assert "\n" not in str(caught.value)


def test_a_folder_with_bad_word_files_imports_the_good_one(
    tmp_path: Path, library: Library
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.docx").write_bytes(_docx(SPEC))
    (inbox / "bomb.docx").write_bytes(_bomb())
    (inbox / "cut.docx").write_bytes(_docx(SPEC)[:3000])
    report = library.import_paths([inbox])
    reasons = {Path(path).name: why for path, why in report.skipped}
    assert set(reasons) == {"bomb.docx", "cut.docx"}
    assert [d.file_name for d in library.documents()] == ["good.docx"]


def test_a_file_made_from_python_docx_blank_template_has_no_date_of_2013() -> None:
    """python-docx's blank template says it was created on 23 December 2013; a file made
    with it that never set the date must stay undated, not be dated 2013-12-23."""
    import docx

    made = docx.Document()
    made.add_heading("JNIM expands into coastal West Africa", 1)
    made.add_paragraph("JNIM fighters attacked positions in northern Benin and Togo.")
    buffer = io.BytesIO()
    made.save(buffer)
    (doc,) = parse_bytes(buffer.getvalue(), fmt="docx", name="jnim.docx").documents
    assert doc.title == "JNIM expands into coastal West Africa"
    assert doc.date != "2013-12-23"
    made.core_properties.created = dt.datetime(2024, 3, 8, 10, 0, tzinfo=dt.UTC)
    buffer = io.BytesIO()
    made.save(buffer)
    (dated,) = parse_bytes(buffer.getvalue(), fmt="docx", name="jnim.docx").documents
    assert dated.date == "2024-03-08"
