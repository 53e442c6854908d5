"""The dense layout: page budget, quotes kept with their citations, charts, Sources by story."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from briefreader.app import main
from briefreader.corpus.library import open_library
from briefreader.domain import Mention
from briefreader.entities import find_mentions
from briefreader.export.exporter import export_briefing
from briefreader.export.model import (
    Briefing,
    BriefingExcerpt,
    BriefingSection,
    Citation,
    SourceVersion,
)
from briefreader.export.query import citation_of
from briefreader.paths import DataPaths
from tests.core.export.pdftools import needs_tools, normalise, squeeze, text_of
from tests.core.export.sample import seed_briefing, seed_paragraphs

pytestmark = needs_tools

#: `export --query ISKP` on the seeds took 21 pages before the dense layout (62 excerpts);
#: the issue's budget is 60% of that.
SEED_QUERY_PAGES_BEFORE = 21
BUDGET = int(SEED_QUERY_PAGES_BEFORE * 0.6)


def page_texts(pdf: Path) -> list[str]:
    """Each page's text with all whitespace removed (lines wrap anywhere)."""
    return [squeeze(page) for page in text_of(pdf).split("\f")]


def pages_holding(pages: list[str], needle: str) -> list[int]:
    flat = squeeze(needle)
    return [number for number, page in enumerate(pages, start=1) if flat in page]


def assert_quotes_end_beside_their_citations(pdf: Path, briefing: Briefing) -> int:
    """Every excerpt's last words are on the page of its citation line; returns pages."""
    pages = page_texts(pdf)
    for number, excerpt in enumerate(briefing.excerpts, start=1):
        citation = excerpt.citation
        assert citation is not None and citation.paragraph is not None
        marker = re.escape(f"¶{citation.paragraph}[")
        tail = squeeze(excerpt.quote)[-30:]
        tail_pages = pages_holding(pages, tail)
        assert tail_pages, f"excerpt {number}: its end is not in the PDF"
        near = re.compile(re.escape(tail) + r".{0,80}?" + marker)
        cited = [p for p in tail_pages if near.search(pages[p - 1])]
        assert cited, f"excerpt {number}: its citation is not on the page where the quote ends"
    return len(pages) - 1  # text_of ends with a form feed


@pytest.fixture(scope="module")
def seed_query(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DataPaths]:
    root = tmp_path_factory.mktemp("query")
    paths = DataPaths.at(root / "data").ensure()
    out = root / "iskp.pdf"
    assert (
        main(["--data-dir", str(paths.root), "export", "--query", "ISKP", "--out", str(out)]) == 0
    )
    return out, paths


def test_the_seed_query_fits_the_page_budget(seed_query: tuple[Path, DataPaths]) -> None:
    out, _ = seed_query
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(out)], capture_output=True, text=True, check=True
    ).stdout).group(1))  # fmt: skip
    assert pages <= BUDGET, f"{pages} pages: over the budget of {BUDGET}"
    text = normalise(text_of(out))
    assert "62 excerpts" in text  # the same 62-excerpt briefing the budget was set on


def test_every_seed_quote_shares_a_page_with_its_citation(
    seed_query: tuple[Path, DataPaths],
) -> None:
    out, paths = seed_query
    from briefreader.export.query import briefing_from_paragraphs, one_version_per_story
    from briefreader.search.paragraphs import matching_paragraphs

    with open_library(paths) as library:
        documents = one_version_per_story(library.documents(), library.stories())
        from briefreader.entities import load_gazetteer

        gazetteer = load_gazetteer(paths.user_gazetteer)
        matches = matching_paragraphs("ISKP", documents, find_mentions, gazetteer)
        briefing = briefing_from_paragraphs("ISKP", documents, matches.by_document, find_mentions)
    assert len(briefing.excerpts) == 62
    assert_quotes_end_beside_their_citations(out, briefing)


def test_the_first_page_states_title_date_scope_and_key_judgements(
    seed_query: tuple[Path, DataPaths],
) -> None:
    out, _ = seed_query
    first = normalise(text_of(out, 1, 1))
    assert "Islamic State Khorasan Province: what the sources report" in first
    assert "DATE" in first and "SCOPE" in first
    assert "Paragraphs matching the query “ISKP”" in first
    assert re.search(r"SOURCES \d+ sources, dated", first)
    assert "EVIDENCE 62 excerpts" in first


def long_quotes_briefing() -> Briefing:
    """Quotes from one line to three pages long, so that some must run over a page."""
    pool = [para for _name, para, _index in seed_paragraphs(400)]
    excerpts = []
    for number in range(40):
        length = (1, 2, 5, 12)[number % 4]
        quote = "\n\n".join(pool[(number + k) % len(pool)] for k in range(length))
        citation = Citation(
            f"doc-{number % 5}", f"Report {number % 5}", "The Diplomat", date="2022-03-01",
            paragraph=number + 1,
        )  # fmt: skip
        comment = "A comment that must stay with its quote." if number % 3 == 0 else ""
        excerpts.append(BriefingExcerpt(quote, citation, comment=comment))
    return Briefing("Long quotes", (BriefingSection("All", tuple(excerpts)),))


