"""Which paragraphs match a query, in the search box's own query language.

`briefreader export --query` quotes paragraphs, not documents, so it cannot
use the document index as it stands: "ISKP NOT China" must keep a paragraph
that names ISKP and not China even when the article mentions China
elsewhere. The paragraphs are indexed afresh in memory, one Whoosh entry per
paragraph with the same schema, analysis and alias expansion as the search
index (the article's title, author, publisher and date repeated on each), so
AND, OR, NOT, phrases, proximity, wildcards, fuzzy terms and `group:`,
`country:`, `title:` and `publisher:` fields all mean here what they mean in
the search box. One difference: a word with no field looks in the paragraph's
text only, not in the article's title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from whoosh.filedb.filestore import RamStorage

from briefreader.domain import Document, Mention
from briefreader.search.aliases import AliasExpander, Resolver
from briefreader.search.query import QueryError, QueryParser
from briefreader.search.schema import COLUMN_FIELDS, document_fields, make_schema
from briefreader.search.segment import SegmentBuilder
from briefreader.search.toc import INDEX_NAME, commit

MentionFinder = Callable[[str], Sequence[Mention]]
ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class ParagraphMatches:
    """The matching paragraphs, by document id, in reading order."""

    by_document: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: Non-empty when the query was not used as written (what was searched instead).
    notice: str = ""

    @property
    def count(self) -> int:
        return sum(len(found) for found in self.by_document.values())


def _paragraph_entities(
    doc: Document, mentions: Iterable[Mention]
) -> list[tuple[set[str], set[str]]]:
    """Each paragraph's groups and countries, from one pass of the matcher over the body."""
    spans = doc.paragraph_spans()
    found: list[tuple[set[str], set[str]]] = [(set(), set()) for _ in spans]
    index = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        while index < len(spans) and spans[index][1] <= mention.start:
            index += 1
        if index == len(spans):
            break
        groups, countries = found[index]
        (groups if mention.kind == "group" else countries).add(mention.canonical)
    return found


#: Always indexed: what a paragraph says and whom it names. The article's own
#: fields (title, author, publisher, date, story) only when the query asks.
_ALWAYS = frozenset({"id", "kind", "body", "group", "country"})


def _fields_used(query: Any) -> set[str]:
    leaves = [query] if query.is_leaf() else list(query.leaves())
    return {str(node.fieldname) for node in leaves if getattr(node, "fieldname", None)}


def _entries(
    documents: Sequence[Document],
    find: MentionFinder,
    keep: frozenset[str],
    progress: ProgressFn | None,
) -> Iterable[dict[str, Any]]:
    for done, doc in enumerate(documents, 1):
        entities = _paragraph_entities(doc, find(doc.body))
        for number, (start, end) in enumerate(doc.paragraph_spans()):
            groups, countries = entities[number]
            fields = document_fields(doc, groups, countries)
            fields.update(id=f"{doc.id}:{number}", kind="paragraph", body=doc.body[start:end])
            # Column fields must be written for every entry (see schema.COLUMN_FIELDS).
            yield {k: v for k, v in fields.items() if k in keep or k in COLUMN_FIELDS}
        if progress is not None and (done % 50 == 0 or done == len(documents)):
            progress(done, len(documents))


def matching_paragraphs(
    query: str,
    documents: Sequence[Document],
    find: MentionFinder,
    resolver: Resolver | None,
    *,
    progress: ProgressFn | None = None,
) -> ParagraphMatches:
    """The paragraphs of `documents` that `query` matches.

    `find` is the entity matcher and `resolver` its gazetteer (for alias
    expansion). Raises `QueryError` for a query with nothing to search for.
    """
    # Bare words look in the paragraph only: a word of the title would otherwise
    # pull in every paragraph of the article (`title:` still searches titles).
    parser = QueryParser(make_schema(), AliasExpander(resolver), default_fields=("body",))
    parsed = parser.parse(query)  # before any indexing: a bad query fails fast
    index = RamStorage().create_index(make_schema(), indexname=INDEX_NAME)
    builder = SegmentBuilder(index.storage, INDEX_NAME, index.schema)  # the index's bulk path
    keep = _ALWAYS | _fields_used(parsed.query)
    for fields in _entries(documents, find, keep, progress):
        builder.add(fields)
    if builder.doc_count:
        commit(index.storage, [builder.finish()])
    found: dict[str, list[int]] = {}
    with index.searcher() as searcher:
        try:
            numbers = list(searcher.docs_for_query(parsed.query))
        except Exception as error:  # a query Whoosh accepted but cannot run
            raise QueryError(f"cannot run this query ({type(error).__name__})") from error
        for number in numbers:
            doc_id, paragraph = searcher.stored_fields(number)["id"].rsplit(":", 1)
            found.setdefault(doc_id, []).append(int(paragraph))
    order = {doc.id: n for n, doc in enumerate(documents)}
    by_document = {
        doc_id: tuple(sorted(paragraphs))
        for doc_id, paragraphs in sorted(found.items(), key=lambda item: order[item[0]])
    }
    return ParagraphMatches(by_document, parsed.notice)
