"""Searching the index: ranked hits with snippets, facets, and match spans.

`Searcher` is the one object the UI, the control layer and the CLI hold.
It is cheap to keep open: it reopens its Whoosh searcher only when another
writer has committed a newer generation, so search-as-you-type costs one
query, not one index open, per keystroke. It never writes and never takes
the index lock, so searching keeps working while another process indexes.

Snippet text comes from the caller (`text_of(id)`, usually the library),
because the index does not store bodies: offsets then always refer to the
text the reader shows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from whoosh import query as wq
from whoosh.scoring import Frequency
from whoosh.searching import Searcher as WhooshSearcher

from briefreader.domain import Hit
from briefreader.search.aliases import AliasExpander, Resolver
from briefreader.search.execute import Executor
from briefreader.search.facets import FacetCounts, Vocabulary, facet_counts
from briefreader.search.highlight import MatchPlan, MentionFinder, Span, snippets
from briefreader.search.indexer import open_index
from briefreader.search.query import ParsedQuery, QueryError, QueryParser
from briefreader.search.schema import DEFAULT_FIELDS, ENTITY_FIELDS, TEXT_FIELDS, make_schema
from briefreader.search.segdata import PostingsCache, SegmentData

DEFAULT_LIMIT: Final = 50
#: Wildcards and fuzzy terms highlight at most this many index terms.
MAX_EXPANDED_TERMS: Final = 512

TextOf = Callable[[str], str | None]


@dataclass(frozen=True)
class SearchResults:
    """One query's answer. `total` counts every match, not only `hits`."""

    query: str
    hits: tuple[Hit, ...] = ()
    total: int = 0
    notice: str = ""
    facets: FacetCounts = field(default_factory=dict)
    #: False when `total` is Whoosh's estimate (ask with `exact_total=True`).
    total_exact: bool = True


