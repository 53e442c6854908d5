"""The team workspace: where a team's shared library and work live (PostgreSQL).

No Qt, and nothing about notes or documents: `settings` says which server
(and never shows its password), `connection` talks to it in the portable SQL
the store and the library share. The store's and the library's PostgreSQL
backends sit on top of this; nothing above them knows which backend is used.
"""

from __future__ import annotations

from briefreader.workspace.settings import (
    Workspace,
    WorkspaceError,
    parse_workspace,
    redact,
    resolve_workspace,
)

__all__ = ["Workspace", "WorkspaceError", "parse_workspace", "redact", "resolve_workspace"]
