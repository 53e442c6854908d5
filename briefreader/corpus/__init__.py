"""The corpus: files in, clean, separate, de-duplicated articles out.

decode -> (html | markdown) -> repair -> blocks/split -> parse (documents)
-> library (SQLite, versions) -> cluster (stories). Other packages use
`briefreader.corpus.library` (`Library`, `open_library`) and
`briefreader.corpus.report.ImportReport`.
"""
