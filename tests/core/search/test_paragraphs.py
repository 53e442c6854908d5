"""`export --query` picks paragraphs with the search box's own query language."""

from __future__ import annotations

import pytest

from briefreader.domain import Document
from briefreader.entities.matcher import default_matcher
from briefreader.search.paragraphs import matching_paragraphs
from briefreader.search.query import QueryError

KABUL = Document(
    id="kabul",
    title="Kabul airport attack",
    publisher="The Telegraph",
    body=(
        "ISIS-K claimed the attack on the airport.\n\n"
        "China closed its embassy after the Islamic State Khorasan Province bombing.\n\n"
        "The Taliban promised to pursue the recruiters.\n\n"
        "Pine nuts were loaded on the last flights."
    ),
)
BEIJING = Document(
    id="beijing",
    title="Why Beijing went nuts for pine nuts",
    publisher="The Diplomat",
    body="Pine nuts sell well in China.\n\nThe Haqqani network taxes the trade.",
)
DOCS = [KABUL, BEIJING]


def run(query: str) -> dict[str, tuple[int, ...]]:
    matcher = default_matcher()
    return matching_paragraphs(query, DOCS, matcher.find, matcher.gazetteer).by_document


def test_any_spelling_of_a_group_finds_every_other() -> None:
    assert run("ISKP") == {"kabul": (0, 1)}
    assert run('"Islamic State in Khorasan Province"') == {"kabul": (0, 1)}
    assert run("group:ISIL-K") == {"kabul": (0, 1)}


def test_not_and_or_work_per_paragraph_not_per_article() -> None:
    # The article mentions China, but its first paragraph does not.
    assert run("ISKP NOT China") == {"kabul": (0,)}
    assert run("ISKP AND China") == {"kabul": (1,)}
    assert run("Haqqani OR Taliban") == {"kabul": (2,), "beijing": (1,)}


def test_phrases_stems_wildcards_fuzzy_and_fields() -> None:
    assert run('"pine nuts"') == {"kabul": (3,), "beijing": (0,)}
    assert run("recruiting") == {"kabul": (2,)}  # stemmed: recruiters
    assert run("recruit*") == {"kabul": (2,)}
    assert run("embasy~") == {"kabul": (1,)}
    assert run("country:China") == {"kabul": (1,), "beijing": (0,)}
    assert run('publisher:"The Diplomat"') == {"beijing": (0, 1)}  # every paragraph of it


def test_unusable_queries_raise_query_error_and_hostile_ones_fall_back() -> None:
    matcher = default_matcher()
    with pytest.raises(QueryError):
        matching_paragraphs("((( )))", DOCS, matcher.find, matcher.gazetteer)
    fallback = matching_paragraphs("NOT NOT pine", DOCS, matcher.find, matcher.gazetteer)
    assert fallback.notice  # said what was searched instead


def test_progress_is_reported_per_article_and_ends_at_the_total() -> None:
    matcher = default_matcher()
    seen: list[tuple[int, int]] = []
    matching_paragraphs(
        "ISKP", DOCS, matcher.find, matcher.gazetteer, progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(2, 2)]
