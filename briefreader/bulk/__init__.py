"""Bulk ingestion on Apache Spark: the app's corpus → entities → stories pipeline
for millions of documents, writing a library the desktop app opens.

No Qt, and no Spark at import time: `stages` holds the per-partition steps in
plain Python (the app's own parser, matcher and story rule), `pipeline` runs
them as a PySpark job (`pyspark` is the optional `spark` extra), `output`
writes the library file. The README's "road past one team" has the
measurements behind it.
"""
