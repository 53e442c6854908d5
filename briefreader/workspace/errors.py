"""What can go wrong talking to the team's server, as exceptions safe to show.

Kept apart from `connection` so that code catching them (the library's
importer, the store) need not import the driver to do so.
"""

from __future__ import annotations


class ServerError(Exception):
    """The server refused or failed a statement; `str()` is safe to show (no password)."""


class ServerUnavailable(ServerError):
    """The server cannot be reached (down, restarting, network gone)."""


class PermissionDenied(ServerError):
    """The analyst's role may not do this (a read-only role writing)."""


class Contention(ServerError):
    """Two transactions collided (serialization failure, deadlock): run it again."""
