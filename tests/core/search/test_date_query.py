"""`date:` in the query language: a day, a month, a year, or a range of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.domain import Document
from briefreader.search.indexer import update_index
from briefreader.search.searcher import Searcher
from tests.core.search.conftest import ids

DATED = {
    "jul-31": "2021-07-31",
    "aug-01": "2021-08-01",
    "aug-27": "2021-08-27",
    "oct-03": "2021-10-03",
    "dec-31": "2021-12-31",
    "jan-01": "2022-01-01",
    "mar-2023": "2023-03-15",
    "undated": "",
}


@pytest.fixture(scope="module")
def dated_searcher(tmp_path_factory: pytest.TempPathFactory, tagger, matcher):  # type: ignore[no-untyped-def]
    docs = [
        Document(id=i, title=f"Report {i}", body=f"Kabul security report {i}.", date=d)
        for i, d in DATED.items()
    ]
    index_dir: Path = tmp_path_factory.mktemp("dated") / "index"
    update_index(index_dir, docs, tagger, procs=1)
    texts = {d.id: d.body for d in docs}
    with Searcher(
        index_dir, resolver=matcher.gazetteer, text_of=texts.get, mentions=matcher.find
    ) as searcher:
        yield searcher


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2021-08..2021-12", {"aug-01", "aug-27", "oct-03", "dec-31"}),
        ("date:2021-08-02..2021-12-30", {"aug-27", "oct-03"}),
        ("date:2021", {"jul-31", "aug-01", "aug-27", "oct-03", "dec-31"}),
        ("date:2021-08", {"aug-01", "aug-27"}),
        ("date:2021-08-27", {"aug-27"}),
        ("date:..2021-07", {"jul-31"}),
        ("date:2022..", {"jan-01", "mar-2023"}),
        ("date:2021-12..2022-01", {"dec-31", "jan-01"}),
        ("kabul date:2021-10..2022", {"oct-03", "dec-31", "jan-01"}),
        ("kabul NOT date:2021", {"jan-01", "mar-2023", "undated"}),
    ],
)
def test_date_ranges(dated_searcher, query: str, expected: set[str]) -> None:
    results = dated_searcher.search(query)
    assert ids(results) == expected
    assert not results.notice


@pytest.mark.parametrize("query", ["date:2021-13", "date:2022..2021", "date:yesterday"])
def test_a_value_that_is_not_a_date_says_so(dated_searcher, query: str) -> None:
    results = dated_searcher.search(query)
    assert "is not a date" in results.notice or "ends before it starts" in results.notice
