"""Analysis: who is rising, who appears with whom, what changed since the last briefing.

No Qt. Everything reads per-document entity counts kept beside the library
(schema.py, in `opening.counts_path(paths)`), filled once per document at
import; no view re-scans text.

Opening and the import hook::

    opened = opening.open_counts(paths)          # seeds a fresh data dir, syncs, CLI-style
    counts = Counts.open(opening.counts_path(paths))   # the window keeps one open
    opening.sync_counts(counts, library, matcher)  # after every import: counts what is new,
        # drops replaced versions, follows dates the library learnt, recounts all
        # when the gazetteer changed; with nothing to do it reads the library's listing

Views (each takes a `Scope(start, end, doc_ids)`: a period and/or the documents
the list shows; default: the whole library)::

    trends.top_entities(counts, "group", limit=10) -> [EntityTotal(entity, mentions, documents)]
    trends.timeline(counts, [entity...], unit="month"|"week",
                    metric="mentions"|"documents"|"share") -> Timeline
        Timeline(periods: (Period(unit, start, end, .label),), series: (Series(entity,
                 values, mentions, documents),), documents, undated, .undated_note)
    trends.documents_in(counts, period, [entity...]) -> [doc_id]   # a selected bar
    cooccur.matrix(counts, rows="group"|[entity...], columns="country"|"group"|[...],
                   count_by="document"|"paragraph", limit=15) -> Matrix(rows, columns,
                   cells[r][c] (None on the diagonal), count_by, documents)
    cooccur.documents_behind(counts, a, b, count_by=...) -> [doc_id]  # a selected cell
    dossier.dossier(counts, entity, gazetteer, store=, find=) -> Dossier
    since.since(counts, since.cut_at(day) | since.cut_at_briefing(store, name)) -> Since
    names.resolve(gazetteer, "ISIS-K") -> ("group", "Islamic State Khorasan Province")

An entity is a `(kind, canonical name)` tuple, as the facets key it. Documents
without a publication date are placed on their import day, and every view
that places documents in time says how many (`Timeline.undated_note`).
"""
