"""Facet counts for the document list."""

from __future__ import annotations


def test_facets_count_every_match_not_only_the_page(searcher) -> None:
    results = searcher.search("ISIL-K", limit=1, with_facets=True)
    assert len(results.hits) == 1 and results.total == 4
    facets = results.facets
    assert dict(facets["group"])["islamic state khorasan province"] >= 3
    publishers = dict(facets["publisher"])
    assert publishers == {"National Post": 1, "NEO": 1, "Guardian": 1, "RSIS": 1}
    assert sum(count for _, count in facets["story"]) == 4
    assert facets == searcher.facets("ISIL-K")
    assert results.total_exact and searcher.count("ISIL-K") == 4


def test_facets_are_sorted_by_count(searcher) -> None:
    facets = searcher.facets("afghanistan OR guardian OR coffee OR kabul OR tajikistan")
    for values in facets.values():
        counts = [count for _, count in values]
        assert counts == sorted(counts, reverse=True)
    assert dict(searcher.facets("coffee")["publisher"]) == {"Guardian": 1}


def test_no_index_means_no_facets_and_no_hits(tmp_path) -> None:
    from briefreader.search.searcher import Searcher

    with Searcher(tmp_path / "nothing") as searcher:
        assert searcher.facets("kabul") == {}
        results = searcher.search("kabul")
        assert results.hits == () and results.notice
