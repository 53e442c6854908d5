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


def _brute_force(index_dir, q) -> dict[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    """Facet counts from Whoosh's own matching and each match's stored fields."""
    from collections import Counter

    from whoosh.searching import Searcher as WhooshSearcher

    from briefreader.search.indexer import open_index

    ix = open_index(index_dir)
    assert ix is not None
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACET_NAMES}
    with WhooshSearcher(ix.reader()) as whoosh:
        for docnum in whoosh.docs_for_query(q):
            stored = whoosh.stored_fields(docnum)
            for name in ("group", "country"):
                for value in filter(None, stored.get(name, "").split(",")):
                    counts[name][value] += 1
            if stored.get("kind") == "document":
                counts["publisher"][stored.get("publisher", "")] += 1
            counts["story"][stored.get("story", "")] += 1
    return {name: {k: v for k, v in c.items() if k} for name, c in counts.items()}


FACET_NAMES = ("group", "country", "publisher", "story")


def test_facets_agree_with_every_match_over_segments_and_deletions(tmp_path, tagger) -> None:
    import random

    from whoosh.filedb.filestore import FileStorage

    from briefreader.domain import Document
    from briefreader.search.indexer import update_index
    from briefreader.search.searcher import Searcher
    from briefreader.search.toc import read_toc

    rng = random.Random(7)
    words = ["kabul", "taliban", "Pakistan", "ISKP", "Tajikistan", "China", "market", "Herat"]
    publishers = ["Dawn", "Reuters", "", "The Diplomat", "NEO"]
    docs = [
        Document(
            id=f"d{n}",
            title=f"Item {n}",
            body=" ".join(rng.choice(words) for _ in range(rng.randint(3, 12))),
            publisher=rng.choice(publishers),
            story_id=rng.choice(["s1", "s2", "", "s3"]),
        )
        for n in range(70)
    ]
    index_dir = tmp_path / "ix"
    update_index(index_dir, docs, tagger, procs=1, segment_docs=9)
    # Some go, some change: deleted documents sit in the old segments.
    changed = [
        d
        if n % 7
        else Document(id=d.id, title=d.title, body="Herat kabul", version=2, publisher="Dawn")
        for n, d in enumerate(docs)
    ]
    update_index(index_dir, changed[: len(changed) - 5], tagger, procs=1, segment_docs=9)
    with Searcher(index_dir) as searcher:
        segments = read_toc(FileStorage(str(index_dir))).segments
        assert len(segments) > 1 and any(s.deleted_count() for s in segments)
        for text in ("kabul", "taliban OR china", "herat AND NOT pakistan", "market"):
            got = {name: dict(values) for name, values in searcher.facets(text).items()}
            assert got == _brute_force(index_dir, searcher.parse(text).query), text
            assert sum(got["publisher"].values()) <= searcher.count(text)
