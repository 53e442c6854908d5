"""A full briefing exported once and checked the way a reviewer would check it."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from briefreader.entities import find_mentions
from briefreader.export.exporter import ExportResult, export_briefing
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection, Citation
from tests.core.export.pdftools import (
    body_text,
    fonts_of,
    info_of,
    needs_tools,
    normalise,
    qpdf_check,
    text_of,
)
from tests.core.export.sample import seed_briefing

pytestmark = needs_tools

TYPOGRAPHY = (
    "“Curly quotes”, ‘single ones’ — em dash – en dash… café, naïve, Zürich, São Paulo; "
    "Cyrillic: Исламское государство — Вилаят Хорасан; «ёлки»; arrows → ✓ ★ ∑"
)
CITATION = Citation("doc-typo", "Заголовок “quoted”", "Новая газета", "Анна Б.", "2023-02-01", 4)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Briefing, ExportResult]:
    base = seed_briefing(30, sections=3)
    extra = BriefingSection(
        "Typography and flags",
        (
            BriefingExcerpt(TYPOGRAPHY, CITATION, comment="Typography must survive.", key="t"),
            BriefingExcerpt(
                "The Taliban said ISKP fighters crossed from Pakistan.",
                CITATION,
                integrity="stale",
                integrity_note="the source changed; the quote is unchanged but now elsewhere",
            ),
            BriefingExcerpt(
                "A quote that is gone from its source.",
                CITATION,
                integrity="orphaned",
                integrity_note="the quote no longer appears in the source document",
            ),
        ),
    )
    briefing = replace(base, sections=(*base.sections, extra))
    out = tmp_path_factory.mktemp("pdf") / "briefing.pdf"
    result = export_briefing(briefing, out, find_mentions=find_mentions)
    return briefing, result


def test_qpdf_finds_no_errors(exported: tuple[Briefing, ExportResult]) -> None:
    _, result = exported
    assert "No syntax or stream encoding errors found" in qpdf_check(result.path)


def test_every_font_is_an_embedded_truetype(exported: tuple[Briefing, ExportResult]) -> None:
    fonts = fonts_of(exported[1].path)
    assert fonts, "no fonts listed"
    for font in fonts:
        assert font["emb"] == "yes", font
        assert font["type"] == "TrueType", font
    names = {f["name"].split("+")[-1] for f in fonts}
    assert "Helvetica" not in names and "Times-Roman" not in names
    assert {"NotoSerif-Regular", "NotoSans-Bold", "DejaVuSans"} <= names


def test_every_excerpt_text_appears_exactly(exported: tuple[Briefing, ExportResult]) -> None:
    briefing, result = exported
    text = normalise(body_text(result.path, briefing.marking, f"{briefing.title} · 1 May 2024"))
    for excerpt in briefing.excerpts:
        assert normalise(excerpt.quote) in text, excerpt.quote[:60]


def test_typography_survives_and_nothing_is_reported(
    exported: tuple[Briefing, ExportResult],
) -> None:
    _, result = exported
    text = text_of(result.path)
    assert normalise(TYPOGRAPHY) in normalise(text)
    assert result.undrawable == ()


def test_page_x_of_y_and_marking_on_every_page(exported: tuple[Briefing, ExportResult]) -> None:
    briefing, result = exported
    pages = int(info_of(result.path)["Pages"])
    assert pages == result.pages > 5
    for page in range(1, pages + 1):
        text = text_of(result.path, page, page)
        assert f"Page {page} of {pages}" in text
        assert text.count(briefing.marking) >= 2, f"page {page}: marking not in header and footer"


def test_metadata(exported: tuple[Briefing, ExportResult]) -> None:
    briefing, result = exported
    info = info_of(result.path)
    assert info["Title"] == briefing.title
    assert info["Author"] == briefing.author
    assert briefing.marking in info["Subject"]
    assert "Islamic State Khorasan Province" in info["Keywords"]
    assert info["Creator"].startswith("briefreader")


def _outline(pdf: Path) -> list[str]:
    data = json.loads(
        subprocess.run(
            ["qpdf", "--json", "--json-key=outlines", str(pdf)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    titles: list[str] = []

    def walk(items: list[dict]) -> None:
        for item in items:
            titles.append(item["title"])
            walk(item.get("kids", []))

    walk(data["outlines"])
    return titles


def test_outline_has_cover_contents_sections_excerpts_sources_appendix(
    exported: tuple[Briefing, ExportResult],
) -> None:
    briefing, result = exported
    titles = _outline(result.path)
    for wanted in ("Key judgements", "Contents", "Sources", "Appendix"):
        assert wanted in titles
    for section in briefing.sections:
        assert section.title in titles
    assert sum(1 for t in titles if re.match(r"\d+\. ", t)) == len(briefing.excerpts)


def test_contents_page_numbers_point_at_the_sections(
    exported: tuple[Briefing, ExportResult],
) -> None:
    briefing, result = exported
    contents = normalise(text_of(result.path, 1, 1))  # the contents follow the key judgements
    for index, section in enumerate(briefing.sections, start=1):
        match = re.search(rf"{index}\. {re.escape(section.title)} \(\d+\)[ .]*(\d+)", contents)
        assert match, contents
        page = int(match.group(1))
        assert f"{index}. {section.title}" in normalise(text_of(result.path, page, page))


def test_flags_citations_sources_and_appendix(exported: tuple[Briefing, ExportResult]) -> None:
    _, result = exported
    text = normalise(text_of(result.path))
    assert "STALE: the source changed" in text
    assert "ORPHANED: the quote no longer appears in the source document" in text
    assert "1 stale, 1 orphaned" in text
    assert "Analyst comment Typography must survive." in text
    # A short citation under each quote, a numbered Sources entry per document.
    assert re.search(r"— Новая газета, 1 Feb 2023, ¶ 4 \[\d+\]", text)
    assert re.search(
        r"\[\d+\] Анна Б\. “Заголовок “quoted”\.” Новая газета, 1 February 2023\.", text
    )
    appendix = text[text.rindex("Appendix: groups and countries") :]
    assert "Groups" in appendix and "Countries" in appendix
    assert "Islamic State Khorasan Province" in appendix
    assert "Pakistan" in appendix


def test_internal_links_only(exported: tuple[Briefing, ExportResult]) -> None:
    raw = exported[1].path.read_bytes()
    assert b"/URI" not in raw
    assert b"/Link" in raw  # citations, contents and appendix entries are links


def test_country_mentions_get_a_dotted_underline(tmp_path: Path) -> None:
    """The non-colour cue for countries survives into the page: a dashed line pattern."""
    quote = "ISKP attacked Pakistan and Afghanistan."
    briefing = Briefing("Cue", (BriefingSection("S", (BriefingExcerpt(quote),)),))
    out = tmp_path / "cue.pdf"
    export_briefing(briefing, out, find_mentions=find_mentions)
    flat = tmp_path / "flat.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(out), str(flat)], check=True)
    assert flat.read_bytes().count(b"[.9 1.6] 0 d") == 2  # Pakistan, Afghanistan


def test_empty_briefing_and_empty_section_export(tmp_path: Path) -> None:
    for name, briefing in {
        "nothing": Briefing(""),
        "empty-section": Briefing("Draft", (BriefingSection(""),), summary="- one\n- two"),
    }.items():
        out = tmp_path / f"{name}.pdf"
        result = export_briefing(briefing, out, find_mentions=find_mentions)
        assert "No syntax or stream encoding errors" in qpdf_check(out)
        text = normalise(text_of(out))
        assert f"Page {result.pages} of {result.pages}" in text
        assert "Untitled briefing" in text or "Draft" in text
