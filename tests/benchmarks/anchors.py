"""Anchors for the search benchmark: other engines on the same corpus, in the same run.

On a machine shared by many processes, absolute timings say little; the ratio
to an engine measured minutes apart on the same documents says whether
briefreader got faster or slower. SQLite FTS5 (porter stemmer) needs nothing
but the standard library; tantivy (Rust, via tantivy-py) is used when it is
installed. Both answer each query with its 10 best documents and a snippet of
each, as the search does.

Query kinds without an exact equivalent are translated as closely as each
engine allows: an entity field (`group:ISKP`) becomes the plain word, and an
alias query the naive expansion, every spelling of the entity as a phrase
joined by OR (what briefreader's alias patterns avoid).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from briefreader.domain import Document

_FIELD = re.compile(r"^(title|publisher):(.+)$")
_ENTITY = re.compile(r"^(group|country):(.+)$")


def expand_alias(query: str, resolver: Any) -> list[str] | None:
    """Every spelling of the entity `query` names, or None if it names none."""
    entity = resolver.resolve(query)
    if entity is None:
        return None
    return sorted({query, entity.canonical, *resolver.aliases_of(entity.canonical)})


def _quote(text: str) -> str:
    return '"' + text.replace('"', " ") + '"'


class Fts5Anchor:
    """SQLite FTS5 over title, publisher and body."""

    name = "SQLite FTS5"

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path)
        self._db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5("
            "id UNINDEXED, title, publisher, body, tokenize='porter unicode61')"
        )

    def build(self, documents: Iterable[Document]) -> float:
        started = time.perf_counter()
        with self._db:
            self._db.executemany(
                "INSERT INTO docs (id, title, publisher, body) VALUES (?, ?, ?, ?)",
                ((d.id, d.title, d.publisher, d.body) for d in documents),
            )
            self._db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
        return time.perf_counter() - started

    def translate(self, query: str, resolver: Any) -> str:
        field = _FIELD.match(query)
        if field:
            return f"{field.group(1)}:{field.group(2)}"
        entity = _ENTITY.match(query)
        if entity:
            return _quote(entity.group(2))
        spellings = expand_alias(query, resolver)
        if spellings is not None:
            return " OR ".join(_quote(s) for s in spellings)
        return query

    def search(self, query: str) -> tuple[int, list[str]]:
        rows = self._db.execute(
            "SELECT id, snippet(docs, 3, '[', ']', '…', 24) FROM docs WHERE docs MATCH ? "
            "ORDER BY rank LIMIT 10",
            (query,),
        ).fetchall()
        return len(rows), [r[1] for r in rows]

    def close(self) -> None:
        self._db.close()


class TantivyAnchor:
    """tantivy, when tantivy-py is installed (never a dependency of the project)."""

    name = "tantivy"

    def __init__(self, path: Path) -> None:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True)
        for name in ("title", "publisher", "body"):
            builder.add_text_field(name, stored=True, tokenizer_name="en_stem")
        self._schema = builder.build()
        path.mkdir(parents=True, exist_ok=True)
        self._index = tantivy.Index(self._schema, path=str(path))
        self._tantivy = tantivy

    def build(self, documents: Iterable[Document]) -> float:
        started = time.perf_counter()
        writer = self._index.writer(heap_size=256_000_000, num_threads=2)
        for d in documents:
            writer.add_document(
                self._tantivy.Document(id=d.id, title=d.title, publisher=d.publisher, body=d.body)
            )
        writer.commit()
        writer.wait_merging_threads()
        self._index.reload()
        return time.perf_counter() - started

    def translate(self, query: str, resolver: Any) -> str:
        entity = _ENTITY.match(query)
        if entity:
            return _quote(entity.group(2))
        spellings = expand_alias(query, resolver)
        if spellings is not None:
            return " OR ".join(_quote(s) for s in spellings)
        return query

    def search(self, query: str) -> tuple[int, list[str]]:
        searcher = self._index.searcher()
        parsed = self._index.parse_query(query, ["title", "body"])
        hits = searcher.search(parsed, 10).hits
        generator = self._tantivy.SnippetGenerator.create(searcher, parsed, self._schema, "body")
        snippets = []
        for _score, address in hits:
            doc = searcher.doc(address)
            snippets.append(generator.snippet_from_doc(doc).to_html())
        return len(hits), snippets

    def close(self) -> None:
        pass


def available_anchors(folder: Path) -> list[Callable[[], Any]]:
    """Constructors of the anchors this machine can run (FTS5 always)."""
    out: list[Callable[[], Any]] = [lambda: Fts5Anchor(folder / "fts5.db")]
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return out
    out.append(lambda: TantivyAnchor(folder / "tantivy"))
    return out
