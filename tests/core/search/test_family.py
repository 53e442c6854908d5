"""`family:NAME`: a group with its branches, fronts and affiliates (issue #13)."""

from __future__ import annotations

from briefreader.entities import load_gazetteer
from briefreader.search.aliases import AliasExpander
from briefreader.search.query import QueryParser
from briefreader.search.schema import make_schema
from tests.core.search.conftest import ids


def test_family_takes_the_group_with_its_branches(searcher) -> None:
    branches = ids(searcher.search('group:"Islamic State Khorasan Province"'))
    parent = ids(searcher.search('group:"Islamic State"'))
    family = ids(searcher.search('family:"Islamic State"'))
    assert branches and family == parent | branches
    # A branch's family is itself (and its own branches), not its parent.
    assert ids(searcher.search("family:ISKP")) == branches


def test_family_expands_through_the_gazetteers_relations() -> None:
    parser = QueryParser(make_schema(), AliasExpander(load_gazetteer()))
    text = str(parser.parse("family:LeT").query)
    for member in ("Lashkar-e-Taiba", "The Resistance Front", "Jamaat-ud-Dawa"):
        assert member.casefold().replace(" ", "") in text.casefold().replace(" ", "")
    # Not a group: left as it is (and searched as words).
    assert parser.parse("family:Pakistan").query is not None
