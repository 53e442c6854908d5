"""PDF briefings: a `Briefing` (model.py) rendered with ReportLab Platypus.

Entry points:
- `exporter.export_briefing(briefing, out, progress=..., find_mentions=...)`:
  write the PDF atomically; raises `exporter.ExportError` (one-line message).
- `stored.load_for_export(store, library, name_or_id)`: a stored briefing as
  the model, with citations and integrity flags (what the composer shows).
- `query.briefing_from_paragraphs(query, documents, chosen, find_mentions)`:
  chosen paragraphs (those a query matched) as sections, one per article.
- `integrity.check_integrity(briefing, text_of, locate)`: flag stale and
  orphaned excerpts.

Nothing here imports Qt; the export can run on a worker thread.
"""
