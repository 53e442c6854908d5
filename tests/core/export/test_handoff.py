"""Word and Markdown hand-off; grades and claims from the store through every format."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from briefreader.app import main
from briefreader.corpus.library import open_library
from briefreader.entities import find_mentions
from briefreader.export.exporter import export_briefing
from briefreader.export.links import parse_link, resolve
from briefreader.export.markdown import escape
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection, Citation
from briefreader.paths import DataPaths
from briefreader.store.store import Store
from tests.core.export.pdftools import needs_tools, normalise, squeeze, text_of
from tests.core.export.sample import seed_briefing
from tests.core.export.test_safety import INJECTIONS


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def test_the_docx_opens_and_holds_every_quote_and_its_structure(tmp_path: Path) -> None:
    briefing = seed_briefing(40, sections=4)
    out = tmp_path / "brief.docx"
    result = export_briefing(briefing, out, find_mentions=find_mentions)
    assert result.format == "docx" and result.excerpts == 40
    document = docx.Document(str(out))
    text = normalise(docx_text(out))
    for excerpt in briefing.excerpts:
        assert normalise(excerpt.quote) in text, excerpt.quote[:60]
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Briefing Quote", "Briefing Citation"} <= styles
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Key judgements", "Groups over time", "Groups and countries"]
    assert "1. Section 1: reporting on the Khorasan province" in headings
    assert "Sources" in headings and "Appendix: groups and countries" in headings
    assert document.core_properties.title == briefing.title
    assert "OFFICIAL-SENSITIVE" in text  # the handling marking, in the header too
    # A group mention keeps its character style, so Word shows and restyles it.
    runs = [r for p in document.paragraphs if p.style.name == "Briefing Quote" for r in p.runs]
    assert any(r.style.name == "Group name" for r in runs)
    assert any(r.style.name == "Country name" for r in runs)
    # A quote holds with its citation in Word's layout.
    quotes = [p for p in document.paragraphs if p.style.name == "Briefing Quote"]
    assert all(p.style.paragraph_format.keep_with_next for p in quotes)


def test_markdown_links_each_citation_back_to_its_paragraph(tmp_path: Path) -> None:
    briefing = seed_briefing(20, sections=2)
    out = tmp_path / "brief.md"
    export_briefing(briefing, out, find_mentions=find_mentions)
    text = out.read_text(encoding="utf-8")
    links = re.findall(r"\]\((briefreader://[^)]+)\)", text)
    assert len(links) == 20
    ids = {e.citation.document_id for e in briefing.excerpts}
    for excerpt, url in zip(briefing.excerpts, links, strict=True):
        link = parse_link(url)
        assert (resolve(link, ids), link.paragraph) == (
            excerpt.citation.document_id,
            excerpt.citation.paragraph,
        )
    # A link names its document by a public key: the internal id is nowhere in the file.
    for excerpt in briefing.excerpts:
        assert excerpt.citation.document_id not in text
    assert "## Key judgements" in text and "## Sources" in text
    assert "| Period |" in text  # the trend as a table


def test_markdown_keeps_document_text_as_text(tmp_path: Path) -> None:
    quote = (
        "# Not a heading\n\n- not a list\n\n" + " ".join(INJECTIONS) + " [x](http://e.vil) ![i](j)"
    )
    citation = Citation("d1", "Title *bold* [link](x)", "Pub | lisher")
    briefing = Briefing(
        "T <b>", (BriefingSection("S `code`", (BriefingExcerpt(quote, citation),)),)
    )
    out = tmp_path / "safe.md"
    export_briefing(briefing, out, find_mentions=lambda _t: [])
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)\]\((?!briefreader://)", text), "a link from document text"
    assert "![i](j)" not in text
    assert not re.search(r"(?<!\\)<", text), "raw HTML from document text"
    assert "\n# Not a heading" not in text and "\n- not a list" not in text
    assert escape("Title *bold* [link](x)") in text


def test_docx_survives_characters_xml_cannot_hold(tmp_path: Path) -> None:
    quote = "Control \x00\x07\x1b characters and a lone surrogate \ud800 in the text."
    briefing = Briefing(
        "Odd \x0b", (BriefingSection("S", (BriefingExcerpt(quote, Citation("d", "T\x01")),)),)
    )
    out = tmp_path / "odd.docx"
    export_briefing(briefing, out, find_mentions=lambda _t: [])
    assert "characters and a lone surrogate" in docx_text(out)


def _graded_store(data_paths: DataPaths) -> tuple[str, str]:
    """A stored briefing with a graded publisher, a document's own grade, credibility, a claim."""
    with open_library(data_paths) as library:
        docs = [d for d in library.documents() if d.publisher and len(d.paragraphs) > 3][:2]
    first, second = docs
    with Store.open(data_paths) as store:
        store.grades.set_publisher(first.publisher, "B")
        store.grades.set_documents([second.id], "D")
        start, end = first.paragraph_spans()[1]
        a = store.excerpts.capture(first.id, first.body, start, end).excerpt.id
        start, end = second.paragraph_spans()[2]
        b = store.excerpts.capture(second.id, second.body, start, end).excerpt.id
        store.excerpts.set_credibility([a], 2)
        store.excerpts.set_claim([b], "Taliban spokesman")
        store.briefings.create("graded", title="Graded briefing")
        store.briefings.update("graded", charts="")
        store.briefings.add("graded", [a, b])
    return first.publisher, second.publisher


@needs_tools
@pytest.mark.parametrize("fmt", ["pdf", "docx", "md"])
def test_grades_and_claims_reach_every_format(
    data_paths: DataPaths, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _second = _graded_store(data_paths)
    out = tmp_path / f"graded.{fmt}"
    args = ["--data-dir", str(data_paths.root), "export", "--briefing", "graded", "--out", str(out)]
    assert main(args) == 0, capsys.readouterr().err
    if fmt == "pdf":
        text = normalise(text_of(out))
    elif fmt == "docx":
        text = normalise(docx_text(out))
    else:
        text = normalise(out.read_text(encoding="utf-8").replace("\\", "").replace("*", ""))
    assert "B2" in text  # publisher graded B, the excerpt 2
    assert "D–" in text  # the document's own grade; credibility not graded
    assert "CLAIM · Taliban spokesman" in text or "Claim by Taliban spokesman" in text
    assert "Reliability B (usually reliable)" in text and "Reliability D" in text
    assert "1 rest on A or B sources" in text
    assert "Grades (Admiralty code)" in text
    assert first in text
    flat = squeeze(text)
    assert str(data_paths.root).replace(" ", "") not in flat