@pytest.mark.parametrize("highlighted", [True, False], ids=["highlighted", "plain"])
def test_long_quotes_run_over_pages_but_never_leave_their_citation(
    tmp_path: Path, highlighted: bool
) -> None:
    """Plain quotes too: ReportLab lays out single-font paragraphs another way."""
    briefing = long_quotes_briefing()
    out = tmp_path / "long.pdf"
    export_briefing(briefing, out, find_mentions=find_mentions if highlighted else lambda _t: [])
    pages = assert_quotes_end_beside_their_citations(out, briefing)
    assert pages > 20  # long enough that quotes had to be split


def test_sections_follow_on_unless_the_briefing_asks_for_page_breaks(tmp_path: Path) -> None:
    briefing = seed_briefing(12, sections=6, charts=())
    flowing, breaking = tmp_path / "flow.pdf", tmp_path / "break.pdf"
    export_briefing(briefing, flowing, find_mentions=find_mentions)
    export_briefing(replace(briefing, section_breaks=True), breaking, find_mentions=find_mentions)
    flow_pages, break_pages = page_texts(flowing), page_texts(breaking)
    assert len(break_pages) > len(flow_pages)
    for index, section in enumerate(briefing.sections, start=1):
        heading = squeeze(f"{index}. {section.title}")
        (page,) = [p for p in break_pages[1:] if heading in p]
        assert page.index(heading) < 200, "with page breaks a section starts its page"


def test_charts_are_vector_drawings_readable_without_colour(tmp_path: Path) -> None:
    briefing = seed_briefing(80, sections=4)
    out = tmp_path / "charts.pdf"
    export_briefing(briefing, out, find_mentions=find_mentions)
    raw = out.read_bytes()
    assert b"/Subtype /Image" not in raw  # drawn, not pasted in as pictures
    text = normalise(text_of(out, 1, 3))
    assert "Groups over time" in text and "Groups and countries" in text
    assert "Mentions in this briefing's excerpts, per month" in text
    # The legend names each line with its total, the table prints every count.
    assert re.search(r"Taliban \(\d+\)", text)
    prepared_counts = re.findall(r"\b\d+\b", text)
    assert prepared_counts
    without = tmp_path / "none.pdf"
    export_briefing(replace(briefing, charts=()), without, find_mentions=find_mentions)
    assert "Groups over time" not in normalise(text_of(without))


def test_versions_of_one_story_are_one_source(tmp_path: Path) -> None:
    base = Citation("a1", "ISKP claims Kabul attack", "Reuters", date="2023-03-01", story="s1")
    reprint = Citation(
        "a2", "ISKP claims Kabul attack", "The Straits Times", date="2023-03-02", story="s1",
        versions=(SourceVersion("ISKP claims attack", "Dawn", "2023-03-03"),),
    )  # fmt: skip
    other = Citation("b1", "Another story", "AP", date="2023-03-05")
    excerpts = (
        BriefingExcerpt("First quote from Reuters.", replace(base, paragraph=1)),
        BriefingExcerpt("Second quote from the reprint.", replace(reprint, paragraph=2)),
        BriefingExcerpt("Third quote, another story.", replace(other, paragraph=1)),
    )
    out = tmp_path / "story.pdf"
    export_briefing(Briefing("Stories", (BriefingSection("S", excerpts),)), out)
    text = normalise(text_of(out))
    sources = text[text.rindex("Sources") :]
    assert sources.count("ISKP claims Kabul attack") == 1
    assert "Other versions of this story: The Straits Times, 2 March 2023; Dawn, 3 March 2023" in (
        sources
    )
    assert "Cited in excerpts 1–2" in sources and "[2] “Another story.” AP" in sources
    assert "— The Straits Times, 2 Mar 2023, ¶ 2 [1]" in text  # the version quoted, source [1]


def test_only_web_addresses_are_printed_and_linked(tmp_path: Path) -> None:
    good = Citation("w1", "On the web", "Site", url="https://example.org/a?b=1&c=2")
    bad = Citation("w2", "Tricky", "Other", url="javascript:alert(1)")
    local = Citation("w3", "Local", "Disk", url="file:///home/analyst/secret.txt")
    excerpts = tuple(BriefingExcerpt(f"Quote {n}.", c) for n, c in enumerate((good, bad, local)))
    out = tmp_path / "urls.pdf"
    export_briefing(Briefing("URLs", (BriefingSection("S", excerpts),)), out)
    text = normalise(text_of(out))
    assert "https://example.org/a?b=1&c=2" in text
    assert "javascript" not in text and "/home/analyst" not in text
    raw = out.read_bytes()
    assert raw.count(b"/S /URI") == 1 and b"https://example.org/a?b=1&c=2" in raw


def test_mentions_given_by_the_caller_are_used_as_given(tmp_path: Path) -> None:
    quote = "The group struck again."
    mention = Mention(4, 9, "group", "Islamic State Khorasan Province", "group")
    citation = citation_of_stub()
    briefing = Briefing(
        "Given", (BriefingSection("S", (BriefingExcerpt(quote, citation, mentions=(mention,)),)),)
    )
    out = tmp_path / "given.pdf"
    export_briefing(briefing, out, find_mentions=lambda _text: [])
    appendix = normalise(text_of(out))
    assert "Islamic State Khorasan Province (written group) 1 excerpt" in appendix


def citation_of_stub() -> Citation:
    from briefreader.domain import Document

    doc = Document("d0", "Stub", "One.\n\nTwo.", publisher="P", pages=(3, 4), url="https://x.org")
    citation = citation_of(doc, 2)
    assert citation.page == 4 and citation.url == "https://x.org"
    return citation
