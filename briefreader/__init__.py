"""briefreader: read reporting on militant groups, collect excerpts, export briefings."""

__version__ = "0.1.0"
