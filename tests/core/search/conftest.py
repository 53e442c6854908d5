"""Shared fixtures: a small hand-made corpus, its index and a searcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.domain import Document
from briefreader.entities import Matcher, load_gazetteer
from briefreader.search.indexer import update_index
from briefreader.search.searcher import Searcher
from briefreader.search.sources import make_tagger


def doc(doc_id: str, title: str, body: str, **extra: str) -> Document:
    return Document(id=doc_id, title=title, body=body, **extra)


CORPUS = (
    doc(
        "isk-only",
        "Kabul airport bombing",
        "The ISK claimed the attack on Kabul airport.\n\nSeveral attacks followed in Jalalabad.",
        publisher="National Post",
        story_id="s1",
        date="2021-08-27",
    ),
    doc(
        "is-k-only",
        "A threat to the region",
        "IS-K poses a threat to Afghanistan and to Pakistan.",
        publisher="NEO",
        story_id="s2",
        author="Salman Rafi Sheikh",
    ),
    doc(
        "isis-k-guardian",
        "Isis-K: the jihadis seizing on the chaos",
        "The group known by the acronym Isis-K claimed responsibility.",
        publisher="Guardian",
        story_id="s3",
    ),
    doc(
        "iskp-long",
        "Central Asia assessment",
        "Militants of the Islamic State in Khorasan Province were active; "
        "ISKP recruits in Tajikistan.",
        publisher="RSIS",
        story_id="s4",
    ),
    doc(
        "pine-nuts",
        "Why Is Beijing Going Nuts for Afghan Pine Nuts?",
        "China buys pine nuts from Afghanistan. The trade in pine nuts benefits the Taliban.",
        publisher="The Diplomat",
        story_id="s5",
    ),
    doc(
        "unrelated",
        "Café culture in Paris",
        "Le café crème at the Élysée: a story about coffee, not about militants.",
        publisher="Guardian",
        story_id="s6",
    ),
)


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    return load_gazetteer()


@pytest.fixture(scope="session")
def matcher(gazetteer) -> Matcher:  # type: ignore[no-untyped-def]
    return Matcher(gazetteer)


@pytest.fixture(scope="session")
def tagger(matcher):  # type: ignore[no-untyped-def]
    return make_tagger(matcher.find)


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory, tagger) -> Path:  # type: ignore[no-untyped-def]
    index_dir = tmp_path_factory.mktemp("search") / "index"
    update_index(index_dir, CORPUS, tagger, procs=1)
    return index_dir


@pytest.fixture
def searcher(corpus_index: Path, matcher: Matcher):  # type: ignore[no-untyped-def]
    texts = {d.id: d.body for d in CORPUS}
    with Searcher(
        corpus_index, resolver=matcher.gazetteer, text_of=texts.get, mentions=matcher.find
    ) as s:
        yield s


def ids(results) -> set[str]:  # type: ignore[no-untyped-def]
    return {hit.doc_id for hit in results.hits}
