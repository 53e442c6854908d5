"""Search past one machine: the index on OpenSearch, the same query language translated.

Nothing here talks to a server (no client library is a dependency): it
builds the two JSON bodies an OpenSearch search backend would send, so the
README's "road past one team" is code the tests check rather than prose.

- `index_body(gazetteer)`: settings and mapping for an index of documents
  and notes with the Whoosh schema's fields (schema.py). The app sends each
  text field already analysed by its own analyser (`index_text`: folded,
  stemmed, hyphenated compounds joined, as Whoosh indexes them), so the
  server's analyser only splits on spaces and both indexes hold the same
  terms; the entity fields are keywords holding the canonical key. Alias
  expansion becomes a search-time `synonym_graph` filter: one line per
  entity listing its spellings as index terms, so a `match` for "iskp" also
  finds "Islamic State Khorasan Province" written out. The app's own parser
  already expands aliases; the filter serves other clients (dashboards).
- `translate(query)`: the Whoosh query `QueryParser.parse` produced (aliases
  expanded, entity names resolved to the canonical key, dates as ranges) as
  OpenSearch Query DSL: And/Or/Not to `bool`, phrases and proximity to
  `match_phrase` with `slop`, wildcards, prefixes, fuzzy terms and ranges to
  their namesakes, field boosts kept. A node it does not know raises
  `QueryError`, never a silently different query.
"""

from __future__ import annotations

from typing import Any, Final

from whoosh import query as wq

from briefreader.entities.gazetteer import Gazetteer
from briefreader.search.analysis import iter_tokens
from briefreader.search.query import QueryError
from briefreader.search.schema import ENTITY_FIELDS, TEXT_FIELDS

Json = dict[str, Any]

#: Keyword fields (exact values, as the Whoosh schema's ID and KEYWORD fields).
KEYWORD_FIELDS: Final = ("id", "kind", "publisher_key", "date", "story", *ENTITY_FIELDS)
#: Acronyms shorter than this are everyday words once folded ("IS", "US"): the
#: entity fields, filled by the matcher, cover them instead.
MIN_ACRONYM = 4


def index_text(text: str) -> str:
    """A text field as sent to the server: the app's index terms, space-separated
    (a hyphenated compound gives its parts and the joined form, as in Whoosh)."""
    return " ".join(term for term, _start, _end, _compound in iter_tokens(text))


def _synonym_lines(gazetteer: Gazetteer) -> list[str]:
    lines = []
    for kind in ("group", "country"):
        for entity in gazetteer.of_kind(kind):  # type: ignore[arg-type]
            acronyms = [a for a in entity.acronyms if sum(c.isalnum() for c in a) >= MIN_ACRONYM]
            spellings = (index_text(s) for s in (*entity.names, *acronyms))
            unique = [s for s in dict.fromkeys(spellings) if s and "," not in s]
            if len(unique) > 1:
                lines.append(", ".join(unique))
    return lines


def index_body(gazetteer: Gazetteer, *, shards: int = 3, replicas: int = 1) -> Json:
    """The settings and mapping to create the index with (PUT /briefreader)."""
    text = {"type": "text", "analyzer": "brief", "search_analyzer": "brief_aliases"}
    properties: Json = {name: {"type": "keyword"} for name in KEYWORD_FIELDS}
    properties.update({name: dict(text) for name in TEXT_FIELDS})
    properties["title"]["fields"] = {"raw": {"type": "keyword", "ignore_above": 512}}
    properties["date"] = {"type": "keyword"}  # ISO day strings, as in Whoosh ("" = undated)
    properties["stamp"] = {"type": "keyword", "index": False}
    return {
        "settings": {
            "number_of_shards": shards,
            "number_of_replicas": replicas,
            "analysis": {
                "filter": {
                    "brief_aliases": {
                        "type": "synonym_graph",
                        "expand": True,
                        "lenient": True,
                        "synonyms": _synonym_lines(gazetteer),
                    },
                },
                "analyzer": {
                    # The app analysed the text already (index_text): split on spaces only.
                    "brief": {"type": "custom", "tokenizer": "whitespace", "filter": []},
                    "brief_aliases": {
                        "type": "custom",
                        "tokenizer": "whitespace",
                        "filter": ["brief_aliases"],
                    },
                },
            },
        },
        "mappings": {"dynamic": "strict", "properties": properties},
    }