class Searcher:
    """Read-only search over the index in `index_dir` (thread-safe)."""

    def __init__(
        self,
        index_dir: Path,
        *,
        resolver: Resolver | None = None,
        text_of: TextOf | None = None,
        mentions: MentionFinder | None = None,
    ) -> None:
        self._index_dir = index_dir
        self._parser = QueryParser(make_schema(), AliasExpander(resolver))
        self._text_of = text_of or (lambda _id: None)
        self._mentions = mentions
        self._lock = threading.Lock()
        self._searcher: WhooshSearcher | None = None
        self._segments: list[SegmentData] | None = None
        self._segment_cache: list[SegmentData] = []
        self._postings = PostingsCache()
        self._vocabulary = Vocabulary()

    # -- lifecycle ---------------------------------------------------------
    def _current(self) -> WhooshSearcher | None:
        """An up-to-date Whoosh searcher, or None when there is no usable index."""
        if self._searcher is not None:
            try:
                if not self._searcher.up_to_date():
                    self._searcher = self._searcher.refresh()
                    self._segments = None
                return self._searcher
            except Exception:
                self._close_searcher()
        ix = open_index(self._index_dir)
        if ix is None:
            return None
        self._searcher = ix.searcher()
        self._segments = None
        return self._searcher

    def _executor(self, searcher: WhooshSearcher) -> Executor:
        """An executor over the searcher's segments, reusing what is loaded for each."""
        if self._segments is None:
            known = {(d.segid, int((~d.live).sum())): d for d in self._segment_cache}
            fresh: list[SegmentData] = []
            for sub, offset in searcher.leaf_searchers():
                reader = sub.reader()
                if not hasattr(reader, "_segid"):
                    continue  # an empty index has no segment
                segment = reader._segment
                old = known.get((reader._segid, segment.deleted_count()))
                if old is not None and old.offset == offset and old.reader is reader:
                    fresh.append(old)
                else:
                    fresh.append(SegmentData(reader, offset, self._postings))
            self._segments = fresh
            self._segment_cache = fresh
            self._postings.forget({d.segid for d in fresh})
        return Executor(searcher, self._segments)

    def _close_searcher(self) -> None:
        self._segments = None
        self._segment_cache = []
        if self._searcher is not None:
            try:
                self._searcher.close()
            finally:
                self._searcher = None

    def close(self) -> None:
        with self._lock:
            self._close_searcher()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def available(self) -> bool:
        with self._lock:
            return self._current() is not None

    def warm(self) -> bool:
        """Open the index and load what every query reads (lengths); True if there is one."""
        with self._lock:
            searcher = self._current()
            if searcher is None:
                return False
            executor = self._executor(searcher)
            for data in self._segments or ():
                for name in DEFAULT_FIELDS:
                    data.lengths(name)
            del executor
            return True

    # -- queries -----------------------------------------------------------
    def parse(self, text: str) -> ParsedQuery:
        """Parse without searching (raises `QueryError` for unusable queries)."""
        return self._parser.parse(text)

    def search(
        self,
        text: str,
        *,
        limit: int | None = DEFAULT_LIMIT,
        snippet_count: int = 3,
        kind: str | None = None,
        with_facets: bool = False,
        exact_total: bool = False,
    ) -> SearchResults:
        """Ranked hits for `text` (raises `QueryError` for unusable queries).

        `kind` ("document" or "note") restricts the entries searched. The
        total counts every match and is always exact (`exact_total` is kept
        for callers that ask for it: it costs nothing more).
        """
        del exact_total  # every match is scored anyway: the count is exact for free
        parsed = self._parser.parse(text)
        with self._lock:
            searcher = self._current()
            if searcher is None:
                return SearchResults(parsed.text, notice="the search index is not built yet")
            q = parsed.query
            if kind is not None:
                q = wq.And([q, wq.Term("kind", kind)])
            executor = self._executor(searcher)
            try:
                ranked = executor.rank(q, limit)
            except Exception as error:  # a query Whoosh accepted but cannot run
                raise QueryError(f"cannot run this query ({type(error).__name__})") from error
            plan = self._plan(q, searcher)
            found = []
            for docnum, score in ranked.top:
                stored = searcher.stored_fields(docnum)
                found.append((stored["id"], stored.get("title", ""), score))
            facets: FacetCounts = {}
            if with_facets:
                facets = facet_counts(executor.masks(q), self._vocabulary)
        hits = tuple(
            self._hit(plan, doc_id, title, score, snippet_count) for doc_id, title, score in found
        )
        return SearchResults(parsed.text, hits, ranked.total, parsed.notice, facets, True)

    def with_snippets(self, text: str, hits: Sequence[Hit], count: int = 3) -> tuple[Hit, ...]:
        """`hits` (from `search(text, snippet_count=0)`) with snippets, marks and match
        counts: a view cuts them only for the rows it shows."""
        parsed = self._parser.parse(text)
        with self._lock:
            plan = self._plan(parsed.query, self._current())
        return tuple(self._hit(plan, h.doc_id, h.title, h.score, count) for h in hits)

    def count(self, text: str) -> int:
        """The exact number of entries matching `text`."""
        parsed = self._parser.parse(text)
        with self._lock:
            searcher = self._current()
            if searcher is None:
                return 0
            return len(self._executor(searcher).docnums(parsed.query))

    def matching_ids(self, text: str, among: Collection[str] | None = None) -> list[str]:
        """Ids of the documents (never notes) matching `text`, unranked.

        With `among`, only those documents are considered: what a standing
        query asks of the few documents an import just added. The matcher is
        then walked from those documents (`skip_to`), never over every
        posting of the query's terms, and nothing is scored.
        """
        parsed = self._parser.parse(text)
        if among is not None and not among:
            return []
        with self._lock:
            searcher = self._current()
            if searcher is None:
                return []
            kind = wq.Term("kind", "document")
            try:
                if among is None:
                    q = wq.And([parsed.query, kind])
                    numbers = self._executor(searcher).docnums(q).tolist()
                else:
                    return _matching_among(parsed.query, among, searcher)
            except Exception as error:  # a query Whoosh accepted but cannot run
                raise QueryError(f"cannot run this query ({type(error).__name__})") from error
            return [searcher.stored_fields(n)["id"] for n in numbers]

    def facets(self, text: str) -> FacetCounts:
        """Counts per group, country, publisher and story over every match."""
        parsed = self._parser.parse(text)
        with self._lock:
            searcher = self._current()
            if searcher is None:
                return {}
            return facet_counts(self._executor(searcher).masks(parsed.query), self._vocabulary)

    def match_plan(self, text: str) -> MatchPlan:
        """What to highlight for a query (reusable across documents)."""
        parsed = self._parser.parse(text)
        with self._lock:
            searcher = self._current()
            return self._plan(parsed.query, searcher)

    def match_spans(self, text: str, body: str) -> list[Span]:
        """Every place in `body` the query matches, in order: the reader's "3/17"."""
        return self.match_plan(text).spans(body, self._mentions)

    # -- internals ---------------------------------------------------------
    def _hit(self, plan: MatchPlan, doc_id: str, title: str, score: float, count: int) -> Hit:
        if not count:  # snippets come later, for the rows on screen (`with_snippets`)
            return Hit(doc_id=doc_id, title=title, score=score)
        body = self._text_of(doc_id) or ""
        spans = plan.spans(body, self._mentions)
        cut = snippets(body, spans, limit=count) if count else []
        return Hit(
            doc_id=doc_id,
            title=title,
            score=score,
            snippets=tuple(s.text for s in cut),
            marks=tuple(s.marks for s in cut),
            hit_count=len(spans),
        )

    def _plan(self, q: wq.Query, searcher: WhooshSearcher | None) -> MatchPlan:
        terms: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        entities: set[str] = set()
        reader = searcher.reader() if searcher is not None else None
        stack: list[wq.Query] = [q]
        while stack:
            node = stack.pop()
            if isinstance(node, wq.Not):
                continue
            if isinstance(node, wq.AndNot):
                stack.append(node.a)
                continue
            if isinstance(node, wq.Phrase):
                if node.fieldname in TEXT_FIELDS:
                    words = tuple(str(w) for w in node.words)
                    if node.slop > 1:
                        terms.update(words)
                    else:
                        phrases.append(words)
                continue
            if isinstance(node, wq.Term):
                if node.fieldname in TEXT_FIELDS:
                    terms.add(str(node.text))
                elif node.fieldname in ENTITY_FIELDS:
                    entities.add(str(node.text))
                continue
            if isinstance(node, wq.MultiTerm) and node.fieldname in TEXT_FIELDS:
                if reader is not None:
                    expanded = _expand(node, reader)
                    terms.update(expanded)
                continue
            stack.extend(node.children())
        return MatchPlan(frozenset(terms), tuple(dict.fromkeys(phrases)), frozenset(entities))


