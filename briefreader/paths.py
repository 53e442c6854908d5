"""The one place that knows where data and resources live.

The analyst's data directory comes from platformdirs unless `--data-dir`
overrides it; tests always pass a temporary one. Resources and the default
corpus sit beside the package in a source checkout or an editable install,
and inside it (`_bundled/`) in a wheel.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefreader.workspace.settings import Workspace

APP_NAME = "briefreader"
_PACKAGE_DIR = Path(__file__).resolve().parent
#: Lets a test or a packager point at another resources folder.
RESOURCES_ENV = "BRIEFREADER_RESOURCES"


def _bundled_or_checkout(name: str) -> Path:
    bundled = _PACKAGE_DIR / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    override = os.environ.get(RESOURCES_ENV)
    return Path(override) if override else _bundled_or_checkout("resources")


def seeds_dir() -> Path:
    """The embedded default corpus, opened when nothing else was imported."""
    return _bundled_or_checkout("seeds")


def default_data_dir() -> Path:
    import platformdirs  # here: with --data-dir a start never needs it (~10 ms)

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


@dataclass(frozen=True, slots=True)
class DataPaths:
    """Every file briefreader keeps for one analyst, under one root.

    - `library_db`: imported documents (original bytes, cleaned text).
    - `work_db`: the analyst's own work (notes, excerpts, briefings, read
      state). This is the file that must never be lost; `backups_dir` holds
      its verified copies.
    - `index_dir`: the Whoosh index, a cache rebuilt from the library.

    With a team `workspace` (PostgreSQL), the library and the work live on the
    team's server instead; the index, the caches, the settings and the queue
    of writes waiting for the server (`outbox_db`) stay here, on this machine.
    """

    root: Path
    workspace: Workspace | None = None

    @classmethod
    def at(cls, root: Path | str | None = None, workspace: Workspace | None = None) -> DataPaths:
        return cls(Path(root).expanduser().resolve() if root else default_data_dir(), workspace)

    @property
    def library_db(self) -> Path:
        return self.root / "library.sqlite3"

    @property
    def work_db(self) -> Path:
        return self.root / "work.sqlite3"

    @property
    def outbox_db(self) -> Path:
        """Writes made while the team's server was out of reach, waiting to be sent."""
        return self.root / "outbox.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def cache_dir(self) -> Path:
        """Derived data kept to save time (the built entity matcher); safe to delete."""
        return self.root / "cache"

    @property
    def user_gazetteer(self) -> Path:
        """The analyst's additions to the bundled gazetteer (TOML)."""
        return self.root / "gazetteer.toml"

    @property
    def keys_file(self) -> Path:
        """The analyst's key-binding overrides (TOML)."""
        return self.root / "keys.toml"

    @property
    def ui_state(self) -> Path:
        """Window geometry, dock layout and per-document positions (JSON)."""
        return self.root / "ui-state.json"

    def ensure(self) -> DataPaths:
        self.root.mkdir(parents=True, exist_ok=True)
        return self
