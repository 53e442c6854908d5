"""The query language translated for OpenSearch, and the index mapping with alias synonyms."""

from __future__ import annotations

import json
from typing import Any

import pytest

from briefreader.entities import load_gazetteer
from briefreader.search.aliases import AliasExpander
from briefreader.search.opensearch import index_body, search_body, translate
from briefreader.search.query import QueryParser
from briefreader.search.schema import entity_key, make_schema

GAZETTEER = load_gazetteer()
PARSER = QueryParser(make_schema(), AliasExpander(GAZETTEER))


def dsl(text: str) -> dict[str, Any]:
    return translate(PARSER.parse(text).query)


def clauses(body: Any, name: str) -> list[dict[str, Any]]:
    """Every `name` clause anywhere in a DSL body."""
    found = []
    if isinstance(body, dict):
        for key, value in body.items():
            if key == name:
                found.append(value)
            found.extend(clauses(value, name))
    elif isinstance(body, list):
        for item in body:
            found.extend(clauses(item, name))
    return found


def test_an_entity_in_any_spelling_searches_the_entity_field_and_its_spellings() -> None:
    body = dsl("ISKP NOT China")
    iskp = entity_key("Islamic State Khorasan Province")
    [included] = clauses(body, "must")
    [excluded] = clauses(body, "must_not")
    assert {"value": iskp, "boost": 2.0} in [
        t["group"] for t in clauses(included, "term") if "group" in t
    ]
    words = {t["body"]["value"] for t in clauses(included, "term") if "body" in t}
    assert {"iskp", "isisk", "daeshk"} <= words  # its spellings, as the index spells them
    countries = [t["country"]["value"] for t in clauses(excluded, "term") if "country" in t]
    assert countries == [entity_key("China")]
    assert "prc" in {t["body"]["value"] for t in clauses(excluded, "term") if "body" in t}


@pytest.mark.parametrize(
    ("text", "clause", "check"),
    [
        ('"pine nuts"~3', "match_phrase", lambda v: (v["query"], v["slop"]) == ("pine nut", 2)),
        ('"pine nuts"', "match_phrase", lambda v: v["slop"] == 0 and v["analyzer"] == "brief"),
        ("date:2021-08..2021-12", "range", lambda v: v == {"gte": "2021-08", "lte": "2021-12~"}),
        ("kabul*", "prefix", lambda v: v["value"] == "kabul"),
        ("k?bul", "wildcard", lambda v: v["value"] == "k?bul"),
        ("kandahr~", "fuzzy", lambda v: v["value"] == "kandahr" and v["fuzziness"] == 1),
        ("title:herat", "term", lambda v: v == {"value": "herat"}),
    ],
)
def test_each_part_of_the_language_has_its_opensearch_clause(text, clause, check) -> None:
    found = [value for c in clauses(dsl(text), clause) for value in c.values()]
    assert found and all(check(v) for v in found), json.dumps(dsl(text))


def test_or_and_and_become_bool_queries_and_boosts_stay() -> None:
    body = dsl("(Herat OR Kandahar) AND raid")
    [(either, raid)] = clauses(body, "must")
    assert either["bool"]["minimum_should_match"] == 1
    assert {t["body"]["value"] for t in clauses(either, "term") if "body" in t} == {
        "herat",
        "kandahar",
    }
    assert {t["body"]["value"] for t in clauses(raid, "term") if "body" in t} == {"raid"}
    titles = [t for t in clauses(body, "term") if "title" in t]
    assert titles and all(t["title"]["boost"] == 2.0 for t in titles)  # title^2 as in Whoosh


QUERIES = [
    "al-Shabaab Mogadishu",
    "family:LeT",
    "group:TTP country:Pakistan",
    '"suicide bombing" NOT Syria',
    "Boko Haram OR ISWAP OR JNIM",
    "publisher:reuters date:2023",
    "Hayat Tahrir al-Sham Idlib",
    "author:smith~ title:ceasefire*",
    "IS-K Kabul airport",
    "Hezbollah AND (Lebanon OR Syria) AND NOT Israel",
]


def test_varied_queries_translate_to_json_a_server_accepts() -> None:
    for text in QUERIES:
        body = search_body(PARSER.parse(text).query, kind="document")
        assert json.loads(json.dumps(body)) == body
        assert body["query"]["bool"]["filter"] == [{"term": {"kind": "document"}}]


def test_the_mapping_expands_aliases_with_a_synonym_filter_at_search_time() -> None:
    body = index_body(GAZETTEER)
    analysis = body["settings"]["analysis"]
    lines = analysis["filter"]["brief_aliases"]["synonyms"]
    iskp = next(line for line in lines if "islam state khorasan provinc" in line.split(", "))
    assert "iskp" in iskp.split(", ")  # spellings as index terms (stemmed, folded)
    assert "brief_aliases" in analysis["analyzer"]["brief_aliases"]["filter"]
    properties = body["mappings"]["properties"]
    assert properties["body"]["search_analyzer"] == "brief_aliases"
    assert properties["group"] == {"type": "keyword"}
    assert set(make_schema().names()) <= set(properties)
    assert all("," not in part for line in lines for part in line.split(", "))


def test_the_local_searcher_is_one_search_backend(tmp_path) -> None:
    from briefreader.search.backend import SearchBackend
    from briefreader.search.searcher import Searcher

    searcher = Searcher(tmp_path / "index", resolver=GAZETTEER)
    try:
        assert isinstance(searcher, SearchBackend)
        assert not searcher.available
    finally:
        searcher.close()
    missing = {name for name in dir(SearchBackend) if not name.startswith("_")} - set(dir(Searcher))
    assert missing == set()
