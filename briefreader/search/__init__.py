"""Full-text search: a Whoosh index that is a cache of the library.

The calls other layers make (no Qt here; the GUI runs indexing through
`background.IndexJob`, the CLI calls `sources.update_from_library`). This is
the search-backend interface: another engine (OpenSearch, see the README's
"road past one team") would implement these calls and nothing above `search/` would change.

- `sources.update_from_library(paths, library=None, progress=None)` -> `IndexChanges`
  (streams the library; resumes an interrupted build)
- `sources.open_searcher(paths, library)` -> `searcher.Searcher`
- `Searcher.search(text, limit=50, snippet_count=3, kind=None, with_facets=False)`
  -> `SearchResults(hits: tuple[Hit, ...], total, notice, facets, total_exact)`
- `Searcher.with_snippets(text, hits, count)`: snippets only for the rows a view shows
  (`search(..., snippet_count=0)` leaves them out)
- `Searcher.match_plan(text)` -> `highlight.MatchPlan`; `.spans(body, mentions)`
  and `Searcher.match_spans(text, body)` give the reader's "3/17" stops
- `Searcher.facets(text)`, `Searcher.count(text)`, `Searcher.warm()`
- `background.IndexJob.start(paths)`: `.poll()`, `.finished`, `.result()`, `.cancel()`
- `indexer.is_complete(index_dir)`: False while a build is partial
- errors: `query.QueryError` (unusable query, one-line message),
  `indexer.IndexBusyError` (another process is writing the index)

Module map. Analysis and parsing: `analysis` (one normalisation for indexing,
queries and highlighting), `schema`, `aliases` + `query` (alias-aware parsing
with a safe fallback). Writing: `formats` (packed positions), `blocks` (W3
posting blocks from and to numpy arrays), `segment` (one segment from
documents), `toc` (committing segments), `merge`, `entries` (what each segment
holds, kept beside it for cheap updates), `parallel` (bounded, streaming,
forked workers), `indexer` (the self-healing, resumable cache),
`background` (child-process indexing), `sources` (wiring to the library,
gazetteer and notes). Reading: `mapped` (segment files read from the
memory map, uncopied), `segdata` (per-segment arrays and the postings
cache), `execute` + `phrases` (numpy query evaluation), `highlight` (spans
and snippets), `facets`, `searcher`.
"""
