"""The last resort for note edits the store could not save before quitting.

The store keeps a refused edit in memory and retries it (disk full, a
read-only folder, another instance holding the database), but memory ends
with the process. On quit, whatever is still unsaved is written as a plain
Markdown file to the first place that takes it (the data directory, the home
folder, the temporary folder), so the analyst's words outlive the window.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from briefreader.store import NoteTarget


def rescue_places(data_dir: Path) -> list[Path]:
    return [data_dir, Path.home(), Path(tempfile.gettempdir())]


def describe_target(target: NoteTarget, title_of: Callable[[str], str]) -> str:
    if target.kind == "memo":
        return "The memo"
    if target.kind == "document":
        return f"Note on “{title_of(target.id) or target.id}” (document {target.id})"
    return f"Note on {target.kind} {target.id}"


def rescue_text(unsaved: Mapping[NoteTarget, str], title_of: Callable[[str], str]) -> str:
    parts = [f"# Unsaved briefreader notes, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n"]
    for target, text in unsaved.items():
        parts.append(f"## {describe_target(target, title_of)}\n\n{text.rstrip()}\n")
    return "\n".join(parts)


def rescue_notes(
    unsaved: Mapping[NoteTarget, str],
    places: Sequence[Path],
    title_of: Callable[[str], str] = lambda doc_id: "",
) -> Path | None:
    """Write `unsaved` to a new file in the first writable place; None if none took it."""
    if not unsaved:
        return None
    text = rescue_text(unsaved, title_of)
    name = f"briefreader-unsaved-notes-{datetime.now(UTC):%Y%m%dT%H%M%S}.md"
    for place in places:
        path = place / name
        try:
            handle = path.open("x", encoding="utf-8")
        except OSError:
            continue
        try:
            with handle:
                handle.write(text)
        except OSError:  # a full disk: don't leave half a file behind
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        return path
    return None
