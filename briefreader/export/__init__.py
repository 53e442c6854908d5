"""Briefings: one `Briefing` model (model.py), three renderers (PDF, DOCX, Markdown).

Entry points:
- `exporter.export_briefing(briefing, out, format=..., progress=..., find_mentions=...)`:
  write the file atomically; raises `results.ExportError` (one-line message).
- `stored.load_for_export(store, library, name_or_id)`: a stored briefing as
  the model, with citations, grades and integrity flags (what the composer shows).
- `query.briefing_from_paragraphs(query, documents, chosen, find_mentions)`:
  chosen paragraphs (those a query matched) as sections, one per article.
- `integrity.check_integrity(briefing, text_of, locate)`: flag stale and
  orphaned excerpts.
- `links.doc_link` / `links.parse_link`: `briefreader://doc/<key>#p<n>`.
- `naming.query_title` / `naming.destination`: a title and a file name when none is given.

The pipeline: `prepare.prepare` finds mentions and numbers excerpts and
sources once (citations.py is the one citation formatter, overview.py words
the first page, chart_data.py counts the charts); then `pdf_document`
(ReportLab), `word` (python-docx) or `markdown` renders it.

Nothing here imports Qt; the export can run on a worker thread.
"""
