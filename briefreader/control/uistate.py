"""What the window remembers between runs, kept in `DataPaths.ui_state` (JSON).

Geometry and dock layout are opaque Qt blobs (base64 text here). Reading
positions and read state live here too until the store offers them; the file
is written atomically (temporary file + rename) so a crash mid-write leaves
the previous state, never half a file. A damaged file is set aside and the
window opens with defaults rather than refusing to start.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefreader.control.facets import READ_FILTERS, FacetFilter


@dataclass
class UiState:
    geometry: str = ""
    window_state: str = ""
    last_document: str = ""
    positions: dict[str, int] = field(default_factory=dict)
    read: list[str] = field(default_factory=list)
    zoom: int = 0
    #: "system", "light", "dark" or "high-contrast" (see ui/common/theme.py).
    theme: str = "system"
    hidden_kinds: list[str] = field(default_factory=list)
    filter_entities: list[list[str]] = field(default_factory=list)
    filter_read: str = "all"
    filter_one_per_story: bool = False
    #: Written by the window on quit: what was on screen, for tests and bug reports.
    last_session: dict[str, Any] = field(default_factory=dict)

    def facet_filter(self) -> FacetFilter:
        entities = frozenset(
            (kind, name)
            for kind, name in (tuple(pair) for pair in self.filter_entities if len(pair) == 2)
            if kind in ("group", "country")
        )
        read = self.filter_read if self.filter_read in READ_FILTERS else "all"
        return FacetFilter(entities, bool(self.filter_one_per_story), read)  # type: ignore[arg-type]

    def keep_filter(self, flt: FacetFilter) -> None:
        self.filter_entities = [list(key) for key in sorted(flt.entities)]
        self.filter_read = flt.read
        self.filter_one_per_story = flt.one_per_story


def load_ui_state(path: Path) -> UiState:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return UiState()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        with contextlib.suppress(OSError):
            path.replace(path.with_suffix(".damaged.json"))
        return UiState()
    if not isinstance(raw, dict):
        return UiState()
    defaults = asdict(UiState())
    values: dict[str, Any] = {}
    for name, default in defaults.items():
        value = raw.get(name, default)
        values[name] = value if isinstance(value, type(default)) else default
    values["positions"] = {
        str(k): v for k, v in values["positions"].items() if isinstance(v, int) and v >= 0
    }
    values["read"] = [str(v) for v in values["read"]]
    return UiState(**values)


def save_ui_state(path: Path, state: UiState) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(state), ensure_ascii=False, indent=1, sort_keys=True)
    fd, tmp = tempfile.mkstemp(prefix=".ui-state-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
