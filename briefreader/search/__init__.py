"""Full-text search: a Whoosh index that is a cache of the library.

The calls other layers make (no Qt here; the GUI runs indexing through
`background.IndexJob`, the CLI calls `sources.update_from_library`):

- `sources.update_from_library(paths, library=None, progress=None)` -> `IndexChanges`
- `sources.open_searcher(paths, library)` -> `searcher.Searcher`
- `Searcher.search(text, limit=50, kind=None, with_facets=False, exact_total=False)`
  -> `SearchResults(hits: tuple[Hit, ...], total, notice, facets, total_exact)`
- `Searcher.match_plan(text)` -> `highlight.MatchPlan`; `.spans(body, mentions)`
  and `Searcher.match_spans(text, body)` give the reader's "3/17" stops
- `Searcher.facets(text)`, `Searcher.count(text)`
- `background.IndexJob.start(paths)`: `.poll()`, `.finished`, `.result()`, `.cancel()`
- errors: `query.QueryError` (unusable query, one-line message),
  `indexer.IndexBusyError` (another process is writing the index)

Module map: `analysis` (one normalisation for indexing, queries and
highlighting), `schema`, `writer` (lean bulk segment writer), `parallel`
(forked workers), `indexer` (the self-healing, incremental cache),
`aliases` + `query` (alias-aware parsing with a safe fallback),
`highlight` (spans and snippets), `facets`, `searcher`, `sources` (wiring
to the library, gazetteer and notes), `background` (child-process indexing).
"""
