"""Keeping an SQLite file safe: verified backups, damage checks, set-aside, locks.

Both of the analyst's files use it: the work database (store/opening.py)
and the library (corpus/library_file.py). Nothing here knows what the
tables hold; each caller names its file's `stem` ("work", "library"), and
the backups of both live side by side in one `backups/` folder.

It sits below every other package (no briefreader imports), so the store
and the corpus can share it without depending on each other.
"""