def _expand(node: Any, reader: Any) -> set[str]:
    out: set[str] = set()
    try:
        for word in node._btexts(reader):
            out.add(word.decode("utf-8") if isinstance(word, bytes) else str(word))
            if len(out) >= MAX_EXPANDED_TERMS:
                break
    except Exception:
        return out
    return out


def _skipping(q: wq.Query) -> wq.Query:
    """`q` with every OR built as a tree of lazy unions, which can skip ahead.

    On a small index Whoosh loads an OR's every match up front; walking from a
    handful of documents, skipping is what keeps a query cheap.
    """
    stack = [q]
    while stack:
        node = stack.pop()
        if isinstance(node, wq.Or):
            node.matcher_type = wq.Or.DEFAULT_MATCHER
        stack.extend(node.children())
    return q


def _matching_among(q: wq.Query, among: Collection[str], searcher: WhooshSearcher) -> list[str]:
    """The ids among `among` that `q` matches, asked only of the segments holding them.

    The documents an import just added sit in the newest, smallest segments.
    Asked of the whole index, every term of every standing query is looked up
    and sized in every segment (at 10,000 documents that was most of a run);
    asked of the few segments that hold a candidate, with unscored matchers,
    a run costs what those segments hold.
    """
    wanted = _skipping(
        wq.And([wq.Or([wq.Term("id", doc_id) for doc_id in among]), q, wq.Term("kind", "document")])
    )
    found: list[str] = []
    for leaf, _offset in searcher.leaf_searchers():
        reader = leaf.reader()
        if not any(("id", doc_id) in reader for doc_id in among):
            continue
        unscored = WhooshSearcher(reader, weighting=Frequency(), closereader=False)
        found.extend(leaf.stored_fields(n)["id"] for n in _walk(wanted, unscored))
    return found


def _walk(q: wq.Query, searcher: WhooshSearcher) -> Iterator[int]:
    """The document numbers `q` matches, found by stepping its matcher.

    `docs_for_query` asks an AND for all its ids, which Whoosh computes as
    the intersection of both sides' full sets; stepping uses `skip_to` from
    the rarest side instead.
    """
    matcher = q.matcher(searcher, searcher.boolean_context())
    while matcher.is_active():
        yield matcher.id()
        matcher.next()
