"""What the app asks of a search backend: today Whoosh on this machine (`Searcher`),
past one team a server (OpenSearch: opensearch.py, and the README's "road past
one team").

The window's engine (control/search_engine.py), the CLI and the analysis
views use only these calls, so a backend that answers them (parsing the same
query language with `QueryParser`, translating it with
`opensearch.translate`, cutting snippets from the library's text) can stand
in for the local index without the panes knowing. Ids are the library's
document ids and `note:<id>` for notes, in both.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol, runtime_checkable

from briefreader.domain import Hit
from briefreader.search.facets import FacetCounts
from briefreader.search.highlight import MatchPlan, Span
from briefreader.search.query import ParsedQuery
from briefreader.search.searcher import SearchResults


@runtime_checkable
class SearchBackend(Protocol):
    @property
    def available(self) -> bool:
        """An index to search exists (built, or reachable)."""
        ...

    def warm(self) -> bool: ...

    def parse(self, text: str) -> ParsedQuery: ...

    def search(
        self,
        text: str,
        *,
        limit: int | None = ...,
        snippet_count: int = ...,
        kind: str | None = ...,
        with_facets: bool = ...,
        exact_total: bool = ...,
    ) -> SearchResults: ...

    def with_snippets(
        self, text: str, hits: Sequence[Hit], count: int = ...
    ) -> tuple[Hit, ...]: ...

    def count(self, text: str) -> int: ...

    def matching_ids(self, text: str, among: Collection[str] | None = ...) -> list[str]: ...

    def facets(self, text: str) -> FacetCounts: ...

    def match_plan(self, text: str) -> MatchPlan: ...

    def match_spans(self, text: str, body: str) -> list[Span]: ...

    def close(self) -> None: ...
