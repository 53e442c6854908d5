"""The numpy executor finds and scores exactly what Whoosh's own matchers do."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import query as wq

import briefreader.search.merge as merge
from briefreader.domain import Document
from briefreader.search.aliases import AliasExpander
from briefreader.search.blocks import TermPostings
from briefreader.search.indexer import update_index
from briefreader.search.phrases import phrase_docs
from briefreader.search.query import QueryParser
from briefreader.search.schema import make_schema
from briefreader.search.searcher import Searcher
from tests.core.search.conftest import CORPUS

WORDS = [
    *("kabul", "taliban", "attack", "attacks", "attacked", "mosque", "airport", "security"),
    *("guarantees", "central", "asia", "pine", "nuts", "china", "border", "IS-K", "al-Qaeda"),
    *("ISKP", "Tajikistan", "province", "the", "of", "in", "a"),
]


def _varied(n: int, seed: int = 3) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 120))]
        if i % 7 == 0:
            words[rng.randrange(len(words)) :] = ["central", "asia", "security", "guarantees"]
        docs.append(
            Document(
                id=f"v{i}",
                title=" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6))),
                body=" ".join(words),
                publisher=rng.choice(["National Post", "Guardian", "RSIS"]),
                date=f"2021-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            )
        )
    return docs


QUERIES = [
    "kabul",
    "attack",
    "kabul AND airport",
    "kabul OR china",
    "taliban NOT mosque",
    "NOT mosque",
    '"central asia"',
    '"central asia security"',
    '"security guarantees"',
    '"asia central"',
    '"kabul airport"~3',
    '"the of"~2',
    '"taliban china mosque"~4',
    "tajik*",
    "pine~",
    "title:china",
    'title:"pine nuts"',
    'publisher:"National Post"',
    "group:ISKP",
    "ISIL-K",
    "IS-K",
    "(kabul OR china) AND NOT (mosque OR airport)",
    "kabul ANDMAYBE china",
    "date:[2021-03 TO 2021-06]",
    "date:2021-03..2021-06",
    "kabul date:2021-05",
    "nosuchword",
    "kabul AND nosuchword",
]


@pytest.fixture(scope="module")
def multi_index(tmp_path_factory: pytest.TempPathFactory, tagger) -> Path:  # type: ignore[no-untyped-def]
    """Several segments, some with deleted documents."""
    index_dir = tmp_path_factory.mktemp("exec") / "index"
    docs = [*CORPUS, *_varied(400)]
    factor, merge.MERGE_FACTOR = merge.MERGE_FACTOR, 10**9
    try:
        update_index(index_dir, docs, tagger, procs=1, segment_docs=90)
        changed = [replace(d, body=d.body + " kabul mosque", version=2) for d in docs[::9]]
        update_index(index_dir, [*docs[3:], *changed], tagger, procs=1, segment_docs=90)
    finally:
        merge.MERGE_FACTOR = factor
    return index_dir


def _parse(matcher, text: str) -> wq.Query:  # type: ignore[no-untyped-def]
    return QueryParser(make_schema(), AliasExpander(matcher.gazetteer)).parse(text).query


@pytest.mark.parametrize("text", QUERIES)
def test_same_matches_and_scores_as_whoosh(multi_index: Path, matcher, text: str) -> None:
    q = _parse(matcher, text)
    with Searcher(multi_index) as ours:
        ours.warm()
        whoosh = ours._current()
        assert whoosh is not None
        assert len(whoosh.leaf_searchers()) >= 4
        assert any(s.reader().has_deletions() for s, _ in whoosh.leaf_searchers())
        executor = ours._executor(whoosh)
        expected = sorted(whoosh.docs_for_query(q))
        assert executor.docnums(q).tolist() == expected
        ranked = executor.rank(q, None)
        assert ranked.total == len(expected)
        theirs = {hit.docnum: hit.score for hit in whoosh.search(q, limit=None)}
        mine = dict(ranked.top)
        assert set(mine) == set(theirs)
        # Whoosh drops a wildcard's boost in a segment where it expands to one
        # term; the executor always applies it (see Executor._multiterm).
        if not any(isinstance(node, wq.MultiTerm) for node in q.leaves()):
            for docnum, score in theirs.items():
                assert mine[docnum] == pytest.approx(score, rel=1e-4), docnum
        top = executor.rank(q, 10).top
        assert [s for _, s in top] == sorted((s for _, s in ranked.top), reverse=True)[:10]


def test_limit_keeps_the_best_and_breaks_ties_by_document(multi_index: Path, matcher) -> None:
    with Searcher(multi_index) as ours:
        whoosh = ours._current()
        executor = ours._executor(whoosh)
        q = _parse(matcher, "kabul")
        full = executor.rank(q, None).top
        assert executor.rank(q, 7).top == full[:7]
        assert all((a[1] > b[1]) or (a[1] == b[1] and a[0] < b[0]) for a, b in pairwise(full))


def _postings(occurrences: dict[int, list[int]]) -> TermPostings:
    ids = sorted(occurrences)
    counts = [len(occurrences[i]) for i in ids]
    flat = [p for i in ids for p in sorted(occurrences[i])]
    return TermPostings(
        np.asarray(ids, np.uint32),
        np.ones(len(ids), np.float32),
        np.asarray(counts, np.uint32),
        np.asarray(flat, np.uint32),
    )


def _brute(words: list[dict[int, list[int]]], slop: int) -> list[int]:
    out = []
    for doc in sorted(set.intersection(*(set(w) for w in words))):
        ends = set(words[0][doc])
        for word in words[1:]:
            ends = {q for q in word[doc] for e in ends if 1 <= q - e <= slop}
        if ends:
            out.append(doc)
    return out


OCCURRENCES = st.dictionaries(
    st.integers(0, 12), st.sets(st.integers(0, 15), min_size=1, max_size=6).map(sorted), min_size=1
)


@settings(max_examples=300, deadline=None)
@given(st.lists(OCCURRENCES, min_size=2, max_size=4), st.integers(1, 4))
def test_phrase_join_matches_a_brute_force_walk(words, slop: int) -> None:
    found = phrase_docs([_postings(w) for w in words], slop).tolist()
    assert found == _brute(words, slop)
