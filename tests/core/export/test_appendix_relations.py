"""The appendix says what a group is to another, as the legend does: "front of Lashkar-e-Taiba"."""

from __future__ import annotations

from pathlib import Path

from briefreader.entities import Matcher, find_mentions, load_gazetteer
from briefreader.export.exporter import export_briefing
from briefreader.export.model import Briefing, BriefingExcerpt, BriefingSection
from briefreader.export.prepare import prepare, relation_notes
from tests.core.export.pdftools import needs_tools, normalise, text_of

QUOTE = (
    "The Resistance Front claimed the attack in Pahalgam; Islamic State Khorasan Province "
    "claimed one in Kabul, Afghanistan, and Lashkar-e-Taiba said nothing."
)
BRIEFING = Briefing("Fronts", (BriefingSection("Claims", (BriefingExcerpt(QUOTE),)),))


def test_the_index_carries_each_groups_relation() -> None:
    prepared = prepare(BRIEFING, find_mentions)
    notes = {e.name: e.relation for e in prepared.index}
    assert notes["The Resistance Front"] == "front of Lashkar-e-Taiba"
    assert notes["Islamic State Khorasan Province"] == "branch of Islamic State"
    assert notes["Lashkar-e-Taiba"] == ""
    assert notes["Afghanistan"] == ""  # a country has none


def test_the_relations_come_from_the_finders_own_gazetteer() -> None:
    matcher = Matcher(load_gazetteer())
    assert relation_notes(matcher.find)("The Resistance Front") == "front of Lashkar-e-Taiba"
    assert relation_notes(lambda text: [])("The Resistance Front") == ""  # a stub knows none


@needs_tools
def test_the_pdf_and_markdown_appendix_print_the_relation(tmp_path: Path) -> None:
    pdf = tmp_path / "fronts.pdf"
    export_briefing(BRIEFING, pdf, find_mentions=find_mentions)
    appendix = normalise(text_of(pdf))
    appendix = appendix[appendix.rindex("Appendix: groups and countries") :]
    assert "The Resistance Front · front of Lashkar-e-Taiba" in appendix
    assert "Islamic State Khorasan Province · branch of Islamic State" in appendix
    markdown = tmp_path / "fronts.md"
    export_briefing(BRIEFING, markdown, format="markdown", find_mentions=find_mentions)
    assert "**The Resistance Front** · front of Lashkar-e-Taiba" in markdown.read_text("utf-8")