def _leaf(field: str, clause: str, value: Json, boost: float) -> Json:
    if boost != 1.0:
        value["boost"] = boost
    return {clause: {field: value}}


def _bool(body: Json, boost: float) -> Json:
    if boost != 1.0:
        body["boost"] = boost
    return {"bool": body}


def translate(q: wq.Query) -> Json:
    """OpenSearch Query DSL for a parsed query (see the module docstring)."""
    boost = float(getattr(q, "boost", 1.0) or 1.0)
    if q is wq.NullQuery:
        return {"match_none": {}}
    if isinstance(q, wq.Every):
        return {"match_all": {}}
    if isinstance(q, wq.AndNot):
        return _bool({"must": [translate(q.a)], "must_not": [translate(q.b)]}, boost)
    if isinstance(q, wq.AndMaybe):
        return _bool({"must": [translate(q.a)], "should": [translate(q.b)]}, boost)
    if isinstance(q, wq.Not):
        return _bool({"must_not": [translate(q.query)]}, boost)
    if isinstance(q, wq.And):
        must = [translate(s) for s in q.subqueries if not isinstance(s, wq.Not)]
        must_not = [translate(s.query) for s in q.subqueries if isinstance(s, wq.Not)]
        body: Json = {"must": must or [{"match_all": {}}]}
        if must_not:
            body["must_not"] = must_not
        return _bool(body, boost)
    if isinstance(q, wq.Or):
        return _bool(
            {"should": [translate(s) for s in q.subqueries], "minimum_should_match": 1}, boost
        )
    if isinstance(q, wq.Phrase):
        words = " ".join(str(w) for w in q.words)  # index terms already: no re-analysis
        value = {"query": words, "slop": max(0, q.slop - 1), "analyzer": "brief"}
        return _leaf(q.fieldname, "match_phrase", value, boost)
    if isinstance(q, wq.FuzzyTerm):
        value = {"value": str(q.text), "fuzziness": int(q.maxdist), "prefix_length": q.prefixlength}
        return _leaf(q.fieldname, "fuzzy", value, boost)
    if isinstance(q, wq.Wildcard):
        return _leaf(q.fieldname, "wildcard", {"value": str(q.text)}, boost)
    if isinstance(q, wq.Prefix):
        return _leaf(q.fieldname, "prefix", {"value": str(q.text)}, boost)
    if isinstance(q, wq.TermRange):
        bounds: Json = {}
        if q.start is not None:
            bounds["gt" if q.startexcl else "gte"] = str(q.start)
        if q.end is not None:
            bounds["lt" if q.endexcl else "lte"] = str(q.end)
        return _leaf(q.fieldname, "range", bounds, boost)
    if isinstance(q, wq.Term):
        return _leaf(q.fieldname, "term", {"value": str(q.text)}, boost)
    raise QueryError(f"this query cannot be sent to OpenSearch ({type(q).__name__})")


def search_body(q: wq.Query, *, size: int = 50, kind: str | None = None) -> Json:
    """A whole search request: the query (documents or notes only, with `kind`) and
    the facets the Filters pane shows. Snippets are cut from the library's text by
    the app, as today (the index holds terms, not the text as written)."""
    query = translate(q)
    if kind is not None:
        query = {"bool": {"must": [query], "filter": [{"term": {"kind": kind}}]}}
    return {
        "size": size,
        "query": query,
        "_source": ["id", "kind", "title", "publisher", "date", "story", *ENTITY_FIELDS],
        "aggs": {
            name: {"terms": {"field": name, "size": 50}}
            for name in (*ENTITY_FIELDS, "publisher_key", "story")
        },
    }
